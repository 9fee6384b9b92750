"""The repairs in the order they run, and the record of what they did."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from corpus_tool_clean import boilerplate, joined, ocr, repairs
from corpus_tool_clean.kinds import Repair

# Order matters: lines are mended (hyphenation, whitespace) before whole lines
# are recognised as metadata or boilerplate, and those lines leave before words
# are judged (the joined-word repair looks for evidence in the rest of the
# document); spacing is fixed before quote marks, whose rules look at the space
# before a mark.
TEXT_REPAIRS: dict[Repair, Callable[[str], tuple[str, int]]] = {
    Repair.unicode: repairs.fix_unicode,
    Repair.hyphenation: repairs.fix_hyphenation,
    Repair.dashes: repairs.restore_lost_dashes,
    Repair.whitespace: repairs.fix_whitespace,
    Repair.sentence_spacing: repairs.fix_sentence_spacing,
    Repair.ocr: ocr.fix_ocr,
    Repair.joined_words: joined.split_joined_words,
    Repair.quotes: repairs.fix_quotes,
}
LINE_REPAIRS: dict[Repair, Callable[[str], boilerplate.LineRepairs]] = {
    Repair.metadata: boilerplate.move_metadata,
    Repair.boilerplate: boilerplate.remove_boilerplate,
}
ORDER = [
    Repair.unicode,
    Repair.hyphenation,
    Repair.dashes,
    Repair.whitespace,
    Repair.metadata,
    Repair.boilerplate,
    Repair.sentence_spacing,
    Repair.ocr,
    Repair.joined_words,
    Repair.quotes,
]


@dataclass
class Cleaned:
    text: str
    repairs: dict[str, int] = field(default_factory=dict)
    removed: list[dict[str, str]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def chosen(only: Iterable[Repair] | None, skip: Iterable[Repair] | None) -> list[Repair]:
    selected = set(only) if only else set(Repair)
    selected -= set(skip or ())
    return [r for r in ORDER if r in selected]


# OCR corrections change the evidence other repairs (and the ocr repair itself) judge
# by: a correction can reveal a name's correct spelling or a sentence's start.  A text
# the ocr repair changed is cleaned again until nothing changes, so that cleaning
# stays idempotent.
MAX_PASSES = 4


def clean_text(text: str, selected: Iterable[Repair] = ORDER) -> Cleaned:
    result = Cleaned(text)
    selected = list(selected)
    for _ in range(MAX_PASSES):
        before, ocr_before = result.text, result.repairs.get(Repair.ocr.value, 0)
        _one_pass(result, selected)
        if result.repairs.get(Repair.ocr.value, 0) == ocr_before or result.text == before:
            break
    return result


def _one_pass(result: Cleaned, selected: list[Repair]) -> None:
    line_repairs = [r for r in selected if r in LINE_REPAIRS]
    for repair in selected:
        if repair in LINE_REPAIRS:  # the line repairs run together, at the first one's turn
            if repair is line_repairs[0]:
                _remove_lines(result, line_repairs)
            continue
        result.text, count = TEXT_REPAIRS[repair](result.text)
        _count(result, repair, count)


def _remove_lines(result: Cleaned, repairs: list[Repair]) -> None:
    """Run the line repairs until none finds more: removing a boilerplate line can
    bring a ``date`` line to the top, and moving a date out can leave a boilerplate line."""
    found = True
    while found:
        found = False
        for repair in repairs:
            lines = LINE_REPAIRS[repair](result.text)
            if lines.removed:
                found = True
                result.text = lines.text
                result.removed += lines.removed
                for key, value in lines.meta.items():
                    result.meta.setdefault(key, value)
                _count(result, repair, len(lines.removed))


def _count(result: Cleaned, repair: Repair, count: int) -> None:
    if count:
        result.repairs[repair.value] = result.repairs.get(repair.value, 0) + count
