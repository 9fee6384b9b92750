"""OCR character confusions: "tho" -> "the", "Cieek" -> "Creek", "aud" -> "and".

A scanner misreads letters of similar shape: e as o or c, r as i, m as rn, h as li
or b, d as cl, u as ii or n, s as f (the long s of old print).  The repair

- runs only on a document that shows OCR damage: several of its words are not
  words but are one or two such confusions away from a common one; clean text
  has next to none;
- corrects a token only to a word one or two known confusions away whose
  frequency (``wordfreq``), weighted down for each confusion, beats the token's own
  by a wide margin: "tho" (a rare word) becomes "the", "lie" does not become "he";
- leaves alone a capitalised token that the document repeats (a name, not a
  misreading, which seldom repeats itself), tokens with digits or inner
  capitals, and the halves of hyphenated words;
- lower-cases "In", "Is", "It" in the middle of a sentence, where an OCR'd capital
  I stands for an i.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from corpus_tool_clean.dictionary import frequency

# "printed:meant": single letters first, then the shapes that span two.
CONFUSIONS = [
    tuple(pair.split(":"))
    for pair in re.split(
        r"\s+",
        "o:e e:o c:e e:c o:a a:o c:o i:r r:i i:l l:i i:t l:t n:u u:n n:a u:a a:s a:n s:a "
        "b:h h:b t:f f:t f:s v:y y:v rn:m m:rn in:m li:h h:li ii:u ii:h ri:n cl:d d:cl tb:th",
    )
]
# The weight of one confusion against leaving the token as it is.
EDIT_WEIGHT = 0.01
# A correction must beat the token by this factor, and be at least this common.
MARGIN = 2.0
MIN_FREQUENCY = 1e-6
# A token rarer than this counts as a non-word.
NON_WORD = 1e-6
# Evidence of OCR damage: this many non-word tokens with a correction, and this
# share of the document's tokens.
MIN_DAMAGED = 3
MIN_DAMAGED_SHARE = 0.005

# Whole words of letters: not the halves of "George-street", "commis-" at a line
# end, or "mustn't".
TOKEN = re.compile(r"(?<![\w'’-])[^\W\d_]{2,}(?![\w-]|['’][^\W\d_])")
# "In" after a lower-case word or a comma, not after a sentence's end.
MID_SENTENCE_I = re.compile(r"(?<=[a-z,;] )I[a-z]+\b")


def _edits(word: str) -> set[str]:
    out = set()
    for wrong, right in CONFUSIONS:
        start = word.find(wrong)
        while start >= 0:
            out.add(word[:start] + right + word[start + len(wrong) :])
            start = word.find(wrong, start + 1)
    return out


@functools.lru_cache(maxsize=200_000)
def correction(word: str) -> str | None:
    """The likeliest word behind a lower-case token, or None to leave it.

    Each candidate scores its frequency times the weight of the misreadings that
    lead to it; the best must beat the token's own frequency by MARGIN."""
    own = frequency(word)
    best, best_score = None, own * MARGIN
    first = _edits(word)
    choices = [(first, EDIT_WEIGHT)]
    if own < NON_WORD:  # a non-word: two confusions
        choices.append((_second(word, first), EDIT_WEIGHT**2))
    for candidates, weight in choices:
        for candidate in candidates:
            f = frequency(candidate)
            if f >= MIN_FREQUENCY and f * weight > best_score:
                best, best_score = candidate, f * weight
    return best


def _second(word: str, first: set[str]) -> set[str]:
    if len(word) < 3:
        return set()
    return {e2 for e1 in first for e2 in _edits(e1)} - first


def _cased(token: str, word: str) -> str | None:
    if token.islower():
        return word
    if token.isupper():
        return word.upper() if len(token) > 1 else None
    if token[0].isupper() and token[1:].islower():
        return word.capitalize()
    return None  # inner capitals: a name or a code


def _plan(text: str) -> dict[str, str]:
    tokens = Counter(TOKEN.findall(text))
    lower = Counter(t.lower() for t in tokens.elements())
    plan: dict[str, str] = {}
    damaged = 0
    for token, n in tokens.items():
        key = token.lower()
        word = correction(key)
        if word is None:
            continue
        real = frequency(key) >= NON_WORD
        # A token the document repeats ("roods") or a real word ("ho") yields only to a
        # word the document also uses; a capitalised token the document repeats is a
        # name unless its lower-case form is there too ("Tho" beside "tho").
        if (real or lower[key] > 1) and not lower[word]:
            continue
        if n > 1 and token[0].isupper() and lower[key] == n:
            continue
        new = _cased(token, word)
        if new is None:
            continue
        plan[token] = new
        if not real:
            damaged += n
    total = sum(tokens.values())
    if damaged < MIN_DAMAGED or damaged < MIN_DAMAGED_SHARE * total:
        return {}
    return plan


def fix_ocr(text: str) -> tuple[str, int]:
    plan = _plan(text)
    if not plan:
        return text, 0
    count = 0

    def token(match: re.Match[str]) -> str:
        nonlocal count
        new = plan.get(match.group())
        if new is None:
            return match.group()
        count += 1
        return new

    def mid_sentence(match: re.Match[str]) -> str:
        nonlocal count
        lower = match.group().lower()
        if frequency(lower) < 1e-3:  # "in", "is", "it", "its", "into", "if"
            return match.group()
        count += 1
        return lower

    text = TOKEN.sub(token, text)
    return MID_SENTENCE_I.sub(mid_sentence, text), count
