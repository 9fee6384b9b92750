"""The word-frequency dictionary behind the joined-word and hyphenation repairs.

We use the English frequency dictionary that symspellpy ships (82,765 words with
their counts in a large web corpus).  Only membership and counts are needed, so
we read the file once per process instead of building a SymSpell index.
"""

from __future__ import annotations

import functools
from importlib.resources import files

DICTIONARY_FILE = "frequency_dictionary_en_82_765.txt"


@functools.cache
def word_counts() -> dict[str, int]:
    """Lower-case word -> corpus count, loaded once per process."""
    counts: dict[str, int] = {}
    with (files("symspellpy") / DICTIONARY_FILE).open(encoding="utf-8") as handle:
        for line in handle:
            word, _, count = line.rstrip("\n").partition(" ")
            if count:
                counts[word] = int(count)
    return counts


@functools.cache
def protected_names() -> frozenset[str]:
    """Well-known names with internal capitals that the dictionary lacks (lower-cased)."""
    text = (files(__package__) / "names.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@functools.cache
def _frequencies() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en", "large")


def frequency(word: str) -> float:
    """How often a lower-case word occurs in English (wordfreq's large list: web,
    news, books, subtitles), as a share of all words; 0.0 when unknown."""
    return _frequencies().get(word, 0.0)


def is_word(word: str) -> bool:
    return word.lower() in word_counts()


def source() -> str:
    """Where the dictionary comes from, for ``corpus-tool plugins``."""
    from importlib.metadata import version

    return (
        f"symspellpy {version('symspellpy')} {DICTIONARY_FILE}; "
        f"wordfreq {version('wordfreq')} (en, large)"
    )
