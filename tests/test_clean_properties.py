"""Property: cleaning is idempotent, on news-like generated text and on any unicode text."""

from __future__ import annotations

from corpus_tool_clean import Repair
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_tool import Document
from corpus_tool.plugins import load_plugins
from corpus_tool.testing import run_tool

TOOL = load_plugins().tool("clean")

# Pieces that trigger every repair when glued together in random order: words that
# join across case boundaries and in lower case, abbreviations, quote marks,
# boilerplate and header lines, broken hyphenation, mojibake and invisible characters.
PIECES = [
    "Ukraine", "Russia", "he", "The", "On", "This", "trail", "the", "water", "Water", "Aid",
    "said", "U.S.", "e.g.", "Mr.", "3.14", "Jul.01", "McDonald", "iPhone", "YouTube",
    "inter", "national", "well", "known", "www.Example.com", "a@b.org", "cafÃ©", "Vučić",
    "“", "”", "‘", "’", '"', ".", ",", "!", "?", ":", "…", "—", "-", "\u200b", "ﬁ", "\t",
    "Source link", "Leave a Reply", "Your email address will not be published.",
    "date 2023-02-13", "Written by Jane Roe", "Photo: Agency", "By John Smith",
]
SEPARATORS = ["", " ", " ", " ", "  ", "\n", "\n\n", "\n\n\n", "-\n", " \n"]

news_like = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=60
).map(lambda pairs: "".join(piece + sep for piece, sep in pairs))


def cleaned(text: str) -> str:
    [doc] = run_tool(TOOL, [Document("p", text)])
    return doc.text


def assert_idempotent(text: str) -> None:
    once = cleaned(text)
    assert cleaned(once) == once


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_cleaning_news_like_text_twice_changes_nothing(text: str) -> None:
    assert_idempotent(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_cleaning_any_text_twice_changes_nothing(text: str) -> None:
    assert_idempotent(text)


@settings(max_examples=100, deadline=None)
@given(news_like)
def test_cleaning_keeps_every_letter_it_does_not_move_to_meta(text: str) -> None:
    """Repairs add and remove spaces, hyphens and marks, never letters (unicode aside)."""
    [doc] = run_tool(TOOL, [Document("p", text)], skip=[Repair.unicode])
    moved = "".join(r["line"] for r in doc.meta["clean"]["removed"])
    def letters(s: str) -> str:
        return "".join(sorted(c for c in s if c.isalpha()))

    assert letters(doc.text + moved) == letters(text)
