"""Extraction of every form the product promises, and of nothing that is not a claim."""

from __future__ import annotations

import math

import pytest

from claims import extract


def one(text: str, figure: str):
    """The claim whose text is ``figure`` in ``text``."""
    claims = extract(text, source="t.txt")
    hits = [c for c in claims if c.text == figure]
    assert hits, f"{figure!r} not found in {[c.text for c in claims]}"
    return hits[0]


FORMS = [
    # text, figure, kind, value, low, high, unit, qualifier
    ("They counted 2,300 strikes.", "2,300", "count", 2300, 2300, 2300, None, "exact"),
    (
        "A bomb of 2.2 pounds.",
        "2.2 pounds",
        "quantity",
        0.99790321,
        0.99790321,
        0.99790321,
        "kg",
        "exact",
    ),
    (
        "It cost 1,000.5 dollars.",
        "1,000.5 dollars",
        "money",
        1000.5,
        1000.5,
        1000.5,
        "USD",
        "exact",
    ),
    ("Ten planes took off.", "Ten", "count", 10, 10, 10, None, "exact"),
    (
        "It carried two hundred and twenty-four people.",
        "two hundred and twenty-four",
        "count",
        224,
        224,
        224,
        None,
        "exact",
    ),
    ("They bought a dozen eggs.", "a dozen", "count", 12, 12, 12, None, "exact"),
    ("eight Western allies joined", "eight", "count", 8, 8, 8, None, "exact"),
    ("a $50 million reward", "$50 million", "money", 5e7, 5e7, 5e7, "USD", "exact"),
    ("revenue of 1.2bn euros", "1.2bn euros", "money", 1.2e9, 1.2e9, 1.2e9, "EUR", "exact"),
    ("a 3.5m fine", "3.5m", "count", 3.5e6, 3.5e6, 3.5e6, None, "exact"),
    ("paid 50 million dollars", "50 million dollars", "money", 5e7, 5e7, 5e7, "USD", "exact"),
    ("fined £3m on Monday", "£3m", "money", 3e6, 3e6, 3e6, "GBP", "exact"),
    ("half of the voters", "half", "percent", 50, 50, 50, "percent", "exact"),
    ("three-quarters of the border", "three-quarters", "percent", 75, 75, 75, "percent", "exact"),
    ("Three quarters of the border", "Three quarters", "percent", 75, 75, 75, "percent", "exact"),
    ("at least 129 people dead", "at least 129", "count", 129, 129, None, None, "at_least"),
    ("more than 60 governments", "more than 60", "count", 60, 60, None, None, "more_than"),
    ("over 500 homes", "over 500", "count", 500, 500, None, None, "more_than"),
    ("nearly 100 boats", "nearly 100", "count", 100, 90, 100, None, "nearly"),
    ("almost 100 boats", "almost 100", "count", 100, 90, 100, None, "nearly"),
    ("about 61 miles", "about 61 miles", "quantity", 98.170, 88.353, 107.987, "km", "about"),
    ("around 40 trucks", "around 40", "count", 40, 36, 44, None, "about"),
    ("roughly 12,000 people", "roughly 12,000", "count", 12000, 10800, 13200, None, "about"),
    ("up to 1 kilogram of TNT", "up to 1 kilogram", "quantity", 1, None, 1, "kg", "up_to"),
    ("fewer than 100 people", "fewer than 100", "count", 100, None, 100, None, "less_than"),
    ("under 20 boats", "under 20", "count", 20, None, 20, None, "less_than"),
    ("between 10 and 20 people", "between 10 and 20", "count", 10, 10, 20, None, "range"),
    ("from 10 to 20 people", "10 to 20", "count", 10, 10, 20, None, "range"),
    ("10-20 people", "10-20", "count", 10, 10, 20, None, "range"),
    ("all 224 passengers", "224", "count", 224, 224, 224, None, "exact"),
    ("75 per cent of the border", "75 per cent", "percent", 75, 75, 75, "percent", "exact"),
    ("5 percent of strikes", "5 percent", "percent", 5, 5, 5, "percent", "exact"),
    ("5% of strikes", "5%", "percent", 5, 5, 5, "percent", "exact"),
    ("a 98-kilometre strip", "98-kilometre", "quantity", 98, 98, 98, "km", "exact"),
    ("a 98 km strip", "98 km", "quantity", 98, 98, 98, "km", "exact"),
    ("a 98km strip", "98km", "quantity", 98, 98, 98, "km", "exact"),
    ("US$ 3 million was paid", "US$ 3 million", "money", 3e6, 3e6, 3e6, "USD", "exact"),
    ("The man, aged 45, was held.", "45", "duration", 16436.25, 16436.25, 16436.25, "day", "exact"),
    ("61 miles of border", "61 miles", "quantity", 98.170, 98.170, 98.170, "km", "exact"),
    ("a wall 20 feet high", "20 feet", "quantity", 0.006096, 0.006096, 0.006096, "km", "exact"),
    ("a 6.2-metre wave", "6.2-metre", "quantity", 0.0062, 0.0062, 0.0062, "km", "exact"),
    ("5 tonnes of aid", "5 tonnes", "quantity", 5000, 5000, 5000, "kg", "exact"),
    ("over two days", "two days", "duration", 2, 2, 2, "day", "exact"),
    ("20 months ago", "20 months", "duration", 608.75, 608.75, 608.75, "day", "exact"),
    ("within 48 hours", "48 hours", "duration", 2, 2, 2, "day", "exact"),
    ("their second round of strikes", "second", "ordinal", 2, 2, 2, None, "exact"),
    ("for the first time", "first", "ordinal", 1, 1, 1, None, "exact"),
    ("the 21st century", "21st", "ordinal", 21, 21, 21, None, "exact"),
    ("Russia has doubled its strikes", "doubled", "ratio", 2, 2, 2, None, "exact"),
    ("capacity would triple", "triple", "ratio", 3, 3, 3, None, "exact"),
    ("As we learned in 1941, war", "1941", "year", 1941, 1941, 1941, None, "exact"),
    ("hundreds more injured", "hundreds", "count", 200, 200, 999, None, "range"),
]


@pytest.mark.parametrize(
    ("text", "figure", "kind", "value", "low", "high", "unit", "qualifier"),
    FORMS,
    ids=[f[1] for f in FORMS],
)
def test_form(text, figure, kind, value, low, high, unit, qualifier) -> None:
    c = one(text, figure)
    assert (c.kind, c.unit, c.qualifier) == (kind, unit, qualifier)
    for got, want in ((c.value, value), (c.low, low), (c.high, high)):
        assert (got is None and want is None) or math.isclose(got, want, rel_tol=1e-4)


DATES = [
    ("the Oct. 31 crash", "Oct. 31", "--10-31"),
    ("the October 31 crash", "October 31", "--10-31"),
    ("on November 16, 2015 in Paris", "November 16, 2015", "2015-11-16"),
    ("began on Sept. 30.", "Sept. 30", "--09-30"),
    ("on 31 October the plane", "31 October", "--10-31"),
    ("in March 2014 Russia", "March 2014", "2014-03"),
    ("published 2015-11-17 at noon", "2015-11-17", "2015-11-17"),
]


@pytest.mark.parametrize(("text", "figure", "iso"), DATES, ids=[d[1] for d in DATES])
def test_date(text: str, figure: str, iso: str) -> None:
    c = one(text, figure)
    assert c.kind == "date"
    assert c.date == iso


NOT_CLAIMS = [
    "sending F-16s to Syria",
    "a Tupolev TU-160 bomber",
    "an Su-24 jet",
    "the G20 meeting",
    "the COVID-19 pandemic",
    "in World War II and World War 2",
    "call 202-383-0014 now",
    "see https://example.org/2015/11/17/report-129 for more",
    "write to desk2015@example.org",
    "the meeting at 10:30 a.m. ended",
    "one of those bumps",
    "to one another",
    "at first he said",
    "they may march on",
    "the second said",  # no determiner-noun ordinal: a pronoun
    "its Tier 1 capital",
    "a Category 5 storm",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_a_claim(text: str) -> None:
    assert [c.text for c in extract(text)] == []


def test_list_numbering_is_not_a_claim() -> None:
    text = "Steps:\n1. Call the desk.\n2) Check 3 sources.\n"
    assert [c.text for c in extract(text)] == ["3"]


MEASURES = [
    ("the attacks left at least 129 people dead", "at least 129", "deaths"),
    ("gunmen killed at least 129 people", "at least 129", "deaths"),
    ("129 people were killed", "129", "deaths"),
    ("the attacks left 129 dead", "129", "deaths"),
    ("all 224 passengers and crew were killed", "224", "people aboard"),
    ("All 224 people on board died.", "224", "people aboard"),
    ("a plane carrying 224 people", "224", "people aboard"),
    ("an airliner that killed 224", "224", "deaths"),
    ("2,300 air strikes over two days", "2,300", "airstrikes"),
    ("a 98-kilometre strip of the border", "98-kilometre", "strip length"),
    ("65 nations", "65", "countries"),
    ("26 fighter jets.", "26", "fighter jets"),
    ("a $50 million reward", "$50 million", "reward"),
    ("5 percent of the 2,700 airstrikes", "5 percent", "airstrikes"),
    ("the Oct. 20 accord", "Oct. 20", "accord"),
    ("hundreds of people were wounded", "hundreds", "injuries"),
    ("129 people who are missing", "129", "missing"),
    ("a 1-year-old mission", "1-year-old", "mission age"),
]


@pytest.mark.parametrize(("text", "figure", "measure"), MEASURES, ids=[m[0] for m in MEASURES])
def test_measure(text: str, figure: str, measure: str) -> None:
    assert one(text, figure).measure == measure


def test_parenthesised_conversion_restates_the_claim_before_it() -> None:
    text = "a bomb of as much as 1 kilogram (2.2 pounds) of TNT"
    kg = one(text, "as much as 1 kilogram")
    lb = one(text, "2.2 pounds")
    assert lb.restates == kg.start
    assert lb.measure == kg.measure == "tnt mass"
    assert lb.qualifier == "up_to"


def test_positions_point_into_the_text() -> None:
    text = "Line one.\r\nNo wait: at least 129 dead\n\tand 5% more"
    for c in extract(text):
        assert text[c.start : c.end] == c.text
        line_start = text.rfind("\n", 0, c.start) + 1
        assert c.line == text.count("\n", 0, c.start) + 1
        assert c.column == c.start - line_start + 1


def test_scope_and_frame_tell_two_strike_counts_apart() -> None:
    text = (
        "Allies flew 5 percent of the 2,700 airstrikes in Syria and about 30 percent of "
        "the 5,100 airstrikes in Iraq."
    )
    syria, iraq = one(text, "2,700"), one(text, "5,100")
    assert syria.scope == ("syria",)
    assert iraq.scope == ("iraq",)


def test_empty_and_figureless_text() -> None:
    assert extract("") == []
    assert extract("No figures here at all.") == []
