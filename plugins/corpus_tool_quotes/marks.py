"""Pairing quotation marks into quoted spans.

One left-to-right pass over the marks of a text with a stack, so the cost is
linear in the number of marks whatever the input (no backtracking).  Each mark
is read as opening or closing from the characters around it, which is what
lets the pass handle the untidy typing of real news text:

- nested quotes that reuse the outer marks (“A “B,” C,”) pair innermost first;
- an opening mark typed where a closing one belongs (``Ukraine. “`` at the end
  of a paragraph) closes;
- a quote that runs over several paragraphs re-opens each paragraph (really
  broken, or flattened to ". “"): each paragraph's part is a span of its own,
  marked as continued by the next;
- a mark left open at the end of a paragraph that does not continue is dropped,
  so an unbalanced mark never swallows the rest of the document;
- a closing single mark only counts when a single quote is open, so apostrophes
  (anyone’s, the Council’s, students’) are never taken for quotes.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

# Every mark that may open or close a quote.  A right single mark directly
# followed by a letter is an apostrophe (anyone’s), so it is not even a candidate.
# A run of four or more marks is decoration or damage, never quotation (nesting
# closes at most three deep: ”’”); the regex consumes it whole, so even megabytes
# of marks cost one match.
# Two single marks typed for a double one (‘’It’s, creators,’’) count as one double mark.
# The first mark is read before the alternatives, which look back at it: a pattern opening
# with a character class lets the regex engine skip fast to the next mark character
# (rather than try each alternative at every offset).
MARK_RE = re.compile(
    r"[“”„‟«»\"‘’‹›]"
    r"(?:(?P<run>[“”„‟«»\"‘’‹›]{3,})"  # four marks or more
    r"|(?<=[‘’])(?P<pair>[‘’])(?![‘’])"  # ‘’ or ’’ for “ or ”
    r"|(?<=[“”„‟«»\"‘‹›])"  # one mark
    r"|(?<=’)(?![^\W\d_]))"  # a closing single mark, not an apostrophe (anyone’s)
)

DOUBLE, SINGLE = "double", "single"
OPEN, CLOSE, EITHER = "open", "close", "either"

# A finished sentence right before an opening mark: ". “" where a paragraph break was lost.
_FLATTENED_BREAK = re.compile(r"[.!?…][^\S\n]+\Z")
_OPENERS_BEFORE = "([{—–-/"  # a quote may open right after these
_CLOSERS_AFTER = ",.;:!?)]}…—–-"  # and close right before these


class Quote(NamedTuple):
    """One quoted span: ``open``/``close`` are the offsets of the marks themselves (a
    named tuple: made for every pair of marks, it costs less than a dataclass)."""

    open: int
    close: int
    depth: int  # 0 for a top-level quote, 1+ for a quote inside another
    continued: bool = False  # the quotation goes on in the next paragraph's quote

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def classify(mark: str, prev: str, nxt: str, after: str) -> tuple[str, str] | None:
    """Family and role of one mark from its neighbours, or None when it is no quote mark.

    ``prev`` and ``nxt`` are the characters either side ("" at the text's edge),
    ``after`` the one following ``nxt``.
    """
    if mark in "«„‟":
        return DOUBLE, OPEN
    if mark == "»":
        return DOUBLE, CLOSE
    if mark == "‹":
        return SINGLE, OPEN
    if mark == "›":
        return SINGLE, CLOSE
    if mark == "“":
        # English opening mark, but also the German closing one and a frequent
        # typo for a closing mark: it closes when nothing follows it in the word.
        if _is_space(nxt) or (nxt in _CLOSERS_AFTER and _is_space(after)):
            return DOUBLE, CLOSE
        return DOUBLE, OPEN
    if mark == "”":
        # Opens only when it clearly starts a word (Swedish style, typos).
        if _is_space(prev) and (nxt.isalnum()):
            return DOUBLE, OPEN
        return DOUBLE, CLOSE
    if mark == '"':
        opens = (_is_space(prev) or prev in _OPENERS_BEFORE) and not _is_space(nxt)
        closes = not _is_space(prev) and (_is_space(nxt) or nxt in _CLOSERS_AFTER)
        if opens and not closes:
            return DOUBLE, OPEN
        if closes and not opens:
            return DOUBLE, CLOSE
        return DOUBLE, EITHER
    if mark == "‘":
        if (_is_space(prev) or prev in _OPENERS_BEFORE or prev in '“"') and not _is_space(nxt):
            return SINGLE, OPEN
        return None  # rock ‘n’ roll, ‘90s: an apostrophe typed the wrong way round
    if mark == "’":
        return (SINGLE, CLOSE) if not _is_space(prev) else None
    return None


def find_quotes(text: str) -> list[Quote]:
    """Every quoted span of ``text`` in order of its opening mark, nested ones included."""
    quotes: list[Quote] = []
    stack: list[tuple[int, str]] = []  # (offset, family) of the marks still open
    open_count: Counter[str] = Counter()  # open marks per family, so no search of the stack
    para_end = -1  # offset of the newline ending the current paragraph

    for match in MARK_RE.finditer(text):
        if match.lastgroup == "run":
            continue
        pos = match.start()
        if pos > para_end:  # crossed into a later paragraph
            if stack:
                part = _continued_part(text, stack, para_end)
                if part is not None:
                    quotes.append(part)
                stack.clear()
                open_count.clear()
            para_end = text.find("\n", pos)
            if para_end < 0:
                para_end = len(text)
        prev = text[pos - 1] if pos else ""
        end = match.end()
        nxt = text[end] if end < len(text) else ""
        after = text[end + 1] if end + 1 < len(text) else ""
        role = classify('"' if match.lastgroup == "pair" else match.group(), prev, nxt, after)
        if role is None:
            continue
        family, kind = role
        if kind == EITHER:
            kind = CLOSE if open_count[family] else OPEN
        if kind == OPEN:
            if (
                family == DOUBLE
                and len(stack) == 1
                and stack[0][1] == DOUBLE
                and _FLATTENED_BREAK.search(text, max(0, pos - 3), pos)
            ):
                # “A quote. “Its next paragraph: the break was lost, the mark repeated
                # at the new paragraph stays; the first part ends at its full stop.
                quotes.append(Quote(stack[0][0], pos, depth=0, continued=True))
                stack.clear()
                open_count.clear()
            stack.append((end - 1, family))  # a pair's text starts after both marks
            open_count[family] += 1
            continue
        if not open_count[family]:
            continue  # a stray closing mark (or an apostrophe)
        # A closing mark closes the innermost open quote of its family; single
        # marks opened inside it were apostrophes or unclosed, so they go.
        i = len(stack) - 1
        while stack[i][1] != family:
            i -= 1
        # A single-mark "quote" of one letter is an elision: rock ‘n’ roll
        # An empty pair ("") quotes nothing.
        if pos - stack[i][0] > (1 if family == DOUBLE else 2):
            quotes.append(Quote(stack[i][0], pos, depth=i))
        for _, dropped in stack[i:]:
            open_count[dropped] -= 1
        del stack[i:]
    quotes.sort(key=lambda q: q.open)
    return quotes


def _continued_part(text: str, stack: list[tuple[int, str]], para_end: int) -> Quote | None:
    """The part up to the paragraph break at ``para_end`` of a quotation left open there.

    The outermost double quote goes on when the next paragraph starts with an
    opening mark (the news convention: no closing mark at the end of a quoted
    paragraph, the opening one repeated at the next); it is one row per paragraph,
    as annotators count them.  Anything else left open is dropped.
    """
    first, family = stack[0]
    if family != DOUBLE:
        return None
    nxt = para_end + 1
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    if nxt >= len(text) or text[nxt] not in '“"„«':
        return None
    return Quote(first, para_end, depth=0, continued=True)
