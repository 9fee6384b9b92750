"""Plain text (.txt, .md): one file, one document, in whatever encoding it is."""

from __future__ import annotations

from collections.abc import Iterator

from corpus_tool.document import Document
from corpus_tool.readers.base import Item, Problem
from corpus_tool.readers.encoding import REPLACED_WARNING, UTF8_REPLACED, decode
from corpus_tool.reading import Reader, Source


def read_text(source: Source) -> Iterator[Item]:
    with source.open() as stream:
        data = stream.read()
    try:
        text, encoding = decode(data)
    except UnicodeError as exc:
        yield Problem(source.name, str(exc))
        return
    if encoding == UTF8_REPLACED:
        yield Problem(source.name, REPLACED_WARNING, skipped=False)
    meta: dict[str, object] = {"source": source.name}
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        meta["encoding"] = encoding
    yield Document(source.doc_id, text, meta, origin=source.name)


READER = Reader(
    "text", read_text, suffixes=(".txt", ".md"), help="one document per file", one_document=True
)
