"""The plugin contract: the hooks a corpus-tool plugin may implement."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import typer

    from corpus_tool.reading import Reader
    from corpus_tool.tool import Tool

PROJECT = "corpus_tool"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_tools() -> list[Tool]:  # type: ignore[empty-body]
    """Return the tools this plugin provides.

    Each tool becomes a subcommand with the common options (paths, format, jobs,
    ...) plus one option per keyword-only parameter of its function.
    """


@hookspec
def register_commands(app: typer.Typer) -> None:
    """Add whole custom commands to the command line (the escape hatch).

    Use ``@app.command()`` as in any typer application.
    """


@hookspec
def register_readers() -> list[Reader]:  # type: ignore[empty-body]
    """Return the input formats this plugin reads.

    Each ``Reader`` names the file suffixes it takes and/or a ``sniff`` function
    of an input's first bytes, and turns an input into documents. The plugins'
    readers are tried before the built-in ones.
    """
