"""Scanning a text for where figures stand: digits, number words, quarters, multipliers, and
the spans that are never figures (links, phone numbers, times, list marks)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from claims.numbers import (
    DENOMINATORS,
    FRACTIONS,
    GROUPS,
    MULTIPLIERS,
    ORDINALS,
    SCALE_SUFFIXES,
    SCALES,
    SIGNS,
    TENS,
    UNITS,
    VAGUE,
    Reading,
    read_tokens,
    word_trie,
)
from claims.units import ARTICLE_UNITS, GLUED

# Number words as a run of tokens on one line; ``read_tokens`` finds the number in it.
_TOKEN = (
    "(?:"
    + word_trie([*UNITS, *TENS, *SCALES, *GROUPS, *DENOMINATORS, *ORDINALS, *SIGNS, "and", "a",
                 "an", "point", "over"])
    + r")(?![\w])"
)  # fmt: skip
_RUN_START = (
    "(?:"
    + word_trie([*UNITS, *TENS, *SIGNS])
    + r"|an?(?=[ \t]++(?:half|quarter|dozen|hundred|thousand|million|billion|trillion|lakh"
    + r"|crore|hundredth|thousandth|millionth|billionth|trillionth)\b)"
    + r"|half(?=[ \t]++an?[ \t]++(?:dozen|hundred|thousand|million|billion|trillion)\b)"
    + r"|quarter(?=[ \t]++(?:thousand|million|billion|trillion)\b)"
    + r"|hundred(?=[ \t]++(?:"
    + word_trie([s for s in SCALES if s != "hundred"])
    + r")\b))(?![\w])"
)
# Number words never join across a line break ("two hundred and" / "thirty-four" are two
# figures), as they never join across a sentence's end.
_SEP = r"(?:[ \t\u00a0]++|[ \t]*+-[ \t]*+)"
_WORDS = rf"{_RUN_START}(?:{_SEP}{_TOKEN}){{0,24}}+"
_ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_MULT = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
_VAGUE = "|".join(VAGUE)
_FRAC = "|".join(sorted((f.replace(" ", r"\s+") for f in FRACTIONS), key=len, reverse=True))
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
_ARTICLE_UNIT = "|".join(
    regex.escape(u).replace(r"\ ", r"[ \t]++") for u in sorted(ARTICLE_UNITS, key=len, reverse=True)
)

_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_MONEY_SUFFIXES = frozenset({"M", "B", "T"})
# Digits not glued to a word or designator (F-16, G20, COVID-19, TU-160), nor part of a longer
# number, time of day or version string.
_NUMBER_RE = regex.compile(
    r"(?<![\w.,:/#@&=+]|[A-Za-z][-–]|[0-9][-–]|[-–][0-9])(?P<sign>[-−](?=[0-9]))?+(?:"
    # "10 1/2", "2 and 3/4", "3/4": proper fractions only ("24/7" and "9/11" are no fractions)
    r"(?:(?P<whole>[0-9]{1,3})(?:[ \t\u00a0]++and)?+[ \t\u00a0]++)?+"
    r"(?P<num>[0-9]{1,2})/(?P<den>[0-9]{1,2})"
    r"(?![\w/]|[.,][0-9])"
    r"|(?P<digits>[0-9]{1,3}(?:,[0-9]{3})++(?:\.[0-9]++)?+"
    r"|[0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3})++(?:[.,][0-9]++)?+"
    r"|[0-9]{1,3}(?:[ ][0-9]{3}(?![0-9]))++(?:\.[0-9]++)?+(?![ ]?[-–]|[ ][0-9])"
    r"|[0-9]++(?:\.[0-9]++)?+|\.[0-9]++)"
    rf"(?:[ \u00a0]?+(?P<vulgar>[{_VULGAR}]))?+"  # "2½", "3 ¾"
    r"(?P<exp>[eE][+-]?[0-9]{1,3}|[ \t]?[x×][ \t]?(?:10(?:\^[+−-]?|[−-])|2\^)[0-9]{1,3}"
    r"|\^[+-]?[0-9]{1,3})?+"
    r"(?P<suffix>" + word_trie(sorted({*SCALE_SUFFIXES, *_ORDINAL_SUFFIXES, *GLUED})) + ")?"
    r"(?![\w]|[.,:][0-9]|/[0-9]))"
    rf"|(?<![\w])(?P<vulgar>[{_VULGAR}])(?![\w])"
    rf"|(?i:(?<![\w-])(?P<frac>{_FRAC})(?=\s+of\b))"
    rf"|(?i:(?<![\w-])(?P<words>{_WORDS}))"
    rf"|(?i:(?<![\w-])(?P<ordinal>{_ORD})(?![\w-]))"
    r"|(?<![\w-])(?:Q(?P<quarter>[1-4])|(?P<quarter>[1-4])Q)(?![\w-])"
    rf"|(?i:(?<![\w-])(?P<one>an?)(?=[ \t]++(?:{_ARTICLE_UNIT})(?![\w-])))"
    rf"|(?i:(?<![\w-])(?P<mult>{_MULT})(?![\w-]))"
    rf"|(?i:(?<![\w-])(?P<vague>{_VAGUE})(?![\w-]))"
)

# Names that a number follows as an identifier, not a count: "Boeing 737", "Tier 1".
_IDENTIFIER_HEADS = word_trie(
    [
        *"""Article Section Chapter Room Flight No. Number Route Highway Tier Level Category
        Phase Stage Grade Class Type Model Version Gate Terminal Platform Boeing Airbus Windows
        Flat Apartment Suite iPhone iOS Android Apollo Interstate FTSE S&P Nasdaq Dow Page
        Resolution Amendment
        Proposition Formula Agenda Vision Bill Call Channel Studio""".split(),
        "World War",
    ]
)

# Never claims: masked before the scan. Separate patterns, each cheap to scan for on its own
# (one alternation of them all costs ten times more: no alternative can be skipped quickly).
_NOISE_PATTERNS = tuple(
    regex.compile(p)
    for p in (
        r"(?=[hHwW])(?i)\b(?:https?://|www\.)[^\s<>\"')\]]{1,2000}+",
        r"(?<![\w.+-])[\w.+-]{1,64}+@[\w-]{1,63}+(?:\.[\w-]{1,63}+){1,8}+",
        r"(?=[(0-9])(?<![\w-])\(?[0-9]{3}\)?[-.\s][0-9]{3}[-.][0-9]{4}(?![\w-])",
        r"\b[0-9]{1,4}\s+(?:[A-Z][a-z]+\s+)?(?:Street|Avenue|Road|Lane|Boulevard|Square)\b",
        r"(?<![\w+])\+[0-9]{1,3}(?:[ .-]?[0-9]{2,4}){2,5}(?![\w])",
        r"(?<![\w.])[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?+(?:\s?[ap]\.?m\.?)?+",
        r"(?=[0-9])(?<![\w.])[0-9]{1,2}(?:\.[0-9]{2})?(?:\s?[ap]\.m\.|\s?[ap]m\b)",
        r"(?m:^[ \t]{0,3}+\(?[0-9]{1,3}[.)](?=[ \t]++\S))",  # a list mark has its item after it
        r"(?=[A-Zi])\b(?:" + _IDENTIFIER_HEADS + r")\s+[0-9]{1,6}+",
    )
)
# Where a number may start: digits, or a number word (one pattern, its words as a trie).
_START_WORDS = word_trie(
    [*UNITS, *TENS, *SCALES, *GROUPS, *ORDINALS, *MULTIPLIERS, *VAGUE, *SIGNS, *DENOMINATORS,
     *(u.split()[0] for u in ARTICLE_UNITS), "two-thirds", "three-quarters"]
)  # fmt: skip
_START_RE = regex.compile(
    r"[-−]?+\.?+[0-9]++|[" + _VULGAR + r"]|(?i:\b(?:" + _START_WORDS + r")\b)|\bQ[1-4]\b"
)
# The same pattern for the text in lower case: the standard library's engine runs this one
# four times faster than ``regex`` runs the case-blind one, and the scan is a pass over the
# whole text ("q4" is tried too; the number pattern then wants "Q4").
_START_LOWER = re.compile(
    r"[-−]?+\.?+[0-9]++|[" + _VULGAR + r"]|\b(?:" + _START_WORDS + r")\b|\bq[1-4]\b"
)


def _starts(text: str) -> Iterator[re.Match[str] | regex.Match[str]]:
    lowered = text.lower()
    if len(lowered) == len(text):  # no character changed its length: offsets hold
        return _START_LOWER.finditer(lowered)
    return _START_RE.finditer(text)


_ARTICLE_BEFORE = regex.compile(r"(?i)(?<![\w-])an?\s$")


@dataclass(frozen=True, slots=True)
class _Hit:
    """A match of the number pattern, with the end of the number read from its words."""

    m: regex.Match[str]
    end: int
    reading: Reading | None = None


_GROUP_CHAIN = regex.compile(r"(?:[,\u00a0\u202f\u2009][0-9]++)++")
_TOKEN_RE = regex.compile(r"[A-Za-z]++")


def _numbers(text: str) -> Iterator[_Hit]:
    """Matches of the number pattern, tried only where a number may start."""
    until = 0
    for hit in _starts(text):
        pos = hit.start()
        if pos < until:
            continue
        m = None
        article = _ARTICLE_BEFORE.search(text, max(0, pos - 3), pos)
        if article:  # "a dozen", "a third of"
            m = _NUMBER_RE.match(text, article.start())
        m = m or _NUMBER_RE.match(text, pos)
        if m is None and text[pos] in "-−":
            m = _NUMBER_RE.match(text, pos + 1)
        if hit.group()[-1:].isdigit():
            # Digits grouped on and on, to a bad end ("1 111 111,5"): no figure in the chain,
            # and it is passed once, never rescanned from each group.
            chain = _GROUP_CHAIN.match(text, hit.end())
            if chain and (m is None or m.end() <= chain.start()):
                until = chain.end()
                continue
        if m is None:
            continue
        if m.group("words"):
            tokens = list(_TOKEN_RE.finditer(m.group("words")))
            reading = read_tokens([t.group().lower() for t in tokens])
            if reading is None:
                until = m.start("words") + tokens[0].end()
                continue
            end = m.start("words") + tokens[reading.used - 1].end()
            until = end
            yield _Hit(m, end, reading)
            continue
        until = m.end()
        yield _Hit(m, m.end())


def noise_spans(text: str) -> list[tuple[int, int]]:
    """Spans that are never claims: links, e-mail addresses, phone numbers, times, list marks."""
    spans: list[tuple[int, int]] = []
    for pattern in _NOISE_PATTERNS:
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    return sorted(spans)


def _in_noise(noise: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and noise[i][1] > start:
        return True
    return i + 1 < len(noise) and noise[i + 1][0] < end
