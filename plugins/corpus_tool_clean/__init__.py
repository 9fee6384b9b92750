"""The built-in ``clean`` transform: repair scraped, OCR'd and machine-translated text.

Repairs (each can be chosen with ``--only``/``--skip``): unicode, metadata,
boilerplate, hyphenation, dashes, whitespace, sentence-spacing, joined-words, quotes.
What was done is recorded under ``meta.clean``; see ``clean`` for the fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from corpus_tool import Document, Transform, hookimpl
from corpus_tool_clean.diff import diff

# The repairs themselves (cleaner, garble and their patterns) load on first use:
# listing the commands (every --help) needs only the names of the repairs.
from corpus_tool_clean.kinds import Repair

if TYPE_CHECKING:
    from corpus_tool_clean.garble import garble_score

__all__ = ["Repair", "clean", "diff", "garble_score", "register_tools"]


def __getattr__(name: str) -> Any:
    if name == "garble_score":
        from corpus_tool_clean.garble import garble_score

        return garble_score
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


RepairOption = Annotated[
    list[Repair] | None,
    typer.Option(help="Run only this repair (repeatable).", metavar="REPAIR", show_default=False),
]
SkipOption = Annotated[
    list[Repair] | None,
    typer.Option(help="Do not run this repair (repeatable).", metavar="REPAIR", show_default=False),
]


def clean(
    doc: Document,
    *,
    only: RepairOption = None,
    skip: SkipOption = None,
) -> Document:
    """Repair damaged text: mojibake, spacing, run-together words, quote marks, boilerplate.

    The output document records under ``meta.clean``: ``changed`` (bool),
    ``repairs`` ({kind: count}), ``removed`` (boilerplate and metadata lines,
    verbatim, as {"kind", "line"}), ``garble_before``/``garble_after``
    (suspicious spots per 1,000 words).  Moved header metadata also becomes
    plain fields (``date``, ``byline``, ``photo``) unless the document already
    has them.  ``--diff`` and ``--check`` are the core's, for every transform:
    they compare the text before and after.
    """
    from corpus_tool_clean.cleaner import chosen, clean_text
    from corpus_tool_clean.garble import garble_score

    result = clean_text(doc.text, chosen(only, skip))
    changed = result.text != doc.text
    before = garble_score(doc.text)
    record: dict[str, Any] = {
        "changed": changed,
        "garble_before": before,
        "garble_after": garble_score(result.text) if changed else before,
        "repairs": result.repairs,
        "removed": result.removed,
    }
    return Document(doc.id, result.text, {**result.meta, **doc.meta, "clean": record})


def _info() -> str:
    from corpus_tool_clean.dictionary import source

    return f"repairs: {', '.join(r.value for r in Repair)}; word frequencies: {source()}"


@hookimpl
def register_tools() -> list[Transform]:
    return [Transform(name="clean", func=clean, info=_info)]
