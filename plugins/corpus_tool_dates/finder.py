"""Find temporal expressions: one regex scan, then context checks that keep
ordinary words and numbers out ("you may", "troops march", "2,014 troops",
"page 2014")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from corpus_tool_dates.patterns import groups, scanner, trigger
from corpus_tool_dates.tense import PAST, direction


@dataclass(frozen=True)
class Found:
    """One expression as found: its span, family and named pieces."""

    start: int
    end: int
    family: str
    parts: dict[str, str]


_WORD = re.compile(r"[\w'’.]+|[^\w\s]")

# Words before a bare month or year that make it a date ("in May", "since 2014").
DATE_CUES = frozenset([
    "in", "on", "of", "since", "until", "till", "by", "from", "through", "throughout", "during",
    "early", "late", "mid", "last", "next", "this", "before", "after", "between", "and", "or",
    "to", "year", "years", "spring", "summer", "autumn", "fall", "winter", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "the", "a", "an", "'s", "its", "their", "his", "her"
])
# Words before a number that make it a count or a label, not a year.
NOT_YEAR_BEFORE = frozenset([
    "page", "pages", "p.", "pp.", "no.", "nos.", "number", "num.", "#", "room", "flight",
    "route", "chapter", "section", "vol.", "volume", "article", "item", "figure", "fig.",
    "table", "line", "lines", "code", "model", "version", "v.", "level", "grade", "about",
    "around", "approximately", "roughly", "nearly", "almost", "than", "some", "only", "just",
    "least", "total", "totalling", "top", "over", "under", "exactly"
])
# Prepositions that make the number after them a year even before a plural word.
STRONG_CUES = frozenset(["in", "since", "from", "until", "till", "during", "between", "before",
                         "after"])
APPROXIMATORS = frozenset(["about", "around", "approximately", "roughly", "some"])
# Plural nouns a year often qualifies ("1990 levels", "the 2014 elections").
YEAR_NOUNS = frozenset(["levels", "prices", "figures", "rates", "standards", "values", "terms",
                        "elections", "games", "olympics", "finals", "results", "accords"])
# A year just before, joined by "and"/"or"/"to": "2012 and 2013 samples".
_YEAR_BEFORE = re.compile(r"(?:1\d|20)\d\d\s+(?:and|or|to|-|–)\s+$")
# Possessives and determiners that make "the 2014 elections" a year, not a count.
YEAR_DETERMINERS = frozenset([
    "the", "its", "their", "his", "her", "our", "this", "that"
])
NEWSPAPER_WORDS = frozenset([
    "times", "telegraph", "mirror", "express", "post", "herald", "tribune", "mail", "star"
])
# Words before a bare season that make it the season ("in the summer").
SEASON_CUES = frozenset([
    "in", "during", "over", "through", "throughout", "by", "until", "since"
])
DETERMINERS = frozenset([
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "that", "these",
    "those"
])
# Before "a year", "a week": a duration; elsewhere "a day" is usually a rate ("$5 a day").
DURATION_CUES = frozenset([
    "for", "over", "within", "in", "after", "about", "nearly", "almost", "than", "least",
    "once", "past", "last", "next", "first", "around", "half", "barely", "only", "just", "as"
])


def _word_before(text: str, start: int) -> str:
    """The word before ``start``, lower case ('' at the start of the text)."""
    words = _WORD.findall(text[max(0, start - 30):start])
    return words[-1].lower() if words else ""


def _two_words_before(text: str, start: int) -> list[str]:
    words = _WORD.findall(text[max(0, start - 40):start])
    return [w.lower() for w in words[-2:]]


def _word_after(text: str, end: int) -> str:
    """The word after ``end`` as written ('' at the end of the text)."""
    words = _WORD.findall(text[end:end + 30])
    return words[0] if words else ""


def _key(word: str | None) -> str:
    return (word or "").lower()


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_plural_noun(word: str) -> bool:
    return word.isalpha() and word.islower() and len(word) > 3 and word.endswith("s") \
        and not word.endswith("ss")


def _after_number(text: str, start: int) -> bool:
    """True for the tail of a number: "2,014", "1.2014", "$2014"."""
    before = text[max(0, start - 2):start]
    return (len(before) == 2 and before[1] in ",." and before[0].isdigit()) \
        or before[-1:] in ("$", "£", "€", "¥")


def _year_ok(text: str, found: Found) -> bool:
    spelled = found.parts.get("spelled")
    if spelled and spelled.lower().endswith("hundred"):
        # "twelve hundred students" is a count; "in eighteen hundred" a year
        return _word_before(text, found.start) in STRONG_CUES
    if found.parts.get("era") or spelled or found.parts.get("side"):
        return True  # "post-1959 politics": the prefix makes it a year
    year = int(found.parts["year"])
    words = _two_words_before(text, found.start)
    before = words[-1] if words else ""
    after = _word_after(text, found.end)
    if after in ("%", "per", "percent", "x"):
        return False
    if before in NOT_YEAR_BEFORE:
        # "in about 2008" is a year, "about 2008 people" a count.
        return before in APPROXIMATORS and len(words) == 2 and words[0] in STRONG_CUES
    # "2014 troops" is a count; "the 2014 elections", "from 2009 supports" and
    # "2012 and 2013 samples" are years.
    listed = _YEAR_BEFORE.search(text, max(0, found.start - 16), found.start)
    if _is_plural_noun(after) and before not in YEAR_DETERMINERS | STRONG_CUES \
            and after not in YEAR_NOUNS and not listed:
        return False
    if year < 1500:  # old years need a cue ("in 1066")
        return before in DATE_CUES
    return True


def _month_ok(text: str, found: Found) -> bool:
    """A month name on its own: "May" and "March" are also a verb and a modal,
    other months are also names ("April Jones")."""
    if found.parts.get("rel") or found.parts.get("year") or found.parts.get("yrel") \
            or found.parts.get("spelled"):
        return True
    before = _word_before(text, found.start)
    if before in STRONG_CUES or before in ("of", "by", "early", "late", "mid", "on"):
        return True
    if _capitalised(_word_after(text, found.end)):
        return False  # "June Carter", "and April Jones"
    return before in DATE_CUES or found.parts["month"].lower() not in ("may", "march")


# Names made of a word and a weekday: "Black Friday", "Super Tuesday", "Sheffield
# Wednesday".  Any other capitalised word before a weekday is the subject of a news
# sentence ("Clinton Saturday vowed", "the Czech Republic Friday joined").
WEEKDAY_NAMES = frozenset([
    "black", "good", "super", "easter", "ash", "holy", "maundy", "palm", "cyber", "giving",
    "shrove", "bloody", "fat", "sheffield", "casual", "manic", "blue", "freaky", "travel",
    "throwback", "small", "plough", "low", "white", "whit", "spy",
])
_NAME_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")


def _weekday_ok(text: str, found: Found) -> bool:
    after = _word_after(text, found.end)
    if after.lower() in NEWSPAPER_WORDS:
        return False
    if found.parts.get("rel"):
        return True
    name = _NAME_BEFORE.search(text, max(0, found.start - 40), found.start)
    return name is None or name.group(1).lower() not in WEEKDAY_NAMES


_NOT_AFTER_THE_SEASON = frozenset(
    ["of", "in", "from", "to", "was", "is", "months", "weather", "season", "heat", "sun",
     "holiday", "holidays", "vacation", "break", "term", "time"]
)


def _season_ok(text: str, found: Found) -> bool:
    rel = (found.parts.get("rel") or "").lower()
    if found.parts.get("year") or found.parts.get("spelled") or found.parts.get("edge") \
            or rel not in ("", "the"):
        return True
    # "the fall of Rome", "the fall in prices": the noun, not the season; "the summer
    # weather", "the winter months": an adjective (of a noun that may itself be the date)
    if rel and _word_after(text, found.end).rstrip(".").lower() in _NOT_AFTER_THE_SEASON:
        return False
    # The match starts at "the": the cue is the word before it ("rose over the summer").
    cue = _word_before(text, found.start)
    # "Arab Spring" is a name, "the fall of Rome" an event.
    return cue in SEASON_CUES and not _capitalised(found.parts["season"])


def _decade_ok(text: str, found: Found) -> bool:
    """"the 1990s" and "the '80s" are decades; "in his 90s" is an age."""
    if found.parts.get("century"):
        return True
    lowered = text[found.start:found.end].lower()
    return lowered.startswith("the") or "'" in lowered


def _in_title(text: str, found: Found) -> bool:
    """A capitalised word right after another capitalised one is part of a name:
    "USA Today", "VOA Today", the film "High Noon"."""
    return _capitalised(text[found.start:found.end]) \
        and _NAME_BEFORE.search(text, max(0, found.start - 40), found.start) is not None


def _dayword_ok(text: str, found: Found) -> bool:
    return not _in_title(text, found)


def _time_ok(text: str, found: Found) -> bool:
    """A bare "10:30" needs a cue; with am/pm, a zone or "noon" it is a time."""
    if found.parts.get("noon"):
        return not _in_title(text, found)
    if found.parts.get("ampm") or found.parts.get("zone"):
        return True
    return _word_before(text, found.start) in ("at", "by", "from", "until", "till", "before",
                                               "after", "around", "about", "to", "and")


# "a 43-year-old actor", "20 years old", "93 years of age": ages, not durations.
_AGE_AFTER = re.compile(r"[-\s]olds?\b|\s+of\s+age\b", re.IGNORECASE)


def _duration_ok(text: str, found: Found) -> bool:
    unit = found.parts["unit"].lower()
    if _AGE_AFTER.match(text, found.end):
        return False
    if unit.startswith("quarter") and _word_after(text, found.end).lower() == "of":
        return False  # "three quarters of the vote"
    # "a day" alone is mostly a rate ("$5 a day"), "one day" an indefinite time.
    indefinite = found.parts.get("one") or _key(found.parts.get("number")) == "one"
    hyphenated = "-" in text[found.start:found.end]  # "a one-day trip"
    added = found.parts.get("more")  # "an additional year" is no rate
    if indefinite and not (found.parts.get("half") or found.parts.get("approx") or hyphenated
                           or added):
        return _word_before(text, found.start) in DURATION_CUES \
            or _word_after(text, found.end) in ("-", "long")
    return True


# Nouns a frequency word classifies rather than repeats: "its quarterly dividend", "the
# average daily volume" name a kind of figure, as business news writes them.
FIGURE_NOUNS = frozenset([
    "dividend", "dividends", "payment", "payments", "payout", "results", "loss", "losses",
    "profit", "profits", "earnings", "sales", "revenue", "revenues", "volume", "turnover",
    "figures", "rate", "rates", "report", "reports", "fee", "fees", "rent", "output",
    "production", "income", "interest", "average", "basis", "share", "cash", "total",
])
# An amount just before: "to rise 8.5% annually", "10,000 units annually" is a rate.
_AMOUNT_BEFORE = re.compile(r"\d[\d,.]*\s*(?:%|percent|[a-z]+)?\s+$")


def _set_ok(text: str, found: Found) -> bool:
    adverb = found.parts.get("adverb")
    if not adverb:
        return True
    after = _word_after(text, found.end)
    # "the Daily Mail", "Weekly Standard": titles, not frequencies.
    if _capitalised(adverb) and _capitalised(after):
        return False
    if after.lower() in FIGURE_NOUNS:
        return False
    return _AMOUNT_BEFORE.search(text, max(0, found.start - 24), found.start) is None


# "for the year", "in the fiscal year": the year a report covers.
_YEAR_CUES = frozenset(["for", "in", "during", "through", "throughout", "of"])


def _period_ok(text: str, found: Found) -> bool:
    if found.parts.get("theyear"):
        return _word_before(text, found.start) in _YEAR_CUES
    """"the quarter" is a period unless it is a share ("the quarter of the vote"), a part of
    a town ("the French Quarter") or a compound ("the quarter-final"); "the period" needs
    a word that makes it a financial one ("the latest period", "the year-ago period")."""
    reference = found.parts.get("reference")
    if reference is None:
        return True
    if reference.lower() == "period" and not (
        found.parts.get("latest") or found.parts.get("ago") or found.parts.get("pyear")
    ):
        return False
    after = text[found.end:found.end + 4]
    return reference.islower() and not after.startswith(("-", " of")) \
        and not _capitalised(_word_before(text, found.end - len(reference)))


# Words that may follow "the day before" when it stands alone ("the day before, and").
_AFTER_ANAPHOR = frozenset(["and", "or", "but"])


def _anaphor_ok(text: str, found: Found) -> bool:
    # "the day before the vote", "the day before authorities issued a warrant", "later
    # in the day before returning": "before" opens a phrase or clause about an event we
    # cannot date; only "the day before" standing alone is the day before the last date.
    if found.parts.get("dir", "").lower() in ("before", "after"):
        after = _word_after(text, found.end).lower()
        return not after[:1].isalnum() or after in _AFTER_ANAPHOR
    return True


# Words that may follow "the past" or "the future" when it is a time, not an adjective
# ("the past president") or an entity's prospects ("the future of NATO").
_AFTER_REF = frozenset([
    "and", "or", "but", "that", "when", "as", "in", "to", "for", "is", "was", "has", "have",
    "had", "will", "would", "are", "were", "with", "than", "at", "by", "it", "he", "she",
    "they", "we", "you", "there", "this", "these", "those", "its", "their", "his", "her",
])


_MODALS = frozenset(["may", "might", "could", "can", "will", "would", "should", "must", "to"])


def _vague_ok(text: str, found: Found) -> bool:
    word = (found.parts.get("word") or "").lower()
    if word.startswith("the "):
        after = _word_after(text, found.end).rstrip(".")  # "the past president."
        return not (after.isalpha() and after.islower()) or after in _AFTER_REF
    if word in ("now", "then") and text[found.end:found.end + 1] in ("-", "‑"):
        return False  # "the now-global trade", "the now-defunct firm": an adjective's part
    if found.parts.get("word") == "Now" and text[found.end:found.end + 1] == "," \
            and not text[:found.start].rstrip(" \t\"'`“‘").endswith(","):
        return False  # "Now, he says, ...": a turn in the argument, not the present
    if word == "soon":  # "as soon as", "soon after": conjunctions, not the future
        if _word_after(text, found.end).lower() in ("as", "after", "afterwards"):
            return False
        # "he was soon released": soon after the story's moment, not after the writing;
        # after a modal ("they may soon seek") it looks ahead from now
        return _word_before(text, found.start) in _MODALS \
            or direction(text, found.start, found.end) != PAST
    return True


def _relunit_ok(text: str, found: Found) -> bool:
    """"This Week" and "Next Year" in title case are names (of a programme, a show)."""
    return not found.parts["unit"][:1].isupper()


_CHECKS = {
    "year": _year_ok, "month": _month_ok, "weekday": _weekday_ok, "season": _season_ok,
    "decade": _decade_ok, "time": _time_ok, "half": _period_ok, "duration": _duration_ok,
    "set": _set_ok, "anaphor": _anaphor_ok, "vague": _vague_ok, "relunit": _relunit_ok,
    "dayword": _dayword_ok,
}
# Pieces that must be capitalised: "march" and "sunday" in lower case are not dates.
_NAMES = ("month", "weekday", "weekdays", "holiday")


def _plain_lower_case(family: str, parts: dict[str, str]) -> bool:
    """Informal text writes month names in lower case; with a day or a year beside it
    ("25th march 2015", "march 2015") a month cannot be a verb or a modal."""
    return family in ("mdy", "dmy", "month") and bool(parts.get("day") or parts.get("ordday")
                                                       or parts.get("year")) \
        and not parts.get("weekday", "W")[0].islower()


# No expression reaches further than this before its first trigger token
# ("approximately a couple of weeks") or after its last ("two days ago").
LEAD = 40
TAIL = 24
_WORD_REST = re.compile(r"[\w'’]*")


def windows(text: str) -> Iterator[tuple[int, int]]:
    """The stretches of a lower-cased text around trigger tokens, merged, in order.  A window
    ends at a word's end, so no expression is cut inside a word."""
    start = end = -1
    for match in trigger().finditer(text):
        begin = max(0, match.start() - LEAD)
        if begin > end >= 0:
            yield start, end
            start = -1
        if start < 0:
            start = begin
        end = max(end, _WORD_REST.match(text, min(len(text), match.end() + TAIL)).end())
    if start >= 0:
        yield start, end


def _matches(text: str) -> Iterator[re.Match[str]]:
    """The scanner's matches near trigger tokens, found in the lower-cased text
    (the families then read the original)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # lower case would shift the offsets
        yield from scanner(ignore_case=True).finditer(text)
        return
    for start, end in windows(lowered):
        yield from scanner().finditer(lowered, start, end)


_LIST_JOINT = re.compile(r"\s*(?:,|and|or|&)\s*")


def find(text: str) -> Iterator[Found]:
    """Every temporal expression in ``text``, in order, not overlapping.  Weekdays listed
    before a repeated one ("on Monday, Wednesday and Friday nights") repeat too."""
    held: list[Found] = []  # plain weekdays in a list, waiting for what ends it
    for found in _find(text):
        joined = bool(held) and _LIST_JOINT.fullmatch(text, held[-1].end, found.start)
        if joined and found.family == "set" and found.parts.get("weekday") \
                and found.parts.get("part"):
            held = [Found(h.start, h.end, "set",
                          {"weekday": h.parts["weekday"], "part": found.parts["part"]})
                    for h in held]
        plain_weekday = found.family == "weekday" and not (
            found.parts.get("rel") or found.parts.get("part") or found.parts.get("edge"))
        if not (plain_weekday and (joined or not held)):
            yield from held
            held = []
        if plain_weekday:
            held.append(found)
        else:
            yield found
    yield from held


def _find(text: str) -> Iterator[Found]:
    for match in _matches(text):
        family = match.lastgroup or ""
        if text[match.start()].isdigit() and _after_number(text, match.start()):
            continue
        read = groups(family, text, match.start(), match.end())
        if read is None:
            continue
        parts, (start, end) = read
        if any(parts.get(name, "0")[0].islower() for name in _NAMES) \
                and not _plain_lower_case(family, parts):
            continue
        if any(c.islower() for c in parts.get("zone", "")):
            continue  # "10:30 west of": zones are written in capitals
        found = Found(start, end, family, parts)
        check = _CHECKS.get(family)
        if check is None or check(text, found):
            yield found
