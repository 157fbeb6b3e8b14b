"""Searching the end of a short text for a pattern anchored there ("rose by 5" before a figure)
from where such a match can start, not from every character."""

from __future__ import annotations

import functools

import regex

from claims.engines import KEEP_GIL


@functools.cache
def _last_words(n: int) -> regex.Pattern[str]:
    # Read right to left from the end: n runs of word characters and what follows each.
    return regex.compile(rf"(?r)(?:\w+\W*){{0,{n}}}")


def tail_start(text: str, words: int) -> int:
    """Where the last ``words`` runs of word characters of ``text`` start (0 with fewer). A
    pattern anchored at the end whose every match starts a word and holds at most ``words``
    runs of word characters matches nowhere before it: it is searched for from there."""
    m = _last_words(words).match(text, 0, None, KEEP_GIL)
    return m.start() if m else 0


def word_runs(phrase: str) -> int:
    """The runs of word characters in a phrase of a word list ("out of": 2)."""
    return len(regex.findall(r"\w+", phrase))
