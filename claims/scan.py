"""Scanning a text for where figures stand: digits, number words, quarters, multipliers, and
the spans that are never figures (links, phone numbers, times, list marks)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from claims.engines import KEEP_GIL
from claims.numbers import (
    DENOMINATORS,
    FRACTIONS,
    GROUPS,
    IDENTIFIER_BRANDS,
    IDENTIFIER_HEADS,
    IDIOMS,
    MULTIPLIERS,
    ORDINALS,
    PERIOD_RANKS,
    RATINGS,
    SCALE_SUFFIXES,
    SCALES,
    SHARES_WITHOUT_OF,
    SIGNS,
    TENS,
    UNITS,
    VAGUE,
    WHOLES_WITHOUT_OF,
    Reading,
    read_tokens,
    word_trie,
)
from claims.units import ARTICLE_HUNDREDTHS, ARTICLE_UNITS, CURRENCY_SYMBOLS, GLUED

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
_VAGUE = "|".join(
    sorted((regex.escape(v).replace(r"\ ", r"[ \t]++") for v in VAGUE), key=len, reverse=True)
)
_FRAC = "|".join(sorted((f.replace(" ", r"\s+") for f in FRACTIONS), key=len, reverse=True))
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
_ARTICLE_UNIT = "|".join(
    regex.escape(u).replace(r"\ ", r"[ \t]++")
    for u in sorted([*ARTICLE_UNITS, *ARTICLE_HUNDREDTHS], key=len, reverse=True)
)
_IDIOM = "|".join(
    regex.escape(i).replace(r"\ ", r"[ \t]++").replace("'", "['’]")
    for i in sorted(IDIOMS, key=len, reverse=True)
)

# Currency symbols that are letters of a script ("元"): one may stand glued after digits.
_WORD_SYMBOLS = "".join(s for s in CURRENCY_SYMBOLS if len(s) == 1 and s.isalpha()) or "$"
# Currency symbols that end in a letter or a point, glued to the digits after them: "$US5",
# "Rs500", "Rs.20" (digits after any other letter are a designator's: "F-16", "G20").
_LETTERED_SYMBOLS = sorted(
    (
        s
        for s in CURRENCY_SYMBOLS
        if len(s) > 1 and ((s[-1].isascii() and s[-1].isalpha()) or s[-1] == ".")
    ),
    key=len,
    reverse=True,
)
_AFTER_SYMBOL = (  # its digits start after the point of "Rs.20": no decimal point
    r"(?<=(?<![A-Za-z])(?:" + "|".join(regex.escape(s) for s in _LETTERED_SYMBOLS) + r"))(?!\.)"
    if _LETTERED_SYMBOLS
    else r"(?!)"
)
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_POINT_SUFFIXES = ("bp", "bps")  # "25bp": basis points
_MONEY_SUFFIXES = frozenset({"M", "B", "T"})
_YEAR_SLASH = r"(?<=(?<![0-9])(?:19|20)[0-9]{2}/)[0-9]{2}(?![0-9/]|[.,][0-9])"
# "half the vote": a share right before its whole, with no "of".
_WITHOUT_OF = (
    rf"(?<=(?<![\w-]){word_trie(list(SHARES_WITHOUT_OF))})"
    rf"\s++(?:{word_trie(list(WHOLES_WITHOUT_OF))})\b"
)
# The heads of a rating glued to its number ("EF3", "EF-3"): see numbers.toml [ratings].
_GLUED_HEADS = [head for r in RATINGS.values() if r.glued for head in r.heads]
_GLUED = word_trie(_GLUED_HEADS)
# Digits not glued to a word or designator (F-16, G20, COVID-19, TU-160), nor part of a longer
# number, time of day or version string.
_NUMBER_RE = regex.compile(
    # "the 1960s", "the 1990's": a decade
    r"(?<![\w.,:/#@&=+'’-])(?P<decade>1[0-9]{2}0|20[0-9]0)['’]?s(?![\w'’-])|"
    rf"(?:{_AFTER_SYMBOL}|(?<![\w.,:/#@&=+]|[A-Za-z][-–]|[0-9][-–]|[-–][0-9]))"
    r"(?P<sign>[-−](?=[0-9]))?+(?:"
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
    r"(?P<suffix>"
    + word_trie(sorted({*SCALE_SUFFIXES, *_ORDINAL_SUFFIXES, *_POINT_SUFFIXES, *GLUED}))
    + ")?"
    # ... nor a part of "24/7" or "12/8/2019": a year and the next one's two digits ("2014/15") are
    # one figure, a fiscal year or season
    rf"(?!(?![{_WORD_SYMBOLS}])[\w]|[.,:][0-9]|/(?!{_YEAR_SLASH})[0-9]))"
    rf"|(?<![\w])(?P<vulgar>[{_VULGAR}])(?![\w])"
    # a share before "of" (or "half" before "the": numbers.toml [shares_without_of]), but no
    # half after a rank: "the second half of the year" is a period
    rf"|(?i:(?<![\w-])(?<!\b(?:{word_trie(list(PERIOD_RANKS))})\s)(?P<frac>{_FRAC})"
    rf"(?=\s+of\b|{_WITHOUT_OF}))"
    rf"|(?i:(?<![\w-])(?P<words>{_WORDS}))"
    rf"|(?i:(?<![\w-])(?P<ordinal>{_ORD})(?![\w]|-(?!(?:quarter|half)\b)))"  # "fourth-quarter"
    # "Q4", "4Q", with the year glued: "Q4'20", "4Q20", "3Q2021"
    r"|(?<![\w-])(?:Q(?P<quarter>[1-4])(?:['’][0-9]{2})?+"
    r"|(?P<quarter>[1-4])Q(?:['’]?+(?:[0-9]{4}|[0-9]{2}))?+)(?![\w-])"
    # "H1 2024", "H2'23", "1H24", "1H 2024": a half year, only with its year ("H2" alone is
    # as often hydrogen)
    r"|(?<![\w-])(?:H(?P<half>[12])(?:['’][0-9]{2})?+|(?P<half>[12])H(?:['’]?+(?:[0-9]{4}|[0-9]{2}))?+)"
    r"(?![\w-])(?:(?<=[0-9]{2})|(?=[ \u00a0](?:19|20)[0-9]{2}(?![\w-])))"
    # "FY2022", "FY22", "FY 2023": a fiscal year, by the year it is named for
    r"|(?<![\w-])FY[ \u00a0]?+(?P<fiscal>(?:19|20)[0-9]{2}|[0-9]{2})(?![\w]|[.,][0-9])"
    # "EF3", "EF-3": a rating glued to its name (a figure only where its scale's words stand near)
    rf"|(?<![\w-])(?P<rated>{_GLUED})-?+(?P<rating>[0-9]{{1,2}})(?![\w]|[-–][0-9]|[.,][0-9])"
    rf"|(?i:(?<![\w-])(?P<one>an?)(?=[ \t]++(?:{_ARTICLE_UNIT})(?![\w-])))"
    rf"|(?i:(?<![\w-])(?P<mult>{_MULT})(?![\w-]))"
    rf"|(?i:(?<![\w-])(?P<vague>{_VAGUE})(?![\w-]))"
    rf"|(?i:(?<![\w-])(?P<idiom>{_IDIOM})(?![\w-]))"  # "a baker's dozen"
)

# Names that a number follows as an identifier, not a count: see numbers.toml [identifiers].
_IDENTIFIER_WORDS = [*IDENTIFIER_HEADS, *IDENTIFIER_BRANDS]

# Never claims: masked before the scan. Separate patterns, each cheap to scan for on its own
# (one alternation of them all costs ten times more: no alternative can be skipped quickly).
# Only links and e-mail addresses are scanned for over the whole text; every other pattern
# needs a digit, and is tried only where a run of digits starts (see ``noise_spans``).
_LINK = regex.compile(r"(?=[hHwW])(?i)\b(?:https?://|www\.)[^\s<>\"')\]]{1,2000}+")
# "www." in any case (no other character is "w" or "." in lower case): eight substring tests
# cost a fifth of the text in lower case.
_WWW = tuple(a + b + c + "." for a in "wW" for b in "wW" for c in "wW")
_EMAIL = regex.compile(r"(?<![\w.+-])[\w.+-]{1,64}+@[\w-]{1,63}+(?:\.[\w-]{1,63}+){1,8}+")
_PHONE = regex.compile(r"(?<![\w-])\(?[0-9]{3}\)?[-.\s][0-9]{3}[-.][0-9]{4}(?![\w-])")
_INTERNATIONAL_PHONE = regex.compile(r"(?<![\w+])\+[0-9]{1,3}(?:[ .-]?[0-9]{2,4}){2,5}(?![\w])")
# Each of these starts where a run of digits starts.
_NOISE_AT_DIGITS = tuple(
    regex.compile(p)
    for p in (
        r"\b[0-9]{1,4}\s+(?:[A-Z][a-z]+\s+)?(?:Street|Avenue|Road|Lane|Boulevard|Square)\b",
        # a clock time that `claims.dates.TIME_RE` does not read: no "a.m." or "p.m." after it,
        # nor an hour past noon ("10:30", "08:15:00")
        r"(?<![\w.])(?!(?:1[3-9]|2[0-3]):[0-5][0-9](?![0-9:]))[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?+"
        r"(?![ \u00a0]?+[aApP]\.?[mM])",
    )
)
_LIST_MARK = regex.compile(r"(?m:^[ \t]{0,3}+\(?[0-9]{1,3}[.)](?=[ \t]++\S))")  # its item after it
_IDENTIFIER = regex.compile(r"(?=[A-Zi])\b(?:" + word_trie(_IDENTIFIER_WORDS) + r")\s+[0-9]{1,6}+")
_IDENTIFIER_HEAD_CHARS = max(map(len, _IDENTIFIER_WORDS))
_SPACE_BEFORE = regex.compile(r"(?r)\s++")
_DIGIT_RUN = regex.compile(r"[0-9]+")  # not "++": that costs the fast scan for a class


# Where a number may start: digits, or a number word (one pattern, its words as a trie).
_START_WORD_LIST = [
    *UNITS, *TENS, *SCALES, *GROUPS, *ORDINALS, *MULTIPLIERS, *(v.split()[0] for v in VAGUE),
    *SIGNS, *DENOMINATORS, *(u.split()[0] for u in ARTICLE_UNITS), "two-thirds", "three-quarters",
    *ARTICLE_HUNDREDTHS, *(regex.split(r"\W", i.split()[1])[0] for i in IDIOMS),
]  # fmt: skip
_START_WORDS = word_trie(_START_WORD_LIST)
_START_RE = regex.compile(
    r"[-−]?+\.?+[0-9]++|["
    + _VULGAR
    + r"]|(?i:\b(?:"
    + _START_WORDS
    + r")\b)|\bQ[1-4]\b|\bH[12]\b|\bFY|(?<![\w-])(?:"
    + _GLUED
    + r")-?+[0-9]"
)
# The words of that pattern for the text in lower case: the standard library's engine runs this
# one four times faster than ``regex`` runs the case-blind one, and the scan is a pass over the
# whole text ("q4" is tried too; the number pattern then wants "Q4"). Its digits are read from
# the runs of digits, found apart (a pass for them alone is twenty times cheaper). A word is
# tried only where a word opens with the first letter of one: a third cheaper than the trie
# tried at every boundary.
_FIRST_LETTERS = "".join(sorted({w[0] for w in _START_WORD_LIST} | {"q", "h", "f"}))
_START_LOWER_WORDS = re.compile(
    r"[" + _VULGAR + r"]|\b(?=[" + re.escape(_FIRST_LETTERS) + r"])(?:(?:" + _START_WORDS
    + r")\b|q[1-4]\b|h[12]\b|fy)"
)  # fmt: skip
_SIGNS = ("-", "−")
_GLUED_BEFORE = regex.compile(r"(?<![\w-])(?:" + _GLUED + r")-?$")
_GLUED_ENDS = frozenset({"-", *(head[-1] for head in _GLUED_HEADS)})
_GLUED_REACH = max(map(len, _GLUED_HEADS), default=0) + 1
# Every match of that pattern but "fy..." is a whole word of the text, or opens with one (the
# "two" of "two-thirds"): a word is a run of word characters. The words of a text are read by
# one pass over its bytes, every byte that is no ASCII word character made a space (a letter
# beyond ASCII only splits a word further: no word that opens a match is lost), and the
# pattern is tried only where one of these words stands. A scan of the whole text tries the
# trie at every word: most texts hold a handful of distinct number words among thousands.
_WORD_BYTES = bytes(c if chr(c).isalnum() or c == ord("_") else 32 for c in range(128)) + (
    b" " * 128
)
_OPENING_WORDS = frozenset(
    {regex.split(r"\W", w, maxsplit=1)[0].encode() for w in _START_WORD_LIST}
    | {b"q1", b"q2", b"q3", b"q4", b"h1", b"h2"}
)
# The vulgar fractions in UTF-8: U+00BC to U+00BE, and U+2150 to U+215E among the code points
# that open with the bytes E2 85.
_VULGAR_BYTES = (b"\xc2\xbc", b"\xc2\xbd", b"\xc2\xbe", b"\xe2\x85")


def _start_words(lowered: str) -> list[re.Match[str]]:
    """``_START_LOWER_WORDS.finditer(lowered)``, tried only where a word of the pattern stands."""
    encoded = lowered.encode("utf-8", "surrogatepass")
    if not lowered.isascii() and any(v in encoded for v in _VULGAR_BYTES):
        return list(_START_LOWER_WORDS.finditer(lowered))
    spaced = encoded.translate(_WORD_BYTES)
    words = set(spaced.split())
    found = words & _OPENING_WORDS
    if spaced.startswith(b"fy") or b" fy" in spaced:  # a word opens with it: "fy2022"
        found.update(w for w in words if w.startswith(b"fy"))
    at_words: list[int] = []
    for word in found:
        spelled = word.decode()
        at = lowered.find(spelled)
        while at >= 0:
            # no match opens inside a word ("one" of "someone"): the pattern opens with \b
            if not at or not (lowered[at - 1].isalnum() or lowered[at - 1] == "_"):
                at_words.append(at)
            at = lowered.find(spelled, at + 1)
    matches: list[re.Match[str]] = []
    end = 0
    for at in sorted(at_words):
        if at >= end and (m := _START_LOWER_WORDS.match(lowered, at)):
            matches.append(m)
            end = m.end()
    return matches


def _starts(text: str, runs: list[int]) -> list[tuple[int, int, bool]]:
    """Where a number may start and the end of what starts it there, in order, as
    ``_START_RE.finditer(text)`` finds them: (start, end, whether it ends in a digit)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character changed its length: offsets do not hold
        return [
            (m.start(), m.end(), m.group()[-1:].isdigit())
            for m in _START_RE.finditer(text, 0, None, False, KEEP_GIL)
        ]
    words = [(m.start(), m.end(), m.group()[-1:].isdigit()) for m in _start_words(lowered)]
    if not runs:
        return words
    numbers = []
    for m in _DIGIT_RUN.finditer(
        text, runs[0], None, False, KEEP_GIL
    ):  # "[-−]?+\.?+[0-9]++" ends each run
        start = m.start()
        if text[start - 1 : start] in _GLUED_ENDS and (
            glued := _GLUED_BEFORE.search(text, max(0, start - _GLUED_REACH), start, KEEP_GIL)
        ):
            numbers.append((glued.start(), m.end(), True))  # "EF3": from its name
            continue
        if text[start - 1 : start] == ".":
            start -= 1
        if text[start - 1 : start] in _SIGNS:
            start -= 1
        numbers.append((start, m.end(), True))
    merged = []
    end = 0
    for start in sorted([*words, *numbers]):  # a digit of "q4" is no start of its own
        if start[0] >= end:
            merged.append(start)
            end = start[1]
    return merged


_ARTICLE_BEFORE = regex.compile(r"(?i)(?<![\w-])an?\s$")


@dataclass(frozen=True, slots=True)
class _Hit:
    """A match of the number pattern, with the end of the number read from its words."""

    m: regex.Match[str]
    end: int
    reading: Reading | None = None


_GROUP_CHAIN = regex.compile(r"(?:[,\u00a0\u202f\u2009][0-9]++)++")
_TOKEN_RE = regex.compile(r"[A-Za-z]++")


def _numbers(text: str, runs: list[int]) -> Iterator[_Hit]:
    """Matches of the number pattern, tried only where a number may start; ``runs``: the
    text's ``digit_runs``."""
    until = 0
    for pos, hit_end, digit_end in _starts(text, runs):
        if pos < until:
            continue
        m = None
        article = _ARTICLE_BEFORE.search(text, max(0, pos - 3), pos, KEEP_GIL)
        if article:  # "a dozen", "a third of"
            m = _NUMBER_RE.match(text, article.start(), None, KEEP_GIL)
        m = m or _NUMBER_RE.match(text, pos, None, KEEP_GIL)
        if m is None and text[pos] in "-−.":  # "Rs.20": the point is the symbol's
            m = _NUMBER_RE.match(text, pos + 1, None, KEEP_GIL)
        if digit_end:
            # Digits grouped on and on, to a bad end ("1 111 111,5"): no figure in the chain,
            # and it is passed once, never rescanned from each group.
            chain = _GROUP_CHAIN.match(text, hit_end, None, KEEP_GIL)
            if chain and (m is None or m.end() <= chain.start()):
                until = chain.end()
                continue
        if m is None:
            continue
        if m.group("words"):
            tokens = list(_TOKEN_RE.finditer(m.group("words"), 0, None, False, KEEP_GIL))
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


def digit_runs(text: str) -> list[int]:
    """Where each run of digits starts: the patterns that need a digit are tried there only."""
    return [m.start() for m in _DIGIT_RUN.finditer(text, 0, None, False, KEEP_GIL)]


def matches_at(
    pattern: regex.Pattern[str], text: str, starts: Iterable[int]
) -> list[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts at one of ``starts``
    (ascending): it is tried there only, not at every character."""
    found: list[regex.Match[str]] = []
    end = 0
    for at in starts:
        if at >= end and (m := pattern.match(text, at, None, KEEP_GIL)):
            found.append(m)
            end = m.end()
    return found


def near_digits(
    pattern: regex.Pattern[str], text: str, runs: list[int], lead: int, reach: int
) -> list[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match has a run of digits start at
    most ``lead`` characters after its own start, and reads (lookarounds included) at most
    ``reach`` characters past that run's start: it is searched for around the runs only."""
    found: list[regex.Match[str]] = []
    end = 0
    for run in runs:
        if run < end:
            continue
        m = pattern.search(text, max(end, run - lead), run + reach, KEEP_GIL)
        if m is not None and m.start() <= run:
            found.append(m)
            end = m.end()
    return found


def noise_spans(text: str, runs: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans that are never claims: links, e-mail addresses, phone numbers, times, list marks.
    ``runs``: the text's ``digit_runs``, when known."""
    runs = digit_runs(text) if runs is None else runs
    found = list(_EMAIL.finditer(text, 0, None, False, KEEP_GIL))
    if "://" in text or any(www in text for www in _WWW):  # every link holds one
        found += _LINK.finditer(text, 0, None, False, KEEP_GIL)
    for pattern in _NOISE_AT_DIGITS:
        found += matches_at(pattern, text, runs)
    opened = (
        at for run in runs for at in ((run - 1, run) if text[run - 1 : run] == "(" else (run,))
    )
    found += matches_at(_PHONE, text, opened)
    found += matches_at(_INTERNATIONAL_PHONE, text, (r - 1 for r in runs if text[r - 1 : r] == "+"))
    lines = (
        at
        for run in runs
        for at in range(max(0, run - 4), run + 1)
        if at == 0 or text[at - 1] == "\n"
    )
    found += matches_at(_LIST_MARK, text, lines)
    found += _identifiers(text, runs)
    return sorted(m.span() for m in found)


def _identifiers(text: str, runs: list[int]) -> list[regex.Match[str]]:
    """``_IDENTIFIER.finditer(text)``: a name, spaces, then a run of digits ("Tier 1")."""
    found: list[regex.Match[str]] = []
    end = 0
    for run in runs:
        if run < end or not (space := _SPACE_BEFORE.match(text, end, run, KEEP_GIL)):
            continue
        lo = max(end, space.start() - _IDENTIFIER_HEAD_CHARS)
        if (m := _IDENTIFIER.search(text, lo, run + 6, KEEP_GIL)) and not rating(
            text, run, m.end()
        ):
            found.append(m)
            end = m.end()
    return found


# A rating named right before its number ("Category 4"): see numbers.toml [ratings].
_RATING_HEADS = {head: measure for measure, r in RATINGS.items() for head in r.heads}
_RATING_BEFORE = regex.compile(
    r"\b(?P<head>" + word_trie(list(_RATING_HEADS)) + r")(?P<join>[ \u00a0]|-?+)$"
)
_RATING_HEAD_ENDS = frozenset(head[-1] for head in _RATING_HEADS)
_RATED = {
    measure: regex.compile(r"(?i)\b(?:" + word_trie(list(r.rated)) + r")\b")
    for measure, r in RATINGS.items()
}
_RATED_AFTER = {  # in the two words after it at most: "Category 3 tropical storm"
    measure: regex.compile(
        r"(?i)(?:[ \u00a0-]++[\w]++){0,2}?[ \u00a0-]++(?:" + word_trie(list(r.rated)) + r")\b"
    )
    for measure, r in RATINGS.items()
}
_RATED_BEFORE = 300


def rating(text: str, start: int, end: int, spelled: float | None = None) -> tuple[int, str] | None:
    """The rating whose digits (or the number words worth ``spelled``: "force nine") run from
    ``start`` to ``end``, named right before them, where a word of what its scale rates stands
    near ("a Category 4 hurricane"): where it starts (at its name) and the scale's measure.
    None for no rating ("a Category 2 visa")."""
    named = start - 1 if text[start - 1 : start] in " \u00a0-" else start
    if text[named - 1 : named] not in _RATING_HEAD_ENDS:
        return None
    head = _RATING_BEFORE.search(text, max(0, start - 12), start, KEEP_GIL)
    digits = text[start:end]
    if head is None or not (digits.isdigit() or spelled is not None):
        return None
    measure = _RATING_HEADS[head.group("head")]
    if head.group("join") not in (" ", "\u00a0") and not RATINGS[measure].glued:
        return None
    value = int(digits) if spelled is None else spelled
    if not RATINGS[measure].lowest <= value <= RATINGS[measure].highest or value % 1:
        return None
    lo = max(0, start - _RATED_BEFORE)
    lo = max(lo, text.rfind("\n\n", lo, start) + 1)  # its paragraph only
    if _RATED[measure].search(text, lo, head.start()) or _RATED_AFTER[measure].match(text, end):
        return head.start(), measure
    return None


def _in_noise(noise: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and noise[i][1] > start:
        return True
    return i + 1 < len(noise) and noise[i + 1][0] < end
