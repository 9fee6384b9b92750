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

from corpus_tool_clean.boilerplate import BOILERPLATE_LINE, has_boilerplate_line

# One pattern per kind of spot: separate simple patterns scan faster than one
# alternation.  Each has a cheap test (a substring) when one exists: most text has
# no run of spaces, no curly quote, no mojibake, and need not be scanned for them.
SUSPICIOUS = [
    (needs, re.compile(p, re.MULTILINE))
    for needs, p in (
        (("“",), r"[.!?,…][ \t]*“[ \t]*$"),  # flipped closing quote
        (("  ",), r"\S  +\S"),  # run of spaces
        (("Ã", "â€", "Â", "\ufffd"), r"Ã[\x80-\xbf]|â€|Â[\x80-\xbf]|\ufffd"),  # mojibake
    )
]
# The commonest kinds, counted from their rarest character: a pattern that starts
# with a lower-case letter is tried at nearly every place of a text, one that starts
# with a capital or a punctuation mark only at those.  Each is (the spot, its
# rare character found in place with the rest of the spot around it, how far into
# the spot that character stands).
ANCHORED = [
    (re.compile(spot, re.MULTILINE), re.compile(anchor, re.MULTILINE), back)
    for spot, anchor, back in (
        (r"[a-z][A-Z][a-z]", r"[A-Z](?<=[a-z][A-Z])[a-z]", 1),  # run-together words
        (r"[a-z][.!?][A-Z][a-z]", r"[.!?](?<=[a-z][.!?])[A-Z][a-z]", 1),  # sentence space
        (r"[ \t][,.;:!?](?=\s|$)", r"[,.;:!?](?<=[ \t][,.;:!?])(?=\s|$)", 1),  # space before
    )
]


def count_matches(spot: re.Pattern[str], anchor: re.Pattern[str], back: int, text: str) -> int:
    """``len(spot.findall(text))``, trying ``spot`` only where ``anchor`` (every spot's
    character ``back`` places in, with the spot's context) is found.  Spots taken
    in order from the left do not overlap, as findall's do not."""
    count, end = 0, 0
    for hit in anchor.finditer(text):
        start = hit.start() - back
        if start >= end:
            match = spot.match(text, start)
            if match:
                count, end = count + 1, match.end()
    return count


def garble_score(text: str) -> float:
    words = len(text.split())
    if not words:
        return 0.0
    spots = sum(count_matches(spot, anchor, back, text) for spot, anchor, back in ANCHORED)
    spots += sum(
        len(pattern.findall(text)) for needs, pattern in SUSPICIOUS if any(n in text for n in needs)
    )
    if has_boilerplate_line(text):
        spots += len(BOILERPLATE_LINE.findall(text))
    return round(1000 * spots / words, 1)
