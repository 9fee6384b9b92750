"""Running a tool over documents: in-process or in worker processes, in input order."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from corpus_tool.document import Document
from corpus_tool.tool import Analyzer, Options, Row, Tool, Transform

_SCALARS = (str, int, float, bool, type(None))


class ToolError(Exception):
    """A tool broke its contract (bad row, wrong return type)."""


def _check_row(tool: Tool, row: Any) -> Row:
    if not isinstance(row, dict):
        raise ToolError(f"tool {tool.name!r} yielded {type(row).__name__}, not a dict")
    for key, value in row.items():
        if not isinstance(value, _SCALARS) or (isinstance(value, float) and not math.isfinite(value)):
            raise ToolError(
                f"tool {tool.name!r} yielded a value that cannot be serialised: "
                f"{key}={value!r} ({type(value).__name__})"
            )
    return row


def apply_tool(tool: Tool, doc: Document, options: Options) -> list[Row] | Document:
    """Call the tool on one document and check what it returned.

    An analyzer's rows come back with ``doc`` first; a transform's document keeps
    the input's id unless it set another.
    """
    result = tool.func(doc, **options)
    if isinstance(tool, Transform):
        if not isinstance(result, Document):
            raise ToolError(f"tool {tool.name!r} returned {type(result).__name__}, not a Document")
        return result
    assert isinstance(tool, Analyzer)
    rows: list[Row] = []
    for row in result or ():
        _check_row(tool, row)
        rows.append({"doc": doc.id, **{k: v for k, v in row.items() if k != "doc"}})
    return rows


def _iterate(docs: Iterable[Document]) -> Iterable[Document]:
    return docs
