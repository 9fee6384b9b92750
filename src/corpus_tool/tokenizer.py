"""The shared tokenizer: words and sentences with code-point offsets into the text.

Every tool that counts words should count these, so that figures agree across
tools, built-in or not.  A word is a run of letters, digits or underscores,
with inner apostrophes and hyphens kept (``don't``, ``well-known``, ``O'Brien``);
offsets are code points (Python ``str`` indices) into the original text, so
``text[t.start:t.end] == t.text`` before any case folding.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator
from typing import NamedTuple

WORD = re.compile(r"\w+(?:['’\-]\w+)*")
"""The word pattern; ``WORD.findall(text)`` is the fastest way to the words."""

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


class Token(NamedTuple):
    """A span of the text: a word or a sentence."""

    text: str
    start: int
    end: int


def tokens(text: str, *, lower: bool = False) -> Iterator[Token]:
    """The words of ``text`` with their offsets; ``lower`` folds their case."""
    for match in WORD.finditer(text):
        word = match.group()
        yield Token(word.lower() if lower else word, match.start(), match.end())


def words(text: str, *, lower: bool = True, stop_words: Collection[str] | None = None) -> list[str]:
    """The words of ``text`` as strings, case-folded unless ``lower=False``,
    without the ``stop_words`` (compare them in the same case)."""
    found = WORD.findall(text.lower() if lower else text)
    if stop_words:
        return [word for word in found if word not in stop_words]
    return found


def sentences(text: str, lang: str = "en") -> Iterator[Token]:
    """The sentences of ``text`` (sentencex, in the text's language), trimmed of
    surrounding whitespace; never across a blank line."""
    import sentencex

    language = lang.split("_")[0].split("-")[0] or "en"
    start = 0
    for separator in [*_BLANK_LINE.finditer(text), None]:
        end = separator.start() if separator else len(text)
        paragraph = text[start:end]
        for boundary in sentencex.get_sentence_boundaries(language, paragraph):
            if boundary["is_paragraph_break"]:
                continue
            span = _trimmed(text, start + boundary["start_index"], start + boundary["end_index"])
            if span is not None:
                yield span
        if separator:
            start = separator.end()


def _trimmed(text: str, start: int, end: int) -> Token | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Token(text[start:end], start, end) if start < end else None


@functools.cache
def stop_words(language: str = "en") -> frozenset[str]:
    """A stop-word list (the ``stop-words`` package), lower case; ValueError for
    a language it does not have."""
    from stop_words import AVAILABLE_LANGUAGES, LANGUAGE_MAPPING, get_stop_words

    code = language.lower()
    if code not in LANGUAGE_MAPPING and code not in AVAILABLE_LANGUAGES:
        known = ", ".join(sorted(LANGUAGE_MAPPING))
        raise ValueError(f"no stop-word list for {language!r} (known: {known})")
    return frozenset(word.lower() for word in get_stop_words(code))


__all__ = ["WORD", "Token", "sentences", "stop_words", "tokens", "words"]
