"""SARIF 2.1.0 for a gate report: one result per figure that fails or lacks support."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import quote

from checker.gate import Finding, GateReport, Warning_
from claims import Claim

CONTRADICTED = "claimcheck/contradicted"
UNSUPPORTED = "claimcheck/unsupported"
SUPPRESSION = "claimcheck/suppression"

# (id, name, level, description), in the order of ``ruleIndex``.
_RULES = (
    (
        CONTRADICTED,
        "ContradictedFigure",
        "error",
        "A figure in the draft that its sources contradict.",
    ),
    (
        UNSUPPORTED,
        "UnsupportedFigure",
        "warning",
        "A figure in the draft that no source states.",
    ),
    (
        SUPPRESSION,
        "SuppressionProblem",
        "warning",
        "A claimcheck suppression comment that is misplaced or suppresses no figure.",
    ),
)
_RULE_INDEX = {rule[0]: i for i, rule in enumerate(_RULES)}
_RULE_OF_STATUS = {"contradicted": CONTRADICTED, "unsupported": UNSUPPORTED}
_FINGERPRINT = "claimcheck/v1"
# Characters a path may keep in a URI reference as they are: RFC 3986 unreserved, sub-delims,
# ":" and "@"; everything else (spaces, "%", "#", "?", non-ASCII) is percent-encoded.
_URI_SAFE = "/!$&'()*+,;=:@-._~"


def render(reports: GateReport | Sequence[GateReport]) -> str:
    """Gate reports as one SARIF 2.1.0 log with one run: indented JSON ending in a newline."""
    results: list[dict[str, Any]] = []
    many = [reports] if isinstance(reports, GateReport) else list(reports)
    for report in many:
        draft_uri = _uri(report.draft)
        paths = dict(report.sources)
        results.extend(
            _finding_result(f, draft_uri, paths, report.failing)
            for f in report.findings
            if f.status in _RULE_OF_STATUS
        )
        results.extend(_warning_result(w, draft_uri) for w in report.warnings)
    log = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": _tool_version(),
                        "rules": [_rule(*rule) for rule in _RULES],
                    }
                },
                # Claim columns count characters (code points), not UTF-16 code units.
                "columnKind": "unicodeCodePoints",
                "results": results,
                # Figures left alone by a suppression or the config: counted, not hidden.
                "properties": {"ignored": sum(r.ignored for r in many)},
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def fingerprint(rule_id: str, claim: Claim) -> str:
    """A hash that follows a finding across edits that move it: rule, figure and measure."""
    key = "\x1f".join((rule_id, claim.text, claim.measure))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _tool_version() -> str:
    try:
        return version("claimcheck")
    except PackageNotFoundError:
        return "0+unknown"


def _rule(rule_id: str, name: str, level: str, description: str) -> dict[str, Any]:
    return {
        "id": rule_id,
        "name": name,
        "shortDescription": {"text": description},
        "defaultConfiguration": {"level": level},
    }


def _finding_result(
    finding: Finding,
    draft_uri: str,
    paths: dict[str, str],
    failing: frozenset[str] = frozenset({"contradicted"}),
) -> dict[str, Any]:
    rule_id = _RULE_OF_STATUS[finding.status]
    claim = finding.claim
    # What fails the gate is an error, whatever the rule's default level.
    result: dict[str, Any] = {
        "ruleId": rule_id,
        "ruleIndex": _RULE_INDEX[rule_id],
        "level": "error" if finding.status in failing else _RULES[_RULE_INDEX[rule_id]][2],
        "message": {"text": finding.message},
        "locations": [_location(draft_uri, _region(claim))],
        "partialFingerprints": {_FINGERPRINT: fingerprint(rule_id, claim)},
    }
    if finding.evidence:
        result["relatedLocations"] = [
            {
                "id": i,
                **_location(_uri(paths.get(e.source, e.source)), _region(e)),
                "message": {"text": f"source says {e.text}"},
            }
            for i, e in enumerate(finding.evidence)
        ]
    return result


def _warning_result(warning: Warning_, draft_uri: str) -> dict[str, Any]:
    return {
        "ruleId": SUPPRESSION,
        "ruleIndex": _RULE_INDEX[SUPPRESSION],
        "level": "warning",
        "message": {"text": warning.message},
        "locations": [
            _location(draft_uri, {"startLine": warning.line, "startColumn": warning.column})
        ],
    }


def _location(uri: str, region: dict[str, int]) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}


def _region(claim: Claim) -> dict[str, int]:
    """The claim's span, 1-based; ``endColumn`` is the column just after its last character."""
    parts = claim.text.split("\n")
    if len(parts) == 1:
        end_line, end_column = claim.line, claim.column + len(claim.text)
    else:
        end_line, end_column = claim.line + len(parts) - 1, len(parts[-1]) + 1
    return {
        "startLine": claim.line,
        "startColumn": claim.column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _uri(path: str) -> str:
    # A file name that is not valid UTF-8 reaches us through surrogateescape; its bytes are
    # percent-encoded as they are on disk, which is what a URI of it means.
    return quote(os.fsencode(path.replace("\\", "/")), safe=_URI_SAFE)
