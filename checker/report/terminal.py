"""The rich terminal report: pretty on a terminal, plain when piped, width-aware."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from checker.check import CheckReport, Cluster
from checker.gate import GateReport, cite
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
    sentence = claim.sentence
    at = sentence.find(" ".join(claim.text.split()))
    if at < 0:
        return Text(sentence[: 2 * width])
    lo = max(0, at - width)
    hi = min(len(sentence), at + len(claim.text) + width)
    text = Text("…" if lo else "")
    text.append(sentence[lo:at])
    text.append(sentence[at : at + len(claim.text)], style="bold reverse")
    text.append(sentence[at + len(claim.text) : hi])
    if hi < len(sentence):
        text.append("…")
    return text


def _number(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) and abs(v) < 1e15 else f"{v:,.4g}"


def _value(claim: Claim) -> str:
    """The interval in words an editor reads at a glance: "≥ 129", "88.4 to 108 km"."""
    if claim.kind == "date":
        return claim.date or ""
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
    table = Table(box=box.SIMPLE_HEAD, title=f"{len(claims)} claims", title_justify="left")
    table.add_column("Where", style="cyan", no_wrap=True)
    table.add_column("Figure", style="bold", no_wrap=True)
    table.add_column("Kind")
    table.add_column("Value")
    table.add_column("Hedge")
    table.add_column("Measure", style="magenta", no_wrap=True)
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
    table.add_column("Source", style="cyan", no_wrap=True, ratio=1)
    table.add_column("Figure", style="bold", no_wrap=True)
    table.add_column("In context", ratio=4)
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
    report: CheckReport, console: Console, *, explain: bool, show_single: bool
) -> None:
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
        table.add_column("Figures", style="bold")
        table.add_column("Measure", style="magenta")
        table.add_column("Sources", style="cyan")
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
        table.add_column("Source", style="cyan", no_wrap=True)
        table.add_column("Figure", style="bold")
        table.add_column("Measure", style="magenta")
        for c in singles:
            for x in c.claims:
                table.add_row(f"{x.source}:{x.line}", x.text, c.measure)
        console.print(table)
    elif singles:
        console.print(
            Text(
                f"{plural(len(singles), 'claim')} found in one source only"
                " (--show-single lists them)",
                style="dim",
            )
        )


def render_gate(report: GateReport, console: Console) -> None:
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
            *((f" · {report.ignored} ignored",) if report.ignored else ()),
        )
    )
    if not report.findings:
        console.print(Text("The draft states no figures.", style="dim"))
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Line", style="cyan", no_wrap=True)
    table.add_column("Figure", style="bold", no_wrap=True)
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Sources say", ratio=1)
    for f in report.findings:
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
    if report.findings:
        console.print(table)
    for w in report.warnings:
        console.print(
            Text(f"warning {report.draft}:{w.line}:{w.column}: {w.message}", style="yellow")
        )
