"""Words run together: "UkraineOn", "heThe" (case boundary), "Russiatrail" (lower case).

A split must be very likely, because a wrong one damages good text:

- both parts are words of the frequency dictionary and the joined form is not
  (or, after a lower-case word, the second part is a name that the document
  also uses on its own: "inDavos");
- the left part also stands alone, spelt the same, elsewhere in the document
  ("he"; a capitalised one as a name of its own inside a sentence: "invades
  Ukraine, the"), which the parts of names such as "SeaWorld" seldom do;
- a lower-case join ("Russiatrail") needs common parts, and when it starts in
  lower case ("hopethe") one part must be a function word, since run-together
  content words are mostly real compounds ("dataset", "teabreak");
- a token that is part of a web address or file name is left alone;
- names with internal capitals are kept by rule: a one-letter lower-case head
  (iPhone, eBay), a name prefix (McDonald, MacArthur, DeSantis, LaGuardia), a
  form the dictionary or the list of known names holds (YouTube, LinkedIn,
  PayPal), and a capitalised form used more than once in the document.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from itertools import pairwise
from typing import NamedTuple

from corpus_tool_clean.dictionary import frequency, protected_names, word_counts

LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")
# Candidates: tokens with a case boundary inside, and long tokens in lower case
# after a possible capital (only those the dictionary lacks are considered).
# (Found from the capital: a pattern that starts with a lower-case letter is tried
# at nearly every place of a text.)
CAMEL_HINT = re.compile(r"[A-Z](?<=[a-z][A-Z])[a-z]")
WORD_AROUND = re.compile(r"[^\W\d_]*")
MIN_JOINED_LENGTH = 7
LONG_TOKEN = re.compile(rf"(?<![^\W\d_])[^\W\d_][a-z]{{{MIN_JOINED_LENGTH - 1},}}(?![^\W\d_])")
# A capitalised word used as a name on its own: inside a sentence (not after a
# full stop, an opening quote or a colon) and not followed by another capitalised
# word, as "Black" is in the title "Black Tie White Noise".
PROPER_NOUN = re.compile(r"[A-Z](?<=[^\s.!?…“‘\"'(\[:] [A-Z])[^\W\d_]*(?![^\W\d_])(?![ \t]+[A-Z])")
# Letters glued to a dot-word, slash or at-sign: "Example.com", "user@Host".
ADDRESS_EDGE = re.compile(r"\.[^\W_]|[/@]")
# A lower-case letter followed by a capitalised word: the boundary in "UkraineOn".
CASE_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
NAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von"})
# Lower-case joins: only long unknown tokens whose parts are common words.
MIN_PART_LENGTH = 3
MIN_PART_COUNT = 5_000_000
# Words that do not form compounds: a lower-case join with one of them is damage.
FUNCTION_WORDS = frozenset(
    {
        "the",
        "and",
        "that",
        "this",
        "with",
        "from",
        "have",
        "has",
        "had",
        "was",
        "were",
        "are",
        "is",
        "his",
        "her",
        "its",
        "their",
        "they",
        "them",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "will",
        "would",
        "could",
        "should",
        "not",
        "but",
        "for",
        "you",
        "your",
        "our",
        "she",
        "he",
        "we",
        "it",
        "of",
        "to",
        "in",
        "on",
        "at",
        "an",
        "a",
        "as",
        "by",
        "or",
        "be",
        "been",
    }
)


class Split(NamedTuple):
    cuts: list[int]
    needs: tuple[str, ...]  # words the document must use on their own


def _pieces(token: str, cuts: list[int]) -> list[str]:
    return [token[a:b] for a, b in pairwise([0, *cuts, len(token)])]


# wordfreq's large list knows names and compounds ("Parklands", "Northwood") that
# the small dictionary lacks; below this share its entries are mostly noise.
KNOWN_FREQUENCY = 1e-7


def _known(word: str) -> bool:
    lower = word.lower()
    return (
        lower in word_counts() or lower in protected_names() or frequency(lower) >= KNOWN_FREQUENCY
    )


@functools.lru_cache(maxsize=65536)  # the same names recur across documents
def _case_split(token: str) -> Split | None:
    """Where a token with internal capitals could split, and the words that must be seen."""
    if _known(token):
        return None
    cuts = [m.start() for m in CASE_BOUNDARY.finditer(token)]
    parts = _pieces(token, cuts)
    if len(parts[0]) < 2 or parts[0] in NAME_PREFIXES:
        return None
    if all(part.lower() in word_counts() for part in parts):
        return Split(cuts, (parts[0],))
    # "inDavos", "saidArraes": a lower-case word before a name the dictionary lacks;
    # the name must then be used on its own in the document too.
    if len(parts) == 2 and parts[0].islower() and parts[0] in word_counts():
        return Split(cuts, tuple(parts))
    return None


@functools.lru_cache(maxsize=65536)
def _lower_splits(token: str) -> list[tuple[int, int]]:
    """(score, cut) of each way a run-together lower-case token could split, best first."""
    if _known(token):
        return []
    counts = word_counts()
    found = []
    for cut in range(MIN_PART_LENGTH, len(token) - MIN_PART_LENGTH + 1):
        head, tail = token[:cut], token[cut:]
        score = min(counts.get(head.lower(), 0), counts.get(tail.lower(), 0))
        if score < MIN_PART_COUNT:
            continue
        if token[0].islower() and not {head, tail} & FUNCTION_WORDS:
            continue
        found.append((score, cut))
    return sorted(found, reverse=True)


def _in_address(text: str, start: int, end: int) -> bool:
    return bool(ADDRESS_EDGE.match(text, end) or (start and text[start - 1] in "./@"))


NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z]")


def _in_name(text: str, end: int, token: str) -> bool:
    """ "the FundTrust Group": capitalised parts before another capitalised word make
    a name; "UkraineOn Thursday" splits, as its last part is a function word."""
    if not token[0].isupper() or not NEXT_CAPITAL.match(text, end):
        return False
    last = CASE_BOUNDARY.split(token)[-1]
    return last[0].isupper() and last.lower() not in FUNCTION_WORDS


def _camel_tokens(text: str) -> list[str]:
    """Whole tokens around each case boundary (few), found without scanning every word."""
    found = []
    end = 0
    for hit in CAMEL_HINT.finditer(text):
        if hit.start() < end:
            continue  # a second boundary inside the same token
        start = hit.start()
        while start and (text[start - 1].isalpha()):
            start -= 1
        end = WORD_AROUND.match(text, hit.start()).end()
        found.append(text[start:end])
    return found


def _possible_splits(text: str) -> dict[str, list[Split]]:
    """Each candidate token with its possible splits, best first."""
    counts = word_counts()
    tokens = Counter(_camel_tokens(text))
    # Counted first (in C), then each distinct token looked up once.
    long_tokens = Counter(LONG_TOKEN.findall(text))
    tokens.update({t: n for t, n in long_tokens.items() if t.lower() not in counts})
    options: dict[str, list[Split]] = {}
    for token, n in tokens.items():
        if n > 1 and token[0].isupper():
            continue  # a capitalised name used twice is not damage, which seldom repeats
        if CASE_BOUNDARY.search(token):
            split = _case_split(token)
            choices = [split] if split else []
        else:
            choices = [Split([cut], (token[:cut],)) for _, cut in _lower_splits(token)]
        if choices:
            options[token] = choices
    return options


def split_joined_words(text: str) -> tuple[str, int]:
    options = _possible_splits(text)
    if not options:
        return text, 0
    # Evidence: the document's lower-case words, and the names it uses on their own.
    seen = set(LOWER_WORD.findall(text))
    seen.update(PROPER_NOUN.findall(text))
    # A split adds its parts to the document, which may be the evidence another
    # split needs: decide until nothing changes, so that a second run splits nothing.
    splits: dict[str, list[int]] = {}
    while True:
        new = {}
        for token in options.keys() - splits.keys():
            split = next((c for c in options[token] if all(w in seen for w in c.needs)), None)
            if split:
                new[token] = split.cuts
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
        if _in_address(text, match.start(), match.end()) or _in_name(text, match.end(), token):
            return token
        count += len(splits[token])
        return " ".join(_pieces(token, splits[token]))

    chosen = sorted(splits, key=len, reverse=True)
    pattern = r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, chosen)) + r")(?![^\W\d_])"
    return re.sub(pattern, split, text), count
