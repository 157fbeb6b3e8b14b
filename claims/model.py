"""The numeric claim: an immutable value carrying everything later stages need."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = (
    "count",
    "money",
    "percent",
    "quantity",
    "date",
    "year",
    "duration",
    "ordinal",
    "ratio",
    "other",
)

QUALIFIERS = (
    "exact",
    "about",
    "nearly",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "range",
    "up_to",
)


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure stated in a text, with its interval, measure and frame.

    ``low``/``high`` bound the value in the base ``unit``; ``None`` is an open end.
    ``low_inclusive``/``high_inclusive`` say whether the bound itself belongs to the interval.
    ``start``/``end`` are character offsets such that ``document_text[start:end] == text``.
    """

    source: str
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    kind: str
    qualifier: str
    measure: str
    sentence: str
    line: int
    column: int
    start: int
    end: int
    low_inclusive: bool = True
    high_inclusive: bool = True
    precision: float | None = None
    stated_unit: str | None = None
    date: str | None = None
    terms: tuple[str, ...] = field(default_factory=tuple)
    near: tuple[str, ...] = field(default_factory=tuple)
    topic: tuple[str, ...] = field(default_factory=tuple)  # the document's most named names
    actors: tuple[str, ...] = field(default_factory=tuple)  # names in the figure's own clause
    names: tuple[str, ...] = field(
        default_factory=tuple
    )  # names of its sentence and the one before
    scope: tuple[str, ...] = field(default_factory=tuple)
    restates: int | None = None
    increment: bool = False  # "hundreds more": counted on top of another figure

    def to_dict(self) -> dict[str, Any]:
        """The claim as JSON-ready data, field names as the public contract spells them."""
        data = asdict(self)
        data["terms"] = list(self.terms)
        data["near"] = list(self.near)
        data["topic"] = list(self.topic)
        data["actors"] = list(self.actors)
        data["names"] = list(self.names)
        data["scope"] = list(self.scope)
        return data
