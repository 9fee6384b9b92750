"""The ``dates`` tool: temporal expressions found, typed and normalised to TIMEX3 values.

Relative expressions ("on Thursday", "the day before") are resolved against the
document's own date, as HeidelTime does for news.  Heavy modules load lazily in
the worker, so ``corpus-tool --help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import typer

from corpus_tool import Analyzer, Document, hookimpl
from corpus_tool_dates.options import TimexType, check_anchor, check_bound

COLUMNS = ("start", "end", "text", "type", "value", "mod", "anchor")


def find_dates(
    doc: Document,
    *,
    anchor: Annotated[str | None, typer.Option(
        "--anchor", callback=check_anchor, metavar="YYYY-MM-DD",
        help="Resolve relative dates against this date (default: meta.date, else the "
             "document's dateline).")] = None,
    show_anchor: Annotated[bool, typer.Option(
        "--show-anchor", help="Add a row of type DCT per document giving its anchor.")] = False,
    types: Annotated[list[TimexType] | None, typer.Option(
        "--type", help="Only these TIMEX3 types (repeatable).")] = None,
    date_from: Annotated[str | None, typer.Option(
        "--from", callback=check_bound, metavar="DATE",
        help="Only dates on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option(
        "--to", callback=check_bound, metavar="DATE",
        help="Only dates on or before DATE.")] = None,
    timeline: Annotated[bool, typer.Option(
        "--timeline", help="Order the corpus's resolved dates on a timeline.")] = False,
) -> Iterator[dict[str, Any]]:
    """Find dates, times, durations and sets, normalised to TIMEX3 values."""
    from corpus_tool_dates.extract import extract

    return extract(doc, anchor=anchor, show_anchor=show_anchor, types=types,
                   date_from=date_from, date_to=date_to)


def _postprocess(rows: Iterator[dict[str, Any]], options: dict[str, Any]) -> Any:
    from corpus_tool_dates.views import postprocess

    return postprocess(rows, options)


def _render(rows: list[dict[str, Any]], options: dict[str, Any]) -> Any:
    from corpus_tool_dates.views import render

    return render(rows, options)


def _summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    from corpus_tool_dates.views import summarize

    return summarize(rows)


def _info() -> str:
    from corpus_tool_dates.views import info

    return info()


@hookimpl
def register_tools() -> list[Analyzer]:
    return [Analyzer(name="dates", func=find_dates, columns=COLUMNS, postprocess=_postprocess,
                     render=_render, summarize=_summarize, info=_info)]
