"""Cross-source check: align the same claim across documents into clusters with a status."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.compare import compatible, describe
from checker.documents import Document
from checker.match import Index, Relation, Settings, relate
from claims import Claim, extract

# Compare a new claim with at most this many members of a candidate cluster.
_MEMBERS_COMPARED = 12


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
        out.append(extract(doc.prose, source=doc.id))
        if progress:
            progress(len(doc.text))
    return out


def check(
    documents: Sequence[Document],
    settings: Settings | None = None,
    claims: Sequence[Sequence[Claim]] | None = None,
) -> CheckReport:
    """Cluster the claims of several documents and say where they agree or conflict."""
    settings = settings or Settings()
    per_doc = claims if claims is not None else extract_documents(documents)
    index = Index(settings)
    cluster_of: list[int] = []  # claim id -> cluster number
    members: list[list[int]] = []
    notes: list[list[str]] = []
    for doc_claims in per_doc:
        for claim in doc_claims:
            best: tuple[float, int, Relation] | None = None
            for cid in dict.fromkeys(cluster_of[i] for i in index.candidates(claim)):
                decision = _fits(
                    claim, [index[i] for i in members[cid][:_MEMBERS_COMPARED]], settings
                )
                if decision is not None and (best is None or decision.score > best[0]):
                    best = (decision.score, cid, decision)
            i = index.add(claim)
            if best is None:
                cluster_of.append(len(members))
                members.append([i])
                notes.append([])
            else:
                cluster_of.append(best[1])
                members[best[1]].append(i)
                rel = best[2]
                notes[best[1]].append(
                    f"{claim.source}:{claim.line} {claim.text!r} joined: measure {rel.measure}, "
                    f"score {rel.score:.2f}, shared terms {', '.join(rel.shared_terms[:8]) or '-'}"
                )
    clusters = [
        _cluster(n, [index[i] for i in ids], notes[n], settings) for n, ids in enumerate(members)
    ]
    clusters.sort(key=lambda c: ({"conflict": 0, "agree": 1, "single": 2}[c.status], c.id))
    return CheckReport(tuple((d.id, d.path) for d in documents), tuple(clusters))


def _fits(claim: Claim, cluster: list[Claim], settings: Settings) -> Relation | None:
    """The best relation to a cluster if the claim belongs in it, else None.

    A claim joins when it is the same claim as some member and contradicts no member of its
    own source; an incompatible member from another source must pass the stricter conflict test.
    """
    best: Relation | None = None
    for other in cluster:
        rel = relate(claim, other, settings)
        if not rel.compatible and (other.source == claim.source or not rel.same):
            return None
        if rel.same and (best is None or rel.score > best.score):
            best = rel
    return best


def _cluster(n: int, claims: list[Claim], notes: list[str], settings: Settings) -> Cluster:
    sources = {c.source for c in claims}
    status = "single"
    explanation = list(notes)
    if len(sources) > 1:
        status = "agree"
        for i, a in enumerate(claims):
            for b in claims[i + 1 :]:
                if a.source != b.source and not compatible(a, b, settings.about_widen):
                    status = "conflict"
                    explanation.append(
                        f"{a.source}:{a.line} {a.text!r} {describe(a)} and "
                        f"{b.source}:{b.line} {b.text!r} {describe(b)} do not overlap"
                    )
    measures = [c.measure for c in claims]
    measure = max(set(measures), key=lambda m: (measures.count(m), len(m)))
    return Cluster(n + 1, status, measure, tuple(claims), tuple(explanation))
