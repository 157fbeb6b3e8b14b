"""JSON output for extract, check and gate: the public contract, schema "claimcheck/1".

Each command writes one shape whatever the number of its inputs, described by a JSON Schema
shipped in ``checker/schemas/``. Output is encoded piece by piece, never held as one string.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import Any

from checker.check import CheckReport
from checker.gate import GateReport
from checker.report import sentence_window
from claims import Claim

SCHEMA = "claimcheck/1"
# A "sentence" longer than this (text without stops, a table flattened to one line) is given
# as a window around the figure, so that output stays linear in the input, not quadratic.
SENTENCE_SHOWN = 1000


SCHEMAS = ("claim", "extract", "check", "gate", "statistics")


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of an output document (or of a claim), as shipped in the package."""
    if name not in SCHEMAS:
        raise ValueError(f"no schema {name!r}; known: {', '.join(SCHEMAS)}")
    text = resources.files("checker").joinpath("schemas", f"{name}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def claim_data(claim: Claim) -> dict[str, Any]:
    data = claim.to_dict()
    if len(claim.sentence) > SENTENCE_SHOWN:
        window, _, _ = sentence_window(claim, SENTENCE_SHOWN // 2)
        data["sentence"] = window
        data["sentence_cut"] = True
    return data


def extract_data(claims: Sequence[Claim]) -> dict[str, Any]:
    return {"schema": SCHEMA, "claims": [claim_data(c) for c in claims]}


def check_data(report: CheckReport, explain: bool = False) -> dict[str, Any]:
    clusters = []
    for c in report.clusters:
        item: dict[str, Any] = {
            "id": c.id,
            "status": c.status,
            "measure": c.measure,
            "claims": [claim_data(x) for x in c.claims],
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


def gate_data(report: GateReport, explain: bool = False) -> dict[str, Any]:
    """One draft's report: an item of ``reports`` in the gate's JSON."""
    findings = []
    for f in report.findings:
        item: dict[str, Any] = {
            "status": f.status,
            "claim": claim_data(f.claim),
            "evidence": [claim_data(e) for e in f.evidence],
            "message": f.message,
        }
        if explain:
            item["explanation"] = {
                "score": f.score,
                "aligned": f.aligned,
                "features": dict(f.why),
            }
        findings.append(item)
    return {
        "draft": report.draft,
        "sources": [{"id": i, "path": p} for i, p in report.sources],
        "findings": findings,
        "summary": report.summary(),
        "fail_on": report.fail_on,
        "failed": report.failed,
        "ignored": report.ignored,
        "warnings": [
            {"line": w.line, "column": w.column, "message": w.message} for w in report.warnings
        ],
    }


def gates_data(reports: Sequence[GateReport], explain: bool = False) -> dict[str, Any]:
    """The gate's JSON, the same shape for one draft or several: a report per draft, totals."""
    totals = dict.fromkeys(("contradicted", "supported", "unsupported"), 0)
    for r in reports:
        for status, n in r.summary().items():
            totals[status] += n
    items = [gate_data(r, explain) for r in reports]
    return {
        "schema": SCHEMA,
        # Every draft's findings in one list too, each naming its draft: the shape tools that
        # read a gate's findings (benchmark scorers, CI scripts) expect at the top.
        "findings": [f | {"draft": item["draft"]} for item in items for f in item["findings"]],
        "reports": items,
        "summary": totals,
        "ignored": sum(r.ignored for r in reports),
        "failed": any(r.failed for r in reports),
    }


def chunks(data: dict[str, Any]) -> Iterator[str]:
    """The document as pieces of indented JSON, ending in a newline."""
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False, allow_nan=False)
    yield from encoder.iterencode(data)
    yield "\n"


def render(data: dict[str, Any]) -> str:
    return "".join(chunks(data))
