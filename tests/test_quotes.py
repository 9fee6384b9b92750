"""The quotes tool: quote marks, kinds, speakers, options, gold floors, speed and the CLI."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from growth import assert_linear
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tool import Document
from corpus_tool.plugins import load_plugins
from corpus_tool.testing import run_cli, run_tool

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def quotes(text: str, **options: object) -> list[dict]:
    return run_tool("quotes", [text], **options)  # type: ignore[return-value]


def only(text: str, **options: object) -> dict:
    rows = quotes(text, **options)
    assert len(rows) == 1, rows
    return rows[0]


def corpus_doc(stem: str) -> Document:
    path = next(CORPUS.glob(f"{stem}*.txt"))
    return Document(id=path.stem, text=path.read_text(encoding="utf-8"))


# -- quote marks ------------------------------------------------------------------------


def test_offsets_exclude_the_marks_and_every_column_is_present() -> None:
    text = 'The minister arrived. "We will not give in," Mr. Smith said on Monday.'
    row = only(text)
    assert row == {
        "doc": "doc1", "start": 23, "end": 43, "text": "We will not give in,",
        "kind": "direct", "speaker": "Smith", "verb": "said",
        "speaker_start": 49, "speaker_end": 54, "speaker_surface": "Smith", "speaker_role": None,
    }
    assert text[row["start"]:row["end"]] == row["text"]
    assert text[row["speaker_start"]:row["speaker_end"]] == "Smith"


def test_nested_quote_with_the_same_marks_stays_inside_the_outer_one() -> None:
    text = ("“The rule is the old one, “who is not with us is against us,” and it leaves "
            "no room,” Petrova added.")
    row = only(text)
    assert row["text"] == ("The rule is the old one, “who is not with us is against us,” "
                           "and it leaves no room,")
    assert (row["kind"], row["speaker"], row["verb"]) == ("direct", "Petrova", "added")


def test_nested_quote_of_the_sample_corpus() -> None:
    rows = run_tool("quotes", [corpus_doc("002")])
    direct = [r for r in rows if r["kind"] == "direct"]
    assert [(r["start"], r["end"], r["speaker"]) for r in direct] == [
        (927, 1143, "Maria Zakharova")
    ]


def test_closing_mark_typed_as_an_opening_mark() -> None:
    text = ("“We have a firm commitment to Ukraine. “\n"
            "Talks went on.")
    row = only(text)
    assert row["text"] == "We have a firm commitment to Ukraine."
    rows = run_tool("quotes", [corpus_doc("004")])
    assert {(r["start"], r["end"]) for r in rows} >= {(1593, 1700), (1854, 2040), (4899, 4933)}


def test_quote_over_several_paragraphs_is_one_row_per_paragraph() -> None:
    text = ("The mayor said:\n"
            "“We tried everything we could.\n"
            "“Nobody listened until the river rose.”\n"
            "Officials disagreed.")
    rows = quotes(text)
    assert [(r["text"], r["kind"], r["speaker"]) for r in rows] == [
        ("We tried everything we could.", "direct", "the mayor"),
        ("Nobody listened until the river rose.", "direct", "the mayor"),
    ]


def test_unbalanced_mark_never_swallows_the_rest_of_the_document() -> None:
    text = ("Amazon wants names such as “.book and “.kindle for itself.\n"
            "Brazil objected to the plan.\n"
            "“It is our region,” the minister said.")
    rows = quotes(text)
    assert [(r["text"], r["speaker"]) for r in rows] == [("It is our region,", "the minister")]


def test_stray_closing_mark_is_ignored() -> None:
    text = "It was over” and then “Nothing was left of it,” she said. Tomas Berg spoke first."
    assert [r["text"] for r in quotes(text)] == ["Nothing was left of it,"]


def test_apostrophes_are_never_quotes() -> None:
    text = ("It is in anyone’s interest, the Council’s chair and the students’ union agree; "
            "it was the ’90s, rock ‘n’ roll.")
    assert quotes(text) == []


def test_single_curly_quotes_in_a_headline() -> None:
    text = "Obama: ‘We will not back down’ on the students’ loans\nThe president spoke."
    row = only(text)
    assert row["text"] == "We will not back down"


@pytest.mark.parametrize(
    "text",
    [
        "« Nous ne céderons pas », a déclaré le ministre. Petit texte.",
        "„Wir geben nicht nach“, sagte der Minister.",
        "\"Wir geben nicht nach\", sagte der Minister.",
    ],
)
def test_guillemets_and_low_high_marks(text: str) -> None:
    row = only(text)
    assert row["text"] in {"Nous ne céderons pas", "Wir geben nicht nach"}


# -- kinds ------------------------------------------------------------------------------


def test_partial_quote_takes_the_speaker_of_its_reporting_clause() -> None:
    text = ("Security adviser Jake Sullivan said that the vote violated the principle of "
            "\"sovereignty and territorial integrity\".")
    row = only(text)
    assert (row["kind"], row["speaker"], row["verb"]) == ("partial", "Jake Sullivan", "said")


def test_scare_quotes_have_no_speaker() -> None:
    text = ('Foreign Minister Ana Petrovic said the country will not recognise the two '
            '"republics" of the region. Many now need "room" to manoeuvre.')
    rows = quotes(text)
    assert [(r["text"], r["kind"], r["speaker"]) for r in rows] == [
        ("republics", "scare", None), ("room", "scare", None)
    ]


def test_titles_in_quotes_are_scare_quotes() -> None:
    row = only("She watched the film “The Wolf of Wall Street” twice.")
    assert row["kind"] == "scare"


# -- speakers ---------------------------------------------------------------------------


def test_speaker_after_the_quote_inverted_with_a_description() -> None:
    text = ("“The result is zero,” said John Herbst, senior director of the Atlantic "
            "Council’s Eurasian Center.")
    row = only(text)
    assert (row["speaker"], row["verb"]) == ("John Herbst", "said")
    assert text[row["speaker_start"]:row["speaker_end"]] == "John Herbst"


def test_speaker_before_the_quote_with_an_apposition() -> None:
    text = ("Katherine Devlin, president of ECITA, the e-cigarette industry association, "
            "said: “The vote was a relief for millions of users.”")
    row = only(text)
    assert (row["kind"], row["speaker"], row["verb"]) == ("direct", "Katherine Devlin", "said")


def test_speaker_before_the_quote() -> None:
    row = only("Spokeswoman Maria Zakharova added: “The West wants us to choose a side.”")
    assert (row["kind"], row["speaker"], row["verb"]) == ("direct", "Maria Zakharova", "added")


def test_speaker_named_by_fullest_form_without_titles() -> None:
    text = ("Russian Foreign Minister Sergey Lavrov met Secretary of State Antony Blinken.\n"
            "“There is no other way,” Mr. Lavrov said.\n"
            "“We disagree,” said Mr. Blinken.")
    assert [r["speaker"] for r in quotes(text)] == ["Sergey Lavrov", "Antony Blinken"]


def test_titles_with_connectors_are_stripped_and_organisations_kept_whole() -> None:
    text = ("Russia faces “serious consequences”, Secretary of State Antony Blinken told "
            "his counterpart. “It is our region,” the Brazilian Ministry of Science and "
            "Technology said. “We listen,” said Scott Veirs of Beamreach.")
    assert [r["speaker"] for r in quotes(text)] == [
        "Antony Blinken", "Brazilian Ministry of Science and Technology", "Scott Veirs"
    ]


def test_pronoun_takes_the_person_last_named_as_a_speaker() -> None:
    text = ("“We should do more,” NATO Secretary-General Jens Stoltenberg said in a speech "
            "about Ukraine and Mr. Putin.\n"
            "“We need partners,” he said.")
    rows = quotes(text)
    assert [r["speaker"] for r in rows] == ["Jens Stoltenberg", "Jens Stoltenberg"]
    assert rows[1]["speaker_start"] is None  # named by a pronoun only


def test_pronoun_before_any_reporting_clause_takes_the_person_named() -> None:
    text = ("Junior Smart was 16 when he joined a gang. Smart runs a charity now.\n"
            "“It became my family,” he says.")
    assert only(text)["speaker"] == "Junior Smart"


def test_pronoun_takes_a_person_introduced_after_the_last_speaker() -> None:
    text = ("“Stay calm,” Greater Manchester Police said on Twitter.\n"
            "Further back in the queue, Christine Ball, 62, was not impressed. "
            "“I got here at ten and I am further back now,” she said.")
    assert [r["speaker"] for r in quotes(text)] == ["Greater Manchester Police", "Christine Ball"]


def test_occupation_opening_a_sentence_is_not_part_of_the_name() -> None:
    text = ("Astronaut Scott Kelly landed on Tuesday. His twin is a retired astronaut.\n"
            "“It was a long year,” Kelly said.")
    assert only(text)["speaker"] == "Scott Kelly"


def test_unattributed_quote_after_an_attributed_one_keeps_its_speaker() -> None:
    text = ("“We have to talk,” Ms. Ortega said. “Nobody wins a war like this one.”\n"
            "The talks start on Monday.")
    assert [r["speaker"] for r in quotes(text)] == ["Ortega", "Ortega"]


def test_sample_corpus_pronouns_resolve_to_the_last_speaker() -> None:
    rows = run_tool("quotes", [corpus_doc("004")])
    by_start = {r["start"]: r["speaker"] for r in rows}
    assert by_start[1705] == "Brinken"  # “...,” he said, after Mr. Brinken said
    assert by_start[3124] == "Sergey Lavrov"
    assert by_start[4041] == "Jens Stoltenberg"
    assert by_start[4661] == "John Herbst"


def test_office_before_a_name_gives_the_name() -> None:
    text = ("The Welsh Health Minister, Mark Davies, said: “This is a huge day.”\n"
            "“It is now clear,” said Music Chief Executive, Frances Hill. Prices fell.\n"
            "“We need a recipe,” said the report’s editor, Anders Berg.\n"
            "One of the research team, Ross Parker, professor of security at Leeds "
            "University, said: “Deception research shows it.”")
    assert [r["speaker"] for r in quotes(text)] == [
        "Mark Davies", "Frances Hill", "Anders Berg", "Ross Parker"
    ]


def test_clause_before_an_inverted_said_is_not_the_speaker() -> None:
    text = ("The 300 Muslims in Northville, in the far north, have several options, said "
            "Nadir Awan, head of the centre.\n"
            "“If I fast Northville times, my son might say, 'Papa, you are mad,'” he said.")
    assert only(text)["speaker"] == "Nadir Awan"


def test_participle_after_a_comma_has_no_subject_before_it() -> None:
    text = ("Vinton Carf told the meeting in San Jose, California, warning of bit rot.\n"
            "“We stand to lose a lot,” he said.")
    assert only(text)["speaker"] == "Vinton Carf"


def test_descriptions_stop_at_clause_words() -> None:
    text = ("He took to his Twitter account to say: “I cannot take this anymore.”\n"
            "In his comment piece he writes: “I am passionate about it.”")
    assert [r["speaker"] for r in quotes(text)] == [None, None]


def test_contraction_and_sentence_words_are_not_speakers() -> None:
    text = ("Kenton Ash climbed it twice. I’ve asked Ash to look forward.\n"
            "“I hate to think,” he says. Whereas Glass is, he says, “an egotistical device”.")
    assert [r["speaker"] for r in quotes(text)] == ["Kenton Ash", "Kenton Ash"]


def test_pronoun_takes_a_surname_opening_the_sentence_before() -> None:
    text = ("Ronan Fedder and Frank Danic played. “It is a mental thing,” the Swiss said.\n"
            "Danic disagreed. “The heat is dangerous,” he said.")
    assert [r["speaker"] for r in quotes(text)] == ["the Swiss", "Frank Danic"]


def test_headings_and_places_are_not_people() -> None:
    text = ("“I still have one,” says Pete Holm.\n"
            "Unlimited BBM messages are cheap. People in New York use them.\n"
            "“Isolated,” he replies.")
    assert [r["speaker"] for r in quotes(text)] == ["Pete Holm", "Pete Holm"]


def test_subject_of_the_sentence_before_an_unattributed_quote() -> None:
    text = ("Tua Pitt was delighted with the news. “It is a huge reward for the effort.”\n"
            "Pitt sailed home.")
    assert only(text)["speaker"] == "Tua Pitt"


def test_quote_after_a_colon_is_a_statement_and_a_title_after_a_possessive_is_not() -> None:
    text = ("Job satisfaction: “Working outdoors is the best part of the job,” says Mowat.\n"
            "To Stevie Wonder’s “Signed, Sealed, Delivered,” Obama told the crowd: “We won.”")
    assert [(r["kind"], r["speaker"]) for r in quotes(text)] == [
        ("direct", "Mowat"), ("scare", None), ("direct", "Obama")
    ]


# -- options ----------------------------------------------------------------------------

MIXED = ("“We will win,” Anna Kovac said. Rivals see the plan as a \"fantasy\".\n"
         "“It is a fantasy,” Peter Novak said. “Nobody believes it.”\n"
         "Kovac said the plan was \"fully costed and ready to go\".")


def test_kind_filter_is_repeatable() -> None:
    assert {r["kind"] for r in quotes(MIXED, kind=["scare"])} == {"scare"}
    kinds = [r["kind"] for r in quotes(MIXED, kind=["direct", "partial"])]
    assert kinds == ["direct", "direct", "direct", "partial"]


def test_speaker_filter_matches_any_part_of_the_name() -> None:
    assert [r["text"] for r in quotes(MIXED, speaker="novak")] == [
        "It is a fantasy,", "Nobody believes it."
    ]
    assert len(quotes(MIXED, speaker="Anna Kovac")) == 2
    assert quotes(MIXED, speaker="Kov") == []  # whole words only


def test_by_speaker_counts_quotes_words_and_documents() -> None:
    rows = run_tool("quotes", [MIXED, "“Later,” Peter Novak said."], by="speaker")
    assert rows == [
        {"speaker": "Peter Novak", "quotes": 3, "words": 8, "docs": 2},
        {"speaker": "Anna Kovac", "quotes": 2, "words": 9, "docs": 1},
    ]


def test_table_puts_scare_quotes_last_and_shortens_long_quotes() -> None:
    from corpus_tool_quotes.report import render
    from rich.console import Console

    long_quote = "word " * 60
    rows = quotes(f'Some "term" here. “{long_quote},” Ana Ruiz said.')
    assert [r["kind"] for r in rows] == ["scare", "direct"]  # input order in the stream
    console = Console(width=200, record=True)
    console.print(render(rows, {"by": "quote"}))
    lines = [line for line in console.export_text().splitlines() if "│" in line]
    assert "direct" in lines[0] and "scare" in lines[1]
    assert "…" in lines[0] and long_quote.strip() not in lines[0]


def test_summary_for_the_report() -> None:
    from corpus_tool_quotes.report import summarize

    assert summarize(quotes(MIXED)) == {"quotes": 4, "direct": 3, "speakers": 2}


# -- gold, robustness, speed ------------------------------------------------------------


def _quality_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "quality_quotes", ROOT / "benchmarks" / "quality_quotes.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_floors() -> None:
    results = _quality_module().evaluate()
    ours, regex = results["quotes"], results["regex"]
    assert ours["f1"] >= 0.90
    assert ours["direct_found"] == ours["direct_total"] == 13
    assert ours["speaker_accuracy_direct"] >= 0.90
    assert ours["speaker_accuracy"] >= 0.90
    assert ours["f1"] > regex["f1"] + 0.1


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab .,\n“”\"‘’«»„", max_size=120))
def test_rows_point_into_the_text_and_stay_in_their_paragraph(text: str) -> None:
    for row in quotes(text):
        assert text[row["start"]:row["end"]] == row["text"]
        assert row["text"] and row["text"] == row["text"].strip()
        assert row["kind"] in {"direct", "partial", "scare"}
        inner = row["text"]
        # Only a quote re-opened at the start of each paragraph may span paragraphs.
        for line in inner.split("\n")[1:]:
            assert not line.strip() or line.lstrip()[:1] in {"“", '"', "„", "«"}


@pytest.mark.parametrize(
    ("unit", "tail"),
    [("“", ""), ('"', ""), ("“a ", ""), ("” ", ""), ("‘x ", ""), ("« ", ""),
     ("“We said,” he said. ", ""), ("“", "a’ b "), ("‘a ", '" '), ("“a b” ", "")],
)
def test_runs_of_quote_marks_take_linear_time(unit: str, tail: str) -> None:
    tool = load_plugins().tool("quotes")

    def text(size: int) -> str:
        return unit * (size // len(unit)) + tail * (size // max(len(tail), 1))

    # One long paragraph of quotes: the work per quote must not grow with it.
    assert_linear(lambda t: run_tool(tool, [t]), text, 10_000)


# -- the command line -------------------------------------------------------------------


def _cli_has_quotes() -> bool:
    try:
        return "quotes" in run_cli(["--help"]).stdout
    except FileNotFoundError:
        return False


cli = pytest.mark.skipif(not _cli_has_quotes(), reason="corpus-tool does not list quotes")


@cli
def test_cli_jsonl_rows_for_the_corpus() -> None:
    done = run_cli(["quotes", CORPUS, "-f", "jsonl"])
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 28
    assert list(rows[0]) == ["doc", "start", "end", "text", "kind", "speaker", "verb",
                             "speaker_start", "speaker_end", "speaker_surface", "speaker_role"]
    lavrov = [r for r in rows if r["speaker"] == "Sergey Lavrov"]
    assert [r["kind"] for r in lavrov] == ["direct", "direct", "direct", "partial"]


@cli
def test_cli_csv_and_by_speaker() -> None:
    done = run_cli(["quotes", CORPUS, "--by", "speaker", "-f", "csv"])
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "speaker,quotes,words,docs"
    assert lines[1] == "Sergey Lavrov,4,104,1"
    assert "Antony Blinken,1,2,1" in lines
    assert lines[-1] == ",1,6,1"  # the quote nobody is named for comes last


@cli
def test_cli_filters_from_standard_input() -> None:
    doc = {"id": "a", "text": MIXED}
    done = run_cli(["quotes", "--kind", "direct", "--speaker", "Novak", "-f", "tsv"],
                   input=json.dumps(doc) + "\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == [
        "a\t69\t85\tIt is a fantasy,\tdirect\tPeter Novak\tsaid\t87\t98\tPeter Novak\t",
        "a\t106\t125\tNobody believes it.\tdirect\tPeter Novak\tsaid\t87\t98\tPeter Novak\t",
    ]


def test_runs_of_marks_and_empty_pairs_are_no_quotes() -> None:
    text = 'Decoration """""""" here, an empty "" pair, and “real words,” she said.'
    rows = run_tool("quotes", [text])
    assert [row["text"] for row in rows] == ["real words,"]


def test_subject_search_starts_after_what_no_subject_can_hold() -> None:
    speakers = importlib.import_module("corpus_tool_quotes.speakers")
    cases = {
        "It rained. Mr. Lavrov said": " Mr. Lavrov said",  # a title's stop is no barrier
        "Officials in the U.S. said": "Officials in the U.S. said",  # nor an initial's
        "A pause; then the minister said": " then the minister said",
        "Late again . . the man said": " the man said",
    }
    for text, rest in cases.items():
        assert text[speakers._barrier(text, 0, len(text)):] == rest
    # Same speakers as searching the whole window: the barrier only saves attempts.
    rows = run_tool("quotes", ["It rained. “We will go,” Mr. Lavrov said."])
    assert rows[0]["speaker"] == "Lavrov" and rows[0]["verb"] == "said"
