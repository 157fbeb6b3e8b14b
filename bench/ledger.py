"""Ledgers of 1,000 to 1,000,000 synthetic articles: add throughput, bytes per claim, check time.

One ledger grows through the sizes (articles are added in publication order, as a newsroom
adds them); at each size 200 new articles, each a further source of a stored event, are
checked against it. Articles come from bench/match.py's generator.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from checker.documents import Document, claims_of
from checker.ledger.check import check_article
from checker.ledger.ingest import Metadata, article_of
from checker.ledger.sqlite import SQLiteStore

SIZES = (1_000, 10_000, 100_000)
LARGEST = 1_000_000  # with --largest
CHECKED = 200
SOURCES_PER_EVENT = 4
OUTLETS = tuple(f"Outlet {n:02d}" for n in range(24))
START = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
# Targets (issue 12), at 1,000,000 articles.
TARGET_CHECK_MS = 50.0
TARGET_ADDS_PER_S = 500.0
TARGET_BYTES_PER_CLAIM = 1024.0


def _match_bench() -> ModuleType:
    """bench/match.py as a module: one generator of synthetic articles for every bench."""
    path = Path(__file__).resolve().parent / "match.py"
    spec = importlib.util.spec_from_file_location("bench_match", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


MATCH = _match_bench()


@dataclass(frozen=True, slots=True)
class Row:
    articles: int
    claims: int
    added: int  # articles added in this step
    add_s: float  # CPU time of this process ("on one core"), as all times here but the wall's
    extract_s: float
    generate_s: float  # of making the synthetic articles: left out of add_s
    add_wall_s: float
    bytes: int
    check_ms: tuple[float, ...]
    check_wall_ms: tuple[float, ...]
    claims_checked: int
    extract_ms: float  # of the checked articles, in total
    contradicted: int


class Generator:
    """Article ``i`` tells event ``i // 4``; an event's names and figures come from its own
    seed, so any event can be told again later (by a checked article) without keeping it."""

    def __init__(self, seed: int = 20151113) -> None:
        self.texts = MATCH.templates()
        self.seed = seed

    def event(self, n: int) -> object:
        return MATCH._event(n, self.texts, random.Random(self.seed * 1_000_003 + n))

    def article(self, i: int, event: int | None = None) -> tuple[Document, Metadata]:
        rng = random.Random(self.seed * 7_919 + i)
        n = i // SOURCES_PER_EVENT if event is None else event
        text = MATCH._article(self.event(n), rng)
        name = f"a{i:07d}.txt"
        when = START + dt.timedelta(minutes=i)
        meta = Metadata(when.strftime("%Y-%m-%dT%H:%M:%SZ"), OUTLETS[i % len(OUTLETS)])
        return Document(id=name, path=name, text=text, prose=text, encoding="utf-8"), meta


def grow(store: SQLiteStore, gen: Generator, first: int, last: int, budget: float) -> Row:
    """Add articles ``first`` .. ``last - 1``; stop early past ``budget`` seconds."""
    extract_s = generate_s = 0.0
    start, cpu = time.perf_counter(), time.process_time()
    done = first
    while done < last and time.perf_counter() - start < budget:
        t = time.process_time()
        made = [gen.article(i) for i in range(done, min(done + 1_000, last))]
        generate_s += time.process_time() - t
        with store.batch():
            for doc, meta in made:
                t = time.process_time()
                claims = claims_of(doc)
                extract_s += time.process_time() - t
                store.put(article_of(doc, meta, []), claims)
        done = min(done + 1_000, last)
    add_s = time.process_time() - cpu - generate_s
    add_wall_s = time.perf_counter() - start
    store.checkpoint()
    stats = store.stats()
    return Row(
        stats.articles,
        stats.claims,
        done - first,
        add_s,
        extract_s,
        generate_s,
        add_wall_s,
        stats.bytes,
        (),
        (),
        0,
        0,
        0,
    )


def checks(store: SQLiteStore, gen: Generator, row: Row, count: int = CHECKED) -> Row:
    rng = random.Random(row.articles)
    times, walls, claims, extract_ms, contradicted = [], [], 0, 0.0, 0
    for j in range(count):
        event = rng.randrange(max(1, row.articles // SOURCES_PER_EVENT))
        # A further source of a stored event, published after everything stored.
        doc, meta = gen.article(LARGEST * 10 + j, event=event)
        t = time.process_time()
        n = len(claims_of(doc))
        extract_ms += (time.process_time() - t) * 1e3
        t, wall = time.process_time(), time.perf_counter()
        report = check_article(store, doc, meta)
        times.append((time.process_time() - t) * 1e3)
        walls.append((time.perf_counter() - wall) * 1e3)
        claims += n
        contradicted += report.gate.summary()["contradicted"]
    return Row(
        row.articles,
        row.claims,
        row.added,
        row.add_s,
        row.extract_s,
        row.generate_s,
        row.add_wall_s,
        row.bytes,
        tuple(times),
        tuple(walls),
        claims,
        extract_ms,
        contradicted,
    )


def _p95(values: Sequence[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


HEADER = (
    f"{'articles':>9} {'claims':>10} {'adds/s':>7} {'(store)':>8} {'(wall)':>7} {'gen ms':>7} "
    f"{'B/claim':>8} "
    f"{'check ms':>9} {'p95 ms':>7} {'(wall)':>7} {'ms/claim':>9} {'growth':>7} {'contra':>6}"
)


def print_row(r: Row, before: Row | None) -> None:
    median = statistics.median(r.check_ms)
    store_s = r.add_s - r.extract_s
    growth = f"{median / statistics.median(before.check_ms):.2f}x" if before else "-"
    print(
        f"{r.articles:>9,} {r.claims:>10,} {r.added / r.add_s:>7,.0f} "
        f"{r.added / store_s:>8,.0f} {r.added / r.add_wall_s:>7,.0f} "
        f"{r.generate_s / r.added * 1e3:>7.3f} {r.bytes / r.claims:>8,.0f} "
        f"{median:>9.2f} {_p95(r.check_ms):>7.2f} "
        f"{statistics.median(r.check_wall_ms):>7.2f} {sum(r.check_ms) / r.claims_checked:>9.3f} "
        f"{growth:>7} {r.contradicted:>6}",
        flush=True,
    )


def _verdicts(last: Row) -> Iterator[str]:
    median = statistics.median(last.check_ms)
    adds = last.added / last.add_s
    per_claim = last.bytes / last.claims
    at = f"at {last.articles:,} articles"
    for what, value, target, ok in (
        ("check median", f"{median:.1f} ms", f"< {TARGET_CHECK_MS:.0f} ms", median < 50),
        ("adds", f"{adds:,.0f}/s", f">= {TARGET_ADDS_PER_S:.0f}/s", adds >= 500),
        ("size", f"{per_claim:,.0f} B/claim", "< 1 KB", per_claim < TARGET_BYTES_PER_CLAIM),
    ):
        yield f"{what} {at}: {value} (target {target}: {'met' if ok else 'MISSED'})"


@dataclass
class Tally:
    checked: int = 0
    contradicted: int = 0
    supported: int = 0
    same_event: int = 0  # contradicted by another outlet's text on the same event
    other_event: int = 0  # contradicted by a text on the other event of the same topic
    other_topic: int = 0  # contradicted by a text on another topic
    supported_elsewhere: int = 0  # supported only by texts on other events


def ecbplus(folder: Path, ledger: Path, verbose: bool = False) -> Tally:
    """Every ECB+ text added to one ledger (each its own outlet, all of one day), then each
    checked against all the others: where its contradicted figures' evidence comes from."""
    from checker.documents import read_document

    texts = sorted(folder.glob("*/*.txt"))
    if not texts:
        sys.exit(f"bench/ledger.py: no ECB+ texts under {folder}")
    meta = {t: Metadata("2000-01-01", t.stem) for t in texts}
    tally = Tally()
    with SQLiteStore(ledger) as store:
        with store.batch():
            for t in texts:
                doc = read_document(t)
                store.put(article_of(doc, meta[t], []), claims_of(doc))
        for t in texts:
            report = check_article(store, read_document(t), meta[t])
            event = {label_: Path(a.path).parent.name for label_, a in _labelled(report)}
            tally.checked += 1
            for f in report.gate.findings:
                events = {event[e.source] for e in f.evidence}
                if f.status == "supported":
                    tally.supported += 1
                    tally.supported_elsewhere += t.parent.name not in events
                elif f.status == "contradicted":
                    tally.contradicted += 1
                    _count(tally, t.parent.name, events)
                    if verbose and t.parent.name not in events:
                        _show(t, f)
    return tally


def _show(text: Path, f: Any) -> None:
    """A false conflict across events, for --verbose: the draft's sentence and the evidence's."""
    print(f"{text.parent.name}/{text.name}:{f.claim.line} {f.claim.text!r} P={f.score:.2f}")
    print(f"   draft: {' '.join(f.claim.sentence.split())[:200]}")
    for e in f.evidence[:2]:
        print(f"   {e.source}: {' '.join(e.sentence.split())[:200]}")


def _labelled(report: object) -> list[tuple[str, object]]:
    gate_report = report.gate  # type: ignore[attr-defined]
    return [(s[0], a) for s, a in zip(gate_report.sources, report.sources, strict=True)]  # type: ignore[attr-defined]


def _count(tally: Tally, own: str, events: set[str]) -> None:
    topic = own.split("-")[0]
    if own in events:
        tally.same_event += 1
    elif any(e.split("-")[0] == topic for e in events):
        tally.other_event += 1
    else:
        tally.other_topic += 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--largest", action="store_true", help="go on to 1,000,000 articles")
    parser.add_argument("--quick", action="store_true", help="stop at 10,000 articles")
    parser.add_argument(
        "--budget",
        type=float,
        default=1_800.0,
        help="seconds each growth step may take before it stops short (default 1,800)",
    )
    parser.add_argument("--ledger", help="ledger file to build (default: a temporary one)")
    parser.add_argument(
        "--ecbplus",
        metavar="DIR",
        help="instead: load the ECB+ dev texts in DIR as a ledger and check each in turn",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="with --ecbplus: show each false conflict"
    )
    args = parser.parse_args(argv)
    if args.ecbplus:
        with tempfile.TemporaryDirectory() as tmp:
            ledger = Path(args.ledger or Path(tmp) / "ecbplus.sqlite")
            t = ecbplus(Path(args.ecbplus), ledger, args.verbose)
        print(
            f"ECB+ as a ledger: {t.checked} texts checked against all the others; "
            f"{t.contradicted} figures contradicted: {t.same_event} by a text on the same "
            f"event, {t.other_event} by one on the topic's other event, {t.other_topic} by one "
            f"on another topic (false conflicts across events: {t.other_event + t.other_topic}); "
            f"{t.supported} supported, {t.supported_elsewhere} of them only by texts on "
            "other events"
        )
        return 0
    sizes = [s for s in (*SIZES, LARGEST) if (s <= 10_000 or not args.quick)]
    sizes = [s for s in sizes if s != LARGEST or args.largest]
    gen = Generator()
    print(
        f"{len(gen.texts)} fixture templates, {SOURCES_PER_EVENT} sources per event, "
        f"{len(OUTLETS)} outlets, one article a minute; {CHECKED} new articles checked per size"
    )
    print("Times are this process's CPU time (one core), with the wall clock's beside them")
    print("(wall). adds/s: extraction included, making the synthetic articles not (gen ms:")
    print("that, per article); (store): the ledger's own part; (wall): the making too; check: one")
    print("article, extraction included; ms/claim: check time per figure; contra: contradicted")
    print()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.ledger) if args.ledger else Path(tmp) / "bench.sqlite"
        rows: list[Row] = []
        print(HEADER)
        print("-" * len(HEADER), flush=True)
        with SQLiteStore(path) as store:
            done = store.stats().articles
            for size in sizes:
                row = grow(store, gen, done, size, args.budget)
                done = row.articles
                rows.append(checks(store, gen, row))
                print_row(rows[-1], rows[-2] if len(rows) > 1 else None)
                if row.articles < size:
                    print(f"  stopped short of {size:,}: over the budget", file=sys.stderr)
                    break
        print()
        for line in _verdicts(rows[-1]):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
