"""Our unit, number-word and date code side by side with pint, text2num and dateutil."""

from __future__ import annotations

import argparse
import datetime
import importlib
import math
import operator
import random
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from claims import make_units
from claims.dates import DATE_RE, parse_date
from claims.numbers import parse_words
from claims.units import BY_NAME, UNITS, Unit

# Our units as pint expressions (claims/units.toml is generated from pint's registry), and the
# pint expression of each base unit.
PINT_NAMES = {u.symbol: make_units.expression_of(name) for name, u in BY_NAME.items()}
PINT_BASES = {
    spec["symbol"]: make_units.expression_of(spec["base"])
    for spec in make_units.rules()["dimensions"].values()
}

NUMBER_PHRASES = (
    ("two hundred and twenty-four", 224),
    ("a dozen", 12),
    ("ten", 10),
    ("three thousand five hundred", 3500),
    ("forty-eight", 48),
    ("one hundred and twenty-nine", 129),
    ("a hundred", 100),
    ("two million", 2_000_000),
)
# ISO as claimcheck writes it: "--MM-DD" when the text states no year.
DATE_PHRASES = (
    ("Oct. 31", "--10-31"),
    ("October 31", "--10-31"),
    ("November 16, 2015", "2015-11-16"),
    ("Sept. 30", "--09-30"),
    ("31 October", "--10-31"),
)
# "import claims.units" runs claims/__init__.py, which imports the extractor and compiles its
# patterns: the import column for our modules is the whole package's.
_OURS_IMPORT = "reference; import = all of claims"
_NO_YEAR = 4  # a leap year no news text states: dateutil fills a missing year from its default


@dataclass(frozen=True, slots=True)
class Result:
    job: str
    library: str
    correct: int
    total: int
    micros: float | None  # per call
    import_s: float | None
    note: str = ""


def import_seconds(statement: str, runs: int) -> float | None:
    """Median seconds ``statement`` takes in a fresh interpreter (its start-up not counted)."""
    code = (
        "import time, warnings\nwarnings.simplefilter('ignore')\nt = time.perf_counter()\n"
        f"{statement}\nprint(time.perf_counter() - t)"
    )
    times = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if done.returncode != 0:
            return None
        times.append(float(done.stdout))
    return statistics.median(times)


def per_call(fn: Callable[[Any], object], inputs: Sequence[Any], min_seconds: float) -> float:
    """Microseconds per call of ``fn`` over ``inputs``, repeated for at least ``min_seconds``."""
    calls = 0
    start = time.perf_counter()
    while True:
        for x in inputs:
            fn(x)
        calls += len(inputs)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return elapsed / calls * 1e6


def _optional(module: str) -> Any | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return importlib.import_module(module)
        except ImportError:
            return None


# ---- units -------------------------------------------------------------------------------


def unit_pairs(count: int, seed: int = 1959) -> list[tuple[float, Unit]]:
    rng = random.Random(seed)
    units = sorted({u.symbol: u for u in UNITS.values()}.values(), key=lambda u: u.symbol)
    return [(round(rng.uniform(0.1, 10_000), 3), rng.choice(units)) for _ in range(count)]


def ours_to_base(pair: tuple[float, Unit]) -> float:
    value, unit = pair
    return unit.to_base(value)


def units(count: int, min_seconds: float, import_runs: int) -> list[Result]:
    pairs = unit_pairs(count)
    ours_us = per_call(ours_to_base, pairs, min_seconds)
    ours_import = import_seconds("import claims.units", import_runs)
    results = [Result("units", "claims.units", count, count, ours_us, ours_import, _OURS_IMPORT)]
    pint = _optional("pint")
    if pint is None:
        return [*results, Result("units", "pint", 0, count, None, None, "not installed")]
    registry = pint.UnitRegistry()
    # Parsed once per unit, as a caller keeping a unit table would; each call converts a value.
    stated = {s: registry.parse_expression(n) for s, n in PINT_NAMES.items()}

    def pint_to_base(pair: tuple[float, Unit]) -> float:
        value, unit = pair
        q = stated[unit.symbol]  # a Quantity of the unit, offsets and all ("degree_Celsius")
        given = registry.Quantity(value * q.magnitude, q.units)
        return float(given.to(PINT_BASES[unit.base]).magnitude)

    correct = sum(math.isclose(pint_to_base(p), ours_to_base(p), rel_tol=1e-9) for p in pairs)
    pint_us = per_call(pint_to_base, pairs[: max(1, count // 10)], min_seconds)
    pint_import = import_seconds("import pint", import_runs)
    registry_s = import_seconds("import pint\npint.UnitRegistry()", import_runs)
    agrees = "agrees with ours" if correct == count else f"differs from ours on {count - correct}"
    note = f"{agrees} (rel 1e-9); import + UnitRegistry() {registry_s or math.nan:.2f} s"
    return [*results, Result("units", "pint", correct, count, pint_us, pint_import, note)]


# ---- number words and dates -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    library: str
    call: Callable[[str], Any] | None  # None: not installed
    import_statement: str
    note: str = ""


def _safe(fn: Callable[[str], Any]) -> Callable[[str], Any]:
    """``fn``, answering None where it raises on a phrase it does not understand."""

    def call(text: str) -> Any:
        try:
            return fn(text)
        except (ValueError, TypeError, KeyError, IndexError, OverflowError):
            return None

    return call


def _same_number(got: Any, expected: float) -> bool:
    try:
        return math.isclose(float(got), expected)
    except (TypeError, ValueError):
        return False


def compare(
    job: str,
    candidates: Sequence[Candidate],
    cases: Sequence[tuple[str, Any]],
    right: Callable[[Any, Any], bool],
    min_seconds: float,
    import_runs: int,
) -> list[Result]:
    phrases = [p for p, _ in cases]
    results = []
    for c in candidates:
        if c.call is None:
            results.append(Result(job, c.library, 0, len(cases), None, None, "not installed"))
            continue
        call = c.call
        wrong = [f"{p!r} -> {call(p)!r}" for p, expected in cases if not right(call(p), expected)]
        micros = per_call(call, phrases, min_seconds)
        imported = import_seconds(c.import_statement, import_runs)
        note = "; ".join(x for x in (c.note, "wrong: " + ", ".join(wrong) if wrong else "") if x)
        results.append(
            Result(job, c.library, len(cases) - len(wrong), len(cases), micros, imported, note)
        )
    return results


def number_words(min_seconds: float, import_runs: int) -> list[Result]:
    t2n = _optional("text_to_num")
    number_parser = _optional("number_parser")
    candidates = [
        Candidate("claims.numbers.parse_words", parse_words, "import claims.numbers", _OURS_IMPORT),
        Candidate(
            "text2num text2num",
            _safe(lambda p: t2n.text2num(p, "en")) if t2n else None,
            "import text_to_num",
        ),
        Candidate(
            "text2num alpha2digit",
            _safe(lambda p: t2n.alpha2digit(p, "en")) if t2n else None,
            "import text_to_num",
        ),
        Candidate(
            "number-parser parse_number",
            _safe(number_parser.parse_number) if number_parser else None,
            "import number_parser",
        ),
    ]
    return compare("numbers", candidates, NUMBER_PHRASES, _same_number, min_seconds, import_runs)


def ours_date(text: str) -> str | None:
    m = DATE_RE.search(text)
    return parse_date(m) if m else None


def dateutil_date(parser: Any) -> Callable[[str], str | None]:
    default = datetime.datetime(_NO_YEAR, 1, 1)

    def parse(text: str) -> str | None:
        d = parser.parse(text, default=default)
        return f"--{d:%m-%d}" if d.year == _NO_YEAR else f"{d:%Y-%m-%d}"

    return _safe(parse)


def dates(min_seconds: float, import_runs: int) -> list[Result]:
    dateutil_parser = _optional("dateutil.parser")
    candidates = [
        Candidate(
            "claims.dates DATE_RE+parse_date", ours_date, "import claims.dates", _OURS_IMPORT
        ),
        Candidate(
            "python-dateutil parser.parse",
            dateutil_date(dateutil_parser) if dateutil_parser else None,
            "import dateutil.parser",
            "no year: a sentinel default year",
        ),
    ]
    return compare("dates", candidates, DATE_PHRASES, operator.eq, min_seconds, import_runs)


def print_table(results: Sequence[Result]) -> None:
    width = max(len(r.library) for r in results)
    header = f"{'job':<8} {'library':<{width}} {'correct':>13} {'µs/call':>9} {'import':>9}  note"
    print(header)
    print("-" * len(header))
    job = ""
    for r in results:
        if job and r.job != job:
            print()
        job = r.job
        micros = f"{r.micros:.2f}" if r.micros is not None else "-"
        imported = f"{r.import_s * 1000:.1f} ms" if r.import_s is not None else "-"
        correct = f"{r.correct:,}/{r.total:,}"
        print(f"{r.job:<8} {r.library:<{width}} {correct:>11} {micros:>9} {imported:>9}  {r.note}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer pairs, shorter timings")
    args = parser.parse_args(argv)
    count = 1_000 if args.quick else 10_000
    min_seconds = 0.05 if args.quick else 0.5
    import_runs = 1 if args.quick else 5
    results = [
        *units(count, min_seconds, import_runs),
        *number_words(min_seconds, import_runs),
        *dates(min_seconds, import_runs),
    ]
    print(
        f"{count:,} random (value, unit) pairs; {len(NUMBER_PHRASES)} number phrases; "
        f"{len(DATE_PHRASES)} dates. import: median of {import_runs} fresh interpreters.\n"
    )
    print_table(results)
    ours = {r.job: r for r in results if r.library.startswith("claims.")}
    print()
    for r in results:
        mine = ours[r.job]
        if r is mine or r.micros is None or mine.micros is None:
            continue
        print(f"{r.library}: {r.micros / mine.micros:,.1f}x the time per call of {mine.library}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
