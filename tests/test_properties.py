"""Properties of every built-in tool over arbitrary Unicode text (hypothesis).

The text mixes random code points with the pieces that make text hard: combining
marks, emoji sequences, right-to-left script and marks, control characters, line
and paragraph separators, every kind of quote mark, digits and slashes, and the
words the tools look for ("said", month names, years).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_tool import Analyzer, Document, Transform
from corpus_tool.plugins import PluginConfig, load_plugins
from corpus_tool.testing import run_tool
from corpus_tool.writers import DelimitedWriter, JsonLinesWriter

REGISTRY = load_plugins(PluginConfig())
BUILT_IN = [
    REGISTRY.tool(name)
    for info in REGISTRY.plugins
    if info.source == "built-in" and info.status == "loaded"
    for name in info.tools
]
ANALYZERS = [tool for tool in BUILT_IN if isinstance(tool, Analyzer)]
CLEAN = REGISTRY.tool("clean")
# Options that change where rows point: each set is a separate run.
OPTION_SETS: dict[str, list[dict[str, Any]]] = {
    "readability": [{}, {"by": "sentence", "min_words": 0}, {"by": "paragraph", "min_words": 0}],
}

PIECES = [
    "e\u0301", "a\u0308\u0323", "\u0301", "👍🏽", "👨\u200d👩\u200d👧", "🇫🇷", "\ufe0f",
    "שלום", "مرحبا بكم", "\u200f", "\u202e", "\u2066", "\x00", "\x07", "\x1b[1m", "\r",
    "\r\n", "\x0c", "\x85", "\u2028", "\u2029", "\u200b", "\ufeff", "\ufffd",
    '"', "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "「", "」",
    "0", "7", "12", "2024", "1/2/2024", "12/31/99", "/", "//", "3:45", "-",
    "said", "told", "He", "She said", "January", "Monday", "May", "yesterday", "the",
    "Mr. Smith", "U.S.", "ﬁ", "Ａ", "cafÃ©", " ", " ", "  ", "\t", "\n", "\n\n", ".", ",", "!", "?",
]
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40
).map("".join)
PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY
@given(texts)
def test_every_row_points_into_its_text(text: str) -> None:
    """0 <= start <= end <= len(text), and a row's ``text`` is exactly text[start:end].

    Running each tool is also the "no tool raises on any input" property: run_tool
    calls the tool as the runner does, so an exception fails the test.
    """
    for tool in ANALYZERS:
        for options in OPTION_SETS.get(tool.name, [{}]):
            rows = run_tool(tool, [Document("p", text)], **options)
            for row in rows:
                where = (tool.name, options, row)
                assert row["doc"] == "p", where
                if "start" in row or "end" in row:
                    assert 0 <= row["start"] <= row["end"] <= len(text), where
                if "text" in row:
                    assert text[row["start"] : row["end"]] == row["text"], where


def cleaned(text: str, **options: Any) -> Document:
    [doc] = run_tool(CLEAN, [Document("p", text)], **options)
    assert isinstance(doc, Document)
    return doc


@PROPERTY
@given(texts)
def test_clean_is_idempotent(text: str) -> None:
    once = cleaned(text).text
    assert cleaned(once).text == once


def word_chars(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def is_subsequence(small: str, big: str) -> bool:
    letters = iter(big)
    return all(c in letters for c in small)


@PROPERTY
@given(texts)
def test_clean_keeps_every_word_but_the_lines_it_records(text: str) -> None:
    """What "keeps every word" soundly means here.

    Repairs re-space words (joined words are split, hyphenated line ends are
    joined), replace quote marks and drop invisible characters, so words are
    compared as their letters and digits with everything else removed. The
    unicode repair rewrites characters by design (mojibake, NFC, ligatures, full
    width), so the baseline is the text after that repair alone: it runs first,
    and every later repair must keep each letter and digit of it, in order,
    except those of the lines recorded in ``meta.clean.removed``. Order is checked
    as a subsequence (removed lines come out of the middle) and completeness by
    counting every character.
    """
    baseline = word_chars(cleaned(text, only=["unicode"]).text)
    doc = cleaned(text)
    kept = word_chars(doc.text)
    removed = "".join(word_chars(r["line"]) for r in doc.meta["clean"]["removed"])
    assert is_subsequence(kept, baseline)
    assert sorted(kept + removed) == sorted(baseline)


def no_raise_on_transforms(text: str) -> None:
    for tool in BUILT_IN:
        if isinstance(tool, Transform):
            run_tool(tool, [Document("p", text)])


@PROPERTY
@given(texts)
def test_no_transform_raises(text: str) -> None:
    no_raise_on_transforms(text)


# --- JSON Lines -> CSV -> parsed back ---------------------------------------------

cells = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
    st.text(alphabet=',"\n\r\t; \'x', max_size=12),
)


def as_cell(value: Any) -> str:
    """The text a CSV reader gets back for a JSON scalar (CSV has no types)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_round_trip(rows: list[dict[str, Any]], delimiter: str) -> list[dict[str, str]]:
    """Rows as the jsonl writer writes them, read back, then written as CSV and read back."""
    lines = io.StringIO()
    jsonl = JsonLinesWriter(lines)
    for row in rows:
        jsonl.write(row)
    # split on "\n" only: U+2028 and U+0085 inside values are not line ends in JSON Lines
    from_jsonl = [json.loads(line) for line in lines.getvalue().split("\n") if line]
    assert from_jsonl == rows
    out = io.StringIO(newline="")
    writer = DelimitedWriter(out, (), delimiter=delimiter)
    for row in from_jsonl:
        writer.write(row)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline=""), delimiter=delimiter))


@PROPERTY
@given(
    st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=5, unique=True).flatmap(
        lambda keys: st.lists(st.fixed_dictionaries({k: cells for k in keys}), max_size=5)
    ),
    st.sampled_from([",", "\t"]),
)
def test_jsonl_to_csv_and_back_gives_the_same_rows(
    rows: list[dict[str, Any]], delimiter: str
) -> None:
    back = csv_round_trip(rows, delimiter)
    assert back == [{k: as_cell(v) for k, v in row.items()} for row in rows]


@PROPERTY
@given(texts)
def test_tool_rows_survive_csv(text: str) -> None:
    """Real rows: every row of a tool has the same columns (CSV takes its header from the
    first row, so a column that appeared later would be lost) and comes back intact."""
    for tool in ANALYZERS:
        rows = run_tool(tool, [Document("p", text)])
        if not rows:
            continue
        assert all(list(row) == list(rows[0]) for row in rows), tool.name
        back = csv_round_trip(rows, ",")
        assert back == [{k: as_cell(v) for k, v in row.items()} for row in rows], tool.name
