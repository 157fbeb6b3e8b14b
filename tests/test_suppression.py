"""Inline suppressions in a draft: `<!-- claimcheck: ignore|off|on -->`, through main()."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES

from checker.cli import main

WRONG = "The Paris attacks left 119 people dead."  # the articles say "at least 129"
RIGHT = "A bomb destroyed the Russian airliner on Oct. 31, killing all 224 people aboard."
IGNORE = "<!-- claimcheck: ignore -->"
OFF = "<!-- claimcheck: off -->"
ON = "<!-- claimcheck: on -->"
IGNORES_NOTHING = (
    "claimcheck: ignore suppresses no figure (it covers the figures of its own line, "
    "or of the next line when it stands alone on a line)"
)
ON_WITHOUT_OFF = "claimcheck: on without a claimcheck: off before it"
SUPPRESSES_NOTHING = "claimcheck suppression suppresses no figure"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURES / "articles", tmp_path / "sources"))


def gate(
    capsys: pytest.CaptureFixture[str], sources: Path, name: str, *lines: str
) -> tuple[int, dict[str, Any]]:
    """Write a draft from ``lines`` beside ``sources``, gate it, return the exit code and JSON."""
    draft = sources.parent / name
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["gate", str(draft), "--source", str(sources), "--format", "json"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return code, json.loads(out)["reports"][0]


def warnings(report: dict[str, Any]) -> list[tuple[int, int, str]]:
    return [(w["line"], w["column"], w["message"]) for w in report["warnings"]]


def figures(report: dict[str, Any]) -> list[str]:
    return [f["claim"]["text"] for f in report["findings"]]


def flagged(report: dict[str, Any]) -> list[str]:
    return [f["claim"]["text"] for f in report["findings"] if f["status"] == "contradicted"]


def test_unsuppressed_wrong_figure_fails(capsys: pytest.CaptureFixture[str], sources: Path) -> None:
    code, report = gate(capsys, sources, "draft.md", "# Toll", "", WRONG)
    assert code == 1 and flagged(report) == ["119"]
    assert report["ignored"] == 0 and report["warnings"] == []


@pytest.mark.parametrize(
    "lines",
    [
        ("# Toll", "", IGNORE, WRONG, "", RIGHT),
        ("# Toll", "", WRONG + " " + IGNORE, "", RIGHT),
        ("# Toll", "", IGNORE + " " + WRONG, "", RIGHT),
        ("# Toll", "", "<!--claimcheck:IGNORE-->", WRONG, "", RIGHT),
    ],
    ids=["alone-on-the-line-before", "end-of-line", "start-of-line", "tight-and-upper-case"],
)
def test_ignore_covers_its_own_line_or_the_next_when_alone(
    capsys: pytest.CaptureFixture[str], sources: Path, lines: tuple[str, ...]
) -> None:
    code, report = gate(capsys, sources, "draft.md", *lines)
    assert code == 0
    assert report["ignored"] == 1 and report["warnings"] == []
    assert figures(report) == ["Oct. 31", "224"]


def test_ignore_covers_only_the_next_figures_line(
    capsys: pytest.CaptureFixture[str], sources: Path
) -> None:
    code, report = gate(capsys, sources, "draft.md", IGNORE, RIGHT, "", WRONG)
    assert code == 1 and flagged(report) == ["119"]
    assert report["ignored"] == 2  # both figures of the line after the comment


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ((WRONG, "", IGNORE), [(3, 1, IGNORES_NOTHING)]),
        ((IGNORE, "", WRONG), [(1, 1, IGNORES_NOTHING)]),
        ((WRONG, "No figure here. " + IGNORE, "", RIGHT), [(2, 17, IGNORES_NOTHING)]),
    ],
    ids=["at-the-end", "blank-line-between", "end-of-a-line-without-figures"],
)
def test_ignore_that_covers_no_figure_warns_and_hides_nothing(
    capsys: pytest.CaptureFixture[str],
    sources: Path,
    lines: tuple[str, ...],
    expected: list[tuple[int, int, str]],
) -> None:
    code, report = gate(capsys, sources, "draft.md", *lines)
    assert code == 1 and flagged(report) == ["119"]
    assert warnings(report) == expected


def test_off_on_suppresses_a_passage(capsys: pytest.CaptureFixture[str], sources: Path) -> None:
    code, report = gate(
        capsys, sources, "draft.md", "# Toll", "", OFF, WRONG, "", "Later: 119 dead.", ON, "", RIGHT
    )
    assert code == 0
    assert report["ignored"] == 2 and report["warnings"] == []
    assert figures(report) == ["Oct. 31", "224"]


def test_figures_after_on_are_checked_again(
    capsys: pytest.CaptureFixture[str], sources: Path
) -> None:
    code, report = gate(capsys, sources, "draft.md", OFF, RIGHT, ON, "", WRONG)
    assert code == 1 and flagged(report) == ["119"]
    assert report["ignored"] == 2


def test_off_without_on_runs_to_the_end(capsys: pytest.CaptureFixture[str], sources: Path) -> None:
    code, report = gate(capsys, sources, "draft.md", RIGHT, "", OFF, WRONG, "", "Later: 119 dead.")
    assert code == 0
    assert report["ignored"] == 2 and report["warnings"] == []
    assert figures(report) == ["Oct. 31", "224"]


def test_on_without_off_warns(capsys: pytest.CaptureFixture[str], sources: Path) -> None:
    code, report = gate(capsys, sources, "draft.md", RIGHT, ON, "", WRONG)
    assert code == 1 and flagged(report) == ["119"]
    assert warnings(report) == [(2, 1, ON_WITHOUT_OFF)]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ((OFF, "No figure in here.", ON, WRONG), [(1, 1, SUPPRESSES_NOTHING)]),
        (("Intro.", OFF, ON, "", WRONG), [(2, 1, SUPPRESSES_NOTHING)]),
        ((WRONG, "", OFF, "Nothing else to say."), [(3, 1, SUPPRESSES_NOTHING)]),
    ],
    ids=["passage-without-figures", "empty-passage", "off-to-the-end-without-figures"],
)
def test_suppression_that_suppresses_nothing_warns(
    capsys: pytest.CaptureFixture[str],
    sources: Path,
    lines: tuple[str, ...],
    expected: list[tuple[int, int, str]],
) -> None:
    code, report = gate(capsys, sources, "draft.md", *lines)
    assert code == 1 and flagged(report) == ["119"]
    assert report["ignored"] == 0
    assert warnings(report) == expected


@pytest.mark.parametrize(
    ("lines", "ignored"),
    [((IGNORE, WRONG, RIGHT), 1), (("Intro.", OFF, WRONG, "Later: 119 dead.", ON, RIGHT), 2)],
    ids=["ignore", "off-on"],
)
def test_suppressions_work_in_a_text_draft(
    capsys: pytest.CaptureFixture[str], sources: Path, lines: tuple[str, ...], ignored: int
) -> None:
    code, report = gate(capsys, sources, "draft.txt", *lines)
    assert code == 0
    assert report["ignored"] == ignored and report["warnings"] == []
    assert figures(report) == ["Oct. 31", "224"]


def test_warnings_reach_the_github_annotations(
    capsys: pytest.CaptureFixture[str], sources: Path
) -> None:
    draft = sources.parent / "draft.md"
    draft.write_text(f"{RIGHT}\n{ON}\n", encoding="utf-8")
    code = main(["gate", str(draft), "--source", str(sources), "--format", "github"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert f"::warning file={draft},line=2,col=1" in out and ON_WITHOUT_OFF in out


@pytest.mark.parametrize(
    "lines",
    [
        ("# Toll", "", "Write `<!-- claimcheck: off -->` to silence a passage.", "", WRONG),
        ("# Toll", "", "```", "<!-- claimcheck: off -->", "```", "", WRONG),
    ],
    ids=["inline-code", "fenced-code"],
)
def test_a_directive_shown_as_code_is_not_obeyed(
    capsys: pytest.CaptureFixture[str], sources: Path, lines: tuple[str, ...]
) -> None:
    code, report = gate(capsys, sources, "draft.md", *lines)
    assert code == 1 and flagged(report) == ["119"]
    assert report["ignored"] == 0
