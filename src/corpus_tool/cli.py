"""The ``corpus-tool`` command line: one subcommand per tool the plugins provide."""

from __future__ import annotations

import functools
import importlib
import inspect
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from corpus_tool.engines import Engine
from corpus_tool.helptext import HelpCommand, HelpGroup
from corpus_tool.plugins import PluginConfig, Registry, shared_registry
from corpus_tool.reading import ReadOptions
from corpus_tool.tool import Aggregator, Analyzer, Tool, Transform, option_hints
from corpus_tool.writers import Format, RowFormat

if TYPE_CHECKING:
    from rich.console import Console

CORE_COMMANDS = {"plugins"}
COMMON_PANEL = "Common options"
TOOL_PANEL = "Tool options"


@functools.cache
def _stderr() -> Console:
    """rich's console on stderr, made at the first message: a run with nothing to say
    does not import rich."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def warn(message: str) -> None:
    _stderr().print(f"corpus-tool: warning: {message}", markup=False)


# --- the common options of every tool command ---------------------------------


def _option(*decls: str, help: str, **extra: Any) -> Any:
    return typer.Option(*decls, help=help, rich_help_panel=COMMON_PANEL, **extra)


def _check_anchor_from(value: str | None) -> str | None:
    if value is None:
        return None
    from corpus_tool.readers.anchor import check

    try:
        return check(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _common_parameters(tool: Tool) -> list[inspect.Parameter]:
    """(python name, annotation, default) of the options every tool command shares."""
    spec: list[tuple[str, Any, Any]] = [
        (
            "ct_paths",
            Annotated[
                list[str] | None,
                typer.Argument(
                    metavar="PATH",
                    show_default=False,
                    help="Files, directories (recursive), globs or - ; none: read standard input "
                    "(JSON Lines documents, or plain text as one document).",
                ),
            ],
            None,
        ),
        (
            "ct_format",
            Annotated[
                Format | None,
                _option(
                    "--format",
                    "-f",
                    show_default=False,
                    help="Output format (default: table on a terminal, else jsonl; with "
                    "--out, by FILE's suffix). parquet needs --out (pip install "
                    "'corpus-tool[parquet]').",
                ),
            ],
            None,
        ),
        (
            "ct_jobs",
            Annotated[
                int, _option("--jobs", "-j", min=0, help="Worker processes; 0 = one per core.")
            ],
            1,
        ),
        (
            "ct_glob",
            Annotated[
                list[str] | None,
                _option(
                    "--glob",
                    show_default=False,
                    metavar="PATTERN",
                    help="File pattern when walking directories, repeatable "
                    "(default: every format read, compressed or not).",
                ),
            ],
            None,
        ),
        (
            "ct_text_column",
            Annotated[
                str | None,
                _option(
                    "--text-column",
                    show_default=False,
                    metavar="NAME",
                    help="CSV, TSV, Parquet: the column holding the text (default: text).",
                ),
            ],
            None,
        ),
        (
            "ct_id_column",
            Annotated[
                str | None,
                _option(
                    "--id-column",
                    show_default=False,
                    metavar="NAME",
                    help="CSV, TSV, Parquet: the column holding the id (default: id if there "
                    "is one, else FILE:ROW).",
                ),
            ],
            None,
        ),
        (
            "ct_anchor_from",
            Annotated[
                str | None,
                _option(
                    "--anchor-from",
                    show_default=False,
                    metavar="meta:FIELD|name|mtime",
                    callback=_check_anchor_from,
                    help="Set each document's date (meta.date, the dates anchor) from a "
                    "metadata field, the first YYYY-MM-DD in its file name, or its file's "
                    "modification time.",
                ),
            ],
            None,
        ),
        (
            "ct_timeout",
            Annotated[
                float | None,
                _option(
                    "--timeout",
                    min=0.001,
                    show_default=False,
                    help="Give up on a document after this many seconds, report it, go on.",
                ),
            ],
            None,
        ),
        (
            "ct_out",
            Annotated[
                Path | None,
                _option(
                    "--out",
                    dir_okay=False,
                    show_default=False,
                    metavar="FILE",
                    help="Write the output to FILE, in the format its name says (rows.csv, "
                    "docs.jsonl.gz, rows.parquet), compressed by .gz/.bz2/.xz; "
                    "written whole or not at all.",
                ),
            ],
            None,
        ),
        (
            "ct_out_dir",
            Annotated[
                Path | None,
                _option(
                    "--out-dir",
                    file_okay=False,
                    show_default=False,
                    metavar="DIR",
                    help="Write one file per document under DIR instead of standard output.",
                ),
            ],
            None,
        ),
        (
            "ct_resume",
            Annotated[
                bool,
                _option(
                    "--resume",
                    help="With --out-dir: skip documents whose output file exists, "
                    "and say how many.",
                ),
            ],
            False,
        ),
        (
            "ct_engine",
            Annotated[
                Engine,
                _option(
                    "--engine",
                    help="Run the tools in local worker processes, or on a Dask cluster "
                    "(pip install 'corpus-tool[dask]').",
                ),
            ],
            Engine.local,
        ),
        (
            "ct_scheduler",
            Annotated[
                str | None,
                _option(
                    "--scheduler",
                    show_default=False,
                    metavar="ADDRESS",
                    help="With --engine dask: the scheduler's address, e.g. tcp://host:8786 "
                    "(default: a local cluster).",
                ),
            ],
            None,
        ),
        ("ct_quiet", Annotated[bool, _option("--quiet", "-q", help="No progress bar.")], False),
        (
            "ct_debug",
            Annotated[bool, _option("--debug", help="Show tracebacks of failures.")],
            False,
        ),
    ]
    if isinstance(tool, Analyzer):
        spec.append(
            (
                "ct_annotate",
                Annotated[
                    bool,
                    _option(
                        "--annotate",
                        help=f"Write the documents through, with the results under "
                        f"meta.{tool.name}, so analyzers chain.",
                    ),
                ],
                False,
            )
        )
    if isinstance(tool, Transform):
        spec.append(
            (
                "ct_summary",
                Annotated[
                    bool,
                    _option(
                        "--summary",
                        help="Write one row per document (the table's figures) instead of "
                        "the documents; -f csv and -f tsv always do.",
                    ),
                ],
                False,
            )
        )
    if isinstance(tool, Transform) and tool.edits_text:
        spec.append(
            (
                "ct_diff",
                Annotated[
                    bool,
                    _option(
                        "--diff",
                        help="Show a coloured unified diff of each document; write nothing else.",
                    ),
                ],
                False,
            )
        )
        spec.append(
            (
                "ct_check",
                Annotated[
                    bool,
                    _option(
                        "--check",
                        help="Change nothing; list the documents that would change "
                        "(exit 1 if any).",
                    ),
                ],
                False,
            )
        )
    if isinstance(tool, Aggregator):  # rows about the whole corpus: no file per document
        spec = [item for item in spec if item[0] not in ("ct_out_dir", "ct_resume")]
    return [
        inspect.Parameter(
            name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
        )
        for name, annotation, default in spec
    ]


def _option_names(name: str, annotation: Any) -> set[str]:
    info = next(
        (
            a
            for a in getattr(annotation, "__metadata__", ())
            if isinstance(a, typer.models.ParameterInfo)
        ),
        None,
    )
    if info is None:
        return {"--" + name.replace("_", "-")}
    decls = [info.default] if isinstance(info.default, str) else []
    decls += list(info.param_decls or ())
    names = {d for decl in decls for d in decl.split("/") if d.startswith("-")}
    return names or {"--" + name.replace("_", "-")}


class PluginContractError(Exception):
    """A tool declaration the core cannot turn into a command."""


def _tool_parameters(tool: Tool, taken: set[str]) -> list[inspect.Parameter]:
    """The tool function's keyword-only parameters, as typer options in their own panel."""
    # The signature's shape (document first, options keyword-only) was checked when
    # the tool was declared.
    parameters = list(inspect.signature(tool.func).parameters.values())
    hints = option_hints(tool.func)
    result = []
    for parameter in parameters[1:]:
        annotation = hints.get(parameter.name, str)
        if not any(
            isinstance(a, typer.models.ParameterInfo)
            for a in getattr(annotation, "__metadata__", ())
        ):
            annotation = Annotated[annotation, typer.Option()]
        for meta in annotation.__metadata__:
            if isinstance(meta, typer.models.OptionInfo) and meta.rich_help_panel is None:
                meta.rich_help_panel = TOOL_PANEL
        clash = _option_names(parameter.name, annotation) & taken
        if clash or parameter.name.startswith("ct_"):
            raise PluginContractError(
                f"option {', '.join(sorted(clash)) or parameter.name} clashes with a common option"
            )
        result.append(parameter.replace(annotation=annotation))
    return result


def _is_argument(annotation: Any) -> bool:
    return any(isinstance(a, typer.models.ArgumentInfo) for a in annotation.__metadata__)


def _tool_command(tool: Tool, config: PluginConfig) -> Callable[..., None]:
    common = _common_parameters(tool)
    taken = {n for p in common for n in _option_names(p.name, p.annotation)}
    own = _tool_parameters(tool, taken)

    def command(**values: Any) -> None:
        # Only a run needs the pipeline (readers, runner, writers): --help stays light.
        from corpus_tool.pipeline import RunSettings, UsageProblem, run_command

        common_values = {k[3:]: values.pop(k) for k in list(values) if k.startswith("ct_")}
        settings = RunSettings(
            paths=common_values["paths"] or [],
            fmt=common_values["format"],
            jobs=common_values["jobs"],
            patterns=tuple(common_values["glob"] or ()) or RunSettings.patterns,
            quiet=common_values["quiet"],
            annotate=common_values.get("annotate", False),
            out=common_values["out"],
            out_dir=common_values.get("out_dir"),
            resume=common_values.get("resume", False),
            timeout=common_values["timeout"],
            diff=common_values.get("diff", False),
            check=common_values.get("check", False),
            summary=common_values.get("summary", False),
            debug=common_values["debug"] or _DEBUG.requested,
            engine=common_values["engine"],
            scheduler=common_values["scheduler"],
            config=config,
            reading=ReadOptions(
                text_column=common_values["text_column"],
                id_column=common_values["id_column"],
                anchor_from=common_values["anchor_from"],
            ),
        )
        try:
            status = run_command(tool, values, settings)
        except UsageProblem as exc:
            _stderr().print(f"corpus-tool {tool.name}: usage error: {exc}", markup=False)
            raise typer.Exit(2) from None
        except KeyboardInterrupt as exc:
            _stderr().print("corpus-tool: interrupted", markup=False)
            raise typer.Exit(143 if isinstance(exc, Terminated) else 130) from None
        except BrokenPipeError:
            _quiet_closed_pipe()
        raise typer.Exit(status)

    # The tool's own options come first in the help: they are what is new to a reader.
    # Its own arguments (kwic PATTERN) come before the paths.
    arguments = [p for p in own if _is_argument(p.annotation)]
    options = [p for p in own if not _is_argument(p.annotation)]
    parameters = [*arguments, common[0], *options, *common[1:]]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in parameters}
    command.__name__ = tool.name
    return command


# --- the app ------------------------------------------------------------------


def _tool_info(tool: Tool) -> str:
    """A tool's line for ``plugins``; a plugin's bug there must not break the listing."""
    assert tool.info is not None
    try:
        return str(tool.info())
    except Exception as exc:
        return f"{tool.name}: info failed: {type(exc).__name__}: {exc}"


def _plugins_command(registry: Registry) -> Callable[..., None]:
    def plugins(
        ctx: typer.Context,
        fmt: Annotated[
            RowFormat | None,
            typer.Option(
                "--format",
                "-f",
                show_default=False,
                help="Output format (default: table on a terminal, else jsonl).",
            ),
        ] = None,
        debug: Annotated[
            bool, typer.Option("--debug", help="Show the traceback of each plugin that failed.")
        ] = False,
    ) -> None:
        """List every plugin: version, tools, where it came from, and whether it loaded."""
        del debug  # main() shows the tracebacks, before the commands are built
        from corpus_tool.pipeline import emit_rows

        group = ctx.find_root().command
        if isinstance(group, ToolGroup):
            group.build_all()  # a tool whose options typer cannot build shows as failed

        rows = []
        for info in registry.plugins:
            notes = [_tool_info(registry.tools[t]) for t in info.tools if registry.tools[t].info]
            rows.append(
                {
                    "plugin": info.name,
                    "version": info.version,
                    "status": info.status,
                    "tools": ", ".join(info.tools),
                    "readers": ", ".join(info.readers) or None,
                    "source": info.source,
                    "error": info.error or None,
                    "info": "; ".join(notes) or None,
                }
            )
        if not any(info.readers for info in registry.plugins):
            for row in rows:  # a column only when some plugin adds input formats
                del row["readers"]
        emit_rows(rows, Format(fmt.value) if fmt else None, title="plugins")

    return plugins


def _version(value: bool) -> None:
    if value:
        from corpus_tool import __version__

        typer.echo(f"corpus-tool {__version__}")
        raise typer.Exit()


class ToolGroup(HelpGroup):
    """The command group. A tool's command is built (typer's work, for every option)
    only when it is used: listing the commands, or running one, builds no other."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tools: dict[str, Tool] = {}
        self.registry: Registry | None = None
        self.config = PluginConfig()

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        core = [n for n in names if n in CORE_COMMANDS]
        return [
            *core,
            *(n for n in self.tools if n not in names),
            *(n for n in names if n not in core),
        ]

    def summary(self, ctx: Any, name: str) -> str | None:
        tool = self.tools.get(name)
        if tool is None or name in self.commands:
            return super().summary(ctx, name)
        return tool.help.strip().splitlines()[0] if tool.help.strip() else ""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in self.tools and cmd_name not in self.commands:
            self.commands[cmd_name] = self._build(cmd_name)
        return super().get_command(ctx, cmd_name)

    def _build(self, name: str) -> Any:
        tool = self.tools[name]
        try:
            function = _tool_command(tool, self.config)
            app = typer.Typer(
                add_completion=False,
                pretty_exceptions_enable=False,
                context_settings={"help_option_names": ["-h", "--help"]},
            )
            first = tool.help.strip().splitlines()[0] if tool.help.strip() else ""
            app.command(name, cls=HelpCommand, help=tool.help, short_help=first)(function)
            return typer.main.get_command(app)
        except Exception as exc:  # an option typer cannot build: its plugin is broken
            reason = f"tool {name!r}: {type(exc).__name__}: {exc}"
            if self.registry is not None:
                self.registry.fail_tool(name, reason)
            del self.tools[name]
            raise _ERRORS.ClickException(f"{reason} (a bug in its plugin)") from None

    def build_all(self) -> None:
        """Every tool's command, so that ``plugins`` can report the ones that fail."""
        for name in list(self.tools):
            if name not in self.commands:
                try:
                    self.commands[name] = self._build(name)
                except _ERRORS.ClickException as exc:
                    warn(exc.format_message() + "; skipped")


def build_command(registry: Registry, config: PluginConfig) -> ToolGroup:
    """The whole command line: the core's and the plugins' own commands, and one
    command per tool (built when used)."""
    group = typer.main.get_command(build_app(registry, config))
    assert isinstance(group, ToolGroup)
    group.registry, group.config = registry, config
    for name, tool in registry.tools.items():
        if name in CORE_COMMANDS or name in group.commands:
            warn(f"tool {name!r} clashes with a core command; skipped")
            continue
        group.tools[name] = tool
    return group


def build_app(registry: Registry, config: PluginConfig) -> typer.Typer:
    """The typer app: options, ``plugins`` and the plugins' own commands (the tools'
    commands are added by :func:`build_command`)."""
    app = typer.Typer(
        name="corpus-tool",
        cls=ToolGroup,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
        help="A plugin-driven toolbox for text corpora: one command per analysis, "
        "tables on a terminal, JSON Lines in a pipe.",
    )

    @app.callback()
    def root(
        plugins_dir: Annotated[
            list[Path] | None,
            typer.Option(
                "--plugins-dir",
                show_default=False,
                metavar="DIR",
                help="Also load plugins from the .py files in DIR (repeatable; "
                "env CORPUS_TOOL_PLUGINS_DIR). Their code runs, as with any plugin.",
            ),
        ] = None,
        disable_plugin: Annotated[
            list[str] | None,
            typer.Option(
                "--disable-plugin",
                show_default=False,
                metavar="NAME",
                help="Do not load the named plugin (repeatable; env CORPUS_TOOL_DISABLE=a,b).",
            ),
        ] = None,
        version: Annotated[
            bool,
            typer.Option(
                "--version", "-V", callback=_version, is_eager=True, help="Show the version."
            ),
        ] = False,
        debug: Annotated[
            bool,
            typer.Option(
                "--debug", help="Show tracebacks: of plugins that fail to load, of failures."
            ),
        ] = False,
    ) -> None:
        # Read before the app was built (plugins decide which commands exist); --debug
        # is seen by main() wherever it stands.
        del plugins_dir, disable_plugin, version, debug

    app.command("plugins", cls=HelpCommand)(_plugins_command(registry))
    for impl in registry.manager.hook.register_commands.get_hookimpls():
        try:
            impl.function(app=app)
        except Exception as exc:
            warn(
                f"plugin {impl.plugin_name!r} failed to add its commands: "
                f"{type(exc).__name__}: {exc}"
            )
    return app


def _preparse(argv: list[str]) -> tuple[list[str], list[str]]:
    """The global plugin options, read before typer runs (they decide the subcommands)."""
    dirs: list[str] = []
    disabled: list[str] = []
    index = 0
    while index < len(argv):
        token = argv[index]
        if not token.startswith("-"):
            break  # the subcommand: what follows is its own
        for flag, target in (("--plugins-dir", dirs), ("--disable-plugin", disabled)):
            if token == flag and index + 1 < len(argv):
                target.append(argv[index + 1])
                index += 1
            elif token.startswith(flag + "="):
                target.append(token.split("=", 1)[1])
        index += 1
    return dirs, disabled


class _Debug:
    """Whether --debug was given anywhere on the command line (``corpus-tool --debug X``)."""

    requested = False


_DEBUG = _Debug()


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that every clean-up on the way out runs."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    signal.signal(signal.SIGTERM, _on_sigterm)
    debug = _DEBUG.requested = "--debug" in argv
    try:
        dirs, disabled = _preparse(argv)
        for directory in dirs:
            if not Path(directory).is_dir():
                _stderr().print(f"corpus-tool: usage error: no such plugins directory: {directory}")
                sys.exit(2)
        config = PluginConfig.from_env(dirs, disabled)
        # Plugins that run other tools in worker processes load the same set.
        config.export()
        registry = shared_registry(config)
        for message in registry.warnings:
            warn(message)
        if debug:  # why each plugin that failed to load did
            for info in registry.plugins:
                if info.details:
                    _stderr().print(info.details.rstrip(), markup=False)
        # Not standalone: usage errors come here, to be told in plain words.
        command = build_command(registry, config)
        status = command.main(args=argv, prog_name="corpus-tool", standalone_mode=False)
        _flush_or_quiet()
        sys.exit(status if isinstance(status, int) else 0)
    except _ERRORS.ClickException as exc:
        sys.exit(_usage_error(exc))
    except typer.Abort:
        _stderr().print("corpus-tool: aborted", markup=False)
        sys.exit(1)
    except KeyboardInterrupt as exc:
        _stderr().print("corpus-tool: interrupted", markup=False)
        sys.exit(143 if isinstance(exc, Terminated) else 130)
    except BrokenPipeError:
        _quiet_closed_pipe()
    except SystemExit as exit_:
        if exit_.code not in (0, None):
            raise
        _flush_or_quiet()
        raise
    except Exception as exc:
        if debug:
            raise
        _stderr().print(
            f"corpus-tool: internal error: {type(exc).__name__}: {exc} "
            "(run with --debug for the traceback)",
            markup=False,
        )
        sys.exit(1)


# Where this typer keeps click's exceptions (its own copy of click, or click).
_ERRORS = importlib.import_module(typer.BadParameter.__module__)


def _usage_error(exc: Any) -> int:
    """A usage error as one or two plain lines on stderr; its exit status (2)."""
    if isinstance(exc, getattr(_ERRORS, "NoArgsIsHelpError", ())):
        return int(exc.exit_code)  # the help page is the message, and it is shown
    _stderr().print(f"corpus-tool: error: {_plain_message(exc)}", markup=False)
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, _ERRORS.UsageError) and ctx is not None:
        _stderr().print(f"Try '{ctx.command_path} --help' for help.", markup=False)
    return int(exc.exit_code)


def _plain_message(exc: Any) -> str:
    """click's message, in the words of the rest of corpus-tool's errors."""
    if isinstance(exc, _ERRORS.NoSuchOption):
        text = f"no such option {exc.option_name}"
        ctx = getattr(exc, "ctx", None)
        if exc.possibilities:
            text += f" (did you mean {' or '.join(sorted(exc.possibilities))}?)"
        elif ctx is not None and ctx.parent is None:  # before the command: -f jsonl quotes
            text += f" (a command's options come after it: corpus-tool COMMAND {exc.option_name})"
        return text
    param = getattr(exc, "param", None)
    if (
        isinstance(exc, _ERRORS.BadParameter)
        and not isinstance(exc, _ERRORS.MissingParameter)
        and param is not None
    ):
        opts = sorted(getattr(param, "opts", ()) or (), key=lambda o: not o.startswith("--"))
        name = opts[0] if opts else str(param.human_readable_name)
        detail = str(exc.message).removeprefix("Value error, ")
        return f"invalid value for {name}: {_sentence_case(detail)}"
    return _sentence_case(exc.format_message())


def _sentence_case(text: str) -> str:
    """'No such command' -> 'no such command', without the full stop; 'PATTERN' stays."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text


def _flush_or_quiet() -> None:
    if sys.stdout is None:  # started with stdout closed (>&-)
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_closed_pipe()


def _quiet_closed_pipe() -> None:
    """The reader went away (``| head``): stop quietly, as Unix tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)
