"""What the overview and the page show, read from reported documents.

A ``Digest`` is one document's part (its figures, and for the page its quotes
and dates with their sentences); a ``Corpus`` adds digests up one at a time, so
the page can be collected while documents stream past.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from corpus_tool import Document
from corpus_tool_report.run import CLEAN, ERRORS, REPORT

QUOTES, DATES, READABILITY = "quotes", "dates", "readability"
# Tools whose figures have their own columns; any other analyzer gets generic ones.
KNOWN = {CLEAN, READABILITY, QUOTES, DATES}
SAID = ("direct", "partial")  # scare quotes have no speaker
# A TIMEX3 value placed at least to the month: 2023-02, 2023-02-13, 2023-02-13T10:00.
_MONTH = re.compile(r"(\d{4})-(\d{2})(?![\d])")
# The end of a sentence: a stop (maybe inside a closing quote or bracket), or a line break.
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+|\n\s*")
_SENTENCE_MAX = 400  # characters each side of a span


@dataclass(frozen=True)
class Column:
    """One column of the per-document table: a figure of ``meta.report.<tool>``."""

    header: str
    tool: str
    key: str
    total: str = "sum"  # how the corpus row adds it up: sum, mean or none


BUILT_IN_COLUMNS = (
    Column("words", READABILITY, "words"),
    Column("garble before", CLEAN, "garble_before", "mean"),
    Column("garble after", CLEAN, "garble_after", "mean"),
    Column("grade", READABILITY, "flesch_kincaid_grade", "mean"),
    Column("quotes", QUOTES, "quotes"),
    Column("speakers", QUOTES, "speakers", "distinct"),
    Column("dates", DATES, "dates"),
    Column("anchor", DATES, "anchor", "count"),
)


@dataclass(frozen=True)
class Mention:
    """A quote or a date, with the sentence around it split at the span."""

    label: tuple[str, ...]  # the row's own fields: kind and speaker, or type and value
    before: str
    span: str
    after: str


@dataclass
class Digest:
    doc: str
    source: str | None
    figures: dict[str, dict[str, Any]]
    errors: dict[str, str]
    speakers: Counter[str]
    months: Counter[str]
    quotes: list[Mention] = field(default_factory=list)
    dates: list[Mention] = field(default_factory=list)

    def value(self, column: Column) -> Any:
        return self.figures.get(column.tool, {}).get(column.key)

    @property
    def grade(self) -> float | None:
        grade = self.figures.get(READABILITY, {}).get("flesch_kincaid_grade")
        return grade if isinstance(grade, int | float) else None


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence holding ``text[start:end]``, as (before, span, after), on one line."""
    left = max(0, start - _SENTENCE_MAX)
    for match in _SENTENCE_END.finditer(text, left, start):
        left = match.end()
    following = _SENTENCE_END.search(text, end, min(len(text), end + _SENTENCE_MAX))
    right = following.start() + 1 if following else min(len(text), end + _SENTENCE_MAX)
    right = max(right, end)

    def flat(part: str) -> str:
        return " ".join(part.split())

    before, after = flat(text[left:start]), flat(text[end:right])
    return (before + " " if before and text[start - 1].isspace() else before,
            flat(text[start:end]),
            " " + after if after and text[end].isspace() else after)


def _rows(value: Any) -> list[dict[str, Any]]:
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def _mention(text: str, row: dict[str, Any], label: tuple[str, ...]) -> Mention | None:
    start, end = row.get("start"), row.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        return None
    return Mention(label, *sentence_around(text, start, end))


def digest(doc: Document, sentences: bool = False) -> Digest:
    """One reported document's figures; with ``sentences``, its quotes and dates too."""
    report = doc.meta.get(REPORT)
    report = report if isinstance(report, dict) else {}
    errors = report.get(ERRORS) if isinstance(report.get(ERRORS), dict) else {}
    figures = {k: v for k, v in report.items() if k != ERRORS and isinstance(v, dict)}
    quotes = _rows(doc.meta.get(QUOTES))
    dates = [row for row in _rows(doc.meta.get(DATES)) if row.get("type") != "DCT"]
    speakers = Counter(
        str(row["speaker"]) for row in quotes if row.get("kind") in SAID and row.get("speaker")
    )
    months: Counter[str] = Counter()
    for row in dates:
        match = _MONTH.match(str(row.get("value") or ""))
        if row.get("type") in ("DATE", "TIME") and match and 1 <= int(match[2]) <= 12:
            months[match[0]] += 1
    source = doc.meta.get("source")
    found = Digest(doc.id, source if isinstance(source, str) else None, figures,
                   {str(k): str(v) for k, v in errors.items()}, speakers, months)
    if sentences:
        for row in quotes:
            label = (str(row.get("kind") or ""), str(row.get("speaker") or ""))
            if (mention := _mention(doc.text, row, label)) is not None:
                found.quotes.append(mention)
        for row in dates:
            label = (str(row.get("type") or ""), str(row.get("value") or ""))
            if (mention := _mention(doc.text, row, label)) is not None:
                found.dates.append(mention)
    return found


def table_row(doc: Document) -> dict[str, Any]:
    """A reported document as one row of the per-document table (``-f csv``,
    ``--summary``): every built-in column, then the other analyzers' figures
    (``tool.key``), then the tools that failed on it."""
    found = digest(doc)
    row: dict[str, Any] = {"doc": doc.id}
    for column in BUILT_IN_COLUMNS:
        row[column.header.replace(" ", "_")] = found.value(column)
    for tool, figures in found.figures.items():
        if tool not in KNOWN:
            for key, value in figures.items():
                row[tool if key == tool else f"{tool}.{key}"] = value
    row["errors"] = "; ".join(f"{tool}: {error}" for tool, error in found.errors.items()) or None
    return row


_YEAR = re.compile(r"(\d{4})-\d{2}(?:-\d{2})?\b")


def group_of(doc: Document, field_name: str | None) -> str | None:
    """The document's group by a metadata field: its value, a date's year; None
    when the document has no such field."""
    value = doc.meta.get(field_name) if field_name else None
    if value is None or value == "":
        return None
    match = _YEAR.match(str(value))
    return match.group(1) if match else str(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@dataclass
class Corpus:
    """The corpus-wide figures, added up one document at a time."""

    digests: list[Digest] = field(default_factory=list)
    speakers: Counter[str] = field(default_factory=Counter)
    speaker_docs: Counter[str] = field(default_factory=Counter)
    months: Counter[str] = field(default_factory=Counter)
    # The vocabulary: word counts of the corpus, and of each group of documents by
    # the report's --by field (a date's year).
    words: Counter[str] = field(default_factory=Counter)
    tokens: int = 0
    groups: dict[str, Counter[str]] = field(default_factory=dict)

    def count_words(self, doc: Document, by: str | None) -> None:
        from corpus_tool import words

        found = words(doc.text)
        self.words.update(found)
        self.tokens += len(found)
        group = group_of(doc, by)
        if group is not None:
            self.groups.setdefault(group, Counter()).update(found)

    def keywords(self, top: int) -> list[dict[str, Any]]:
        """The corpus's keywords against general English (the corpus plugin's list),
        or none when that plugin is not installed."""
        try:
            from corpus_tool_corpus.general import general_keywords
        except ImportError:
            return []
        return general_keywords(self.words, self.tokens, top=top)

    def add(self, found: Digest) -> None:
        self.digests.append(found)
        self.speakers.update(found.speakers)
        self.speaker_docs.update(found.speakers.keys())
        self.months.update(found.months)

    @classmethod
    def of(
        cls, documents: Iterable[Document], sentences: bool = False, by: str | None = None
    ) -> Corpus:
        corpus = cls()
        for doc in documents:
            corpus.add(digest(doc, sentences))
            corpus.count_words(doc, by)
        return corpus

    def columns(self) -> list[Column]:
        """The built-in columns that have values, then every other analyzer's figures."""
        shown = [c for c in BUILT_IN_COLUMNS if any(d.value(c) is not None for d in self.digests)]
        for found in self.digests:
            for tool, figures in found.figures.items():
                if tool in KNOWN:
                    continue
                for key in figures:
                    header = tool if key == tool else f"{tool}.{key}"
                    column = Column(header, tool, key)
                    if column not in shown:
                        shown.append(column)
        return shown

    def total(self, column: Column) -> Any:
        """The corpus row's cell for a column."""
        values = [d.value(column) for d in self.digests]
        numbers = [v for v in values if _is_number(v)]
        if column.total == "distinct":
            return len(self.speakers)
        if column.total == "count":
            return f"{sum(v is not None for v in values)} of {len(values)}"
        if not numbers:
            return None
        if column.total == "mean" or any(isinstance(v, float) for v in numbers):
            return statistics.fmean(numbers)
        return sum(numbers)

    def by_grade(self) -> list[Digest]:
        """Documents with a grade, hardest first."""
        graded = [d for d in self.digests if d.grade is not None]
        return sorted(graded, key=lambda d: -(d.grade or 0.0))

    def timeline(self, limit: int) -> tuple[str, list[tuple[str, int]], int]:
        """Resolved dates by month, in calendar order: (unit, buckets, buckets left out).

        When the months are too many to list, they are counted by year; when even
        the years are too many, the busiest are kept, still in calendar order.
        """
        counts, unit = self.months, "month"
        if len(counts) > limit:
            counts, unit = Counter(), "year"
            for month, number in self.months.items():
                counts[month[:4]] += number
        kept = sorted(counts.items())
        if len(kept) > limit:
            # The busiest; among equals the most recent (old outliers are usually history).
            ranked = sorted(kept, key=lambda item: (item[1], item[0]), reverse=True)
            busiest = {key for key, _ in ranked[:limit]}
            kept = [(key, number) for key, number in kept if key in busiest]
        return unit, kept, len(counts) - len(kept)

    def errors(self) -> list[tuple[str, str, str]]:
        return [(d.doc, tool, error) for d in self.digests for tool, error in d.errors.items()]
