"""Holidays by name: the day each falls on in a given year.

Fixed days ("Christmas Day") and rule-based ones ("Thanksgiving": the fourth
Thursday of November; "Easter": dateutil's Western Easter).  Country-specific
days are those of US news, where they are most written about by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (1 = Monday) of a month; ``n`` = -1 for the last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": _fixed(12, 25),
    "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26),
    "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31),
    "valentine's day": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "veterans day": _fixed(11, 11),
    "easter": easter,
    "easter sunday": easter,
    "easter monday": lambda year: easter(year) + timedelta(days=1),
    "good friday": lambda year: easter(year) - timedelta(days=2),
    "thanksgiving": lambda year: _nth_weekday(year, 11, 4, 4),
    "thanksgiving day": lambda year: _nth_weekday(year, 11, 4, 4),
    "memorial day": lambda year: _nth_weekday(year, 5, 1, -1),
    "labor day": lambda year: _nth_weekday(year, 9, 1, 1),
    # the Tuesday after the first Monday of November
    "election day": lambda year: _nth_weekday(year, 11, 1, 1) + timedelta(days=1),
}


def holiday_date(name: str, year: int) -> date:
    key = re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()
    return HOLIDAYS[key](year)
