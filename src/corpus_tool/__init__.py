"""corpus-tool: a plugin-driven command-line toolbox for text corpora.

The public API for plugin authors lives here: the ``hookimpl`` marker, the
``Document`` and the tool declarations; and, for plugins that run other tools
(as ``report`` does), the plugin registry, ``apply_tool`` and their errors.
"""

from importlib.metadata import PackageNotFoundError, version

from corpus_tool.document import Document
from corpus_tool.hookspecs import hookimpl
from corpus_tool.plugins import PluginConfig, Registry, load_plugins
from corpus_tool.readers import Problem
from corpus_tool.runner import DocumentTimeout, ToolError, apply_tool
from corpus_tool.tool import Analyzer, Options, Row, Tool, Transform
from corpus_tool.writers import write_atomically

try:
    __version__ = version("corpus-tool")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "Analyzer",
    "Document",
    "DocumentTimeout",
    "Options",
    "PluginConfig",
    "Problem",
    "Registry",
    "Row",
    "Tool",
    "ToolError",
    "Transform",
    "__version__",
    "apply_tool",
    "hookimpl",
    "load_plugins",
    "write_atomically",
]
