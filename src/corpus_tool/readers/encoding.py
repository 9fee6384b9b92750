"""Bytes to text: UTF-8 when it is, else the encoding charset-normalizer finds."""

from __future__ import annotations

import codecs

SNIFF = 8192
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
# The encoding reported for UTF-8 whose few invalid bytes became U+FFFD.
UTF8_REPLACED = "utf-8 (invalid bytes replaced)"
REPLACED_WARNING = "invalid UTF-8; the bad bytes were replaced with U+FFFD"
_FEW_INVALID = 4  # invalid sequences that UTF-8 with valid multi-byte text may have


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
    if b"\x00" in data[:SNIFF]:
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
_ASCII_BYTES = frozenset(range(128))


def _smart_punctuation(data: bytes) -> str | None:
    """ASCII text whose only other bytes are Windows-1252's curly quotes and dashes.

    A word processor's "smart" punctuation in English text is Windows-1252 for
    certain; a detector guessing from so few bytes can pick a DOS code page that
    turns each quote into a letter (cp852: ô for “).
    """
    if not set(data) - _ASCII_BYTES <= _SMART_BYTES:
        return None
    return data.decode("cp1252")


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
