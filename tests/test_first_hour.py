"""A newcomer's first hour: everyday option mixes and mistakes, through the installed command.

Each case once ended in a traceback, an internal error or a framed box; here it ends
in output, or in one or two plain lines on stderr with the documented exit status.
"""

from __future__ import annotations

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
