"""Precision and recall of extracted claims against our gold annotations."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from claims import Claim

FIELDS = ("text", "kind", "interval", "unit", "qualifier", "measure", "date")


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    matched: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.matched if self.matched else 1.0


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-9)


def field_right(name: str, gold: dict, claim: Claim) -> bool:
    if name == "interval":
        return (
            _close(gold["value"], claim.value)
            and _close(gold["low"], claim.low)
            and _close(gold["high"], claim.high)
            and gold.get("low_inclusive", True) == claim.low_inclusive
            and gold.get("high_inclusive", True) == claim.high_inclusive
        )
    return bool(gold[name] == getattr(claim, name))


def score(gold: list[dict], claims: list[Claim], text: str, score: Score, label: str) -> None:
    """Match gold items to claims by line and overlapping span, then compare field by field."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    unused = list(claims)
    score.gold += len(gold)
    score.found += len(claims)
    search_from: dict[int, int] = {}
    for item in gold:
        line_no = item["line"]
        col = lines[line_no - 1].find(item["text"], search_from.get(line_no, 0))
        search_from[line_no] = col + 1
        g_start = starts[line_no - 1] + col
        g_end = g_start + len(item["text"])
        hit = next((c for c in unused if c.start < g_end and g_start < c.end), None)
        if hit is None:
            score.misses.append(f"{label}:{line_no} {item['text']!r}")
            continue
        unused.remove(hit)
        score.matched += 1
        for name in FIELDS:
            if field_right(name, item, hit):
                score.right[name] += 1
            else:
                want = item if name != "interval" else (item["value"], item["low"], item["high"])
                got = (hit.value, hit.low, hit.high) if name == "interval" else getattr(hit, name)
                score.wrong.append(
                    f"{label}:{line_no} {item['text']!r} {name}: "
                    f"gold {want if name == 'interval' else item[name]!r} got {got!r}"
                )
    score.extras.extend(f"{label}:{c.line} {c.text!r}" for c in unused)
