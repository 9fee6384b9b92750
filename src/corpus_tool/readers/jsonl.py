"""JSON Lines: one document per line, ``{"id": ..., "text": ..., "meta": {...}}``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from corpus_tool.document import Document
from corpus_tool.readers.base import Item, Problem
from corpus_tool.reading import Reader, Source


def parse_line(line: bytes | str, where: str, default_id: str) -> Item:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Problem(where, f"broken JSON ({exc}), line skipped")
    return record_document(record, where, default_id, "line")


def record_document(record: object, where: str, default_id: str, unit: str) -> Item:
    """A JSON record as a document, or the Problem that skips it (``unit``: line, item)."""
    if not isinstance(record, dict):
        return Problem(where, f"a JSON {type(record).__name__}, not an object; {unit} skipped")
    text = record.get("text")
    if not isinstance(text, str):
        if "text" not in record:
            what = "no 'text' field"
        else:
            what = (
                "'text' is null"
                if text is None
                else f"'text' is not a string but {type(text).__name__}"
            )
        return Problem(where, f"{what}; {unit} skipped")
    doc_id = record.get("id")
    doc_id = default_id if doc_id is None or doc_id == "" else str(doc_id)
    meta = record.get("meta")
    meta = dict(meta) if isinstance(meta, dict) else {}
    # Other top-level fields (date, title, lang...) are metadata too.
    for key, value in record.items():
        if key not in {"id", "text", "meta"}:
            meta.setdefault(key, value)
    return Document(doc_id, text, meta, origin=where)


def read_jsonl_stream(lines: Iterable[bytes | str], name: str, id_prefix: str) -> Iterator[Item]:
    """Documents from JSON Lines; blank lines are ignored, bad lines become Problems."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        yield parse_line(line, f"{name}:{number}", f"{id_prefix}{number}")


def read_jsonl(source: Source) -> Iterator[Item]:
    with source.open() as stream:
        yield from read_jsonl_stream(stream, source.name, f"{source.doc_id}:")


def looks_like_jsonl(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


READER = Reader(
    "jsonl",
    read_jsonl,
    suffixes=(".jsonl", ".ndjson"),
    sniff=looks_like_jsonl,
    help='one document per line: {"id", "text", "meta"}; other fields into meta',
)
