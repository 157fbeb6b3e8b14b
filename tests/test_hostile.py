"""Hostile text never hangs, never raises, and every claim points at what it says it found."""

from __future__ import annotations

import faulthandler
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import regex
from conftest import load_bench
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.documents import prose_of
from claims import Claim, extract

# Smaller than the bench's megabyte so the file runs in seconds; bench/hostile.py times 1 MB.
SIZE = 100_000
DENSE = 10_000
# A guard, not a timing: a case that takes this long has gone quadratic (or worse) and would
# otherwise hang the suite; faulthandler dumps where it was stuck and ends the run.
HANG_SECONDS = 60


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


_BENCH = load_bench("hostile")
repeat: Callable[[str, int], str] = _BENCH.repeat
one_line_mix: Callable[[int], str] = _BENCH.one_line_mix


# (name, builder, size): inputs that yield a claim every few characters are kept small, since
# their cost is the claims', linear and measured in bench/hostile.py.
HOSTILE_TEXT: list[tuple[str, Callable[[int], str], int]] = [
    ("commas", lambda n: repeat("1,", n), SIZE),
    ("million-digit-number", lambda n: "7" * n, SIZE),
    ("nested-parentheses", lambda n: "(" * (n // 2) + ")" * (n // 2), SIZE),
    ("hedge-words", lambda n: repeat("at least more than nearly about ", n), SIZE),
    ("one-line-words-and-digits", one_line_mix, SIZE // 4),
    ("dollar-signs", lambda n: "$" * n, SIZE),
    ("minus-ones", lambda n: repeat("-1", n), SIZE),
    ("month-abbreviations", lambda n: repeat("Oct. Oct. 31 31 ", n), SIZE // 4),
    ("number-words", lambda n: repeat("one two three ", n), SIZE),
    ("dots", lambda n: repeat("1.1.", n), SIZE),
    ("urls-and-emails", lambda n: repeat("https://x.org/1/2 a@b.co 3 ", n), SIZE // 4),
    ("times-and-phones", lambda n: repeat("12:00 p.m. (555) 123-4567 ", n), SIZE),
    ("capitalised-names", lambda n: repeat("Paris Syria Iraq ", n), SIZE),
    ("ranges", lambda n: repeat("between 1 and 2 ", n), DENSE),
    ("restatements", lambda n: repeat("1 kilogram (2.2 pounds) ", n), DENSE),
    ("line-breaks", lambda n: repeat("1\n", n), DENSE),
    ("carriage-returns", lambda n: repeat("1\r", n), DENSE),
    ("sentence-stops", lambda n: repeat("A. 1. ", n), DENSE),
    ("unicode-digits", lambda n: repeat("\u0661\u0662\u0663 \U0001d7cf ", n), DENSE),
    ("percent-signs", lambda n: repeat("1%", n), DENSE),
]


def assert_claims_point_home(text: str, claims: list[Claim]) -> None:
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.line == text.count("\n", 0, c.start) + 1


@pytest.mark.parametrize(
    ("build", "size"), [(b, n) for _, b, n in HOSTILE_TEXT], ids=[n for n, _, _ in HOSTILE_TEXT]
)
def test_hostile_text_is_extracted(build: Callable[[int], str], size: int) -> None:
    text = build(size)
    claims = extract(text)
    assert len(claims) <= len(text)
    assert_claims_point_home(text, claims)


HOSTILE_MARKUP: list[tuple[str, str, Callable[[int], str], int]] = [
    ("unclosed-comments", ".md", lambda n: repeat("<!-- 1 ", n), SIZE),
    ("unclosed-comments-html", ".html", lambda n: repeat("<!-- 1 ", n), SIZE),
    ("unclosed-scripts", ".html", lambda n: repeat("<script> 1 ", n), SIZE),
    ("unclosed-pre", ".html", lambda n: repeat("<pre> a ", n), SIZE),
    ("unclosed-tags", ".html", lambda n: repeat("<a b ", n), SIZE),
    ("entities", ".html", lambda n: repeat("&amp;&#36;1&#10;", n), DENSE),
    ("backticks", ".md", lambda n: repeat("`a``b```c ", n), SIZE),
    ("link-openers", ".md", lambda n: repeat("](a ", n), SIZE),
    ("brackets", ".md", lambda n: "[" * (n // 2) + "]" * (n // 2), SIZE),
    ("footnotes", ".md", lambda n: repeat("[^a ", n), SIZE),
    ("front-matter-fences", ".md", lambda n: repeat("---\n", n), SIZE),
    ("blockquotes", ".md", lambda n: ">" * n, SIZE),
    ("nested-lists", ".md", lambda n: repeat("- ", n), SIZE),
    ("fences", ".md", lambda n: repeat("```\n1\n", n), DENSE),
    ("emphasis", ".md", lambda n: repeat("*_1", n), SIZE),
    ("html-blocks", ".md", lambda n: repeat("<div>\n1 people\n", n), DENSE),
    ("one-long-line", ".md", lambda n: repeat("a b ", n), SIZE),
]


@pytest.mark.parametrize(
    ("suffix", "build", "size"),
    [(s, b, n) for _, s, b, n in HOSTILE_MARKUP],
    ids=[n for n, _, _, _ in HOSTILE_MARKUP],
)
def test_hostile_markup_is_masked_and_extracted(
    suffix: str, build: Callable[[int], str], size: int
) -> None:
    text = build(size)
    prose = prose_of(text, suffix)
    assert len(prose) == len(text)
    assert prose.count("\n") == text.count("\n")
    assert_claims_point_home(prose, extract(prose))


# ---- properties ------------------------------------------------------------------------------

NEWSY_TOKENS = (
    ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "1,000", "3.5", "2,700", "129", "1.5bn"),
    ("10m", "21st", "1990s", "one", "two", "twelve", "twenty-one", "hundred", "thousand"),
    ("million", "dozen", "first", "half of", "three-quarters of", "doubled", "hundreds"),
    ("at least ", "more than ", "nearly ", "about ", "up to ", " or more", "between "),
    (" and ", " to ", "some ", "over ", "under ", "-plus", "a dozen"),
    ("km", " kilometres", " miles", "%", " per cent", " percent", "$", "US$", "\u20ac"),
    ("\u00a3", " pounds", " dollars", " kg", " hours", " days", "-year-old", " people"),
    ("Oct. ", "October ", "Nov. 13", "31", "2015", " killed", " Paris", " Syria"),
    (".", ",", "-", "\u2013", "(", ")", ":", "/", "'", '"', "\u201c", "\u201d", " ", "  "),
    ("\n", "\r", "\r\n", "\n\n", "\t", "\u2028", "\x85", "\xa0", "#", "*", "_", "&"),
    ("http://x.org/", "a@b.co", "12:30", "p.m.", "No. ", "Flight ", "F-16", "COVID-19"),
)
NEWSY = st.lists(
    st.sampled_from([token for group in NEWSY_TOKENS for token in group]), max_size=60
).map("".join)


def assert_claim_positions(text: str) -> None:
    for c in extract(text):
        assert text[c.start : c.end] == c.text
        assert c.line >= 1
        assert c.line == text.count("\n", 0, c.start) + 1
        assert c.column == c.start - (text.rfind("\n", 0, c.start) + 1) + 1


# The regex module knows a newer Unicode than Python: 110 characters it takes for digits
# (U+10D40, U+11DE0, ...) are not digits to float(). They are left to the test after this one.
_NEWER_DIGIT = regex.compile(r"\d")
ANY_CHARACTER = st.characters().filter(lambda ch: ch.isdecimal() or not _NEWER_DIGIT.match(ch))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ANY_CHARACTER))
def test_any_text_extracts_without_error(text: str) -> None:
    assert_claim_positions(text)


@pytest.mark.parametrize("digit", ["\U00011de0", "\U00010d40"], ids=["U+11DE0", "U+10D40"])
def test_digits_of_a_newer_unicode_do_not_raise(digit: str) -> None:
    assert_claim_positions(f"At least {digit}{digit} people died.")


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_newsy_text_extracts_without_error(text: str) -> None:
    assert_claim_positions(text)


# ---- through the command line --------------------------------------------------------------

HUGE_NUMBER_RUNS = [
    ("extract-json", ["extract", "{a}", "-f", "json"]),
    ("check-json", ["check", "{a}", "{b}", "-f", "json"]),
    ("gate", ["gate", "{a}", "--source", "{b}", "-f", "json"]),
]


@pytest.mark.parametrize(
    "args", [a for _, a in HUGE_NUMBER_RUNS], ids=[n for n, _ in HUGE_NUMBER_RUNS]
)
@pytest.mark.parametrize(
    "sentence", ["The debt is {n} dollars.", "{n} people died."], ids=["money", "count"]
)
def test_a_number_past_float_range_ends_cleanly(
    args: list[str], sentence: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = sentence.format(n="9" * 400) + "\n"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    b.write_text(text, encoding="utf-8")
    code = main([arg.format(a=a, b=b) for arg in args])
    _, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in err


MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _dated_counts(n: int) -> str:
    """One long sentence of n distinct dates, each beside a count."""
    return ", ".join(
        f"on {MONTHS[i % 12]} {i % 28 + 1}, {1900 + i // 336} some {i + 2} people" for i in range(n)
    )


def test_claim_terms_grow_linearly_with_the_text() -> None:
    small, large = extract(_dated_counts(300)), extract(_dated_counts(1200))
    # Figures of one sentence share one terms tuple: count each tuple held once.
    terms_small = sum(len(t) for t in {id(c.terms): c.terms for c in small}.values())
    terms_large = sum(len(t) for t in {id(c.terms): c.terms for c in large}.values())
    # Four times the text may carry about four times the terms, not sixteen.
    assert terms_large <= 6 * terms_small
