"""A 1,000-word draft gated against ten sources: the rule matcher and the scorer side by side.

    python bench/gate_speed.py

The draft is our fixture articles and drafts run together up to 1,000 words; the sources are
ten synthetic articles from bench/match.py's generator. Each matcher is timed on the same
inputs, in turns, extraction included (a gate run's work after start-up); the median of the
runs is printed with the ratio.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import match

from checker.documents import Document, prose_of
from checker.gate import gate as rule_gate
from checker.verdict import gate_scored as scored_gate

TARGET_SECONDS = 0.5
RUNS = 7
WORDS = 1_000


def draft() -> Document:
    texts = [p.read_text(encoding="utf-8") for p in sorted(match.FIXTURES.glob("*/*.txt"))]
    words = " ".join(texts).split()[:WORDS]
    text = " ".join(words)
    return Document("draft.txt", "draft.txt", text, prose_of(text, ".txt"), "utf-8")


def main() -> int:
    the_draft = draft()
    sources = match.corpus(10, match.templates())
    scored_gate(the_draft, sources)  # warm-up: the lemma table loads once per process
    times: dict[str, list[float]] = {"rules": [], "scorer": []}
    for _ in range(RUNS):
        for name, run in (("rules", rule_gate), ("scorer", scored_gate)):
            start = time.perf_counter()
            report = run(the_draft, sources)
            times[name].append(time.perf_counter() - start)
    findings = len(report.findings)
    print(f"draft: {len(the_draft.text.split()):,} words, {findings} figures; 10 sources")
    for name, ts in times.items():
        median = statistics.median(ts)
        print(f"  {name:7} median {median:.3f} s (min {min(ts):.3f}, max {max(ts):.3f})")
    ratio = statistics.median(times["scorer"]) / statistics.median(times["rules"])
    verdict = "met" if statistics.median(times["scorer"]) < TARGET_SECONDS else "MISSED"
    print(f"scorer / rules: {ratio:.2f}x; target < {TARGET_SECONDS} s with the scorer: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
