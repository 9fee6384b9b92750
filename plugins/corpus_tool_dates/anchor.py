"""The anchor: the date relative expressions are resolved against.

In order: ``--anchor``; the document's ``meta.date``; a date the document states
in its header or dateline (" date 2023-02-13 ...", "Jul.01 - 2024 1:48 PM CET").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from corpus_tool_dates.finder import Found

# How far into a document a dateline may sit.
HEADER_CHARS = 600
# Families that carry a full calendar date (year, month and day).
FULL_DATE_FAMILIES = ("iso", "numeric", "mdy", "dmy")
HEADER_WORDS = re.compile(
    r"(?:date|dated|published|posted|updated|created|issued|filed|last\s+modified)\s*:?\s*$",
    re.IGNORECASE,
)
# A dateline is a short line: the date plus perhaps a place, a time or a byline.
DATELINE_MAX_CHARS = 80


@dataclass(frozen=True)
class Anchor:
    date: date
    source: str  # "option", "meta" or "text"
    start: int | None = None  # the dateline's span when stated in the text
    end: int | None = None


@lru_cache(maxsize=64)
def parse_date(text: str) -> date | None:
    """A date from ISO text or anything python-dateutil reads; None if neither."""
    text = text.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    from dateutil import parser  # lazy: only for unusual meta dates

    try:
        return parser.parse(text, default=datetime(1, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _meta_date(meta: dict[str, Any]) -> date | None:
    value = meta.get("date")
    if isinstance(value, str) and value.strip():
        parsed = parse_date(value)
        # dateutil fills a missing year with year 1: not a usable anchor.
        return parsed if parsed and parsed.year > 1 else None
    return None


def _is_dateline(text: str, found: Found) -> bool:
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    before = text[line_start:found.start]
    return bool(HEADER_WORDS.search(before)) or len(line.strip()) <= DATELINE_MAX_CHARS


def from_text(text: str, found: Sequence[Found]) -> Anchor | None:
    """The first full date of the header that sits on a dateline."""
    from corpus_tool_dates.normalize import Context, normalize

    for item in found:
        if item.start > HEADER_CHARS:
            break
        if item.family not in FULL_DATE_FAMILIES or not item.parts.get("year"):
            continue
        if not _is_dateline(text, item):
            continue
        timex = normalize(item, Context(None), text)
        if timex is not None:
            return Anchor(date.fromisoformat(timex.value[:10]), "text", item.start, item.end)
    return None


def choose(option: str | None, meta: dict[str, Any], text: str,
           found: Sequence[Found]) -> Anchor | None:
    if option:
        parsed = parse_date(option)
        if parsed is not None:
            return Anchor(parsed, "option")
    meta_date = _meta_date(meta)
    if meta_date is not None:
        return Anchor(meta_date, "meta")
    return from_text(text, found)
