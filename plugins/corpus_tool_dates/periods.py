"""Financial periods: quarters and halves, fiscal years.

Business news reports results after a period has closed, so a quarter named
without its year is the latest one of that number ("third-quarter profit"
written in October 1989 is 1989-Q3; "the fourth quarter" written in January 1998
is 1997-Q4), and "the quarter" or "the latest period" is the last closed quarter.
"The year-ago quarter" is that quarter a year earlier.
"""

from __future__ import annotations

import re
from datetime import date

from corpus_tool_dates.lexicon import ORDINALS, month_number, phrase_key


def _latest(anchor: date, number: int, per_year: int) -> int:
    """The year of the latest quarter (or half) ``number`` up to the anchor's own."""
    current = (anchor.month - 1) * per_year // 12 + 1
    return anchor.year if number <= current else anchor.year - 1


def _closed_quarter(anchor: date) -> tuple[int, int]:
    """The last quarter that ended before the anchor's: (year, quarter)."""
    current = (anchor.month - 1) // 3 + 1
    return (anchor.year, current - 1) if current > 1 else (anchor.year - 1, 4)


def _year_shift(p: dict[str, str]) -> int:
    """-1 for "the year-ago ..." and "last year's ...", +1 for "next year's ..."."""
    if p.get("ago") or p.get("agotail"):
        return -1
    return {"last": -1, "next": 1}.get(phrase_key(p.get("yrel")), 0)


# "the year ended March 31" is the span of a (fiscal) year, not a calendar year.
_ENDED = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends)\b")
# "the quarter ended July 31": the three months up to that day.
_ENDED_ON = re.compile(r"\s+(?:that\s+)?(?:ended|ending)\s+(?P<month>[a-z]+)\.?\s+\d{1,2}\b",
                       re.IGNORECASE)


def _quarter_ended(text: str, end: int, anchor: date) -> tuple[int, int] | None:
    """(year, quarter) of "the quarter ended July 31": the calendar quarter that holds
    most of its three months (May to July: the second), in the latest such year."""
    match = _ENDED_ON.match(text, end)
    month = match and month_number(match["month"].lower())
    if not month:
        return None
    middle = (month - 2) % 12 + 1  # the quarter's middle month
    year = anchor.year if month <= anchor.month else anchor.year - 1
    if middle > month:  # "ended Jan. 31": November to January, mostly the year before
        year -= 1
    return year, (middle - 1) // 3 + 1


def period(
    p: dict[str, str],
    anchor: date | None,
    text: str = "",
    end: int = 0,
    quarter: str | None = None,
) -> tuple[str, str]:
    """(type, value) of one financial period; ``text`` and ``end`` give what follows it,
    ``quarter`` the quarter the report is about, if any."""
    if p.get("q"):
        return "DATE", f"{p['year']}-{p['q'].upper()}"
    if p.get("fiscal"):
        return "DATE", p["fiscal"]
    if p.get("theyear"):  # "for the year": the year reported on; "the year ended ...": a span
        if _ENDED.match(text, end):
            return "DURATION", "P1Y"
        return "DATE", f"{anchor.year:04d}" if anchor else "XXXX"
    if p.get("yearago"):  # "year-earlier results": the report's quarter or year, a year back
        if quarter:
            return "DATE", f"{int(quarter[:4]) - 1:04d}{quarter[4:]}"
        return "DATE", f"{anchor.year - 1:04d}" if anchor else "XXXX"
    if p.get("reference") is None and p.get("latest"):  # the current fiscal year
        return "DATE", f"{anchor.year:04d}" if anchor else "XXXX"
    if p.get("reference"):
        ended = None
        if anchor is not None and phrase_key(p["reference"]) == "quarter" and not p.get("pyear") \
                and not p.get("ago") and not p.get("agotail"):
            ended = _quarter_ended(text, end, anchor)
        if ended is not None:
            return "DATE", f"{ended[0]:04d}-Q{ended[1]}"
        return "DATE", _reference(p, anchor)
    portion = "H" if phrase_key(p["portion"]) == "half" else "Q"
    per_year = 2 if portion == "H" else 4
    ordinal = phrase_key(p["ordinal"])
    n = per_year if ordinal == "last" else ORDINALS[ordinal]
    year: int | None = None
    if p.get("year"):
        year = int(p["year"])
    elif p.get("pyear"):
        year = int(p["pyear"])
    elif anchor is not None:
        if p.get("rel") or p.get("yrel"):
            year = anchor.year + {"last": -1, "next": 1}.get(phrase_key(p.get("rel")), 0)
            year += _year_shift(p)
        else:
            year = _latest(anchor, n, per_year) + _year_shift(p)
    return "DATE", f"{year:04d}-{portion}{n}" if year else f"XXXX-{portion}{n}"


def _reference(p: dict[str, str], anchor: date | None) -> str:
    """ "the quarter", "the latest period", "the year-ago quarter", "the 1988 period"."""
    if anchor is None:
        return "XXXX-QX"
    latest = phrase_key(p.get("latest"))
    if latest == "current" or phrase_key(p.get("det")) == "this":
        year, quarter = anchor.year, (anchor.month - 1) // 3 + 1
    else:
        year, quarter = _closed_quarter(anchor)
    if p.get("pyear"):
        year = int(p["pyear"])
    return f"{year + _year_shift(p):04d}-Q{quarter}"
