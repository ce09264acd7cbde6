"""Serialise a catalog exactly as GNU gettext (``msgcat``, ``msgmerge``) writes it.

Same comment order, ``#,`` flag order, ``#:`` wrapping, string escapes and line
wrapping at 79 columns (see :mod:`catalogs.linebreak`), obsolete entries last
with their previous msgid as ``#~|``. A catalog GNU ``msgcat`` leaves unchanged is
written back byte-identical after a load and save with nothing changed, so translators
never see spurious diffs.
"""

from __future__ import annotations

import re

import polib

from catalogs.linebreak import escaped_cuts, simple_text, string_cuts

PAGE_WIDTH = 79
_NO_WRAP_WIDTH = 2**31 - 1
_ESCAPE_TABLE = str.maketrans({"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
                               "\t": "\\t", "\v": "\\v", "\\": "\\\\", '"': '\\"'})
_PORTION = re.compile(r"[^\n]*\n|[^\n]+")
# GNU gettext 0.21 format_language[] order: how "#," lists format flags.
_FORMATS = ("c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
            "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
            "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace",
            "php", "gcc-internal", "gfc-internal", "ycp")
_FORMAT_RANK = {name: rank for rank, name in enumerate(_FORMATS)}
_RANGE = re.compile(r"^range:\s*(\d+)\.\.(\d+)$")
_FLAG_CACHE: dict[tuple[str, ...], tuple[bool, list[str], bool]] = {}


def write_po(catalog: polib.POFile, *, page_width: int = PAGE_WIDTH) -> str:
    """The whole catalog as GNU gettext would write it."""
    # One flat list of lines ("" between entries): no container per entry survives, which
    # keeps the cyclic garbage collector from rescanning a large catalog again and again.
    out: list[str] = []
    header = _header_block(catalog, page_width)
    pending_comments: list[str] = []
    if header is not None:
        out += header
    elif catalog.header:  # polib parked the first entry's comments there
        pending_comments = [_comment("#", text) for text in catalog.header.split("\n")]
    for entry in catalog:
        if not entry.obsolete:
            if out:
                out.append("")
            out += pending_comments
            pending_comments = []
            _entry_lines(entry, page_width, out, obsolete=False)
    for entry in catalog:
        if entry.obsolete and _first_msgstr(entry) != "":
            if out:
                out.append("")
            _entry_lines(entry, page_width, out, obsolete=True)
    return "\n".join(out) + "\n" if out else ""


def _header_block(catalog: polib.POFile, page_width: int) -> list[str] | None:
    original: polib.POEntry | None = getattr(catalog, "header_entry", None)
    if original is None and not catalog.metadata:
        return None
    msgstr = header_msgstr(catalog)
    entry = polib.POEntry(msgid="", msgstr=msgstr)
    if original is not None:
        entry.comment = original.comment
        entry.occurrences = list(original.occurrences)
        entry.flags = [flag for flag in original.flags if flag != "fuzzy"]
        entry.previous_msgid = original.previous_msgid
    fuzzy = catalog.metadata_is_fuzzy
    if fuzzy and (not isinstance(fuzzy, list) or "fuzzy" in fuzzy):
        entry.flags.insert(0, "fuzzy")
    comments = catalog.header.split("\n") if catalog.header else []
    if original is not None and original.tcomment:
        comments += original.tcomment.split("\n")
    entry.tcomment = "\n".join(comments) if comments else ""
    lines: list[str] = []
    _entry_lines(entry, page_width, lines, obsolete=False, tcomment_lines=comments)
    return lines


def header_msgstr(catalog: polib.POFile) -> str:
    """The header msgstr: the original text when the metadata is unchanged, else rebuilt."""
    original: polib.POEntry | None = getattr(catalog, "header_entry", None)
    if original is not None and _parse_metadata(original.msgstr) == dict(catalog.metadata):
        return str(original.msgstr)
    return "".join(f"{name}: {value}\n" for name, value in catalog.metadata.items())


def _parse_metadata(msgstr: str) -> dict[str, str]:
    """The metadata polib derives from a header msgstr (same algorithm as polib)."""
    metadata: dict[str, str] = {}
    key: str | None = None
    for line in msgstr.splitlines():
        name, colon, value = line.partition(":")
        if colon:
            key = name
            metadata[key] = value.strip()
        elif key is not None:
            metadata[key] += "\n" + line.strip()
    return metadata


def _first_msgstr(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        return str(entry.msgstr_plural.get(0, ""))
    return str(entry.msgstr)


def _entry_lines(entry: polib.POEntry, page_width: int, lines: list[str], *, obsolete: bool,
                 tcomment_lines: list[str] | None = None) -> None:
    """Append the entry's lines to ``lines``."""
    if tcomment_lines is None:
        tcomment_lines = entry.tcomment.split("\n") if entry.tcomment else []
    lines += [_comment("#", text) for text in tcomment_lines]
    if entry.comment:
        lines += [_comment("#.", text) for text in entry.comment.split("\n")]
    lines += _references(entry.occurrences, page_width)
    flags, do_wrap = _flags(entry)
    if flags:
        lines.append("#, " + ", ".join(flags))
    width = page_width if do_wrap else _NO_WRAP_WIDTH
    previous = "#~| " if obsolete else "#| "
    for name in ("msgctxt", "msgid", "msgid_plural"):
        value = getattr(entry, f"previous_{name}", None)
        if value is not None:
            lines += wrap_string(previous, name, value, width)
    prefix = "#~ " if obsolete else ""
    if entry.msgctxt is not None:
        lines += wrap_string(prefix, "msgctxt", entry.msgctxt, width)
    lines += wrap_string(prefix, "msgid", entry.msgid, width)
    if entry.msgid_plural:
        lines += wrap_string(prefix, "msgid_plural", entry.msgid_plural, width)
        for index in sorted(entry.msgstr_plural):
            lines += wrap_string(prefix, f"msgstr[{index}]", entry.msgstr_plural[index], width)
    else:
        lines += wrap_string(prefix, "msgstr", entry.msgstr, width)


def _comment(marker: str, text: str) -> str:
    return f"{marker} {text}" if text else marker


def _references(occurrences: list[tuple[str, str]], page_width: int) -> list[str]:
    if not occurrences:
        return []
    lines, current, column = [], "#:", 2
    for file, line in occurrences:
        while file.startswith("./"):
            file = file[2:]
        text = f"{file}:{line}" if line else file
        length = len(text.encode("utf-8")) + 1
        if column > 2 and column + length > page_width:
            lines.append(current)
            current, column = "#:", 2
        current += " " + text
        column += length
    lines.append(current)
    return lines


def _flags(entry: polib.POEntry) -> tuple[list[str], bool]:
    """The ``#,`` flags in GNU order, and whether strings are wrapped."""
    key = tuple(entry.flags)
    known = _FLAG_CACHE.get(key)
    if known is None:
        known = _FLAG_CACHE[key] = _ordered_flags(key)
    fuzzy, flags, do_wrap = known
    if fuzzy and _first_msgstr(entry) != "":
        return ["fuzzy", *flags], do_wrap
    return flags, do_wrap


def _ordered_flags(entry_flags: tuple[str, ...]) -> tuple[bool, list[str], bool]:
    """Fuzzy?, the other flags in GNU order, and whether strings are wrapped."""
    formats: dict[str, str] = {}
    ranges: list[str] = []
    others: list[str] = []
    do_wrap = True
    fuzzy = False
    for flag in entry_flags:
        flag = flag.strip()
        name = flag.removeprefix("no-").removesuffix("-format")
        if flag == "fuzzy":
            fuzzy = True
        elif flag in ("wrap", "no-wrap"):
            do_wrap = flag == "wrap"
        elif flag.endswith("-format") and name in _FORMAT_RANK:
            formats[name] = flag
        elif _RANGE.match(flag):
            low, high = _RANGE.match(flag).groups()  # type: ignore[union-attr]
            ranges = [f"range: {int(low)}..{int(high)}"]
        elif flag and flag not in others:
            others.append(flag)
    result = [formats[name] for name in sorted(formats, key=_FORMAT_RANK.__getitem__)]
    result += ranges
    if not do_wrap:
        result.append("no-wrap")
    return fuzzy, result + others, do_wrap


def wrap_string(prefix: str, keyword: str, value: str, page_width: int = PAGE_WIDTH) -> list[str]:
    """``keyword "value"`` as GNU ``wrap()`` lays it out, one list item per output line."""
    if not value:
        return [f'{prefix}{keyword} ""']
    indent_after_break = len(prefix) + 1
    width = page_width - 1 - indent_after_break
    start = len(prefix) + len(keyword) + 2 - indent_after_break
    if "\n" in value:
        texts = [(portion.translate(_ESCAPE_TABLE), portion[-1] == "\n") for portion in _PORTION.findall(value)]
    else:
        text = value.translate(_ESCAPE_TABLE)
        if len(text) + start <= width and simple_text(text):
            return [f'{prefix}{keyword} "{text}"']  # fits after the keyword: nothing to break
        texts = [(text, False)]
    lines: list[str] = []
    for number, (text, final_newline) in enumerate(texts):
        head = prefix
        if number == 0:
            split, cuts = _first_cuts(text, width, start, final_newline, len(texts) > 1 or start > width)
            if split:
                lines.append(f'{prefix}{keyword} ""')
            else:
                head = f"{prefix}{keyword} "
        else:
            cuts = string_cuts(text, width, 0, final_newline)
        begin = 0
        for cut in cuts:
            lines.append(f'{head}"{text[begin:cut]}"')
            head, begin = prefix, cut
        lines.append(f'{head}"{text[begin:]}"')
    return lines


def _first_cuts(text: str, width: int, start: int, final_newline: bool, split: bool) -> tuple[bool, list[int]]:
    """The first portion's cuts, and whether it goes below a ``keyword ""`` line (as GNU decides)."""
    simple = simple_text(text)
    if simple and len(text) > width:
        # too long even at column 0: it breaks after the keyword iff it has any opportunity at all
        cuts = escaped_cuts(text, width, 0, final_newline)
        return split or bool(cuts), cuts
    cuts = string_cuts(text, width, start, final_newline, simple)
    if split or cuts:
        return True, string_cuts(text, width, 0, final_newline, simple)
    return False, cuts
