"""A JSON array of documents (what ``-f json`` writes): ``[{"id", "text", "meta"}, ...]``."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

from corpus_tool.readers import text
from corpus_tool.readers.base import Item, Problem
from corpus_tool.readers.compression import strip_suffix
from corpus_tool.readers.jsonl import record_document
from corpus_tool.reading import Reader, Source


def read_json_array(source: Source) -> Iterator[Item]:
    """Item N is named ``NAME item N`` in messages and gets the id ``DOC_ID:N`` if it has none.

    Input chosen by its first byte alone (``[``, standard input) that is not an array of
    objects is text in brackets, read as plain text.
    """
    with source.open() as stream:
        data = stream.read()
    name = source.path.name.lower() if source.path else ""
    named_json = strip_suffix(name).endswith(".json")
    try:
        records = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        if named_json:
            yield Problem(source.name, f"broken JSON ({exc}), skipped")
        else:
            yield from _as_text(source, data)
        return
    if not isinstance(records, list):
        records = [records]
    elif not named_json and not all(isinstance(record, dict) for record in records):
        yield from _as_text(source, data)
        return
    for number, record in enumerate(records, 1):
        where = f"{source.name} item {number}"
        yield record_document(record, where, f"{source.doc_id}:{number}", "item")


def _as_text(source: Source, data: bytes) -> Iterator[Item]:
    replay = Source(
        source.name,
        source.doc_id,
        source.path,
        source.head,
        source.options,
        lambda: io.BytesIO(data),
    )
    yield from text.read_text(replay)


def looks_like_array(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[")


READER = Reader(
    "json",
    read_json_array,
    suffixes=(".json",),
    sniff=looks_like_array,
    help='a JSON array of documents, as -f json writes: [{"id", "text", "meta"}, ...]',
)
