"""Who is speaking: reporting clauses, names, titles and pronouns.

The patterns are bounded (every repetition has a small upper limit and they
run over short windows next to a quote), so they cannot backtrack badly.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from corpus_tool_quotes.lexicon import NOT_NAMES, PRONOUNS, REPORTING_VERBS, TITLES

_SP = r"[^\S\n]+"  # spaces that stay on the line

_UPPER = "A-Z" + "".join(
    ch for ch in map(chr, range(0xC0, 0x530)) if ch.isupper() and ch.isalpha()
)
_ABBREVIATIONS = r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Col|Capt|Lt|Sgt|Rev|St|Jr|Sr)\."
# One capitalised word of a name: Lavrov, Botsan-Kharchenko, O’Brien, U.S., Mr., F.
_TOKEN = (
    rf"(?:(?:[A-Z]\.){{2,}}|{_ABBREVIATIONS}|[{_UPPER}]\.(?={_SP}[{_UPPER}])"
    rf"|[{_UPPER}][^\W\d_]*(?:[-'’][^\W\d_]+)*)"
)
_CONNECTOR = r"(?:of|the|and|for|de|del|della|van|von|der|den|da|di|du|la|le|al|bin|ibn|el)"
_NAME = rf"{_TOKEN}(?:{_SP}(?:{_CONNECTOR}{_SP}){{0,2}}{_TOKEN}){{0,7}}"
_DET = r"(?:[Tt]he|[Aa]n?)"
# "the government", "a spokesman for the ministry"
_NOUN_PHRASE = rf"{_DET}{_SP}(?:[a-z][\w\-]*{_SP}){{0,3}}?[a-z][\w\-]*"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
_SPEAKER = rf"(?:{_PRONOUN}|(?:{_DET}{_SP})?{_NAME}|{_NOUN_PHRASE})"
_VERB = r"(?:" + "|".join(sorted(REPORTING_VERBS, key=len, reverse=True)) + r")"
_AUX = r"(?:has|have|had|was|were|is|are|will|would|also|later|then|again|once|[a-z]+ly)"

# "Mr. Lavrov said", "he has also stressed", "the ministry noted"
SPEAKER_VERB = re.compile(
    rf"\b(?P<speaker>{_SPEAKER}){_SP}(?:{_AUX}{_SP}){{0,2}}(?P<verb>{_VERB})\b"
)
# "said John Herbst", "added the minister" (only right after a quote)
VERB_SPEAKER = re.compile(
    rf"(?P<verb>{_VERB}){_SP}(?P<speaker>(?:{_DET}{_SP})?{_NAME}|{_NOUN_PHRASE}|{_PRONOUN})\b"
)
# What may stand between a closing mark and its attribution: ,” he said
AFTER_QUOTE = re.compile(r"[^\S\n]*[,;—–-]?[^\S\n]*")
# Speakers named without a reporting verb.
ACCORDING_TO = re.compile(
    rf"\b(?:[Aa]ccording{_SP}to|[Ii]n{_SP}(?P<poss>his|her|their){_SP}(?:opinion|view|words))"
    rf"(?:{_SP}(?P<speaker>(?:{_DET}{_SP})?{_NAME}|him|her|them))?"
)
# Only named speakers are remembered for pronouns.
NAMED_SPEAKER = re.compile(
    rf"(?<![\w’'])(?P<speaker>{_NAME}){_SP}(?:{_AUX}{_SP}){{0,2}}(?P<verb>{_VERB})\b"
)


@dataclass(frozen=True)
class Speaker:
    """A speaker as found in the text: ``name`` is cleaned, ``start``/``end`` locate it."""

    name: str
    start: int | None
    end: int | None
    verb: str | None
    pronoun: bool = False


def clean_name(phrase: str, offset: int) -> tuple[str, int, int]:
    """The name in a speaker phrase without titles: "Secretary of State Antony Blinken"
    gives "Antony Blinken"; an organisation's name stays whole."""
    tokens = [(m.group(), m.start()) for m in re.finditer(r"\S+", phrase)]
    while tokens and tokens[0][0].lower() in NOT_NAMES and len(tokens) > 1:
        tokens.pop(0)  # "The", "But" opening the sentence
    if not tokens[0][0][:1].isupper():  # "the government": a description, kept as written
        first = tokens[0][1]
        return phrase[first:], offset + first, offset + len(phrase)
    # The longest run from the right with no title in it; a connector ends the run
    # only when a title stands before it ("Secretary of State").
    keep = len(tokens)
    i = len(tokens) - 1
    while i >= 0:
        word = tokens[i][0].lower()
        if word in TITLES:
            break
        if word in {"of", "the", "and", "for"} and (i == 0 or tokens[i - 1][0].lower() in TITLES):
            break
        keep = i
        i -= 1
    if keep == len(tokens):  # nothing but titles: "President"
        keep = 0
    while keep < len(tokens) - 1 and tokens[keep][0].lower() in {"of", "the", "and", "for"}:
        keep += 1
    first = tokens[keep][1]
    return phrase[first:], offset + first, offset + len(phrase)


@cache
def _fuller_form(surname: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w’']){_TOKEN}(?:{_SP}{_TOKEN}){{0,3}}{_SP}{re.escape(surname)}\b")


class Speakers:
    """The speakers of one document: full names and pronoun resolution.

    Named speakers are found lazily (only when a pronoun needs one), in one scan.
    """

    def __init__(self, text: str, quoted: list[tuple[int, int]]) -> None:
        self.text = text
        self.quoted = quoted  # spans inside quotes: names there are not speakers
        self._scanned: list[tuple[int, str]] | None = None
        self._attributed: list[tuple[int, str]] = []  # (offset, name) from attributions
        self._full: dict[str, str] = {}

    def full_name(self, name: str) -> str:
        """The fullest form of a one-word name used in the document (Lavrov -> Sergey Lavrov)."""
        if " " in name or not name[:1].isupper():
            return name
        if name not in self._full:
            best = name
            for match in _fuller_form(name).finditer(self.text):
                candidate, _, _ = clean_name(match.group(), 0)
                words = candidate.split()
                if words[-1] == name and len(words) > len(best.split()) and all(
                    w.lower() not in NOT_NAMES for w in words
                ):
                    best = candidate
            self._full[name] = best
        return self._full[name]

    def remember(self, offset: int, name: str) -> None:
        """Record a named speaker at ``offset`` (attributions arrive in text order)."""
        self._attributed.append((offset, name))

    def last_named(self, offset: int) -> str | None:
        """The person last named as a speaker before ``offset``."""
        if self._scanned is None:
            self._scanned = self._scan()
        found: list[tuple[int, str]] = []
        for mentions in (self._scanned, self._attributed):
            i = bisect.bisect_left(mentions, (offset, ""))
            if i:
                found.append(mentions[i - 1])
        return max(found)[1] if found else None

    def _scan(self) -> list[tuple[int, str]]:
        starts = [s for s, _ in self.quoted]
        mentions = []
        for match in NAMED_SPEAKER.finditer(self.text):
            pos = match.start()
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0 and pos < self.quoted[i][1]:
                continue  # inside a quotation
            name, _, _ = clean_name(match.group("speaker"), pos)
            if name.lower() not in NOT_NAMES and name[:1].isupper():
                mentions.append((pos, self.full_name(name)))
        return mentions

    def resolve(self, phrase: str, start: int, verb: str | None) -> Speaker | None:
        """A speaker phrase found at ``start`` as a Speaker, pronouns resolved."""
        if phrase.lower() in PRONOUNS:
            name = self.last_named(start)
            return Speaker(name, None, None, verb, pronoun=True) if name else None
        name, s, e = clean_name(phrase, start)
        if name.lower() in NOT_NAMES:
            return None
        name = self.full_name(name)
        if name[:1].isupper():
            self.remember(start, name)
        return Speaker(name, s, e, verb)
