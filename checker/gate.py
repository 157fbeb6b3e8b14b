"""The editorial gate: every figure of a draft checked against its sources."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from checker.compare import compatible
from checker.documents import Document, claims_of, without_code
from checker.match import (
    GENERIC_MEASURES,
    Index,
    Settings,
    clear_caches,
    measures_agree,
    relate,
)
from claims import Claim

STATUSES = ("contradicted", "unsupported", "supported")
_EVIDENCE_SHOWN = 5
# How much better one conflicting source figure must match than any other, differing one,
# before it alone decides that the draft contradicts the sources.
CLEAR_MARGIN = 0.15

_DIRECTIVE = regex.compile(
    r"<!--\s*+claimcheck:\s*+(?P<word>ignore|off|on)\s*+-->", regex.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Finding:
    status: str  # supported | contradicted | unsupported
    claim: Claim
    evidence: tuple[Claim, ...]
    message: str
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Warning_:
    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class GateReport:
    draft: str
    draft_id: str
    sources: tuple[tuple[str, str], ...]
    findings: tuple[Finding, ...]
    fail_on: str = "contradicted"
    ignored: int = 0
    warnings: tuple[Warning_, ...] = ()

    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(("contradicted", "supported", "unsupported"), 0)
        for f in self.findings:
            counts[f.status] += 1
        return counts

    @property
    def failed(self) -> bool:
        failing = (
            {"contradicted"} if self.fail_on == "contradicted" else {"contradicted", "unsupported"}
        )
        return any(f.status in failing for f in self.findings)


@dataclass(frozen=True, slots=True)
class Ignore:
    """Figures the gate leaves alone: by measure, by figure text, and inline suppressions."""

    measures: frozenset[str] = frozenset()
    figures: frozenset[str] = frozenset()


@dataclass
class _Suppressions:
    lines: dict[int, tuple[int, int]] = field(default_factory=dict)  # line -> directive position
    passages: list[tuple[int, int, int, int]] = field(default_factory=list)  # start, end, line, col
    used: set[tuple[int, int]] = field(default_factory=set)


def _suppressions(doc: Document, claims: Sequence[Claim]) -> tuple[_Suppressions, list[Warning_]]:
    """Read ``<!-- claimcheck: ignore|off|on -->`` directives from the original text."""
    sup = _Suppressions()
    warnings: list[Warning_] = []
    off_at: tuple[int, int, int] | None = None
    # Directives shown inside Markdown code are examples, not directives.
    for m in _DIRECTIVE.finditer(without_code(doc.text, Path(doc.path).suffix.lower())):
        line = doc.text.count("\n", 0, m.start()) + 1
        col = m.start() - (doc.text.rfind("\n", 0, m.start()) + 1) + 1
        word = m.group("word").lower()
        if word == "ignore":
            nxt = next((c for c in claims if c.start >= m.end()), None)
            if nxt is None:
                warnings.append(Warning_(line, col, "claimcheck: ignore has no figure after it"))
            else:
                sup.lines.setdefault(nxt.line, (line, col))
        elif word == "off":
            if off_at is None:
                off_at = (m.end(), line, col)
        elif off_at is not None:
            sup.passages.append((off_at[0], m.start(), off_at[1], off_at[2]))
            off_at = None
        else:
            warnings.append(
                Warning_(line, col, "claimcheck: on without a claimcheck: off before it")
            )
    if off_at is not None:
        sup.passages.append((off_at[0], len(doc.text), off_at[1], off_at[2]))
    return sup, warnings


_FIGURE_CORE = regex.compile(r"[0-9$€£¥₹₽].*+|[A-Za-z]+(?:\s++[A-Za-z]+)*+$")


def _bare(figure: str) -> str:
    """The figure without its hedge: "at least 119" -> "119", so an ignore of 119 covers it."""
    m = _FIGURE_CORE.search(figure)
    return m.group() if m else figure


def _fold(figure: str) -> str:
    return " ".join(figure.lower().split())


def _suppressed(claim: Claim, sup: _Suppressions) -> bool:
    if claim.line in sup.lines:
        sup.used.add(sup.lines[claim.line])
        return True
    for start, end, line, col in sup.passages:
        if start <= claim.start < end:
            sup.used.add((line, col))
            return True
    return False


def gate(
    draft: Document,
    sources: Sequence[Document],
    settings: Settings | None = None,
    ignore: Ignore | None = None,
    fail_on: str = "contradicted",
    source_claims: Sequence[Sequence[Claim]] | None = None,
) -> GateReport:
    """Check each figure of ``draft`` against ``sources``: supported, contradicted, unsupported."""
    settings = dataclasses.replace(settings or Settings(), one_story=True)
    ignore = ignore or Ignore()
    ignore = Ignore(ignore.measures, frozenset(_fold(f) for f in ignore.figures))
    index = Index(settings)
    for i, doc in enumerate(sources):
        index.extend(source_claims[i] if source_claims is not None else claims_of(doc))
    claims = claims_of(draft)
    sup, warnings = _suppressions(draft, claims)
    findings = []
    ignored = 0
    for claim in claims:
        # Inline suppressions first, so one that the config also covers still counts as used.
        if (
            _suppressed(claim, sup)
            or claim.measure in ignore.measures
            or _fold(claim.text) in ignore.figures
            or _fold(_bare(claim.text)) in ignore.figures
        ):
            ignored += 1
            continue
        findings.append(_verdict(claim, index, settings))
    for line, col in sorted(
        {*sup.lines.values(), *((p[2], p[3]) for p in sup.passages)} - sup.used
    ):
        warnings.append(Warning_(line, col, "claimcheck suppression suppresses no figure"))
    clear_caches()
    return GateReport(
        draft=draft.path,
        draft_id=draft.id,
        sources=tuple((d.id, d.path) for d in sources),
        findings=tuple(findings),
        fail_on=fail_on,
        ignored=ignored,
        warnings=tuple(sorted(warnings, key=lambda w: (w.line, w.column))),
    )


def _verdict(claim: Claim, index: Index, settings: Settings) -> Finding:
    supporting: list[tuple[float, Claim]] = []
    conflicting: list[tuple[float, Claim]] = []
    candidates = [index[i] for i in index.candidates(claim)]
    for other in candidates:
        rel = relate(claim, other, settings)
        if rel.same:
            if rel.compatible and _far_beyond(claim, other):
                continue  # "at least 129" does not vouch for 300: neither support nor conflict
            agrees = rel.compatible and not _other_bound(claim, other)
            (supporting if agrees else conflicting).append((rel.score, other))
    said = f"draft says {phrase(claim)}"
    # Parts of a derived figure count the same thing, or say nothing of what they count:
    # "26 fighter jets" less "Ten planes" is not where "16 planes" came from.
    same_thing = [
        c
        for c in candidates
        if c.measure in GENERIC_MEASURES or measures_agree(claim.measure, c.measure, settings)[1]
    ]
    if conflicting and not supporting and (parts := _derived(claim, same_thing)):
        return Finding(
            "unsupported",
            claim,
            parts,
            f"{said}; no source states it, but it is {_derivation(claim, parts)}",
        )
    if supporting and conflicting:
        # When the sources agree among themselves, what they say together is the narrowest
        # of their intervals: "about 61 miles" and "98-kilometre" say 97.5 to 98.5 km, which
        # "89-kilometre" contradicts though it lies within "about 61 miles" alone.
        everyone = _best(supporting + conflicting)
        if all(compatible(a, b, settings.about_widen) for a in everyone for b in everyone):
            evidence = _best(conflicting)
            return Finding("contradicted", claim, evidence, f"{said}; sources say {cite(evidence)}")
    if supporting:
        evidence = _best(supporting)
        return Finding(
            "supported",
            claim,
            evidence,
            f"{said}; sources agree: {cite(evidence)}",
            supporting[0][0],
        )
    if conflicting:
        evidence = _best(conflicting)
        # Contradicted only when the sources agree among themselves on what the figure is:
        # a draft figure unlike several different source figures (a sum, a figure for both
        # places) is a figure the sources do not state, not one they contradict.
        if all(compatible(a, b, settings.about_widen) for a in evidence for b in evidence):
            return Finding("contradicted", claim, evidence, f"{said}; sources say {cite(evidence)}")
        # Unless one of them is clearly the same claim and the others only look alike.
        ranked = sorted(conflicting, key=lambda sc: -sc[0])
        top_score, top = ranked[0]
        rivals = [sc for sc, c in ranked[1:] if not compatible(top, c, settings.about_widen)]
        if top_score - max(rivals, default=0.0) >= CLEAR_MARGIN:
            same = tuple(c for _, c in ranked if compatible(top, c, settings.about_widen))
            evidence = same[:_EVIDENCE_SHOWN]
            return Finding("contradicted", claim, evidence, f"{said}; sources say {cite(evidence)}")
        return Finding(
            "unsupported",
            claim,
            evidence,
            f"{said}; sources give different figures for this ({cite(evidence)}), none states it",
        )
    return Finding("unsupported", claim, (), f"{said}; no source states this figure")


_DERIVED_CANDIDATES = 40
_ADDITIVE = frozenset({"count", "money", "percent", "quantity"})


def _derived(claim: Claim, candidates: Sequence[Claim]) -> tuple[Claim, ...]:
    """Source figures the draft's figure is a sum or difference of (a derived figure), or the
    one whose complement to 100 percent it is."""
    value = claim.value
    if value is None or claim.qualifier != "exact" or claim.kind not in _ADDITIVE:
        return ()
    exact = [c for c in candidates if c.qualifier == "exact" and c.value is not None]
    exact = exact[:_DERIVED_CANDIDATES]
    # A derived figure is stated to its own last digit, and never more loosely than 1 percent.
    tol = max(min(claim.precision or 0.0, 0.01 * abs(value)), 1e-9 * abs(value))
    if claim.kind == "percent":
        for c in exact:
            if abs((100 - (c.value or 0.0)) - value) <= tol:
                return (c,)
    for i, a in enumerate(exact):
        for b in exact[i + 1 :]:
            x, y = a.value or 0.0, b.value or 0.0
            if x != y and (abs(x + y - value) <= tol or abs(abs(x - y) - value) <= tol):
                return (a, b)
    return ()


def _derivation(claim: Claim, parts: tuple[Claim, ...]) -> str:
    if len(parts) == 1:
        return f"100 percent less {parts[0].text} ({parts[0].source}:{parts[0].line})"
    a, b = parts
    op = (
        "the sum"
        if abs((a.value or 0) + (b.value or 0) - (claim.value or 0))
        < abs(abs((a.value or 0) - (b.value or 0)) - (claim.value or 0)) + 1e-12
        else "the difference"
    )
    return f"{op} of {a.text} ({a.source}:{a.line}) and {b.text} ({b.source}:{b.line})"


# How far past an open bound ("at least 129") a figure may go and still be vouched for by it.
OPEN_BOUND_REACH = 1.5


def _far_beyond(claim: Claim, source: Claim) -> bool:
    """A figure well past a source's open bound: consistent with it, but not stated by it."""
    if claim.value is None or claim.kind == "date":
        return False
    if source.high is None and source.low is not None and source.low > 0:
        return (claim.low or claim.value) > OPEN_BOUND_REACH * source.low
    if source.low is None and source.high is not None and claim.value >= 0:
        return (claim.high or claim.value) < source.high / OPEN_BOUND_REACH
    return False


def _other_bound(a: Claim, b: Claim) -> bool:
    """ "below $26 billion" where the source says "below $25 billion": both bounds the same way
    (or both ranges), on the same thing, at different figures: the draft changed a figure."""
    if a.kind == "date":
        return False
    tol = max(a.precision or 0.0, b.precision or 0.0)
    if a.qualifier == b.qualifier == "range":
        # "$80 million to $100 million" where the source gives "$90 million to $100 million".
        return any(
            x is not None and y is not None and abs(x - y) > tol
            for x, y in ((a.low, b.low), (a.high, b.high))
        )
    if a.qualifier == "range" or b.qualifier == "range":
        return False
    a_low, b_low = a.high is None, b.high is None  # bounded below only ("at least")
    a_high, b_high = a.low is None, b.low is None  # bounded above only ("fewer than")
    if not ((a_low and b_low) or (a_high and b_high)):
        return False
    x, y = (a.low, b.low) if a_low else (a.high, b.high)
    return x is not None and y is not None and abs(x - y) > tol


def _best(scored: list[tuple[float, Claim]]) -> tuple[Claim, ...]:
    scored.sort(key=lambda sc: -sc[0])
    return tuple(c for _, c in scored[:_EVIDENCE_SHOWN])


def phrase(claim: Claim) -> str:
    """A figure with what it counts, as an editor would say it: "139 deaths"."""
    if claim.kind in (
        "date",
        "year",
        "percent",
        "money",
        "quantity",
        "duration",
        "ordinal",
        "ratio",
    ):
        generic = claim.measure in (
            "date",
            "year",
            "share",
            "amount",
            "duration",
            "ordinal",
            "ratio",
        )
        return claim.text if generic else f"{claim.text} ({claim.measure})"
    return claim.text if claim.measure in ("count",) else f"{claim.text} {claim.measure}"


def cite(evidence: tuple[Claim, ...]) -> str:
    """ "at least 129 (000.txt:5, 003.txt:26)": each distinct figure with where it stands."""
    groups: dict[str, list[Claim]] = {}
    for c in evidence:
        groups.setdefault(_fold(c.text), []).append(c)
    return "; ".join(
        f"{' '.join(cs[0].text.split())} "
        f"({', '.join(dict.fromkeys(f'{c.source}:{c.line}' for c in cs))})"
        for cs in groups.values()
    )
