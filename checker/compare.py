"""Whether two figures can both be true: interval overlap, hedge- and precision-aware."""

from __future__ import annotations

import math
from dataclasses import dataclass

from claims import Claim
from claims.dates import dates_compatible

# Kinds whose figures are exact as written: 129 and 130 dead disagree.
_EXACT_KINDS = frozenset({"count", "year", "ordinal", "ratio"})


@dataclass(frozen=True, slots=True)
class Bounds:
    """A claim's interval widened by the precision of its stated digits."""

    low: float
    high: float
    low_inclusive: bool
    high_inclusive: bool

    def describe(self, unit: str | None) -> str:
        lo = "-inf" if math.isinf(self.low) else _fmt(self.low)
        hi = "inf" if math.isinf(self.high) else _fmt(self.high)
        left = "[" if self.low_inclusive else "("
        right = "]" if self.high_inclusive else ")"
        return f"{left}{lo}, {hi}{right}" + (f" {unit}" if unit else "")


def _fmt(x: float) -> str:
    return f"{x:,.6g}" if abs(x) < 1e15 else f"{x:.3g}"


# A rounded count or amount ("10,000", "2 million", "$3 billion") stands for figures within
# this share of it, never more: "2 million" is not "1.6 million".
ROUNDING_SHARE = 0.05


def tolerance(claim: Claim) -> float:
    """How far a stated figure may lie from its true value and still be right as written."""
    precision = claim.precision or 0.0
    value = abs(claim.value or 0.0)
    if claim.kind in _EXACT_KINDS:
        # "2,700 airstrikes" is a rounded figure; "129 dead" and "130 missing" are not.
        if precision <= 0.5 and value >= 1000 and value == int(value) and value < 1e15:
            zeros = len(str(int(value))) - len(str(int(value)).rstrip("0"))
            tol = 0.5 * 10**zeros if zeros >= 2 else 0.0
        else:
            tol = precision if precision > 0.5 else 0.0
        return min(tol, ROUNDING_SHARE * value)
    if claim.kind == "money" and value >= 1000:
        return min(precision, ROUNDING_SHARE * value)
    return precision


_BOUNDS: dict[tuple[int, float], tuple[Claim, Bounds]] = {}
_BOUNDS_KEPT = 400_000


def clear_bounds() -> None:
    _BOUNDS.clear()


def bounds(claim: Claim, widen: float = 0.0) -> Bounds:
    """The interval a claim allows, widened by its precision (and ``widen`` for "about")."""
    hit = _BOUNDS.get((id(claim), widen))
    if hit is not None and hit[0] is claim:
        return hit[1]
    if len(_BOUNDS) > _BOUNDS_KEPT:
        _BOUNDS.clear()
    result = _bounds(claim, widen)
    _BOUNDS[(id(claim), widen)] = (claim, result)
    return result


def _bounds(claim: Claim, widen: float) -> Bounds:
    tol = tolerance(claim)
    low = -math.inf if claim.low is None else claim.low - tol
    high = math.inf if claim.high is None else claim.high + tol
    if widen and claim.qualifier == "about" and claim.value is not None:
        low -= abs(claim.value) * widen
        high += abs(claim.value) * widen
    # A bound widened by the stated precision is open: "$0.13" is 0.125 up to but not
    # including 0.135, so it does not meet "$0.14" (0.135 and up).
    return Bounds(
        low,
        high,
        claim.low_inclusive and tol == 0,
        claim.high_inclusive and tol == 0,
    )


def compatible(a: Claim, b: Claim, widen: float = 0.0) -> bool:
    """True when some value satisfies both claims as stated."""
    if a.kind == "date" or b.kind == "date":
        return a.date is not None and b.date is not None and dates_compatible(a.date, b.date)
    x, y = bounds(a, widen), bounds(b, widen)
    low, low_inc = (x.low, x.low_inclusive) if x.low > y.low else (y.low, y.low_inclusive)
    if x.low == y.low:
        low_inc = x.low_inclusive and y.low_inclusive
    high, high_inc = (x.high, x.high_inclusive) if x.high < y.high else (y.high, y.high_inclusive)
    if x.high == y.high:
        high_inc = x.high_inclusive and y.high_inclusive
    if low < high:
        return True
    return low == high and low_inc and high_inc


def describe(claim: Claim) -> str:
    """The interval of a claim as text, for explanations."""
    if claim.kind in ("date", "score", "time"):
        return claim.date or claim.text
    if claim.kind == "year" and claim.value is not None and claim.value == int(claim.value):
        return str(int(claim.value))  # 2024, never "[2,024, 2,024]"
    return bounds(claim).describe(claim.unit)
