"""Views over many quote rows: the per-speaker summary, the table, the report figures."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import RenderableType

Row = dict[str, Any]

_TEXT_WIDTH = 90  # characters of a quote shown in a table fitted to a terminal
_SPEAKER_WIDTH = 28


def _by_speaker_wanted(options: dict[str, Any]) -> bool:
    by = options.get("by")
    return getattr(by, "value", by) == "speaker"


def by_speaker(rows: Iterator[Row], options: dict[str, Any]) -> Iterable[Row]:
    """``--by speaker``: quotes, words and documents per speaker, most quoted first.

    Scare quotes have no speaker and are left out; quotes whose speaker was not
    found are counted under a null speaker, listed last.
    """
    if not _by_speaker_wanted(options):
        yield from rows
        return
    totals: dict[str | None, Row] = {}
    docs: dict[str | None, set[str]] = {}
    for row in rows:
        if row.get("kind") == "scare":
            continue
        name = row.get("speaker")
        entry = totals.setdefault(name, {"speaker": name, "quotes": 0, "words": 0, "docs": 0})
        entry["quotes"] += 1
        entry["words"] += len(str(row.get("text") or "").split())
        docs.setdefault(name, set()).add(str(row.get("doc")))
    for name, entry in totals.items():
        entry["docs"] = len(docs[name])
    yield from sorted(
        totals.values(),
        key=lambda e: (e["speaker"] is None, -e["quotes"], -e["words"], str(e["speaker"]).lower()),
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render(rows: list[Row], options: dict[str, Any]) -> RenderableType:
    """The terminal table: quotes with speakers first, scare quotes last."""
    from rich.table import Table

    if _by_speaker_wanted(options):
        table = Table("speaker", title="Quotes by speaker")
        for name in ("quotes", "words", "docs"):
            table.add_column(name, justify="right")
        for row in rows:
            table.add_row(
                row["speaker"] or "(unknown)", str(row["quotes"]), str(row["words"]),
                str(row["docs"]),
            )
        return table
    from corpus_tool import FittedTable

    table = FittedTable(title=f"{len(rows)} quotes")
    # The quote folds into the width the short columns leave; on a narrow terminal
    # the kind and the verb go first, the document and the speaker stay.
    table.add_column("doc", key=True)
    table.add_column("kind", priority=3)
    # Long quotes and names are cut to a preview on a terminal, whole in a file.
    table.add_column("speaker", priority=1, preview=_SPEAKER_WIDTH)
    table.add_column("verb", priority=2)
    table.add_column("quote", prose=True, priority=0, preview=_TEXT_WIDTH)
    ordered = sorted(rows, key=lambda r: r.get("kind") == "scare")  # stable: input order kept
    for row in ordered:
        table.add_row(
            str(row.get("doc", "")), row["kind"], _one_line(row["speaker"] or ""),
            row["verb"] or "", _one_line(row["text"]),
        )
    return table


def summarize(rows: list[Row]) -> Row:
    """One document's figures for ``corpus-tool report``."""
    said = [r for r in rows if r.get("kind") in ("direct", "partial")]
    return {
        "quotes": len(said),
        "direct": sum(r["kind"] == "direct" for r in said),
        "speakers": len({r["speaker"] for r in said if r.get("speaker")}),
    }
