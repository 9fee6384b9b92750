"""The command-line contract, through the installed ``corpus-tool`` command."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from conftest import BROKEN_PLUGINS, CORPUS, GOOD_PLUGINS, cli, jsonl
from growth import HANG_GUARD, default_sigint, wait_for

from corpus_tool.testing import corpus_tool_executable, run_cli

BUILT_IN = {"readability", "quotes", "dates", "clean"}
SAMPLE_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))


def test_help_lists_one_command_per_tool() -> None:
    result = cli("--help")
    assert result.returncode == 0
    for name in [*BUILT_IN, "chars", "shout", "plugins"]:
        assert f" {name} " in result.stdout


def test_tool_help_shows_its_own_options() -> None:
    result = cli("chars", "--help")
    assert result.returncode == 0
    assert "--fail-on" in result.stdout and "Tool options" in result.stdout
    assert "--format" in result.stdout and "--annotate" in result.stdout
    transform_help = cli("shout", "--help").stdout
    assert "--diff" in transform_help and "--check" in transform_help
    assert "--annotate" not in transform_help


def test_plugins_lists_every_plugin_with_its_source() -> None:
    result = cli("plugins", "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    plugins = {row["plugin"]: row for row in jsonl(result.stdout)}
    for name in BUILT_IN:
        assert plugins[name]["source"] == "built-in"
        assert plugins[name]["status"] == "loaded"
        assert name in plugins[name]["tools"].split(", ")
    assert plugins["faulty"]["source"] == f"file {GOOD_PLUGINS / 'faulty.py'}"
    assert plugins["faulty"]["tools"] == "chars, unserialisable, shout"


def test_broken_plugins_are_reported_and_everything_else_works() -> None:
    listing = run_cli(["--plugins-dir", BROKEN_PLUGINS, "plugins", "-f", "jsonl"])
    assert listing.returncode == 0
    plugins = {row["plugin"]: row for row in jsonl(listing.stdout)}
    assert plugins["import_error"]["status"] == "failed"
    assert "ModuleNotFoundError" in plugins["import_error"]["error"]
    assert plugins["hook_raises"]["status"] == "failed"
    assert "cannot declare tools today" in plugins["hook_raises"]["error"]
    assert "import_error" in listing.stderr and "hook_raises" in listing.stderr
    # The duplicate command name and the clash with a core command are skipped, not fatal.
    assert "'chars' is already provided" in listing.stderr
    assert "clashes with a core command" in listing.stderr

    result = run_cli(["--plugins-dir", BROKEN_PLUGINS, "chars", "-"], input="hello")
    assert result.returncode == 0
    assert jsonl(result.stdout) == [{"doc": "stdin", "chars": 5, "first": "hello"}]


def test_disable_a_plugin_without_uninstalling() -> None:
    result = cli("--disable-plugin", "faulty", "plugins", "-f", "jsonl")
    row = next(r for r in jsonl(result.stdout) if r["plugin"] == "faulty")
    assert row["status"] == "disabled"
    assert "chars" not in cli("--disable-plugin", "faulty", "--help").stdout
    by_env = cli("chars", "-", input="x", env={"CORPUS_TOOL_DISABLE": "faulty"})
    assert by_env.returncode == 2


def test_plugins_dir_from_environment() -> None:
    env = {"CORPUS_TOOL_PLUGINS_DIR": str(GOOD_PLUGINS)}
    result = run_cli(["chars", "-"], input="abc", env=env)
    assert jsonl(result.stdout) == [{"doc": "stdin", "chars": 3, "first": "abc"}]


def test_directory_walk_ids_and_row_order() -> None:
    result = cli("chars", CORPUS, "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = jsonl(result.stdout)
    assert [r["doc"] for r in rows] == SAMPLE_IDS
    assert list(rows[0]) == ["doc", "chars", "first"]
    assert rows[0]["chars"] == len((CORPUS / f"{SAMPLE_IDS[0]}.txt").read_text("utf-8"))


def test_glob_and_files_and_dash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("alpha")
    (tmp_path / "b.md").write_text("beta")
    (tmp_path / "c.log").write_text("not read by default")
    nested = tmp_path / "sub" / "deeper"
    nested.mkdir(parents=True)
    (nested / "d.txt").write_text("delta")
    walked = jsonl(cli("chars", tmp_path, "-f", "jsonl").stdout)
    assert [r["doc"] for r in walked] == ["a", "b", "sub/deeper/d"]
    only_log = jsonl(cli("chars", tmp_path, "--glob", "*.log", "-f", "jsonl").stdout)
    assert [r["doc"] for r in only_log] == ["c"]
    globbed = jsonl(cli("chars", f"{tmp_path}/*.txt", "-", "-f", "jsonl", input="zeta").stdout)
    assert [r["doc"] for r in globbed] == ["a", "stdin"]


def test_stdin_jsonl_documents_and_made_ids() -> None:
    lines = [
        {"id": "one", "text": "first", "meta": {"lang": "en"}},
        {"text": "second", "date": "2024-01-02"},
    ]
    payload = "\n" + "\n".join(json.dumps(x) for x in lines) + "\n\n"
    result = cli("chars", "--annotate", input=payload)
    assert result.returncode == 0, result.stderr
    docs = jsonl(result.stdout)
    assert [d["id"] for d in docs] == ["one", "stdin:3"]
    assert docs[0]["meta"] == {"lang": "en", "chars": {"chars": 5, "first": "first"}}
    assert docs[1]["meta"]["date"] == "2024-01-02"


def test_plain_stdin_is_one_document() -> None:
    text = "  plain text, {braces} later\n"
    result = cli("chars", input=text)
    assert jsonl(result.stdout) == [{"doc": "stdin", "chars": len(text), "first": text[:10]}]


def test_every_format() -> None:
    base = ["chars", CORPUS / f"{SAMPLE_IDS[0]}.txt", CORPUS / f"{SAMPLE_IDS[1]}.txt"]
    as_json = json.loads(cli(*base, "-f", "json").stdout)
    assert [r["doc"] for r in as_json] == SAMPLE_IDS[:2]
    as_csv = list(csv.DictReader(io.StringIO(cli(*base, "-f", "csv").stdout)))
    assert [r["doc"] for r in as_csv] == SAMPLE_IDS[:2]
    assert int(as_csv[0]["chars"]) == as_json[0]["chars"]
    tsv = cli(*base, "-f", "tsv").stdout.splitlines()
    assert tsv[0] == "doc\tchars\tfirst"
    table = cli(*base, "-f", "table").stdout
    assert "┃ doc" in table and SAMPLE_IDS[0] in table and "\x1b[" not in table


def test_transform_chains_into_analyzer() -> None:
    shouted = cli("shout", CORPUS, "-f", "jsonl")
    assert shouted.returncode == 0
    docs = jsonl(shouted.stdout)
    assert docs[0]["text"].isupper() and docs[0]["meta"]["shout"] == {"changed": True}
    chained = cli("chars", input=shouted.stdout)
    assert [r["first"] for r in jsonl(chained.stdout)] == [d["text"][:10] for d in docs]


def test_annotate_chains_analyzers() -> None:
    first = cli("chars", CORPUS, "--annotate")
    second = cli("shout", input=first.stdout)
    docs = jsonl(second.stdout)
    assert len(docs) == 5
    # chars ran before shout: its figures describe the text as it was then.
    original = (CORPUS / f"{SAMPLE_IDS[0]}.txt").read_text("utf-8")
    assert docs[0]["meta"]["chars"] == {"chars": len(original), "first": original[:10]}
    assert docs[0]["text"] == original.upper()
    assert all(set(d["meta"]) >= {"source", "chars", "shout"} for d in docs)


def test_parallel_output_equals_serial() -> None:
    docs = [{"id": f"d{i:04d}", "text": "x" * (i % 97)} for i in range(700)]
    payload = "".join(json.dumps(d) + "\n" for d in docs)
    serial = cli("chars", "-j", "1", input=payload)
    parallel = cli("chars", "-j", "2", input=payload)
    assert parallel.returncode == 0, parallel.stderr
    assert parallel.stdout == serial.stdout
    assert len(jsonl(parallel.stdout)) == 700


def test_failing_document_is_named_and_the_rest_written(tmp_path: Path) -> None:
    for name, text in [("a", "fine"), ("b", "a BOOM here"), ("c", "also fine")]:
        (tmp_path / f"{name}.txt").write_text(text)
    for jobs in ("1", "2"):
        result = cli("chars", tmp_path, "-j", jobs, "-f", "jsonl")
        assert result.returncode == 1
        assert [r["doc"] for r in jsonl(result.stdout)] == ["a", "c"]
        assert "chars failed on document 'b'" in result.stderr
        assert "ValueError: found BOOM" in result.stderr
        assert "Traceback" not in result.stderr
    debug = cli("chars", tmp_path, "--debug", "-f", "jsonl")
    assert "Traceback" in debug.stderr


def test_unserialisable_value_is_reported() -> None:
    result = cli("unserialisable", "-", input="a b")
    assert result.returncode == 1
    assert "cannot be serialised" in result.stderr and "'stdin'" in result.stderr


def test_missing_path_is_a_usage_error() -> None:
    result = cli("chars", "no/such/file.txt")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "corpus-tool chars: usage error: no such file or directory: no/such/file.txt"
    ]


def test_unknown_option_is_a_usage_error() -> None:
    result = cli("chars", "--no-such-option")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_timeout_ends_a_hanging_document(tmp_path: Path) -> None:
    for name, text in [("a", "ok"), ("b", "HANG"), ("c", "ok too")]:
        (tmp_path / f"{name}.txt").write_text(text)
    for jobs in ("1", "2"):
        result = cli("chars", tmp_path, "--timeout", "0.5", "-j", jobs, "-f", "jsonl",
                     timeout=HANG_GUARD)
        assert result.returncode == 1
        assert [r["doc"] for r in jsonl(result.stdout)] == ["a", "c"]
        assert "document 'b'" in result.stderr and "timed out after 0.5 s" in result.stderr


def test_closed_pipe_is_quiet() -> None:
    payload = "".join(json.dumps({"id": str(i), "text": "x" * 50}) + "\n" for i in range(20000))
    command = f"'{corpus_tool_executable()}' --plugins-dir '{GOOD_PLUGINS}' chars | head -n 2"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], input=payload,
                            capture_output=True, text=True, timeout=HANG_GUARD)
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == ""
    assert result.returncode == 0


def test_ctrl_c_exits_130_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("HANG")
    hanging = tmp_path / "hanging"
    process = subprocess.Popen(
        [corpus_tool_executable(), "--plugins-dir", str(GOOD_PLUGINS), "chars", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "FAULTY_HANGING_FILE": str(hanging)},
        preexec_fn=default_sigint,
    )
    wait_for(hanging.exists)  # not a fixed sleep: under load start-up takes longer
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=HANG_GUARD)
    assert process.returncode == 130
    assert "Traceback" not in err and "interrupted" in err


def test_out_dir_and_resume(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("shout", CORPUS, "--out-dir", out)
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in out.iterdir())
    assert written == [f"{i}.txt" for i in SAMPLE_IDS]
    first = out / f"{SAMPLE_IDS[0]}.txt"
    assert first.read_text("utf-8") == (CORPUS / first.name).read_text("utf-8").upper()
    first.unlink()
    (out / f"{SAMPLE_IDS[1]}.txt").write_text("kept")
    again = cli("shout", CORPUS, "--out-dir", out, "--resume", "--marker", "!")
    assert again.returncode == 0
    assert first.read_text("utf-8").endswith("!")
    assert (out / f"{SAMPLE_IDS[1]}.txt").read_text() == "kept"


def test_hostile_ids_never_write_outside_out_dir(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "out"
    ids = ["../../escaped", "/tmp/absolute", "a/../../b", "nul\u0000byte", "fine/name"]
    payload = "".join(json.dumps({"id": i, "text": "t"}) + "\n" for i in ids)
    result = cli("shout", "--out-dir", out, input=payload)
    assert result.returncode == 1
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()) == [
        "deep/out/fine/name.txt"
    ]
    assert result.stderr.count("would write outside") == 3
    assert "NUL" in result.stderr


def test_check_and_diff_for_transforms() -> None:
    check = cli("shout", CORPUS, "--check")
    assert check.returncode == 1
    assert "5 of 5 documents would change" in check.stderr
    assert check.stdout.splitlines() == SAMPLE_IDS
    unchanged = cli("shout", "--check", "-", input="ALREADY LOUD")
    assert unchanged.returncode == 0
    diff = cli("shout", "--diff", "-", input="quiet words\n")
    assert "-quiet words" in diff.stdout and "+QUIET WORDS" in diff.stdout


def test_no_input_on_a_terminal_is_a_usage_error() -> None:
    # A terminal on stdin cannot be faked portably; an empty pipe gives no documents.
    result = cli("chars", input="")
    assert result.returncode == 0 and result.stdout == ""


def test_version() -> None:
    result = run_cli(["--version"])
    assert result.returncode == 0 and result.stdout.startswith("corpus-tool ")


def test_module_runs_with_python_dash_m() -> None:
    result = subprocess.run([sys.executable, "-m", "corpus_tool", "--version"],
                            capture_output=True, text=True, env={**os.environ})
    assert result.returncode == 0 and "corpus-tool" in result.stdout


def test_out_dir_needs_documents(tmp_path: Path) -> None:
    rows = cli("chars", CORPUS, "--out-dir", tmp_path / "rows")
    assert rows.returncode == 2 and "--out-dir writes documents" in rows.stderr
    annotated = cli("chars", CORPUS, "--annotate", "--out-dir", tmp_path / "docs")
    assert annotated.returncode == 0, annotated.stderr
    files = sorted((tmp_path / "docs").iterdir())
    assert [f.name for f in files] == [f"{i}.jsonl" for i in SAMPLE_IDS]
    document = json.loads(files[0].read_text("utf-8"))
    assert document["id"] == SAMPLE_IDS[0] and "chars" in document["meta"]


def test_failure_in_json_lines_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": "fine"}\n{"id": "b", "text": "BOOM"}\n')
    result = cli("chars", path, "-f", "jsonl")
    assert result.returncode == 1
    assert f"chars failed on document 'b' ({path}:2)" in result.stderr
