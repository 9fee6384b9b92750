"""``--help`` pages: typer's layout (usage, text, option panels), drawn for a newcomer.

typer's own rich help reads every help string as rich markup (``'corpus-tool[dask]'``
loses its ``[dask]``), shows type placeholders (``<bool>``, ``<list[str]>``, ``<int
range> [x>=0]``), folds long choice lists in the middle of a word, and importing it
(with rich.markdown and markdown-it) costs more start-up time than the rest of the
command line. Here: plain text, one line per option name (``-j, --jobs N``),
the choices, default and range in words after the help, and only rich's table and
panel. The command classes below plug this in through click's ``format_help``.
"""

from __future__ import annotations

import inspect
import re
from enum import Enum
from typing import TYPE_CHECKING, Any

from typer.core import TyperCommand, TyperGroup

if TYPE_CHECKING:
    import click
    from rich.console import Console
    from rich.text import Text

ARGUMENTS_PANEL = "Arguments"
OPTIONS_PANEL = "Options"
COMMANDS_PANEL = "Commands"
# ``literal`` in a docstring (reStructuredText) shows as the literal, emphasised.
_LITERAL = re.compile(r"``(.+?)``")
_REQUIRED = re.compile(r"\{([^{}\s]+)\}")
# Metavars by value type, for options that do not name their own.
_TYPE_METAVARS = {int: "N", float: "NUMBER", str: "TEXT", bool: ""}
_CLICK_METAVARS = {"integer": "N", "float": "NUMBER", "text": "TEXT", "path": "PATH"}
_INLINE_CHOICES = 20  # characters of a|b|c shown in place of a metavar


def _attribute(param: Any, name: str, default: Any = None) -> Any:
    return getattr(param, name, default)


def _descriptor(param: Any) -> Any:
    # Recent typers keep the annotation in a type descriptor; older ones, click types.
    return _attribute(param, "type_descriptor")


def choices(param: Any) -> list[str]:
    """The values a choice option accepts, as typed on the command line."""
    descriptor = _descriptor(param)
    found = _attribute(descriptor, "choices") if descriptor is not None else None
    if found is None:
        found = _attribute(_attribute(param, "type"), "choices")
    return [str(c.value if isinstance(c, Enum) else c) for c in found or ()]


def _value_type(param: Any) -> Any:
    descriptor = _descriptor(param)
    annotation = _attribute(descriptor, "annotation") if descriptor is not None else None
    while hasattr(annotation, "__args__") and getattr(annotation, "__origin__", None) is list:
        annotation = annotation.__args__[0]
    return annotation


def metavar(param: Any) -> str:
    """What follows the option name: its own metavar, or a word for its value."""
    if _attribute(param, "is_flag"):
        return ""
    if param.metavar:
        return str(param.metavar)
    if _inline_choices(param):
        return "|".join(choices(param))
    if choices(param):
        return _word(param)
    descriptor = _descriptor(param)
    if descriptor is None:  # a typer that keeps click's parameter types
        name = str(_attribute(_attribute(param, "type"), "name", ""))
        return _CLICK_METAVARS.get(name, _word(param))
    if _attribute(descriptor, "is_path"):
        return "PATH"
    return _TYPE_METAVARS.get(_value_type(param), _word(param))


def _inline_choices(param: Any) -> bool:
    """A short choice list stands in the metavar (``--by quote|speaker``)."""
    accepted = choices(param)
    return bool(accepted) and not param.metavar and len("|".join(accepted)) <= _INLINE_CHOICES


def _word(param: Any) -> str:
    """The option's own name as a metavar: ``--format`` gives ``FORMAT``."""
    long = [o for o in param.opts if o.startswith("--")]
    return (long[0][2:] if long else str(param.name)).replace("-", "_").upper()


def _number_range(param: Any) -> str:
    low, high = _attribute(param, "min"), _attribute(param, "max")
    if low is not None and high is not None:
        return f"{low} to {high}"
    if low is not None:
        return f"at least {low}"
    if high is not None:
        return f"at most {high}"
    return ""


def _default(param: Any, ctx: click.Context) -> str:
    show = _attribute(param, "show_default")
    if isinstance(show, str):
        return show
    if not show:
        return ""
    try:
        value = param.get_default(ctx, call=False)
    except Exception:  # a default that cannot be shown is not worth failing --help over
        return ""
    if callable(value) or value in (None, False, (), []):
        return ""
    if value is True and _attribute(param, "secondary_opts"):
        return str(param.opts[0]).lstrip("-")  # --clean/--no-clean: "clean"
    if isinstance(value, list | tuple):
        return ", ".join(str(getattr(v, "value", v)) for v in value)
    return str(getattr(value, "value", value))


def notes(param: Any, ctx: click.Context) -> str:
    """The words after an option's help: its choices, range, default, whether required."""
    parts = []
    accepted = choices(param)
    if accepted and not _inline_choices(param):
        parts.append("one of: " + ", ".join(accepted))
    bounds = _number_range(param)
    if bounds:
        parts.append(bounds)
    default = _default(param, ctx)
    if default:
        parts.append(f"default: {default}")
    if param.required:
        parts.append("required")
    return f"[{'; '.join(parts)}]" if parts else ""


def names(param: Any) -> str:
    """``-m, --metric METRIC``; ``--clean / --no-clean``; an argument's ``PATH...``."""
    if _attribute(param, "param_type_name") == "argument":
        shown = str(param.metavar or param.name).upper()
        return shown + ("..." if param.nargs != 1 or _attribute(param, "multiple") else "")
    short = [o for o in param.opts if not o.startswith("--")]
    long = [o for o in param.opts if o.startswith("--")]
    text = ", ".join([*short, *long])
    if param.secondary_opts:
        text += " / " + ", ".join(param.secondary_opts)
    value = metavar(param)
    return f"{text} {value}" if value else text


def styled(text: str, style: str = "") -> Text:
    """Plain text (never markup), with ``literals`` shown bold and without the backticks."""
    from rich.text import Text

    result = Text(style=style)
    position = 0
    for match in _LITERAL.finditer(text):
        result.append(text[position : match.start()])
        result.append(match.group(1), style="bold")
        position = match.end()
    result.append(text[position:])
    return result


def paragraphs(help_text: str) -> list[str]:
    """A docstring's paragraphs, each on one line (the terminal wraps them);
    lines of a list (``- item``) keep their breaks."""
    result = []
    for block in inspect.cleandoc(help_text).partition("\f")[0].split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines()]
        if not lines:
            continue
        listed = any(line.startswith(("- ", "* ")) for line in lines)
        result.append("\n".join(lines) if listed or block.startswith("\b") else " ".join(lines))
    return [p.replace("\b\n", "").replace("\b", "") for p in result]


def _panel(title: str, rows: list[tuple[str, Text]]) -> Any:
    from rich import box
    from rich.panel import Panel
    from rich.table import Table

    grid = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    grid.add_column(no_wrap=True, style="bold cyan")
    grid.add_column(ratio=1, overflow="fold")
    for name, description in rows:
        grid.add_row(name, description)
    return Panel(grid, title=title, title_align="left", box=box.ROUNDED, border_style="dim")


def _param_help(param: Any, ctx: click.Context) -> Text:
    text = styled(" ".join(paragraphs(_attribute(param, "help") or "")))
    extra = notes(param, ctx)
    if extra:
        text.append((" " if text.plain else "") + extra, style="dim")
    return text


def render_help(command: click.Command, ctx: click.Context, console: Console) -> None:
    """Usage, the command's text, its arguments and options by panel, its subcommands."""
    from rich.padding import Padding

    # Recent typers write a required argument as {NAME}: the usual NAME here.
    usage = _REQUIRED.sub(r"\1", command.get_usage(ctx))
    console.print(Padding(styled(usage, "bold"), (1, 1, 0, 1)))
    texts = paragraphs(command.help or "")
    if texts:
        console.print()
        for index, paragraph in enumerate(texts):
            if index:
                console.print()
            console.print(Padding(styled(paragraph, "" if index else "bold"), (0, 1)))
    panels: dict[str, list[tuple[str, Text]]] = {}
    for param in command.get_params(ctx):
        if _attribute(param, "hidden"):
            continue
        is_argument = _attribute(param, "param_type_name") == "argument"
        panel = _attribute(param, "rich_help_panel") or (
            ARGUMENTS_PANEL if is_argument else OPTIONS_PANEL
        )
        panels.setdefault(panel, []).append((names(param), _param_help(param, ctx)))
    # Arguments first and the generic Options (--help) last: typer's order.
    order = sorted(panels, key=lambda t: (t != ARGUMENTS_PANEL, t == OPTIONS_PANEL))
    console.print()
    for title in order:
        console.print(_panel(title, panels[title]))
    if isinstance(command, TyperGroup):
        rows = []
        for name in command.list_commands(ctx):
            summary = command.summary(ctx, name) if isinstance(command, HelpGroup) else None
            if summary is not None:
                rows.append((name, styled(summary)))
                continue
            sub = command.get_command(ctx, name)
            if sub is None or sub.hidden:
                continue
            first = paragraphs(sub.help or "")[:1]
            rows.append((name, styled(sub.short_help or (first[0] if first else ""))))
        if rows:
            console.print(_panel(COMMANDS_PANEL, rows))
    if command.epilog:
        console.print(Padding(styled(" ".join(paragraphs(command.epilog))), (0, 1)))


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


class HelpCommand(TyperCommand):
    """A typer command whose ``--help`` is drawn by :func:`render_help`."""

    def format_help(self, ctx: click.Context, formatter: Any) -> None:
        render_help(self, ctx, _console())


class HelpGroup(TyperGroup):
    """The command group, with the same help drawing for itself."""

    def format_help(self, ctx: click.Context, formatter: Any) -> None:
        render_help(self, ctx, _console())

    def summary(self, ctx: click.Context, name: str) -> str | None:
        """A subcommand's line in the command list, when known without building it."""
        return None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        # Commands a plugin adds with a plain ``@app.command()`` get the same help:
        # HelpCommand only overrides a method, so the switch keeps all their state.
        if type(command) is TyperCommand:
            command.__class__ = HelpCommand
        return command
