"""``freq``: a word list with counts, frequency per million, range and dispersion."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from corpus_tool import Document, Row
from corpus_tool_corpus.measures import juilland_d
from corpus_tool_corpus.words import doc_words

_DATE = re.compile(r"(\d{4})-\d{2}(?:-\d{2})?\b")
NO_GROUP = "none"


@dataclass
class FreqState:
    """Word counts of a run of documents; ``docs`` and ``squares`` are None while the
    state holds one document (each word in 1 document, squares from the counts)."""

    count: dict[str, int]
    docs: dict[str, int] | None = None
    squares: dict[str, int] | None = None
    n_docs: int = 1
    n_tokens: int = 0
    # With --by: group -> word -> count, and the tokens of each group.
    groups: dict[str, dict[str, int]] = field(default_factory=dict)
    group_tokens: dict[str, int] = field(default_factory=dict)

    def expanded(self) -> FreqState:
        if self.docs is not None:
            return self
        squares = {word: c * c for word, c in self.count.items()}
        self.docs = dict.fromkeys(self.count, 1)
        self.squares = squares
        self.count = dict(self.count)
        self.groups = {g: dict(counts) for g, counts in self.groups.items()}
        return self


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
    assert a.docs is not None and a.squares is not None
    count, docs, squares = a.count, a.docs, a.squares
    get, get_docs, get_squares = count.get, docs.get, squares.get
    if b.docs is None:
        for word, c in b.count.items():
            count[word] = get(word, 0) + c
            docs[word] = get_docs(word, 0) + 1
            squares[word] = get_squares(word, 0) + c * c
    else:
        assert b.squares is not None
        other_docs, other_squares = b.docs, b.squares
        for word, c in b.count.items():
            count[word] = get(word, 0) + c
            docs[word] = get_docs(word, 0) + other_docs[word]
            squares[word] = get_squares(word, 0) + other_squares[word]
    for group, counts in b.groups.items():
        mine = a.groups.setdefault(group, {})
        mine_get = mine.get
        for word, c in counts.items():
            mine[word] = mine_get(word, 0) + c
        a.group_tokens[group] = a.group_tokens.get(group, 0) + b.group_tokens[group]
    a.n_docs += b.n_docs
    a.n_tokens += b.n_tokens
    return a


def per_million(count: int, tokens: int) -> float:
    return count * 1e6 / tokens if tokens else 0.0


def rows(state: FreqState, *, min_count: int, top: int) -> Iterator[Row]:
    """Most frequent first (ties: alphabetical)."""
    state = state.expanded()
    docs, squares, parts = state.docs, state.squares, state.n_docs
    assert docs is not None and squares is not None
    floor = max(min_count, 1)
    kept = [(word, c) for word, c in state.count.items() if c >= floor]
    kept.sort(key=lambda item: (-item[1], item[0]))
    if top > 0:
        kept = kept[:top]
    scale = 1e6 / state.n_tokens if state.n_tokens else 0.0
    groups = [
        (f"pm_{group}", state.groups[group], state.group_tokens[group])
        for group in sorted(state.groups)
    ]
    for rank, (word, c) in enumerate(kept, 1):
        row: dict[str, Any] = {
            "rank": rank,
            "word": word,
            "count": c,
            "per_million": c * scale,
            "docs": docs[word],
            "juilland_d": juilland_d(c, squares[word], parts),
        }
        for column, counts, tokens in groups:
            row[column] = per_million(counts.get(word, 0), tokens)
        yield row
