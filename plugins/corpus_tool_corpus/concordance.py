"""``kwic``: keyword in context, with exact offsets of every match."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from corpus_tool import Row
from corpus_tool.tokenizer import WORD

_CHARS_PER_WORD = 24  # how far to look for the context words before widening the look


@functools.cache
def compile_pattern(pattern: str, *, regex: bool, ignore_case: bool) -> re.Pattern[str]:
    """A word, a phrase (words separated by any whitespace) or a glob (``educat*``,
    ``?`` one character) matched as whole words; or, with ``regex``, a regular
    expression as given.  ValueError for a pattern that cannot match."""
    flags = re.IGNORECASE if ignore_case else 0
    if regex:
        try:
            compiled = re.compile(pattern, flags)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {pattern!r} ({exc})") from None
        if compiled.search(""):
            raise ValueError(f"the regular expression {pattern!r} matches empty text")
        return compiled
    words = pattern.split()
    if not words:
        raise ValueError("the pattern is empty")
    parts = []
    for word in words:
        glob = "".join(
            r"\w*" if ch == "*" else r"\w" if ch == "?" else re.escape(ch) for ch in word
        )
        parts.append(glob)
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", flags)


def _flat(text: str) -> str:
    """Runs of whitespace (line breaks too) as one space: a context on one line."""
    return " ".join(text.split())


@functools.cache
def _words_ahead(window: int, exactly: bool = False) -> re.Pattern[str]:
    """Up to (or exactly) ``window`` words and what lies before each, matched from
    a position.  A word reads the same backwards (inner apostrophes and hyphens),
    so the same pattern on the reversed text before a match finds the left context."""
    count = f"{{{window}}}" if exactly else f"{{0,{window}}}"
    # Whole words only: never a word split in two to make up the count.
    return re.compile(rf"(?:\W*{WORD.pattern}(?!['’\-]?\w)){count}")


def left_context(text: str, start: int, window: int) -> str:
    """The ``window`` words before ``start`` (and what lies between them)."""
    if window <= 0:
        return ""
    reach = window * _CHARS_PER_WORD
    while True:
        low = max(0, start - reach)
        before = text[low:start][::-1]
        if low == 0:  # the text's start: as many words as there are
            found = _words_ahead(window).match(before)
        else:
            found = _words_ahead(window, exactly=True).match(before)
            # Too few words in reach, or the last one may be cut by ``low``: look further.
            if found is None or found.end() == len(before):
                reach *= 2
                continue
        assert found is not None
        return _flat(text[start - found.end() : start])


def right_context(text: str, end: int, window: int) -> str:
    """The ``window`` words after ``end``."""
    if window <= 0:
        return ""
    found = _words_ahead(window).match(text, end)
    assert found is not None
    return _flat(text[end : found.end()])


def matches(doc_id: str, text: str, pattern: re.Pattern[str], window: int) -> Iterator[Row]:
    for match in pattern.finditer(text):
        start, end = match.span()
        yield {
            "doc": doc_id,
            "start": start,
            "end": end,
            "left": left_context(text, start, window),
            "match": match.group(),
            "right": right_context(text, end, window),
        }


def _first_word(text: str) -> str:
    found = WORD.search(text)
    return found.group().lower() if found else ""


def _last_word(text: str) -> str:
    found = WORD.findall(text)
    return found[-1].lower() if found else ""


def sort_rows(rows: list[Row], sort: str) -> list[Row]:
    """``doc``: input order (rows arrive so); ``right1``/``left1``: by the first word
    right of the match (last word left of it), then the match, then input order."""
    if sort == "right1":
        return sorted(rows, key=lambda r: (_first_word(r["right"]), r["match"].lower()))
    if sort == "left1":
        return sorted(rows, key=lambda r: (_last_word(r["left"]), r["match"].lower()))
    return rows
