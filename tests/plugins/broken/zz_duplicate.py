"""Test plugin that claims a command name another plugin already has."""

from collections.abc import Iterator

from corpus_tool import Analyzer, Document, hookimpl


def again(doc: Document) -> Iterator[dict]:
    yield {"n": 1}


@hookimpl
def register_tools() -> list:
    return [Analyzer(name="chars", func=again), Analyzer(name="plugins", func=again)]
