"""The README's opening commands are the ones CI and users run."""

from __future__ import annotations

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
