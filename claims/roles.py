"""A figure's role words: which way it moved and how it relates to another figure."""

from __future__ import annotations

import tomllib
from importlib import resources

import regex

with resources.files("claims").joinpath("roles.toml").open("rb") as _f:
    _DATA = tomllib.load(_f)


def _alternation(words: list[str]) -> str:
    return "|".join(
        regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_DIRECTION = _DATA["direction"]
# The verb may stand up to three gap words before the figure: "rose by some 5", "cut another 300".
_GAP = rf"(?:(?:{_alternation(_DIRECTION['gap'])})\s++){{0,3}}+"
_UP_BEFORE = regex.compile(rf"(?i)(?<![\w-])(?:{_alternation(_DIRECTION['up_before'])})\s++{_GAP}$")
_DOWN_BEFORE = regex.compile(
    rf"(?i)(?<![\w-])(?:{_alternation(_DIRECTION['down_before'])})\s++{_GAP}$"
)
_UP_AFTER = regex.compile(rf"(?i)^[\s-]++(?:{_alternation(_DIRECTION['up_after'])})\b")
_DOWN_AFTER = regex.compile(rf"(?i)^[\s-]++(?:{_alternation(_DIRECTION['down_after'])})\b")

_BEFORE: dict[str, str] = _DATA["comparison"]["before"]
_COMPARISON_BEFORE = regex.compile(rf"(?i)(?<![\w-])(?P<word>{_alternation(list(_BEFORE))})\s++$")
_PART_OF = regex.compile(
    rf"(?i)^\s++(?:{_alternation(_DATA['comparison']['part_of'])})\s++(?:the\s++)?+[0-9]"
)
# "ranged from X to Y": the two figures are the ends of one range.
SPAN_FROM_BEFORE = regex.compile(
    rf"(?i)(?<![\w-])(?:{_alternation(_DATA['comparison']['span_before_from'])})\s++from\s++$"
)
# "she finished second": a rank with no determiner and no noun after it.
RANK_BEFORE = regex.compile(
    rf"(?i)(?<![\w-])(?:{_alternation(_DATA['rank']['verbs_before'])})\s++$"
)
_CLAUSE_LEFT = regex.compile(r"[.;:!?()\[\]—–\r\n,]")


def direction(before: str, after: str) -> str | None:
    """ "up" or "down" when the figure's own words say it moved, else None."""
    left = _CLAUSE_LEFT.split(before[-60:])[-1]
    up = _UP_BEFORE.search(left)
    down = _DOWN_BEFORE.search(left)
    if up and down:  # the nearer verb is the figure's own
        return "up" if up.start() > down.start() else "down"
    if up or down:
        return "up" if up else "down"
    if _UP_AFTER.match(after):
        return "up"
    if _DOWN_AFTER.match(after):
        return "down"
    return None


def comparison(before: str, after: str) -> str | None:
    """The figure's relation word: "from" in "up from 12", "out_of" for the 3 of "3 of 10"."""
    if _PART_OF.match(after):
        return "out_of"
    m = _COMPARISON_BEFORE.search(before[-24:])
    if m:
        return _BEFORE[" ".join(m.group("word").lower().split())]
    return None
