"""The editorial gate: every figure of a draft checked against its sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker import suppress
from checker.align import Index, frames
from checker.compare import clear_bounds
from checker.documents import Document, claims_of
from checker.scorer import Model
from checker.settings import Settings
from checker.suppress import Ignore, Warning_
from checker.verdict import STATUSES, Finding, cite, judge, phrase
from claims import Claim

__all__ = ["STATUSES", "Finding", "GateReport", "Ignore", "Warning_", "cite", "gate", "phrase"]


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
    model: Model | None = None,
) -> GateReport:
    """Check each figure of ``draft`` against ``sources``: supported, contradicted, unsupported.

    Each figure is aligned with the sources' statements most like its own and judged by the
    learned scorer (`checker.verdict.judge`).
    """
    settings = settings or Settings()
    index = Index(settings)
    for i, doc in enumerate(sources):
        index.add_document(source_claims[i] if source_claims is not None else claims_of(doc))
    claims = claims_of(draft)
    frame_of = {id(c): f for c, f in zip(claims, frames(claims), strict=True)}
    left = suppress.apply(draft, claims, ignore)
    findings = [judge(c, frame_of[id(c)], index, settings, model) for c in left.kept]
    clear_bounds()
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
