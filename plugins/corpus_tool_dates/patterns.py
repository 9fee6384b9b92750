"""The regular expressions of the finder, one per family of expression.

Each family is a pattern with named groups that the normaliser reads.  The
finder scans a document once with a single compiled alternation of all
families (named groups stripped, so names may repeat across families); the
family that matched is re-read with its own pattern only for the few spans
found.  The order of ``FAMILIES`` is the priority: at a given position the
first family that matches wins, so longer and more specific forms come first.

Every repetition is bounded or separated by fixed literals, so no input can
make the scan backtrack catastrophically.
"""

from __future__ import annotations

import re
from functools import cache

from corpus_tool_dates.lexicon import (
    DAY_PARTS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    MULTIPLIERS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    SEASONS,
    UNITS,
    VAGUE,
    VAGUE_QUANTITIES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    ZONES,
)


def _words(words: object) -> str:
    """An alternation of words or phrases, longest first so prefixes do not win."""
    items = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


MONTH_FULL = _words(MONTHS)
MONTH_ANY = rf"(?:{MONTH_FULL}|{_words(MONTH_ABBREVIATIONS)}\.?)"
WEEKDAY = _words(WEEKDAYS)
WEEKDAY_ANY = rf"(?:{WEEKDAY}|{_words(WEEKDAY_ABBREVIATIONS)}\.?)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[.,:]\d)"
YEAR = r"(?:1\d{3}|20\d\d)(?!\d|[,.]\d)"
SEASON = _words(SEASONS)
# Years as broadcast transcripts spell them: "nineteen ninety-six", "the year two thousand".
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
SPELLED_YEAR = (
    rf"(?P<spelled>(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    rf"nineteen)[-\s](?:(?:{_TENS_WORDS})(?:[-\s](?:{_UNIT_WORDS}))?|hundred|oh[-\s](?:{_UNIT_WORDS})"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    rf"|(?<=year\s)two\s+thousand(?:\s+(?:and\s+)?(?:{_UNIT_WORDS}|ten|eleven|twelve))?)"
)
HOLIDAY = (
    r"(?:christmas(?:\s+(?:eve|day))?|boxing\s+day|new\s+year['’]s\s+(?:eve|day)"
    r"|valentine['’]s\s+day|halloween|veterans\s+day|easter(?:\s+(?:sunday|monday))?"
    r"|good\s+friday|thanksgiving(?:\s+day)?|memorial\s+day|labor\s+day|election\s+day)"
    r"(?![\w'’-])"
)
DECADE_WORDS = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
DAY_PART = _words(DAY_PARTS)
# Zones must be written in upper case ("CET", not "west"): the finder checks that.
ZONE = rf"(?:(?:utc|gmt)\s?[+-]\s?\d{{1,2}}(?::?\d\d)?|{_words(ZONES)}(?!\w))"
AMPM = r"(?:[ap]\.m\.|[ap]m(?!\w))"
# A clock time: needs am/pm, a zone, or hours and minutes.
TIME = (
    rf"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s?(?P<ampm>{AMPM})(?:\s?\(?(?P<zone>{ZONE}))?"
    rf"|(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?:\s?(?P<zone>{ZONE}))?"
    r"|(?P<noon>noon|midday|midnight)"
    # "4 in the morning", "8 o'clock in the evening"
    r"|(?P<hour>1[0-2]|0?[1-9])\s+(?:o['’]clock\s+)?in\s+the\s+(?P<ampm>morning|afternoon|evening)"
)

UNIT_WORD = _words(UNITS)
UNIT = rf"(?:{UNIT_WORD}s?|centuries)"
NUMBER_WORD = _words(w for w in NUMBER_WORDS if w not in ("a", "an"))
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}}(?:\.\d{{1,2}})?)(?:\s\d/\d|\s?{_words(MULTIPLIERS)})?"
    rf"|{NUMBER_WORD}(?:[-\s]{NUMBER_WORD})?(?:\s+and\s+a\s+half)?"
)
QUANTITY = rf"(?:(?P<number>{NUMBER})|(?P<vague>{_words(VAGUE_QUANTITIES)})|(?P<one>an?))"
# TIMEX3 extents leave a loose approximation out ("about [five hours]") but keep a bound
# ("[more than four decades]"); both give the mod.
# ("over three years" is the preposition "over", not a bound.)
APPROX_OUT = r"(?P<approx>about|around|approximately|roughly|some)\s+"
APPROX_IN = (
    r"(?P<approx>nearly|almost|more\s+than|no\s+more\s+than|less\s+than|under|at\s+least|"
    r"at\s+most|up\s+to)\s+"
)
# "the past three months", "the next two weeks", "the first nine months": one duration.
# "the nine months" (ended ...) too.
_SPAN_WORDS = "past|last|next|coming|first|previous|following|final|latest"
# "the" only before a plural unit: "the 7 1/2 year war" is the war's.
_PLURAL_AHEAD = r"(?=(?:\S+\s+){1,3}?(?:minutes|hours|days|weeks|months|quarters|years|decades)\b)"
SPAN = (
    rf"(?:the\s+(?:(?P<span>{_SPAN_WORDS})\s+|{_PLURAL_AHEAD})|(?P<span>{_SPAN_WORDS})\s+)"
)
# the 19th century, the twentieth century
NTH = rf"(?P<nth>(?:[12]?\d)(?:st|nd|rd|th)|{_words(ORDINAL_WORDS)})[-\s]century"
# A year a financial period belongs to: "the 1988", "the year-ago", "this year's".
PERIOD_YEAR = (
    r"(?:(?P<ago>(?:comparable\s+|corresponding\s+)?year[-\s](?:ago|earlier))"
    rf"|(?P<pyear>{YEAR})|(?P<yrel>this|last|next)\s+year's)"
)
# "the last quarter" alone is the previous quarter (relunit); "the last quarter of 2022" is Q4.
PERIOD_ORDINAL = r"first|second|third|fourth|1st|2nd|3rd|4th|last(?=\s+(?:half|quarter)\s+of\s)"
REL = r"(?P<rel>last|next|this|past|coming|previous|following|current|same|preceding|that)"

# (family, pattern); the order is the priority at one position.
FAMILIES: list[tuple[str, str]] = [
    # 2022-02-24, 2024-07-01T13:48, 2024-07-01 13:48:00+01:00
    ("iso", r"(?<![\d-])(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
            r"(?:[t\s](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d(?:\.\d{1,6})?)?"
            r"(?P<zone>z|[+-]\d\d:?\d\d)?)?(?![\d-])"),
    # 24/02/2022, 2/24/2022, 24.02.2022, 2022/02/24
    ("numeric", r"(?<![\d/.])(?:(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<year>\d{4})"
                r"|(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})"
                # 02/01 without its year: a date only in a document that writes numeric dates
                r"|(?P<a>\d\d)(?P<sep>/)(?P<b>\d\d))(?![\d/]|\.\d)"),
    # the week of March 6: that day's week
    ("weekof", rf"the\s+week\s+of\s+(?P<month>{MONTH_ANY})\s?(?P<day>{DAY})"
               rf"(?:,?\s(?P<year>{YEAR}))?"),
    # Monday, February 13, 2023 at 1:48 PM CET; Feb. 24; Jul.01 - 2024
    ("mdy", rf"(?:(?P<weekday>{WEEKDAY_ANY}),?\s+)?(?P<month>{MONTH_ANY})\s?(?P<day>{DAY})"
            rf"(?:(?:,\s?|\s?[-–]\s?|\s)(?P<year>{YEAR}))?"
            rf"(?:(?:,\s?|\s)(?:at\s)?(?:{TIME}))?"),
    # Monday 13 February 2023; the 24th of February
    ("dmy", rf"(?:(?P<weekday>{WEEKDAY_ANY}),?\s+(?:the\s)?)?"
            rf"(?:(?P<day>{DAY})\s(?:of\s)?|the\s+(?P<ordday>{_words(ORDINAL_WORDS)})\s+of\s+)"
            rf"(?P<month>{MONTH_ANY})(?:,?\s(?P<year>{YEAR}))?"
            rf"(?:(?:,\s?|\s)(?:at\s)?(?:{TIME}))?"),
    # the end of January, early 2022, mid-March, later this year, the turn of the century
    # "earlier this week" tags "this week" (the mod is all "earlier" adds); "earlier
    # Sunday" and "late yesterday" keep the word (weekday, dayword).
    ("part", r"(?P<edge>earlier|later)\s+(?P<core>(?P<rel>this|last|next|that)\s+"
             r"(?P<unit>year|month|week))"
             # "earlier that day": the day last named
             r"|(?P<edge>earlier|later)\s+(?P<rel>that)\s+(?P<unit>day)"
             r"|(?:(?:the\s+)?(?P<part>start|beginning|end|middle|turn|close)\s+of\s+(?:the\s+)?"
             r"|(?P<edge>early|late|mid|earlier|later)(?:-|\s+))"
             rf"(?:(?P<month>{MONTH_FULL})(?:,?\s+(?P<year>{YEAR})"
             rf"|\s+(?P<yrel>this|last|next)\s+year)?"
             rf"|(?P<decade>(?:1\d|20)\d0)s|(?P<year>{YEAR})|{NTH}"
             rf"|(?P<rel>this|last|next|the|that)\s+(?P<unit>year|month|week|decade|century))"),
    # the first half of 2022, the third quarter, third-quarter, the fiscal first quarter,
    # the year-ago quarter, the latest period, fiscal 1989, Q3 2022 (see periods.py)
    # "the" belongs to a noun ("the third quarter"), not to an adjective ("the third-quarter
    # loss" tags "third-quarter").
    ("half", rf"the\s+(?:{PERIOD_YEAR}\s+)?(?:fiscal[-\s]+)?"
             rf"(?P<ordinal>{PERIOD_ORDINAL})\s+(?:fiscal\s+)?(?P<portion>half|quarter)(?!-)"
             rf"(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year))?"
             rf"|(?:{PERIOD_YEAR}\s+)?(?:fiscal[-\s]+)?"
             rf"(?P<ordinal>{PERIOD_ORDINAL})[-\s]+(?:fiscal[-\s]+)?(?P<portion>half|quarter)"
             rf"(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year))?"
             rf"|(?P<det>the|its|this|that)\s+(?:{PERIOD_YEAR}\s+)?(?:fiscal\s+)?"
             rf"(?:(?P<latest>latest|current|same|comparable|corresponding|most\s+recent)\s+)?"
             rf"(?P<reference>quarter|period)"
             # "the quarter a year ago", "the corresponding period last year"
             r"(?:\s+(?P<agotail>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)(?!'))?"
             rf"|(?P<yrel>this|last|next)\s+year's\s+(?P<reference>quarter)"
             rf"|(?P<q>[qh][1-4])\s(?P<year>{YEAR})"
             rf"|fiscal(?:\s+year)?\s+(?P<fiscal>{YEAR})"
             r"|(?P<yearago>year-(?:ago|earlier))(?!\s+(?:quarter|period))"
             r"|the\s+(?:(?P<whole>full|fiscal|entire|whole)\s+)?(?P<theyear>year)"
             r"(?![-\w]|\s+(?:before|after|earlier|later|two|when|since|in\s+which"
             r"|that(?!\s+ended))\b)"
             rf"|the\s+(?P<latest>current|latest)\s+fiscal\s+year"),
    # summer 2022, last winter, in the autumn of 2021
    ("season", rf"(?:(?P<edge>early|late|mid)[-\s]+)?"
               rf"(?:(?P<rel>last|next|this|the|past|coming)\s+)?(?P<season>{SEASON})"
               rf"(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|{SPELLED_YEAR}))?"),
    # the 19th century, the late nineteenth century
    ("century", rf"(?:the\s+)?(?:(?P<edge>early|late|mid)[-\s]+)?{NTH}"),
    # the 1990s, the early 2000s, the '80s
    ("decade", r"(?:the\s+)?(?:(?P<edge>early|late|mid)[-\s]+)?(?:(?P<century>1\d|20)|')?"
               r"(?P<tens>\d)0'?s(?!\w)"
               rf"|the\s+(?:(?P<edge>early|late|mid)[-\s]+)?(?P<tensword>{DECADE_WORDS})"),
    # yesterday, tonight, the day after tomorrow, last night, this morning
    ("dayword", rf"the\s+day\s+(?P<twice>before\s+yesterday|after\s+tomorrow)"
                rf"|(?P<edge>early|late|earlier|later)\s+(?P<word>yesterday|today|tomorrow)"
                rf"|(?P<word>yesterday|today|tomorrow)(?:\s+(?P<part>{DAY_PART}))?"
                rf"|(?P<word>tonight)"
                rf"|(?P<word>last|this)\s+(?P<part>{DAY_PART})"
                rf"|mid[-\s]?(?P<part>morning|afternoon|evening)"
                rf"(?:\s+(?P<word>yesterday|today|tomorrow))?"),
    # "Islam will one day be ...": after a modal, "one day" is some time ahead (read as a
    # vague reference; elsewhere it is a duration or a story's day)
    ("modalday", r"(?=one\s)(?:(?<=will\s)|(?<=may\s)|(?<=might\s)|(?<=could\s)|(?<=would\s)"
                 r"|(?<=can\s)|(?<=should\s)|(?<=shall\s))(?P<word>one\s+day)\b"),
    # the day before, the following week, two days later, the same day
    ("anaphor", rf"the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|later)"
                rf"|the\s+(?P<dir>next|following|previous|preceding|same)\s+(?P<unit>day|week|month|year|morning|night)"
                rf"(?:\s+(?P<orso>or\s+so)\b)?"
                rf"|(?:{QUANTITY})[-\s](?P<unit>{UNIT})\s+(?P<dir>later|earlier)"),
    # two days ago, three years from now
    ("ago", rf"(?:{APPROX_OUT}|{APPROX_IN})?(?:{QUANTITY})[-\s](?P<unit>{UNIT})"
            rf"(?:\s+(?P<orso>or\s+so))?\s+(?P<dir>ago|from\s+now|hence)"),
    # every Monday, each year, twice a week, daily, on Mondays
    ("set", rf"(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<number>{NUMBER})\s+)?"
            rf"(?:(?P<weekday>{WEEKDAY})(?:\s+(?P<part>{DAY_PART}))?|(?P<month>{MONTH_FULL})"
            rf"|(?P<part>{DAY_PART})|(?P<unit>{UNIT}))"
            rf"|(?P<times>once|twice|(?:{NUMBER})\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit>{UNIT_WORD})"
            r"|(?P<adverb>daily|weekly|fortnightly|monthly|quarterly|annually|yearly|hourly|nightly)"
            rf"|on\s+(?P<weekdays>{WEEKDAY})s"
            rf"|(?P<weekday>{WEEKDAY})\s+(?P<part>{DAY_PART})s"),
    # by year-end, since year end, by year's end: the end of the current year (or of the
    # last, looking back)
    ("yearend", r"(?P<cue>by|at|around|before|until|till|since|after|from)\s+(?:the\s+)?"
                r"(?P<core>year(?:-|\s|'s\s|’s\s)end)"),
    # next week, last year, this month, the past decade, next weekend
    # ("the next year or so": the year, approximately)
    ("relunit", rf"(?:the\s+)?{REL}\s+(?P<unit>week|weekend|month|year|decade|century|quarter)"
                rf"(?:\s+(?P<orso>or\s+so)\b)?"
                r"|the\s+(?P<unit>weekend)(?!\s+of\b)"),
    # Christmas, Thanksgiving Day, last Easter (capitalised: checked by the finder)
    ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<holiday>{HOLIDAY})"),
    # last Thursday, Thursday morning
    ("weekday", rf"(?:(?P<edge>early|late|earlier|later)\s+)?"
                rf"(?:(?P<rel>last|next|this|coming|past|the\s+(?:previous|preceding))\s+)?"
                rf"(?P<weekday>{WEEKDAY})"
                rf"(?:\s+(?P<part>{DAY_PART}))?"),
    # November this year, last March, August
    ("month", rf"(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<month>{MONTH_FULL})"
              rf"(?:(?:,?\s+(?:of\s+)?(?:(?P<year>{YEAR})|{SPELLED_YEAR}))"
              rf"|\s+(?P<yrel>this|last|next)\s+year)?"),
    # a clock time, with the weekday news writes after it ("10 p.m. Wednesday")
    ("time", rf"(?:{TIME})(?:\s+(?:on\s+)?(?P<weekday>{WEEKDAY})"
             rf"|,?\s+(?:on\s+)?(?P<month>{MONTH_ANY})\s?(?P<day>{DAY}))?"),
    # three weeks, 7 1/2 year, about a decade, a year and a half, two-year
    # "two more weeks", "an additional year": the count of a stretch added on
    ("duration", rf"(?:{APPROX_OUT})?(?P<core>(?:{APPROX_IN}|{SPAN})?(?:{QUANTITY})[-\s]"
                 rf"(?:(?P<more>more|additional|extra|further)\s+)?"
                 # "eight trading days", "five business days": days all the same
                 r"(?:(?:trading|business|working)\s+(?=days?\b))?"
                 rf"(?P<unit>{UNIT})(?!-(?:earlier|ago))(?P<half>\s+and\s+a\s+half)?"
                 rf"(?:\s+(?P<orso>or\s+so)\b)?)"),
    # for years, over decades: a bare plural unit needs the preposition
    ("bareunits", r"(?:for|over|in|within|after)\s+"
                  r"(?P<core>(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries))"),
    # 2014 (gated by its context in the finder)
    # ("pre-1990 levels", "post-1959 politics": before or after that year)
    ("year", rf"(?:(?P<side>pre|post)-)?(?P<year>{YEAR})(?:\s?(?P<era>bce?|ad|ce)(?!\w))?"
             rf"|(?:the\s+year\s+)?{SPELLED_YEAR}"),
    ("vague", rf"(?:in\s+)?(?P<core>(?P<recent>recent)\s+(?P<unit>days|weeks|months|years|decades))"
              rf"|(?:in\s+)?(?P<core>(?:the\s+)?(?P<coming>coming|next\s+few)\s+(?P<unit>days|weeks|months|years))"
              # "in the weeks ahead"
              rf"|(?P<core>the\s+(?P<unit>days|weeks|months|years)\s+(?P<coming>ahead))"
              rf"|(?P<word>{_words(VAGUE)})"),
]

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _plain(pattern: str) -> str:
    """The pattern with its named groups made non-capturing."""
    return _NAMED_GROUP.sub("(?:", pattern)


def _own(pattern: str) -> str:
    """A family pattern readable on its own: a repeated group name gets a numbered
    suffix (``hour``, ``hour_2``) since only one branch of an alternation matches."""
    seen: dict[str, int] = {}

    def rename(match: re.Match[str]) -> str:
        name = match.group(0)[4:-1]
        seen[name] = seen.get(name, 0) + 1
        return match.group(0) if seen[name] == 1 else f"(?P<{name}_{seen[name]}>"

    return _NAMED_GROUP.sub(rename, pattern)


FLAGS = re.IGNORECASE

# Every expression holds at least one of these tokens; the scanner only runs
# near them, which spares it most of a text (see finder.windows).
TRIGGER_WORDS = frozenset([
    *MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, *WEEKDAY_ABBREVIATIONS, *SEASONS, *DAY_PARTS,
    *UNITS, *(f"{unit}s" for unit in UNITS), *(f"{day}s" for day in WEEKDAYS), "centuries",
    "weekend", "weekends", "term",
    "yesterday", "today", "tomorrow", "tonight", "noon", "midday", "midnight",
    "now", "nowadays", "currently", "lately", "recently", "recent", "soon", "moment", "present",
    "past", "future", "christmas", "easter", "thanksgiving", "halloween", "valentine's",
    "year's", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "thousand", *DECADE_WORDS.split("|"),
    "daily", "weekly", "fortnightly", "monthly", "quarterly", "annually", "yearly", "hourly",
    "nightly",
])


@cache
def trigger() -> re.Pattern[str]:
    """Digits or a trigger word, in a lower-cased text."""
    words = "|".join(sorted(TRIGGER_WORDS, key=len, reverse=True))
    return re.compile(rf"\d+|\b(?:{words})\b")


@cache
def scanner(ignore_case: bool = False) -> re.Pattern[str]:
    """All families in one alternation; the group that matched names the family.

    The patterns are written in lower case and meant for a lower-cased text:
    Python's regex engine skips an alternative on its first character only in
    case-sensitive patterns, which makes that scan about twice as fast.
    ``ignore_case`` gives the pattern for a text that cannot be lower-cased in
    place (a character whose lower case is longer)."""
    body = "|".join(f"(?P<{name}>{_plain(pattern)})" for name, pattern in FAMILIES)
    return re.compile(rf"(?<![\w'’])(?:{body})(?![\w])", FLAGS if ignore_case else 0)


@cache
def family_patterns() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(_own(pattern), FLAGS) for name, pattern in FAMILIES}


def groups(family: str, text: str, start: int,
           end: int) -> tuple[dict[str, str], tuple[int, int]] | None:
    """The named groups of one found span (repeated names folded together) and the
    span to report: the ``core`` group where a family has one, else the whole match.
    None in the rare case the original text reads differently from its lower case."""
    match = family_patterns()[family].fullmatch(text, start, end)
    if match is None:
        return None
    found: dict[str, str] = {}
    span = (start, end)
    for name, value in match.groupdict().items():
        if value is not None:
            base = name.split("_")[0]
            if base == "core" and "core" not in found:
                span = match.span(name)
            found.setdefault(base, value)
    return found, span
