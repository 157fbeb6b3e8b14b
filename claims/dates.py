"""Calendar dates as written ("Oct. 31", "31 October", "November 16, 2015") and years."""

from __future__ import annotations

import regex

from claims.engines import KEEP_GIL

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# Month names are matched case-sensitively (capitalised) so "may" and "march" stay verbs.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9][0-9][0-9]|20[0-9][0-9])"

# The lookahead lets a scan skip every position that cannot open a date at once.
DATE_RE = regex.compile(
    rf"(?=[A-Z0-9])(?<![\w.])(?:"
    rf"(?P<month>{_MONTH})\s(?P<day>{_DAY})(?![0-9:])(?:,?\s(?P<year>{_YEAR})(?![0-9]))?"
    rf"|(?P<day>{_DAY})\s(?:of\s)?(?P<month>{_MONTH})(?:,?\s(?P<year>{_YEAR})(?![0-9]))?"
    rf"|(?P<month>{_MONTH})\s(?P<year>{_YEAR})(?![0-9])"
    rf"|(?P<year>{_YEAR})-(?P<mm>0[1-9]|1[0-2])-(?P<dd>[0-2][0-9]|3[01])"
    rf")(?!\w)"
)
# Every date has a run of digits start within DATE_LEAD characters of its own start ("September
# 16"), and the pattern reads at most 24 characters from its start: it is searched for only
# around runs of digits (``claims.scan.near_digits``), up to DATE_REACH past each.
DATE_LEAD = 10
DATE_REACH = 32


# A time of day: with a.m. or p.m. ("6:42 p.m.", "8pm"), or on the 24-hour clock past noon
# ("18:42"). "10:30" alone could be either half of the day: no figure.
TIME_RE = regex.compile(
    r"(?<![\w.,:])(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5][0-9]))?+[ \u00a0]?"
    r"(?:(?P<ap>[aApP])\.[mM]\.?|(?P<ap>[aApP])[mM])(?![\w])"
    r"|(?P<h>1[3-9]|2[0-3]):(?P<m>[0-5][0-9])(?![0-9:]))"
)
TIME_REACH = 16


def minutes_of(match: regex.Match[str]) -> int:
    """A ``TIME_RE`` match as minutes after midnight: "6:42 p.m." is 1,122."""
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    if match.group("ap"):
        hour = hour % 12 + (12 if match.group("ap").lower() == "p" else 0)
    return hour * 60 + minute


_NOT_DIGIT = regex.compile(r"\D")


def month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """ISO 8601 form of a date as far as stated: "2015-11-16", "--10-31", "2015-11"."""
    if month is None:
        return None
    if day is not None and not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return None
    if year is None:
        return f"--{month:02d}-{day:02d}" if day is not None else None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def parse_date(match: regex.Match[str]) -> str | None:
    """The ISO form of a ``DATE_RE`` match, or None when it names no real day."""
    if match.group("mm"):
        return iso_date(int(match.group("year")), int(match.group("mm")), int(match.group("dd")))
    day_text = match.group("day")
    day = int(_NOT_DIGIT.sub("", day_text, 0, 0, None, KEEP_GIL)) if day_text else None
    year = int(match.group("year")) if match.group("year") else None
    return iso_date(year, month_number(match.group("month")), day)


def dates_compatible(a: str, b: str) -> bool:
    """Two ISO-ish dates agree where both state a component ("--10-31" and "2015-10-31" do)."""
    ya, ma, da = _parts(a)
    yb, mb, db = _parts(b)
    return all(x is None or y is None or x == y for x, y in ((ya, yb), (ma, mb), (da, db)))


def _parts(iso: str) -> tuple[int | None, int | None, int | None]:
    if iso.startswith("--"):
        month, day = iso[2:].split("-")
        return None, int(month), int(day)
    pieces = [int(p) for p in iso.split("-")]
    pieces += [None] * (3 - len(pieces))  # type: ignore[list-item]
    return pieces[0], pieces[1], pieces[2]
