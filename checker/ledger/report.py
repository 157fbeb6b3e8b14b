"""A ledger check's report in each format: the gate's writers, plus each figure's history."""

from __future__ import annotations

import importlib
from typing import Any

from checker.ledger.check import LedgerReport, label, told
from checker.ledger.store import Stats, Stored
from checker.ledger.transfer import article_data
from checker.report import json as json_report


def _statement(s: Stored) -> dict[str, Any]:
    return {
        "text": s.claim.text,
        "value": s.claim.value,
        "outlet": s.article.outlet,
        "published": s.article.published,
        "article": s.article.path,
        "line": s.claim.line,
        "column": s.claim.column,
    }


def data(report: LedgerReport) -> dict[str, Any]:
    """The gate's JSON (it validates against the gate's schema), each report item with the
    checked ``article``, its sources' outlets and dates, and per finding its ``history``
    (earlier statements, oldest first) and whether it states a ``superseded`` figure."""
    out = json_report.gates_data([report.gate])
    item = out["reports"][0]
    # The ids evidence names, as in every other format.
    item["sources"] = [{"id": label(a), **article_data(a)} for a in report.sources]
    for finding, history, stale in zip(
        item["findings"], report.history, report.superseded, strict=True
    ):
        finding["history"] = [_statement(s) for s in history]
        finding["superseded"] = stale
    item["article"] = article_data(report.article)
    item["candidates"] = report.candidates
    return out


def _histories(report: LedgerReport) -> list[str]:
    lines = []
    for f, history in zip(report.gate.findings, report.history, strict=True):
        if history:
            lines.append(f"line {f.claim.line}: {f.claim.text}: {told(history)}")
    return lines


def render(report: LedgerReport, fmt: str, console: Any = None) -> str:
    """Text of the report in ``fmt`` (every format but "rich", which draws on ``console``)."""
    if fmt == "json":
        return json_report.render(data(report))
    if fmt in ("sarif", "junit"):
        text: str = importlib.import_module(f"checker.report.{fmt}").render([report.gate])
        return text
    writer = importlib.import_module(f"checker.report.{fmt}")
    text = writer.render(report.gate)
    if fmt == "markdown" and (lines := _histories(report)):
        text += "\n## History\n\n" + "".join(f"- {line}\n" for line in lines)
        stale = [f for f, s in zip(report.gate.findings, report.superseded, strict=True) if s]
        text += "".join(f"- line {f.claim.line}: {f.message}\n" for f in stale)
    return text


def draw(report: LedgerReport, console: Any) -> None:
    """The terminal report: the gate's table, then what was revised."""
    from rich.text import Text

    from checker.report import terminal

    terminal.render_gate(report.gate, console)
    for f, stale in zip(report.gate.findings, report.superseded, strict=True):
        if stale:
            console.print(Text(f"line {f.claim.line}: {f.message}", style="yellow"))
    for line in _histories(report):
        console.print(Text(f"history {line}", style="dim"))


def stats_lines(stats: Stats, path: str) -> list[str]:
    per_claim = stats.bytes / stats.claims if stats.claims else 0.0
    return [
        f"ledger      {path} (schema {stats.schema})",
        f"articles    {stats.articles:,}",
        f"claims      {stats.claims:,}",
        f"outlets     {stats.outlets:,}",
        f"published   {stats.first_published or '-'} to {stats.last_published or '-'}",
        f"index       {stats.terms:,} terms, {stats.postings:,} postings",
        f"size        {stats.bytes:,} bytes ({per_claim:,.0f} per claim)",
    ]
