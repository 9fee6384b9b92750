"""The ``quotes`` tool: who said what, from the quotation marks of news text."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Annotated, Any

import typer

from corpus_tool import Analyzer, Document, hookimpl
from corpus_tool_quotes.report import by_speaker, render, summarize


class Kind(str, enum.Enum):
    direct = "direct"
    partial = "partial"
    scare = "scare"


class By(str, enum.Enum):
    quote = "quote"
    speaker = "speaker"


def find_quotes(
    doc: Document,
    *,
    kind: Annotated[
        list[Kind] | None,
        typer.Option(help="Keep only quotes of this kind (repeatable); default: all."),
    ] = None,
    speaker: Annotated[
        str | None,
        typer.Option(help="Keep only the quotes of this speaker (any part of the name)."),
    ] = None,
    by: Annotated[
        By, typer.Option(help="One row per quote, or per speaker with quote and word counts.")
    ] = By.quote,
) -> Iterator[dict[str, Any]]:
    """Quotations with their kind, speaker and reporting verb."""
    from corpus_tool_quotes.extract import quotations

    kinds = {Kind(k).value for k in kind} if kind else None
    wanted = speaker.lower().split() if speaker else None
    for row in quotations(doc.text):
        if kinds is not None and row["kind"] not in kinds:
            continue
        if wanted is not None:
            names = (row["speaker"] or "").lower().split()
            if not all(word in names for word in wanted):
                continue
        yield row


@hookimpl
def register_tools() -> list[Analyzer]:
    return [
        Analyzer(
            name="quotes",
            func=find_quotes,
            columns=(
                "start", "end", "text", "kind", "speaker", "verb", "speaker_start", "speaker_end",
                "speaker_surface", "speaker_role",
            ),
            postprocess=by_speaker,
            render=render,
            summarize=summarize,
            info=lambda: "rule-based: quote-mark pairing and reporting-clause patterns, no model",
        )
    ]
