"""The smaller promises of the reports: severities, counts, wording, and file names of any bytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from checker.cli import main
from checker.report import tidy

ARTICLES = str(FIXTURES / "articles")
CLEAN = str(FIXTURES / "drafts" / "clean-wire.md")  # one unsupported figure, nothing contradicted
WRONG_IGNORED = "<!-- claimcheck: ignore -->\nThe Paris attacks left 119 people dead.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_github_annotations_are_errors_for_what_fails_the_gate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "gate", CLEAN, "--source", ARTICLES, "-f", "github")
    assert "::warning file=" in out and "::error file=" not in out
    code, out, _ = run(
        capsys, "gate", CLEAN, "-s", ARTICLES, "-f", "github", "--fail-on", "unsupported"
    )
    assert code == 1
    assert "::error file=" in out and "title=claimcheck unsupported" in out
    assert "::warning file=" not in out


@pytest.mark.parametrize(
    ("fmt", "says"),
    [
        ("rich", "1 ignored"),
        ("markdown", "1 ignored"),
        ("github", "1 ignored"),
        ("json", '"ignored": 1'),
        ("sarif", '"ignored": 1'),
        ("junit", '<property name="ignored" value="1"'),
        ("statistics", "ignored"),
    ],
)
def test_every_format_counts_ignored_figures(
    fmt: str, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(WRONG_IGNORED, encoding="utf-8")
    args = ["--statistics"] if fmt == "statistics" else ["-f", fmt]
    code, out, _ = run(capsys, "gate", str(draft), "--source", ARTICLES, *args)
    assert code == 0
    assert says in out


def test_sarif_with_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    draft = folder + b"/caf\xe9-draft.md"
    with open(draft, "wb") as f:
        f.write(b"The Paris attacks left 119 people dead.\n")
    result = subprocess.run(
        [sys.executable, "-m", "checker", "gate", draft, "-s", ARTICLES, "-f", "sarif"],
        capture_output=True,
        cwd=ROOT,
    )
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr
    log = json.loads(result.stdout)
    (uri,) = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uri.endswith("/caf%E9-draft.md")  # the byte as it is on disk


@pytest.mark.parametrize("fmt", ["json", "github", "junit", "markdown", "rich", "html"])
def test_every_format_writes_utf8_for_a_file_name_that_is_not(
    fmt: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    draft = os.fsencode(tmp_path) + b"/caf\xe9-draft.md"
    with open(draft, "wb") as f:
        f.write(b"The Paris attacks left 119 people dead.\n")
    code = main(["gate", os.fsdecode(draft), "-s", ARTICLES, "-f", fmt])
    out, err = capsysbinary.readouterr()
    assert code == 1 and b"Traceback" not in err
    out.decode("utf-8")  # the report itself is valid UTF-8


def test_one_claim_is_one_claim(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "one.txt"
    path.write_text("At least 129 people died.\n", encoding="utf-8")
    _, out, _ = run(capsys, "extract", str(path))
    assert "1 claim\n" in out or "1 claim " in out
    assert "1 claims" not in out


def test_years_are_not_printed_with_a_thousands_comma(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "year.txt"
    path.write_text("The law passed in 2024, two years after 1,500 people marched.\n", "utf-8")
    _, out, _ = run(capsys, "extract", str(path))
    assert "2024" in out and "2,024" not in out
    assert "1,500" in out  # counts keep their grouping


def test_single_source_claims_are_counted_as_claims(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", ARTICLES, "-f", "json")
    singles = [c for c in json.loads(out)["clusters"] if c["status"] == "single"]
    claims = sum(len(c["claims"]) for c in singles)
    _, out, _ = run(capsys, "check", ARTICLES)
    assert f"{claims} claims found in one source only" in out
    _, out, _ = run(capsys, "check", ARTICLES, "-f", "markdown")
    assert f"{claims} claims stated by one source only" in out


@pytest.mark.parametrize(
    ("masked", "tidied"),
    [
        ("left 119 dead  , officials said  .", "left 119 dead, officials said."),
        ("a toll ( at least 129 ) rose", "a toll (at least 129) rose"),
        ("two\n  lines", "two lines"),
    ],
)
def test_sentences_lose_the_spaces_masking_left(masked: str, tidied: str) -> None:
    assert tidy(masked) == tidied


def test_markdown_sentence_in_a_report_reads_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text("The attacks left **119 dead**, officials said.\n", "utf-8")
    (tmp_path / "b.md").write_text("The attacks left *130 dead*, police said.\n", "utf-8")
    _, out, _ = run(capsys, "check", str(tmp_path), "-f", "json")
    sentences = {c["sentence"] for cl in json.loads(out)["clusters"] for c in cl["claims"]}
    _, out, _ = run(capsys, "check", str(tmp_path), "-f", "markdown")
    assert " ," not in out and "dead, officials" in "".join(out.split("**"))
    assert sentences  # the JSON keeps the claim's own sentence


def test_markdown_check_honours_explain_and_show_single(
    capsys: pytest.CaptureFixture[str],
) -> None:
    conflicts = str(FIXTURES / "sets" / "conflicts")
    _, plain, _ = run(capsys, "check", conflicts, "-f", "markdown")
    _, explained, _ = run(capsys, "check", conflicts, "-f", "markdown", "--explain")
    assert "P(same)" not in plain and "P(same)" in explained
    _, singles, _ = run(capsys, "check", ARTICLES, "-f", "markdown", "--show-single")
    assert "## Single-source claims" in singles
    assert "## Single-source claims" not in run(capsys, "check", ARTICLES, "-f", "markdown")[1]
