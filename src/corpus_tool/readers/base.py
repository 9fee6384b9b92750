"""What readers yield besides documents: problems, and usage errors in the paths."""

from __future__ import annotations

from dataclasses import dataclass

from corpus_tool.document import Document


@dataclass
class Problem:
    """Something in the input that could not be read as a document."""

    where: str  # a path, or path:line for JSON Lines
    message: str
    skipped: bool = True  # False: a warning about a document that was still read

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class InputError(Exception):
    """A usage error in the input paths (e.g. a path that does not exist)."""


Item = Document | Problem
