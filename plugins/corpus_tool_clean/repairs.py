"""Character-level repairs: unicode, whitespace, sentence spacing, quote marks, hyphenation.

Each repair takes a text and returns the repaired text with the number of places
it changed.  Each one leaves its own output alone (cleaning is idempotent).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from corpus_tool_clean.dictionary import frequency, is_word

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

# ---------------------------------------------------------------- unicode

# Invisible characters that only break words apart for search and counting.
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
# A control character inside prose stands for a character lost on the way
# ("Europe\x01s", "Don\x03ana"): deleting it would glue words together, so it
# becomes U+FFFD, the mark for an unknown character, before ftfy sees it.
CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # not ESC: ftfy removes terminal codes
# Except the low bytes of the typographic marks U+2013/4 and U+2018/9/C/D, left
# when a text kept only each character's last byte ("don\x19t", "1984 \x13 85"):
# those marks are known, so they come back.
LOST_HIGH_BYTE = {0x13: "–", 0x14: "—", 0x18: "‘", 0x19: "’", 0x1C: "“", 0x1D: "”"}


@functools.cache
def _ftfy_config() -> TextFixerConfig:
    from ftfy import TextFixerConfig

    # Curly quotes are correct typography, not damage: keep them.
    return TextFixerConfig(uncurl_quotes=False, explain=False)


def _changed_spans(before: str, after: str) -> int:
    """How many separate places differ between two texts."""
    if before == after:
        return 0
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    return sum(1 for op, *_ in matcher.get_opcodes() if op != "equal")


# Text made only of these characters gives ftfy nothing to do (no "&" for HTML
# entities, no control or non-ASCII letters for mojibake).  ftfy works line by
# line, so only the lines holding another character go to it: in most documents
# there are none or few.
PLAIN = re.compile(r"[\t\n\x20-\x25\x27-\x7e‘’“”–—…]*")
ODD = re.compile(r"[^\t\n\x20-\x25\x27-\x7e‘’“”–—…]")


# After a letter, the low bytes 0x00-0x08 are what is left of the combining accents
# U+0300-U+0308 ("Socie\x01te\x01" is Société, "Don\x03ana" Doñana, "Du\x08rer"
# Dürer): the accent comes back, composed with its letter.
# (Found from the byte, which then looks back: a pattern that starts with a lookbehind
# is tried at every place of the text.)
LOST_ACCENT = re.compile("[\x00-\x08](?<=[^\\W\\d_][\x00-\x08])")


# A ligature set apart from the rest of its word ("ﬁ rst", "ﬁ rework"): the space
# was the layout's, where the joined form is a word and the ligature does not end
# a word of its own ("staﬀ room").
LIGATURE_BREAK = re.compile("([^\\W\\d_]*)([\ufb00-\ufb04])[ \t]([^\\W\\d_]+)")
# (The pattern starts with letters and is tried at nearly every place of a line: it
# runs only on a line that holds a ligature.)
LIGATURE = re.compile("[\ufb00-\ufb04]")


def _join_ligature(match: re.Match[str]) -> str:
    head, ligature, tail = match.groups()
    first = head + unicodedata.normalize("NFKC", ligature)
    if head and is_word(first) and is_word(tail):
        return match.group()  # "staﬀ room": two words, each whole
    return first + tail if is_word(first + tail) else match.group()


def _lost_byte(match: re.Match[str]) -> str:
    return LOST_HIGH_BYTE.get(ord(match.group()), "\ufffd")


# A document the ocr repair changed is cleaned again, and most of its lines come back
# as they were: a small cache (a document's worth) spares ftfy the second look.
@functools.lru_cache(maxsize=256)
def _fix_line(line: str) -> str:
    import ftfy

    if LOST_ACCENT.search(line):
        line = unicodedata.normalize(
            "NFC", LOST_ACCENT.sub(lambda m: chr(0x300 + ord(m.group())), line)
        )
    if LIGATURE.search(line):
        line = LIGATURE_BREAK.sub(_join_ligature, line)
    # Removing an invisible character can join up mojibake for ftfy to decode, and
    # decoding can reveal invisible characters: repeat until nothing changes.
    fixed = CONTROL.sub(_lost_byte, line)
    fixed = ftfy.fix_text(fixed, _ftfy_config())
    for _ in range(3):
        if not INVISIBLE.search(fixed):
            break
        fixed = ftfy.fix_text(INVISIBLE.sub("", fixed), _ftfy_config())
    return fixed


def fix_unicode(text: str) -> tuple[str, int]:
    """Mojibake, control and width oddities via ftfy; invisible characters removed."""
    if PLAIN.fullmatch(text):
        return text, 0
    count = 0
    parts = []
    done = 0  # the text before this offset is in parts
    hit = ODD.search(text)
    while hit:
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.end())
        end = len(text) if end < 0 else end
        old = text[start:end]
        new = _fix_line(old)
        count += _changed_spans(old, new)
        parts += [text[done:start], new]
        done = end
        hit = ODD.search(text, end)
    return "".join([*parts, text[done:]]), count


# ------------------------------------------------------------- whitespace

# Two or more blanks, or a tab, between words.  Between symbols alone ("OK??:(   `¬´")
# a run of spaces is drawing, not damage, and stays.
_RUN = r"[ \t]*(?: [ \t]|\t)[ \t]*"
SPACE_RUN = re.compile(rf"(?<=[^\W_]){_RUN}(?=\S)|(?<=\S){_RUN}(?=[^\W_])")
TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
# "Republican . And": a space before a lone punctuation mark that ends a word's clause.
# Not the first dot of a spaced ellipsis ("him . . . that").
# (Found from the first blank, which then looks back.)
SPACE_BEFORE_PUNCT = re.compile(
    r"[ \t](?<=[^\W_][ \t])[ \t]*([,.;:!?])(?=\s|$)(?![ \t]+\.)", re.MULTILINE
)
# Cheap tests that tell when a pattern cannot match (most text is clean): a
# substring, or a pattern that starts with a rare character, where the pattern
# itself starts with a lookbehind and is tried at every place of the text.
NEEDS: dict[re.Pattern[str], Callable[[str], bool]] = {
    TRAILING: lambda text: " \n" in text or "\t\n" in text or text.endswith((" ", "\t")),
    BLANK_LINES: re.compile(r"\n[ \t]*\n[ \t]*\n").search,
    SPACE_BEFORE_PUNCT: re.compile(r"[,.;:!?](?<=[ \t][,.;:!?])").search,
    SPACE_RUN: lambda text: "  " in text or "\t" in text,
}


# Old print sets a space before ; : ? and ! as its house style.  A document that
# does so for most of these marks keeps them; elsewhere such a space is damage.
SPACED_MARK = re.compile(r"(?<=[^\W_])[ \t]+[;:!?](?=\s|$)", re.MULTILINE)
# The marks with a blank before them, found from the mark (faster than from the blank).
MARK_AFTER_BLANK = re.compile(r"[;:!?](?<=[ \t][;:!?])(?=\s|$)", re.MULTILINE)
TIGHT_MARK = re.compile(r"[;:!?](?<=[^\W_][;:!?])(?=\s|$)", re.MULTILINE)
SPACE_BEFORE_COMMA_STOP = re.compile(
    r"[ \t](?<=[^\W_][ \t])[ \t]*([,.])(?=\s|$)(?![ \t]+\.)", re.MULTILINE
)


def _spaced_marks(text: str) -> int:
    """``len(SPACED_MARK.findall(text))``: each mark after blanks after a letter."""
    count = 0
    for mark in MARK_AFTER_BLANK.finditer(text):
        start = mark.start() - 1
        while start and text[start - 1] in " \t":
            start -= 1
        count += SPACED_MARK.match(text, start) is not None
    return count


def _space_before_marks_is_house_style(text: str) -> bool:
    spaced = _spaced_marks(text)
    return spaced >= 2 and spaced >= len(TIGHT_MARK.findall(text))


def fix_whitespace(text: str) -> tuple[str, int]:
    count = 0
    before_punct = SPACE_BEFORE_PUNCT
    if NEEDS[SPACE_BEFORE_PUNCT](text) and _space_before_marks_is_house_style(text):
        before_punct = SPACE_BEFORE_COMMA_STOP
    for needs, pattern, replacement in (
        (TRAILING, TRAILING, ""),
        (BLANK_LINES, BLANK_LINES, "\n\n"),
        (SPACE_BEFORE_PUNCT, before_punct, r"\1"),
        (SPACE_RUN, SPACE_RUN, " "),
    ):
        if NEEDS[needs](text):
            text, n = pattern.subn(replacement, text)
            count += n
    return text, count


# ------------------------------------------------------------ lost dashes

# Exactly two spaces between words: where a text lost its dashes ("think of  the
# worlds biggest forest  the longest river") they are the dash's only trace.
LOST_DASH = re.compile(r"(?<=[^\W_]|[,)])  (?=[^\W_]|\()")
DASHES = re.compile("[–—]| - ")


def restore_lost_dashes(text: str) -> tuple[str, int]:
    """Two spaces between words become " – " in a text that has no dash of its own
    and at least two such gaps; elsewhere a double space is a typing slip, and the
    whitespace repair closes it."""
    if "  " not in text or DASHES.search(text):
        return text, 0
    gaps = len(LOST_DASH.findall(text))
    if gaps < 2:
        return text, 0
    return LOST_DASH.sub(" – ", text), gaps


# ------------------------------------------------------- sentence spacing

# "Stockholm.As" -> "Stockholm. As": a lower-case letter, a full stop, then a
# capitalised word.  "U.S.", "e.g.", "3.14" and "Jul.01" never match.
# (Found from the mark, which then looks back: a pattern that starts with a
# lookbehind is tried at every place of the text.)
MISSING_SPACE = re.compile(r"[.!?](?<=[a-z][.!?])(?=[A-Z][a-z])")
TOKEN_MISSING_SPACE = re.compile(r"(?<!\S)\S*?[a-z][.!?][A-Z][a-z]\S*")
ADDRESS = re.compile(r"@|://|\bwww\.|\.(?:com|org|net|gov|edu|io|uk)\b", re.IGNORECASE)


# The word after the dot of a lost sentence space: a common word ("Stockholm.As",
# "governance.Responsibility"), or one the document also writes on its own.
NEXT_WORD = re.compile(r"[^\W\d_]+")
LONE_WORD = re.compile(r"(?<![\w.])[^\W\d_]+(?![\w.])")
COMMON_STARTER = 1e-5


def fix_sentence_spacing(text: str) -> tuple[str, int]:
    """A missing space after a sentence's full stop, where the document shows the damage:
    a name written with a dot ("One.Tel", twice, or before a word nothing else uses)
    stays whole."""
    if not MISSING_SPACE.search(text):
        return text, 0
    count = 0
    seen = Counter(TOKEN_MISSING_SPACE.findall(text))
    words: set[str] | None = None

    def starts_sentence(word: str, end: int) -> bool:
        nonlocal words
        after = NEXT_WORD.match(word, end)
        assert after is not None  # the pattern saw a capitalised word
        if frequency(after.group().lower()) >= COMMON_STARTER:
            return True
        if words is None:
            words = set(LONE_WORD.findall(text))
        return after.group() in words

    def split(word: str) -> str:
        nonlocal count
        parts, done = [], 0
        for stop in MISSING_SPACE.finditer(word):
            if starts_sentence(word, stop.end()):
                parts += [word[done : stop.end()], " "]
                done = stop.end()
                count += 1
        return "".join([*parts, word[done:]])

    def token(match: re.Match[str]) -> str:
        word = match.group()
        if ADDRESS.search(word) or seen[word] > 1:  # URLs, e-mail addresses, names keep dots
            return word
        return split(word)

    return TOKEN_MISSING_SPACE.sub(token, text), count


# ------------------------------------------------------------ quote marks

# A closing mark typed as an opening one at the end of a line: 'Ukraine. “'.
FLIPPED_CLOSE = re.compile(r"(?<=[.!?,…])[ \t]*“[ \t]*$")
# A space before a closing mark: 'consequences. ”'.
# Not after a closing single mark: 'too!’ ”' spaces nested quotes on purpose.
# (Found from the first blank, which then looks back.)
SPACED_CLOSE = re.compile(r"[ \t](?<=[^\s“’'][ \t])[ \t]*”")


def _quote_open(before: str) -> bool:
    """Is a curly double quote open at the end of ``before`` (one line)?"""
    return before.count("“") > before.count("”")


def fix_quotes(text: str) -> tuple[str, int]:
    if "“" not in text and "”" not in text:
        return text, 0
    count = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        flipped = FLIPPED_CLOSE.search(line)
        if flipped and _quote_open(line[: flipped.start()]):
            line = line[: flipped.start()] + "”"
            count += 1
        spaced = SPACED_CLOSE.search(line)
        while spaced and _quote_open(line[: spaced.start()]):
            line = line[: spaced.start()] + "”" + line[spaced.end() :]
            count += 1
            spaced = SPACED_CLOSE.search(line, spaced.start() + 1)
        lines[i] = line
    return "\n".join(lines), count


# ------------------------------------------------------------ hyphenation

# "inter-\nnational": a word broken with a hyphen at the end of a line.  Only the
# break is matched, so that chains ("a-\nb-\nc") are all found in one pass.
# (Found from the hyphen, which then looks back: a pattern that starts with a
# lookbehind is tried at every place of the text.)
LINE_BREAK_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)[ \t]*\n[ \t]*(?=[^\W\d_])")
LETTERS_AT = re.compile(r"[^\W\d_]+")


# Both halves words ("cease-fire", "north-west", "anti-abortion"): a compound unless
# the joined word is about as common as its rarer half ("under-stand", "re-port") or
# common in itself ("with-out").
JOINED_SHARE = 0.3
COMMON_JOINED = 1e-4
HALF_WORD = 1e-6
# (From a word's start only: tried inside a word, the pattern backtracks over it.)
HYPHENATED = re.compile(r"(?<![^\W\d_])[^\W\d_]+-[^\W\d_]+")
WORDS = re.compile(r"[^\W\d_]+")


def _is_compound(head: str, tail: str, hyphenated: set[str], words: set[str]) -> bool:
    """Is ``head-tail``, broken at a line end, a compound that keeps its hyphen?

    The document's own usage decides first (it writes "to-day" or "today" elsewhere),
    then the word list and word frequencies."""
    joined = (head + tail).lower()
    if f"{head}-{tail}".lower() in hyphenated:
        return True
    if joined in words:
        return False
    if not tail[0].islower():
        return True  # "pro-\nRussian"
    head_share, tail_share = frequency(head.lower()), frequency(tail.lower())
    if not is_word(joined):
        # "well-\nknown" stays; "recog-\nnisance" has no word on either side
        return any(is_word(half) or frequency(half.lower()) >= 1e-7 for half in (head, tail))
    halves = min(head_share, tail_share)
    if len(head) < 2 or halves < HALF_WORD:
        return False  # "govern-\nment"
    share = frequency(joined)
    return share < COMMON_JOINED and share < JOINED_SHARE * halves


def fix_hyphenation(text: str) -> tuple[str, int]:
    """Join words hyphenated across a line break; keep the hyphen of real compounds."""
    if not LINE_BREAK_HYPHEN.search(text):
        return text, 0
    # The document's own spellings: hyphenated within a line, and whole words.
    hyphenated = {h.lower() for h in set(HYPHENATED.findall(text))}
    words = {w.lower() for w in set(WORDS.findall(text))}

    def join(match: re.Match[str]) -> str:
        start = match.start()
        head_start = start - 1
        while head_start and text[head_start - 1].isalpha():  # a backward regex scan would
            head_start -= 1  # start from the text's beginning each time
        tail = LETTERS_AT.match(text, match.end())
        assert tail is not None  # the lookahead saw a letter
        if _is_compound(text[head_start:start], tail.group(), hyphenated, words):
            return "-"
        return ""  # "inter-\nnational": the hyphen was the line break's

    return LINE_BREAK_HYPHEN.subn(join, text)
