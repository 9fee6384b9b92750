"""Helpers for testing corpus-tool plugins, the built-in ones and yours.

``run_tool`` calls a tool in-process exactly as the runner does (rows get
``doc`` first and are checked to be JSON scalars); ``run_in_chunks`` runs an
aggregator with its documents merged in chunks of given sizes, as workers
would, to check that any split gives the same rows; ``run_cli`` runs the
installed ``corpus-tool`` command as a subprocess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from corpus_tool.document import Document
from corpus_tool.plugins import PluginConfig, load_plugins
from corpus_tool.runner import apply_tool
from corpus_tool.tool import Aggregator, Analyzer, Row, Tool


def as_documents(items: Iterable[str | Document]) -> list[Document]:
    """Plain strings become documents with ids doc1, doc2, ..."""
    return [
        item if isinstance(item, Document) else Document(id=f"doc{i}", text=item)
        for i, item in enumerate(items, 1)
    ]


def run_tool(
    tool: str | Tool,
    documents: Iterable[str | Document],
    *,
    plugins_dir: str | os.PathLike[str] | None = None,
    **options: Any,
) -> list[Row] | list[Document]:
    """Run a tool over documents in-process: rows for an analyzer, documents for a transform.

    ``options`` are the tool's own keyword options; missing ones take the
    function's defaults.  A tool's ``postprocess`` is applied as on the command line.
    An aggregator's further corpora (``tool.corpora``, e.g. ``reference``) are
    given as lists of strings or documents under their option's name.
    """
    tool = _find(tool, plugins_dir)
    if isinstance(tool, Aggregator):
        return run_in_chunks(tool, documents, [], **options)
    outputs = [apply_tool(tool, doc, options) for doc in as_documents(documents)]
    if not isinstance(tool, Analyzer):
        return outputs  # type: ignore[return-value]
    rows: list[Row] = [row for out in outputs for row in out]  # type: ignore[union-attr]
    if tool.postprocess is not None:
        rows = list(tool.postprocess(iter(rows), options))
    return rows


def _find(tool: str | Tool, plugins_dir: str | os.PathLike[str] | None) -> Tool:
    if isinstance(tool, str):
        dirs = (str(plugins_dir),) if plugins_dir else ()
        return load_plugins(PluginConfig(plugins_dirs=dirs)).tool(tool)
    return tool


def run_in_chunks(
    tool: str | Tool,
    documents: Iterable[str | Document],
    sizes: Sequence[int],
    *,
    plugins_dir: str | os.PathLike[str] | None = None,
    **options: Any,
) -> list[Row]:
    """An aggregator's rows with its documents merged chunk by chunk, as workers merge
    them: chunks of ``sizes`` documents (the rest one chunk; ``[]``: one by one).
    Any ``sizes`` must give the same rows as any other."""
    from corpus_tool.aggregation import Fold, finalize, fold_chunk

    found = _find(tool, plugins_dir)
    assert isinstance(found, Aggregator), f"{found.name} is not an aggregator"

    def state(docs: list[Document]) -> Any:
        fold = Fold(found, options)
        start = 0
        for size in [*sizes, len(docs)] if sizes else [1] * len(docs):
            chunk = docs[start : start + max(size, 0)]
            start += len(chunk)
            results = [(apply_tool(found, doc, options), None, None) for doc in chunk]
            fold_chunk(found, results)
            for output, _, _ in results:
                fold.add(output)
        return fold.result()

    given = dict(options)
    for name in found.corpora:
        given[name] = state(as_documents(options.get(name) or []))
    rows = list(finalize(found, state(as_documents(documents)), given))
    if found.postprocess is not None:
        rows = list(found.postprocess(iter(rows), given))
    return rows


def corpus_tool_executable() -> str:
    """The installed ``corpus-tool`` beside the running interpreter, else on PATH."""
    beside = Path(sys.executable).parent / "corpus-tool"
    if beside.exists():
        return str(beside)
    found = shutil.which("corpus-tool")
    if found is None:
        raise FileNotFoundError("the corpus-tool command is not installed")
    return found


def run_cli(
    args: Sequence[str | os.PathLike[str]],
    *,
    input: str | bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 600,
    cwd: str | os.PathLike[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``corpus-tool`` with ``args``; stdout and stderr as text."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
    if isinstance(input, bytes):
        proc = subprocess.run(
            [corpus_tool_executable(), *map(str, args)],
            input=input,
            capture_output=True,
            env=full_env,
            timeout=timeout,
            cwd=cwd,
        )
        return subprocess.CompletedProcess(
            proc.args,
            proc.returncode,
            proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"),
        )
    return subprocess.run(
        [corpus_tool_executable(), *map(str, args)],
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=timeout,
        cwd=cwd,
    )
