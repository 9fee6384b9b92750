"""Running a tool on a Dask cluster: the same tool functions, loaded by name in the workers.

``--engine dask`` sends chunks of documents to a Dask scheduler (``--scheduler
ADDRESS``, or a local cluster of one worker process per core) through a bounded
window, so memory stays flat and results come back in input order, exactly as
the local process pool returns them.  With ``--out-dir`` the workers write the
output themselves, one JSON Lines shard per chunk (``part-00000.jsonl`` ...), so
no result travels back through this process.

Dask is an optional extra (``pip install 'corpus-tool[dask]'``) and is imported
only here, only when asked for.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from corpus_tool.aggregation import fold_chunk
from corpus_tool.document import Document
from corpus_tool.plugins import PluginConfig, shared_registry
from corpus_tool.readers import Item, Problem
from corpus_tool.runner import Outcome, Result, _chunks, _outcomes, _process
from corpus_tool.tool import Options, Tool, Transform

INSTALL_HINT = "--engine dask needs Dask: pip install 'corpus-tool[dask]'"
WINDOW_PER_WORKER = 4
LOST = "lost: its Dask task failed ({})"

Spec = tuple[PluginConfig, str, Options]  # what a worker needs to find the tool


def unavailable(timeout: float | None) -> str | None:
    """Why the Dask engine cannot run (a usage error to print), or None."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return INSTALL_HINT
    if timeout:
        # The per-document timeout is a SIGALRM, and Dask runs tasks in threads.
        return "--timeout is not available with --engine dask"
    return None


# --- in the Dask workers ------------------------------------------------------


def _work(spec: Spec, docs: list[Document]) -> list[Result]:
    config, name, options = spec
    # Plugins load once per worker process, as in the local pool.
    tool = shared_registry(config).tool(name)
    outcomes = (_process(tool, doc, options, None) for doc in docs)
    results = [(o.output, o.error, o.details) for o in outcomes]
    fold_chunk(tool, results)  # an aggregator's chunk sends one merged state
    return results


def _shard_lines(tool: Tool, results: list[Result]) -> Iterator[str]:
    from corpus_tool.writers import dumps

    for output, error, _ in results:
        if error is not None:
            continue
        if isinstance(tool, Transform):
            assert isinstance(output, Document)
            yield dumps(output.to_json()) + "\n"
        else:
            yield from (dumps(row) + "\n" for row in output)


def _work_shard(spec: Spec, docs: list[Document], path: str) -> list[tuple[str | None, str | None]]:
    """Run a chunk and write its output as one shard; only the failures travel back."""
    from corpus_tool.writers import write_atomically

    results = _work(spec, docs)
    write_atomically(
        Path(path), "".join(_shard_lines(shared_registry(spec[0]).tool(spec[1]), results))
    )
    return [(error, details) for _, error, details in results]


# --- in this process ----------------------------------------------------------


@contextmanager
def _client(scheduler: str | None, jobs: int) -> Iterator[Any]:
    """A client of the given scheduler, or of a local cluster started for this run."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    workers = jobs or os.cpu_count() or 1
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,  # logging.ERROR: the run's own messages are the ones to read
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _in_order(
    client: Any,
    items: Iterable[Item],
    submit: Callable[[int, list[Document]], Any],
) -> Iterator[tuple[list[Item], Any, str | None]]:
    """(chunk, result, error) for each chunk, in input order, through a bounded window."""
    window: deque[tuple[list[Item], Any]] = deque()
    size = max(1, sum(client.nthreads().values())) * WINDOW_PER_WORKER
    chunks = enumerate(_chunks(items))
    try:
        while True:
            while len(window) < size:
                numbered = next(chunks, None)
                if numbered is None:
                    break
                index, chunk = numbered
                docs = [item for item in chunk if isinstance(item, Document)]
                window.append((chunk, submit(index, docs)))
            if not window:
                return
            chunk, future = window.popleft()
            try:
                yield chunk, future.result(), None
            except Exception as exc:  # a worker died or the cluster went away
                yield chunk, None, f"{type(exc).__name__}: {exc}"
    finally:
        for _, future in window:
            future.cancel()


def run(
    tool: Tool,
    options: Options,
    items: Iterable[Item],
    *,
    jobs: int = 0,
    config: PluginConfig,
    scheduler: str | None = None,
) -> Iterator[Outcome | Problem]:
    """Like runner.run, on a Dask cluster; output order equals input order."""
    spec: Spec = (config, tool.name, options)
    with _client(scheduler, jobs) as client:

        def submit(index: int, docs: list[Document]) -> Any:
            return client.submit(_work, spec, docs, pure=False)

        for chunk, results, error in _in_order(client, items, submit):
            if error is None:
                yield from _outcomes(chunk, results)
            else:
                for outcome in _outcomes(chunk, None):
                    if isinstance(outcome, Outcome):
                        outcome.error = LOST.format(error)
                    yield outcome


def run_to_shards(
    tool: Tool,
    options: Options,
    items: Iterable[Item],
    out_dir: Path,
    *,
    jobs: int = 0,
    config: PluginConfig,
    scheduler: str | None = None,
) -> Iterator[Outcome | Problem]:
    """Each chunk's output written by a worker to ``out_dir/part-NNNNN.jsonl``.

    Yields problems and the outcome of every document, without its output (it
    is in the shard); the shards, concatenated in name order, are the command's
    JSON Lines output.  ``out_dir`` must be reachable by every worker.
    """
    spec: Spec = (config, tool.name, options)
    out_dir.mkdir(parents=True, exist_ok=True)
    with _client(scheduler, jobs) as client:

        def submit(index: int, docs: list[Document]) -> Any:
            path = str(out_dir.resolve() / f"part-{index:05d}.jsonl")
            return client.submit(_work_shard, spec, docs, path, pure=False)

        for chunk, results, error in _in_order(client, items, submit):
            found = iter(results or ())
            for item in chunk:
                if isinstance(item, Problem):
                    yield item
                elif error is not None:
                    yield Outcome(item, error=LOST.format(error))
                else:
                    failure, details = next(found)
                    yield Outcome(item, error=failure, details=details)
