"""Cross-check synthetic corpora of 10 to 10,000 articles: time, claims, clusters and memory."""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import regex

from checker.check import check
from checker.documents import Document
from claims import extract

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SIZES = (10, 100, 1_000, 10_000)
TARGET_SECONDS = 60.0  # 10,000 articles cross-checked on one core
SOURCES_PER_EVENT = 4  # articles telling the same story, as wire copy and rewrites do
RESTATED = 0.9  # chance that a source repeats a figure of its event as the event states it

# Names found in our fixtures, each swapped per event for one from the same list.
PLACES = (
    "Paris", "Moscow", "Washington", "Sinai", "Raqqa", "Syria", "Iraq", "Egypt", "Turkey",
    "France", "Russia", "Ankara", "Beirut", "Latakia", "Antalya", "Kalvenia", "Ostra", "Breska",
    "Baghdad", "Crimea", "Cyprus", "Jordan", "Denmark", "Britain",
)  # fmt: skip
SWAP_PLACES = (
    "Lyon", "Kazan", "Boston", "Aleppo", "Mosul", "Homs", "Tikrit", "Sirte", "Izmir", "Tunis",
    "Oran", "Haifa", "Amman", "Basra", "Kirkuk", "Nantes", "Lille", "Samara", "Omsk", "Tomsk",
    "Denver", "Austin", "Seattle", "Dallas", "Perm", "Ufa", "Bursa", "Konya", "Adana", "Erbil",
    "Sfax", "Tobruk", "Idlib", "Daraa", "Palmyra", "Fallujah", "Ramadi", "Benghazi", "Misrata",
    "Marseille", "Toulouse", "Bordeaux", "Nice", "Orenburg", "Volgograd", "Rostov", "Sochi",
)  # fmt: skip
PEOPLE = ("Hollande", "Obama", "Putin", "Kerry", "Bortnikov", "Allen")
SWAP_PEOPLE = (
    "Martin", "Moreau", "Petrov", "Ivanov", "Baker", "Carter", "Dupont", "Lebedev", "Novak",
    "Fischer", "Romano", "Silva", "Haddad", "Karimi", "Osman", "Yilmaz", "Nowak", "Jensen",
    "Larsen", "Costa", "Ferreira", "Okafor", "Mensah", "Tanaka",
)  # fmt: skip

# Datelines write the place in capitals ("MOSCOW (Meridian Wire) -"): swapped as well.
_NAMES = [*PLACES, *PEOPLE]
_NAME_RE = regex.compile(r"\b(?:" + "|".join([*_NAMES, *(n.upper() for n in _NAMES)]) + r")\b")
_FIGURE_RE = regex.compile(r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})++|\d++)(?:\.\d++)?+(?![\d,]\d)")


@dataclass(frozen=True, slots=True)
class Row:
    articles: int
    chars: int
    extract_s: float
    match_s: float
    claims: int
    clusters: int
    singles: int
    conflicts: int
    peak_mb: float | None
    maxrss_mb: float


def templates() -> list[str]:
    paths = sorted(FIXTURES.glob("articles/*.txt")) + sorted(FIXTURES.glob("sets/*/*.txt"))
    if not paths:
        sys.exit(f"bench/match.py: no fixture articles under {FIXTURES}")
    return [p.read_text(encoding="utf-8") for p in paths]


def _nearby(figure: str, rng: random.Random) -> str:
    """A random number near ``figure``, written the same way (separators, decimals)."""
    digits = figure.replace(",", "")
    if digits.startswith("0") and len(digits) > 1 and "." not in digits:
        return figure  # phone numbers, codes
    value = float(digits)
    if 1900 <= value <= 2099 and "." not in digits:
        return figure  # a year stays a year
    if value <= 31 and "." not in digits:
        return str(rng.randint(1, 28))  # day of month, small counts
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    new = value * rng.uniform(0.7, 1.3)
    if decimals:
        return f"{new:.{decimals}f}"
    return f"{round(new):,}" if "," in figure else str(round(new))


@dataclass(frozen=True, slots=True)
class Event:
    """One story: a template with its own names and figures, told by several sources."""

    template: str
    names: dict[str, str]
    seed: int


def _event(n: int, texts: Sequence[str], rng: random.Random) -> Event:
    names = {p: rng.choice(SWAP_PLACES) for p in PLACES}
    names.update({p: rng.choice(SWAP_PEOPLE) for p in PEOPLE})
    names.update({p.upper(): swapped.upper() for p, swapped in names.items()})
    return Event(texts[n % len(texts)], names, rng.randrange(1 << 30))


def _article(event: Event, rng: random.Random) -> str:
    event_rng = random.Random(event.seed)  # the event's own figures, the same for each source

    def figure(m: regex.Match[str]) -> str:
        stated = _nearby(m.group(), event_rng)
        return stated if rng.random() < RESTATED else _nearby(m.group(), rng)

    text = _NAME_RE.sub(lambda m: event.names[m.group()], event.template)
    return _FIGURE_RE.sub(figure, text)


def corpus(size: int, texts: Sequence[str], seed: int = 20151113) -> list[Document]:
    """``size`` articles, about ``SOURCES_PER_EVENT`` per event, reproducible for a seed."""
    rng = random.Random(seed)
    events = [_event(n, texts, rng) for n in range(max(1, size // SOURCES_PER_EVENT))]
    docs = []
    for i in range(size):
        text = _article(events[i % len(events)], rng)
        name = f"a{i:05d}.txt"
        docs.append(Document(id=name, path=name, text=text, prose=text, encoding="utf-8"))
    return docs


def _maxrss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10


def _timed(fn: Callable[[], T]) -> tuple[float, T]:
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def measure(docs: Sequence[Document], trace_memory: bool) -> Row:
    extract_s, per_doc = _timed(lambda: [extract(d.prose, source=d.id) for d in docs])
    match_s, report = _timed(lambda: check(docs, claims=per_doc))
    peak: float | None = None
    if trace_memory:
        # A second, traced run: tracing slows matching several times, so it is not timed.
        gc.collect()
        tracemalloc.start()
        check(docs, claims=per_doc)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    summary = report.summary()
    return Row(
        articles=len(docs),
        chars=sum(len(d.text) for d in docs),
        extract_s=extract_s,
        match_s=match_s,
        claims=sum(len(c) for c in per_doc),
        clusters=len(report.clusters),
        singles=summary["single"],
        conflicts=summary["conflict"],
        peak_mb=peak,
        maxrss_mb=_maxrss_mb(),
    )


def _growth(rows: Sequence[Row], i: int, field: str) -> str:
    if i == 0:
        return "-"
    before, now = getattr(rows[i - 1], field), getattr(rows[i], field)
    scale = rows[i].articles / rows[i - 1].articles
    return f"{now / before:.1f}x/{scale:g}x" if before > 0 else "-"


def print_table(rows: Sequence[Row]) -> None:
    header = (
        f"{'articles':>8} {'chars':>10} {'extract s':>9} {'growth':>9} {'match s':>8} "
        f"{'growth':>9} {'claims':>7} {'clusters':>8} {'single':>7} {'conflict':>8} "
        f"{'match peak':>10} {'maxrss':>8}"
    )
    print(header)
    print("-" * len(header))
    for i, r in enumerate(rows):
        peak = f"{r.peak_mb:.1f} MB" if r.peak_mb is not None else "n/a"
        extract_growth = _growth(rows, i, "extract_s")
        print(
            f"{r.articles:>8,} {r.chars:>10,} {r.extract_s:>9.2f} {extract_growth:>9}"
            f" {r.match_s:>8.2f} {_growth(rows, i, 'match_s'):>9} {r.claims:>7,} "
            f"{r.clusters:>8,} {r.singles:>7,} {r.conflicts:>8,} {peak:>10} {r.maxrss_mb:>5.0f} MB"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="stop at 1,000 articles")
    parser.add_argument(
        "--trace-max",
        type=int,
        default=None,
        help="trace the matching step's memory (an untimed second run) up to this many "
        "articles (default 1,000; 100 with --quick)",
    )
    args = parser.parse_args(argv)
    trace_max = args.trace_max if args.trace_max is not None else 100 if args.quick else 1_000
    sizes = [s for s in SIZES if not args.quick or s <= 1_000]
    texts = templates()
    print(
        f"{len(texts)} fixture articles as templates, ~{SOURCES_PER_EVENT} sources per event, "
        f"names swapped per event, figures varied per event and per source (seeded)"
    )
    print("growth: time ratio against the previous size / article ratio (linear = 10.0x/10x)")
    print("match peak: tracemalloc peak of the matching step; maxrss: the process's peak so far")
    print()
    rows = []
    for size in sizes:
        rows.append(measure(corpus(size, texts), trace_memory=size <= trace_max))
        print(f"  {size:,} articles done", file=sys.stderr, flush=True)
    print_table(rows)
    print()
    last = rows[-1]
    total = last.extract_s + last.match_s
    verdict = "met" if total < TARGET_SECONDS else "MISSED"
    if last.articles == SIZES[-1]:
        print(
            f"{last.articles:,} articles cross-checked (extract + match) in {total:.1f} s; "
            f"target < {TARGET_SECONDS:.0f} s: {verdict}"
        )
    else:
        per_article = total / last.articles
        print(
            f"{last.articles:,} articles in {total:.1f} s ({per_article * 1e3:.1f} ms/article; "
            f"10,000 if linear: {per_article * 10_000:.0f} s, target < {TARGET_SECONDS:.0f} s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
