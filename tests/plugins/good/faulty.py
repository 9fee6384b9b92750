"""Test plugin: tools that misbehave on purpose, and a simple transform."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

from corpus_tool import Analyzer, Document, Transform, hookimpl


def chars(doc: Document, *, fail_on: str = "BOOM", hang_on: str = "HANG") -> Iterator[dict]:
    """Count characters; raise on documents containing FAIL_ON, hang on HANG_ON."""
    if fail_on and fail_on in doc.text:
        raise ValueError(f"found {fail_on}")
    if hang_on and hang_on in doc.text:
        # Tells a test the run has got this far (signal handlers set up), whatever the load.
        if os.environ.get("FAULTY_HANGING_FILE"):
            open(os.environ["FAULTY_HANGING_FILE"], "w").close()
        time.sleep(3600)
    yield {"chars": len(doc.text), "first": doc.text[:10]}


def unserialisable(doc: Document) -> Iterator[dict]:
    """Yield a value JSON cannot hold."""
    yield {"words": set(doc.text.split())}


def shout(doc: Document, *, marker: str = "") -> Document:
    """Upper-case the text."""
    upper = doc.text.upper() + marker
    return Document(doc.id, upper, {**doc.meta, "shout": {"changed": upper != doc.text}})


@hookimpl
def register_tools() -> list:
    return [
        Analyzer(name="chars", func=chars, columns=("chars", "first"), one_row=True),
        Analyzer(name="unserialisable", func=unserialisable, columns=("words",)),
        Transform(name="shout", func=shout),
    ]
