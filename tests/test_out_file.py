"""--out FILE: one file for the whole output, compressed by suffix, or Parquet."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import signal
import subprocess
from pathlib import Path

import pytest
from conftest import CORPUS, GOOD_PLUGINS, cli, jsonl
from growth import HANG_GUARD, default_sigint, wait_for

from corpus_tool import Document
from corpus_tool.testing import corpus_tool_executable, run_cli
from corpus_tool.writers import ParquetWriter

pq = pytest.importorskip("pyarrow.parquet")


def plain_rows(*args: object) -> list[dict]:
    result = run_cli([*map(str, args), "-f", "jsonl"])
    assert result.returncode == 0, result.stderr
    return jsonl(result.stdout)


@pytest.mark.parametrize(
    ("suffix", "opener"), [(".gz", gzip.open), (".bz2", bz2.open), (".xz", lzma.open)]
)
def test_jsonl_out_is_compressed_by_suffix(tmp_path: Path, suffix: str, opener) -> None:
    out = tmp_path / f"quotes.jsonl{suffix}"
    result = run_cli(["quotes", CORPUS, "--out", out])
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    with opener(out, "rt", encoding="utf-8") as stream:
        assert jsonl(stream.read()) == plain_rows("quotes", CORPUS)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary left


def test_the_format_follows_the_file_name_unless_given(tmp_path: Path) -> None:
    assert run_cli(["freq", CORPUS, "--top", "3", "--out", tmp_path / "w.csv.gz"]).returncode == 0
    with gzip.open(tmp_path / "w.csv.gz", "rt", encoding="utf-8") as stream:
        assert stream.readline() == "rank,word,count,per_million,docs,juilland_d\n"
    assert run_cli(["freq", CORPUS, "-f", "jsonl", "--out", tmp_path / "w.csv"]).returncode == 0
    assert json.loads((tmp_path / "w.csv").read_text(encoding="utf-8").splitlines()[0])["rank"] == 1
    # An unknown suffix: JSON Lines, as in a pipe.
    assert run_cli(["freq", CORPUS, "--top", "1", "--out", tmp_path / "w.out"]).returncode == 0
    assert jsonl((tmp_path / "w.out").read_text(encoding="utf-8"))[0]["rank"] == 1


def test_parquet_rows_have_typed_columns(tmp_path: Path) -> None:
    out = tmp_path / "quotes.parquet"
    result = run_cli(["quotes", CORPUS, "--out", out])
    assert result.returncode == 0, result.stderr
    table = pq.read_table(out)
    types = {field.name: str(field.type) for field in table.schema}
    assert list(types)[:4] == ["doc", "start", "end", "text"]
    assert types["start"] == types["speaker_start"] == "int64"
    assert types["speaker"] == types["kind"] == "string"
    assert table.to_pylist() == plain_rows("quotes", CORPUS)


def test_parquet_scores_are_doubles_and_counts_integers(tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    assert run_cli(["readability", CORPUS, "-f", "parquet", "--out", out]).returncode == 0
    types = {field.name: str(field.type) for field in pq.read_schema(out)}
    assert types["words"] == "int64" and types["flesch_kincaid_grade"] == "double"


def test_parquet_documents_have_a_column_per_meta_field(tmp_path: Path) -> None:
    out = tmp_path / "clean.parquet"
    assert run_cli(["clean", CORPUS, "--out", out]).returncode == 0
    documents = plain_rows("clean", CORPUS)
    table = pq.read_table(out)
    assert table.column_names[:3] == ["id", "text", "source"]
    records = table.to_pylist()
    assert [r["id"] for r in records] == [d["id"] for d in documents]
    assert [r["text"] for r in records] == [d["text"] for d in documents]
    # A nested field is kept whole, as JSON text.
    assert [json.loads(r["clean"]) for r in records] == [d["meta"]["clean"] for d in documents]


def test_parquet_column_types_come_from_every_row_in_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("corpus_tool.writers._BATCH_ROWS", 2)
    path = tmp_path / "rows.parquet"
    writer = ParquetWriter(path, ("n", "x", "flag", "mixed", "empty", "late"))
    rows = [
        {"doc": "a", "n": 1, "x": 1, "flag": True, "mixed": "one", "empty": None},
        {"doc": "b", "n": 2, "x": 2.5, "flag": False, "mixed": 2, "empty": None},
        {"doc": "c", "n": None, "x": 3, "flag": None, "mixed": None, "empty": None, "late": "z"},
    ]
    for row in rows:
        writer.write(row)
    writer.close()
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.num_row_groups == 2
    types = {field.name: str(field.type) for field in parquet.schema_arrow}
    assert types == {
        "doc": "string",
        "n": "int64",
        "x": "double",
        "flag": "bool",
        "mixed": "string",
        "empty": "string",
        "late": "string",
    }
    back = parquet.read().to_pylist()
    assert [r["x"] for r in back] == [1.0, 2.5, 3.0]
    assert [r["mixed"] for r in back] == ["one", "2", None]
    assert back[0]["late"] is None and back[2]["late"] == "z"


def test_parquet_documents_in_process(tmp_path: Path) -> None:
    path = tmp_path / "docs.parquet"
    writer = ParquetWriter(path, (), documents=True)
    writer.write(Document("a", "Text.", {"date": "2024-01-02", "id": "kept", "tags": ["x"]}))
    writer.close()
    (record,) = pq.read_table(path).to_pylist()
    assert record == {
        "id": "a",
        "text": "Text.",
        "date": "2024-01-02",
        "meta.id": "kept",
        "tags": '["x"]',
    }


def test_an_empty_output_is_a_parquet_file_with_the_declared_columns(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("No quotation marks here.", encoding="utf-8")
    out = tmp_path / "q.parquet"
    assert run_cli(["quotes", tmp_path / "in", "--out", out]).returncode == 0
    table = pq.read_table(out)
    assert table.num_rows == 0 and table.column_names[:3] == ["doc", "start", "end"]


def test_a_failed_document_is_named_and_the_others_written(tmp_path: Path) -> None:
    out = tmp_path / "chars.parquet"
    docs = '{"id": "ok", "text": "fine"}\n{"id": "bad", "text": "BOOM"}\n'
    result = cli("chars", "--out", out, input=docs)
    assert result.returncode == 1
    assert "failed on document 'bad'" in result.stderr
    assert [r["doc"] for r in pq.read_table(out).to_pylist()] == ["ok"]


def test_usage_errors(tmp_path: Path) -> None:
    for args, message in [
        (["-f", "parquet"], "-f parquet writes a file: give --out FILE.parquet"),
        (["--out", tmp_path / "q.parquet.gz"], "Parquet compresses its own columns"),
        (["--out", tmp_path / "q.jsonl", "--out-dir", tmp_path / "d"], "--out writes one file"),
    ]:
        result = run_cli(["quotes", CORPUS, *args])
        assert result.returncode == 2, args
        assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_without_pyarrow_parquet_says_what_to_install(tmp_path: Path) -> None:
    # A pyarrow that cannot be imported, first on the path.
    (tmp_path / "pyarrow").mkdir()
    (tmp_path / "pyarrow" / "__init__.py").write_text(
        "raise ImportError('No module named pyarrow')\n", encoding="utf-8"
    )
    out = tmp_path / "q.parquet"
    result = run_cli(["quotes", CORPUS, "--out", out], env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "corpus-tool quotes: usage error: -f parquet needs pyarrow: "
        "pip install 'corpus-tool[parquet]'"
    )
    assert not out.exists()


@pytest.mark.parametrize("name", ["rows.jsonl.gz", "rows.parquet"])
def test_an_interrupted_run_leaves_no_file(tmp_path: Path, name: str) -> None:
    hanging = tmp_path / "hanging"
    out = tmp_path / "out" / name
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "ok", "text": "fine"}\n{"id": "stuck", "text": "HANG"}\n')
    command = ["--plugins-dir", str(GOOD_PLUGINS), "chars", str(docs), "--out", str(out)]
    process = subprocess.Popen(
        [corpus_tool_executable(), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "FAULTY_HANGING_FILE": str(hanging)},
        preexec_fn=default_sigint,
    )
    wait_for(hanging.exists, pause=0.02)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=HANG_GUARD)
    assert process.returncode == 143, err
    assert list(out.parent.iterdir()) == []  # neither FILE nor its temporary


def test_the_plugins_list_refuses_formats_that_are_not_for_it() -> None:
    for fmt in ("parquet", "text"):
        result = run_cli(["plugins", "-f", fmt])
        assert result.returncode == 2
        assert f"usage error: -f {fmt} is not a row format" in result.stderr
