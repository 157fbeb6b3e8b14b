"""Markdown for a gate or check report, readable when pasted into a ticket or a pull request."""

from __future__ import annotations

import regex

from checker.check import CheckReport, Cluster
from checker.gate import GateReport, cite, phrase
from checker.report import tidy
from claims import Claim

# Characters Markdown would read as markup (``$`` opens maths on some hosts, ``|`` ends a cell).
_MARKUP = regex.compile(r"([\\`*_\[\]<>|$~])")
_SPACE = regex.compile(r"\s++")


def render(
    report: GateReport | CheckReport, *, explain: bool = False, show_single: bool = False
) -> str:
    """Markdown: a table of findings for a gate, conflicts and agreements for a check (with
    why claims were aligned when ``explain``, and the single-source claims when asked)."""
    if isinstance(report, GateReport):
        return _gate(report)
    if isinstance(report, CheckReport):
        return _check(report, explain, show_single)
    raise TypeError(f"cannot render {type(report).__name__} as Markdown")


def escape(text: str) -> str:
    """Text safe inside a table cell: on one line, with markup characters backslash-escaped."""
    return _MARKUP.sub(r"\\\1", _SPACE.sub(" ", text).strip())


def _gate(report: GateReport) -> str:
    counts = report.summary()
    verdict = "FAILED" if report.failed else "passed"
    summary = (
        f"**{verdict}**: {counts['contradicted']} contradicted, "
        f"{counts['unsupported']} unsupported, {counts['supported']} supported"
    )
    summary += f", {report.ignored} ignored"
    summary += f" (against {_plural(len(report.sources), 'source')})."
    out = [f"# claimcheck gate: {escape(report.draft)}", "", summary, ""]
    if report.findings:
        out += ["| Line | Figure | Verdict | Sources say |", "| ---: | --- | --- | --- |"]
        for f in sorted(report.findings, key=lambda f: (f.claim.line, f.claim.column)):
            said = escape(cite(f.evidence)) if f.evidence else "no source states this figure"
            verdict_cell = f"**{f.status}**" if f.status == "contradicted" else f.status
            out.append(f"| {f.claim.line} | {escape(phrase(f.claim))} | {verdict_cell} | {said} |")
    else:
        out.append("The draft states no figure to check.")
    if report.warnings:
        out += ["", "## Warnings", ""]
        out += [f"- line {w.line}, column {w.column}: {escape(w.message)}" for w in report.warnings]
    return "\n".join(out) + "\n"


def _check(report: CheckReport, explain: bool, show_single: bool) -> str:
    counts = report.summary()
    singles = [c for c in report.clusters if c.status == "single"]
    single_claims = sum(len(c.claims) for c in singles)
    out = [
        f"# claimcheck check: {_plural(len(report.sources), 'source')}",
        "",
        f"**{_plural(counts['conflict'], 'conflict')}**, {_plural(counts['agree'], 'agreement')}, "
        f"{_plural(single_claims, 'claim')} stated by one source only.",
    ]
    conflicts = [c for c in report.clusters if c.status == "conflict"]
    if conflicts:
        out += ["", "## Conflicts"]
        for cluster in conflicts:
            out += ["", f"### {escape(cluster.measure)} (cluster {cluster.id})", ""]
            out += ["| Source | Line | Figure | Sentence |", "| --- | ---: | --- | --- |"]
            out += [
                f"| {escape(c.source)} | {c.line} | {escape(c.text)} | {_bold_figure(c)} |"
                for c in cluster.claims
            ]
            out += _explanation(cluster, explain)
    agreements = [c for c in report.clusters if c.status == "agree"]
    if agreements:
        out += ["", "## Agreements", "", "| Figure | Measure | Sources |", "| --- | --- | --- |"]
        out += [
            f"| {_figures(c)} | {escape(c.measure)} | {_places(c.claims)} |" for c in agreements
        ]
        if explain:
            out += ["", "### Why these agree"]
            for c in agreements:
                out += ["", f"{_figures(c)} ({escape(c.measure)}):"]
                out += _explanation(c, explain)
    if show_single and singles:
        out += ["", "## Single-source claims", "", "| Source | Line | Figure | Measure |"]
        out += ["| --- | ---: | --- | --- |"]
        out += [
            f"| {escape(x.source)} | {x.line} | {escape(x.text)} | {escape(c.measure)} |"
            for c in singles
            for x in c.claims
        ]
    return "\n".join(out) + "\n"


def _explanation(cluster: Cluster, explain: bool) -> list[str]:
    if not explain or not cluster.explanation:
        return []
    return ["", *(f"- {escape(line)}" for line in cluster.explanation)]


def _places(claims: tuple[Claim, ...] | list[Claim]) -> str:
    return escape(", ".join(dict.fromkeys(f"{c.source}:{c.line}" for c in claims)))


def _figures(cluster: Cluster) -> str:
    return "; ".join(dict.fromkeys(escape(c.text) for c in cluster.claims))


def _bold_figure(claim: Claim) -> str:
    """The claim's sentence with its figure in bold (the first occurrence of the figure)."""
    sentence = tidy(claim.sentence)
    figure = _SPACE.sub(" ", claim.text).strip()
    at = sentence.find(figure)
    if at < 0 or not figure:
        return escape(sentence)
    before, after = sentence[:at], sentence[at + len(figure) :]
    # A space just inside the markers would stop "**" from reading as bold.
    return f"{_escape_keep_space(before)}**{escape(figure)}**{_escape_keep_space(after)}"


def _escape_keep_space(text: str) -> str:
    return _MARKUP.sub(r"\\\1", text)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
