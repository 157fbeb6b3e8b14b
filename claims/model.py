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
    "score",
    "time",
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
    restates: int | None = None
    increment: bool = False  # "hundreds more": counted on top of another figure
    # Its role in the sentence, as typed fields.
    superseded: bool = False  # "up from an earlier toll of 25": not the current figure
    time: str | None = None  # the time it is pinned to: "2023", "2023-10", "--10", "Q3 2023",
    # "H1 2024"
    place: str | None = None  # the named place it is pinned to: "airstrikes in Syria"
    period: str | None = None  # the period it is counted over, in days: "2 days" (a rate)
    part: str | None = None  # the part of a whole it is of: "several precincts" (of "61% of
    # the vote in several precincts"), not the whole's figure
    co_stated: tuple[str, ...] = field(default_factory=tuple)  # the figures beside a year, or
    # the years and dates beside a figure ("$5bn in 2023": "2023" and "5e+09")
    direction: str | None = None  # "up" or "down": "rose 5%", "cut 300 jobs"
    comparison: str | None = None  # its relation word: from, to, by, of, out_of, per, than
    lemma: str = ""  # the lemma of the head word of its measure: "deaths" -> "death"
    sentence_cut: bool = False  # the sentence was too long: ``sentence`` is a window of it

    @property
    def scope(self) -> tuple[str, ...]:
        """What the figure's own phrase pins it to, in words: its time, place, period and
        part."""
        return tuple(
            s
            for s in (
                self.time and f"in {self.time}",
                self.place,
                self.period and f"over {self.period}",
                self.part and f"in {self.part}",
            )
            if s
        )

    def to_dict(self) -> dict[str, Any]:
        """The claim as JSON-ready data, field names as the public contract spells them."""
        data = asdict(self)
        for name in ("terms", "near", "topic", "actors", "names", "co_stated"):
            data[name] = list(data[name])
        data["scope"] = list(self.scope)
        if not self.sentence_cut:
            del data["sentence_cut"]  # present only when true, as the JSON Schema says
        return data


def times_overlap(a: str, b: str) -> bool:
    """Whether two normalised times (``Claim.time``) may be the same time: "2022" holds
    "2022-07" and "Q3 2022"; "--07" is July of some year; "Q3" holds July, not October; "H1"
    holds Q2 and June."""
    ya, ma, qa, ha = _time_parts(a)
    yb, mb, qb, hb = _time_parts(b)
    if ya and yb and ya != yb:
        return False
    if ma and mb and ma != mb:
        return False
    qa = qa or (ma and (ma - 1) // 3 + 1)
    qb = qb or (mb and (mb - 1) // 3 + 1)
    if qa and qb and qa != qb:
        return False
    ha = ha or (qa and (qa - 1) // 2 + 1)
    hb = hb or (qb and (qb - 1) // 2 + 1)
    return not (ha and hb and ha != hb)


def _time_parts(time: str) -> tuple[int, int, int, int]:
    """(year, month, quarter, half) of a normalised time, 0 where it states none."""
    year = month = quarter = half = 0
    for part in time.split():
        if part.startswith("Q"):
            quarter = int(part[1:])
        elif part.startswith("H"):
            half = int(part[1:])
        elif part.startswith("--"):
            month = int(part[2:])
        elif "-" in part:
            year, month = (int(x) for x in part.split("-"))
        else:
            year = int(part)
    return year, month, quarter, half
