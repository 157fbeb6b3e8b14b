"""Units of measure and currencies: their spellings, dimension and factor to a base unit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Unit:
    symbol: str  # canonical name of the stated unit
    dimension: str  # length, mass, area, volume, time, money, percent
    base: str  # base unit of the dimension, the claim's ``unit``
    factor: float  # stated value * factor = value in base


# Conversion factors are exact by definition (international yard and pound, 1959);
# tests check each against pint so a typo cannot hide here.
_TABLE: dict[str, tuple[tuple[str, ...], str, str, float]] = {
    "km": (
        ("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"),
        "length",
        "km",
        1.0,
    ),
    "m": (("metre", "metres", "meter", "meters"), "length", "km", 1e-3),
    "mm": (("mm", "millimetre", "millimetres", "millimeter", "millimeters"), "length", "km", 1e-6),
    "cm": (("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "length", "km", 1e-5),
    "mi": (("mile", "miles", "mi"), "length", "km", 1.609344),
    "ft": (("ft", "foot", "feet"), "length", "km", 0.0003048),
    "yd": (("yard", "yards"), "length", "km", 0.0009144),
    "in": (("inch", "inches"), "length", "km", 0.0000254),
    "kg": (("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"), "mass", "kg", 1.0),
    "g": (("gram", "grams"), "mass", "kg", 1e-3),
    "lb": (("lb", "lbs", "pound", "pounds"), "mass", "kg", 0.45359237),
    "t": (("tonne", "tonnes", "metric ton", "metric tons"), "mass", "kg", 1000.0),
    "ton": (("ton", "tons"), "mass", "kg", 907.18474),
    "km2": (("square kilometres", "square kilometers", "sq km", "km2"), "area", "km2", 1.0),
    "mi2": (("square miles", "sq miles"), "area", "km2", 2.589988110336),
    "ha": (("hectare", "hectares"), "area", "km2", 0.01),
    "l": (("litre", "litres", "liter", "liters"), "volume", "l", 1.0),
    "gal": (("gallon", "gallons"), "volume", "l", 3.785411784),
    "bbl": (("barrel", "barrels"), "volume", "l", 158.987294928),
    "s": (("second", "seconds"), "time", "day", 1 / 86400),
    "min": (("minute", "minutes"), "time", "day", 1 / 1440),
    "h": (("hour", "hours"), "time", "day", 1 / 24),
    "day": (("day", "days"), "time", "day", 1.0),
    "week": (("week", "weeks"), "time", "day", 7.0),
    "month": (("month", "months"), "time", "day", 30.4375),
    "year": (("year", "years"), "time", "day", 365.25),
    "decade": (("decade", "decades"), "time", "day", 3652.5),
}

UNITS: dict[str, Unit] = {}
for _symbol, (_names, _dim, _base, _factor) in _TABLE.items():
    for _name in _names:
        UNITS[_name] = Unit(_symbol, _dim, _base, _factor)

# A change of a percentage, in points: compared only with other changes in points.
PERCENTAGE_POINTS = Unit("pp", "percentage points", "percentage points", 1.0)

# Currency symbols and codes; "US$" before "$" so the longer spelling wins.
CURRENCY_SYMBOLS = {
    "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "C$": "CAD",
    "A$": "AUD", "₽": "RUB",
}  # fmt: skip
CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "CNY", "RUB", "INR")
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "rupees": "INR", "roubles": "RUB", "rubles": "RUB", "sterling": "GBP", "bucks": "USD",
}  # fmt: skip


def lookup(name: str) -> Unit | None:
    """The unit for a spelling as written, case-insensitive for words."""
    return UNITS.get(name) or UNITS.get(name.lower())
