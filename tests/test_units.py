"""Every conversion factor in claims/units.py against pint, and number words against text2num."""

from __future__ import annotations

import math
import warnings
from typing import Any

import pytest
from conftest import load_bench

from claims.numbers import parse_words
from claims.units import UNITS, Unit

_BENCH = load_bench("libraries")
PINT_NAMES: dict[str, str] = _BENCH.PINT_NAMES
PINT_BASES: dict[str, str] = _BENCH.PINT_BASES

SYMBOLS = sorted({u.symbol: u for u in UNITS.values()}.values(), key=lambda u: u.symbol)


@pytest.fixture(scope="module")
def registry() -> Any:
    with warnings.catch_warnings():
        # A warning raised while pint loads is pint's business, not a failure of ours.
        warnings.simplefilter("ignore")
        pint = pytest.importorskip(
            "pint",
            reason="pint is not installed (it is in the test extra: pip install -e '.[test]')",
        )
        return pint.UnitRegistry()


def test_every_unit_has_a_pint_name() -> None:
    assert {u.symbol for u in SYMBOLS} == set(PINT_NAMES)
    assert {u.base for u in SYMBOLS} == set(PINT_BASES)


@pytest.mark.parametrize("unit", SYMBOLS, ids=[u.symbol for u in SYMBOLS])
def test_factor_matches_pint(registry: Any, unit: Unit) -> None:
    expected = registry.parse_expression(PINT_NAMES[unit.symbol]).to(PINT_BASES[unit.base])
    assert math.isclose(unit.factor, expected.magnitude, rel_tol=1e-9), (
        f"{unit.symbol}: ours {unit.factor!r}, pint {expected.magnitude!r} {PINT_BASES[unit.base]}"
    )


@pytest.mark.parametrize("unit", SYMBOLS, ids=[u.symbol for u in SYMBOLS])
def test_dimension_matches_pint(registry: Any, unit: Unit) -> None:
    stated = registry.parse_expression(PINT_NAMES[unit.symbol])
    assert stated.dimensionality == registry.parse_expression(PINT_BASES[unit.base]).dimensionality


def test_calendar_units_are_julian() -> None:
    # A month is a twelfth of a 365.25-day year, so "six months" and "half a year" agree.
    assert UNITS["year"].factor == 365.25
    assert UNITS["month"].factor * 12 == UNITS["year"].factor
    assert UNITS["decade"].factor == 10 * UNITS["year"].factor


def test_every_spelling_shares_its_symbols_unit() -> None:
    by_symbol = {u.symbol: u for u in SYMBOLS}
    for name, unit in UNITS.items():
        assert unit == by_symbol[unit.symbol], name


NUMBER_PHRASES = [
    "two hundred and twenty-four",
    "ten",
    "three thousand five hundred",
    "forty-eight",
    "one hundred and twenty-nine",
    "two million",
    "twenty-one",
    "nine hundred ninety-nine",
    "seventeen",
    "one thousand and one",
    "three million two hundred thousand",
    "sixty",
]


@pytest.mark.parametrize("phrase", NUMBER_PHRASES, ids=NUMBER_PHRASES)
def test_number_words_parse_like_text2num(phrase: str) -> None:
    text_to_num = pytest.importorskip(
        "text_to_num", reason="text2num is not installed (it is in the test extra)"
    )
    assert parse_words(phrase) == text_to_num.text2num(phrase, "en")


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("a dozen", 12), ("a hundred", 100), ("two dozen", 24)],
    ids=["a dozen", "a hundred", "two dozen"],
)
def test_number_words_beyond_text2num(phrase: str, value: int) -> None:
    # News text says "a dozen" and "a hundred"; text2num refuses both, so we keep our parser.
    assert parse_words(phrase) == value
