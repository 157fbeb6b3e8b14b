"""Extraction accuracy on quantulum3's English test sentences and on the Recognizers-Text dev half,
beside quantulum3 (found, values right); throughput on ~1 MB of news text against quantulum3 and a
bare digit scan. quantulum3 may live in another interpreter (--quantulum-python): its sentences
are read from its installed package at bench time, never copied into the project."""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from claims import Claim, extract

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
RECOGNIZERS = SEEDS.parent / "benchmarks" / "recognizers" / "score.py"
SHIM = Path(__file__).resolve().with_name("quantulum_shim.py")
REL = 1e-3  # values compared to this relative tolerance
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


def quantulum(articles: Sequence[str], qpython: str | None) -> tuple[Speed | None, str]:
    """quantulum3 fed one article per call (its cost grows with the square of its input)."""
    loaded = _load_quantulum()
    if loaded is None and qpython is not None:
        return _quantulum_elsewhere(articles, qpython)
    if loaded is None:
        return None, "quantulum3 is not installed: pip install quantulum3 (skipped)"
    parser, import_s, mode = loaded
    # Its first call loads unit and word tables: timed apart, like an import.
    warm_s, _ = timed(lambda: len(parser.parse("It was 5 km long.")))
    seconds, found = timed(lambda: sum(len(parser.parse(a)) for a in articles))
    note = f"{mode}; import {import_s:.2f} s, first call {warm_s:.2f} s"
    speed = Speed("quantulum3, one article per call", sum(map(len, articles)), seconds, found)
    return speed, note


# ---- accuracy ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Accuracy:
    name: str
    expected: int
    found: int
    valued: int  # expected results with a value
    right: int

    def line(self) -> str:
        return (
            f"{self.name:<34} found {self.found:>4}/{self.expected:<4} "
            f"({self.found / self.expected:5.1%})   values right {self.right:>4}/{self.valued:<4} "
            f"({self.right / self.valued:5.1%})"
        )


def _registry() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pint

        return pint.UnitRegistry()


def _pint_unit(registry: Any, name: str) -> Any | None:
    """quantulum3's unit name ("kilometre per hour", "degree Celsius") as a pint unit."""
    words = name.replace(" per ", " / ")
    for head, power in (("square ", 2), ("cubic ", 3)):
        if words.startswith(head):
            words = f"({words.removeprefix(head)}) ** {power}"
    candidates = [words, words.replace(" ", "_"), "_".join(w.capitalize() for w in name.split())]
    if name.startswith("degree "):  # "degree fahrenheit" is pint's "degree_Fahrenheit", not an
        # angle times a temperature
        candidates.insert(0, "degree_" + name.split()[-1].capitalize())
    candidates.append(name.split("-")[0])  # "pound-mass" is a pound
    for candidate in filter(None, candidates):
        try:
            unit = registry.parse_units(candidate.replace("(", "").replace(")", ""))
        except Exception:
            try:
                unit = registry.parse_expression(candidate).units
            except Exception:
                continue
        return unit
    return None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= REL * max(abs(a), abs(b), 1e-9)


# Units of quantulum3's sentences that pint has no entry for, by their definitions: a dozen is
# 12 of a count, a baker's dozen 13, a gross 144; a cent and a penny a hundredth of a currency's
# unit.
_BY_DEFINITION = {"dozen": 12.0, "baker's dozen": 13.0, "gross": 144.0, "cent": 0.01, "penny": 0.01}


def _ours_right(registry: Any, bases: dict[str, str], want: float, unit: str, claim: Claim) -> bool:
    """Is the claim's value the expected one, compared in one unit (converted as pint does)?"""
    values = [v for v in (claim.value, claim.low) if v is not None]
    if claim.low is not None and claim.high is not None:
        values.append((claim.low + claim.high) / 2)
    if claim.kind == "percent":  # "two thirds" is 66.7 percent
        return any(_close(v, want) or _close(v, 100 * want) for v in values)
    if claim.kind == "money" or claim.unit in (None, "percentage points"):
        # pint knows no dozen and no cent: those are converted by their definitions
        scaled = want * _BY_DEFINITION.get(unit, 1.0)
        return any(_close(v, want) or _close(v, scaled) for v in values)
    stated = _pint_unit(registry, unit) if unit != "dimensionless" else None
    base = bases.get(claim.unit or "")
    if stated is None or base is None:
        return any(_close(v, want) for v in values)
    try:
        expected = registry.Quantity(want, stated).to(base).magnitude
    except Exception:
        return any(_close(v, want) for v in values)
    return any(_close(v, float(expected)) for v in values)


def _theirs_right(registry: Any, want: float, unit: str, found: dict[str, Any]) -> bool:
    value, name = float(found["value"]), str(found["unit_name"])
    if name == unit or "dimensionless" in (name, unit):
        return _close(value, want)
    a, b = _pint_unit(registry, unit), _pint_unit(registry, name)
    try:
        return (
            a is not None
            and b is not None
            and _close(float(registry.Quantity(value, b).to(a).magnitude), want)
        )
    except Exception:
        return False


def _miss_line(text: str, res: dict[str, Any], hits: Sequence[Claim], right: bool) -> str:
    """One missed or wrongly valued expected quantity, for --misses."""
    kind = "value off" if hits else "missed"
    got = [(c.text, c.value, c.unit) for c in hits]
    detail = f", got {got}" if hits and not right else ""
    return f"{kind}: {res['surface']!r} = {res['value']} {res['unit']}{detail} in: {text[:90]!r}"


def quantulum_sentences(
    qpython: str, misses: list[str] | None = None
) -> tuple[Accuracy, Accuracy] | str:
    """claimcheck and quantulum3 on quantulum3's own English test sentences; ``misses``, when
    given, receives a line for each expected quantity claimcheck misses or values wrong."""
    done = subprocess.run([qpython, str(SHIM), "sentences"], capture_output=True, text=True)
    if done.returncode != 0:
        return f"quantulum3 sentences skipped: {(done.stderr.strip().splitlines() or ['?'])[-1]}"
    cases = json.loads(done.stdout)
    registry = _registry()
    from claims import make_units

    bases = {
        spec["symbol"]: make_units.expression_of(spec["base"])
        for spec in make_units.rules()["dimensions"].values()
    }
    ours = [0, 0, 0, 0]
    theirs = [0, 0, 0, 0]
    for case in cases:
        text, claims = case["req"], extract(case["req"])
        for res in case["res"]:
            at = text.find(res["surface"])
            if at < 0:
                at = text.lower().find(res["surface"].lower())
            span = (at, at + len(res["surface"])) if at >= 0 else (-1, -1)
            want, unit = float(res["value"]), str(res["unit"])
            hits = [c for c in claims if c.start < span[1] and c.end > span[0]]
            found = [f for f in case["found"] if f["start"] < span[1] and f["end"] > span[0]]
            ours_right = any(_ours_right(registry, bases, want, unit, c) for c in hits)
            if misses is not None and not ours_right:
                misses.append(_miss_line(text, res, hits, ours_right))
            for tally, hit, right in (
                (ours, hits, ours_right),
                (theirs, found, any(_theirs_right(registry, want, unit, f) for f in found)),
            ):
                tally[0] += 1
                tally[1] += bool(hit)
                tally[2] += 1
                tally[3] += right
    return (
        Accuracy("claimcheck", *ours),
        Accuracy("quantulum3 (its own test sentences)", *theirs),
    )


_SUMMARY = regex.compile(r"found (\d+)/(\d+) \(\d+%\), value right (\d+)/(\d+)")


def recognizers(name: str, cmd: Sequence[str], misses: list[str] | None = None) -> Accuracy | str:
    """Found and values right on the Recognizers-Text dev half, scored by its own scorer;
    ``misses``, when given, receives the scorer's list of missed results and wrong values."""
    if not RECOGNIZERS.exists():
        return f"Recognizers-Text dev half absent ({RECOGNIZERS}): skipped"
    verbose = ["--verbose"] if misses is not None else []
    done = subprocess.run(
        [sys.executable, str(RECOGNIZERS), "--claimcheck", shlex.join(cmd), *verbose],
        capture_output=True,
        text=True,
    )
    if misses is not None:
        misses.extend(done.stdout.strip().splitlines()[:-1])
    m = _SUMMARY.search(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "")
    if m is None:
        return f"{name}: the scorer printed no summary"
    found, expected, right, valued = (int(g) for g in m.groups())
    return Accuracy(name, expected, found, valued, right)


def accuracy(qpython: str | None, show_misses: bool = False) -> None:
    """Found and values right on both sets; ``show_misses`` also lists claimcheck's misses."""
    print("accuracy (found: a figure overlaps the expected text; value: equal in one unit):")
    q_misses: list[str] | None = [] if show_misses else None
    r_misses: list[str] | None = [] if show_misses else None
    if qpython is None:
        print("  quantulum3 is not installed: pip install quantulum3, or --quantulum-python PATH")
    else:
        result = quantulum_sentences(qpython, q_misses)
        if isinstance(result, str):
            print("  " + result)
        else:
            print("  quantulum3's English test sentences:")
            for a in result:
                print("    " + a.line())
    print("  Recognizers-Text English specs, dev half (its scorer):")
    runs = [("claimcheck", [sys.executable, "-m", "checker"])]
    if qpython is not None:
        runs.append(("quantulum3", [qpython, str(SHIM)]))
    for name, cmd in runs:
        r = recognizers(name, cmd, r_misses if name == "claimcheck" else None)
        print("    " + (r if isinstance(r, str) else r.line()))
    print()
    for title, lines in (("quantulum3 sentences", q_misses), ("Recognizers-Text", r_misses)):
        if lines:
            print(f"claimcheck's misses on the {title} ({len(lines)}):")
            print("\n".join("  " + line for line in lines) + "\n")


def _quantulum_python(given: str | None) -> str | None:
    if given:
        return given
    try:
        import quantulum3  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        return None
    return sys.executable


def _quantulum_elsewhere(articles: Sequence[str], qpython: str) -> tuple[Speed | None, str]:
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        path = Path(tmp) / "articles.txt"
        path.write_text("\n\n\n".join(articles), encoding="utf-8")
        done = subprocess.run(
            [qpython, str(SHIM), "time", str(path)], capture_output=True, text=True
        )
    if done.returncode != 0:
        return None, "quantulum3 failed in its interpreter (skipped)"
    result = json.loads(done.stdout)
    speed = Speed(
        "quantulum3, one article per call",
        sum(map(len, articles)),
        float(result["seconds"]),
        int(result["found"]),
    )
    return speed, f"in {qpython}, tables loaded before timing"


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
    parser.add_argument(
        "--quantulum-python", help="an interpreter with quantulum3 installed (a scratch venv)"
    )
    parser.add_argument("--no-accuracy", action="store_true", help="only the throughput")
    parser.add_argument(
        "--misses",
        action="store_true",
        help="list claimcheck's missed and wrongly valued results on both sets, then stop",
    )
    args = parser.parse_args(argv)
    qpython = _quantulum_python(args.quantulum_python)
    if args.misses:
        accuracy(qpython, show_misses=True)
        return 0
    if not args.no_accuracy:
        accuracy(qpython)
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
    q_speed, q_note = quantulum(articles, qpython)
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
