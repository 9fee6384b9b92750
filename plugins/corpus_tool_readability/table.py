"""The terminal table and the per-document summary for ``corpus-tool report``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from corpus_tool_readability.scores import COUNTS, METRICS

if TYPE_CHECKING:
    from corpus_tool import FittedTable

# Metrics on a US school-grade scale, shaded by grade.
GRADE_METRICS = frozenset({
    "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
    "automated_readability_index", "linsear_write_formula", "text_standard",
})
_EASY, _HARD = (0, 175, 0), (215, 0, 0)


def hardness(metric: str, value: float) -> float | None:
    """0 (easy) .. 1 (hard) on the metric's own scale; None for unshaded columns."""
    if metric in GRADE_METRICS:
        position = (value - 4) / 12  # grade 4 and below easy, 16 (graduate) hard
    elif metric == "flesch_reading_ease":
        position = (90 - value) / 80  # 90+ very easy, 10 and below very hard
    elif metric == "dale_chall_readability_score":
        position = (value - 5) / 5  # 4.9: grade 4 and below; 10: college graduate
    else:
        return None
    return min(1.0, max(0.0, position))


def _shade(position: float) -> str:
    # green -> yellow -> red, through the middle at full brightness
    if position < 0.5:
        red, green = int(_HARD[0] * position * 2), _EASY[1]
    else:
        red, green = _HARD[0], int(_EASY[1] * (1 - position) * 2)
    return f"rgb({red},{green},0)"


def _cell(column: str, value: Any) -> Any:
    from rich.text import Text

    if not isinstance(value, int | float) or isinstance(value, bool):
        return "" if value is None else str(value)
    shown = f"{value:.1f}" if isinstance(value, float) else str(value)
    position = hardness(column, value)
    return Text(shown, style=_shade(position) if position is not None else "")


# The scores most readers look for, kept longest when the terminal is narrow.
HEADLINE = ("words", "flesch_reading_ease", "flesch_kincaid_grade")


def _priority(column: str, chosen: set[str]) -> int:
    if column in HEADLINE:
        return HEADLINE.index(column)
    if column in ("start", "end"):
        return len(HEADLINE)  # they say which passage a row is
    if column in chosen:
        return len(HEADLINE) + 1  # asked for with --metric
    if column in COUNTS:
        return len(HEADLINE) + 3  # the scores say more than their inputs
    return len(HEADLINE) + 2


def render(rows: list[dict[str, Any]], options: dict[str, Any]) -> FittedTable:
    """Scores to one decimal, grades shaded easy to hard, then the corpus mean and median.

    On a narrow terminal the document ids stay readable and the headline figures
    (words, Flesch reading ease, Flesch-Kincaid grade) stay; the caption names the
    columns left out.
    """
    import statistics

    from corpus_tool import FittedTable

    present = {key for row in rows for key in row}
    units = str(getattr(options.get("by"), "value", options.get("by") or "document"))
    # A document row spans its whole text: offsets only say something for passages.
    offsets = [] if units == "document" else ["start", "end"]
    numbers = [c for c in (*COUNTS, *METRICS) if c in present]
    chosen = {str(getattr(m, "value", m)) for m in options.get("metric") or ()}
    noun = units if len(rows) == 1 else f"{units}s"
    table = FittedTable(title="readability",
                        caption=f"{len(rows)} {noun}; grades shaded easy to hard",
                        hint="-m NAME picks, -f csv shows all",
                        show_lines=False)
    table.add_column("doc", key=True)
    for column in (*offsets, *numbers):
        table.add_column(column.replace("_", "\n"), justify="right",
                         priority=_priority(column, chosen))
    for index, row in enumerate(rows):
        table.add_row(str(row.get("doc", "")),
                      *(_cell(c, row.get(c)) for c in (*offsets, *numbers)),
                      end_section=index == len(rows) - 1)
    if rows:
        summary = []
        for label, figure in (("mean", statistics.fmean), ("median", statistics.median)):
            cells = []
            for column in numbers:
                values = [r[column] for r in rows if isinstance(r.get(column), int | float)]
                cells.append(_cell(column, float(figure(values))) if values else "")
            summary.append((f"corpus {label}", cells))
        for label, cells in summary:
            table.add_row(label, *([""] * len(offsets)), *cells, style="bold")
    return table


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Words and the headline grades of one document (word-weighted over its passages)."""
    words = sum(row.get("words", 0) for row in rows)
    summary: dict[str, Any] = {"words": words}
    for metric in ("flesch_reading_ease", "flesch_kincaid_grade", "text_standard"):
        scored = [
            (row[metric], row.get("words", 0))
            for row in rows
            if isinstance(row.get(metric), int | float)  # null for a passage without words
        ]
        if not scored:
            continue
        if len(scored) == 1:
            summary[metric] = scored[0][0]
        elif sum(weight for _, weight in scored):
            total = sum(weight for _, weight in scored)
            summary[metric] = sum(value * weight for value, weight in scored) / total
    return summary
