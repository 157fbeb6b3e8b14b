"""Cross-source check: align the same claim across documents into clusters with a status."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.compare import bounds, compatible, describe
from checker.documents import Document, claims_of
from checker.match import Relation, Settings, block_key, clear_caches, relate
from claims import Claim


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
) -> CheckReport:
    """Cluster the claims of several documents and say where they agree or conflict.

    Each claim is compared only with the clusters of its block that share the most frame terms
    with it, and with a bounded sample of their members: cost grows with the corpus, not with
    its square.
    """
    settings = settings or Settings()
    per_doc = claims if claims is not None else extract_documents(documents)
    members: list[list[Claim]] = []
    notes: list[list[str]] = []
    postings: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    indexed: list[set[str]] = []  # the terms each cluster is indexed under
    for doc_claims in per_doc:
        for claim in doc_claims:
            best: tuple[tuple[bool, float], int, Relation] | None = None
            for cid in _candidate_clusters(claim, postings, settings):
                decision = _fits(claim, _sample(members[cid]), settings)
                # A cluster the claim agrees with beats one it would contradict.
                if decision is None:
                    continue
                rank = (decision.compatible, decision.score)
                if best is None or rank > best[0]:
                    best = (rank, cid, decision)
            if best is None:
                cid = len(members)
                members.append([claim])
                notes.append([])
                indexed.append(set())
            else:
                cid, rel = best[1], best[2]
                members[cid].append(claim)
                if len(notes[cid]) < _NOTES_KEPT:
                    notes[cid].append(
                        f"{claim.source}:{claim.line} {claim.text!r} joined: measure "
                        f"{rel.measure}, score {rel.score:.2f}, shared terms "
                        f"{', '.join(rel.shared_terms[:8]) or '-'}"
                    )
            key = block_key(claim)
            for term in (*claim.terms, *claim.co_stated):
                if term not in indexed[cid]:
                    indexed[cid].add(term)
                    postings[(*key, term)].append(cid)
    clusters = [_cluster(n, claims_, notes[n], settings) for n, claims_ in enumerate(members)]
    clusters.sort(key=lambda c: ({"conflict": 0, "agree": 1, "single": 2}[c.status], c.id))
    clear_caches()
    return CheckReport(tuple((d.id, d.path) for d in documents), tuple(clusters))


_CANDIDATE_CLUSTERS = 8  # clusters compared with each new claim, those sharing most terms
_SAMPLE = 6  # members compared at each end of a cluster (its first and latest mentions)
_NOTES_KEPT = 50


def _candidate_clusters(
    claim: Claim, postings: dict[tuple[str, str, str], list[int]], settings: Settings
) -> list[int]:
    """The clusters of the claim's block that share the most frame terms with it."""
    key = block_key(claim)
    shared: Counter[int] = Counter()
    lists = [postings.get((*key, term)) for term in (*claim.terms, *claim.co_stated)]
    found = [p for p in lists if p]
    usable = [p for p in found if len(p) <= settings.max_postings]
    if not usable and found:
        # Every term is common: the rarest still proposes its latest clusters.
        usable = [min(found, key=len)[-settings.max_postings :]]
    for posting in usable:
        shared.update(posting)
    return [cid for cid, _ in shared.most_common(_CANDIDATE_CLUSTERS)]


def _sample(cluster: list[Claim]) -> list[Claim]:
    if len(cluster) <= 2 * _SAMPLE:
        return cluster
    return [*cluster[:_SAMPLE], *cluster[-_SAMPLE:]]


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
    return cluster_of(n, claims, notes, _conflicting_pair(claims, settings))


def cluster_of(
    n: int, claims: list[Claim], notes: list[str], conflict: tuple[Claim, Claim] | None
) -> Cluster:
    """The cluster of these claims, whichever matcher grouped them: single when one source
    states them, a conflict when ``conflict`` names two of them that cannot both be true."""
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


def _conflicting_pair(claims: list[Claim], settings: Settings) -> tuple[Claim, Claim] | None:
    """Two claims from different sources that cannot both be true, if any.

    Linear in the cluster: for intervals the most extreme pair decides, taken among each
    source's highest lower bound and lowest upper bound; dates are compared by distinct value.
    """
    widen = settings.about_widen
    if claims[0].kind == "date":
        firsts: dict[tuple[str | None, str], Claim] = {}
        for c in claims:
            firsts.setdefault((c.date, c.source), c)
        distinct = list(firsts.values())[:_DISTINCT_DATES]
        for i, a in enumerate(distinct):
            for b in distinct[i + 1 :]:
                if a.source != b.source and not compatible(a, b, widen):
                    return a, b
        return None
    top_low: dict[str, Claim] = {}
    top_high: dict[str, Claim] = {}
    for c in claims:
        bc = bounds(c, widen)
        kept = top_low.get(c.source)
        if kept is None or bc.low > bounds(kept, widen).low:
            top_low[c.source] = c
        kept = top_high.get(c.source)
        if kept is None or bc.high < bounds(kept, widen).high:
            top_high[c.source] = c
    lows = sorted(top_low.values(), key=lambda c: -bounds(c, widen).low)[:2]
    highs = sorted(top_high.values(), key=lambda c: bounds(c, widen).high)[:2]
    for a in lows:
        for b in highs:
            if a.source != b.source and not compatible(a, b, widen):
                return a, b
    return None


_DISTINCT_DATES = 64
