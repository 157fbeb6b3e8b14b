"""The command line, driven through click's CliRunner and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from checker.cli import cli, main

ARTICLES = str(FIXTURES / "articles")


def run(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process through main(), capturing stdout and stderr."""
    runner = CliRunner()
    result = runner.invoke(_Main(), list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


class _Main:
    """Adapter so CliRunner drives main(), the real entry point with its error handling."""

    name = "claimcheck"

    def main(self, args, prog_name=None, **_: object) -> None:
        raise SystemExit(main(args))


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Example" in out
    assert cli.commands[command].help


def test_extract_json_contract() -> None:
    code, out, _ = run("extract", ARTICLES, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "claimcheck/1"
    fields = {"source", "text", "value", "low", "high", "unit", "kind", "qualifier", "measure",
              "sentence", "line", "column", "start", "end"}  # fmt: skip
    assert data["claims"] and all(fields <= set(c) for c in data["claims"])
    for c in data["claims"]:
        text = (FIXTURES / "articles" / c["source"]).read_text(encoding="utf-8")
        assert text[c["start"] : c["end"]] == c["text"]


def test_extract_table_lists_figures() -> None:
    code, out, _ = run("extract", str(FIXTURES / "articles" / "paris-toll.txt"))
    assert code == 0
    assert "at least 129" in out and "deaths" in out


def test_check_json_contract_and_exit_codes() -> None:
    code, out, _ = run("check", ARTICLES, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert {s["id"] for s in data["sources"]} == {p.name for p in (FIXTURES / "articles").iterdir()}
    assert set(data["summary"]) == {"agree", "conflict", "single"}
    for cluster in data["clusters"]:
        assert {"id", "status", "measure", "claims"} <= set(cluster)
    code, out, _ = run("check", str(FIXTURES / "sets" / "conflicts"), "--format", "json")
    assert code == 1
    assert json.loads(out)["summary"]["conflict"] >= 1


def test_check_explain_says_why() -> None:
    code, out, _ = run("check", str(FIXTURES / "sets" / "conflicts"), "--explain")
    assert code == 1
    assert "do not overlap" in out
    assert "P(same)" in out  # each link with the scorer's probability


def test_check_markdown() -> None:
    code, out, _ = run("check", str(FIXTURES / "sets" / "conflicts"), "--format", "markdown")
    assert code == 1
    assert "|" in out


def test_gate_json_contract_and_message() -> None:
    code, out, _ = run(
        "gate", str(FIXTURES / "drafts" / "wrong-toll.md"), "--source", ARTICLES, "-f", "json"
    )
    assert code == 1
    whole = json.loads(out)
    assert set(whole) == {"schema", "findings", "reports", "summary", "ignored", "failed"}
    (data,) = whole["reports"]
    assert set(data) >= {"draft", "sources", "findings", "summary"}
    bad = [f for f in data["findings"] if f["status"] == "contradicted"]
    assert len(bad) == 1
    assert bad[0]["claim"]["text"] == "119"
    assert bad[0]["message"].startswith("draft says 119 deaths; sources say at least 129 (")


def test_gate_clean_draft_passes() -> None:
    code, _, _ = run("gate", str(FIXTURES / "drafts" / "clean-wire.md"), "--source", ARTICLES)
    assert code == 0


def test_gate_fail_on_unsupported() -> None:
    draft = str(FIXTURES / "drafts" / "clean-wire.md")
    code, _, _ = run("gate", draft, "--source", ARTICLES, "--fail-on", "unsupported")
    assert code == 1


BAD = [
    (("extract", "no/such/file.txt"), "no/such/file.txt: no such file"),
    (("extract", ARTICLES, "--format", "yaml"), "'yaml' is not one of"),
    (("check", str(FIXTURES / "articles" / "paris-toll.txt")), "check needs at least two sources"),
    (("gate", str(FIXTURES / "drafts" / "clean-wire.md")), "gate needs at least one --source"),
    (("frobnicate",), "No such command"),
]


@pytest.mark.parametrize(
    ("args", "message"), BAD, ids=["missing", "format", "one-source", "no-source", "command"]
)
def test_bad_usage_is_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    code, _out, err = run(*args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_output_is_written_atomically_and_never_over_an_input(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run("check", ARTICLES, "-f", "json", "--output", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["schema"] == "claimcheck/1"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    victim = tmp_path / "a.txt"
    victim.write_text("Floods killed 89 people in Breska.")
    (tmp_path / "b.txt").write_text("Floods killed 89 people in Breska.")
    code, _, err = run("check", str(victim), str(tmp_path / "b.txt"), "--output", str(victim))
    assert code == 2 and "refusing" in err
    assert victim.read_text() == "Floods killed 89 people in Breska."


def test_python_dash_m_and_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "checker", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0
    assert "claimcheck" in result.stdout


def test_interrupt_exits_130_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import checker.cli as cli_module

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module, "_extract", interrupted)
    code = main(["check", ARTICLES])
    err = capsys.readouterr().err
    assert code == 130
    assert err.strip() == "claimcheck: interrupted"


def test_a_dash_reads_standard_input() -> None:
    runner = CliRunner()
    result = runner.invoke(
        _Main(), ["extract", "-", "--format", "json"], input="At least 129 people died.\n"
    )
    assert result.exit_code == 0
    (claim,) = json.loads(result.stdout)["claims"]
    assert (claim["source"], claim["text"], claim["measure"]) == ("stdin", "At least 129", "deaths")


def test_cli_gate_fails_on_the_wrong_toll() -> None:
    args = ["gate", str(FIXTURES / "drafts" / "wrong-toll.md"), "--source"]
    args += [str(FIXTURES / "articles")]
    code, out, _ = run(*args)
    assert code == 1, out
    assert "119" in out and "contradicted" in out


def test_gate_explain_in_json_follows_the_schema() -> None:
    args = ["gate", str(FIXTURES / "drafts" / "wrong-toll.md"), "--source"]
    args += [str(FIXTURES / "articles"), "--explain", "-f", "json"]
    code, out, _ = run(*args)
    assert code == 1
    data = json.loads(out)
    schemas = {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in (ROOT / "checker" / "schemas").glob("*.json")
    }
    registry = _registry(schemas)
    jsonschema.Draft202012Validator(schemas["gate"], registry=registry).validate(data)
    (wrong,) = [f for f in data["reports"][0]["findings"] if f["status"] == "contradicted"]
    assert wrong["explanation"]["score"] >= 0.8
    assert "129" in wrong["explanation"]["aligned"]
    assert wrong["explanation"]["features"]


def _registry(schemas: dict[str, dict]):  # type: ignore[no-untyped-def]
    from referencing import Registry, Resource

    return Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in schemas.values() if "$id" in s
    )


def test_cli_check_in_json() -> None:
    code, out, _ = run("check", str(FIXTURES / "sets" / "conflicts"), "-f", "json")
    assert code in (0, 1), out
    assert json.loads(out)["clusters"]
