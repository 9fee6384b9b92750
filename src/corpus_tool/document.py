"""The document: the unit every tool works on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Document:
    """A text with an id and free-form metadata.

    ``id`` is the path relative to the input root without its extension, or the
    ``id`` of a JSON Lines record.  ``meta`` holds the source path and any other
    fields a JSON Lines record carried (``date``, ``title``, ``lang``...), plus the
    results that ``--annotate`` and transforms add under the tool's name.
    """

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    # Where it was read from (a path, path:line of a JSON Lines record, <stdin>),
    # named in messages about it; not part of its JSON.
    origin: str = field(default="", repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "meta": self.meta}
