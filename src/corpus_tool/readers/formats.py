"""Which reader reads an input, and reading it so that a failure costs only what it must.

A reader is chosen by the file's suffix (under any compression suffix), else by
its first bytes: the plugins' readers first, then the built-in ones, and plain
text when nothing claims it. Whatever a reader raises is reported as one line
naming the file and the last record read; the rest of the corpus is read.
"""

from __future__ import annotations

import gzip
import lzma
import zlib
from collections.abc import Iterator

from corpus_tool.document import Document
from corpus_tool.readers import delimited, html, jsonarray, jsonl, parquet, text, warc
from corpus_tool.readers.base import Item, Problem
from corpus_tool.readers.compression import SUFFIXES, MissingPackage
from corpus_tool.reading import Reader, ReadOptions, Source

BUILT_IN: tuple[Reader, ...] = (
    text.READER,
    jsonl.READER,
    jsonarray.READER,
    delimited.CSV,
    delimited.TSV,
    parquet.READER,
    html.READER,
    warc.READER,
)
PLAIN_TEXT = text.READER


def readers(options: ReadOptions) -> tuple[Reader, ...]:
    return (*options.readers, *BUILT_IN)


def default_patterns(options: ReadOptions) -> tuple[str, ...]:
    """The file patterns a directory is walked for: every known suffix, compressed or not."""
    suffixes = list(dict.fromkeys(s for reader in readers(options) for s in reader.suffixes))
    plain = [f"*{suffix}" for suffix in suffixes]
    return (*plain, *(f"{pattern}{c}" for pattern in plain for c in SUFFIXES))


def by_suffix(name: str, options: ReadOptions) -> Reader | None:
    lowered = name.lower()
    for reader in readers(options):
        if any(lowered.endswith(suffix) for suffix in reader.suffixes):
            return reader
    return None


def by_content(head: bytes, options: ReadOptions) -> Reader:
    for reader in readers(options):
        if reader.sniff is not None and reader.sniff(head):
            return reader
    return PLAIN_TEXT


def _describe(exc: BaseException) -> str:
    if isinstance(exc, MissingPackage):
        return str(exc)
    if isinstance(exc, EOFError):
        return "the compressed data ends early (a truncated file?)"
    if isinstance(exc, (gzip.BadGzipFile, zlib.error, lzma.LZMAError)) or (
        type(exc).__module__.startswith("zstandard")
    ):
        return f"corrupt compressed data ({exc})"
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text ({exc.reason} at byte {exc.start} of a block)"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read: {exc.strerror}"
    return f"{type(exc).__name__}: {exc}"


def read_source(reader: Reader, source: Source) -> Iterator[Item]:
    """The reader's items for one input; what it raises becomes one Problem, and reading goes on."""
    last = ""
    try:
        for item in reader.read(source):
            if isinstance(item, Document):
                last = item.origin or item.id
            elif not isinstance(item, Problem):
                raise TypeError(f"the {reader.name} reader yielded a {type(item).__name__}")
            yield item
    except Exception as exc:
        after = f" after {last}" if last else ""
        rest = "the rest of the file was not read" if last else "skipped"
        yield Problem(source.name, f"{_describe(exc)}{after}; {rest}")
