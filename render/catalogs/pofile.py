"""Read a .po or .pot catalog with polib, refusing anything GNU gettext would refuse.

polib is lenient: it silently accepts an unterminated string, a msgid without msgstr or
a duplicate message, and it drops the previous msgid of obsolete entries. Here every such
problem becomes an :class:`~glossary.errors.InputError` with the file and line, so a
broken catalog is reported instead of being rewritten with a translator's work lost.
"""

from __future__ import annotations

import codecs
import gc
import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from glossary.errors import InputError
from render.catalogs.plurals import PluralFormsError, is_template, parse_plural_forms

# A PO string token: quoted, with only the escapes polib understands.
_STRING = re.compile(r'"(?:[^"\\]|\\[\\"ntrvbf])*"')
_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr\[\d+\]|msgstr)(?![\w\[])\s*(.*)$")
_HEADER_FIELD = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_POLIB_LINE = re.compile(r"line (\d+)")
# Transitions polib allows but GNU gettext rejects: after msgctxt only msgid may follow,
# after msgid / msgid_plural only msgid_plural or msgstr.
_STRICT_AFTER = {"ct": ("mi", "mc"), "mi": ("mp", "ms", "mx", "mc"), "mp": ("ms", "mx", "mc")}
# One line that _check_tokens accepts (blank, comment, keyword + string, continuation string),
# so a whole file is validated by one regex search; only a file with a bad line takes the
# line-by-line path that words the error.
_W = r"[^\S\n]*+"
_LINE_STRING = r'"[^"\\\n]*+(?:\\[\\"ntrvbf][^"\\\n]*+)*+"'  # unrolled: runs of plain characters at C speed
_LINE_KEYWORD = r"(?:msgctxt|msgid_plural|msgid|msgstr\[\d+\]|msgstr)(?![\w\[])"
_LINE_MESSAGE = rf"(?:{_LINE_KEYWORD}{_W}{_LINE_STRING}|{_LINE_STRING})"
_VALID_LINE = (rf"{_W}(?:(?>\#~\||\#~|\#\|){_W}(?:{_LINE_MESSAGE}|(?!{_LINE_KEYWORD}|\")[^\n]*)?"
               rf"|\#(?![~|])[^\n]*|{_LINE_MESSAGE})?{_W}")
_VALID_TEXT = re.compile(rf"(?:{_VALID_LINE}\n)*+{_VALID_LINE}")
_OBSOLETE_PREVIOUS = re.compile(r"^(\s*)#~\|", re.MULTILINE)


@dataclass(frozen=True)
class Fingerprint:
    """What a catalog file looked like when it was read (to detect concurrent edits)."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path, data: bytes) -> Fingerprint:
        stat = path.stat()
        return cls(len(data), stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


class POCatalog(polib.POFile):
    """A polib catalog that also keeps its header entry verbatim and where it was read from."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_entry: polib.POEntry | None = None
        self.fingerprint: Fingerprint | None = None
        self.source_path: Path | None = None

    def remove(self, entry: polib.POEntry) -> None:
        if entry.msgid == "" and self.header_entry is None:
            self.header_entry = entry  # polib is extracting the metadata: keep the original
        super().remove(entry)


# A new entry's attributes, as polib's constructor sets them (read from a real instance, so a
# polib release with other attributes is followed); the containers are made fresh per entry.
_ENTRY_CONTAINERS = ("occurrences", "flags", "msgstr_plural")
_ENTRY_DEFAULTS = vars(polib.POEntry())
_ENTRY_SCALARS = {name: value for name, value in _ENTRY_DEFAULTS.items() if name not in _ENTRY_CONTAINERS}
_FAST_ENTRIES = {name for name, value in _ENTRY_DEFAULTS.items()
                 if isinstance(value, (list, dict, set))} == set(_ENTRY_CONTAINERS)


def _new_entry(linenum: int) -> polib.POEntry:
    """``polib.POEntry(linenum=linenum)`` at a third of the cost (100,000 entries: 0.15 s less)."""
    if not _FAST_ENTRIES:
        return polib.POEntry(linenum=linenum)
    entry: polib.POEntry = object.__new__(polib.POEntry)
    attributes = entry.__dict__
    attributes.update(_ENTRY_SCALARS)
    attributes["occurrences"] = []
    attributes["flags"] = []
    attributes["msgstr_plural"] = {}
    attributes["linenum"] = linenum
    return entry


def _unescape(text: str) -> str:
    """polib's unescape, skipped for the common string without a backslash."""
    return polib.unescape(text) if "\\" in text else text


class _StrictParser(polib._POFileParser):
    """polib's state machine without the transitions GNU gettext forbids.

    The handlers do what polib's do, except that strings without a backslash are not run
    through ``polib.unescape`` (a regex substitution per string, most of polib's time) and
    occurrences are split with ``str.rpartition``.
    """

    current_entry: polib.POEntry

    def __init__(self, lines: list[str], occurrences: bool = True) -> None:
        super().__init__("", klass=POCatalog, encoding="utf-8")
        self.keep_occurrences = occurrences
        # Our own lines: split on "\n" only (str.splitlines() also splits on U+2028 etc.); the
        # caller has rewritten "#~|" as "#|" (polib skips the previous msgid of obsolete entries).
        self.fhandle = lines
        for symbol, state in list(self.transitions):
            if state in _STRICT_AFTER and symbol not in _STRICT_AFTER[state]:
                del self.transitions[(symbol, state)]

    def _next_entry(self) -> None:
        if self.current_state in ("mc", "ms", "mx"):
            self.instance.append(self.current_entry)
            self.current_entry = _new_entry(self.current_line)

    def handle_oc(self) -> bool:
        self._next_entry()
        if not self.keep_occurrences:
            return True
        occurrences = self.current_entry.occurrences
        for occurrence in self.current_token[3:].split():
            name, colon, line = occurrence.rpartition(":")
            occurrences.append((name, line) if colon and line.isdigit() else (occurrence, ""))
        return True

    def handle_ct(self) -> bool:
        self._next_entry()
        self.current_entry.msgctxt = _unescape(self.current_token[1:-1])
        return True

    def handle_mi(self) -> bool:
        self._next_entry()
        self.current_entry.obsolete = self.entry_obsolete
        self.current_entry.msgid = _unescape(self.current_token[1:-1])
        return True

    def handle_mp(self) -> bool:
        self.current_entry.msgid_plural = _unescape(self.current_token[1:-1])
        return True

    def handle_ms(self) -> bool:
        self.current_entry.msgstr = _unescape(self.current_token[1:-1])
        return True

    def handle_mc(self) -> bool:
        token = _unescape(self.current_token[1:-1])
        entry, state = self.current_entry, self.current_state
        if state == "ms":
            entry.msgstr += token
        elif state == "mi":
            entry.msgid += token
        elif state == "mx":
            entry.msgstr_plural[self.msgstr_index] += token
        else:
            attribute = {"ct": "msgctxt", "mp": "msgid_plural", "pp": "previous_msgid_plural",
                         "pm": "previous_msgid", "pc": "previous_msgctxt"}.get(state)
            if attribute is not None:
                setattr(entry, attribute, getattr(entry, attribute) + token)
        return False  # a continuation keeps the state


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run a block without the cyclic garbage collector (restored afterwards).

    Parsing and checking create hundreds of thousands of small acyclic objects; the
    collector would walk the growing heap again and again (a third of polib's own time).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_catalog(path: str | os.PathLike[str], *, occurrences: bool = True) -> POCatalog:
    """Read and validate the catalog at ``path``.

    Every command reads a catalog this way: what ``msgfmt --check-header`` refuses is an
    :class:`InputError`; the catalog's own Plural-Forms decides its plural forms.
    ``occurrences=False`` leaves the ``#:`` source references out (for readers that never show
    them, such as the checker: a tenth of the reading time on a large catalog).
    """
    file = Path(path)
    data = file.read_bytes()
    catalog = parse_catalog(data, file, occurrences=occurrences)
    catalog.fingerprint = Fingerprint.of(file, data)
    catalog.source_path = file
    return catalog


def parse_catalog(data: bytes, path: Path, *, occurrences: bool = True) -> POCatalog:
    """Validate and parse the bytes of a catalog (see ``load_catalog``); ``path`` is only used in messages."""
    with paused_gc():
        return _parse(data, path, occurrences)


def _parse(data: bytes, path: Path, occurrences: bool) -> POCatalog:
    text = _decode(data, path)
    if _VALID_TEXT.fullmatch(text) is None:
        _check_tokens(text.split("\n"), path)  # words the error (the regex may be stricter)
    if "#~|" in text:
        text = _OBSOLETE_PREVIOUS.sub(r"\1#|", text)
    lines = text.split("\n")
    parser = _StrictParser(lines, occurrences)
    try:
        catalog: POCatalog = parser.parse()
    except OSError as error:
        match = _POLIB_LINE.search(str(error))
        line = int(match.group(1)) if match else None
        raise InputError(_syntax_message(lines, line), path, line) from None
    if parser.current_state in ("ct", "mi", "mp"):
        raise InputError("message has no msgstr", path, len(lines))
    _check_entries(catalog, lines, path)
    _check_header(catalog, lines, path)
    _check_plural_forms(catalog, lines, path)
    return catalog


def _decode(data: bytes, path: Path) -> str:
    if data.startswith(codecs.BOM_UTF8):
        raise InputError("file starts with a byte order mark (BOM); GNU gettext rejects it, "
                         "save the catalog as UTF-8 without BOM", path, 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError("file is not valid UTF-8 (catalogs must be UTF-8)", path, line) from None


def _check_tokens(lines: list[str], path: Path) -> None:
    """Every keyword and continuation line carries exactly one well-formed string."""
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        for prefix in ("#~|", "#~", "#|"):
            if line.startswith(prefix):
                line = line[len(prefix):].strip()
                break
        else:
            if line.startswith("#"):
                continue
        if not line:
            continue
        match = _KEYWORD.match(line)
        rest = match.group(2) if match else line
        if match is None and not line.startswith('"'):
            if raw.lstrip().startswith("#"):
                continue
            raise InputError(f"syntax error: unexpected {line.split()[0]!r}", path, number)
        if not rest:
            raise InputError(f"{match.group(1) if match else 'line'} has no string", path, number)
        _check_string(rest, path, number)


def _check_string(token: str, path: Path, number: int) -> None:
    if not token.startswith('"'):
        raise InputError(f"expected a quoted string, found {token[:20]!r}", path, number)
    match = _STRING.match(token)
    if match is None or match.end() != len(token):
        if match is not None:
            raise InputError("unescaped double quote or text after the string", path, number)
        body = token[1:]
        if re.search(r'\\[^\\"ntrvbf]', body):
            bad = re.search(r'\\[^\\"ntrvbf]', body)
            assert bad is not None
            raise InputError(f"unsupported escape sequence {bad.group(0)!r}", path, number)
        raise InputError("unterminated string (missing closing double quote)", path, number)


def _syntax_message(lines: list[str], line: int | None) -> str:
    if line is not None and 0 < line <= len(lines):
        text = lines[line - 1].strip()
        if text.startswith(("msgstr", "#~ msgstr")):
            return "msgstr without a preceding msgid"
        return f"syntax error: {text[:40]!r} cannot appear here (missing msgstr?)"
    return "syntax error"


def keyword_line(lines: list[str], start: int, keyword: str = "msgid") -> int:
    """The line of the first ``keyword`` at or after line ``start`` (1-based)."""
    pattern = re.compile(rf"^\s*(?:#~\s*)?{keyword}\s")
    for number in range(max(start, 1), len(lines) + 1):
        if pattern.match(lines[number - 1]):
            return number
    return max(start, 1)


def _check_entries(catalog: POCatalog, lines: list[str], path: Path) -> None:
    """Plural forms present and no duplicate message (lines are only looked up for an error)."""
    live = [(entry.msgctxt, entry.msgid) for entry in catalog if not entry.obsolete]
    plurals = [entry for entry in catalog if entry.msgid_plural or entry.msgstr_plural]
    if len(set(live)) == len(live) and all(entry.msgid_plural and entry.msgstr_plural for entry in plurals):
        return  # the common case, checked wholesale: the loop below would find nothing
    seen: dict[tuple[str | None, str], polib.POEntry] = {}
    for entry in catalog:
        if entry.msgid_plural and not entry.msgstr_plural:
            raise InputError("plural message needs msgstr[0], msgstr[1] …", path, keyword_line(lines, entry.linenum))
        if entry.msgstr_plural and not entry.msgid_plural:
            raise InputError("msgstr[N] without msgid_plural", path, keyword_line(lines, entry.linenum))
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        first = seen.setdefault(key, entry)
        if first is not entry:
            context = f" (msgctxt {entry.msgctxt!r})" if entry.msgctxt is not None else ""
            raise InputError(f"duplicate message {entry.msgid[:40]!r}{context}, first defined at line "
                             f"{keyword_line(lines, first.linenum)}", path, keyword_line(lines, entry.linenum))


def _check_header(catalog: POCatalog, lines: list[str], path: Path) -> None:
    header = catalog.header_entry
    if header is None:
        if path.suffix == ".pot" and not catalog.metadata:
            return
        raise InputError("catalog has no header entry (msgid \"\")", path, 1)
    start = keyword_line(lines, header.linenum)
    if header.msgctxt is not None:
        raise InputError("the header entry must not have a msgctxt", path, start)
    for field_line in header.msgstr.split("\n"):
        if not field_line:
            continue
        name, colon, _ = field_line.partition(":")
        if not colon or not _HEADER_FIELD.match(name):
            raise InputError(f"broken header line {field_line[:40]!r} (expected 'Name: value')", path,
                             _field_line(lines, start, field_line))
    fields = catalog.metadata
    content_type = fields.get("Content-Type")
    if content_type is None:
        raise InputError("header has no Content-Type field", path, start)
    charset = re.search(r"charset=([^\s;]+)", content_type)
    value = charset.group(1) if charset else ""
    if value.upper().replace("-", "") != "UTF8" and not (value == "CHARSET" and path.suffix == ".pot"):
        raise InputError(f"charset {value or 'missing'!r}: catalogs must be UTF-8", path,
                         _field_line(lines, start, "Content-Type"))


def _field_line(lines: list[str], start: int, text: str) -> int:
    for number in range(start, min(len(lines), start + 200) + 1):
        if text in lines[number - 1]:
            return number
    return start


def _check_plural_forms(catalog: POCatalog, lines: list[str], path: Path) -> None:
    """The header's own rule is valid and every plural message has its forms 0 .. nplurals-1.

    This is what ``msgfmt --check-header`` checks. Whether the rule suits the language is
    not a reading matter: ``careglot check`` warns about that (``plural-forms``).
    """
    plurals = [entry for entry in catalog if entry.msgid_plural and not entry.obsolete]
    header = catalog.header_entry
    plural_forms = catalog.metadata.get("Plural-Forms") if header is not None else None
    line = _field_line(lines, keyword_line(lines, header.linenum), "Plural-Forms") if header is not None else 1
    nplurals: int | None = None
    if plural_forms is not None and not is_template(plural_forms):
        try:
            nplurals = parse_plural_forms(plural_forms).nplurals
        except PluralFormsError as error:
            raise InputError(str(error), path, line) from None
    elif plurals and header is not None and path.suffix != ".pot":
        raise InputError("the catalog has plural messages but its header has no Plural-Forms "
                         "(add e.g. 'Plural-Forms: nplurals=2; plural=(n != 1);')", path, line)
    for entry in plurals:
        indexes = sorted(entry.msgstr_plural)
        if indexes != list(range(len(indexes))):
            raise InputError(f"plural message has msgstr{_index_list(indexes)}: the forms must be numbered "
                             f"0 .. {len(indexes) - 1} without gaps", path, keyword_line(lines, entry.linenum))
        if nplurals is not None and len(indexes) != nplurals:
            raise InputError(f"plural message has {len(indexes)} msgstr[N] forms, the catalog's Plural-Forms "
                             f"says nplurals={nplurals}", path, keyword_line(lines, entry.linenum))


def _index_list(indexes: list[int]) -> str:
    return "".join(f"[{index}]" for index in indexes)
