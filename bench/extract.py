"""Extraction throughput on ~1 MB of news text against quantulum3 and a bare digit scan."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from claims import extract

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
TARGET_CHARS = 1_000_000
QUICK_CHARS = 100_000
VS_QUANTULUM = 50.0  # claimcheck at least this many times faster than quantulum3
VS_FLOOR = 15.0  # a bare digit scan at most this many times faster than claimcheck
STARTUP_TARGET = 0.3  # seconds for `claimcheck --version`
STARTUP_RUNS = 7
SCAN_REPEAT = 9  # one scan of 1 MB lasts a few milliseconds: the best of several is steadier
_DIGITS = regex.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Speed:
    name: str
    chars: int
    seconds: float
    found: int
    note: str = ""

    @property
    def rate(self) -> float:
        return self.chars / self.seconds


def seed_articles() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not paths:
        sys.exit(f"bench/extract.py: the seed articles are absent (expected *.txt in {SEEDS})")
    return [p.read_text(encoding="utf-8") for p in paths]


def corpus(seeds: Sequence[str], chars: int) -> list[str]:
    """The seed articles repeated in turn until they hold ``chars`` characters."""
    articles: list[str] = []
    total = 0
    while total < chars:
        for text in seeds:
            articles.append(text)
            total += len(text)
    return articles


def timed(fn: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    found = fn()
    return time.perf_counter() - start, found


def best_of(repeat: int, fn: Callable[[], int]) -> tuple[float, int]:
    """The fastest of ``repeat`` runs: other work on the machine only ever slows a run down."""
    return min(timed(fn) for _ in range(repeat))


def claimcheck_chunks(articles: Sequence[str], repeat: int) -> Speed:
    seconds, found = best_of(repeat, lambda: sum(len(extract(a)) for a in articles))
    return Speed("claimcheck, one article per call", sum(map(len, articles)), seconds, found)


def claimcheck_whole(text: str, repeat: int) -> Speed:
    seconds, found = best_of(repeat, lambda: len(extract(text)))
    return Speed("claimcheck, whole text in one call", len(text), seconds, found)


def bare_scan(text: str, repeat: int) -> Speed:
    seconds, found = best_of(repeat, lambda: sum(1 for _ in _DIGITS.finditer(text)))
    return Speed(r"bare regex \d+ scan (floor)", len(text), seconds, found)


def _load_quantulum() -> tuple[Any, float, str] | None:
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            from quantulum3 import parser  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            return None
    mode = "with classifier"
    if any("Classifier dependencies not installed" in str(w.message) for w in caught):
        mode = "no classifier (scikit-learn absent)"
    return parser, time.perf_counter() - start, mode


def quantulum(articles: Sequence[str]) -> tuple[Speed | None, str]:
    """quantulum3 fed one article per call (its cost grows with the square of its input)."""
    loaded = _load_quantulum()
    if loaded is None:
        return None, "quantulum3 is not installed: pip install quantulum3 (skipped)"
    parser, import_s, mode = loaded
    # Its first call loads unit and word tables: timed apart, like an import.
    warm_s, _ = timed(lambda: len(parser.parse("It was 5 km long.")))
    seconds, found = timed(lambda: sum(len(parser.parse(a)) for a in articles))
    note = f"{mode}; import {import_s:.2f} s, first call {warm_s:.2f} s"
    speed = Speed("quantulum3, one article per call", sum(map(len, articles)), seconds, found)
    return speed, note


def _run(cmd: Sequence[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def startup(runs: int) -> tuple[float | None, float, str]:
    """Median wall time of `claimcheck --version` and of `python -c pass`."""
    exe = Path(sys.executable).with_name("claimcheck")
    found = str(exe) if exe.exists() else shutil.which("claimcheck")
    baseline = statistics.median(_run([sys.executable, "-c", "pass"]) for _ in range(runs))
    if found is None:
        return None, baseline, "claimcheck is not on PATH (pip install -e .)"
    _run([found, "--version"])  # the first run warms the file cache and writes .pyc files
    median = statistics.median(_run([found, "--version"]) for _ in range(runs))
    return median, baseline, found


def costly_imports(module: str, top: int) -> list[tuple[int, str]]:
    """(cumulative µs, module) of the imports `python -X importtime` says cost most."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    rows: list[tuple[int, str]] = []
    for line in done.stderr.splitlines():
        # "import time:  self [us] | cumulative | imported package", indented by depth
        fields = line.removeprefix("import time:").split("|")
        if len(fields) == 3 and fields[1].strip().isdigit():
            rows.append((int(fields[1]), fields[2].rstrip()))
    return sorted(rows, reverse=True)[:top]


def print_speeds(speeds: Sequence[Speed], notes: dict[str, str]) -> None:
    width = max(len(s.name) for s in speeds)
    print(f"{'':{width}}  {'chars':>10}  {'seconds':>8}  {'chars/s':>12}  {'found':>7}")
    for s in speeds:
        print(
            f"{s.name:{width}}  {s.chars:>10,}  {s.seconds:>8.3f}  {s.rate:>12,.0f}  {s.found:>7,}"
        )
        if s.name in notes:
            print(f"{'':{width}}  ({notes[s.name]})")


def ratio_line(label: str, value: float, target: str, ok: bool) -> str:
    return f"{label:<42} {value:>8.1f}x   target {target:<7} {'met' if ok else 'MISSED'}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="100 KB and fewer start-up runs")
    parser.add_argument(
        "--imports", action="store_true", help="list the costliest imports even within target"
    )
    args = parser.parse_args(argv)
    seeds = seed_articles()
    articles = corpus(seeds, QUICK_CHARS if args.quick else TARGET_CHARS)
    text = "\n\n".join(articles)
    repeat = 1 if args.quick else 3
    print(
        f"{len(articles)} articles ({len(seeds)} seeds from {SEEDS} repeated), "
        f"{len(text):,} characters; claimcheck: best of {repeat} runs, the scan: best of "
        f"{SCAN_REPEAT}, quantulum3: one run\n"
    )
    extract(seeds[0])  # pattern caches and lazy imports warmed before anything is timed
    chunks = claimcheck_chunks(articles, repeat)
    whole = claimcheck_whole(text, repeat)
    floor = bare_scan(text, SCAN_REPEAT)
    q_speed, q_note = quantulum(articles)
    speeds = [chunks, whole, *([q_speed] if q_speed else []), floor]
    notes = {q_speed.name: q_note} if q_speed else {}
    print_speeds(speeds, notes)
    if q_speed is None:
        print(q_note)
    print()
    if q_speed is not None:
        vs_q = chunks.rate / q_speed.rate
        ok = vs_q >= VS_QUANTULUM
        print(ratio_line("claimcheck vs quantulum3 (speed-up)", vs_q, f">= {VS_QUANTULUM:g}x", ok))
    vs_floor = floor.rate / chunks.rate
    ok = vs_floor <= VS_FLOOR
    print(ratio_line("bare scan vs claimcheck (slow-down)", vs_floor, f"<= {VS_FLOOR:g}x", ok))
    print(f"{'claimcheck whole text vs per article':<42} {whole.rate / chunks.rate:>8.2f}x")
    print()

    runs = 3 if args.quick else STARTUP_RUNS
    median, baseline, where = startup(runs)
    print(f"start-up, median of {runs} runs:")
    print(f"  python -c pass          {baseline:.3f} s")
    if median is None:
        print(f"  claimcheck --version    skipped: {where}")
        return 0
    verdict = "met" if median < STARTUP_TARGET else "MISSED"
    print(f"  claimcheck --version    {median:.3f} s   target < {STARTUP_TARGET} s: {verdict}")
    if median >= STARTUP_TARGET or args.imports:
        print("\ncostliest imports of checker.cli (python -X importtime, cumulative):")
        for micros, name in costly_imports("checker.cli", 12):
            print(f"  {micros / 1000:8.1f} ms  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
