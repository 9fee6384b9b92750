"""The command's option types and their validation (at parse time, not per document)."""

from __future__ import annotations

import enum

import typer


class TimexType(str, enum.Enum):
    """TIMEX3 types, for ``--type``."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


def check_anchor(value: str | None) -> str | None:
    """``--anchor`` must be a calendar date: a bad one is a usage error (exit 2)."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise typer.BadParameter(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def check_bound(value: str | None) -> str | None:
    """``--from``/``--to``: YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is None:
        return None
    from corpus_tool_dates.values import bound

    try:
        bound(value, end=False)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    return value.strip()


def type_names(types: list[TimexType] | list[str] | None) -> frozenset[str]:
    """The wanted types as upper-case names (enum members or plain strings)."""
    return frozenset(str(getattr(t, "value", t)).upper() for t in types or ())
