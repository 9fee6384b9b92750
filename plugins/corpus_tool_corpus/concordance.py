"""``kwic``: keyword in context, with exact offsets of every match."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from corpus_tool import Row
from corpus_tool.tokenizer import WORD

_SPACE = re.compile(r"\s+")
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
    return _SPACE.sub(" ", text).strip()


def left_context(text: str, start: int, window: int) -> str:
    """The ``window`` words before ``start`` (and what lies between them)."""
    if window <= 0:
        return ""
    reach = window * _CHARS_PER_WORD
    while True:
        low = max(0, start - reach)
        found = [m.start() for m in WORD.finditer(text, low, start)]
        # The first word found may be cut by ``low``: it counts only at the text's start.
        usable = found if low == 0 else found[1:]
        if len(usable) >= window or low == 0:
            begin = usable[-window] if len(usable) >= window else (usable[0] if usable else start)
            return _flat(text[begin:start])
        reach *= 2


def right_context(text: str, end: int, window: int) -> str:
    """The ``window`` words after ``end``."""
    if window <= 0:
        return ""
    reach = window * _CHARS_PER_WORD
    while True:
        high = min(len(text), end + reach)
        found = [m.end() for m in WORD.finditer(text, end, high)]
        usable = found if high == len(text) else found[:-1]
        if len(usable) >= window or high == len(text):
            stop = usable[window - 1] if len(usable) >= window else (usable[-1] if usable else end)
            return _flat(text[end:stop])
        reach *= 2


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
