"""The HTML report: one self-contained page, collected while the documents stream past."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from html import escape
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Any

from corpus_tool import Document, Problem, write_atomically
from corpus_tool_report.charts import horizontal_bars, vertical_bars
from corpus_tool_report.digest import Corpus, Digest, Mention, digest
from corpus_tool_report.overview import cell

TOP_SPEAKERS = 15
TIMELINE_BARS = 48
HIGHEST_GRADE = 18  # grades above are counted as "18+"
VOCABULARY_ROWS = 15  # keywords against general English
KEYWORD_CHARTS = 3  # keywords charted over the --by groups


def pass_through(
    documents: Iterator[Document], html: Path | None, by: str | None = "date"
) -> Iterable[Any]:
    """The documents unchanged; each tool failure as a Problem; the page at the end."""
    corpus = Corpus() if html is not None else None
    for doc in documents:
        found = digest(doc, sentences=corpus is not None)
        for tool, error in found.errors.items():
            where = f"{doc.id} ({found.source})" if found.source else doc.id
            yield Problem(where, f"{tool} failed: {error}; the other tools' results are kept",
                          skipped=False)
        if corpus is not None:
            corpus.add(found)
            corpus.count_words(doc, by)
        yield doc
    if corpus is not None and html is not None:
        write_atomically(html, page(corpus, by))


def _table(headers: list[str], rows: list[list[str]], numeric: Collection[int] = ()) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        ) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _anchor(doc: str) -> str:
    return "doc-" + "".join(c if c.isalnum() else "-" for c in doc)


def _overview(corpus: Corpus) -> str:
    columns = corpus.columns()
    errors = any(d.errors for d in corpus.digests)
    headers = ["doc", *(c.header for c in columns), *(["errors"] if errors else [])]
    numeric = {i + 1 for i, c in enumerate(columns) if c.key != "anchor"}
    rows = [
        [f'<a href="#{_anchor(d.doc)}">{escape(d.doc)}</a>',
         *(escape(cell(d.value(c))) for c in columns),
         *([escape(", ".join(d.errors))] if errors else [])]
        for d in corpus.digests
    ]
    rows.append(["<b>corpus</b>", *(f"<b>{escape(cell(corpus.total(c)))}</b>" for c in columns),
                 *([""] if errors else [])])
    return _table(headers, rows, numeric)


def _grade_chart(corpus: Corpus) -> str:
    grades = Counter(
        min(HIGHEST_GRADE, max(0, math.floor(d.grade))) for d in corpus.digests
        if d.grade is not None
    )
    items: list[tuple[str, float]] = []
    if grades:
        for grade in range(min(grades), max(grades) + 1):
            label = f"{grade}+" if grade == HIGHEST_GRADE else str(grade)
            items.append((label, grades[grade]))
    return vertical_bars(items, "Documents per Flesch-Kincaid grade", "no readability scores")


def _keyword_charts(corpus: Corpus, by: str | None) -> list[tuple[str, str, str]]:
    """The top keywords' frequency per million words in each group of documents
    (by year of a date field): where the corpus has at least two groups."""
    if len(corpus.groups) < 2:
        return []
    tokens = {group: sum(counts.values()) for group, counts in corpus.groups.items()}
    charts = []
    for row in corpus.keywords(KEYWORD_CHARTS):
        word = row["word"]
        items = [
            (group, round(counts[word] * 1e6 / tokens[group], 1) if tokens[group] else 0.0)
            for group, counts in sorted(corpus.groups.items())
        ]
        charts.append((f"“{word}” by {by}", f"per million words in each {by} group",
                       vertical_bars(items, f"{word} per million words by {by}", "no groups")))
    return charts


def _vocabulary(corpus: Corpus) -> str:
    rows = [
        [escape(r["word"]), str(r["count"]), f"{r['per_million']:.0f}",
         f"{r['log_ratio']:.1f}", f"{r['g2']:.1f}"]
        for r in corpus.keywords(VOCABULARY_ROWS)
    ]
    if not rows:
        return '<p class="none">no keywords</p>'
    return _table(["word", "count", "per million", "log ratio", "G2"], rows, {1, 2, 3, 4})


def _charts(corpus: Corpus, by: str | None = None) -> str:
    speakers = [(n, float(q)) for n, q in corpus.speakers.most_common(TOP_SPEAKERS)]
    unit, buckets, left_out = corpus.timeline(TIMELINE_BARS)
    more = f" ({left_out} quieter {unit}s left out)" if left_out else ""
    figures = [
        ("Grade distribution", "documents per Flesch-Kincaid grade", _grade_chart(corpus)),
        ("Quotes per speaker", f"the {len(speakers)} most quoted",
         horizontal_bars(speakers, "Quotes per speaker", "no attributed quotes")),
        ("Dates over time", f"resolved dates by {unit}{more}",
         vertical_bars([(k, float(n)) for k, n in buckets], f"Dates by {unit}",
                       "no dates placed in a month")),
        *_keyword_charts(corpus, by),
    ]
    return "".join(
        f'<figure><h3>{escape(title)}</h3>{svg}<figcaption>{escape(note)}</figcaption></figure>'
        for title, note, svg in figures
    )


def _sentence(mention: Mention) -> str:
    return f"{escape(mention.before)}<mark>{escape(mention.span)}</mark>{escape(mention.after)}"


def _figures(found: Digest) -> str:
    parts = [
        f"<b>{escape(tool)}</b> " + ", ".join(
            f"{escape(key)} {escape(cell(value))}" for key, value in figures.items()
            if value is not None
        )
        for tool, figures in found.figures.items()
    ]
    return " · ".join(parts)


def _document(found: Digest) -> str:
    source = f' <span class="source">{escape(found.source)}</span>' if found.source else ""
    parts = [f'<section id="{_anchor(found.doc)}"><h3>{escape(found.doc)}{source}</h3>',
             f'<p class="figures">{_figures(found)}</p>']
    for tool, error in found.errors.items():
        parts.append(f'<p class="error">{escape(tool)} failed: {escape(error)}</p>')
    if found.quotes:
        parts.append(f"<h4>Quotes ({len(found.quotes)})</h4>")
        parts.append(_table(["kind", "speaker", "sentence"], [
            [escape(m.label[0]), escape(m.label[1]), _sentence(m)] for m in found.quotes
        ]))
    if found.dates:
        parts.append(f"<h4>Dates ({len(found.dates)})</h4>")
        parts.append(_table(["type", "value", "sentence"], [
            [escape(m.label[0]), escape(m.label[1]), _sentence(m)] for m in found.dates
        ]))
    if not found.quotes and not found.dates:
        parts.append('<p class="none">no quotes or dates found</p>')
    parts.append("</section>")
    return "".join(parts)


def page(corpus: Corpus, by: str | None = "date") -> str:
    template = Template(files("corpus_tool_report").joinpath("page.html").read_text("utf-8"))
    count = len(corpus.digests)
    title = f"Corpus report: {count} document{'s' if count != 1 else ''}"
    return template.substitute(
        title=escape(title),
        overview=_overview(corpus),
        charts=_charts(corpus, by),
        vocabulary=_vocabulary(corpus),
        documents="".join(_document(d) for d in corpus.digests),
    )
