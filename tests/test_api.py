"""The Python API: ``corpus_tool.run`` gives the rows the command writes, and DataFrames."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, GOOD_PLUGINS, jsonl

import corpus_tool
from corpus_tool import Document
from corpus_tool.plugins import load_plugins
from corpus_tool.testing import run_cli

INSTALLED = sorted(load_plugins().tools)
REFERENCE = str(CORPUS / "00[0-3]*")
# What a tool cannot run without: (command-line words, the same as Python options).
NEEDS: dict[str, tuple[list[str], dict[str, Any]]] = {
    "kwic": (["sanction*"], {"pattern": "sanction*"}),
    "collocates": (["sanctions"], {"word": "sanctions"}),
    "keyness": (["--reference", REFERENCE], {"reference": [REFERENCE]}),
}


def as_json(rows: Any) -> list[dict[str, Any]]:
    """Rows as they would come back from JSON: what the command line writes."""
    return json.loads(json.dumps(list(rows)))


def command_rows(*args: object) -> list[dict[str, Any]]:
    result = run_cli([*map(str, args), "-f", "jsonl"])
    assert result.returncode == 0, result.stderr
    return jsonl(result.stdout)


@pytest.mark.parametrize("name", INSTALLED)
def test_run_gives_the_commands_rows_for_every_tool(name: str) -> None:
    words, options = NEEDS.get(name, ([], {}))
    expected = command_rows(name, *words, CORPUS)
    assert expected, f"{name} wrote nothing on the sample corpus"
    assert as_json(corpus_tool.run(name, CORPUS, **options)) == expected


@pytest.mark.parametrize(
    ("words", "options"),
    [
        (["quotes", "--by", "speaker"], {"by": "speaker"}),  # a postprocess
        (
            ["readability", "--by", "paragraph", "-m", "gunning_fog"],
            {"by": "paragraph", "metric": "gunning_fog"},
        ),
        (["dates", "--annotate", "-j", "2"], {"annotate": True, "jobs": 2}),
        (["freq", "--top", "5", "-j", "2"], {"top": 5, "jobs": 2}),
        (["clean", "--only", "whitespace"], {"only": ["whitespace"]}),
    ],
)
def test_run_takes_the_commands_options_by_their_python_names(
    words: list[str], options: dict[str, Any]
) -> None:
    expected = command_rows(words[0], CORPUS, *words[1:])
    assert as_json(corpus_tool.run(words[0], CORPUS, **options)) == expected


def test_documents_in_any_shape_and_chains() -> None:
    given = [
        Document("memo", "We met on Thursday.", {"date": "2024-03-12"}),
        {"text": "See you next month.", "date": "2024-03-12"},
        {"id": "note", "text": "Nothing dated.", "meta": {"date": "2024-03-12"}},
    ]
    rows = list(corpus_tool.run("dates", given))
    assert [(r["doc"], r["text"], r["value"]) for r in rows] == [
        ("memo", "Thursday", "2024-03-07"),
        ("doc2", "next month", "2024-04"),
    ]
    # A transform's documents are dicts that run takes again.
    cleaned = corpus_tool.run("clean", [{"id": "a", "text": "He said  “yes” ."}])
    (annotated,) = corpus_tool.run("readability", cleaned, annotate=True)
    assert annotated["id"] == "a" and "clean" in annotated["meta"]
    assert annotated["meta"]["readability"]["words"] == 3


def test_paths_and_documents_mixed_in_input_order() -> None:
    path = CORPUS / "001_4db1347f01a976fe.txt"
    rows = corpus_tool.run("readability", [Document("first", "One two three."), path])
    assert [r["doc"] for r in rows] == ["first", "001_4db1347f01a976fe"]


def test_bad_arguments_fail_before_the_run() -> None:
    with pytest.raises(ValueError, match="no tool named 'nope'"):
        corpus_tool.run("nope", CORPUS)
    with pytest.raises(TypeError, match="quotes has no option colour"):
        corpus_tool.run("quotes", CORPUS, colour="red")
    with pytest.raises(ValueError, match="'bogus' is not one of"):
        corpus_tool.run("quotes", CORPUS, kind="bogus")
    with pytest.raises(ValueError, match="Missing argument"):
        corpus_tool.run("kwic", CORPUS)
    with pytest.raises(FileNotFoundError, match="no such file or directory: missing/"):
        corpus_tool.run("quotes", "missing/")
    with pytest.raises(ValueError, match="annotate is for analyzers"):
        corpus_tool.run("clean", CORPUS, annotate=True)


def test_a_failing_document_is_a_warning_or_an_error_and_the_rest_go_on() -> None:
    docs = [{"id": "ok", "text": "fine"}, {"id": "bad", "text": "BOOM"}, {"text": 3}]
    with pytest.warns(corpus_tool.CorpusToolWarning) as caught:
        rows = list(corpus_tool.run("chars", docs, plugins_dir=GOOD_PLUGINS))
    assert [r["doc"] for r in rows] == ["ok"]
    messages = [str(w.message) for w in caught]
    assert any("chars failed on document 'bad'" in m for m in messages), messages
    skipped = "document 3: 'text' is not a string but int; document skipped"
    assert any(skipped in m for m in messages), messages
    with pytest.raises(corpus_tool.DocumentError, match="failed on document 'bad'"):
        list(corpus_tool.run("chars", docs, plugins_dir=GOOD_PLUGINS, errors="raise"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rows = list(corpus_tool.run("chars", docs, plugins_dir=GOOD_PLUGINS, errors="ignore"))
    assert [r["doc"] for r in rows] == ["ok"]


def test_to_pandas_and_to_polars_take_runs_arguments() -> None:
    pandas = pytest.importorskip("pandas")
    polars = pytest.importorskip("polars")
    rows = as_json(corpus_tool.run("quotes", CORPUS, kind="direct"))
    frame = corpus_tool.to_pandas("quotes", CORPUS, kind="direct")
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns[:4]) == ["doc", "start", "end", "text"]
    assert len(frame) == len(rows) and frame["start"].tolist() == [r["start"] for r in rows]
    lazy = corpus_tool.to_polars("quotes", CORPUS, kind="direct", jobs=2)
    assert isinstance(lazy, polars.DataFrame)
    assert lazy.columns == list(frame.columns)
    assert lazy["speaker"].to_list() == [r["speaker"] for r in rows]
    empty = corpus_tool.to_pandas("quotes", [Document("x", "No quotes here.")])
    assert len(empty) == 0 and list(empty.columns[:3]) == ["doc", "start", "end"]


def test_without_pandas_or_polars_the_message_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(
        ImportError, match=r"to_pandas needs pandas: pip install 'corpus-tool\[dataframes\]'"
    ):
        corpus_tool.to_pandas("quotes", CORPUS)
    with pytest.raises(ImportError, match=r"to_polars needs polars: pip install"):
        corpus_tool.to_polars("quotes", CORPUS)


def test_a_path_as_text_is_still_a_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Short text here.", encoding="utf-8")
    rows = list(corpus_tool.run("readability", str(tmp_path)))
    assert [r["doc"] for r in rows] == ["a"]


def test_a_tool_object_of_ones_own_runs_in_process() -> None:
    def lengths(doc: Document, *, unit: int = 1):
        """Text length in units."""
        yield {"length": len(doc.text) // unit}

    tool = corpus_tool.Analyzer(name="lengths", func=lengths, columns=("length",))
    rows = list(corpus_tool.run(tool, [Document("a", "abcdef")], unit=2))
    assert rows == [{"doc": "a", "length": 3}]
    with pytest.raises(ValueError, match="jobs=2 needs a tool a plugin registers"):
        corpus_tool.run(tool, [Document("a", "abcdef")], jobs=2)


def test_an_aggregators_further_corpus_may_be_documents() -> None:
    corpus = [Document("a", "cats cats cats cats cats dogs")]
    reference = (Document(f"r{i}", "dogs dogs birds birds birds") for i in range(3))
    rows = list(corpus_tool.run("keyness", corpus, reference=reference, max_p=1, min_count=1))
    assert {r["word"]: r["direction"] for r in rows}["cats"] == "+"
