"""TIMEX3 values: formatting calendar units, and placing a value on the calendar."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # 14: Feb next year


def day(d: date) -> str:
    return d.isoformat()


def month(year: int, month_: int) -> str:
    return f"{year:04d}-{month_:02d}"


def week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def decade(year: int) -> str:
    return f"{year // 10:03d}"


def century(year: int) -> str:
    return f"{year // 100:02d}"


def number(n: float) -> str:
    """7 -> "7", 7.5 -> "7.5"."""
    return str(int(n)) if float(n).is_integer() else f"{n:.2f}".rstrip("0")


def _month_end(year: int, month_: int) -> date:
    return date(year, month_, calendar.monthrange(year, month_)[1])


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    """First day of month ``first`` to last day of month ``last`` (may run into next year)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), _month_end(end_year, end_month)


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?"), "day"),
    (re.compile(r"(\d{4})-W(\d\d)(-WE)?"), "week"),
    (re.compile(r"(\d{4})-(\d\d)"), "month"),
    (re.compile(r"(\d{4})-Q([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-H([12])"), "half"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(r"(\d{3})"), "decade"),
    (re.compile(r"(\d{2})"), "century"),
]


def interval(value: str | None) -> tuple[date, date] | None:
    """The first and last day a resolved value covers; None when it cannot be placed
    (X placeholders, PAST_REF, durations, sets)."""
    if not value:
        return None
    for pattern, kind in _PATTERNS:
        match = pattern.fullmatch(value)
        if match is None:
            continue
        g = match.groups()
        y = int(g[0])
        try:
            if kind == "day":
                d = date(y, int(g[1]), int(g[2]))
                return d, d
            if kind == "week":
                monday = date.fromisocalendar(y, int(g[1]), 1)
                if g[2]:  # the weekend: Saturday and Sunday
                    return monday + timedelta(days=5), monday + timedelta(days=6)
                return monday, monday + timedelta(days=6)
            if kind == "month":
                return _months(y, int(g[1]), int(g[1]))
            if kind == "quarter":
                q = int(g[1])
                return _months(y, 3 * q - 2, 3 * q)
            if kind == "half":
                h = int(g[1])
                return _months(y, 6 * h - 5, 6 * h)
            if kind == "season":
                return _months(y, *_SEASON_MONTHS[g[1]])
            if kind == "year":
                return date(y, 1, 1), date(y, 12, 31)
            if kind == "decade":
                return date(max(1, y * 10), 1, 1), date(y * 10 + 9, 12, 31)
            return date(max(1, y * 100), 1, 1), date(y * 100 + 99, 12, 31)
        except ValueError:
            return None
    return None


def bound(text: str, *, end: bool) -> date:
    """A --from/--to bound (YYYY, YYYY-MM or YYYY-MM-DD) as a day; ValueError if not one."""
    if not re.fullmatch(r"\d{4}(-\d\d){0,2}", text.strip()):
        raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    span = interval(text.strip())
    if span is None:
        raise ValueError(f"not a date: {text!r}")
    return span[1] if end else span[0]
