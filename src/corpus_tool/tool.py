"""Tool declarations: what a plugin hands the core."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from corpus_tool.document import Document

if TYPE_CHECKING:
    from rich.console import RenderableType

Row = dict[str, Any]
"""A flat dict of JSON scalars; the core puts ``doc`` first."""

Options = dict[str, Any]

# A command name: what a user types, and what ``corpus-tool plugins`` lists.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


class ToolDeclarationError(TypeError):
    """A tool declared with a field of the wrong type: its plugin is reported as broken."""


def _describe(value: Any) -> str:
    shown = repr(value)
    return f"{type(value).__name__} {shown if len(shown) <= 40 else shown[:39] + '…'}"


def option_hints(func: Callable[..., Any]) -> dict[str, Any]:
    """The type hints of ``func``'s parameters, with their ``Annotated`` extras.

    The return annotation is left unevaluated: it may name a type the plugin
    imports only for type checkers, to keep its module light for ``--help``.
    """
    import typing
    from types import SimpleNamespace

    annotations = {k: v for k, v in getattr(func, "__annotations__", {}).items() if k != "return"}
    return typing.get_type_hints(
        SimpleNamespace(__annotations__=annotations),
        globalns=getattr(inspect.unwrap(func), "__globals__", {}),
        include_extras=True,
    )


def check_signature(func: Callable[..., Any]) -> None:
    """The document comes first (positional); every option after it is keyword-only."""
    try:
        parameters = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError) as exc:
        raise ToolDeclarationError(f"its function has no signature to read: {exc}") from None
    if not parameters or parameters[0].kind not in (
        inspect.Parameter.POSITIONAL_ONLY,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
    ):
        raise ToolDeclarationError("its function must take the document as first argument")
    for parameter in parameters[1:]:
        if parameter.kind is not inspect.Parameter.KEYWORD_ONLY:
            raise ToolDeclarationError(
                f"parameter {parameter.name!r} of its function must be keyword-only "
                "(after a bare *)"
            )


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
        try:
            self._check()
        except ToolDeclarationError as exc:
            raise ToolDeclarationError(f"tool {self.name!r}: {exc}") from None
        if not self.help:
            object.__setattr__(self, "help", inspect.getdoc(self.func) or "")
        object.__setattr__(self, "columns", tuple(self.columns))

    # Each optional field that must be a callable, and what it is for.
    _CALLABLES: ClassVar[dict[str, str]] = {
        "postprocess": "a function (rows, options) -> rows",
        "render": "a function (items, options) -> a rich table",
        "summarize": "a function (rows) -> one row",
        "info": "a function returning the line `corpus-tool plugins` shows",
    }

    def _check(self) -> None:
        """Refuse, at declaration, a field a command could not be built from."""
        if not isinstance(self.name, str) or not _NAME.fullmatch(self.name):
            raise ToolDeclarationError(
                "name must be a command name (letters, digits, - and _), "
                f"not {_describe(self.name)}"
            )
        if not callable(self.func):
            raise ToolDeclarationError(
                f"func must be a function (the document, then options), not {_describe(self.func)}"
            )
        check_signature(self.func)
        if not isinstance(self.help, str):
            raise ToolDeclarationError(f"help must be a str, not {_describe(self.help)}")
        if isinstance(self.columns, str | bytes) or not all(
            isinstance(c, str) for c in self.columns
        ):
            raise ToolDeclarationError(
                f"columns must be a tuple of column names, not {_describe(self.columns)}"
            )
        for name, shape in self._CALLABLES.items():
            value = getattr(self, name)
            if value is not None and not callable(value):
                raise ToolDeclarationError(f"{name} must be {shape}, not {_describe(value)}")


@dataclass(frozen=True)
class Analyzer(Tool):
    """Document in, rows out: ``func(doc, **options) -> Iterable[Row]``.

    With ``one_row=True`` the tool yields exactly one row per document and
    ``--annotate`` stores it as an object rather than a list.
    """

    kind: ClassVar[str] = "analyzer"
    one_row: bool = False

    def _check(self) -> None:
        super()._check()
        if not isinstance(self.one_row, bool):
            raise ToolDeclarationError(
                f"one_row must be True or False, not {_describe(self.one_row)}"
            )

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

    _CALLABLES: ClassVar[dict[str, str]] = {
        **Tool._CALLABLES,
        "tabulate": "a function (document) -> one row",
    }

    def _check(self) -> None:
        super()._check()
        if not isinstance(self.edits_text, bool):
            raise ToolDeclarationError(
                f"edits_text must be True or False, not {_describe(self.edits_text)}"
            )


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

    _CALLABLES: ClassVar[dict[str, str]] = {
        **Tool._CALLABLES,
        "merge": "a function (state, state) -> state",
        "finalize": "a function (state, options) -> rows",
    }

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "corpora", tuple(self.corpora))

    def _check(self) -> None:
        super()._check()
        if self.merge is None or self.finalize is None:
            raise ToolDeclarationError("an aggregator needs merge and finalize")
        if isinstance(self.corpora, str | bytes) or not all(
            isinstance(c, str) for c in self.corpora
        ):
            raise ToolDeclarationError(
                f"corpora must be a tuple of option names, not {_describe(self.corpora)}"
            )


__all__ = [
    "Aggregator",
    "Analyzer",
    "Document",
    "Options",
    "Row",
    "Tool",
    "ToolDeclarationError",
    "Transform",
]
