"""The plugin author's guide (docs/plugins.md) does what it says: its example plugin,
copied as printed, runs through every command shown, and its test snippet passes."""

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


def block(marker: str, language: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    found = re.search(
        rf"<!-- example: {re.escape(marker)} -->\n```{language}\n(.*?)```", text, re.S
    )
    assert found, f"docs/plugins.md has no {marker} block"
    return found.group(1)


@pytest.fixture
def plugins(tmp_path: Path) -> Path:
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "longwords.py").write_text(block("longwords.py", "python"), encoding="utf-8")
    return folder


def test_the_readme_links_the_guide() -> None:
    assert "docs/plugins.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_documented_command_runs(plugins: Path) -> None:
    commands = [line.split("#")[0].split("|")[0] for line in block("commands", "sh").splitlines()]
    assert len(commands) == 5
    outputs = []
    for command in commands:
        words = shlex.split(command)
        assert words[:3] == ["corpus-tool", "--plugins-dir", "plugins"]
        result = run_cli(["--plugins-dir", str(plugins), *words[3:]], cwd=ROOT)
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        outputs.append(result.stdout)
    table, rows, help_text, report, listing = outputs
    assert "countermeasures" in table and "diplomatically" in table
    assert rows.splitlines()[0] == "doc,start,end,word"
    assert "-n, --min-length N" in help_text and "Words of at least" in help_text
    columns = next(csv.reader(io.StringIO(report)))
    assert "longwords" in columns
    assert "longwords" in listing and "letters only" in listing


def test_the_guides_test_snippet_passes(plugins: Path) -> None:
    text = GUIDE.read_text(encoding="utf-8")
    snippet = re.search(r"## Testing\n\n```python\n(.*?)```", text, re.S)
    assert snippet
    (plugins.parent / "test_longwords.py").write_text(snippet.group(1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_longwords.py"],
        cwd=plugins.parent,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_every_tool_field_is_documented() -> None:
    from dataclasses import fields

    from corpus_tool import Aggregator, Analyzer, Transform

    text = GUIDE.read_text(encoding="utf-8")
    for kind in (Analyzer, Transform, Aggregator):
        for field in fields(kind):
            assert f"| `{field.name}` |" in text, field.name


def test_the_guides_aggregator_runs_in_chunks_and_workers(tmp_path: Path) -> None:
    from corpus_tool.testing import run_in_chunks

    folder = tmp_path / "plugins"
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
