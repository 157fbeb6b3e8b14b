"""The scans tried only around runs of digits find what a scan of every character finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claims import scan
from claims.dates import DATE_LEAD, DATE_RE, DATE_REACH

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
    "12 Main Street", "4 Elm  Road", "5:30 pm", "10 a.m.", "\n 1. ", "\n   (2) ", "Boeing\n737",
    " Q4 ", " q3,",
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


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_number_starts_are_those_of_one_scan(text: str) -> None:
    lowered = text.lower()
    if len(lowered) == len(text):
        full = [(m.start(), m.end()) for m in START_LOWER.finditer(lowered)]
    else:
        full = [(m.start(), m.end()) for m in scan._START_RE.finditer(text)]
    assert [(s, e) for s, e, _ in scan._starts(text, scan.digit_runs(text))] == full
