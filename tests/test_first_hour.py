"""A newcomer's first hour: everyday option mixes and mistakes, through the installed command.

Each case once ended in a traceback, an internal error or a framed box; here it ends
in output, or in one or two plain lines on stderr with the documented exit status.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest
from conftest import CORPUS, jsonl
from test_terminal import run_on_terminal

from corpus_tool.testing import run_cli

# --- --annotate with table output ---------------------------------------------------


@pytest.mark.parametrize("tool", ["quotes", "dates", "readability"])
def test_annotate_as_a_table_lists_the_documents(tool: str) -> None:
    result = run_cli([tool, CORPUS, "--annotate", "-f", "table"], env={"COLUMNS": "100"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and result.stderr == ""
    assert f"meta.{tool}" in result.stdout
    for path in CORPUS.glob("*.txt"):
        assert path.stem in result.stdout  # every document, by id
    assert "The purpose of these sanctions" in result.stdout  # a preview of the text


def test_annotate_counts_the_results_stored_under_meta() -> None:
    docs = jsonl(run_cli(["quotes", CORPUS, "--annotate", "-f", "jsonl"]).stdout)
    counts = {doc["id"]: len(doc["meta"]["quotes"]) for doc in docs}
    table = run_cli(["quotes", CORPUS, "--annotate", "-f", "table"]).stdout
    for doc_id, count in counts.items():
        line = next(line for line in table.splitlines() if doc_id in line)
        assert line.rstrip(" │").split()[-1] == str(count)


def test_annotate_on_a_terminal_shows_the_table() -> None:
    shown, errors = run_on_terminal(["dates", str(CORPUS), "--annotate", "-q"], {"NO_COLOR": "1"})
    assert "meta.dates" in shown and "000_9d058579d83c5d71" in shown
    assert "Traceback" not in errors and "error" not in errors


def test_annotated_documents_through_clean_as_a_table() -> None:
    annotated = run_cli(["quotes", CORPUS, "--annotate", "-f", "jsonl"]).stdout
    result = run_cli(["clean", "-f", "table"], input=annotated)
    assert result.returncode == 0, result.stderr
    assert "000_9d058579d83c5d71" in result.stdout and "Traceback" not in result.stderr


# --- a third-party tool declared with a field of the wrong type ----------------------

BAD_TOOLS = {
    "info_a_line": 'Analyzer(name="info-a-line", func=count, info="a line")',
    "func_a_name": 'Analyzer(name="func-a-name", func="count")',
    "name_with_space": 'Analyzer(name="bad name", func=count)',
    "columns_a_string": 'Analyzer(name="cols", func=count, columns="abc")',
    "positional_option": 'Analyzer(name="positional", func=two_positional)',
}


@pytest.fixture
def bad_plugins(tmp_path):
    for stem, declaration in BAD_TOOLS.items():
        (tmp_path / f"{stem}.py").write_text(
            "from corpus_tool import Analyzer, hookimpl\n\n"
            "def count(doc):\n    yield {'n': len(doc.text)}\n\n"
            "def two_positional(doc, other):\n    yield {'n': 1}\n\n"
            "@hookimpl\ndef register_tools():\n"
            f"    return [{declaration}]\n",
            encoding="utf-8",
        )
    return tmp_path


def test_a_badly_declared_tool_is_reported_broken_in_plugins(bad_plugins) -> None:
    result = run_cli(["--plugins-dir", bad_plugins, "plugins", "-f", "jsonl"])
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    listed = {row["plugin"]: row for row in jsonl(result.stdout)}
    for stem in BAD_TOOLS:
        assert listed[stem]["status"] == "failed" and listed[stem]["tools"] == ""
        assert f"plugin {stem!r} failed to load" in result.stderr
    assert "info must be a function" in listed["info_a_line"]["error"]
    assert "not str 'a line'" in listed["info_a_line"]["error"]
    assert "func must be a function" in listed["func_a_name"]["error"]
    assert "name must be a command name" in listed["name_with_space"]["error"]
    assert "columns must be a tuple" in listed["columns_a_string"]["error"]
    assert "'other'" in listed["positional_option"]["error"]
    assert listed["readability"]["status"] == "loaded"  # every other plugin still works


def test_every_other_command_works_beside_a_broken_tool(bad_plugins) -> None:
    result = run_cli(["--plugins-dir", bad_plugins, "readability", CORPUS, "-f", "jsonl"])
    assert result.returncode == 0 and len(jsonl(result.stdout)) == 5
    assert "Traceback" not in result.stderr
    helped = run_cli(["--plugins-dir", bad_plugins, "--help"])
    assert helped.returncode == 0 and "readability" in helped.stdout
    assert "bad name" not in helped.stdout and "info-a-line" not in helped.stdout


def test_debug_shows_the_traceback_of_a_plugin_that_failed(bad_plugins) -> None:
    result = run_cli(["--plugins-dir", bad_plugins, "plugins", "--debug", "-f", "jsonl"])
    assert result.returncode == 0
    assert "Traceback (most recent call last)" in result.stderr
    assert "info_a_line.py" in result.stderr  # the plugin's own line is in it


# --- usage errors: plain lines, exit 2 ----------------------------------------------

USAGE_MISTAKES = [
    (["readability", "--foo"], "no such option --foo (did you mean --format"),
    (["readability", CORPUS, "-j", "x"], "invalid value for --jobs"),
    (["readability", CORPUS, "-f", "xml"], "invalid value for --format: 'xml' is not one of"),
    (["readability", CORPUS, "--by", "word"], "invalid value for --by"),
    (["readability", CORPUS, "-f"], "option '-f' requires an argument"),
    (["kwic"], "missing argument 'PATTERN'"),
    (["nosuch"], "no such command 'nosuch'"),
    (["plugins", "-f", "text"], "invalid value for --format: 'text' is not one of"),
    (["plugins", "-f", "xml"], "invalid value for --format"),
    (["--bogus"], "no such option --bogus"),
    (["-f", "jsonl", "quotes", CORPUS], "a command's options come after it"),
    (["plugins", "extra"], "unexpected extra argument"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_MISTAKES)
def test_usage_errors_are_one_or_two_plain_lines(args: list, message: str) -> None:
    result = run_cli(args)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert 1 <= len(lines) <= 2, result.stderr
    assert lines[0].startswith("corpus-tool: error: ") and message in lines[0]
    assert not any(frame in result.stderr for frame in "╭╮╰╯│")
    assert "Traceback" not in result.stderr and result.stdout == ""
    if len(lines) == 2:
        assert lines[1].startswith("Try 'corpus-tool") and lines[1].endswith("--help' for help.")


# --- version and --debug everywhere --------------------------------------------------


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag: str) -> None:
    from corpus_tool import __version__

    result = run_cli([flag])
    assert (result.returncode, result.stdout) == (0, f"corpus-tool {__version__}\n")


@pytest.mark.parametrize(
    "args",
    [
        ["plugins", "--debug", "-f", "jsonl"],
        ["--debug", "plugins", "-f", "jsonl"],
        ["--debug", "readability", CORPUS, "-f", "jsonl"],
        ["readability", CORPUS, "-f", "jsonl", "--debug"],
        ["kwic", "sanctions", CORPUS, "-f", "jsonl", "--debug"],
        ["clean", CORPUS, "-f", "jsonl", "--debug"],
    ],
)
def test_debug_is_accepted_by_every_command(args: list) -> None:
    result = run_cli(args)
    assert result.returncode == 0, result.stderr
    assert jsonl(result.stdout)


def test_a_tool_whose_info_raises_still_lets_plugins_list(tmp_path) -> None:
    (tmp_path / "moody.py").write_text(
        "from corpus_tool import Analyzer, hookimpl\n\n"
        "def count(doc):\n    yield {'n': len(doc.text)}\n\n"
        "def info():\n    raise OSError('data file gone')\n\n"
        "@hookimpl\ndef register_tools():\n"
        "    return [Analyzer(name='moody', func=count, info=info)]\n",
        encoding="utf-8",
    )
    result = run_cli(["--plugins-dir", tmp_path, "plugins", "-f", "jsonl"])
    assert result.returncode == 0, result.stderr
    moody = next(row for row in jsonl(result.stdout) if row["plugin"] == "moody")
    assert moody["status"] == "loaded" and "info failed: OSError: data file gone" in moody["info"]


# --- readability of a text without words ---------------------------------------------


def test_a_document_without_words_has_null_scores_not_zero() -> None:
    docs = [{"id": "empty", "text": ""}, {"id": "dashes", "text": " — … \n"}]
    docs.append({"id": "words", "text": "The cat sat on the mat. It was happy."})
    payload = "".join(json.dumps(doc) + "\n" for doc in docs)
    result = run_cli(["readability", "-f", "jsonl"], input=payload)
    assert result.returncode == 0, result.stderr
    rows = {row["doc"]: row for row in jsonl(result.stdout)}
    for doc_id in ("empty", "dashes"):
        assert rows[doc_id]["words"] == 0
        assert rows[doc_id]["flesch_kincaid_grade"] is None
        assert rows[doc_id]["flesch_reading_ease"] is None
        assert rows[doc_id]["text_standard"] is None
    assert isinstance(rows["words"]["flesch_kincaid_grade"], float)
    table = run_cli(["readability", "-f", "table"], input=payload)
    assert table.returncode == 0 and "corpus mean" in table.stdout  # the mean skips nulls
    report = run_cli(["report", "-f", "jsonl"], input=payload)
    assert report.returncode == 0, report.stderr


# --- help pages at ordinary widths ----------------------------------------------------


def _commands() -> dict[str, Any]:
    """Every command's click command, built in-process: the oracle for its choices."""
    import typer

    from corpus_tool.cli import build_app
    from corpus_tool.plugins import PluginConfig, load_plugins

    config = PluginConfig()
    group = typer.main.get_command(build_app(load_plugins(config), config))
    return {"": group, **group.commands}


COMMANDS = _commands()


def _flat(text: str) -> str:
    return " ".join(text.translate({ord(c): " " for c in "│╭╮╰╯─"}).split())


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_help_reads_plainly_at_80_and_100_columns(name: str, width: int) -> None:
    from corpus_tool.helptext import choices

    result = run_cli([*filter(None, [name]), "--help"], env={"COLUMNS": str(width)})
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert max(len(line) for line in text.splitlines()) <= width
    for raw in ("<bool>", "<list[", "<int", "<float", "<text>", "``", 'meta["', "meta['"):
        assert raw not in text, raw
    usage = next(line for line in text.splitlines() if "Usage:" in line)
    assert "{" not in usage  # PATTERN, not {PATTERN}
    flat = _flat(text)
    for param in COMMANDS[name].params:
        # Each option's names, and each value it accepts, whole: never folded mid-word.
        argument = param.param_type_name == "argument"
        for option in [str(param.metavar or param.name).upper()] if argument else param.opts:
            assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", flat), option
        for value in choices(param):
            assert re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", flat), value
        if not getattr(param, "hidden", False):
            assert (param.help or "").strip(), f"{name} {param.opts}: no help"


# --- start-up -------------------------------------------------------------------------


def test_listing_the_commands_builds_none_and_loads_no_counting_code() -> None:
    """``--help`` lists the tools from their declarations: no command is built (typer's
    option machinery, with pydantic, is not even imported) and no plugin's internals load."""
    code = (
        "import sys\n"
        "from corpus_tool.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('typer._adapters', 'pydantic', 'rich.markdown', 'corpus_tool_clean.cleaner',"
        " 'corpus_tool_corpus.collocation', 'corpus_tool_corpus.keywords',"
        " 'corpus_tool_corpus.wordlist', 'corpus_tool.pipeline', 'corpus_tool.runner',"
        " 'corpus_tool.readers', 'typer.rich_utils', 'markdown_it', 'textstat')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "readability" in result.stdout and "collocates" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_a_run_with_nothing_to_report_loads_no_console_or_table_code(tmp_path) -> None:
    """rich (consoles, tables, progress bars) loads when a table, a bar or a message is
    shown: a quiet JSON Lines run over a clean document shows none."""
    (tmp_path / "a.txt").write_text("One short sentence.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from corpus_tool.cli import main\n"
        "try:\n"
        f"    main(['readability', {str(tmp_path)!r}, '-q', '-f', 'jsonl'])\n"
        "except SystemExit as exit_:\n"
        "    assert exit_.code in (0, None), exit_.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert '"doc":"a"' in result.stdout, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_plugins_reports_a_tool_whose_options_cannot_be_built(tmp_path) -> None:
    (tmp_path / "odd.py").write_text(
        "from __future__ import annotations\n"
        "from corpus_tool import Analyzer, hookimpl\n\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from datetime import date\n\n"
        "def odd(doc, *, since: date | None = None):\n    yield {'n': 1}\n\n"
        "def fine(doc):\n    yield {'n': len(doc.text)}\n\n"
        "@hookimpl\ndef register_tools():\n"
        "    return [Analyzer(name='odd', func=odd), Analyzer(name='fine', func=fine)]\n",
        encoding="utf-8",
    )
    listed = run_cli(["--plugins-dir", tmp_path, "plugins", "-f", "jsonl"])
    assert listed.returncode == 0, listed.stderr
    odd = next(row for row in jsonl(listed.stdout) if row["plugin"] == "odd")
    assert odd["status"] == "failed" and "tool 'odd'" in odd["error"] and odd["tools"] == "fine"
    ran = run_cli(["--plugins-dir", tmp_path, "odd", "-"], input="text")
    assert ran.returncode == 1 and "Traceback" not in ran.stderr
    assert ran.stderr.startswith("corpus-tool: error: tool 'odd'")
    fine = run_cli(["--plugins-dir", tmp_path, "fine", "-"], input="text")
    assert fine.returncode == 0 and jsonl(fine.stdout) == [{"doc": "stdin", "n": 4}]
