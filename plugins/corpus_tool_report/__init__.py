"""The ``report`` command: what is in a corpus, from every installed tool in one pass.

Each document is read and cleaned once, then every installed analyzer (built-in
or from any other plugin) runs on it, in the worker processes.  The output
documents carry every tool's results under ``meta.<tool>``, as ``--annotate``
chains would, plus a per-tool summary under ``meta.report``.
"""

from __future__ import annotations

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


def report(
    doc: Document,
    *,
    clean: Annotated[bool, typer.Option(
        "--clean/--no-clean",
        help="Repair each document with the clean tool before the analyzers read it.")] = True,
    skip: Annotated[list[str] | None, typer.Option(
        "--skip", metavar="TOOL", callback=_check_skip, show_default=False,
        help="Leave this analyzer out (repeatable).")] = None,
    html: Annotated[Path | None, typer.Option(
        "--html", metavar="FILE", dir_okay=False, show_default=False,
        help="Also write the report as one self-contained HTML page, with charts and "
             "every quote and date in its sentence.")] = None,
    rows: Annotated[int, typer.Option(
        "--rows", min=0, metavar="N",
        help="Documents listed in the terminal table (0: all).")] = 40,
) -> Document:
    """Report on a corpus: damage, reading grade, quotes and speakers, dates, in one pass.

    Runs clean, then every installed analyzer over each document (read once,
    in the worker processes with -j).  On a terminal: one row per document and
    corpus panels (most quoted speakers, dates by month, hardest and easiest
    documents).  In a pipe (-f jsonl): each document with every tool's results
    under meta.<tool> and their summaries under meta.report.  A tool that fails
    on a document is named on stderr (exit status 1); the others' results stay.
    """
    from corpus_tool_report.run import report_document

    del html, rows  # used in the main process, by the postprocess and the table
    return report_document(doc, clean=clean, skip=skip or ())


def _postprocess(documents: Iterator[Document], options: dict[str, Any]) -> Iterable[Any]:
    from corpus_tool_report.page import pass_through

    return pass_through(documents, options.get("html"))


def _render(documents: list[Document], options: dict[str, Any]) -> RenderableType:
    from corpus_tool_report.digest import Corpus
    from corpus_tool_report.overview import overview

    return overview(Corpus.of(documents), max_rows=options.get("rows", 40))


def _info() -> str:
    from corpus_tool_report.run import analyzers

    return f"runs clean, then: {', '.join(tool.name for tool in analyzers())}"


@hookimpl
def register_tools() -> list[Transform]:
    return [Transform(name="report", func=report, postprocess=_postprocess, render=_render,
                      info=_info, edits_text=False)]
