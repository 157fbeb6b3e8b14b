"""The dev table: claimcheck beside the naive digit diff on every dev set and on our fixtures.

    python bench/accuracy.py              # the shipped scorer, in process (about a minute)
    python bench/accuracy.py --cv         # each document scored by a scorer trained without its
                                          # fold (folds grouped by document): held-out figures
    python bench/accuracy.py --splits 5    # cross-validated over 5 fold assignments, summed
    python bench/accuracy.py --splits 5 --folds DIR   # ... keeping the fold scorers in DIR
    python bench/accuracy.py --sets newsroom,ecbplus --verbose

Scoring follows each benchmark's own score.py: its matching functions are imported from it and
fed the same JSON the CLI prints, so the rules are the benchmark's, not ours. The naive figures
come from the same score.py (its naive anchor).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets
import train_scorer

from checker.check import check
from checker.gate import gate
from checker.scorer import Model
from checker.settings import Settings

ModelFor = Callable[[str], Model]
SETTINGS = Settings()


def _gate_json(task: datasets.GateTask, model: Model) -> list[dict[str, Any]]:
    report = gate(task.draft, task.sources, settings=SETTINGS, model=model)
    return [{"status": f.status, "claim": f.claim.to_dict()} for f in report.findings]


def summedits(model_for: ModelFor, verbose: bool) -> dict[str, Any]:
    sm = datasets.scorer_module("summedits-domains")
    t = Counter()
    for task in datasets.summedits():
        x = task.gold
        found = [
            f for f in _gate_json(task, model_for(task.group)) if f["status"] == "contradicted"
        ]
        swap = str(x["label"]) == "0"
        t["swaps" if swap else "clean"] += 1
        hit = sm.caught(x, found) if swap else bool(found)
        t["hit" if swap else "fa"] += hit
        t["nhit" if swap else "nfa"] += sm.naive(x)
        if verbose and swap != hit:
            what = "missed swap" if swap else "false alarm"
            print(f"  summedits {what} {x['domain']} {x['changed']}: {x['summary'][:110]!r}")
    return {
        "caught": (t["hit"], t["swaps"]),
        "false alarms": (t["fa"], t["clean"]),
        "naive caught": (t["nhit"], t["swaps"]),
        "naive false alarms": (t["nfa"], t["clean"]),
    }


def aggrefact(model_for: ModelFor, verbose: bool) -> dict[str, Any]:
    ag = datasets.scorer_module("aggrefact")
    work, flags = [], []
    for task in datasets.aggrefact():
        found = _gate_json(task, model_for(task.group))
        strict = [
            (f["claim"]["start"], f["claim"]["end"]) for f in found if f["status"] == "contradicted"
        ]
        lenient = [
            (f["claim"]["start"], f["claim"]["end"])
            for f in found
            if f["status"] in ("contradicted", "unsupported")
        ]
        work.append(task.gold)
        flags.append((strict, lenient))
    c = ag.tally(work, lambda i: flags[i])
    naive = ag.tally(work, lambda i: (ag.naive_flags(work[i]), ()))
    errors = sum(1 for it in work for f in it["figures"] if f[3] == "error")
    intrinsic = sum(
        1 for it in work for f in it["figures"] if f[3] == "error" and f[4] == "intrinsic"
    )
    clean = sum(1 for it in work for f in it["figures"] if f[3] == "clean")
    return {
        "caught": (sum(c["caught", k] for k in ag.KINDS), errors),
        "intrinsic caught": (c["caught", "intrinsic"], intrinsic),
        "flagged": (sum(c["flagged", k] for k in ag.KINDS), errors),
        "false alarms": (c["false"], clean),
        "clean unsupported": (c["unsupported"], clean),
        "naive caught": (sum(naive["caught", k] for k in ag.KINDS), errors),
        "naive false alarms": (naive["false"], clean),
    }


def newsroom(model_for: ModelFor, verbose: bool) -> dict[str, Any]:
    nr = datasets.scorer_module("newsroom")
    tasks = {t.group: t for t in datasets.newsroom_gate()}
    checks = {t.group: t for t in datasets.newsroom_check()}

    def run_tool(cmd: list[str], args: list[str], timeout: float) -> tuple[Any, None]:
        case = Path(args[1]).parent.name
        if args[0] == "gate":
            return {"findings": _gate_json(tasks[case], model_for(case))}, None
        task = checks[Path(args[1]).parent.name]
        report = check(task.documents, settings=SETTINGS, model=model_for(task.group))
        return {
            "sources": [{"id": i, "path": p} for i, p in report.sources],
            "clusters": [
                {"status": c.status, "claims": [x.to_dict() for x in c.claims]}
                for c in report.clusters
            ],
        }, None

    nr.run_tool = run_tool
    g = Counter()
    root = datasets.BENCHMARKS / "newsroom"
    for case in sorted((root / "gate").iterdir()):
        r = nr.score_gate_case(str(case), ["in-process"], 30, "")
        for k in ("planted", "hard", "caught", "hard_caught", "false_alarms"):
            g[k] += r[k]
        if verbose:
            for m in r["missed"]:
                print(f"  newsroom gate {case.name} missed {m}")
            for m in r["false_alarm_list"]:
                print(f"  newsroom gate {case.name} FALSE ALARM {m}")
    for case in sorted((root / "check").iterdir()):
        exp = checks[case.name].gold
        paths = [str(p) for p in sorted(case.glob("*.txt"))]
        r = nr.score_check(case.name, paths, exp, ["in-process"], 30)
        for k in ("conflicts", "conflicts_caught", "agreements", "agreements_caught"):
            g["check " + k] += r[k]
        g["check false_alarms"] += r["false_alarms"]
        if verbose:
            for m in r["missed"]:
                print(f"  newsroom check {case.name} missed {m}")
            for m in r["false_alarm_list"]:
                print(f"  newsroom check {case.name} FALSE ALARM {m}")
    return {
        "gate caught": (g["caught"], g["planted"]),
        "gate hard caught": (g["hard_caught"], g["hard"]),
        "gate false alarms": g["false_alarms"],
        "check conflicts": (g["check conflicts_caught"], g["check conflicts"]),
        "check agreements": (g["check agreements_caught"], g["check agreements"]),
        "check false alarms": g["check false_alarms"],
    }


def ecbplus(model_for: ModelFor, verbose: bool) -> dict[str, Any]:
    ecb = datasets.scorer_module("ecbplus")
    caught, found, false = [], [], 0
    ncaught, nfound, nfalse = [], [], 0
    for task in datasets.ecbplus():
        report = check(task.documents, settings=SETTINGS, model=model_for(task.group))
        clusters = [
            (
                c.status,
                [
                    {"doc": x.source.removesuffix(".txt"), "start": x.start, "end": x.end}
                    for x in c.claims
                ],
            )
            for c in report.clusters
        ]
        c, f, fa, _, _ = ecb.score_subtopic(clusters, task.gold)
        caught += c
        found += f
        if verbose and not all(f):
            print(f"  ecbplus missed agreement(s) in {task.gold['subtopic']}: {f}")
        false += len(fa)
        if verbose:
            for pair in fa:
                print(f"  ecbplus FALSE ALARM {task.gold['subtopic']}: {pair}")
            if not all(c):
                print(f"  ecbplus missed conflict(s) in {task.gold['subtopic']}: {c}")
        texts = {d.id.removesuffix(".txt"): d.text for d in task.documents}
        c, f, fa, _, _ = ecb.score_subtopic(ecb.naive_clusters(texts), task.gold)
        ncaught += c
        nfound += f
        nfalse += len(fa)
    return {
        "conflicts": (sum(caught), len(caught)),
        "agreements": (sum(found), len(found)),
        "false alarms": false,
        "naive conflicts": (sum(ncaught), len(ncaught)),
        "naive agreements": (sum(nfound), len(nfound)),
        "naive false alarms": nfalse,
    }


SETS = {"summedits": summedits, "aggrefact": aggrefact, "newsroom": newsroom, "ecbplus": ecbplus}


def _fmt(v: Any) -> str:
    if isinstance(v, tuple):
        n, d = v
        return f"{n}/{d} ({n / d:.1%})" if d else f"{n}/0"
    return str(v)


def table(model_for: ModelFor, names: list[str], verbose: bool) -> Iterator[tuple[str, dict]]:
    for name in names:
        yield name, SETS[name](model_for, verbose)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--cv", action="store_true", help="grouped cross-validated figures")
    ap.add_argument(
        "--splits",
        type=int,
        default=1,
        help="with more than 1: cross-validated over that many assignments to folds, summed",
    )
    ap.add_argument(
        "--folds",
        default="",
        help="a folder keeping the fold scorers: read when there, else trained and written "
        "(write on main, read on a branch: the branch's rules under main's scorers)",
    )
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--settings", default="", help="thresholds to try: support=0.6,conflict=0.8")
    args = ap.parse_args()
    global SETTINGS
    for item in filter(None, args.settings.split(",")):
        key, value = item.split("=")
        SETTINGS = dataclasses.replace(SETTINGS, **{key: float(value)})
    names = args.sets.split(",")
    folds = Path(args.folds) if args.folds else None
    if args.splits > 1:
        _over_splits(names, args.splits, args.verbose, folds)
        return
    model_for = train_scorer.model_for(args.cv, folds=folds)
    print(f"dev table ({'cross-validated, folds by document' if args.cv else 'shipped scorer'})")
    for name, row in table(model_for, names, args.verbose):
        print(f"{name}: " + "; ".join(f"{k} {_fmt(v)}" for k, v in row.items()), flush=True)


def _over_splits(names: list[str], splits: int, verbose: bool, folds: Path | None) -> None:
    """Cross-validated figures over several assignments of the documents to folds: one split's
    figure moves by a few cases when nothing but the folds' training data moves, so a change is
    judged by the sum over splits (each cell: the counts summed, then the least and most of
    one split)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for split in range(splits):
        print(f"dev table (cross-validated, folds by document, split {split})")
        for name, row in table(train_scorer.model_for(True, split, folds), names, verbose):
            rows[name].append(row)
            print(f"{name}: " + "; ".join(f"{k} {_fmt(v)}" for k, v in row.items()), flush=True)
    print(f"dev table (cross-validated, {splits} splits summed; least and most of one split)")
    for name, per in rows.items():
        cells = []
        for key, first in per[0].items():
            ns = [r[key][0] if isinstance(first, tuple) else r[key] for r in per]
            spread = f"{min(ns)}-{max(ns)}"
            if isinstance(first, tuple):
                d = sum(r[key][1] for r in per)
                cells.append(f"{key} {sum(ns)}/{d} ({sum(ns) / d:.1%}; {spread})")
            else:
                cells.append(f"{key} {sum(ns)} ({spread})")
        print(f"{name}: " + "; ".join(cells), flush=True)


if __name__ == "__main__":
    main()
