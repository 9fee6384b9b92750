"""Compressed inputs: gzip, bzip2, xz and zstd, known by their magic bytes, read as streams.

The content decides (a ``.jsonl`` that is really gzip is read as gzip); the suffix
only tells what is inside (``x.jsonl.gz`` holds JSON Lines).
"""

from __future__ import annotations

import io
from typing import Any, BinaryIO

# The suffix of each compression, and what its stream starts with.
SUFFIXES = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}
_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)


class MissingPackage(Exception):
    """An optional package that this input needs is not installed."""


def by_magic(head: bytes) -> str | None:
    """The compression whose magic bytes ``head`` starts with, or None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    # bzip2: "BZh" and the block size, a digit 1-9.
    if head[:3] == b"BZh" and head[3:4].isdigit() and head[3:4] != b"0":
        return "bz2"
    return None


def strip_suffix(name: str) -> str:
    """``x.jsonl.gz`` -> ``x.jsonl``: the name of what is inside."""
    lowered = name.lower()
    for suffix in SUFFIXES:
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name


class _Owning(io.BufferedReader):
    """A buffered decompressor that closes the stream it reads when it is closed."""

    def __init__(self, raw: io.RawIOBase | BinaryIO, owned: BinaryIO) -> None:
        super().__init__(raw, buffer_size=1 << 16)  # type: ignore[arg-type]
        self.owned = owned

    def close(self) -> None:
        try:
            super().close()
        finally:
            self.owned.close()


def decompressed(stream: BinaryIO, compression: str) -> BinaryIO:
    """A buffered stream of the decompressed bytes of ``stream``, read as needed."""
    if compression == "gzip":
        import gzip

        return _Owning(gzip.GzipFile(fileobj=stream, mode="rb"), stream)
    if compression == "bz2":
        import bz2

        return _Owning(bz2.BZ2File(stream), stream)
    if compression == "xz":
        import lzma

        return _Owning(lzma.LZMAFile(stream), stream)
    if compression == "zstd":
        try:
            import zstandard
        except ImportError:
            raise MissingPackage(
                "reading zstd needs the zstandard package: pip install 'corpus-tool[zstd]'"
            ) from None
        return _Owning(_Zstd(stream, zstandard), stream)
    raise ValueError(f"unknown compression {compression!r}")


class _Zstd(io.RawIOBase):
    """zstd frames one after another; a stream that stops inside a frame raises EOFError
    (zstandard's own stream reader just stops, and a truncated file would pass unseen)."""

    def __init__(self, stream: BinaryIO, zstandard: Any) -> None:
        self.stream, self.zstandard = stream, zstandard
        self.frame = zstandard.ZstdDecompressor().decompressobj()
        self.in_frame = False
        self.out, self.at = b"", 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while self.at >= len(self.out):
            chunk = self.stream.read(1 << 16)
            if not chunk:
                if self.in_frame:
                    raise EOFError("the zstd data ends inside a frame")
                return 0
            self.out, self.at = self._decompress(chunk), 0
        count = min(len(buffer), len(self.out) - self.at)
        buffer[:count] = self.out[self.at : self.at + count]
        self.at += count
        return count

    def _decompress(self, chunk: bytes) -> bytes:
        parts = []
        while chunk:
            self.in_frame = True
            parts.append(self.frame.decompress(chunk))
            chunk = b""
            if self.frame.eof:  # the next frame, if any, starts in what is left
                chunk = self.frame.unused_data
                self.frame = self.zstandard.ZstdDecompressor().decompressobj()
                self.in_frame = False
        return b"".join(parts)


class Prefixed(io.RawIOBase):
    """Bytes already read from a stream, then the rest of the stream: a rewound pipe."""

    def __init__(self, head: bytes, rest: BinaryIO, close_rest: bool = True) -> None:
        self.head, self.rest, self.close_rest = memoryview(head), rest, close_rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.head:
            count = min(len(buffer), len(self.head))
            buffer[:count] = self.head[:count]
            self.head = self.head[count:]
            return count
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if self.close_rest:  # standard input stays open
            self.rest.close()
        super().close()


def rewound(head: bytes, rest: BinaryIO, close_rest: bool = True) -> BinaryIO:
    """``head`` followed by the rest of ``rest``, as one buffered stream."""
    raw = Prefixed(head, rest, close_rest)
    return io.BufferedReader(raw, buffer_size=1 << 16)  # type: ignore[arg-type]


def read_head(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` first bytes; what came before an error (a truncated file) still counts."""
    chunks: list[bytes] = []
    got = 0
    try:
        while got < size:
            chunk = stream.read1(size - got)  # type: ignore[attr-defined]
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except Exception:  # truncated or corrupt data, a missing package: the reader
        pass  # meets the error again, and reports it where it happens
    return b"".join(chunks)
