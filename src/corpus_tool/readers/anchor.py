"""``--anchor-from``: the document's date, from a metadata field, its file name or its mtime.

The date goes into ``meta.date`` (``corpus_tool.reading.DATE_FIELD``), where every
reader puts a document's date and where the dates tool finds its anchor; the core
knows nothing of what reads it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator

from corpus_tool.document import Document
from corpus_tool.readers.base import Item, Problem
from corpus_tool.reading import DATE_FIELD, Source

USAGE = "--anchor-from takes meta:FIELD, name or mtime"
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def check(spec: str) -> str:
    """The spec as given when it is one; ValueError otherwise."""
    if spec in ("name", "mtime") or (spec.startswith("meta:") and spec[5:].strip()):
        return spec
    raise ValueError(f"{USAGE}, not {spec!r}")


def date_in_name(name: str) -> str | None:
    """The first valid ISO date in a file name: ``2021-03-04-story.txt`` -> ``2021-03-04``."""
    for match in _ISO_DATE.finditer(name):
        try:
            return datetime.date(*map(int, match.groups())).isoformat()
        except ValueError:
            continue  # 2021-13-45 is no date
    return None


def _file_date(spec: str, source: Source) -> tuple[str | None, str]:
    """(the date of the whole input, why there is none)."""
    if source.path is None:
        return None, f"standard input has no file {spec} to date it by"
    if spec == "name":
        found = date_in_name(source.path.name)
        return found, "no ISO date (YYYY-MM-DD) in the file name"
    stamp = source.path.stat().st_mtime
    return datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).date().isoformat(), ""


def anchored(items: Iterable[Item], spec: str, source: Source) -> Iterator[Item]:
    """The items, each document's ``meta.date`` set as ``spec`` says."""
    if spec.startswith("meta:"):
        field = spec[5:]
        for item in items:
            if isinstance(item, Document):
                value = item.meta.get(field)
                if value is None or value == "":
                    where = item.origin or item.id
                    yield Problem(where, f"no meta.{field} to take its date from", skipped=False)
                else:
                    is_date = isinstance(value, (datetime.date, datetime.datetime))
                    item.meta[DATE_FIELD] = value.isoformat() if is_date else str(value)
            yield item
        return
    found, why = _file_date(spec, source)
    said = False
    for item in items:
        if isinstance(item, Document):
            if found is not None:
                item.meta[DATE_FIELD] = found
            elif not said:  # once per file, not once per row
                said = True
                yield Problem(source.name, f"{why}; no document date set", skipped=False)
        yield item
