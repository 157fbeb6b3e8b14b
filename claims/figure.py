"""Reading one figure: its number, scale, unit or currency, range and hedge."""

from __future__ import annotations

import dataclasses
import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from claims import measures
from claims.context import STOPWORDS
from claims.dates import DATE_LEAD, DATE_RE, DATE_REACH, TIME_RE, TIME_REACH, minutes_of, parse_date
from claims.engines import KEEP_GIL
from claims.numbers import (
    DENOMINATORS,
    FRACTIONS,
    IDIOMS,
    MAX_DIGITS,
    MULTIPLIERS,
    ORDINALS,
    SCALE_SUFFIXES,
    SCALES,
    SCALES_AFTER_DIGITS,
    SCORE_AFTER,
    SCORE_BEFORE,
    SHARE_JOINS,
    VAGUE,
    VERBAL_MULTIPLIERS,
    parse_digits,
    read_tokens,
    word_trie,
)
from claims.qualifiers import (
    GLUED_HEDGE_AFTER,
    HEDGE_AFTER,
    NOT_BEFORE_OF,
    NOT_BEFORE_OF_DIMENSIONS,
    NOT_BEFORE_TIME,
    hedge_before,
    negated,
    qualifier_for,
)
from claims.roles import RANK_BEFORE, SPAN_FROM_BEFORE
from claims.scan import (
    _MONEY_SUFFIXES,
    _NUMBER_RE,
    _ORDINAL_SUFFIXES,
    _POINT_SUFFIXES,
    _RATING_BEFORE,
    _TOKEN_RE,
    _Hit,
    _in_noise,
    _numbers,
    near_digits,
    rating,
)
from claims.units import (
    BASIS_POINTS,
    COMPOUND_ENDS,
    CURRENCY_AFTER_SCALE,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    GLUED,
    PARTS_AFTER_HYPHEN,
    PERCENTAGE_POINTS,
    SUBUNITS,
    TEMPERATURE_CHANGE_AFTER,
    Unit,
    lookup,
)
from claims.units import NAMES as UNIT_NAMES
from claims.units import SYMBOLS as UNIT_SYMBOLS

_CURRENCY_BEFORE = regex.compile(
    r"(?:(?<![A-Za-z])(?P<symbol>"
    + "|".join(regex.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
    + r")[ \u00a0]?|\b(?P<code>"
    + word_trie(list(CURRENCY_CODES))
    + r")[ \u00a0])$"
)
# Every match ends in a symbol's last character, with one space or none after it, or in a code
# and one space, at the end or before a last line break: searched for only when the text ends so.
_SYMBOL_LAST = frozenset(symbol[-1] for symbol in CURRENCY_SYMBOLS)
_CODE_LAST = frozenset(code[-1] for code in CURRENCY_CODES)


def currency_before(before: str) -> regex.Match[str] | None:
    """``_CURRENCY_BEFORE.search(before)``: the currency symbol or code right before a figure."""
    end = before[:-1] if before.endswith("\n") else before
    last = end[-1:]
    if last in (" ", "\u00a0"):
        last = end[-2:-1]
        if last not in _SYMBOL_LAST and last not in _CODE_LAST:
            return None
    elif last not in _SYMBOL_LAST:
        return None
    return _CURRENCY_BEFORE.search(before, 0, None, KEEP_GIL)


_RANGE_AFTER = regex.compile(
    r"^(?:-[ \t]++to[ \t]++|[ \t\u00a0]*+[-–][ \t\u00a0]*+|\s++to\s++|\s++and\s++)(?:US\$|[$€£])?+"
    r"(?P<high>[0-9]{1,3}(?:,[0-9]{3})++(?:\.[0-9]++)?+|[0-9]++(?:\.[0-9]++)?+)"
    r"(?:(?P<hscale>bn|mn|m|k)\b|\s++(?P<hscale>million|billion|thousand|trillion|bn|mn)\b)?+"
    r"(?![\w.,][0-9])"
)
# Digit groups split by a space after the comma, as tokenised text writes them ("£100, 000").
_SPLIT_GROUPS = regex.compile(r"(?:, [0-9]{3})++(?![0-9])")
# A scale set apart from its figure, as tokenised text writes money ("£ 50 m", "$ 3 bn").
_SPACED_MONEY_SCALE = regex.compile(
    r"^[ \u00a0](?P<scale>" + "|".join(k for k in SCALE_SUFFIXES if k.islower()) + r")(?![\w-])"
)
# "m" set apart from a bare figure, before a singular noun, is the metre's symbol ("a 46 m
# well", "the 5,000 m final"); glued, it is millions ("a 3.5m fine"), and before a plural noun
# it is millions as tokenised text writes them ("30 m people").
_METRES_AFTER = regex.compile(r"[ \u00a0]m[ \u00a0](?P<noun>[a-z]{2,})\b(?!['’])")
_METRE = lookup("metre")
_YEAR_SPAN = regex.compile(r"[-–/]([0-9]{2})(?![0-9]|[.,][0-9])")
SCORE_BASE = 1000
_SCORE_TAIL = regex.compile(r"[ \t]?+[-–][ \t]?+(?P<other>[0-9]{1,2})(?![0-9]|[.,][0-9])")
_SCORE_LIST = regex.compile(r"[,;]?+[ \t]++[0-9]{1,2}[ \t]?+[-–][ \t]?+[0-9]{1,2}\b")
_SCORE_LIST_BEFORE = regex.compile(r"\b[0-9]{1,2}[ \t]?+[-–][ \t]?+[0-9]{1,2}[,;]?+[ \t]++$")
_SCORE_BEFORE = regex.compile(
    r"(?i)\b(?:" + "|".join(SCORE_BEFORE) + r")\s++(?:[\w'’-]++\s++){0,4}?$"
)
_SCORE_AFTER = regex.compile(r"(?i)[ \u00a0-]++(?:" + "|".join(SCORE_AFTER) + r")\b")
_SUBUNIT_ALONE = regex.compile(r"(?i)[ \u00a0]++(?P<word>" + word_trie(list(SUBUNITS)) + r")\b")
# The currency of a hundredth that names none, until its document says which: see
# `in_document_currency`.
DOCUMENT_CURRENCY = "¤"
_TEMPERATURE_CHANGE = regex.compile(
    r"(?i)[ \u00a0]++(?:" + "|".join(TEMPERATURE_CHANGE_AFTER) + r")\b"
)
# A currency symbol of no letter after an amount ("100 €", "100元"), not before another one.
_SYMBOL_AFTER = regex.compile(
    r"[ \u00a0]?+(?P<symbol>"
    + word_trie([s for s in CURRENCY_SYMBOLS if not regex.search(r"[A-Za-z]", s)])
    + r")(?![\w$€£¥]|[ \u00a0]?+[0-9])"
)
_FOLD_AFTER = regex.compile(r"(?i)-?fold\b")
_BETWEEN_BEFORE = regex.compile(r"(?i)\bbetween\s+(?:US\$|[$€£])?$")
_SCALE_AFTER = regex.compile(
    r"(?i)^(?:[ \t]++|-)(?P<scale>"
    + word_trie(list(SCALES_AFTER_DIGITS))
    + r")(?![\w-])(?:[ \t]++and[ \t]++a[ \t]++(?P<part>half|quarter)\b)?+"
)
_PERCENT_AFTER = regex.compile(
    r"(?i)^(?:\s?+(?:%|&#37;|&percnt;|&#x25;)|\s++per\s?cent\b|\s++percent\b|-per\s?cent\b"
    r"|\s++percentage\s++points?\b|(?P<basis>[\s-]++basis[ -]points?\b|(?-i:[ ]?+bps?)\b))"
)
# What stands after a number: up to four words or symbols on its line, looked up longest first
# in the unit and currency tables (a regex of every spelling costs a tenth of a second to
# compile, and a dictionary lookup is as fast). Tokenised text sets a hyphen apart ("a 74 - year
# - old", "a 20 - minute drive"): spaced, it joins a word in lower case ("2008 - Year the league
# began" is a list's year).
_WORDS_AFTER = regex.compile(
    r"(?P<sep>[ \u00a0]-[ \u00a0](?=\p{Ll})|[ \u00a0]++|-|(?=[°º]))"
    r"(?P<run>[^\s\d,;:!?()\[\]{}\"'“”‘’<>|*_-]{1,24}+"
    # the words of a unit's name joined by spaces or hyphens: "light-years", "square-foot"
    r"(?:[ \u00a0-][^\s\d,;:!?()\[\]{}\"'“”‘’<>|*_-]{1,24}+){0,3})"
)
_OLD_OR_NOUN = regex.compile(
    r"(?P<old>(?:-|[ \u00a0]-[ \u00a0])old\b)|(?:-|[ \u00a0]-[ \u00a0])(?P<noun>[a-z]{3,20})\b"
)
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
    w = _WORDS_AFTER.match(text, pos, pos + 120, KEEP_GIL)
    if w is None:
        return None
    run, sep = w.group("run"), w.group("sep")
    parts = _unit_words(run)
    if currencies and (not sep or sep.strip()):
        return None  # a currency's name stands apart from its figure
    if not _may_spell(parts[0], currencies):
        return None  # no spelling of the table opens with this word
    run_start, part_end = w.start("run"), len(run)
    hyphen = sep.strip() == "-"
    for n in range(len(parts), 0, -1):
        spelling = run[:part_end]
        part_end -= len(parts[n - 1]) + 1
        # "two days." ends a sentence, "sq. km" does not: the dot is tried off, then on.
        if spelling.endswith(".") and lookup(spelling) is None:
            spelling = spelling.rstrip(".")
        end = run_start + len(spelling)
        if currencies:
            code = _currency_named(spelling, sep)
            if code:
                return _After(end, currency=code)
            continue
        unit = lookup(spelling) if len(spelling) > 1 or hyphen else None
        if unit is None or (hyphen and spelling in UNIT_SYMBOLS):
            continue
        if unit.dimension == "time" and n < len(parts) and parts[n] in _NOT_A_DURATION:
            return None  # "fiscal 2022 second quarter" is no duration of 2,022 seconds
        if on := _OLD_OR_NOUN.match(text, end, None, KEEP_GIL):
            if on.group("old"):
                return _After(end, unit, old=on.end())
            return _After(end, unit, noun=on.group("noun"))
        return _After(end, unit)
    return None


def _first_words(spellings: Iterable[str]) -> frozenset[str]:
    return frozenset(_unit_words(s)[0] for s in spellings)


def _unit_words(run: str) -> list[str]:
    """The words of a unit's name, apart at each space, no-break space or hyphen (string
    methods: this runs for every figure a word follows)."""
    return run.replace("\u00a0", " ").replace("-", " ").split(" ")


def _may_spell(first: str, currencies: bool) -> bool:
    """Whether a spelling that opens with the word ``first`` may be in the table that
    ``_unit_after`` reads: a unit's symbol as written or its name in any case, or a currency's
    code or its name in any case (after "US" or not). Only a superset is needed: every
    spelling opens with ``first``, or with ``first`` without its dots when it is alone."""
    exact, folded = (_CODES, _CURRENCY_FIRST) if currencies else (_SYMBOL_FIRST, _NAME_FIRST)
    low = first.lower()
    if first in exact or low in folded:
        return True
    return first.endswith(".") and (first.rstrip(".") in exact or low.rstrip(".") in folded)


def _currency_named(spelling: str, sep: str) -> str | None:
    if not sep.strip() and sep:
        if spelling in _CODES:
            return spelling
        lowered = spelling.lower().removeprefix("us ")
        return CURRENCY_WORDS.get(lowered) or CURRENCY_WORDS.get(spelling.lower())
    return None


_CODES = frozenset(CURRENCY_CODES)
_CURRENCY_FIRST = _first_words([*CURRENCY_WORDS, "us"])
_SYMBOL_FIRST = _first_words(UNIT_SYMBOLS)
_NAME_FIRST = _first_words(UNIT_NAMES)
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
# A name's age in apposition, as the news writes it: "Chappell, 41, said".
_NAME_COMMA_BEFORE = regex.compile(r"\b\p{Lu}\p{Ll}+,[ \u00a0]$")
_COMMA_AFTER = regex.compile(r",[ \u00a0]")
_YEAR_PREPOSITION = regex.compile(r"(?i)\b(?:in|by|since|until|till|from|during|before|after)\s+$")
# A period of a year before it: "Q4 2023", "H1 2024", "the first half of 2024".
_YEAR_PERIOD_BEFORE = regex.compile(
    r"(?:(?i:\b(?:first|second|third|fourth|last|1st|2nd|3rd|4th)[ \t-](?:quarter|half)[ \t]++"
    r"(?:of[ \t]++)?+)|\b(?:Q[1-4]|H[12]|[1-4]Q|[12]H)[ \t\u00a0])$"
)
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


def _figures(text: str, noise: list[tuple[int, int]], runs: list[int]) -> Iterator[_Figure]:
    """The figures of ``text``, its spans of ``noise`` skipped; ``runs``: its ``digit_runs``."""
    taken_until = 0
    noise_starts = [s for s, _ in noise]
    dates = near_digits(DATE_RE, text, runs, DATE_LEAD, DATE_REACH)
    times = near_digits(TIME_RE, text, runs, 0, TIME_REACH)
    candidates: list[tuple[int, int, regex.Match[str] | _Hit]] = sorted(
        [(m.start(), 0, m) for m in dates]
        + [(m.start(), 0, m) for m in times]
        + [(h.m.start(), 1, h) for h in _numbers(text, runs)],
        key=lambda c: (c[0], c[1]),
    )
    for start, _, m in candidates:
        end = m.end if isinstance(m, _Hit) else m.end()
        if start < taken_until or _in_noise(noise, noise_starts, start, end):
            continue
        per = taken_until and not text[taken_until:start].strip()
        if per and isinstance(m, _Hit) and m.m.group("one"):
            continue  # "$4 a gallon": a price per gallon, no gallon of its own
        if not isinstance(m, _Hit):
            fig = _time(m) if m.re is TIME_RE else _date(m)
        else:
            fig = _number(text, m)
        if fig is None:
            continue
        taken_until = fig.end
        yield fig


def in_document_currency(figures: list[_Figure]) -> list[_Figure]:
    """Hundredths that name no currency ("22 cents") in the currency their text states most
    (of those it states as whole units), else in US dollars."""
    if not any(f.currency == DOCUMENT_CURRENCY for f in figures):
        return figures
    stated = Counter(
        f.currency for f in figures if f.currency not in (None, DOCUMENT_CURRENCY, "GBP")
    )
    currency = stated.most_common(1)[0][0] if stated else "USD"
    return [
        dataclasses.replace(f, currency=currency) if f.currency == DOCUMENT_CURRENCY else f
        for f in figures
    ]


def _time(m: regex.Match[str]) -> _Figure:
    """A time of day, in minutes after midnight: "6:42 p.m." is 1,122."""
    return _Figure(
        m.start(), m.end(), minutes_of(m), "time", "exact", None, None, None, 0.0, None, ""
    )


def _date(m: regex.Match[str]) -> _Figure | None:
    iso = parse_date(m)
    if iso is None:
        return None
    return _Figure(m.start(), m.end(), 0.0, "date", "exact", None, None, None, 0.0, iso, "")


def _number(text: str, hit: _Hit) -> _Figure | None:
    """The figure a number match states, or None where it states none: a word figure read
    whole, a score, or a number read stage by stage (value, scale, range, what it counts,
    compound measure, cents, kind, hedge)."""
    m = hit.m
    before = text[max(0, m.start() - 48) : m.start()]
    if (m.group("words") or m.group("ordinal")) and _in_a_name(text, m.start(), before):
        return None
    for group, word_figure in _WORD_FIGURES:
        if m.group(group):
            return word_figure(text, hit, before)
    if m.group("rated"):  # "EF3": a rating glued to its name, or no figure ("EF2 team")
        return _rating(text, m.start("rating"), hit.end)
    if m.group("digits") and (rated := _rating(text, m.start(), hit.end)):  # "Category 4"
        return rated
    if (
        m.group("words")
        and hit.reading is not None
        and not hit.reading.ordinal
        and (rated := _rating(text, m.start(), hit.end, hit.reading.value))
    ):
        return rated  # "force nine gales"
    if hit.reading is not None and hit.reading.ordinal:  # "twenty-first", "two hundredth"
        value = hit.reading.value
        return _Figure(m.start(), hit.end, value, "ordinal", "exact", *_NOTHING_MORE)
    if (score := _score(text, hit, before)) is not None:
        return score if isinstance(score, _Figure) else None  # a set list: no figure
    r = _reading(text, hit, before)
    if not isinstance(r, _Reading):
        return r  # no number, or one read whole ("21st", "1 in 5")
    if not _read_scale(r):
        return None
    _read_range(r)
    _read_measure(r)
    if r.unit is not None:
        _read_compound(r)
    if r.currency:
        _read_money_tail(r)
    elif r.unit is None and m.group("one"):  # "a gallon", "a penny"
        return None
    _read_kind(r)
    _read_hedge(r)
    return r.figure()


# A capitalized word right before a figure's word ("Wire Two"), and a word of running text.
_NAME_BEFORE = regex.compile(r"(?<![\w'’.-])[A-Z][a-z]++[ \u00a0]$")
_RUNNING_WORD = regex.compile(r"(?<![\w'’-])[a-z]{5,}+(?![\w'’-])")
_LINE_REACH = 80


def _in_a_name(text: str, start: int, before: str) -> bool:
    """Whether a number word written with a capital, right after another capitalized word, is
    part of a name ("(Wire Two)", "World War Two", "the Big Three"): so it is on a line of
    running text, where a figure in the middle of a sentence takes no capital; a heading in
    title case ("Storm Kills Two") states its figure."""
    if not text[start].isupper() or text[start + 1 : start + 2].isupper():
        return False
    if not _NAME_BEFORE.search(before, 0, None, KEEP_GIL) or _RATING_BEFORE.search(
        before, 0, None, KEEP_GIL
    ):
        return False  # no name before it, or a rating's ("a Category Four hurricane")
    lo = text.rfind("\n", max(0, start - _LINE_REACH), start) + 1
    hi = text.find("\n", start, start + _LINE_REACH)
    line = text[lo : hi if hi >= 0 else start + _LINE_REACH]
    return _RUNNING_WORD.search(line, 0, None, KEEP_GIL) is not None


_NOTHING_MORE = (None, None, None, 0.0, None, "")  # no unit, currency, high end, margin, date


def _rating(text: str, start: int, end: int, spelled: float | None = None) -> _Figure | None:
    """The rating of a scale whose number runs from ``start`` to ``end`` ("Category 4", or in
    words worth ``spelled``: "force nine"), as an ordinal of the scale's measure from its name
    on; None where it is none."""
    rated = rating(text, start, end, spelled)
    if rated is None:
        return None
    value = float(text[start:end]) if spelled is None else spelled
    return _Figure(rated[0], end, value, "ordinal", "exact", None, None, None, 0.0, None, rated[1])


def _period(text: str, hit: _Hit, before: str) -> _Figure:
    """ "Q4", "H1 2024": a quarter or half of a year."""
    period = "quarter" if hit.m.group("quarter") else "half"
    value = float(hit.m.group(period))
    return _Figure(
        hit.m.start(), hit.end, value, "ordinal", "exact", None, None, None, 0.0, None, period
    )


def _fiscal(text: str, hit: _Hit, before: str) -> _Figure:
    """ "FY2022", "FY22": the fiscal year named for 2022."""
    year = int(hit.m.group("fiscal"))
    value = float(year if year >= 100 else 2000 + year if year < 70 else 1900 + year)
    end = _year_span_end(text, hit.end, value)
    return _Figure(hit.m.start(), end, value, "year", "exact", *_NOTHING_MORE)


def _decade(text: str, hit: _Hit, before: str) -> _Figure:
    """ "the 1960s": the years 1960 to 1969."""
    value = float(hit.m.group("decade"))
    return _Figure(
        hit.m.start(), hit.end, value, "year", "range", None, None, value + 9, 0.0, None, ""
    )


def _ordinal(text: str, hit: _Hit, before: str) -> _Figure | None:
    """An ordinal word that ranks something ("the third quarter", "she finished second")."""
    end = hit.end
    after_word = text[end : end + 40]
    determined = _DETERMINER_BEFORE.search(before, 0, None, KEEP_GIL) or _PERIOD_NOUN_AFTER.match(
        after_word, 0, None, KEEP_GIL
    )
    ranked = RANK_BEFORE.search(before, 0, None, KEEP_GIL)  # "she finished second"
    if not ranked and (not determined or not measures.noun_phrase(after_word)):
        return None
    value = float(ORDINALS[hit.m.group("ordinal").lower()])
    return _Figure(hit.m.start(), end, value, "ordinal", "exact", *_NOTHING_MORE)


def _multiplier(text: str, hit: _Hit, before: str) -> _Figure | None:
    """A verb of a multiple, said of a change to come ("will roughly triple")."""
    word = hit.m.group("mult").lower()
    if word not in VERBAL_MULTIPLIERS and not _MODAL_BEFORE.search(before, 0, None, KEEP_GIL):
        return None
    qualifier, start = _hedged(before, hit.m.start())  # "will roughly triple"
    return _Figure(start, hit.end, MULTIPLIERS[word], "ratio", qualifier, *_NOTHING_MORE)


def _fraction(text: str, hit: _Hit, before: str) -> _Figure:
    """ "three-quarters of the border" is a share: 75 percent, comparable with "75 per cent",
    and as loose as a word for a share is: give or take 2.5 points."""
    end = hit.end
    share = FRACTIONS[" ".join(hit.m.group("frac").lower().split())]
    qualifier, start = _hedged(before, hit.m.start())
    if sc := _OF_A_SCALE.match(
        text, end, end + 24, KEEP_GIL
    ):  # "two thirds of a million" is a count
        whole = SCALES[sc.group("scale").lower()]  # as loose as the share: 2.5 points
        return _Figure(
            start, sc.end(), share * whole, "count", qualifier, None, None, None,
            0.025 * whole, None, ""
        )  # fmt: skip
    return _Figure(start, end, 100 * share, "percent", qualifier, None, None, None, 2.5, None, "")


def _idiom(text: str, hit: _Hit, before: str) -> _Figure:
    """ "a baker's dozen": a count an idiom names."""
    value = float(IDIOMS[" ".join(hit.m.group("idiom").lower().replace("’", "'").split())])
    qualifier, start = _hedged(before, hit.m.start())
    return _Figure(start, hit.end, value, "count", qualifier, *_NOTHING_MORE)


def _vague(text: str, hit: _Hit, before: str) -> _Figure:
    """ "dozens", "a few": a count between two ends."""
    low, high = VAGUE[" ".join(hit.m.group("vague").lower().split())]
    return _Figure(hit.m.start(), hit.end, low, "count", "range", None, None, high, 0.0, None, "")


# The figures a word states whole, by the group of the number pattern that matched it.
_WORD_FIGURES: tuple[tuple[str, Callable[[str, _Hit, str], _Figure | None]], ...] = (
    ("quarter", _period),
    ("half", _period),
    ("fiscal", _fiscal),
    ("decade", _decade),
    ("ordinal", _ordinal),
    ("mult", _multiplier),
    ("frac", _fraction),
    ("idiom", _idiom),
    ("vague", _vague),
)


@dataclass(slots=True)
class _Reading:
    """A number's figure as it is read, stage by stage: where it runs so far, its value and what
    is known of it. ``before`` and ``after`` are the text around it (48 and 64 characters), as
    it was when a stage last moved the figure's start or end."""

    text: str
    hit: _Hit
    m: regex.Match[str]
    start: int
    end: int
    before: str
    value: float
    precision: float
    glued_text: str  # what is glued to the digits, as written ("km", "m", "th")
    suffix: str  # the same in lower case; "" when it is a unit or a point, read later
    glued: Unit | None  # the unit it is
    scale: float = 1.0
    currency: str | None = None
    cm: regex.Match[str] | None = None  # the currency before the figure
    glued_hedge: regex.Match[str] | None = None  # "60-plus"
    qualifier: str = "exact"
    high: float | None = None
    after: str = ""
    kind: str = "count"
    unit: Unit | None = None
    aged: bool = False
    hyphen_noun: str | None = None

    def starts_at(self, start: int) -> None:
        """Moves the figure's start to ``start``, and the text before it with it."""
        self.start = start
        self.before = self.text[max(0, start - 48) : start]

    def read_after(self) -> None:
        """Takes the text after the figure's end as it is now."""
        self.after = self.text[self.end : self.end + 64]

    def figure(self) -> _Figure:
        """The figure read, in its unit's base."""
        unit, scale, precision, high = self.unit, self.scale, self.precision, self.high
        factor = unit.factor if unit else 1.0
        offset = unit.offset if unit else 0.0
        if offset and _TEMPERATURE_CHANGE.match(self.text, self.end, self.end + 16, KEEP_GIL):
            offset = 0.0  # "7C above normal" is a difference of seven degrees
        return _Figure(
            self.start,
            self.end,
            self.value * scale * factor + offset,
            self.kind,
            self.qualifier,
            unit,
            self.currency,
            None if high is None else high * scale * factor + offset,
            abs(precision * scale * factor),
            None,
            _measure_hint(self.aged, self.hyphen_noun),
        )


def _reading(text: str, hit: _Hit, before: str) -> _Reading | _Figure | None:
    """A number's value as written, its sign and the part after it ("minus 5", "1 over 3",
    "3 and a half"); a figure when that is all of it ("21st", "1 in 5"); None for no number."""
    m = hit.m
    read = _read_value(text, hit)
    if read is None:
        return None
    value, precision, glued_text = read
    suffix = glued_text.lower()
    glued = lookup(glued_text) if glued_text in GLUED else None
    end = hit.end
    if glued is not None or suffix in _POINT_SUFFIXES:
        end -= len(glued_text)  # added back with the unit, after any scale
        suffix = ""
    if suffix in _ORDINAL_SUFFIXES:
        return _Figure(m.start(), end, value, "ordinal", "exact", *_NOTHING_MORE)
    r = _Reading(text, hit, m, m.start(), end, before, value, precision, glued_text, suffix, glued)
    if (sw := _SIGN_WORD_BEFORE.search(before, 0, None, KEEP_GIL)) and m.group(
        "digits"
    ):  # "minus 5"
        r.value = -r.value
        r.starts_at(r.start - (len(before) - sw.start()))
    r.cm = currency_before(r.before)
    if suffix:
        return r
    if not r.cm and (of := _share(text, r.end, r.value)):
        return _share_figure(r.start, of, r.before)  # "1 in 5", "seven out of ten"
    if over := _over(text, r.end):
        denominator, over_end = over
        if 0 < abs(r.value) < denominator:  # "1 over 3" is a third, not the hedge "over 3"
            r.value, r.precision, r.end = r.value / denominator, 0.0, over_end
    if m.group("digits") and (halves := _and_a_part(text, r.end, r.value)):
        r.value, r.precision, r.end = halves  # "3 and a half miles"
    return r


def _read_scale(r: _Reading) -> bool:
    """The scale and currency of a figure ("$3bn", "£ 50 m", "4 thousand 3 hundred"), its digit
    groups split by a space, and a hedge glued to it ("60-plus"). False where a money suffix
    has no currency: "Form 3B" is no three billion."""
    text, m = r.text, r.m
    r.scale = SCALE_SUFFIXES.get(
        r.glued_text if r.glued is None else "", SCALE_SUFFIXES.get(r.suffix, 1.0)
    )
    cm = r.cm
    if cm and m.group("digits"):
        r.currency = CURRENCY_SYMBOLS.get(cm.group("symbol") or "") or cm.group("code")
        r.starts_at(r.start - len(cm.group()))
    if not r.glued_text and (joined := _split_groups(text, r.end, m.group("digits"), cm)):
        r.value, r.precision, r.end = joined
    if r.currency is None and not r.suffix and (spaced_m := _spaced_m(text, r.hit)):
        if spaced_m[0]:
            r.glued, r.glued_text, r.scale, r.end = _METRE, "m", 1.0, spaced_m[1] - 1
        else:
            r.scale, r.end = SCALE_SUFFIXES["m"], spaced_m[1]
    if r.glued_text in _MONEY_SUFFIXES and r.currency is None:
        return False  # "€10M" is ten million euros; "Form 3B" is no three billion
    if glued_hedge := GLUED_HEDGE_AFTER.match(text, r.end, r.end + 8, KEEP_GIL):
        r.end = glued_hedge.end()  # "60-plus years", "$20-odd million": the hedge, then the rest
    r.glued_hedge = glued_hedge
    r.read_after()
    _read_scale_after(r)
    return True


def _read_scale_after(r: _Reading) -> None:
    """A scale after a figure: a word ("3 million", "4 thousand 3 hundred", "3 million and a
    half") or, after money, a suffix set apart ("£ 50 m")."""
    m = r.m
    s = _SCALE_AFTER.match(r.after, 0, None, KEEP_GIL)
    if (
        r.currency
        and r.scale == 1.0
        and not s
        and (spaced := _SPACED_MONEY_SCALE.match(r.after, 0, None, KEEP_GIL))
    ):
        r.scale = SCALE_SUFFIXES[spaced.group("scale")]
        r.end += spaced.end()
        r.read_after()
    if s and r.scale == 1.0 and m.group("digits"):
        r.scale = SCALES_AFTER_DIGITS[s.group("scale").lower()]
        if s.group("part"):  # "3 million and a half"
            r.value += 0.5 if s.group("part").lower() == "half" else 0.25
        r.end += s.end()
        if not s.group("part") and (rest := _mixed_rest(r.text, r.end, r.scale, r.before)):
            r.value, r.end = r.value + rest[0] / r.scale, rest[1]  # "4 thousand 3 hundred"
            r.precision = 0.5 / r.scale
        r.read_after()


def _read_range(r: _Reading) -> None:
    """The high end of a range after a figure: "10 to 20 million", "two to three days"."""
    rm = _RANGE_AFTER.match(r.after, 0, None, KEEP_GIL) if r.m.group("digits") else None
    if rm:
        _digit_range(r, rm)
    elif r.hit.reading is not None and (spoken := _word_range(r.text, r.end, r.value, r.before)):
        r.value, r.high, r.end = spoken  # "two to three days", "five to six million"
        r.qualifier = "range"
        r.read_after()
        if between := _BETWEEN_BEFORE.search(r.before, 0, None, KEEP_GIL):
            r.starts_at(r.start - (len(r.before) - between.start()))


def _digit_range(r: _Reading, rm: regex.Match[str]) -> None:
    """A range in digits after a figure ("between 10 and 20 million", "$100 million to $1.2
    billion"), when its high end is higher; only a range lends its scale to its low end: "in
    2020 to $5 million" is a year."""
    try:
        high_value, _ = parse_digits(rm.group("high"))
    except ValueError:
        high_value = 0.0
    word = (rm.group("hscale") or "").lower()
    high_scale = SCALES.get(word) or SCALE_SUFFIXES.get(word) or 0.0
    range_scale = r.scale
    if high_scale and r.scale == 1.0:
        range_scale = high_scale  # "between 10 and 20 million": the scale serves both
    elif high_scale:
        high_value *= high_scale / r.scale  # "$100 million to $1.2 billion"
    elif r.scale != 1.0:
        high_value /= r.scale  # "between 5 thousand and 600": no 600 thousand
    is_between = _BETWEEN_BEFORE.search(r.before, 0, None, KEEP_GIL) is not None
    joined_by_and = rm.group().lstrip().startswith("and")
    if not (high_value > r.value and (is_between or not joined_by_and)):
        return
    r.qualifier, r.high, r.scale = "range", high_value, range_scale
    r.end += rm.end()
    r.read_after()
    if is_between:
        r.starts_at(r.start - (len("between ") + (len(r.before) - len(r.before.rstrip()) - 1)))


def _read_measure(r: _Reading) -> None:
    """What a figure counts, from the words after it: a fold, a percent or points, a currency,
    a unit, or an age."""
    p = _PERCENT_AFTER.match(r.after, 0, None, KEEP_GIL)
    if (
        r.currency is None
        and r.scale == 1.0
        and (fold := _FOLD_AFTER.match(r.after, 0, None, KEEP_GIL))
    ):
        r.kind, r.end = "ratio", r.end + fold.end()  # "a 5-fold rise"
    elif p:
        r.kind = "percent"
        r.end += p.end()
        if r.high is None and (pct := _percent_range(r.text, r.end, r.value, r.before)):
            r.high, r.end, r.qualifier = pct[0], pct[1], "range"  # "3% to 4%"
            r.read_after()
        if p.group("basis"):  # "50 basis points", "25bp": hundredths of a point
            r.unit = BASIS_POINTS
        elif "point" in p.group().lower():
            # A change in percentage points is not a percentage: its own unit, its own block.
            r.unit = PERCENTAGE_POINTS
    elif r.currency is None and not _read_currency_after(r):
        _read_unit(r)


def _read_currency_after(r: _Reading) -> bool:
    """A currency named after a figure ("361 million pounds", "22 cents", "100 €"): whether
    there is one."""
    text, end = r.text, r.end
    if r.scale >= 1e6 and (named := _currency_after_scale(text, end)):
        r.currency, r.end = named  # "361 million pounds"
    elif cw := _unit_after(text, end, currencies=True):
        r.currency = cw.currency
        r.end = cw.end
    elif r.scale == 1.0 and (sub := _SUBUNIT_ALONE.match(text, end, None, KEEP_GIL)):
        subunit = SUBUNITS[sub.group("word").lower()]
        r.currency = subunit.of or DOCUMENT_CURRENCY  # "22 cents a share"
        r.value, r.precision = r.value * subunit.factor, r.precision * subunit.factor
        r.end = sub.end()
    elif r.m.group("digits") and (cs := _SYMBOL_AFTER.match(text, end, None, KEEP_GIL)):
        r.currency, r.end = CURRENCY_SYMBOLS[cs.group("symbol")], cs.end()  # "100 €", "100元"
    else:
        return False
    return True


def _read_unit(r: _Reading) -> None:
    """The unit of a figure: glued to it ("98km", "40°C"), spelled after it, or years of an
    age ("aged 45", "Chappell, 41, said")."""
    if r.glued is not None:
        r.unit = r.glued  # "98km", "5kg", "40°C"
        r.end += len(r.glued_text)
    elif u := _unit_after(r.text, r.end):
        r.unit = u.unit
        r.aged = bool(u.old)
        r.hyphen_noun = u.noun
        r.end = u.old or u.end
    elif _AGED_BEFORE.search(r.before, 0, None, KEEP_GIL) or _apposed_age(
        r.text, r.end, r.before, r.m
    ):
        r.unit, r.aged = lookup("years"), True  # "aged 45", "Chappell, 41, said"


def _read_compound(r: _Reading) -> None:
    """The rest of a measure in a unit: its smaller parts ("12 ft 2 in", "two years and six
    months", "3 years, 2 months, 14 days") or its high end ("44 mg to 50 mg", "-18 °C to
    -34 °C"); not of a change ("rose from 40 km to 50 km")."""
    unit = r.unit
    if unit is None or r.high is not None or r.scale != 1.0 or r.aged:
        return
    smallest: Unit | None = unit
    while smallest is not None and (compound := _compound(r.text, r.end, smallest)):
        part, r.end, smallest = compound
        r.value += part * smallest.factor / unit.factor
        r.precision = 0.5 * smallest.factor / unit.factor
    if _FROM_BEFORE.search(r.before, 0, None, KEEP_GIL) and not SPAN_FROM_BEFORE.search(
        r.before, 0, None, KEEP_GIL
    ):
        return
    between = _BETWEEN_BEFORE.search(r.before, 0, None, KEEP_GIL)
    span = _unit_range(r.text, r.end, unit, between is not None)
    if span is None:
        return
    other, r.end = span
    r.value, r.high = min(r.value, other), max(r.value, other)
    r.qualifier = "range"
    if between is not None:
        r.starts_at(r.start - (len(r.before) - between.start()))


def _read_money_tail(r: _Reading) -> None:
    """The currency said again after an amount ("$10 dollars", "£20 pounds") and its cents
    ("thirteen dollars and forty-five cents")."""
    if not r.currency:
        return
    if r.cm and (again := _currency_again(r.text, r.end, r.currency)):
        r.end = again
    if r.scale == 1.0 and r.high is None and (cents := _subunit(r.text, r.end)):
        r.value, r.end = r.value + cents[0], cents[1]
        r.precision = 0.005


def _read_kind(r: _Reading) -> None:
    """The kind of a figure from what it counts; a plain four-digit count may be a year."""
    if r.currency:
        r.kind = "money"
    elif r.kind != "percent" and r.unit is not None:
        r.kind = "duration" if r.unit.dimension == "time" else "quantity"
    if (
        r.kind == "count"
        and r.scale == 1.0
        and r.m.group("digits")
        and _looks_like_year(r.m, r.after, r.before)
    ):
        r.kind = "year"
        r.end = _year_span_end(r.text, r.end, r.value)


def _read_hedge(r: _Reading) -> None:
    """The hedge of a figure: before it ("about 40", not "over" a time), glued to it ("60-plus")
    or after it ("40 or so")."""
    if r.qualifier == "exact" and (hb := hedge_before(r.before)):
        phrase = " ".join(hb.group("hedge").lower().split())
        if not (phrase in NOT_BEFORE_TIME and r.kind in ("duration", "year")) and not (
            phrase in NOT_BEFORE_OF and _of_what_lies_there(r)
        ):
            r.qualifier = negated(qualifier_for(phrase), r.before[: hb.start()])
            r.start -= len(r.before) - hb.start()
    if r.glued_hedge and r.qualifier == "exact":
        r.qualifier = qualifier_for(r.glued_hedge.group("hedge"))
    elif r.qualifier == "exact" and (
        ha := HEDGE_AFTER.match(r.text[r.end : r.end + 16], 0, None, KEEP_GIL)
    ):
        r.qualifier = qualifier_for(ha.group("hedge"))
        r.end += ha.end()


_OF_WHAT_AFTER = regex.compile(r"[ \t]++of[ \t]++[a-z]")


def _of_what_lies_there(r: _Reading) -> bool:
    """A length followed by "of" and a word: "18 inches of snow" that something lies under."""
    return (
        r.unit is not None
        and r.unit.dimension in NOT_BEFORE_OF_DIMENSIONS
        and _OF_WHAT_AFTER.match(r.text, r.end, None, KEEP_GIL) is not None
    )


_UNIT_RANGE = regex.compile(
    r"(?:[ \t]*+[-–][ \t]*+|[ \t]++to[ \t]++|[ \t]++(?P<and>and)[ \t]++)"
    r"(?P<sign>[-−])?+(?P<high>[0-9]{1,3}(?:,[0-9]{3})++(?:\.[0-9]++)?+|[0-9]++(?:\.[0-9]++)?+)"
)


_FROM_BEFORE = regex.compile(r"(?i)\bfrom\s++$")  # "rose from 40 km to 50 km": a change
# "rose by 3% to 15%", "from 11% to 9%": a change and where it ended, not a range.
_CHANGE_BEFORE = regex.compile(r"(?i)\b(?:from|by)\s++$")
_COMPOUND_JOIN = regex.compile(r",?+[ \t]++(?:and[ \t]++)?+")


# "-9" of "6-foot-9": a part after a hyphen, with no unit, no decimals and no word glued on
# (a comma after it parts a height from a weight: "6-foot-8,225-pound").
_HYPHEN_PART = regex.compile(r"-(?P<part>[0-9]{1,2})(?![0-9]|\.[0-9]|-?[A-Za-z])")


def _compound(text: str, end: int, unit: Unit) -> tuple[float, int, Unit] | None:
    """The smaller unit that goes on a compound measure after ``end`` ("2 in" of "12 ft 2 in",
    "9" of "6-foot-9"): its amount, where it ends, and its unit. The part is less than one
    ``unit``."""
    part = PARTS_AFTER_HYPHEN.get(unit.symbol)
    if part is not None and (h := _HYPHEN_PART.match(text, end, end + 8, KEEP_GIL)):
        amount = float(h.group("part"))
        return (amount, h.end(), part) if 0 < amount * part.factor < unit.factor else None
    j = _COMPOUND_JOIN.match(text, end, end + 8, KEEP_GIL)
    read = _plain_number(text, j.end()) if j else None
    if read is None or unit.offset:
        return None
    amount, number_end = read
    spelled = _WORDS_AFTER.match(text, number_end, number_end + 40, KEEP_GIL)
    second = _unit_after(text, number_end)
    if second is None and spelled:
        word = spelled.group("run").split(" ")[0].rstrip(",;")
        if word in COMPOUND_ENDS:
            second = _After(spelled.start("run") + len(word), COMPOUND_ENDS[word])
    if second is None or second.unit is None or second.unit.dimension != unit.dimension:
        return None
    if second.unit.offset or not 0 < amount * second.unit.factor < unit.factor:
        return None
    return amount, second.end, second.unit


def _percent_range(text: str, end: int, low: float, before: str) -> tuple[float, int] | None:
    """The other end of a range of percentages whose two figures each carry the sign ("3% to
    4%", "2%-3%"), and where it ends. A higher figure after "from" or "by" is where a change
    ended ("up by 3% to 15%", unless it "ranged from"), and a lower one any way round ("fell 4%
    to 3%")."""
    if _CHANGE_BEFORE.search(before, 0, None, KEEP_GIL) and not SPAN_FROM_BEFORE.search(
        before, 0, None, KEEP_GIL
    ):
        return None
    r = _UNIT_RANGE.match(text, end, end + 40, KEEP_GIL)
    if r is None or r.group("sign") or r.group("and"):
        return None
    p = _PERCENT_AFTER.match(text[r.end() : r.end() + 24], 0, None, KEEP_GIL)
    if p is None or p.group("basis") or "point" in p.group().lower():
        return None
    try:
        high = parse_digits(r.group("high"))[0]
    except ValueError:
        return None
    return (high, r.end() + p.end()) if high > low else None


def _unit_range(text: str, end: int, unit: Unit, between: bool) -> tuple[float, int] | None:
    """The other end of a range whose two figures each carry the unit, and where it ends."""
    r = _UNIT_RANGE.match(text, end, end + 40, KEEP_GIL)
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


_SCALED_CURRENCY = regex.compile(
    r"[ \t]++(?P<word>" + word_trie(list(CURRENCY_AFTER_SCALE)) + r")\b(?![ \t]++of\b)"
)
_SUBUNIT = regex.compile(r"[ \t]++(?P<word>" + word_trie(list(SUBUNITS)) + r")\b")


def _currency_again(text: str, end: int, currency: str) -> int | None:
    """Where the name of ``currency`` right after ``end`` ends ("dollars" of "$10 dollars")."""
    named = _unit_after(text, end, currencies=True)
    if named is not None and named.currency == currency:
        return named.end
    scaled = _currency_after_scale(text, end)
    return scaled[1] if scaled is not None and scaled[0] == currency else None


def _currency_after_scale(text: str, end: int) -> tuple[str, int] | None:
    m = _SCALED_CURRENCY.match(text, end, end + 24, KEEP_GIL)
    return (CURRENCY_AFTER_SCALE[m.group("word")], m.end()) if m else None


def _subunit(text: str, end: int) -> tuple[float, int] | None:
    """The cents after a whole amount of money ("and forty-five cents"), in the whole unit."""
    j = _MIXED_JOIN.match(text, end, end + 8, KEEP_GIL)
    read = _plain_number(text, j.end()) if j else None
    if read is None or not 0 < read[0] < 100:
        return None
    m = _SUBUNIT.match(text, read[1], read[1] + 16, KEEP_GIL)
    return (read[0] * SUBUNITS[m.group("word")].factor, m.end()) if m else None


_MIXED_JOIN = regex.compile(r"(?P<and>[ \t]++and)?+[ \t]++")


def _mixed_rest(text: str, end: int, scale: float, before: str) -> tuple[float, int] | None:
    """The smaller number that goes on a number in digits and a scale word ("3 hundred and 21",
    "4 thousand 3 hundred", "6 crore and two hundred"), and where it ends: it carries a scale
    of its own, or follows "hundred and"; never after "between" ("between 5 thousand and 600")."""
    j = _MIXED_JOIN.match(text, end, end + 8, KEEP_GIL)
    read = _plain_number(text, j.end()) if j else None
    if j is None or read is None or _BETWEEN_BEFORE.search(before, 0, None, KEEP_GIL):
        return None
    rest, rest_end = read
    if text[j.end()].isdigit():
        s = _SCALE_AFTER.match(text[rest_end : rest_end + 16], 0, None, KEEP_GIL)
        scaled = s is not None
        if s is not None:
            rest, rest_end = (
                rest * SCALES_AFTER_DIGITS[s.group("scale").lower()],
                rest_end + s.end(),
            )
    else:
        scaled = rest >= 100  # number words under a hundred carry no scale word
    after_hundred_and = scale == 100 and j.group("and") is not None
    if not (scaled or after_hundred_and) or not 0 < rest < scale:
        return None
    return rest, rest_end


_DENOMINATORS_OF_DIGITS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})
_OF_A_SCALE = regex.compile(
    r"(?i)[ \t]++of[ \t]++an?[ \t]++(?P<scale>"
    + word_trie([w for w in SCALES if SCALES[w] >= 1e3])
    + r")\b(?![ \t]++(?:and|point)\b)"
)
_OF_AFTER = regex.compile(r"[ \t]++of\b")
_OVER_AFTER = regex.compile(r"[ \t]++over[ \t]++")
_ONE_PERSON = regex.compile(
    rf"(?i)[ \t]++(?:{'|'.join(sorted(measures.PERSON))})\b(?![-'’])"
)  # "one person", "one child": a count of people


_WORD_RANGE_JOIN = regex.compile(r"[ \t]++(?:to|(?P<and>and))[ \t]++")


def _word_range(text: str, end: int, low: float, before: str) -> tuple[float, float, int] | None:
    """A range whose low end is a number in words and ends at ``end``: its low end, its high end
    and where it ends. A scale word after the high end serves the low end too ("five to six
    million") when the low end is less than the high end's number; "and" joins only after
    "between", and a change "from" one figure to another is no range."""
    j = _WORD_RANGE_JOIN.match(text, end, end + 8, KEEP_GIL)
    if j is None or (j.group("and") and not _BETWEEN_BEFORE.search(before, 0, None, KEEP_GIL)):
        return None
    if _FROM_BEFORE.search(before, 0, None, KEEP_GIL) and not SPAN_FROM_BEFORE.search(
        before, 0, None, KEEP_GIL
    ):
        return None
    read = _plain_number(text, j.end())
    if read is None:
        return None
    high, high_end = read
    scale = SCALES.get(text[j.end() : high_end].rsplit(None, 1)[-1].lower(), 1.0)
    if scale > 1.0 and low < high / scale:
        low *= scale
    return (low, high, high_end) if 0 <= low < high else None


_AND_A_PART = regex.compile(r"(?i)[ \t]++and[ \t]++an?[ \t]++(?P<part>half|quarter)(?![\w-])")


def _and_a_part(text: str, end: int, value: float) -> tuple[float, float, int] | None:
    """A whole number in digits and "and a half" or "and a quarter" after it: the value with
    its part, its half-step, and where it ends ("3 and a half", no part of "3 and a
    quarter-final")."""
    m = _AND_A_PART.match(text, end, end + 20, KEEP_GIL)
    if m is None or value != int(value):
        return None
    part = 1 / DENOMINATORS[m.group("part").lower()]
    return value + (part if value >= 0 else -part), part / 2, m.end()


_SHARE_JOIN = regex.compile(
    r"(?i)[ \t]++(?:"
    + "|".join(j.replace(" ", r"[ \t]++") for j in sorted(SHARE_JOINS, key=len, reverse=True))
    + r")[ \t]++"
)
_AFTER_A_WHOLE = regex.compile(r"(?i)[ \t]*+(?:[%$€£]|per\s?cent\b|percent\b)")


def _share(text: str, end: int, part: float) -> tuple[float, float, int] | None:
    """A part of a whole after ``end`` ("1 in 5", "seven out of ten"): the share in percent,
    its precision (half a step of the whole) and where it ends. The part is a whole number less
    than the whole, and the whole is no year ("one in 2010") nor a figure with a unit, scale or
    percent of its own ("5 in 10 years"). A share is said in a small or round whole ("three in
    five", "7 out of 10", "six in 100"), after "every", or of one ("1 in 500"); other parts of
    a whole are two counts ("26 out of 29 cases", "those over 60 in 96 countries")."""
    j = _SHARE_JOIN.match(text, end, end + 20, KEEP_GIL)
    read = _plain_number(text, j.end()) if j else None
    if read is None or part != int(part) or not 0 < part < read[0]:
        return None
    whole, whole_end = read
    joined = j.group().split()
    said_as_share = (
        whole <= 10
        or math.log10(whole).is_integer()
        or joined[-1].lower() == "every"
        or (part == 1 and joined[0].lower() == "in")
    )
    if not said_as_share:
        return None
    if 1600 <= whole <= 2099 and text[j.end()].isdigit():
        return None
    if _unit_after(text, whole_end) or _AFTER_A_WHOLE.match(
        text, whole_end, whole_end + 12, KEEP_GIL
    ):
        return None
    if _SCALE_AFTER.match(text[whole_end : whole_end + 16], 0, None, KEEP_GIL):
        return None
    percent = 100 * part / whole
    return percent, percent * 0.5 / whole, whole_end


def _share_figure(start: int, share: tuple[float, float, int], before: str) -> _Figure:
    """The figure of a share read by ``_share``, with the hedge before it ("nearly 1 in 3")."""
    percent, precision, end = share
    qualifier, start = _hedged(before, start)
    return _Figure(start, end, percent, "percent", qualifier, None, None, None, precision, None, "")


def _hedged(before: str, start: int) -> tuple[str, int]:
    """The qualifier of the hedge that ends ``before`` a figure at ``start`` ("exact" with
    none), and where the figure starts with it."""
    hb = hedge_before(before)
    if hb is None:
        return "exact", start
    qualifier = negated(qualifier_for(hb.group("hedge")), before[: hb.start()])
    return qualifier, start - (len(before) - hb.start())


def _over(text: str, end: int) -> tuple[float, int] | None:
    """The number after "over" right after a figure, and where it ends."""
    o = _OVER_AFTER.match(text, end, end + 12, KEEP_GIL)
    return _plain_number(text, o.end()) if o else None


def _plain_number(text: str, pos: int) -> tuple[float, int] | None:
    """A whole number in digits or words at ``pos`` ("3", "2,500", "twenty-one"), and its end."""
    m = _NUMBER_RE.match(text, pos, None, KEEP_GIL)
    if m is None or not (m.group("digits") or m.group("words")):
        return None
    if m.group("suffix") or m.group("exp") or m.group("vulgar"):
        return None
    if m.group("digits"):
        try:
            return parse_digits(m.group("digits"))[0], m.end()
        except ValueError:
            return None
    tokens = list(_TOKEN_RE.finditer(m.group("words"), 0, None, False, KEEP_GIL))
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
        of = _OF_AFTER.match(text, m.end(), m.end() + 8, KEEP_GIL)  # "1/40 of the wavelength"
        if not 0 < num < den or (den not in _DENOMINATORS_OF_DIGITS and of is None):
            return None
        whole = int(m.group("whole") or 0)
        return sign * (whole + num / den), 0.5 / den, ""
    if m.group("vulgar") and not m.group("digits"):
        return unicodedata.numeric(m.group("vulgar")), 0.01, ""
    if m.group("one"):  # "a gallon"
        return 1.0, 0.0, ""
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
    if words.lower() == "one" and not (
        _unit_after(text, hit.end)
        or _OVER_AFTER.match(after, 0, None, KEEP_GIL)
        or _ONE_PERSON.match(after, 0, None, KEEP_GIL)
        or _share(text, hit.end, 1.0)
    ):
        return None
    return hit.reading.value, 0.01 if hit.reading.fraction else 0.5, ""


def _score(text: str, hit: _Hit, before: str) -> _Figure | bool | None:
    """A match's score ("won 4-1", "a 2-2 draw"), whoever is named first: its value is the
    higher side's goals times 1,000 plus the lower side's, so only the same score agrees. A
    list of set scores ("won 6-4, 7-6") is False: no figure; None where it is no score."""
    digits = hit.m.group("digits")
    if not digits or not digits.isdigit() or len(digits) > 2 or hit.m.group("suffix"):
        return None
    tail = _SCORE_TAIL.match(text, hit.end, hit.end + 8, KEEP_GIL)
    if tail is None:
        return None
    if _SCORE_LIST.match(text, tail.end(), None, KEEP_GIL) or _SCORE_LIST_BEFORE.search(
        before, 0, None, KEEP_GIL
    ):
        return False
    if not (
        _SCORE_BEFORE.search(before, 0, None, KEEP_GIL)
        or _SCORE_AFTER.match(text, tail.end(), None, KEEP_GIL)
    ):
        return None
    rest = text[tail.end() : tail.end() + 24]
    if _unit_after(text, tail.end()) is not None or _PERCENT_AFTER.match(rest, 0, None, KEEP_GIL):
        return None  # "ahead lie 10-12 weeks", "a record 3-4 inches": a range of a measure
    a, b = int(digits), int(tail.group("other"))
    value = float(max(a, b) * SCORE_BASE + min(a, b))
    return _Figure(
        hit.m.start(), tail.end(), value, "score", "exact", None, None, None, 0.0, None, ""
    )


def _spaced_m(text: str, hit: _Hit) -> tuple[bool, int] | None:
    """An "m" set apart from a figure's digits before a noun: the metre's symbol before a
    singular noun ("a 46 m well"), or millions as tokenised text writes them before a plural or
    a currency ("30 m people", "5 m pounds"). Whether it is metres, and where the "m" ends."""
    if not hit.m.group("digits"):
        return None
    after = _METRES_AFTER.match(text, hit.end, hit.end + 32, KEEP_GIL)
    noun = after.group("noun") if after is not None else ""
    if not noun or noun in STOPWORDS or noun in SCALES_AFTER_DIGITS:
        return None
    counted = noun in measures.PEOPLE or measures.word_lemma(noun) != noun
    money = _currency_named(noun, " ") or noun in CURRENCY_AFTER_SCALE
    return not (counted or money), after.start() + 2


def _split_groups(
    text: str, end: int, digits: str | None, currency: regex.Match[str] | None
) -> tuple[float, float, int] | None:
    """A whole number whose digit groups tokenised text split ("£100, 000", "$ 143, 500"):
    its value, precision and end. Only groups of zeros, or after a currency spaced from its
    figure, are joined: "In 2019, 300 people" stays two figures."""
    if not digits or not digits.isdigit() or len(digits) > 3:
        return None
    g = _SPLIT_GROUPS.match(text, end, end + 4 * MAX_DIGITS, KEEP_GIL)
    if g is None:
        return None
    groups = g.group()[2:].split(", ")
    if not (set("".join(groups)) == {"0"} or (currency and currency.group()[-1:].isspace())):
        return None
    value, precision = parse_digits(digits + "," + ",".join(groups))
    return value, precision, g.end()


def _power(digits: str, exp: str) -> float | None:
    """ "12.32e+14", "1.3x10^6", "2.48×10−5", "1.1^23": scientific notation or a power. A bare
    "2e5" is more often a code than a figure: a mantissa without a point needs a signed
    exponent or one of two digits ("4e14")."""
    mantissa = float(digits.replace(",", ""))
    m = _EXPONENT.search(exp, 0, None, KEEP_GIL)
    if m is None:
        return None
    tail = m.group("power").replace("−", "-")
    power = int(tail)
    try:
        if exp[0] in "eE":
            if "." not in digits and tail[0] not in "+-" and (len(tail) < 2 or digits[0] == "0"):
                return None
            return mantissa * 10.0**power
        if exp.lstrip()[0] in "x×":  # "1.3x10^6"; "8x2^10" (bits and bytes)
            return mantissa * (2.0 if "2^" in exp else 10.0) ** power
        return float(mantissa**power)
    except OverflowError:
        return None


def _apposed_age(text: str, end: int, before: str, m: regex.Match[str]) -> bool:
    """A whole number from 1 to 119 set off by commas after a name: "Chappell, 41, said"."""
    digits = m.group("digits")
    return bool(
        digits
        and digits.isdigit()
        and 0 < int(digits) < 120
        and _COMMA_AFTER.match(text, end, None, KEEP_GIL)
        and _NAME_COMMA_BEFORE.search(before, 0, None, KEEP_GIL)
    )


def _measure_hint(aged: bool, hyphen_noun: str | None) -> str:
    if aged:
        return "\x00aged"
    return hyphen_noun or ""


def _year_span_end(text: str, end: int, year: float) -> int:
    """Where a year ending at ``end`` ends with the next year's two digits after it ("2027-28",
    "2014/15", "FY22-23": a fiscal year or season, by its first year)."""
    span = _YEAR_SPAN.match(text, end, None, KEEP_GIL)
    return span.end() if span and int(span.group(1)) == (year + 1) % 100 else end


def _looks_like_year(m: regex.Match[str], after: str, before: str) -> bool:
    digits = m.group("digits")
    if len(digits) != 4 or not digits.isdigit() or not 1600 <= int(digits) <= 2099:
        return False
    # "in 2019 profits fell": after in/by/since a four-digit figure is a year whatever follows.
    if _YEAR_PREPOSITION.search(before, 0, None, KEEP_GIL) or _YEAR_PERIOD_BEFORE.search(
        before, 0, None, KEEP_GIL
    ):
        return True
    return _PLURAL_NOUN_AFTER.match(after, 0, None, KEEP_GIL) is None
