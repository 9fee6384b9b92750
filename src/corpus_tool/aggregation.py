"""Corpus-level aggregation: the per-document states of an Aggregator, merged and finalized.

Workers merge the states of the documents of their chunk, so one state per
chunk travels back, not one per document; the main process merges the chunks'
states in input order and finalizes once.  Merging is associative, so the
grouping (serial, ``-j N``, Dask partitions) does not change the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from corpus_tool.document import Document
from corpus_tool.tool import Aggregator, Options, Row

EMPTY = Document("", "")


def fold_chunk(tool: Any, results: list[tuple[Any, str | None, str | None]]) -> None:
    """Merge a worker's chunk in place: the last successful document carries the
    merged state of the chunk, the others None (their errors stay theirs)."""
    if not isinstance(tool, Aggregator):
        return
    assert tool.merge is not None
    state: Any = None
    last = -1
    for index, (output, error, details) in enumerate(results):
        if error is None:
            state = output if last < 0 else tool.merge(state, output)
            results[index] = (None, error, details)
            last = index
    if last >= 0:
        results[last] = (state, None, None)


class Fold:
    """The merged state of the documents seen so far, in input order."""

    def __init__(self, tool: Aggregator, options: Options) -> None:
        self.tool, self.options = tool, options
        self.state: Any = None
        self.empty = True

    def add(self, state: Any) -> None:
        """One document's state, or a chunk's (carried by its last document)."""
        if state is None:
            return  # another document of a chunk its worker merged
        if self.empty:
            self.state, self.empty = state, False
        else:
            assert self.tool.merge is not None
            self.state = self.tool.merge(self.state, state)

    def result(self) -> Any:
        """The state of the corpus; an empty corpus has the state of an empty document."""
        if self.empty:
            return self.tool.func(EMPTY, **self.options)
        return self.state


def finalize(tool: Aggregator, state: Any, options: Options) -> Iterator[Row]:
    """The rows of the corpus, each checked to be flat JSON scalars."""
    from corpus_tool.runner import check_row

    assert tool.finalize is not None
    for row in tool.finalize(state, options) or ():
        yield check_row(row)


def aggregate(
    tool: Aggregator,
    documents: Iterable[Document],
    options: Options,
    corpora: dict[str, Iterable[Document]] | None = None,
) -> list[Row]:
    """Run an aggregator in this process: map, merge in order, finalize.

    ``corpora`` gives the documents of each option named in ``tool.corpora``.
    """
    given = dict(options)
    for name in tool.corpora:
        given[name] = merged(tool, (corpora or {}).get(name, ()), options)
    state = merged(tool, documents, options)
    return list(finalize(tool, state, given))


def merged(tool: Aggregator, documents: Iterable[Document], options: Options) -> Any:
    """The merged state of ``documents``, mapped one by one in this process."""
    from corpus_tool.runner import apply_tool

    fold = Fold(tool, options)
    for doc in documents:
        fold.add(apply_tool(tool, doc, options))
    return fold.result()
