"""Corpus statistics: the shared tokenizer, the aggregator contract, kwic, freq,
collocates and keyness, checked by hand computations, NLTK and a published example."""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from pathlib import Path

import pytest
from conftest import jsonl
from corpus_tool_corpus.measures import juilland_d, keyness_g2, log_ratio, percent_diff
from growth import assert_linear
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tool import Document, load_plugins, sentences, stop_words, tokens, words
from corpus_tool.testing import as_documents, run_cli, run_in_chunks, run_tool

# --- the shared tokenizer --------------------------------------------------------


def test_tokens_carry_code_point_offsets() -> None:
    text = "Café owners don't like well-known rules — O’Brien’s café 2021."
    found = list(tokens(text))
    assert [t.text for t in found] == [
        "Café",
        "owners",
        "don't",
        "like",
        "well-known",
        "rules",
        "O’Brien’s",
        "café",
        "2021",
    ]
    assert all(text[t.start : t.end] == t.text for t in found)
    assert next(t.text for t in tokens(text, lower=True)) == "café"


def test_words_fold_case_and_drop_stop_words() -> None:
    assert words("The cat and THE dog") == ["the", "cat", "and", "the", "dog"]
    assert words("The cat", lower=False) == ["The", "cat"]
    assert words("The cat and the dog", stop_words=stop_words("en")) == ["cat", "dog"]
    with pytest.raises(ValueError, match="no stop-word list"):
        stop_words("xx")


def test_sentences_have_offsets_and_stop_at_blank_lines() -> None:
    text = "Mr. Smith came home. He slept!\n\nA new paragraph without a stop"
    found = list(sentences(text))
    assert [s.text for s in found] == [
        "Mr. Smith came home.",
        "He slept!",
        "A new paragraph without a stop",
    ]
    assert all(text[s.start : s.end] == s.text for s in found)


# --- the aggregator contract: any split gives the same rows ------------------------

WORDS = st.sampled_from(["the", "cat", "sat", "on", "mat", "dog", "The", "a", "ran"])
TEXTS = st.lists(st.lists(WORDS, max_size=12).map(" ".join), min_size=0, max_size=8)


def _splits(n: int) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(min_value=0, max_value=max(n, 1)), max_size=4)


@functools.cache
def _tool(name: str):  # type: ignore[no-untyped-def]
    return load_plugins().tool(name)


@settings(max_examples=40, deadline=None)
@given(texts=TEXTS, data=st.data())
def test_any_split_of_the_corpus_gives_the_same_rows(texts: list[str], data) -> None:
    sizes = data.draw(_splits(len(texts)))
    reference = ["the cat sat", "a dog ran on the mat", "cat"]
    cases = [
        ("freq", {"ngram": data.draw(st.integers(1, 2)), "by": None}),
        ("collocates", {"word": "the", "window": "2,1"}),
        ("kwic", {"pattern": "cat", "window": 2, "sort": "right1"}),
        ("keyness", {"reference": reference, "max_p": 1.0, "min_count": 1}),
    ]
    for name, options in cases:
        tool = _tool(name)
        one_by_one = run_in_chunks(tool, texts, [], **options)
        assert run_in_chunks(tool, texts, sizes, **options) == one_by_one
        assert run_in_chunks(tool, texts, [len(texts)], **options) == one_by_one


@settings(max_examples=40, deadline=None)
@given(texts=TEXTS, data=st.data())
def test_freq_figures_are_those_of_plain_counts_per_document(texts: list[str], data) -> None:
    # freq never counts the corpus as a whole: its counts, documents and D come
    # from each document's counts, whatever the split; so do the --by columns.
    docs = [Document(f"d{i}", text, {"half": str(i % 2)}) for i, text in enumerate(texts)]
    per_doc = [Counter(words(text)) for text in texts]
    total = sum(per_doc, Counter())
    rows = run_in_chunks(_tool("freq"), docs, data.draw(_splits(len(texts))), by="half")
    assert {r["word"]: r["count"] for r in rows} == total
    for row in rows:
        word, c = row["word"], row["count"]
        assert row["docs"] == sum(1 for counts in per_doc if word in counts)
        squares = sum(counts[word] ** 2 for counts in per_doc)
        assert row["juilland_d"] == juilland_d(c, squares, len(texts))
        for half in {doc.meta["half"] for doc in docs}:
            group = [per_doc[i] for i, doc in enumerate(docs) if doc.meta["half"] == half]
            tokens = sum(sum(counts.values()) for counts in group)
            in_group = sum(counts[word] for counts in group)
            assert row[f"pm_{half}"] == (in_group * 1e6 / tokens if tokens else 0.0)


# --- kwic --------------------------------------------------------------------------

KWIC_TEXT = (
    "Education matters. The educator said that educational reform\n"
    "is overdue; EDUCATION   budgets grew. In the end, in   the  beginning."
)


def test_kwic_offsets_are_exact_and_globs_match_whole_words() -> None:
    rows = run_tool("kwic", [KWIC_TEXT], pattern="educat*", ignore_case=True, window=2)
    assert [r["match"] for r in rows] == ["Education", "educator", "educational", "EDUCATION"]
    assert all(KWIC_TEXT[r["start"] : r["end"]] == r["match"] for r in rows)
    assert rows[2]["left"] == "said that" and rows[2]["right"] == "reform is"
    assert rows[3]["left"] == "is overdue;" and rows[3]["right"] == "budgets grew"
    assert run_tool("kwic", [KWIC_TEXT], pattern="educat*", window=2) == rows[1:3]


def test_kwic_phrases_regexes_and_sorting() -> None:
    phrase = run_tool("kwic", [KWIC_TEXT], pattern="in the", ignore_case=True, window=1)
    assert [r["match"] for r in phrase] == ["In the", "in   the"]
    regex = run_tool("kwic", [KWIC_TEXT], pattern=r"\bth\w+", regex=True, window=0)
    assert [r["match"] for r in regex] == ["that", "the", "the"]
    docs = ["x cat zebra", "y cat apple", "a b cat mango"]
    by_right = run_tool("kwic", docs, pattern="cat", window=1, sort="right1")
    assert [r["right"] for r in by_right] == ["apple", "mango", "zebra"]
    by_left = run_tool("kwic", docs, pattern="cat", window=1, sort="left1")
    assert [r["left"] for r in by_left] == ["b", "x", "y"]


def test_kwic_through_the_command(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(KWIC_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("No match here. Education again.", encoding="utf-8")
    result = run_cli(["kwic", "education", tmp_path, "-i", "--window", "3"])
    assert result.returncode == 0, result.stderr
    rows = jsonl(result.stdout)
    assert [(r["doc"], r["match"]) for r in rows] == [
        ("a", "Education"),
        ("a", "EDUCATION"),
        ("b", "Education"),
    ]
    assert list(rows[0]) == ["doc", "start", "end", "left", "match", "right"]
    table = run_cli(["kwic", "education", tmp_path, "-i", "-f", "table"])
    assert "EDUCATION" in table.stdout and "3 matches" in table.stdout
    bad = run_cli(["kwic", "(", tmp_path, "--regex"])
    assert bad.returncode == 2 and "not a regular expression" in bad.stderr
    for wrong in (["--sort", "up"], ["--stop-words", "xx"]):
        refused = run_cli(
            ["kwic", "x", tmp_path, *wrong] if "--sort" in wrong else ["freq", tmp_path, *wrong]
        )
        assert refused.returncode == 2, refused.stderr  # before the run, not per document


# --- freq --------------------------------------------------------------------------


def test_juilland_d_by_hand() -> None:
    # counts 2, 0, 1 over three parts: mean 1, population sd sqrt(2/3)
    expected = 1 - math.sqrt(2 / 3) / math.sqrt(2)
    assert juilland_d(3, 2 * 2 + 0 + 1, 3) == pytest.approx(expected, abs=1e-12)
    assert juilland_d(6, 4 + 4 + 4, 3) == 1.0  # evenly spread
    assert juilland_d(5, 25, 5) == 0.0  # all in one part
    assert juilland_d(4, 16, 1) is None


def test_freq_counts_range_and_dispersion() -> None:
    docs = ["The cat sat. The cat!", "the dog", "A cat"]
    rows = {r["word"]: r for r in run_tool("freq", docs)}
    assert rows["the"]["count"] == 3 and rows["the"]["docs"] == 2
    assert rows["cat"]["count"] == 3 and rows["cat"]["docs"] == 2
    assert rows["cat"]["per_million"] == pytest.approx(3 * 1e6 / 9, abs=1e-4)
    assert rows["cat"]["juilland_d"] == pytest.approx(1 - math.sqrt(2 / 3) / math.sqrt(2), abs=1e-6)
    top = run_tool("freq", docs, top=2)
    assert [r["word"] for r in top] == ["cat", "the"]  # ties alphabetical
    bigrams = {r["word"]: r["count"] for r in run_tool("freq", docs, ngram=2)}
    assert bigrams == {"the cat": 2, "cat sat": 1, "sat the": 1, "the dog": 1, "a cat": 1}
    assert [r["word"] for r in run_tool("freq", docs, min_count=3)] == ["cat", "the"]


def test_freq_by_a_date_field_groups_by_year(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": "war and peace", "meta": {"date": "2021-03-01"}},
        {"id": "b", "text": "war war", "meta": {"date": "2022-01-05"}},
        {"id": "c", "text": "peace", "meta": {"date": "2022-07-01"}},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = run_cli(["freq", path, "--by", "date"])
    assert result.returncode == 0, result.stderr
    rows = {r["word"]: r for r in jsonl(result.stdout)}
    assert rows["war"]["pm_2021"] == pytest.approx(1e6 / 3, abs=1e-3)
    assert rows["war"]["pm_2022"] == pytest.approx(2e6 / 3, abs=1e-3)
    assert rows["and"]["pm_2022"] == 0


# --- collocates --------------------------------------------------------------------

COLLOC_DOCS = [
    "strong tea is strong and strong coffee is not so strong tea",
    "the powerful computer and strong tea and powerful tea",
    "tea is tea and coffee is coffee strong",
]


def test_collocates_equal_nltk_bigram_measures() -> None:
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    docs = [words(text) for text in COLLOC_DOCS]
    finder = BigramCollocationFinder.from_documents(docs)
    measures = BigramAssocMeasures()
    nltk_scores = {
        name: dict(finder.score_ngrams(getattr(measures, name)))
        for name in ("pmi", "student_t", "likelihood_ratio")
    }
    rows = run_tool("collocates", COLLOC_DOCS, word="strong", window="0,1")
    assert {r["collocate"] for r in rows} == {"tea", "and", "coffee"}
    for row in rows:
        bigram = ("strong", row["collocate"])
        assert row["mi"] == pytest.approx(nltk_scores["pmi"][bigram], abs=1e-9)
        assert row["t_score"] == pytest.approx(nltk_scores["student_t"][bigram], abs=1e-9)
        assert row["g2"] == pytest.approx(nltk_scores["likelihood_ratio"][bigram], abs=1e-9)


def test_collocates_in_a_wider_window_by_hand() -> None:
    # node "b", window 1 left, 2 right: a b c | b a a | c
    rows = {
        r["collocate"]: r for r in run_tool("collocates", ["a b c b a a c"], word="b", window="1,2")
    }
    # windows: [a] b [c b] ; [c] b [a a]  -> a: 3, c: 2, b: 1
    assert {w: r["observed"] for w, r in rows.items()} == {"a": 3, "c": 2, "b": 1}
    n, f_node, f_a, span = 7, 2, 3, 3
    expected = f_node * f_a * span / n  # Evert (2008): window span adjusts E
    a = rows["a"]
    assert a["expected"] == pytest.approx(expected, abs=1e-12)
    assert a["mi"] == pytest.approx(math.log2(3 / expected), abs=1e-12)
    assert a["t_score"] == pytest.approx((3 - expected) / math.sqrt(3), abs=1e-12)
    assert a["log_dice"] == pytest.approx(14 + math.log2(2 * 3 / (2 + 3)), abs=1e-12)
    # G2 over the table: window slots f_node*span=6 (a: 3, other: 3), rest (a: 0, other: 1)
    cells = [(3, 6 * 3 / 7), (3, 6 * 4 / 7), (0, 1 * 3 / 7), (1, 1 * 4 / 7)]
    g2 = 2 * sum(o * math.log(o / e) for o, e in cells if o)
    assert a["g2"] == pytest.approx(g2, abs=1e-12)


def test_collocates_through_the_command(tmp_path: Path) -> None:
    for i, text in enumerate(COLLOC_DOCS):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    result = run_cli(["collocates", "strong", tmp_path, "--window", "0,1", "--measure", "mi"])
    assert result.returncode == 0, result.stderr
    rows = jsonl(result.stdout)
    assert [r["mi"] for r in rows] == sorted((r["mi"] for r in rows), reverse=True)
    bad = run_cli(["collocates", "strong", tmp_path, "--window", "x"])
    assert bad.returncode == 2 and "--window wants L,R" in bad.stderr


# --- keyness -----------------------------------------------------------------------


def test_keyness_measures_match_the_published_example() -> None:
    # UCREL log-likelihood wizard's example: 52 in 50,000 words against 57 in 75,000: +2.65
    assert keyness_g2(52, 57, 50_000, 75_000) == pytest.approx(2.65, abs=0.005)
    # by hand: E1 = 50000*109/125000 = 43.6, E2 = 65.4
    g2 = 2 * (52 * math.log(52 / 43.6) + 57 * math.log(57 / 65.4))
    assert keyness_g2(52, 57, 50_000, 75_000) == pytest.approx(g2, abs=1e-12)
    assert log_ratio(52, 57, 50_000, 75_000) == pytest.approx(
        math.log2((52 / 50_000) / (57 / 75_000)), abs=1e-12
    )
    assert percent_diff(52, 57, 50_000, 75_000) == pytest.approx(
        100 * (52 / 50_000 - 57 / 75_000) / (57 / 75_000), abs=1e-9
    )


def test_log_ratio_keeps_the_sign_of_the_counts() -> None:
    assert log_ratio(10, 0, 1000, 1000) == pytest.approx(math.log2(10 / 0.5))
    assert log_ratio(0, 10, 1000, 1000) == pytest.approx(-math.log2(10 / 0.5))
    # Seen once in a large corpus, never in a small one: the 0.5 stand-in would
    # point the other way; the effect size cannot be told.
    assert log_ratio(1, 0, 100_000, 10) == 0.0
    assert log_ratio(0, 1, 10, 100_000) == 0.0
    assert percent_diff(3, 0, 100, 100) is None


def test_keyness_positive_and_negative_keywords() -> None:
    target = ["war war war peace army army", "war army the the"]
    reference = ["peace peace the the the love", "love peace the war"]
    rows = run_tool("keyness", target, reference=reference, max_p=1.0, min_count=1)
    positive = [r["word"] for r in rows if r["direction"] == "+"]
    negative = [r["word"] for r in rows if r["direction"] == "-"]
    assert positive[:2] == ["army", "war"]
    assert set(negative) >= {"love", "peace"}
    assert all(r["p"] == pytest.approx(math.erfc(math.sqrt(r["g2"] / 2))) for r in rows)
    strict = run_tool(
        "keyness",
        target,
        reference=reference,
        max_p=1.0,
        min_count=1,
        min_log_ratio=2.0,
        show="positive",
    )
    assert strict and all(r["direction"] == "+" and r["log_ratio"] >= 2 for r in strict)


def test_keyness_through_the_command(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "r").mkdir()
    (tmp_path / "t" / "a.txt").write_text("war war war army army war " * 5, encoding="utf-8")
    (tmp_path / "r" / "b.txt").write_text("peace love peace the war " * 5, encoding="utf-8")
    result = run_cli(["keyness", tmp_path / "t", "--reference", tmp_path / "r"])
    assert result.returncode == 0, result.stderr
    rows = jsonl(result.stdout)
    assert [r["word"] for r in rows if r["direction"] == "+"] == ["army", "war"]
    assert {r["word"] for r in rows if r["direction"] == "-"} >= {"peace", "love"}
    missing = run_cli(["keyness", tmp_path / "t"])
    assert missing.returncode == 2 and "--reference" in missing.stderr


# --- -j 2 and --engine dask give the same bytes as -j 1 ----------------------------


@pytest.fixture
def many_docs(tmp_path: Path) -> Path:
    texts = [*COLLOC_DOCS, KWIC_TEXT, "The cat sat on the mat. The dog sat too."]
    for i in range(150):  # more than one chunk of documents
        (tmp_path / f"d{i:03d}.txt").write_text(
            texts[i % len(texts)] + f" word{i % 7}", encoding="utf-8"
        )
    return tmp_path


COMMANDS = [
    ["freq", "--ngram", "2"],
    ["kwic", "tea", "--sort", "right1"],
    ["collocates", "tea", "--window", "2,2"],
]


def test_workers_give_the_same_bytes(many_docs: Path) -> None:
    for command in COMMANDS:
        serial = run_cli([*command, many_docs])
        assert serial.returncode == 0 and serial.stdout, serial.stderr
        assert run_cli([*command, many_docs, "-j", "2"]).stdout == serial.stdout


def test_dask_gives_the_same_bytes(many_docs: Path) -> None:
    pytest.importorskip("distributed")
    serial = run_cli(["keyness", many_docs, "-r", many_docs / "d00*.txt", "--max-p", "1"])
    dask = run_cli(
        [
            "keyness",
            many_docs,
            "-r",
            many_docs / "d00*.txt",
            "--max-p",
            "1",
            "--engine",
            "dask",
            "-j",
            "2",
        ]
    )
    assert dask.returncode == 0, dask.stderr
    assert dask.stdout == serial.stdout
    serial = run_cli(["freq", many_docs])
    dask = run_cli(["freq", many_docs, "--engine", "dask", "-j", "2"])
    assert dask.stdout == serial.stdout


def test_a_failing_document_is_named_and_the_rest_counted(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("cat cat dog", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "cat"}\nnot json\n', encoding="utf-8")
    result = run_cli(["freq", tmp_path])
    assert result.returncode == 1
    assert "bad.jsonl:2" in result.stderr
    assert {r["word"]: r["count"] for r in jsonl(result.stdout)} == {"cat": 3, "dog": 1}
    no_such_option = run_cli(["freq", tmp_path, "--out-dir", tmp_path / "o"])
    assert no_such_option.returncode == 2


def test_an_empty_corpus_gives_no_rows() -> None:
    assert run_tool("freq", []) == []
    assert run_tool("freq", [Document("e", "")]) == []


# --- report: the vocabulary panel and the keyword chart over --by ------------------


def test_general_english_keywords() -> None:
    from corpus_tool_corpus.general import general_keywords

    text = "The zorblat and the zorblat met the zorblat. The people met the people."
    found = words(text)
    rows = general_keywords(Counter(found), len(found), min_count=2)
    assert rows[0]["word"] == "zorblat" and rows[0]["count_ref"] == 0
    assert all(r["direction"] == "+" and r["log_ratio"] >= 1 for r in rows)
    assert [r["g2"] for r in rows] == sorted((r["g2"] for r in rows), reverse=True)


def test_report_shows_the_vocabulary_and_charts_keywords_by_year(tmp_path: Path) -> None:
    texts = [
        "Sanctions on Serbia. Serbia weighs sanctions; Serbia waits.",
        "Serbia and sanctions again: sanctions, Serbia, sanctions.",
        "Ukraine talks. Ukraine and Serbia; sanctions on hold in Ukraine.",
    ]
    records = [
        {"id": f"d{i}", "text": text, "meta": {"date": f"202{i}-05-01"}}
        for i, text in enumerate(texts)
    ]
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    page = tmp_path / "report.html"
    result = run_cli(["report", source, "-f", "table", "--html", page], env={"COLUMNS": "160"})
    assert result.returncode == 0, result.stderr
    assert "Vocabulary" in result.stdout and "sanctions" in result.stdout
    html = page.read_text(encoding="utf-8")
    assert "<h2>Vocabulary</h2>" in html
    assert "sanctions per million words by date" in html
    assert all(f">{year}</text>" in html for year in ("2020", "2021", "2022"))


def test_the_readme_worked_example_prints_what_it_shows() -> None:
    import re
    import shlex

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Corpus linguistics", 1)[1].split("\n### ", 1)[0]
    examples = re.findall(r"```console\n\$ (corpus-tool .*?)\n(.*?)```", section, re.S)
    assert len(examples) == 4
    for command, shown in examples:
        words = shlex.split(command)[1:]
        result = run_cli([*words, "-f", "table"], cwd=ROOT, env={"COLUMNS": "92"})
        assert result.returncode == 0, result.stderr
        lines = [line.rstrip() for line in shown.splitlines()]
        printed = [line.rstrip() for line in result.stdout.splitlines()]
        assert printed[: len(lines)] == lines, command


def test_kwic_context_counts_whole_words_however_far() -> None:
    text = "alpha beta " + "-" * 300 + " gamma people well-known x-ray end"
    (row,) = run_tool("kwic", [text], pattern="people", window=3)
    assert row["left"].split()[0] == "alpha" and row["left"].endswith("gamma")
    assert row["right"] == "well-known x-ray end"
    (row,) = run_tool("kwic", [text], pattern="people", window=1)
    assert (row["left"], row["right"]) == ("gamma", "well-known")


def test_memory_grows_with_the_vocabulary_not_the_corpus() -> None:
    import pickle

    from corpus_tool.aggregation import Fold

    texts = [KWIC_TEXT, *COLLOC_DOCS]
    sizes = {}
    for copies in (1, 8):
        for name, options in (("freq", {}), ("collocates", {"word": "tea"}), ("keyness", {})):
            tool = _tool(name)
            fold = Fold(tool, options)
            for doc in as_documents(texts * copies):
                fold.add(tool.func(doc, **options))
            sizes[name, copies] = len(pickle.dumps(fold.result()))
    for name in ("freq", "collocates", "keyness"):
        # Only the counts grow (a few bytes each), not the number of entries.
        assert sizes[name, 8] < 1.2 * sizes[name, 1], name


def test_kwic_time_grows_linearly() -> None:
    assert_linear(
        lambda text: run_tool("kwic", [text], pattern="people", window=5, sort="right1"),
        lambda copies: ("people " + "! " * 40) * copies,
        500,
    )
