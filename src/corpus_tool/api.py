"""The Python API: any tool over paths or documents, its rows as dicts or a DataFrame.

``run`` is what every tool command does, short of writing: the same readers, the
same option checks, the same engine and postprocess (``runner.outputs``), so a
notebook gets exactly the rows the command line writes as JSON Lines.
"""

from __future__ import annotations

import itertools
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

from corpus_tool.document import Document
from corpus_tool.plugins import PluginConfig, shared_registry
from corpus_tool.readers import DEFAULT_PATTERNS, InputError, Item, Problem, read_paths, unique_ids
from corpus_tool.readers.jsonl import record_document
from corpus_tool.reading import ReadOptions
from corpus_tool.runner import Execution, Outcome, outputs
from corpus_tool.tool import Aggregator, Analyzer, Row, Tool, Transform
from corpus_tool.toolargs import tool_options

PathLike = str | os.PathLike[str]
DocumentLike = Document | Mapping[str, Any]
Source = PathLike | DocumentLike | Iterable[PathLike | DocumentLike]
"""Paths (files, directories, globs, ``-``), documents, or an iterable mixing them."""

Errors = Literal["warn", "raise", "ignore"]


class DocumentError(Exception):
    """A document could not be read or processed (raised with ``errors="raise"``)."""


class CorpusToolWarning(UserWarning):
    """A document skipped or failed, or input read with a caveat (``errors="warn"``)."""


def run(
    tool: str | Tool,
    source: Source,
    *,
    jobs: int = 1,
    annotate: bool = False,
    timeout: float | None = None,
    glob: Sequence[str] | None = None,
    errors: Errors = "warn",
    plugins_dir: PathLike | Sequence[PathLike] | None = None,
    **options: Any,
) -> Iterator[Row]:
    """Run ``tool`` over ``source``; yields its rows as dicts, in input order.

    ``tool`` is a tool's name (``"quotes"``) or a ``Tool`` (one no plugin registers
    runs in this process only: ``jobs=1``).  ``source`` is a path
    (a file, a directory walked for ``glob`` patterns, a glob, ``-`` for standard
    input), a ``Document``, a mapping ``{"id": ..., "text": ..., "meta": {...}}``
    (other keys go into ``meta``, as in JSON Lines), or an iterable of any of these.
    A plain string is always a path: wrap a text as ``Document("id", text)``.

    The rows are what ``corpus-tool TOOL ... -f jsonl`` writes, line for line: an
    analyzer's rows (``doc`` first), an aggregator's rows about the whole corpus,
    and a transform's documents, or an analyzer's with ``annotate=True``, as
    ``{"id", "text", "meta"}`` dicts (which ``run`` takes as input again, to chain).

    ``options`` are the tool's own options by their Python names (``by="speaker"``
    for ``--by speaker``; a repeatable option takes a list), checked as the command
    checks them: ``TypeError`` for an unknown name, ``ValueError`` for a bad value.
    ``jobs`` runs the tool in worker processes (0: one per core), ``timeout`` gives
    up on a document after that many seconds.  A document that cannot be read or
    that the tool fails on is skipped with a ``CorpusToolWarning`` (``errors="warn"``),
    raises ``DocumentError`` (``"raise"``), or goes unmentioned (``"ignore"``).
    ``plugins_dir`` loads plugin files as ``--plugins-dir`` does.

    Arguments are checked before the first row is asked for; the documents are
    read and processed as the rows are consumed, so memory stays flat.
    """
    if errors not in ("warn", "raise", "ignore"):
        raise ValueError(f"errors must be 'warn', 'raise' or 'ignore', not {errors!r}")
    config = _config(plugins_dir)
    found = _find(tool, config)
    if jobs != 1 and shared_registry(config).tools.get(found.name) is not found:
        # Worker processes load their tools by name, from the plugins.
        raise ValueError(f"jobs={jobs} needs a tool a plugin registers; {found.name} is not one")
    if annotate and not isinstance(found, Analyzer):
        raise ValueError(f"annotate is for analyzers: {found.name} is a {found.kind}")
    patterns = tuple(glob or ()) or DEFAULT_PATTERNS
    # The plugins' input formats, read as the command reads them.
    reading = ReadOptions(readers=tuple(shared_registry(config).readers))
    # An aggregator's further corpora (reference=...) are sources of their own.
    corpora = {}
    for name in getattr(found, "corpora", ()):
        given = list(_as_list(options.get(name) or []))
        if not given:
            raise ValueError(f"{found.name} needs {name}=PATHS (one or more)")
        corpora[name] = _documents(given, patterns, reading)
        options[name] = [_describe(item) for item in _as_list(given)]
    values = tool_options(found, options)
    items = _documents(source, patterns, reading)
    listener = _Listener(found, errors)
    execution = Execution(jobs=jobs, config=config, timeout=timeout)
    readers = {name: (lambda read=read: read) for name, read in corpora.items()}
    stream = outputs(found, values, items, listener, execution, annotate=annotate, corpora=readers)
    return (item.to_json() if isinstance(item, Document) else item for item in stream)


def _columns(tool: str | Tool, arguments: Mapping[str, Any]) -> list[str]:
    """The columns ``tool``'s rows begin with: ``doc`` and its declared columns, or
    ``id, text, meta`` for documents (a transform, or ``annotate``)."""
    found = _find(tool, _config(arguments.get("plugins_dir")))
    if isinstance(found, Transform) or arguments.get("annotate"):
        return ["id", "text", "meta"]
    if isinstance(found, Aggregator):  # rows about the corpus: a doc column only if declared
        return list(found.columns)
    return ["doc", *(name for name in found.columns if name != "doc")]


def _config(plugins_dir: PathLike | Sequence[PathLike] | None) -> PluginConfig:
    if plugins_dir is None:
        return PluginConfig.from_env()
    dirs = [plugins_dir] if isinstance(plugins_dir, (str, os.PathLike)) else plugins_dir
    return PluginConfig.from_env([os.fspath(d) for d in dirs])


def _find(tool: str | Tool, config: PluginConfig) -> Tool:
    if isinstance(tool, Tool):
        return tool
    registry = shared_registry(config)
    if tool not in registry.tools:
        known = ", ".join(sorted(registry.tools)) or "none"
        raise ValueError(f"no tool named {tool!r} (installed: {known})")
    return registry.tool(tool)


def _is_path(item: Any) -> bool:
    return isinstance(item, (str, os.PathLike))


def _as_list(source: Source) -> list[Any] | Iterable[Any]:
    if _is_path(source) or isinstance(source, (Document, Mapping)):
        return [source]
    return source  # type: ignore[return-value]


def _describe(item: Any) -> str:
    """A path as text for the tool's option; a document by its id."""
    if _is_path(item):
        return os.fspath(item)
    return str(item.id if isinstance(item, Document) else item.get("id", "<document>"))


def _documents(source: Source, patterns: tuple[str, ...], reading: ReadOptions) -> Iterator[Item]:
    """The documents of ``source`` in order, ids made unique as the command makes them.

    Paths in a list or tuple are checked at once, so a typo fails before the run.
    """
    items = _as_list(source)
    if isinstance(items, (list, tuple)) and all(_is_path(item) for item in items):
        try:
            paths = [os.fspath(item) for item in items]
            return unique_ids(read_paths(paths, patterns, reading))
        except InputError as exc:
            raise FileNotFoundError(str(exc)) from None
    return unique_ids(_mixed(items, patterns, reading))


def _mixed(items: Iterable[Any], patterns: tuple[str, ...], reading: ReadOptions) -> Iterator[Item]:
    number = itertools.count(1)
    for is_path, group in itertools.groupby(items, _is_path):
        if is_path:
            try:
                yield from read_paths([os.fspath(item) for item in group], patterns, reading)
            except InputError as exc:
                raise FileNotFoundError(str(exc)) from None
            continue
        for item in group:
            yield _document(item, next(number))


def _document(item: Any, number: int) -> Item:
    """A Document, or a mapping read as a JSON Lines record is; else a Problem."""
    where = f"document {number}"
    if isinstance(item, Document):
        return item
    if not isinstance(item, Mapping):
        return Problem(where, f"a {type(item).__name__}, not a path, Document or mapping; skipped")
    doc = record_document(dict(item), where, f"doc{number}", "document")
    if isinstance(doc, Document) and item.get("id") is not None:
        doc.origin = ""  # messages name it by its own id, not by its place in the list
    return doc


class _Listener:
    """Problems and failed documents as warnings or exceptions, worded as on stderr."""

    def __init__(self, tool: Tool, errors: Errors) -> None:
        self.tool, self.errors = tool, errors

    def problem(self, problem: Problem) -> None:
        self._tell(str(problem), fatal=problem.skipped)

    def outcome(self, outcome: Outcome) -> None:
        if outcome.error is None:
            return
        origin = outcome.doc.origin
        where = f" ({origin})" if origin and origin != outcome.doc.id else ""
        self._tell(
            f"{self.tool.name} failed on document {outcome.doc.id!r}{where}: {outcome.error}",
            fatal=True,
        )

    def _tell(self, message: str, fatal: bool) -> None:
        if self.errors == "raise" and fatal:
            raise DocumentError(message)
        if self.errors != "ignore":
            warnings.warn(message, CorpusToolWarning, stacklevel=2)


# --- DataFrames -----------------------------------------------------------------


def _ordered(rows: list[Row], first: list[str]) -> list[str]:
    """Every key of ``rows``: the declared ones first, the rest as they came."""
    if not rows:
        return first
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    declared = [name for name in first if name in seen]
    return declared + [name for name in seen if name not in declared]


def _need(module: str, function: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(
            f"corpus_tool.{function} needs {module}: pip install 'corpus-tool[dataframes]'"
        ) from None


def to_pandas(tool: str | Tool, source: Source, **arguments: Any) -> Any:
    """``run``'s rows as a ``pandas.DataFrame``: same arguments, one row per item.

    Columns come in the tool's declared order (``doc`` first); documents give
    ``id``, ``text`` and ``meta`` (a dict).  Needs pandas
    (``pip install 'corpus-tool[dataframes]'``): without it, an ``ImportError`` says so.
    """
    pandas = _need("pandas", "to_pandas")
    rows = list(run(tool, source, **arguments))
    return pandas.DataFrame(rows, columns=_ordered(rows, _columns(tool, arguments)))


def to_polars(tool: str | Tool, source: Source, **arguments: Any) -> Any:
    """``run``'s rows as a ``polars.DataFrame``: same arguments, one row per item.

    Column types are inferred from every row, not the first few; documents give
    ``id``, ``text`` and ``meta`` (a struct).  Needs polars
    (``pip install 'corpus-tool[dataframes]'``): without it, an ``ImportError`` says so.
    """
    polars = _need("polars", "to_polars")
    rows = list(run(tool, source, **arguments))
    order = _ordered(rows, _columns(tool, arguments))
    if not rows:
        return polars.DataFrame({name: [] for name in order})
    return polars.DataFrame(rows, infer_schema_length=None).select(order)
