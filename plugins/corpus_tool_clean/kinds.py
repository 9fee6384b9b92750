"""The repair names, apart from the repairs: declaring the options must not load them."""

from __future__ import annotations

from enum import Enum


class Repair(str, Enum):
    """The repairs, by the names ``--only`` and ``--skip`` take."""

    unicode = "unicode"
    metadata = "metadata"
    boilerplate = "boilerplate"
    hyphenation = "hyphenation"
    dashes = "dashes"
    whitespace = "whitespace"
    sentence_spacing = "sentence-spacing"
    ocr = "ocr"
    joined_words = "joined-words"
    quotes = "quotes"
