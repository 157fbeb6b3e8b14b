"""Cross-source check with the learned scorer: figures linked by P(same fact), then clustered."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from checker.align import Index
from checker.check import CheckReport, Cluster, cluster_of, extract_documents
from checker.compare import clear_bounds
from checker.documents import Document
from checker.features import agree, apart
from checker.scorer import Model, Pair, pairs
from checker.settings import Settings
from claims import Claim


def check_scored(
    documents: Sequence[Document],
    settings: Settings | None = None,
    claims: Sequence[Sequence[Claim]] | None = None,
    model: Model | None = None,
) -> CheckReport:
    """The cross-source check with the learned scorer. (The CLI's check still runs the rule
    matcher of `checker.check` until this one holds our fixtures' results.)

    Every claim is aligned with the statements of the other documents (one index serves them
    all) and scored; two figures are linked when each is the other's most likely restatement in
    its document, and likely enough: a figure that disagrees needs the stricter conflict
    threshold. Clusters are the linked groups; a conflict is a link between figures that cannot
    both be true.
    """
    settings = settings or Settings()
    per_doc = claims if claims is not None else extract_documents(documents)
    index = Index(settings)
    for doc_claims in per_doc:
        index.add_document(doc_claims)
    best = _best_restatements(index, settings, model)
    parent = list(range(len(index.claims)))
    links: list[tuple[int, int, Pair]] = []
    for (i, _source), pair in best.items():
        j = pair.item
        back = best.get((j, index.claims[i].source))
        if back is None or back.item != i or i > j:
            continue
        a, b = index.claims[i], index.claims[j]
        agrees = agree(a, b, settings.tolerance)
        if not agrees and apart(a, index.frames[i], b, index.frames[j]):
            continue
        if pair.probability >= (settings.link if agrees else settings.link_conflict):
            links.append((i, j, pair))
            parent[_root(parent, i)] = _root(parent, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(index.claims)):
        groups[_root(parent, i)].append(i)
    linked: dict[int, list[tuple[int, int, Pair]]] = defaultdict(list)
    for link in links:
        linked[_root(parent, link[0])].append(link)
    clusters = [
        _cluster(n, [index.claims[i] for i in ids], linked[root], index, settings)
        for n, (root, ids) in enumerate(sorted(groups.items(), key=lambda g: g[1][0]))
    ]
    clusters.sort(key=lambda c: ({"conflict": 0, "agree": 1, "single": 2}[c.status], c.id))
    clear_bounds()
    return CheckReport(tuple((d.id, d.path) for d in documents), tuple(clusters))


def _best_restatements(
    index: Index, settings: Settings, model: Model | None
) -> dict[tuple[int, str], Pair]:
    """For each claim and each other source, its most likely restatement there."""
    best: dict[tuple[int, str], Pair] = {}
    for i, (claim, frame) in enumerate(zip(index.claims, index.frames, strict=True)):
        for pair in pairs(claim, frame, index, model):
            if pair.probability < min(settings.link, settings.link_conflict):
                break
            best.setdefault((i, pair.other.source), pair)
    return best


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


_NOTES_KEPT = 50


def _cluster(
    n: int,
    claims: list[Claim],
    links: list[tuple[int, int, Pair]],
    index: Index,
    settings: Settings,
) -> Cluster:
    notes = []
    conflict: tuple[Claim, Claim] | None = None
    for i, j, pair in links[:_NOTES_KEPT]:
        a, b = index.claims[i], index.claims[j]
        notes.append(
            f"{a.source}:{a.line} {a.text!r} ~ {b.source}:{b.line} {b.text!r}: "
            f"P(same) {pair.probability:.2f}, sentence similarity {pair.similarity:.2f}"
        )
    for i, j, _pair in links:
        a, b = index.claims[i], index.claims[j]
        if not agree(a, b, settings.tolerance):
            conflict = (a, b)
            break
    return cluster_of(n, claims, notes, conflict)
