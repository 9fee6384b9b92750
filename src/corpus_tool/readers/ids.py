"""Unique document ids over a corpus of any size."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

from corpus_tool.document import Document
from corpus_tool.readers.base import Item, Problem


class SeenIds:
    """The ids seen so far, kept as 64-bit hashes in an open-addressing table.

    16 bytes an id at most, where a set of the strings costs over 100: the main
    process's memory stays flat on corpora of millions of documents. Two distinct
    ids share a 64-bit hash with a chance of about n**2 / 2**65 (1e-8 at a million).
    """

    def __init__(self) -> None:
        self.table = array("Q", bytes(8 * 1024))
        self.count = 0

    def add(self, doc_id: str) -> bool:
        """Remember ``doc_id``; False when it was seen before."""
        key = (hash(doc_id) & 0xFFFF_FFFF_FFFF_FFFF) or 1  # 0 marks an empty slot
        mask = len(self.table) - 1
        slot = key & mask
        while self.table[slot]:
            if self.table[slot] == key:
                return False
            slot = (slot + 1) & mask
        self.table[slot] = key
        self.count += 1
        if self.count * 4 > len(self.table) * 3:  # linear probing stays short below 3/4
            self._grow()
        return True

    def _grow(self) -> None:
        old = self.table
        self.table = array("Q", bytes(16 * len(old)))
        mask = len(self.table) - 1
        for key in old:
            if key:
                slot = key & mask
                while self.table[slot]:
                    slot = (slot + 1) & mask
                self.table[slot] = key


def unique_ids(items: Iterable[Item]) -> Iterator[Item]:
    """Make document ids unique: a repeated id gets ``#2``, ``#3``... and a warning."""
    seen = SeenIds()
    repeats: dict[str, int] = {}  # only the ids that did repeat
    for item in items:
        if isinstance(item, Document) and not seen.add(item.id):
            count = repeats[item.id] = repeats.get(item.id, 1) + 1
            new_id = f"{item.id}#{count}"
            where = item.origin or item.id
            message = f"duplicate id {item.id!r}, renamed {new_id!r}"
            yield Problem(where, message, skipped=False)
            item.id = new_id
        yield item
