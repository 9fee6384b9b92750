"""corpus-tool: a plugin-driven command-line toolbox for text corpora.

The public API for plugin authors lives here: the ``hookimpl`` marker, the
``Document`` and the tool declarations.
"""

from importlib.metadata import PackageNotFoundError, version

from corpus_tool.document import Document
from corpus_tool.hookspecs import hookimpl
from corpus_tool.tool import Analyzer, Options, Row, Tool, Transform

try:
    __version__ = version("corpus-tool")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0+unknown"

__all__ = ["Analyzer", "Document", "Options", "Row", "Tool", "Transform", "__version__", "hookimpl"]
