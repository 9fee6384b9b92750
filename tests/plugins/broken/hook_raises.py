"""Test plugin whose hook raises."""

from corpus_tool import hookimpl


@hookimpl
def register_tools() -> list:
    raise RuntimeError("cannot declare tools today")
