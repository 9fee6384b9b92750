"""The metrics, each computed by the textstat function of the same name."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from typing import Any

DEFAULT_LANG = "en_US"  # textstat's own default


class Metric(str, enum.Enum):
    """The score columns, named after the textstat functions that compute them."""

    flesch_reading_ease = "flesch_reading_ease"
    flesch_kincaid_grade = "flesch_kincaid_grade"
    gunning_fog = "gunning_fog"
    smog_index = "smog_index"
    coleman_liau_index = "coleman_liau_index"
    automated_readability_index = "automated_readability_index"
    dale_chall_readability_score = "dale_chall_readability_score"
    linsear_write_formula = "linsear_write_formula"
    text_standard = "text_standard"
    reading_time = "reading_time"


METRICS: tuple[str, ...] = tuple(m.value for m in Metric)
COUNTS: tuple[str, ...] = ("words", "sentences", "syllables")
# Column -> (textstat method, its keyword arguments).
_CALLS: dict[str, tuple[str, dict[str, Any]]] = {
    "words": ("lexicon_count", {}),
    "sentences": ("sentence_count", {}),
    "syllables": ("syllable_count", {}),
    **{name: (name, {}) for name in METRICS},
    # The consensus grade as a number, not textstat's "9th and 10th grade".
    "text_standard": ("text_standard", {"float_output": True}),
}


def selected(metrics: Iterable[Metric | str] | None) -> tuple[str, ...]:
    """The chosen metrics in the canonical column order; all of them when none is chosen."""
    chosen = {Metric(m).value for m in metrics or ()}
    return tuple(m for m in METRICS if m in chosen) if chosen else METRICS


@functools.cache
def supported_languages() -> tuple[str, ...]:
    """The language codes textstat can count syllables in (Pyphen's dictionaries)."""
    import pyphen

    return tuple(sorted(pyphen.LANGUAGES))


@functools.cache
def normalize_lang(code: str) -> str:
    """'en-GB', 'EN_gb' -> 'en_GB'; ValueError listing the valid codes for an unknown one.

    textstat splits codes on '_' to find the language's formula constants and
    CMUdict, so the code must be in Pyphen's own spelling.
    """
    import pyphen

    found = pyphen.language_fallback(code.strip())
    if found is None:
        raise ValueError(
            f"unknown language {code!r}; valid: {', '.join(supported_languages())}")
    return found


def word_count(text: str, lang: str) -> int:
    """textstat's word count (cached by textstat, so scoring the text again reuses it)."""
    from corpus_tool_readability.syllables import textstat_instance  # not for --help

    textstat = textstat_instance()
    textstat.set_lang(lang)
    return textstat.lexicon_count(text)


def score(text: str, lang: str, metrics: tuple[str, ...]) -> dict[str, Any]:
    """The counts and the chosen metrics of ``text``, each exactly textstat's value."""
    from corpus_tool_readability.syllables import textstat_instance  # not for --help

    textstat = textstat_instance()
    textstat.set_lang(lang)
    row: dict[str, Any] = {}
    for column in COUNTS:
        method, kwargs = _CALLS[column]
        row[column] = getattr(textstat, method)(text, **kwargs)
    for column in metrics:
        # Without a word there is nothing to score: null, not textstat's 0.0 (a grade).
        method, kwargs = _CALLS[column]
        row[column] = getattr(textstat, method)(text, **kwargs) if row["words"] else None
    return row
