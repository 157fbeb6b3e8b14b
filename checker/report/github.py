"""GitHub Actions workflow commands for a gate report: one annotation per figure at fault."""

from __future__ import annotations

from checker.gate import GateReport
from claims import Claim


def render(report: GateReport) -> str:
    """Annotations for figures at fault and misplaced suppressions, then a summary notice."""
    draft = report.draft.replace("\\", "/")
    lines = []
    for finding in report.findings:
        if finding.status == "supported":
            continue
        # What fails the gate is an error, as in SARIF; the rest a warning.
        command = "error" if finding.status in report.failing else "warning"
        lines.append(
            _command(
                command,
                {
                    "file": draft,
                    **_position(finding.claim),
                    "title": f"claimcheck {finding.status}",
                },
                finding.message,
            )
        )
    for warning in report.warnings:
        lines.append(
            _command(
                "warning",
                {
                    "file": draft,
                    "line": str(warning.line),
                    "col": str(warning.column),
                    "title": "claimcheck suppression",
                },
                warning.message,
            )
        )
    counts = report.summary()
    lines.append(
        _command(
            "notice",
            {},
            f"claimcheck: {counts['contradicted']} contradicted, "
            f"{counts['unsupported']} unsupported, {counts['supported']} supported, "
            f"{report.ignored} ignored",
        )
    )
    return "".join(line + "\n" for line in lines)


def escape_data(text: str) -> str:
    """A command's message as the runner reads it back: "%", CR and LF percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as a message, and ":" and "," too, which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: dict[str, str], message: str) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _position(claim: Claim) -> dict[str, str]:
    """Where the figure stands; ``endColumn`` is the column just after it, as in SARIF."""
    parts = claim.text.split("\n")
    if len(parts) == 1:
        return {
            "line": str(claim.line),
            "col": str(claim.column),
            "endColumn": str(claim.column + len(claim.text)),
        }
    # GitHub ignores columns on an annotation spanning lines, so a figure broken over a line
    # end is given by its lines alone.
    return {"line": str(claim.line), "endLine": str(claim.line + len(parts) - 1)}
