"""The one comparison engine: a quantity against a quantity → same, compatible or conflict, and why.

Each stated figure asserts an interval of true values: "$5.6M" asserts 5.55M–5.65M (rounding
at its last digit), "~$5.6M" a wider band, "100,000+" everything from 100,000 up, "$5-6M" the
range itself, "July 2025" every day of that month. Two figures are the *same* when both are
points and their intervals meet, *compatible* when the intervals meet but one of them is a bound,
range or approximation, and in *conflict* when the intervals do not meet. Conflicts (verification
of a claim against a source's figure uses the same call) never depend on how a number was written.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from factcheck.models import Qualifier, Quantity

__all__ = ["Comparison", "Relation", "compare", "interval", "span"]

APPROX_TOLERANCE = 0.10  # "~", "about", "est.": within 10% either way
_BINARY = {1e3: 1.024, 1e6: 1.024**2, 1e9: 1.024**3}  # 262K tokens may mean 262,144
_BINARY_UNITS = {"tokens", "GB", "MB", "TB", "bits"}
# Units that are the same number written differently: a benchmark score with or without "%".
_SAME_UNIT = {"score": "", "percent": "", "elo": "", "": ""}


class Relation(StrEnum):
    SAME = "same"
    COMPATIBLE = "compatible"
    CONFLICT = "conflict"
    INCOMPARABLE = "incomparable"  # different units or kinds: no verdict either way


@dataclass(frozen=True)
class Comparison:
    """The relation between two figures and a one-line reason a reviewer can read."""

    relation: Relation
    reason: str
    divergence: float = 0.0  # relative gap between the stated figures (0.7 for 100,000 vs 170,000)


def _unit_key(q: Quantity) -> str:
    if q.is_date:
        return "date"
    unit = q.unit.split(" per ")[0] if q.kind == "price" else q.unit
    return _SAME_UNIT.get(unit, unit)


def interval(q: Quantity) -> tuple[float, float]:
    """The true values a numeric quantity allows, in base units (dates are not numeric)."""
    if not isinstance(q.value, float | int):
        raise TypeError("interval() is for numbers; dates compare through compare()")
    half = q.precision / 2 if q.precision else 0.0
    low = q.low if isinstance(q.low, float | int) else None
    high = q.high if isinstance(q.high, float | int) else None
    value = float(q.value)
    widen = _BINARY.get(q.scale, 1.0) if q.unit in _BINARY_UNITS else 1.0
    if q.qualifier is Qualifier.RANGE and low is not None and high is not None:
        return low - half, high * widen + half
    if q.qualifier is Qualifier.LOWER_BOUND:
        return value - half, math.inf
    if q.qualifier is Qualifier.UPPER_BOUND:
        return -math.inf, value + half
    if q.qualifier is Qualifier.APPROX:
        spread = max(abs(value) * APPROX_TOLERANCE, half)
        return value - spread, value * widen + spread
    return value - half, value * widen + half


def span(q: Quantity) -> tuple[float, float] | tuple[str, str]:
    """What a figure allows, as (low, high): numbers in base units, dates as ISO days. Two figures
    of one kind conflict exactly when these do not overlap (number bands are half-open)."""
    return _date_span(q) if q.is_date else interval(q)


def _date_span(q: Quantity) -> tuple[str, str]:
    """First and last day a date figure allows, as ISO strings (which order correctly)."""
    low = str(q.low if q.qualifier is Qualifier.RANGE and q.low is not None else q.value)
    high = str(q.high if q.qualifier is Qualifier.RANGE and q.high is not None else q.value)
    return _first_day(low), _last_day(high)


def _first_day(iso: str) -> str:
    quarter = re.fullmatch(r"(\d{4})-([QH])(\d)", iso)
    if quarter:
        year, part, n = quarter.groups()
        month = (int(n) - 1) * (3 if part == "Q" else 6) + 1
        return f"{year}-{month:02d}-01"
    return (iso + "-01-01")[:10] if len(iso) == 4 else (iso + "-01")[:10]


def _last_day(iso: str) -> str:
    quarter = re.fullmatch(r"(\d{4})-([QH])(\d)", iso)
    if quarter:
        year, part, n = quarter.groups()
        month = int(n) * (3 if part == "Q" else 6)
        return f"{year}-{month:02d}-31"
    return (iso + "-12-31")[:10] if len(iso) == 4 else (iso + "-31")[:10]


def _describe(q: Quantity) -> str:
    return q.text or str(q.value)


def _compare_dates(a: Quantity, b: Quantity) -> Comparison:
    a_low, a_high = _date_span(a)
    b_low, b_high = _date_span(b)
    if a_high < b_low or b_high < a_low:
        return Comparison(Relation.CONFLICT, f"{_describe(a)} and {_describe(b)} are different dates")
    if str(a.value) == str(b.value) and a.qualifier == b.qualifier:
        return Comparison(Relation.SAME, f"both say {a.value}")
    return Comparison(Relation.COMPATIBLE, f"{_describe(a)} and {_describe(b)} overlap at different precision")


def compare(a: Quantity, b: Quantity) -> Comparison:
    """How two stated figures relate; `reason` says why in words a reviewer can check."""
    if _unit_key(a) != _unit_key(b) or isinstance(a.value, str) != isinstance(b.value, str):
        return Comparison(Relation.INCOMPARABLE, f"{a.unit or 'a number'} and {b.unit or 'a number'} differ")
    if a.is_date:
        return _compare_dates(a, b)
    if isinstance(a.value, str):  # categories: equal or not
        same = a.value == b.value
        return Comparison(Relation.SAME if same else Relation.CONFLICT, f"{a.value} and {b.value}")
    a_low, a_high = interval(a)
    b_low, b_high = interval(b)
    va, vb = float(a.value), float(b.value)
    scale = max(abs(va), abs(vb)) or 1.0
    divergence = abs(va - vb) / scale
    # Rounding bands are half-open: "6M" covers 5.5M up to, not including, 6.5M, where "7M" begins.
    if a_high <= b_low or b_high <= a_low:
        return Comparison(Relation.CONFLICT, f"{_describe(a)} and {_describe(b)} cannot both hold", divergence)
    points = a.qualifier is Qualifier.EXACT and b.qualifier is Qualifier.EXACT
    if points:
        return Comparison(Relation.SAME, f"{_describe(a)} and {_describe(b)} agree at the stated precision", divergence)
    return Comparison(Relation.COMPATIBLE, f"{_describe(a)} and {_describe(b)} are compatible", divergence)
