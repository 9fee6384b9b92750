"""Finding and decoding the files of a corpus, through the installed command."""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

from conftest import cli
from hypothesis import given
from hypothesis import strategies as st


def rows_of(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.split("\n") if line.strip()]


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("corpus-tool")]


# --- a path that yields nothing is an error, named --------------------------------


def test_an_empty_directory_is_named_and_fails(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("chars", empty, "-f", "jsonl")
    assert result.returncode == 1 and result.stdout == ""
    (line,) = error_lines(result.stderr)
    assert str(empty) in line and "no documents" in line and "--glob" in line


def test_a_directory_without_matching_files_is_named_and_fails(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "NOTES.TEXT").write_text("Not picked up by the default patterns.\n")
    result = cli("chars", notes, "-f", "jsonl")
    assert result.returncode == 1
    (line,) = error_lines(result.stderr)
    assert str(notes) in line and "*.txt, *.md, *.jsonl" in line


def test_the_other_paths_are_still_read(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "a.txt").write_text("Some words.\n")
    result = cli("chars", tmp_path / "empty", tmp_path / "a.txt", "-f", "jsonl")
    assert result.returncode == 1
    assert [row["doc"] for row in rows_of(result.stdout)] == ["a"]
    assert len(error_lines(result.stderr)) == 1


def test_a_glob_matching_nothing_is_a_usage_error(tmp_path: Path) -> None:
    pattern = tmp_path / "*.nothing"
    result = cli("chars", pattern, "-f", "jsonl")
    assert result.returncode == 2 and result.stdout == ""
    assert str(pattern) in result.stderr


def test_a_glob_option_matching_nothing_names_the_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some words.\n")
    result = cli("chars", tmp_path, "--glob", "*.csv", "-f", "jsonl")
    assert result.returncode == 1 and result.stdout == ""
    (line,) = error_lines(result.stderr)
    assert str(tmp_path) in line and "*.csv" in line


def test_an_empty_stdin_stays_quiet() -> None:
    # A pipeline whose first stage found nothing is not an error of this one.
    result = cli("chars", input="")
    assert result.returncode == 0 and result.stderr == ""


# --- file patterns ignore case ------------------------------------------------------


def test_suffixes_match_in_any_case(tmp_path: Path) -> None:
    (tmp_path / "README.TXT").write_text("Shouted name.\n")
    (tmp_path / "Notes.Md").write_text("Mixed case.\n")
    (tmp_path / "DATA.JSONL").write_text('{"id": "rec", "text": "A record."}\n')
    result = cli("chars", tmp_path, "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    assert sorted(row["doc"] for row in rows_of(result.stdout)) == ["Notes", "README", "rec"]


def test_the_glob_option_ignores_case(tmp_path: Path) -> None:
    (tmp_path / "a.TEXT").write_text("One.\n")
    (tmp_path / "b.text").write_text("Two.\n")
    result = cli("chars", tmp_path, "--glob", "*.text", "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    assert sorted(row["doc"] for row in rows_of(result.stdout)) == ["a", "b"]


def test_a_glob_option_naming_a_folder_reads_that_folder_only(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("One.\n")
    (tmp_path / "b.txt").write_text("Two.\n")
    result = cli("chars", tmp_path, "--glob", "NEWS/*.txt", "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    assert [row["doc"] for row in rows_of(result.stdout)] == ["news/a"]


_NAME_PATTERNS = st.lists(
    st.text("abtx.*?[]!", min_size=1, max_size=6), min_size=1, max_size=4
).map(tuple)


@given(names=st.lists(st.text("abtxABTX.gz", max_size=10), max_size=8), patterns=_NAME_PATTERNS)
def test_the_walks_name_test_is_fnmatchs_ignoring_case(names: list[str], patterns) -> None:
    """The walk tests file names against the patterns without a path object per file:
    by their endings for the default patterns, else by fnmatch's regular expressions."""
    from corpus_tool.readers.formats import default_patterns
    from corpus_tool.readers.inputs import _name_matcher
    from corpus_tool.reading import ReadOptions

    for chosen in (default_patterns(ReadOptions()), patterns, ("*.TXT", "*.txt.gz")):
        matcher = _name_matcher(chosen)
        if matcher is None:  # a pattern that names folders: matched on the path instead
            continue
        for name in [*names, "a.txt", "A.TXT.GZ", ".txt", "txt", "a.txt.bak"]:
            expected = any(fnmatch.fnmatchcase(name.lower(), p.lower()) for p in chosen)
            assert bool(matcher(name.lower())) == expected, (name, chosen)


def test_short_and_long_files_are_read_whole(tmp_path: Path) -> None:
    # (a file shorter than the first bytes read to sniff it is not opened again)
    sizes = {"short": 40, "edge": 8192, "long": 20000}
    for name, size in sizes.items():
        (tmp_path / f"{name}.txt").write_text("é" * (size // 2))
    result = cli("chars", tmp_path, "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    assert {row["doc"]: row["chars"] for row in rows_of(result.stdout)} == {
        name: size // 2 for name, size in sizes.items()
    }


# --- UTF-8 with a few bad bytes stays UTF-8 ---------------------------------------------


def test_utf8_with_two_bad_bytes_keeps_its_curly_quotes(tmp_path: Path) -> None:
    text = "“Hello,” she said. It was late."
    data = text.encode("utf-8").replace(b"It", b"I\xff\xfet")
    (tmp_path / "short.txt").write_bytes(data)
    result = cli("chars", tmp_path / "short.txt", "--annotate", "-f", "jsonl")
    (doc,) = rows_of(result.stdout)
    assert doc["text"] == "“Hello,” she said. I\ufffd\ufffdt was late."
    assert doc["meta"]["encoding"].startswith("utf-8")
    (line,) = error_lines(result.stderr)
    assert "warning" in line and "short.txt" in line and "U+FFFD" in line


def test_legacy_text_is_still_detected(tmp_path: Path) -> None:
    # Many high bytes and not one valid UTF-8 sequence: not UTF-8.
    text = "Le café était très apprécié à Zürich, où la façade naïve plaît."
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    result = cli("chars", tmp_path / "latin.txt", "--annotate", "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    (doc,) = rows_of(result.stdout)
    assert doc["text"] == text


# --- what -f json writes reads back ---------------------------------------------------


def test_a_json_array_of_documents_is_read_as_documents(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("Quiet words.\n")
    as_json = cli("shout", source, "-f", "json")
    (tmp_path / "docs.json").write_text(as_json.stdout)
    from_file = cli("chars", tmp_path / "docs.json", "-f", "jsonl")
    assert from_file.returncode == 0, from_file.stderr
    assert rows_of(from_file.stdout) == [{"doc": "in", "chars": 13, "first": "QUIET WORD"}]
    piped = cli("chars", "-f", "jsonl", input=as_json.stdout)
    assert rows_of(piped.stdout) == rows_of(from_file.stdout)


def test_items_of_a_json_array_that_are_not_documents_are_named(tmp_path: Path) -> None:
    items = [{"id": "a", "text": "One."}, {"words": 3}, "loose"]
    (tmp_path / "mixed.json").write_text(json.dumps(items))
    result = cli("chars", tmp_path / "mixed.json", "-f", "jsonl")
    assert result.returncode == 1
    assert [row["doc"] for row in rows_of(result.stdout)] == ["a"]
    lines = error_lines(result.stderr)
    assert len(lines) == 2
    assert "mixed.json item 2" in lines[0] and "no 'text' field" in lines[0]
    assert "mixed.json item 3" in lines[1]


def test_plain_text_opening_with_a_bracket_stays_text() -> None:
    result = cli("chars", "-f", "jsonl", input="[Reuters] Talks resumed.\n")
    assert result.returncode == 0, result.stderr
    assert rows_of(result.stdout) == [{"doc": "stdin", "chars": 25, "first": "[Reuters] "}]


def test_english_text_with_windows_smart_punctuation_is_windows_1252(tmp_path: Path) -> None:
    # Only curly quotes and dashes beyond ASCII: a detector could pick a DOS code page.
    text = "“Noise – from ships – is a problem,” she said. “It’s louder than ever.”\n" * 3
    (tmp_path / "smart.txt").write_bytes(text.encode("cp1252"))
    result = cli("chars", tmp_path / "smart.txt", "--annotate", "-f", "jsonl")
    (doc,) = rows_of(result.stdout)
    assert doc["text"] == text
    assert doc["meta"]["encoding"] == "cp1252"
