"""JSON output for extract, check and gate: the public contract, schema "claimcheck/1"."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from checker.check import CheckReport
from checker.gate import GateReport
from claims import Claim

SCHEMA = "claimcheck/1"


def extract_data(claims: Sequence[Claim]) -> dict[str, Any]:
    return {"schema": SCHEMA, "claims": [c.to_dict() for c in claims]}


def check_data(report: CheckReport, explain: bool = False) -> dict[str, Any]:
    clusters = []
    for c in report.clusters:
        item: dict[str, Any] = {
            "id": c.id,
            "status": c.status,
            "measure": c.measure,
            "claims": [x.to_dict() for x in c.claims],
        }
        if explain:
            item["explanation"] = list(c.explanation)
        clusters.append(item)
    return {
        "schema": SCHEMA,
        "sources": [{"id": i, "path": p} for i, p in report.sources],
        "clusters": clusters,
        "summary": report.summary(),
    }


def gate_data(report: GateReport) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "draft": report.draft,
        "sources": [{"id": i, "path": p} for i, p in report.sources],
        "findings": [
            {
                "status": f.status,
                "claim": f.claim.to_dict(),
                "evidence": [e.to_dict() for e in f.evidence],
                "message": f.message,
            }
            for f in report.findings
        ],
        "summary": report.summary(),
        "fail_on": report.fail_on,
        "failed": report.failed,
        "ignored": report.ignored,
        "warnings": [
            {"line": w.line, "column": w.column, "message": w.message} for w in report.warnings
        ],
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
