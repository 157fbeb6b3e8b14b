"""`--statistics`: counts by status and measure, instead of the report, as ruff prints them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from checker.check import CheckReport
from checker.gate import GateReport
from claims import Claim


@dataclass(frozen=True, slots=True)
class Statistics:
    command: str  # extract | check | gate
    unit: str  # what is counted: figures (extract, gate) or clusters (check)
    rows: tuple[tuple[str, str, int], ...]  # status, measure, count; most frequent first

    @property
    def total(self) -> int:
        return sum(n for _, _, n in self.rows)


def _rows(counts: Counter[tuple[str, str]]) -> tuple[tuple[str, str, int], ...]:
    return tuple(
        (status, measure, n)
        for (status, measure), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def of_claims(claims: Sequence[Claim]) -> Statistics:
    return Statistics("extract", "figures", _rows(Counter(("found", c.measure) for c in claims)))


def of_check(report: CheckReport) -> Statistics:
    counts = Counter((c.status, c.measure) for c in report.clusters)
    return Statistics("check", "clusters", _rows(counts))


def of_gates(reports: Sequence[GateReport]) -> Statistics:
    counts: Counter[tuple[str, str]] = Counter()
    for r in reports:
        counts.update((f.status, f.claim.measure) for f in r.findings)
        if r.ignored:
            counts[("ignored", "-")] += r.ignored  # ignored figures of any measure
    return Statistics("gate", "figures", _rows(counts))


def render(stats: Statistics) -> str:
    """Plain text: a header, then one line per status and measure."""
    noun = stats.unit if stats.total != 1 else stats.unit[:-1]
    lines = [f"claimcheck statistics: {stats.total} {noun} ({stats.command})"]
    if stats.rows:
        width = max(len(str(n)) for _, _, n in stats.rows)
        status_width = max(len(s) for s, _, _ in stats.rows)
        lines += [
            f"{n:>{width}}  {status:<{status_width}}  {measure}"
            for status, measure, n in stats.rows
        ]
    return "\n".join(lines) + "\n"


def data(stats: Statistics) -> dict[str, Any]:
    from checker.report.json import SCHEMA

    return {
        "schema": SCHEMA,
        "command": stats.command,
        "counted": stats.unit,
        "total": stats.total,
        "statistics": [
            {"status": status, "measure": measure, "count": n} for status, measure, n in stats.rows
        ],
    }
