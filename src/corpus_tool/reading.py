"""What a reader is: the declaration of an input format, and the input handed to it.

Kept apart from ``corpus_tool.readers`` (the readers themselves) so that a plugin
can declare a format without loading any reading machinery: listing the commands
(every ``--help``) stays light.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from corpus_tool.document import Document
    from corpus_tool.readers import Problem

# Where every reader puts a document's date, and where the dates tool looks for
# its anchor: the JSON Lines ``date`` field, an HTML page's date, a WARC record's
# WARC-Date, or the date ``--anchor-from`` chose.
DATE_FIELD = "date"


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: the common reading options of every tool command."""

    text_column: str | None = None  # CSV/TSV/Parquet: None means a column named "text"
    id_column: str | None = None  # None means a column named "id" if any, else FILE:ROW
    anchor_from: str | None = None  # "meta:FIELD", "name" or "mtime": sets meta.date
    readers: tuple[Reader, ...] = ()  # the plugins' readers, tried before the built-in ones

    @property
    def text(self) -> str:
        return self.text_column or "text"


@dataclass
class Source:
    """One input handed to a reader: a file, or standard input.

    ``open()`` gives its bytes, already decompressed (``.gz``, ``.bz2``, ``.xz``,
    ``.zst``), as a stream read from the start; call it once. ``head`` is its first
    few kilobytes, decompressed, as sniffing saw them.
    """

    name: str  # the path as found, or "<stdin>": named in every message about it
    doc_id: str  # the id of a one-document input; records are f"{doc_id}:{number}"
    path: Path | None  # None for standard input
    head: bytes
    options: ReadOptions
    opener: Callable[[], BinaryIO] = field(repr=False)
    compression: str | None = None  # "gzip", "bz2", "xz", "zstd" or None

    def open(self) -> BinaryIO:
        return self.opener()


@dataclass(frozen=True)
class Reader:
    """An input format: which inputs it takes, and how they become documents.

    ``read(source)`` yields ``Document``s, and ``Problem``s for records it cannot
    read (``where`` naming the file and the record: ``f"{source.name} row 7"``); an
    exception it raises is reported as an error naming the file and the last document
    read, and the rest of the corpus is still read. ``suffixes`` (lower case, with
    the dot: ``".csv"``) choose it by file name, also under a compression suffix
    (``x.csv.gz``); ``sniff(head)`` chooses it by content when the name says
    nothing (standard input, ``x.gz``). ``one_document``: each input is one document
    with the input's id, so a count made ahead of the run (the progress bar's total,
    ``--resume``'s tally) need not open it.
    """

    name: str
    read: Callable[[Source], Iterable[Document | Problem]]
    suffixes: tuple[str, ...] = ()
    sniff: Callable[[bytes], bool] | None = None
    help: str = ""
    one_document: bool = False
