"""Calendar arithmetic for deadlines: months with month-end clamping, periods, working days.

The regulations count in days, months and years from an event ("within 1 month", "every 6
months", "1 year of probation"). A month after 31 January is the last day of February, and a
year after 29 February is 28 February: the deadline never runs past the month it falls in.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any


def day(value: Any) -> date | None:
    """A YYYY-MM-DD text as a date; None for anything else (the schema reports bad dates)."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def add_months(start: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the end of a shorter month."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last))


def add_years(start: date, years: int) -> date:
    return add_months(start, 12 * years)


def month_of(when: date) -> str:
    return f"{when.year:04d}-{when.month:02d}"


def month_shift(month: str, months: int) -> str:
    """YYYY-MM moved by `months`."""
    year, number = (int(part) for part in month.split("-"))
    index = year * 12 + number - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


# "YYYY-MM" by month index (year × 12 + month − 1), made once: the rules across records ask for
# a street's million member-months, and formatting each was most of a changed-member run.
_MONTH_NAMES: list[str] = []


def _month_index(month: str) -> int:
    year, number = (int(part) for part in month.split("-"))
    return year * 12 + number - 1


def month_span(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, both included (empty when last < first)."""
    start, end = _month_index(first), _month_index(last)
    if end < start:
        return []
    if end >= len(_MONTH_NAMES):
        _MONTH_NAMES.extend(f"{i // 12:04d}-{i % 12 + 1:02d}"
                            for i in range(len(_MONTH_NAMES), end + 1200))
    return _MONTH_NAMES[start : end + 1]


def months_between(earlier: str, later: str) -> int:
    """How many months `later` (YYYY-MM) is after `earlier`."""
    y1, m1 = (int(p) for p in earlier.split("-"))
    y2, m2 = (int(p) for p in later.split("-"))
    return (y2 - y1) * 12 + m2 - m1


# Cadences: a period is named like the disclosure periods (2026-03, 2026Q1, 2026H1, 2026).
CADENCE_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


def period_of(when: date, cadence: str) -> str:
    """The name of the period of `cadence` that contains `when`."""
    if cadence == "month":
        return month_of(when)
    if cadence == "quarter":
        return f"{when.year}Q{(when.month - 1) // 3 + 1}"
    if cadence == "half":
        return f"{when.year}H{(when.month - 1) // 6 + 1}"
    return str(when.year)


def period_bounds(when: date, cadence: str) -> tuple[date, date]:
    """First and last day of the period of `cadence` that contains `when`."""
    length = CADENCE_MONTHS[cadence]
    first_month = (when.month - 1) // length * length + 1
    first = date(when.year, first_month, 1)
    return first, add_months(first, length) - timedelta(days=1)


def periods(start: date, end: date, cadence: str) -> list[tuple[str, date, date]]:
    """The periods of `cadence` from the one containing `start` to the one containing `end`:
    (name, first day, last day)."""
    out = []
    first, last = period_bounds(start, cadence)
    while first <= end:
        out.append((period_of(first, cadence), first, last))
        first = last + timedelta(days=1)
        last = period_bounds(first, cadence)[1]
    return out


_PERIOD_NAME = re.compile(r"(19[0-9]{2}|2[0-9]{3})(?:-(0[1-9]|1[0-2])|Q([1-4])|H([12]))?")


def bounds_of(period: str) -> tuple[date, date] | None:
    """First and last day of a named period (2026-03, 2026Q1, 2026H1 or 2026), or None."""
    m = _PERIOD_NAME.fullmatch(period)
    if m is None:
        return None
    year, month, quarter, half = m.groups()
    if month:
        return period_bounds(date(int(year), int(month), 1), "month")
    if quarter:
        return period_bounds(date(int(year), (int(quarter) - 1) * 3 + 1, 1), "quarter")
    if half:
        return period_bounds(date(int(year), (int(half) - 1) * 6 + 1, 1), "half")
    return period_bounds(date(int(year), 1, 1), "year")


def add_working_days(start: date, days: int) -> date:
    """`days` working days (Monday to Friday) after `start`; public holidays are not known."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current
