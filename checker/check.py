"""Cross-source check: align the same claim across documents into clusters with a status."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.compare import describe
from checker.documents import Document, claims_of
from checker.settings import Settings
from claims import Claim

if TYPE_CHECKING:
    from checker.scorer import Model


@dataclass(frozen=True, slots=True)
class Cluster:
    id: int
    status: str  # agree | conflict | single
    measure: str
    claims: tuple[Claim, ...]
    explanation: tuple[str, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.source for c in self.claims))


@dataclass(frozen=True, slots=True)
class CheckReport:
    sources: tuple[tuple[str, str], ...]  # (id, path)
    clusters: tuple[Cluster, ...]

    def summary(self) -> dict[str, int]:
        counts = {"agree": 0, "conflict": 0, "single": 0}
        for c in self.clusters:
            counts[c.status] += 1
        return counts

    @property
    def failed(self) -> bool:
        return any(c.status == "conflict" for c in self.clusters)


def extract_documents(
    documents: Sequence[Document], progress: Callable[[int], None] | None = None
) -> list[list[Claim]]:
    out = []
    for doc in documents:
        out.append(claims_of(doc))
        if progress:
            progress(len(doc.text))
    return out


def check(
    documents: Sequence[Document],
    settings: Settings | None = None,
    claims: Sequence[Sequence[Claim]] | None = None,
    model: Model | None = None,
) -> CheckReport:
    """Cluster the claims of several documents and say where they agree or conflict.

    Every claim is aligned with the statements of the other documents (one index serves them
    all) and scored by the learned scorer; see `checker.cluster` for how links make clusters.
    """
    from checker.cluster import clusters_of

    per_doc = claims if claims is not None else extract_documents(documents)
    texts = {d.id: d.prose for d in documents}
    clusters = clusters_of(per_doc, settings or Settings(), model, texts)
    return CheckReport(tuple((d.id, d.path) for d in documents), tuple(clusters))


def cluster_of(
    n: int, claims: list[Claim], notes: list[str], conflict: tuple[Claim, Claim] | None
) -> Cluster:
    """The cluster of these claims: single when one source states them, a conflict when
    ``conflict`` names two of them that cannot both be true."""
    sources = {c.source for c in claims}
    status = "single"
    explanation = list(notes)
    if len(sources) > 1:
        status = "agree"
        if conflict is not None:
            a, b = conflict
            status = "conflict"
            explanation.append(
                f"{a.source}:{a.line} {a.text!r} {describe(a)} and "
                f"{b.source}:{b.line} {b.text!r} {describe(b)} do not overlap"
            )
    measures = Counter(c.measure for c in claims)
    measure = max(measures, key=lambda m: (measures[m], len(m)))
    return Cluster(n + 1, status, measure, tuple(claims), tuple(explanation))
