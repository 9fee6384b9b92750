"""One tool command from input to output: read, run, write, report, exit status."""

from __future__ import annotations

import difflib
import glob
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console

from corpus_tool.aggregation import Fold, finalize
from corpus_tool.document import Document
from corpus_tool.engines import Engine
from corpus_tool.plugins import PluginConfig
from corpus_tool.readers import (
    DEFAULT_PATTERNS,
    InputError,
    Item,
    Problem,
    read_paths,
    read_stdin,
    unique_ids,
)
from corpus_tool.reading import ReadOptions
from corpus_tool.runner import Outcome, run
from corpus_tool.tables import print_table, rows_table
from corpus_tool.tool import Aggregator, Analyzer, Options, Row, Tool, Transform
from corpus_tool.writers import (
    CollectingWriter,
    DelimitedWriter,
    DirectoryWriter,
    Format,
    JsonLinesWriter,
    JsonWriter,
    TextWriter,
    UnsafeIdError,
    Writer,
    output_suffix,
    safe_relative_path,
    summary_cells,
)


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
        self.console = Console(stderr=True, highlight=False, soft_wrap=True)

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

    def error(self, message: str) -> None:
        self.failed += 1
        self.console.print(f"corpus-tool: error: {message}", markup=False)


def _read(settings: RunSettings, paths: list[str] | None = None) -> Iterator[Item]:
    from corpus_tool.plugins import shared_registry

    paths = settings.paths if paths is None else paths
    # The plugins' input formats, read as the built-in ones are.
    reading = replace(settings.reading, readers=tuple(shared_registry(settings.config).readers))
    if paths:
        try:
            return unique_ids(read_paths(paths, settings.patterns, reading))
        except InputError as exc:
            raise UsageProblem(str(exc)) from None
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageProblem("no input: give one or more PATHs, or pipe documents to standard input")
    return unique_ids(read_stdin(options=reading))


def _skip_done(items: Iterator[Item], settings: RunSettings, fmt: Format) -> Iterator[Item]:
    """With --resume: documents whose output file is complete are not run again."""
    assert settings.out_dir is not None
    for item in items:
        if isinstance(item, Document):
            try:
                target = settings.out_dir / safe_relative_path(item.id, output_suffix(item, fmt))
            except UnsafeIdError:
                target = None
            if target is not None and target.exists():
                continue
        yield item


class Progress:
    """A transient progress line on stderr for runs on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.bar = None
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
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.bar.add_task("documents", total=None, mb=0.0)
            self.bar.start()

    def advance(self, doc: Document) -> None:
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


def _choose_writer(
    tool: Tool,
    options: Options,
    settings: RunSettings,
    fmt: Format,
    documents_out: bool,
    stdout: TextIO,
    reporter: Reporter,
) -> Writer:
    console = Console(highlight=False)
    if documents_out:
        if settings.out_dir is not None:
            return DirectoryWriter(settings.out_dir, fmt, reporter.error)
        if fmt is Format.table:

            def show(docs: list[Document]) -> None:
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

        def show_rows(rows: list[Row]) -> None:
            if tool.render is not None and not isinstance(tool, Transform):
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


def _annotated(tool: Analyzer, outcome: Outcome) -> Document:
    doc = outcome.doc
    doc.meta[tool.name] = tool.annotation(outcome.output)  # type: ignore[arg-type]
    return doc


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
    console = Console(highlight=False, soft_wrap=True)
    for line in lines:
        style = next((s for prefix, s in _DIFF_STYLES if line.startswith(prefix)), "")
        console.print(line, style=style, markup=False)


def run_command(tool: Tool, options: Options, settings: RunSettings) -> int:
    """Run ``tool`` as its command does; returns the exit status (0 ok, 1 some failed)."""
    if sys.stdout is None:  # started with stdout closed (``>&-``)
        if settings.out_dir is None:
            raise UsageProblem("standard output is closed: redirect it, or write with --out-dir")
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stands in for stdout to the end
    stdout = sys.stdout
    reporter = Reporter(tool, settings.debug)
    # A transform writes rows (its per-document table) for csv/tsv or when asked.
    rows_out = isinstance(tool, Transform) and (
        settings.summary or settings.fmt in (Format.csv, Format.tsv)
    )
    if rows_out and (settings.out_dir is not None or settings.diff or settings.check):
        raise UsageProblem(
            f"{tool.name} writes rows with --summary, -f csv or -f tsv: "
            "not with --out-dir, --diff or --check"
        )
    documents_out = (isinstance(tool, Transform) and not rows_out) or settings.annotate
    fmt = settings.fmt or (Format.table if stdout.isatty() else Format.jsonl)
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
    if settings.resume:
        if settings.out_dir is None:
            raise UsageProblem("--resume needs --out-dir")
        items = _skip_done(items, settings, fmt)
    writer = (
        None
        if settings.check or settings.diff
        else _choose_writer(tool, options, settings, fmt, documents_out, stdout, reporter)
    )
    progress = Progress(sys.stderr.isatty() and not settings.quiet)
    changed = 0

    def corpus_state(source: Iterator[Item]) -> Any:
        """An aggregator's merged state of the documents of one corpus."""
        assert isinstance(tool, Aggregator)
        fold = Fold(tool, options)
        for result in _engine(tool, options, source, settings):
            if isinstance(result, Problem):
                reporter.problem(result)
                continue
            progress.advance(result.doc)
            if result.error is not None:
                reporter.failure(result)
            else:
                fold.add(result.output)
        return fold.result()

    def results() -> Iterator[Any]:
        nonlocal changed
        if isinstance(tool, Aggregator):
            state = corpus_state(items)
            given = {name: corpus_state(_read(settings, paths)) for name, paths in others.items()}
            yield from finalize(tool, state, {**options, **given})
            return
        originals: dict[str, str] = {}
        for result in _engine(tool, options, _remember(items, originals), settings):
            if isinstance(result, Problem):
                reporter.problem(result)
                continue
            progress.advance(result.doc)
            before_text = originals.pop(result.doc.id, result.doc.text)
            if result.error is not None:
                reporter.failure(result)
            elif isinstance(tool, Transform):
                after = result.output
                assert isinstance(after, Document)
                if after.text != before_text:
                    changed += 1
                    if settings.diff:
                        _print_diff(Document(result.doc.id, before_text), after)
                yield after
            elif settings.annotate:
                assert isinstance(tool, Analyzer)
                yield _annotated(tool, result)
            else:
                yield from result.output  # type: ignore[misc]

    def _remember(source: Iterator[Item], store: dict[str, str]) -> Iterator[Item]:
        # Transforms in worker processes return new documents; keep the input
        # text for --diff/--check only, so plain runs hold nothing.
        for item in source:
            if (settings.diff or settings.check) and isinstance(item, Document):
                store[item.id] = item.text
            yield item

    stream: Iterator[Any] = results()
    # --annotate passes documents through: the tool's row postprocess does not apply.
    if tool.postprocess is not None and not settings.annotate:
        stream = iter(tool.postprocess(stream, options))
    try:
        for item in stream:
            # A postprocess may yield a Problem: reported on stderr, counted as a failure.
            if isinstance(item, Problem):
                reporter.problem(item)
            elif writer is not None:
                if rows_out and isinstance(item, Document):
                    item = document_row(tool, item)
                writer.write(item)
        if writer is not None:
            writer.close()
    finally:
        progress.stop()
    stdout.flush()
    if settings.check:
        noun = "document" if changed == 1 else "documents"
        reporter.console.print(f"corpus-tool: {changed} {noun} would change", markup=False)
        return 1 if changed or reporter.failed else 0
    return 1 if reporter.failed else 0


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


def _engine(
    tool: Tool, options: Options, items: Iterator[Item], settings: RunSettings
) -> Iterator[Outcome | Problem]:
    """The outcomes of the run, in input order, from the engine the settings name."""
    if settings.engine is Engine.dask:
        from corpus_tool import dask_engine

        workers = settings.jobs if settings.jobs > 1 else 0  # default: one per core
        return dask_engine.run(
            tool,
            options,
            items,
            jobs=workers,
            config=settings.config,
            scheduler=settings.scheduler,
        )
    return run(
        tool, options, items, jobs=settings.jobs, config=settings.config, timeout=settings.timeout
    )


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
