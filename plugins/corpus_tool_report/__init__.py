"""The ``report`` command: what is in a corpus, from every installed tool in one pass.

Each document is read and cleaned once, then every installed analyzer (built-in
or from any other plugin) runs on it, in the worker processes.  The output
documents carry every tool's results under ``meta.<tool>``, as ``--annotate``
chains would, plus a per-tool summary under ``meta.report``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from corpus_tool import Document, Transform, hookimpl

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["register_tools", "report"]


def _check_skip(names: list[str] | None) -> list[str] | None:
    from corpus_tool_report.run import analyzers, cleaner

    known = {tool.name for tool in analyzers()} | {t.name for t in [cleaner()] if t}
    unknown = sorted(set(names or ()) - known)
    if unknown:
        raise typer.BadParameter(
            f"no such tool: {', '.join(unknown)} (installed: {', '.join(sorted(known))})"
        )
    return names


def _check_with(values: list[str] | None) -> list[str] | None:
    """Refuse a bad --with before the run, with the tool's own words for what is wrong."""
    try:
        tool_options(tuple(values or ()))
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    return values


@functools.cache
def tool_options(values: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """``("dates --anchor 2024-02-01",)`` -> ``{"dates": {"anchor": ..., ...}}``: once
    per process (the workers get the words, and parse them as the command did)."""
    import shlex

    from corpus_tool import parse_tool_args
    from corpus_tool_report.run import analyzers, cleaner

    tools = {tool.name: tool for tool in [*analyzers(), *[t for t in [cleaner()] if t]]}
    chosen: dict[str, list[str]] = {}
    for value in values or ():
        words = shlex.split(value)
        if not words or words[0] not in tools:
            raise ValueError(
                f"{value!r}: start with a tool's name (installed: {', '.join(sorted(tools))})"
            )
        chosen.setdefault(words[0], []).extend(words[1:])
    parsed = {}
    for name, words in chosen.items():
        try:
            parsed[name] = parse_tool_args(tools[name], words)
        except ValueError as exc:
            raise ValueError(f"{name}: {exc}") from None
    return parsed


def report(
    doc: Document,
    *,
    clean: Annotated[bool, typer.Option(
        "--clean/--no-clean",
        help="Clean each document before the analyzers read it.")] = True,
    skip: Annotated[list[str] | None, typer.Option(
        "--skip", metavar="TOOL", callback=_check_skip, show_default=False,
        help="Leave this analyzer out (repeatable).")] = None,
    with_tools: Annotated[list[str] | None, typer.Option(
        "--with", metavar="'TOOL OPTIONS'", callback=_check_with, show_default=False,
        help="Give a tool its own options (repeatable): --with 'dates --anchor 2024-02-01'.")
    ] = None,
    html: Annotated[Path | None, typer.Option(
        "--html", metavar="FILE", dir_okay=False, show_default=False,
        help="Also write the report as one self-contained HTML page.")] = None,
    rows: Annotated[int, typer.Option(
        "--rows", min=0, metavar="N",
        help="Documents listed in the terminal table (0: all).")] = 40,
    by: Annotated[str, typer.Option(
        "--by", metavar="META_FIELD",
        help="Documents grouped by this metadata field (a date by its year) for the HTML "
        "chart of the keywords' frequency over the groups.")] = "date",
) -> Document:
    """Report on a corpus: damage, reading grade, quotes and speakers, dates, in one pass.

    Runs clean, then every installed analyzer over each document (read once,
    in the worker processes with -j), each with its default options unless
    --with gives it others.  On a terminal: one row per document and corpus
    panels (most quoted speakers, dates by month, hardest and easiest
    documents).  -f csv, -f tsv and --summary write that per-document table as
    rows (doc, words, garble_before, garble_after, grade, quotes, speakers,
    dates, anchor, other tools' figures, errors).  In a pipe (-f jsonl): each
    document with every tool's results under meta.<tool> and their summaries
    under meta.report.  A tool that fails on a document is named on stderr
    (exit status 1); the others' results stay.
    """
    from corpus_tool_report.run import report_document

    del html, rows, by  # used in the main process, by the postprocess and the table
    given = tool_options(tuple(with_tools or ()))
    return report_document(doc, clean=clean, skip=skip or (), options=given)


def _postprocess(documents: Iterator[Document], options: dict[str, Any]) -> Iterable[Any]:
    from corpus_tool_report.page import pass_through

    return pass_through(documents, options.get("html"), options.get("by", "date"))


def _render(documents: list[Document], options: dict[str, Any]) -> RenderableType:
    from corpus_tool_report.digest import Corpus
    from corpus_tool_report.overview import overview

    return overview(Corpus.of(documents), max_rows=options.get("rows", 40))


def _row(doc: Document) -> dict[str, Any]:
    from corpus_tool_report.digest import table_row

    return table_row(doc)


def _info() -> str:
    from corpus_tool_report.run import analyzers

    return f"runs clean, then: {', '.join(tool.name for tool in analyzers())}"


@hookimpl
def register_tools() -> list[Transform]:
    return [Transform(name="report", func=report, postprocess=_postprocess, render=_render,
                      info=_info, edits_text=False, tabulate=_row)]
