"""The passages scored with ``--by``: whole documents, paragraphs or sentences, as offsets."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE_BREAK = re.compile(r"\n")


class Unit(str, enum.Enum):
    document = "document"
    paragraph = "paragraph"
    sentence = "sentence"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without its surrounding whitespace; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Paragraphs are separated by blank lines; a text without any has one per line.

    Only a blank line between two paragraphs counts: a file ending in a blank line
    still has one paragraph per line."""
    body = _trimmed(text, 0, len(text)) or (0, 0)
    separator = _BLANK_LINE if _BLANK_LINE.search(text, *body) else _LINE_BREAK
    start = 0
    for match in separator.finditer(text):
        span = _trimmed(text, start, match.start())
        if span:
            yield span
        start = match.end()
    span = _trimmed(text, start, len(text))
    if span:
        yield span


def sentences(text: str, lang: str) -> Iterator[tuple[int, int]]:
    """Sentences (sentencex, in the text's language), never across a paragraph break."""
    import sentencex

    language = lang.split("_")[0]
    for first, last in paragraphs(text):
        for boundary in sentencex.get_sentence_boundaries(language, text[first:last]):
            if boundary["is_paragraph_break"]:
                continue
            span = _trimmed(text, first + boundary["start_index"], first + boundary["end_index"])
            if span:
                yield span


def spans(text: str, unit: Unit, lang: str) -> Iterator[tuple[int, int]]:
    if unit is Unit.paragraph:
        return paragraphs(text)
    if unit is Unit.sentence:
        return sentences(text, lang)
    return iter([(0, len(text))])
