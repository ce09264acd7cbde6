"""PO string escapes, both ways, as GNU gettext (``po-lex.c``, ``write-po.c``) handles them.

Reading: ``\\a \\b \\f \\n \\r \\t \\v \\\\ \\"``, octal ``\\0``..``\\377`` (one to three
digits) and hex ``\\xH…`` (any number of digits). GNU turns a numeric escape into one
*byte* of the catalog's charset (the value modulo 256), so ``\\303\\251`` is "é" in a
UTF-8 catalog; a byte sequence that is not valid in the charset is kept as a lone
surrogate (``surrogateescape``), so it is written back as the same octal escape. GNU
strings are C strings: a string token ends at its first NUL, escaped or raw, and the rest
of that token is dropped.

Writing: GNU escapes ``\\a \\b \\f \\n \\r \\t \\v \\\\ \\"`` and leaves every other
character raw; the surrogates above become octal escapes. A NUL cannot be stored in a
catalog at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from careglot.core.errors import CareglotError

#: The character after a backslash that starts a valid escape (octal digit, ``x`` + hex digit, letter).
VALID_ESCAPE = r'(?:[\\"abfnrtv0-7]|x[0-9A-Fa-f])'
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))", re.DOTALL)
_SIMPLE = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\", '"': '"'}
_SURROGATE_BASE = 0xDC00  # surrogateescape maps byte 0x80 + k to U+DC80 + k
_UNDECODED = re.compile("[\udc80-\udcff]")
_WRITE_TABLE: dict[int, str] = {ord(char): "\\" + name for name, char in _SIMPLE.items()}
_WRITE_TABLE.update({_SURROGATE_BASE + byte: f"\\{byte:03o}" for byte in range(0x80, 0x100)})


class UnwritableText(CareglotError):
    """A message text that no PO file can hold (NUL, or the EOT that msgfmt refuses)."""


def unescaper(codec: str) -> tuple[Callable[[str], str], list[bool]]:
    """The unescape function for the strings of a catalog decoded with ``codec``, and a list
    that gets an item when an escape produced EOT (U+0004, which msgfmt refuses)."""
    eot: list[bool] = []

    def unescape(text: str) -> str:
        if "\\" in text:
            text = _unescape(text, codec)
            if "\x04" in text:
                eot.append(True)
        if "\0" in text:
            text = text[:text.index("\0")]
        return text

    return unescape, eot


def _unescape(text: str, codec: str) -> str:
    high = False

    def replace(match: re.Match[str]) -> str:
        nonlocal high
        octal, hexadecimal, letter = match.groups()
        if letter is not None:
            return _SIMPLE.get(letter, letter)  # the reader's validation refused any other letter
        value = (int(octal, 8) if octal is not None else int(hexadecimal, 16)) & 0xFF
        if value < 0x80:
            return chr(value)
        high = True
        return chr(_SURROGATE_BASE + value)

    result = _ESCAPE.sub(replace, text)
    if high:  # bytes in the catalog's charset: decode them together with the raw text around them
        result = rejoin(result, codec)
    return result


def undecoded(text: str) -> bool:
    """Does ``text`` hold bytes its charset could not decode (see above)?"""
    return _UNDECODED.search(text) is not None


def rejoin(text: str, codec: str) -> str:
    """``text`` decoded again as one byte string (a sequence split over two string tokens)."""
    return text.encode(codec, "surrogateescape").decode(codec, "surrogateescape")


def escape(text: str) -> str:
    """``text`` as the inside of a PO string (GNU's escapes; other characters stay raw)."""
    if "\0" in text or "\x04" in text:
        what = "a NUL character" if "\0" in text else "EOT (\\x04, the .mo context separator)"
        raise UnwritableText(f"message text {text[:40]!r} contains {what}, which a gettext catalog cannot hold")
    return text.translate(_WRITE_TABLE)
