"""CSV and TSV: one document per row, streamed through the csv module.

A header row names the columns: the text column (``--text-column``, default
``text``) is the document, the id column (``--id-column``, default ``id`` when
there is one, else ``FILE:ROW``) its id, every other column goes into ``meta``.
Quoted fields may hold newlines. A row the csv module cannot parse (an
unterminated quote, a stray quote inside a field) or with the wrong number of
fields is reported with its row and line and skipped, and reading goes on at
the line after the row's first: a lost quote costs one row, not the rest of
the file.
"""

from __future__ import annotations

import collections
import csv
import io
import itertools
from collections.abc import Iterator

from corpus_tool.document import Document
from corpus_tool.readers.base import Item, Problem
from corpus_tool.readers.columns import MissingColumn, choose_columns
from corpus_tool.readers.encoding import UTF8_REPLACED, decode
from corpus_tool.reading import Reader, Source

# A field this long is runaway quoting, not a document (the csv default, 128 KB,
# is too small for long texts).
FIELD_LIMIT = 64 << 20


class _Rows:
    """csv rows, keeping the lines of the current row so that a bad one's can be read again.

    The lines pass through C code only (``itertools.tee`` keeps them, the csv
    reader counts them); Python runs once a row, not once a line.
    """

    def __init__(self, lines: Iterator[str], delimiter: str) -> None:
        self.delimiter = delimiter
        self.line = 1  # the number of the current row's first line
        self.stream = lines
        self.pending: collections.deque[str] = collections.deque()  # lines to read again
        self._start(lines)

    def _start(self, lines: Iterator[str]) -> None:
        self.ahead, self.behind = itertools.tee(lines)
        # strict: a quote closed before anything but a delimiter or the line's end is
        # an error, not silently glued to the field (how a lost quote shows itself).
        self.reader = csv.reader(self.ahead, delimiter=self.delimiter, strict=True)
        self.counted = 0  # the reader's line count when the current row began

    def next(self) -> list[str]:
        """The next row (StopIteration at the end, csv.Error for a bad one)."""
        done = self.reader.line_num - self.counted
        if done:  # forget the lines of the row before
            collections.deque(itertools.islice(self.behind, done), maxlen=0)
            self.line += done
            self.counted = self.reader.line_num
        return next(self.reader)

    @property
    def lines_taken(self) -> int:
        return self.reader.line_num - self.counted

    def again_after_first(self) -> None:
        """Read once more every line of the current row but its first."""
        taken = list(itertools.islice(self.behind, self.lines_taken))
        self.line += 1
        # Before any line still waiting from an earlier bad row; chained once, not
        # once per bad row, so a file of many bad rows stays linear.
        self.pending.extendleft(reversed(taken[1:]))
        self._start(itertools.chain(_drain(self.pending), self.stream))


def _drain(pending: collections.deque[str]) -> Iterator[str]:
    while pending:
        yield pending.popleft()


def stream_encoding(head: bytes) -> tuple[str, str]:
    """(encoding, errors) for a file read as a stream, judged by its first bytes.

    UTF-8 unless the head says otherwise: a spreadsheet's export in Windows-1252
    is read as such rather than lost at its first accented letter.
    """
    try:
        head.decode("utf-8")
        return "utf-8-sig", "strict"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut at the end of the head
            return "utf-8-sig", "strict"
    try:
        _, encoding = decode(head)
    except UnicodeError:
        return "utf-8", "strict"  # the reader meets the bad bytes and says where
    if encoding == UTF8_REPLACED:
        return "utf-8", "replace"
    return encoding, "strict"


def read_delimited(source: Source, delimiter: str) -> Iterator[Item]:
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    with source.open() as raw:
        encoding, errors = stream_encoding(source.head)
        stream = io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline="")
        rows = _Rows(iter(stream), delimiter)
        try:
            header = rows.next()
        except StopIteration:
            yield Problem(source.name, "empty: no header row")
            return
        except csv.Error as exc:
            yield Problem(source.name, f"unreadable header row ({exc}); file skipped")
            return
        try:
            text_column, id_column = choose_columns(header, source.options)
        except MissingColumn as exc:
            yield Problem(source.name, str(exc))
            return
        text_at = header.index(text_column)
        id_at = header.index(id_column) if id_column is not None else None
        others = [(i, name) for i, name in enumerate(header) if i not in (text_at, id_at)]
        number = 0
        while True:
            number += 1
            where = f"{source.name} row {number}"
            try:
                row = rows.next()
            except StopIteration:
                return
            except csv.Error as exc:
                yield Problem(where, f"{_explain(exc, rows.line)}; row skipped")
                rows.again_after_first()
                continue
            if len(row) != len(header):
                if not any(row):  # a blank line
                    number -= 1
                    continue
                yield Problem(
                    where,
                    f"{len(row)} fields where the header has {len(header)} "
                    f"(line {rows.line}); row skipped",
                )
                if rows.lines_taken > 1:  # it ran over lines that may be rows of their own
                    rows.again_after_first()
                continue
            doc_id = row[id_at] if id_at is not None else ""
            meta = {name: row[i] for i, name in others}
            yield Document(doc_id or f"{source.doc_id}:{number}", row[text_at], meta, origin=where)


def _explain(exc: csv.Error, line: int) -> str:
    message = str(exc)
    if "unexpected end of data" in message:
        return f"unterminated quote (line {line}; the file ends inside the quoted field)"
    if "expected after" in message:
        return f"unterminated or stray quote (line {line}; {message})"
    if "field larger than field limit" in message:
        return f"a field over 64 MB from line {line}: an unterminated quote?"
    return f"{message} (line {line})"


def _csv(source: Source) -> Iterator[Item]:
    return read_delimited(source, ",")


def _tsv(source: Source) -> Iterator[Item]:
    return read_delimited(source, "\t")


_HELP = "a row per document: --text-column, --id-column; other columns into meta"
CSV = Reader("csv", _csv, suffixes=(".csv",), help=_HELP)
TSV = Reader("tsv", _tsv, suffixes=(".tsv", ".tab"), help=_HELP)
