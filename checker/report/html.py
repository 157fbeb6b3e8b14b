"""One self-contained HTML file for a check or gate report: opens offline, no external assets."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from importlib import resources

import regex

from checker.check import CheckReport, Cluster
from checker.compare import describe
from checker.gate import STATUSES, Finding, GateReport, phrase
from claims import Claim

_SPACE = regex.compile(r"\s++")
_PARAGRAPH_BREAK = regex.compile(r"\n[ \t\r\f\v]*+\n\s*+")
_CONTEXT = 160  # characters of a sentence shown either side of its figure
_PER_SOURCE = 6  # claims of one source shown in a cluster; the rest are counted
_CHECK_STATUSES = (("conflict", "Conflicts"), ("agree", "Agreements"), ("single", "One source"))
_GATE_LABELS = {
    "contradicted": "Contradicted",
    "unsupported": "Unsupported",
    "supported": "Supported",
}

# Style and filter script are package data, inlined into every report.
_CSS = resources.files("checker.report").joinpath("html.css").read_text(encoding="utf-8")
_JS = resources.files("checker.report").joinpath("html.js").read_text(encoding="utf-8")


def render(report: CheckReport | GateReport | Sequence[GateReport]) -> str:
    """The report as one HTML page: a check's clusters, or each gated draft shown whole."""
    if isinstance(report, CheckReport):
        counts = report.summary()
        title = f"claimcheck check: {_plural(len(report.sources), 'source')}"
        return _page(title, _check(report), [(s, n, counts[s]) for s, n in _CHECK_STATUSES])
    reports = [report] if isinstance(report, GateReport) else list(report)
    totals = dict.fromkeys(STATUSES, 0)
    for r in reports:
        for status, n in r.summary().items():
            totals[status] += n
    name = reports[0].draft if len(reports) == 1 else _plural(len(reports), "draft")
    body = "\n".join(_gate(r) for r in reports)
    return _page(
        f"claimcheck gate: {name}", body, [(s, _GATE_LABELS[s], totals[s]) for s in STATUSES]
    )


def _page(title: str, body: str, filters: Iterable[tuple[str, str, int]]) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" data-filter value="{status}"'
        f"{'' if status == 'single' else ' checked'}> {label} ({count:,})</label>"
        for status, label, count in filters
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{_esc(title)}</h1></header>\n"
        f'<nav class="filter" aria-label="Show by status">{boxes}</nav>\n'
        f"<main>\n{body}\n</main>\n<script>{_JS}</script>\n</body>\n</html>\n"
    )


# ---- check --------------------------------------------------------------------------------


def _check(report: CheckReport) -> str:
    counts = report.summary()
    paths = dict(report.sources)
    out = [
        f'<p class="summary">{_plural(counts["conflict"], "conflict")}, '
        f"{_plural(counts['agree'], 'agreement')}, "
        f"{_plural(counts['single'], 'figure')} stated by one source only, across "
        f"{_plural(len(report.sources), 'source')}.</p>"
    ]
    for status, label in _CHECK_STATUSES:
        clusters = [c for c in report.clusters if c.status == status]
        if not clusters:
            continue
        out.append(f'<section data-group="{status}"><h2>{label}</h2>')
        if status == "single":
            out.append(_singles(clusters, paths))
        else:
            out.extend(_cluster(c, paths) for c in clusters)
        out.append("</section>")
    if not report.clusters:
        out.append('<p class="empty">No figures found in the sources.</p>')
    return "\n".join(out)


def _cluster(cluster: Cluster, paths: dict[str, str]) -> str:
    """One card: the measure, then each source's figures side by side, then why they met."""
    by_source: dict[str, list[Claim]] = {}
    for c in cluster.claims:
        by_source.setdefault(c.source, []).append(c)
    columns = []
    for source, claims in by_source.items():
        shown = "".join(_claim(c, paths) for c in claims[:_PER_SOURCE])
        more = len(claims) - _PER_SOURCE
        if more > 0:
            shown += f'<p class="value">and {more:,} more</p>'
        columns.append(f'<div class="source"><h4>{_esc(source)}</h4>{shown}</div>')
    figures = " · ".join(dict.fromkeys(_esc(_one_line(c.text)) for c in cluster.claims))
    why = "".join(f"<li>{_esc(line)}</li>" for line in cluster.explanation)
    # A conflict is what an editor opens the report for: its reasons are shown unfolded.
    unfolded = " open" if cluster.status == "conflict" else ""
    reason = f"<details{unfolded}><summary>Why these were aligned</summary><ul>{why}</ul></details>"
    return (
        f'<article class="card {cluster.status}" data-status="{cluster.status}" '
        f'id="cluster-{cluster.id}"><h3><span class="badge {cluster.status}">'
        f"{_esc(cluster.status)}</span> {_esc(cluster.measure)}: {figures}</h3>"
        f'<div class="sources">{"".join(columns)}</div>{reason if why else ""}</article>'
    )


def _claim(claim: Claim, paths: dict[str, str], status: str = "") -> str:
    return (
        f'<div class="claim"><div class="where">{_esc(_where(claim, paths))}</div>'
        f'<p class="sentence">{_figure_in_sentence(claim, status)}</p>'
        f'<div class="value">{_esc(describe(claim))}</div></div>'
    )


def _singles(clusters: Sequence[Cluster], paths: dict[str, str]) -> str:
    rows = "".join(
        f'<tr class="card single" data-status="single"><td class="where">'
        f"{_esc(_where(c, paths))}</td><td>{_figure_in_sentence(c, context=60)}</td>"
        f"<td>{_esc(cluster.measure)}</td></tr>"
        for cluster in clusters
        for c in cluster.claims
    )
    head = "<tr><th>Where</th><th>Figure in its sentence</th><th>Measure</th></tr>"
    return f"<table>{head}{rows}</table>"


# ---- gate ---------------------------------------------------------------------------------


def _gate(report: GateReport) -> str:
    counts = report.summary()
    verdict = "failed" if report.failed else "passed"
    paths = {**dict(report.sources), report.draft_id: report.draft}
    badge = "contradicted" if report.failed else "supported"
    summary = (
        f'<p class="summary"><span class="badge {badge}">{verdict}</span> '
        f"{_esc(report.draft)} against "
        f"{_plural(len(report.sources), 'source')}: {counts['contradicted']} contradicted, "
        f"{counts['unsupported']} unsupported, {counts['supported']} supported"
        f"{f', {report.ignored} ignored' if report.ignored else ''}.</p>"
    )
    findings = sorted(report.findings, key=lambda f: f.claim.start)
    out = [f'<section class="gate"><h2>{_esc(report.draft)}</h2>', summary]
    if report.prose:
        out.extend(_draft_rows(report.prose, findings, paths))
    else:
        out.append('<div data-group="findings">')
        out.extend(_finding(n, f, paths) for n, f in enumerate(findings))
        out.append("</div>")
    if not findings:
        out.append('<p class="empty">The draft states no figure to check.</p>')
    if report.warnings:
        items = "".join(
            f"<li>line {w.line}, column {w.column}: {_esc(w.message)}</li>" for w in report.warnings
        )
        out.append(f"<h3>Warnings</h3><ul>{items}</ul>")
    out.append("</section>")
    return "\n".join(out)


def _draft_rows(prose: str, findings: Sequence[Finding], paths: dict[str, str]) -> list[str]:
    """The draft paragraph by paragraph, its figures marked, each figure's evidence beside it."""
    breaks = list(_PARAGRAPH_BREAK.finditer(prose))
    starts = [0, *(m.end() for m in breaks)]
    ends = [*(m.start() for m in breaks), len(prose)]
    rows = []
    n = 0  # findings before this paragraph
    for start, end in zip(starts, ends, strict=True):
        if not prose[start:end].strip():
            continue
        first = n
        while n < len(findings) and findings[n].claim.start < end:
            n += 1
        inside = list(enumerate(findings[first:n], start=first))
        pieces, pos = [], start
        for k, f in inside:
            if f.claim.start < pos:  # overlapping figures: the first is marked
                continue
            pieces.append(_text(prose[pos : f.claim.start]))
            pieces.append(
                f'<mark class="figure {f.status}" data-verdict="{f.status}" id="figure-{k}"'
                f' title="{f.status}"><a href="#finding-{k}">'
                f"{_text(prose[f.claim.start : f.claim.end].strip())}</a></mark>"
            )
            pos = f.claim.end
        pieces.append(_text(prose[pos:end]))
        cards = "".join(_finding(k, f, paths) for k, f in inside)
        rows.append(
            f'<div class="row"><p class="draft">{"".join(pieces).strip()}</p>'
            f'<aside class="evidence" data-group="findings">{cards}</aside></div>'
        )
    return rows


def _finding(k: int, f: Finding, paths: dict[str, str]) -> str:
    evidence = "".join(_claim(e, paths, f.status) for e in f.evidence)
    said = evidence or '<p class="value">No source states this figure.</p>'
    return (
        f'<div class="card {f.status}" data-status="{f.status}" id="finding-{k}">'
        f'<h3><span class="badge {f.status}">{f.status}</span> '
        f'<a href="#figure-{k}">{_esc(_one_line(phrase(f.claim)))}</a></h3>'
        f'<div class="where">{_esc(_where(f.claim, paths))}</div>'
        f'<p class="value">{_esc(f.message)}</p>{said}</div>'
    )


# ---- helpers ------------------------------------------------------------------------------

# Spaces left by masking, not line breaks: a paragraph keeps its lines (white-space: pre-line).
_SPACE_RUN = regex.compile(r"[ \t]{2,}+")


def _text(text: str) -> str:
    """Prose escaped, with the runs of spaces that masking left closed up (line breaks kept)."""
    return _esc(_SPACE_RUN.sub(" ", text))


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _where(claim: Claim, paths: dict[str, str]) -> str:
    return f"{paths.get(claim.source, claim.source)}:{claim.line}:{claim.column}"


def _figure_in_sentence(claim: Claim, status: str = "", context: int = _CONTEXT) -> str:
    """The claim's sentence, trimmed around its figure, with the figure marked."""
    sentence = _one_line(claim.sentence)
    figure = _one_line(html.unescape(claim.text))
    at = sentence.find(figure) if figure else -1
    if at < 0:
        return (
            _esc(sentence[: 2 * context]) + f' <mark class="figure {status}">{_esc(figure)}</mark>'
        )
    lo, hi = max(0, at - context), min(len(sentence), at + len(figure) + context)
    return (
        ("…" if lo else "")
        + _esc(sentence[lo:at])
        + f'<mark class="figure {status}">{_esc(figure)}</mark>'
        + _esc(sentence[at + len(figure) : hi])
        + ("…" if hi < len(sentence) else "")
    )


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"
