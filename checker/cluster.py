"""Cross-source check with the learned scorer: figures linked by P(same fact), then clustered."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

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
    and likely enough (see `_links`): figures that agree are each other's most likely agreeing
    restatement; a figure that disagrees needs the stricter conflict threshold. Clusters
    are the linked groups (with a document's repeated mentions of one figure); a conflict is a
    link, or two likely restatements inside one cluster, between figures that cannot both be
    true.
    """
    index = Index(settings)
    for doc_claims in per_doc:
        index.add_document(doc_claims)
    found = _best_restatements(index, settings, model)
    parent = list(range(len(index.claims)))
    links = _links(index, settings, found)
    for i, j, _pair in links:
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
        _cluster(n, ids, linked[root], index, settings, found.scored)
        for n, (root, ids) in enumerate(sorted(groups.items(), key=lambda g: g[1][0]))
    ]
    clusters.sort(key=lambda c: ({"conflict": 0, "agree": 1, "single": 2}[c.status], c.id))
    clear_bounds()
    return clusters


@dataclass
class _Found:
    """Each claim's likely restatements in each other source (keyed by claim id and source)."""

    best: dict[tuple[int, str], Pair] = field(default_factory=dict)  # the most likely
    agreeing: dict[tuple[int, str], Pair] = field(default_factory=dict)  # ... that agrees
    # ... and whether one that agrees is as likely as a conflict needs (no conflict there)
    rivals: set[tuple[int, str]] = field(default_factory=set)
    scored: dict[int, list[tuple[int, float]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # every scored candidate (id, P(same fact))


def _best_restatements(index: Index, settings: Settings, model: Model | None) -> _Found:
    """For each claim and each other source, its most likely restatement there (skipping
    figures apart from it that disagree), its most likely restatement whose figure agrees,
    and whether an agreeing one is confidently its statement (a rival of any conflict)."""
    out = _Found()
    floor = min(settings.link, settings.link_conflict)
    for i, (claim, frame) in enumerate(zip(index.claims, index.frames, strict=True)):
        for pair in pairs(claim, frame, index, model):
            if pair.probability < floor:
                break
            key = (i, pair.other.source)
            out.scored[i].append((pair.item, pair.probability))
            other_frame = index.frames[pair.item]
            told = same_figure(claim, pair.other, settings)
            if told is False:
                if key not in out.best and not apart(claim, frame, pair.other, other_frame):
                    out.best[key] = pair
                continue
            if told is None:
                continue  # "at least 129" and 224: no conflict, and no telling they agree
            if pair.probability >= settings.conflict:
                out.rivals.add(key)
            out.best.setdefault(key, pair)
            if pair.probability >= settings.link:
                out.agreeing.setdefault(key, pair)
    return out


def _links(index: Index, settings: Settings, found: _Found) -> list[tuple[int, int, Pair]]:
    """The links between figures that are each other's most likely restatement: figures that
    agree, each the other's most likely agreeing restatement; figures that disagree, each the
    other's most likely restatement, not apart, neither told by an agreeing figure in the
    other's document, and likely enough the same fact for a conflict."""
    links = []
    claims = index.claims
    for (i, _source), pair in found.agreeing.items():
        j = pair.item
        back = found.agreeing.get((j, claims[i].source))
        if back is None or back.item != i or i > j or named_apart(claims[i], claims[j]):
            # Documents of a check need not tell one story (a gate's do, by the user's choice).
            continue
        links.append((i, j, pair))
    for (i, source), pair in found.best.items():
        j = pair.item
        a, b = claims[i], claims[j]
        back = found.best.get((j, a.source))
        if back is None or back.item != i or i > j or pair.probability < settings.link_conflict:
            continue
        if same_figure(a, b, settings) is not False:
            continue
        if (i, source) in found.rivals or (j, a.source) in found.rivals:
            continue  # one is told in the other's document by a figure that agrees with it
        if not apart(a, index.frames[i], b, index.frames[j]) and not named_apart(a, b):
            links.append((i, j, pair))
    return links


def same_figure(a: Claim, b: Claim, settings: Settings) -> bool | None:
    """Whether two figures state one figure: each a faithful restatement of the other (True),
    two figures that cannot both be true (False), or no telling (None: "at least 129" and 224,
    "at least 5" and "at least 1")."""
    if not agree(a, b, settings.tolerance):
        return False
    told = restates(a, b, settings), restates(b, a, settings)
    return True if told == (True, True) else None


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
        if same_figure(a, b, settings) is False:
            return a, b
    members = set(ids)
    for i in ids:
        a = index.claims[i]
        for j, probability in scored.get(i, ()):
            b = index.claims[j]
            if (
                j in members
                and probability >= settings.conflict
                and same_figure(a, b, settings) is False
                and not apart(a, index.frames[i], b, index.frames[j])
                and not named_apart(a, b)
                and not _also_told(a, b, ids, index, settings)
            ):
                return a, b
    return None


def _also_told(a: Claim, b: Claim, ids: list[int], index: Index, settings: Settings) -> bool:
    """Whether the cluster holds, from the document of one of two figures, a figure agreeing
    with the other: a document that tells both figures ("five bombs", of which "four" hit the
    school) conflicts with neither."""
    for k in ids:
        c = index.claims[k]
        if c.source == a.source and c is not a and same_figure(c, b, settings):
            return True
        if c.source == b.source and c is not b and same_figure(c, a, settings):
            return True
    return False
