"""One document in, one row per temporal expression out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from corpus_tool import Document
from corpus_tool_dates.anchor import Anchor, choose
from corpus_tool_dates.finder import find
from corpus_tool_dates.normalize import Context, day_first, normalize
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
    for item in found:
        # Every expression is resolved, even a filtered one: it may be the
        # reference of a later "the day before".
        timex = normalize(item, ctx, text)
        if timex is None or (wanted and timex.type not in wanted):
            continue
        if low or high:
            span = interval(timex.value)
            if span is None or (low and span[1] < low) or (high and span[0] > high):
                continue
        yield {"start": item.start, "end": item.end, "text": text[item.start:item.end],
               "type": timex.type, "value": timex.value, "mod": timex.mod,
               "anchor": anchor_value}
