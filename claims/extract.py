"""Find every numeric claim in a text: one pass of compiled patterns, then context rules."""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace

import regex

from claims import measures, roles
from claims.context import ACTORS, Sentences, content_words, names_in, normalise_name
from claims.dates import DATE_RE, parse_date
from claims.model import Claim
from claims.numbers import (
    DENOMINATORS,
    FRACTIONS,
    GROUPS,
    MAX_DIGITS,
    MULTIPLIERS,
    ORDINALS,
    SCALE_SUFFIXES,
    SCALES,
    SCALES_AFTER_DIGITS,
    SIGNS,
    TENS,
    UNITS,
    VAGUE,
    VERBAL_MULTIPLIERS,
    Reading,
    parse_digits,
    parse_words,
    read_tokens,
    word_trie,
)
from claims.qualifiers import HEDGE_AFTER, HEDGE_BEFORE, interval_for, qualifier_for
from claims.units import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    GLUED,
    PERCENTAGE_POINTS,
    Unit,
    lookup,
)
from claims.units import SYMBOLS as UNIT_SYMBOLS

# Number words as a run of tokens on one line; ``read_tokens`` finds the number in it.
_TOKEN = (
    "(?:"
    + word_trie([*UNITS, *TENS, *SCALES, *GROUPS, *DENOMINATORS, *SIGNS, "and", "a", "an",
                 "point", "over"])
    + r")(?![\w])"
)  # fmt: skip
_RUN_START = (
    "(?:"
    + word_trie([*UNITS, *TENS, *SIGNS])
    + r"|an?(?=[ \t]++(?:half|quarter|dozen|hundred|thousand|million|billion|trillion|lakh"
    + r"|crore|hundredth|thousandth|millionth|billionth|trillionth)\b)"
    + r"|half(?=[ \t]++an?[ \t]++(?:dozen|hundred|thousand|million|billion|trillion)\b)"
    + r"|quarter(?=[ \t]++(?:thousand|million|billion|trillion)\b))(?![\w])"
)
# A hard-wrapped line goes on ("two hundred and" / "thirty-four"); a blank line never does.
_SEP = r"(?:[ \t\u00a0]++(?:\r?+\n[ \t\u00a0]*+)?+|\r?+\n[ \t\u00a0]*+|[ \t]*+-[ \t]*+)"
_WORDS = rf"{_RUN_START}(?:{_SEP}{_TOKEN}){{0,24}}+"
_ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_MULT = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
_VAGUE = "|".join(VAGUE)
_FRAC = "|".join(sorted((f.replace(" ", r"\s+") for f in FRACTIONS), key=len, reverse=True))
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"

_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_MONEY_SUFFIXES = frozenset({"M", "B", "T"})
# Digits not glued to a word or designator (F-16, G20, COVID-19, TU-160), nor part of a longer
# number, time of day or version string.
_NUMBER_RE = regex.compile(
    r"(?<![\w.,:/#@&=+]|[A-Za-z][-–]|[0-9][-–]|[-–][0-9])(?P<sign>[-−](?=[0-9]))?+(?:"
    # "10 1/2", "3/4": proper fractions only ("24/7" and "9/11" are no fractions)
    r"(?:(?P<whole>[0-9]{1,3})[ \t\u00a0]++)?+(?P<num>[0-9]{1,2})/(?P<den>[0-9]{1,2})"
    r"(?![\w/]|[.,][0-9])"
    r"|(?P<digits>[0-9]{1,3}(?:,[0-9]{3})++(?:\.[0-9]++)?+"
    r"|[0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3})++(?:[.,][0-9]++)?+"
    r"|[0-9]{1,3}(?:[ ][0-9]{3}(?![0-9]))++(?:\.[0-9]++)?+(?![ ]?[-–]|[ ][0-9])"
    r"|[0-9]++(?:\.[0-9]++)?+|\.[0-9]++)"
    rf"(?P<vulgar>[{_VULGAR}])?+"
    r"(?P<exp>[eE][+-]?[0-9]{1,3}|[ \t]?[x×][ \t]?10(?:\^[+−-]?|[−-])[0-9]{1,3}"
    r"|\^[+-]?[0-9]{1,3})?+"
    r"(?P<suffix>" + word_trie(sorted({*SCALE_SUFFIXES, *_ORDINAL_SUFFIXES, *GLUED})) + ")?"
    r"(?![\w]|[.,:][0-9]|/[0-9]))"
    rf"|(?<![\w])(?P<vulgar>[{_VULGAR}])(?![\w])"
    rf"|(?i:(?<![\w-])(?P<frac>{_FRAC})(?=\s+of\b))"
    rf"|(?i:(?<![\w-])(?P<words>{_WORDS}))"
    rf"|(?i:(?<![\w-])(?P<ordinal>{_ORD})(?![\w-]))"
    r"|(?<![\w-])(?:Q(?P<quarter>[1-4])|(?P<quarter>[1-4])Q)(?![\w-])"
    rf"|(?i:(?<![\w-])(?P<mult>{_MULT})(?![\w-]))"
    rf"|(?i:(?<![\w-])(?P<vague>{_VAGUE})(?![\w-]))"
)

# Names that a number follows as an identifier, not a count: "Boeing 737", "Tier 1".
_IDENTIFIER_HEADS = word_trie(
    [
        *"""Article Section Chapter Room Flight No. Number Route Highway Tier Level Category
        Phase Stage Grade Class Type Model Version Gate Terminal Platform Boeing Airbus Windows
        iPhone iOS Android Apollo Interstate FTSE S&P Nasdaq Dow Page Resolution Amendment
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
        r"(?=[0-9])(?<=(?i:\b(?:won|lost|drew|beat|defeated|score[sd]?|victory|defeat|draw|win)"
        r"\s++(?:[a-z]++\s++){0,3}?))[0-9]{1,3}[-–][0-9]{1,3}\b",
        r"\b[0-9]{1,4}\s+(?:[A-Z][a-z]+\s+)?(?:Street|Avenue|Road|Lane|Boulevard|Square)\b",
        r"(?<![\w+])\+[0-9]{1,3}(?:[ .-]?[0-9]{2,4}){2,5}(?![\w])",
        r"(?<![\w.])[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?+(?:\s?[ap]\.?m\.?)?+",
        r"(?=[0-9])(?<![\w.])[0-9]{1,2}(?:\.[0-9]{2})?(?:\s?[ap]\.m\.|\s?[ap]m\b)",
        r"(?m:^[ \t]{0,3}+\(?[0-9]{1,3}[.)](?=\s))",
        r"(?=[A-Zi])\b(?:" + _IDENTIFIER_HEADS + r")\s+[0-9]{1,6}+",
    )
)
# Where a number may start: digits, or a number word (one pattern, its words as a trie).
_START_RE = regex.compile(
    r"[-−]?+\.?+[0-9]++|[" + _VULGAR + r"]|(?i:\b(?:"
    + word_trie([*UNITS, *TENS, *SCALES, *GROUPS, *ORDINALS, *MULTIPLIERS, *VAGUE, *SIGNS,
                 *DENOMINATORS, "two-thirds", "three-quarters"])
    + r")\b)|\bQ[1-4]\b"
)  # fmt: skip
_ARTICLE_BEFORE = regex.compile(r"(?i)(?<![\w-])an?\s$")


_CURRENCY_BEFORE = regex.compile(
    r"(?:(?<![A-Za-z])(?P<symbol>"
    + "|".join(regex.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
    + r")[ \u00a0]?|\b(?P<code>"
    + word_trie(list(CURRENCY_CODES))
    + r")[ \u00a0])$"
)
_RANGE_AFTER = regex.compile(
    r"^(?:-[ \t]++to[ \t]++|[ \t\u00a0]*+[-–][ \t\u00a0]*+|\s++to\s++|\s++and\s++)(?:US\$|[$€£])?+"
    r"(?P<high>[0-9]{1,3}(?:,[0-9]{3})++(?:\.[0-9]++)?+|[0-9]++(?:\.[0-9]++)?+)"
    r"(?:(?P<hscale>bn|mn|m|k)\b|\s++(?P<hscale>million|billion|thousand|trillion|bn|mn)\b)?+"
    r"(?![\w.,][0-9])"
)
_BETWEEN_BEFORE = regex.compile(r"(?i)\bbetween\s+(?:US\$|[$€£])?$")
_SCALE_AFTER = regex.compile(
    r"(?i)^(?:[ \t]++|-)(?P<scale>"
    + word_trie(list(SCALES_AFTER_DIGITS))
    + r")(?![\w-])(?:[ \t]++and[ \t]++a[ \t]++(?P<part>half|quarter)\b)?+"
)
_PERCENT_AFTER = regex.compile(
    r"(?i)^(?:\s?+(?:%|&#37;|&percnt;|&#x25;)|\s++per\s?cent\b|\s++percent\b|-per\s?cent\b|\s++percentage\s++points?\b)"
)
# What stands after a number: up to four words or symbols on its line, looked up longest first
# in the unit and currency tables (a regex of every spelling costs a tenth of a second to
# compile, and a dictionary lookup is as fast).
_WORDS_AFTER = regex.compile(
    r"(?P<sep>[ \u00a0]++|-|(?=[°º]))(?P<run>[^\s\d,;:!?()\[\]{}\"'“”‘’<>|*_-]{1,24}+"
    r"(?:[ \u00a0][^\s\d,;:!?()\[\]{}\"'“”‘’<>|*_-]{1,24}+){0,3})"
)
_OLD_OR_NOUN = regex.compile(r"(?P<old>-old\b)|-(?P<noun>[a-z]{3,20})\b")
_NOT_A_DURATION = frozenset({"quarter", "half", "quarters", "halves"})


@dataclass(frozen=True, slots=True)
class _After:
    """A unit or currency read after a number."""

    end: int  # where its spelling ends
    unit: Unit | None = None
    currency: str | None = None
    old: int = 0  # end of "-old" in "45-year-old"
    noun: str | None = None  # "day" of "two-day"... the noun after it: "98-kilometre-long"


def _unit_after(text: str, pos: int, currencies: bool = False) -> _After | None:
    """The unit (or with ``currencies``, the currency) spelled right after ``pos``."""
    w = _WORDS_AFTER.match(text, pos, pos + 120)
    if w is None:
        return None
    parts = list(_SPELLING_PARTS.finditer(w.group("run")))
    for n in range(len(parts), 0, -1):
        spelling = w.group("run")[: parts[n - 1].end()]
        # "two days." ends a sentence, "sq. km" does not: the dot is tried off, then on.
        if spelling.endswith(".") and lookup(spelling) is None:
            spelling = spelling.rstrip(".")
        end = w.start("run") + len(spelling)
        if currencies:
            code = _currency_named(spelling, w.group("sep"))
            if code:
                return _After(end, currency=code)
            continue
        unit = lookup(spelling) if len(spelling) > 1 or w.group("sep") == "-" else None
        if unit is None or (w.group("sep") == "-" and spelling in UNIT_SYMBOLS):
            continue
        if unit.dimension == "time" and n < len(parts) and parts[n].group() in _NOT_A_DURATION:
            return None  # "fiscal 2022 second quarter" is no duration of 2,022 seconds
        if n == len(parts) and (on := _OLD_OR_NOUN.match(text, end)):
            if on.group("old"):
                return _After(end, unit, old=on.end())
            return _After(end, unit, noun=on.group("noun"))
        return _After(end, unit)
    return None


_SPELLING_PARTS = regex.compile(r"[^ \u00a0]++")


def _currency_named(spelling: str, sep: str) -> str | None:
    if not sep.strip() and sep:
        if spelling in _CODES:
            return spelling
        lowered = spelling.lower().removeprefix("us ")
        return CURRENCY_WORDS.get(lowered) or CURRENCY_WORDS.get(spelling.lower())
    return None


_CODES = frozenset(CURRENCY_CODES)
_DETERMINER_BEFORE = regex.compile(
    r"(?i)\b(?:the|a|an|its|their|his|her|our|my|your|this|for\s+the)\s+$"
)
_MODAL_BEFORE = regex.compile(
    r"(?i)\b(?:would|will|to|could|can|may|might|should|set\s+to)\s+(?:[a-z]{1,13}ly\s+)?+"
    r"[\"'“‘]?$"
)
# Ordinals that need no "the": "third quarter", "second half", "first round".
_PERIOD_NOUN_AFTER = regex.compile(r"(?i)^[ -](?:quarter|half|round|wave|term|place|phase)\b")
_PARENTHESIS_BETWEEN = regex.compile(
    r"^\s*+\(\s*+(?:about|approximately|roughly|around|some)?\s*+$"
)
_PARENTHETICAL = regex.compile(r"^\s*+\([^()\n]{0,60}+\)")
_AGED_BEFORE = regex.compile(r"(?i)\baged\s+$")
_YEAR_PREPOSITION = regex.compile(r"(?i)\b(?:in|by|since|until|till|from|during|before|after)\s+$")
_PLURAL_NOUN_AFTER = regex.compile(r"^\s++(?:[a-z]+\s+){0,2}[a-z]{2,}s\b")


@dataclass(frozen=True, slots=True)
class _Figure:
    """A figure located in the text before its context is read."""

    start: int
    end: int
    value: float
    kind: str
    qualifier: str
    unit: Unit | None
    currency: str | None
    high: float | None
    precision: float
    date: str | None
    measure: str


class _Lines:
    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in regex.finditer(r"\n", text))]

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


# A long text is read in parts of about this many characters, cut at paragraph breaks, so the
# working structures (sentences, lines, candidate matches) stay bounded whatever its size.
_PART = 1 << 20


def extract(text: str, source: str = "") -> list[Claim]:
    """Every numeric claim in ``text``, in order of position."""
    topic = _topic(text)
    claims: list[Claim] = []
    lo, line_base = 0, 0
    while lo < len(text):
        hi = _part_end(text, lo)
        claims.extend(_extract_part(text[lo:hi], source, lo, line_base, topic))
        line_base += text.count("\n", lo, hi)
        lo = hi
    return claims


def _part_end(text: str, lo: int) -> int:
    if len(text) - lo <= _PART:
        return len(text)
    limit = lo + _PART
    for separator in ("\n\n", "\n", " "):
        cut = text.rfind(separator, lo + _PART // 2, limit)
        if cut > lo:
            return cut + len(separator)
    return limit


def _extract_part(
    text: str, source: str, base: int, line_base: int, topic: tuple[str, ...]
) -> list[Claim]:
    """The claims of one part of a text; positions are shifted by ``base`` and ``line_base``."""
    noise = noise_spans(text)
    figures = list(_figures(text, noise))
    if not figures:
        return []
    sentences = Sentences.of(text)
    lines = _Lines(text)
    frames: dict[tuple[int, int], tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    names_of: dict[tuple[int, int], list[str]] = {}
    claims: list[Claim] = []
    for fig in figures:
        i = sentences.index(fig.start)
        window = _window(text, sentences, i, fig.start)
        if window not in frames:
            frames[window] = _frame(text, sentences, window, names_of, topic)
        sentence, names, terms = frames[window]
        line, column = lines.position(fig.start)
        claim = _claim(text, fig, source, sentence, terms, line + line_base, column, topic, base)
        if window[1] >= 0:
            claim = replace(claim, sentence_cut=True)
        claims.append(replace(claim, names=names) if names else claim)
    return _with_co_stated(_link_restatements(text, claims, base))


def _figures(text: str, noise: list[tuple[int, int]]) -> Iterator[_Figure]:
    taken_until = 0
    noise_starts = [s for s, _ in noise]
    candidates: list[tuple[int, int, regex.Match[str] | _Hit]] = sorted(
        [(m.start(), 0, m) for m in DATE_RE.finditer(text)]
        + [(h.m.start(), 1, h) for h in _numbers(text)],
        key=lambda c: (c[0], c[1]),
    )
    for start, _, m in candidates:
        end = m.end if isinstance(m, _Hit) else m.end()
        if start < taken_until or _in_noise(noise, noise_starts, start, end):
            continue
        fig = _number(text, m) if isinstance(m, _Hit) else _date(m)
        if fig is None:
            continue
        taken_until = fig.end
        yield fig


@dataclass(frozen=True, slots=True)
class _Hit:
    """A match of the number pattern, with the end of the number read from its words."""

    m: regex.Match[str]
    end: int
    reading: Reading | None = None


_GROUP_CHAIN = regex.compile(r"(?:[,\u00a0\u202f\u2009][0-9]++){1,100000}+")
_TOKEN_RE = regex.compile(r"[A-Za-z]++")


def _numbers(text: str) -> Iterator[_Hit]:
    """Matches of the number pattern, tried only where a number may start."""
    until = 0
    for hit in _START_RE.finditer(text):
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


def _date(m: regex.Match[str]) -> _Figure | None:
    iso = parse_date(m)
    if iso is None:
        return None
    return _Figure(m.start(), m.end(), 0.0, "date", "exact", None, None, None, 0.0, iso, "")


def _number(text: str, hit: _Hit) -> _Figure | None:
    m = hit.m
    start, end = m.start(), hit.end
    before = text[max(0, start - 48) : start]
    if m.group("quarter"):
        value = float(m.group("quarter"))
        return _Figure(start, end, value, "ordinal", "exact", None, None, None, 0.0, None, "")
    if m.group("ordinal"):
        after_word = text[end : end + 40]
        determined = _DETERMINER_BEFORE.search(before) or _PERIOD_NOUN_AFTER.match(after_word)
        if not determined or not measures.noun_phrase(after_word):
            return None
        value = float(ORDINALS[m.group("ordinal").lower()])
        return _Figure(start, end, value, "ordinal", "exact", None, None, None, 0.0, None, "")
    if m.group("mult"):
        word = m.group("mult").lower()
        if word not in VERBAL_MULTIPLIERS and not _MODAL_BEFORE.search(before):
            return None
        qualifier = "exact"
        if hb := HEDGE_BEFORE.search(before):  # "will roughly triple"
            qualifier = qualifier_for(hb.group("hedge"))
            start -= len(before) - hb.start()
        return _Figure(
            start, end, MULTIPLIERS[word], "ratio", qualifier, None, None, None, 0.0, None, ""
        )
    if m.group("frac"):
        # "three-quarters of the border" is a share: 75 percent, comparable with "75 per cent",
        # and as loose as a word for a share is: give or take 2.5 points.
        value = 100 * FRACTIONS[" ".join(m.group("frac").lower().split())]
        qualifier = "exact"
        hb = HEDGE_BEFORE.search(before)
        if hb:
            qualifier = qualifier_for(hb.group("hedge"))
            start -= len(before) - hb.start()
        return _Figure(start, end, value, "percent", qualifier, None, None, None, 2.5, None, "")
    if m.group("vague"):
        vague_low, vague_high = VAGUE[m.group("vague").lower()]
        return _Figure(
            start, end, vague_low, "count", "range", None, None, vague_high, 0.0, None, ""
        )

    suffix = ""
    read = _read_value(text, hit)
    if read is None:
        return None
    value, precision, glued_text = read
    suffix = glued_text.lower()
    glued = lookup(glued_text) if glued_text in GLUED else None
    if glued is not None:
        end -= len(glued_text)  # added back with the unit, after any scale
        suffix = ""
    if suffix in _ORDINAL_SUFFIXES:
        return _Figure(start, end, value, "ordinal", "exact", None, None, None, 0.0, None, "")
    if (sw := _SIGN_WORD_BEFORE.search(before)) and m.group("digits"):  # "minus 5"
        value = -value
        start -= len(before) - sw.start()
        before = text[max(0, start - 48) : start]
    if not suffix and (over := _over(text, end)):
        denominator, over_end = over
        if 0 < abs(value) < denominator:  # "1 over 3" is a third, not the hedge "over 3"
            value, precision, end = value / denominator, 0.0, over_end

    scale = SCALE_SUFFIXES.get(glued_text if glued is None else "", SCALE_SUFFIXES.get(suffix, 1.0))
    currency = None
    cm = _CURRENCY_BEFORE.search(before)
    if cm and m.group("digits"):
        currency = CURRENCY_SYMBOLS.get(cm.group("symbol") or "") or cm.group("code")
        start -= len(cm.group())
        before = text[max(0, start - 48) : start]
    if glued_text in _MONEY_SUFFIXES and currency is None:
        return None  # "€10M" is ten million euros; "Form 3B" is no three billion
    qualifier = "exact"
    high: float | None = None
    after = text[end : end + 64]
    s = _SCALE_AFTER.match(after)
    if s and scale == 1.0 and m.group("digits"):
        scale = SCALES_AFTER_DIGITS[s.group("scale").lower()]
        if s.group("part"):  # "3 million and a half"
            value += 0.5 if s.group("part").lower() == "half" else 0.25
        end += s.end()
        after = text[end : end + 64]
    r = _RANGE_AFTER.match(after) if m.group("digits") else None
    if r:
        try:
            high_value, _ = parse_digits(r.group("high"))
        except ValueError:
            high_value = 0.0
        word = (r.group("hscale") or "").lower()
        high_scale = SCALES.get(word) or SCALE_SUFFIXES.get(word) or 0.0
        if high_scale and scale == 1.0:
            scale = high_scale  # "between 10 and 20 million": the scale serves both
        elif high_scale:
            high_value *= high_scale / scale  # "$100 million to $1.2 billion"
        is_between = _BETWEEN_BEFORE.search(before) is not None
        joined_by_and = r.group().lstrip().startswith("and")
        if high_value > value and (is_between or not joined_by_and):
            qualifier, high = "range", high_value
            end += r.end()
            after = text[end : end + 64]
            if is_between:
                start -= len("between ") + (len(before) - len(before.rstrip()) - 1)
                before = text[max(0, start - 48) : start]
    kind = "count"
    unit: Unit | None = None
    aged, hyphen_noun = False, None
    p = _PERCENT_AFTER.match(after)
    if p:
        kind = "percent"
        end += p.end()
        if "point" in p.group().lower():
            # A change in percentage points is not a percentage: its own unit, its own block.
            unit = PERCENTAGE_POINTS
    elif currency is None and (cw := _unit_after(text, end, currencies=True)):
        currency = cw.currency
        end = cw.end
    elif currency is None and glued is not None:
        unit = glued  # "98km", "5kg", "40°C"
        end += len(glued_text)
    elif currency is None and (u := _unit_after(text, end)):
        unit = u.unit
        aged = bool(u.old)
        hyphen_noun = u.noun
        end = u.old or u.end
    elif currency is None and _AGED_BEFORE.search(before):
        unit, aged = lookup("years"), True  # "aged 45"
    if (
        unit is not None
        and high is None
        and scale == 1.0
        and not aged
        and not _FROM_BEFORE.search(before)
    ):
        span = _unit_range(text, end, unit, _BETWEEN_BEFORE.search(before) is not None)
        if span is not None:  # "44 mg to 50 mg", "-18 °C to -34 °C"
            other, end = span
            value, high = min(value, other), max(value, other)
            qualifier = "range"
            if (between := _BETWEEN_BEFORE.search(before)) is not None:
                start -= len(before) - between.start()
                before = text[max(0, start - 48) : start]
    if currency:
        kind = "money"
    elif kind == "percent":
        pass
    elif unit is not None:
        kind = "duration" if unit.dimension == "time" else "quantity"
    if (
        kind == "count"
        and scale == 1.0
        and m.group("digits")
        and _looks_like_year(m, after, before)
    ):
        kind = "year"

    hb = HEDGE_BEFORE.search(before)
    if hb and qualifier == "exact":
        phrase = " ".join(hb.group("hedge").lower().split())
        if not (phrase in ("over", "under", "some") and kind in ("duration", "year")):
            qualifier = qualifier_for(phrase)
            start -= len(before) - hb.start()
    ha = HEDGE_AFTER.match(text[end : end + 16])
    if ha and qualifier == "exact":
        qualifier = qualifier_for(ha.group("hedge"))
        end += ha.end()
    factor = unit.factor if unit else 1.0
    offset = unit.offset if unit else 0.0
    return _Figure(
        start,
        end,
        value * scale * factor + offset,
        kind,
        qualifier,
        unit,
        currency,
        None if high is None else high * scale * factor + offset,
        abs(precision * scale * factor),
        None,
        _measure_hint(aged, hyphen_noun),
    )


_UNIT_RANGE = regex.compile(
    r"(?:[ \t]*+[-–][ \t]*+|[ \t]++to[ \t]++|[ \t]++(?P<and>and)[ \t]++)"
    r"(?P<sign>[-−])?+(?P<high>[0-9]{1,3}(?:,[0-9]{3})++(?:\.[0-9]++)?+|[0-9]++(?:\.[0-9]++)?+)"
)


_FROM_BEFORE = regex.compile(r"(?i)\bfrom\s++$")  # "rose from 40 km to 50 km": a change


def _unit_range(text: str, end: int, unit: Unit, between: bool) -> tuple[float, int] | None:
    """The other end of a range whose two figures each carry the unit, and where it ends."""
    r = _UNIT_RANGE.match(text, end, end + 40)
    if r is None or (r.group("and") and not between):
        return None
    after = _unit_after(text, r.end())
    if after is None or after.unit != unit:
        return None
    try:
        other = parse_digits(r.group("high"))[0]
    except ValueError:
        return None
    return (-other if r.group("sign") else other), after.end


_DENOMINATORS_OF_DIGITS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})
_OVER_AFTER = regex.compile(r"[ \t]++over[ \t]++")


def _over(text: str, end: int) -> tuple[float, int] | None:
    """The number after "over" right after a figure, and where it ends."""
    o = _OVER_AFTER.match(text, end, end + 12)
    m = _NUMBER_RE.match(text, o.end()) if o else None
    if m is None or not (m.group("digits") or m.group("words")):
        return None
    if m.group("digits"):
        try:
            return parse_digits(m.group("digits"))[0], m.end()
        except ValueError:
            return None
    tokens = list(_TOKEN_RE.finditer(m.group("words")))
    reading = read_tokens([t.group().lower() for t in tokens])
    if reading is None or reading.fraction:
        return None
    return reading.value, m.start("words") + tokens[reading.used - 1].end()


_SIGN_WORD_BEFORE = regex.compile(r"(?i)(?<![\w-])(?:minus|negative)\s++$")
_EXPONENT = regex.compile(r"(?P<power>[+−-]?[0-9]{1,3})$")


def _read_value(text: str, hit: _Hit) -> tuple[float, float, str] | None:
    """The value of a number as written, the half-step of its precision, and its suffix."""
    m = hit.m
    sign = -1.0 if m.group("sign") else 1.0
    if m.group("den"):
        num, den = int(m.group("num")), int(m.group("den"))
        if not 0 < num < den or den not in _DENOMINATORS_OF_DIGITS:
            return None
        whole = int(m.group("whole") or 0)
        return sign * (whole + num / den), 0.5 / den, ""
    if m.group("vulgar") and not m.group("digits"):
        return unicodedata.numeric(m.group("vulgar")), 0.01, ""
    if m.group("digits"):
        digits = m.group("digits")
        if len(digits) > MAX_DIGITS + 4:  # separators and decimals included
            return None
        try:
            value, precision = parse_digits(digits)
        except ValueError:
            return None
        if m.group("vulgar"):
            value, precision = value + unicodedata.numeric(m.group("vulgar")), 0.01
        if exp := m.group("exp"):
            power = _power(digits, exp)
            if power is None:
                return None
            value, precision = power, 0.0
        return sign * value, precision, m.group("suffix") or ""
    if hit.reading is None:
        return None
    words = text[m.start() : hit.end]
    after = text[hit.end : hit.end + 30]
    if words.lower() == "one" and not (_unit_after(text, hit.end) or _OVER_AFTER.match(after)):
        return None
    return hit.reading.value, 0.01 if hit.reading.fraction else 0.5, ""


def _power(digits: str, exp: str) -> float | None:
    """ "12.32e+14", "1.3x10^6", "2.48×10−5", "1.1^23": scientific notation or a power. A bare
    "2e5" is more often a code than a figure: a mantissa without a point needs a signed
    exponent."""
    mantissa = float(digits.replace(",", ""))
    m = _EXPONENT.search(exp)
    if m is None:
        return None
    tail = m.group("power").replace("−", "-")
    power = int(tail)
    try:
        if exp[0] in "eE":
            if "." not in digits and tail[0] not in "+-":
                return None
            return mantissa * 10.0**power
        if exp.lstrip()[0] in "x×":
            return mantissa * 10.0**power
        return float(mantissa**power)
    except OverflowError:
        return None


def _measure_hint(aged: bool, hyphen_noun: str | None) -> str:
    if aged:
        return "\x00aged"
    return hyphen_noun or ""


_TOPIC_SIZE = 8
_LOWER_WORD = regex.compile(r"(?<![\w'’])[a-z][a-z-]{2,30}+(?![\w'’])")
_TOPIC_TEXT = 20_000  # names in the opening of a long text say what it is about


def _topic(text: str) -> tuple[str, ...]:
    """The names a text mentions most: what the whole article is about."""
    opening = text[:_TOPIC_TEXT]
    # A capitalised word also written in lower case ("About", "Flash") opens a sentence.
    lower = set(_LOWER_WORD.findall(opening))
    counts: dict[str, int] = {}
    for name in names_in(opening):
        if name not in lower:
            counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts, key=lambda n: (-counts[n], n))
    return tuple(ranked[:_TOPIC_SIZE])


def _looks_like_year(m: regex.Match[str], after: str, before: str) -> bool:
    digits = m.group("digits")
    if len(digits) != 4 or not digits.isdigit() or not 1600 <= int(digits) <= 2099:
        return False
    # "in 2019 profits fell": after in/by/since a four-digit figure is a year whatever follows.
    return _YEAR_PREPOSITION.search(before) is not None or _PLURAL_NOUN_AFTER.match(after) is None


_BLANK_LINE = regex.compile(r"\n[ \t\r]*\n")


# A sentence longer than this (a text with no sentence end, a table, a list run together) is
# read as windows around its figures, so that a claim's sentence and frame stay bounded and the
# output grows with the text, not with its square.
_SENTENCE_KEPT = 1200
_BLOCK = 400
_SPACE = regex.compile(r"\s")


def _window(text: str, sentences: Sentences, i: int, at: int) -> tuple[int, int]:
    """Sentence ``i`` and which window of it holds offset ``at`` (-1: the whole sentence)."""
    s, e = sentences.span(i)
    if e - s <= _SENTENCE_KEPT:
        return i, -1
    return i, (min(at, e - 1) - s) // _BLOCK


def _span(text: str, sentences: Sentences, window: tuple[int, int]) -> tuple[int, int]:
    """The characters of a window: three blocks around the figure's, cut at spaces."""
    i, block = window
    s, e = sentences.span(i)
    if block < 0:
        return s, e
    ws, we = s + max(0, block - 1) * _BLOCK, min(e, s + (block + 2) * _BLOCK)
    if ws > s and (space := _SPACE.search(text, ws, min(we, ws + 40))):
        ws = space.end()
    if we < e and (last := text.rfind(" ", max(ws, we - 40), we)) > ws:
        we = last
    return ws, we


def _frame(
    text: str,
    sentences: Sentences,
    window: tuple[int, int],
    names_of: dict[tuple[int, int], list[str]],
    topic: tuple[str, ...],
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A figure's sentence, its names, and its frame terms: the names and content words of the
    sentence, with the names of the sentence before it in the same paragraph."""
    s, e = _span(text, sentences, window)
    sentence = text[s:e].strip()
    names = list(_sentence_names(text, sentences, window, names_of, topic))
    words = content_words(sentence)
    i = window[0]
    if i > 0 and window[1] <= 0:
        pe = sentences.span(i - 1)[1]
        if not _BLANK_LINE.search(text, pe, s):
            before = _window(text, sentences, i - 1, pe)
            names += _sentence_names(text, sentences, before, names_of, topic)
    return (
        " ".join(sentence.split()),
        tuple(dict.fromkeys(names)),
        tuple(dict.fromkeys([*names, *words])),
    )


def _sentence_names(
    text: str,
    sentences: Sentences,
    window: tuple[int, int],
    names_of: dict[tuple[int, int], list[str]],
    topic: tuple[str, ...],
) -> list[str]:
    if window not in names_of:
        s, e = _span(text, sentences, window)
        names = names_in(text[s:e])
        # A capital that only opens the sentence ("Rescue teams are searching") names nothing,
        # unless the article names it again or it is a country.
        first = _OPENING_CAPITAL.match(text, s, e) if window[1] <= 0 else None
        if (
            names
            and first
            and names[0] == normalise_name(first.group())
            and " " not in names[0]
            and names[0] not in ACTORS
            and names[0] not in topic
        ):
            names = names[1:]
        names_of[window] = names
    return names_of[window]


_OPENING_CAPITAL = regex.compile(r"[\s\"“‘'(]*+\K[A-Z][\w'’.-]{0,30}+")


_SCOPE_RE = regex.compile(
    r"^[^,;:()\n—–]{0,40}?\b(?:in|inside|near|across|over|at)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’.-]{1,30}(?:\s+[A-Z][\w'’.-]{1,30}){0,2})"
)


_PERIOD_RE = regex.compile(
    r"^[^,;:()\n—–]{0,30}?\b(?:over|in|within|during)\s+(?:the\s+(?:past|last|first)\s+)?"
    r"(?P<n>[0-9]{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|24|48|72)\s+"
    r"(?P<unit>hours?|days?|weeks?|months?|years?)\b",
    regex.IGNORECASE,
)


# The time a figure is for: "3.2 percent in October", "$5 billion in 2023", "in the third quarter".
_WHEN_RE = regex.compile(
    r"^[^,;:()\n—–]{0,30}?\b(?:in|during|for|since|as\s+of)\s+(?:the\s+)?(?:"
    r"(?:(?P<qword>first|second|third|fourth)\s+quarter|Q(?P<q>[1-4]))"
    r"(?:\s+(?:of\s+)?(?P<qyear>1[6-9][0-9][0-9]|20[0-9][0-9]))?"
    r"|(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?:\s+(?P<myear>1[6-9][0-9][0-9]|20[0-9][0-9]))?"
    r"|(?P<year>1[6-9][0-9][0-9]|20[0-9][0-9]))(?![\w-])"
)
_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        "january february march april may june july august september october november "
        "december".split()
    )
}
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _time(after: str) -> str | None:
    """The time the figure's own phrase pins it to, normalised: "2023", "2023-10", "--10" (a
    month of no stated year), "Q3", "Q3 2023"."""
    w = _WHEN_RE.match(after)
    if w is None:
        return None
    if w.group("year"):
        return w.group("year")
    if w.group("month"):
        month = _MONTHS[w.group("month").lower()]
        return f"{w.group('myear')}-{month:02d}" if w.group("myear") else f"--{month:02d}"
    quarter = w.group("q") or str(_QUARTER_WORDS[w.group("qword").lower()])
    return f"Q{quarter} {w.group('qyear')}" if w.group("qyear") else f"Q{quarter}"


_SENTENCE_END = regex.compile(r"(?<=[a-z]{2})[.!?]\s")


def _place(after: str) -> str | None:
    """The named place the figure's own phrase pins it to: "airstrikes in Syria"."""
    m = _SCOPE_RE.match(after)
    # "in Syria. It has": the name ends with its sentence ("U.S." is one word).
    names = names_in(_SENTENCE_END.split(m.group("name"), maxsplit=1)[0]) if m else []
    return names[0] if names else None


def _period(after: str) -> str | None:
    """The period the figure is counted over, in days: "2,300 strikes over two days" is a
    rate, not a running total."""
    p = _PERIOD_RE.match(after)
    if p is None:
        return None
    n = p.group("n").lower()
    amount = 1.0 if n in ("a", "an") else float(n) if n.isdigit() else parse_words(n)
    unit = lookup(p.group("unit").lower())
    if amount is None or unit is None:
        return None
    return f"{amount * unit.factor:g} days"


def _claim(
    text: str,
    fig: _Figure,
    source: str,
    sentence: str,
    terms: tuple[str, ...],
    line: int,
    column: int,
    topic: tuple[str, ...],
    base: int = 0,
) -> Claim:
    before = text[max(0, fig.start - 80) : fig.start]
    after = text[fig.end : fig.end + 120]
    after_np = after[p.end() :] if (p := _PARENTHETICAL.match(after)) else after
    unit = fig.unit
    if fig.kind == "date":
        measure = measures.date_measure(before, after)
    elif fig.kind == "year":
        measure = measures.year_measure(before)
    elif fig.kind == "ordinal":
        quarter = "Q" in text[fig.start : fig.end]  # "Q4", "4Q"
        measure = "quarter" if quarter else measures.ordinal_measure(after)
    elif fig.kind == "ratio":
        measure = measures.ratio_measure(before, after)
    elif fig.kind == "percent":
        measure = measures.share_measure(after, before)
    elif fig.kind == "money":
        measure = measures.thing_measure(before, after_np, "amount", fig.qualifier != "exact")
    elif fig.kind == "duration":
        aged = fig.measure == "\x00aged"
        measure = measures.duration_measure(after, None if aged else fig.measure or None, aged)
    elif fig.kind == "quantity" and unit is not None:
        measure = measures.quantity_measure(before, after_np, unit.dimension)
    else:
        measure = measures.count_measure(before, after)
    superseded = fig.kind == "count" and measures.superseded(before)
    interval = interval_for(fig.value, fig.qualifier, high=fig.high)
    near, actors = _clause(before, after)
    if fig.kind == "date":
        value = low = high = None
    else:
        value, low, high = fig.value, interval.low, interval.high
    base_unit = (
        (unit.base if unit else "percent")
        if fig.kind == "percent"
        else fig.currency
        if fig.kind == "money"
        else unit.base
        if unit
        else None
    )
    return Claim(
        source=source,
        text=text[fig.start : fig.end],
        value=value,
        low=low,
        high=high,
        unit=base_unit,
        kind=fig.kind,
        qualifier=fig.qualifier,
        measure=measure,
        sentence=sentence,
        line=line,
        column=column,
        start=fig.start + base,
        end=fig.end + base,
        low_inclusive=interval.low_inclusive if fig.kind != "date" else True,
        high_inclusive=interval.high_inclusive if fig.kind != "date" else True,
        precision=fig.precision if fig.kind != "date" else None,
        stated_unit=unit.symbol if unit else None,
        date=fig.date,
        terms=terms,
        near=near,
        topic=topic,
        actors=actors,
        increment=fig.kind == "count" and measures.is_increment(after),
        superseded=superseded,
        time=_time(after_np),
        place=_place(after_np),
        period=_period(after_np),
        direction=roles.direction(before, after),
        comparison=roles.comparison(before, after),
        lemma=measures.lemma(measure),
    )


_CLAUSE_BREAK = regex.compile(r"[.;:!?()\[\]—–\r\n]")


def _clause_words(before: str, after: str) -> tuple[str, str]:
    left = _CLAUSE_BREAK.split(before)[-1]
    right = _CLAUSE_BREAK.split(after, maxsplit=1)[0]
    return " ".join(left.split()[-6:]), " ".join(right.split()[:6])


def _clause(before: str, after: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The figure's own clause, up to six words either side: its names and content words
    (``near``), and the countries or blocs among the names, whose figure it is (``actors``)."""
    left, right = _clause_words(before, after)
    names = [*names_in(left), *names_in(right)]
    near = tuple(dict.fromkeys([*names, *content_words(left), *content_words(right)]))
    return near, tuple(dict.fromkeys(n for n in names if n in ACTORS))


_CO_STATED_KEPT = 4


def _with_co_stated(claims: list[Claim]) -> list[Claim]:
    """Cross-mark the figures of a sentence: the years and dates stated beside a figure are its
    ``co_stated`` ("sales of $5bn in 2023" and "2023 sales contracted for $5bn" share 2023
    whatever words they use), and the other figures beside a year or date are the year's (a
    year is the same claim as another only when they date the same figure)."""
    times: dict[str, dict[str, None]] = {}
    figures: dict[str, dict[str, None]] = {}
    for c in claims:
        if c.kind in ("year", "date"):
            mark = c.date if c.kind == "date" and c.date else f"{c.value:.0f}"
            kept = times.setdefault(c.sentence, {})
            if len(kept) < _CO_STATED_KEPT:
                kept[mark] = None
        elif c.value is not None:
            kept = figures.setdefault(c.sentence, {})
            if len(kept) < _CO_STATED_KEPT:
                kept[f"{c.value:g}"] = None
    if not times:
        return claims
    # One tuple per sentence and role, shared by its figures: linear in the claims.
    shared: dict[tuple[str, bool], tuple[str, ...]] = {}
    out = []
    for c in claims:
        dated = c.kind in ("year", "date")
        marks = (figures if dated else times).get(c.sentence)
        if not marks:
            out.append(c)
            continue
        key = (c.sentence, dated)
        if key not in shared:
            shared[key] = tuple(marks)
        out.append(replace(c, co_stated=shared[key]))
    return out


def _link_restatements(text: str, claims: list[Claim], base: int = 0) -> list[Claim]:
    """Join "1 kilogram (2.2 pounds)": the bracketed figure restates the one before it."""
    out = list(claims)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if (
            prev.unit is not None
            and prev.unit == cur.unit
            and _PARENTHESIS_BETWEEN.match(text[prev.end - base : cur.start - base])
        ):
            qualifier = cur.qualifier if cur.qualifier != "exact" else prev.qualifier
            interval = interval_for(cur.value or 0.0, qualifier, high=cur.high)
            out[i] = replace(
                cur,
                measure=prev.measure,
                superseded=prev.superseded,
                lemma=prev.lemma,
                qualifier=qualifier,
                low=interval.low,
                high=interval.high,
                low_inclusive=interval.low_inclusive,
                high_inclusive=interval.high_inclusive,
                restates=prev.start,
            )
    return out
