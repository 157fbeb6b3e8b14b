"""Units of measure and currencies: their spellings, dimension, and factor (and offset) to a base
unit. The vocabulary is pint's and babel's, generated into claims/units.toml by
``python -m claims.make_units``; the news spellings on top are in claims/unit_rules.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Unit:
    symbol: str  # canonical symbol of the stated unit
    dimension: str  # length, mass, area, volume, time, speed, temperature, ..., percent
    base: str  # base unit of the dimension, the claim's ``unit``
    factor: float  # stated value * factor + offset = value in base
    offset: float = 0.0  # only temperatures have one: 40 °C is not 40 K

    def to_base(self, value: float) -> float:
        return value * self.factor + self.offset

    def from_base(self, value: float) -> float:
        """The number as stated in this unit: ``to_base`` undone."""
        return (value - self.offset) / self.factor


def _load(name: str) -> dict[str, Any]:
    with resources.files("claims").joinpath(name).open("rb") as f:
        return tomllib.load(f)


_GENERATED = _load("units.toml")
_RULES = _load("unit_rules.toml")

BY_NAME: dict[str, Unit] = {}  # pint's unit name -> unit
NAMES: dict[str, Unit] = {}  # spellings read in any case: "kilometres", "degrees celsius"
SYMBOLS: dict[str, Unit] = {}  # spellings read as written: "km", "kWh", "°C"
for _name, _spec in _GENERATED["unit"].items():
    _unit = Unit(
        _spec["symbol"], _spec["dimension"], _spec["base"], _spec["factor"], _spec["offset"]
    )
    BY_NAME[_name] = _unit
    for _spelling in _spec["names"]:
        NAMES[_spelling] = _unit
    for _spelling in _spec["symbols"]:
        SYMBOLS[_spelling] = _unit
for _spelling, _name in _RULES["news"].items():
    if _name not in BY_NAME:
        continue  # a rule newer than the generated file (a test says so); make_units must run
    _target = SYMBOLS if any(c.isupper() for c in _spelling) or len(_spelling) <= 3 else NAMES
    _target[_spelling if _target is SYMBOLS else _spelling.lower()] = BY_NAME[_name]
GLUED = frozenset(_RULES["glued"]["symbols"])
BY_SYMBOL: dict[str, Unit] = {}  # a claim's stated_unit -> its unit
for _unit in BY_NAME.values():
    BY_SYMBOL.setdefault(_unit.symbol, _unit)


def stated_number(value: float, stated_unit: str | None) -> float:
    """The number as written before its unit: 1461 days stated in years is 4."""
    unit = BY_SYMBOL.get(stated_unit or "")
    return unit.from_base(value) if unit else value


TEMPERATURE_CHANGE_AFTER: tuple[str, ...] = tuple(_RULES["temperature"]["change_after"])
ARTICLE_UNITS: tuple[str, ...] = tuple(_RULES["article"]["units"])
ARTICLE_HUNDREDTHS: tuple[str, ...] = tuple(_RULES["article"]["hundredths"])
# Spellings that end a compound measure only: "2 in" of "12 ft 2 in".
COMPOUND_ENDS: dict[str, Unit] = {s: BY_NAME[n] for s, n in _RULES["compound"]["symbols"].items()}
# The smaller part that may follow a unit after a hyphen, unit unsaid: "6-foot-9" (by symbol).
PARTS_AFTER_HYPHEN: dict[str, Unit] = {
    s: BY_NAME[n] for s, n in _RULES["compound"]["after_hyphen"].items()
}

# Every spelling, for callers that list them.
UNITS: dict[str, Unit] = {**NAMES, **SYMBOLS}

# A change of a percentage, in points: compared only with other changes in points.
PERCENTAGE_POINTS = Unit("pp", "percentage points", "percentage points", 1.0)
BASIS_POINTS = Unit("bp", "percentage points", "percentage points", 0.01)

_NEWS_CURRENCY = _RULES["currency_news"]
CURRENCY_SYMBOLS: dict[str, str] = {
    **{symbol: code for code, (_, symbol) in _GENERATED["currency"].items() if symbol},
    **_NEWS_CURRENCY["symbols"],
}
CURRENCY_CODES = tuple(sorted(_GENERATED["currency"]))


@dataclass(frozen=True, slots=True)
class Subunit:
    """A currency's hundredth ("cents"): its factor to the whole, and the currency it is of
    when it stands alone ("" where its document's currency decides)."""

    factor: float
    of: str


SUBUNITS: dict[str, Subunit] = {
    word: Subunit(spec["factor"], spec["of"]) for word, spec in _NEWS_CURRENCY["subunits"].items()
}
CURRENCY_AFTER_SCALE: dict[str, str] = _NEWS_CURRENCY["after_scale"]
CURRENCY_WORDS: dict[str, str] = {
    **{plural: code for code, (plural, _) in _GENERATED["currency"].items()},
    **_NEWS_CURRENCY["words"],
}


def lookup(name: str) -> Unit | None:
    """The unit for a spelling as written: symbols as they stand, names in any case, their
    words joined by spaces or hyphens ("light-years", "a 3,000-square-foot home")."""
    folded = name.lower()
    return SYMBOLS.get(name) or NAMES.get(folded) or NAMES.get(folded.replace("-", " "))
