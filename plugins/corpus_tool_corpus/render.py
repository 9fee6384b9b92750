"""The concordance on a terminal: matches lined up in the middle, highlighted."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from corpus_tool import Row, elide_middle


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
