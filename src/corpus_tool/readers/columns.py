"""Tables of documents (CSV, TSV, Parquet): which column is the text, which the id."""

from __future__ import annotations

import base64
import datetime
import decimal
import math
from collections.abc import Sequence
from typing import Any

from corpus_tool.reading import ReadOptions


class MissingColumn(Exception):
    """The file has no column of the name asked for (or the default)."""


def choose_columns(columns: Sequence[str], options: ReadOptions) -> tuple[str, str | None]:
    """(text column, id column or None for FILE:ROW); MissingColumn names what there is."""
    available = ", ".join(repr(c) for c in columns) or "none"
    text = options.text
    if text not in columns:
        hint = "" if options.text_column else "; choose one with --text-column"
        raise MissingColumn(f"no text column {text!r} (columns: {available}){hint}; file skipped")
    if options.id_column is not None:
        if options.id_column not in columns:
            raise MissingColumn(
                f"no id column {options.id_column!r} (columns: {available}); file skipped"
            )
        return text, options.id_column
    return text, "id" if "id" in columns and text != "id" else None


def jsonable(value: Any) -> Any:
    """A cell as a JSON value for meta: dates as ISO text, decimals as numbers."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return base64.b64encode(value).decode("ascii")
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return str(value)
