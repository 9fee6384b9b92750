"""Who is speaking: reporting clauses, names, titles and pronouns.

The patterns are bounded (every repetition has a small upper limit) and run
over short windows, so they cannot backtrack badly.  A document's reporting
clauses are found in one pass anchored on the reporting verbs (a fast regular
expression built as a trie), then looked up by offset.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from corpus_tool_quotes.lexicon import (
    BASE_VERBS,
    DOCUMENT_NOUNS,
    INVERTIBLE_VERBS,
    KIN,
    NOT_NAMES,
    NOT_PERSON_WORDS,
    ORGANISATIONS,
    PEOPLE_WORDS,
    PLURAL_NOUNS,
    PRONOUNS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
    TIME_WORDS,
    TITLES,
)


def trie_regex(words: frozenset[str] | set[str]) -> str:
    """An alternation of ``words`` factored by common prefixes: re tries far fewer branches."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body  # a word may end here

    return f"(?:{emit(trie)})"


class LazyPattern:
    """A regular expression compiled when first used.

    The patterns built of names take milliseconds each to compile, and those for rarer
    constructions may serve no document of a run: a short run need not pay for them."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, pos, endpos)


_SP = r"[^\S\n]++"  # spaces that stay on the line (possessive: never given back)


def _class_ranges(chars: list[str]) -> str:
    """The characters for a regex class, runs of consecutive ones as ranges (À-Ö): the
    class is used in many patterns, and a shorter one compiles faster."""
    runs: list[list[str]] = []
    for ch in chars:
        if runs and ord(ch) == ord(runs[-1][1]) + 1:
            runs[-1][1] = ch
        else:
            runs.append([ch, ch])
    return "".join(a if a == b else f"{a}-{b}" for a, b in runs)


_UPPER = "A-Z" + _class_ranges(
    [ch for ch in map(chr, range(0xC0, 0x530)) if ch.isupper() and ch.isalpha()]
)
_TITLE_WORDS = frozenset(
    (
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "Gen",
        "Sen",
        "Rep",
        "Gov",
        "Col",
        "Capt",
        "Lt",
        "Sgt",
        "Rev",
        "St",
        "Jr",
        "Sr",
    )
)
_ABBREVIATIONS = rf"(?:{'|'.join(sorted(_TITLE_WORDS))})\."
# One capitalised word of a name: Lavrov, Botsan-Kharchenko, O’Brien, U.S., Mr., F.
# (An initial and a word share their capital: the long class is compiled once the fewer
# for each of the many names in the patterns.)
_TOKEN = (
    rf"(?:(?:[A-Z]\.){{2,}}|{_ABBREVIATIONS}"
    rf"|[{_UPPER}](?:\.(?={_SP}[{_UPPER}])|[^\W\d_]*+(?:[-'’][^\W\d_]++)*+)"
    rf"|(?:al|el|ad|ash|abu|ibn|bin|ben)-[{_UPPER}][^\W\d_]*)"  # el-Kadiri
)
_CONNECTOR = r"(?:of|the|and|for|de|del|della|van|von|der|den|da|di|du|la|le|al|bin|ibn|el)"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|la|le|al|el|bin|ibn|ter|ten)"
_NAME = (
    rf"(?:{_PARTICLE}{_SP}){{0,2}}{_TOKEN}"  # de Klerk, van Otterdijk
    rf"(?:{_SP}(?:{_CONNECTOR}{_SP}){{0,2}}{_TOKEN}){{0,7}}"
)
# A determiner, or a possessive name in its place: Campbell’s partner, the union's president
_DET = (
    rf"(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur"
    rf"|[{_UPPER}][^\W\d_]*+[’']s)"
)
# Words that join clauses or stand for someone: never inside a description, and no
# description ends in a preposition (its cultural heritage and, a bit embarrassed to).
_CLAUSAL = r"(?:and|or|but|that|which|who|he|she|it|they|we|i|you|said|says)"
_NOT_HEAD = rf"(?:{_CLAUSAL}|to|by|in|on|at|of|for|from|with|as|into|than|first|the|an?)"
# "the government", "a spokesman for the ministry", "the lanky, bespectacled professor"
_NOUN_PHRASE = (
    rf"{_DET}{_SP}(?:(?!(?:{_CLAUSAL}|the|an?)\b)[\w\-’']++,?{_SP}){{0,3}}?"
    rf"(?!{_NOT_HEAD}\b)[a-z][\w\-]*+\b"
)
# The same after its verb, as long as it goes up to the end of the clause, and with no
# comma (one would start an apposition): said the rookie defenceman, brother of ...
_WHOLE_NOUN_PHRASE = (
    rf"{_DET}{_SP}(?:(?!{_CLAUSAL}\b)[\w\-’']++{_SP}){{0,4}}(?!{_NOT_HEAD}\b)[a-z][\w\-]*+\b"
)
# Where a speaker phrase after its verb ends: a stop, a relative clause, an adverbial.
_PHRASE_END = (
    r"(?=[^\S\n]*(?:[.,;:!?)—–\n]|\Z|(?:who|whose|which|on|in|at|of|after|during|before"
    r"|about|when|while|as)\b))"
)
# Words of a role standing before a name: UFCW Local 832 president, then-mayoral
# candidate, Campbell’s partner (no clause word and no preposition: "manager of X" is X's).
_ROLE_WORD = (
    rf"(?!(?:{_CLAUSAL}|of|at|for|from|in|on|with|by|to|as|into|than|about|after|before"
    rf"|over|during|against|since|through|the|an?)\b)"
    rf"(?:{_NAME}|[\w\-’'&]++)"
)
_ROLE_AND_NAME = rf"(?:{_DET}{_SP})?(?:{_ROLE_WORD}{_SP}){{1,6}}?{_NAME}"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
_SPEAKER = rf"(?:{_PRONOUN}|(?:{_DET}{_SP})?{_NAME}|{_NOUN_PHRASE})"
# Jane Smith, a professor at Oxford, said / Dana Ruiz, director at the U.S.-based X, said
_APPOSITION = r"(?:(?:,(?:[^,.;:“”\"\n]|\.(?=\S)){1,140}+){1,2},)"
_VERB = trie_regex(REPORTING_VERBS)
_AUX = r"(?:has|have|had|was|were|is|are|will|would|also|later|then|again|once|[a-z]+ly)"
_AUXES = rf"(?:{_AUX}{_SP}){{0,2}}"

VERB = re.compile(rf"\b{_VERB}\b")
# Right after a closing mark: ,” Mr. Lavrov said / ,” he has also stressed
SPEAKER_VERB = re.compile(
    rf"(?P<speaker>{_SPEAKER}|{_ROLE_AND_NAME}|[Ii]t(?!{_SP}(?:is|was)\b))"  # not "it is said"
    rf"(?P<apposition>{_APPOSITION})?{_SP}{_AUXES}(?P<verb>{_VERB})\b"
)
# Right after a closing mark: ,” said John Herbst / ,” added the minister
VERB_SPEAKER = re.compile(
    rf"(?P<verb>{_VERB})(?:{_SP}(?:out|back|up))?{_SP}(?P<speaker>{_ROLE_AND_NAME}{_PHRASE_END}"
    rf"|{_WHOLE_NOUN_PHRASE}{_PHRASE_END}|(?:{_DET}{_SP})?{_NAME}|{_NOUN_PHRASE}|{_PRONOUN})\b"
    rf"(?![’'])(?P<apposition>,{_SP}{_NAME}(?=[^\S\n]*(?:[.,;]|\Z)))?"
)
# Right after a closing mark: ,” former presidential rival, Bobby Jindal, told
DESCRIBED_SPEAKER = LazyPattern(
    rf"(?:[a-z][\w\-]*{_SP}){{0,4}}[a-z][\w\-]*,{_SP}(?P<speaker>{_NAME}),{_SP}{_AUXES}"
    rf"(?P<verb>{_VERB})\b"
)
# A sentence opening with a role and a name, then its verb: Ministry spokeswoman Hua Lin shot
SUBJECT_WITH_ROLE = LazyPattern(rf"(?P<speaker>{_ROLE_AND_NAME}|{_NAME})(?={_SP}[a-z])")
# A sentence naming someone's words before a colon: Carle’s conclusion: / His verdict:
SPEECH_OWNER = LazyPattern(
    rf"(?:(?P<speaker>(?:[{_UPPER}][^\W\d_]+{_SP}){{0,2}}[{_UPPER}][^\W\d_]*+)[’']s"
    rf"|(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir)){_SP}(?:[a-z]+{_SP})?"
    rf"{trie_regex(SPEECH_NOUNS)}[^\S\n]*:[^\S\n]*\Z"
)
# What may stand between a closing mark and its attribution.
AFTER_QUOTE = re.compile(r"’?[^\S\n]*[,;—–-]?[^\S\n]*")  # ’ ends a closing pair ’’
# How a subject may open: with a capital, or with a pronoun, a determiner or a particle in
# lower case (the words _SPEAKER opens with).  The search tries every word before the
# verb, and most are none of these: a look at the word spares trying the whole pattern.
_OPENING_WORDS = trie_regex(
    {"he", "she", "they", "the", "a", "an", "another", "one", "his", "her", "their", "its"}
    | {"my", "our", "al", "el", "ad", "ash", "abu", "ibn", "bin", "ben"}
    | set(_PARTICLE[3:-1].split("|"))
)
_SUBJECT_OPENS = rf"(?=[^\W\d_a-z]|{_OPENING_WORDS}\b)"
# The subject of a reporting verb, found backwards from the verb.
_SUBJECT = re.compile(
    rf"(?<![\w’']){_SUBJECT_OPENS}(?P<speaker>{_SPEAKER})(?P<apposition>{_APPOSITION}|,{_SP}who)?{_SP}{_AUXES}\Z"
)
# One part of an apposition that names someone: ", Ross Anderson," / ", former teacher
# Winnie Robertson," (but not ", in the Northwest Territories,")
_NAMED_PART = LazyPattern(
    rf"{_SP}(?:(?!(?:in|at|of|from|for|on|with|by|to)\b)[\w\-’']+{_SP}){{0,4}}?(?P<name>{_NAME})"
)
# An -ing form reports speech only after a form of "be": he was saying (not: Cerf, warning)
_PROGRESSIVE = re.compile(rf"\b(?:is|are|was|were|been|be)[^\S\n]+{_AUXES}\Z")
# An inverted clause in running text: says Ingabire, ...
_INVERTED = re.compile(
    rf"{_SP}(?P<speaker>{_ROLE_AND_NAME}{_PHRASE_END}|(?:[Tt]he{_SP})?{_NAME}"
    rf"|{_WHOLE_NOUN_PHRASE}(?=,))\b"  # "..., says the novelist, “...”"
)
# Speakers named without a reporting verb.
# (This one and the next few read their first letter before looking back at the one
# before it: a pattern opening with a character class or a letter is scanned fast.)
ACCORDING_TO = re.compile(
    rf"[AaIi](?<!\w.)(?:(?<=[Aa])ccording{_SP}to{_SP}"
    rf"(?P<speaker>(?:{_DET}{_SP})?{_NAME}|him|her|them)"
    rf"|(?<=[Ii])n{_SP}(?P<poss>his|her|their){_SP}(?:opinion|view|words))"
)
_FORENAMES = re.compile(rf"(?:{_TOKEN}{_SP}){{1,3}}\Z")
_APPOSITION_AFTER = re.compile(r",[^\S\n]+(?:\d|[a-z])")
_ARTICLE = re.compile(rf"(?:(?:[Tt]he|An?){_SP})?")  # "The RSPCA", "A WWF report"
# ", 58, a nurse at the clinic," between a name opening a sentence and its verb
_SUBJECT_APPOSITION = re.compile(rf"(?:,{_SP}[^,.;:“”\"\n]{{1,140}}){{1,2}},")
_AFTER_CLOSE = re.compile(r"[^\S\n]*[,;—–-]?[^\S\n]*")  # between a quote and its clause
_FRONTED_CLAUSE = re.compile(
    r"[^\S\n]*(?:After|When|While|Although|Though|Because|As|Since|If|Before|Once|Until"
    r"|For|Like|Unlike|Despite)\b"
)
# "across Canada", "in Edmonton": a place, not a surname used alone
_PLACE_BEFORE = re.compile(
    r"\b(?:in|across|at|throughout|into|within|around|near|outside)[^\S\n]+\Z"
)
# "the mayor of Dunmore", "a spokesman for Oxfam": a name governed by a preposition
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|for|at|from|with)[^\S\n]+\Z")
# "a woman called Cynthia, who": a name, then the clause goes on
_NAME_GIVEN = re.compile(rf"{_SP}{_NAME}[^\S\n]*[,.;)]")
_ROMAN = re.compile(r"[IVX]+")
# "the Taliban", "the Kremlin": a person's surname takes no article
_ARTICLE_BEFORE = re.compile(r"\b[Tt]he[^\S\n]+\Z")
_TITLE_BEFORE_STOP = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\Z")
# A sentence's end (not after Mr, Ms, Mrs, Dr) or a line's.  Its character is read first
# and the title looked for behind it: a pattern opening with a class is scanned fast.
_SENTENCE_BREAK = re.compile(
    r"[.!?…\n](?:(?<=\n)|(?<!\bMr.)(?<!\bMs.)(?<!\bMrs.)(?<!\bDr.)[”\"’]?[^\S\n]+)"
)
# Someone named with a forename: Junior Smart, Rebecka Singerer, Ava Baumgartner.  The
# capital comes first and the look back at the character before it second: a pattern
# opening with a character class lets the regex engine skip to the next capital fast.
_CAPITALISED = rf"[{_UPPER}][^\W\d_]+(?:[-’'][^\W\d_]+)?"
_FIRST_CAPITALISED = rf"[{_UPPER}](?<![\w’'].)[^\W\d_]+(?:[-’'][^\W\d_]+)?"
_PERSON = re.compile(rf"{_FIRST_CAPITALISED}(?:{_SP}{_CAPITALISED}){{0,3}}\b")
# _PERSON's matches of two words or more, without stopping at every capital alone (but see
# Speakers._person_runs)
_RUN = re.compile(rf"{_FIRST_CAPITALISED}(?:{_SP}{_CAPITALISED}){{1,3}}\b")
_LOWER_WORD = re.compile(rf"{_SP}[a-z]")
_CLAUSE_BREAK = re.compile(r"[^\S\n]*(?:[,.;:]|\n|\Z)")
_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)?")
_LETTER = re.compile(r"[^\W\d_]")
_JOINER = re.compile(r"[-’']")
# A run of letters and the joiners _WORD may take inside a word: no word crosses its ends
_CHAIN = re.compile(r"(?:[^\W\d_]|[-’'])+")
_CHAIN_CHAR = re.compile(r"[^\W\d_]|[-’']")


def _word_at(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one of the words _WORD finds in the whole text.

    _WORD splits a run of letters and joiners (a-b-c) the same way wherever it starts
    reading, so only that run is split again."""
    first = start
    while first > 0 and _CHAIN_CHAR.match(text, first - 1):
        first -= 1
    chain = _CHAIN.match(text, start)
    last = chain.end() if chain else start
    return any(m.span() == (start, end) for m in _WORD.finditer(text, first, last))


_LOOKBACK = 220  # characters searched before a verb for its subject with an apposition
_SHORT_LOOKBACK = 100  # and without one
_PEOPLE_WINDOW = 2000  # how far back a pronoun looks for a person who is no speaker yet
# Determiners a description of someone opens with: "his colleague", "the firm's director"
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my"})
_DETERMINERS = _POSSESSIVE_DETERMINERS | {"the", "a", "an"}
# The determiners and commas around a title: "the union's president," -> "union's president"
_ROLE_TRIM = re.compile(r"^(?:(?:[Tt]he|[Aa]n?|Mr|Mrs|Ms|Miss)\.?\s+)|[\s,]+$")


def _role(words: str) -> str | None:
    """A speaker's role as written before or after the name, without its article and
    the capital a sentence gave its first word ("His colleague Dr" -> "his colleague Dr")."""
    role = _ROLE_TRIM.sub("", _ROLE_TRIM.sub("", words).strip())  # "Mr. " and " the x"
    if role.split(" ", 1)[0].lower() in _POSSESSIVE_DETERMINERS:
        role = role[0].lower() + role[1:]
    return role or None


# ", 62, a retired nurse," after a name: the words of its apposition
# (a stop only inside a word or after an initial: "former U.S. ambassador", "ecigs.co.uk")
_APPOSITION_TEXT = re.compile(
    r",[^\S\n]+((?:[^,.;:“”\"\n]|\.(?=[^\W\d_])|(?<=\b[A-Z])\.){1,80})"
)
# "a statement released by the Prime Minister's Office", "a statement from the EU"
_ISSUED_BY = LazyPattern(
    rf"{_SP}(?:(?:released|issued|sent|posted|published){_SP})?(?:by|from){_SP}"
    rf"(?P<name>(?:[Tt]he{_SP})?{_NAME})"
)
# Nouns that describe a person: the US president, an American woman, one fan; and so
# may stand before "of" in a description of someone speaking: the head of the agency,
# a member of the public, one of the organisers
_PERSON_NOUNS = TITLES | KIN | PEOPLE_WORDS
_PRONOUN_SOON = re.compile(r"[^\S\n]+[a-z][^.!?\n]{0,120}?\b(?:he|she)\b")
_BLOCK = 500  # people are found block by block, where pronouns need them
_GENDER_REACH = 250  # how far after a name a "he" or "she" is taken to be that person
_GENDER_OF = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_SUBJECT_PRONOUN = re.compile(r"[HhSs](?<!\w.)(?:(?<=[Hh])e|(?<=[Ss])he)\b")  # he, she
_HONORIFIC_BEFORE = re.compile(rf"\b(Mr|Mrs|Ms|Miss)\.?{_SP}\Z")
_HONORIFIC = re.compile(rf"(?P<title>M(?<!\w.)(?:r|rs|s|iss))\.?{_SP}(?P<name>[{_UPPER}][^\W\d_]+)")


# Words after which a run of capitalised words starts a person's name, never inside one
_NO_NAME_WORDS = TITLES | NOT_PERSON_WORDS | ORGANISATIONS


@functools.lru_cache(maxsize=4096)
def _person_like(name: str) -> bool:
    """Whether a name may be a person's: no conjunction, no acronym (RCMP), no word of an
    institution or a place (Youth Council, Christmas Day)."""
    words = name.split()
    return (
        bool(words)
        and name[:1].isupper()
        and not any(
            (len(w) > 1 and w.isupper() and w.isalpha() and not _regnal(w, i))
            or w.lower() in ORGANISATIONS
            or w.lower() in NOT_PERSON_WORDS
            or w in ("and", "&")
            or w.lower() in NOT_NAMES
            for i, w in enumerate(words)
        )
    )


def _regnal(word: str, index: int) -> bool:
    """Whether a word after the first is a regnal number: Benedict XVI, Elizabeth II."""
    return index > 0 and _ROMAN.fullmatch(word) is not None


@functools.lru_cache(maxsize=4096)
def _institution_like(name: str) -> bool:
    """Whether a name may be an institution's: capitalised, one name (no "and"), and no
    person's (see _person_like)."""
    return name[:1].isupper() and " and " not in name and not _person_like(name)


def _name_candidate(phrase: str) -> tuple[str, ...]:
    """The words of a phrase that may name a person as far as the words alone tell,
    () when they cannot (see Speakers._name_words for what the text adds)."""
    words = phrase.split()
    while words and (words[0].lower() in NOT_NAMES or words[0].lower() in TITLES):
        words.pop(0)  # "When Larry Pizzi", "Dr Christopher Murray"
    for i in range(len(words) - 3, -1, -1):
        if words[i].lower() in _NO_NAME_WORDS:
            # "Conservative Leader Andrew Scheer", "The Canadian Press Kevin Vickers"
            words = words[i + 1 :]
            break
    if len(words) > 3:
        words = words[-2:]  # "Getty Images Kevin Vickers": a credit before the name
    while words and words[0].lower() in TITLES:
        words.pop(0)  # "Serbian Foreign Minister Serrakovic": the title left after the cut
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1].endswith(("’s", "'s")):  # "Lost Love’s Douville"
            words = words[i:]
            break
    if (
        any(  # Unlimited BBM (but Benedict XVI)
            w.lower() in NOT_NAMES or (w.isupper() and not _regnal(w, i))
            for i, w in enumerate(words)
        )
        or (words and words[-1].lower() in TITLES)  # Hoxton Analytics CEO
        or (words and words[-1].endswith(("’s", "'s")))  # Margaret Allen’s class
    ):
        return ()
    return tuple(words)


_BOUNDARY = re.compile(r"\b")


def _after_space(text: str, word: str) -> list[int]:
    """Where ``word`` stands after a space and before a word boundary, as a regex
    opening with a lookbehind on the space finds it, but with str.find (that regex
    tries every offset of the text)."""
    found = []
    size = len(word)
    pos = text.find(word, 1)
    while pos >= 0:
        if text[pos - 1].isspace() and _BOUNDARY.match(text, pos + size):
            found.append(pos)
            pos = text.find(word, pos + max(size, 1))
        else:
            pos = text.find(word, pos + 1)
    return found


_CAPITAL = re.compile(f"[{_UPPER}]")


def _capital_before(text: str, lo: int, hi: int) -> bool:
    """Whether the word before the spaces that end at ``hi`` holds a capital within
    text[lo:hi]: every token of _FORENAMES holds one, so that search cannot succeed
    without (and costs far more than this look)."""
    end = hi
    while end > lo and text[end - 1] != "\n" and text[end - 1].isspace():
        end -= 1
    start = end
    while start > lo and not text[start - 1].isspace():
        start -= 1
    return _CAPITAL.search(text, start, end) is not None


def _barrier(text: str, lo: int, hi: int) -> int:
    """Where the search for a subject ending at ``hi`` may start, at ``lo`` or later.

    Same matches, fewer attempts: a subject (see _SUBJECT) never holds one of
    ; : “ ” " nor a full stop followed by a space other than an initial's (U.S., F.)
    or a title's (Mr.), so it starts after the last of them.
    """
    start = max(  # one rfind per character, written out: this runs for every verb
        lo,
        text.rfind(";", lo, hi) + 1,
        text.rfind(":", lo, hi) + 1,
        text.rfind("“", lo, hi) + 1,
        text.rfind("”", lo, hi) + 1,
        text.rfind('"', lo, hi) + 1,
    )
    stop = text.rfind(".", start, hi)
    while stop > start:
        before = text[max(start, stop - 4) : stop].split()  # the title, if it is one
        if (
            not text[stop - 1].isupper()
            and (not before or before[-1] not in _TITLE_WORDS)
            and text[stop + 1 : stop + 2].isspace()  # "D-Calif.," stays inside an apposition
        ):
            return stop + 1
        stop = text.rfind(".", start, stop)
    return start


def _last_break(text: str, lo: int, hi: int) -> int | None:
    """The end of the last match of _SENTENCE_BREAK within text[lo:hi], found backwards
    (a search forwards from ``lo`` would read the whole span each time)."""
    pos = hi
    while pos > lo:
        cut = max(  # written out, not a generator: this runs for every pronoun
            text.rfind(".", lo, pos),
            text.rfind("!", lo, pos),
            text.rfind("?", lo, pos),
            text.rfind("…", lo, pos),
            text.rfind("\n", lo, pos),
        )
        if cut < 0:
            return None
        if text[cut] == "\n":
            return cut + 1
        end = cut + 1
        if text[end : end + 1] in ("”", '"', "’") and end < hi:
            end += 1
        spaces = end
        while spaces < hi and text[spaces] in " \t\u00a0":
            spaces += 1
        following = text[spaces : spaces + 2].lstrip("“\"‘")[:1]
        if (
            spaces > end
            and not _TITLE_BEFORE_STOP.search(text, max(0, cut - 4), cut)
            and not following.islower()  # lost 16 lbs. “and two belt loops”
        ):
            return spaces
        pos = cut
    return None


def _disagrees(subject: re.Match[str], verb: str) -> bool:
    """Whether a verb in its base form follows a singular description with no auxiliary
    between (a vehement protest, the annual report, India’s most sensitive state): the
    verb is then a noun."""
    words = subject.group().split()
    return (
        verb in BASE_VERBS
        and not subject.group("apposition")
        and len(words) <= 3
        and (
            words[0].lower() in ("a", "an", "the", "this", "that", "one")
            or words[0].endswith(("’s", "'s"))
        )
        and not words[-1].endswith("s")
        and words[-1].lower() not in PLURAL_NOUNS
    )


def _names_someone(subject: re.Match[str], verb: re.Match[str]) -> bool:
    """Whether "called" or "named" after an indefinite description gives its name:
    a woman called Cynthia, a man named Tom Reed (not: he called Trump “a liar”)."""
    return (
        verb.group() in ("called", "named")
        and subject.group().split()[0].lower() in ("a", "an", "one", "another")
        and _NAME_GIVEN.match(verb.string, verb.end()) is not None
    )


class Cue(NamedTuple):
    """A reporting clause in the text: ``speaker`` as written, ``pos`` where the clause starts.

    Cue and Speaker are named tuples: made by the hundred per document, they cost less
    than dataclasses."""

    pos: int
    end: int  # just after the verb
    speaker: str
    speaker_start: int
    verb: str


class Speaker(NamedTuple):
    """A resolved speaker: ``name`` cleaned, ``start``/``end`` where it is named (None for
    pronouns)."""

    name: str | None  # None: a pronoun with nobody named before it
    start: int | None
    end: int | None
    verb: str | None
    surface: str | None = None  # as the text names them: "he", "the mayor", "Lavrov"
    role: str | None = None  # the title or description given with the name


def _time_phrase(words: list[str]) -> bool:
    """Whether lower-case words name a time: the next day, a few years ago (or back)."""
    if words[-1] in ("back", "later", "earlier", "before") and len(words) > 1:
        return words[-2] in TIME_WORDS
    return words[-1] in TIME_WORDS


@functools.lru_cache(maxsize=4096)
def _is_name(name: str) -> bool:
    """Whether a cleaned speaker is someone's name: not a description ("the report"),
    a sentence's first word ("However"), a contraction (I’ve) or a possessive."""
    first = re.split(r"[’']", name.split()[0])[0].lower() if name.strip() else ""
    return (
        name[:1].isupper()
        and first not in NOT_NAMES
        and name.lower() not in NOT_NAMES
        and name.lower() not in PRONOUNS
        and not any(word.endswith(("’s", "'s")) for word in name.split())  # Bolivia’s president
    )


def _named_part(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first part of the apposition text[start:end] (",...,...,") that is a name."""
    part_start = start + 1
    while part_start < end:
        part_end = text.find(",", part_start, end)
        if part_end < 0:
            part_end = end
        match = _NAMED_PART.fullmatch(text, part_start, part_end)
        if match and " and " not in match.group("name"):  # Bob Dylan and Luciano Pavarotti
            return match
        part_start = part_end + 1
    return None


def speaker_of(match: re.Match[str]) -> tuple[str, int]:
    """The speaker phrase of a clause and its offset: the name in its apposition when the
    phrase itself is only a description or an office ("The UK Environment Secretary,
    Elizabeth Truss, said", "One of the team, Ross Anderson, said")."""
    speaker, start = match.group("speaker"), match.start("speaker")
    if match.groupdict().get("apposition"):
        name = clean_name(speaker, 0)[0]
        words = speaker.lower().split()
        # "the Archbishop of Wales, Barry Morgan, said": an office of a place
        office = any(w in TITLES and nxt == "of" for w, nxt in itertools.pairwise(words))
        # "the mayor of Dunmore, Piet Laar, said": the phrase ends a role's complement
        governed = _PREPOSITION_BEFORE.search(match.string, max(0, start - 6), start)
        if not _is_name(name) or name.split()[-1].lower() in TITLES or office or governed:
            named = _named_part(match.string, match.start("apposition"), match.end("apposition"))
            if named:
                return named.group("name"), named.start("name")
    return speaker, start


_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))


def _opens_a_name(phrase: str) -> bool:
    """Whether a phrase opens as a name: with a capital, or with a particle before one
    (el-Haite, van Otterdijk, de Klerk)."""
    if phrase[:1].isupper():
        return True
    words = phrase.split()
    if not words:
        return False
    particle, dash, rest = words[0].partition("-")
    if dash:
        return particle in _PARTICLES and rest[:1].isupper()
    return particle in _PARTICLES and len(words) > 1 and words[-1][:1].isupper()


def _is_connector(word: str) -> bool:
    return word in {"of", "the", "and", "for"}


def clean_name(phrase: str, offset: int) -> tuple[str, int, int]:
    """The name in a speaker phrase without titles: "Secretary of State Antony Blinken"
    gives "Antony Blinken"; an organisation's name stays whole.  Returns the name and
    where it starts and ends, counting from ``offset`` (the phrase's own)."""
    name, start, end = _clean_name(phrase)
    return name, offset + start, offset + end


def _as_description(phrase: str, first: int, lower: bool) -> tuple[str, int, int]:
    """``phrase`` from ``first`` on, kept whole, with its span; ``lower``: without the
    capital a sentence gave its first word ("The mayor")."""
    description = phrase[first:]
    if lower:
        description = description[0].lower() + description[1:]
    return description, first, len(phrase)


def _name_after_description(tokens: list[tuple[str, int]]) -> int:
    """Where a person's name starts in a phrase that describes them first ("his
    colleague Dr Ivo Marsh": at "Dr"), 0 when it does not: lowercase words after a
    determiner, then two capitalised words or more that may name a person.  A
    preposition among the words makes the name someone else's ("a lawyer for Colm
    Brady"), and an institution's name is no person ("the opposition Liberal Party")."""
    start = len(tokens)
    while start > 0 and tokens[start - 1][0][:1].isupper():
        start -= 1
    run = [word for word, _ in tokens[start:]]
    between = [word.lower() for word, _ in tokens[1:start]]
    if (
        start < 2
        or tokens[0][0].lower() not in _DETERMINERS
        or any(not word[:1].islower() or word in NOT_NAMES or word == "of" for word in between)
        or len([word for word in run if word.lower() not in TITLES]) < 2
        or run[-1].lower() in TITLES
        or not _person_like(" ".join(run))
    ):
        return 0
    return start


@functools.lru_cache(maxsize=4096)
def _clean_name(phrase: str) -> tuple[str, int, int]:
    """clean_name at offset 0: the same phrases come back again and again."""
    tokens = [(m.group(), m.start()) for m in re.finditer(r"\S+", phrase)]
    # "the US president", "an Apple spokesman", "the British number one": a person
    # described with capitalised words before the noun, not a name (but "the Gidimt'en
    # camp" is no person: it stays a name-like phrase)
    if (
        len(tokens) > 2
        and tokens[0][0].lower() in ("the", "a", "an", "another")
        and tokens[1][0][:1].isupper()
        and tokens[-1][0] in _PERSON_NOUNS
        and not tokens[1][0].endswith(("’s", "'s"))
    ):
        return _as_description(phrase, tokens[0][1], lower=True)
    # "the CMI’s chief executive", "Bolivia’s president": a description whose owner is
    # named, kept whole (not cut to "chief executive" after the possessive)
    owner = 1 if len(tokens) > 2 and tokens[0][0].lower() == "the" else 0
    if (
        len(tokens) > owner + 1
        and tokens[owner][0][:1].isupper()
        and tokens[owner][0].endswith(("’s", "'s"))
        and not any(word[:1].isupper() for word, _ in tokens[owner + 1 :])
    ):
        return _as_description(phrase, tokens[0][1], lower=bool(owner))  # "The" -> "the"
    # "his colleague Dr Ivo Marsh", "the firm's finance director Ada Quist": a person
    # named after words that describe them, which are their role
    tokens = tokens[_name_after_description(tokens) :]
    # "The", "But" opening a sentence; "the" before a name (the U.S.), but not before
    # one word that is no acronym: "the Swiss", "the Pope" describe someone
    the_one_word = (
        len(tokens) == 2
        and tokens[0][0].lower() == "the"
        and not tokens[1][0].isupper()
        and "." not in tokens[1][0]
    )
    while (
        len(tokens) > 1
        and tokens[0][0].lower() in NOT_NAMES
        and tokens[1][0][:1].isupper()
        and not the_one_word
    ):
        tokens.pop(0)
    # "then-council candidate Tom Vey": lowercase role words before a name are no description
    named_last = tokens[-1][0][:1].isupper() and tokens[-1][0].lower() not in TITLES
    if (
        (not tokens[0][0][:1].isupper() and not named_last)
        or the_one_word
        or (
            len(tokens) > 1 and tokens[0][0].lower() in NOT_NAMES and not tokens[1][0][:1].isupper()
        )
    ):
        # "the government", "The mayor": a description
        return _as_description(phrase, tokens[0][1], lower=tokens[0][0].lower() in NOT_NAMES)
    if len(tokens) > 1 and tokens[-1][0].lower() in ORGANISATIONS:
        # "State Department", "Cloverdale Minor Hockey Association": an institution, whole
        return _as_description(phrase, tokens[0][1], lower=False)
    # "Currie’s Larry Pizzi": the name after a possessive
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i - 1][0].endswith(("’s", "'s")):
            tokens = tokens[i:]
            break
    # "Scott Veirs of Beamreach": a person of an organisation (but "Ministry of Science")
    for i, (word, _) in enumerate(tokens):
        if word == "of" and i > 0 and tokens[i - 1][0].lower() not in TITLES | ORGANISATIONS:
            tokens = tokens[:i]
            break
    # The longest run from the right with no title in it; a connector ends the run
    # only when a title stands before it ("Secretary of State").
    keep = len(tokens)
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i][0].lower()
        after_title = i == 0 or tokens[i - 1][0].lower() in TITLES
        if word in TITLES or (_is_connector(word) and after_title):
            break
        if "-" in word and any(part in TITLES for part in word.split("-")):
            break  # Vice-President, Secretary-General
        if word.endswith(("-born", "-based")):
            break  # "Viennese-born Helena Hartlauer": where she is from, no part of the name
        if word == tokens[i][0] and not _is_connector(word) and word not in _PARTICLES:
            break  # a common noun of the role: "Cambridge cartoonist Andre Campbell"
        keep = i
    if keep == len(tokens):  # nothing but titles: "President"
        keep = 0
    while keep < len(tokens) - 1 and _is_connector(tokens[keep][0]):
        keep += 1
    first = tokens[keep][1]
    last_word, last_start = tokens[-1]
    return (
        phrase[first : last_start + len(last_word)],
        first,
        last_start + len(last_word),
    )


class Speakers:
    """The reporting clauses and speakers of one document."""

    def __init__(self, text: str, quoted: list[tuple[int, int]]) -> None:
        self.text = text
        self.quoted = quoted  # (open, close + 1) of every quote: clauses there are not ours
        self._quoted_starts = [s for s, _ in quoted]
        self._cues: list[Cue] | None = None
        self._cue_starts: list[int] = []
        self._verb_starts: list[int] = []  # every reporting verb of the text, quoted too
        self._named: list[tuple[int, str]] = []  # (offset, full name) of named speakers
        self._full: dict[str, str] = {}
        # runs of capitalised words by their last word (see surname)
        self._by_last: dict[str, list[re.Match[str]]] | None = None
        self._surnames: dict[str, str | None] = {}  # surname -> forename and surname
        self._counts: dict[tuple[str, int | None], int] = {}  # see _word_count
        self._name_counts: dict[str, int] = {}  # how often the text holds a full name
        self._article_counts: dict[str, int] = {}  # see _after_the
        # _person of each name match, by its span: pronoun resolution looks at
        # the same names again and again.
        self._persons: dict[tuple[int, int], str | None] = {}
        self._blocks: dict[int, list[tuple[int, str, bool]]] = {}  # see people_near
        self._gender_of: dict[str, str | None] = {}  # see gender_of
        self._titles: dict[str, set[str]] = {}  # full name -> words of the titles it was given

    def inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and pos < self.quoted[i][1]

    # -- reporting clauses in running text ------------------------------------------

    @property
    def cues(self) -> list[Cue]:
        if self._cues is None:
            self._cues = self._scan()
            self._cue_starts = [c.pos for c in self._cues]
            for cue in self._cues:
                if cue.speaker.lower() not in PRONOUNS:
                    name, name_start, _ = clean_name(cue.speaker, 0)
                    # "16-year-old Xander Wise insists": a name after a role that opens
                    # with no capital (but "the Cold users" is a description)
                    if _is_name(name) and (
                        cue.speaker[:1].isupper() or name.split()[-1][:1].isupper()
                    ):
                        self._named.append((cue.pos, name))
                        if name_start:  # Serbian Foreign Minister Serrakovic: a person
                            self._titles.setdefault(self.full_name(name), set()).update(
                                cue.speaker[:name_start].lower().split()
                            )
            self._named.sort()
        return self._cues

    def _scan(self) -> list[Cue]:
        text = self.text
        cues = []
        verb_starts = self._verb_starts
        quoted_starts, quoted = self._quoted_starts, self.quoted
        for verb in VERB.finditer(text):
            vpos = verb.start()
            verb_starts.append(vpos)
            i = bisect.bisect_right(quoted_starts, vpos) - 1  # inside_quote, for every verb
            if i >= 0 and vpos < quoted[i][1]:
                continue
            word = verb.group()
            inverted = None
            if word in INVERTIBLE_VERBS:
                inverted = _INVERTED.match(text, verb.end())
                if inverted and inverted.group("speaker").split()[-1].lower() in NOT_NAMES:
                    inverted = None
            # ", said Nazim Awan.": the clause before the comma is not the subject
            if (
                inverted
                and text[max(0, vpos - 2) : vpos].rstrip(" ") == ","
                and _CLAUSE_BREAK.match(text, inverted.end())
            ):
                cues.append(self._inverted_cue(verb, inverted))
                continue
            if word.endswith("ing") and not _PROGRESSIVE.search(text, max(0, vpos - 40), vpos):
                continue  # "Cerf told the meeting in San Jose, California, warning that"
            # Only a subject with an apposition reaches far back: the window is short
            # unless a comma stands just before the verb's words.
            near = text.find(",", max(0, vpos - 40), vpos) >= 0
            lookback = max(0, vpos - (_LOOKBACK if near else _SHORT_LOOKBACK))
            line_start = text.rfind("\n", lookback, vpos) + 1  # the subject is on the verb's line
            subject = _SUBJECT.search(text, _barrier(text, max(line_start, lookback), vpos), vpos)
            if subject and _disagrees(subject, word):
                subject = None  # "launched a vehement protest against": a noun, no verb
            elif subject and _names_someone(subject, verb):
                continue  # "a woman called Cynthia, who ...": a name given, no one speaking
            if subject:
                speaker, start = speaker_of(subject)
                if subject.group("apposition") and subject.group("apposition")[-3:] == "who":
                    speaker, start = self._who(subject.start(), speaker) or (speaker, start)
                cues.append(Cue(subject.start(), verb.end(), speaker, start, word))
            elif inverted:
                cues.append(self._inverted_cue(verb, inverted))
        return cues

    def _who(self, pos: int, speaker: str) -> tuple[str, int] | None:
        """Whom "who" after ``speaker`` at ``pos`` stands for when that is no person: the
        person the sentence described before it (Ada Quist, head nurse at Glen Valley
        Hospital, who writes ...), with where the name is; None when none is."""
        name = clean_name(speaker, 0)[0]
        if _is_name(name) and _person_like(name):
            return None  # "Jo Roe, who said": her
        text = self.text
        lo = _last_break(text, max(0, pos - 300), pos) or max(0, pos - 300)
        found = None
        for match in _PERSON.finditer(text, lo, pos):
            if text.startswith(",", match.end()) and self._person(match) == match.group():
                found = match.group(), match.start()
        return found

    @staticmethod
    def _inverted_cue(verb: re.Match[str], inverted: re.Match[str]) -> Cue:
        return Cue(
            verb.start(),
            verb.end(),
            inverted.group("speaker"),
            inverted.start("speaker"),
            verb.group(),
        )

    def verb_ahead(self, pos: int) -> bool:
        """Whether a reporting verb starts at ``pos`` or after it on the same line: no
        reporting clause there without one (see SPEAKER_VERB, VERB_SPEAKER)."""
        self.cues  # noqa: B018 - the scan finds the verbs
        i = bisect.bisect_left(self._verb_starts, pos)
        # no line break up to it (read no further: a long line would be read per quote)
        return i < len(self._verb_starts) and self.text.find("\n", pos, self._verb_starts[i]) < 0

    def cues_between(self, start: int, end: int) -> list[Cue]:
        """The clauses starting in [start, end), in text order."""
        cues = self.cues
        lo = bisect.bisect_left(self._cue_starts, start)
        hi = bisect.bisect_left(self._cue_starts, end)
        return cues[lo:hi]

    def last_cue(self, start: int, end: int) -> Cue | None:
        """The last clause starting in [start, end) that also ends by ``end``."""
        cues = self.cues
        i = bisect.bisect_left(self._cue_starts, end)
        while i > 0 and cues[i - 1].pos >= start:
            i -= 1
            if cues[i].end <= end:
                return cues[i]
        return None

    # -- names ------------------------------------------------------------------------

    def full_name(self, name: str) -> str:
        """The fullest form of a name used in the document (Lavrov -> Sergey Lavrov),
        without a common noun capitalised by the sentence (Astronaut Scott Kelly)."""
        if not _opens_a_name(name):
            return name
        if name not in self._full:
            best = name
            if " " not in name:
                best = self._fuller_form(name)
            elif name.split()[0].lower() in _PARTICLES:
                # "van Otterdijk", "Van der Hoeven" opening a sentence: written "van" after
                # the forename (Maria van der Hoeven)
                best = self._fuller_form(name[0].lower() + name[1:])
                best = name if best[:1].islower() else best
            words = best.split()
            # A first word the text also uses as a common noun ("an astronaut") is an
            # occupation capitalised by the sentence, not a forename.
            while (
                len(words) > 1
                and words[0].lower() in self.text
                and re.search(
                    rf"\b(?:[Aa]n?|[Tt]he|as|fellow){_SP}(?:[a-z]+{_SP})?{re.escape(words[0].lower())}\b",
                    self.text,
                )
            ):
                words.pop(0)
            self._full[name] = " ".join(words)
        return self._full[name]

    def _fuller_form(self, name: str) -> str:
        best = name
        for pos in _after_space(self.text, name):
            if not _capital_before(self.text, max(0, pos - 60), pos):
                continue  # "said Lavrov": no forename before it
            before = _FORENAMES.search(self.text, max(0, pos - 60), pos)
            if before is None:
                continue
            candidate, _, _ = clean_name(before.group() + name, 0)
            words = candidate.split()
            if (
                candidate.endswith(" " + name)
                and len(words) > len(best.split())
                and all(w.lower() not in NOT_NAMES for w in words)
            ):
                best = candidate
        if best == name:
            # "Hua Chunying ... Hua told reporters": a name with the family name first
            first = {full for full in self.names_opening_with(name) if self._titled(full)}
            if len(first) == 1:
                best = first.pop()
        return best

    def _titled(self, name: str) -> bool:
        """Whether the text gives ``name`` a title or a role right before it somewhere
        (spokeswoman Hua Chunying): a person's, not a team's (Edmonton Oilers)."""
        for match in re.finditer(re.escape(name), self.text):
            before = self.text[max(0, match.start() - 30) : match.start()].split()
            if before and before[-1].lower() in TITLES:
                return True
        return False

    def last_named(self, offset: int, pronoun: str = "they") -> str | None:
        """Who a pronoun at ``offset`` stands for.

        "he" and "she": the person named last as a speaker or as the subject of a
        sentence (Christine Ball, 62, was not impressed. “...,” she said), whose
        gender, as the text shows it, does not contradict the pronoun; never an
        organisation or a place.  Failing that, the last such person named at all.
        "they": the last speaker, or a person introduced since as a subject.
        """
        self.cues  # noqa: B018 - makes sure the named speakers are known
        gender = _GENDER_OF.get(pronoun.lower())
        if gender is not None:
            return self._person_just_before(offset, gender) or self._last_person(offset, gender)
        i = bisect.bisect_left(self._named, (offset, ""))
        speaker = self._named[i - 1] if i else None
        since = max(speaker[0] if speaker else 0, offset - _PEOPLE_WINDOW)
        people = self.people_between(since, offset)
        subjects = [p for p in people if p[2]]
        if subjects:
            return subjects[-1][1]
        if speaker is not None:
            return self.full_name(speaker[1])
        return people[-1][1] if people else None

    def _after_quote(self, pos: int) -> bool:
        """Whether ``pos`` opens the reporting clause right after a quote: “...,” he said."""
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and _AFTER_CLOSE.fullmatch(self.text, self.quoted[i][1], pos) is not None

    def _person_just_before(self, offset: int, gender: str, depth: int = 3) -> str | None:
        """The person a pronoun at ``offset`` stands for when the sentence it is in, or the
        one just before, says who: the subject, else the only person named (After Jo Roe
        was moved, she ...; It's a comment that Scheer found concerning. “...,” he said;
        ... results for accountant Bo Farr, 50. “...,” he says).  A pronoun after a quote
        (“...,” he said) belongs to the sentence the quote opens.  When the sentence before
        goes on with the same pronoun (For Espinos, ..., he's busy. “...,” he says), it
        stands for whom that one does.  None when the text does not say so closely."""
        text = self.text
        if self._after_quote(offset):
            anchor = self.quoted[bisect.bisect_right(self._quoted_starts, offset) - 1][0]
        else:
            anchor = _last_break(text, max(0, offset - 300), offset)
            if anchor is None:
                return None
            # After Jo Roe was moved, she ...: a clause fronted by a conjunction names her
            fronted = _FRONTED_CLAUSE.match(text, anchor) is not None
            found = self._person_in(anchor, offset, gender, only_subject=not fronted)
            if found:
                return found
        end = anchor
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0 or text[end - 1] not in ".!?…":
            return None  # not a sentence of its own: Smith said “...,” he said
        start = _last_break(text, max(0, end - 400), end - 1) or max(0, end - 400)
        for pronoun in _SUBJECT_PRONOUN.finditer(text, start, end):
            if _GENDER_OF[pronoun.group().lower()] == gender and not self.inside_quote(
                pronoun.start()
            ):
                # He said the firm, run by Jo Roe, grew. “...,” he said: the same person
                if depth == 0:
                    return None
                return self._person_just_before(pronoun.start(), gender, depth - 1)
        return self._person_in(start, end, gender)

    def _person_in(
        self, start: int, end: int, gender: str, only_subject: bool = False
    ) -> str | None:
        """The subject of text[start:end] if a person of ``gender`` (or of none the text
        shows), else the only such person it names, else None."""
        named = self._named_between(start, end)
        mentions = sorted(self.people_near(start, end) + [(p, n, True) for p, n in named])
        full = [(self.full_name(name), subject) for _, name, subject in mentions]
        fits = [
            (name, subject)
            for name, subject in full
            if _person_like(name) and self.gender_of(name) in (None, gender)
        ]
        if only_subject:
            fits = [(name, subject) for name, subject in fits if subject]
        subjects = [name for name, subject in fits if subject]
        if subjects:
            return subjects[0]
        if len({name for name, _ in fits}) == 1:
            return fits[0][0]
        return None

    def _last_person(self, offset: int, gender: str | None) -> str | None:
        since = offset - _PEOPLE_WINDOW
        named = self._named_between(since, offset)
        # Most often the last person named as a speaker, or someone since, is meant:
        # look there first, and over the whole window only when no one there fits.
        last = next((p for p, n in reversed(named) if _person_like(self.full_name(n))), None)
        if last is not None:
            people = self.people_near(last, offset)
            recent = [(p, n) for p, n in named if p >= last]
            found = self._pick(offset, last, people, recent, gender)
            if found is not None:
                return found
        return self._pick(offset, since, self.people_near(since, offset), named, gender)

    def _pick(
        self,
        offset: int,
        since: int,
        people: list[tuple[int, str, bool]],
        named: list[tuple[int, str]],
        gender: str | None,
    ) -> str | None:
        """The latest person of ``people`` and ``named`` who is a subject or a speaker and
        whose gender does not contradict ``gender``, else the latest such person."""
        mentions = sorted(people + [(pos, name, True) for pos, name in named])
        genders = self._genders(since, offset, mentions) if gender else {}
        fallback = None
        for _, name, subject in reversed(mentions):
            name = self.full_name(name)
            if not _person_like(name) or (
                gender and (genders.get(name) or self.gender_of(name) or gender) != gender
            ):
                continue
            if " " not in name and name not in genders and name not in self._titles:
                continue  # one word with no title, never called "he" or "she": Edmonton
            if subject:
                return name
            fallback = fallback or name
        return fallback

    def people_near(self, start: int, end: int) -> list[tuple[int, str, bool]]:
        """``people_between(start, end)``, found once per block of text however many
        pronouns ask."""
        found = []
        for block in range(max(0, start) // _BLOCK, max(0, end - 1) // _BLOCK + 1):
            if block not in self._blocks:
                self._blocks[block] = self.people_between(block * _BLOCK, (block + 1) * _BLOCK)
            found.extend(m for m in self._blocks[block] if start <= m[0] < end)
        return found

    def gender_of(self, name: str) -> str | None:
        """The gender the whole text gives a person, however far from where it is asked:
        "Stacy Lewis said ... She enjoyed it" (a "he" or "she" in the sentence of the
        name, or opening the next one, as its subject), "Ms. Lewis"; None when the text
        never says or says both."""
        if name not in self._gender_of:
            text = self.text
            votes: Counter[str] = Counter()
            surname = name.split()[-1]
            pos = text.find(surname)
            while pos >= 0:
                after = pos + len(surname)
                found, pos = pos, text.find(surname, after)
                if (found and (text[found - 1].isalnum() or text[found - 1] in "’'")) or (
                    text[after : after + 1].isalnum() or self.inside_quote(found)
                ):
                    continue  # part of another word, or quoted
                honorific = _HONORIFIC_BEFORE.search(text, max(0, found - 6), found)
                if honorific:
                    votes["m" if honorific.group(1) == "Mr" else "f"] += 3
                    continue
                pronoun = _SUBJECT_PRONOUN.search(text, after, after + _GENDER_REACH)
                if pronoun is None or self._after_quote(pronoun.start()):
                    continue
                between = text[after : pronoun.start()]
                stop = min((i for i in map(between.find, ".!?…\n") if i >= 0), default=-1)
                if stop >= 0 and between[stop:].strip(".!?…”\"’ \n\t"):
                    continue  # another sentence came between
                votes[_GENDER_OF[pronoun.group().lower()]] += 1
            self._gender_of[name] = (
                votes.most_common(1)[0][0]
                if len(votes) == 1 or (votes and votes["m"] != votes["f"])
                else None
            )
        return self._gender_of[name]

    def _genders(
        self, start: int, end: int, mentions: list[tuple[int, str, bool]]
    ) -> dict[str, str]:
        """The gender the text in [start, end) gives each person ("m" or "f"): an
        honorific (Ms. Roe), or most of the pronouns "he"/"she" closely following the
        person's name as a subject or a speaker."""
        votes: dict[str, Counter[str]] = {}
        subjects = [m for m in mentions if m[2]]
        starts = [m[0] for m in subjects]
        for match in _SUBJECT_PRONOUN.finditer(self.text, max(0, start), end):
            if self.inside_quote(match.start()) or self._after_quote(match.start()):
                continue  # “...,” he said: the pronoun asked about is no evidence
            i = bisect.bisect_left(starts, match.start()) - 1
            if i >= 0 and match.start() - starts[i] <= _GENDER_REACH:
                name = self.full_name(subjects[i][1])
                votes.setdefault(name, Counter())[_GENDER_OF[match.group().lower()]] += 1
        for match in _HONORIFIC.finditer(self.text, max(0, start), end):
            name = self.full_name(match.group("name"))
            votes.setdefault(name, Counter())["m" if match.group("title") == "Mr" else "f"] += 3
        return {
            name: count.most_common(1)[0][0]
            for name, count in votes.items()
            if len(count) == 1 or count["m"] != count["f"]
        }

    def people_between(self, start: int, end: int) -> list[tuple[int, str, bool]]:
        """People named with a forename in [start, end): (offset, name, whether the
        sentence's subject).

        A name counts when the text also uses its surname alone (Smart, Singerer) or
        gives it an apposition (Christine Ball, 62,): people rather than places
        (South Africa) or headings."""
        people = []
        for match in _PERSON.finditer(self.text, start, min(len(self.text), end + 80)):
            if match.start() >= end:
                break  # a name may run past ``end``, but must start before it
            if self.inside_quote(match.start()):
                continue
            name = self._person(match)
            word = match.group()
            if name is None and " " in word:
                # "After Wilson-Raybould", "General Roe": the surname alone
                first, _, word = word.partition(" ")
                lowered = first.lower()
                if " " in word or (lowered not in NOT_NAMES and lowered not in TITLES):
                    word = ""
            pos = match.end() - len(word)
            if (
                name is None
                and self.surname(word) is not None
                and not self._word_count(word.lower(), 1)
                and not _PLACE_BEFORE.search(self.text, max(0, pos - 12), pos)
                and not _ARTICLE_BEFORE.search(self.text, max(0, pos - 5), pos)
            ):
                # "Dancevic disagreed.": a surname the text gives a forename elsewhere
                name = self.surname(word)
            if name is not None:
                people.append((match.start(), name, self._is_subject(match.start())))
        return people

    def _word_count(self, word: str, at_most: int | None = None) -> int:
        """How often ``word`` occurs in the text as a whole word (as _WORD splits it),
        counting no further than ``at_most``.

        Counted for the few words asked about rather than for every word of the text:
        most are not even a substring of it."""
        key = (word, at_most)
        count = self._counts.get(key)
        if count is None:
            count = 0
            text = self.text
            whole = _WORD.fullmatch(word) is not None
            size = len(word)
            pos = text.find(word)
            while pos >= 0 and count != at_most:
                end = pos + size
                # A word starts and ends with a run of letters (see _word_at)
                if not (pos and _LETTER.match(text, pos - 1)) and not _LETTER.match(text, end):
                    if not (pos and _JOINER.match(text, pos - 1)) and not _JOINER.match(text, end):
                        count += whole
                    else:
                        count += _word_at(text, pos, end)
                pos = text.find(word, pos + 1)
            self._counts[key] = count
        return count

    def subject_at(self, pos: int) -> str | None:
        """The name of someone opening a sentence at ``pos`` as its subject, else None:
        Tua Pittman was delighted (not: New York is, The Guardian reported), when the text
        shows the name is a person's (see ``_person``), or when an apposition describes a
        person: Rob Dunmore, Professor of Zoology at Glen University, was dubious."""
        match = _PERSON.match(self.text, pos)
        if match is None:
            return None
        if _LOWER_WORD.match(self.text, match.end()):
            name = self._person(match)
            return name if name == match.group() else None
        apposition = _SUBJECT_APPOSITION.match(self.text, match.end())
        if apposition is None or not _LOWER_WORD.match(self.text, apposition.end()):
            return None
        described = apposition.group().lower().replace(",", " ").split()
        if not described[0][:1].isdigit() and not any(w in _PERSON_NOUNS for w in described):
            return None  # "Port Vell, the old harbour, was busy": a place
        name = " ".join(self._name_words(match.group()))
        return name if " " in name and name == match.group() and _person_like(name) else None

    def _name_words(self, phrase: str) -> tuple[str, ...]:
        """The words of a phrase that may name a person, () when it cannot."""
        words = _name_candidate(phrase)
        if any(self._word_count(w.lower(), 1) for w in words[:-1]):
            return ()  # Sweet Home Chicago: "home" is a word of the text
        return words

    def _person(self, match: re.Match[str]) -> str | None:
        """The name of a match of _PERSON with a forename that names a person, else None."""
        span = match.span()
        if span not in self._persons:
            self._persons[span] = self._find_person(match)
        return self._persons[span]

    def _find_person(self, match: re.Match[str]) -> str | None:
        if len(match.group().split()) < 2:
            return None  # one word is no forename and surname (saves reading it)
        words = self._name_words(match.group())
        if len(words) < 2:
            return None
        described = _APPOSITION_AFTER.match(self.text, match.end()) is not None
        # the surname alone too, not only in the full name (counted no further than needed)
        full = " ".join(words)
        full_count = self._name_counts.get(full)  # (counted once: a name comes back)
        if full_count is None:
            full_count = self._name_counts[full] = self.text.count(full)
        if described:
            return full
        surname = words[-1]
        alone = self._word_count(surname, full_count + 1) > full_count
        if alone and (article := self._after_the(surname)):
            # after "the" the word names a group or a place (the Taliban): not counted
            alone = self._word_count(surname, full_count + article + 1) > full_count + article
        if alone:
            return full
        # "Liberal MP Marco Mendicino", "Foreign Ministry spokesperson Lu Kang": a title
        # or a role names a person
        raw = match.group().split()
        before = self.text[max(0, match.start() - 30) : match.start()].split()
        if len(raw) > len(words) and raw[-len(words) - 1].lower() in TITLES:
            return " ".join(words)
        if len(raw) == len(words) and before and before[-1] in TITLES:
            return " ".join(words)
        # "Mamadou Dia was on a business trip when he ...": a paragraph opening with a
        # name that the next words call "he" or "she"
        start = match.start()
        if (start == 0 or self.text[start - 1] == "\n") and _PRONOUN_SOON.match(
            self.text, match.end()
        ):
            return " ".join(words)
        return None

    def _after_the(self, word: str) -> int:
        """How often ``word`` follows "the" ("the Taliban"), as no surname does."""
        count = self._article_counts.get(word)
        if count is None:
            text = self.text
            count = 0
            if f"the {word}" in text or f"The {word}" in text:
                count = len(re.findall(rf"\b[Tt]he[^\S\n]+{re.escape(word)}\b", text))
            self._article_counts[word] = count
        return count

    def surname(self, word: str) -> str | None:
        """The person the text names with ``word`` as surname, with a forename
        (Dancevic -> Frank Dancevic): the longest such name, the first of equals."""
        if word not in self._surnames:
            best = None
            for match in self._by_last_word().get(word, ()):
                name = self._person(match)
                if name and len(name) > len(best or ""):
                    best = name
            self._surnames[word] = best
        return self._surnames[word]

    def names_opening_with(self, word: str) -> set[str]:
        """The people named (see ``surname``) whose name opens with ``word``."""
        names = set()
        for last, runs in self._by_last_word().items():
            for match in runs:
                name = self._person(match) if word in match.group() else None
                if name and name.split()[0] == word and self.surname(last) == name:
                    names.add(name)
        return names

    def _by_last_word(self) -> dict[str, list[re.Match[str]]]:
        """Every run of two or more capitalised words (a _PERSON match), by its last
        word: a person's name keeps the last word of its run (see _name_candidate).
        Only the runs of a surname asked about are read as names: most never are."""
        if self._by_last is None:
            self._by_last = {}
            for match in self._person_runs():
                self._by_last.setdefault(match.group().rsplit(None, 1)[-1], []).append(match)
        return self._by_last

    def _person_runs(self) -> Iterator[re.Match[str]]:
        """_PERSON's matches of two words or more, in text order."""
        text = self.text
        pos = 0
        while match := _RUN.search(text, pos):
            if not match.start() or text[match.start() - 1] != "-":
                yield match
                pos = match.end()
                continue
            # "Anne-Marie-Louise Smith": _PERSON reads "Anne-Marie" first, then "Louise
            # Smith", not "Marie-Louise Smith": read that line up to here as it does.
            for person in _PERSON.finditer(text, text.rfind("\n", 0, match.start()) + 1):
                if person.start() >= pos and len(person.group().split()) > 1:
                    yield person
                pos = max(pos, person.end())
                if pos >= match.end():
                    break
            pos = max(pos, match.end())

    def _is_subject(self, pos: int) -> bool:
        """Whether a name at ``pos`` opens its sentence, or follows a short opening phrase."""
        before = self.text[max(0, pos - 120) : pos]
        ends = list(_SENTENCE_BREAK.finditer(before))
        prefix = before[ends[-1].end() :] if ends else before
        if not ends and pos > 120:
            return False
        if _PERSON.fullmatch(prefix.strip().rstrip(",")):
            return False  # "Owen McCormack, Hoxton Analytics CEO, says": an apposition
        if not prefix.strip() or (prefix.rstrip().endswith(",") and len(prefix.split()) <= 8):
            return True
        # "Chinese Foreign Ministry spokesperson Lu Kang gave": a role before the name
        words = prefix.split()
        return (
            len(words) <= 5
            and words[-1].lower() in TITLES
            and words[0].lower() not in NOT_NAMES
            and all(w[:1].isupper() for w in words[:-1])
        )

    def resolve(self, phrase: str, start: int, verb: str | None) -> Speaker | None:
        """A speaker phrase found at ``start`` as a Speaker, pronouns resolved."""
        if phrase.lower() in PRONOUNS:
            return Speaker(self.last_named(start, phrase), None, None, verb, phrase)
        if phrase.lower() == "it":  # “...,” it said: an institution, else no one
            institution = self.it(start)
            return Speaker(institution, None, None, verb, phrase) if institution else None
        name, s, e = clean_name(phrase, start)
        if name.lower() in NOT_NAMES or name.endswith(("’s", "'s")):
            return None  # "Bolivia’s": the owner of something, not a speaker
        if not _opens_a_name(name):  # a description: "the mayor", "her statement"
            words = name.lower().split()
            if _time_phrase(words):
                return None  # "a few years back, who said": a time, no one speaking
            if "of" in words[1:] and words[words.index("of", 1) - 1] not in _PERSON_NOUNS:
                return None  # "the support of NATO member (states)": no one speaking
            person = self.described(name, s) or self._issuer(name, s, e)
            return Speaker(person or name, s, e, verb, name, name if person else None)
        self.cues  # noqa: B018 - the scan must not come later and drop this name
        bisect.insort(self._named, (start, name))
        title = _role(phrase[: s - start]) or self._apposition_role(s, e)
        if title:
            self._titles.setdefault(self.full_name(name), set()).update(title.lower().split())
        return Speaker(self.full_name(name), s, e, verb, name, title)

    def _apposition_role(self, start: int, end: int) -> str | None:
        """The description in apposition to a name at [start, end): "the union's
        president, Maria Lopez," or "Maria Lopez, the union's president,"."""
        text = self.text
        before = text[max(0, start - 80) : start]
        if before.endswith(", "):
            part = re.split(r"[.;:“”\"\n,]", before[:-2])[-1]
            part = VERB.split(part)[-1].strip()  # said the union's president, Maria Lopez
            if (
                part[:1].islower()
                or _ROLE_TRIM.match(part)
                or part.split(" ", 1)[0].lower() in _POSSESSIVE_DETERMINERS  # Her husband,
            ):
                return _role(part)
        after = _APPOSITION_TEXT.match(text, end)
        if (
            after
            and (after.group(1)[:1].islower() or _ROLE_TRIM.match(after.group(1)))
            and not VERB.match(after.group(1))  # "Colm Brady, said:": the clause, no role
        ):
            role = after.group(1)
            if _LETTER.match(text, after.end()):  # cut inside a word at the length limit
                role = role.rsplit(" ", 1)[0]
            return _role(role)
        return None

    def described(self, description: str, offset: int) -> str | None:
        """The person a description at ``offset`` stands for, else None.

        "his statement" is the person "he" stands for; "the mayor", "the rookie
        defenceman" the last person given that word as a title or in an apposition, or
        failing that the last person who was the subject of a sentence.  An indefinite
        description (a spokesman, one viewer) brings in someone new, and an
        institution or a document (the company, the report) is no person.
        """
        words = _WORD.findall(description.lower())
        if len(words) < 2:
            return None
        det, head = words[0], words[-1]
        if "of" in words:
            return None  # "the support of NATO member (states)": no head to go by
        if det in _GENDER_OF and head in DOCUMENT_NOUNS:
            return self.last_named(offset, det)
        if (
            det != "the"
            or head in DOCUMENT_NOUNS
            or head in ORGANISATIONS
            or head.endswith("s")
            or head in PLURAL_NOUNS  # the women, the police: more than one person
        ):
            return None
        # "the US president", "the Labour leader": the capitalised words must fit too
        wanted = {head} | {w.lower() for w in _WORD.findall(description)[1:] if w[:1].isupper()}
        # "a justice official said ... the official said": the one brought in before
        introduced = None
        window = self.text[max(0, offset - _PEOPLE_WINDOW) : offset]
        if head in window:  # (a pattern per head word: compiled only when it may match)
            pattern = rf"\b[Aa]n?{_SP}(?:[\w\-’']+{_SP}){{0,3}}{re.escape(head)}\b"
            for match in re.finditer(pattern, window):
                if wanted <= set(_WORD.findall(match.group().lower())):
                    introduced = match
        since = offset - _PEOPLE_WINDOW + (introduced.start() if introduced else 0)
        people = self.people_near(since, offset)
        titles = self._titles_in(people)
        for _, name, _ in reversed(people):
            if wanted <= titles.get(name, set()) | self._titles.get(name, set()):
                return name
        if introduced is not None:
            return introduced.group()[0].lower() + introduced.group()[1:]
        if head in KIN:
            return None  # "the father", "the woman": someone the text has not named
        return self._last_person(offset, None)

    def _issuer(self, description: str, start: int, end: int) -> str | None:
        """Who issued a document or is an institution named by a description: "a
        statement released by the Prime Minister's Office" names it; "the agency",
        "the statement" stand for the last institution named as a speaker."""
        words = _WORD.findall(description.lower())
        head = words[-1] if words else ""
        if head not in DOCUMENT_NOUNS and head not in ORGANISATIONS:
            return None
        by = _ISSUED_BY.match(self.text, end)
        if by is not None:
            return re.sub(r"^[Tt]he\s+", "", by.group("name"))  # an institution, kept whole
        if words[0] != "the":
            return None
        # "a WWF report ... the report says": the institution that wrote it
        window = self.text[max(0, start - _PEOPLE_WINDOW) : start]
        owners = []
        if head in window:  # (a pattern per head word, dear to compile: only when it may match)
            pattern = rf"\b(?:[Aa]n?|[Tt]he){_SP}(?P<name>{_NAME}){_SP}{re.escape(head)}\b"
            owners = list(re.finditer(pattern, window))
        owner = owners[-1] if owners else None
        if owner is not None and not _person_like(owner.group("name")):
            return owner.group("name")
        self.cues  # noqa: B018 - makes sure the named speakers are known
        for _, name in reversed(self._named_between(start - _PEOPLE_WINDOW, start)):
            name = self.full_name(name)
            if _institution_like(name):
                return name
        return None

    def it(self, offset: int) -> str | None:
        """What "it" at ``offset`` stands for: the institution named last as a speaker or
        as the subject of a sentence (RSPCA Australia released a statement. “...,” it
        said), the author of a report rather than the report (a WWF report -> WWF)."""
        text = self.text
        since = max(0, offset - _PEOPLE_WINDOW)
        self.cues  # noqa: B018 - makes sure the named speakers are known
        mentions = self._named_between(since, offset)
        for start in (m.end() for m in _SENTENCE_BREAK.finditer(text, since, offset)):
            match = _PERSON.match(text, _ARTICLE.match(text, start).end())
            if match is not None and _LOWER_WORD.match(text, match.end()):
                mentions.append((start, match.group()))
        for cue in self.cues_between(since, offset):
            if not _opens_a_name(cue.speaker):  # "the report continues": its author
                end = cue.speaker_start + len(cue.speaker)
                issuer = self._issuer(cue.speaker, cue.speaker_start, end)
                if issuer is not None:
                    mentions.append((cue.pos, issuer))
        for _, name in sorted(mentions, reverse=True):
            name, _, _ = clean_name(name, 0)
            words = name.split()
            if len(words) > 1 and words[-1].lower() in DOCUMENT_NOUNS:
                return " ".join(words[:-1])  # "the Sea Watch report said": its author
            if name.lower() not in NOT_NAMES and _institution_like(name):
                return name
        return None

    def _named_between(self, start: int, end: int) -> list[tuple[int, str]]:
        """The (offset, name) of the speakers named in [start, end), in text order (a new
        list: callers may add to it)."""
        named = self._named
        return named[bisect.bisect_left(named, (start, "")) : bisect.bisect_left(named, (end, ""))]

    def _titles_in(self, people: list[tuple[int, str, bool]]) -> dict[str, set[str]]:
        """The lowercase words the text gives each of ``people`` as a title before the
        name or in an apposition after it."""
        titles: dict[str, set[str]] = {}
        text = self.text
        for pos, person, _ in people:
            named_at = text.find(person, pos, pos + 80)  # after "Mayor" in Mayor Jo Roe
            clause = text[max(0, pos - 60) : max(pos, named_at)]
            clause = re.split(r"[.;:“”\"\n(,]", clause)[-1]
            words = {w.lower() for w in _WORD.findall(clause)}
            after = _APPOSITION_TEXT.match(text, max(pos, named_at) + len(person))
            if after:
                words.update(w.lower() for w in _WORD.findall(after.group(1)))
            titles.setdefault(person, set()).update(words)
        return titles
