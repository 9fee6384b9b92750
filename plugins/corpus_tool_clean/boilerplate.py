"""Line-level repairs: web boilerplate out of the text, header metadata into ``meta``.

Removed lines are returned verbatim so that nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Whole lines that news sites add around an article: share buttons, comment
# forms, footers.  A line must match entirely, so prose that mentions
# "share" or "comment" is never touched.
_BOILERPLATE = [
    r"source link",
    r"source: ?link",
    r"leave a (?:reply|comment)",
    r"cancel reply",
    r"post a comment",
    r"\d* ?comments?",
    r"view comments",
    r"your email address will not be published\.?",
    r"required fields are marked ?\*?",
    r"save my name, email, and website in this browser for the next time i comment\.?",
    r"(?:share|click to share|share this(?: article| story)?)(?: on| via)? ?(?:facebook|twitter|x|"
    r"linkedin|whatsapp|email|reddit|pinterest|telegram)?(?: \(opens in new window\))?:?",
    r"(?:like|share) this:?",
    r"(?:related|related posts|related articles|related stories|read more|read next|"
    r"more stories|recommended|you may also like|also read)\s*:?",
    r"advertisement",
    r"(?:subscribe|sign up)(?: to| for)? (?:our|the) newsletter\.?",
    r"follow us on (?:facebook|twitter|instagram|telegram|linkedin|google news)\.?",
    r"(?:copyright )?(?:©|\(c\)|copyright) ?\d{4}.*?all rights reserved\.?",
    r"all rights reserved\.?",
    r"(?:posted|filed) (?:in|under):? .{1,60}",
    r"tags?: .{1,100}",
    r"continue reading\.?",
    r"print (?:this )?(?:article|page)",
    r"loading\.\.\.|loading…",
]
BOILERPLATE = re.compile(r"[ \t]*(?:" + "|".join(_BOILERPLATE) + r")[ \t]*", re.IGNORECASE)
# The same, found in a whole text: a quick test before looking line by line.
BOILERPLATE_LINE = re.compile(
    r"^[ \t]*(?:" + "|".join(_BOILERPLATE) + r")[ \t]*$", re.IGNORECASE | re.MULTILINE
)
# The same after a line break: a pattern that starts with a character is tried only
# where the character is, one that starts with ``^`` at every place of the text.
AFTER_LINE_BREAK = re.compile(
    r"\n[ \t]*(?:" + "|".join(_BOILERPLATE) + r")[ \t]*$", re.IGNORECASE | re.MULTILINE
)


def has_boilerplate_line(text: str) -> bool:
    """``BOILERPLATE_LINE.search(text)``, faster."""
    return bool(BOILERPLATE_LINE.match(text) or AFTER_LINE_BREAK.search(text))


# Header metadata, recognised only in the header: the lines before the first
# paragraph of prose (a line of HEADER_END_WORDS words or more).
HEADER_END_WORDS = 12
DATE_PREFIX = re.compile(r"\A[ \t]*date:?[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
NAME = r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|van|von|da|and|&))*"
METADATA = [
    # "By Jane Roe", "BY JANE ROE", "Written by Jane Roe", "by: jane": the name is
    # matched case-sensitively, so "by the official assignee" (a sentence going on
    # from the line before) is never taken for a byline.
    (
        "byline",
        re.compile(
            r"[ \t]*(?:(?i:(?:written|posted|reported)[ \t]+by)|By|BY|(?i:by)(?=:)):?[ \t]+("
            + NAME
            + r")[ \t]*"
        ),
    ),
    (
        "photo",
        re.compile(
            r"[ \t]*(?:photo|photograph|image|picture|credit|photo credit)[ \t]*:"
            r"[ \t]*(.+?)[ \t]*",
            re.IGNORECASE,
        ),
    ),
    # A reading-level label alone on a header line ("Intermediate"): it describes
    # the text, it is not part of it.
    (
        "level",
        re.compile(
            r"[ \t]*((?:pre-|upper-|lower-)?(?:beginners?|elementary|intermediate|"
            r"advanced))[ \t]*",
            re.IGNORECASE,
        ),
    ),
]


# A line ending in a word that cannot end a sentence: the next line continues it.
GOES_ON = re.compile(r"\b(?:the|a|an|and|or|of|to|in|on|at|by|for|with|from|that)[ \t]*$")
TRAILING_BLANKS = re.compile(r"(?:\n[ \t]*)+\Z")


@dataclass
class LineRepairs:
    text: str
    removed: list[dict[str, str]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def _drop_lines(text: str, drop: set[int]) -> str:
    """Remove the given lines, and the blank line each leaves behind."""
    lines = text.split("\n")
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i in drop:
            continue
        if not line.strip() and (i - 1) in drop and (not kept or not kept[-1].strip()):
            continue  # the blank line that separated a removed line
        kept.append(line)
    out = "\n".join(kept)
    last = max((i for i, line in enumerate(lines) if line.strip() and i not in drop), default=-1)
    if max(drop) > last:  # removed lines at the end: no blank lines left dangling
        out = TRAILING_BLANKS.sub("", out) + ("\n" if text.endswith("\n") and out.strip() else "")
    return out


def move_metadata(text: str) -> LineRepairs:
    """Move a leading ``date`` line, a byline, a photo credit and a reading-level label
    out of the header, recording each line verbatim."""
    result = LineRepairs(text)
    date = DATE_PREFIX.match(text)
    while date:
        result.removed.append({"kind": "metadata", "line": date.group().strip()})
        result.meta.setdefault("date", date.group(1))
        text = text[date.end() :]
        date = DATE_PREFIX.match(text)
    drop: set[int] = set()
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if len(line.split()) >= HEADER_END_WORDS:
            break
        if i and GOES_ON.search(lines[i - 1]):
            continue  # "... and the\nBy Law Committee": the sentence goes on
        for key, pattern in METADATA:
            match = pattern.fullmatch(line)
            if match:
                result.removed.append({"kind": "metadata", "line": line.strip()})
                result.meta.setdefault(key, match.group(1))
                drop.add(i)
                break
    result.text = _drop_lines(text, drop) if drop else text
    return result


def remove_boilerplate(text: str) -> LineRepairs:
    result = LineRepairs(text)
    if not has_boilerplate_line(text):
        return result
    lines = text.split("\n")
    drop = {i for i, line in enumerate(lines) if line.strip() and BOILERPLATE.fullmatch(line)}
    if drop:
        result.removed = [{"kind": "boilerplate", "line": lines[i].strip()} for i in sorted(drop)]
        result.text = _drop_lines(text, drop)
    return result
