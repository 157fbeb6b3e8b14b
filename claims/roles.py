"""A figure's role words: which way it moved and how it relates to another figure."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import regex

from claims.engines import KEEP_GIL, fold, plain, twin
from claims.tails import tail_start, word_runs

with resources.files("claims").joinpath("roles.toml").open("rb") as _f:
    _DATA = tomllib.load(_f)


def _alternation(words: list[str]) -> str:
    return "|".join(
        regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_DIRECTION = _DATA["direction"]
# The verb may stand up to three gap words before the figure: "rose by some 5", "cut another 300".
_GAP = rf"(?:(?:{_alternation(_DIRECTION['gap'])})\s++){{0,3}}+"
_UP = _alternation(_DIRECTION["up_before"])
_DOWN = _alternation(_DIRECTION["down_before"])
_UP_BEFORE = regex.compile(rf"(?i)(?<![\w-])(?:{_UP})\s++{_GAP}$")
_DOWN_BEFORE = regex.compile(rf"(?i)(?<![\w-])(?:{_DOWN})\s++{_GAP}$")
# Either verb, in one search; a match holds a verb and at most three gap words.
_MOVED_BEFORE = regex.compile(rf"(?i)(?<![\w-])(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\s++{_GAP}$")
# The same pattern for plain text (see ``claims.engines``) in lower case: the standard
# library's engine runs it three times faster than ``regex`` runs the case-blind one.
_MOVED_LOWER = re.compile(
    rf"(?<![\w-])(?:(?P<up>{_alternation([w.lower() for w in _DIRECTION['up_before']])})"
    rf"|(?P<down>{_alternation([w.lower() for w in _DIRECTION['down_before']])}))\s++"
    rf"(?:(?:{_alternation([w.lower() for w in _DIRECTION['gap']])})\s++){{0,3}}+$"
)
_MOVED_WORDS = max(
    map(word_runs, [*_DIRECTION["up_before"], *_DIRECTION["down_before"]])
) + 3 * max(map(word_runs, _DIRECTION["gap"]))
_MOVED_AFTER = regex.compile(
    rf"(?i)^[\s-]++(?:(?P<up>{_alternation(_DIRECTION['up_after'])})"
    rf"|(?P<down>{_alternation(_DIRECTION['down_after'])}))\b"
)

_BEFORE: dict[str, str] = _DATA["comparison"]["before"]
_COMPARISON_BEFORE = twin(rf"(?i)(?<![\w-])(?P<word>{_alternation(list(_BEFORE))})\s++$")
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
_LAST_CLAUSE_LEFT = regex.compile(r"(?r)" + _CLAUSE_LEFT.pattern)  # the last break before a figure
# Every word a verb of motion or its gap word can end with: a match of ``_MOVED_BEFORE`` ends in
# one and the space before the figure. A last word of letters only that is none of them ends no
# match (one of them at its end would follow a letter, where no verb or gap word starts).
_MOVED_LAST = frozenset(
    phrase.split()[-1].lower()
    for phrase in [*_DIRECTION["up_before"], *_DIRECTION["down_before"], *_DIRECTION["gap"]]
)
_MOVED_GATED = all(word.isascii() for word in _MOVED_LAST)


def _moved_before(left: str) -> re.Match[str] | regex.Match[str] | None:
    """``_MOVED_BEFORE.search(left)``: the verb of motion that ends right before a figure."""
    words = left.split()
    if _MOVED_GATED and (not words or (words[-1].isalpha() and fold(words[-1]) not in _MOVED_LAST)):
        return None
    at = tail_start(left, _MOVED_WORDS)
    if plain(left):
        return _MOVED_LOWER.search(left.lower(), at)
    return _MOVED_BEFORE.search(left, at, None, KEEP_GIL)


def direction(before: str, after: str) -> str | None:
    """ "up" or "down" when the figure's own words say it moved, else None."""
    left = before[-60:]
    if (last := _LAST_CLAUSE_LEFT.search(left, 0, None, KEEP_GIL)) is not None:
        left = left[last.end() :]
    moved = _moved_before(left)
    if moved is not None:
        # Both kinds of verb: the nearer one is the figure's own (a "down" at the same place
        # as an "up" wins, as it always has).
        if moved.group("up") is not None:
            return "down" if _DOWN_BEFORE.search(left, moved.start(), None, KEEP_GIL) else "up"
        return "up" if _UP_BEFORE.search(left, moved.start() + 1, None, KEEP_GIL) else "down"
    if moved_after := _MOVED_AFTER.match(after, 0, None, KEEP_GIL):
        return "up" if moved_after.group("up") is not None else "down"
    return None


def comparison(before: str, after: str) -> str | None:
    """The figure's relation word: "from" in "up from 12", "out_of" for the 3 of "3 of 10"."""
    if _PART_OF.match(after, 0, None, KEEP_GIL):
        return "out_of"
    m = _COMPARISON_BEFORE.search(before[-24:])
    if m:
        return _BEFORE[" ".join(m.group("word").lower().split())]
    return None


_PART = _DATA["part"]
_PART_AFTER = regex.compile(
    rf"(?i)^[^,;:()\n—–]{{0,40}}?\b(?:{_alternation(_PART['prepositions'])})\s++"
    rf"(?P<part>(?:{_alternation(_PART['quantifiers'])})\s++(?:the\s++)?+[\w'’-]{{2,30}}+)"
)
_PART_PHRASES: dict[str, str] = _PART["phrases"]
_PART_PHRASE_AFTER = regex.compile(
    rf"(?i)^[^,;:()\n—–]{{0,40}}?\b(?P<phrase>{_alternation(list(_PART_PHRASES))})(?![\w-])"
)

_NOT_PARTS = frozenset(_PART["not_parts"])


def part(after: str) -> str | None:
    """The part of a whole the figure is of, in its own words after it ("several precincts"
    of "more than 70% in several precincts"; "first half" of "led 2-1 at half-time"), else
    None."""
    if (fixed := _PART_PHRASE_AFTER.match(after, 0, None, KEEP_GIL)) is not None:
        return _PART_PHRASES[" ".join(fixed.group("phrase").lower().split())]
    m = _PART_AFTER.match(after, 0, None, KEEP_GIL)
    if m is None:
        return None
    words = m.group("part").lower().split()
    return None if words[-1] in _NOT_PARTS else " ".join(words)
