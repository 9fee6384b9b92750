"""Word tables shared by the patterns and the normaliser."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# Abbreviations only count next to a day or a year ("Feb. 24", "Jan 2022").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}


def phrase_key(text: str | None) -> str:
    """A matched phrase as the tables spell it: lower case, one space, no final stop."""
    return re.sub(r"\s+", " ", text or "").strip().lower().rstrip(".")


def month_number(key: str) -> int | None:
    """A month's number from its lower-case name or abbreviation ("july", "sept")."""
    return MONTHS.get(key) or MONTH_ABBREVIATIONS.get(key)

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4,
    "friday": 5, "saturday": 6, "sunday": 7,
}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
    "fri": 5, "sat": 6, "sun": 7,
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

# TIMEX3 codes for parts of a day.
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
}

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "half a": 0.5, "half an": 0.5, "a quarter of a": 0.25,
    "a quarter of an": 0.25, "a couple of": 2, "couple of": 2, "a dozen": 12,
}
# Written multipliers after a figure: "100m years", "4.5bn years".
MULTIPLIERS: dict[str, float] = {
    "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
}
# Quantities that cannot be counted: TIMEX3 writes them as X ("PXY").
VAGUE_QUANTITIES = ("several", "a few", "few", "many", "some", "a couple of", "hundreds of",
                    "thousands of", "millions of", "billions of")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
# Ordinals written as words, for "the twelfth of May" and "the twentieth century".
_ORDINAL_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth"]
ORDINAL_WORDS: dict[str, int] = {
    **{word: n for n, word in enumerate(_ORDINAL_UNITS, 1)},
    **{word: n for n, word in enumerate(
        ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth", "twentieth"], 10)},
    **{f"twenty-{word}": 20 + n for n, word in enumerate(_ORDINAL_UNITS, 1)},
    "thirtieth": 30, "thirty-first": 31,
}

# Calendar units: TIMEX3 duration letter, and whether it belongs after the "T".
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
    # abbreviations of informal text ("22 hrs ago", "5 mins")
    "sec": ("S", True), "min": ("M", True), "hr": ("H", True), "yr": ("Y", False),
}
# How many of the base unit one word stands for ("fortnight" is two weeks).
UNIT_FACTOR: dict[str, int] = {"fortnight": 2}

# Zone abbreviations as UTC offsets; ambiguous ones (IST, CST in Asia) take the
# reading an English-language news text most likely means.
ZONES: dict[str, str] = {
    "utc": "+00:00", "gmt": "+00:00", "z": "+00:00", "wet": "+00:00",
    "bst": "+01:00", "cet": "+01:00", "west": "+01:00", "cest": "+02:00",
    "eet": "+02:00", "eest": "+03:00", "msk": "+03:00",
    "est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00",
    "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00",
    "ist": "+05:30", "jst": "+09:00", "kst": "+09:00", "hkt": "+08:00",
    "sgt": "+08:00", "aest": "+10:00", "aedt": "+11:00",
}

# Vague references and their TIMEX3 values.
VAGUE: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "soon": "FUTURE_REF",
    # TimeML tags "the past" and "the future" as references (PAST_REF, FUTURE_REF).
    "the past": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
}
