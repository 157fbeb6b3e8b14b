"""Accuracy against our gold annotations, with floors that only ever go up."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES
from scoring import FIELDS, Score, load_gold, score

from checker.check import check
from checker.compare import compatible
from checker.documents import read_document, read_documents
from checker.gate import gate
from claims import extract

# Floors: raise them when the measured figures rise; never lower them.
FIND_FLOOR = 0.98  # precision and recall of finding the figures in the seeds
FIELD_FLOORS = {
    "text": 0.98,
    "kind": 0.98,
    "interval": 0.98,
    "unit": 0.98,
    "qualifier": 0.98,
    "measure": 0.95,
    "date": 0.98,
}


def test_seed_extraction_against_gold(seeds_dir: Path) -> None:
    gold = load_gold(FIXTURES / "gold" / "seeds.jsonl")
    total = Score()
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        items = [g for g in gold if g["seed"] == path.name]
        score(items, extract(text, path.name), text, total, path.name[:3])
    assert total.gold == len(gold)
    report = f"misses {total.misses}\nextras {total.extras}\nwrong {total.wrong}"
    assert total.precision >= FIND_FLOOR, report
    assert total.recall >= FIND_FLOOR, report
    for name in FIELDS:
        assert total.accuracy(name) >= FIELD_FLOORS[name], f"{name}: {report}"


def _drafts_outcome() -> tuple[Counter[tuple[str, str]], list[str]]:
    gold = [json.loads(x) for x in (FIXTURES / "gold" / "drafts.jsonl").read_text().splitlines()]
    sources = read_documents([FIXTURES / "articles"])
    outcome: Counter[tuple[str, str]] = Counter()
    notes = []
    for draft in sorted({g["draft"] for g in gold}):
        report = gate(read_document(FIXTURES / draft), sources)
        for g in (g for g in gold if g["draft"] == draft):
            f = next(
                (
                    f
                    for f in report.findings
                    if f.claim.line == g["line"]
                    and (g["text"] in f.claim.text or f.claim.text in g["text"])
                ),
                None,
            )
            got = f.status if f else "missing"
            outcome[(g["status"], got)] += 1
            if got != g["status"]:
                notes.append(f"{draft}:{g['line']} {g['text']!r} gold {g['status']} got {got}")
    return outcome, notes


def test_gate_on_our_drafts_against_gold() -> None:
    outcome, notes = _drafts_outcome()
    contradicted_gold = sum(n for (g, _), n in outcome.items() if g == "contradicted")
    caught = outcome[("contradicted", "contradicted")]
    false_alarms = sum(
        n for (g, got), n in outcome.items() if got == "contradicted" and g != "contradicted"
    )
    flagged = sum(n for (_, got), n in outcome.items() if got == "contradicted")
    recall = caught / contradicted_gold
    precision = caught / flagged if flagged else 1.0
    supported_gold = sum(n for (g, _), n in outcome.items() if g == "supported")
    support_recall = outcome[("supported", "supported")] / supported_gold
    assert recall >= 1.0, notes
    assert precision >= 1.0, notes
    assert support_recall >= 1.0, notes
    assert false_alarms == 0, notes


@pytest.mark.parametrize("draft", ["clean-wire.md", "clean-paraphrase.txt", "traps.txt"])
def test_clean_drafts_raise_no_false_alarm(draft: str) -> None:
    report = gate(
        read_document(FIXTURES / "drafts" / draft), read_documents([FIXTURES / "articles"])
    )
    wrong = [f.message for f in report.findings if f.status == "contradicted"]
    assert wrong == []
    assert not report.failed


def test_cross_source_pairs_against_gold() -> None:
    gold = [json.loads(x) for x in (FIXTURES / "gold" / "sets.jsonl").read_text().splitlines()]
    outcome: Counter[tuple[str, str]] = Counter()
    for name in sorted({g["set"] for g in gold}):
        report = check(read_documents([FIXTURES / "sets" / name]))
        place = {}
        for cluster in report.clusters:
            for c in cluster.claims:
                place[(c.source, c.line, c.text)] = (cluster, c)

        def find(e: dict, place=place):
            for (src, line, text), cluster in place.items():
                if (
                    src == e["file"]
                    and line == e["line"]
                    and (e["text"] in text or text in e["text"])
                ):
                    return cluster
            return None

        for g in (g for g in gold if g["set"] == name):
            a, b = find(g["a"]), find(g["b"])
            if a is None or b is None or a[0] is not b[0]:
                got = "distinct"
            else:
                got = "agree" if compatible(a[1], b[1]) else "conflict"
            outcome[(g["relation"], got)] += 1
    same_gold = sum(n for (g, _), n in outcome.items() if g != "distinct")
    same_found = outcome[("agree", "agree")] + outcome[("conflict", "conflict")]
    wrongly_merged = outcome[("distinct", "agree")] + outcome[("distinct", "conflict")]
    # Pairs are judged one by one: two figures in one cluster agree when their intervals meet.
    assert same_found / same_gold >= 0.89, outcome
    assert wrongly_merged == 0, outcome
    assert outcome[("conflict", "conflict")] == sum(
        n for (g, _), n in outcome.items() if g == "conflict"
    )
