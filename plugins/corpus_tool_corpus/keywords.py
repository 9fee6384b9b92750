"""``keyness``: the words that set a target corpus apart from a reference corpus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from corpus_tool import Row
from corpus_tool_corpus.measures import keyness_g2, log_ratio, p_value, percent_diff


@dataclass
class KeyState:
    count: Counter[str]
    n_tokens: int


def count_document(tokens: list[str]) -> KeyState:
    return KeyState(Counter(tokens), len(tokens))


def merge(a: KeyState, b: KeyState) -> KeyState:
    a.count.update(b.count)
    a.n_tokens += b.n_tokens
    return a


def keyword_row(word: str, a: float, b: float, n1: float, n2: float) -> Row:
    """A word's figures: counted ``a`` times in ``n1`` tokens, ``b`` in ``n2``."""
    g2 = keyness_g2(a, b, n1, n2)
    return {
        "word": word,
        "direction": "+" if a / n1 >= b / n2 else "-",
        "count": a,
        "count_ref": b,
        "per_million": round(a * 1e6 / n1, 4),
        "per_million_ref": round(b * 1e6 / n2, 4),
        "g2": g2,
        "p": p_value(g2),
        "log_ratio": log_ratio(a, b, n1, n2),
        "pct_diff": percent_diff(a, b, n1, n2),
    }


def rows(
    target: KeyState,
    reference: KeyState,
    *,
    max_p: float,
    min_log_ratio: float,
    min_count: int,
    show: str,
    top: int,
) -> Iterator[Row]:
    """Positive keywords (more frequent in the target), then negative ones, each by
    G2 (ties alphabetical); only those with p ≤ max_p and |log ratio| ≥ min_log_ratio."""
    n1, n2 = target.n_tokens, reference.n_tokens
    if n1 == 0 or n2 == 0:
        return
    found: dict[str, list[Row]] = {"+": [], "-": []}
    for word in target.count.keys() | reference.count.keys():
        a, b = target.count.get(word, 0), reference.count.get(word, 0)
        if a + b < max(min_count, 1):
            continue
        row = keyword_row(word, a, b, n1, n2)
        if row["p"] > max_p or abs(row["log_ratio"]) < min_log_ratio:
            continue
        found[row["direction"]].append(row)
    for direction, wanted in (("+", "positive"), ("-", "negative")):
        if show not in ("both", wanted):
            continue
        chosen = sorted(found[direction], key=lambda row: (-row["g2"], row["word"]))
        yield from chosen[:top] if top > 0 else chosen
