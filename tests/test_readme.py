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
