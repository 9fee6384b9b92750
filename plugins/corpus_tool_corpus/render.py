"""Terminal tables: the concordance lined up on its matches; figures readable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from corpus_tool import Row, elide_middle

if TYPE_CHECKING:
    from corpus_tool import FittedTable


def concordance(rows: list[Row], width: int | None = None) -> Table:
    width = width or Console().width
    doc_width = min(max((len(str(r["doc"])) for r in rows), default=3), 24)
    match_width = min(max((len(r["match"]) for r in rows), default=5), 30)
    side = max(8, (width - doc_width - match_width - 8) // 2)
    table = Table(title="kwic", caption=f"{len(rows)} matches", box=None, pad_edge=False)
    table.add_column("doc", no_wrap=True, max_width=doc_width)
    table.add_column("left", justify="right", no_wrap=True, width=side)
    table.add_column("match", justify="center", no_wrap=True, style="bold yellow")
    table.add_column("right", justify="left", no_wrap=True, width=side)
    for row in rows:
        left = row["left"][-side:]
        right = row["right"][:side]
        table.add_row(elide_middle(str(row["doc"]), doc_width), left, Text(row["match"]), right)
    return table


def _cell(name: str, value: object) -> str:
    if value is None:
        return ""
    if name == "p" and isinstance(value, float):
        return f"{value:.1e}" if value < 0.001 else f"{value:.3f}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def figures(rows: list[Row], columns: tuple[str, ...], title: str) -> FittedTable:
    """The rows' ``columns``, in that order of importance; p-values readable."""
    from corpus_tool import FittedTable

    table = FittedTable(title=title, caption=f"{len(rows)} rows")
    for index, name in enumerate(columns):
        numeric = name not in ("word", "collocate", "direction", "node")
        table.add_column(name, justify="right" if numeric else "left", key=index == 0)
    for row in rows:
        table.add_row(*(_cell(name, row.get(name)) for name in columns))
    return table
