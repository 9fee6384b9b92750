"""The words the corpus tools count: the shared tokenizer, with the tools' options."""

from __future__ import annotations

from corpus_tool import Document
from corpus_tool.tokenizer import stop_words as stop_list
from corpus_tool.tokenizer import words


def doc_words(doc: Document, *, lower: bool = True, stop_words: str | None = None) -> list[str]:
    """The document's words, case-folded unless ``lower`` is False, without the
    stop words of the language ``stop_words`` names (e.g. ``en``)."""
    stops = stop_list(stop_words) if stop_words else None
    if stops is not None and not lower:
        found = words(doc.text, lower=False)
        return [word for word in found if word.lower() not in stops]
    return words(doc.text, lower=lower, stop_words=stops)
