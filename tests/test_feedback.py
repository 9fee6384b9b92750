"""What a run says about itself: the documents --check would change, what --resume
skipped, and the progress bar's total, through the installed command."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import CORPUS, cli
from test_terminal import run_on_terminal

SAMPLE_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))
FAULT_PLUGINS = Path(__file__).resolve().parent / "plugins" / "faults"


def notes(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("corpus-tool")]


# --- --check names the documents that would change -----------------------------------


def test_check_lists_the_documents_that_would_change(tmp_path: Path) -> None:
    (tmp_path / "loud.txt").write_text("ALREADY LOUD\n")
    (tmp_path / "quiet.txt").write_text("quiet words\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "soft.md").write_text("soft\n")
    result = cli("shout", tmp_path, "--check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["quiet", "sub/soft"]  # one id a line, input order
    assert notes(result.stderr) == ["corpus-tool: 2 of 3 documents would change (--diff shows how)"]


def test_check_with_nothing_to_change_lists_nothing_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "loud.txt").write_text("ALREADY LOUD\n")
    result = cli("shout", tmp_path, "--check", "-j", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert notes(result.stderr) == ["corpus-tool: 0 of 1 document would change"]


def test_clean_check_names_the_sample_documents_it_would_repair() -> None:
    result = cli("clean", CORPUS, "--check")
    assert result.returncode == 1
    listed = result.stdout.splitlines()
    assert listed and set(listed) <= set(SAMPLE_IDS)
    assert "004_71ffaa25917f853c" in listed  # the damaged one
    assert f"{len(listed)} of 5 documents would change" in result.stderr


# --- --resume says what it skipped ---------------------------------------------------


def test_resume_says_how_many_were_done_and_how_many_are_left(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = cli("shout", CORPUS, "--out-dir", out)
    assert first.returncode == 0, first.stderr
    assert "resumed" not in first.stderr
    for doc_id in SAMPLE_IDS[:2]:
        (out / f"{doc_id}.txt").unlink()
    again = cli("shout", CORPUS, "--out-dir", out, "--resume", "-j", "2")
    assert again.returncode == 0, again.stderr
    assert notes(again.stderr) == ["corpus-tool: resumed: 3 done, 2 to go"]
    assert sorted(p.stem for p in out.iterdir()) == SAMPLE_IDS


def test_resume_counts_json_lines_records_by_their_ids(tmp_path: Path) -> None:
    records = [{"id": f"rec/{n}", "text": f"text {n}"} for n in range(4)]
    records.append({"text": "no id: named by file and line"})
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out"
    assert cli("chars", source, "--annotate", "--out-dir", out).returncode == 0
    (out / "rec" / "1.jsonl").unlink()
    again = cli("chars", source, "--annotate", "--out-dir", out, "--resume")
    assert notes(again.stderr) == ["corpus-tool: resumed: 4 done, 1 to go"]


def test_resume_from_standard_input_says_so_once_it_is_read(tmp_path: Path) -> None:
    payload = "".join(json.dumps({"id": f"d{n}", "text": "t"}) + "\n" for n in range(3))
    out = tmp_path / "out"
    assert cli("shout", "--out-dir", out, input=payload).returncode == 0
    (out / "d2.txt").unlink()
    again = cli("shout", "--out-dir", out, "--resume", input=payload)
    assert again.returncode == 0, again.stderr
    assert notes(again.stderr) == ["corpus-tool: resumed: 2 done, 1 to go"]


# --- the progress bar knows the total ------------------------------------------------


def slow_run(folder: Path, *extra: str) -> str:
    """The progress bar of a run over ``folder`` that lasts long enough to be drawn."""
    args = ["--plugins-dir", str(FAULT_PLUGINS), "same", str(folder), "--delay", "0.05"]
    _, progress = run_on_terminal([*args, *extra], {"NO_COLOR": "1"})
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", progress)


def test_progress_bar_counts_towards_the_number_of_files(tmp_path: Path) -> None:
    for n in range(24):
        (tmp_path / f"doc{n:02d}.txt").write_text(f"Document {n}.\n")
    progress = slow_run(tmp_path, "-f", "jsonl")
    assert re.search(r"\b\d+/24\b", progress), progress[-400:]


def test_progress_bar_total_is_what_resume_leaves(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(24):
        (corpus / f"doc{n:02d}.txt").write_text(f"Document {n}.\n")
    out = tmp_path / "out"
    assert cli("shout", corpus, "--out-dir", out).returncode == 0
    for n in range(10):
        (out / f"doc{n:02d}.txt").unlink()
    progress = slow_run(corpus, "--out-dir", str(out), "--resume")
    assert re.search(r"\b\d+/10\b", progress) and "/24" not in progress


# --- a table with nothing in it says so ----------------------------------------------


def test_an_empty_result_on_a_terminal_is_said_in_words() -> None:
    # An empty frame, or no output at all, looks like a fault to a newcomer.
    no_quotes = CORPUS / "001_4db1347f01a976fe.txt"
    for args, said in [
        (["quotes", str(no_quotes)], "quotes found nothing in 1 document"),
        (["dates", str(no_quotes)], "dates found nothing in 1 document"),
        (["freq", str(CORPUS), "--min-count", "100000"], "freq found nothing in 5 documents"),
    ]:
        shown, _ = run_on_terminal(args, {"NO_COLOR": "1", "COLUMNS": "80"})
        assert re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown).split() == said.split(), args


def test_an_empty_result_in_a_pipe_is_empty() -> None:
    result = cli("quotes", CORPUS / "001_4db1347f01a976fe.txt")
    assert result.returncode == 0 and result.stdout == ""
