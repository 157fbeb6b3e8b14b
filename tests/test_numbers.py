"""Numbers as careful readers read them: signs, fractions, scales, notation, quarters; and what
stays no figure."""

from __future__ import annotations

import pytest

from claims import extract, numbers
from claims.numbers import parse_words, read_tokens

READ = [
    # text, figure, value
    ("The lake froze at -9.23 degrees.", "-9.23", -9.23),
    ("It closed at minus 5 on the day.", "minus 5", -5),
    ("The balance stood at negative one.", "negative one", -1),
    ("It came to three fifths.", "three fifths", 0.6),
    ("They walked five and a quarter.", "five and a quarter", 5.25),
    ("A score of twenty and three fifths.", "twenty and three fifths", 20.6),
    (
        "It weighs one hundred and three and two thirds.",
        "one hundred and three and two thirds",
        103 + 2 / 3,
    ),
    ("Odds of 1 over 3 were given.", "1 over 3", 1 / 3),
    ("Odds of one over twenty were given.", "one over twenty", 0.05),
    ("We bought 3 dozens.", "3 dozens", 36),
    ("We bought half a dozen.", "half a dozen", 6),
    ("They sold 2.33 k units.", "2.33 k", 2330),
    ("The grant was 13 lakh.", "13 lakh", 1_300_000),
    ("The grant was 1 crore.", "1 crore", 10_000_000),
    ("The grant was three lakh crore.", "three lakh crore", 3e12),
    ("They counted 12.32e+14 cells.", "12.32e+14", 1.232e15),
    ("The wave swings 6e15 times a second.", "6e15", 6e15),
    ("The count was 1.3x10^6 cells.", "1.3x10^6", 1.3e6),
    ("Add ½ of it.", "½", 0.5),
    ("It was 2½ times as big.", "2½", 2.5),
    ("They ran 10 1/2 laps.", "10 1/2", 10.5),
    ("They ran 4 and 1/4 laps.", "4 and 1/4", 4.25),
    ("Stir in 2 ¾ of the stock.", "2 ¾", 2.75),
    ("The queue took 6 and a half hours.", "6 and a half hours", 6.5 / 24),
    ("The bill came to 7 and a half million pounds.", "7 and a half million pounds", 7.5e6),
    ("She ate a half.", "a half", 0.5),
    ("The city has 1 414 021 people.", "1 414 021", 1_414_021),
    ("Two point five million people.", "Two point five million", 2.5e6),
    ("About three and a half million people.", "About three and a half million", 3.5e6),
    ("Nearly one million and a half people.", "Nearly one million and a half", 1.5e6),
    ("Some quarter million people.", "Some quarter million", 250_000),
    ("It scored nought point nought three.", "nought point nought three", 0.03),
    ("The deal was worth €10M.", "€10M", 1e7),
    ("The debt reached $2.174T.", "$2.174T", 2.174e12),
    ("A share of 2.48×10−5 was left.", "2.48×10−5", 2.48e-5),
    ("They took one twenty-fifth of the seats.", "one twenty-fifth", 1 / 25),
    ("It came to twenty twenty-fifths.", "twenty twenty-fifths", 20 / 25),
    ("It came to one hundred thirty-fifths.", "one hundred thirty-fifths", 100 / 35),
    ("He left hundred thousand dollars.", "hundred thousand dollars", 100_000),
    ("It came to 3 hundred and 21.", "3 hundred and 21", 321),
    ("It came to 4 thousand 3 hundred.", "4 thousand 3 hundred", 4300),
    ("It came to 6 crore and two hundred.", "6 crore and two hundred", 60_000_200),
    ("The gap is about 1/40 of a wave.", "about 1/40", 1 / 40),
    ("A block is 8x2^10 bits.", "8x2^10 bits", 1024),
]


@pytest.mark.parametrize(("text", "figure", "value"), READ, ids=[r[1] for r in READ])
def test_numbers_read(text: str, figure: str, value: float) -> None:
    claims = extract(text)
    hits = [c for c in claims if c.text == figure]
    assert hits, [c.text for c in claims]
    assert hits[0].value == pytest.approx(value)


NOT_READ = [
    # text, what must not be read as one figure
    ("sixteen\n\ntwo", "sixteen\n\ntwo"),  # a blank line parts two numbers
    ("It was sixteen. Two more came.", "sixteen. Two"),
    ("They were sixteen and two came later.", "sixteen and two"),
    ("Open 24/7 since 9/11.", "24/7"),
    ("Open 24/7 since 9/11.", "9/11"),
    ("Tier 1 suppliers", "1"),
    ("The F-16 jets", "16"),
    ("one of the best", "one"),
    ("It all came to naught.", "naught"),
    ("The range is 10-20 km.", "-20"),
    ("The score was 3 over par.", "3 over par"),
    ("Fill in Form 3B today.", "3B"),
    ("Of 5 million 300 came.", "5 million 300"),  # the rest must carry a scale word
    ("It cost 2 million and 300 people came.", "2 million and 300"),
    ("It was 1/40 today.", "1/40"),  # no "of": a code, not a share
    ("Order part 3e7 today.", "3e7"),  # a one-digit exponent unsigned: a code
    ("The side reached 8 and a quarter-final.", "8 and a quarter"),
    ("Line 3\n½ of it was left.", "3\n½"),  # a line break parts a whole from a fraction
    ("Gates 1 and 24/7 access", "1 and 24/7"),
]


@pytest.mark.parametrize(("text", "figure"), NOT_READ, ids=[r[1] for r in NOT_READ])
def test_not_read(text: str, figure: str) -> None:
    assert figure not in [c.text for c in extract(text)]


RANKS = [
    ("It was the twenty-first attempt.", "twenty-first", 21),
    ("The one hundred twenty fifth day came.", "one hundred twenty fifth", 125),
    ("The one hundred and first visitor won.", "one hundred and first", 101),
    ("Its two hundredth birthday fell today.", "two hundredth", 200),
]


@pytest.mark.parametrize(("text", "figure", "rank"), RANKS, ids=[r[1] for r in RANKS])
def test_ordinals_in_words_end_a_cardinal(text: str, figure: str, rank: float) -> None:
    hits = [c for c in extract(text) if c.text == figure]
    assert hits, [c.text for c in extract(text)]
    assert (hits[0].kind, hits[0].value) == ("ordinal", rank)


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [("A twenty second delay followed.", "twenty second", 20),  # seconds, not the 22nd
     ("One hundredth of it was left.", "One hundredth", 0.01),  # a fraction, not a rank
     ("It came to twenty fifths.", "twenty fifths", 4)],  # no numerator before the ten
    ids=["twenty-seconds", "one-hundredth", "twenty-fifths"],
)  # fmt: skip
def test_what_is_no_rank(text: str, figure: str, value: float) -> None:
    (c,) = [c for c in extract(text) if c.text == figure]
    assert c.kind != "ordinal"
    assert c.value * (86400 if c.kind == "duration" else 1) == pytest.approx(value)


def test_number_words_never_join_across_a_line_break() -> None:
    wrapped = extract("It carried two hundred and\nthirty-four people.")
    assert [(c.text, c.value) for c in wrapped] == [("two hundred", 200), ("thirty-four", 34)]
    (joined,) = extract("It carried two hundred and thirty-four people.")
    assert (joined.text, joined.value) == ("two hundred and thirty-four", 234)


def test_a_sign_is_kept_in_the_interval() -> None:
    (c,) = extract("The lake froze at about -10 degrees overnight.")
    assert c.value == -10
    assert c.low is not None and c.high is not None and c.low < c.high


def test_a_hedge_over_is_still_a_hedge() -> None:
    (c,) = extract("The fire burned over 300 homes.")
    assert c.qualifier == "more_than" and c.value == 300


QUARTERS = [
    ("Profit rose in Q4.", "Q4"),
    ("Profit rose in 4Q 2020.", "4Q"),
    ("Profit rose in the fourth quarter.", "fourth"),
    ("Its fourth-quarter profit rose.", "fourth"),
    ("Profit rose in 4Q19.", "4Q19"),
    ("Profit rose in Q4'19.", "Q4'19"),
    ("Profit rose in 4Q2019.", "4Q2019"),
]


@pytest.mark.parametrize(("text", "figure"), QUARTERS, ids=[q[1] for q in QUARTERS])
def test_quarters_in_every_notation_are_one_period(text: str, figure: str) -> None:
    hits = [c for c in extract(text) if c.text == figure]
    assert hits and hits[0].kind == "ordinal" and hits[0].value == 4
    assert hits[0].measure == "quarter"


def test_a_quarter_with_its_year_glued_leaves_no_bare_count() -> None:
    assert [(c.text, c.kind) for c in extract("Margins fell in Q2'18.")] == [("Q2'18", "ordinal")]
    assert extract("Call Q218 or 4Q201 now.") == []  # no quarter and year in these


def test_a_hyphen_joins_a_rank_to_a_period_only() -> None:
    assert [c.text for c in extract("It is the third-largest port.")] == []
    (c,) = extract("Her side scored a first-half goal.")
    assert (c.text, c.kind, c.measure) == ("first", "ordinal", "half")


def test_fiscal_year_and_quarter_is_no_duration() -> None:
    claims = extract("Revenue in fiscal 2022 second quarter rose.")
    assert [(c.text, c.kind) for c in claims] == [("2022", "year"), ("second", "ordinal")]


def test_hyphenated_number_word_with_a_unit() -> None:
    (c,) = extract("A two-day strike closed the port.")
    assert (c.text, c.kind, c.value, c.unit) == ("two-day", "duration", 2, "day")


def test_hedged_multiplier_after_a_modal() -> None:
    (c,) = extract("Sales will roughly triple by spring.")
    assert (c.kind, c.value, c.qualifier) == ("ratio", 3, "about")


def test_money_in_slang_with_a_scale() -> None:
    (c,) = extract("He paid 5 mln bucks.")
    assert (c.kind, c.value, c.unit) == ("money", 5e6, "USD")


@pytest.mark.parametrize(
    ("text", "figure", "kind", "value", "currency"),
    [("The club bid £40million for the winger.", "£40million", "money", 4e7, "GBP"),
     ("Its debt tops $1.5billion.", "$1.5billion", "money", 1.5e9, "USD"),
     ("Nearly 2million people signed.", "Nearly 2million", "count", 2e6, None)],
    ids=["pounds", "dollars-decimal", "count"],
)  # fmt: skip
def test_a_scale_word_glued_to_digits(
    text: str, figure: str, kind: str, value: float, currency: str | None
) -> None:
    (c,) = extract(text)
    assert (c.text, c.kind, c.value, c.unit) == (figure, kind, value, currency)


def test_what_is_no_glued_scale_word() -> None:
    assert [c.text for c in extract("The x86million chip and Model 3millions.")] == []


def test_percent_sign_as_an_html_entity() -> None:
    (c,) = extract("Turnout was 15&#37; lower.")
    assert (c.text, c.kind, c.value) == ("15&#37;", "percent", 15)


def test_no_break_space_groups_with_a_bad_end_give_no_figure() -> None:
    text = "1" + "\u00a0111" * 50 + ",5 units"
    assert [c.text for c in extract(text)] == []


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("three score and ten", 70), ("nine million and five ninths", 9e6 + 5e6 / 9)],
    ids=["score", "fraction-of-a-scale"],
)
def test_parse_words(phrase: str, value: float) -> None:
    assert parse_words(phrase) == pytest.approx(value)


def test_reader_stops_at_the_longest_number() -> None:
    read = read_tokens("sixteen and two".split())
    assert read is not None and (read.value, read.used) == (16, 1)


@pytest.mark.parametrize(
    ("text", "figure", "low", "high"),
    [("Take 44 mg to 50 mg daily.", "44 mg to 50 mg", 4.4e-5, 5e-5),
     ("Take between 44 mg and 50 mg daily.", "between 44 mg and 50 mg", 4.4e-5, 5e-5),
     ("Nights fell to -18 °C to -34 °C.", "-18 °C to -34 °C", -34, -18),
     ("An 8- to 16-meter mirror.", "8- to 16-meter", 0.008, 0.016)],
    ids=["to", "between", "negative", "hyphen-to"],
)  # fmt: skip
def test_ranges_with_a_unit_on_each_end(text: str, figure: str, low: float, high: float) -> None:
    (c,) = [c for c in extract(text) if c.text == figure]
    assert c.qualifier == "range"
    assert (c.low, c.high) == (pytest.approx(low), pytest.approx(high))


def test_a_span_from_one_figure_to_another_is_a_range() -> None:
    (c,) = extract("Nights ranged from -18 °C to -34 °C.")
    assert (c.text, c.qualifier, c.low, c.high) == ("-18 °C to -34 °C", "range", -34, -18)


@pytest.mark.parametrize(
    ("text", "figure", "low", "high"),
    [("Analysts see margins of 6% to 7% next year.", "6% to 7%", 6, 7),
     ("Fares will rise 2 percent to 3 percent.", "2 percent to 3 percent", 2, 3),
     ("Rents ranged from 5% to 9% above the norm.", "5% to 9%", 5, 9)],
    ids=["sign", "word", "ranged-from"],
)  # fmt: skip
def test_ranges_of_percentages_with_a_sign_on_each_end(
    text: str, figure: str, low: float, high: float
) -> None:
    (c,) = extract(text)
    assert (c.text, c.qualifier, c.low, c.high) == (figure, "range", low, high)


@pytest.mark.parametrize(
    "text",
    ["The party raised its share by 4% to 19%.", "Turnout went from 61% to 58%.",
     "Unemployment fell 8% to 7%."],
    ids=["by", "from", "lower"],
)  # fmt: skip
def test_a_change_between_two_percentages_is_no_range(text: str) -> None:
    assert [c.qualifier for c in extract(text)] == ["exact", "exact"]


def test_a_change_from_one_figure_to_another_is_no_range() -> None:
    claims = extract("The road grew from 40 km to 50 km.")
    assert [(c.text, c.qualifier) for c in claims] == [("40 km", "exact"), ("50 km", "exact")]


@pytest.mark.parametrize(
    ("text", "figure", "rank"),
    [("She finished second!", "second", 2), ("He came third in the race.", "third", 3),
     ("It ranked fifth in the poll.", "fifth", 5)],
    ids=["finished", "came", "ranked"],
)  # fmt: skip
def test_a_bare_ordinal_after_a_rank_verb_is_a_rank(text: str, figure: str, rank: int) -> None:
    (c,) = extract(text)
    assert (c.text, c.kind, c.value) == (figure, "ordinal", rank)


@pytest.mark.parametrize(
    "text",
    ["Safety comes first.", "At first he left.", "Wait a second.", "He was second to none"],
    ids=["comes-first", "at-first", "a-second", "second-to-none"],
)
def test_a_bare_ordinal_elsewhere_is_no_rank(text: str) -> None:
    assert [c.text for c in extract(text)] == []


def test_a_number_alone_on_its_line_is_no_list_mark() -> None:
    assert [c.value for c in extract("Total:\n192.\n")] == [192]
    assert [c.text for c in extract("Steps:\n1. Call the desk.\n2) Check 3 sources.\n")] == ["3"]


@pytest.mark.parametrize(
    ("text", "figure", "value", "currency"),
    [("It cost thirteen dollars and forty-five cents.", "thirteen dollars and forty-five cents",
      13.45, "USD"),
     ("He paid 2 euros 50 cents.", "2 euros 50 cents", 2.5, "EUR"),
     ("A deal worth 361 million pounds was signed.", "361 million pounds", 3.61e8, "GBP"),
     ("The stall asks 40 € a crate.", "40 €", 40, "EUR"),
     ("The stall asks 40€ a crate.", "40€", 40, "EUR"),
     ("Tea there costs 25元 a cup.", "25元", 25, "CNY"),
     ("The ticket was $35 dollars.", "$35 dollars", 35, "USD"),
     ("The ticket was £35 pounds.", "£35 pounds", 35, "GBP")],
    ids=["cents", "euro-cents", "million-pounds", "symbol-after", "symbol-glued-after",
         "letter-symbol-after", "symbol-and-name", "symbol-and-pounds"],
)  # fmt: skip
def test_money_in_words(text: str, figure: str, value: float, currency: str) -> None:
    (c,) = extract(text)
    assert (c.text, c.kind, c.unit) == (figure, "money", currency)
    assert c.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "figure", "value", "currency"),
    [("The grant was $US3 million.", "$US3 million", 3e6, "USD"),
     ("Tickets cost $A45 each.", "$A45", 45, "AUD"),
     ("The fine was $NZ900.", "$NZ900", 900, "NZD"),
     ("A plate of rice costs Rs80.", "Rs80", 80, "INR"),
     ("The scheme costs Rs.12 crore.", "Rs.12 crore", 1.2e8, "INR")],
    ids=["us-dollars", "australian", "new-zealand", "rupees", "rupees-point"],
)  # fmt: skip
def test_a_currency_symbol_ending_in_letters_glued_to_its_amount(
    text: str, figure: str, value: float, currency: str
) -> None:
    (c,) = extract(text)
    assert (c.text, c.kind, c.value, c.unit) == (figure, "money", value, currency)


def test_digits_after_other_letters_stay_designators() -> None:
    assert extract("Mrs5 met the B52 crew and the G20 envoys at Gate A4.") == []


def test_pounds_of_something_or_without_a_scale_weigh() -> None:
    claims = extract("It shipped 5 million pounds of beef; a calf weighs 90 pounds.")
    assert [(c.kind, c.unit) for c in claims] == [("quantity", "kg"), ("quantity", "kg")]
    assert [c.text for c in extract("It cost 15 dollars and 50.")] == ["15 dollars", "50"]


@pytest.mark.parametrize(
    ("text", "figure", "qualifier", "measure"),
    [("Half the orchard was lost to frost.", "Half", "exact", "orchard"),
     ("More than half their vans failed the test.", "More than half", "more_than", "vans"),
     ("The pond held less than half its usual water.", "less than half", "less_than",
      "usual water")],
    ids=["the", "their", "its"],
)  # fmt: skip
def test_half_before_its_whole_is_a_share_without_of(
    text: str, figure: str, qualifier: str, measure: str
) -> None:
    (c,) = extract(text)
    assert (c.text, c.kind, c.value, c.qualifier) == (figure, "percent", 50, qualifier)
    assert c.measure == measure


@pytest.mark.parametrize(
    "text",
    ["We waited half an hour.", "He ate half a loaf.", "In the second half the hosts scored.",
     "It was one of the best."],
    ids=["an-hour", "a-loaf", "a-period", "one-of-the"],
)  # fmt: skip
def test_what_is_no_share_without_of(text: str) -> None:
    assert not [c for c in extract(text) if c.kind == "percent" or c.kind == "count"]


def test_a_share_of_a_scale_is_a_count() -> None:
    (c,) = extract("Two thirds of a million people voted.")
    assert (c.text, c.kind) == ("Two thirds of a million", "count")
    assert c.value == pytest.approx(2e6 / 3)
    (share,) = extract("Two thirds of the people voted.")
    assert (share.text, share.kind, share.value) == (
        "Two thirds",
        "percent",
        pytest.approx(200 / 3),
    )


def test_a_range_whose_low_end_alone_has_a_scale_keeps_the_high_end_unscaled() -> None:
    claims = extract("It fell between 5 thousand and 600 people.")
    assert all(c.high is None or c.high < 100_000 for c in claims), claims
    (c,) = extract("It fell between 10 and 20 million people.")
    assert (c.low, c.high) == (1e7, 2e7)


def test_a_scale_after_a_high_end_serves_the_low_end_only_in_a_range() -> None:
    claims = extract("Sales climbed in 2019 to $4 million.")
    assert [(c.text, c.kind, c.value) for c in claims] == [
        ("2019", "year", 2019),
        ("$4 million", "money", 4e6),
    ]
    (c,) = extract("The fund grew by 3 to 7 billion dollars.")
    assert (c.low, c.high) == (3e9, 7e9)


def test_a_symbol_after_an_amount_is_no_currency_of_the_next_one() -> None:
    claims = extract("The score went from 7 £ 9 to par.")
    assert [(c.text, c.unit) for c in claims] == [("7", None), ("£ 9", "GBP")]
    (beef,) = extract("It cost £12 pounds of beef.")  # the pounds weigh: not the currency again
    assert beef.text == "£12"


@pytest.mark.parametrize(
    ("text", "figure", "low"),
    [("Jazz clubs thrived in the 1920s.", "1920s", 1920),
     ("Rents doubled in the 2010's.", "2010's", 2010)],
    ids=["decade", "decade-apostrophe"],
)  # fmt: skip
def test_a_decade_is_its_ten_years(text: str, figure: str, low: int) -> None:
    (c,) = [c for c in extract(text) if c.text == figure]
    assert (c.kind, c.low, c.high) == ("year", low, low + 9)


@pytest.mark.parametrize(
    "text",
    ["He was in his 70s.", "The 1985s were sold out.", "Model 1930s-X ships."],
    ids=["ages", "not-a-decade", "code"],
)
def test_what_is_no_decade(text: str) -> None:
    assert [c for c in extract(text) if c.kind == "year" and c.high != c.low] == []


@pytest.mark.parametrize(
    ("text", "figure", "low", "high"),
    [("Tens of thousands of fans lined the road.", "Tens of thousands", 2e4, 99_999),
     ("The storm cut power to hundreds of thousands of homes.", "hundreds of thousands", 2e5,
      999_999),
     ("The scheme lost tens of millions.", "tens of millions", 2e7, 99_999_999)],
    ids=["tens-of-thousands", "hundreds-of-thousands", "tens-of-millions"],
)  # fmt: skip
def test_a_vague_plural_of_a_scale_is_one_interval(
    text: str, figure: str, low: float, high: float
) -> None:
    (c,) = extract(text)
    assert (c.text, c.qualifier, c.low, c.high) == (figure, "range", low, high)


def test_tens_alone_and_a_scale_over_a_line_break_are_no_vague_scale() -> None:
    assert extract("He learnt the tens of the table.") == []
    assert [c.high for c in extract("Hundreds of\nthousands came.")] == [999, 999_999]


@pytest.mark.parametrize(
    ("text", "figure", "times"),
    [("Bookings show a sixfold gain.", "sixfold", 6),
     ("Output grew 3-fold in a decade.", "3-fold", 3),
     ("Fees saw a 1.5-fold climb.", "1.5-fold", 1.5)],
    ids=["word", "digits", "decimal"],
)  # fmt: skip
def test_a_fold_is_a_multiple(text: str, figure: str, times: float) -> None:
    (c,) = extract(text)
    assert (c.text, c.kind, c.value) == (figure, "ratio", times)


def test_what_folds_is_no_multiple() -> None:
    assert [c.kind for c in extract("We set out 8 fold-out tables.")] == ["count"]
    assert extract("The manifold leaked.") == []


@pytest.mark.parametrize(
    ("text", "figure", "low", "high"),
    [("The repair takes four to five weeks.", "four to five weeks", 28, 35),
     ("They hired between six and nine guards.", "between six and nine", 6, 9),
     ("Some seven to eight million tonnes", "seven to eight million tonnes", 7e9, 8e9),
     ("It drew four to 600 people.", "four to 600", 4, 600)],
    ids=["unit", "between", "shared-scale", "digits-high"],
)  # fmt: skip
def test_a_range_in_words(text: str, figure: str, low: float, high: float) -> None:
    (c,) = [c for c in extract(text) if c.qualifier == "range"]
    assert (c.text, c.low, c.high) == (figure, pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    "text",
    ["The count went from six to nine.", "We met at twenty to three.", "They took six and nine."],
    ids=["a-change", "a-time", "and-without-between"],
)
def test_what_is_no_range_in_words(text: str) -> None:
    assert [c for c in extract(text) if c.qualifier == "range"] == []


@pytest.mark.parametrize(
    ("text", "figure", "kind", "low"),
    [("The crew spent 30-odd days at sea.", "30-odd days", "duration", 30),
     ("Twenty-odd lorries queued at the border.", "Twenty-odd", "count", 20),
     ("The fund raised $40-odd million.", "$40-odd million", "money", 4e7),
     ("She has 25-plus years in the job.", "25-plus years", "duration", 25 * 365.25)],
    ids=["odd-days", "odd-words", "odd-scaled-money", "plus-years"],
)  # fmt: skip
def test_a_glued_hedge_comes_before_the_scale_and_unit(
    text: str, figure: str, kind: str, low: float
) -> None:
    (c,) = extract(text)
    assert (c.text, c.kind, c.qualifier) == (figure, kind, "at_least")
    assert (c.low, c.high) == (pytest.approx(low), None)


def test_odd_as_a_word_is_no_hedge() -> None:
    claims = extract("He did 12 odd jobs and 3-oddly shaped ones.")
    assert [(c.text, c.qualifier) for c in claims] == [("12", "exact"), ("3", "exact")]


@pytest.mark.parametrize(
    ("text", "figure", "half"),
    [("Margins widened in H1 2025.", "H1", 1), ("Margins widened in H2'24.", "H2'24", 2),
     ("Margins widened in 1H25.", "1H25", 1), ("Margins widened in 2H 2025.", "2H", 2),
     ("Margins widened in the second half of 2025.", "second", 2)],
    ids=["H1-year", "H2-glued", "1H-glued", "2H-year", "words"],
)  # fmt: skip
def test_a_half_year_is_one_period_and_its_year_a_year(text: str, figure: str, half: int) -> None:
    claims = extract(text)
    assert [(c.kind, c.value, c.measure) for c in claims if c.text == figure] == [
        ("ordinal", half, "half")
    ]
    assert [c.kind for c in claims if c.text != figure] in ([], ["year"])  # no 50 percent


def test_what_is_no_half_year() -> None:
    assert extract("Green H2 and the H1N1 strain; H1 alone.") == []
    (c,) = extract("They kept the other half of the grain.")
    assert (c.kind, c.value) == ("percent", 50)  # a share, not a period
    voters = extract("A quarter of 2025 voters stayed home.")
    assert [c.kind for c in voters] == ["percent", "count"]


@pytest.mark.parametrize(
    ("text", "figure", "year"),
    [("Costs rose in FY2025.", "FY2025", 2025), ("Costs rose in FY26.", "FY26", 2026),
     ("Costs rose in FY 2024.", "FY 2024", 2024), ("Costs rose in FY25-26.", "FY25-26", 2025),
     ("Costs rose in FY1998.", "FY1998", 1998)],
    ids=["four-digits", "two-digits", "spaced", "span", "last-century"],
)  # fmt: skip
def test_a_fiscal_year_is_its_year(text: str, figure: str, year: int) -> None:
    (c,) = extract(text)
    assert (c.text, c.kind, c.value) == (figure, "year", year)


def test_what_is_no_fiscal_year() -> None:
    assert extract("The FY2025A plan and the FYI note.") == []


@pytest.mark.parametrize(
    ("text", "figure", "share", "qualifier"),
    [("Roughly 1 in 4 drivers speed.", "Roughly 1 in 4", 25, "about"),
     ("Nine out of ten dentists agree.", "Nine out of ten", 90, "exact"),
     ("One in every 200 parcels is lost.", "One in every 200", 0.5, "exact"),
     ("Fewer than three in 100 trains ran late.", "Fewer than three in 100", 3, "less_than"),
     ("Two out of five flats stand empty.", "Two out of five", 40, "exact")],
    ids=["digits-hedged", "words-out-of", "in-every", "hedged-round-whole", "small-whole"],
)  # fmt: skip
def test_a_part_of_a_small_or_round_whole_is_a_share(
    text: str, figure: str, share: float, qualifier: str
) -> None:
    (c,) = extract(text)
    assert (c.text, c.kind, c.qualifier) == (figure, "percent", qualifier)
    assert c.value == pytest.approx(share)


@pytest.mark.parametrize(
    ("text", "figures"),
    [("Of the cases, 17 out of 23 went to trial.", ["17", "23"]),
     ("It was built in 1990 and one in 2004.", ["1990", "2004"]),
     ("Prices rose 3 in 10 years.", ["3", "10 years"]),
     ("Those over 40 in 85 towns replied.", ["over 40", "85"]),
     ("It is one of the few left.", [])],
    ids=["odd-whole-counts", "a-year", "a-unit", "many-of-odd", "one-of-the"],
)  # fmt: skip
def test_what_is_no_share_of_a_whole(text: str, figures: list[str]) -> None:
    assert [c.text for c in extract(text)] == figures


def test_an_idiom_of_a_number_is_its_number() -> None:
    (c,) = extract("The bakery gave out a baker’s dozen buns.")
    assert (c.text, c.kind, c.value) == ("a baker’s dozen", "count", 13)
    assert [c.text for c in extract("The baker's van held a dozen.")] == ["a dozen"]


RATED = [
    # text, figure, rating
    ("The cyclone hit the coast as a Category 5 storm.", "Category 5", 5),
    ("Forecasters expect a category 2 hurricane by Friday.", "category 2", 2),
    ("It grew into a Cat 3 typhoon overnight.", "Cat 3", 3),
    ("Hurricane Mira came ashore on Monday. Mira, which struck as a Category 4, flattened piers.",
     "Category 4", 4),
]  # fmt: skip


@pytest.mark.parametrize(("text", "figure", "rating"), RATED, ids=[r[1] for r in RATED])
def test_a_storms_category_is_a_rating(text: str, figure: str, rating: int) -> None:
    (claim,) = [c for c in extract(text) if c.text == figure]
    assert (claim.kind, claim.value, claim.measure) == ("ordinal", rating, "storm category")
    assert claim.qualifier == "exact"


@pytest.mark.parametrize(
    "text",
    [
        "She holds a Category 2 visa.",  # a class, not a storm's strength
        "Category 3 applicants wait longer.",
        "Hurricane season ended.\n\nShe holds a Category 2 visa.",  # nor in its paragraph
        "No Category 7 storm has ever been recorded.",  # past the top of the scale
        "A Tier 1 supplier built the F-16 engines.",
    ],
)
def test_what_is_no_storm_category(text: str) -> None:
    assert not [c for c in extract(text) if c.measure == "storm category"]
    assert not [c for c in extract(text) if c.value in (1, 2, 3, 7, 16) and c.kind == "count"]


SCALES = [
    # text, figure, rating, measure
    ("Force 9 gales closed the ferry port.", "Force 9", 9, "wind force"),
    ("The buoy logged winds of force 11 before it broke loose.", "force 11", 11, "wind force"),
    ("Gusts rose all night. By dawn the sea stood at force 12.", "force 12", 12, "wind force"),
    ("When the wind dropped, a force 0 calm settled.", "force 0", 0, "wind force"),
    ("Force nine gales shut the harbour.", "Force nine", 9, "wind force"),  # in words
    ("The gusts touched force eleven.", "force eleven", 11, "wind force"),
    ("An EF3 tornado flattened two barns near Oakvale.", "EF3", 3, "tornado rating"),
    ("Surveyors rated the tornado EF-4 on Thursday.", "EF-4", 4, "tornado rating"),
    ("The EF 2 twister crossed the river twice.", "EF 2", 2, "tornado rating"),
    ("Old records call it an F5 tornado.", "F5", 5, "tornado rating"),
    ("A weak EF0 tornado lifted a shed roof.", "EF0", 0, "tornado rating"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "figure", "rating", "measure"), SCALES, ids=[f"{s[3]}-{s[1]}" for s in SCALES]
)
def test_a_wind_force_and_a_tornado_rating_are_ratings(
    text: str, figure: str, rating: int, measure: str
) -> None:
    (claim,) = [c for c in extract(text) if c.text == figure]
    assert (claim.kind, claim.value, claim.measure) == ("ordinal", rating, measure)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("She joined the force 10 years ago.", ["10 years"]),  # the police, a span of time
        ("He left the force two years ago.", ["two years"]),
        ("The task force three met on Friday.", ["three"]),  # no wind word near
        ("The task force 3 members met on Friday.", ["3"]),  # no wind word near
        ("Winds reached force 14, the crew claimed.", ["14"]),  # past the top of the scale
        ("Winds eased.\n\nThe force 6 cadets marched.", ["6"]),  # nor in its paragraph
        ("The F-16 pilots flew home.", []),  # a designator, past the top anyway
        ("Her F1 team won in Monza.", []),  # no tornado word near
        ("The EF2 unit shipped 4 crates.", ["4"]),
        ("No EF6 tornado has been rated.", []),  # past the top of the scale
        ("A tornado hit.\n\nThe F3 key opens search.", []),  # nor in its paragraph
    ],
    ids=[
        "police-years", "police-words", "task-force-words", "task-force", "force-past-top",
        "force-other-paragraph", "designator", "racing", "unit", "tornado-past-top",
        "tornado-other-paragraph",
    ],
)  # fmt: skip
def test_what_is_no_wind_force_nor_tornado_rating(text: str, figures: list[str]) -> None:
    claims = extract(text)
    assert [c.text for c in claims] == figures
    assert not [c for c in claims if c.measure in ("wind force", "tornado rating")]


def _digits_by_pattern(text: str) -> tuple[float, float]:
    """``parse_digits`` read by its pattern alone, without the fast path for plain digits."""
    m = numbers._DIGITS_RE.fullmatch(text)
    if m is None:
        raise ValueError(text)
    whole = numbers._GROUPING.sub("", m.group("int") or "0")
    if len(whole) > numbers.MAX_DIGITS:
        raise ValueError(text)
    frac = m.group("frac") or ""
    value = float(f"{whole}.{frac}") if frac else float(whole)
    return value, (10.0 ** -len(frac) if frac else 1.0) / 2


@pytest.mark.parametrize(
    "text",
    ["0", "7", "25", "007", "2300", "9" * 15, "9" * 16, "", "²", "٣", "2,300", "1.5", ".5", "1 0"],
)
def test_digits_read_alike_with_and_without_the_pattern(text: str) -> None:
    try:
        expected: object = _digits_by_pattern(text)
    except ValueError:
        expected = ValueError
    try:
        got: object = numbers.parse_digits(text)
    except ValueError:
        got = ValueError
    assert got == expected
