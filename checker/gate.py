"""The editorial gate: every figure of a draft checked against its sources."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker import suppress
from checker.documents import Document, claims_of
from checker.settings import Settings
from checker.suppress import Ignore, Warning_
from checker.suppress import fold as _fold
from claims import Claim

if TYPE_CHECKING:
    from checker.align import Frame, Index
    from checker.scorer import Model, Pair

STATUSES = ("contradicted", "unsupported", "supported")


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
    draft_claims: Sequence[Claim] | None = None,
    model: Model | None = None,
    index: Index | None = None,
    draft_frames: Sequence[Frame] | None = None,
) -> GateReport:
    """Check each figure of ``draft`` against ``sources``: supported, contradicted, unsupported.

    Each figure is aligned with the sources' statements most like its own and judged by
    `checker.verdict.judge` with the learned scorer (``model``, the shipped one by default).
    ``draft_claims`` and ``source_claims``, when given, are the documents' claims already
    extracted; ``index``, when given, holds the sources' claims already indexed (``sources``
    then only name them in the report), and ``draft_frames`` are the draft claims' frames.
    """
    from checker.align import Index, block_key, frames
    from checker.compare import clear_bounds
    from checker.scorer import pairs
    from checker.verdict import judge, own_statements

    settings = settings or Settings()
    if index is None:
        index = Index(settings)
        for i, doc in enumerate(sources):
            index.add_document(source_claims[i] if source_claims is not None else claims_of(doc))
    claims = list(draft_claims) if draft_claims is not None else claims_of(draft)
    shapes = draft_frames if draft_frames is not None else frames(claims)
    frame_of = {id(c): f for c, f in zip(claims, shapes, strict=True)}
    left = suppress.apply(draft, claims, ignore)
    siblings_of = _siblings(claims, block_key, settings.figures_per_sentence // 2)
    scored: dict[int, list[Pair]] = {}
    owns: dict[int, tuple[tuple[int, float], ...]] = {}

    def scored_of(c: Claim) -> list[Pair]:
        if id(c) not in scored:
            scored[id(c)] = pairs(c, frame_of[id(c)], index, model)
        return scored[id(c)]

    def owns_of(c: Claim) -> tuple[tuple[int, float], ...]:
        if id(c) not in owns:
            owns[id(c)] = own_statements(c, scored_of(c), settings)
        return owns[id(c)]

    findings = []
    for c in left.kept:
        siblings = siblings_of(c)
        mine = {p.item: p.probability for p in scored_of(c)}
        taken = frozenset(
            item for s in siblings for item, p in owns_of(s) if p > mine.get(item, 0.0)
        )
        findings.append(
            judge(c, frame_of[id(c)], index, settings, model, siblings, taken, scored_of(c))
        )
    clear_bounds()
    return report_of(draft, sources, findings, fail_on, left)


def _siblings(
    claims: Sequence[Claim], key: Callable[[Claim], tuple[str, str]], near: int
) -> Callable[[Claim], list[Claim]]:
    """A figure's siblings: the other figures of its block (``key``) in its sentence, the
    ``near`` nearest on each side (a sentence of hundreds of figures costs no more per figure
    than one of ten)."""
    together: dict[tuple[str, tuple[str, str]], list[Claim]] = {}
    place: dict[int, int] = {}
    for c in claims:
        group = together.setdefault((c.sentence, key(c)), [])
        place[id(c)] = len(group)
        group.append(c)

    def of(c: Claim) -> list[Claim]:
        group, at = together[(c.sentence, key(c))], place[id(c)]
        return group[max(0, at - near) : at] + group[at + 1 : at + 1 + near]

    return of


def report_of(
    draft: Document,
    sources: Sequence[Document],
    findings: Sequence[Finding],
    fail_on: str,
    left: suppress.Suppressed,
) -> GateReport:
    """The gate's report on a draft from the findings on its figures."""
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
    if claim.kind == "percent" and not _change(claim):
        for c in exact:
            if not _change(c) and abs((100 - (c.value or 0.0)) - value) <= tol:
                return (c,)
    for i, a in enumerate(exact):
        for b in exact[i + 1 :]:
            x, y = a.value or 0.0, b.value or 0.0
            if x != y and (abs(x + y - value) <= tol or abs(abs(x - y) - value) <= tol):
                return (a, b)
    return ()


def _change(claim: Claim) -> bool:
    """A figure that tells by how much something rose or fell ("a 35% increase", "up 35%"),
    not the level it reached ("rose to 65%"): a change has no complement to 100 percent."""
    return claim.direction is not None and claim.comparison not in ("to", "from")


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
