"""Keywords of a corpus against general English: wordfreq's frequencies as the reference.

wordfreq gives each word's frequency in a large mix of English sources (Wikipedia,
subtitles, news, books, the web); it is taken here as a reference corpus of
``REFERENCE_TOKENS`` words, so its frequencies become counts for the same
log-likelihood and log ratio as ``keyness``.
"""

from __future__ import annotations

from collections.abc import Mapping

from corpus_tool import Row
from corpus_tool_corpus.keywords import keyword_row

REFERENCE_TOKENS = 1_000_000_000


def general_keywords(
    counts: Mapping[str, int],
    tokens: int,
    *,
    top: int = 8,
    min_count: int = 3,
    min_log_ratio: float = 1.0,
    language: str = "en",
) -> list[Row]:
    """The words most characteristic of the corpus against general English, by G2:
    seen at least ``min_count`` times, at least 2^min_log_ratio times as frequent."""
    from wordfreq import word_frequency

    if tokens <= 0:
        return []
    found = []
    for word, count in counts.items():
        if count < min_count or not word.replace("'", "").replace("-", "").isalpha():
            continue
        reference = word_frequency(word, language) * REFERENCE_TOKENS
        row = keyword_row(word, count, reference, tokens, REFERENCE_TOKENS)
        if row["direction"] == "+" and row["log_ratio"] >= min_log_ratio:
            found.append(row)
    found.sort(key=lambda row: (-row["g2"], row["word"]))
    return found[:top]
