"""The dates tool: expression families, anchors, options, gold floors, the command line."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import typer
from growth import assert_linear
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tool import Document
from corpus_tool.testing import run_cli, run_tool

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def dates(text: str, **options: object) -> list[dict]:
    return run_tool("dates", [text], **options)  # type: ignore[return-value]


def found(text: str, **options: object) -> list[tuple[str, str, str, str | None]]:
    """(text, type, value, mod) of every row."""
    return [(r["text"], r["type"], r["value"], r["mod"]) for r in dates(text, **options)]


def corpus_docs() -> list[Document]:
    return [Document(p.stem, p.read_text("utf-8")) for p in sorted(CORPUS.glob("*.txt"))]


# -- expression families, each with a small text of its own -------------------------

FAMILIES = [
    # full and partial calendar dates
    ("It began on February 24, 2022.", [("February 24, 2022", "DATE", "2022-02-24", None)]),
    ("Signed 24 Feb 2022 in Minsk.", [("24 Feb 2022", "DATE", "2022-02-24", None)]),
    ("Signed on the 3rd of March, 2021.", [("3rd of March, 2021", "DATE", "2021-03-03", None)]),
    ("Filed 2022-02-24.", [("2022-02-24", "DATE", "2022-02-24", None)]),
    ("Posted 24.02.2022 and 2/24/2022.",
     [("24.02.2022", "DATE", "2022-02-24", None), ("2/24/2022", "DATE", "2022-02-24", None)]),
    ("Talks resume Feb. 24.", [("Feb. 24", "DATE", "XXXX-02-24", None)]),
    ("Jul.01 - 2024 1:48 PM CET", [("Jul.01 - 2024 1:48 PM CET", "TIME",
                                    "2024-07-01T13:48+01:00", None)]),
    ("Polls closed in June 2013.", [("June 2013", "DATE", "2013-06", None)]),
    ("It is not February 30, 2022.", []),
    # times
    ("The vote closes at 10:30 GMT.", [("10:30 GMT", "TIME", "XXXX-XX-XXT10:30+00:00", None)]),
    ("Doors open at 7.30pm and close at midnight.",
     [("7.30pm", "TIME", "XXXX-XX-XXT19:30", None),
      ("midnight", "TIME", "XXXX-XX-XXT00:00", None)]),
    # weekdays, months and years
    ("He spoke on Thursday.", [("Thursday", "DATE", "XXXX-WXX-4", None)]),
    ("He spoke on Thursday morning.", [("Thursday morning", "TIME", "XXXX-WXX-4TMO", None)]),
    ("Sales fell in August.", [("August", "DATE", "XXXX-08", None)]),
    ("The midterms are in November this year.",
     [("November this year", "DATE", "XXXX-11", None)]),
    ("A 2014 agreement, signed in 1998.", [("2014", "DATE", "2014", None),
                                          ("1998", "DATE", "1998", None)]),
    ("In the 1990s the city grew.", [("the 1990s", "DATE", "199", None)]),
    # seasons and parts
    ("At the end of January he resigned.", [("the end of January", "DATE", "XXXX-01", "END")]),
    ("Growth slowed in early 2022.", [("early 2022", "DATE", "2022", "START")]),
    ("Prices peaked in mid-March.", [("mid-March", "DATE", "XXXX-03", "MID")]),
    ("It opened in the summer of 2007.", [("the summer of 2007", "DATE", "2007-SU", None)]),
    ("Profits rose in the first half of 2022.",
     [("the first half of 2022", "DATE", "2022-H1", None)]),
    # durations
    ("The war lasted three weeks.", [("three weeks", "DURATION", "P3W", None)]),
    ("The 7 1/2 year war failed.", [("7 1/2 year", "DURATION", "P7Y6M", None)]),
    ("She waited two and a half years.", [("two and a half years", "DURATION", "P2Y6M", None)]),
    ("He was jailed for about a decade.", [("a decade", "DURATION", "P10Y", "APPROX")]),
    ("The talks took 36 hours.", [("36 hours", "DURATION", "PT36H", None)]),
    ("They have fought for years.", [("years", "DURATION", "PXY", None)]),
    # sets
    ("The market opens every Monday.", [("every Monday", "SET", "XXXX-WXX-1", None)]),
    ("Take it twice a day.", [("twice a day", "SET", "P1D", None)]),
    ("A daily newspaper.", [("daily", "SET", "P1D", None)]),
    # vague references
    ("He recently left, is now abroad and will soon return.",
     [("recently", "DATE", "PAST_REF", None), ("now", "DATE", "PRESENT_REF", None),
      ("soon", "DATE", "FUTURE_REF", None)]),
    ("Tensions rose in recent months.", [("recent months", "DURATION", "PXM", None)]),
    ("At the moment nothing is known.", [("At the moment", "DATE", "PRESENT_REF", None)]),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES, ids=[t for t, _ in FAMILIES])
def test_expression_families(text: str, expected: list) -> None:
    assert found(text) == expected


RELATIVE = [
    # (text, expected (text, type, value)) with anchor 2023-02-13, a Monday
    ("It happened yesterday.", ("yesterday", "DATE", "2023-02-12")),
    ("It happens today.", ("today", "DATE", "2023-02-13")),
    ("We meet tomorrow.", ("tomorrow", "DATE", "2023-02-14")),
    ("Shots were heard last night.", ("last night", "TIME", "2023-02-12TNI")),
    ("Prices rose last week.", ("last week", "DATE", "2023-W06")),
    ("Prices will rise next month.", ("next month", "DATE", "2023-03")),
    ("Growth is weak this year.", ("this year", "DATE", "2023")),
    ("He left two days ago.", ("two days ago", "DATE", "2023-02-11")),
    ("He left three years ago.", ("three years ago", "DATE", "2020")),
    ("He spoke on Thursday.", ("Thursday", "DATE", "2023-02-09")),
    ("He will speak on Thursday.", ("Thursday", "DATE", "2023-02-16")),
    ("He spoke last Friday.", ("last Friday", "DATE", "2023-02-10")),
    ("He resigned in December.", ("December", "DATE", "2022-12")),
    ("It opens next summer.", ("next summer", "DATE", "2023-SU")),
    ("Sales fell in the third quarter of last year.",
     ("the third quarter of last year", "DATE", "2022-Q3")),
    ("A deal is due later this year.", ("this year", "DATE", "2023")),
    # clock units move within the day, not by months
    ("Ten minutes ago it rained.", ("Ten minutes ago", "DATE", "2023-02-13")),
    ("It ended 36 hours later.", ("36 hours later", "DATE", "2023-02-14")),
    # beyond the calendar: a past reference, not an overflow
    ("The peaks formed 100m years ago.", ("100m years ago", "DATE", "PAST_REF")),
    ("The rocks formed billions of years ago.", ("billions of years ago", "DATE", "PAST_REF")),
    ("They were sold a quarter of a century ago.",
     ("a quarter of a century ago", "DATE", "19")),
]


CENTURIES = [
    ("Trouble began in the 19th century.", [("the 19th century", "DATE", "18", None)]),
    ("It was built in the mid-twentieth century.",
     [("the mid-twentieth century", "DATE", "19", "MID")]),
    ("At the beginning of the twentieth century life was short.",
     [("the beginning of the twentieth century", "DATE", "19", "START")]),
    ("A nineteenth-century novelist wrote it.", [("nineteenth-century", "DATE", "18", None)]),
    ("The date was set for the twelfth of May.",
     [("the twelfth of May", "DATE", "XXXX-05-12", None)]),
    ("The mountains are 100m years old and have stood for 4.5bn years.",
     [("4.5bn years", "DURATION", "P4500000000Y", None)]),
]


@pytest.mark.parametrize(("text", "expected"), CENTURIES, ids=[t for t, _ in CENTURIES])
def test_centuries_word_ordinals_and_large_quantities(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), RELATIVE, ids=[t for t, _ in RELATIVE])
def test_relative_expressions_resolve_against_the_anchor(text: str, expected: tuple) -> None:
    rows = dates(text, anchor="2023-02-13")
    assert [(r["text"], r["type"], r["value"]) for r in rows] == [expected]
    assert rows[0]["anchor"] == "2023-02-13"


def test_relative_expressions_keep_placeholders_without_an_anchor() -> None:
    text = "Yesterday prices rose; last week they fell, two days ago they held. Today is calm."
    assert [(r["text"], r["value"], r["anchor"]) for r in dates(text)] == [
        ("Yesterday", "XXXX-XX-XX", None), ("last week", "XXXX-WXX", None),
        ("two days ago", "XXXX-XX-XX", None), ("Today", "PRESENT_REF", None),
    ]


def test_anaphora_resolve_against_the_last_mentioned_date() -> None:
    text = ("On February 3 the spokesman spoke. The day before, the president spoke. "
            "Two weeks later the talks ended; the following day they resumed.")
    rows = dates(text, anchor="2023-02-13")
    assert [(r["text"], r["value"]) for r in rows] == [
        ("February 3", "2023-02-03"), ("The day before", "2023-02-02"),
        ("Two weeks later", "2023-W07"), ("the following day", "2023-02-03"),
    ]


def test_the_day_before_an_event_is_not_resolved_against_a_date() -> None:
    assert found("He arrived the day before the vote.") == []


# -- misfires: ordinary words and numbers ------------------------------------------

@pytest.mark.parametrize("text", [
    "You may go. The troops march on. May I ask?",
    "May God bless them all.",
    "There are 2,014 troops and 2014 troops here, see page 2014.",
    "He scored 1999 points, about 2000 people came, 2015% more.",
    "It cost $2014 and weighs 1.2014 kg.",
    "April Jones and June Carter sang.",
    "They read the Sunday Times and the Daily Mail.",
    "As soon as he left, the fall of Rome began.",
    "She bought the set on sale at 3:1 odds.",
    "In his 90s he still ran.",
    "It costs $5 a day.",
])
def test_ordinary_words_and_numbers_are_not_dates(text: str) -> None:
    assert found(text) == []


def test_years_before_plural_nouns_need_a_cue() -> None:
    assert [r["text"] for r in dates("The 2014 elections, from 2009 supports, "
                                     "the 2012 and 2013 samples, 1990 levels.")] == [
        "2014", "2009", "2012", "2013", "1990"]


def test_month_verbs_are_dates_with_a_cue() -> None:
    assert found("He was arrested in May and freed in March.") == [
        ("May", "DATE", "XXXX-05", None), ("March", "DATE", "XXXX-03", None)]


# -- the anchor --------------------------------------------------------------------

def test_anchor_from_a_dateline_header() -> None:
    text = "Title line\n\nJul.01 - 2024 1:48 PM CET\n\nOn Thursday, the president spoke."
    rows = dates(text)
    assert {r["anchor"] for r in rows} == {"2024-07-01"}
    assert rows[-1]["value"] == "2024-06-27"


def test_anchor_from_a_date_keyword_at_the_start() -> None:
    rows = dates(" date 2023-02-13 Officials said on Friday that talks failed.")
    assert [(r["text"], r["value"], r["anchor"]) for r in rows] == [
        ("2023-02-13", "2023-02-13", "2023-02-13"), ("Friday", "2023-02-10", "2023-02-13")]


def test_a_date_in_running_text_is_not_a_dateline() -> None:
    text = ("Western countries began to tighten sanctions against Russia in response to an "
            "operation which began on February 24, 2022. On Friday they met.")
    assert dates(text)[-1]["value"] == "XXXX-WXX-5"


def test_meta_date_beats_the_dateline_and_the_option_beats_both() -> None:
    text = "Jul.01 - 2024\n\nThe talks ended yesterday."
    doc = Document("d", text, {"date": "2021-12-02T10:00:00Z"})
    assert run_tool("dates", [doc])[-1]["value"] == "2021-12-01"  # type: ignore[index]
    rows = run_tool("dates", [doc], anchor="2020-01-01")
    assert rows[-1]["value"] == "2019-12-31"  # type: ignore[index]


def test_show_anchor_adds_a_dct_row_per_document() -> None:
    docs = [Document("a", "Jul.01 - 2024\n\nNothing else."), Document("b", "Later, nothing.")]
    rows = [r for r in run_tool("dates", docs, show_anchor=True) if r["type"] == "DCT"]
    assert rows == [
        {"doc": "a", "start": 0, "end": 13, "text": "Jul.01 - 2024", "type": "DCT",
         "value": "2024-07-01", "mod": None, "anchor": "2024-07-01"},
        {"doc": "b", "start": None, "end": None, "text": None, "type": "DCT", "value": None,
         "mod": None, "anchor": None},
    ]


def test_a_bad_anchor_is_a_usage_error() -> None:
    from corpus_tool_dates.options import check_anchor, check_bound

    assert check_anchor("2023-02-13") == "2023-02-13"
    with pytest.raises(typer.BadParameter):
        check_anchor("2023-02-30")
    with pytest.raises(typer.BadParameter):
        check_bound("last year")


# -- options: --type, --from/--to, --timeline; summary ------------------------------

TEXT = ("In 2014 the war began. On February 24, 2022 it grew. It lasted three weeks "
        "and resumed every Monday. Recently it ended.")


def test_type_filter() -> None:
    assert [r["text"] for r in dates(TEXT, types=["DURATION", "SET"])] == [
        "three weeks", "every Monday"]


def test_from_to_filter_on_resolved_values() -> None:
    assert [r["text"] for r in dates(TEXT, date_from="2015")] == ["February 24, 2022"]
    assert [r["text"] for r in dates(TEXT, date_to="2014-06")] == ["2014"]
    assert [r["text"] for r in dates(TEXT, date_from="2014-12", date_to="2022-02-24")] == [
        "2014", "February 24, 2022"]


def test_timeline_orders_resolved_dates_across_documents() -> None:
    docs = [Document("late", "It ended in March 2023 after the 2014 war."),
            Document("early", "On February 24, 2022 it grew; talks are due soon.")]
    rows = run_tool("dates", docs, timeline=True)
    assert [(r["doc"], r["value"]) for r in rows] == [  # type: ignore[index]
        ("late", "2014"), ("early", "2022-02-24"), ("late", "2023-03")]


def test_table_and_timeline_render_with_anchor_caption() -> None:
    from rich.console import Console

    tool = _tool()
    rows = run_tool("dates", corpus_docs())
    console = Console(width=200, record=True)
    for timeline in (False, True):
        shown = tool.postprocess(iter(rows), {"timeline": timeline})  # type: ignore[misc]
        console.print(tool.render(list(shown), {"timeline": timeline}))  # type: ignore[misc]
    out = console.export_text()
    assert "002_abb1fc2280914c64 2023-02-13" in out
    assert "Timeline" in out and "2024-07-01T13:48+01:00" in out


def test_summarize() -> None:
    rows = run_tool("dates", [Document("d", "Jul.01 - 2024\n\nIn 2014 and recently.")])
    assert _tool().summarize(rows) == {  # type: ignore[misc]
        "dates": 3, "resolved": 2, "anchor": "2024-07-01",
        "earliest": "2014-01-01", "latest": "2024-07-01"}


def _tool():  # type: ignore[no-untyped-def]
    from corpus_tool.plugins import load_plugins

    return load_plugins().tool("dates")


# -- robustness ---------------------------------------------------------------------

def test_a_long_line_of_digits_and_slashes_takes_linear_time() -> None:
    text = "1/2/" * 50_000 + "2014-02-24 12/12/2012 " + "9" * 100_000
    assert [r["value"] for r in dates(text)] == ["2014-02-24", "2012-12-12"]
    tool = _tool()
    assert_linear(lambda t: run_tool(tool, [t]), lambda n: "1/2/" * n + "9" * n, 10_000)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*"0123456789/.-:, aAmMpyJunethdsaoc\n", "May ", "March ",
                                  "2014", "Thursday", "the day before", " ago", " years"]),
                max_size=60).map("".join))
def test_rows_point_into_the_text_and_do_not_overlap(text: str) -> None:
    rows = dates(text)
    end = -1
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]
        assert row["start"] >= end
        end = row["end"]
        assert set(row) == {"doc", "start", "end", "text", "type", "value", "mod", "anchor"}


# -- quality floors on the gold ----------------------------------------------------

def _quality_module():  # type: ignore[no-untyped-def]
    path = ROOT / "benchmarks" / "quality_dates.py"
    spec = importlib.util.spec_from_file_location("quality_dates", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("quality_dates", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_gold_floors() -> None:
    scores = _quality_module().quality_ours()
    assert scores.f1 >= 0.90
    assert scores.value_accuracy >= 0.85


def test_gold_values_with_the_articles_own_dates() -> None:
    """With the anchors the gold accepts, every required value is resolved."""
    gold = [json.loads(line) for line in
            (ROOT / "tests" / "data" / "gold" / "dates.jsonl").read_text("utf-8").splitlines()]
    docs = corpus_docs()
    anchors = {"000_9d058579d83c5d71": "2022-09-28", "004_71ffaa25917f853c": "2021-12-02"}
    rows = []
    for doc in docs:
        rows += run_tool("dates", [doc], anchor=anchors.get(doc.id))
    by_span = {(r["doc"], r["start"]): r["value"] for r in rows}
    for g in gold:
        if g["required"]:
            assert by_span[(g["doc"], g["start"])] in g["values"], g["text"]


# -- the command line ---------------------------------------------------------------

def test_cli_jsonl_matches_the_tool() -> None:
    proc = run_cli(["dates", CORPUS, "-f", "jsonl"])
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    by_doc = {(r["doc"], r["start"]): r for r in rows}
    assert by_doc[("002_abb1fc2280914c64", 1867)]["value"] == "2023-01"
    assert by_doc[("002_abb1fc2280914c64", 1867)]["mod"] == "END"
    assert by_doc[("003_919e4bd1f4771291", 95)]["text"] == "Jul.01 - 2024 1:48 PM CET"
    assert len(rows) == len(run_tool("dates", corpus_docs()))


def test_cli_csv_and_type_filter() -> None:
    proc = run_cli(["dates", CORPUS, "-f", "csv", "--type", "DURATION"])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "doc,start,end,text,type,value,mod,anchor",
        "004_71ffaa25917f853c,3613,3626,recent months,DURATION,PXM,,",
        "004_71ffaa25917f853c,4373,4383,7 1/2 year,DURATION,P7Y6M,,"]


def test_cli_reads_meta_date_from_json_lines() -> None:
    line = json.dumps({"id": "a", "text": "On Thursday he left.", "meta": {"date": "2021-12-03"}})
    proc = run_cli(["dates", "-f", "jsonl"], input=line + "\n")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["value"] == "2021-12-02"


def test_cli_bad_anchor_exits_2() -> None:
    proc = run_cli(["dates", CORPUS, "--anchor", "2023-13-01"])
    assert proc.returncode == 2
    assert "--anchor" in proc.stderr
