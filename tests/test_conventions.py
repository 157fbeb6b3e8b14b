"""The conventions users know from ruff and Vale: --exit-zero, --quiet, --statistics, --color,
NO_COLOR, [tool.claimcheck], --stdin-filename, folders at any depth, --exclude, one JSON shape."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES

from checker.cli import main

ARTICLES = str(FIXTURES / "articles")
WRONG = str(FIXTURES / "drafts" / "wrong-toll.md")
CLEAN = str(FIXTURES / "drafts" / "clean-wire.md")
GATE = ["gate", WRONG, "--source", ARTICLES]
ESC = "\x1b["


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---- exit codes ------------------------------------------------------------------------------


def test_exit_zero_keeps_the_report_and_drops_the_failure(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, *GATE, "-f", "json")
    assert code == 1
    code, out_zero, _ = run(capsys, *GATE, "-f", "json", "--exit-zero")
    assert code == 0 and json.loads(out_zero) == json.loads(out)
    code, _, _ = run(capsys, "check", str(FIXTURES / "sets" / "conflicts"), "--exit-zero")
    assert code == 0


def test_exit_zero_never_hides_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "gate", "no/such.md", "--source", ARTICLES, "--exit-zero")
    assert code == 2 and "no/such.md: no such file" in err


# ---- quiet -----------------------------------------------------------------------------------


def test_quiet_shows_only_what_needs_attention(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *GATE, "--quiet")
    assert code == 1
    assert out.splitlines()[0] == f"claimcheck gate {WRONG}"  # the draft's name, no summary
    assert "contradicted" in out and "119" in out
    assert "supported" not in out.replace("unsupported", "")  # no supported rows
    code, out, _err = run(capsys, "gate", CLEAN, "--source", ARTICLES, "-q")
    assert code == 0
    assert "unsupported" in out  # clean-wire has an unsupported figure: it is shown
    code, out, _ = run(capsys, "check", ARTICLES, "-q")
    assert code == 0 and out == ""  # no conflict: nothing to say


def test_quiet_silences_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 owners said 12 people died.".encode("cp1252"))
    _, _, err = run(capsys, "extract", str(latin))
    assert "note:" in err
    _, _, err = run(capsys, "extract", str(latin), "--quiet")
    assert err == ""


# ---- statistics ------------------------------------------------------------------------------


def test_statistics_count_by_status_and_measure(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *GATE, "--statistics")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "claimcheck statistics: 11 figures (gate)"
    rows = [line.split(None, 2) for line in lines[1:]]
    assert ["1", "contradicted", "deaths"] in rows
    assert sum(int(n) for n, _, _ in rows) == 11
    code, out, _ = run(capsys, *GATE, "--statistics", "-f", "json")
    data = json.loads(out)
    assert data["total"] == 11 and data["command"] == "gate"
    assert {"status": "contradicted", "measure": "deaths", "count": 1} in data["statistics"]


def test_statistics_are_text_or_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *GATE, "--statistics", "-f", "sarif")
    assert code == 2 and out == ""
    assert err.strip() == "claimcheck: error: --statistics is written as text or json, not sarif"


def test_statistics_of_check_count_clusters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", ARTICLES, "--statistics", "-f", "json")
    assert code == 0
    data = json.loads(out)
    _code, full, _ = run(capsys, "check", ARTICLES, "-f", "json")
    clusters = json.loads(full)["clusters"]
    assert data["counted"] == "clusters" and data["total"] == len(clusters)


# ---- colour ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "no_color", "coloured"),
    [
        ("never", None, False),
        ("auto", None, False),  # the test's stdout is not a terminal
        ("always", None, True),
        ("always", "1", True),  # an explicit flag wins over the environment, as in ruff
    ],
    ids=["never", "auto-piped", "always", "always-despite-no-color"],
)
def test_color_flag(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    flag: str,
    no_color: str | None,
    coloured: bool,
) -> None:
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    _, out, _ = run(capsys, *GATE, "--color", flag)
    assert (ESC in out) is coloured


def test_no_color_is_respected_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("checker.cli.stdout_is_terminal", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    _, out, _ = run(capsys, *GATE)
    assert ESC in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, *GATE)
    assert ESC not in out


# ---- plain text wraps, never cuts --------------------------------------------------------------


def test_plain_text_wraps_and_never_cuts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "a-source-file-with-a-very-long-name-that-will-not-fit-in-its-column-at-all.txt"
    src = write(tmp_path / name, "At least 129 people died in the attacks on Friday night.")
    draft = write(tmp_path / "d.md", "The attacks on Friday night killed 119 people, police said.")
    _, out, _ = run(capsys, "gate", str(draft), "--source", str(src))
    assert "…" not in out
    joined = "".join(out.split()).lower()
    assert f"atleast129({name}:1)" in joined
    _, out, _ = run(capsys, "extract", str(src))
    # The file name is folded over two lines of its column, never cut.
    rows = [line.split()[0] for line in out.splitlines()[3:] if line.strip()]
    assert "…" not in out and name in "".join(rows)
    assert all(line == line.rstrip() for line in out.splitlines())


# ---- configuration -----------------------------------------------------------------------------


def test_tool_claimcheck_in_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(FIXTURES / "articles", tmp_path / "sources")
    draft = write(tmp_path / "drafts" / "d.md", "The Paris attacks left 119 people dead.\n")
    write(tmp_path / "pyproject.toml", '[project]\nname = "desk"\n')
    code, _, err = run(capsys, "gate", str(draft))
    assert code == 2 and "gate needs at least one --source" in err  # no table: not a config
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "desk"\n\n[tool.claimcheck]\nsources = ["sources/"]\n',
    )
    code, out, _ = run(capsys, "gate", str(draft), "-f", "json")
    assert code == 1 and json.loads(out)["summary"]["contradicted"] == 1
    # .claimcheck.toml beside it wins, as ruff.toml wins over pyproject.toml.
    write(tmp_path / ".claimcheck.toml", 'sources = ["sources/"]\nignore-figures = ["119"]\n')
    code, out, _ = run(capsys, "gate", str(draft), "-f", "json")
    assert code == 0 and json.loads(out)["ignored"] == 1


def test_pyproject_keys_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = write(tmp_path / "d.md", "119 people died.\n")
    write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nfail_on = "unsupported"\n')
    code, _, err = run(capsys, "gate", str(draft), "--source", ARTICLES)
    assert code == 2 and "did you mean 'fail-on'?" in err


# ---- folders -----------------------------------------------------------------------------------


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Sources filed by year and month, as newsrooms keep them."""
    root = tmp_path / "sources"
    write(root / "2015" / "11" / "paris.txt", "At least 129 people were killed in Paris.\n")
    write(root / "2015" / "11" / "wire.md", "Officials said at least 129 people were killed.\n")
    write(root / "2015" / "12" / "later.txt", "The toll in Paris later rose to 130 killed.\n")
    write(root / "drafts-old" / "old.txt", "An early count said 119 people were killed.\n")
    write(root / ".hidden" / "x.txt", "Nobody reads 5 hidden files.\n")
    return root


def test_folders_are_read_at_any_depth(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(archive), "-f", "json")
    assert code == 0
    sources = {c["source"] for c in json.loads(out)["claims"]}
    assert sources == {"paris.txt", "wire.md", "later.txt", "old.txt"}


def test_a_folder_of_folders_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "wire" / "2024" / "a.txt", "12 people died.\n")
    code, _, _ = run(capsys, "extract", str(tmp_path / "wire"))
    assert code == 0
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    code, _, err = run(capsys, "extract", str(tmp_path / "empty"))
    assert code == 2 and "nor do its subfolders" in err


def test_exclude_flag_and_config(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "extract", str(archive), "-f", "json", "--exclude", "drafts-*")
    assert {c["source"] for c in json.loads(out)["claims"]} == {"paris.txt", "wire.md", "later.txt"}
    code, out, _ = run(capsys, "extract", str(archive), "-f", "json", "--exclude", "2015/12/*")
    assert code == 0
    assert "later.txt" not in {c["source"] for c in json.loads(out)["claims"]}
    write(tmp_path / ".claimcheck.toml", 'exclude = ["drafts-old", "*.md"]\n')
    draft = write(tmp_path / "d.txt", "At least 129 people were killed in Paris.\n")
    _code, out, _ = run(capsys, "gate", str(draft), "--source", str(archive), "-f", "json")
    (report,) = json.loads(out)["reports"]
    assert {s["id"] for s in report["sources"]} == {"paris.txt", "later.txt"}


def test_a_report_in_a_sources_folder_is_never_a_source(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = write(tmp_path / "d.md", "The attacks killed 119 people in Paris.\n")
    formats = (
        ("markdown", "gate.md"),
        ("rich", "gate.txt"),
        ("github", "gate-gh.txt"),
        ("html", "gate.html"),
    )
    for fmt, name in formats:
        target = archive / name
        code, _, _ = run(
            capsys,
            "gate",
            str(draft),
            "-s",
            str(archive),
            "--exclude",
            "drafts-old",
            "-f",
            fmt,
            "-o",
            str(target),
        )
        assert code == 1 and target.exists()
        # The next run neither reads the report as a source nor refuses to overwrite it.
        code, out, err = run(
            capsys, "gate", str(draft), "-s", str(archive), "--exclude", "drafts-old", "-f", "json"
        )
        (report,) = json.loads(out)["reports"]
        assert name not in {s["id"] for s in report["sources"]}
        assert f"{target}: a claimcheck report, not read as a source" in err
        code, _, err = run(
            capsys,
            "gate",
            str(draft),
            "-s",
            str(archive),
            "--exclude",
            "drafts-old",
            "-f",
            fmt,
            "-o",
            str(target),
        )
        assert code == 1, err


def test_a_users_file_in_a_sources_folder_is_still_protected(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = write(tmp_path / "d.md", "The attacks killed 119 people in Paris.\n")
    victim = archive / "2015" / "11" / "paris.txt"
    before = victim.read_bytes()
    code, _, err = run(capsys, "gate", str(draft), "-s", str(archive), "-o", str(victim))
    assert code == 2 and "refusing" in err
    assert victim.read_bytes() == before


# ---- standard input ------------------------------------------------------------------------------


def test_gate_reads_its_draft_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, "The Paris attacks left 119 people dead.\n")
    code, out, _ = run(capsys, "gate", "-", "--source", ARTICLES, "-f", "json")
    assert code == 1
    (report,) = json.loads(out)["reports"]
    assert report["draft"] == "-" and report["summary"]["contradicted"] == 1


def test_stdin_filename_names_the_draft_and_its_kind(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As Markdown, the figure inside code is not a figure; as plain text it would be.
    text = "The Paris attacks left `119` people dead.\n"
    stdin(monkeypatch, text)
    code, out, _ = run(
        capsys, "gate", "-", "-s", ARTICLES, "-f", "github", "--stdin-filename", "x.md"
    )
    assert code == 0 and "file=x.md" not in out and "::notice::" in out
    stdin(monkeypatch, text)
    code, out, _ = run(
        capsys, "gate", "-", "-s", ARTICLES, "-f", "github", "--stdin-filename", "x.txt"
    )
    assert code == 1 and "::error file=x.txt,line=1" in out


def test_stdin_filename_finds_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(FIXTURES / "articles", tmp_path / "sources")
    write(tmp_path / ".claimcheck.toml", 'sources = ["sources/"]\n')
    stdin(monkeypatch, "The Paris attacks left 119 people dead.\n")
    name = str(tmp_path / "drafts" / "story.md")
    code, _out, err = run(capsys, "gate", "-", "--stdin-filename", name, "-f", "json")
    assert code == 1, err


def test_standard_input_cannot_be_two_inputs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, "12 people died.\n")
    code, _, err = run(capsys, "gate", "-", "--source", "-")
    assert code == 2 and "standard input" in err


# ---- one JSON shape ---------------------------------------------------------------------------


def test_gate_json_has_one_shape_for_one_draft_or_several(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, one, _ = run(capsys, *GATE, "-f", "json")
    _, two, _ = run(capsys, "gate", WRONG, CLEAN, "--source", ARTICLES, "-f", "json")
    a, b = json.loads(one), json.loads(two)
    assert set(a) == set(b) == {"schema", "findings", "reports", "summary", "ignored", "failed"}
    assert len(a["reports"]) == 1 and len(b["reports"]) == 2
    assert b["summary"]["contradicted"] == sum(r["summary"]["contradicted"] for r in b["reports"])
    # Every finding also stands at the top, naming its draft, where scorers and scripts look.
    assert len(b["findings"]) == sum(len(r["findings"]) for r in b["reports"])
    assert {f["draft"] for f in b["findings"]} == {r["draft"] for r in b["reports"]}


def test_a_draft_named_twice_is_gated_once(capsys: pytest.CaptureFixture[str]) -> None:
    twice = str(Path(WRONG).parent / ".." / "drafts" / Path(WRONG).name)
    _, out, _ = run(capsys, "gate", WRONG, twice, "--source", ARTICLES, "-f", "json")
    assert len(json.loads(out)["reports"]) == 1


def _claims(data: dict[str, Any]) -> list[dict[str, Any]]:
    return list(data["claims"])


def test_json_sentence_of_a_huge_line_is_a_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One "sentence" of 14,000 characters with 1,000 figures: written whole per claim it
    # would be 14 MB of JSON; as a window it stays linear in the input.
    line = "x 12 people y " * 1000
    path = write(tmp_path / "line.txt", line)
    code, out, _ = run(capsys, "extract", str(path), "-f", "json")
    assert code == 0
    claims = _claims(json.loads(out))
    assert len(claims) == 1000
    assert all(len(c["sentence"]) <= 1100 and c["sentence_cut"] for c in claims)
    assert len(out) < 2000 * len(claims)


REPORTS = [
    ("extract", ["extract", ARTICLES]),
    ("extract-json", ["extract", ARTICLES, "-f", "json"]),
    ("check", ["check", ARTICLES]),
    ("check-json", ["check", ARTICLES, "-f", "json"]),
    ("check-markdown", ["check", ARTICLES, "-f", "markdown"]),
    *((f"gate-{f}", [*GATE, "-f", f]) for f in ("rich", "json", "sarif", "github", "junit")),
    ("gate-markdown", [*GATE, "-f", "markdown"]),
    ("gate-html", [*GATE, "-f", "html"]),
    ("check-html", ["check", ARTICLES, "-f", "html"]),
    ("statistics", [*GATE, "--statistics"]),
]


@pytest.mark.parametrize("args", [a for _, a in REPORTS], ids=[n for n, _ in REPORTS])
def test_every_report_claimcheck_writes_is_known_as_one(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from checker.documents import is_report

    _, out, _ = run(capsys, *args)
    path = write(tmp_path / "report.txt", out)
    assert is_report(path)
    # ... and an article is not one, even one that talks about claimcheck.
    article = write(tmp_path / "a.txt", "claimcheck, a tool, found 12 errors.\n")
    assert not is_report(article)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "ftp://example.invalid/a.txt", ARTICLES],
        ["extract", "file:///etc/hostname"],
        ["gate", "ftp://example.invalid/d.md", "--source", ARTICLES],
    ],
    ids=["check", "extract", "gate-draft"],
)
def test_a_url_of_another_scheme_is_named_as_given(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *args)
    url = next(a for a in args if "://" in a)
    assert code == 2
    assert err.strip() == (
        f"claimcheck: error: {url}: only http and https URLs are read; "
        "save the page and give its file instead"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["gate", "a\x00b.md", "--source", ARTICLES],
        ["extract", "a\x00b"],
        ["check", ARTICLES, "\x00"],
        ["extract", ARTICLES, "--cache", "a\x00b"],
    ],
    ids=["draft", "extract", "check", "cache"],
)
def test_a_path_with_a_nul_is_one_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "not a valid path" in err


def test_unreadable_standard_input_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    closed = io.TextIOWrapper(io.BytesIO(b""))
    closed.close()
    monkeypatch.setattr("sys.stdin", closed)
    code, _, err = run(capsys, "extract", "-")
    assert code == 2 and err.startswith("claimcheck: error: standard input cannot be read")
