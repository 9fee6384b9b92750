"""Test plugin: faults that only a real run shows (a worker killed, a slow transform)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Iterator

from corpus_tool import Analyzer, Document, Transform, hookimpl


def die(doc: Document, *, marker: str = "DIE") -> Iterator[dict]:
    """Count characters; a worker process SIGKILLs itself on documents containing MARKER."""
    # Only in a worker: killing the main process would test nothing but the kill.
    if marker in doc.text and multiprocessing.parent_process() is not None:
        os.kill(os.getpid(), signal.SIGKILL)
    yield {"chars": len(doc.text)}


def same(doc: Document, *, delay: float = 0.0) -> Document:
    """Return the document unchanged, after sleeping DELAY seconds."""
    time.sleep(delay)
    return Document(doc.id, doc.text, dict(doc.meta))


@hookimpl
def register_tools() -> list:
    return [
        Analyzer(name="die", func=die, columns=("chars",), one_row=True),
        Transform(name="same", func=same),
    ]
