"""Output a newcomer reads: tables at ordinary widths, tables in files, --help pages,
the report's per-document rows, and what listing the commands loads."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from conftest import CORPUS, jsonl
from rich.console import Console
from test_terminal import run_on_terminal

from corpus_tool import FittedTable, elide_middle, load_plugins, parse_tool_args
from corpus_tool.testing import run_cli

SAMPLE_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))
TOOLS = ["readability", "quotes", "dates", "clean", "report"]
BOX = "│┃║"


def plain(shown: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown).replace("\r", "")


def on_terminal(width: int, *args: str) -> str:
    shown, _ = run_on_terminal([*args], {"COLUMNS": str(width), "NO_COLOR": "1"})
    return plain(shown)


def widest(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


# --- tables at ordinary widths ---------------------------------------------------


@pytest.mark.parametrize("width", [80, 100])
def test_readability_table_keeps_ids_and_headline_scores(width: int) -> None:
    shown = on_terminal(width, "readability", str(CORPUS))
    assert widest(shown) <= width
    for doc_id in SAMPLE_IDS:  # each id whole on its row, never folded
        assert re.search(rf"[{BOX}] {doc_id} +[{BOX}]", shown), doc_id
    header = shown.split("┡")[0]
    for word in ("words", "reading", "ease", "kincaid", "grade"):
        assert word in header
    # Columns left out are named, with the way to see them.
    caption = " ".join(shown.split("┘")[-1].split())
    assert "more columns" in caption and "-f csv" in caption and "-m NAME" in caption
    assert "syllables" in caption  # the counts go before the scores


@pytest.mark.parametrize("tool", ["quotes", "dates", "clean", "report", "plugins"])
@pytest.mark.parametrize("width", [80, 100])
def test_every_table_fits_and_keeps_its_ids(tool: str, width: int) -> None:
    args = [tool] if tool == "plugins" else [tool, str(CORPUS), "-f", "table"]
    if tool == "report":  # the test plugins' analyzer that fails on purpose
        args += ["--skip", "unserialisable"]
    shown = on_terminal(width, *args)
    assert widest(shown) <= width
    ids = ["readability", "quotes", "dates"] if tool == "plugins" else SAMPLE_IDS
    for doc_id in ids:
        if tool in ("quotes", "dates") and doc_id[:3] in ("001", "003"):
            continue  # no quotes in 001 and 003
        assert re.search(rf"(^|[{BOX} ]){re.escape(doc_id)} ", shown, re.M), (tool, doc_id)


def test_long_ids_are_shortened_in_the_middle() -> None:
    docs = [
        {"id": f"news/2023/feb/{n}-a-long-article-title-about-nothing-much-{n}", "text": "Hi."}
        for n in range(3)
    ]
    text = "\n".join(json.dumps(d) for d in docs) + "\n"
    shown, _ = run_on_terminal(
        ["readability", "-f", "table"], {"COLUMNS": "80", "NO_COLOR": "1"}, text.encode()
    )
    shown = plain(shown)
    assert widest(shown) <= 80
    for n in range(3):  # start and end of each id kept, so they stay apart
        assert re.search(rf"news/2023/fe\S*…\S*much-{n} ", shown), shown


def test_elide_middle() -> None:
    assert elide_middle("004_71ffaa25917f853c", 13) == "004_71…7f853c"
    assert elide_middle("short", 13) == "short"
    assert len(elide_middle("x" * 50, 12)) == 12


def test_fitted_table_drops_the_least_important_columns_first() -> None:
    table = FittedTable(title="t")
    table.add_column("doc", key=True)
    table.add_column("minor", priority=5)
    table.add_column("major", priority=0)
    table.add_row("document-one", "m" * 30, "M" * 30)
    console = Console(width=60, record=True, no_color=True)
    console.print(table)
    text = console.export_text()
    assert "MMMM" in text and "mmmm" not in text and "document-one" in text
    assert "1 more column (minor)" in " ".join(text.split())


# --- tables in a file or a pipe --------------------------------------------------


def test_a_table_written_to_a_file_is_never_cut() -> None:
    result = run_cli(["readability", CORPUS, "-f", "table"], env={"COLUMNS": ""})
    assert result.returncode == 0, result.stderr
    assert widest(result.stdout) > 100  # its natural width, not 80
    header = result.stdout.split("┡")[0]
    for word in ("sentences", "syllables", "gunning", "smog", "reading"):
        assert word in header
    assert "…" not in result.stdout and "more column" not in result.stdout


def test_quotes_are_cut_on_a_terminal_and_whole_in_a_file() -> None:
    quotes = [row["text"] for row in jsonl(run_cli(["quotes", CORPUS, "-f", "jsonl"]).stdout)]
    longest = max(quotes, key=len)
    assert len(longest) > 120
    shown = on_terminal(80, "quotes", str(CORPUS), "-f", "table")
    assert "cut (…)" in " ".join(shown.split()) and "-f csv" in shown
    in_file = run_cli(["quotes", CORPUS, "-f", "table"], env={"COLUMNS": ""})
    assert in_file.returncode == 0, in_file.stderr
    assert "cut" not in in_file.stdout
    for quote in quotes:  # each on one line, whole
        assert " ".join(quote.split()) in in_file.stdout


def test_a_preview_column_is_cut_at_a_word_only_when_the_table_does_not_fit() -> None:
    table = FittedTable()
    table.add_column("doc", key=True)
    table.add_column("text", prose=True, preview=20)
    table.add_row("d1", "one two three four five six seven eight nine ten")
    narrow = Console(width=40, record=True, no_color=True)
    narrow.print(table)
    text = narrow.export_text()
    assert "one two three four…" in text and "cut (…)" in " ".join(text.split())
    wide = Console(width=100, record=True, no_color=True)
    wide.print(table)
    assert "nine ten" in wide.export_text() and "cut" not in wide.export_text()


def test_an_empty_column_gives_its_room_to_the_others_when_room_is_short() -> None:
    shown = on_terminal(100, "plugins")
    header = shown.split("┡")[0]
    assert "info" in header and "error" not in header  # no plugin failed
    assert "more column" not in shown  # nothing to see in it: not named either
    in_file = run_cli(["plugins", "-f", "table"], env={"COLUMNS": ""})
    assert "error" in in_file.stdout.split("┡")[0]  # at full width, every column


def test_the_report_written_to_a_file_shows_the_panels_unfolded() -> None:
    result = run_cli(["report", CORPUS, "-f", "table", "-q"], env={"COLUMNS": ""})
    assert result.returncode == 0, result.stderr
    panels = result.stdout.split("Most quoted")[1]
    for doc_id in SAMPLE_IDS:
        assert doc_id in panels  # the reading-grade panel names every document whole


# --- help pages ------------------------------------------------------------------


def _help(*command: str) -> str:
    result = run_cli([*command, "--help"], env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    return result.stdout


def _flat(text: str) -> str:
    return " ".join(text.translate({ord(c): " " for c in "│╭╮╰╯─"}).split())


# Every command there is: the root, plugins, and each installed tool.
EVERY_COMMAND = [[], ["plugins"], *([name] for name in load_plugins().tools)]


@pytest.mark.parametrize("command", EVERY_COMMAND)
def test_help_at_80_columns_is_plain_and_whole(command: list[str]) -> None:
    text = _help(*command)
    assert widest(text) <= 80
    for placeholder in ("<bool>", "<list[", "<int", "<float", "<str>", "<text>", "``"):
        assert placeholder not in text, placeholder
    # No internal parameter names (ct_format); a column such as pct_diff is fine.
    assert not re.search(r"\bct_", text.lower())
    if command and command[0] != "plugins":
        assert "'corpus-tool[dask]'" in _flat(text)  # brackets are text, not markup
        assert "-f, --format FORMAT" in text and "-j, --jobs N" in text


def test_help_lists_choices_whole() -> None:
    from corpus_tool_clean import Repair
    from corpus_tool_readability import Metric, Unit

    from corpus_tool.writers import Format

    readability = _flat(_help("readability"))
    for value in [*(m.value for m in Metric), *(u.value for u in Unit), *(f.value for f in Format)]:
        assert re.search(rf"(^|[ ,:]){value}([,;\]]|$)", readability), value
    clean = _flat(_help("clean"))
    for value in (r.value for r in Repair):
        assert re.search(rf"(^|[ ,:]){value}([,;\]]|$)", clean), value


def test_help_shows_defaults_and_ranges_in_words() -> None:
    text = _flat(_help("readability"))
    assert "--min-words N" in text and "at least 0; default: 5" in text
    assert "default: document" in text
    assert "--clean / --no-clean" in _flat(_help("report"))


# --- report and transforms as rows -----------------------------------------------

REPORT_COLUMNS = ["doc", "words", "garble_before", "garble_after", "grade", "quotes",
                  "speakers", "dates", "anchor", "errors"]  # fmt: skip


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_report_per_document_table_as_delimited_rows(fmt: str) -> None:
    result = run_cli(["report", CORPUS, "-f", fmt, "-q"])
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="," if fmt == "csv" else "\t"))
    assert list(rows[0]) == REPORT_COLUMNS
    assert [row["doc"] for row in rows] == SAMPLE_IDS
    enriched = {d["id"]: d for d in jsonl(run_cli(["report", CORPUS, "-f", "jsonl"]).stdout)}
    for row in rows:
        summary = enriched[row["doc"]]["meta"]["report"]
        assert int(row["words"]) == summary["readability"]["words"]
        assert int(row["quotes"]) == summary["quotes"]["quotes"]
        assert (row["anchor"] or None) == summary["dates"]["anchor"]


def test_report_summary_rows_as_jsonl_beside_the_enriched_documents() -> None:
    rows = jsonl(run_cli(["report", CORPUS, "-f", "jsonl", "--summary"]).stdout)
    assert [list(row) for row in rows] == [REPORT_COLUMNS] * len(SAMPLE_IDS)
    documents = jsonl(run_cli(["report", CORPUS, "-f", "jsonl"]).stdout)
    assert all({"id", "text", "meta"} <= set(doc) for doc in documents)


def test_report_passes_a_tool_its_own_options() -> None:
    args = ["report", CORPUS, "-f", "csv", "-q"]
    plain_rows = list(csv.DictReader(io.StringIO(run_cli(args).stdout)))
    given = run_cli([*args, "--with", "dates --anchor 2024-02-01", "-j", "2"])
    assert given.returncode == 0, given.stderr
    anchored = list(csv.DictReader(io.StringIO(given.stdout)))
    assert [r["anchor"] for r in anchored if int(r["dates"])] == ["2024-02-01"] * sum(
        1 for r in plain_rows if int(r["dates"])
    )
    assert any(r["anchor"] != "2024-02-01" for r in plain_rows)


@pytest.mark.parametrize(
    ("words", "said"),
    [("dates --anchr 2024-02-01", "--anchr"), ("nosuch -x", "nosuch"),
     ("dates --anchor yesterday", "yesterday")],
)  # fmt: skip
def test_report_refuses_bad_tool_options_before_running(words: str, said: str) -> None:
    result = run_cli(["report", CORPUS, "--with", words, "-f", "csv"])
    assert result.returncode == 2
    assert said in result.stderr and result.stdout == ""


def test_clean_summary_rows_as_csv() -> None:
    result = run_cli(["clean", CORPUS, "-f", "csv"])
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["doc"] for r in rows] == SAMPLE_IDS
    assert {"chars", "changed", "garble_before", "repairs"} <= set(rows[0])
    refused = run_cli(["clean", CORPUS, "-f", "csv", "--check"])
    assert refused.returncode == 2


def test_parse_tool_args_converts_and_checks_like_the_command() -> None:
    tools = load_plugins().tools
    options = parse_tool_args(tools["readability"], ["--by", "paragraph", "-m", "gunning_fog"])
    assert options["by"].value == "paragraph" and options["min_words"] == 5
    assert [m.value for m in options["metric"]] == ["gunning_fog"]
    with pytest.raises(ValueError, match="--anchr"):
        parse_tool_args(tools["dates"], ["--anchr", "2024-01-01"])


CUSTOM_COMMAND = '''
import typer
from corpus_tool import hookimpl


@hookimpl
def register_commands(app: typer.Typer) -> None:
    @app.command()
    def greet(names: list[str], loud: bool = False, times: int = typer.Option(1, min=1)) -> None:
        """Greet [everyone] by name."""
        for name in names * times:
            print(name.upper() if loud else name)
'''


def test_a_plugins_own_command_gets_the_same_help(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "greeting.py").write_text(CUSTOM_COMMAND, encoding="utf-8")
    result = run_cli(["--plugins-dir", tmp_path, "greet", "--help"], env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    assert "<bool>" not in result.stdout and "<list[" not in result.stdout
    assert "Greet [everyone] by name." in result.stdout
    assert "--times N" in result.stdout and "at least 1; default: 1" in result.stdout
    assert run_cli(["--plugins-dir", tmp_path, "greet", "a", "--loud"]).stdout == "A\n"


def test_help_text_is_reflowed_and_never_read_as_markup() -> None:
    from corpus_tool.helptext import paragraphs, styled

    doc = """First line
    goes on.

    - a listed item
    - another

    Records ``meta["clean"]`` and [dask]."""
    assert paragraphs(doc) == [
        "First line goes on.",
        "- a listed item\n- another",
        'Records ``meta["clean"]`` and [dask].',
    ]
    text = styled(paragraphs(doc)[2])
    assert text.plain == 'Records meta["clean"] and [dask].'
    assert any(span.style == "bold" for span in text.spans)
