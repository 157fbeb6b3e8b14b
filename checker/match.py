"""Same claim or not: blocking by dimension and measure, scoring by measure and frame."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from checker.compare import clear_bounds, compatible
from claims import Claim
from claims.measures import EVENT_FAMILIES, MEASURE_WORDS, family
from claims.model import times_overlap

# Measures that say only what kind of figure it is, not what it counts.
GENERIC_MEASURES = frozenset(
    {"count", "share", "date", "duration", "length", "mass", "area", "volume", "amount", "year",
     "ratio", "ordinal", "time ago", "people"}
)  # fmt: skip


TOPIC_WEIGHT = 0.4
CO_STATED_SCORE = 0.5
# Generic measures that still say what a figure is: "35 years ago" and "36 years ago" in one
# frame are one claim; two amounts or two shares in one frame may be of different things, unless
# their own clauses say the same.
_TIME_MEASURES = frozenset({"time ago", "duration", "age"})
_TOPIC_CONFLICT_KINDS = frozenset({"count", "money", "percent", "quantity"})
TOPIC_SHARED = 3  # names two articles' topics must share to be about one event


@dataclass(frozen=True, slots=True)
class Settings:
    """Thresholds of the matcher; the defaults are tuned on our fixtures and SummEdits dev."""

    agree_frame: float = 0.15  # frame overlap to call two compatible figures the same claim
    conflict_frame: float = 0.30  # stricter overlap before two figures may conflict
    generic_conflict_frame: float = 0.60  # overlap before equal generic measures may conflict
    measure_similarity: float = 88.0  # rapidfuzz ratio for near-equal measure phrases
    about_widen: float = 0.0  # extra relative tolerance for "about" (config: tolerance)
    max_postings: int = 400  # a term in more claims than this no longer proposes candidates
    one_story: bool = False  # the documents are known to tell one story (the gate's case)


@dataclass(frozen=True, slots=True)
class Relation:
    """How two claims relate, with the evidence that decided it."""

    same: bool
    compatible: bool
    score: float
    measure: str
    shared_terms: tuple[str, ...]
    reason: str


def block_key(claim: Claim) -> tuple[str, str]:
    """Figures are compared only inside a block: same kind and same base unit."""
    return claim.kind, claim.unit or ""


def measures_agree(a: str, b: str, settings: Settings) -> tuple[bool, bool]:
    """(compatible, specific): equal or near-equal measures, or one generic."""
    if a == b:
        return True, a not in GENERIC_MEASURES
    if a in GENERIC_MEASURES or b in GENERIC_MEASURES:
        return True, False
    if fuzz.ratio(a, b) >= settings.measure_similarity:
        return True, True
    if family(a) == family(b) and family(a) not in ("people",):
        return True, False
    # "fighter jets" and "jets", "common dividend" and "dividend": one names the other closer.
    short, long = sorted((a, b), key=len)
    if long.endswith(" " + short):
        return True, True
    if long.startswith(short + " "):
        return True, False
    return False, False


def _overlap(ta: frozenset[str], tb: frozenset[str]) -> float:
    return len(ta & tb) / min(len(ta), len(tb)) if ta and tb else 0.0


_FEATURES: dict[int, tuple[Claim, frozenset[str], frozenset[str], frozenset[str]]] = {}
_FEATURES_KEPT = 400_000


def clear_caches() -> None:
    """Forget the per-claim sets and bounds of a finished run (a long-lived service calls
    check and gate many times; each run's claims should not outlive it)."""
    _FEATURES.clear()
    clear_bounds()


def _features(c: Claim) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """A claim's frame as sets, measure words removed: computed once per claim."""
    hit = _FEATURES.get(id(c))
    if hit is None or hit[0] is not c:
        if len(_FEATURES) > _FEATURES_KEPT:
            _FEATURES.clear()
        hit = (
            c,
            frozenset(c.terms).union(c.co_stated) - MEASURE_WORDS,
            frozenset(c.near) - MEASURE_WORDS,
            frozenset(c.topic),
        )
        _FEATURES[id(c)] = hit
    return hit[1], hit[2], hit[3]


def frame_overlap(
    a: Claim, b: Claim, one_story: bool = False
) -> tuple[float, tuple[str, ...], bool]:
    """How much two figures' frames share: their sentences, and their own clauses.

    Returns the score, the shared terms, and whether the score rests on the articles' topics
    alone.
    """
    # Words that say what is counted ("killed", "people") are the measure's evidence, not the
    # frame's: two death tolls share them whatever events they count.
    ta, na, topic_a = _features(a)
    tb, nb, topic_b = _features(b)
    score = 0.7 * _overlap(ta, tb) + 0.3 * _overlap(na, nb)
    # Two short sentences may share no word and still state the same exact figure of the same
    # thing in two articles about one event ("129 missing", "130 missing"): then the articles'
    # topics carry part of the weight. Hedged figures must be aligned by their own sentences.
    same_exact = a.measure == b.measure and a.qualifier == b.qualifier == "exact"
    same_figure = (a.low, a.high, a.date) == (b.low, b.high, b.date)
    shared_topic = len(topic_a & topic_b) >= TOPIC_SHARED
    # A gate's draft and sources are one story by the user's choice: there the same figure of
    # a compatible measure is support enough (never grounds for a conflict).
    by_topic = False
    if (same_exact and shared_topic) or (same_figure and (one_story or shared_topic)):
        by_topic = score < TOPIC_WEIGHT
        score = max(score, TOPIC_WEIGHT)
    if a.scope and b.scope:
        score += 0.15  # both pinned to the same named place or party (a clash never gets here)
    shared = sorted((ta & tb) | (na & nb))
    if by_topic:
        shared += [f"topic:{name}" for name in sorted(topic_a & topic_b)]
    return min(score, 1.0), tuple(shared), by_topic


def _open(claim: Claim) -> bool:
    return claim.kind != "date" and (claim.low is None or claim.high is None)


def scopes_clash(a: Claim, b: Claim) -> bool:
    """Both figures pinned to a named place, or to a time, and to different ones."""
    if a.time and b.time and not times_overlap(a.time, b.time):
        return True
    return bool(a.place and b.place and a.place != b.place)


def _differ_in_kind(a: Claim, b: Claim) -> str:
    """Why two figures that disagree may simply count different things, or ""."""
    if a.period != b.period:
        return "one counts over a period, the other does not (or over another)"
    if a.kind == "year" and not _co_stated(a) & _co_stated(b):
        return "they date no common figure"
    for part, whole in ((a, b), (b, a)):
        # "The Bataclan attack killed 89" is a part of "at least 129 dead" in Paris: a smaller
        # exact count whose own clause names what the total's article never does.
        if not (
            whole.qualifier in ("at_least", "more_than")
            and part.qualifier == "exact"
            and part.value is not None
            and whole.low is not None
            and part.value < whole.low
        ):
            continue
        own = set(part.names) & set(part.near)
        if unknown := sorted(own - set(whole.terms) - set(whole.topic)):
            return f"a part of the total, named apart ({', '.join(unknown)})"
    if a.actors and b.actors and not set(a.actors) & set(b.actors):
        return f"different actors: {', '.join(a.actors)} vs {', '.join(b.actors)}"
    return ""


def _co_stated(claim: Claim) -> set[str]:
    return set(claim.co_stated)


def _own_words_shared(a: Claim, b: Claim) -> bool:
    """Every word of one figure's own clause stands in the other's sentence: "earned $2.9
    billion" and "Capital One earned $3.1 billion" are one amount, "a litre of petrol costs"
    and "a litre of diesel costs" are two."""
    ta, na, _ = _features(a)
    tb, nb, _ = _features(b)
    return bool(na and nb) and (na <= tb or nb <= ta)


def relate(a: Claim, b: Claim, settings: Settings) -> Relation:
    """Whether ``a`` and ``b`` state the same claim, and whether their figures are compatible."""
    ok = compatible(a, b, settings.about_widen)
    if block_key(a) != block_key(b):
        return Relation(False, ok, 0.0, "", (), "different kind or unit")
    if a.increment != b.increment:
        return Relation(False, ok, 0.0, "", (), "one figure is counted on top of another")
    if a.kind == "ordinal" and "time" in (a.measure, b.measure):
        # "for the first time" is a turn of phrase, not a figure two stories share.
        return Relation(False, ok, 0.0, "", (), "an ordinal of time says when, not how many")
    if a.superseded != b.superseded:
        return Relation(False, ok, 0.0, "", (), "a superseded figure is never the current one")
    m_ok, specific = measures_agree(a.measure, b.measure, settings)
    if a.kind == "date":
        # A date is the same claim as another of the same kind of event ("the October 31
        # crash", "the downing on 31 October"); a bare date is too vague to conflict.
        ea, eb = EVENT_FAMILIES.get(a.measure), EVENT_FAMILIES.get(b.measure)
        m_ok, specific = True, ea is not None and ea == eb
    measure = a.measure if a.measure == b.measure else f"{a.measure} ~ {b.measure}"
    if not m_ok:
        return Relation(False, ok, 0.0, measure, (), "different measures")
    if scopes_clash(a, b):
        return Relation(
            False,
            ok,
            0.0,
            measure,
            (),
            f"different scope: {', '.join(a.scope)} vs {', '.join(b.scope)}",
        )
    if not specific and ok and _open(a) != _open(b):
        # "below $25 billion" says nothing of a dividend of $0.14: a bound supports only a
        # figure of the very same thing.
        return Relation(False, ok, 0.0, measure, (), "a bound on another measure")
    overlap, shared, by_topic = frame_overlap(a, b, settings.one_story)
    score = round(overlap * (1.0 if specific else 0.8), 3)
    if a.kind == "year" and (dated := _co_stated(a) & _co_stated(b)):
        # Two years that date the same figure ("$5bn in 2024", "$5bn ... of 2023") are one claim.
        specific, score = True, max(score, CO_STATED_SCORE)
        shared = (*shared, *sorted(dated))
    if ok:
        same = score >= settings.agree_frame
        reason = "compatible figures, shared frame" if same else "frames too far apart"
    else:
        apart = _differ_in_kind(a, b)
        if (
            by_topic
            and (a.names or b.names)
            and not any(not t.startswith("topic:") for t in shared)
        ):
            # The articles' topics tie two disagreeing figures only when neither sentence names
            # anything of its own ("130 people as missing"); a sentence that names its event
            # ("the Paris attacks") and shares no word with the other is about another one.
            apart = "no word of their sentences ties them, only the articles' topics"
        if by_topic and not settings.one_story and a.kind not in _TOPIC_CONFLICT_KINDS:
            # Across stories, dates, years and ordinals recur: only their sentences may tie them.
            apart = "only the articles' topics tie them"
        # Equal generic measures ("time ago", "share") may conflict only on a strong frame.
        strong_generic = (
            a.measure == b.measure
            and score >= settings.generic_conflict_frame
            and (a.measure in _TIME_MEASURES or _own_words_shared(a, b))
        )
        same = (specific or strong_generic) and score >= settings.conflict_frame and not apart
        if apart:
            reason = f"incompatible figures, but {apart}"
        elif not (specific or strong_generic):
            reason = "incompatible figures, but the measure is too generic to call a conflict"
        else:
            reason = (
                "incompatible figures, same measure and frame" if same else "frames too far apart"
            )
    return Relation(same, ok, score, measure, shared, reason)


@dataclass
class Index:
    """Claims grouped by block, with an inverted index of frame terms proposing candidates."""

    settings: Settings = field(default_factory=Settings)
    _postings: dict[tuple[str, str, str], list[int]] = field(
        default_factory=lambda: defaultdict(list)
    )
    _items: list[Claim] = field(default_factory=list)

    def add(self, claim: Claim) -> int:
        i = len(self._items)
        self._items.append(claim)
        key = block_key(claim)
        for term in dict.fromkeys((*claim.terms, *claim.co_stated)):
            posting = self._postings[(*key, term)]
            if len(posting) <= self.settings.max_postings:
                posting.append(i)
        return i

    def extend(self, claims: Iterable[Claim]) -> None:
        for c in claims:
            self.add(c)

    def candidates(self, claim: Claim) -> list[int]:
        """Ids of indexed claims in the same block sharing at least one frame term."""
        key = block_key(claim)
        seen: dict[int, None] = {}
        for term in (*claim.terms, *claim.co_stated):
            posting = self._postings.get((*key, term))
            if posting and len(posting) <= self.settings.max_postings:
                seen.update(dict.fromkeys(posting))
        return sorted(seen)

    def __getitem__(self, i: int) -> Claim:
        return self._items[i]
