"""The HTML report as a file: self-contained, escaped, conflicts first, the draft shown whole."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest
import regex
from conftest import FIXTURES

from checker.check import check
from checker.cli import main
from checker.documents import read_document, read_documents
from checker.gate import gate
from checker.report import html

# Anything that would make the page reach the network or another file when opened.
_EXTERNAL = regex.compile(
    r"""(?i)(?:src|href|action|srcset|poster)\s*=\s*(?!["']?#)|<link\b|@import|url\(|//[a-z0-9]"""
)


def _conflicts() -> int:
    """How many conflicts the check finds in the set (at least one: 129 and 130 missing)."""
    n = check(read_documents([FIXTURES / "sets" / "conflicts"])).summary()["conflict"]
    assert n >= 1
    return n


def _check_page() -> str:
    return html.render(check(read_documents([FIXTURES / "sets" / "conflicts"])))


def _gate_page(draft: str = "wrong-toll.md") -> str:
    sources = read_documents([FIXTURES / "articles"])
    return html.render(gate(read_document(FIXTURES / "drafts" / draft), sources))


@pytest.mark.parametrize("page", [_check_page, _gate_page], ids=["check", "gate"])
def test_the_page_needs_nothing_from_outside(page: object) -> None:
    text = page()  # type: ignore[operator]
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert _EXTERNAL.findall(text) == []
    assert '<meta name="viewport"' in text and "@media print" in text


def test_conflicts_come_before_agreements() -> None:
    text = _check_page()
    assert text.index("<h2>Conflicts</h2>") < text.index("<h2>Agreements</h2>")
    assert text.count('class="card conflict"') == _conflicts()
    # A conflict's reasons are unfolded; an agreement's wait for a click.
    assert text.count("<details open><summary>Why these were aligned") == _conflicts()
    assert "<details><summary>Why these were aligned" in text


def test_the_gate_shows_every_figure_of_the_draft_marked() -> None:
    sources = read_documents([FIXTURES / "articles"])
    report = gate(read_document(FIXTURES / "drafts" / "wrong-toll.md"), sources)
    text = html.render(report)
    marks = regex.findall(r'<mark class="figure (\w+)" data-verdict="\1"', text)
    assert sorted(marks) == sorted(f.status for f in report.findings)
    # The draft's words are all there, in order, around the marks.
    paragraphs = " ".join(regex.findall(r'(?s)<p class="draft">(.*?)</p>', text))
    shown = unescape(regex.sub(r"<[^>]+>", "", paragraphs))
    words = report.prose.split()
    assert " ".join(shown.split()) == " ".join(words)


def test_input_text_is_escaped(tmp_path: Path) -> None:
    for name, body in (
        ("a.txt", "<script>alert(1)</script> The fire killed 12 people on Monday in Oakham."),
        ("b.txt", 'The fire in Oakham killed 14 people on Monday, <img src=x onerror="alert(2)">.'),
    ):
        (tmp_path / name).write_text(body, encoding="utf-8")
    report = check(read_documents([tmp_path]))
    text = html.render(report)
    assert "<script>alert" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text or "alert(1)" not in text


def test_a_report_with_no_figures_is_a_page() -> None:
    from checker.check import CheckReport

    text = html.render(CheckReport((("a", "a.txt"), ("b", "b.txt")), ()))
    assert "No figures found in the sources." in text


def test_the_cli_writes_one_page_for_several_drafts(tmp_path: Path) -> None:
    out = tmp_path / "gate.html"
    drafts = [str(FIXTURES / "drafts" / d) for d in ("wrong-toll.md", "clean-wire.md")]
    code = main(
        ["gate", *drafts, "--source", str(FIXTURES / "articles"), "-f", "html", "-o", str(out)]
    )
    text = out.read_text(encoding="utf-8")
    assert code == 1
    assert text.count("<!DOCTYPE html>") == 1
    assert text.count('<section class="gate">') == 2


def test_check_html_from_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FIXTURES / "sets" / "conflicts"), "--format", "html"]) == 1
    assert capsys.readouterr().out.count('data-status="conflict"') == _conflicts()
