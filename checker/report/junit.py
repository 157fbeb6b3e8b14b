"""JUnit XML for a gate report: one test case per figure, failing where the gate fails."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

import regex

from checker.gate import Finding, GateReport
from checker.report import tidy

# Characters XML 1.0 cannot carry even escaped; ElementTree would write them as they are.
_NOT_XML = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def render(reports: GateReport | Sequence[GateReport]) -> str:
    """Gate reports as a JUnit ``<testsuites>`` document, one suite per draft."""
    many = [reports] if isinstance(reports, GateReport) else list(reports)
    root = ET.Element("testsuites", {"name": "claimcheck"})
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for report in many:
        counts = _suite(root, report)
        for key in totals:
            totals[key] += counts[key]
    root.attrib.update({k: str(v) for k, v in totals.items()})
    ET.indent(root)
    return _DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def _suite(root: ET.Element, report: GateReport) -> dict[str, int]:
    paths = dict(report.sources)
    failing = report.failing
    failures = sum(1 for f in report.findings if f.status in failing)
    counts = {"tests": len(report.findings), "failures": failures, "errors": 0, "skipped": 0}
    suite = ET.SubElement(
        root,
        "testsuite",
        {
            "name": _clean(f"claimcheck gate {report.draft}"),
            **{k: str(v) for k, v in counts.items()},
        },
    )
    for finding in report.findings:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": _clean(f"claimcheck.{report.draft_id}"),
                "name": _clean(_case_name(finding)),
            },
        )
        if finding.status in failing:
            failure = ET.SubElement(
                case, "failure", {"type": finding.status, "message": _clean(finding.message)}
            )
            failure.text = _clean(_evidence_lines(finding, paths))
        else:
            ET.SubElement(case, "system-out").text = _clean(finding.message)
    # Figures left alone by a suppression or the config are counted, never silently dropped.
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "ignored", "value": str(report.ignored)})
    if report.warnings:
        ET.SubElement(suite, "system-err").text = _clean(
            "\n".join(f"{report.draft}:{w.line}:{w.column}: {w.message}" for w in report.warnings)
        )
    return counts


def _case_name(finding: Finding) -> str:
    claim = finding.claim
    text = " ".join(claim.text.split())
    return f"{claim.line}:{claim.column} {text} ({claim.measure})"


def _evidence_lines(finding: Finding, paths: dict[str, str]) -> str:
    """One line per source figure: where it stands, what it says and the sentence it is in."""
    if not finding.evidence:
        return "no source states this figure"
    return "\n".join(
        f"{paths.get(e.source, e.source)}:{e.line}:{e.column}: {' '.join(e.text.split())}"
        f" ({tidy(e.sentence)})"
        for e in finding.evidence
    )


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
