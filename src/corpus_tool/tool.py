"""Tool declarations: what a plugin hands the core."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from corpus_tool.document import Document

if TYPE_CHECKING:
    from rich.console import RenderableType

Row = dict[str, Any]
"""A flat dict of JSON scalars; the core puts ``doc`` first."""

Options = dict[str, Any]


@dataclass(frozen=True)
class Tool:
    """Common fields of every kind of tool.

    ``func`` takes the document positionally; its keyword-only, annotated
    parameters become the subcommand's options (``max_len: int = 3`` becomes
    ``--max-len``; use ``Annotated[int, typer.Option(help=...)]`` for help text).
    Build expensive state once per process (e.g. ``functools.cache``), not per
    document: the core calls ``func`` in worker processes.
    """

    kind: ClassVar[str] = ""

    name: str
    func: Callable[..., Any]
    help: str = ""
    columns: tuple[str, ...] = ()
    # Runs in the main process over every output item of the run (rows of an
    # analyzer, documents of a transform), in input order: summaries
    # (``--by speaker``), corpus-wide filters or orderings, a report file.
    postprocess: Callable[[Iterator[Any], Options], Iterable[Any]] | None = None
    # Custom terminal rendering of all output items for ``--format table``.
    render: Callable[[list[Any], Options], RenderableType] | None = None
    # One document's rows -> a few named scalars for ``corpus-tool report``
    # (default: the row count under the tool's name).
    summarize: Callable[[list[Row]], Row] | None = None
    # Extra information shown by ``corpus-tool plugins`` (e.g. a data source).
    info: Callable[[], str] | None = None

    def __post_init__(self) -> None:
        if not self.help:
            object.__setattr__(self, "help", inspect.getdoc(self.func) or "")
        object.__setattr__(self, "columns", tuple(self.columns))


@dataclass(frozen=True)
class Analyzer(Tool):
    """Document in, rows out: ``func(doc, **options) -> Iterable[Row]``.

    With ``one_row=True`` the tool yields exactly one row per document and
    ``--annotate`` stores it as an object rather than a list.
    """

    kind: ClassVar[str] = "analyzer"
    one_row: bool = False

    def annotation(self, rows: list[Row]) -> Any:
        """What ``--annotate`` stores under ``meta[<name>]`` for one document's rows.

        The rows without ``doc``; a one-row tool's row as an object (should it
        yield several, e.g. readability --by paragraph, they stay a list).
        """
        kept = [{k: v for k, v in row.items() if k != "doc"} for row in rows]
        if self.one_row and len(kept) <= 1:
            return kept[0] if kept else None
        return kept


@dataclass(frozen=True)
class Transform(Tool):
    """Document in, document out: ``func(doc, **options) -> Document``.

    Record what the transform did under ``meta[<tool name>]``; scalar fields
    found there form the terminal table.
    """

    kind: ClassVar[str] = "transform"
    # False for a transform whose point is what it records, not an edit of the
    # text (e.g. ``report``): its command then has no ``--diff``/``--check``.
    edits_text: bool = True
    # One output document as one row of the command's per-document table, written
    # instead of the documents with -f csv, -f tsv and --summary (default: doc,
    # chars and the scalars the transform recorded under ``meta[<name>]``).
    tabulate: Callable[[Document], Row] | None = None


@dataclass(frozen=True)
class Aggregator(Tool):
    """Corpus in, rows out: map each document to a partial state, merge, finalize.

    ``func(doc, **options) -> state`` maps one document (in the worker
    processes); ``merge(a, b) -> state`` combines the states of two runs of
    documents, ``a`` before ``b`` (it may update ``a`` in place and return it;
    ``b`` is not used again); ``finalize(state, options) -> Iterable[Row]``
    turns the state of the whole corpus into the command's rows, in the main
    process.  ``merge`` must be associative: the core merges in input order but
    groups the documents as the workers and chunks fall, and any grouping must
    give the same rows.  The state of an empty corpus is ``func`` of an empty
    document.  Memory is bounded by the state, not by the corpus.

    ``corpora`` names options of the tool that take paths (``list[str]``, e.g.
    ``--reference``): their documents are read and mapped as a corpus of their
    own, and in ``finalize`` such an option holds that corpus's merged state.
    """

    kind: ClassVar[str] = "aggregator"
    merge: Callable[[Any, Any], Any] | None = None
    finalize: Callable[[Any, Options], Iterable[Row]] | None = None
    corpora: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.merge is None or self.finalize is None:
            raise TypeError(f"aggregator {self.name!r} needs merge and finalize")
        object.__setattr__(self, "corpora", tuple(self.corpora))


__all__ = ["Aggregator", "Analyzer", "Document", "Options", "Row", "Tool", "Transform"]
