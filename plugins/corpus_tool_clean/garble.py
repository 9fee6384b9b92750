"""The garble score: suspicious spots per 1,000 words.

A spot is one of: words run together at a case boundary ("UkraineOn"), a missing
sentence space ("Stockholm.As"), a space before punctuation ("Republican . And"),
a closing quote typed as an opening one at a line end ('Ukraine. “'), a run of
spaces, mojibake ("cafÃ©", "â€™", U+FFFD) or a boilerplate line.  Names with
internal capitals (McDonald) count too, so clean text scores near, not at, zero;
the score is for comparing a document before and after cleaning.
"""

from __future__ import annotations

import re

from corpus_tool_clean.boilerplate import BOILERPLATE_LINE

# One pattern per kind of spot: separate simple patterns scan faster than one
# alternation.  Each has a cheap test (a substring) when one exists: most text has
# no run of spaces, no curly quote, no mojibake, and need not be scanned for them.
SUSPICIOUS = [
    (needs, re.compile(p, re.MULTILINE))
    for needs, p in (
        ((), r"[a-z][A-Z][a-z]"),  # run-together words
        ((), r"[a-z][.!?][A-Z][a-z]"),  # missing sentence space
        ((), r"[ \t][,.;:!?](?=\s|$)"),  # space before punctuation
        (("“",), r"[.!?,…][ \t]*“[ \t]*$"),  # flipped closing quote
        (("  ",), r"\S  +\S"),  # run of spaces
        (("Ã", "â€", "Â", "\ufffd"), r"Ã[\x80-\xbf]|â€|Â[\x80-\xbf]|\ufffd"),  # mojibake
    )
]


def garble_score(text: str) -> float:
    words = len(text.split())
    if not words:
        return 0.0
    spots = sum(
        len(pattern.findall(text))
        for needs, pattern in SUSPICIOUS
        if not needs or any(n in text for n in needs)
    )
    spots += len(BOILERPLATE_LINE.findall(text))
    return round(1000 * spots / words, 1)
