"""Web pages and the HTML report: furniture figures per main-text reader, report size and time.

Part 1 reads our pages (fixtures/web/) whole, through our reader (trafilatura picks the blocks)
and through readability-lxml and jusText (pip install '.[bench]'), and counts the article's
figures kept (gold: fixtures/gold/web.jsonl) and the furniture figures let through.
Part 2 writes the HTML report of `check` on the seed articles and on match.py's corpus of 1,000
articles, and prints its size and the time to render it (best of three).
"""

from __future__ import annotations

import argparse
import html
import json
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from checker.check import check
from checker.documents import claims_of, document_of, html_prose, read_documents
from checker.report import html as html_report
from claims import extract

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "web"
GOLD = ROOT / "fixtures" / "gold" / "web.jsonl"
SEEDS = ROOT.parent / "shared" / "seeds"


def _whole(text: str) -> list[str]:
    return [c.text for c in extract(html_prose(text))]


def _ours(text: str) -> list[str]:
    return [c.text for c in claims_of(document_of(text, "page", "page.html", ".html"))]


def _readability(text: str) -> list[str]:
    import lxml.html
    from readability import Document

    return [c.text for c in extract(lxml.html.fromstring(Document(text).summary()).text_content())]


def _justext(text: str) -> list[str]:
    import justext

    paragraphs = justext.justext(text.encode("utf-8"), justext.get_stoplist("English"))
    return [
        c.text for c in extract("\n\n".join(p.text for p in paragraphs if not p.is_boilerplate))
    ]


READERS: tuple[tuple[str, Callable[[str], list[str]]], ...] = (
    ("whole page (before)", _whole),
    ("trafilatura, blocks masked in place (ours)", _ours),
    ("readability-lxml", _readability),
    ("jusText", _justext),
)


def _fold(figure: str) -> str:
    return " ".join(html.unescape(figure).split())


def readers() -> None:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    print("| reader | article figures kept | furniture figures let through | ms a page |")
    print("| --- | --- | --- | --- |")
    texts = [(PAGES / page["page"]).read_text(encoding="utf-8") for page in gold]
    for name, read in READERS:
        try:
            found = [Counter(_fold(f) for f in read(text)) for text in texts]
        except ImportError as exc:
            print(f"| {name} | not installed ({exc.name}) | | |")
            continue
        seconds = float("inf")
        for _ in range(3):  # the best of three passes over the pages: imports and caches warm
            start = time.perf_counter()
            for text in texts:
                read(text)
            seconds = min(seconds, time.perf_counter() - start)
        articles = [Counter(_fold(f) for f in page["article"]) for page in gold]
        kept = sum(sum((f & a).values()) for f, a in zip(found, articles, strict=True))
        furniture = sum(sum((f - a).values()) for f, a in zip(found, articles, strict=True))
        wanted = sum(sum(a.values()) for a in articles)
        ms = 1000 * seconds / len(texts)
        print(f"| {name} | {kept} of {wanted} | {furniture} | {ms:.1f} |")


def _best(fn: Callable[[], str], target: Path, runs: int = 3) -> tuple[float, str]:
    """The best time of rendering and writing the page to a file, and the page."""
    best, out = float("inf"), ""
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        target.write_text(out, encoding="utf-8")
        best = min(best, time.perf_counter() - start)
    return best, out


def reports(sizes: Sequence[int]) -> None:
    # Run as a script, this folder is on the path: match.py is the one corpus generator.
    from match import corpus, templates

    runs: list[tuple[str, list]] = []
    if SEEDS.is_dir():
        runs.append(("the four seed articles", read_documents([SEEDS])))
    for size in sizes:
        runs.append((f"match.py corpus, {size:,} articles", corpus(size, templates())))
    print("| input | clusters | claims | HTML size | time to render and write |")
    print("| --- | --- | --- | --- | --- |")
    folder = Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    for name, docs in runs:
        report = check(docs)
        seconds, page = _best(lambda r=report: html_report.render(r), folder / "report.html")
        claims = sum(len(c.claims) for c in report.clusters)
        size = len(page.encode("utf-8"))
        print(
            f"| {name} | {len(report.clusters):,} | {claims:,} | {size / 1024:,.0f} KB "
            f"| {seconds:.3f} s |"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a corpus of 100, not 1,000")
    args = parser.parse_args(argv)
    readers()
    print()
    reports((100,) if args.quick else (1_000,))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
