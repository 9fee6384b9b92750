"""Turn a found expression into a TIMEX3 type, value and mod.

Relative expressions are resolved against the anchor (the document's date);
anaphoric ones ("the day before", "two weeks later") against the last full date
the text mentioned, as HeidelTime does for news.  Without an anchor the value
keeps X placeholders: we never guess today's date.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from corpus_tool_dates import values as v
from corpus_tool_dates.finder import Found
from corpus_tool_dates.holidays import holiday_date
from corpus_tool_dates.lexicon import (
    DAY_PARTS,
    MULTIPLIERS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    SEASONS,
    UNIT_FACTOR,
    UNITS,
    VAGUE,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    ZONES,
    month_number,
    phrase_key,
)
from corpus_tool_dates.periods import period
from corpus_tool_dates.tense import FUTURE, PAST, PRESENT, REPORTED_FUTURE, UNKNOWN, direction


@dataclass(frozen=True)
class Timex:
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None = None


@dataclass
class Context:
    """What resolution needs: the anchor, and the last full date mentioned."""

    anchor: date | None
    reference: date | None = None
    text: str = ""
    span: tuple[int, int] = (0, 0)  # the expression being resolved
    quarter: str | None = None  # the last financial quarter mentioned ("1989-Q3")
    day_first: bool = False  # the document writes numeric dates day first
    numeric: bool = False  # the document has written a full date in figures (25/12/2020)
    stated: tuple[int, int] | None = None  # (year, where) the text last stated a year
    # The last date mentioned at month or year precision ("In March, ..."): "the
    # following month" counts from it when it is the latest mention.
    mentioned: tuple[date, str] | None = None
    mentioned_end: int = -1  # where that mention ends in the text

    @property
    def year(self) -> int | None:
        """Without an anchor, the year a text just stated is the one it goes on about
        ("2014 was good. October was excellent"), for a sentence or two."""
        if self.stated is None or self.span[0] - self.stated[1] > YEAR_REACH:
            return None
        return self.stated[0]

    def tense(self, weekday: bool = False) -> int:
        """PAST, FUTURE, PRESENT or UNKNOWN: the tense of the clause around the
        expression.  A future seen from the report's recent past ("said they would act
        Friday") is the future for a month or a season, the present (the nearest) for a
        weekday."""
        tense = direction(self.text, *self.span)
        if tense == REPORTED_FUTURE:
            return PRESENT if weekday else FUTURE
        return tense

    @property
    def base(self) -> date | None:
        return self.reference or self.anchor

    def base_for(self, letter: str) -> date | None:
        """What "the following month" or "that year" counts from: the last date
        mentioned precisely enough for the unit (a month for a month, a year for a
        year), else the last full date, else the anchor."""
        if self.mentioned is not None:
            when, precision = self.mentioned
            if precision == "D" or (precision == "M" and letter in ("M", "Y", "DE", "CE")) \
                    or (precision == "Y" and letter in ("Y", "DE", "CE")):
                return when
        return self.base


MODS = {
    "start": "START", "beginning": "START", "early": "START",
    "end": "END", "close": "END", "late": "END",
    "middle": "MID", "mid": "MID",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "under": "LESS_THAN",
    "less than": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
# How far (in characters) a stated year carries to a month or day written without one.
YEAR_REACH = 160
BACKWARD = {"last", "past", "previous", "preceding", "before", "earlier", "ago"}
FORWARD = {"next", "coming", "following", "after", "later", "from now", "hence"}



def _month_number(name: str) -> int:
    number = month_number(phrase_key(name))
    if number is None:  # the patterns only find months
        raise KeyError(name)
    return number


def _weekday_number(name: str) -> int:
    key = phrase_key(name)
    return WEEKDAYS.get(key) or WEEKDAY_ABBREVIATIONS[key]


def _mod(word: str | None) -> str | None:
    return MODS.get(phrase_key(word)) if word else None


def parse_number(text: str) -> float | None:
    """ "7 1/2" -> 7.5, "twenty-five" -> 25, "two and a half" -> 2.5, "1,500" -> 1500."""
    key = phrase_key(text)
    half = key.endswith(" and a half")
    key = key.removesuffix(" and a half")
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key] + 0.5 * half
    match = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?: (\d)/(\d)| ?([a-z]+))?", key)
    if match:
        n = float(match.group(1).replace(",", ""))
        if match.group(4):  # "100m", "4.5 billion"
            if match.group(4) not in MULTIPLIERS:
                return None
            n *= MULTIPLIERS[match.group(4)]
        if match.group(2) and int(match.group(3)):
            n += int(match.group(2)) / int(match.group(3))
        return n + 0.5 * half
    total = 0.0
    for word in re.split(r"[-\s]+", key):
        if word not in NUMBER_WORDS:
            return None
        total = total * 100 if word == "hundred" else total + NUMBER_WORDS[word]
    return total + 0.5 * half


def _quantity(parts: dict[str, str]) -> float | None:
    """The count of a "two days", "a year", "several weeks"; None when vague."""
    if parts.get("vague"):
        return None
    if parts.get("one"):
        n: float | None = 1.0
    else:
        n = parse_number(parts.get("number", "1"))
    if n is not None and parts.get("half"):
        n += 0.5
    return n


def _unit(word: str) -> tuple[str, bool, int]:
    """"weeks" -> ("W", False, 1); "fortnight" -> ("W", False, 2)."""
    key = phrase_key(word)
    key = "century" if key == "centuries" else key.removesuffix("s")
    letter, is_time = UNITS[key]
    return letter, is_time, UNIT_FACTOR.get(key, 1)


# A fraction of a unit is written in whole smaller units, as TIMEX3 does ("2 1/2 years"
# is P2Y6M, "a minute and a half" PT1M30S); decades and centuries in years (P20Y).
_SMALLER = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "M": ("S", 60)}
_IN_YEARS = {"DE": 10, "CE": 100}


def duration_value(n: float | None, unit_word: str) -> str:
    letter, is_time, factor = _unit(unit_word)
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    n *= factor
    if letter in _IN_YEARS and n * _IN_YEARS[letter] == int(n * _IN_YEARS[letter]):
        return f"P{int(n * _IN_YEARS[letter])}Y"
    whole, part = int(n), n - int(n)
    smaller = _SMALLER.get(letter) if letter != "M" or is_time else None
    if part and smaller and (part * smaller[1]).is_integer():
        rest = f"{int(part * smaller[1])}{smaller[0]}"
        if letter == "D":  # the hours of a day go after the T
            return f"P{whole}DT{rest}" if whole else f"PT{rest}"
        return f"{prefix}{whole}{letter}{rest}" if whole else f"{prefix}{rest}"
    return f"{prefix}{v.number(n)}{letter}"


def _moved(base: date | None, unit_word: str, n: float) -> str | None:
    """``base`` moved by ``n`` of a unit, at the unit's precision; clock units
    ("minutes", "hours") move within the day and give the day.  None when the move
    leaves the calendar ("100m years ago")."""
    letter, is_time, factor = _unit(unit_word)
    if base is None:
        return _at_granularity(None, "D" if is_time else letter)
    try:
        if is_time:
            seconds = {"H": 3600, "M": 60, "S": 1}[letter] * n * factor
            # The anchor's hour is unknown: take it as midday ("22 hours ago" is the day
            # before, "10 minutes ago" the same day).
            return v.day(base + timedelta(days=math.ceil(seconds / 86400 - 0.5)))
        return _at_granularity(_shift(base, letter, n * factor), letter)
    except (OverflowError, ValueError):
        return None


def _shift(base: date, letter: str, n: float) -> date:
    """``base`` moved by ``n`` units; fractions go through the next smaller unit."""
    if letter == "D":
        return base + timedelta(days=round(n))
    if letter == "W":
        return base + timedelta(days=round(7 * n))
    if letter == "M":
        return base + relativedelta(months=round(n))
    if letter == "Q":
        return base + relativedelta(months=round(3 * n))
    if letter == "Y":
        return base + relativedelta(months=round(12 * n))
    if letter == "DE":
        return base + relativedelta(years=round(10 * n))
    if letter == "CE":
        return base + relativedelta(years=round(100 * n))
    return base  # hours, minutes: the same day


def _at_granularity(d: date | None, letter: str) -> str:
    """A date written at the unit's precision ("last week" is a week)."""
    if letter == "W":
        return v.week(d) if d else "XXXX-WXX"
    if letter in ("M", "Q"):
        return v.month(d.year, d.month) if d else "XXXX-XX"
    if letter == "Y":
        return f"{d.year:04d}" if d else "XXXX"
    if letter == "DE":
        return v.decade(d.year) if d else "XXX"
    if letter == "CE":
        return v.century(d.year) if d else "XX"
    return v.day(d) if d else "XXXX-XX-XX"


def _closest(anchor: date | None, month_: int, day_: int | None) -> int | None:
    """The year that puts a month (and day) nearest the anchor; None without one."""
    if anchor is None:
        return None

    def distance(year: int) -> int:
        target = date(year, month_, min(day_ or 15, 28))
        return abs((target - anchor).days)

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=distance)


# Within this many days of the anchor the nearest reading wins whatever the tense ("was
# extended to Nov. 16", "payable Dec. 15"); further off the tense decides.
NEAR_DAYS = 60


def _year_of(ctx: Context, month_: int, day_: int | None) -> int | None:
    """The year of a month (and day) written without one: the nearest reading when it is
    close to the anchor, else the latest such date up to the anchor in a past-tense
    clause and the next one in a future-tense clause."""
    anchor = ctx.anchor
    year = _closest(anchor, month_, day_)
    if anchor is None or year is None:
        return ctx.year  # "2014 was good. In October ...": the year the text is about
    if abs((date(year, month_, min(day_ or 15, 28)) - anchor).days) <= NEAR_DAYS:
        return year
    tense = ctx.tense()
    here = (anchor.month, anchor.day if day_ else 0)
    there = (month_, day_ or 0)
    if tense in (PAST, UNKNOWN):
        return anchor.year if there <= here else anchor.year - 1
    if tense == FUTURE:
        return anchor.year if there >= here else anchor.year + 1
    return year


def _zone(text: str | None) -> str:
    if not text:
        return ""
    key = phrase_key(text).replace(" ", "")
    if key in ZONES:
        return ZONES[key]
    match = re.fullmatch(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d\d)?", key)
    if match:
        return f"{match.group(1)}{int(match.group(2)):02d}:{match.group(3) or '00'}"
    return "Z" if key == "z" else ""


def _clock(parts: dict[str, str]) -> str | None:
    """ "T13:48+01:00" from the time pieces, or None when there are none."""
    if parts.get("noon"):
        return "T00:00" if phrase_key(parts["noon"]) == "midnight" else "T12:00"
    if not parts.get("hour"):
        return None
    hour, minute = int(parts["hour"]), int(parts.get("minute") or 0)
    ampm = phrase_key(parts.get("ampm")).replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm in ("pm", "afternoon", "evening") else 0)
    return f"T{hour:02d}:{minute:02d}{_zone(parts.get('zone'))}"


def _calendar_date(year: int | None, month_: int, day_: int, parts: dict[str, str],
                   ctx: Context) -> Timex | None:
    year = year if year is not None else _year_of(ctx, month_, day_)
    try:
        d = date(year if year is not None else 2000, month_, day_)  # 2000: a leap year
    except ValueError:
        return None  # "February 30"
    value = v.day(d) if year is not None else f"XXXX-{month_:02d}-{day_:02d}"
    clock = _clock(parts)
    return Timex("TIME", value + clock) if clock else Timex("DATE", value)


def _iso(p: dict[str, str], ctx: Context) -> Timex | None:
    return _calendar_date(int(p["year"]), int(p["month"]), int(p["day"]), p, ctx)


def _numeric(p: dict[str, str], ctx: Context) -> Timex | None:
    if p.get("month"):
        return _calendar_date(int(p["year"]), int(p["month"]), int(p["day"]), {}, ctx)
    a, b = int(p["a"]), int(p["b"])
    if not p.get("year"):
        return _short_numeric(a, b, ctx)
    # Day first when it must be, with dots (24.02.2022), or when the document writes its
    # dates day first (25/12/2020 beside 02/01/2021); else US month first.
    day_first = a > 12 or (p["sep"] == "." and b <= 12) or (ctx.day_first and b <= 12)
    month_, day_ = (b, a) if day_first else (a, b)
    if month_ > 12:
        return None
    return _calendar_date(int(p["year"]), month_, day_, {}, ctx)


def _short_numeric(a: int, b: int, ctx: Context) -> Timex | None:
    """ "02/01" in a document that writes its dates in figures ("Ordered 25/12/2020,
    delivered 02/01"): in the document's order, the year that puts it nearest the last
    full date.  Elsewhere two figures and a slash are not a date."""
    base = ctx.reference
    if base is None or not ctx.numeric:
        return None
    month_, day_ = (b, a) if ctx.day_first else (a, b)
    if not (1 <= month_ <= 12 and 1 <= day_ <= 31):
        return None
    year = _closest(base, month_, day_)
    return _calendar_date(year, month_, day_, {}, ctx)


def day_first(found: list[Found]) -> bool:
    """True when a numeric date of the document can only be read day first (25/12/2020)
    and none only month first (12/25/2020)."""
    numeric = [f.parts for f in found if f.family == "numeric" and f.parts.get("a")]
    return any(int(p["a"]) > 12 for p in numeric) and not any(int(p["b"]) > 12 for p in numeric)


def _day_month(p: dict[str, str], ctx: Context) -> Timex | None:
    if p.get("ordday"):
        day_ = ORDINAL_WORDS[phrase_key(p["ordday"])]
    else:
        day_ = int(re.sub(r"\D", "", p["day"]))
    year = int(p["year"]) if p.get("year") else None
    return _calendar_date(year, _month_number(p["month"]), day_, p, ctx)


def _week_of(p: dict[str, str], ctx: Context) -> Timex | None:
    """ "the week of March 6": the ISO week of that day."""
    timex = _day_month(p, ctx)
    if timex is not None and _FULL_DATE.fullmatch(timex.value):
        return Timex("DATE", v.week(date.fromisoformat(timex.value)))
    return timex


# A year stated this close before a month ("this year through August") is the month's.
JUST_SAID = 12


def _year_just_said(ctx: Context) -> int | None:
    if ctx.mentioned is None or ctx.mentioned[1] != "Y" \
            or not 0 <= ctx.span[0] - ctx.mentioned_end <= JUST_SAID \
            or any(c in ".;!?" for c in ctx.text[ctx.mentioned_end:ctx.span[0]]):
        return None
    return ctx.mentioned[0].year


def _month_year(ctx: Context, month_: int, year: int | None, rel: str | None) -> str:
    anchor = ctx.anchor
    if year is None and anchor is not None:
        if rel in ("last", "past"):
            # The month just gone is "last month"; "last February" written in March is
            # the February of a year before.
            year = anchor.year if month_ < anchor.month - 1 else anchor.year - 1
        elif rel in ("next", "coming"):
            year = anchor.year if month_ > anchor.month else anchor.year + 1
        elif rel == "this":
            year = anchor.year
        elif _year_just_said(ctx) is not None:
            year = _year_just_said(ctx)  # "this year through August", "1988, in March"
        else:
            year = _year_of(ctx, month_, None)
    elif year is None and not rel:
        year = ctx.year  # no anchor: the year the text is about
    return v.month(year, month_) if year is not None else f"XXXX-{month_:02d}"


def _year_offset(ctx: Context, rel: str | None) -> int | None:
    """ "this year" / "last year" / "next year" as a year; None without an anchor."""
    if ctx.anchor is None:
        return None
    return ctx.anchor.year + {"last": -1, "next": 1}.get(rel or "", 0)


def _month(p: dict[str, str], ctx: Context) -> Timex:
    month_ = _month_number(p["month"])
    rel = phrase_key(p.get("rel")) or None
    if p.get("year"):
        return Timex("DATE", v.month(int(p["year"]), month_))
    if p.get("yrel"):
        year = _year_offset(ctx, phrase_key(p["yrel"]))
        return Timex("DATE", v.month(year, month_) if year else f"XXXX-{month_:02d}")
    return Timex("DATE", _month_year(ctx, month_, None, rel))


def _period(ctx: Context, rel: str, unit: str) -> str:
    """ "this year", "last month", "that week" at the unit's precision."""
    letter = {"year": "Y", "month": "M", "week": "W", "decade": "DE", "century": "CE",
              "day": "D"}[unit]
    base = ctx.base_for(letter) if rel == "that" else ctx.anchor
    step = {"last": -1, "next": 1}.get(rel, 0)
    return _at_granularity(_shift(base, letter, step) if base else None, letter)


def _part(p: dict[str, str], ctx: Context) -> Timex:
    mod = _mod(p.get("part") or p.get("edge"))
    if p.get("month"):
        year = int(p["year"]) if p.get("year") else None
        if p.get("yrel"):  # "early October this year"
            year = _year_offset(ctx, phrase_key(p["yrel"]))
        if p.get("yrel") and year is None:  # without an anchor
            value = f"XXXX-{_month_number(p['month']):02d}"
        else:
            value = _month_year(ctx, _month_number(p["month"]), year, None)
    elif p.get("decade"):
        value = p["decade"][:3]
    elif p.get("nth"):
        value = _century_value(p["nth"])
    elif p.get("year"):
        value = p["year"]
    else:
        value = _period(ctx, phrase_key(p["rel"]), phrase_key(p["unit"]))
    return Timex("DATE", value, mod)


def _half(p: dict[str, str], ctx: Context) -> Timex:
    return Timex(*period(p, ctx.anchor, ctx.text, ctx.span[1], ctx.quarter))


def _season(p: dict[str, str], ctx: Context) -> Timex:
    code = SEASONS[phrase_key(p["season"])]
    rel = phrase_key(p.get("rel"))
    year: int | None = int(p["year"]) if p.get("year") else None
    anchor = ctx.anchor
    if year is None and anchor is not None:
        middle = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
        if rel in ("last", "past"):
            year = anchor.year if middle < anchor.month - 1 else anchor.year - 1
        elif rel in ("next", "coming"):
            year = anchor.year if middle > anchor.month + 1 else anchor.year + 1
        elif rel in ("", "the"):
            # As a bare month: a season still to come in a past-tense clause is last
            # year's, one gone by in a future-tense clause next year's (a winter spans
            # two years: the anchor's year names it); in a present-tense clause "the
            # winter" is any year's ("there is no work in the winter").
            tense = ctx.tense()
            year = anchor.year
            if rel == "the" and tense == PRESENT:
                year = None
            elif code != "WI" and tense == PAST and middle > anchor.month:
                year -= 1
            elif code != "WI" and tense == FUTURE and middle < anchor.month:
                year += 1
        else:
            year = anchor.year
    return Timex("DATE", f"{year:04d}-{code}" if year else f"XXXX-{code}", _mod(p.get("edge")))


def spelled_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "eighteen hundred" -> 1800, "two thousand and
    one" -> 2001."""
    words = re.split(r"[-\s]+", phrase_key(text))
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + int(parse_number(" ".join(rest)) or 0) if rest else 2000
    first = NUMBER_WORDS.get(words[0])
    rest = words[1:]
    if first is None:
        return None
    if rest == ["hundred"]:
        return int(first) * 100
    if rest[:1] == ["oh"]:
        rest = rest[1:]
    second = parse_number(" ".join(rest))
    return None if second is None else int(first) * 100 + int(second)


_DECADE_TENS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}


def _decade(p: dict[str, str], ctx: Context) -> Timex:
    if p.get("tensword"):  # "the nineties": last century's
        return Timex("DATE", f"19{_DECADE_TENS[phrase_key(p['tensword'])]}", _mod(p.get("edge")))
    # "the '90s" and "the 80s" are last century's; "the 00s" and "the 10s" this one's.
    century = p.get("century") or ("20" if p["tens"] in "01" else "19")
    return Timex("DATE", f"{century}{p['tens']}", _mod(p.get("edge")))


def _century_value(nth: str) -> str:
    """"19th" and "nineteenth" -> "18": TIMEX3 writes the century's hundreds."""
    key = phrase_key(nth)
    n = ORDINAL_WORDS.get(key) or int(re.sub(r"\D", "", key))
    return f"{max(n - 1, 0):02d}"


def _century(p: dict[str, str], ctx: Context) -> Timex:
    return Timex("DATE", _century_value(p["nth"]), _mod(p.get("edge")))


def _dayword(p: dict[str, str], ctx: Context) -> Timex:
    word = phrase_key(p.get("word") or p.get("twice"))
    offsets = {"": 0, "yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "this": 0,
               "before yesterday": -2, "after tomorrow": 2}
    part = phrase_key(p.get("part")) or ("night" if word == "tonight" else "")
    # "last night" is the evening before; "last week" is another family's.
    offset = (-1 if part == "night" else 0) if word == "last" else offsets[word]
    anchor = ctx.anchor
    if anchor is None and word == "today" and not part:
        return Timex("DATE", "PRESENT_REF")
    value = v.day(anchor + timedelta(days=offset)) if anchor else "XXXX-XX-XX"
    return Timex("TIME", value + "T" + DAY_PARTS[part]) if part else Timex("DATE", value)


def _anaphor(p: dict[str, str], ctx: Context) -> Timex:
    unit = phrase_key(p["unit"])
    direction = phrase_key(p["dir"])
    if unit in ("morning", "night"):
        step = 0 if direction == "same" else (-1 if direction in BACKWARD else 1)
        base = ctx.base
        value = v.day(base + timedelta(days=step)) if base else "XXXX-XX-XX"
        return Timex("TIME", f"{value}T{DAY_PARTS[unit]}")
    n = 0.0 if direction == "same" else (_quantity(p) if p.get("number") or p.get("one")
                                          or p.get("vague") else 1.0)
    sign = -1 if direction in BACKWARD else 1
    value = _year_before_quarter(ctx, unit, sign * n) if n is not None else None
    value = value or (_moved(ctx.base_for(_unit(unit)[0]), unit, sign * n)
                      if n is not None else None)
    if value is None:
        return Timex("DATE", "PAST_REF" if direction in BACKWARD else "FUTURE_REF")
    return Timex("DATE", value)


def _year_before_quarter(ctx: Context, unit: str, n: float) -> str | None:
    """In a report on a quarter, "a year ago" and "a year earlier" are that quarter a
    year before ("1988-Q3" in a report on 1989-Q3); None elsewhere."""
    if ctx.quarter is None or n != -1 or phrase_key(unit) != "year":
        return None
    return f"{int(ctx.quarter[:4]) - 1:04d}{ctx.quarter[4:]}"


def _ago(p: dict[str, str], ctx: Context) -> Timex:
    n = _quantity(p)
    forward = phrase_key(p["dir"]) in FORWARD
    step = (1 if forward else -1) * n if n is not None else None
    value = _year_before_quarter(ctx, p["unit"], step) if step is not None else None
    value = value or (_moved(ctx.anchor, p["unit"], step) if step is not None else None)
    if value is None:
        return Timex("DATE", "FUTURE_REF" if forward else "PAST_REF", _mod(p.get("approx")))
    return Timex("DATE", value, _mod(p.get("approx")))


def _set(p: dict[str, str], ctx: Context) -> Timex:
    if p.get("weekday") or p.get("weekdays"):
        day = f"XXXX-WXX-{_weekday_number(p.get('weekday') or p['weekdays'])}"
        part = phrase_key(p.get("part"))  # "Tuesday nights"
        return Timex("SET", f"{day}T{DAY_PARTS[part]}" if part else day)
    if p.get("month"):
        return Timex("SET", f"XXXX-{_month_number(p['month']):02d}")
    if p.get("part"):
        return Timex("SET", f"XXXX-XX-XXT{DAY_PARTS[phrase_key(p['part'])]}")
    if p.get("adverb"):
        adverb = phrase_key(p["adverb"])
        return Timex("SET", {"daily": "P1D", "nightly": "P1D", "weekly": "P1W",
                             "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M",
                             "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}[adverb])
    n = parse_number(p["number"]) if p.get("number") and not p.get("times") else 1.0
    if p.get("other"):
        n = 2.0
    return Timex("SET", duration_value(n, p["unit"]))


def _weekday_value(weekday: int, rel: str, ctx: Context) -> str:
    anchor = ctx.anchor
    if anchor is None:
        return f"XXXX-WXX-{weekday}"
    ahead = (weekday - anchor.isoweekday()) % 7  # days until the next one
    behind = (anchor.isoweekday() - weekday) % 7  # days since the last one
    if rel == "this":
        d = anchor + timedelta(days=weekday - anchor.isoweekday())
    elif rel in ("next", "coming"):
        d = anchor + timedelta(days=ahead or 7)
    elif rel in ("last", "past"):
        d = anchor - timedelta(days=behind or 7)
    elif rel in ("the previous", "the preceding"):
        # the one before the day the story is at ("closed up from the previous Friday"
        # after Friday's close), else before the anchor
        base = ctx.reference or anchor
        d = base - timedelta(days=(base.isoweekday() - weekday) % 7 or 7)
    else:
        # News speaks of the past unless the clause looks ahead ("will meet on Friday");
        # a present-tense one ("has until Tuesday") means the nearest, leaning back.
        tense = ctx.tense(weekday=True)
        forward = tense == FUTURE or (tense == PRESENT and 2 * ahead < behind)
        d = anchor + timedelta(days=ahead) if forward else anchor - timedelta(days=behind)
    return v.day(d)


def _weekday(p: dict[str, str], ctx: Context) -> Timex:
    value = _weekday_value(_weekday_number(p["weekday"]), phrase_key(p.get("rel")), ctx)
    part = phrase_key(p.get("part"))
    if part:
        return Timex("TIME", f"{value}T{DAY_PARTS[part]}")
    return Timex("DATE", value)


def _time(p: dict[str, str], ctx: Context) -> Timex | None:
    """A clock time, on the day its weekday names ("10 p.m. Wednesday") or the anchor's."""
    clock = _clock(p)
    if clock is None:
        return None
    if p.get("weekday"):
        return Timex("TIME", _weekday_value(_weekday_number(p["weekday"]), "", ctx) + clock)
    if p.get("month"):  # "5 p.m. EST Nov. 6"
        return _calendar_date(None, _month_number(p["month"]),
                              int(re.sub(r"\D", "", p["day"])), p, ctx)
    day_ = ctx.anchor
    return Timex("TIME", (v.day(day_) if day_ else "XXXX-XX-XX") + clock)


def _duration(p: dict[str, str], ctx: Context) -> Timex:
    return Timex("DURATION", duration_value(_quantity(p), p["unit"]), _mod(p.get("approx")))


def _bare_units(p: dict[str, str], ctx: Context) -> Timex:
    return Timex("DURATION", duration_value(None, p["unit"]))


def _year(p: dict[str, str], ctx: Context) -> Timex:
    era = phrase_key(p.get("era"))
    year = int(p["year"])
    mod = {"pre": "BEFORE", "post": "AFTER"}.get(phrase_key(p.get("side")))
    return Timex("DATE", f"BC{year:04d}" if era in ("bc", "bce") else f"{year:04d}", mod)


def _vague(p: dict[str, str], ctx: Context) -> Timex:
    if p.get("recent") or p.get("coming"):
        # "in recent years", "in coming weeks": a stretch of unknown length (PXY), as
        # TimeML writes them, not a point.
        return Timex("DURATION", duration_value(None, p["unit"]))
    key = phrase_key(p["word"])
    return Timex("DATE", "FUTURE_REF" if key == "one day" else VAGUE[key])  # "will one day"


def _holiday(p: dict[str, str], ctx: Context) -> Timex:
    name = p["holiday"]
    anchor = ctx.anchor
    if anchor is None:
        # A fixed day keeps its month and day; a moving one (Easter) keeps nothing.
        one, other = holiday_date(name, 2000), holiday_date(name, 2001)
        fixed = (one.month, one.day) == (other.month, other.day)
        return Timex("DATE", f"XXXX-{one.month:02d}-{one.day:02d}" if fixed else "XXXX-XX-XX")
    this_year = holiday_date(name, anchor.year)
    rel = phrase_key(p.get("rel"))
    if rel == "last":
        year = anchor.year if this_year < anchor else anchor.year - 1
    elif rel == "next":
        year = anchor.year if this_year > anchor else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    else:
        year = _year_of(ctx, this_year.month, this_year.day) or anchor.year
    return Timex("DATE", v.day(holiday_date(name, year)))


def _relunit(p: dict[str, str], ctx: Context) -> Timex:
    unit = phrase_key(p["unit"])
    if not p.get("rel"):  # "over the weekend": the one just gone, unless looking ahead
        anchor = ctx.anchor
        if anchor is None:
            return Timex("DATE", "XXXX-WXX-WE")
        weekend_now = anchor.isoweekday() >= 6 or ctx.tense() == FUTURE
        d = anchor if weekend_now else anchor - timedelta(days=7)
        return Timex("DATE", f"{v.week(d)}-WE")
    rel = phrase_key(p["rel"])
    if rel == "that" and unit in ("week", "month", "year", "decade", "century"):
        return Timex("DATE", _period(ctx, "that", unit))  # "that year": the one last named
    rel = "last" if rel in BACKWARD else "next" if rel in FORWARD else "this"
    anchor = ctx.anchor
    if unit == "weekend":
        d = _shift(anchor, "W", {"last": -1, "next": 1}.get(rel, 0)) if anchor else None
        return Timex("DATE", f"{v.week(d) if d else 'XXXX-WXX'}-WE")
    if unit == "quarter":
        if anchor is None:
            return Timex("DATE", "XXXX-QX")
        d = _shift(anchor, "Q", {"last": -1, "next": 1}.get(rel, 0))
        return Timex("DATE", f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}")
    return Timex("DATE", _period(ctx, rel, unit))


def _year_end(p: dict[str, str], ctx: Context) -> Timex:
    """ "by year-end" is the end of the anchor's year; "since year-end" of the year
    before (a figure reported since then)."""
    year = _year_offset(ctx, "last" if phrase_key(p["cue"]) in ("since", "after", "from") else None)
    return Timex("DATE", f"{year:04d}" if year else "XXXX", "END")


_HANDLERS = {
    "iso": _iso, "numeric": _numeric, "mdy": _day_month, "dmy": _day_month, "part": _part,
    "half": _half, "season": _season, "century": _century, "decade": _decade, "dayword": _dayword,
    "anaphor": _anaphor, "ago": _ago, "set": _set, "relunit": _relunit, "holiday": _holiday,
    "month": _month,
    "time": _time, "weekday": _weekday, "duration": _duration, "bareunits": _bare_units,
    "year": _year, "vague": _vague, "yearend": _year_end, "modalday": _vague,
    "weekof": _week_of,
}


_MENTION = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?![-\dWQHSFX])")


def _mention(value: str) -> tuple[date, str] | None:
    """A date value as (its first day, its precision: D, M or Y)."""
    match = _MENTION.match(value)
    if match is None:
        return None
    year, month_, day_ = match.groups()
    precision = "D" if day_ else "M" if month_ else "Y"
    return date(int(year), int(month_ or 1), int(day_ or 1)), precision


def normalize(found: Found, ctx: Context, text: str) -> Timex | None:
    """The TIMEX3 reading of one expression; None when it is not a real date
    ("February 30").  Full dates become the reference for later anaphora."""
    p = found.parts
    if p.get("spelled"):
        year = spelled_year(p["spelled"])
        if year is None:
            return None
        p = {**p, "year": str(year)}
    ctx.text, ctx.span = text, (found.start, found.end)
    timex = _HANDLERS[found.family](p, ctx)
    if timex is not None and p.get("orso") and timex.mod is None:
        timex = replace(timex, mod="APPROX")  # "a week or so ago", "the next year or so"
    if timex is not None and timex.type in ("DATE", "TIME") and _FULL_DATE.match(timex.value):
        ctx.reference = date.fromisoformat(timex.value[:10])
    if timex is not None and timex.type in ("DATE", "TIME"):
        mention = _mention(timex.value)
        if mention is not None:
            ctx.mentioned, ctx.mentioned_end = mention, found.end
    if found.family == "numeric" and p.get("year") and timex is not None:
        ctx.numeric = True
    if p.get("year") and timex is not None and timex.value[:4].isdigit():
        ctx.stated = (int(timex.value[:4]), found.end)
    if found.family == "half" and timex is not None and _QUARTER.fullmatch(timex.value) \
            and not any(p.get(k) for k in ("ago", "agotail", "yearago")) \
            and phrase_key(p.get("yrel")) in ("", "this") \
            and (not p.get("pyear") or (ctx.anchor and int(p["pyear"]) == ctx.anchor.year)):
        # the quarter the report is about ("this year's third quarter" too), not a
        # year-ago one
        ctx.quarter = timex.value
    return timex
