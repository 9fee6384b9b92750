"""WARC web archives (warcio and trafilatura, ``pip install 'corpus-tool[warc]'``).

Each HTML response record is a document: its id the record's WARC-Target-URI,
``meta.date`` its WARC-Date (when it was crawled), ``meta.published`` the page's
own date when trafilatura finds one, and its title and author. Responses that are
not HTML pages (images, PDFs, scripts, redirects, errors) are skipped and counted in
one line per file; request, metadata and warcinfo records are not documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from corpus_tool.document import Document
from corpus_tool.readers.base import Item, Problem
from corpus_tool.readers.compression import MissingPackage
from corpus_tool.readers.html import NO_TEXT, extract
from corpus_tool.reading import DATE_FIELD, Reader, Source

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _not_html(record: object) -> str | None:
    """Why a response record is not an HTML page (its type, its status), or None."""
    http = record.http_headers  # type: ignore[attr-defined]
    if http is not None:
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return f"HTTP {status or '?'}"
        content_type = http.get_header("Content-Type") or ""
    else:  # a resource record: the WARC header gives the type
        content_type = record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    kind = content_type.split(";")[0].strip().lower()
    return None if kind in HTML_TYPES else kind or "no content type"


def read_warc(source: Source) -> Iterator[Item]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise MissingPackage("reading WARC needs warcio: pip install 'corpus-tool[warc]'") from None
    skipped: Counter[str] = Counter()
    first_skipped = ""
    with source.open() as stream:
        for number, record in enumerate(ArchiveIterator(stream), 1):
            if record.rec_type not in ("response", "resource"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{source.name} record {number}"
            why = _not_html(record)
            if why is not None:
                skipped[why] += 1
                first_skipped = first_skipped or f"record {number} <{uri}>"
                continue
            found = extract(record.content_stream().read(), url=uri or None)
            if found is None:
                yield Problem(where, f"<{uri}>: {NO_TEXT}")
                continue
            text, page = found
            meta = {"url": uri, "source": source.name}
            if "title" in page:
                meta["title"] = page["title"]
            if "author" in page:
                meta["author"] = page["author"]
            if DATE_FIELD in page:
                meta["published"] = page[DATE_FIELD]
            crawled = record.rec_headers.get_header("WARC-Date")
            if crawled:
                meta[DATE_FIELD] = crawled
            yield Document(uri or f"{source.doc_id}:{number}", text, meta, origin=where)
    if skipped:
        count = sum(skipped.values())
        kinds = ", ".join(f"{kind} {n}" for kind, n in skipped.most_common())
        noun = (
            "response that is not an HTML page"
            if count == 1
            else "responses that are not HTML pages"
        )
        yield Problem(
            source.name,
            f"{count} {noun} skipped ({kinds}); the first: {first_skipped}",
            skipped=False,
        )


def looks_like_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/")


READER = Reader(
    "warc",
    read_warc,
    suffixes=(".warc", ".arc"),
    sniff=looks_like_warc,
    help="each HTML response a document, id its URI, date its WARC-Date (needs the warc extra)",
)
