"""Why `check` misses the gold conflicts and agreements of the dev sets, by class.

    python bench/check_misses.py              # every miss, then the count per class
    python bench/check_misses.py --cv         # with the cross-validated scorers

For each missed gold conflict or agreement it prints the two figures of the pair that came
nearest to being linked, their sentences' similarity, P(same) both ways and the step that
refused them: retrieval (not a candidate), scorer (P under every threshold), apart (time,
place, period... or names, or a dateline), link threshold (under `link` for figures that
agree; under `link_conflict`, and not near or under `link_conflict_near`, for figures that
do not), rival (a disagreeing pair where one has an agreeing statement in the other's
document), taken (a likelier link took one of the figures in the other's document, or the
join would put two figures of one document that disagree in one cluster), or the cluster's
conflict logic (linked, but the cluster's status is not the gold's).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets
import train_scorer

from checker.align import Index
from checker.check import check
from checker.cluster import _best_restatements, _Found
from checker.documents import claims_of
from checker.features import agree, apart, named_apart
from checker.features import near as _near
from checker.scorer import Model, Pair, pairs
from checker.settings import Settings
from checker.stamps import stamped
from claims import Claim

SETTINGS = Settings()
# The steps in the order a pair passes them: a pair's class is the first it fails.
STEPS = (
    "retrieval",
    "scorer",
    "apart",
    "link threshold",
    "rival",
    "taken",
    "cluster conflict logic",
)


@dataclass
class Run:
    """One check run's internals: the index, each claim's best restatements, its cluster."""

    index: Index
    found: _Found
    scored: dict[int, list[Pair]]
    cluster_of: dict[int, tuple[int, str]]  # claim id -> (cluster id, status)
    stamps: set[int]  # claim ids of datelines and publication stamps

    def ids(self, test: Callable[[Claim], bool]) -> list[int]:
        return [i for i, c in enumerate(self.index.claims) if test(c)]


def run(task: datasets.CheckTask, model: Model) -> Run:
    per_doc = [claims_of(d) for d in task.documents]
    index = Index(SETTINGS)
    for claims in per_doc:
        index.add_document(claims)
    found = _best_restatements(index, SETTINGS, model)
    scored = {
        i: pairs(c, f, index, model)
        for i, (c, f) in enumerate(zip(index.claims, index.frames, strict=True))
    }
    report = check(task.documents, settings=SETTINGS, claims=per_doc, model=model)
    where = {(c.source, c.start): (k.id, k.status) for k in report.clusters for c in k.claims}
    cluster_of = {i: where[(c.source, c.start)] for i, c in enumerate(index.claims)}
    stamps = stamped(index.claims, {d.id: d.prose for d in task.documents})
    return Run(index, found, scored, cluster_of, stamps)


def _p(r: Run, i: int, j: int) -> Pair | None:
    return next((p for p in r.scored[i] if p.item == j), None)


def diagnose(r: Run, i: int, j: int, want: str) -> tuple[int, str]:
    """(how far the pair got, why it stopped) for two figures that should be in one cluster
    of status ``want``."""
    a, b = r.index.claims[i], r.index.claims[j]
    fa, fb = r.index.frames[i], r.index.frames[j]
    pij, pji = _p(r, i, j), _p(r, j, i)
    agrees = agree(a, b, SETTINGS.tolerance)
    if pij is None and pji is None:
        return 0, "not a candidate either way"
    prob = max(p.probability for p in (pij, pji) if p is not None)
    floor = min(SETTINGS.link, SETTINGS.link_conflict)
    if prob < floor:
        return 1, f"P {prob:.2f} < {floor}"
    why = "" if agrees else apart(a, fa, b, fb)
    why = why or named_apart(a, b) or ("a dateline or stamp" if {i, j} & r.stamps else "")
    if why:
        return 2, why
    if agrees and prob < SETTINGS.link:
        return 3, f"P {prob:.2f} < {SETTINGS.link} (agree)"
    if not agrees and prob < SETTINGS.link_conflict:
        near = _near(a, b, SETTINGS)
        if not near or prob < SETTINGS.link_conflict_near:
            need = SETTINGS.link_conflict_near if near else SETTINGS.link_conflict
            return 3, f"P {prob:.2f} < {need} (disagree, {'near' if near else 'not near'})"
    if not agrees and ((i, b.source) in r.found.rivals or (j, a.source) in r.found.rivals):
        return 4, "an agreeing rival in the other document"
    (ka, sa), (kb, _) = r.cluster_of[i], r.cluster_of[j]
    if ka != kb:
        return 5, "a likelier link took one of them, or the join would contradict a document"
    return 6, f"one cluster, status {sa}, wanted {want}"


def describe(r: Run, i: int, j: int) -> str:
    a, b = r.index.claims[i], r.index.claims[j]
    pij, pji = _p(r, i, j), _p(r, j, i)
    sim = r.index.similarity(r.index.frames[i].sentence, r.index.frames[j].sentence)

    def fmt(p: Pair | None) -> str:
        return "-" if p is None else f"{p.probability:.2f}"

    return (
        f"{a.source}:{a.line} {a.text!r} [{a.measure}] ~ {b.source}:{b.line} {b.text!r} "
        f"[{b.measure}]: sim {sim:.2f}, P {fmt(pij)}/{fmt(pji)}"
    )


def worst(r: Run, pairs_: list[tuple[int, int]], want: str) -> tuple[str, str] | None:
    """The class and line of the pair that came nearest; None when some pair made it."""
    found = []
    for i, j in pairs_:
        (ka, sa), (kb, _) = r.cluster_of[i], r.cluster_of[j]
        if ka == kb and sa == want:
            return None
        step, why = diagnose(r, i, j, want)
        found.append((step, why, i, j))
    if not found:
        return "no claim covers a figure", ""
    step, why, i, j = max(found, key=lambda t: t[0])
    return STEPS[step], f"{describe(r, i, j)}\n      {why}"


def newsroom(model_for: Callable[[str], Model]) -> Iterator[tuple[str, str, str]]:
    fm = datasets.scorer_module("newsroom").figure_matches
    for task in datasets.newsroom_check():
        r = run(task, model_for(task.group))

        def of(fig: str, src: str | None, r: Run = r) -> list[int]:
            return r.ids(lambda c: (src is None or c.source == src) and fm(fig, c.text))

        for kind, want in (("conflicts", "conflict"), ("agreements", "agree")):
            for e in task.gold[kind]:
                srcs, figs = e.get("sources") or [], e["figures"]
                if want == "conflict":
                    # Any two claims covering two of the figures, from any sources: as the
                    # newsroom score.py counts a conflict caught.
                    xs, ys = of(figs[0], None), of(figs[1], None)
                    todo = [(i, j) for i in xs for j in ys if i != j]
                else:
                    per = [[i for f in figs for i in of(f, s)] for s in srcs]
                    todo = [(i, j) for k in range(1, len(per)) for i in per[0] for j in per[k]]
                got = worst(r, todo, want)
                if got is not None:
                    yield got[0], f"newsroom {task.group} {want} {e['measure']} {figs}", got[1]


def ecbplus(model_for: Callable[[str], Model]) -> Iterator[tuple[str, str, str]]:
    for task in datasets.ecbplus():
        r = run(task, model_for(task.group))
        figs = task.gold["figures"]

        def cover(m: dict, r: Run = r) -> list[int]:
            doc = m["doc"] + ".txt"
            return r.ids(lambda c: c.source == doc and c.start < m["end"] and c.end > m["start"])

        name = task.gold["subtopic"]
        for g in task.gold["conflicts"]:
            todo = [(i, j) for x, y in g["pairs"] for i in cover(figs[x]) for j in cover(figs[y])]
            got = worst(r, todo, "conflict")
            if got is not None:
                texts = sorted({figs[x]["text"] for p in g["pairs"] for x in p})
                yield got[0], f"ecbplus {name} conflict {texts}", got[1]
        for g in task.gold["agreements"]:
            ms = g["mentions"]
            todo = [
                (i, j)
                for n, x in enumerate(ms)
                for y in ms[n + 1 :]
                if figs[x]["doc"] != figs[y]["doc"]
                for i in cover(figs[x])
                for j in cover(figs[y])
            ]
            got = worst(r, todo, "agree")
            if got is not None:
                texts = sorted({figs[x]["text"] for x in ms})
                yield got[0], f"ecbplus {name} agreement {texts}", got[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv", action="store_true")
    args = ap.parse_args()
    model_for = train_scorer.model_for(args.cv)
    classes: Counter[str] = Counter()
    for source in (newsroom, ecbplus):
        for step, what, detail in source(model_for):
            classes[(what.split()[0], what.split()[2], step)] += 1
            print(f"[{step}] {what}\n   {detail}")
    print()
    for (dataset, want, step), n in sorted(classes.items()):
        print(f"{dataset:9} {want:9} {step:24} {n}")


if __name__ == "__main__":
    main()
