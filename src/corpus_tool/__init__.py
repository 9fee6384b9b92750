"""corpus-tool: a plugin-driven command-line toolbox for text corpora.

The public API for plugin authors lives here: the ``hookimpl`` marker, the
``Document`` and the tool declarations (``Analyzer``, ``Transform``,
``Aggregator``); the input formats a plugin may add (``Reader``, ``Source``);
the shared tokenizer (``tokens``, ``words``, ``sentences``, ``stop_words``);
and, for plugins that run other tools (as ``report`` does), the plugin registry,
``apply_tool`` and their errors.

For users in Python: ``run`` (any tool's rows as dicts, as the command writes
them), ``to_pandas`` and ``to_polars`` (the same as a DataFrame).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from corpus_tool.document import Document
from corpus_tool.hookspecs import hookimpl
from corpus_tool.reading import DATE_FIELD, Reader, ReadOptions, Source
from corpus_tool.tool import (
    Aggregator,
    Analyzer,
    Options,
    Row,
    Tool,
    ToolDeclarationError,
    Transform,
)

if TYPE_CHECKING:
    from corpus_tool.aggregation import aggregate
    from corpus_tool.api import CorpusToolWarning, DocumentError, run, to_pandas, to_polars
    from corpus_tool.plugins import PluginConfig, Registry, load_plugins
    from corpus_tool.readers import Problem
    from corpus_tool.runner import DocumentTimeout, ToolError, apply_tool
    from corpus_tool.tables import FittedTable, elide_middle
    from corpus_tool.tokenizer import Token, sentences, stop_words, tokens, words
    from corpus_tool.toolargs import parse_tool_args
    from corpus_tool.writers import write_atomically

# What a plugin needs to declare its tools is imported above; the rest loads on
# first use, so that listing the commands (every --help) does not load the readers,
# the runner and the writers.
_LAZY = {
    "run": "corpus_tool.api",
    "to_pandas": "corpus_tool.api",
    "to_polars": "corpus_tool.api",
    "DocumentError": "corpus_tool.api",
    "CorpusToolWarning": "corpus_tool.api",
    "aggregate": "corpus_tool.aggregation",
    "Token": "corpus_tool.tokenizer",
    "sentences": "corpus_tool.tokenizer",
    "stop_words": "corpus_tool.tokenizer",
    "tokens": "corpus_tool.tokenizer",
    "words": "corpus_tool.tokenizer",
    "PluginConfig": "corpus_tool.plugins",
    "Registry": "corpus_tool.plugins",
    "load_plugins": "corpus_tool.plugins",
    "Problem": "corpus_tool.readers",
    "DocumentTimeout": "corpus_tool.runner",
    "ToolError": "corpus_tool.runner",
    "apply_tool": "corpus_tool.runner",
    "write_atomically": "corpus_tool.writers",
    "FittedTable": "corpus_tool.tables",
    "elide_middle": "corpus_tool.tables",
    "parse_tool_args": "corpus_tool.toolargs",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("corpus-tool")
        except PackageNotFoundError:  # running from a source tree
            return "0+unknown"
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DATE_FIELD",
    "Aggregator",
    "Analyzer",
    "CorpusToolWarning",
    "Document",
    "DocumentError",
    "DocumentTimeout",
    "FittedTable",
    "Options",
    "PluginConfig",
    "Problem",
    "ReadOptions",
    "Reader",
    "Registry",
    "Row",
    "Source",
    "Token",
    "Tool",
    "ToolDeclarationError",
    "ToolError",
    "Transform",
    "__version__",
    "aggregate",
    "apply_tool",
    "elide_middle",
    "hookimpl",
    "load_plugins",
    "parse_tool_args",
    "run",
    "sentences",
    "stop_words",
    "to_pandas",
    "to_polars",
    "tokens",
    "words",
    "write_atomically",
]
