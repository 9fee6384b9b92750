"""One document in, one row per temporal expression out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from corpus_tool import Document
from corpus_tool_dates.anchor import Anchor, choose
from corpus_tool_dates.finder import find
from corpus_tool_dates.normalize import Context, Timex, day_first, normalize
from corpus_tool_dates.options import TimexType, type_names
from corpus_tool_dates.values import bound, interval

Row = dict[str, Any]


def _anchor_row(doc: Document, anchor: Anchor | None) -> Row:
    """The row ``--show-anchor`` adds: type DCT (TimeML's document creation time),
    with the dateline's span when the text states it."""
    start = anchor.start if anchor else None
    end = anchor.end if anchor else None
    value = anchor.date.isoformat() if anchor else None
    return {"start": start, "end": end,
            "text": doc.text[start:end] if start is not None else None,
            "type": "DCT", "value": value, "mod": None, "anchor": value}


# Between a clock time and the day a news report gives it: "10:35 a.m. (0735 GMT)
# Friday", "4 in the morning (4 a.m. EDT Thursday)".
_TO_ITS_DAY = re.compile(r"\s*\(\s*|\s*\([^()]{1,30}\)\s*")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _days_of_clock_times(found: list, timexes: list, text: str) -> None:
    """A clock time with no day of its own takes the day named right after it."""
    for i in range(len(found) - 1):
        timex, after = timexes[i], timexes[i + 1]
        parts = found[i].parts
        if timex is None or after is None or timex.type != "TIME" or found[i].family != "time" \
                or parts.get("weekday") or parts.get("month") or "T" not in timex.value:
            continue
        day = _DAY.match(after.value)
        if day and _TO_ITS_DAY.fullmatch(text, found[i].end, found[i + 1].start):
            clock = timex.value[timex.value.index("T"):]
            timexes[i] = Timex(timex.type, day.group() + clock, timex.mod)


def extract(
    doc: Document,
    *,
    anchor: str | None = None,
    show_anchor: bool = False,
    types: list[TimexType] | list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> Iterator[Row]:
    text = doc.text
    found = list(find(text))
    chosen = choose(anchor, doc.meta, text, found)
    anchor_value = chosen.date.isoformat() if chosen else None
    if show_anchor:
        yield _anchor_row(doc, chosen)
    wanted = type_names(types)
    low = bound(date_from, end=False) if date_from else None
    high = bound(date_to, end=True) if date_to else None
    ctx = Context(chosen.date if chosen else None, day_first=day_first(found))
    # Every expression is resolved, even a filtered one: it may be the reference of a
    # later "the day before".
    timexes = [normalize(item, ctx, text) for item in found]
    _days_of_clock_times(found, timexes, text)
    for item, timex in zip(found, timexes, strict=True):
        if timex is None or (wanted and timex.type not in wanted):
            continue
        if low or high:
            span = interval(timex.value)
            if span is None or (low and span[1] < low) or (high and span[0] > high):
                continue
        yield {"start": item.start, "end": item.end, "text": text[item.start:item.end],
               "type": timex.type, "value": timex.value, "mod": timex.mod,
               "anchor": anchor_value}
