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

from corpus_tool_clean.boilerplate import BOILERPLATE

SUSPICIOUS = re.compile(
    r"[a-z][A-Z][a-z]"  # run-together words
    r"|[a-z][.!?][A-Z][a-z]"  # missing sentence space
    r"|(?<=[^\W_])[ \t]+[,.;:!?](?=\s|$)"  # space before punctuation
    r"|[.!?,…][ \t]*“[ \t]*$"  # flipped closing quote
    r"|(?<=\S)  +(?=\S)"  # run of spaces
    r"|Ã[\x80-\xbf]|â€|Â[\x80-\xbf]|\ufffd",  # mojibake
    re.MULTILINE,
)


def garble_score(text: str) -> float:
    words = len(text.split())
    if not words:
        return 0.0
    spots = sum(1 for _ in SUSPICIOUS.finditer(text))
    spots += sum(1 for line in text.split("\n") if line.strip() and BOILERPLATE.fullmatch(line))
    return round(1000 * spots / words, 1)
