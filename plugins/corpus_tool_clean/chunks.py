"""A text's blank-separated chunks, shared by the repairs that look at words: most
repairs pass a text on unchanged, and the next one need not split it again."""

from __future__ import annotations

from collections import Counter

_sets: tuple[str, frozenset[str]] = ("", frozenset())
_counts: tuple[str, Counter[str]] = ("", Counter())


def chunk_set(text: str) -> frozenset[str]:
    """``frozenset(text.split())``, kept for the last text asked about."""
    global _sets
    if _sets[0] is not text and _sets[0] != text:
        _sets = (text, frozenset(text.split()))
    return _sets[1]


def chunk_counts(text: str) -> Counter[str]:
    """``Counter(text.split())``, kept for the last text asked about (do not change it)."""
    global _counts
    if _counts[0] is not text and _counts[0] != text:
        _counts = (text, Counter(text.split()))
    return _counts[1]
