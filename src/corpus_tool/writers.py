"""Output writers: rows and documents as tables, JSON Lines, JSON, CSV, TSV, text or Parquet.

Streaming writers (jsonl, csv, tsv, text) write as results arrive, so memory stays
flat; only the table and json writers hold what they print.  ``--out FILE`` is
written under a temporary name and renamed when complete, compressed by its suffix.
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
    parquet = "parquet"  # into a file (--out) only


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


# --- --out FILE -------------------------------------------------------------------

# Text written to FILE.gz, FILE.bz2 or FILE.xz is compressed, by the standard library.
COMPRESSED = (".gz", ".bz2", ".xz")
_BY_SUFFIX = {
    ".jsonl": Format.jsonl,
    ".ndjson": Format.jsonl,
    ".json": Format.json,
    ".csv": Format.csv,
    ".tsv": Format.tsv,
    ".txt": Format.text,
    ".parquet": Format.parquet,
}


def compression(path: Path) -> str | None:
    """The compression ``path``'s suffix asks for (``.gz``, ``.bz2``, ``.xz``), or None."""
    suffix = path.suffix.lower()
    return suffix if suffix in COMPRESSED else None


def format_for(path: Path) -> Format | None:
    """The format a file name asks for (``rows.csv.gz``: csv), or None."""
    name = path.with_suffix("") if compression(path) else path
    return _BY_SUFFIX.get(name.suffix.lower())


class OutputFile:
    """``--out FILE``: written under a temporary name beside it and renamed when
    complete, so FILE is never seen half-written; compressed by its suffix."""

    def __init__(self, path: Path) -> None:
        import secrets

        self.path = path
        self.temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.part")
        self.stream: TextIO | None = None

    def open_text(self) -> TextIO:
        """The text stream to write to (its compression by FILE's suffix)."""
        import bz2
        import gzip
        import lzma

        openers = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
        kind = compression(self.path)
        if kind is None:
            self.stream = open(self.temporary, "x", encoding="utf-8")  # noqa: SIM115
        else:
            self.stream = openers[kind](self.temporary, "xt", encoding="utf-8")  # type: ignore[assignment]
        assert self.stream is not None
        return self.stream

    def commit(self) -> None:
        """FILE, complete: the temporary file takes its name."""
        if self.stream is not None:
            self.stream.close()
        os.replace(self.temporary, self.path)

    def discard(self) -> None:
        """An interrupted or failed run leaves no file behind."""
        try:
            if self.stream is not None:
                self.stream.close()
        finally:
            self.temporary.unlink(missing_ok=True)


# --- Parquet ----------------------------------------------------------------------

PARQUET_HINT = "-f parquet needs pyarrow: pip install 'corpus-tool[parquet]'"
_BATCH_ROWS = 10_000
_BATCH_BYTES = 32 << 20


def parquet_unavailable() -> str | None:
    """Why Parquet cannot be written (a usage error to print), or None."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return PARQUET_HINT
    return None


def _kind(value: Any) -> str | None:
    """The JSON kind of a value, as a column type is chosen from them."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int" if -(2**63) <= value < 2**63 else "str"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return "json"  # a list or an object in a document's metadata


class ParquetWriter(Writer):
    """Rows, or documents (``id``, ``text``, a column per ``meta`` field), as Parquet.

    Column types come from every value of the column, not the first batch's: the
    rows go to a temporary JSON Lines spill as they arrive, then into the file in
    record batches, so memory holds one batch.  A column of booleans is bool, of
    integers int64, of numbers float64, of text string; one of mixed kinds, or of
    lists and objects (metadata), is string with the others as JSON; one with no
    value at all is string.
    """

    def __init__(self, path: Path, columns: Iterable[str], documents: bool = False) -> None:
        import tempfile

        self.path, self.documents = path, documents
        first = ["id", "text"] if documents else ["doc", *columns]
        self.kinds: dict[str, set[str]] = {name: set() for name in first}
        self.spill = tempfile.TemporaryFile("w+", encoding="utf-8", dir=path.parent)  # noqa: SIM115

    def write(self, item: Any) -> None:
        record = self._record(item) if self.documents else item
        for key, value in record.items():
            kind = _kind(value)
            kinds = self.kinds.setdefault(key, set())
            if kind is not None:
                kinds.add(kind)
        self.spill.write(dumps(record) + "\n")

    def _record(self, doc: Document) -> Row:
        record: Row = {"id": doc.id, "text": doc.text}
        for key, value in doc.meta.items():
            record[f"meta.{key}" if key in ("id", "text") else key] = value
        return record

    def close(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {name: self._type(pa, kinds) for name, kinds in self.kinds.items()}
        schema = pa.schema(list(types.items()))
        self.spill.seek(0)
        with pq.ParquetWriter(self.path, schema) as out:
            batch: list[Row] = []
            size = 0
            for line in self.spill:
                batch.append(json.loads(line))
                size += len(line)
                if len(batch) >= _BATCH_ROWS or size >= _BATCH_BYTES:
                    out.write_batch(self._batch(pa, schema, batch))
                    batch, size = [], 0
            if batch:
                out.write_batch(self._batch(pa, schema, batch))
        self.spill.close()

    @staticmethod
    def _type(pa: Any, kinds: set[str]) -> Any:
        if kinds == {"bool"}:
            return pa.bool_()
        if kinds == {"int"}:
            return pa.int64()
        if kinds and kinds <= {"int", "float"}:
            return pa.float64()
        return pa.string()

    def _batch(self, pa: Any, schema: Any, rows: list[Row]) -> Any:
        arrays = []
        for field in schema:
            values = [row.get(field.name) for row in rows]
            if pa.types.is_string(field.type):
                values = [v if v is None or isinstance(v, str) else dumps(v) for v in values]
            arrays.append(pa.array(values, type=field.type))
        return pa.RecordBatch.from_arrays(arrays, schema=schema)
