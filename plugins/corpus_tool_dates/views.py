"""Corpus-wide views: the timeline ordering, the terminal tables, the per-document summary."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from corpus_tool_dates.values import interval

if TYPE_CHECKING:
    from rich.console import RenderableType

Row = dict[str, Any]
# How many documents the table caption names before it summarises the rest.
CAPTION_DOCS = 8


def postprocess(rows: Iterator[Row], options: dict[str, Any]) -> Iterable[Row]:
    """With ``--timeline``: the resolved dates of the whole corpus in calendar order
    (expressions that cannot be placed, like "PAST_REF" or "XXXX-09-25", are left out)."""
    if not options.get("timeline"):
        return rows
    placed = [(span, row) for row in rows
              if row.get("type") != "DCT" and (span := interval(row.get("value"))) is not None]
    placed.sort(key=lambda item: item[0])  # stable: equal dates keep their input order
    return [row for _, row in placed]


def _anchors(rows: list[Row]) -> dict[str, str | None]:
    anchors: dict[str, str | None] = {}
    for row in rows:
        anchors.setdefault(str(row.get("doc")), row.get("anchor"))
    return anchors


def caption(rows: list[Row]) -> str:
    """Names each document's anchor: "anchor: 002 2023-02-13; 004 none"."""
    anchors = _anchors(rows)
    shown = [f"{doc} {anchor or 'none'}" for doc, anchor in list(anchors.items())[:CAPTION_DOCS]]
    more = len(anchors) - CAPTION_DOCS
    if more > 0:
        anchored = sum(1 for a in anchors.values() if a)
        shown.append(f"... {more} more documents ({anchored} of {len(anchors)} anchored)")
    return "anchor: " + "; ".join(shown) if shown else ""


def render(rows: list[Row], options: dict[str, Any]) -> RenderableType:
    from corpus_tool import FittedTable

    if options.get("timeline"):
        table = FittedTable(title="Timeline", caption=caption(rows))
        for name in ("value", "mod", "text", "doc", "type"):
            table.add_column(name, key=name == "doc", prose=name == "text",
                             priority={"value": 0, "text": 1, "type": 2, "mod": 3}.get(name, 0))
        previous = None
        for row in rows:
            value = row.get("value")
            table.add_row("" if value == previous else str(value), row.get("mod") or "",
                          row.get("text") or "", str(row.get("doc")), row.get("type") or "")
            previous = value
        return table
    table = FittedTable(caption=caption(rows))
    # Narrow terminal: the offsets and the modifier go first; doc, text and value stay.
    names = ("doc", "start", "end", "text", "type", "value", "mod")
    priorities = {"doc": 0, "text": 1, "value": 2, "type": 3, "start": 4, "end": 5, "mod": 6}
    for name in names:
        table.add_column(name, key=name == "doc", prose=name == "text",
                         priority=priorities[name],
                         justify="right" if name in ("start", "end") else "left")
    for row in rows:
        table.add_row(*("" if row.get(name) is None else str(row.get(name)) for name in names))
    return table


def summarize(rows: list[Row]) -> Row:
    """A few figures for one document's overview."""
    dated = [row for row in rows if row.get("type") != "DCT"]
    spans = [s for row in dated if (s := interval(row.get("value"))) is not None]
    return {
        "dates": len(dated),
        "resolved": len(spans),
        "anchor": rows[0].get("anchor") if rows else None,
        "earliest": min(s[0] for s in spans).isoformat() if spans else None,
        "latest": max(s[1] for s in spans).isoformat() if spans else None,
    }


def info() -> str:
    return ("TIMEX3 dates, times, durations and sets; relative ones resolved against "
            "--anchor, meta.date or the document's dateline")
