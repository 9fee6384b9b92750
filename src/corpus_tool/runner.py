"""Running a tool over documents: in-process or in worker processes, in input order.

The main process reads, the workers call the tool, the main process writes.
Work travels in small chunks through a bounded window, so memory stays flat
however large the corpus, and results come back in input order.

``outputs`` is a whole run as its caller sees it: what the command writes and
what ``corpus_tool.run`` yields are both its items, so the two never disagree.
"""

from __future__ import annotations

import math
import os
import signal
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from corpus_tool.aggregation import Fold, finalize, fold_chunk
from corpus_tool.document import Document
from corpus_tool.engines import Engine
from corpus_tool.plugins import PluginConfig, shared_registry
from corpus_tool.readers import Item, Problem
from corpus_tool.tool import Aggregator, Analyzer, Options, Row, Tool, Transform

_SCALARS = (str, int, float, bool, type(None))
CHUNK_DOCS = 64
CHUNK_CHARS = 1 << 20
WINDOW_PER_WORKER = 4


class ToolError(Exception):
    """A tool broke its contract (bad row, wrong return type)."""


class DocumentTimeout(Exception):
    """A tool took longer than ``--timeout`` on one document."""


@dataclass
class Outcome:
    """What became of one document: its output, or the error that stopped it."""

    doc: Document
    output: list[Row] | Document | None = None
    error: str | None = None
    details: str | None = None  # the traceback, shown with --debug


# The exact types that need no closer look; anything else is checked fully.
_PLAIN = frozenset({str, int, bool, type(None)})


def check_row(row: Any) -> Row:
    """The row, if it is a dict of JSON scalars; else ToolError."""
    if not isinstance(row, dict):
        raise ToolError(f"yielded {type(row).__name__}, not a dict")
    for key, value in row.items():
        kind = type(value)
        if kind in _PLAIN or (kind is float and math.isfinite(value)):
            continue
        bad_float = isinstance(value, float) and not math.isfinite(value)
        if not isinstance(value, _SCALARS) or bad_float:
            raise ToolError(
                f"yielded a value that cannot be serialised: {key}={value!r} "
                f"({type(value).__name__})"
            )
    return row


def apply_tool(tool: Tool, doc: Document, options: Options) -> Any:
    """Call the tool on one document and check what it returned.

    An analyzer's rows come back with ``doc`` first; a transform returns a
    Document; an aggregator, its state for the document.
    """
    result = tool.func(doc, **options)
    if isinstance(tool, Aggregator):
        if result is None:
            raise ToolError("returned None, not a state")
        return result
    if isinstance(tool, Transform):
        if not isinstance(result, Document):
            raise ToolError(f"returned {type(result).__name__}, not a Document")
        return result
    assert isinstance(tool, Analyzer)
    rows: list[Row] = []
    for row in result or ():
        out = {"doc": doc.id}
        out.update(check_row(row))
        out["doc"] = doc.id  # a tool's own "doc" never replaces the document's id
        rows.append(out)
    return rows


def _on_alarm(signum: int, frame: Any) -> None:
    raise DocumentTimeout


def _process(tool: Tool, doc: Document, options: Options, timeout: float | None) -> Outcome:
    """One document, every failure caught and described; never raises but for Ctrl-C."""
    if timeout:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return Outcome(doc, apply_tool(tool, doc, options))
    except DocumentTimeout:
        return Outcome(doc, error=f"timed out after {timeout:g} s")
    except Exception as exc:
        return Outcome(doc, error=f"{type(exc).__name__}: {exc}", details=traceback.format_exc())
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)


def run_serial(
    tool: Tool, options: Options, items: Iterable[Item], timeout: float | None = None
) -> Iterator[Outcome | Problem]:
    for item in items:
        yield item if isinstance(item, Problem) else _process(tool, item, options, timeout)


# --- worker processes ---------------------------------------------------------

_worker: dict[str, Any] = {}
Result = tuple[Any, str | None, str | None]  # output, error, details
LOST = "lost: its worker process died (killed or crashed)"


def _init_worker(
    config: PluginConfig, tool_name: str, options: Options, timeout: float | None
) -> None:
    # Ctrl-C and SIGTERM are the main process's to handle; it ends the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker["tool"] = shared_registry(config).tool(tool_name)
    _worker["options"] = options
    _worker["timeout"] = timeout


def _work(docs: list[Document]) -> list[Result]:
    tool, options, timeout = _worker["tool"], _worker["options"], _worker["timeout"]
    outcomes = (_process(tool, doc, options, timeout) for doc in docs)
    # Only results travel back: the main process still holds the documents.
    results = [(o.output, o.error, o.details) for o in outcomes]
    fold_chunk(tool, results)  # an aggregator's chunk sends one merged state
    return results


def _outcomes(chunk: list[Item], results: list[Result]) -> Iterator[Outcome | Problem]:
    """Pair a chunk's documents with their results."""
    found = iter(results)
    for item in chunk:
        yield item if isinstance(item, Problem) else Outcome(item, *next(found))


def _chunks(items: Iterable[Item]) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Document):
            size += len(item.text)
        if len(chunk) >= CHUNK_DOCS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def run_parallel(
    tool: Tool,
    options: Options,
    items: Iterable[Item],
    jobs: int,
    config: PluginConfig,
    timeout: float | None = None,
) -> Iterator[Outcome | Problem]:
    """Like run_serial, in ``jobs`` worker processes; output order equals input order.

    A worker that dies (killed, out of memory, a crash in C code) breaks the pool
    and every chunk in flight with it. Those chunks are run again one document at
    a time in a fresh worker, so only the document that kills its worker is
    reported as lost; then a fresh pool takes the rest.
    """
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def new_pool(workers: int = jobs) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            initializer=_init_worker,
            initargs=(config, tool.name, options, timeout),
        )

    def one_by_one(chunks: list[list[Item]]) -> Iterator[Outcome | Problem]:
        single = new_pool(1)
        try:
            for chunk in chunks:
                for item in chunk:
                    if isinstance(item, Problem):
                        yield item
                        continue
                    try:
                        (result,) = single.submit(_work, [item]).result()
                    except BrokenProcessPool:
                        yield Outcome(item, error=LOST)
                        single.shutdown(wait=False, cancel_futures=True)
                        single = new_pool(1)
                        continue
                    yield Outcome(item, *result)
        finally:
            _stop(single)

    pool = new_pool()
    window: deque[tuple[list[Item], Future[list[Result]]]] = deque()

    def submit(chunk: list[Item]) -> None:
        docs = [item for item in chunk if isinstance(item, Document)]
        try:
            future = pool.submit(_work, docs)
        except BrokenProcessPool as exc:
            # A worker died while the window was filling: this chunk joins the
            # ones in flight, run again singly when its turn comes.
            future = Future()
            future.set_exception(exc)
        window.append((chunk, future))

    chunks = _chunks(items)
    finished = False
    try:
        while True:
            while len(window) < jobs * WINDOW_PER_WORKER:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                submit(chunk)
            if not window:
                break
            chunk, future = window.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # The pool is gone with every chunk in flight: run them again singly.
                in_flight = [chunk, *(queued for queued, _ in window)]
                window.clear()
                _stop(pool)
                yield from one_by_one(in_flight)
                pool = new_pool()
                continue
            yield from _outcomes(chunk, results)
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:  # interrupted, or the consumer stopped early (a closed pipe)
            _stop(pool)


def _stop(pool: Any) -> None:
    """Shut the pool down without waiting on a worker stuck in a document."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


def run(
    tool: Tool,
    options: Options,
    items: Iterable[Item],
    *,
    jobs: int = 1,
    config: PluginConfig | None = None,
    timeout: float | None = None,
) -> Iterator[Outcome | Problem]:
    """Run ``tool`` over ``items``; ``jobs`` 0 means one worker per core."""
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1:
        return run_serial(tool, options, items, timeout)
    return run_parallel(tool, options, items, jobs, config or PluginConfig.from_env(), timeout)


# --- a whole run: outcomes to what the caller writes or yields -----------------


@dataclass(frozen=True)
class Execution:
    """Where and how the tool functions run."""

    jobs: int = 1  # 0: one worker per core
    config: PluginConfig | None = None  # the plugins the workers load
    timeout: float | None = None  # seconds per document
    engine: Engine = Engine.local
    scheduler: str | None = None  # a Dask scheduler address; None: a local cluster


class Listener(Protocol):
    """Hears what a run does not yield: problems, and every document's outcome."""

    def problem(self, problem: Problem) -> None:
        """Something in the input that could not be read, or a postprocess's complaint."""

    def outcome(self, outcome: Outcome) -> None:
        """One document done, in input order, whether the tool failed on it or not."""


def execute(
    tool: Tool, options: Options, items: Iterable[Item], execution: Execution
) -> Iterator[Outcome | Problem]:
    """The outcomes of the run, in input order, from the engine ``execution`` names."""
    if execution.engine is Engine.dask:
        from corpus_tool import dask_engine  # only now: Dask is an optional extra

        return dask_engine.run(
            tool,
            options,
            items,
            jobs=execution.jobs if execution.jobs > 1 else 0,  # default: one per core
            config=execution.config or PluginConfig.from_env(),
            scheduler=execution.scheduler,
        )
    return run(
        tool,
        options,
        items,
        jobs=execution.jobs,
        config=execution.config,
        timeout=execution.timeout,
    )


def annotated(tool: Analyzer, outcome: Outcome) -> Document:
    """The document of ``outcome`` with the analyzer's rows under ``meta[<tool name>]``."""
    doc = outcome.doc
    doc.meta[tool.name] = tool.annotation(outcome.output)  # type: ignore[arg-type]
    return doc


def outputs(
    tool: Tool,
    options: Options,
    items: Iterable[Item],
    listener: Listener,
    execution: Execution = Execution(),
    *,
    annotate: bool = False,
    corpora: Mapping[str, Callable[[], Iterable[Item]]] | None = None,
) -> Iterator[Row | Document]:
    """What a run of ``tool`` gives, in input order, after the tool's postprocess.

    An analyzer's rows (``doc`` first), or with ``annotate`` its input documents
    with the rows under ``meta[<tool name>]``; a transform's documents; an
    aggregator's rows about the whole corpus, its further corpora (``--reference``)
    read from ``corpora`` when they are needed.  Problems and failed documents go to
    ``listener`` and are left out; the run goes on.
    """

    def corpus_state(source: Iterable[Item]) -> Any:
        """An aggregator's merged state of the documents of one corpus."""
        assert isinstance(tool, Aggregator)
        fold = Fold(tool, options)
        for result in execute(tool, options, source, execution):
            if isinstance(result, Problem):
                listener.problem(result)
                continue
            listener.outcome(result)
            if result.error is None:
                fold.add(result.output)
        return fold.result()

    def results() -> Iterator[Row | Document]:
        if isinstance(tool, Aggregator):
            state = corpus_state(items)
            given = {name: corpus_state(read()) for name, read in (corpora or {}).items()}
            yield from finalize(tool, state, {**options, **given})
            return
        for result in execute(tool, options, items, execution):
            if isinstance(result, Problem):
                listener.problem(result)
                continue
            listener.outcome(result)
            if result.error is not None:
                continue
            if isinstance(tool, Transform):
                assert isinstance(result.output, Document)
                yield result.output
            elif annotate:
                assert isinstance(tool, Analyzer)
                yield annotated(tool, result)
            else:
                yield from result.output  # type: ignore[misc]

    stream: Iterable[Any] = results()
    # --annotate passes documents through: the tool's row postprocess does not apply.
    if tool.postprocess is not None and not annotate:
        stream = tool.postprocess(iter(stream), options)
    for item in stream:
        # A postprocess may yield a Problem: the listener hears it, as of any other.
        if isinstance(item, Problem):
            listener.problem(item)
        else:
            yield item
