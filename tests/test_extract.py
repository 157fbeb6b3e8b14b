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
    ("a surplus by 2031-32, she said", "2031-32", "year", 2031, 2031, 2031, None, "exact"),
    # a time of day, in minutes after midnight
    ("the meeting at 10:30 a.m. ended", "10:30 a.m.", "time", 630, 630, 630, None, "exact"),
    ("it left at 7pm.", "7pm", "time", 1140, 1140, 1140, None, "exact"),
    ("it left at 19:05 sharp", "19:05", "time", 1145, 1145, 1145, None, "exact"),
    # with a point between hour and minutes, as British papers write it
    ("the ferry sails at 4.15pm", "4.15pm", "time", 975, 975, 975, None, "exact"),
    ("the alarm rang at 5.40 a.m. today", "5.40 a.m.", "time", 340, 340, 340, None, "exact"),
    ("a fare of 4.15 dollars at 9am", "4.15 dollars", "money", 4.15, 4.15, 4.15, "USD", "exact"),
    ("hundreds more injured", "hundreds", "count", 200, 200, 999, None, "range"),
    # tokenised text: digit groups and scales set apart by spaces
    ("they spent £ 20 m on ads", "£ 20 m", "money", 2e7, 2e7, 2e7, "GBP", "exact"),
    (
        "spent more than £300, 000 on ads",
        "more than £300, 000",
        "money",
        3e5,
        3e5,
        None,
        "GBP",
        "more_than",
    ),
    (
        "a bill of $ 212, 400 was paid",
        "$ 212, 400",
        "money",
        212400,
        212400,
        212400,
        "USD",
        "exact",
    ),
    ("a 32 m shaft was sunk", "32 m", "quantity", 0.032, 0.032, 0.032, "km", "exact"),
    ("a 3.5m cut", "3.5m", "count", 3.5e6, 3.5e6, 3.5e6, None, "exact"),
    ("about 12 m voters", "about 12 m", "count", 12e6, 10.8e6, 13.2e6, None, "about"),
    ("a payout of 31 cents a share", "31 cents", "money", 0.31, 0.31, 0.31, "USD", "exact"),
    ("a coin of 20 pence", "20 pence", "money", 0.2, 0.2, 0.2, "GBP", "exact"),
    ("it reached 38.5C at noon", "38.5C", "quantity", 38.5, 38.5, 38.5, "degC", "exact"),
    ("a low of 41F overnight", "41F", "quantity", 5, 5, 5, "degC", "exact"),
    ("a rise 9F above the norm", "9F", "quantity", 5, 5, 5, "degC", "exact"),
    ("Marlow, 52, was arrested", "52", "duration", 18993, 18993, 18993, "day", "exact"),
    # tokenised text: a hyphen set apart by spaces still joins a figure to its unit
    (
        "a 41 - year - old cook",
        "41 - year - old",
        "duration",
        14975.25,
        14975.25,
        14975.25,
        "day",
        "exact",
    ),
    (
        "a 15 - minute walk",
        "15 - minute",
        "duration",
        15 / 1440,
        15 / 1440,
        15 / 1440,
        "day",
        "exact",
    ),
    # a year and the next one's two digits after a slash: one fiscal year or season
    ("losses in 2022/23 grew", "2022/23", "year", 2022, 2022, 2022, None, "exact"),
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
    "the meeting at 10:30 ended",  # either half of the day
    "see https://example.org/live-8pm-show",  # a time inside a link or an address
    "write to 8pm@example.org",
    "one of those bumps",
    "to one another",
    "at first he said",
    "they may march on",
    "the second said",  # no determiner-noun ordinal: a pronoun
    "its Tier 1 capital",
    "the FTSE 100 closed higher",
    "a Category 5 licence",  # a class; a storm's category is a rating (test_numbers.py)
    "she lives in Flat 4F now",
    "one man's view of the storm",
    "a one-woman show",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_a_claim(text: str) -> None:
    assert [c.text for c in extract(text)] == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # A capital on a number word in the middle of running text makes it part of a name ...
        ("HALMSTAD, June 3 (Radio Nine) - Storms cut power to 4,000 homes.", ["June 3", "4,000"]),
        ("The Big Four auditors signed off the accounts, the regulator said.", []),
        ("Historians say World War Two reshaped the region's borders.", []),
        # ... but not at the start of a sentence, nor in a heading in title case.
        ("The regulator spoke. Four auditors signed off the accounts.", ["Four"]),
        ("Storms Cut Power To Four Towns", ["Four"]),
        ("It came ashore as a Category Four hurricane, forecasters said.", ["Category Four"]),
    ],
)
def test_a_capitalized_number_word_inside_a_name_is_no_figure(
    text: str, figures: list[str]
) -> None:
    assert [c.text for c in extract(text)] == figures


def test_a_head_that_is_a_plain_word_in_lower_case_heads_no_identifier() -> None:
    text = "The river rose to a level 3 metres above normal."
    assert [c.text for c in extract(text)] == ["3 metres"]


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
    ("the landslide killed one person", "one", "deaths"),
    ("One child was hurt in the blast", "One", "injuries"),
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


def test_split_digit_groups_join_only_where_the_text_is_tokenised() -> None:
    assert [c.text for c in extract("By 2019, 300 staff had left.")] == ["2019", "300"]
    assert [c.value for c in extract("It hired 2, 000 staff.")] == [2000]


def test_a_temperature_reading_is_no_temperature_change() -> None:
    change, reading = extract("It was 9F above the norm, at 41F.")
    assert change.value == pytest.approx(5) and reading.value == pytest.approx(5)
    assert [c.value for c in extract("It was 9F at dawn.")] == [pytest.approx(-12.78, abs=0.01)]


def test_an_age_needs_a_name_and_commas_on_both_sides() -> None:
    assert extract("Marlow, 52, was arrested")[0].measure == "age"
    assert extract("In Marlow, 52 were arrested")[0].kind == "count"


def test_a_match_score_is_one_figure_whoever_is_named_first() -> None:
    won, drew, lost = extract("Leeds won 3-1 on Sunday after a 2 - 2 draw, then lost 1-3.")
    assert (won.kind, won.text, drew.text) == ("score", "3-1", "2 - 2")
    assert won.value == lost.value != drew.value
    (far,) = extract("Lille beat Saint - Etienne's reserves 4 - 0 to go top.")
    assert (far.kind, far.text) == ("score", "4 - 0")
    # no score: a dash between two numbers with no word of a match near it, a set list
    assert [c.kind for c in extract("Children aged 5-11 joined.")] == ["duration"]
    assert extract("She won 6-4, 7-6 in the final.") == []


def test_a_score_named_by_the_word_for_a_heavy_win_or_a_goalless_draw_is_a_score() -> None:
    (rout,) = extract("Their 6-1 rout of Rovers lifted the mood.")
    (demolition,) = extract("The hosts' 5-0 demolition of Bury ended it.")
    (stalemate,) = extract("A dull 0-0 stalemate followed in March.")
    assert [c.kind for c in (rout, demolition, stalemate)] == ["score"] * 3
    assert (rout.text, rout.value) == ("6-1", extract("Leeds won 6-1.")[0].value)
    # the same dash before a word of no match is no score
    assert [c.kind for c in extract("The 6-1 split of the board held.")] == ["count"]


def test_a_level_score_a_lead_and_a_season_record_are_scores() -> None:
    claims = extract("Hull tied the game at 14-14, went ahead 21-14 and ended with a 9-7 record.")
    assert [(c.kind, c.text) for c in claims] == [("score", "14-14"), ("score", "21-14"),
                                                  ("score", "9-7")]  # fmt: skip
    (record,) = extract("The club improved its record to 11-3 on Monday.")
    assert (record.kind, record.value) == ("score", 11003)
    # a range after the same words stays a range
    assert [c.kind for c in extract("Ahead lie 10-12 weeks of talks.")] == ["duration"]
    assert [c.kind for c in extract("He has lived here 5-6 years.")] == ["duration"]


def test_not_before_a_bound_turns_it_into_the_other_side() -> None:
    (most,) = extract("The permit will cost not more than 40 euros a year.")
    (least,) = extract("Not less than 30 staff will stay on.")
    assert (most.text, most.qualifier, most.low, most.high) == (
        "not more than 40 euros",
        "at_most",
        None,
        40,
    )
    assert (least.qualifier, least.low, least.high) == ("at_least", 30, None)
    # without the "not", the same words keep their own side
    (more,) = extract("The permit will cost more than 40 euros a year.")
    assert (more.qualifier, more.low, more.high) == ("more_than", 40, None)


@pytest.mark.parametrize(
    ("text", "figure", "qualifier"),
    [
        ("Floods left the square under 2 metres of water.", "2 metres", "exact"),  # a place
        ("The drifts were under 2 metres, the council said.", "under 2 metres", "less_than"),
        ("Under 40 percent of the roads were cleared.", "Under 40 percent", "less_than"),
    ],
)
def test_under_a_length_of_something_is_where_it_lies(
    text: str, figure: str, qualifier: str
) -> None:
    assert one(text, figure).qualifier == qualifier


def test_a_negation_a_few_words_before_a_bound_turns_it_around() -> None:
    (most,) = extract("The ticket won't cost them more than 40 euros.")
    (least,) = extract("Rents did not rise by less than 3% anywhere.")
    assert (most.qualifier, most.low, most.high) == ("at_most", None, 40)
    assert (least.qualifier, least.low, least.high) == ("at_least", 3, None)
    # a "not" of another clause, or "not only", leaves the bound as it is
    for text in ("It is not true that more than 60 left.", "Not only more than 60 left."):
        (more,) = extract(text)
        assert (more.qualifier, more.low, more.high) == ("more_than", 60, None), text


def test_a_year_joins_only_the_next_year_as_its_span() -> None:
    assert [c.text for c in extract("In 2019-25 people came.")] == ["2019"]


def test_slashes_between_figures_that_are_no_fiscal_year_stay_none() -> None:
    assert extract("Open 24/7 since 11/4/2021, and in 2021/22/23.") == []


def test_a_spaced_hyphen_before_a_word_that_is_no_unit_joins_nothing() -> None:
    assert [(c.text, c.kind) for c in extract("They won 3 - and then lost 4 - 1.")] == [
        ("3", "count"),
        ("4 - 1", "score"),
    ]


def test_empty_and_figureless_text() -> None:
    assert extract("") == []
    assert extract("No figures here at all.") == []


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The number of people killed in the valley floods rose to 75 on Sunday.", "deaths"),
        ("By Monday the tally of people injured in the blast had reached 212.", "injuries"),
        ("The number of homes flooded climbed to 1,300.", "homes"),
        # What the number is of stands in another clause: nothing is read from it.
        ("The number of guests was small; 75 came in the end.", "count"),
    ],
)
def test_a_count_is_of_what_the_number_before_it_counts(text: str, measure: str) -> None:
    (claim,) = [c for c in extract(text) if c.kind == "count"]
    assert claim.measure == measure
