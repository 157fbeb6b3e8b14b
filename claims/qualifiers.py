"""Hedges ("at least", "nearly", "up to") and the intervals they turn a figure into."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

import regex

from claims.engines import KEEP_GIL, fold
from claims.numbers import significant_digits

with resources.files("claims").joinpath("qualifiers.toml").open("rb") as _f:
    _DATA = tomllib.load(_f)

# Relative half-width given to "about 100": 10 per cent either side.
ABOUT_TOLERANCE: float = _DATA["interval"]["about_tolerance"]

# Hedge phrase (lowercase, single spaces) -> qualifier. Longest phrases are tried first.
HEDGES: dict[str, str] = _DATA["before"]
_AFTER_QUALIFIER: dict[str, str] = _DATA["after"]
# Hedges before a duration or a year that are none: "over two days", "some 20 years ago".
NOT_BEFORE_TIME = frozenset(_DATA["not_before_time"]["phrases"])
# Hedges before a length and "of" that are a place: "under 18 inches of snow".
NOT_BEFORE_OF = frozenset(_DATA["not_before_of"]["phrases"])
NOT_BEFORE_OF_DIMENSIONS = frozenset(_DATA["not_before_of"]["dimensions"])


def _alternation(phrases: list[str]) -> str:
    """The phrases as regex alternatives, longest first, a space standing for any spaces, and a
    phrase that ends in a letter ending at a word's end."""
    return "|".join(
        regex.escape(p).replace(r"\ ", r"\s+") + (r"\b" if p[-1].isalpha() else "")
        for p in sorted(phrases, key=len, reverse=True)
    )


HEDGE_BEFORE = regex.compile(
    rf"(?i)\b(?P<hedge>{_alternation(list(HEDGES))})\s+"
    rf"(?:(?:{_alternation(_DATA['between']['words'])})\s+)?$"
)
# Every match of it ends in the last word of a hedge or of a word it stands across, then the
# space before the figure: it is searched for only when the last word before the figure ends in
# one, in any case (``fold`` reads letters as a case-blind pattern does, for words in ASCII; a
# word may follow a bracket or a quote: "(about 5").
_HEDGE_LAST = tuple(sorted({p.split()[-1] for p in [*HEDGES, *_DATA["between"]["words"]]}))
_HEDGE_GATED = all(word.isascii() for word in _HEDGE_LAST)


def hedge_before(before: str) -> regex.Match[str] | None:
    """``HEDGE_BEFORE.search(before)``: the hedge that ends right before a figure."""
    words = before.split()  # (every space of the pattern splits words here too)
    if _HEDGE_GATED and (not words or not fold(words[-1]).endswith(_HEDGE_LAST)):
        return None
    return HEDGE_BEFORE.search(before, 0, None, KEEP_GIL)


# After the figure: a phrase spaced from it starts with a letter ("129 or more", "100 or so"),
# one glued to it does not ("60-plus", "40+").
_SPACED_AFTER = [p for p in _AFTER_QUALIFIER if p[0].isalpha()]
_GLUED_AFTER = [p for p in _AFTER_QUALIFIER if not p[0].isalpha()]
HEDGE_AFTER = regex.compile(
    rf"(?i)^(?:\s+(?P<hedge>{_alternation(_SPACED_AFTER)})|(?P<hedge>{_alternation(_GLUED_AFTER)}))"
)
# A glued one is read before the figure's scale and unit: "60-plus years", "$20-odd million".
GLUED_HEDGE_AFTER = regex.compile(rf"(?i)(?P<hedge>{_alternation(_GLUED_AFTER)})")


_NEGATED = _DATA["negated"]
_NEGATION = regex.compile(
    r"(?i)(?:"
    + "|".join(("" if "'" in w else r"\b") + regex.escape(w) for w in _NEGATED["words"])
    + rf")\b(?!\s+(?:{_alternation(_NEGATED['not_after'])}))"
    + rf"(?:\s+(?!(?:{_alternation(_NEGATED['not_across'])}))[\w'-]+){{0,{_NEGATED['reach']}}}\s+$"
)


def negated(qualifier: str, before: str) -> str:
    """The qualifier of a hedge after ``before``, turned to the other side where a negation
    stands a few words before it ("won't be more than 12": at most 12)."""
    flipped = _NEGATED.get(qualifier)
    if not isinstance(flipped, str) or not _NEGATION.search(before[-80:], 0, None, KEEP_GIL):
        return qualifier
    return flipped


def qualifier_for(phrase: str) -> str:
    """The qualifier name for a hedge phrase as written (before or after the figure)."""
    key = " ".join(phrase.lower().split())
    return HEDGES.get(key) or _AFTER_QUALIFIER.get(key, "exact")


@dataclass(frozen=True, slots=True)
class Interval:
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True


def interval_for(
    value: float, qualifier: str, *, high: float | None = None, written: float | None = None
) -> Interval:
    """The interval a hedged figure states; ``high`` is the upper figure of a range, and
    ``written`` the number as written before its unit (its digits set about's margin)."""
    if qualifier == "range":
        return Interval(value, value if high is None else high)
    if qualifier == "about":
        # "about 2,000" may be 1,800; "about 11,200" is rounded to its hundreds, not 10%.
        digits = significant_digits(value if written is None else written)
        tol = ABOUT_TOLERANCE / 10 ** max(0, digits - 2)
        ends = sorted((value * (1 - tol), value * (1 + tol)))
        return Interval(ends[0], ends[1])
    if qualifier == "nearly" and value < 0:  # "nearly -10": short of -10, towards zero
        return Interval(value, value * (1 - ABOUT_TOLERANCE), False, True)
    if qualifier == "nearly":
        return Interval(value * (1 - ABOUT_TOLERANCE), value, True, False)
    if qualifier == "at_least":
        return Interval(value, None)
    if qualifier == "more_than":
        return Interval(value, None, False, True)
    if qualifier in ("up_to", "at_most"):
        return Interval(None, value)
    if qualifier == "less_than":
        return Interval(None, value, True, False)
    return Interval(value, value)
