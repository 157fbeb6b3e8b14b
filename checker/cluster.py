"""Cross-source check with the learned scorer: figures linked by P(same fact), then clustered."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from checker.align import Index, block_key
from checker.check import Cluster, cluster_of
from checker.compare import clear_bounds
from checker.features import GENERIC_MEASURES, NEAR_KINDS, agree, apart, named_apart, near
from checker.scorer import Model, Pair, pairs
from checker.settings import Settings
from checker.stamps import stamped
from checker.verdict import restates
from claims import Claim
from claims.numbers import significant_digits

Link = tuple[int, int, Pair]


def clusters_of(
    per_doc: Sequence[Sequence[Claim]],
    settings: Settings,
    model: Model | None = None,
    texts: Mapping[str, str] | None = None,
) -> list[Cluster]:
    """The clusters of the documents' claims, conflicts first, then agreements, then singles.

    Candidate links (see `_edges`) are taken most likely first: two figures that state one
    value alike, then any pair likely enough, agreeing or (at a stricter threshold) not. A
    link is refused when either figure is already linked with a figure of the other's
    document, or when the joined cluster would hold two figures of one document that cannot
    both be true (a document does not contradict itself: its two figures are two facts).
    A conflict is a link, or two likely restatements inside one cluster, between figures that
    cannot both be true. ``texts`` (document id to its prose) lets datelines and publication
    stamps be told from the story's own dates.
    """
    index = Index(settings)
    for doc_claims in per_doc:
        index.add_document(doc_claims)
    found = _best_restatements(index, settings, model)
    groups = _Groups(index, settings, found)
    for i, j in _repeated(index):
        groups.join(i, j)
    stamps = stamped(index.claims, texts or {})
    links = [link for link in _edges(index, settings, found, stamps) if groups.link(link)]
    linked: dict[int, list[Link]] = defaultdict(list)
    for link in links:
        linked[groups.root(link[0])].append(link)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(index.claims)):
        members[groups.root(i)].append(i)
    clusters = [
        _cluster(n, ids, linked[root], index, settings, found.pairs)
        for n, (root, ids) in enumerate(sorted(members.items(), key=lambda g: g[1][0]))
    ]
    clusters.sort(key=lambda c: ({"conflict": 0, "agree": 1, "single": 2}[c.status], c.id))
    clear_bounds()
    return clusters


@dataclass
class _Found:
    """Each claim's likely restatements, and the sources that tell it by an agreeing figure."""

    pairs: dict[int, list[Pair]] = field(
        default_factory=lambda: defaultdict(list)
    )  # claim id -> its candidates at least `link` (or `link_conflict`) likely, likeliest first
    # (claim id, source) where an agreeing figure is as likely as a conflict needs: no conflict
    rivals: set[tuple[int, str]] = field(default_factory=set)


def _best_restatements(index: Index, settings: Settings, model: Model | None) -> _Found:
    """Each claim's likely restatements, and where one that agrees is confidently its
    statement (a rival of any conflict there)."""
    out = _Found()
    floor = min(settings.link, settings.link_conflict)
    for i, (claim, frame) in enumerate(zip(index.claims, index.frames, strict=True)):
        for pair in pairs(claim, frame, index, model):
            if pair.probability < floor:
                if pair.probability >= _alike_floor(claim, settings) and _alike(claim, pair.other):
                    out.pairs[i].append(pair)  # a precise figure told alike (`link_alike`)
                continue
            out.pairs[i].append(pair)
            if pair.probability >= settings.conflict and same_figure(claim, pair.other, settings):
                out.rivals.add((i, pair.other.source))
    return out


def _edges(index: Index, settings: Settings, found: _Found, stamps: set[int]) -> list[Link]:
    """Candidate links, the most wanted first. Each pair is weighed by the larger of its two
    P(same fact). Figures that agree are candidates at `link`, and first of all when they
    state one value alike (an exact 36 and 36: the same figure is strong evidence of the same
    fact, which the scorer, blind to values, cannot weigh); a precise figure told alike is a
    candidate at `link_alike` (`_alike_floor`). Figures that cannot both be true
    are candidates when neither is told in the other's document by an agreeing figure at
    `conflict`, they are not apart, and they are at least `link_conflict` likely the same
    fact, or `link_conflict_near` for near figures (`checker.features.near`). A dateline or a
    publication stamp dates its article, not a fact: it takes no link."""
    claims = index.claims
    weight: dict[tuple[int, int], tuple[float, Pair]] = {}
    for i, candidates in found.pairs.items():
        for p in candidates:
            key = (min(i, p.item), max(i, p.item))
            if key not in weight or weight[key][0] < p.probability:
                weight[key] = (p.probability, p)
    edges = []
    for (i, j), (w, p) in weight.items():
        a, b = claims[i], claims[j]
        if i in stamps or j in stamps or named_apart(a, b):
            continue
        told = same_figure(a, b, settings)
        alike = told is True and _alike(a, b)
        if told is True and (w >= settings.link or (alike and w >= _alike_floor(a, settings))):
            edges.append((w + (1.0 if alike else 0.0), i, j, p))
        elif told is False and _may_conflict(index, settings, found, i, j, w):
            edges.append((w, i, j, p))
    # Rounded: P sums floats in an order that may differ from run to run.
    edges.sort(key=lambda e: (-round(e[0], 6), e[1], e[2]))
    return [(i, j, p) for _, i, j, p in edges]


def _may_conflict(
    index: Index, settings: Settings, found: _Found, i: int, j: int, w: float
) -> bool:
    a, b = index.claims[i], index.claims[j]
    if w < settings.link_conflict and not (
        w >= settings.link_conflict_near and near(a, b, settings)
    ):
        return False
    if (i, b.source) in found.rivals or (j, a.source) in found.rivals:
        return False  # one is told in the other's document by a figure that agrees with it
    return not apart(a, index.frames[i], b, index.frames[j])


def _alike_floor(c: Claim, settings: Settings) -> float:
    """How likely two figures alike must be to link: `link_alike` for a precise figure of a
    count, an amount, a percentage or a quantity, `link` for any other."""
    precise = c.kind in NEAR_KINDS and significant_digits(c.value or 0.0) >= 3
    return settings.link_alike if precise else settings.link


def _alike(a: Claim, b: Claim) -> bool:
    """Two figures that state one value the same way: neither hedged, the same interval."""
    return a.qualifier == b.qualifier == "exact" and (a.low, a.high, a.date) == (
        b.low,
        b.high,
        b.date,
    )


class _Groups:
    """Claims joined into clusters, a union-find that never holds two figures of one document
    that cannot both be true, and in which a figure links with one figure of each other
    document at most."""

    def __init__(self, index: Index, settings: Settings, found: _Found) -> None:
        self.claims, self.settings, self.found = index.claims, settings, found
        self.parent = list(range(len(index.claims)))
        self.members: dict[int, list[int]] = {i: [i] for i in self.parent}
        # each cluster's members by document (the documents two clusters share are compared)
        self.by_source: dict[int, dict[str, list[int]]] = {
            i: {c.source: [i]} for i, c in enumerate(index.claims)
        }
        self.matched: set[tuple[int, str]] = set()  # (claim id, document it is linked into)

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.root(i), self.root(j)
        if ri == rj:
            return
        if len(self.members[ri]) > len(self.members[rj]):
            ri, rj = rj, ri  # the smaller joins the larger: each claim moves O(log n) times
        self.parent[ri] = rj
        self.members[rj] += self.members.pop(ri)
        into = self.by_source[rj]
        for source, ks in self.by_source.pop(ri).items():
            into.setdefault(source, []).extend(ks)

    def link(self, link: Link) -> bool:
        """Join the two figures of a link unless that breaks the rules above; a conflict the
        scorer is not sure of (under `link_conflict`) also needs each figure to be the
        other's most likely statement among the figures of its document not yet linked."""
        i, j, pair = link
        a, b = self.claims[i], self.claims[j]
        if (i, b.source) in self.matched or (j, a.source) in self.matched:
            return False
        ri, rj = self.root(i), self.root(j)
        if ri == rj:
            self.matched |= {(i, b.source), (j, a.source)}  # joined already, through others
            return False
        if self._contradicts(ri, rj) or not self._sure_or_likeliest(i, j, pair):
            return False
        self.matched |= {(i, b.source), (j, a.source)}
        self.join(i, j)
        return True

    def _sure_or_likeliest(self, i: int, j: int, pair: Pair) -> bool:
        """Whether a link is sure (it agrees, or it is at least `link_conflict` likely), or is
        a conflict of two figures no other outlet confirms, each the other's most likely statement
        among the figures of its document not yet linked. A figure other outlets confirm is
        contradicted only by a sure link: the more outlets state one figure, the likelier a
        figure unlike it is another fact."""
        a, b = self.claims[i], self.claims[j]
        if pair.probability >= self.settings.link_conflict:
            return True
        if same_figure(a, b, self.settings) is not False:
            return True
        if self._confirmed(i) or self._confirmed(j):
            return False
        return self._likeliest_free(i, b.source) == j and self._likeliest_free(j, a.source) == i

    def _confirmed(self, i: int) -> bool:
        """Whether the claim's cluster holds a figure of another document that agrees with it."""
        c = self.claims[i]
        return any(
            self.claims[k].source != c.source and same_figure(c, self.claims[k], self.settings)
            for k in self.members[self.root(i)]
        )

    def _likeliest_free(self, i: int, source: str) -> int | None:
        """The claim's most likely statement in ``source`` that no link has taken there."""
        mine = self.claims[i].source
        for p in self.found.pairs[i]:
            if p.other.source == source and (p.item, mine) not in self.matched:
                return p.item
        return None

    def _contradicts(self, ri: int, rj: int) -> bool:
        """Whether the two clusters hold figures of one document that cannot both be true."""
        small, large = sorted((self.by_source[ri], self.by_source[rj]), key=len)
        claims = self.claims
        for source, ks in small.items():
            for k in ks:
                for other in large.get(source, ()):
                    if same_figure(claims[k], claims[other], self.settings) is False:
                        return True
        return False


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


_NOTES_KEPT = 50


def _cluster(
    n: int,
    ids: list[int],
    links: list[Link],
    index: Index,
    settings: Settings,
    scored: dict[int, list[Pair]],
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
    links: list[Link],
    index: Index,
    settings: Settings,
    scored: dict[int, list[Pair]],
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
        for pair in scored.get(i, ()):
            j, b = pair.item, pair.other
            if (
                j in members
                and pair.probability >= settings.conflict
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
