"""The editorial gate: every figure of a draft checked against its sources."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from checker import suppress
from checker.compare import compatible
from checker.documents import Document, claims_of
from checker.match import (
    GENERIC_MEASURES,
    Index,
    Settings,
    clear_caches,
    measures_agree,
    relate,
)
from checker.suppress import Ignore, Warning_
from checker.suppress import fold as _fold
from claims import Claim

STATUSES = ("contradicted", "unsupported", "supported")
_EVIDENCE_SHOWN = 5
# How much better one conflicting source figure must match than any other, differing one,
# before it alone decides that the draft contradicts the sources.
CLEAR_MARGIN = 0.15


@dataclass(frozen=True, slots=True)
class Finding:
    status: str  # supported | contradicted | unsupported
    claim: Claim
    evidence: tuple[Claim, ...]
    message: str
    score: float = 0.0
    aligned: str = ""  # the learned scorer's deciding restatement's sentence
    why: tuple[tuple[str, float], ...] = ()  # the scorer's features that weighed most


@dataclass(frozen=True, slots=True)
class GateReport:
    draft: str
    draft_id: str
    sources: tuple[tuple[str, str], ...]
    findings: tuple[Finding, ...]
    fail_on: str = "contradicted"
    ignored: int = 0
    warnings: tuple[Warning_, ...] = ()
    # The draft's prose view, offsets as in its file: the HTML report shows the draft whole.
    prose: str = ""

    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(("contradicted", "supported", "unsupported"), 0)
        for f in self.findings:
            counts[f.status] += 1
        return counts

    @property
    def failing(self) -> frozenset[str]:
        """The statuses that fail the gate."""
        if self.fail_on == "contradicted":
            return frozenset({"contradicted"})
        return frozenset({"contradicted", "unsupported"})

    @property
    def failed(self) -> bool:
        return any(f.status in self.failing for f in self.findings)


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
    index = Index(settings)
    for i, doc in enumerate(sources):
        index.extend(source_claims[i] if source_claims is not None else claims_of(doc))
    left = suppress.apply(draft, claims_of(draft), ignore)
    findings = [_verdict(claim, index, settings) for claim in left.kept]
    clear_caches()
    return report_of(draft, sources, findings, fail_on, left)


def report_of(
    draft: Document,
    sources: Sequence[Document],
    findings: Sequence[Finding],
    fail_on: str,
    left: suppress.Suppressed,
) -> GateReport:
    """The gate's report on a draft, whichever matcher judged its figures."""
    return GateReport(
        draft=draft.path,
        draft_id=draft.id,
        sources=tuple((d.id, d.path) for d in sources),
        findings=tuple(findings),
        fail_on=fail_on,
        ignored=left.ignored,
        warnings=left.warnings,
        prose=draft.prose,
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
