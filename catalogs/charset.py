"""The charset of a catalog: found, decoded and kept as GNU gettext does it.

GNU reads the header's ``charset=`` before anything else. For a *portable* charset (its
list in ``po-charset.c``: UTF-8, ISO-8859-x, KOI8-R, CP125x, Shift_JIS, GBK, BIG5,
EUC-JP …) it checks every multibyte sequence and refuses invalid bytes; for any other
name (``utf8``, ``latin1``, ``CHARSET``, none at all) it warns and copies the bytes
unchanged. careglot decodes a portable charset strictly with the Python codec of that
name, and any other catalog with the named codec if it fits, else as UTF-8 if it fits,
else byte for byte (Latin-1), so the bytes are written back unchanged.

``msgmerge`` keeps the catalog's charset, except that it converts to UTF-8 when the
template is UTF-8 and the catalog is not; :func:`merged_charset` does the same.
"""

from __future__ import annotations

import codecs
import copy
import re
from dataclasses import dataclass
from pathlib import Path

import polib

from careglot.core.errors import InputError

_PORTABLE = ("ASCII", "ANSI_X3.4-1968", "US-ASCII", "KOI8-R", "KOI8-U", "KOI8-T", "CP850", "CP866", "CP874",
             "CP932", "CP949", "CP950", "CP1250", "CP1251", "CP1252", "CP1253", "CP1254", "CP1255", "CP1256",
             "CP1257", "GB2312", "EUC-JP", "EUC-KR", "EUC-TW", "BIG5", "BIG5-HKSCS", "GBK", "GB18030",
             "SHIFT_JIS", "JOHAB", "TIS-620", "VISCII", "GEORGIAN-PS", "UTF-8",
             *(f"ISO{sep}8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 15) for sep in "-_"))
_CANONICAL = {name.upper(): name.replace("_8859", "-8859") for name in _PORTABLE}
# The header: the first msgid "" (not in a context, not obsolete) and its msgstr strings.
_HEADER = re.compile(rb'^[ \t]*msgid[ \t]+""[ \t]*\r?\n[ \t]*msgstr[ \t]*((?:"(?:[^"\\\n]|\\.)*"[ \t\r\n]*)+)',
                     re.MULTILINE)
_STRING_BODY = re.compile(rb'"((?:[^"\\\n]|\\.)*)"')
_CHARSET = re.compile(r"charset=([^ \t\n\\]*)")
BOM = codecs.BOM_UTF8


@dataclass(frozen=True)
class Decoded:
    """A catalog's text, the header's charset name and the Python codec that reads and writes it."""

    text: str
    declared: str | None
    codec: str


def canonical(name: str | None) -> str | None:
    """GNU's canonical spelling of a portable charset name (``utf-8`` -> ``UTF-8``), else None."""
    return _CANONICAL.get(name.upper()) if name else None


def charset_in(content_type: str | None) -> str | None:
    """The ``charset=`` of a Content-Type value, as GNU finds it (up to a space)."""
    match = _CHARSET.search(content_type or "")
    return match.group(1) if match else None


def declared_charset(data: bytes) -> str | None:
    """The charset the header of the raw catalog declares (None without one)."""
    header = _HEADER.search(data)
    if header is None:
        return None
    msgstr = b"".join(_STRING_BODY.findall(header.group(1))).decode("latin-1")
    return charset_in(msgstr)


def python_codec(name: str | None) -> str | None:
    """The Python codec for a charset name, or None when Python has none."""
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, path: Path) -> Decoded:
    """The text of a catalog's bytes, read as msgfmt reads them (InputError where it refuses)."""
    if data.startswith(BOM):
        raise InputError("file starts with a byte order mark (BOM); GNU gettext rejects it, "
                         "save the catalog without BOM", path, 1)
    declared = declared_charset(data)
    codec = python_codec(declared)
    if canonical(declared) is not None and codec is not None:
        try:
            return Decoded(data.decode(codec), declared, codec)
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            raise InputError(f"file is not valid {declared} (the charset its header declares)", path, line) from None
    for fallback in (codec, "utf-8"):
        if fallback is not None:
            try:
                return Decoded(data.decode(fallback), declared, fallback)
            except UnicodeDecodeError:
                pass
    return Decoded(data.decode("latin-1"), declared, "latin-1")


def merged_charset(catalog_charset: str | None, template_charset: str | None) -> str | None:
    """The charset ``msgmerge`` gives the updated catalog (None: keep the catalog's)."""
    if canonical(template_charset) == "UTF-8" and canonical(catalog_charset) != "UTF-8":
        return "UTF-8"
    return None


def with_charset(content_type: str, charset: str) -> str:
    """``content_type`` declaring ``charset`` instead of its own."""
    if _CHARSET.search(content_type):
        return _CHARSET.sub(lambda _match: f"charset={charset}", content_type, count=1)
    return f"{content_type.rstrip('; ')}; charset={charset}"


def as_utf8(catalog: polib.POFile) -> polib.POFile:
    """A shallow copy of ``catalog`` that declares and is written in UTF-8 (as ``msgmerge`` converts)."""
    converted = copy.copy(catalog)
    converted.encoding = "utf-8"
    converted.metadata = dict(catalog.metadata)
    content_type = converted.metadata.get("Content-Type", "text/plain")
    converted.metadata["Content-Type"] = with_charset(content_type, "UTF-8")
    header: polib.POEntry | None = getattr(catalog, "header_entry", None)
    if header is not None:  # the original header text, with only the charset changed
        twin = copy.copy(header)
        twin.msgstr = with_charset(header.msgstr, "UTF-8") if _CHARSET.search(header.msgstr) else header.msgstr
        setattr(converted, "header_entry", twin)  # noqa: B010  (a POCatalog attribute, absent from POFile)
    return converted
