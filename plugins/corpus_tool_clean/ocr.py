"""OCR character confusions: "tho" -> "the", "Cieek" -> "Creek", "aud" -> "and".

A scanner misreads letters of similar shape: e as o or c, r as i, m as rn, h as li
or b, d as cl, u as ii or n, f as l, w as v, s as f (the long s of old print).  The
repair

- runs only on a document that shows OCR damage: several of its words are not
  words but are one or more such confusions away from a common one, or are rare
  words misread from one of the commonest ("tho", "bo"), or specks stand between
  its words; clean text has next to none;
- corrects a token only to a word one or two known confusions away (three for an
  unknown word of six letters or more) whose frequency (``wordfreq``), weighted down
  for each confusion, beats the token's own by a wide margin: "tho" (a rare word)
  becomes "the", "lie" does not become "he";
- corrects a misreading that is itself a word ("wore" for "were", "he" for "be")
  only where the candidate is far likelier beside its neighbours, by the word-pair
  counts of symspellpy's English bigram list;
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
from collections.abc import Callable, Iterable
from itertools import repeat
from typing import NamedTuple

from corpus_tool_clean.dictionary import _frequencies, frequency

# "printed:meant": single letters first, then the shapes that span two, then specks
# read as a letter ("i:" is an i that should not be there).
CONFUSIONS = [
    tuple(pair.split(":"))
    for pair in re.split(
        r"\s+",
        "o:e e:o c:e e:c o:a a:o c:o i:r r:i i:l l:i i:t l:t n:u u:n n:a u:a a:s a:n s:a "
        "b:h h:b b:s t:f f:t f:s l:f o:c v:y y:v v:w j:y "
        "rn:m m:rn in:m li:h h:li ii:u ii:h ri:n cl:d d:cl tb:th",
    )
]
# The weight of one confusion against leaving the token as it is.
EDIT_WEIGHT = 0.01
# A correction must beat the token by this factor, and be at least this common.
MARGIN = 2.0
MIN_FREQUENCY = 1e-6
# Two confusions away, only a word at least this common.
SECOND_MIN_FREQUENCY = 3e-6
# Three confusions away, only for an unknown word this long.
THIRD_MIN_LENGTH = 6
# A token rarer than this counts as a non-word.
NON_WORD = 1e-6
# A correction this common needs no support from the document.
COMMON = 1e-3
# A word this common cannot be beaten: its candidate would need MARGIN / EDIT_WEIGHT
# times its frequency, more than "the" has.
RARE = 3e-4
# Evidence of OCR damage: this many non-word tokens with a correction, and this
# share of the document's tokens.
MIN_DAMAGED = 3
MIN_DAMAGED_SHARE = 0.005

# Whole words of letters: not the halves of "George-street", "commis-" at a line
# end, or "mustn't".
TOKEN = re.compile(r"(?<![\w'’-])[^\W\d_]{2,}(?![\w-]|['’][^\W\d_])")
TOKEN_PARTS = re.compile(f"({TOKEN.pattern})")
# A word that starts sentences and is written lower-case inside them, after a
# lower-case word: the full stop between them was lost ("the department The").
# (Each pattern below that needs a character before it starts with a rarer one and
# looks behind from there: a pattern that starts with a lookbehind is tried at every
# place of the text.)
LOST_FULL_STOP = re.compile(
    r"[ \t\n](?<=[a-z][ \t\n])[ \t\n]*(?=(?:The|They|There|This|These|He|She|We|But|When)\b)"
)
# The halves of a broken word, and the gap between them: a space or a line break.
PIECE = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])")
GAP = re.compile(r"[ \t]|[ \t]*\n[ \t]*")
# « and » printed for a letter the scanner could not read: most often an s
# ("continue«", "dollar»"), but also the e of "th«" or the w of "»as" (with the
# next letter, "»sas", "»vas").
ANGLE_MARK = re.compile(r"(?<![\w'’-])([^\W\d_]*)[«»]([^\W\d_]*)(?![\w'’-])")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
# An s is the usual reading: another letter must make a word this many times commoner.
S_BONUS = 3.0


def _angle_mark(match: re.Match[str]) -> str:
    head, tail = match.groups()
    if not head and not tail:
        return match.group()
    return _angle_reading(head, tail) or match.group()


@functools.lru_cache(maxsize=4096)  # "th«", "wa»" recur
def _angle_reading(head: str, tail: str) -> str | None:
    """The word behind ``head«tail``, or None."""
    readings = [(head + c + tail, S_BONUS if c == "s" else 1.0) for c in LETTERS]
    if tail:  # the mark and the letter after it were one wide letter: "»sas" -> "was"
        readings += [(head + c + tail[1:], 1.0) for c in "wm"]
    best, best_score = None, 0.0
    for word, bonus in readings:
        f = frequency(word.lower())
        if f >= MIN_FREQUENCY and f * bonus > best_score:
            best, best_score = word, f * bonus
    if best is None:
        return None
    letters = head + tail
    return best.upper() if len(letters) > 1 and letters.isupper() else best  # "TH«" -> "THE"


# An initial before a name ("G B Brodie"): print drops the small dot after it.
INITIAL = re.compile(r"[B-HJ-Z](?<![\w.'’&-][B-HJ-Z])(?=[ \t]+[A-Z][a-z]|[ \t]+[B-HJ-Z][ \t])")
# "POLICE FORCE.-We understand": the dash after a heading or a sentence, printed
# close, is a dash between words; it gets the spaces the page's layout gave it.
GLUED_DASH = re.compile(r"-(?<=[.?!,;]-)(?=[A-Z\"“‘'])")
# "Passengers-Mr. and Mrs. Hay": a list glued by its dash to the word introducing
# it; no compound ends in a title.
DASH_BEFORE_TITLE = re.compile(r"-(?<=[^\W\d_]-)(?=(?:Mr|Mrs|Messrs|Miss|Dr|Rev)\b)")
# A lone mark between words that no English text has alone: a speck on the page.
SPECK = re.compile(r"[|¡_\\'ij](?<=[^\W\d_][ \t][|¡_\\'ij])[ \t]+(?=[^\W\d_])")
# A lone "I" before a capitalised word: a column rule or a speck, not the pronoun.
STRAY_I = re.compile(r"I(?<![^\s]I)[ \t]+(?=[A-Z])")
# A lone "I" after a word no pronoun follows ("of I the", "the I country").
STRAY_I_AFTER = re.compile(
    r"\b((?:the|of|a|an|any|with|from|by|at|on|in|to|his|her|its|their|our|my|your)[ \t])"
    r"I[ \t]+(?=[a-z])"
)
# A lone mark (or "I") before a heading at a line's start ("_ COUNTRY LOTS"): a speck.
SPECK_BEFORE_HEADING = re.compile(r"^[ \t]*(?:[|¡_\\'*?!/>\]«».,]+|I)[ \t]+(?=[A-Z]{2,}\b)", re.M)
EDGE_MARKS = "\"'‘’“”.,;:!?()[]-–—…*"
# "In" after a lower-case word or a comma, not after a sentence's end.
MID_SENTENCE_I = re.compile(r"I(?<=[a-z,;] I)[a-z]+\b")


class Confusions(NamedTuple):
    """A table of confusions: single letters by the letter, longer shapes apart."""

    letters: dict[str, tuple[str, ...]]  # letter -> what it becomes
    shapes: tuple[tuple[str, str], ...]  # (two letters, what they become)


def _table(pairs: list[tuple[str, str]]) -> Confusions:
    letters: dict[str, list[str]] = {}
    for wrong, right in pairs:
        if len(wrong) == 1:
            letters.setdefault(wrong, []).append(right)
    shapes = tuple((wrong, right) for wrong, right in pairs if len(wrong) > 1)
    return Confusions({k: tuple(v) for k, v in letters.items()}, shapes)


MISREADINGS = _table(CONFUSIONS)  # printed -> meant
# meant -> printed (a speck printed as a letter has no meant letter to start from)
PRINTINGS = _table([(right, wrong) for wrong, right in CONFUSIONS if right])


def _edits(word: str, table: Confusions = MISREADINGS) -> set[str]:
    """Every string one confusion away from ``word``.  (The hot loop of the searches
    two and three confusions away: the letters by a dict, the shapes by str.find.)"""
    out = set()
    letters = table.letters
    for i, letter in enumerate(word):
        rights = letters.get(letter)
        if rights:
            head, tail = word[:i], word[i + 1 :]
            for right in rights:
                out.add(head + right + tail)
    for wrong, right in table.shapes:
        i = word.find(wrong)
        while i >= 0:
            out.add(word[:i] + right + word[i + len(wrong) :])
            i = word.find(wrong, i + 1)
    return out


@functools.lru_cache(maxsize=50_000)
def _one_confusion(word: str) -> frozenset[str]:
    return frozenset(_edits(word))


@functools.cache
def _misprints() -> dict[str, tuple[str, ...]]:
    """How a scanner could misprint each common word with one confusion, by the misprint:
    a token's own misreadings looked up here give the words two confusions away
    without generating them all.  (Tuples: most misprints have one word, and the
    garbage collector need not look inside 200,000 of them.)"""
    table: dict[str, tuple[str, ...]] = {}
    for word, share in _frequencies().items():
        if share >= SECOND_MIN_FREQUENCY and word.isalpha():
            for printed in _edits(word, PRINTINGS):
                table[printed] = (*table.get(printed, ()), word)
    return table


def _best(
    candidates: Iterable[str], weight: float, best: str | None, best_score: float
) -> tuple[str | None, float]:
    """The candidate whose frequency times ``weight`` beats ``best_score``, if any.

    Candidates come from sets, in an order that changes with the hash seed: on a tie
    the word first in alphabetical order wins, so that every run gives one output."""
    share = _frequencies().get  # the hot loop of the searches: no function call per word
    for candidate in candidates:
        f = share(candidate, 0.0)
        if f < MIN_FREQUENCY:
            continue
        score = f * weight
        if score > best_score or (score == best_score and best is not None and candidate < best):
            best, best_score = candidate, score
    return best, best_score


@functools.lru_cache(maxsize=200_000)
def correction(word: str) -> str | None:
    """The likeliest word behind a lower-case token, or None to leave it.

    Each candidate scores its frequency times the weight of the misreadings that
    lead to it; the best must beat the token's own frequency by MARGIN."""
    own = frequency(word)
    first = _edits(word)
    best, best_score = _best(first, EDIT_WEIGHT, None, own * MARGIN)
    if own < NON_WORD and len(word) >= 3:  # a non-word: two confusions too
        misprints = _misprints()
        second = {w for e1 in first for w in misprints.get(e1, ())}
        best, best_score = _best(second - first - {word}, EDIT_WEIGHT**2, best, best_score)
        if best is None and len(word) >= THIRD_MIN_LENGTH and own == 0.0:
            # a long unknown word with no nearer candidate: three confusions
            seconds = {e2 for e1 in first for e2 in _edits(e1)} - first
            third = {w for e2 in seconds for w in misprints.get(e2, ())}
            best, best_score = _best(third - second - {word}, EDIT_WEIGHT**3, best, best_score)
    return best


@functools.lru_cache(maxsize=50_000)
def _near_correction(word: str) -> str | None:
    """``correction(word)`` where that is one confusion away, else None.  Without a
    candidate one confusion away the answer is None at once, and ``correction`` never
    searches three confusions away (its slow part) for a word that has one."""
    first = _one_confusion(word)
    if _best(first, EDIT_WEIGHT, None, frequency(word) * MARGIN)[0] is None:
        return None
    best = correction(word)
    return best if best in first else None


def _cased(token: str, word: str) -> str | None:
    # A capital B inside a lower-case word is a misread s ("iBsue", "workB").
    token = token[0] + token[1:].replace("B", "b") if not token.isupper() else token
    if token.islower():
        return word
    if token.isupper():
        return word.upper() if len(token) > 1 else None
    if token[0].isupper() and token[1:].islower():
        return word.capitalize()
    return None  # inner capitals: a name or a code


@functools.cache
def _letter_words() -> frozenset[str]:
    """The word list's words of letters alone (once per process)."""
    return frozenset(w for w in _frequencies() if w.isalpha())


def _plan(text: str) -> dict[str, str]:
    """Each token to correct and its correction; empty for a document without OCR damage."""
    share = _frequencies().get  # the hot loops: no function call per word
    # A quick look first (most documents stop here): OCR damage leaves lower-case
    # words that no word list knows; clean text seldom has one (its unknown words
    # are names).
    # The text's blank-separated chunks, each once: a chunk that is a known word
    # (most are) needs no look at all, and neither does one that is a known word
    # once its punctuation is stripped ("word," "(word").
    known = _letter_words()
    words = {w.strip(EDGE_MARKS) for w in set(text.split()).difference(known)}.difference(known)
    if not any(w.isalpha() and w.islower() for w in words):
        return {}
    found = TOKEN.findall(text)
    tokens = Counter(found)
    # Each token's lower-case count, and each distinct token's share (by map and zip,
    # in C: a Python loop over the tokens was the plan's dearest part).
    lower = Counter(map(str.lower, found))
    shares = dict(zip(tokens, map(share, map(str.lower, tokens), repeat(0.0)), strict=True))
    # Evidence counts distinct non-words: a name the document repeats ("Weil") is one.
    need = max(MIN_DAMAGED, MIN_DAMAGED_SHARE * len(found))
    # Non-words first: without enough of them the document is not damaged, and
    # nothing else needs looking up (most documents stop here).
    non_words = [t for t, f in shares.items() if f < NON_WORD]
    if len(non_words) < need:
        return {}
    plan = _corrections(non_words, tokens, lower)
    # Real words: only a rare one can be beaten by a common word one confusion away.
    rare = _corrections([t for t, f in shares.items() if NON_WORD <= f < RARE], tokens, lower)
    # Evidence of damage: the non-words with a correction, the rare lower-case words
    # misread from one of the commonest ("tho", "bo"), and specks between words.
    misread = [t for t, w in rare.items() if t.islower() and frequency(w) >= COMMON]
    if len(plan) + len(misread) + len(SPECK.findall(text)) < need:
        return {}
    return {**plan, **rare}


def _corrections(candidates: list[str], tokens: Counter[str], lower: Counter[str]) -> dict:
    plan = {}
    # Most tokens have no correction: those with one are found first, in C.
    found = zip(candidates, map(correction, map(str.lower, candidates)), strict=True)
    for token, word in [(token, word) for token, word in found if word is not None]:
        key = token.lower()
        new = _cased(token, word)
        if new is None:
            continue
        # A word, even a rare one the document repeats ("roods"), yields only to a word
        # the document also uses or one of the commonest ("ho" -> "he"); a capitalised
        # token the document repeats is a name ("TWA") unless the document also has
        # its correction so written ("Cieek" beside "Creek") or, in a capitalised
        # word, that correction is one of the commonest ("Tho" -> "The").
        common = frequency(word) >= COMMON
        maybe_word = frequency(key) > 0 and (lower[key] > 1 or frequency(key) >= NON_WORD)
        if maybe_word and not lower[word] and not common:
            continue
        name = tokens[token] > 1 and token[0].isupper() and new not in tokens
        if name and (token.isupper() or not common):
            continue
        plan[token] = new
    return plan


def fix_ocr(text: str) -> tuple[str, int]:
    plan = _plan(text)
    if not plan:
        return text, 0
    count = 0

    def counted(replace: Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str]:
        def change(match: re.Match[str]) -> str:
            nonlocal count
            new = replace(match)
            count += new != match.group()
            return new

        return change

    text, count = _join_split_words(text)
    if "«" in text or "»" in text:
        text = ANGLE_MARK.sub(counted(_angle_mark), text)

    # The text split at its tokens (odd places), each token in the plan replaced: a
    # list comprehension, not a Python call per token.
    parts = TOKEN_PARTS.split(text)
    tokens = parts[1::2]
    count += sum(1 for t in tokens if t in plan)
    parts[1::2] = [plan.get(t, t) for t in tokens]
    text = "".join(parts)
    text, n = _fix_in_context(text)
    count += n
    text = LOST_FULL_STOP.sub(counted(lambda m: "." + m.group()), text)
    text = STRAY_I.sub(counted(lambda m: ""), text)
    text = SPECK.sub(counted(lambda m: ""), text)
    text = SPECK_BEFORE_HEADING.sub(counted(lambda m: ""), text)
    text = STRAY_I_AFTER.sub(counted(lambda m: m.group(1)), text)
    text = INITIAL.sub(counted(lambda m: m.group() + "."), text)
    text = GLUED_DASH.sub(counted(lambda m: " - "), text)
    text = DASH_BEFORE_TITLE.sub(counted(lambda m: " - "), text)
    return MID_SENTENCE_I.sub(counted(_mid_sentence), text), count


def _mid_sentence(match: re.Match[str]) -> str:
    lower = match.group().lower()
    return lower if frequency(lower) >= 1e-3 else match.group()  # "in", "is", "it", "into"


def _join_split_words(text: str) -> tuple[str, int]:
    """ "suc cessor", "Gov ernment", "mar\nkot": a word the scanner broke in two, where a
    half is no word and the two together are one (after one confusion at most)."""
    words = list(PIECE.finditer(text))
    names = [m[0] for m in words]  # (from the matches: a second scan costs more)
    share = _frequencies().get
    odd = {p for p in set(names) if share(p.lower(), 0.0) < NON_WORD}
    # Only a pair with an odd piece can join: the pairs before and after each one.
    heads = sorted(
        {j for i, p in enumerate(names) if p in odd for j in (i - 1, i) if 0 <= j < len(names) - 1}
    )
    if not heads:
        return text, 0
    parts: list[str] = []
    done = 0
    last = -1  # the index of the last piece already joined
    for i in heads:
        a, b = words[i], words[i + 1]
        head, tail = names[i], names[i + 1]
        if i <= last or not tail.islower():
            continue
        if not GAP.fullmatch(text, a.end(), b.start()):
            continue
        word = (head + tail).lower()
        if share(word, 0.0) < MIN_FREQUENCY:  # one confusion at most: "lor it" is no "font"
            word = _near_correction(word) or ""
        new = _cased(head + tail, word) if word else None
        if new:
            parts += [text[done : a.start()], new]
            done = b.end()
            last = i + 1
    if not parts:
        return text, 0
    return "".join([*parts, text[done:]]), len(parts) // 2


# ------------------------------------------------------------ words in context

# A misreading that makes another word ("wore" for "were", "he" for "be", "mid" for
# "and") is judged by its neighbours: the candidate must be far likelier beside the
# words before and after it than the token is (pair counts of a large English corpus).
CONTEXT_RATIO = 30.0
CONTEXT_MIN_FREQUENCY = 1e-5
CONTEXT_MAX_LENGTH = 6
# Half the pair list's smallest count: an unlisted pair may yet occur.
PAIR_FLOOR = 3_000_000
WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])")
BETWEEN = re.compile(r"[ \t]*\n?[ \t]*")


@functools.cache
def _pair_list() -> tuple[dict[str, int], frozenset[str]]:
    """ "word word" -> count, symspellpy's English bigram list (all lower case), and the
    words whose best pair counts on both sides could reach CONTEXT_RATIO times the
    floor: no other word can ever replace a token by its neighbours, and most tokens
    have no such word among their candidates (both built once per process)."""
    from importlib.resources import files

    counts: dict[str, int] = {}
    left: dict[str, int] = {}
    right: dict[str, int] = {}
    path = files("symspellpy") / "frequency_bigramdictionary_en_243_342.txt"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            first, second, count = line.split()
            n = counts[f"{first} {second}"] = int(count)
            if n > right.get(first, 0):
                right[first] = n
            if n > left.get(second, 0):
                left[second] = n
    need = CONTEXT_RATIO * PAIR_FLOOR
    words = left.keys() | right.keys()
    return counts, frozenset(w for w in words if left.get(w, 0) + right.get(w, 0) >= need)


def _pairs() -> dict[str, int]:
    return _pair_list()[0]


def _pair_reach() -> frozenset[str]:
    return _pair_list()[1]


@functools.lru_cache(maxsize=50_000)
def _context_candidates(word: str) -> tuple[str, ...]:
    found = _edits(word) | _edits(word, PRINTINGS)
    reach = _pair_reach()
    # (sorted: the best supported candidate is the first on a tie, whatever the hash seed)
    return tuple(sorted(c for c in found if frequency(c) >= CONTEXT_MIN_FREQUENCY and c in reach))


def _support(pairs: dict[str, int], prev: str | None, word: str, nxt: str | None) -> int:
    """How often ``word`` follows ``prev`` and precedes ``nxt`` in the pair list."""
    found = pairs.get(f"{prev} {word}", 0) if prev else 0
    return found + (pairs.get(f"{word} {nxt}", 0) if nxt else 0)


def _fix_in_context(text: str) -> tuple[str, int]:
    pairs = _pairs()
    floor = PAIR_FLOOR
    words = list(WORD.finditer(text))
    names = [m[0] for m in words]  # (from the matches: a second scan costs more)
    # A lone s is an apostrophe's ("Joseph s College").
    confusable = {
        w: found
        for w in set(names)
        if w.islower() and len(w) <= CONTEXT_MAX_LENGTH and w != "s"
        if (found := _context_candidates(w))
    }
    if not confusable:
        return text, 0
    last = len(words) - 1
    between = BETWEEN.fullmatch
    parts: list[str] = []
    done = 0
    for i in [i for i, w in enumerate(names) if w in confusable]:
        match, token = words[i], names[i]
        # The neighbours: the words before and after it, where only blanks (or one
        # line break) part them from it.
        prev = nxt = None
        if i and between(text, words[i - 1].end(), match.start()):
            prev = names[i - 1].lower()
        if i < last and between(text, match.end(), words[i + 1].start()):
            nxt = names[i + 1].lower()
        if prev is None and nxt is None:
            continue
        best, support = token, -1  # the candidate best supported (the first, on a tie)
        for candidate in confusable[token]:
            found = _support(pairs, prev, candidate, nxt)
            if found > support:
                best, support = candidate, found
        if support >= CONTEXT_RATIO * (_support(pairs, prev, token, nxt) + floor):
            parts += [text[done : match.start()], best]
            done = match.end()
    if not parts:
        return text, 0
    return "".join([*parts, text[done:]]), len(parts) // 2
