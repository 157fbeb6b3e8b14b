"""Verdicts from the scorer: a figure supported by a restatement, contradicted by one, or neither.

Contradicted only when the best-aligned statement is confidently the same fact and its figure
differs beyond precision and hedge; supported only by a confident restatement whose figure
agrees; otherwise unsupported. When unsure, no conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.align import Frame, Index, frames
from checker.compare import bounds
from checker.features import GENERIC_MEASURES, agree, apart
from checker.scorer import Model, Pair, pairs
from checker.scorer import model as shipped_model
from checker.settings import Settings
from claims import Claim

STATUSES = ("contradicted", "unsupported", "supported")
EVIDENCE_SHOWN = 5


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on one figure, with the evidence and what decided it."""

    status: str  # supported | contradicted | unsupported
    claim: Claim
    evidence: tuple[Claim, ...]
    message: str
    score: float = 0.0  # the scorer's probability for the deciding restatement
    aligned: str = ""  # the sentence of the deciding restatement
    why: tuple[tuple[str, float], ...] = ()  # the features that weighed most, with their weight


def restates(draft: Claim, source: Claim, settings: Settings) -> bool | None:
    """Whether the draft's figure is true of the source's: True, False, or None (no telling).

    A hedge true of the source's figure restates it ("more than 100" of "at least 129"); a
    bound stronger than the source's does not ("more than 200" of "more than 120"); an exact
    figure within an open bound's reach is vouched for, one far past it is neither.
    """
    if not agree(draft, source, settings.tolerance):
        return False
    if draft.kind == "date" or source.kind == "date":
        return True
    if _contains(draft, source, settings):
        return True
    d_open, s_open = _open_side(draft), _open_side(source)
    if d_open and d_open == s_open:
        return False  # both bounds the same way, the draft's stronger: it changed the figure
    if draft.qualifier == source.qualifier == "range":
        return False  # two ranges that overlap but differ at an end
    if s_open and not d_open and _far_beyond(draft, source, settings):
        return None
    return True


def _contains(draft: Claim, source: Claim, settings: Settings) -> bool:
    d, s = bounds(draft, settings.tolerance), bounds(source, settings.tolerance)
    return d.low <= s.low and s.high <= d.high


def _open_side(c: Claim) -> str:
    if c.kind == "date":
        return ""
    if c.low is not None and c.high is None:
        return "above"
    if c.high is not None and c.low is None:
        return "below"
    return ""


def _far_beyond(claim: Claim, source: Claim, settings: Settings) -> bool:
    if claim.value is None:
        return False
    reach = settings.open_bound_reach
    if source.high is None and source.low is not None and source.low > 0:
        return (claim.low or claim.value) > reach * source.low
    if source.low is None and source.high is not None and claim.value >= 0:
        return (claim.high or claim.value) < source.high / reach
    return False


def judge(
    claim: Claim, frame: Frame, index: Index, settings: Settings, model: Model | None = None
) -> Finding:
    """The verdict on one draft figure against the indexed sources."""
    said = f"draft says {phrase(claim)}"
    found = pairs(claim, frame, index, model)
    told = [(p, restates(claim, p.other, settings)) for p in found]
    agreeing = [p for p, r in told if r is True and p.probability >= settings.rival]
    if agreeing and agreeing[0].probability >= settings.support:
        return _finding("supported", claim, agreeing, f"{said}; sources agree:", model)
    against = [p for p, r in told if r is False and p.probability >= settings.support]
    if against and not agreeing and against[0] is found[0]:
        best = against[0]
        if best.probability >= settings.conflict and not apart(
            claim, frame, best.other, index.frames[best.item]
        ):
            parts = _derived(claim, [p.other for p in found])
            if parts:
                return Finding(
                    "unsupported",
                    claim,
                    parts,
                    f"{said}; no source states it, but it is {_derivation(claim, parts)}",
                    best.probability,
                )
            same = [p for p in against if agree(p.other, best.other, settings.tolerance)]
            return _finding("contradicted", claim, same, f"{said}; sources say", model)
    if against:
        return _finding(
            "unsupported",
            claim,
            against,
            f"{said}; sources give other figures for this ({cite([p.other for p in against])}),"
            " none states it with confidence",
            model,
            cited=False,
        )
    if agreeing:
        return _finding(
            "unsupported",
            claim,
            agreeing,
            f"{said}; the sources state it, but not clearly of the same thing"
            f" ({cite([p.other for p in agreeing])})",
            model,
            cited=False,
        )
    return Finding("unsupported", claim, (), f"{said}; no source states this figure")


def _finding(
    status: str,
    claim: Claim,
    evidence: Sequence[Pair],
    said: str,
    model: Model | None,
    cited: bool = True,
) -> Finding:
    top = evidence[0]
    shown = tuple(p.other for p in evidence[:EVIDENCE_SHOWN])
    contributions = (model or shipped_model()).contributions(list(top.features))
    why = tuple(sorted(contributions.items(), key=lambda kv: -abs(kv[1]))[:5])
    message = f"{said} {cite(shown)}" if cited else said
    return Finding(status, claim, shown, message, top.probability, top.other.sentence, why)


_DERIVED_CANDIDATES = 40
_ADDITIVE = frozenset({"count", "money", "percent", "quantity"})


def _derived(claim: Claim, candidates: Sequence[Claim]) -> tuple[Claim, ...]:
    """Source figures the draft's figure is a sum or difference of, or the complement to 100
    percent of: a figure the sources imply without stating it."""
    value = claim.value
    if value is None or claim.qualifier != "exact" or claim.kind not in _ADDITIVE:
        return ()
    exact = [
        c
        for c in candidates
        if c.qualifier == "exact"
        and c.value is not None
        and c.unit == claim.unit
        and (c.measure == claim.measure or c.measure in GENERIC_MEASURES)
    ][:_DERIVED_CANDIDATES]
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
    x, y, v = a.value or 0.0, b.value or 0.0, claim.value or 0.0
    op = "the sum" if abs(x + y - v) < abs(abs(x - y) - v) + 1e-12 else "the difference"
    return f"{op} of {a.text} ({a.source}:{a.line}) and {b.text} ({b.source}:{b.line})"


def phrase(claim: Claim) -> str:
    """A figure with what it counts, as an editor would say it: "139 deaths"."""
    generic = claim.measure in GENERIC_MEASURES or claim.measure in ("ordinal", "ratio")
    if claim.kind == "count":
        return claim.text if generic else f"{claim.text} {claim.measure}"
    return claim.text if generic else f"{claim.text} ({claim.measure})"


def _fold(figure: str) -> str:
    return " ".join(figure.lower().split())


def cite(evidence: Sequence[Claim]) -> str:
    """ "at least 129 (000.txt:5, 003.txt:26)": each distinct figure with where it stands."""
    groups: dict[str, list[Claim]] = {}
    for c in evidence:
        groups.setdefault(_fold(c.text), []).append(c)
    return "; ".join(
        f"{' '.join(cs[0].text.split())} "
        f"({', '.join(dict.fromkeys(f'{c.source}:{c.line}' for c in cs))})"
        for cs in groups.values()
    )


def gate_claims(
    draft: Sequence[Claim],
    sources: Sequence[Sequence[Claim]],
    settings: Settings | None = None,
    model: Model | None = None,
) -> list[Finding]:
    """The verdict on every draft figure against the sources' claims."""
    settings = settings or Settings()
    index = Index(settings)
    for claims in sources:
        index.add_document(claims)
    return [judge(c, f, index, settings, model) for c, f in zip(draft, frames(draft), strict=True)]
