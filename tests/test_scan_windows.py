"""The fast paths of extraction find what the plain ones find: scans tried only where a match
can start (around runs of digits, over the last words before a figure) and patterns run by the
standard library's engine on plain ASCII text."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claims import context, frame, measures, roles, scan
from claims.dates import DATE_LEAD, DATE_RE, DATE_REACH, TIME_RE, TIME_REACH
from claims.engines import Twin

# Pieces that open, close or join the patterns: digits, separators, heads, months, marks.
PIECES = (
    "1", "12", "123", "1234", "555", "2015", "2015-11-16", "5:30", "4.5", ".5", "-", "−", ".",
    ":", "+", "(", ")", ",", "–", " ", "  ", "\n", "\t", "\u00a0", "a", "x", "Q", "q", "pm",
    "a.m.", "th", "of", "won ", "beat them ", "Street", " Main Street", "Tier", "Tier ", "No.",
    "World War", "S&P", "iPhone", "Room  ", "Oct.", "September", "May", "www.", "http://", "@",
    "me@mail.example", "one", "two-thirds", "dozen", "½", "İ",
    # whole ones, which random pieces seldom build
    "September 16, 2015", "16th of September", "May 2020", "Sept. 3", "(555) 123-4567",
    "555.123.4567", "+44 20 7946 0958", "Tier  1", "World War 2", "won 3-2", "beat them 10–7",
    "12 Main Street", "4 Elm  Road", "5:30 pm", "10 a.m.", "11:45 P.M.", "18:42", "8pm",
    "\n 1. ", "\n   (2) ", "Boeing\n737", " Q4 ", " q3,",
)  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)

NOISE = (
    scan._LINK,
    scan._EMAIL,
    scan._PHONE,
    scan._INTERNATIONAL_PHONE,
    *scan._NOISE_AT_DIGITS,
    scan._LIST_MARK,
    scan._IDENTIFIER,
)
# The start pattern as one scan of the text in lower case.
START_LOWER = re.compile(
    r"[-−]?+\.?+[0-9]++|[" + scan._VULGAR + r"]|\b(?:" + scan._START_WORDS + r")\b|\bq[1-4]\b"
)


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_noise_near_digits_is_the_noise_of_a_full_scan(text: str) -> None:
    full = sorted(m.span() for pattern in NOISE for m in pattern.finditer(text))
    assert scan.noise_spans(text) == full


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_dates_near_digits_are_the_dates_of_a_full_scan(text: str) -> None:
    runs = scan.digit_runs(text)
    near = scan.near_digits(DATE_RE, text, runs, DATE_LEAD, DATE_REACH)
    assert [m.span() for m in near] == [m.span() for m in DATE_RE.finditer(text)]
    times = scan.near_digits(TIME_RE, text, runs, 0, TIME_REACH)
    assert [m.span() for m in times] == [m.span() for m in TIME_RE.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_number_starts_are_those_of_one_scan(text: str) -> None:
    lowered = text.lower()
    if len(lowered) == len(text):
        full = [(m.start(), m.end()) for m in START_LOWER.finditer(lowered)]
    else:
        full = [(m.start(), m.end()) for m in scan._START_RE.finditer(text)]
    assert [(s, e) for s, e, _ in scan._starts(text, scan.digit_runs(text))] == full


# ---- patterns anchored at the end of the words before a figure --------------------------------

ROLE_WORDS = (
    "rose", "fell", "up", "down", "cut", "by", "to", "from", "some", "a", "another", "Rose",
    "FELL", "re-rose", "un", "5", "jobs", "U.S.", "(rose", "—", "é",
)  # fmt: skip
ROLE_SEPARATORS = (" ", " ", " ", "  ", "\n", ", ", "-", " — ", "", "\x1c", "\u00a0")
_WORDS_AND_SEPARATORS = st.lists(
    st.tuples(st.sampled_from(ROLE_WORDS), st.sampled_from(ROLE_SEPARATORS)), max_size=6
).map(lambda pairs: "".join(w + s for w, s in pairs))
# Some words, then often a verb and up to four gap words: the shape the patterns look for.
ROLE_TEXTS = st.tuples(
    _WORDS_AND_SEPARATORS,
    st.sampled_from(("", "rose ", "fell ", "Cut ", "up  ", "down\n")),
    st.lists(st.sampled_from(("by ", "to ", "some ", "a ", "another ", "jobs ")), max_size=4),
    _WORDS_AND_SEPARATORS,
).map(lambda parts: parts[0] + parts[1] + "".join(parts[2]) + parts[3])
_DIRECTION = roles._DATA["direction"]
UP_AFTER = regex.compile(rf"(?i)^[\s-]++(?:{roles._alternation(_DIRECTION['up_after'])})\b")
DOWN_AFTER = regex.compile(rf"(?i)^[\s-]++(?:{roles._alternation(_DIRECTION['down_after'])})\b")


def reference_direction(before: str, after: str) -> str | None:
    """The figure's direction read by searching every character (the plain definition)."""
    left = roles._CLAUSE_LEFT.split(before[-60:])[-1]
    up, down = roles._UP_BEFORE.search(left), roles._DOWN_BEFORE.search(left)
    if up and down:
        return "up" if up.start() > down.start() else "down"
    if up or down:
        return "up" if up else "down"
    if UP_AFTER.match(after):
        return "up"
    return "down" if DOWN_AFTER.match(after) else None


@settings(max_examples=800, deadline=None)
@given(ROLE_TEXTS, st.sampled_from(("", " rise", " lower", "-drop", " higher and a fall")))
def test_direction_is_that_of_a_full_search(before: str, after: str) -> None:
    assert roles.direction(before + " ", after) == reference_direction(before + " ", after)
    assert roles.direction(before, after) == reference_direction(before, after)


# ---- patterns run by ``re`` on plain text ---------------------------------------------

TWINS = [
    (f"{module.__name__}.{name}", value)
    for module in (frame, measures, roles)
    for name, value in vars(module).items()
    if isinstance(value, Twin)
]
TWIN_WORDS = (
    "in", "the", "Syria", "New York", "over", "two", "Two", "days", "24", "hours", "during",
    "October", "2023", "Q3", "third", "quarter", "of", "for", "since", "as of", "killed", "were",
    "injured", "missing", "aboard", "on board", "3", "1,200", "and", "sales", "rose", "to", "by",
    "was", "evacuated", "dead", "out of", "per", "from", "than", "earnings", "stood at", "U.S.",
    "it's", "first", "five", "thousands", "_x",
)  # fmt: skip
TWIN_SEPARATORS = (" ", " ", " ", "  ", "\n", ", ", ". ", "; ", "-", "(", ") ", "'", "\t", "")
# Characters of plain text beyond ASCII, and some of no plain text (run by ``regex`` alone).
TWIN_OTHERS = ("’", "“", "—", " – ", "\u00a0", "€", "°", "é", "e\u0301", "½", "\x1c", "ſ", "K")
TWIN_TEXTS = st.lists(
    st.tuples(
        st.sampled_from(TWIN_WORDS),
        st.sampled_from((*TWIN_SEPARATORS, *TWIN_SEPARATORS, *TWIN_OTHERS)),
    ),
    max_size=14,
).map(lambda pairs: "".join(w + s for w, s in pairs))


def _read(m: re.Match[str] | regex.Match[str] | None) -> object:
    return None if m is None else (m.span(), m.groupdict())


def test_the_twins_are_found() -> None:
    assert len(TWINS) >= 8 and all(t.fast is not t.full for _, t in TWINS)


@settings(max_examples=800, deadline=None)
@given(TWIN_TEXTS, st.sampled_from(("", " ", "after ")))
def test_each_twin_reads_plain_text_as_regex_does(text: str, lead: str) -> None:
    text = lead + text
    for name, t in TWINS:
        for method in ("search", "match"):
            chosen, full = getattr(t, method)(text), getattr(t.full, method)(text)
            assert _read(chosen) == _read(full), (name, method, text)


EARLIER_WORDS = (
    "an", "the", "earlier", "previous", "first", "death", "toll", "count", "estimate", "of",
    "was", "stood", "at", "about", "some", "up", "revised", "from", "U.S.", "5", "(", "said",
)  # fmt: skip
_EARLIER_NOISE = st.lists(
    st.tuples(st.sampled_from(EARLIER_WORDS), st.sampled_from((" ", " ", "  ", ", ", "\n", "-"))),
    max_size=8,
).map(lambda pairs: "".join(w + s for w, s in pairs))
# Whole phrases too, up to the longest the pattern takes, which random words seldom build.
EARLIER_TEXTS = st.tuples(
    _EARLIER_NOISE,
    st.sampled_from(
        (
            "", "an earlier death toll estimate stood at about ", "the previous toll of some ",
            "An earlier  official count was ", "revised from about ", "first tally of ",
        )
    ),
    _EARLIER_NOISE,
).map("".join)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(EARLIER_TEXTS)
def test_a_superseded_figure_is_found_over_the_last_words(before: str) -> None:
    assert measures.superseded(before) == (measures._EARLIER_BEFORE.search(before) is not None)


# Words that open a number word, glued or set apart by what splits a word and what does not.
START_PIECES = (
    "one", "two-thirds", "two", "ten", "often", "fifty", "a", "baker", "dozen", "half", "q4", "Q3",
    "h1", "H2", "fy", "FY2022", "fyi", "xfy", "cent", "percent", "eight", "weight", "million",
    "thousandth", "_", "2", "x", "é", "ōne", "½", "İ", "ß", "K", " ", "-", "'", "’", "“", "\n",
    ".", ",", "\u00a0", "\udc80",
)  # fmt: skip
START_TEXTS = st.lists(st.sampled_from(START_PIECES), min_size=1, max_size=30).map("".join)


@settings(max_examples=800, deadline=None)
@given(START_TEXTS)
def test_start_words_tried_where_their_words_stand_are_those_of_a_full_scan(text: str) -> None:
    lowered = text.lower()
    full = [m.span() for m in scan._START_LOWER_WORDS.finditer(lowered)]
    assert [m.span() for m in scan._start_words(lowered)] == full


def test_every_start_word_is_found_alone_and_among_others() -> None:
    for word in scan._START_WORD_LIST:
        for text in (word, f"“{word}” x{word} {word}é {word}_ 5{word}-{word}, fy{word} {word}s"):
            lowered = text.lower()
            full = [m.span() for m in scan._START_LOWER_WORDS.finditer(lowered)]
            assert [m.span() for m in scan._start_words(lowered)] == full, text


@pytest.mark.parametrize(
    "text",
    ["see WwW.example.org 5", "see www.example.org/5 now", "WWW.A.B 7", "ww.w.x 5", "w w w. 5"],
)
def test_links_in_any_case_are_the_links_of_a_full_scan(text: str) -> None:
    full = sorted(m.span() for pattern in NOISE for m in pattern.finditer(text))
    assert scan.noise_spans(text) == full


@pytest.mark.parametrize(
    "text", ["Éric Ödegaard said", "ÉTAT 5", "no capital here", "an İ and a K", "see Paris"]
)
def test_names_are_looked_for_only_in_text_with_a_capital(text: str) -> None:
    full = [n for p in context._NAME_RE.findall(text) for n in context._names_of(p)]
    assert context.names_in(text) == full
