"""Words run together: "UkraineOn", "heThe" (case boundary), "Russiatrail" (lower case).

A split must be very likely, because a wrong one damages good text:

- both parts are words of the frequency dictionary and the joined form is not;
- the left part also stands alone, spelt the same, elsewhere in the document
  ("Ukraine", "he"), which names such as "SeaWorld" or "PizzaExpress" lack;
- names with internal capitals are kept by rule: a one-letter lower-case head
  (iPhone, eBay), a name prefix (McDonald, MacArthur, DeSantis, LaGuardia), a
  form the dictionary or the list of known names holds (YouTube, LinkedIn,
  PayPal), and a capitalised form used more than once in the document.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from corpus_tool_clean.dictionary import protected_names, word_counts

LETTERS = re.compile(r"[^\W\d_]+")
# A lower-case letter followed by a capitalised word: the boundary in "UkraineOn".
CASE_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
NAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von"})
# Lower-case joins: only long unknown tokens whose parts are common words.
MIN_JOINED_LENGTH = 7
MIN_PART_LENGTH = 3
MIN_PART_COUNT = 1_000_000


def _pieces(token: str, cuts: list[int]) -> list[str]:
    return [token[a:b] for a, b in pairwise([0, *cuts, len(token)])]


def _known(word: str) -> bool:
    lower = word.lower()
    return lower in word_counts() or lower in protected_names()


def _case_splits(token: str, seen: Counter[str]) -> list[int]:
    """Positions at which to split a token with internal capitals."""
    if _known(token) or (token[0].isupper() and seen[token] > 1):
        return []
    cuts = [m.start() for m in CASE_BOUNDARY.finditer(token)]
    parts = _pieces(token, cuts)
    if len(parts[0]) < 2 or parts[0] in NAME_PREFIXES:
        return []
    # Every part must be a word; the first must also occur alone in the document.
    if not all(part.lower() in word_counts() for part in parts) or seen[parts[0]] == 0:
        return []
    return cuts


def _lower_split(token: str, seen: Counter[str]) -> int | None:
    """The best position at which to split a run-together token without capitals inside."""
    if len(token) < MIN_JOINED_LENGTH or _known(token) or seen[token] > 1:
        return None
    counts = word_counts()
    best: tuple[int, int] | None = None
    for cut in range(MIN_PART_LENGTH, len(token) - MIN_PART_LENGTH + 1):
        head, tail = token[:cut], token[cut:]
        score = min(counts.get(head.lower(), 0), counts.get(tail.lower(), 0))
        if score < MIN_PART_COUNT or seen[head] == 0:
            continue
        # An all-lower-case join needs the tail in the document too.
        if token[0].islower() and seen[tail] == 0:
            continue
        if best is None or score > best[0]:
            best = (score, cut)
    return best[1] if best else None


def _cuts(token: str, seen: Counter[str]) -> list[int]:
    if CASE_BOUNDARY.search(token):
        return _case_splits(token, seen)
    cut = _lower_split(token, seen)
    return [cut] if cut else []


def split_joined_words(text: str) -> tuple[str, int]:
    counts = word_counts()
    candidates = {
        m.group() for m in LETTERS.finditer(text)
        if CASE_BOUNDARY.search(m.group())
        or (len(m.group()) >= MIN_JOINED_LENGTH and m.group()[1:].islower()
            and m.group().lower() not in counts)
    }
    if not candidates:
        return text, 0
    seen = Counter(m.group() for m in LETTERS.finditer(text))
    # A split adds its parts to the document, which may be the evidence another
    # split needs: decide until nothing changes, so that a second run splits nothing.
    splits: dict[str, list[int]] = {}
    while True:
        new = {token: cuts for token in candidates - splits.keys() if (cuts := _cuts(token, seen))}
        if not new:
            break
        for token, cuts in new.items():
            seen.update(_pieces(token, cuts))
        splits.update(new)
    if not splits:
        return text, 0

    count = 0

    def split(match: re.Match[str]) -> str:
        nonlocal count
        token = match.group()
        cuts = splits.get(token)
        if not cuts:
            return token
        count += len(cuts)
        return " ".join(_pieces(token, cuts))

    return LETTERS.sub(split, text), count
