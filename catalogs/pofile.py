"""Read a .po or .pot catalog with polib, refusing anything GNU gettext would refuse.

polib is lenient: it silently accepts an unterminated string, a msgid without msgstr or
a duplicate message, and it drops the previous msgid of obsolete entries. Here every such
problem becomes an :class:`~careglot.core.errors.InputError` with the file and line, so a
broken catalog is reported instead of being rewritten with a translator's work lost.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polib

from careglot.core.errors import InputError
from catalogs.charset import decode
from catalogs.escapes import VALID_ESCAPE
from catalogs.plurals import PluralFormsError, is_template, parse_plural_forms
from catalogs.poparser import Fingerprint, POCatalog, StrictParser

# A PO string token: quoted, with the escapes GNU msgfmt accepts (see catalogs.escapes).
_STRING = re.compile(rf'"(?:[^"\\]|\\{VALID_ESCAPE})*"')
_STRINGS = re.compile(rf"{_STRING.pattern}(?:[^\S\n]*{_STRING.pattern})*")
_BACKSLASH_PAIR = re.compile(r"\\(.?)")
_GOOD_ESCAPE = re.compile(VALID_ESCAPE)
_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr\[\d+\]|msgstr)(?![\w\[])\s*(.*)$")
_POLIB_LINE = re.compile(r"line (\d+)")
# One line that _check_tokens accepts (blank, comment, keyword + string, continuation string),
# so a whole file is validated by one regex search; only a file with a bad line takes the
# line-by-line path that words the error.
_W = r"[^\S\n]*+"
_LINE_STRING = rf'"[^"\\\n]*+(?:\\{VALID_ESCAPE}[^"\\\n]*+)*+"'  # unrolled: runs of plain characters at C speed
_LINE_KEYWORD = r"(?:msgctxt|msgid_plural|msgid|msgstr\[\d+\]|msgstr)(?![\w\[])"
_LINE_STRINGS = rf"{_LINE_STRING}(?:{_W}{_LINE_STRING})*+"  # GNU also takes several strings on a line
_LINE_MESSAGE = rf"(?:{_LINE_KEYWORD}{_W}{_LINE_STRINGS}|{_LINE_STRINGS})"
_VALID_LINE = (rf"{_W}(?:(?>\#~\||\#~|\#\|){_W}(?:{_LINE_MESSAGE}|(?!{_LINE_KEYWORD}|\")[^\n]*)?"
               rf"|\#(?![~|])[^\n]*|{_LINE_MESSAGE})?{_W}")
_VALID_TEXT = re.compile(rf"(?:{_VALID_LINE}\n)*+{_VALID_LINE}")
_OBSOLETE_PREVIOUS = re.compile(r"^(\s*)#~\|", re.MULTILINE)
_SECOND_STRING = re.compile(rf'{_LINE_STRING}{_W}"')
_ONE_STRING = re.compile(_LINE_STRING)
_UNSPACED = re.compile(r"^(\s*)(#~\||#~|#\||#[,:.]|#)(?=[^\s#,:.|~])")
_UNSPACED_KEYWORD = re.compile(rf'^(\s*(?:(?:#~\||#~|#\|)\s*)?)({_LINE_KEYWORD})(?=")')
# Numeric escapes or a raw EOT: a string may hold the context separator, which msgfmt refuses.
_MAY_HOLD_EOT = re.compile(r"\\(?:[0-7]|x[0-9A-Fa-f])|\x04")


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
    decoded = decode(data, path)
    text = decoded.text
    if "\r" in text:  # CRLF line ends read as LF, as GNU does (which writes LF back)
        text = text.replace("\r\n", "\n") if "\n" in text else _cr_only(text, path)
    if _VALID_TEXT.fullmatch(text) is None:
        _check_tokens(text.split("\n"), path)  # words the error (the regex may be stricter)
    if "#~|" in text:
        text = _OBSOLETE_PREVIOUS.sub(r"\1#|", text)
    lines = text.split("\n")
    parser = StrictParser(lines, occurrences, decoded.codec)
    try:
        try:
            catalog: POCatalog = parser.parse()
        except OSError:  # polib wants "#, x" and one string per line: GNU also takes "#,x", "a" "b"
            if not (_space_markers(lines) | _join_strings(lines)):
                raise
            parser = StrictParser(lines, occurrences, decoded.codec)
            catalog = parser.parse()
    except OSError as error:
        match = _POLIB_LINE.search(str(error))
        line = int(match.group(1)) if match else None
        raise InputError(_syntax_message(lines, line), path, line) from None
    if parser.current_state in ("ct", "mi", "mp"):
        raise InputError("message has no msgstr", path, len(lines))
    _check_entries(catalog, lines, path)
    if parser.saw_eot or "\x04" in text:
        _check_no_eot(catalog, lines, path)
    _check_header(catalog, lines, path)
    _check_newlines(catalog, lines, path)
    _check_plural_forms(catalog, lines, path)
    return catalog


def _cr_only(text: str, path: Path) -> str:
    """A file with CR-only line ends, as lines; refused if GNU would lose messages reading it.

    GNU takes CR for a space, so the whole file is one line and its first comment runs to
    the end: msgfmt then ignores (or, comment first, misses the header and refuses) the rest.
    """
    lines = text.split("\r")
    comments = [number for number, line in enumerate(lines) if line.lstrip().startswith("#")]
    if comments and any(line.strip() for line in lines[comments[0] + 1:]):
        raise InputError("line ends are CR only (classic Mac OS): GNU gettext reads this file as one line and "
                         "ignores everything after the first comment; convert the line ends to LF",
                         path, comments[0] + 1)
    return "\n".join(lines)


def _space_markers(lines: list[str]) -> bool:
    """``#,fuzzy``, ``#~msgid``, ``msgid"a"`` get the space polib needs (GNU writes it too); whether any did."""
    changed = False
    for number, line in enumerate(lines):
        spaced = _UNSPACED.sub(r"\1\2 ", line, count=1)
        if spaced != line:
            lines[number] = _UNSPACED_KEYWORD.sub(r"\1\2 ", spaced, count=1)
            changed = True
        elif _UNSPACED_KEYWORD.match(line):
            lines[number] = _UNSPACED_KEYWORD.sub(r"\1\2 ", line, count=1)
            changed = True
    return changed


def _join_strings(lines: list[str]) -> bool:
    """``msgstr "a" "b"`` becomes ``msgstr "ab"`` (GNU joins them); whether any line changed."""
    changed = False
    for number, line in enumerate(lines):
        if line.lstrip().startswith("#") and not line.lstrip().startswith(("#~", "#|")):
            continue
        if _SECOND_STRING.search(line):
            first = line.index('"')
            bodies = [string[1:-1] for string in _ONE_STRING.findall(line, first)]
            lines[number] = f'{line[:first]}"{"".join(bodies)}"'
            changed = True
    return changed


def _check_no_eot(catalog: POCatalog, lines: list[str], path: Path) -> None:
    """No string holds EOT (U+0004), the .mo context separator: msgfmt refuses it."""
    for entry in [catalog.header_entry, *catalog] if catalog.header_entry else catalog:
        texts = (entry.msgctxt, entry.msgid, entry.msgid_plural, entry.msgstr, *entry.msgstr_plural.values(),
                 entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural)
        if any(text and "\x04" in text for text in texts):
            start = max(entry.linenum or 1, 1)
            line = next((number for number in range(start, len(lines) + 1)
                         if _MAY_HOLD_EOT.search(lines[number - 1])), start)
            raise InputError("string holds the context separator EOT (\\x04), which msgfmt refuses", path, line)


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
    match = _STRINGS.match(token)
    if match is None or match.end() != len(token):
        if match is not None:
            raise InputError("unescaped double quote or text after the string", path, number)
        for pair in _BACKSLASH_PAIR.finditer(token, 1):
            if pair.group(1) and not _GOOD_ESCAPE.match(token, pair.start(1)):
                raise InputError(f"unsupported escape sequence {pair.group(0)!r}", path, number)
        raise InputError("unterminated string (missing closing double quote)", path, number)


def _syntax_message(lines: list[str], line: int | None) -> str:
    if line is not None and 0 < line <= len(lines):
        text = lines[line - 1].strip()
        if text.startswith(("msgstr", "#~ msgstr")):
            return "msgstr without a preceding msgid"
        return f"syntax error: {text[:40]!r} cannot appear here (missing msgstr?)"
    return "syntax error"


def keyword_line(lines: list[str], start: int | None, keyword: str = "msgid") -> int:
    """The line of the first ``keyword`` at or after line ``start`` (1-based)."""
    pattern = re.compile(rf"^\s*(?:#~\s*)?{keyword}\s")
    first = max(start or 1, 1)
    for number in range(first, len(lines) + 1):
        if pattern.match(lines[number - 1]):
            return number
    return first


def _check_entries(catalog: POCatalog, lines: list[str], path: Path) -> None:
    """Plural forms present and no duplicate message (lines are only looked up for an error)."""
    live = [(entry.msgctxt, entry.msgid) for entry in catalog]  # obsolete ones too, as msgfmt
    plurals = [entry for entry in catalog if entry.msgid_plural or entry.msgstr_plural]
    if len(set(live)) == len(live) and all(entry.msgid_plural and entry.msgstr_plural for entry in plurals):
        return  # the common case, checked wholesale: the loop below would find nothing
    seen: dict[tuple[str | None, str], polib.POEntry] = {}
    for entry in catalog:
        if entry.msgid_plural and not entry.msgstr_plural:
            raise InputError("plural message needs msgstr[0], msgstr[1] …", path, keyword_line(lines, entry.linenum))
        if entry.msgstr_plural and not entry.msgid_plural:
            raise InputError("msgstr[N] without msgid_plural", path, keyword_line(lines, entry.linenum))
        key = (entry.msgctxt, entry.msgid)
        first = seen.setdefault(key, entry)
        if first is not entry:
            context = f" (msgctxt {entry.msgctxt!r})" if entry.msgctxt is not None else ""
            context += " (obsolete #~ entries count too)" if entry.obsolete or first.obsolete else ""
            raise InputError(f"duplicate message {entry.msgid[:40]!r}{context}, first defined at line "
                             f"{keyword_line(lines, first.linenum)}", path, keyword_line(lines, entry.linenum))


def _check_newlines(catalog: POCatalog, lines: list[str], path: Path) -> None:
    """A translation begins and ends with a newline exactly where its msgid does (msgfmt refuses others).

    As msgfmt: only entries it compiles (not fuzzy, not obsolete, msgstr[0] not empty); the
    msgid_plural and every msgstr[N], empty ones too, are compared with the msgid.
    """
    for entry in catalog:
        msgid = entry.msgid
        first = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
        if not first or entry.obsolete or "fuzzy" in entry.flags:
            continue
        others = [entry.msgid_plural, *entry.msgstr_plural.values()] if entry.msgid_plural else [entry.msgstr]
        begins, ends = msgid[:1] == "\n", msgid[-1:] == "\n"
        for other in others:
            if (other[:1] == "\n") != begins or (other[-1:] == "\n") != ends:
                where = "begin" if (other[:1] == "\n") != begins else "end"
                raise InputError(f"msgid and its translation do not both {where} with \\n (msgfmt refuses this)",
                                 path, keyword_line(lines, entry.linenum, r"msgstr(?:\[\d+\])?"))


def _check_header(catalog: POCatalog, lines: list[str], path: Path) -> None:
    """A header entry, as ``msgfmt --check-header`` requires (its fields are only warned about)."""
    header = catalog.header_entry
    if header is None:
        if path.suffix == ".pot" and not catalog.metadata:
            return
        raise InputError("catalog has no header entry (msgid \"\")", path, 1)
    if header.msgctxt is not None:
        raise InputError("the header entry must not have a msgctxt", path, keyword_line(lines, header.linenum))


def _field_line(lines: list[str], start: int, text: str) -> int:
    for number in range(start, min(len(lines), start + 200) + 1):
        if text in lines[number - 1]:
            return number
    return start


def _check_plural_forms(catalog: POCatalog, lines: list[str], path: Path) -> None:
    """The header's own rule is valid and every plural message has its forms 0 .. nplurals-1.

    This is what ``msgfmt --check-header`` checks (an untranslated plural message may keep
    any number of empty forms there, and here). Whether the rule suits the language is
    not a reading matter: ``careglot check`` warns about that (``plural-forms``).
    """
    plurals = [entry for entry in catalog if entry.msgid_plural and not entry.obsolete]
    header = catalog.header_entry
    plural_forms = catalog.metadata.get("Plural-Forms") if header is not None else None
    nplurals: int | None = None
    if plural_forms is not None and not is_template(plural_forms):
        try:
            nplurals = parse_plural_forms(plural_forms).nplurals
        except PluralFormsError as error:
            raise InputError(str(error), path, _plural_forms_line(catalog, lines)) from None
    elif header is not None and path.suffix != ".pot" and any(any(e.msgstr_plural.values()) for e in plurals):
        raise InputError("the catalog has translated plural messages but its header has no Plural-Forms "
                         "(add e.g. 'Plural-Forms: nplurals=2; plural=(n != 1);')", path,
                         _plural_forms_line(catalog, lines))
    for entry in plurals:
        indexes = sorted(entry.msgstr_plural)
        if indexes != list(range(len(indexes))):
            raise InputError(f"plural message has msgstr{_index_list(indexes)}: the forms must be numbered "
                             f"0 .. {len(indexes) - 1} without gaps", path, keyword_line(lines, entry.linenum))
        if nplurals is not None and len(indexes) != nplurals and any(entry.msgstr_plural.values()):
            raise InputError(f"plural message has {len(indexes)} msgstr[N] forms, the catalog's Plural-Forms "
                             f"says nplurals={nplurals}", path, keyword_line(lines, entry.linenum))


def _plural_forms_line(catalog: POCatalog, lines: list[str]) -> int:
    """The line of the header's Plural-Forms field (or of the header), looked up for an error only."""
    header = catalog.header_entry
    return _field_line(lines, keyword_line(lines, header.linenum), "Plural-Forms") if header is not None else 1


def _index_list(indexes: list[int]) -> str:
    return "".join(f"[{index}]" for index in indexes)
