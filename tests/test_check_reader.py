"""The strict reader's fast paths (one-regex validation, unescape skipped without backslashes,
collector paused) read exactly what polib reads and still refuse what GNU gettext refuses."""

from __future__ import annotations

import gc
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.errors import InputError
from render.catalogs.pofile import _VALID_TEXT, _check_tokens, load_catalog, parse_catalog

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: nl_BE\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')

ESCAPED = HEADER + '''#. note
msgctxt "ui.a\\tb"
msgid "first \\"quoted\\" line\\n"
"second \\\\ line"
msgstr "eerste\\n"
"tweede"

msgid "one %d"
msgid_plural "many %d"
msgstr[0] "een \\"%d\\""
msgstr[1] "veel\\n%d"

#~| msgid "old"
#~ msgid "gone"
#~ msgstr "weg"
'''


def _fields(entry: polib.POEntry) -> tuple[object, ...]:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural, entry.msgstr, dict(entry.msgstr_plural),
            entry.obsolete, entry.linenum, entry.comment)


def test_escapes_and_continuations_read_as_polib_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "nl.po"
    path.write_text(ESCAPED, encoding="utf-8")
    ours, theirs = load_catalog(path), polib.pofile(str(path))
    assert [_fields(e) for e in ours if not e.obsolete] == [_fields(e) for e in theirs if not e.obsolete]
    assert [(e.msgid, e.msgstr) for e in ours.obsolete_entries()] == [("gone", "weg")]
    assert ours[0].msgid == 'first "quoted" line\nsecond \\ line'
    assert ours.obsolete_entries()[0].previous_msgid == "old"  # kept although polib drops it


def test_entries_have_every_attribute_polib_gives_them_and_their_own_lists(tmp_path: Path) -> None:
    path = tmp_path / "nl.po"
    path.write_text(ESCAPED + '#: a.py:1\n#, fuzzy\nmsgid "x"\nmsgstr "y"\n\nmsgid "z"\nmsgstr "w"\n', encoding="utf-8")
    ours, theirs = load_catalog(path), polib.pofile(str(path))
    assert [vars(e) for e in ours if not e.obsolete] == [vars(e) for e in theirs if not e.obsolete]
    ours[-2].flags.append("python-format")
    ours[-2].occurrences.append(("b.py", "2"))
    assert ours[-1].flags == [] and ours[-1].occurrences == [] and ours[-1].msgstr_plural == {}


def test_the_checker_reads_everything_but_source_references(tmp_path: Path) -> None:
    path = tmp_path / "nl.po"
    path.write_text(ESCAPED + '#: a.py:1 b.py:2\n#, fuzzy\nmsgid "x"\nmsgstr "y"\n', encoding="utf-8")
    full, lean = load_catalog(path), load_catalog(path, occurrences=False)
    assert full[-1].occurrences == [("a.py", "1"), ("b.py", "2")] and lean[-1].occurrences == []
    assert [(*_fields(e), e.flags) for e in lean] == [(*_fields(e), e.flags) for e in full]


@pytest.mark.parametrize(("line", "message"), [
    ('msgstr "x', "unterminated string"),
    ('msgstr "a\\qb"', "unsupported escape"),
    ('msgstr "a" b', "unescaped double quote or text after the string"),
    ("msgstr", "has no string"),
    ('#~ msgstr "x', "unterminated string"),
    ("bogus", "syntax error"),
])
def test_a_bad_line_is_reported_with_its_line(line: str, message: str) -> None:
    text = HEADER + f'msgid "a"\n{line}\n'
    with pytest.raises(InputError) as caught:
        parse_catalog(text.encode(), Path("nl.po"))
    assert message in str(caught.value)
    assert caught.value.line == HEADER.count("\n") + 2


_PIECES = st.sampled_from(['msgid', 'msgstr', 'msgctxt', 'msgstr[0]', 'msgstr[', '"', '\\', '\\n', '\\q', ' ', '\t',
                           '#', '#~', '#|', '#~|', 'a', '[', '\r', '\u00a0', 'é', '"x"'])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=8))
def test_fast_validation_agrees_with_the_line_by_line_one(pieces: list[str]) -> None:
    text = HEADER + f'msgid "a"\nmsgstr "b"\n{"".join(pieces)}\n'
    try:
        _check_tokens(text.split("\n"), Path("nl.po"))
    except InputError:
        slow_accepts = False
    else:
        slow_accepts = True
    assert (_VALID_TEXT.fullmatch(text) is not None) == slow_accepts


def test_the_collector_is_restored(tmp_path: Path) -> None:
    path = tmp_path / "nl.po"
    path.write_text(ESCAPED, encoding="utf-8")
    assert gc.isenabled()
    load_catalog(path)
    assert gc.isenabled()
