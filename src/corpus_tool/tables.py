"""Rich tables for the terminal: rows, document summaries and the plugin list.

Every table here keeps its ``doc`` column readable at any width: the id stays
whole, or is shortened in the middle (``004_71ff…853c``) when it is longer than a
third of the width, and never folds. When the columns do not fit, the least
important ones are left out, long texts in a column with a ``preview`` length are
cut at a word, and the caption names what is missing and says how to see it.
Written to a file or a pipe (``-f table > file``), a table is drawn at its full,
natural width instead (unless ``COLUMNS`` is set): nothing wraps, is cut or left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from corpus_tool.tool import Row

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.measure import Measurement
    from rich.table import Table

# Columns that hold prose fold and share the width that the short columns leave.
_WIDE = {"text", "speaker", "sentence", "context", "error", "tools", "source", "info"}
_NARROW = 24  # a column with longer values is prose too
PROSE_MIN = 16  # the narrowest a prose column is drawn
KEY_MIN = 12  # an id is never shortened below this
HINT = "-f csv shows all"
SHOWN_NAMES = 2  # columns left out that the caption names
# Probe width for a table's natural width; a renderable that takes all of it
# (a panel that expands) is drawn at the terminal's usual width instead.
_UNBOUNDED = 4000


def format_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if abs(value) < 1e6 else f"{value:.3g}"
    return str(value)


def elide_middle(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, its middle replaced by an ellipsis:
    ids differ at the start (a folder, a number) and at the end (a hash, a suffix)."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    tail = (width - 1) // 2
    head = width - 1 - tail
    end = text[-tail:] if tail else ""
    return set_cell_size(text, head) + "…" + _last_cells(end, tail)


def _last_cells(text: str, width: int) -> str:
    from rich.cells import cell_len

    while cell_len(text) > width:
        text = text[1:]
    return text


def shorten(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, cut at a word with an ellipsis."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


@dataclass
class _Column:
    header: str
    justify: str
    prose: bool
    key: bool
    priority: float
    style: str | None
    preview: int | None = None  # the most characters a cell shows in a fitted table


def _width(cell: Any) -> int:
    from rich.cells import cell_len
    from rich.text import Text

    if isinstance(cell, Text):
        cell = cell.plain
    if isinstance(cell, str):
        return max((cell_len(line) for line in cell.splitlines()), default=0)
    return _PROSE_GUESS


_PROSE_GUESS = 20  # for a cell that is neither text nor a string (a nested renderable)


class FittedTable:
    """A table of rows that fits the width it is drawn at (see the module's text).

    Built like a rich ``Table``: ``add_column`` in display order, then ``add_row``.
    ``key=True`` marks the id column (never left out, shortened in the middle);
    ``priority`` orders the other columns by importance (lower is kept longer;
    default: the order they were added); ``prose`` columns fold into the width the
    others leave; a ``preview`` length cuts a column's longer texts when the table
    does not fit at its natural width. ``hint`` ends the caption when columns are
    left out or texts cut.
    """

    def __init__(
        self,
        *,
        title: str | None = None,
        caption: str | None = None,
        hint: str = HINT,
        **table_options: Any,
    ) -> None:
        self.title, self.caption, self.hint = title, caption, hint
        self.table_options = table_options
        self.columns: list[_Column] = []
        self.rows: list[tuple[list[Any], dict[str, Any]]] = []
        self._natural: list[int] | None = None  # measured once, for every layout

    def add_column(
        self,
        header: str,
        *,
        justify: str = "left",
        prose: bool = False,
        key: bool = False,
        priority: float | None = None,
        style: str | None = None,
        preview: int | None = None,
    ) -> None:
        order = float(len(self.columns)) if priority is None else priority
        self.columns.append(_Column(header, justify, prose, key, order, style, preview))
        self._natural = None

    def add_row(self, *cells: Any, style: str | None = None, end_section: bool = False) -> None:
        padded = [*cells, *([""] * (len(self.columns) - len(cells)))]
        self.rows.append((padded, {"style": style, "end_section": end_section}))
        self._natural = None

    # --- layout -------------------------------------------------------------------

    def natural_widths(self) -> list[int]:
        """Each column's width with nothing folded or cut."""
        if self._natural is None:
            self._natural = [
                max([_width(column.header), *(_width(row[index]) for row, _ in self.rows)])
                for index, column in enumerate(self.columns)
            ]
        return self._natural

    def _overhead(self, count: int) -> int:
        """Cells taken by rules and padding around ``count`` columns."""
        from rich import box as boxes
        from rich.padding import Padding

        box = self.table_options.get("box", boxes.HEAVY_HEAD)
        padding = Padding.unpack(self.table_options.get("padding", (0, 1)))
        edges = 2 if box is not None and self.table_options.get("show_edge", True) else 0
        rules = max(count - 1, 0) if box is not None else 0
        return edges + rules + count * (padding[1] + padding[3])

    def fits(self, width: int | None) -> bool:
        """Whether the whole table, nothing cut, fits ``width`` (None: any width)."""
        natural = self.natural_widths()
        return width is None or sum(natural) + self._overhead(len(natural)) <= width

    def layout(self, width: int) -> tuple[list[int], int | None]:
        """The columns shown at ``width`` (indexes, in display order) and the width
        the id column gets (None: its natural width)."""
        if self.fits(width):
            return list(range(len(self.columns))), None
        natural = [
            min(n, c.preview) if c.preview else n
            for n, c in zip(self.natural_widths(), self.columns, strict=True)
        ]
        keys = [i for i, c in enumerate(self.columns) if c.key]
        key_width = None
        used = self._overhead(len(keys)) + sum(natural[i] for i in keys)
        for i in keys:
            budget = max(KEY_MIN, width // 3)
            if natural[i] > budget:
                key_width = budget
                used -= natural[i] - budget
        shown = set(keys)
        # A column with nothing in it takes no room from the others when room is short.
        others = sorted(
            (i for i in range(len(self.columns)) if i not in shown and not self._empty(i)),
            key=lambda i: self.columns[i].priority,
        )
        for i in others:
            need = min(natural[i], PROSE_MIN) if self.columns[i].prose else natural[i]
            extra = need + self._overhead(len(shown) + 1) - self._overhead(len(shown))
            if used + extra <= width:
                shown.add(i)
                used += extra
        return sorted(shown), key_width

    def build(self, width: int | None) -> Table:
        """The rich table at ``width`` (None: everything, at its natural width)."""
        from rich.table import Table
        from rich.text import Text

        if width is None:
            shown, key_width = list(range(len(self.columns))), None
        else:
            shown, key_width = self.layout(width)
        cutting = not self.fits(width)
        hidden = [
            self.columns[i].header.replace("\n", " ")
            for i in range(len(self.columns))
            if i not in shown and not self._empty(i)
        ]
        cut = [
            self.columns[i].header.replace("\n", " ")
            for i in shown
            if cutting and self._has_longer(i)
        ]
        notes = []
        if hidden:
            named = ", ".join(hidden[:SHOWN_NAMES]) + (", …" if len(hidden) > SHOWN_NAMES else "")
            plural = "s" if len(hidden) > 1 else ""
            notes.append(f"{len(hidden)} more column{plural} ({named})")
        if cut:
            notes.append(f"long {' and '.join(cut)} cells cut (…)")
        caption = self.caption
        if notes:
            note = f"{'; '.join(notes)}: {self.hint}"
            caption = f"{caption}; {note}" if caption else note
        table = Table(title=self.title, caption=caption, **self.table_options)
        natural = self.natural_widths()
        for i in shown:
            column = self.columns[i]
            if column.prose:
                table.add_column(
                    column.header,
                    justify=column.justify,  # type: ignore[arg-type]
                    overflow="fold",
                    min_width=min(natural[i], PROSE_MIN),
                    style=column.style,
                )
            else:
                table.add_column(
                    column.header,
                    justify=column.justify,  # type: ignore[arg-type]
                    no_wrap=True,
                    style=column.style,
                    width=key_width if column.key and key_width else None,
                )
        for cells, options in self.rows:
            picked = []
            for i in shown:
                cell = cells[i]
                if self.columns[i].key and key_width:
                    plain = cell.plain if isinstance(cell, Text) else str(cell)
                    cell = elide_middle(plain, key_width)
                preview = self.columns[i].preview
                if cutting and preview and isinstance(cell, str):
                    cell = shorten(cell, preview)
                picked.append(cell)
            table.add_row(*picked, **options)
        return table

    def _empty(self, index: int) -> bool:
        """Whether no row has anything in the column."""
        return all(_width(cells[index]) == 0 for cells, _ in self.rows)

    def _has_longer(self, index: int) -> bool:
        """Whether a cell of the column is longer than its preview."""
        preview = self.columns[index].preview
        return bool(preview) and any(
            isinstance(cells[index], str) and len(cells[index]) > preview  # type: ignore[operator]
            for cells, _ in self.rows
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.build(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.build(None))


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
) -> FittedTable:
    """Any rows as a table: ``doc`` (or the first column) kept, the declared
    columns in their order of importance, prose columns folding."""
    columns = columns_of(rows, declared)
    table = FittedTable(title=title, caption=caption)
    for index, name in enumerate(columns):
        sample = [row.get(name) for row in rows[:200]]
        numeric = any(isinstance(v, int | float) and not isinstance(v, bool) for v in sample)
        widest = max([len(name), *(len(format_cell(v)) for v in sample)])
        prose = name in _WIDE or widest > _NARROW
        table.add_column(
            name,
            justify="right" if numeric else "left",
            prose=prose,
            key=name == "doc" or (index == 0 and "doc" not in columns),
            # What the rows are about (a quote, the repairs made) outranks the
            # figures; a column with nothing in it goes first.
            priority=(index - len(columns) if prose else index)
            + (2 * len(columns) if all(v in (None, "") for v in sample) else 0),
        )
    for row in rows:
        table.add_row(*(format_cell(row.get(name)) for name in columns))
    return table


def print_table(renderable: RenderableType, console: Console | None = None) -> None:
    """Print a table on standard output: fitted to a terminal, or at its natural
    width when written to a file or a pipe (``-f table > file``), unless the
    environment sets ``COLUMNS``."""
    import os

    from rich.console import Console

    console = console or Console(highlight=False)
    if not console.is_terminal and not os.environ.get("COLUMNS"):
        width = natural_width(renderable, console)
        console = Console(highlight=False, width=width, file=console.file)
    console.print(renderable)


def natural_width(renderable: RenderableType, console: Console) -> int:
    """The width ``renderable`` takes with no limit (the console's own for one that
    would take any width given, like an expanding panel)."""
    from rich.measure import Measurement

    probe = console.options.update_width(_UNBOUNDED)
    widest = Measurement.get(console, probe, renderable).maximum
    return console.width if widest >= _UNBOUNDED else max(widest, 1)
