"""``freq``: a word list with counts, frequency per million, range and dispersion."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from corpus_tool import Document, Row
from corpus_tool_corpus.words import doc_words

_DATE = re.compile(r"(\d{4})-\d{2}(?:-\d{2})?\b")
NO_GROUP = "none"


@dataclass
class FreqState:
    """Word counts of a run of documents, kept so that one counting pass over
    each document's tokens suffices.

    ``docs``: documents that have each word; ``extra``: the sum over documents of
    c − 1 (c: the word's count in a document), kept for words seen twice or more
    in a document, so that a word's count is ``docs + extra``; ``repeats``: the
    sum of c·c − c, likewise, so that the sum of squared counts Juilland's D
    needs is ``count + repeats``.  A state of one document holds its word
    ``counts`` instead of the three: expanded when merged.
    """

    counts: Counter[str] | None = None
    docs: Counter[str] = field(default_factory=Counter)
    extra: dict[str, int] = field(default_factory=dict)
    repeats: dict[str, int] = field(default_factory=dict)
    n_docs: int = 1
    n_tokens: int = 0
    # With --by: group -> word -> count, and the tokens of each group.
    groups: dict[str, Counter[str]] = field(default_factory=dict)
    group_tokens: dict[str, int] = field(default_factory=dict)

    def expanded(self) -> FreqState:
        """The state with ``docs``, ``extra`` and ``repeats``, without ``counts``."""
        if self.counts is not None:
            counts, self.counts = self.counts, None
            self.docs = Counter(counts.keys())
            self.extra, self.repeats = {}, {}
            _add_repeats(self, counts)
            self.groups = {group: Counter(found) for group, found in self.groups.items()}
        return self

    def __getstate__(self) -> dict[str, Any]:
        return vars(self.expanded())  # what travels between processes is the counts


def _add_repeats(state: FreqState, counts: Counter[str]) -> None:
    """Add one document's words seen more than once to ``extra`` and ``repeats``
    (a loop in Python over the document's words, short for the two-thirds seen once)."""
    extra, repeats = state.extra, state.repeats
    extra_get, repeats_get = extra.get, repeats.get
    for word, c in counts.items():
        if c > 1:
            extra[word] = extra_get(word, 0) + c - 1
            repeats[word] = repeats_get(word, 0) + c * c - c


def group_of(doc: Document, field_name: str | None) -> str | None:
    """The document's group for --by: the field's value; a date's year."""
    if not field_name:
        return None
    value = doc.meta.get(field_name)
    if value is None or value == "":
        return NO_GROUP
    text = str(value)
    match = _DATE.match(text)
    return match.group(1) if match else text


def ngrams(tokens: list[str], n: int) -> list[str]:
    if n <= 1:
        return tokens
    return [" ".join(gram) for gram in zip(*(tokens[i:] for i in range(n)), strict=False)]


def count_document(
    doc: Document, *, ngram: int, lower: bool, stop_words: str | None, by: str | None
) -> FreqState:
    tokens = ngrams(doc_words(doc, lower=lower, stop_words=stop_words), ngram)
    counts = Counter(tokens)
    state = FreqState(counts, n_tokens=len(tokens))
    group = group_of(doc, by)
    if group is not None:
        state.groups[group] = counts
        state.group_tokens[group] = len(tokens)
    return state


def merge(a: FreqState, b: FreqState) -> FreqState:
    a = a.expanded()
    if b.counts is not None:  # one document: its words are counted once each, in C
        a.docs.update(b.counts.keys())
        _add_repeats(a, b.counts)
        for group in b.groups:
            a.groups.setdefault(group, Counter()).update(b.counts.elements())
    else:
        a.docs.update(b.docs)
        for mine, theirs in ((a.extra, b.extra), (a.repeats, b.repeats)):
            get = mine.get
            for word, value in theirs.items():
                mine[word] = get(word, 0) + value
        for group, counts in b.groups.items():
            a.groups.setdefault(group, Counter()).update(counts)
    for group, tokens in b.group_tokens.items():
        a.group_tokens[group] = a.group_tokens.get(group, 0) + tokens
    a.n_docs += b.n_docs
    a.n_tokens += b.n_tokens
    return a


def per_million(count: int, tokens: int) -> float:
    return count * 1e6 / tokens if tokens else 0.0


def rows(state: FreqState, *, min_count: int, top: int) -> Iterator[Row]:
    """Most frequent first (ties: alphabetical)."""
    state = state.expanded()
    docs, repeats, parts = state.docs, state.repeats, state.n_docs
    count = dict(docs)
    for word, more in state.extra.items():
        count[word] += more
    floor = max(min_count, 1)
    kept = [(word, c) for word, c in count.items() if c >= floor] if floor > 1 else [*count.items()]
    # Two stable sorts in C: alphabetical, then by count (descending, ties kept).
    kept.sort(key=itemgetter(0))
    kept.sort(key=itemgetter(1), reverse=True)
    if top > 0:
        kept = kept[:top]
    scale = 1e6 / state.n_tokens if state.n_tokens else 0.0
    groups = [
        (f"pm_{group}", state.groups[group], state.group_tokens[group])
        for group in sorted(state.groups)
    ]
    # Juilland's D inline (one call per word adds up on a large vocabulary).
    spread = math.sqrt(parts - 1) if parts > 1 else 0.0
    sqrt, squares, repeated, found = math.sqrt, parts * parts, repeats.get, docs.__getitem__
    dispersion: float | None = None
    for rank, (word, c) in enumerate(kept, 1):
        if spread:
            variance = ((c + repeated(word, 0)) * parts - c * c) / squares
            d = 1 - sqrt(variance if variance > 0 else 0.0) / (c / parts) / spread
            dispersion = d if d > 0 else 0.0
        row: dict[str, Any] = {
            "rank": rank,
            "word": word,
            "count": c,
            "per_million": c * scale,
            "docs": found(word),
            "juilland_d": dispersion,
        }
        for column, counts, tokens in groups:
            row[column] = per_million(counts.get(word, 0), tokens)
        yield row
