"""clean on real damage and on clean text: OCR repairs, what must stay, growth with size."""

from __future__ import annotations

import time

from corpus_tool import Document
from corpus_tool.testing import run_tool


def clean(text: str, **options: object) -> Document:
    [doc] = run_tool("clean", [Document("t", text)], **options)
    return doc


def cleaned_text(text: str, **options: object) -> str:
    return clean(text, **options).text


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        clean(text)
        best = min(best, time.perf_counter() - start)
    return best


def test_time_grows_linearly_with_the_text() -> None:
    # Hyphenated line ends, odd characters for ftfy, unknown words: the places where a
    # repair looks back or around; 8 times the text must not take anywhere near 64 times.
    unit = (
        "The commis-\nsioner said the £5 fee was fair.  Then he left ¡\n"
        "A well-\nknown man, tbe Mayor, was there.\n"
    ) * 40
    clean(unit)
    assert _seconds(unit * 8) / _seconds(unit) < 24


# ---------------------------------------------------------------- must not change


def test_spaces_between_symbols_are_drawing_and_stay() -> None:
    for text in ("OK??:(   `¬´    ):", "....?????????,       ......"):
        assert cleaned_text(text) == text
    assert cleaned_text("one  two") == "one two"
