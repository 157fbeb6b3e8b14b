"""Web pages: only the article's figures, still positioned in the file as given, and metadata."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES

from checker.documents import claims_of, html_prose, read_document
from checker.webpage import read_page
from claims import extract

PAGES = FIXTURES / "web"
GOLD = [
    json.loads(line)
    for line in (FIXTURES / "gold" / "web.jsonl").read_text(encoding="utf-8").splitlines()
]


def _furniture(found: Counter[str], gold: Counter[str]) -> int:
    return sum((found - gold).values())


@pytest.mark.parametrize("gold", GOLD, ids=[g["page"] for g in GOLD])
def test_only_the_article_figures_are_read(gold: dict[str, object]) -> None:
    doc = read_document(PAGES / str(gold["page"]))
    article = Counter(gold["article"])  # type: ignore[arg-type]
    found = Counter(c.text for c in claims_of(doc))
    assert _furniture(found, article) == 0, found - article
    # One figure of all is missed (a photo caption trafilatura leaves out): recall stays high.
    assert sum((found & article).values()) >= len(list(article.elements())) - 1


def test_the_pages_are_full_of_furniture_figures() -> None:
    """The contrast: read whole, the same pages give more furniture figures than article ones."""
    furniture = article = 0
    for gold in GOLD:
        text = (PAGES / str(gold["page"])).read_text(encoding="utf-8")
        whole = Counter(c.text for c in extract(html_prose(text)))
        furniture += _furniture(whole, Counter(gold["article"]))  # type: ignore[arg-type]
        article += len(gold["article"])  # type: ignore[arg-type]
    assert furniture > article


@pytest.mark.parametrize("gold", GOLD, ids=[g["page"] for g in GOLD])
def test_claims_point_into_the_page_as_given(gold: dict[str, object]) -> None:
    path = PAGES / str(gold["page"])
    raw = path.read_text(encoding="utf-8")
    doc = read_document(path)
    lines = raw.splitlines()
    assert len(doc.prose) == len(raw)
    assert doc.prose.count("\n") == raw.count("\n")
    for c in claims_of(doc):
        assert raw[c.start : c.end] == c.text
        assert lines[c.line - 1][c.column - 1 :].startswith(c.text)


@pytest.mark.parametrize("gold", GOLD, ids=[g["page"] for g in GOLD])
def test_metadata_is_read_from_the_page(gold: dict[str, object]) -> None:
    doc = read_document(PAGES / str(gold["page"]))
    got = {"title": doc.title, "author": doc.author, "outlet": doc.outlet}
    assert got == {k: gold[k] for k in got}
    assert doc.published == gold["published"]


def test_no_date_is_guessed_from_a_copyright_line(tmp_path: Path) -> None:
    page = "<html><body><article>" + "<p>The pier reopened after 14 months of repairs.</p>" * 5
    page += "</article><footer>© 2019 Pier Trust</footer></body></html>"
    path = tmp_path / "pier.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).published is None


def test_a_page_with_no_article_is_read_whole() -> None:
    page = read_page("<p>352</p>")
    assert (page.main_text, page.prose) == (False, "   352    ")


def test_a_page_over_the_size_or_block_limit_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import webpage

    story = (
        "<article>" + "<p>The council spent 12 million on roads this year.</p>" * 8 + "</article>"
    )
    text = f"<html><body><nav>Top 40 hits</nav>{story}</body></html>"
    assert read_page(text).main_text
    for limit, value in (("MAX_MAIN_TEXT", len(text) - 1), ("MAX_BLOCKS", 5)):
        with monkeypatch.context() as m:
            m.setattr(webpage, limit, value)
            page = read_page(text)
        assert not page.main_text and "40" in [c.text for c in extract(page.prose)]


def test_a_block_with_inline_furniture_keeps_its_article_part() -> None:
    story = "".join(
        f"<p>Paragraph {n} of the story says the council spent money on the road.</p>"
        for n in range(1, 6)
    )
    text = f"<html><body><nav><a href='/'>Top 40 hits</a></nav><article>{story}</article></body>"
    page = read_page(text)
    assert page.main_text
    kept = [c.text for c in extract(page.prose)]
    assert "40" not in kept
    assert kept == ["1", "2", "3", "4", "5"]


def test_markdown_and_text_are_not_cut_to_a_main_text(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Menu: 40 hits\n\nThe council spent 12 million.\n", encoding="utf-8")
    assert [c.text for c in claims_of(read_document(path))] == ["40", "12 million"]


def test_a_headline_is_a_sentence_of_its_own() -> None:
    story = "".join(
        f"<p>The council in Brenmoor said on Monday it spent {n} million on its roads.</p>"
        for n in range(10, 15)
    )
    text = (
        "<html><body><article><h1>Roads get 10 million</h1>\n"
        f"{story}<table><tr><td>Brenmoor</td><td>10</td></tr></table></article></body></html>"
    )
    page = read_page(text)
    assert page.main_text and len(page.prose) == len(text)
    claims = extract(page.prose)
    assert claims[0].sentence == "Roads get 10 million."  # not run into the next paragraph
    assert claims[1].sentence.startswith("The council in Brenmoor said")
    # A table row stays one sentence: a cell's figure keeps its row's words.
    assert claims[-1].sentence.split() == ["Brenmoor", "10"]
