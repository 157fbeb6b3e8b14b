"""What the scorer sees of a pair of figures: general features of their statements and roles."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker.align import GENERIC_MEASURES, Candidate, Frame
from checker.compare import compatible
from checker.settings import Settings
from claims import Claim
from claims.context import ACTORS
from claims.dates import dates_compatible
from claims.measures import MEASURE_WORDS, family

RATIO_FLOOR = 0.3

# The names and order of the features: the scorer's weights file is keyed by them. The values
# themselves are not features: several pair labels are derived from value agreement (see
# bench/datasets.py), and the verdict weighs the values once the statements are aligned.
NAMES = (
    "sentence",  # IDF-weighted cosine of the two sentences
    "clause",  # ... of the words around each figure
    "best_sentence",  # the candidate's sentence is the most similar one found
    "relative",  # its similarity over the most similar sentence's
    "sentence_x_relative",  # alike and the most alike: the product
    "clause_x_overall",  # the same for the clauses
    "weak_sentence",  # the sentences share little (cosine under 0.12)
    "strong_sentence",  # ... much (over 0.5)
    "measure_same",  # both name the same specific measure
    "measure_near",  # fuzzy likeness of two specific measures
    "measure_generic",  # one of them names no specific measure
    "measure_differ",  # both specific, unalike
    "clause_in_sentence",  # clause likeness over the best of the candidate sentence's figures
    "clause_overall",  # ... over the best of all candidates
    "next_words",  # share of the nearest words on each side in common
    "time_clash",  # words of time near both figures, none in common
    "time_same",  # ... one in common
    "word_after",  # the content word right after each figure is the same lemma
    "word_before",  # ... right before
    "order_same",  # the same place among the figures of the sentence
    "alone",  # the candidate is the only figure of its block in its sentence
    "place_clash",  # both pinned to a named place, different ones
    "place_same",  # ... the same one
    "pinned_time_clash",  # both pinned to a time by their own phrase, different ones
    "pinned_time_same",
    "period_differ",  # one counts over a period the other does not
    "direction_clash",  # one rose, the other fell
    "direction_same",
    "comparison_same",  # the same relation word ("up from", "of", "per")
    "lemma_same",  # what they count has the same head lemma
    "qualifier_same",
    "same_unit",  # the same unit as stated
    "superseded",  # one of them is an earlier figure ("up from an earlier 25")
    "increment_differ",
    "kind_date",
    "kind_count",
    "kind_money",
    "kind_percent",
)


def measure_relation(a: str, b: str) -> tuple[float, float, float, float]:
    """(same, near, generic, differ) of two measure phrases; one family ("jets", "planes")
    or one naming the other ("fighter jets", "jets") is near, never differ."""
    if a in GENERIC_MEASURES or b in GENERIC_MEASURES:
        return 0.0, 0.0, 1.0, 0.0
    if a == b:
        return 1.0, 1.0, 0.0, 0.0
    near = fuzz.token_set_ratio(a, b) / 100.0
    wa, wb = set(a.split()), set(b.split())
    if family(a) == family(b) or wa <= wb or wb <= wa:
        return 0.0, max(near, 0.6), 0.0, 0.0
    return 0.0, near, 0.0, 1.0 if near < 0.6 else 0.0


def _clash(x: str | None, y: str | None) -> bool:
    return x is not None and y is not None and x != y


def _same(x: str | None, y: str | None) -> bool:
    return x is not None and x == y


def apart(a: Claim, fa: Frame, b: Claim, fb: Frame, measures: bool = True) -> str:
    """Why two figures that disagree may be figures of different facts, or "" (with
    ``measures`` false, other measures are left out).

    No scorer probability overrides these: a conflict needs the same place, time and period.
    """
    if _clash(a.place, b.place):
        return f"different places: {a.place} vs {b.place}"
    if (a.part is None) != (b.part is None):
        return f"one is of a part: {a.part or b.part}"
    if _clash(a.time, b.time):
        return f"different times: {a.time} vs {b.time}"
    dated = a.kind in ("date", "year")  # a date's weekday is part of it, not its scope
    if not dated and fa.times and fb.times and not fa.times & fb.times:
        return f"different times: {', '.join(sorted(fa.times))} vs {', '.join(sorted(fb.times))}"
    if a.period != b.period:
        return "one counts over a period, the other does not (or over another)"
    if _clash(a.direction, b.direction):
        return f"one went {a.direction}, the other {b.direction}"
    if a.superseded != b.superseded:
        return "one is an earlier figure"
    if dated and _date_different_figures(a.co_stated, b.co_stated):
        return "they date different figures"
    if measures and measure_relation(a.measure, b.measure)[3]:
        return f"different measures: {a.measure} vs {b.measure}"
    if a.increment != b.increment:
        return "one is counted on top of another"
    generic = a.measure in GENERIC_MEASURES and b.measure in GENERIC_MEASURES
    if generic and (swapped := _word_swapped(a, b)):
        return swapped
    return ""


NEAR_KINDS = frozenset({"count", "money", "percent", "quantity"})
_PLAIN = frozenset({"exact", "about"})
_OPEN_BOUNDS = frozenset({"at_least", "more_than", "at_most", "less_than"})


def near(a: Claim, b: Claim, settings: Settings) -> bool:
    """Two figures that may misstate one fact though the scorer is less sure of it: counts,
    amounts, percentages or quantities, plain or one of them an open bound against a plain
    figure (of two bounds, one often tells of a part: "more than 12 in the old town" and
    "more than 30"), within `near_ratio` of each other, of one measure (or one naming the
    other, a generic one, or quantities of one dimension), and naming no country in common
    when both name one (the coalition's strikes and Russia's). A true bound ("more than 30"
    and 34) agrees with its figure, so only a plain figure beyond the bound is a near
    conflict."""
    if not (a.kind in NEAR_KINDS and b.kind in NEAR_KINDS):
        return False
    qualifiers = {a.qualifier, b.qualifier}
    if not qualifiers <= _PLAIN and not (
        len(qualifiers & _OPEN_BOUNDS) == 1 and qualifiers & _PLAIN
    ):
        return False
    x, y = sorted((abs(a.value or 0.0), abs(b.value or 0.0)))
    if x == 0 or y / x > settings.near_ratio:
        return False
    if a.measure not in GENERIC_MEASURES and b.measure not in GENERIC_MEASURES:
        wa, wb = set(a.measure.split()), set(b.measure.split())
        if not (wa <= wb or wb <= wa or _one_dimension(a, b)):
            return False
    ca, cb = _countries(a), _countries(b)
    return not (ca and cb and not ca & cb)


def _one_dimension(a: Claim, b: Claim) -> bool:
    """Two quantities whose measures name one dimension ("gust speed", "wind speed"): a
    quantity's measure is its dimension and a word of its sentence, which says less of what is
    measured than a count's noun."""
    return a.kind == b.kind == "quantity" and family(a.measure) == family(b.measure)


def _countries(c: Claim) -> set[str]:
    """The countries a figure is of: its clause's and its place, else its sentence's."""
    own = set(c.actors) | ({c.place} if c.place else set())
    return own or {n for n in c.names if n in ACTORS}


def _date_different_figures(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two dates each beside figures of one kind, and none of those figures the same ("$5bn in
    2023" and "$4bn in 2022"); beside figures of different kinds they may date one event."""
    kinds = _mark_kinds(a) & _mark_kinds(b)
    return bool(kinds) and not set(a) & set(b)


def _mark_kinds(marks: Sequence[str]) -> set[str]:
    # A mark with no kind is from a ledger written before marks had one: of one kind.
    return {m.rpartition(":")[0] for m in marks}


def _own(c: Claim) -> frozenset[str]:
    return frozenset(c.near) - MEASURE_WORDS


def named_apart(a: Claim, b: Claim) -> str:
    """Both sentences name what they tell of, and no name of one is named in the other's
    sentence or among its article's most named: two stories ("the Paris attacks", "the airliner
    over Sinai")."""
    na, nb = set(a.names), set(b.names)
    if na and nb and not na & (nb | set(b.topic)) and not nb & set(a.topic):
        return f"they name different things: {', '.join(sorted(na))} vs {', '.join(sorted(nb))}"
    return ""


def _word_swapped(a: Claim, b: Claim) -> str:
    """Two clauses alike but for one word each, in a sentence the other never uses: with a
    generic measure ("amount", "share") that word says what is counted ("a litre of petrol
    costs", "a litre of diesel costs")."""
    na, nb = _own(a), _own(b)
    only_a = na - frozenset(b.terms) - frozenset(b.co_stated)
    only_b = nb - frozenset(a.terms) - frozenset(a.co_stated)
    rest = set(a.terms) ^ set(b.terms)
    if len(only_a) == 1 and len(only_b) == 1 and na & nb and rest <= only_a | only_b:
        return f"what they count differs: {min(only_a)} vs {min(only_b)}"
    return ""


def as_date(claim: Claim) -> str | None:
    """A date or a year as an ISO date: "2022" for the year 2022."""
    if claim.kind == "year" and claim.value is not None:
        return f"{int(claim.value):04d}"
    return claim.date


def _other_range(a: Claim, b: Claim) -> bool:
    """Two ranges of one kind with different ends: a range is told by its ends, so "3% to 4%"
    and "4% to 5%" are two forecasts, though a value of 4% would fit both."""
    if not (a.qualifier == b.qualifier == "range" and a.kind == b.kind):
        return False
    ends = ((a.low, b.low), (a.high, b.high))
    return any(x is None or y is None or not math.isclose(x, y, rel_tol=1e-9) for x, y in ends)


def agree(a: Claim, b: Claim, tolerance: float = 0.0) -> bool:
    """Both figures can be true as stated: in one currency, with overlapping intervals; a year
    and a date when the date falls in that year or names none."""
    if a.kind == "money" and a.unit != b.unit:
        return False
    if _other_range(a, b):
        return False
    if a.kind != b.kind and {a.kind, b.kind} == {"year", "date"}:
        da, db = as_date(a), as_date(b)
        return da is not None and db is not None and dates_compatible(da, db)
    return compatible(a, b, tolerance)


@dataclass(frozen=True, slots=True)
class Context:
    """What a pair's features compare it with: the other candidates of the same figure."""

    best_sentence: float  # the most similar candidate sentence's similarity
    best_clause: float  # the most similar candidate clause's similarity
    best_clause_in: dict[tuple[str, str], float]  # ... per candidate sentence
    alone: bool  # the candidate is its sentence's only figure of the block


def pair_features(
    a: Claim, fa: Frame, b: Claim, fb: Frame, cand: Candidate, clause: float, ctx: Context
) -> list[float]:
    """The feature vector of the pair (a figure, a candidate restatement), in `NAMES` order."""
    same, near, generic, differ = measure_relation(a.measure, b.measure)
    kind = a.kind
    # Being the most alike of weak candidates says little: a ratio's floor keeps it from
    # counting as much as being the most alike of strong ones.
    in_sentence = max(ctx.best_clause_in.get((b.source, b.sentence), 0.0), RATIO_FLOOR)
    around = fa.next_words | fb.next_words
    relative = cand.similarity / max(ctx.best_sentence, RATIO_FLOOR)
    overall = clause / max(ctx.best_clause, RATIO_FLOOR)
    return [
        cand.similarity,
        clause,
        1.0 if cand.rank == 0 and cand.similarity >= RATIO_FLOOR else 0.0,
        relative,
        cand.similarity * relative,
        clause * overall,
        1.0 if cand.similarity < 0.12 else 0.0,
        1.0 if cand.similarity > 0.5 else 0.0,
        same,
        near,
        generic,
        differ,
        clause / in_sentence,
        overall,
        len(fa.next_words & fb.next_words) / len(around) if around else 0.0,
        1.0 if fa.times and fb.times and not fa.times & fb.times else 0.0,
        1.0 if fa.times & fb.times else 0.0,
        1.0 if fa.after and fa.after == fb.after else 0.0,
        1.0 if fa.before and fa.before == fb.before else 0.0,
        1.0 if fa.order == fb.order else 0.0,
        1.0 if ctx.alone else 0.0,
        1.0 if _clash(a.place, b.place) else 0.0,
        1.0 if _same(a.place, b.place) else 0.0,
        1.0 if _clash(a.time, b.time) else 0.0,
        1.0 if _same(a.time, b.time) else 0.0,
        1.0 if a.period != b.period else 0.0,
        1.0 if _clash(a.direction, b.direction) else 0.0,
        1.0 if _same(a.direction, b.direction) else 0.0,
        1.0 if _same(a.comparison, b.comparison) else 0.0,
        1.0 if a.lemma and a.lemma == b.lemma else 0.0,
        1.0 if a.qualifier == b.qualifier else 0.0,
        1.0 if (a.stated_unit or "") == (b.stated_unit or "") else 0.0,
        1.0 if a.superseded != b.superseded else 0.0,
        1.0 if a.increment != b.increment else 0.0,
        1.0 if kind in ("date", "year") else 0.0,
        1.0 if kind == "count" else 0.0,
        1.0 if kind == "money" else 0.0,
        1.0 if kind == "percent" else 0.0,
    ]
