"""Helpers for testing corpus-tool plugins, the built-in ones and yours.

``run_tool`` calls a tool in-process exactly as the runner does (rows get
``doc`` first and are checked to be JSON scalars); ``run_cli`` runs the
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
from corpus_tool.tool import Analyzer, Row, Tool


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
    """
    if isinstance(tool, str):
        dirs = (str(plugins_dir),) if plugins_dir else ()
        tool = load_plugins(PluginConfig(plugins_dirs=dirs)).tool(tool)
    outputs = [apply_tool(tool, doc, options) for doc in as_documents(documents)]
    if not isinstance(tool, Analyzer):
        return outputs  # type: ignore[return-value]
    rows: list[Row] = [row for out in outputs for row in out]  # type: ignore[union-attr]
    if tool.postprocess is not None:
        rows = list(tool.postprocess(iter(rows), options))
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
    timeout: float = 120,
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
