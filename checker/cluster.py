"""Cross-source check with the learned scorer: figures linked by P(same fact), then clustered."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from checker.align import Index, block_key
from checker.check import Cluster, cluster_of
from checker.compare import clear_bounds
from checker.features import GENERIC_MEASURES, agree, apart, named_apart
from checker.scorer import Model, Pair, pairs
from checker.settings import Settings
from checker.verdict import restates
from claims import Claim


def clusters_of(
    per_doc: Sequence[Sequence[Claim]], settings: Settings, model: Model | None = None
) -> list[Cluster]:
    """The clusters of the documents' claims, conflicts first, then agreements, then singles.

    Two figures are linked when each is the other's most likely restatement in its document,
    and likely enough: a figure that disagrees needs the stricter conflict threshold. Clusters
    are the linked groups (with a document's repeated mentions of one figure); a conflict is a
    link, or two likely restatements inside one cluster, between figures that cannot both be
    true.
    """
    index = Index(settings)
    for doc_claims in per_doc:
        index.add_document(doc_claims)
    best, scored = _best_restatements(index, settings, model)
    parent = list(range(len(index.claims)))
    links: list[tuple[int, int, Pair]] = []
    for (i, _source), pair in best.items():
        j = pair.item
        back = best.get((j, index.claims[i].source))
        if back is None or back.item != i or i > j:
            continue
        a, b = index.claims[i], index.claims[j]
        agrees = agree(a, b, settings.tolerance)
        told = (restates(a, b, settings), restates(b, a, settings))
        if agrees and None in told:
            continue  # "at least 129" and 224: no conflict, and no telling they agree
        if not agrees and apart(a, index.frames[i], b, index.frames[j]):
            continue
        if named_apart(a, b):
            # Documents of a check need not tell one story (a gate's do, by the user's choice).
            continue
        if pair.probability >= (settings.link if agrees else settings.link_conflict):
            links.append((i, j, pair))
            parent[_root(parent, i)] = _root(parent, j)
    for i, j in _repeated(index):
        parent[_root(parent, i)] = _root(parent, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(index.claims)):
        groups[_root(parent, i)].append(i)
    linked: dict[int, list[tuple[int, int, Pair]]] = defaultdict(list)
    for link in links:
        linked[_root(parent, link[0])].append(link)
    clusters = [
        _cluster(n, ids, linked[root], index, settings, scored)
        for n, (root, ids) in enumerate(sorted(groups.items(), key=lambda g: g[1][0]))
    ]
    clusters.sort(key=lambda c: ({"conflict": 0, "agree": 1, "single": 2}[c.status], c.id))
    clear_bounds()
    return clusters


def _best_restatements(
    index: Index, settings: Settings, model: Model | None
) -> tuple[dict[tuple[int, str], Pair], dict[int, list[tuple[int, float]]]]:
    """For each claim and each other source, its most likely restatement there; and every
    claim's scored candidates (id, P(same fact))."""
    best: dict[tuple[int, str], Pair] = {}
    scored: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for i, (claim, frame) in enumerate(zip(index.claims, index.frames, strict=True)):
        for pair in pairs(claim, frame, index, model):
            if pair.probability < min(settings.link, settings.link_conflict):
                break
            scored[i].append((pair.item, pair.probability))
            if (i, pair.other.source) in best:
                continue
            if not agree(claim, pair.other, settings.tolerance) and apart(
                claim, frame, pair.other, index.frames[pair.item]
            ):
                continue  # a figure of another time or place restates nothing of this one
            best[(i, pair.other.source)] = pair
    return best, scored


def _repeated(index: Index) -> list[tuple[int, int]]:
    """Mentions of one figure of one specific measure in one document ("killed 89 people",
    "89 people died"): one statement told twice, unless their place or time sets them apart."""
    first: dict[tuple[object, ...], int] = {}
    out = []
    for i, c in enumerate(index.claims):
        if c.measure in GENERIC_MEASURES:
            continue
        key = (c.source, *block_key(c), c.lemma, c.qualifier, c.low, c.high, c.date)
        j = first.setdefault(key, i)
        if j != i and not apart(c, index.frames[i], index.claims[j], index.frames[j]):
            out.append((j, i))
    return out


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


_NOTES_KEPT = 50


def _cluster(
    n: int,
    ids: list[int],
    links: list[tuple[int, int, Pair]],
    index: Index,
    settings: Settings,
    scored: dict[int, list[tuple[int, float]]],
) -> Cluster:
    notes = []
    for i, j, pair in links[:_NOTES_KEPT]:
        a, b = index.claims[i], index.claims[j]
        notes.append(
            f"{a.source}:{a.line} {a.text!r} ~ {b.source}:{b.line} {b.text!r}: "
            f"P(same) {pair.probability:.2f}, sentence similarity {pair.similarity:.2f}"
        )
    claims = [index.claims[i] for i in ids]
    return cluster_of(n, claims, notes, _conflict(ids, links, index, settings, scored))


def _conflict(
    ids: list[int],
    links: list[tuple[int, int, Pair]],
    index: Index,
    settings: Settings,
    scored: dict[int, list[tuple[int, float]]],
) -> tuple[Claim, Claim] | None:
    """A link between figures that cannot both be true; or two members of the cluster, each
    agreeing with a third, that disagree with each other and are likely enough the same fact
    to be a conflict in the gate."""
    for i, j, _pair in links:
        a, b = index.claims[i], index.claims[j]
        if not agree(a, b, settings.tolerance):
            return a, b
    members = set(ids)
    for i in ids:
        a = index.claims[i]
        for j, probability in scored.get(i, ()):
            b = index.claims[j]
            if (
                j in members
                and probability >= settings.conflict
                and not agree(a, b, settings.tolerance)
                and not apart(a, index.frames[i], b, index.frames[j])
                and not named_apart(a, b)
            ):
                return a, b
    return None
