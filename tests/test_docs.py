"""The plugin author's guide (docs/plugins.md) and the README's plugin section do what
they say: each example plugin, copied as printed, runs through every command shown, and
each test snippet passes against it."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from corpus_tool.testing import run_cli

GUIDE = ROOT / "docs" / "plugins.md"
README = ROOT / "README.md"
FOLDER = "myplugins"  # where both tell the reader to save their plugin


def block(marker: str, language: str, page: Path = GUIDE) -> str:
    text = page.read_text(encoding="utf-8")
    found = re.search(
        rf"<!-- example: {re.escape(marker)} -->\n```{language}\n(.*?)```", text, re.S
    )
    assert found, f"{page.name} has no {marker} block"
    return found.group(1)


def commands(marker: str, page: Path = GUIDE) -> list[list[str]]:
    """The command lines of a block, without comments and what they pipe into."""
    lines = [line.split("#")[0].split("|")[0] for line in block(marker, "sh", page).splitlines()]
    return [shlex.split(line) for line in lines if line.strip()]


def run_documented(words: list[str], folder: Path) -> str:
    """One documented command from the checkout's root, the plugins folder swapped in."""
    assert words[:3] == ["corpus-tool", "--plugins-dir", FOLDER], words
    result = run_cli(["--plugins-dir", str(folder), *words[3:]], cwd=ROOT)
    assert result.returncode == 0, f"{words}\n{result.stderr}"
    return result.stdout


def pytest_passes(snippet: str, folder: Path, name: str) -> None:
    """A test snippet, saved beside the plugins folder, passes with pytest."""
    (folder.parent / name).write_text(snippet, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", name],
        cwd=folder.parent,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


@pytest.fixture
def plugins(tmp_path: Path) -> Path:
    folder = tmp_path / FOLDER
    folder.mkdir()
    (folder / "longwords.py").write_text(block("longwords.py", "python"), encoding="utf-8")
    return folder


@pytest.fixture
def readme_plugin(tmp_path: Path) -> Path:
    folder = tmp_path / FOLDER
    folder.mkdir()
    (folder / "wordfreq.py").write_text(block("wordfreq.py", "python", README), encoding="utf-8")
    return folder


def test_the_readme_links_the_guide() -> None:
    assert "docs/plugins.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_documented_command_runs(plugins: Path) -> None:
    documented = commands("commands")
    assert len(documented) == 5
    table, rows, help_text, report, listing = (run_documented(w, plugins) for w in documented)
    assert "countermeasures" in table and "diplomatically" in table
    assert rows.splitlines()[0] == "doc,start,end,word"
    assert "-n, --min-length N" in help_text and "Words of at least" in help_text
    columns = next(csv.reader(io.StringIO(report)))
    assert "longwords" in columns
    assert "longwords" in listing and "letters only" in listing


def test_the_guides_test_snippet_passes(plugins: Path) -> None:
    pytest_passes(block("test_longwords.py", "python"), plugins, "test_longwords.py")


def test_the_readmes_plugin_runs_through_every_documented_command(readme_plugin: Path) -> None:
    documented = commands("wordfreq commands", README)
    assert len(documented) == 5
    table, rows, help_text, report, listing = (run_documented(w, readme_plugin) for w in documented)
    assert "000_9d058579d83c5d71" in table and '"rank":3' in table  # jsonl in a pipe
    lines = rows.splitlines()
    assert lines[0] == "doc,rank,word,count" and len(lines) == 6
    assert "-n, --top N" in help_text and "The most frequent words" in help_text
    header = next(csv.reader(io.StringIO(report)))
    assert "wordfreq.top_word" in header  # as the README says
    assert "runs of letters" in listing


def test_the_readmes_test_snippet_passes(readme_plugin: Path) -> None:
    pytest_passes(block("wordfreq test", "python", README), readme_plugin, "test_wordfreq.py")


def test_every_tool_field_is_documented() -> None:
    from dataclasses import fields

    from corpus_tool import Aggregator, Analyzer, Transform

    text = GUIDE.read_text(encoding="utf-8")
    for kind in (Analyzer, Transform, Aggregator):
        for field in fields(kind):
            assert f"| `{field.name}` |" in text, field.name


def test_the_guides_aggregator_runs_in_chunks_and_workers(tmp_path: Path) -> None:
    from corpus_tool.testing import run_in_chunks

    folder = tmp_path / FOLDER
    folder.mkdir()
    (folder / "typetoken.py").write_text(block("typetoken.py", "python"), encoding="utf-8")
    docs = ["The cat sat.", "the dog", "", "A cat and a dog"]
    rows = run_in_chunks("typetoken", docs, [], plugins_dir=folder)
    assert rows == [{"types": 6, "tokens": 10, "ratio": 0.6}]
    assert run_in_chunks("typetoken", docs, [3], plugins_dir=folder) == rows
    serial = run_cli(["--plugins-dir", str(folder), "typetoken", "corpus/"], cwd=ROOT)
    parallel = run_cli(["--plugins-dir", str(folder), "typetoken", "corpus/", "-j", "2"], cwd=ROOT)
    assert serial.returncode == 0, serial.stderr
    assert parallel.stdout == serial.stdout and '"types"' in serial.stdout


def test_the_readmes_python_session_runs_as_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's notebook-style example, run as a doctest: every output as shown."""
    import doctest

    pytest.importorskip("pandas")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- example: python -->\n```python\n(.*?)```", text, re.S)
    assert found, "the README has no python example"
    monkeypatch.chdir(ROOT)  # its paths are the sample corpus's, from the checkout
    test = doctest.DocTestParser().get_doctest(found.group(1), {}, "README", "README.md", 0)
    assert len(test.examples) >= 8
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    output = io.StringIO()
    result = runner.run(test, out=output.write)
    assert result.failed == 0, output.getvalue()


SUBTITLES = """1
00:00:01,000 --> 00:00:03,000
“We did what we had to do,”

2
00:00:03,500 --> 00:00:05,000
said the mayor.

3
no timing here
"""


def test_the_reader_example_reads_its_format_compressed_too(tmp_path: Path) -> None:
    import gzip

    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "srt.py").write_text(block("srt.py", "python"), encoding="utf-8")
    films = tmp_path / "films"
    films.mkdir()
    (films / "a.srt").write_text(SUBTITLES, encoding="utf-8")
    (films / "b.srt.gz").write_bytes(gzip.compress(SUBTITLES.encode()))
    listing = run_cli(["--plugins-dir", str(folder), "plugins", "-f", "jsonl"])
    assert '"readers":"srt"' in listing.stdout.replace(" ", "")
    result = run_cli(["--plugins-dir", str(folder), "quotes", str(films), "-f", "jsonl"])
    assert result.returncode == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in rows] == ["a", "b"]
    assert rows[0]["text"].startswith("We did what we had to do")
    assert [line for line in result.stderr.splitlines() if "cue 3" in line] == [
        f"corpus-tool: error: {films / 'a.srt'} cue 3: no timing line; cue skipped",
        f"corpus-tool: error: {films / 'b.srt.gz'} cue 3: no timing line; cue skipped",
    ]
