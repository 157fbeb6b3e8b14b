"""A figure's role as typed fields: time, place, period, co-stated figures, direction,
comparison, lemma and whether it is superseded."""

from __future__ import annotations

import pytest

from claims import extract
from claims.model import times_overlap


def one(text: str, figure: str):
    claims = extract(text, source="t.txt")
    hits = [c for c in claims if c.text == figure]
    assert hits, f"{figure!r} not found in {[c.text for c in claims]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "figure", "time"),
    [
        ("Prices rose 3.2 percent in October.", "3.2 percent", "--10"),
        ("Prices rose 3.2 percent in October 2024.", "3.2 percent", "2024-10"),
        ("Exports reached $5 billion in 2023.", "$5 billion", "2023"),
        ("Profit was $4 million in the third quarter.", "$4 million", "Q3"),
        ("Profit was $4 million in Q3 2022.", "$4 million", "Q3 2022"),
        ("Profit was $4 million in the third quarter of 2022.", "$4 million", "Q3 2022"),
        ("Profit was $4 million, a record; in 2022 it fell.", "$4 million", None),
        ("Costs were $2 million in the second half of 2021.", "$2 million", "H2 2021"),
        ("Costs were $2 million in H1 2021.", "$2 million", "H1 2021"),
        ("Costs were $2 million in 2H21.", "$2 million", "H2 2021"),
        ("Costs were $2 million in the first half.", "$2 million", "H1"),
        ("Costs were $2 million in FY2021.", "$2 million", "2021"),
        ("Costs were $2 million in fiscal 2021.", "$2 million", "2021"),
        ("Costs were $2 million in FY21.", "$2 million", "2021"),
        ("Costs were $2 million in half the plants.", "$2 million", None),
    ],
    ids=[
        "month",
        "month-year",
        "year",
        "quarter-word",
        "quarter-code",
        "quarter-of-year",
        "other-clause",
        "half-of-year",
        "half-code",
        "half-code-glued",
        "half-word",
        "fiscal-code",
        "fiscal-word",
        "fiscal-short",
        "half-a-share",
    ],
)
def test_time_is_normalised(text: str, figure: str, time: str | None) -> None:
    assert one(text, figure).time == time


def test_place_ends_with_its_sentence() -> None:
    text = "The allies flew 3,700 airstrikes in Syria. It was a record. They flew 90 in Iraq."
    assert one(text, "3,700").place == "syria"
    assert one(text, "90").place == "iraq"
    assert one("They counted 400 sorties over the sea.", "400").place is None


@pytest.mark.parametrize(
    ("text", "figure", "part"),
    [
        ("She won 72% of the vote in several wards.", "72%", "several wards"),
        ("Snow lay 40 cm deep in parts of the valley.", "40 cm", "parts of the valley"),
        ("She won 72% of the vote in the capital.", "72%", None),  # a whole, named
        ("It was the wettest May in many years, at 90 mm.", "90 mm", None),
        ("Rain reached 90 mm, the most in many years.", "90 mm", None),  # time, no part
        ("Rovers led 2-0 at the break and won 3-1.", "2-0", "first half"),
        ("Rovers led 2-0 at the break and won 3-1.", "3-1", None),
    ],
)
def test_part_is_a_figure_of_some_of_the_whole(text: str, figure: str, part: str | None) -> None:
    assert one(text, figure).part == part


def test_period_is_in_days_whatever_the_words() -> None:
    assert one("Jets flew 2,300 strikes over two days.", "2,300").period == "2 days"
    assert one("Jets flew 2,300 strikes over 48 hours.", "2,300").period == "2 days"
    assert one("Jets flew 300 strikes in a week.", "300").period == "7 days"
    assert one("Jets flew 2,300 strikes in total.", "2,300").period is None


def test_superseded_keeps_its_measure() -> None:
    text = "The earthquake killed 40 people, up from an earlier toll of 25."
    earlier, current = one(text, "25"), one(text, "40")
    assert earlier.superseded and earlier.measure == current.measure == "deaths"
    assert not current.superseded


def test_co_stated_years_and_figures() -> None:
    text = "Sales reached $5bn in 2023, against 40 stores."
    assert set(one(text, "$5bn").co_stated) == {"2023"}
    assert set(one(text, "2023").co_stated) == {"money:5e+09", "count:40"}
    assert one("Sales reached $5bn last spring.", "$5bn").co_stated == ()


@pytest.mark.parametrize(
    ("text", "figure", "direction"),
    [
        ("Revenue rose 5% last year.", "5%", "up"),
        ("Revenue rose by about 5% last year.", "about 5%", "up"),
        ("The firm cut 300 jobs.", "300", "down"),
        ("Sales were down 4% on the year.", "4%", "down"),
        ("It reported a 6% rise in sales.", "6%", "up"),
        ("Shares closed 2% lower.", "2%", "down"),
        ("The firm employs 300 people.", "300", None),
        ("Revenue rose, and 300 people were hired.", "300", None),
        ("Jets dropped a total of 16 bombs.", "16", None),
        ("A group made up of 60 countries.", "60", None),
        ("The firm cut another 300 jobs.", "300", "down"),
    ],
    ids=[
        "verb",
        "verb-hedge",
        "cut",
        "down",
        "noun-after",
        "adjective-after",
        "none",
        "other-clause",
        "dropped-bombs",
        "made-up-of",
        "cut-another",
    ],
)
def test_direction(text: str, figure: str, direction: str | None) -> None:
    assert one(text, figure).direction == direction


@pytest.mark.parametrize(
    ("text", "figure", "comparison"),
    [
        ("Unemployment fell to 4 percent, down from 5.5 percent.", "5.5 percent", "from"),
        ("Unemployment fell to 4 percent, down from 5.5 percent.", "4 percent", "to"),
        ("Unemployment fell by 2 points.", "2", "by"),
        ("Three of 10 voters agreed.", "10", "of"),
        ("In all, 13 out of 17 voters agreed.", "13", "out_of"),
        ("In all, 3 of 10 voters agreed.", "3", "out_of"),
        ("The firm employs 300 people.", "300", None),
    ],
    ids=["from", "to", "by", "of-whole", "out-of-part", "of-part", "none"],
)
def test_comparison(text: str, figure: str, comparison: str | None) -> None:
    assert one(text, figure).comparison == comparison


@pytest.mark.parametrize(
    ("text", "figure", "lemma"),
    [
        ("At least 129 people died.", "At least 129", "death"),
        ("The navy sent 12 fighter jets.", "12", "jet"),
        ("They found 30 children.", "30", "child"),
    ],
    ids=["synonym", "head-noun", "irregular-plural"],
)
def test_lemma_of_the_measure(text: str, figure: str, lemma: str) -> None:
    assert one(text, figure).lemma == lemma


def test_json_keeps_scope_beside_the_typed_fields() -> None:
    data = one("They flew 2,700 airstrikes in Syria over two days.", "2,700").to_dict()
    assert data["place"] == "syria" and data["period"] == "2 days"
    assert data["scope"] == ["syria", "over 2 days"]
    assert one("They won 60% in some wards.", "60%").to_dict()["scope"] == ["in some wards"]
    assert isinstance(data["co_stated"], list)


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [("2022", "2022-07", True), ("2022", "2023", False), ("--07", "2022-07", True),
     ("--07", "--10", False), ("Q3", "2022-07", True), ("Q3 2022", "2022-10", False),
     ("Q3 2022", "Q3", True), ("Q4 2021", "Q4 2022", False), ("H1 2022", "Q2 2022", True),
     ("H1", "2022-09", False), ("H2 2022", "2022", True), ("H2", "H1", False)],
    ids=["year-month", "years", "month-of-no-year", "months", "quarter-month",
         "quarter-other-month", "quarter-of-year", "quarters-of-years", "half-quarter",
         "half-other-month", "half-of-year", "halves"],
)  # fmt: skip
def test_times_overlap(a: str, b: str, overlap: bool) -> None:
    assert times_overlap(a, b) is overlap
    assert times_overlap(b, a) is overlap
