"""What a person at a terminal sees: tables, colour, NO_COLOR, the progress bar."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import threading

from conftest import CORPUS, GOOD_PLUGINS
from growth import HANG_GUARD

from corpus_tool.testing import corpus_tool_executable


def _reader(fd: int, sink: list[bytes]) -> threading.Thread:
    def drain() -> None:
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the other side closed
                return
            if not chunk:
                return
            sink.append(chunk)

    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    return thread


def colours(shown: str) -> set[str]:
    """The colour codes among the terminal's SGR sequences (bold and italic are not colour)."""
    found = set()
    for params in re.findall(r"\x1b\[([0-9;]*)m", shown):
        for code in params.split(";"):
            if code.isdigit() and (30 <= int(code) <= 48 or 90 <= int(code) <= 107):
                found.add(code)
    return found


def run_on_terminal(args: list[str], env: dict[str, str], stdin: bytes = b"") -> tuple[str, str]:
    """Run with stdout and stderr on pseudo-terminals; returns what each showed."""
    base = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    out_master, out_slave = pty.openpty()
    err_master, err_slave = pty.openpty()
    out: list[bytes] = []
    err: list[bytes] = []
    readers = [_reader(out_master, out), _reader(err_master, err)]
    process = subprocess.Popen(
        [corpus_tool_executable(), "--plugins-dir", str(GOOD_PLUGINS), *args],
        stdin=subprocess.PIPE, stdout=out_slave, stderr=err_slave,
        env={**base, "COLUMNS": "120", "TERM": "xterm-256color", **env},
    )
    os.close(out_slave)
    os.close(err_slave)
    process.communicate(stdin, timeout=HANG_GUARD)
    for thread in readers:
        thread.join(timeout=10)
    os.close(out_master)
    os.close(err_master)
    assert process.returncode == 0
    return b"".join(out).decode("utf-8", "replace"), b"".join(err).decode("utf-8", "replace")


def test_terminal_gets_a_coloured_table_by_default() -> None:
    shown, _ = run_on_terminal(["readability", str(CORPUS), "-m", "flesch_kincaid_grade"], {})
    plain = re.sub(r"\x1b\[[0-9;]*m", "", shown)
    assert "┃ doc" in plain and "corpus mean" in plain and "│ 000_9d058579d83c5d71 │" in plain
    assert colours(shown)  # the grade column is shaded


def test_no_color_is_honoured() -> None:
    shown, _ = run_on_terminal(["readability", str(CORPUS), "-m", "flesch_kincaid_grade"],
                               {"NO_COLOR": "1"})
    assert "corpus mean" in shown
    assert "\x1b[1m" in shown  # bold headers stay: NO_COLOR is about colour
    assert colours(shown) == set()


def test_progress_bar_on_a_terminal_and_quiet_silences_it() -> None:
    docs = b"".join(json.dumps({"id": str(i), "text": "x" * 20}).encode() + b"\n"
                    for i in range(20000))
    _, progress = run_on_terminal(["chars", "-f", "jsonl"], {}, docs)
    assert "documents" in progress
    _, quiet = run_on_terminal(["chars", "-f", "jsonl", "--quiet"], {}, docs)
    assert "documents" not in quiet
