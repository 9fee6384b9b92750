"""One pass over one document: clean it, then run every installed analyzer on the result.

Runs in the worker processes.  Each analyzer's rows are stored under
``meta[<tool>]`` exactly as ``--annotate`` stores them, and a few figures per
tool (its ``summarize``) under ``meta["report"]``, so the main process can draw
the overview without running anything again.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from typing import Any

from corpus_tool import (
    Analyzer,
    Document,
    DocumentTimeout,
    Options,
    Registry,
    Row,
    Transform,
    apply_tool,
    load_plugins,
)

REPORT = "report"
CLEAN = "clean"
ERRORS = "errors"
_SCALARS = (str, int, float, bool, type(None))


@functools.cache
def registry() -> Registry:
    """The plugins, loaded once per process; the command line exported its
    --plugins-dir/--disable-plugin to the environment, so workers see the same set."""
    return load_plugins()


def analyzers(skip: Iterable[str] = ()) -> list[Analyzer]:
    skipped = set(skip)
    return [
        tool
        for tool in registry().tools.values()
        if isinstance(tool, Analyzer) and tool.name not in skipped
    ]


def cleaner() -> Transform | None:
    tool = registry().tools.get(CLEAN)
    return tool if isinstance(tool, Transform) else None


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def summarize(tool: Analyzer, rows: list[Row]) -> Row:
    """The tool's own figures for one document; by default its row count."""
    summary = tool.summarize(rows) if tool.summarize else {tool.name: len(rows)}
    if not isinstance(summary, dict):
        raise TypeError(f"summarize returned {type(summary).__name__}, not a dict")
    for key, value in summary.items():
        infinite = isinstance(value, float) and not math.isfinite(value)
        if not isinstance(value, _SCALARS) or infinite:
            raise TypeError(f"summarize returned {key}={value!r}, not a JSON scalar")
    return summary


def clean_summary(record: Any) -> Row:
    """The figures of the clean transform's ``meta["clean"]`` record."""
    if not isinstance(record, dict):
        return {}
    repairs = record.get("repairs")
    removed = record.get("removed")
    return {
        "garble_before": record.get("garble_before"),
        "garble_after": record.get("garble_after"),
        "repairs": sum(repairs.values()) if isinstance(repairs, dict) else None,
        "removed": len(removed) if isinstance(removed, list) else None,
    }


def report_document(
    doc: Document,
    *,
    clean: bool = True,
    skip: Iterable[str] = (),
    options: dict[str, Options] | None = None,
) -> Document:
    """The document, cleaned, with every analyzer's rows and a summary in its meta.

    ``options`` gives a tool its own options by name (``report --with``); the
    others run with their defaults.

    A tool that fails costs only its own results: the error is recorded under
    ``meta["report"]["errors"]`` and the other tools still run.  A ``--timeout``
    is for the whole document, so it is not caught here.
    """
    summary: dict[str, Any] = {}
    errors: dict[str, str] = {}
    given = options or {}
    transform = cleaner() if clean else None
    if transform is not None and transform.name not in set(skip):
        try:
            cleaned = apply_tool(transform, doc, given.get(transform.name, {}))
        except DocumentTimeout:
            raise
        except Exception as exc:
            errors[transform.name] = _describe(exc)
        else:
            assert isinstance(cleaned, Document)
            doc = cleaned
            summary[transform.name] = clean_summary(doc.meta.get(transform.name))
    meta = dict(doc.meta)
    for tool in analyzers(skip):
        try:
            rows = apply_tool(tool, doc, given.get(tool.name, {}))
            assert isinstance(rows, list)
            meta[tool.name] = tool.annotation(rows)
            summary[tool.name] = summarize(tool, rows)
        except DocumentTimeout:
            raise
        except Exception as exc:
            errors[tool.name] = _describe(exc)
    if errors:
        summary[ERRORS] = errors
    meta[REPORT] = summary
    return Document(doc.id, doc.text, meta)
