"""The rich terminal report: pretty on a terminal, plain when piped, width-aware."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from checker.check import CheckReport, Cluster
from checker.gate import Finding, GateReport, cite
from checker.report import sentence_window
from claims import Claim

_STATUS_STYLE = {
    "contradicted": "bold red",
    "conflict": "bold red",
    "unsupported": "yellow",
    "supported": "green",
    "agree": "green",
    "single": "dim",
}
_CONTEXT = 70  # characters of sentence shown either side of a figure


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def figure_in_sentence(claim: Claim, width: int = _CONTEXT) -> Text:
    """The claim's sentence, trimmed around the figure, with the figure highlighted."""
    window, start, end = sentence_window(claim, width)
    text = Text(window)
    if start >= 0:
        text.stylize("bold reverse", start, end)
    return text


def _number(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) and abs(v) < 1e15 else f"{v:,.4g}"


def _value(claim: Claim) -> str:
    """The interval in words an editor reads at a glance: "≥ 129", "88.4 to 108 km"."""
    if claim.kind == "date":
        return claim.date or ""
    if claim.kind in ("score", "time"):
        return claim.text
    if claim.kind == "year" and claim.value is not None and claim.value == int(claim.value):
        return str(int(claim.value))  # 2024, not "2,024"
    unit = f" {claim.unit}" if claim.unit else ""
    low, high = claim.low, claim.high
    if low is not None and low == high:
        return _number(low) + unit
    if high is None and low is not None:
        return ("≥ " if claim.low_inclusive else "> ") + _number(low) + unit
    if low is None and high is not None:
        return ("≤ " if claim.high_inclusive else "< ") + _number(high) + unit
    if low is not None and high is not None:
        return f"{_number(low)} to {_number(high)}{unit}"
    return ""


def render_extract(claims: Sequence[Claim], console: Console) -> None:
    table = Table(
        box=box.SIMPLE_HEAD,
        title=f"claimcheck extract: {plural(len(claims), 'claim')}",
        title_justify="left",
    )
    table.add_column("Where", style="cyan", overflow="fold")
    table.add_column("Figure", style="bold", overflow="fold")
    table.add_column("Kind", overflow="fold")
    table.add_column("Value", overflow="fold")
    table.add_column("Hedge", overflow="fold")
    table.add_column("Measure", style="magenta", overflow="fold")
    for c in claims:
        table.add_row(
            f"{c.source}:{c.line}:{c.column}",
            c.text,
            c.kind,
            _value(c),
            "" if c.qualifier == "exact" else c.qualifier,
            c.measure,
        )
    console.print(table)


def _conflict_table(cluster: Cluster, explain: bool) -> Panel:
    table = Table(box=box.SIMPLE, show_header=True, expand=True)
    table.add_column("Source", style="cyan", overflow="fold", ratio=1)
    table.add_column("Figure", style="bold", overflow="fold")
    table.add_column("In context", ratio=4, overflow="fold")
    for c in cluster.claims:
        table.add_row(f"{c.source}:{c.line}", c.text, figure_in_sentence(c))
    parts: list[Table | Text] = [table]
    if explain:
        parts.extend(Text(f"  {line}", style="dim") for line in cluster.explanation)
    return Panel(
        Group(*parts),
        title=Text(f"conflict · {cluster.measure}", style="bold red"),
        title_align="left",
        border_style="red",
    )


def render_check(
    report: CheckReport,
    console: Console,
    *,
    explain: bool,
    show_single: bool,
    quiet: bool = False,
) -> None:
    """The check's report; ``quiet`` shows the conflicts alone."""
    if quiet:
        for cluster in report.clusters:
            if cluster.status == "conflict":
                console.print(_conflict_table(cluster, explain))
        return
    s = report.summary()
    header = Text.assemble(
        ("claimcheck ", "bold"),
        f"{plural(len(report.sources), 'source')} · ",
        (plural(s["conflict"], "conflict"), _STATUS_STYLE["conflict"] if s["conflict"] else "dim"),
        " · ",
        (plural(s["agree"], "agreement"), "green"),
        " · ",
        (f"{s['single']} single-source", "dim"),
    )
    console.print(header)
    for cluster in report.clusters:
        if cluster.status == "conflict":
            console.print(_conflict_table(cluster, explain))
    agreements = [c for c in report.clusters if c.status == "agree"]
    if agreements:
        table = Table(box=box.SIMPLE_HEAD, title="Agreements", title_justify="left", expand=False)
        table.add_column("Figures", style="bold", overflow="fold")
        table.add_column("Measure", style="magenta", overflow="fold")
        table.add_column("Sources", style="cyan", overflow="fold")
        for c in agreements:
            figures = " = ".join(dict.fromkeys(x.text for x in c.claims))
            where = ", ".join(dict.fromkeys(f"{x.source}:{x.line}" for x in c.claims))
            table.add_row(figures, c.measure, where)
        console.print(table)
        if explain:
            for c in agreements:
                figures = " = ".join(dict.fromkeys(x.text for x in c.claims))
                console.print(Text(f"{figures} ({c.measure}):", style="bold"))
                for line in c.explanation:
                    console.print(Text(f"  {line}", style="dim"))
    singles = [c for c in report.clusters if c.status == "single"]
    if show_single and singles:
        table = Table(box=box.SIMPLE_HEAD, title="Single-source claims", title_justify="left")
        table.add_column("Source", style="cyan", overflow="fold")
        table.add_column("Figure", style="bold", overflow="fold")
        table.add_column("Measure", style="magenta", overflow="fold")
        for c in singles:
            for x in c.claims:
                table.add_row(f"{x.source}:{x.line}", x.text, c.measure)
        console.print(table)
    elif singles:
        console.print(
            Text(
                f"{plural(sum(len(c.claims) for c in singles), 'claim')} found in one source only"
                " (--show-single lists them)",
                style="dim",
            )
        )


def render_gate(
    report: GateReport, console: Console, quiet: bool = False, explain: bool = False
) -> None:
    """The gate's report; ``quiet`` leaves out supported figures, and a clean draft entirely;
    ``explain`` adds, per figure, the aligned sentence, the score and what decided it."""
    findings = [f for f in report.findings if not quiet or f.status != "supported"]
    if quiet and not findings and not report.warnings:
        return
    if quiet:  # no summary: the draft's name alone says whose figures follow
        console.print(Text.assemble(("claimcheck gate ", "bold"), (report.draft, "cyan")))
    else:
        _gate_header(report, console)
    if not report.findings and not quiet:
        console.print(Text("The draft states no figures.", style="dim"))
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Line", style="cyan", overflow="fold")
    table.add_column("Figure", style="bold", overflow="fold")
    table.add_column("Verdict", overflow="fold")
    table.add_column("Sources say", ratio=1, overflow="fold")
    for f in findings:
        if f.evidence:
            said = Text(cite(f.evidence))
        else:
            said = Text("no source states this figure", style="dim")
        table.add_row(
            f"{f.claim.line}:{f.claim.column}",
            f.claim.text,
            Text(f.status, style=_STATUS_STYLE[f.status]),
            said,
        )
    if findings:
        console.print(table)
    if explain:
        for f in findings:
            _explain_finding(f, console)
    for w in report.warnings:
        console.print(
            Text(f"warning {report.draft}:{w.line}:{w.column}: {w.message}", style="yellow")
        )


def _gate_header(report: GateReport, console: Console) -> None:
    s = report.summary()
    console.print(
        Text.assemble(
            ("claimcheck gate ", "bold"),
            (report.draft, "cyan"),
            f" against {plural(len(report.sources), 'source')} · ",
            (f"{s['contradicted']} contradicted", "bold red" if s["contradicted"] else "dim"),
            " · ",
            (f"{s['unsupported']} unsupported", "yellow" if s["unsupported"] else "dim"),
            " · ",
            (f"{s['supported']} supported", "green"),
            f" · {report.ignored} ignored",
        )
    )


def _explain_finding(f: Finding, console: Console) -> None:
    head = Text.assemble((f"{f.claim.line}:{f.claim.column} ", "cyan"), (f.claim.text, "bold"))
    head.append(f" {f.status}", style=_STATUS_STYLE[f.status])
    if f.aligned:
        head.append(f", P(same fact) {f.score:.2f}")
    console.print(head)
    if f.aligned:
        console.print(Text("  aligned: " + " ".join(f.aligned.split()), style="dim"))
    if f.why:
        weighed = ", ".join(f"{name} {weight:+.2f}" for name, weight in f.why)
        console.print(Text(f"  weighed: {weighed}", style="dim"))
    if not f.aligned and not f.why:
        console.print(Text(f"  {f.message}", style="dim"))
