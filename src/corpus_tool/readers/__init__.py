"""Reading a corpus: files, directories, globs and standard input, in every format.

Readers yield ``Document`` objects and, for anything that could not be read,
``Problem`` records; the caller reports problems and goes on, so one bad file
(or one bad record) never costs the rest of the corpus. One module per format:
``text`` (.txt, .md), ``jsonl``, ``jsonarray`` (.json), ``delimited`` (CSV, TSV),
``parquet``, ``html``, ``warc``; ``compression`` opens any of them gzip'd, bzip2'd, xz'd or zstd'd;
``formats`` chooses a reader (plugins' readers first); ``inputs`` walks the paths.
"""

from corpus_tool.readers.base import InputError, Item, Problem
from corpus_tool.readers.encoding import UTF8_REPLACED, decode
from corpus_tool.readers.ids import SeenIds, unique_ids
from corpus_tool.readers.inputs import (
    DEFAULT_PATTERNS,
    list_documents,
    matches,
    read_file,
    read_paths,
    read_stdin,
)
from corpus_tool.readers.jsonl import read_jsonl_stream

__all__ = [
    "DEFAULT_PATTERNS",
    "UTF8_REPLACED",
    "InputError",
    "Item",
    "Problem",
    "SeenIds",
    "decode",
    "list_documents",
    "matches",
    "read_file",
    "read_jsonl_stream",
    "read_paths",
    "read_stdin",
    "unique_ids",
]
