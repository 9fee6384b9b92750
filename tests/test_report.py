"""``corpus-tool report``: the terminal overview, JSON Lines, the HTML page, other plugins."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CORPUS, jsonl
from growth import HANG_GUARD

from corpus_tool.testing import run_cli

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SAMPLE_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))
WIDE = {"COLUMNS": "120"}

EXTRA_PLUGIN = '''
"""Test plugin: analyzers the report knows nothing about."""

from corpus_tool import Analyzer, hookimpl


def longest(doc):
    """The longest word."""
    words = doc.text.split() or [""]
    word = max(words, key=len)
    yield {"word": word, "length": len(word)}


def capitals(doc):
    """One row per capitalised word."""
    for word in doc.text.split():
        if word[:1].isupper():
            yield {"word": word}


def fragile(doc):
    """Fails on any document that mentions Lavrov."""
    if "Lavrov" in doc.text:
        raise ValueError("cannot cope with Lavrov")
    yield {"ok": True}


@hookimpl
def register_tools():
    return [
        Analyzer(name="longest", func=longest, one_row=True,
                 summarize=lambda rows: {"length": rows[0]["length"] if rows else 0}),
        Analyzer(name="capitals", func=capitals),
        Analyzer(name="fragile", func=fragile),
    ]
'''


def report(*args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return run_cli(["report", *map(str, args)], **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def chain() -> dict[str, dict]:
    """The documents as a user gets them from clean piped through three --annotate runs."""
    result = run_cli(["clean", CORPUS, "-f", "jsonl"])
    assert result.returncode == 0, result.stderr
    for tool in ("readability", "quotes", "dates"):
        result = run_cli([tool, "--annotate", "-f", "jsonl"], input=result.stdout)
        assert result.returncode == 0, result.stderr
    return {doc["id"]: doc for doc in jsonl(result.stdout)}


@pytest.fixture(scope="module")
def reported() -> dict[str, dict]:
    result = report(CORPUS, "-f", "jsonl", "-j", "2")
    assert result.returncode == 0, result.stderr
    return {doc["id"]: doc for doc in jsonl(result.stdout)}


@pytest.fixture
def extra_plugins(tmp_path: Path) -> Path:
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "extra.py").write_text(textwrap.dedent(EXTRA_PLUGIN), encoding="utf-8")
    return folder


# --- JSON Lines ----------------------------------------------------------------


def test_jsonl_is_the_annotate_chain_plus_a_summary(chain: dict, reported: dict) -> None:
    assert list(reported) == SAMPLE_IDS  # input order, with -j 2
    for doc_id, doc in reported.items():
        expected = chain[doc_id]
        assert doc["text"] == expected["text"]
        summary = doc["meta"]["report"]
        assert {k: v for k, v in doc["meta"].items() if k != "report"} == expected["meta"]
        meta = expected["meta"]
        assert summary["readability"]["words"] == meta["readability"]["words"]
        said = [q for q in meta["quotes"] if q["kind"] in ("direct", "partial")]
        assert summary["quotes"]["quotes"] == len(said)
        assert summary["dates"]["dates"] == len(meta["dates"])
        assert summary["clean"]["garble_before"] == meta["clean"]["garble_before"]
        assert "errors" not in summary


def test_no_clean_reads_the_documents_as_they_are() -> None:
    result = report(CORPUS, "--no-clean", "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    for doc in jsonl(result.stdout):
        original = (CORPUS / f"{doc['id']}.txt").read_text(encoding="utf-8")
        assert doc["text"] == original
        assert "clean" not in doc["meta"] and "clean" not in doc["meta"]["report"]
        assert {"readability", "quotes", "dates"} <= set(doc["meta"])


def test_skip_leaves_a_tool_out_and_refuses_unknown_names() -> None:
    result = report(CORPUS, "--skip", "quotes", "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    for doc in jsonl(result.stdout):
        assert "quotes" not in doc["meta"] and "quotes" not in doc["meta"]["report"]
        assert "dates" in doc["meta"]
    unknown = report(CORPUS, "--skip", "nosuchtool")
    assert unknown.returncode == 2
    assert "no such tool: nosuchtool" in unknown.stderr


# --- the terminal overview -------------------------------------------------------


def _row(output: str, doc_id: str) -> list[str]:
    """The cells of a document's row in the table (the id may be folded onto a second line)."""
    line = next(line for line in output.splitlines() if line.startswith(f"│ {doc_id[:12]}"))
    return [cell.strip() for cell in line.split("│") if cell.strip()]


def test_terminal_overview_shows_each_document_and_the_corpus_panels(chain: dict) -> None:
    result = report(CORPUS, "-f", "table", env=WIDE)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert max(len(line) for line in out.splitlines()) <= 120
    assert "5 documents" in out
    for header in ("words", "garble", "grade", "quotes", "speakers", "dates", "anchor"):
        assert header in out
    for doc_id, doc in chain.items():
        meta = doc["meta"]
        said = [q for q in meta["quotes"] if q["kind"] in ("direct", "partial")]
        speakers = {q["speaker"] for q in said if q["speaker"]}
        anchor = meta["dates"][0]["anchor"] if meta["dates"] else None
        assert _row(out, doc_id) == [
            doc_id,  # in full: the sample's ids fit at 120 columns
            str(meta["readability"]["words"]),
            f"{meta['clean']['garble_before']:.1f}",
            f"{meta['clean']['garble_after']:.1f}",
            f"{meta['readability']['flesch_kincaid_grade']:.1f}",
            str(len(said)),
            str(len(speakers)),
            str(len(meta["dates"])),
            *([anchor] if anchor else []),
        ]
    corpus_row = _row(out, "corpus")
    total_words = sum(d["meta"]["readability"]["words"] for d in chain.values())
    assert corpus_row[:2] == ["corpus", str(total_words)]

    assert "Most quoted" in out and "Dates by month" in out and "Reading grade" in out
    counts: dict[str, int] = {}
    for doc in chain.values():
        for quote in doc["meta"]["quotes"]:
            if quote["kind"] in ("direct", "partial") and quote["speaker"]:
                counts[quote["speaker"]] = counts.get(quote["speaker"], 0) + 1
    top = max(counts.values())
    assert any(re.search(rf"{re.escape(n)}\s+{top} ", out) for n, c in counts.items() if c == top)
    hardest = max(chain, key=lambda d: chain[d]["meta"]["readability"]["flesch_kincaid_grade"])
    assert re.search(rf"hardest\s+{hardest}", out)
    months = {d["value"][:7] for doc in chain.values() for d in doc["meta"]["dates"]
              if re.match(r"\d{4}-\d{2}", d["value"] or "")}
    assert months and all(month in out for month in months)


def test_rows_limits_the_table_not_the_corpus_figures(chain: dict) -> None:
    result = report(CORPUS, "-f", "table", "--rows", "2", env=WIDE)
    assert result.returncode == 0, result.stderr
    table = result.stdout.split("Most quoted")[0]  # the panels may name any document
    assert [i for i in SAMPLE_IDS if i in table] == SAMPLE_IDS[:2]
    assert "… 3 more" in table and "5 documents" in table
    total_words = sum(d["meta"]["readability"]["words"] for d in chain.values())
    assert _row(table, "corpus")[:2] == ["corpus", str(total_words)]


def test_narrow_terminal_keeps_every_figure() -> None:
    result = report(CORPUS, "-f", "table", env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "…" not in result.stdout.split("Most quoted")[0]  # no figure cut short


def test_report_has_no_diff_or_check() -> None:
    assert "--diff" not in report("--help").stdout
    result = report(CORPUS, "--check")
    assert result.returncode == 2
    assert "no such option --check" in result.stderr


# --- other plugins' analyzers ----------------------------------------------------


def test_an_extra_analyzer_gets_columns_from_its_summary(extra_plugins: Path) -> None:
    args = ["--plugins-dir", extra_plugins, "report", CORPUS, "--skip", "fragile"]
    result = run_cli([*args, "-f", "jsonl", "-j", "2"])
    assert result.returncode == 0, result.stderr
    docs = {doc["id"]: doc for doc in jsonl(result.stdout)}
    for doc in docs.values():
        longest = doc["meta"]["longest"]  # one_row: an object, as --annotate stores it
        assert longest["length"] == max(len(w) for w in doc["text"].split())
        assert doc["meta"]["report"]["longest"] == {"length": longest["length"]}
        capitals = [w for w in doc["text"].split() if w[:1].isupper()]
        assert doc["meta"]["capitals"] == [{"word": w} for w in capitals]
        assert doc["meta"]["report"]["capitals"] == {"capitals": len(capitals)}

    # Written to a pipe with no COLUMNS: the natural width, every column.
    table = run_cli([*args, "-f", "table"], env={"COLUMNS": ""})
    assert table.returncode == 0, table.stderr
    assert re.search(r"longest\.\s.*\n.*length", table.stdout)  # the header, on two lines
    for doc_id, doc in docs.items():
        row = _row(table.stdout, doc_id)
        assert row[-2:] == [str(doc["meta"]["report"]["longest"]["length"]),
                            str(doc["meta"]["report"]["capitals"]["capitals"])]
    # Too narrow for them all: the ids stay whole, the last tools' columns go, named.
    narrow = run_cli([*args, "-f", "table"], env={"COLUMNS": "80"})
    assert all(f"{doc_id} " in narrow.stdout for doc_id in docs)
    assert "capitals" in narrow.stdout.split("corpus ")[-1]  # the caption names it
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 80


def test_a_failing_analyzer_costs_only_its_own_results(extra_plugins: Path) -> None:
    result = run_cli(["--plugins-dir", extra_plugins, "report", CORPUS, "-f", "jsonl", "-j", "2"])
    assert result.returncode == 1
    docs = {doc["id"]: doc for doc in jsonl(result.stdout)}
    assert list(docs) == SAMPLE_IDS  # every document is still written
    failing = [i for i, d in docs.items() if "Lavrov" in d["text"]]
    assert failing
    for doc_id, doc in docs.items():
        summary = doc["meta"]["report"]
        assert {"readability", "quotes", "dates", "longest"} <= set(summary)
        if doc_id in failing:
            assert summary["errors"] == {"fragile": "ValueError: cannot cope with Lavrov"}
            assert "fragile" not in doc["meta"]
            assert f"{doc_id} (" in result.stderr
        else:
            assert "errors" not in summary and doc["meta"]["fragile"] == [{"ok": True}]
    assert result.stderr.count("fragile failed: ValueError: cannot cope with Lavrov") == len(
        failing
    )
    table = run_cli(["--plugins-dir", extra_plugins, "report", CORPUS, "-f", "table"], env=WIDE)
    assert table.returncode == 1
    assert "Errors" in table.stdout and "fragile failed" in table.stdout


# --- the HTML page -----------------------------------------------------------------


class _Text(HTMLParser):
    """The text a reader sees: everything outside tags, style and title."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.hidden += tag in ("style", "script", "title")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("style", "script", "title")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if found := shutil.which(name):
            return found
    return None


def _headless(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=HANG_GUARD,
    )


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    result = report(CORPUS, "--html", path, "-f", "jsonl", "-j", "2")
    assert result.returncode == 0, result.stderr
    assert len(jsonl(result.stdout)) == 5  # the page comes on top of the usual output
    return path


def test_html_page_is_self_contained(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and "src=" not in html
    # The only URL is the SVG namespace name, which nothing fetches.
    assert set(re.findall(r"https?://[^\"' )]+", html)) == {"http://www.w3.org/2000/svg"}
    assert html.count("<svg") == 3


def test_html_page_in_headless_chromium(page: Path, chain: dict, tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("no chromium on this machine (apt-get install chromium); CI installs it")
    dom = _headless(browser, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr
    text = visible_text(dom.stdout)
    assert "Corpus report: 5 documents" in text
    for title in ("Grade distribution", "Quotes per speaker", "Dates over time"):
        assert title in text
    for doc_id, doc in chain.items():
        assert doc_id in text
        for quote in doc["meta"]["quotes"]:  # every quote, in its sentence
            assert " ".join(quote["text"].split()) in text
            if quote["speaker"]:
                assert quote["speaker"] in text
        for date in doc["meta"]["dates"]:
            assert f"{date['type']} {date['value']}" in text
            assert " ".join(date["text"].split()) in text

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    result = _headless(browser, tmp_path / "profile", f"--screenshot={shot}",
                       "--window-size=1280,2000", "--hide-scrollbars", page.as_uri())
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert os.path.getsize(shot) > 20_000  # a drawn page, not a blank one


def test_html_page_names_a_failing_tool(extra_plugins: Path, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    result = run_cli(["--plugins-dir", extra_plugins, "report", CORPUS, "--html", path,
                      "-f", "jsonl"])
    assert result.returncode == 1
    text = visible_text(path.read_text(encoding="utf-8"))
    assert "fragile failed: ValueError: cannot cope with Lavrov" in text
    assert "longest.length" in text


def test_html_lists_each_documents_figures(page: Path, reported: dict) -> None:
    text = visible_text(page.read_text(encoding="utf-8"))
    for doc in reported.values():
        words = doc["meta"]["report"]["readability"]["words"]
        quotes = doc["meta"]["report"]["quotes"]["quotes"]
        section = text.split(f"{doc['id']} {doc['meta']['source']} ", 1)[1]
        assert f"readability words {words}," in section.split("Quotes (")[0]
        assert f"quotes quotes {quotes}," in section.split("Quotes (")[0]
