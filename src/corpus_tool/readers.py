"""Reading a corpus: files, directories, globs, JSON Lines and standard input.

Readers yield ``Document`` objects and, for anything that could not be read,
``Problem`` records; the caller reports problems and goes on, so one bad file
never costs the rest of the corpus.
"""

from __future__ import annotations

import codecs
import glob as globbing
import itertools
import json
import os
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO

from corpus_tool.document import Document

DEFAULT_PATTERNS = ("*.txt", "*.md", "*.jsonl")
_SNIFF = 8192
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
# The encoding reported for UTF-8 whose few invalid bytes became U+FFFD.
UTF8_REPLACED = "utf-8 (invalid bytes replaced)"
_REPLACED_WARNING = "invalid UTF-8; the bad bytes were replaced with U+FFFD"
_FEW_INVALID = 4  # invalid sequences that UTF-8 with valid multi-byte text may have


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


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding). Raises UnicodeError when hopeless.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are certain; anything
    else is left to charset-normalizer, which knows Latin-1, Windows-1252 and
    the rest.
    """
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:_SNIFF]:
        raise UnicodeError("binary file, skipped")
    mended = _mostly_utf8(data)
    if mended is not None:
        return mended, UTF8_REPLACED
    smart = _smart_punctuation(data)
    if smart is not None:
        return smart, "cp1252"
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 file

    matches = list(from_bytes(data))
    if not matches:
        raise UnicodeError("not text in any encoding that could be detected, skipped")
    # On short Western European texts several code pages score alike and the
    # detector's first pick can be an exotic one (mac_latin2 for French);
    # Windows-1252 is by far the most common of them, so it wins a near tie.
    best = matches[0]
    western = [m for m in matches if m.encoding in _WESTERN and m.chaos <= best.chaos + 0.1]
    chosen = western[0] if western else best
    return str(chosen), chosen.encoding


# Windows-1252's typographic marks: curly quotes, dashes, the ellipsis, the bullet.
_SMART_BYTES = frozenset(b"\x85\x91\x92\x93\x94\x95\x96\x97")


def _smart_punctuation(data: bytes) -> str | None:
    """ASCII text whose only other bytes are Windows-1252's curly quotes and dashes.

    A word processor's "smart" punctuation in English text is Windows-1252 for
    certain; a detector guessing from so few bytes can pick a DOS code page that
    turns each quote into a letter (cp852: ô for “).
    """
    if not set(data) - _ASCII_BYTES <= _SMART_BYTES:
        return None
    return data.decode("cp1252")


_ASCII_BYTES = frozenset(range(128))


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few invalid bytes (a truncated or spliced file), else None.

    Legacy 8-bit text hardly ever forms a valid multi-byte UTF-8 sequence, so one
    such sequence is strong evidence of UTF-8: the file stays UTF-8 unless its
    invalid bytes outnumber the valid sequences (and are more than a few), as a
    code-page guess would turn every curly quote or accent into mojibake.
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    valid = non_ascii - invalid  # multi-byte sequences that decoded
    return text if valid > 0 and invalid <= max(valid, _FEW_INVALID) else None


def _parse_jsonl_line(line: bytes | str, where: str, default_id: str) -> Item:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Problem(where, f"broken JSON ({exc}), line skipped")
    if not isinstance(record, dict):
        return Problem(where, f"a JSON {type(record).__name__}, not an object; line skipped")
    text = record.get("text")
    if not isinstance(text, str):
        if "text" not in record:
            what = "no 'text' field"
        else:
            what = "'text' is null" if text is None else f"'text' is a {type(text).__name__}"
        return Problem(where, f"{what}; line skipped")
    doc_id = record.get("id")
    doc_id = default_id if doc_id is None or doc_id == "" else str(doc_id)
    meta = record.get("meta")
    meta = dict(meta) if isinstance(meta, dict) else {}
    # Other top-level fields (date, title, lang...) are metadata too.
    for key, value in record.items():
        if key not in {"id", "text", "meta"}:
            meta.setdefault(key, value)
    return Document(doc_id, text, meta, origin=where)


def read_jsonl_stream(lines: Iterable[bytes | str], name: str, id_prefix: str) -> Iterator[Item]:
    """Documents from JSON Lines; blank lines are ignored, bad lines become Problems."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        yield _parse_jsonl_line(line, f"{name}:{number}", f"{id_prefix}{number}")


def _read_file(path: Path, doc_id: str) -> Iterator[Item]:
    if path.suffix.lower() == ".jsonl":
        try:
            with open(path, "rb") as handle:
                yield from read_jsonl_stream(handle, str(path), f"{doc_id}:")
        except OSError as exc:
            yield Problem(str(path), exc.strerror or str(exc))
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    try:
        text, encoding = decode(data)
    except UnicodeError as exc:
        yield Problem(str(path), str(exc))
        return
    if encoding == UTF8_REPLACED:
        yield Problem(str(path), _REPLACED_WARNING, skipped=False)
    meta: dict[str, object] = {"source": str(path)}
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        meta["encoding"] = encoding
    yield Document(doc_id, text, meta, origin=str(path))


def matches(path: Path, patterns: Iterable[str]) -> bool:
    """Whether a file name matches a pattern, ignoring case (``README.TXT`` is text)."""
    lowered = PurePath(str(path).lower())
    return any(lowered.match(pattern.lower()) for pattern in patterns)


def _walk(root: Path, patterns: tuple[str, ...]) -> Iterator[Item]:
    """Files under root matching the patterns, in sorted order, following links once."""
    seen: set[tuple[int, int]] = set()

    def visit(directory: Path) -> Iterator[Item]:
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
            elif matches(path, patterns):
                relative = path.relative_to(root)
                yield from _read_file(path, relative.with_suffix("").as_posix())
            elif entry.is_symlink() and not path.exists():
                yield Problem(str(path), "broken symbolic link, skipped")

    yield from visit(root)


def read_stdin(stream: BinaryIO | None = None) -> Iterator[Item]:
    """JSON Lines when the first non-blank character is ``{``, else one document ``stdin``."""
    stream = stream or sys.stdin.buffer
    first, number, blank = b"", 0, b""
    for number, line in enumerate(stream, 1):  # noqa: B007 - the number is used below
        if line.strip():
            first = line
            break
        blank += line
    if not first:
        return
    if first.lstrip().startswith(b"{"):
        lines = itertools.chain([first], stream)
        for number_, line in enumerate(lines, number):
            if line.strip():
                yield _parse_jsonl_line(line, f"<stdin>:{number_}", f"stdin:{number_}")
        return
    data = blank + first + stream.read()
    try:
        text, encoding = decode(data)
    except UnicodeError as exc:
        yield Problem("<stdin>", str(exc))
        return
    if encoding == UTF8_REPLACED:
        yield Problem("<stdin>", _REPLACED_WARNING, skipped=False)
    yield Document("stdin", text, {"source": "<stdin>"}, origin="<stdin>")


def read_paths(
    paths: Iterable[str], patterns: tuple[str, ...] = DEFAULT_PATTERNS
) -> Iterator[Item]:
    """Documents from paths (files, directories, globs, ``-``), in the order given.

    A path that does not exist raises InputError before anything is read, so a
    typo is a usage error rather than a half-finished run.
    """
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
    return _read_resolved(resolved, patterns)


def _read_resolved(
    resolved: list[tuple[str, list[Path] | None]], patterns: tuple[str, ...]
) -> Iterator[Item]:
    for raw, found in resolved:
        if found is None:
            yield from read_stdin()
            continue
        empty = True
        for path in found:
            for item in _read_path(raw, path, patterns):
                empty = False
                yield item
        if empty:
            # Said aloud: a run over nothing must not pass for a run over a corpus.
            yield Problem(raw, _nothing_found(found, patterns))


def _read_path(raw: str, path: Path, patterns: tuple[str, ...]) -> Iterator[Item]:
    if path.is_dir():
        yield from _walk(path, patterns)
    elif not path.exists():
        yield Problem(raw, "broken symbolic link, skipped")
    else:
        yield from _read_file(path, path.with_suffix("").name)


def _nothing_found(found: list[Path], patterns: tuple[str, ...]) -> str:
    if all(path.is_file() for path in found):
        return "no documents in it"
    return (
        f"no documents: no file matching {', '.join(patterns)} "
        "(choose the file patterns with --glob)"
    )


class SeenIds:
    """The ids seen so far, kept as 64-bit hashes in an open-addressing table.

    16 bytes an id at most, where a set of the strings costs over 100: the main
    process's memory stays flat on corpora of millions of documents. Two distinct
    ids share a 64-bit hash with a chance of about n**2 / 2**65 (1e-8 at a million).
    """

    def __init__(self) -> None:
        self.table = array("Q", bytes(8 * 1024))
        self.count = 0

    def add(self, doc_id: str) -> bool:
        """Remember ``doc_id``; False when it was seen before."""
        key = (hash(doc_id) & 0xFFFF_FFFF_FFFF_FFFF) or 1  # 0 marks an empty slot
        mask = len(self.table) - 1
        slot = key & mask
        while self.table[slot]:
            if self.table[slot] == key:
                return False
            slot = (slot + 1) & mask
        self.table[slot] = key
        self.count += 1
        if self.count * 4 > len(self.table) * 3:  # linear probing stays short below 3/4
            self._grow()
        return True

    def _grow(self) -> None:
        old = self.table
        self.table = array("Q", bytes(16 * len(old)))
        mask = len(self.table) - 1
        for key in old:
            if key:
                slot = key & mask
                while self.table[slot]:
                    slot = (slot + 1) & mask
                self.table[slot] = key


def unique_ids(items: Iterable[Item]) -> Iterator[Item]:
    """Make document ids unique: a repeated id gets ``#2``, ``#3``... and a warning."""
    seen = SeenIds()
    repeats: dict[str, int] = {}  # only the ids that did repeat
    for item in items:
        if isinstance(item, Document) and not seen.add(item.id):
            count = repeats[item.id] = repeats.get(item.id, 1) + 1
            new_id = f"{item.id}#{count}"
            where = item.origin or item.id
            message = f"duplicate id {item.id!r}, renamed {new_id!r}"
            yield Problem(where, message, skipped=False)
            item.id = new_id
        yield item
