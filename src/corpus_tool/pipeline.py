"""One tool command from input to output: read, run, write, report, exit status."""

from __future__ import annotations

import difflib
import functools
import glob
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from corpus_tool.document import Document
from corpus_tool.engines import Engine
from corpus_tool.plugins import PluginConfig
from corpus_tool.readers import (
    DEFAULT_PATTERNS,
    InputError,
    Item,
    Problem,
    list_documents,
    read_paths,
    read_stdin,
    unique_ids,
)
from corpus_tool.reading import ReadOptions
from corpus_tool.runner import Execution, Outcome, outputs
from corpus_tool.tables import print_table, rows_table
from corpus_tool.tool import Aggregator, Options, Row, Tool, Transform
from corpus_tool.writers import (
    CollectingWriter,
    DelimitedWriter,
    DirectoryWriter,
    Format,
    JsonLinesWriter,
    JsonWriter,
    OutputFile,
    ParquetWriter,
    TextWriter,
    UnsafeIdError,
    Writer,
    compression,
    format_for,
    output_suffix,
    parquet_unavailable,
    safe_relative_path,
    summary_cells,
)

if TYPE_CHECKING:
    from rich.console import Console


def _console(**options: Any) -> Console:
    """A rich console, imported when one is needed: a run writing JSON Lines needs none."""
    from rich.console import Console

    return Console(**options)


class UsageProblem(Exception):
    """A usage error found while starting the run (exit status 2)."""


@dataclass
class RunSettings:
    """The common options every tool command has."""

    paths: list[str] = field(default_factory=list)
    fmt: Format | None = None
    jobs: int = 1
    patterns: tuple[str, ...] = DEFAULT_PATTERNS
    quiet: bool = False
    annotate: bool = False
    out: Path | None = None  # one file for the whole output (its format by suffix)
    out_dir: Path | None = None
    resume: bool = False
    timeout: float | None = None
    diff: bool = False
    check: bool = False
    summary: bool = False  # transforms: one row per document instead of the documents
    debug: bool = False
    engine: Engine = Engine.local
    scheduler: str | None = None  # a Dask scheduler address; None: a local cluster
    config: PluginConfig = field(default_factory=PluginConfig)
    reading: ReadOptions = field(default_factory=ReadOptions)  # columns, --anchor-from


class Reporter:
    """Messages on stderr, one line each, and the tally behind the exit status."""

    def __init__(self, tool: Tool, debug: bool) -> None:
        self.tool, self.debug = tool, debug
        self.failed = 0
        self._console: Console | None = None

    @property
    def console(self) -> Console:
        # Made at the first message: a run with nothing to report does not import rich.
        if self._console is None:
            self._console = _console(stderr=True, highlight=False, soft_wrap=True)
        return self._console

    def problem(self, problem: Problem) -> None:
        self.failed += 1
        self.console.print(
            f"corpus-tool: {'warning' if not problem.skipped else 'error'}: {problem}", markup=False
        )

    def failure(self, outcome: Outcome) -> None:
        self.failed += 1
        origin = outcome.doc.origin
        where = f" ({origin})" if origin and origin != outcome.doc.id else ""
        self.console.print(
            f"corpus-tool: error: {self.tool.name} failed on document {outcome.doc.id!r}{where}: "
            f"{outcome.error}",
            markup=False,
        )
        if self.debug and outcome.details:
            self.console.print(outcome.details.rstrip(), markup=False)

    def note(self, message: str) -> None:
        """A line about the run that is no failure."""
        self.console.print(f"corpus-tool: {message}", markup=False)

    def error(self, message: str) -> None:
        self.failed += 1
        self.console.print(f"corpus-tool: error: {message}", markup=False)


def _reading(settings: RunSettings) -> ReadOptions:
    """The run's reading options, with the plugins' input formats, read as the built-in ones are."""
    from corpus_tool.plugins import shared_registry

    return replace(settings.reading, readers=tuple(shared_registry(settings.config).readers))


def _read(settings: RunSettings, paths: list[str] | None = None) -> Iterator[Item]:
    paths = settings.paths if paths is None else paths
    reading = _reading(settings)
    if paths:
        try:
            return unique_ids(read_paths(paths, settings.patterns, reading))
        except InputError as exc:
            raise UsageProblem(str(exc)) from None
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageProblem("no input: give one or more PATHs, or pipe documents to standard input")
    return unique_ids(read_stdin(options=reading))


def _done(doc: Document, out_dir: Path, fmt: Format) -> bool:
    """Whether ``doc``'s output file under ``out_dir`` is there (written whole, atomically)."""
    try:
        return (out_dir / safe_relative_path(doc.id, output_suffix(doc, fmt))).exists()
    except UnsafeIdError:
        return False  # the run names it


def _skip_done(
    items: Iterator[Item], settings: RunSettings, fmt: Format, tally: Callable[[int, int], None]
) -> Iterator[Item]:
    """With --resume: documents whose output file is complete are not run again.
    ``tally(done, to_go)`` is called once the input has been read to its end."""
    assert settings.out_dir is not None
    done = to_go = 0
    for item in items:
        if isinstance(item, Document):
            if _done(item, settings.out_dir, fmt):
                done += 1
                continue
            to_go += 1
        yield item
    tally(done, to_go)


def _census(paths: list[str], settings: RunSettings) -> Iterator[Document] | None:
    """The documents of ``paths`` ahead of the run, text left out (None: unknown)."""
    try:
        listed = list_documents(paths, settings.patterns, _reading(settings))
    except InputError:
        return None
    return None if listed is None else unique_ids(listed)  # type: ignore[return-value]


def _resume(
    items: Iterator[Item], settings: RunSettings, fmt: Format, progress: Progress, say: Reporter
) -> Iterator[Item]:
    """--resume: the documents not yet done, and one line on how many were."""
    assert settings.out_dir is not None
    out_dir = settings.out_dir

    def tally(done: int, to_go: int) -> None:
        say.note(f"resumed: {done} done, {to_go} to go")

    listed = _census(settings.paths, settings) if settings.paths else None
    if listed is None:  # standard input: said once it has been read
        return _skip_done(items, settings, fmt, tally)
    done = to_go = 0  # counted before the run: said, and the bar's total
    for doc in listed:
        if isinstance(doc, Document):
            if _done(doc, out_dir, fmt):
                done += 1
            else:
                to_go += 1
    tally(done, to_go)
    progress.set_total(to_go)
    return _skip_done(items, settings, fmt, lambda done, to_go: None)


class Progress:
    """A transient progress line on stderr for runs on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.bar = None
        self.count = 0  # documents run, shown or not
        if enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as RichProgress

            self.bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[mb]:.1f} MB"),
                TimeElapsedColumn(),
                console=_console(stderr=True),
                transient=True,
            )
            self.task = self.bar.add_task("documents", total=None, mb=0.0)
            self.bar.start()

    def set_total(self, total: int) -> None:
        """The number of documents the run will have done, once it is known."""
        if self.bar is not None:
            self.bar.update(self.task, total=total)

    def count_in_background(self, documents: Iterator[Document] | None) -> None:
        """Count ``documents`` (a walk ahead of the run) in a thread, then show the
        total: the bar starts at once and knows where it ends soon after."""
        if self.bar is None or documents is None:
            return
        import threading

        def count() -> None:
            try:
                total = sum(1 for item in documents if isinstance(item, Document))
            except Exception:  # an unreadable directory: the run itself reports it
                return
            self.set_total(total)

        threading.Thread(target=count, name="corpus-tool-census", daemon=True).start()

    def advance(self, doc: Document) -> None:
        self.count += 1
        if self.bar is not None:
            task = self.bar.tasks[0]
            self.bar.update(self.task, advance=1, mb=task.fields["mb"] + len(doc.text) / 1e6)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _encode_document(doc: Document) -> dict[str, Any]:
    return doc.to_json()


def document_row(tool: Tool, doc: Document) -> Row:
    """An output document (of a transform, or annotated) as a row of the per-document table."""
    if isinstance(tool, Transform) and tool.tabulate is not None:
        return tool.tabulate(doc)
    return {"doc": doc.id, "chars": len(doc.text), **summary_cells(doc.meta.get(tool.name))}


PREVIEW = 40  # characters of a document's text shown in the table of documents


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW else flat[: PREVIEW - 1].rstrip() + "…"


def annotated_row(tool: Tool, doc: Document) -> Row:
    """An annotated document as a row of the terminal table: its id, the start of its
    text and how many results the tool put under ``meta[<tool>]``."""
    found = doc.meta.get(tool.name)
    count = len(found) if isinstance(found, list) else int(found is not None)
    return {"doc": doc.id, "text": _preview(doc.text), f"meta.{tool.name}": count}


def _choose_writer(
    tool: Tool,
    options: Options,
    settings: RunSettings,
    fmt: Format,
    documents_out: bool,
    stdout: TextIO,
    reporter: Reporter,
    output: OutputFile | None,
    documents_run: Callable[[], int],
) -> Writer:
    if fmt is Format.parquet:
        assert output is not None
        return ParquetWriter(output.temporary, tool.columns, documents=documents_out)
    if documents_out:
        if settings.out_dir is not None:
            return DirectoryWriter(settings.out_dir, fmt, reporter.error)
        if fmt is Format.table:
            console = _console(file=stdout, highlight=False)

            def show(docs: list[Document]) -> None:
                if settings.annotate:  # the tool's own table is for its rows
                    rows = [annotated_row(tool, d) for d in docs]
                    caption = f"{len(rows)} documents; -f jsonl writes them with the results"
                    print_table(rows_table(rows, title=tool.name, caption=caption), console)
                    return
                if tool.render is not None:
                    print_table(tool.render(docs, options), console)
                    return
                rows = [document_row(tool, d) for d in docs]
                print_table(rows_table(rows, title=tool.name), console)

            return CollectingWriter(show)
        if fmt is Format.text:
            return TextWriter(stdout)
        if fmt is Format.json:
            return JsonWriter(stdout, _encode_document)
        if fmt in (Format.csv, Format.tsv):
            raise UsageProblem(f"{tool.name} writes documents: use -f jsonl, json, text or table")
        return JsonLinesWriter(stdout, _encode_document)

    if fmt is Format.table:
        console = _console(file=stdout, highlight=False)

        def show_rows(rows: list[Row]) -> None:
            if not rows:  # an empty frame (or nothing at all) would look like a fault
                count = documents_run()
                noun = "document" if count == 1 else "documents"
                console.print(f"{tool.name} found nothing in {count} {noun}", markup=False)
            elif tool.render is not None and not isinstance(tool, Transform):
                print_table(tool.render(rows, options), console)
            else:
                caption = f"{len(rows)} rows"
                table = rows_table(rows, tool.columns, title=tool.name, caption=caption)
                print_table(table, console)

        return CollectingWriter(show_rows)
    if fmt is Format.json:
        return JsonWriter(stdout)
    if fmt is Format.csv:
        return DelimitedWriter(stdout, tool.columns)
    if fmt is Format.tsv:
        return DelimitedWriter(stdout, tool.columns, delimiter="\t")
    if fmt is Format.text:
        hint = "leave out --summary" if isinstance(tool, Transform) else "try --annotate"
        raise UsageProblem(f"-f text is for documents: {tool.name} writes rows ({hint})")
    return JsonLinesWriter(stdout)


_DIFF_STYLES = (("+++", "bold"), ("---", "bold"), ("@@", "cyan"), ("+", "green"), ("-", "red"))


def _print_diff(before: Document, after: Document) -> None:
    """A unified diff, coloured on a terminal; long lines wrap rather than being cut."""
    lines = difflib.unified_diff(
        before.text.splitlines(),
        after.text.splitlines(),
        fromfile=f"{before.id} (before)",
        tofile=f"{after.id} (after)",
        lineterm="",
    )
    console = _console(highlight=False, soft_wrap=True)
    for line in lines:
        style = next((s for prefix, s in _DIFF_STYLES if line.startswith(prefix)), "")
        console.print(line, style=style, markup=False)


def run_command(tool: Tool, options: Options, settings: RunSettings) -> int:
    """Run ``tool`` as its command does; returns the exit status (0 ok, 1 some failed)."""
    chosen = settings.fmt
    if settings.out is not None:
        _check_out(settings)
        chosen = chosen or format_for(settings.out) or Format.jsonl
    if sys.stdout is None:  # started with stdout closed (``>&-``)
        if settings.out_dir is None and settings.out is None:
            raise UsageProblem(
                "standard output is closed: redirect it, or write with --out or --out-dir"
            )
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stands in for stdout to the end
    stdout = sys.stdout
    reporter = Reporter(tool, settings.debug)
    # A transform writes rows (its per-document table) for csv/tsv or when asked.
    rows_out = isinstance(tool, Transform) and (
        settings.summary or chosen in (Format.csv, Format.tsv)
    )
    if rows_out and (settings.out_dir is not None or settings.diff or settings.check):
        raise UsageProblem(
            f"{tool.name} writes rows with --summary, -f csv or -f tsv: "
            "not with --out-dir, --diff or --check"
        )
    documents_out = (isinstance(tool, Transform) and not rows_out) or settings.annotate
    fmt = chosen or (Format.table if stdout.isatty() else Format.jsonl)
    if fmt is Format.parquet and settings.out is None:
        raise UsageProblem("-f parquet writes a file: give --out FILE.parquet")
    if settings.out_dir is not None and settings.fmt not in (Format.jsonl, Format.text):
        # A transform's files take the input's names; annotations need the JSON.
        fmt = Format.jsonl if settings.annotate else Format.text
    if (settings.check or settings.diff) and not isinstance(tool, Transform):
        raise UsageProblem("--diff and --check are for transforms")
    if isinstance(tool, Aggregator) and (settings.out_dir is not None or settings.resume):
        raise UsageProblem(f"{tool.name} writes rows about the whole corpus: not with --out-dir")

    if settings.engine is Engine.dask:
        from corpus_tool import dask_engine  # only now: Dask is an optional extra

        problem = dask_engine.unavailable(settings.timeout)
        if problem:
            raise UsageProblem(problem)
        if settings.out_dir is not None:
            return _run_to_shards(tool, options, settings, reporter)
    elif settings.scheduler:
        raise UsageProblem("--scheduler is for --engine dask")
    # Locally, --out-dir writes one file per document (Dask writes shards of rows too).
    if settings.out_dir is not None and not documents_out:
        raise UsageProblem(f"--out-dir writes documents: use it with {tool.name} --annotate")

    items = _read(settings)
    # An aggregator's further corpora (e.g. --reference), read as they are needed.
    others = {name: _other_corpus(tool, name, options) for name in getattr(tool, "corpora", ())}
    if settings.resume and settings.out_dir is None:
        raise UsageProblem("--resume needs --out-dir")
    output = None
    if settings.out is not None:
        settings.out.parent.mkdir(parents=True, exist_ok=True)
        output = OutputFile(settings.out)
        if fmt is not Format.parquet:
            stdout = output.open_text()
    try:
        status = _write(
            tool,
            options,
            settings,
            items,
            others,
            fmt,
            documents_out,
            rows_out,
            stdout,
            reporter,
            output,
        )
    except BaseException:
        if output is not None:
            output.discard()  # no half-written FILE
        raise
    return status


def _write(
    tool: Tool,
    options: Options,
    settings: RunSettings,
    items: Iterator[Item],
    others: dict[str, list[str]],
    fmt: Format,
    documents_out: bool,
    rows_out: bool,
    stdout: TextIO,
    reporter: Reporter,
    output: OutputFile | None,
) -> int:
    """Run the tool and write what it gives; the exit status."""
    listener = _Listener(tool, settings, reporter)
    writer = (
        None
        if settings.check or settings.diff
        else _choose_writer(
            tool,
            options,
            settings,
            fmt,
            documents_out,
            stdout,
            reporter,
            output,
            lambda: listener.progress.count,
        )
    )
    if settings.resume:
        items = _resume(items, settings, fmt, listener.progress, reporter)
    elif settings.paths:
        listener.progress.count_in_background(
            _census([*settings.paths, *(p for paths in others.values() for p in paths)], settings)
        )
    if settings.diff or settings.check:
        items = listener.remember(items)
    execution = Execution(
        jobs=settings.jobs,
        config=settings.config,
        timeout=settings.timeout,
        engine=settings.engine,
        scheduler=settings.scheduler,
    )
    corpora = {name: functools.partial(_read, settings, paths) for name, paths in others.items()}
    stream = outputs(
        tool, options, items, listener, execution, annotate=settings.annotate, corpora=corpora
    )
    try:
        for item in stream:
            if writer is not None:
                if rows_out and isinstance(item, Document):
                    item = document_row(tool, item)
                writer.write(item)
        if writer is not None:
            writer.close()
        if output is not None:
            output.commit()
    finally:
        listener.progress.stop()
    sys.stdout.flush()
    if settings.check:
        changed, seen = listener.changed, listener.seen
        noun = "document" if seen == 1 else "documents"
        hint = " (--diff shows how)" if changed else ""
        reporter.note(f"{changed} of {seen} {noun} would change{hint}")
        return 1 if changed or reporter.failed else 0
    return 1 if reporter.failed else 0


class _Listener:
    """A command's view of the run: messages, the progress bar, --diff and --check."""

    def __init__(self, tool: Tool, settings: RunSettings, reporter: Reporter) -> None:
        self.tool, self.settings, self.reporter = tool, settings, reporter
        self.progress = Progress(sys.stderr.isatty() and not settings.quiet)
        self.originals: dict[str, str] = {}
        self.changed = self.seen = 0

    def remember(self, items: Iterator[Item]) -> Iterator[Item]:
        # Transforms in worker processes return new documents; keep the input
        # text for --diff/--check only, so plain runs hold nothing.
        for item in items:
            if isinstance(item, Document):
                self.originals[item.id] = item.text
            yield item

    def problem(self, problem: Problem) -> None:
        self.reporter.problem(problem)

    def outcome(self, outcome: Outcome) -> None:
        self.progress.advance(outcome.doc)
        before_text = self.originals.pop(outcome.doc.id, outcome.doc.text)
        if outcome.error is not None:
            self.reporter.failure(outcome)
        elif isinstance(self.tool, Transform):
            after = outcome.output
            assert isinstance(after, Document)
            self.seen += 1
            if after.text != before_text:
                self.changed += 1
                if self.settings.diff:
                    _print_diff(Document(outcome.doc.id, before_text), after)
                elif self.settings.check:  # one id a line, as grep -l names files
                    sys.stdout.write(outcome.doc.id + "\n")


def _check_out(settings: RunSettings) -> None:
    """--out FILE: one file for the whole output, in a format that can go there."""
    assert settings.out is not None
    if settings.out_dir is not None or settings.diff or settings.check:
        raise UsageProblem("--out writes one file: not with --out-dir, --diff or --check")
    if settings.out.is_dir():
        raise UsageProblem(
            f"--out {settings.out}: a directory (for one file per document: --out-dir)"
        )
    fmt = settings.fmt or format_for(settings.out)
    if fmt is Format.parquet:
        if compression(settings.out):
            raise UsageProblem("Parquet compresses its own columns: --out FILE.parquet, no .gz")
        problem = parquet_unavailable()
        if problem:
            raise UsageProblem(problem)


def _other_corpus(tool: Tool, name: str, options: Options) -> list[str]:
    """The paths of one of an aggregator's further corpora, checked before the run."""
    paths = options.get(name) or []
    option = "--" + name.replace("_", "-")
    if not paths:
        raise UsageProblem(f"{tool.name} needs {option} PATH (one or more)")
    missing = [
        path
        for path in paths
        if path != "-" and not glob.has_magic(path) and not Path(path).exists()
    ]
    if missing:
        raise UsageProblem(f"{option}: no such file or directory: {missing[0]}")
    return list(paths)


def _run_to_shards(tool: Tool, options: Options, settings: RunSettings, reporter: Reporter) -> int:
    """--engine dask --out-dir: the workers write JSON Lines shards; failures are named here."""
    from corpus_tool import dask_engine

    assert settings.out_dir is not None
    if settings.resume or settings.diff or settings.check:
        raise UsageProblem("--resume, --diff and --check are not available with --engine dask")
    outcomes = dask_engine.run_to_shards(
        tool,
        options,
        _read(settings),
        settings.out_dir,
        jobs=settings.jobs if settings.jobs > 1 else 0,
        config=settings.config,
        scheduler=settings.scheduler,
    )
    for outcome in outcomes:
        if isinstance(outcome, Problem):
            reporter.problem(outcome)
        elif outcome.error is not None:
            reporter.failure(outcome)
    return 1 if reporter.failed else 0


def emit_rows(
    rows: list[Row], fmt: Format | None, title: str, columns: tuple[str, ...] = ()
) -> None:
    """Write a small, already computed list of rows in any row format."""
    fmt = fmt or (Format.table if sys.stdout.isatty() else Format.jsonl)
    if fmt is Format.table:
        print_table(rows_table(rows, columns, title=title))
        return
    header = columns or (tuple(rows[0]) if rows else ())
    writers: dict[Format, Callable[[], Writer]] = {
        Format.jsonl: lambda: JsonLinesWriter(sys.stdout),
        Format.json: lambda: JsonWriter(sys.stdout),
        Format.csv: lambda: DelimitedWriter(sys.stdout, header),
        Format.tsv: lambda: DelimitedWriter(sys.stdout, header, delimiter="\t"),
    }
    if fmt not in writers:
        raise UsageProblem(f"-f {fmt.value} is not a row format")
    writer = writers[fmt]()
    for row in rows:
        writer.write(row)
    writer.close()
