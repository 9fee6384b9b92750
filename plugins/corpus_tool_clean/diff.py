"""A unified diff of a document before and after cleaning."""

from __future__ import annotations

import difflib

from corpus_tool import Document

RED, GREEN, CYAN, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[1m", "\x1b[0m"


def unified_diff(before: Document, after: Document) -> str:
    """The text's changes as a unified diff; empty when nothing changed."""
    lines = difflib.unified_diff(
        before.text.splitlines(keepends=True),
        after.text.splitlines(keepends=True),
        fromfile=f"{before.id} (before)",
        tofile=f"{after.id} (cleaned)",
    )
    # A last line without a newline would run into the next diff line.
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def colorize(diff_text: str) -> str:
    """ANSI colours for a unified diff: removals red, additions green, hunks cyan."""
    out = []
    for line in diff_text.splitlines(keepends=True):
        if line.startswith(("---", "+++")):
            out.append(BOLD + line.rstrip("\n") + RESET + "\n")
        elif line.startswith("-"):
            out.append(RED + line.rstrip("\n") + RESET + "\n")
        elif line.startswith("+"):
            out.append(GREEN + line.rstrip("\n") + RESET + "\n")
        elif line.startswith("@@"):
            out.append(CYAN + line.rstrip("\n") + RESET + "\n")
        else:
            out.append(line)
    return "".join(out)


def diff(before: Document, after: Document, color: bool = False) -> str:
    """Unified diff of ``before.text`` -> ``after.text``, coloured when asked."""
    text = unified_diff(before, after)
    return colorize(text) if color else text
