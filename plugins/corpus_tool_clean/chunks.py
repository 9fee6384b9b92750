"""A text's blank-separated chunks, kept for the last text asked about: the repairs
that look at words may share them while the text passes through unchanged."""

from __future__ import annotations

_last: tuple[str, frozenset[str]] = ("", frozenset())


def chunk_set(text: str) -> frozenset[str]:
    """``frozenset(text.split())``, kept for the last text asked about."""
    global _last
    if _last[0] is not text and _last[0] != text:
        _last = (text, frozenset(text.split()))
    return _last[1]
