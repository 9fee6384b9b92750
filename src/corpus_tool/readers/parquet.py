"""Parquet (pyarrow, ``pip install 'corpus-tool[parquet]'``): one document per row.

The same columns as CSV: ``--text-column``, ``--id-column``, the rest into ``meta``
(dates as ISO text). Read in record batches, so memory holds one batch at a time.
"""

from __future__ import annotations

from collections.abc import Iterator

from corpus_tool.document import Document
from corpus_tool.readers.base import Item, Problem
from corpus_tool.readers.columns import MissingColumn, choose_columns, jsonable
from corpus_tool.readers.compression import MissingPackage
from corpus_tool.reading import Reader, Source

BATCH_ROWS = 1024


def read_parquet(source: Source) -> Iterator[Item]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingPackage(
            "reading Parquet needs pyarrow: pip install 'corpus-tool[parquet]'"
        ) from None
    if source.path is not None and source.compression is None:
        parquet = pq.ParquetFile(source.path)
    else:
        # Parquet is read from its end: a pipe or a compressed file is read whole first.
        import pyarrow as pa

        with source.open() as stream:
            parquet = pq.ParquetFile(pa.BufferReader(stream.read()))
    columns = parquet.schema_arrow.names
    try:
        text_column, id_column = choose_columns(columns, source.options)
    except MissingColumn as exc:
        yield Problem(source.name, str(exc))
        return
    number = 0
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
        for record in batch.to_pylist():
            number += 1
            where = f"{source.name} row {number}"
            text = record.pop(text_column)
            if not isinstance(text, str):
                what = "empty (null)" if text is None else f"a {type(text).__name__}, not text"
                yield Problem(where, f"the text column {text_column!r} is {what}; row skipped")
                continue
            doc_id = record.pop(id_column, None) if id_column is not None else None
            meta = {key: jsonable(value) for key, value in record.items()}
            doc_id = f"{source.doc_id}:{number}" if doc_id in (None, "") else str(doc_id)
            yield Document(doc_id, text, meta, origin=where)


def looks_like_parquet(head: bytes) -> bool:
    return head.startswith(b"PAR1")


READER = Reader(
    "parquet",
    read_parquet,
    suffixes=(".parquet", ".pq"),
    sniff=looks_like_parquet,
    help="a row per document, as CSV (needs the parquet extra)",
)
