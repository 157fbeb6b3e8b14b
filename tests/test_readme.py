"""The README's opening commands are the ones CI and users run."""

from __future__ import annotations

import pytest
from conftest import ROOT

INSTALL_AND_RUN = "python -m pip install . && claimcheck check fixtures/articles"
TEST_COMMAND = "python -m pip install -e '.[test]' && python -m pytest"


def test_readme_opens_with_the_two_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    commands = [line for line in lines[:20] if line.startswith("python -m pip")]
    assert commands == [INSTALL_AND_RUN, TEST_COMMAND]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert (
        "grep -m 1 \"^python -m pip install -e '.\\[test\\]' && python -m pytest\" README.md" in ci
    )
    assert 'eval "$test_command"' in ci


def test_readme_ci_step_is_the_tested_workflow_line() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    gate_lines = [
        line.strip().removeprefix("run: ")
        for line in readme.splitlines()
        if line.strip().startswith("run: claimcheck gate")
    ]
    assert gate_lines, "the README shows the CI gate step"
    for line in gate_lines:
        assert line in docs  # tests/test_integration_ci.py runs the docs workflow's line


def test_the_python_example_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    import contextlib
    import io

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    lines = code.strip().splitlines()
    assert len(lines) == 5 and lines[0] == "import checker"  # one import, five lines
    expected = [line.rsplit("# ", 1)[1] for line in lines if line.startswith("print(")]
    out = io.StringIO()
    monkeypatch.chdir(ROOT)
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue().splitlines() == expected


def test_the_package_names_are_the_objects_the_cli_uses() -> None:
    import checker
    from checker.check import check
    from checker.documents import read_document
    from checker.gate import GateReport, gate
    from claims import extract

    assert checker.gate is gate and checker.check is check
    assert checker.extract is extract and checker.read_document is read_document
    assert checker.GateReport is GateReport
    assert set(checker.__all__) <= set(dir(checker))


def test_importing_the_package_stays_light() -> None:
    import subprocess
    import sys

    probe = "import sys, checker; print('claims.extract' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "False"  # the CLI's start-up pays for nothing it skips
