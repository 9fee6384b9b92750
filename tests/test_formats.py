"""Input formats through the installed command: compression, CSV/TSV, Parquet, HTML, WARC,
--anchor-from and a plugin's own format. A bad record is one line on stderr naming the file
and the record; every other document is processed; the exit status is 1."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import random
from pathlib import Path

import pytest
from conftest import CORPUS, GOOD_PLUGINS, cli
from growth import assert_linear

from corpus_tool.testing import run_cli

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
zstandard = pytest.importorskip("zstandard")
pytest.importorskip("trafilatura")
pytest.importorskip("warcio")


def rows_of(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.split("\n") if line.strip()]


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("corpus-tool: ")]


def docs_jsonl(count: int, words: int = 8) -> bytes:
    rng = random.Random(count)
    lines = []
    for n in range(1, count + 1):
        text = " ".join(rng.choice(["tea", "cup", "said", "rain", "Oslo"]) for _ in range(words))
        lines.append(json.dumps({"id": f"d{n}", "text": text, "date": "2024-03-12"}))
    return ("\n".join(lines) + "\n").encode()


COMPRESSORS = {
    "gz": gzip.compress,
    "bz2": bz2.compress,
    "xz": lzma.compress,
    "zst": lambda data: zstandard.ZstdCompressor().compress(data),
}


# --- compression ------------------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_compressed_json_lines_by_suffix_by_magic_and_on_stdin(tmp_path: Path, suffix: str) -> None:
    data = docs_jsonl(5)
    packed = COMPRESSORS[suffix](data)
    (tmp_path / f"news.jsonl.{suffix}").write_bytes(packed)
    plain = rows_of(cli("chars", "-", "-f", "jsonl", input=data).stdout)
    assert [r["doc"] for r in plain] == ["d1", "d2", "d3", "d4", "d5"]

    by_suffix = cli("chars", tmp_path / f"news.jsonl.{suffix}", "-f", "jsonl")
    assert by_suffix.returncode == 0, by_suffix.stderr
    assert rows_of(by_suffix.stdout) == plain
    # Named as if plain: the magic bytes tell.
    (tmp_path / "misnamed.jsonl").write_bytes(packed)
    assert rows_of(cli("chars", tmp_path / "misnamed.jsonl", "-f", "jsonl").stdout) == plain
    piped = cli("chars", "-f", "jsonl", input=packed)
    assert piped.returncode == 0, piped.stderr
    assert rows_of(piped.stdout) == plain


def test_compressed_text_in_a_directory_takes_the_name_without_its_suffixes(
    tmp_path: Path,
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt.gz").write_bytes(gzip.compress("Café au lait.".encode()))
    (tmp_path / "notes.md.xz").write_bytes(lzma.compress(b"# Notes"))
    (tmp_path / "feed.jsonl.bz2").write_bytes(bz2.compress(b'{"text": "one"}\n'))
    result = cli("chars", tmp_path, "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    assert [(r["doc"], r["first"]) for r in rows_of(result.stdout)] == [
        ("a/story", "Café au la"),
        ("feed:1", "one"),
        ("notes", "# Notes"),
    ]


def test_a_truncated_gzip_file_keeps_what_came_before_and_names_where_it_broke(
    tmp_path: Path,
) -> None:
    data = docs_jsonl(3000, words=30)
    packed = gzip.compress(data)
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "whole.jsonl").write_bytes(b'{"id": "after", "text": "still read"}\n')
    result = cli("chars", tmp_path / "cut.jsonl.gz", tmp_path / "whole.jsonl", "-f", "jsonl")
    assert result.returncode == 1
    ids = [r["doc"] for r in rows_of(result.stdout)]
    assert 100 < len(ids) < 3000 and ids[-1] == "after"
    assert ids[:-1] == [f"d{n}" for n in range(1, len(ids))]
    (line,) = error_lines(result.stderr)
    last = len(ids) - 1
    assert line == (
        f"corpus-tool: error: {tmp_path / 'cut.jsonl.gz'}: the compressed data ends early "
        f"(a truncated file?) after {tmp_path / 'cut.jsonl.gz'}:{last}; "
        "the rest of the file was not read"
    )


def test_reading_a_large_gzip_stays_linear() -> None:
    from corpus_tool.readers import read_stdin

    def read(packed: bytes) -> int:
        return sum(1 for _ in read_stdin(io.BytesIO(packed)))

    assert_linear(read, lambda n: gzip.compress(docs_jsonl(n)), 2000)


# --- CSV and TSV --------------------------------------------------------------------

CSV = (
    "id,text,date,section\n"
    'a1,"Rain in Oslo, again.",2024-03-12,weather\n'
    'a2,"Two\nparagraphs, ""quoted"".",2024-03-13,news\n'
    "a3,Plain,2024-03-14,\n"
)


def test_csv_rows_are_documents_with_the_other_columns_in_meta(tmp_path: Path) -> None:
    (tmp_path / "news.csv").write_text(CSV, encoding="utf-8")
    result = cli("chars", tmp_path / "news.csv", "--annotate", "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    docs = rows_of(result.stdout)
    assert [d["id"] for d in docs] == ["a1", "a2", "a3"]
    assert docs[1]["text"] == 'Two\nparagraphs, "quoted".'
    assert {k: v for k, v in docs[0]["meta"].items() if k != "chars"} == {
        "date": "2024-03-12",
        "section": "weather",
    }


def test_csv_column_options_and_row_numbers_as_ids(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(
        "headline,body\nFirst,The first story.\nSecond,The second story.\n", encoding="utf-8"
    )
    result = cli("chars", tmp_path / "export.csv", "--text-column", "body", "-f", "jsonl")
    assert [(r["doc"], r["first"]) for r in rows_of(result.stdout)] == [
        ("export:1", "The first "),
        ("export:2", "The second"),
    ]
    named = cli(
        "chars", tmp_path / "export.csv", "--text-column", "body", "--id-column", "headline"
    )
    assert [r["doc"] for r in rows_of(named.stdout)] == ["First", "Second"]


def test_a_csv_without_the_text_column_names_the_file_and_its_columns(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text("headline,body\nFirst,The first story.\n")
    (tmp_path / "good.csv").write_text("text\nStill read.\n")
    result = cli("chars", tmp_path / "export.csv", tmp_path / "good.csv", "-f", "jsonl")
    assert result.returncode == 1
    assert [r["doc"] for r in rows_of(result.stdout)] == ["good:1"]
    (line,) = error_lines(result.stderr)
    assert line == (
        f"corpus-tool: error: {tmp_path / 'export.csv'}: no text column 'text' "
        "(columns: 'headline', 'body'); choose one with --text-column; file skipped"
    )
    wrong_id = cli("chars", tmp_path / "good.csv", "--id-column", "key")
    assert "no id column 'key' (columns: 'text')" in wrong_id.stderr


@pytest.mark.parametrize(
    ("bad_row", "what"),
    [
        ('b2,"Never closed,2024-01-02\n', "unterminated or stray quote (line 3;"),
        ('b2,"Closed "too" early",2024-01-02\n', "unterminated or stray quote (line 3;"),
        ("b2,one,two,three\n", "4 fields where the header has 3 (line 3)"),
    ],
)
def test_a_csv_row_with_an_unterminated_quote_is_named_and_the_rest_read(
    tmp_path: Path, bad_row: str, what: str
) -> None:
    text = (
        "id,text,date\n"
        "b1,First,2024-01-01\n" + bad_row + 'b3,"Third, with a ""quote""",2024-01-03\n'
        "b4,Fourth,2024-01-04\n"
    )
    (tmp_path / "rows.csv").write_text(text)
    result = cli("chars", tmp_path / "rows.csv", "-f", "jsonl")
    assert result.returncode == 1
    assert [r["doc"] for r in rows_of(result.stdout)] == ["b1", "b3", "b4"]
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"corpus-tool: error: {tmp_path / 'rows.csv'} row 2: {what}")
    assert line.endswith("; row skipped")


def test_a_quote_left_open_in_the_last_row_costs_that_row_only(tmp_path: Path) -> None:
    (tmp_path / "end.csv").write_text('id,text\nc1,Fine\nc2,"Open\nc3,Also fine\n')
    result = cli("chars", tmp_path / "end.csv", "-f", "jsonl")
    assert [r["doc"] for r in rows_of(result.stdout)] == ["c1", "c3"]
    (line,) = error_lines(result.stderr)
    assert "end.csv row 2: unterminated quote (line 3; the file ends inside the quoted" in line


def test_csv_with_many_bad_rows_reads_in_linear_time(tmp_path: Path) -> None:
    from corpus_tool.readers import read_paths

    def make(n: int) -> Path:
        path = tmp_path / f"bad{n}.csv"
        rows = "".join(f'{i},"open {i}\n{i}b,closed"x\n' for i in range(n))
        path.write_text("id,text\n" + rows)
        return path

    assert_linear(lambda path: sum(1 for _ in read_paths([str(path)])), make, 500)


def test_tsv_and_compressed_csv(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_text("id\ttext\tlang\nt1\tTab separated.\ten\n")
    (tmp_path / "b.csv.gz").write_bytes(gzip.compress(CSV.encode()))
    result = cli("chars", tmp_path, "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    assert [r["doc"] for r in rows_of(result.stdout)] == ["t1", "a1", "a2", "a3"]


def test_a_spreadsheet_export_in_windows_1252_is_read_as_such(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_bytes("id,text\nw1,Café “crème”\n".encode("cp1252"))
    result = cli("chars", tmp_path / "export.csv", "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    assert rows_of(result.stdout)[0]["first"] == "Café “crèm"


# --- Parquet ------------------------------------------------------------------------


def test_parquet_rows_in_batches_with_typed_meta(tmp_path: Path) -> None:
    import datetime

    count = 2500  # more than one record batch
    table = pa.table(
        {
            "id": list(range(count)),
            "text": [f"Story number {n}." for n in range(count)],
            "published": [datetime.date(2024, 1, 1 + n % 28) for n in range(count)],
            "score": [n / 2 for n in range(count)],
        }
    )
    pq.write_table(table, tmp_path / "news.parquet", row_group_size=1000)
    result = cli("chars", tmp_path / "news.parquet", "--annotate", "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    docs = rows_of(result.stdout)
    assert len(docs) == count and [d["id"] for d in docs[:3]] == ["0", "1", "2"]
    assert docs[1]["meta"]["published"] == "2024-01-02" and docs[1]["meta"]["score"] == 0.5


def test_a_parquet_file_without_the_text_column_is_named_and_the_rest_read(
    tmp_path: Path,
) -> None:
    pq.write_table(pa.table({"body": ["x"], "n": [1]}), tmp_path / "a.parquet")
    pq.write_table(pa.table({"text": ["Kept.", None, "Also kept."]}), tmp_path / "b.parquet")
    result = cli("chars", tmp_path, "-f", "jsonl")
    assert result.returncode == 1
    assert [r["doc"] for r in rows_of(result.stdout)] == ["b:1", "b:3"]
    assert error_lines(result.stderr) == [
        f"corpus-tool: error: {tmp_path / 'a.parquet'}: no text column 'text' "
        "(columns: 'body', 'n'); choose one with --text-column; file skipped",
        f"corpus-tool: error: {tmp_path / 'b.parquet'} row 2: the text column 'text' is "
        "empty (null); row skipped",
    ]
    body = cli("chars", tmp_path / "a.parquet", "--text-column", "body", "-f", "jsonl")
    assert body.returncode == 0 and rows_of(body.stdout)[0]["first"] == "x"


# --- HTML ---------------------------------------------------------------------------

ARTICLE = """<!DOCTYPE html><html><head><title>Council approves budget</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-12T09:00:00Z"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Council approves budget</h1>
<p>The city council approved the budget on Tuesday after a long debate about the costs
of the new library and the roads.</p>
<p>“We did what we had to do,” said Mayor John Smith, who had pushed for the plan since
last year. The vote was seven to two.</p>
<p>Opponents said the plan would raise taxes next year, and promised to fight it at the
next election in the autumn.</p>
</article><footer><a href="/privacy">Privacy</a></footer></body></html>
"""

NAVIGATION = """<!DOCTYPE html><html><head><title>Site index</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/about">About us</a></li></ul></nav>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>
"""


def test_html_pages_give_their_main_text_and_the_navigation_page_is_reported(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "budget.html").write_text(ARTICLE, encoding="utf-8")
    (site / "index.htm").write_text(NAVIGATION, encoding="utf-8")
    result = cli("chars", site, "--annotate", "-f", "jsonl")
    assert result.returncode == 1
    (doc,) = rows_of(result.stdout)
    assert doc["id"] == "budget"
    assert doc["text"].startswith("Council approves budget\n\nThe city council approved")
    assert "Privacy" not in doc["text"] and "Home" not in doc["text"]
    meta = doc["meta"]
    assert (meta["title"], meta["author"], meta["date"]) == (
        "Council approves budget",
        "Jane Roe",
        "2024-03-12",
    )
    assert error_lines(result.stderr) == [
        f"corpus-tool: error: {site / 'index.htm'}: no main text (a page of navigation or "
        "links only?); skipped"
    ]
    piped = cli("chars", "-f", "jsonl", input=ARTICLE)  # sniffed on standard input
    assert rows_of(piped.stdout)[0]["first"] == "Council ap"


# --- WARC ---------------------------------------------------------------------------


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))

        def response(uri: str, kind: str, body: bytes, status: str = "200 OK") -> None:
            http = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-03-15T10:00:00Z"},
            )
            writer.write_record(record)

        request = writer.create_warc_record(
            "https://example.com/budget", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        response("https://example.com/budget", "text/html; charset=utf-8", ARTICLE.encode())
        response("https://example.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n....")
        response("https://example.com/", "text/html", NAVIGATION.encode())
        response("https://example.com/data.json", "application/json", b"{}")


def test_warc_html_responses_are_documents_and_the_rest_is_counted(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.warc.gz")
    result = cli("chars", tmp_path / "crawl.warc.gz", "--annotate", "-f", "jsonl")
    assert result.returncode == 1
    (doc,) = rows_of(result.stdout)
    assert doc["id"] == "https://example.com/budget"
    assert doc["meta"]["date"] == "2024-03-15T10:00:00Z"  # the WARC-Date
    assert doc["meta"]["published"] == "2024-03-12"  # the page's own
    assert doc["meta"]["title"] == "Council approves budget"
    where = tmp_path / "crawl.warc.gz"
    assert error_lines(result.stderr) == [
        f"corpus-tool: error: {where} record 5: <https://example.com/>: no main text "
        "(a page of navigation or links only?); skipped",
        f"corpus-tool: warning: {where}: 2 responses that are not HTML pages skipped "
        "(image/png 1, application/json 1); the first: record 4 <https://example.com/logo.png>",
    ]


# --- --anchor-from ------------------------------------------------------------------


def test_anchor_from_sets_the_date_the_dates_tool_anchors_to(tmp_path: Path) -> None:
    story = tmp_path / "2024-03-12-story.txt"
    story.write_text("We met on Thursday.")
    os.utime(story, (1_700_000_000, 1_700_000_000))  # 2023-11-14 UTC

    def anchor(*args: object) -> list[str]:
        result = run_cli(["dates", story, "-f", "jsonl", *map(str, args)])
        return [(r["value"], r["anchor"]) for r in rows_of(result.stdout)]

    assert anchor("--anchor-from", "name") == [("2024-03-07", "2024-03-12")]
    assert anchor("--anchor-from", "mtime") == [("2023-11-09", "2023-11-14")]
    (tmp_path / "rows.csv").write_text("text,published\nWe met on Thursday.,2024-03-12\n")
    result = run_cli(
        ["dates", tmp_path / "rows.csv", "--anchor-from", "meta:published", "-f", "jsonl"]
    )
    assert [r["value"] for r in rows_of(result.stdout)] == ["2024-03-07"]


def test_anchor_from_names_what_it_cannot_find_and_checks_its_value(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Plain.")
    result = cli("chars", tmp_path / "story.txt", "--anchor-from", "name", "-f", "jsonl")
    assert result.returncode == 1 and rows_of(result.stdout)[0]["doc"] == "story"
    assert error_lines(result.stderr) == [
        f"corpus-tool: warning: {tmp_path / 'story.txt'}: no ISO date (YYYY-MM-DD) in the "
        "file name; no document date set"
    ]
    missing = cli("chars", "-", "--anchor-from", "meta:published", input='{"text": "x"}\n')
    assert "<stdin>:1: no meta.published to take its date from" in missing.stderr
    bad = cli("chars", CORPUS, "--anchor-from", "yesterday")
    assert bad.returncode == 2 and "meta:FIELD, name or mtime" in bad.stderr


# --- a plugin's own format ----------------------------------------------------------

FORMAT_PLUGIN = '''
"""Two formats: .lines (one document a line) and anything starting %SLIDES."""

from corpus_tool import Document, Problem, Reader, hookimpl


def read_lines(source):
    with source.open() as stream:
        for number, line in enumerate(stream, 1):
            text = line.decode("utf-8").strip()
            if text == "CRASH":
                raise ValueError("cannot go on")
            if not text:
                yield Problem(f"{source.name} line {number}", "blank line; skipped")
                continue
            yield Document(f"{source.doc_id}:{number}", text, origin=f"{source.name}:{number}")


def read_slides(source):
    with source.open() as stream:
        body = stream.read().decode("utf-8").split("\\n", 1)[1]
    for number, slide in enumerate(body.split("---"), 1):
        yield Document(f"{source.doc_id}#{number}", slide.strip())


@hookimpl
def register_readers():
    return [
        Reader("lines", read_lines, suffixes=(".lines",), help="one document a line"),
        Reader("slides", read_slides, sniff=lambda head: head.startswith(b"%SLIDES")),
    ]
'''


def test_a_plugin_adds_formats_by_suffix_and_by_content(tmp_path: Path) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "formats.py").write_text(FORMAT_PLUGIN)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.lines").write_text("first\n\nsecond\nCRASH\nnever\n")
    (corpus / "b.lines.gz").write_bytes(gzip.compress(b"zipped\n"))
    (tmp_path / "talk").write_text("%SLIDES\nHello\n---\nBye\n")  # no suffix: sniffed

    def run(*args: object) -> object:
        return run_cli(["--plugins-dir", plugins, *map(str, args)])

    listing = {r["plugin"]: r for r in rows_of(run("plugins", "-f", "jsonl").stdout)}
    assert listing["formats"]["readers"] == "lines, slides"
    assert listing["formats"]["status"] == "loaded"

    result = run(
        "readability", corpus, tmp_path / "talk", "-m", "flesch_reading_ease", "-f", "jsonl"
    )
    assert result.returncode == 1
    assert [r["doc"] for r in rows_of(result.stdout)] == [
        "a:1",
        "a:3",
        "b:1",
        "talk#1",
        "talk#2",
    ]
    assert error_lines(result.stderr) == [
        f"corpus-tool: error: {corpus / 'a.lines'} line 2: blank line; skipped",
        f"corpus-tool: error: {corpus / 'a.lines'}: ValueError: cannot go on after "
        f"{corpus / 'a.lines'}:3; the rest of the file was not read",
    ]


def test_run_reads_a_plugins_format_as_the_command_does(tmp_path: Path) -> None:
    import warnings

    import corpus_tool

    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "formats.py").write_text(FORMAT_PLUGIN)
    (tmp_path / "a.lines").write_text("first words\nsecond words\n")
    dirs = [plugins, GOOD_PLUGINS]  # the format, and the chars tool
    command = run_cli(
        ["--plugins-dir", plugins, "--plugins-dir", GOOD_PLUGINS, "chars", tmp_path / "a.lines"]
    )
    assert command.returncode == 0, command.stderr
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing skipped, nothing read as plain text
        rows = list(corpus_tool.run("chars", tmp_path / "a.lines", plugins_dir=dirs))
    assert [row["doc"] for row in rows] == ["a:1", "a:2"]
    assert rows == rows_of(command.stdout)
