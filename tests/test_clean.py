"""The clean transform: each repair on small texts, the gold for the sample corpus, the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpus_tool import Document
from corpus_tool.testing import run_cli, run_tool

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = json.loads((Path(__file__).parent / "data" / "gold" / "cleanup.json").read_text("utf-8"))
DAMAGED = "004_71ffaa25917f853c"


def clean(text: str, **options: object) -> Document:
    [doc] = run_tool("clean", [Document("t", text)], **options)
    return doc


def cleaned_text(text: str, **options: object) -> str:
    return clean(text, **options).text


@pytest.fixture(scope="module")
def sample() -> dict[str, tuple[Document, Document]]:
    """Each sample document, before and after cleaning."""
    docs = [Document(p.stem, p.read_text("utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    return {d.id: (d, out) for d, out in zip(docs, run_tool("clean", docs), strict=True)}


# ------------------------------------------------------------------ repairs


def test_unicode_repairs_mojibake_and_invisible_characters_but_keeps_curly_quotes() -> None:
    doc = clean("The cafÃ© opened.\u200b It said “hello” and Vučić’s ﬁrst word.")
    assert doc.text == "The café opened. It said “hello” and Vučić’s first word."
    assert doc.meta["clean"]["repairs"]["unicode"] == 3


def test_unicode_control_characters_become_replacement_marks_not_glue() -> None:
    # A control character stands for a lost one: deleting it would make "Europes".
    # (0x00-0x08 after a letter are lost accents, 0x13 0x14 0x18 0x19 0x1C 0x1D lost
    # dashes and quotes: tests/test_clean_real.py.)
    assert cleaned_text("Europe\x10s lakes and \x1b[31mred\x1b[0m text") == (
        "Europe\ufffds lakes and red text"
    )


def test_whitespace_space_before_punctuation_runs_and_trailing_spaces() -> None:
    text = "other side of Republican . And  what   is more , it ends. \n\n\n\nNext"
    assert cleaned_text(text) == "other side of Republican. And what is more, it ends.\n\nNext"
    # Ellipses, decimals and indentation are not spacing errors.
    keep = "  Indented: and ... then .5 of it"
    assert cleaned_text(keep) == keep


def test_sentence_spacing_added_but_not_inside_abbreviations_numbers_or_addresses() -> None:
    assert cleaned_text("in Stockholm.As the talks") == "in Stockholm. As the talks"
    assert cleaned_text("will not tolerate it.Mr. Lavrov said") == (
        "will not tolerate it. Mr. Lavrov said"
    )
    keep = (
        "the U.S. threatens, e.g. these, pi is 3.14 on Jul.01 - 2024; see "
        "www.Example.com/News or write to john.Smith@example.org today."
    )
    assert cleaned_text(keep) == keep


def test_joined_words_at_a_case_boundary() -> None:
    text = (
        "Troops left Ukraine, he said. They face consequences UkraineOn Thursday "
        "and for that reason heThe upgrade failed."
    )
    doc = clean(text)
    assert doc.text == (
        "Troops left Ukraine, he said. They face consequences Ukraine On Thursday "
        "and for that reason he The upgrade failed."
    )
    assert doc.meta["clean"]["repairs"]["joined-words"] == 2


def test_joined_words_in_lower_case_need_the_dictionary_and_the_document() -> None:
    text = "We saw Russia and the trade. They join firmly Russiatrail of it."
    assert cleaned_text(text) == "We saw Russia and the trade. They join firmly Russia trail of it."
    # A capitalised head seen only at sentence starts is no evidence: no split.
    text = "Blackstar was his album. Black suits him."
    assert cleaned_text(text) == text
    # Run-together content words are mostly compounds the dictionary lacks.
    text = "a dataset of data and a set of tests"
    assert cleaned_text(text) == text


def test_joined_words_never_split_names_with_internal_capitals() -> None:
    names = ["McDonald", "iPhone", "YouTube", "LinkedIn", "DeSantis", "PayPal", "MacArthur"]
    # Every part also stands alone inside a sentence, so only the rules protect them.
    text = (
        "Ask him, You know, about Linked lists and Pay slips, Mc and De and Mac. "
        + " and ".join(names)
        + " left."
    )
    assert cleaned_text(text) == text


def test_joined_words_a_capitalised_form_used_twice_is_a_name() -> None:
    text = "They met the Water board. WaterAid helps and WaterAid builds wells."
    assert cleaned_text(text) == text
    once = "They met the Water board. WaterAid helps and builds wells."
    assert cleaned_text(once) == "They met the Water board. Water Aid helps and builds wells."


def test_quotes_closing_mark_typed_as_opening_and_space_before_closing() -> None:
    text = "“Our commitment to Ukraine. “\n“It is over. ”\n“This stays open. “ and\nHe said: “"
    assert cleaned_text(text) == (
        "“Our commitment to Ukraine.”\n“It is over.”\n“This stays open. “ and\nHe said: “"
    )
    assert clean(text).meta["clean"]["repairs"]["quotes"] == 2


def test_hyphenation_across_line_breaks() -> None:
    text = "an inter-\nnational deal, a well-\nknown name and pro-\nRussian forces"
    assert cleaned_text(text) == "an international deal, a well-known name and pro-Russian forces"


def test_boilerplate_lines_leave_the_text_and_are_kept_in_meta() -> None:
    text = (
        "The talks ended.\n\nShare on Facebook\n\nThey will leave a reply later.\n\n"
        "Source link\n\nLeave a Reply\n\nYour email address will not be published.\n"
    )
    doc = clean(text)
    assert doc.text == "The talks ended.\n\nThey will leave a reply later.\n"
    assert doc.meta["clean"]["removed"] == [
        {"kind": "boilerplate", "line": "Share on Facebook"},
        {"kind": "boilerplate", "line": "Source link"},
        {"kind": "boilerplate", "line": "Leave a Reply"},
        {"kind": "boilerplate", "line": "Your email address will not be published."},
    ]


def test_header_metadata_moves_into_meta() -> None:
    text = (
        "Title of the story\n\nWritten by Jane Roe\n\nPhoto: Agency Name /\n"
        "The body of the article starts here and runs on for well over twelve words in all.\n"
        "Photo: a caption in the body stays where it is."
    )
    doc = clean(text)
    assert doc.text == (
        "Title of the story\n\n"
        "The body of the article starts here and runs on for well over twelve "
        "words in all.\nPhoto: a caption in the body stays where it is."
    )
    assert doc.meta["byline"] == "Jane Roe"
    assert doc.meta["photo"] == "Agency Name /"
    dated = clean(" date 2023-02-13 The US and EU countries are making great efforts.")
    assert dated.text == "The US and EU countries are making great efforts."
    assert dated.meta["date"] == "2023-02-13"
    assert dated.meta["clean"]["removed"] == [{"kind": "metadata", "line": "date 2023-02-13"}]


def test_existing_meta_fields_are_not_overwritten() -> None:
    [doc] = run_tool("clean", [Document("d", "date 2020-01-01 Body text.", {"date": "1999-09-09"})])
    assert doc.meta["date"] == "1999-09-09"
    assert doc.meta["clean"]["removed"] == [{"kind": "metadata", "line": "date 2020-01-01"}]


def test_only_and_skip_choose_repairs() -> None:
    from corpus_tool_clean import Repair

    text = "in Stockholm.As the UkraineOn Ukraine, he said . Source link"
    assert cleaned_text(text, only=[Repair.sentence_spacing]) == (
        "in Stockholm. As the UkraineOn Ukraine, he said . Source link"
    )
    assert cleaned_text(text, skip=[Repair.sentence_spacing, Repair.whitespace]) == (
        "in Stockholm.As the Ukraine On Ukraine, he said . Source link"
    )


def test_meta_records_changes_counts_and_garble() -> None:
    doc = clean("In Stockholm.As the talks went on , UkraineOn Ukraine, he said.")
    record = doc.meta["clean"]
    assert record["changed"] is True
    assert record["repairs"] == {"whitespace": 1, "sentence-spacing": 1, "joined-words": 1}
    assert record["garble_before"] == 272.7  # 3 spots in 11 tokens (the lone "," counts)
    assert record["garble_after"] == 0.0
    untouched = clean("Nothing to do here.")
    assert untouched.meta["clean"] == {
        "changed": False,
        "garble_before": 0.0,
        "garble_after": 0.0,
        "repairs": {},
        "removed": [],
    }


def test_diff_is_unified_and_coloured_on_request() -> None:
    from corpus_tool_clean import diff

    before = Document("x", "one\nin Stockholm.As the\nthree\n")
    after = clean(before.text)
    plain = diff(before, after)
    assert plain.splitlines()[2:] == [
        "@@ -1,3 +1,3 @@",
        " one",
        "-in Stockholm.As the",
        "+in Stockholm. As the",
        " three",
    ]
    coloured = diff(before, after, color=True)
    assert "\x1b[31m-in Stockholm.As the\x1b[0m" in coloured
    assert "\x1b[32m+in Stockholm. As the\x1b[0m" in coloured
    assert diff(before, before) == ""


# ------------------------------------------------------------ sample corpus


def _everything_kept(doc: Document) -> str:
    """The cleaned text and the verbatim lines moved out of it."""
    return "\n".join([doc.text, *(r["line"] for r in doc.meta["clean"]["removed"])])


def test_gold_fixes_made(sample: dict[str, tuple[Document, Document]]) -> None:
    texts = {doc_id: after.text for doc_id, (_, after) in sample.items()}
    made = [
        f
        for f in GOLD["fixes"]
        if f["before"] not in texts[f["doc"]] and f["after"] in texts[f["doc"]]
    ]
    assert len(GOLD["fixes"]) == 14
    assert len(made) >= 12, [f["before"] for f in GOLD["fixes"] if f not in made]


def test_gold_boilerplate_out_of_the_text(sample: dict[str, tuple[Document, Document]]) -> None:
    for item in GOLD["boilerplate"]:
        after = sample[item["doc"]][1]
        assert item["line"] not in after.text
        assert {"kind": "boilerplate", "line": item["line"]} in after.meta["clean"]["removed"]


def test_gold_keep_strings_unchanged(sample: dict[str, tuple[Document, Document]]) -> None:
    assert len(GOLD["keep"]) == 22
    for item in GOLD["keep"]:
        assert item["text"] in _everything_kept(sample[item["doc"]][1]), item


WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def test_undamaged_articles_keep_every_word(sample: dict[str, tuple[Document, Document]]) -> None:
    """000-003: no word changes; only metadata lines leave, and 000 gets its one spacing fix."""
    for doc_id in sorted(sample)[:4]:
        before, after = sample[doc_id]
        moved = [r["line"] for r in after.meta["clean"]["removed"]]
        assert all(r["kind"] == "metadata" for r in after.meta["clean"]["removed"])
        original = before.text
        for line in moved:
            original = original.replace(line, "", 1)
        assert WORD.findall(after.text) == WORD.findall(original), doc_id
        changes = after.meta["clean"]["repairs"]
        assert set(changes) <= {"metadata", "whitespace"}, (doc_id, changes)
    assert sample["000_9d058579d83c5d71"][1].meta["clean"]["repairs"] == {"whitespace": 1}
    assert sample["001_4db1347f01a976fe"][1].meta["clean"]["changed"] is False
    assert sample["002_abb1fc2280914c64"][1].meta["date"] == "2023-02-13"
    assert sample["003_919e4bd1f4771291"][1].meta["byline"] == "Kathrine Frich"


def test_damaged_article_repairs_and_garble(sample: dict[str, tuple[Document, Document]]) -> None:
    record = sample[DAMAGED][1].meta["clean"]
    assert record["repairs"] == {
        "boilerplate": 3,
        "sentence-spacing": 3,
        "joined-words": 7,
        "quotes": 4,
    }
    assert record["garble_before"] > 15 > 1 > record["garble_after"]


def test_cleaning_the_sample_twice_changes_nothing(
    sample: dict[str, tuple[Document, Document]],
) -> None:
    once = [after for _, after in sample.values()]
    twice = run_tool("clean", [Document(d.id, d.text) for d in once])
    assert [d.text for d in twice] == [d.text for d in once]
    assert not any(d.meta["clean"]["changed"] for d in twice)


# ---------------------------------------------------------------------- CLI


@pytest.fixture(scope="module")
def cli_ready() -> None:
    try:
        help_text = run_cli(["--help"]).stdout
    except FileNotFoundError:
        pytest.skip("the corpus-tool command is not installed")
    if " clean " not in help_text:
        pytest.skip("corpus-tool does not list the clean tool")


def test_cli_writes_json_lines_that_chain(cli_ready: None) -> None:
    proc = run_cli(["clean", CORPUS])
    assert proc.returncode == 0, proc.stderr
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["id"] for d in docs] == sorted(p.stem for p in CORPUS.glob("*.txt"))
    damaged = docs[4]
    assert "Stockholm. As" in damaged["text"]
    assert damaged["meta"]["clean"]["repairs"]["joined-words"] == 7
    again = run_cli(["clean", "--check"], input=proc.stdout)
    assert again.returncode == 0, again.stderr


def test_cli_check_exits_1_when_documents_would_change(cli_ready: None) -> None:
    proc = run_cli(["clean", CORPUS / f"{DAMAGED}.txt", "--check"])
    assert proc.returncode == 1
    assert proc.stdout == f"{DAMAGED}\n"  # the documents that would change, by id


def test_cli_text_format_and_only_option(cli_ready: None) -> None:
    proc = run_cli(
        ["clean", "-f", "text", "--only", "sentence-spacing"],
        input="in Stockholm.As the UkraineOn\n",
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "in Stockholm. As the UkraineOn"
    bad = run_cli(["clean", "--only", "nonsense"], input="x\n")
    assert bad.returncode == 2


def test_cli_diff_shows_the_changes(cli_ready: None) -> None:
    proc = run_cli(["clean", "--diff"], input="one\nin Stockholm.As the\n")
    assert proc.returncode == 0, proc.stderr
    assert "-in Stockholm.As the" in proc.stdout
    assert "+in Stockholm. As the" in proc.stdout


def test_cli_out_dir_writes_one_cleaned_file_per_document(cli_ready: None, tmp_path: Path) -> None:
    proc = run_cli(["clean", CORPUS, "--out-dir", tmp_path, "-q"])
    assert proc.returncode == 0, proc.stderr
    written = sorted(p.name for p in tmp_path.rglob("*.txt"))
    assert written == sorted(p.name for p in CORPUS.glob("*.txt"))
    text = (tmp_path / f"{DAMAGED}.txt").read_text("utf-8")
    assert "Stockholm. As" in text
    assert "Leave a Reply" not in text


def test_double_spaces_of_lost_dashes_become_dashes() -> None:
    """A text without dashes whose clauses are parted by two spaces lost its dashes."""
    text = (
        "What comes to mind  the biggest forest, the longest river or the largest "
        "shop  and which matters most?"
    )
    doc = clean(text)
    assert doc.text == (
        "What comes to mind – the biggest forest, the longest river or the "
        "largest shop – and which matters most?"
    )
    assert doc.meta["clean"]["repairs"] == {"dashes": 2}


def test_a_lone_double_space_or_one_beside_dashes_is_a_slip() -> None:
    assert cleaned_text("A typo  here only.") == "A typo here only."
    assert cleaned_text("It ended – at last  and  then.") == "It ended – at last and then."


def test_a_reading_level_line_moves_to_meta_verbatim() -> None:
    doc = clean(
        "Intermediate\nWhen you see the word Amazon, whats the first thing you think "
        "of, and which do you think is most important?\n"
    )
    assert doc.text.startswith("When you see")
    assert doc.meta["level"] == "Intermediate"
    assert doc.meta["clean"]["removed"] == [{"kind": "metadata", "line": "Intermediate"}]
    # in running text the word stays
    assert cleaned_text("He is at an intermediate level.") == "He is at an intermediate level."


def test_low_bytes_of_typographic_marks_come_back() -> None:
    assert cleaned_text("Europe\x19s lakes \x13 and \x1cthe\x1d") == "Europe’s lakes – and “the”"
