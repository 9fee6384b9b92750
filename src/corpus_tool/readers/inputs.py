"""The inputs of a run: files, directories, globs and standard input, each to its reader."""

from __future__ import annotations

import fnmatch
import functools
import glob as globbing
import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath
from typing import BinaryIO

from corpus_tool.document import Document
from corpus_tool.readers.anchor import anchored
from corpus_tool.readers.base import InputError, Item, Problem
from corpus_tool.readers.compression import (
    MissingPackage,
    by_magic,
    decompressed,
    read_head,
    rewound,
    strip_suffix,
)
from corpus_tool.readers.encoding import SNIFF
from corpus_tool.readers.formats import (
    by_content,
    by_suffix,
    default_patterns,
    read_source,
)
from corpus_tool.reading import ReadOptions, Source

# No --glob: every format a reader knows (plugins' included), compressed or not.
DEFAULT_PATTERNS: tuple[str, ...] = ()
_MAGIC_BYTES = 8
_WILDCARDS = frozenset("*?[")  # fnmatch's


def document_id(relative: PurePath) -> str:
    """``a/b.jsonl.gz`` -> ``a/b``: the path without its compression and format suffixes."""
    inner = PurePath(strip_suffix(relative.as_posix()))
    return inner.with_suffix("").as_posix() if inner.name else relative.as_posix()


def _read(source: Source, name: str) -> Iterator[Item]:
    options = source.options
    reader = by_suffix(name, options) or by_content(source.head, options)
    items = read_source(reader, source)
    if options.anchor_from:
        items = anchored(items, options.anchor_from, source)
    return items


def read_file(path: Path, doc_id: str, options: ReadOptions) -> Iterator[Item]:
    """The documents of one file, whatever its format and compression."""
    try:
        with open(path, "rb") as handle:
            compression = by_magic(handle.read(_MAGIC_BYTES))
            handle.seek(0)
            stream = decompressed(handle, compression) if compression else handle
            head = read_head(stream, SNIFF)
            # A short plain file is all in its head: the reader takes it from there
            # rather than open the file again.
            whole = not compression and len(head) < SNIFF and not handle.read(1)
    except OSError as exc:
        yield Problem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    except MissingPackage as exc:
        yield Problem(str(path), f"{exc}; skipped")
        return

    def opener() -> BinaryIO:
        if whole:
            return io.BytesIO(head)
        handle = open(path, "rb")  # noqa: SIM115 - the reader closes it
        return decompressed(handle, compression) if compression else handle

    source = Source(str(path), doc_id, path, head, options, opener, compression)
    yield from _read(source, strip_suffix(path.name))


def read_stdin(
    stream: BinaryIO | None = None, options: ReadOptions | None = None
) -> Iterator[Item]:
    """Standard input in any format: JSON Lines when the first non-blank character is ``{``,
    else one document ``stdin`` (or HTML, WARC, Parquet as their first bytes say), compressed
    or not."""
    options = options or ReadOptions()
    raw = stream or sys.stdin.buffer
    raw_head = read_head(raw, SNIFF)
    if not raw_head.strip() and len(raw_head) < SNIFF:
        return  # nothing but blank lines: no document
    body = rewound(raw_head, raw, close_rest=False)
    compression = by_magic(raw_head)
    head = raw_head
    if compression:
        try:
            inner = decompressed(body, compression)
        except MissingPackage as exc:
            yield Problem("<stdin>", f"{exc}; skipped")
            return
        head = read_head(inner, SNIFF)
        body = rewound(head, inner)
    source = Source("<stdin>", "stdin", None, head, options, lambda: body, compression)
    yield from _read(source, "")


def matches(path: Path, patterns: Iterable[str]) -> bool:
    """Whether a file name matches a pattern, ignoring case (``README.TXT`` is text)."""
    lowered = PurePath(str(path).lower())
    return any(lowered.match(pattern.lower()) for pattern in patterns)


@functools.lru_cache(maxsize=16)
def _name_matcher(patterns: tuple[str, ...]) -> Callable[[str], object] | None:
    """A test of a lower-cased file name against the patterns, when each is a name's
    pattern (``*.txt.gz``): the walk then makes no path object per file to match.
    None when one names folders too (``news/*.txt``): ``matches`` reads those."""
    lowered = [pattern.lower() for pattern in patterns]
    separators = {"/", os.sep, os.altsep} - {None}
    if not lowered or any(not p.strip(".") or separators & set(p) for p in lowered):
        return None
    endings = tuple(p[1:] for p in lowered if p.startswith("*"))
    if len(endings) == len(lowered) and not any(_WILDCARDS & set(e) for e in endings):
        # Every pattern is * and an ending, as the default ones are (75 of them): the
        # name's ending says it, and one regular expression of them all would take
        # each run milliseconds to compile.
        return lambda name: name.endswith(endings)
    return re.compile("|".join(fnmatch.translate(p) for p in lowered)).match


# A file the walk found: its path and the id of the document it holds.
FileEntry = tuple[Path, str]
# The files of the given paths in reading order; None stands for standard input.
Files = Iterator[FileEntry | Problem | None]


def _walk(root: Path, patterns: tuple[str, ...]) -> Iterator[FileEntry | Problem]:
    """Files under root matching the patterns, in sorted order, following links once."""
    seen: set[tuple[int, int]] = set()

    def visit(directory: Path) -> Iterator[FileEntry | Problem]:
        try:
            stat = directory.stat()
        except OSError as exc:
            yield Problem(str(directory), f"cannot open directory: {exc.strerror or exc}")
            return
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            yield Problem(str(directory), "symbolic link loop, not followed")
            return
        seen.add(key)
        by_name = _name_matcher(patterns)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            yield Problem(str(directory), f"cannot list directory: {exc.strerror or exc}")
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.name.startswith("."):
                    yield from visit(path)
            elif by_name(entry.name.lower()) if by_name else matches(path, patterns):
                yield path, document_id(path.relative_to(root))
            elif entry.is_symlink() and not path.exists():
                yield Problem(str(path), "broken symbolic link, skipped")

    yield from visit(root)


def read_paths(
    paths: Iterable[str],
    patterns: tuple[str, ...] = DEFAULT_PATTERNS,
    options: ReadOptions | None = None,
) -> Iterator[Item]:
    """Documents from paths (files, directories, globs, ``-``), in the order given.

    A path that does not exist raises InputError before anything is read, so a
    typo is a usage error rather than a half-finished run.
    """
    options = options or ReadOptions()
    files = _files(_resolve(paths), patterns or default_patterns(options))
    return _read_files(files, options)


def list_documents(
    paths: Iterable[str],
    patterns: tuple[str, ...] = DEFAULT_PATTERNS,
    options: ReadOptions | None = None,
) -> Iterator[Document] | None:
    """The documents ``read_paths`` gives, in its order and with its ids, but without
    their text, for a progress bar's total and ``--resume``'s tally ahead of the run:
    a file of one document (text, a page) is not opened, a file of records is read. None when
    standard input is among the paths (it can be read only once)."""
    options = options or ReadOptions()
    resolved = _resolve(paths)
    if any(found is None for _, found in resolved):
        return None
    return _listed(_files(resolved, patterns or default_patterns(options)), options)


def _listed(files: Files, options: ReadOptions) -> Iterator[Document]:
    for entry in files:
        if entry is None or isinstance(entry, Problem):
            continue  # the run reports these
        path, doc_id = entry
        reader = by_suffix(strip_suffix(path.name), options)
        if reader is not None and reader.one_document:
            yield Document(doc_id, "", {"source": str(path)}, origin=str(path))
            continue
        for item in read_file(path, doc_id, options):
            if isinstance(item, Document):
                item.text = ""
                yield item


def _resolve(paths: Iterable[str]) -> list[tuple[str, list[Path] | None]]:
    """Each given path with the paths it stands for (a glob's matches; None for ``-``)."""
    resolved: list[tuple[str, list[Path] | None]] = []
    for raw in paths:
        if raw == "-":
            resolved.append((raw, None))
            continue
        path = Path(raw)
        if path.exists() or path.is_symlink():
            resolved.append((raw, [path]))
            continue
        matched = sorted(globbing.glob(raw, recursive=True)) if globbing.has_magic(raw) else []
        if not matched:
            raise InputError(f"no such file or directory: {raw}")
        resolved.append((raw, [Path(m) for m in matched]))
    return resolved


def _files(resolved: list[tuple[str, list[Path] | None]], patterns: tuple[str, ...]) -> Files:
    """The files the given paths hold, in reading order, with the problems met on the
    walk; None stands for ``-`` (standard input)."""
    for raw, found in resolved:
        if found is None:
            yield None
            continue
        empty = True
        for path in found:
            for entry in _path_files(raw, path, patterns):
                empty = False
                yield entry
        if empty:
            # Said aloud: a run over nothing must not pass for a run over a corpus.
            yield Problem(raw, _nothing_found(found, patterns))


def _path_files(raw: str, path: Path, patterns: tuple[str, ...]) -> Iterator[FileEntry | Problem]:
    if path.is_dir():
        yield from _walk(path, patterns)
    elif not path.exists():
        yield Problem(raw, "broken symbolic link, skipped")
    else:
        yield path, document_id(PurePath(path.name))


def _read_files(files: Files, options: ReadOptions) -> Iterator[Item]:
    for entry in files:
        if entry is None:
            yield from read_stdin(options=options)
        elif isinstance(entry, Problem):
            yield entry
        else:
            yield from read_file(*entry, options)


def _nothing_found(found: list[Path], patterns: tuple[str, ...]) -> str:
    if all(path.is_file() for path in found):
        return "no documents in it"
    plain = [p for p in patterns if strip_suffix(p) == p]
    shown = ", ".join(plain) + (" (or compressed)" if len(plain) < len(patterns) else "")
    return f"no documents: no file matching {shown} (choose the file patterns with --glob)"
