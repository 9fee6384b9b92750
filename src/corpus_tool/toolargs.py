"""A tool's options from command-line words, for plugins that run other tools.

``report --with 'dates --anchor 2024-02-01'`` hands the dates tool the options its
own command would: parsed, converted and checked by the same typer declarations
(choices, ranges, callbacks), with the defaults filled in.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from typing import Any

from corpus_tool.tool import Options, Tool, option_hints


def parse_tool_args(tool: Tool, args: Sequence[str]) -> Options:
    """``tool``'s options from ``args`` (``["--anchor", "2024-02-01"]``), keyed by
    parameter name, every option present. Raises ``ValueError`` with the reason
    (an unknown option, a bad value) in the words the tool's command would use."""
    import typer
    from typer.main import get_command

    hints = option_hints(tool.func)
    parameters = [
        p.replace(annotation=hints.get(p.name, str))
        for p in list(inspect.signature(tool.func).parameters.values())[1:]
    ]
    captured: Options = {}

    def capture(**values: Any) -> None:
        captured.update(values)

    capture.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.command(name=tool.name)(capture)
    command = get_command(app)
    try:
        command.main(args=list(args), prog_name=tool.name, standalone_mode=False)
    except Exception as exc:  # click's usage errors, or a callback's BadParameter
        describe = getattr(exc, "format_message", None)
        raise ValueError(describe() if callable(describe) else str(exc)) from None
    return captured
