"""The terminal overview: one row per document, then the corpus panels."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corpus_tool_report.digest import Column, Corpus, Digest

if TYPE_CHECKING:
    from corpus_tool import FittedTable

PANEL_ROWS = 8  # speakers and timeline buckets listed in a panel
EXTREMES = 3  # hardest and easiest documents
BAR = 16  # characters of the longest timeline bar
DAMAGED = 5.0  # garble score (suspicious spots per 1,000 words) shown as damage
SIDE_BY_SIDE = 100  # terminal width from which the panels stand in one row


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _styled(column: Column, value: Any) -> Text:
    style = ""
    if column.key == "garble_before" and isinstance(value, int | float) and value >= DAMAGED:
        style = "bold red"
    elif column.key == "flesch_kincaid_grade" and isinstance(value, int | float):
        style = "red" if value >= 12 else "green" if value < 8 else ""
    return Text(cell(value), style=style)


def _header(column: Column) -> str:
    """A header on a few short lines: "garble\nbefore", "longest.\nlength"."""
    return column.header.replace(" ", "\n").replace(".", ".\n")


def documents_table(corpus: Corpus, max_rows: int, width: int) -> FittedTable:
    """One row per document and a corpus row. The ids stay whole (or shortened in
    the middle); when the figures do not fit, the last tools' columns are left out."""
    from corpus_tool import FittedTable

    columns = corpus.columns()
    errors = any(d.errors for d in corpus.digests)
    count = len(corpus.digests)
    shown = corpus.digests if max_rows <= 0 else corpus.digests[:max_rows]
    # Below SIDE_BY_SIDE columns the vertical rules go, to leave the figures some room.
    narrow = width < SIDE_BY_SIDE
    table = FittedTable(
        title=f"{count} document{'s' if count != 1 else ''}",
        caption="garble: suspicious spots per 1,000 words, before and after cleaning; "
        "grade: Flesch-Kincaid",
        hint="-f csv gives every column",
        caption_justify="left",
        box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD,
        padding=0 if narrow else (0, 1),
        show_edge=not narrow,
    )
    table.add_column("doc", key=True)
    for column in columns:
        numeric = column.key != "anchor"
        table.add_column(_header(column), justify="right" if numeric else "left")
    if errors:
        table.add_column("errors", prose=True, priority=-1, style="red")
    for index, found in enumerate(shown):
        cells = [_styled(c, found.value(c)) for c in columns]
        extra = [", ".join(found.errors)] if errors else []
        table.add_row(found.doc, *cells, *extra, end_section=index == len(shown) - 1)
    if len(shown) < count:
        table.add_row(Text(f"… {count - len(shown)} more", style="dim"))
    if count:
        totals = [cell(corpus.total(c)) for c in columns]
        table.add_row("corpus", *totals, *([""] if errors else []), style="bold")
    return table


class DocumentsTable:
    """The documents table, laid out for the width it is drawn at."""

    def __init__(self, corpus: Corpus, max_rows: int) -> None:
        self.corpus, self.max_rows = corpus, max_rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield documents_table(self.corpus, self.max_rows, options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        # Its natural width: all the columns, with the rules of a wide terminal.
        table = documents_table(self.corpus, self.max_rows, max(options.max_width, SIDE_BY_SIDE))
        return Measurement.get(console, options, table)


def _speakers_panel(corpus: Corpus) -> Panel:
    table = Table.grid(padding=(0, 1))
    table.add_column(overflow="fold")
    table.add_column(justify="right")
    table.add_column(style="dim")
    for name, quotes in corpus.speakers.most_common(PANEL_ROWS):
        documents = corpus.speaker_docs[name]
        table.add_row(name, str(quotes), f"{documents} doc{'s' if documents != 1 else ''}")
    if not corpus.speakers:
        table.add_row(Text("no attributed quotes", style="dim"))
    return Panel(table, title="Most quoted", title_align="left")


def _timeline_panel(corpus: Corpus) -> Panel:
    unit, buckets, left_out = corpus.timeline(PANEL_ROWS)
    table = Table.grid(padding=(0, 1))
    table.add_column()
    table.add_column(style="cyan")
    table.add_column(justify="right")
    most = max((number for _, number in buckets), default=1)
    for key, number in buckets:
        table.add_row(key, "█" * max(1, round(BAR * number / most)), str(number))
    if not buckets:
        table.add_row(Text("no dates placed in a month", style="dim"))
    note = f"+ {left_out} quieter {unit}{'s' if left_out != 1 else ''}" if left_out else None
    return Panel(table, title=f"Dates by {unit}", title_align="left", subtitle=note,
                 subtitle_align="right")


def _vocabulary_panel(corpus: Corpus) -> Panel:
    table = Table.grid(padding=(0, 1))
    table.add_column(overflow="fold")
    table.add_column(justify="right")
    table.add_column(justify="right", style="dim")
    for row in corpus.keywords(PANEL_ROWS):
        # How many times as frequent as in general English; "new" when wordfreq lacks it.
        ratio = f"×{2 ** row['log_ratio']:.0f}" if row["count_ref"] else "new"
        table.add_row(row["word"], str(row["count"]), ratio)
    if not corpus.tokens:
        table.add_row(Text("no words", style="dim"))
    return Panel(table, title="Vocabulary", title_align="left",
                 subtitle="vs. general English", subtitle_align="right")


def _grade_rows(table: Table, digests: list[Digest], label: str, style: str) -> None:
    for index, found in enumerate(digests):
        table.add_row(Text(label if index == 0 else "", style=style), found.doc,
                      cell(found.grade))


def _difficulty_panel(corpus: Corpus) -> Panel:
    graded = corpus.by_grade()
    table = Table.grid(padding=(0, 1))
    table.add_column()
    table.add_column(overflow="fold")
    table.add_column(justify="right")
    hardest = graded[:EXTREMES]
    easiest = [d for d in reversed(graded) if d not in hardest][:EXTREMES]
    _grade_rows(table, hardest, "hardest", "red")
    _grade_rows(table, easiest, "easiest", "green")
    if not graded:
        table.add_row(Text("no readability scores", style="dim"))
    return Panel(table, title="Reading grade", title_align="left")


class PanelRow:
    """Panels side by side, sharing the width; one under another on a terminal too
    narrow for them (below SIDE_BY_SIDE, or for the ids they list)."""

    def __init__(self, *panels: Panel) -> None:
        self.panels = panels

    def _widths(self, console: Console, options: ConsoleOptions) -> list[int]:
        """Each panel's width with nothing folded."""
        probe = options.update_width(10_000)
        return [Measurement.get(console, probe, panel).maximum for panel in self.panels]

    def _side_by_side(self, console: Console, options: ConsoleOptions) -> int:
        return max(SIDE_BY_SIDE, sum(self._widths(console, options)) + len(self.panels) - 1)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = self._side_by_side(console, options)
        return Measurement(width, width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width < self._side_by_side(console, options):
            yield from self.panels
            return
        grid = Table.grid(expand=True, padding=(0, 1))
        for width in self._widths(console, options):
            grid.add_column(ratio=width, min_width=width)  # shares the rest in proportion
        grid.add_row(*self.panels)
        yield grid


def overview(corpus: Corpus, max_rows: int = 0) -> RenderableType:
    """The documents table, then the panels side by side (stacked on a narrow terminal)."""
    parts: list[RenderableType] = [
        DocumentsTable(corpus, max_rows),
        PanelRow(_speakers_panel(corpus), _timeline_panel(corpus), _difficulty_panel(corpus),
                 _vocabulary_panel(corpus)),
    ]
    errors = corpus.errors()
    if errors:
        lines = Text("\n").join(
            Text(f"{doc}: {tool} failed: {error}") for doc, tool, error in errors
        )
        parts.append(Panel(lines, title="Errors", title_align="left", border_style="red"))
    return Group(*parts)
