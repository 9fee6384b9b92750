"""``collocates``: the words found within a window around a node word, and how strongly."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from corpus_tool import Row
from corpus_tool_corpus.measures import association


def parse_window(text: str) -> tuple[int, int]:
    """``"5,5"`` -> (5, 5); ``"3"`` -> (3, 3); ValueError otherwise."""
    parts = [p.strip() for p in text.split(",")]
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) == 1:
        numbers *= 2
    if len(numbers) != 2 or min(numbers) < 0 or sum(numbers) == 0:
        raise ValueError(
            f"--window wants L,R: words left and right, e.g. 5,5 or 0,1 (got {text!r})"
        )
    return numbers[0], numbers[1]


@dataclass
class CollocState:
    node: int  # occurrences of the node word
    together: Counter[str]  # word -> times within the node's windows
    count: Counter[str]  # word -> occurrences in the corpus
    n_tokens: int


def count_document(tokens: list[str], node: str, left: int, right: int) -> CollocState:
    together: Counter[str] = Counter()
    positions = [i for i, token in enumerate(tokens) if token == node]
    size = len(tokens)
    for i in positions:
        together.update(tokens[max(0, i - left) : i])
        together.update(tokens[i + 1 : min(size, i + 1 + right)])
    return CollocState(len(positions), together, Counter(tokens), size)


def merge(a: CollocState, b: CollocState) -> CollocState:
    a.together.update(b.together)
    a.count.update(b.count)
    a.node += b.node
    a.n_tokens += b.n_tokens
    return a


def rows(
    state: CollocState, *, node: str, left: int, right: int, min_count: int, measure: str, top: int
) -> Iterator[Row]:
    """Collocates sorted by ``measure`` (descending; ties alphabetical)."""
    span = left + right
    found = []
    for word, observed in state.together.items():
        if observed < max(min_count, 1):
            continue
        figures = association(observed, state.node, state.count[word], state.n_tokens, span)
        found.append(
            {
                "node": node,
                "collocate": word,
                "observed": observed,
                "expected": figures["expected"],
                "f_node": state.node,
                "f_collocate": state.count[word],
                "mi": figures["mi"],
                "t_score": figures["t_score"],
                "g2": figures["g2"],
                "log_dice": figures["log_dice"],
            }
        )
    found.sort(key=lambda row: (-row[measure], row["collocate"]))
    yield from found[:top] if top > 0 else found
