"""A 1,000-word draft gated against ten sources, beside extraction alone on the same inputs.

    python bench/gate_speed.py

The draft is our fixture articles and drafts run together up to 1,000 words; the sources are
ten synthetic articles from bench/match.py's generator. The gate (extraction included: a gate
run's work after start-up) and extraction alone are timed on the same inputs, in turns; the
median of the runs is printed with the ratio (what alignment and verdicts add).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import match

from checker.documents import Document, claims_of, prose_of
from checker.gate import gate

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
    report = gate(the_draft, sources)  # warm-up: the lemma table loads once per process

    def extract_only() -> None:
        for d in (the_draft, *sources):
            claims_of(d)

    times: dict[str, list[float]] = {"gate": [], "extract": []}
    for _ in range(RUNS):
        for name, run in (("gate", lambda: gate(the_draft, sources)), ("extract", extract_only)):
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    findings = len(report.findings)
    print(f"draft: {len(the_draft.text.split()):,} words, {findings} figures; 10 sources")
    for name, ts in times.items():
        median = statistics.median(ts)
        print(f"  {name:7} median {median:.3f} s (min {min(ts):.3f}, max {max(ts):.3f})")
    ratio = statistics.median(times["gate"]) / statistics.median(times["extract"])
    verdict = "met" if statistics.median(times["gate"]) < TARGET_SECONDS else "MISSED"
    print(f"gate / extraction: {ratio:.2f}x; target < {TARGET_SECONDS} s: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
