"""The quotes tool's fast forms of its patterns find what their plain forms find.

Several patterns read their first character before looking back at the one before it
(a pattern that opens with a character class is scanned fast), and some word searches
use str.find instead of a regex: each is checked here against the plain form it stands
for, on text made of the characters where the two could part.
"""

from __future__ import annotations

import re
from collections import Counter

from corpus_tool_quotes import marks, speakers
from hypothesis import example, given, settings
from hypothesis import strategies as st

WORDS = ("He", "he", "She", "she", "Mr", "Mrs", "Ms", "Miss", "Dr", "In", "in", "Smith")
NAMES = ("According", " to ", " his ", "opinion", "Jo", "O’Brien", "Lee-Ann", "said", "told")
INITIALS = ("el-", "U.S.", "F.")
PIECES = [*" \n\t.,!?…-’'‘“”\"«»abex1_éÉ", *WORDS, *NAMES, *INITIALS]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
SP = speakers._SP
PLAIN = {
    marks.MARK_RE: re.compile(
        r"(?P<run>[“”„‟«»\"‘’‹›]{4,})|(?P<pair>[‘’]{2}(?![‘’]))|[“”„‟«»\"‘‹›]|’(?![^\W\d_])"
    ),
    speakers._PERSON: re.compile(
        rf"(?<![\w’'])[{speakers._UPPER}][^\W\d_]+(?:[-’'][^\W\d_]+)?"
        rf"(?:{SP}[{speakers._UPPER}][^\W\d_]+(?:[-’'][^\W\d_]+)?){{0,3}}\b"
    ),
    speakers._SENTENCE_BREAK: re.compile(
        r"(?:(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)[.!?…][”\"’]?[^\S\n]+|\n)"
    ),
    speakers._SUBJECT_PRONOUN: re.compile(r"\b(?:[Hh]e|[Ss]he)\b"),
    speakers._HONORIFIC: re.compile(
        rf"\b(?P<title>Mr|Mrs|Ms|Miss)\.?{SP}(?P<name>[{speakers._UPPER}][^\W\d_]+)"
    ),
    speakers.ACCORDING_TO: re.compile(
        rf"\b(?:[Aa]ccording{SP}to{SP}(?P<speaker>(?:{speakers._DET}{SP})?{speakers._NAME}"
        rf"|him|her|them)|[Ii]n{SP}(?P<poss>his|her|their){SP}(?:opinion|view|words))"
    ),
}

# A name's word as it was first written: the initial and the word each with its capital.
_U = speakers._UPPER
PLAIN_TOKEN = (
    rf"(?:(?:[A-Z]\.){{2,}}|{speakers._ABBREVIATIONS}|[{_U}]\.(?={SP}[{_U}])"
    rf"|(?:al|el|ad|ash|abu|ibn|bin|ben)-[{_U}][^\W\d_]*"
    rf"|[{_U}][^\W\d_]*+(?:[-'’][^\W\d_]++)*+)"
)
# What may follow a name's word in the patterns, each making the engine go back into it
AFTER_TOKEN = ("", r"\b", r"\Z", rf"{SP}[a-z]", r"[.,]", rf"(?:{SP}{{TOKEN}}){{{{1,2}}}}\b")
for after in AFTER_TOKEN:
    PLAIN[re.compile(speakers._TOKEN + after.format(TOKEN=speakers._TOKEN))] = re.compile(
        PLAIN_TOKEN + after.format(TOKEN=PLAIN_TOKEN)
    )


def found(pattern: re.Pattern[str], text: str, groups: bool) -> list[tuple]:
    """Each match's span, last group and groups (find_quotes reads only the last group's
    name of MARK_RE, whose groups no longer span the first mark)."""
    return [(m.span(), m.lastgroup, groups and m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 40))
@example("said F. Smith, J. R. Ewing and el-Kadiri of the U.S. Mr. Jo.", 0)
def test_fast_patterns_find_what_their_plain_forms_find(text: str, start: int) -> None:
    for fast, plain in PLAIN.items():
        groups = fast is not marks.MARK_RE
        assert found(fast, text, groups) == found(plain, text, groups)
        start = min(start, len(text))
        # from an offset too: the look back still sees the character before it
        assert [m.span() for m in fast.finditer(text, start)] == [
            m.span() for m in plain.finditer(text, start)
        ]


@settings(max_examples=300, deadline=None)
@given(texts, st.lists(st.sampled_from(PIECES), min_size=1, max_size=3).map("".join))
def test_word_counts_and_words_after_a_space_are_the_regex_ones(text: str, word: str) -> None:
    counts = Counter(speakers._WORD.findall(text))
    known = speakers.Speakers(text, [])
    for candidate in {word, word.strip(), *counts}:
        if candidate:
            assert known._word_count(candidate) == counts[candidate]
            assert known._word_count(candidate, 1) == min(1, counts[candidate])
            after_space = [
                m.start() for m in re.finditer(rf"(?<=\s){re.escape(candidate)}\b", text)
            ]
            assert speakers._after_space(text, candidate) == after_space


@settings(max_examples=300, deadline=None)
@given(texts)
def test_no_run_of_forenames_without_a_capital_before(text: str) -> None:
    for pos in range(1, len(text) + 1):
        lo = max(0, pos - 60)
        if speakers._FORENAMES.search(text, lo, pos):
            assert speakers._capital_before(text, lo, pos)


# Subjects of a reporting verb, each opening with a word of another kind.
SUBJECTS = (
    "he",
    "She",
    "they",
    "the minister",
    "a spokesman for the ministry",
    "Jo Smith",
    "van der Berg",
    "de Klerk",
    "al-Kadiri",
    "ter Horst",
    "Campbell’s partner",
    "its chief",
    "our own man",
    "the lanky, bespectacled professor",
    "Jane Smith, a professor at Oxford,",
    "U.S. officials",
    "F. Smith",
    "Mr. Lee",
    "Élodie Roy",
    "éric",
)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(SUBJECTS), st.sampled_from(("", " has", " will also", ", who")))
def test_subject_search_finds_what_its_plain_form_finds(
    before: str, subject: str, aux: str
) -> None:
    text = f"{before} {subject}{aux} "
    plain = re.compile(speakers._SUBJECT.pattern.replace(speakers._SUBJECT_OPENS, "", 1))
    for start in (0, len(before), len(before) + 1):
        fast, slow = speakers._SUBJECT.search(text, start), plain.search(text, start)
        assert (fast and (fast.span(), fast.groupdict())) == (
            slow and (slow.span(), slow.groupdict())
        )


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "Anne", "Marie", "-Louise", " Smith"]), max_size=30))
@example(["Anne", "-", "Marie", "-Louise", " Smith", " and Jean-Pierre-Marie Dupont"])
def test_runs_of_capitalised_words_are_those_person_matches_of_two_words(pieces) -> None:
    # _RUN skips single capitalised words; inside a hyphenated word it may start where
    # _PERSON does not, and the runs are read again as _PERSON reads them there
    text = "".join(pieces)
    runs = [m.span() for m in speakers.Speakers(text, [])._person_runs()]
    expected = [m.span() for m in speakers._PERSON.finditer(text) if len(m.group().split()) > 1]
    assert runs == expected
