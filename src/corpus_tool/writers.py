"""Output writers: rows and documents as tables, JSON Lines, JSON, CSV, TSV or text.

Streaming writers (jsonl, csv, tsv, text) write as results arrive, so memory stays
flat; only the table and json writers hold what they print.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, TextIO

from corpus_tool.document import Document
from corpus_tool.tool import Row

if TYPE_CHECKING:
    import csv


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    text = "text"  # documents only: the plain text


class RowFormat(str, Enum):
    """The formats of rows alone (``corpus-tool plugins``): all but text."""

    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    tsv = "tsv"


# One encoder for the run: json.dumps with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> str:
    return _ENCODER.encode(value)


class Writer:
    """Receives items one at a time; ``close`` finishes the output."""

    def write(self, item: Any) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class JsonLinesWriter(Writer):
    def __init__(self, stream: TextIO, encode: Callable[[Any], Any] = lambda x: x) -> None:
        self.stream, self.encode = stream, encode

    def write(self, item: Any) -> None:
        self.stream.write(dumps(self.encode(item)) + "\n")


class JsonWriter(Writer):
    def __init__(self, stream: TextIO, encode: Callable[[Any], Any] = lambda x: x) -> None:
        self.stream, self.encode, self.items = stream, encode, []  # type: ignore[var-annotated]

    def write(self, item: Any) -> None:
        self.items.append(self.encode(item))

    def close(self) -> None:
        json.dump(self.items, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


class DelimitedWriter(Writer):
    """CSV or TSV with a header made from the first row's keys.

    They come in the tool's declared order (``doc`` first), so a column the
    options left out (``--metric``) is not an empty column; undeclared keys,
    e.g. of a ``--by`` summary, follow in their own order.
    """

    def __init__(self, stream: TextIO, columns: Iterable[str], delimiter: str = ",") -> None:
        self.stream, self.declared, self.delimiter = stream, list(columns), delimiter
        self.writer: csv.DictWriter[str] | None = None
        self.quoting_writer: csv.DictWriter[str] | None = None

    def write(self, item: Row) -> None:
        if self.writer is None:
            import csv  # here: declaring --format (every --help) needs only Format

            order = {name: i for i, name in enumerate(["doc", *self.declared])}
            fields = sorted(item, key=lambda key: order.get(key, len(order)))
            self.writer, self.quoting_writer = (
                csv.DictWriter(
                    self.stream,
                    fieldnames=fields,
                    delimiter=self.delimiter,
                    extrasaction="ignore",
                    lineterminator="\n",
                    quoting=quoting,
                )
                for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL)
            )
            # With "\n" as line end the csv module leaves a lone "\r" unquoted, and
            # every reader takes it for a line break: such rows are quoted in full.
            self._pick(fields).writeheader()
        cells = {k: _cell(v) for k, v in item.items()}
        self._pick(v for v in cells.values() if isinstance(v, str)).writerow(cells)

    def _pick(self, texts: Iterable[str]) -> csv.DictWriter[str]:
        assert self.writer is not None and self.quoting_writer is not None
        return self.quoting_writer if any("\r" in t for t in texts) else self.writer


class TextWriter(Writer):
    """Documents as plain text, one after another, each ending in a newline."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, item: Document) -> None:
        self.stream.write(item.text if item.text.endswith("\n") else item.text + "\n")


class CollectingWriter(Writer):
    """Holds every item and hands them to ``finish`` at the end (tables)."""

    def __init__(self, finish: Callable[[list[Any]], None]) -> None:
        self.items: list[Any] = []
        self.finish = finish

    def write(self, item: Any) -> None:
        self.items.append(item)

    def close(self) -> None:
        self.finish(self.items)


class UnsafeIdError(ValueError):
    """A document id that would write outside the output directory."""


def safe_relative_path(doc_id: str, suffix: str) -> PurePosixPath:
    """The file for a document under an output directory; refuses ids that escape it."""
    if "\x00" in doc_id or "\\" in doc_id:
        raise UnsafeIdError(f"document id {doc_id!r} has a NUL or backslash")
    path = PurePosixPath(doc_id)
    if path.is_absolute() or not path.parts or any(p in ("..", ".", "") for p in path.parts):
        raise UnsafeIdError(f"document id {doc_id!r} would write outside the output directory")
    if str(path) != doc_id:  # "x/", "a/./b", "//x": another id's file, or a surprise
        raise UnsafeIdError(f"document id {doc_id!r} is not a plain relative path")
    return path.with_name(path.name + suffix)


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file and a rename, so no half-written file is ever seen."""
    import secrets

    path.parent.mkdir(parents=True, exist_ok=True)
    # Named before it exists and created inside the try: a signal (Ctrl-C, SIGTERM)
    # at any moment after creation still removes it. ("x": never an existing file.)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.part")
    try:
        with open(temporary, "x", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def output_suffix(doc: Document, fmt: Format) -> str:
    if fmt is Format.jsonl:
        return ".jsonl"
    source = doc.meta.get("source")
    suffix = Path(source).suffix if isinstance(source, str) else ""
    return suffix if suffix in (".txt", ".md") else ".txt"


class DirectoryWriter(Writer):
    """One file per document under ``root``, named by its id, each written atomically."""

    def __init__(self, root: Path, fmt: Format, on_error: Callable[[str], None]) -> None:
        self.root, self.fmt, self.on_error = root, fmt, on_error

    def target(self, doc: Document) -> Path:
        return self.root / safe_relative_path(doc.id, output_suffix(doc, self.fmt))

    def write(self, item: Document) -> None:
        try:
            path = self.target(item)
        except UnsafeIdError as exc:
            self.on_error(str(exc))
            return
        text = dumps(item.to_json()) + "\n" if self.fmt is Format.jsonl else item.text
        try:
            write_atomically(path, text)
        except OSError as exc:  # a name too long, a directory in the way, a full disk
            self.on_error(f"cannot write document {item.id!r} to {path}: {exc.strerror or exc}")


def summary_cells(record: Any) -> Row:
    """A transform's ``meta[<tool>]`` as table cells: scalars as they are, a dict of
    scalars as one ``key value, ...`` cell, lists left out (they stay in the JSON)."""
    cells: Row = {}
    if not isinstance(record, dict):
        return cells
    for key, value in record.items():
        if isinstance(value, dict):
            cells[key] = ", ".join(f"{k} {v}" for k, v in value.items() if v not in (0, None))
        elif not isinstance(value, list):
            cells[key] = value
    return cells
