"""Rich tables for the terminal: rows, document summaries and the plugin list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.table import Table

from corpus_tool.tool import Row

# Columns that hold prose get the spare width; the rest stay narrow.
_NARROW = 24
_WIDE = {"text", "speaker", "sentence", "context", "error", "tools", "source"}


def format_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if abs(value) < 1e6 else f"{value:.3g}"
    return str(value)


def columns_of(rows: Sequence[Row], declared: Sequence[str] = ()) -> list[str]:
    """``doc`` first, then the declared columns, then any other key in first-seen order."""
    columns = ["doc"] if any("doc" in row for row in rows) else []
    for name in [*declared, *(key for row in rows for key in row)]:
        if name not in columns:
            columns.append(name)
    return columns


def rows_table(
    rows: Sequence[Row],
    declared: Sequence[str] = (),
    title: str | None = None,
    caption: str | None = None,
) -> Table:
    columns = columns_of(rows, declared)
    table = Table(title=title, caption=caption, expand=False, show_lines=False)
    for name in columns:
        sample = [row.get(name) for row in rows[:200]]
        numeric = any(isinstance(v, int | float) and not isinstance(v, bool) for v in sample)
        widest = max([len(name), *(len(format_cell(v)) for v in sample)])
        if name in _WIDE or widest > _NARROW:
            # Prose folds and shares the width that the short columns leave.
            table.add_column(name, overflow="fold", min_width=min(widest, 8))
        else:
            table.add_column(
                name,
                justify="right" if numeric else "left",
                no_wrap=True,
                min_width=min(widest, 10),
            )
    for row in rows:
        table.add_row(*(format_cell(row.get(name)) for name in columns))
    return table
