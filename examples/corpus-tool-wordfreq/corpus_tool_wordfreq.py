"""corpus-tool-wordfreq: the most frequent words of each document.

An example third-party plugin for corpus-tool: one module, one analyzer with
options, registered through the ``corpus_tool`` entry-point group.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import Annotated

import typer

from corpus_tool import Analyzer, Document, Row, hookimpl

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@cache
def stopwords() -> frozenset[str]:
    # Built once per worker process, not per document.
    words = """the a an and or of to in on at for with by from as is are was were be been
               it its that this he she they we you i his her their our not but has have had
               will would said"""
    return frozenset(words.split())


def top_words(
    doc: Document,
    *,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="Words per document.")] = 10,
    min_length: Annotated[int, typer.Option(help="Ignore shorter words.")] = 3,
    keep_stopwords: Annotated[bool, typer.Option(help="Count function words too.")] = False,
) -> Iterator[Row]:
    """The most frequent words of each document, with their counts."""
    skip = frozenset() if keep_stopwords else stopwords()
    words = (m.group().lower() for m in WORD.finditer(doc.text))
    counts = Counter(w for w in words if len(w) >= min_length and w not in skip)
    for rank, (word, count) in enumerate(counts.most_common(top), 1):
        yield {"rank": rank, "word": word, "count": count}


@hookimpl
def register_tools() -> list[Analyzer]:
    return [
        Analyzer(
            name="wordfreq",
            func=top_words,
            columns=("rank", "word", "count"),
            summarize=lambda rows: {"top_word": rows[0]["word"] if rows else None},
        )
    ]
