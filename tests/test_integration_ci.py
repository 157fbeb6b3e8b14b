"""The pre-commit hook and the GitHub Actions workflow of docs/ci.md, run as written."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import regex
from conftest import FIXTURES, ROOT

from checker.cli import main

HOOKS = ROOT / ".pre-commit-hooks.yaml"
CI_DOC = ROOT / "docs" / "ci.md"
# The keys pre-commit's manifest schema knows for a hook.
HOOK_KEYS = frozenset(
    """id name entry language alias files exclude types types_or exclude_types
    additional_dependencies args always_run fail_fast pass_filenames description
    language_version log_file minimum_pre_commit_version require_serial stages verbose""".split()
)
DRAFTS = [("clean-wire.md", 0), ("wrong-toll.md", 1), ("clean-paraphrase.txt", 0),
          ("planted-errors.txt", 1)]  # fmt: skip
DRAFT_IDS = ["clean-md", "wrong-md", "clean-txt", "wrong-txt"]

_COMMENT = regex.compile(r"(?:^|\s)#.*+$")
_ITEM = regex.compile(r"^(?P<dash>- |  )(?P<key>[A-Za-z_]++):\s*+(?P<value>.*+)$")
_FENCE = regex.compile(r"^```yaml\n(?P<body>.*?)^```", regex.MULTILINE | regex.DOTALL)
_GATE_LINE = regex.compile(r"^\s*+(?:- )?run: (?P<command>claimcheck gate .++)$", regex.MULTILINE)
_RUN_BLOCK = regex.compile(r"^(?P<indent> *+)run: \|\n(?P<body>(?:(?P=indent)  .*+\n)++)", regex.M)


# ---- a tiny YAML reader: the hook manifest is a list of flat `key: value` mappings ----------


def _scalar(text: str) -> Any:
    if text in ("true", "false"):
        return text == "true"
    if text.startswith("[") and text.endswith("]"):
        return [_scalar(item.strip()) for item in text[1:-1].split(",") if item.strip()]
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def parse_hooks(text: str) -> list[dict[str, Any]]:
    """The hooks of a `.pre-commit-hooks.yaml` written as `- key: value` / `  key: value` lines."""
    hooks: list[dict[str, Any]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", raw).rstrip()
        if not line:
            continue
        m = _ITEM.match(line)
        assert m, f"line {number} is not a flat `key: value` item: {raw!r}"
        if m["dash"] == "- ":
            hooks.append({})
        assert hooks, f"line {number}: a key before the first `- `"
        assert m["key"] not in hooks[-1], f"line {number}: {m['key']} twice"
        hooks[-1][m["key"]] = _scalar(m["value"])
    return hooks


@pytest.fixture(scope="module")
def hook() -> dict[str, Any]:
    hooks = parse_hooks(HOOKS.read_text(encoding="utf-8"))
    assert len(hooks) == 1
    return hooks[0]


@pytest.fixture
def claimcheck() -> str:
    found = shutil.which("claimcheck")
    if found is None:
        pytest.skip("the claimcheck console script is not on PATH (install the project first)")
    return found


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """An editorial repository: sources/ with the articles, drafts/, and a .claimcheck.toml."""
    shutil.copytree(FIXTURES / "articles", tmp_path / "sources")
    (tmp_path / "drafts").mkdir()
    (tmp_path / ".claimcheck.toml").write_text('sources = ["sources"]\n', encoding="utf-8")
    return tmp_path


def add_draft(repo: Path, fixture: str, name: str | None = None) -> str:
    """Copy a fixture draft into the repository's drafts/; its path relative to the repository."""
    target = repo / "drafts" / (name or fixture)
    shutil.copy(FIXTURES / "drafts" / fixture, target)
    return target.relative_to(repo).as_posix()


# ---- the pre-commit hook --------------------------------------------------------------------


def test_hook_manifest(hook: dict[str, Any]) -> None:
    assert set(hook) <= HOOK_KEYS
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["id"] == "claimcheck-gate"
    assert hook["entry"] == "claimcheck gate"
    assert hook["language"] == "python"
    assert hook["files"] == r"\.(md|txt|markdown)$"
    assert hook["pass_filenames"] is True and hook["require_serial"] is True


@pytest.mark.parametrize(
    ("name", "matched"),
    [("drafts/story.md", True), ("notes.txt", True), ("a/b.markdown", True),
     ("story.html", False), ("README.rst", False), ("md.json", False)],
    ids=["md", "txt", "markdown", "html", "rst", "json"],
)  # fmt: skip
def test_hook_files_pattern(hook: dict[str, Any], name: str, matched: bool) -> None:
    assert (regex.search(hook["files"], name) is not None) is matched


def test_hook_manifest_reads_the_same_with_pyyaml(hook: dict[str, Any]) -> None:
    import yaml  # in [test]: the hook file must read the same with pre-commit's own parser

    assert yaml.safe_load(HOOKS.read_text(encoding="utf-8")) == [hook]


@pytest.mark.parametrize(("fixture", "expected"), DRAFTS, ids=DRAFT_IDS)
def test_hook_entry_runs_on_a_staged_draft(
    hook: dict[str, Any], claimcheck: str, newsroom: Path, fixture: str, expected: int
) -> None:
    draft = add_draft(newsroom, fixture)
    assert regex.search(hook["files"], draft)
    # What pre-commit runs: entry, then args, then the staged file names.
    program, *rest = hook["entry"].split()
    assert program == "claimcheck"
    command = [claimcheck, *rest, *hook.get("args", []), draft]
    done = subprocess.run(
        command, cwd=newsroom, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == expected, done.stdout + done.stderr
    assert ("contradicted" in done.stdout) and "Traceback" not in done.stderr


def test_hook_entry_runs_on_several_staged_drafts(
    hook: dict[str, Any], claimcheck: str, newsroom: Path
) -> None:
    drafts = [add_draft(newsroom, "clean-wire.md"), add_draft(newsroom, "wrong-toll.md")]
    _, *rest = hook["entry"].split()
    command = [claimcheck, *rest, *hook.get("args", []), *drafts]
    done = subprocess.run(
        command, cwd=newsroom, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "clean-wire.md" in done.stdout and "wrong-toll.md" in done.stdout


# ---- the GitHub Actions workflow of docs/ci.md ---------------------------------------------


def yaml_blocks() -> list[str]:
    return [m["body"] for m in _FENCE.finditer(CI_DOC.read_text(encoding="utf-8"))]


def workflow() -> str:
    found = [block for block in yaml_blocks() if "jobs:" in block]
    assert len(found) == 1, "docs/ci.md has one complete workflow"
    return found[0]


def gate_lines(block: str) -> list[str]:
    return [m["command"] for m in _GATE_LINE.finditer(block)]


def sarif_line() -> str:
    (line,) = [c for c in gate_lines(workflow()) if "--format sarif" in c]
    return line


def option(command: str, name: str) -> str:
    words = shlex.split(command)
    return words[words.index(name) + 1]


def test_workflow_steps() -> None:
    flow = workflow()
    uses = regex.findall(r"uses: (\S++)", flow)
    assert [u.split("@")[0] for u in uses] == [
        "actions/checkout",
        "actions/checkout",
        "actions/setup-python",
        "github/codeql-action/upload-sarif",
    ]
    assert "security-events: write" in flow
    assert regex.search(r"run: python -m pip install \S", flow)
    line = sarif_line()
    assert shlex.split(line)[:3] == ["claimcheck", "gate", "drafts/story.md"]
    assert option(line, "--source") == "sources/"
    upload = flow[flow.index("codeql-action/upload-sarif") :]
    upload_step = flow[flow.rindex("- name:", 0, flow.index("codeql-action/upload-sarif")) :]
    assert "if: always()" in upload_step
    (sarif_file,) = regex.findall(r"sarif_file: (\S++)", upload)
    assert sarif_file == option(line, "--output") == "claimcheck.sarif"


def test_docs_name_no_hosts() -> None:
    for path in (CI_DOC, HOOKS):
        assert "://" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(("fixture", "expected"), DRAFTS[:2], ids=DRAFT_IDS[:2])
def test_workflow_sarif_step_writes_sarif(
    newsroom: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fixture: str,
    expected: int,
) -> None:
    line = sarif_line()
    add_draft(newsroom, fixture, "story.md")  # the workflow's drafts/story.md and sources/
    monkeypatch.chdir(newsroom)
    code = main(shlex.split(line)[1:])
    out, err = capsys.readouterr()
    assert code == expected, err
    assert out == ""
    log = json.loads((newsroom / option(line, "--output")).read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    rules = [r["ruleId"] for r in log["runs"][0]["results"]]
    assert ("claimcheck/contradicted" in rules) is bool(expected)


@pytest.mark.parametrize(("fixture", "expected"), DRAFTS[:2], ids=DRAFT_IDS[:2])
def test_workflow_annotation_variant(
    newsroom: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fixture: str,
    expected: int,
) -> None:
    variants = [c for block in yaml_blocks() for c in gate_lines(block) if "--format github" in c]
    assert len(variants) == 1
    add_draft(newsroom, fixture, "story.md")
    monkeypatch.chdir(newsroom)
    code = main(shlex.split(variants[0])[1:])
    out, err = capsys.readouterr()
    assert code == expected, err
    assert ("::error file=drafts/story.md," in out) is bool(expected)
    assert out.splitlines()[-1].startswith("::notice::claimcheck: ")


@pytest.mark.parametrize(
    ("fixtures", "expected"),
    [(("clean-wire.md",), 0), (("clean-wire.md", "wrong-toll.md"), 1)],
    ids=["all-clean", "one-wrong"],
)
def test_workflow_loop_over_drafts(
    claimcheck: str, newsroom: Path, fixtures: tuple[str, ...], expected: int
) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not on PATH")
    runs = [m["body"] for block in yaml_blocks() for m in _RUN_BLOCK.finditer(block)]
    loops = [body for body in runs if "for " in body]
    assert len(loops) == 1
    script = "\n".join(line.strip() for line in loops[0].splitlines())
    for fixture in fixtures:
        add_draft(newsroom, fixture)
    path = os.pathsep.join((str(Path(claimcheck).parent), os.environ.get("PATH", "")))
    done = subprocess.run(
        [bash, "-e", "-c", script],  # GitHub runs `run:` with bash -e
        cwd=newsroom,
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == expected, done.stdout + done.stderr
    assert done.stdout.count("::notice::") == len(fixtures)
