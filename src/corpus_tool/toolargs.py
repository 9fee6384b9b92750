"""A tool's options as its command would take them, from words or from Python values.

``report --with 'dates --anchor 2024-02-01'`` hands the dates tool the options its
own command would: parsed, converted and checked by the same typer declarations
(choices, ranges, callbacks), with the defaults filled in.  ``corpus_tool.run``
passes Python values (``anchor="2024-02-01"``) through the same declarations, so a
value the command would refuse is refused, and the tool gets what the command gives.
"""

from __future__ import annotations

import enum
import inspect
import os
from collections.abc import Mapping, Sequence
from typing import Any

from corpus_tool.tool import Options, Tool, option_hints


def parse_tool_args(tool: Tool, args: Sequence[str]) -> Options:
    """``tool``'s options from ``args`` (``["--anchor", "2024-02-01"]``), keyed by
    parameter name, every option present. Raises ``ValueError`` with the reason
    (an unknown option, a bad value) in the words the tool's command would use."""
    return tool_options(tool, args=args)


def option_names(tool: Tool) -> list[str]:
    """The Python names of ``tool``'s own options, in declaration order."""
    return list(inspect.signature(tool.func).parameters)[1:]


def _plain(value: Any) -> Any:
    """A Python value as click takes it: an enum member by its value, a path as text."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def tool_options(
    tool: Tool, values: Mapping[str, Any] | None = None, args: Sequence[str] = ()
) -> Options:
    """``tool``'s options, every one present: ``values`` by Python name (``top=5``),
    ``args`` as command-line words, the declared defaults for the rest.

    Values go through the command's own declarations (types, choices, ranges,
    callbacks), as click's defaults do.  Raises ``TypeError`` for a name the tool
    does not have and ``ValueError`` for a value its command would refuse.
    """
    import typer
    from typer.main import get_command

    names = option_names(tool)
    unknown = sorted(set(values or {}) - set(names))
    if unknown:
        have = ", ".join(names) or "none"
        raise TypeError(f"{tool.name} has no option {', '.join(unknown)} (its options: {have})")
    hints = option_hints(tool.func)
    parameters = [
        p.replace(annotation=hints.get(p.name, str))
        for p in list(inspect.signature(tool.func).parameters.values())[1:]
    ]
    captured: Options = {}

    def capture(**given: Any) -> None:
        captured.update(given)

    capture.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.command(name=tool.name)(capture)
    command = get_command(app)
    # Python values stand in as click's defaults: converted and checked, callbacks run.
    defaults = {name: _plain(value) for name, value in (values or {}).items()}
    for param in command.params:  # a repeatable option given one value: a list of one
        if param.multiple and isinstance(defaults.get(param.name), str):  # type: ignore[arg-type]
            defaults[param.name] = [defaults[param.name]]  # type: ignore[index]
    try:
        command.main(
            args=list(args), prog_name=tool.name, standalone_mode=False, default_map=defaults
        )
    except Exception as exc:  # click's usage errors, or a callback's BadParameter
        describe = getattr(exc, "format_message", None)
        raise ValueError(describe() if callable(describe) else str(exc)) from None
    return captured
