"""Read a source file's bytes and decode them: UTF-8 first, then a checked cp1252 guess."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from careglot.core.errors import InputError
from extract.blocks import Notice

_SNIFF = 8192
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")
_CONTROLS = bytes(byte for byte in range(32) if byte not in _TEXT_CONTROLS)  # a sign of binary data


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or InputError when it is missing or unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("file not found", path) from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory, not a file", path) from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from exc


def decode(data: bytes, path: Path, shown: str) -> tuple[str, list[Notice]]:
    """Decode ``data``; a notice says which encoding was assumed when it was not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), [Notice("UTF-16 byte order mark: decoded as UTF-16", shown, 1)]
        except UnicodeDecodeError as exc:
            raise InputError("invalid UTF-16 text", path, 1) from exc
    head = data[:_SNIFF]
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if b"\x00" in head or (head and controls / len(head) > 0.05):
        line = data[: max(head.find(b"\x00"), 0)].count(b"\n") + 1
        raise InputError("binary file, not text", path, line)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError("unknown encoding: neither UTF-8 nor cp1252/latin-1", path, line) from exc
    if not _plausible(text):
        raise InputError("unknown encoding: neither UTF-8 nor cp1252/latin-1 text", path, line)
    notice = Notice(f"not valid UTF-8 (byte 0x{data[bad]:02x}); assumed encoding cp1252 (Windows Latin-1)",
                    shown, line)
    return text, [notice]


def _plausible(text: str) -> bool:
    """Most non-ASCII characters of Western European text are letters or common punctuation."""
    extra = [ch for ch in text if ord(ch) > 127]
    if not extra:
        return True
    fine = sum(1 for ch in extra if unicodedata.category(ch)[0] in "LP" or ch in "€°±×")
    return fine / len(extra) >= 0.8
