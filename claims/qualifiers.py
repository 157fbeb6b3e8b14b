"""Hedges ("at least", "nearly", "up to") and the intervals they turn a figure into."""

from __future__ import annotations

from dataclasses import dataclass

import regex

# Relative half-width given to "about 100": 10 per cent either side.
ABOUT_TOLERANCE = 0.10

# Hedge phrase (lowercase, single spaces) -> qualifier. Longest phrases are tried first.
HEDGES: dict[str, str] = {
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "a minimum of": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "above": "more_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "up to": "up_to",
    "as many as": "up_to",
    "as much as": "up_to",
    "at most": "at_most",
    "no more than": "at_most",
    "a maximum of": "at_most",
    "fewer than": "less_than",
    "less than": "less_than",
    "under": "less_than",
    "below": "less_than",
}

HEDGE_BEFORE = regex.compile(
    r"(?i)\b(?P<hedge>"
    + "|".join(sorted((h.replace(" ", r"\s+") for h in HEDGES), key=len, reverse=True))
    + r")\s+(?:the\s+|a\s+total\s+of\s+)?$"
)
# "129 or more", "60-plus", "100 at most"
HEDGE_AFTER = regex.compile(
    r"(?i)^(?:\s+or\s+(?P<hedge>more|so|fewer|less)\b|(?P<hedge>\+|-plus\b))"
)
_AFTER_QUALIFIER = {
    "more": "at_least",
    "+": "at_least",
    "-plus": "at_least",
    "so": "about",
    "fewer": "at_most",
    "less": "at_most",
}


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


def interval_for(value: float, qualifier: str, *, high: float | None = None) -> Interval:
    """The interval a hedged figure states; ``high`` is the upper figure of a range."""
    if qualifier == "range":
        return Interval(value, value if high is None else high)
    if qualifier == "about":
        ends = sorted((value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)))
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
