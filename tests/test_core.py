"""Unit tests of the core modules: readers, writers, runner, plugin loading."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import pytest
from conftest import BROKEN_PLUGINS, GOOD_PLUGINS

from corpus_tool import Analyzer, Document, Transform
from corpus_tool.plugins import PluginConfig, load_plugins
from corpus_tool.readers import InputError, Problem, decode, read_paths, read_stdin, unique_ids
from corpus_tool.runner import Outcome, apply_tool, run
from corpus_tool.tables import format_cell
from corpus_tool.writers import (
    DelimitedWriter,
    UnsafeIdError,
    safe_relative_path,
    summary_cells,
    write_atomically,
)

TEXT = "Zoë said “naïve” — 1,000 €."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-32"), "utf-32"),
    ],
)
def test_decode_certain_encodings(data: bytes, encoding: str) -> None:
    assert decode(data) == (TEXT, encoding)


def test_decode_detects_legacy_encodings() -> None:
    # Code pages that decode these bytes identically are equally right answers.
    samples = [
        ("Le café était très animé, à côté de la gare; où êtes-vous? " * 4, "latin-1"),
        ("Der Bär läuft über die Straße und isst Brötchen. " * 3, "latin-1"),
        ("“Quoted” words — and ‘single’ ones… are typical of Windows text. " * 4, "cp1252"),
        ("Привет, как дела? Это проверка кодировки. " * 3, "cp1251"),
    ]
    for original, encoding in samples:
        text, found = decode(original.encode(encoding))
        assert text == original, (encoding, found)
        assert found not in {"utf-8", "utf-8-sig"}


def test_decode_refuses_binary() -> None:
    with pytest.raises(UnicodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_read_paths_raises_before_reading_anything(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    with pytest.raises(InputError, match=r"missing\.txt"):
        read_paths([str(tmp_path), str(tmp_path / "missing.txt")])


def test_read_jsonl_file_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n{broken\n[1]\n{"text": 3}\n{"text": "y"}\n\n')
    items = list(read_paths([str(path)]))
    assert [type(i).__name__ for i in items] == [
        "Document", "Problem", "Problem", "Problem", "Document",
    ]
    assert [i.where for i in items if isinstance(i, Problem)] == [
        f"{path}:2", f"{path}:3", f"{path}:4",
    ]
    assert items[-1].id == "docs:5"  # type: ignore[union-attr]


def test_stdin_jsonl_and_plain() -> None:
    docs = list(read_stdin(io.BytesIO(b'\n{"id": 7, "text": "t", "title": "T"}\n')))
    assert docs == [Document("7", "t", {"title": "T"})]
    plain = list(read_stdin(io.BytesIO(b"\n  just text\n")))
    assert plain == [Document("stdin", "\n  just text\n", {"source": "<stdin>"})]


def test_unique_ids_renames_and_warns() -> None:
    items = list(unique_ids([Document("a", "1"), Document("a", "2"), Document("b", "3")]))
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "a#2", "b"]
    warning = next(i for i in items if isinstance(i, Problem))
    assert not warning.skipped and "duplicate id 'a'" in warning.message


@pytest.mark.parametrize("bad", ["../x", "/etc/passwd", "a/../../b", "a\x00b", "a\\b", ""])
def test_safe_relative_path_refuses_escapes(bad: str) -> None:
    with pytest.raises(UnsafeIdError):
        safe_relative_path(bad, ".txt")


def test_safe_relative_path_keeps_folders() -> None:
    assert str(safe_relative_path("2024/jan/a.b", ".txt")) == "2024/jan/a.b.txt"


def test_write_atomically_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    write_atomically(target, "hello")
    assert target.read_text() == "hello"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_delimited_writer_orders_by_declared_columns() -> None:
    stream = io.StringIO()
    writer = DelimitedWriter(stream, ["start", "end", "text"])
    writer.write({"text": 'a "b", c', "doc": "d", "end": 3, "start": 1, "extra": True})
    assert stream.getvalue().splitlines() == ["doc,start,end,text,extra", 'd,1,3,"a ""b"", c",true']


def test_summary_cells_and_format_cell() -> None:
    cells = summary_cells({"n": 2, "by": {"a": 1, "b": 0}, "lines": ["x"]})
    assert cells == {"n": 2, "by": "a 1"}
    assert [format_cell(v) for v in (None, True, 2.50, 3.0, 1234567.0)] == [
        "", "yes", "2.5", "3", "1.23e+06",
    ]


def _count(doc: Document, *, scale: int = 1) -> list[dict]:
    return [{"n": len(doc.text) * scale}]


def test_apply_tool_puts_doc_first_and_checks_rows() -> None:
    tool = Analyzer(name="count", func=_count)
    assert apply_tool(tool, Document("x", "abc"), {"scale": 2}) == [{"doc": "x", "n": 6}]
    bad = Analyzer(name="bad", func=lambda doc: [{"n": float("nan")}])
    with pytest.raises(Exception, match="cannot be serialised"):
        apply_tool(bad, Document("x", "abc"), {})
    wrong = Transform(name="wrong", func=lambda doc: "not a document")
    with pytest.raises(Exception, match="not a Document"):
        apply_tool(wrong, Document("x", "abc"), {})


def test_serial_run_keeps_problems_in_place() -> None:
    tool = Analyzer(name="count", func=_count)
    items = [Document("a", "x"), Problem("f", "bad"), Document("b", "yy")]
    results = list(run(tool, {"scale": 1}, items))
    assert isinstance(results[1], Problem)
    assert [r.output for r in results if isinstance(r, Outcome)] == [
        [{"doc": "a", "n": 1}], [{"doc": "b", "n": 2}],
    ]


def test_parallel_run_loads_the_tool_by_name_in_workers() -> None:
    config = PluginConfig(plugins_dirs=(str(GOOD_PLUGINS),))
    tool = load_plugins(config).tool("chars")
    docs = [Document(f"d{i}", "x" * i) for i in range(300)]
    results = list(run(tool, {"fail_on": "BOOM", "hang_on": "HANG"}, docs, jobs=2, config=config))
    assert [r.output[0]["chars"] for r in results] == list(range(300))  # type: ignore[union-attr]


def test_load_plugins_isolates_failures() -> None:
    registry = load_plugins(PluginConfig(plugins_dirs=(str(BROKEN_PLUGINS),)))
    status = {p.name: p.status for p in registry.plugins}
    assert status["import_error"] == status["hook_raises"] == "failed"
    assert status["faulty"] == "loaded" and status["readability"] == "loaded"
    assert "chars" in registry.tools and registry.tools["chars"].func.__name__ == "chars"
    assert any("already provided" in w for w in registry.warnings)


def test_disabled_plugin_is_not_imported() -> None:
    registry = load_plugins(PluginConfig(plugins_dirs=(str(BROKEN_PLUGINS),),
                                         disabled=frozenset({"import_error", "dates"})))
    status = {p.name: p.status for p in registry.plugins}
    assert status["import_error"] == status["dates"] == "disabled"
    assert "dates" not in registry.tools


def test_config_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORPUS_TOOL_PLUGINS_DIR", "/a:/b")
    monkeypatch.setenv("CORPUS_TOOL_DISABLE", "x, y")
    config = PluginConfig.from_env(disabled=["z"])
    assert config.plugins_dirs == ("/a", "/b")
    assert config.disabled == {"x", "y", "z"}


def test_document_json_round_trip() -> None:
    doc = Document("a", "t", {"k": [1]})
    assert json.loads(json.dumps(doc.to_json())) == {"id": "a", "text": "t", "meta": {"k": [1]}}


def test_seen_ids_grows_and_remembers_every_id() -> None:
    from corpus_tool.readers import SeenIds

    seen = SeenIds()
    ids = [f"doc/{i}" for i in range(50_000)]
    assert all(seen.add(i) for i in ids)
    assert not any(seen.add(i) for i in ids[::97])
    assert seen.add("doc/50000")
    assert len(seen.table) * 3 >= seen.count * 4  # grew, and stays at most 3/4 full


def test_a_tools_own_doc_key_never_replaces_the_document_id() -> None:
    tool = Analyzer(name="sneaky", func=lambda doc: [{"n": 1, "doc": "other"}])
    assert apply_tool(tool, Document("real", "t"), {}) == [{"doc": "real", "n": 1}]
    assert list(apply_tool(tool, Document("real", "t"), {})[0]) == ["doc", "n"]  # type: ignore[index]
