"""HTML pages (trafilatura, ``pip install 'corpus-tool[html]'``): the main text of each page.

trafilatura finds the article among the navigation, adverts and footers, and
the page's title, author and date (into ``meta``). A page with no main text (a
site index, a page of links) is reported, not read as an empty document.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

from corpus_tool.document import Document
from corpus_tool.readers.base import Item, Problem
from corpus_tool.readers.compression import MissingPackage
from corpus_tool.reading import DATE_FIELD, Reader, Source

NO_TEXT = "no main text (a page of navigation or links only?); skipped"
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_LINE_BREAKS = re.compile(r"\n+")


def extract(data: bytes | str, url: str | None = None) -> tuple[str, dict[str, Any]] | None:
    """The main text of a page and its title, author and date; None when it has none."""
    try:
        import trafilatura
    except ImportError:
        raise MissingPackage(
            "reading HTML needs trafilatura: pip install 'corpus-tool[html]'"
        ) from None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml's notices about trafilatura's own code
        found = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, favor_precision=True, include_comments=False
        )
    text = (found.text or "").strip() if found is not None else ""
    if not text:
        return None
    meta = {
        key: value
        for key in ("title", "author", DATE_FIELD)
        if isinstance(value := getattr(found, key, None), str) and value
    }
    # One element a line, as trafilatura gives them: paragraphs, as the tools expect.
    return _LINE_BREAKS.sub("\n\n", text), meta


def read_html(source: Source) -> Iterator[Item]:
    with source.open() as stream:
        data = stream.read()
    found = extract(data)
    if found is None:
        yield Problem(source.name, NO_TEXT)
        return
    text, meta = found
    yield Document(source.doc_id, text, {"source": source.name, **meta}, origin=source.name)


def looks_like_html(head: bytes) -> bool:
    return bool(_HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")))


READER = Reader(
    "html",
    read_html,
    suffixes=(".html", ".htm", ".xhtml"),
    sniff=looks_like_html,
    help="a page's main text; title, author and date into meta (needs the html extra)",
    one_document=True,
)
