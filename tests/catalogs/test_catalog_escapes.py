"""String escapes: careglot reads every escape exactly as GNU msgfmt compiles it, and what the
writer writes reads back identically and is accepted by msgfmt."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careglot.core.errors import InputError
from catalogs.escapes import UnwritableText
from catalogs.pofile import parse_catalog
from catalogs.writer import encode_po, write_po

needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) not installed")


def _header(charset: str) -> str:
    return f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n"Language: nl\\n"\n\n'


def mo_messages(path: Path) -> dict[bytes, bytes]:
    """The raw (key, translation) byte strings of a little-endian .mo file."""
    data = path.read_bytes()
    _magic, _revision, count, originals, translations = struct.unpack("<5I", data[:20])
    messages = {}
    for index in range(count):
        key_length, key_offset = struct.unpack_from("<2I", data, originals + 8 * index)
        value_length, value_offset = struct.unpack_from("<2I", data, translations + 8 * index)
        messages[data[key_offset:key_offset + key_length]] = data[value_offset:value_offset + value_length]
    return messages


def msgfmt(po: Path) -> dict[bytes, bytes]:
    mo = po.with_suffix(".mo")
    done = subprocess.run(["msgfmt", "--check-header", "-o", str(mo), str(po)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return mo_messages(mo)


# (msgstr as written in the catalog, what careglot must read). Each is checked against msgfmt too.
ESCAPES = {
    "letters": (r'"\a\b\f\v\t\n\r\\\""', '\a\b\f\v\t\n\r\\"'),
    "octal, one to three digits": (r'"\7|\101|\0101|\1234"', "\a|A|\b1|S4"),
    "octal above 255 keeps the low byte": (r'"\501x"', "Ax"),
    "hex, any number of digits": (r'"\x41|\x7e|\x4142|\x41F"', "A|~|B|\x1f"),
    "escaped UTF-8 bytes": (r'"caf\303\251 \xe2\x82\xac"', "café €"),
    "NUL ends the string token": (r'"ab\0cd"' + "\n" + r'"ef\x00gh"', "abef"),
    "octal NUL followed by a digit": (r'"x\08y"', "x"),
    "control characters raw": ('"\x01\x02\x1b\x7f|\x0c"', "\x01\x02\x1b\x7f|\x0c"),
}


@needs_msgfmt
@pytest.mark.gettext
@pytest.mark.parametrize("case", sorted(ESCAPES))
def test_escape_reads_as_msgfmt_compiles_it(case: str, tmp_path: Path) -> None:
    written, expected = ESCAPES[case]
    po = tmp_path / "nl.po"
    po.write_bytes((_header("UTF-8") + f'msgid "key"\nmsgstr {written}\n').encode("utf-8"))
    catalog = parse_catalog(po.read_bytes(), po)
    assert catalog[0].msgstr == expected
    assert msgfmt(po)[b"key"] == expected.encode("utf-8")


@needs_msgfmt
@pytest.mark.gettext
def test_escaped_bytes_are_bytes_of_the_declared_charset(tmp_path: Path) -> None:
    po = tmp_path / "fr.po"
    text = _header("ISO-8859-1") + 'msgctxt "a\\nb"\nmsgid "caf\\351"\nmsgstr "cr\xe8me \\xe9"\n'
    po.write_bytes(text.encode("latin-1"))
    entry = parse_catalog(po.read_bytes(), po)[0]
    assert (entry.msgctxt, entry.msgid, entry.msgstr) == ("a\nb", "café", "crème é")
    assert msgfmt(po)[b"a\nb\x04caf\xe9"] == "crème é".encode("latin-1")


@needs_msgfmt
@pytest.mark.gettext
def test_bytes_that_do_not_decode_are_kept_and_written_back_as_escapes(tmp_path: Path) -> None:
    """msgfmt accepts ``\\377`` in a UTF-8 catalog (it copies the byte); careglot keeps it too."""
    po = tmp_path / "nl.po"
    po.write_bytes((_header("UTF-8") + 'msgid "key"\nmsgstr "a\\377b" "\\303" "\\251"\n').encode("utf-8"))
    catalog = parse_catalog(po.read_bytes(), po)
    assert catalog[0].msgstr == "a\udcffbé"  # the split sequence joins as GNU joins the bytes
    again = tmp_path / "again.po"
    again.write_bytes(encode_po(catalog))
    assert 'msgstr "a\\377bé"' in again.read_text(encoding="utf-8")
    assert parse_catalog(again.read_bytes(), again)[0].msgstr == catalog[0].msgstr
    assert msgfmt(again)[b"key"] == msgfmt(po)[b"key"] == b"a\xffb\xc3\xa9"


@pytest.mark.parametrize("escape", [r"\q", r"\e", r"\u00e9", r"\8", r"\x-", r"\xg"])
def test_an_escape_msgfmt_refuses_is_an_error_with_its_line(escape: str) -> None:
    text = _header("UTF-8") + f'msgid "key"\nmsgstr "a{escape}b"\n'
    with pytest.raises(InputError) as caught:
        parse_catalog(text.encode("utf-8"), Path("nl.po"))
    assert "escape sequence" in caught.value.message
    assert caught.value.line == text.count("\n")


@pytest.mark.parametrize("character", ["\0", "\x04"])
def test_nul_and_eot_cannot_be_written(character: str) -> None:
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalog.append(polib.POEntry(msgid=f"a{character}b", msgstr="x"))
    with pytest.raises(UnwritableText):
        write_po(catalog)


@needs_msgfmt
@pytest.mark.gettext
@pytest.mark.parametrize(("where", "line"), [('msgctxt "a\\004"\nmsgid "k"\nmsgstr "x"', 6),
                                           ('msgid "k"\nmsgstr "x\\x04"', 7), ('#~ msgid "k\x04"\n#~ msgstr "x"', 6)])
def test_the_context_separator_in_a_string_is_refused_as_msgfmt_refuses_it(where: str, line: int,
                                                                           tmp_path: Path) -> None:
    po = tmp_path / "nl.po"
    po.write_text(_header("UTF-8") + where + "\n", encoding="utf-8")
    assert subprocess.run(["msgfmt", "--check-header", "-o", "/dev/null", str(po)], capture_output=True).returncode
    with pytest.raises(InputError) as caught:
        parse_catalog(po.read_bytes(), po)
    assert "EOT" in caught.value.message and caught.value.line == line


# Every code point but surrogates, NUL and EOT (which no catalog can hold), C0 controls often.
_CHARACTERS = st.one_of(st.sampled_from([chr(code) for code in range(1, 32) if code != 4] + ['"', "\\", "\x7f"]),
                        st.characters(blacklist_categories=("Cs",), blacklist_characters="\0\x04"))
_TEXT = st.text(_CHARACTERS, max_size=40)


def _framed(text: str, begin: bool, end: bool) -> str:
    """``text`` starting and ending with a newline as asked (msgfmt wants msgid and msgstr to agree)."""
    return ("\n" if begin else "") + text.strip("\n") + ("\n" if end else "")


@needs_msgfmt
@pytest.mark.gettext
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(messages=st.lists(st.tuples(st.none() | _TEXT, _TEXT, _TEXT, st.booleans(), st.booleans()),
                         min_size=1, max_size=6),
       plural=st.tuples(_TEXT, _TEXT, st.booleans(), st.booleans()))
def test_any_text_round_trips_and_msgfmt_reads_it_the_same(
        messages: list[tuple[str | None, str, str, bool, bool]], plural: tuple[str, str, bool, bool],
        tmp_path: Path) -> None:
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "nl",
                        "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    for number, (context, msgid, msgstr, begin, end) in enumerate(messages):
        catalog.append(polib.POEntry(msgctxt=f"{number}{context or ''}", msgid=_framed("k" + msgid, begin, end),
                                     msgstr=_framed("v" + msgstr, begin, end)))
    one, many, begin, end = plural
    catalog.append(polib.POEntry(msgid=_framed("one" + one, begin, end),
                                 msgid_plural=_framed("many" + many, begin, end),
                                 msgstr_plural={0: _framed("1" + one, begin, end), 1: _framed("2" + many, begin, end)}))
    po = tmp_path / "nl.po"
    po.write_bytes(encode_po(catalog))
    read = parse_catalog(po.read_bytes(), po)
    assert [(e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, e.msgstr_plural) for e in read] == \
        [(e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, e.msgstr_plural) for e in catalog]
    compiled = msgfmt(po)
    for entry in catalog:
        if entry.msgid_plural:
            key = f"{entry.msgid}\0{entry.msgid_plural}"
            value = "\0".join(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
        else:
            key, value = f"{entry.msgctxt}\x04{entry.msgid}", entry.msgstr
        assert compiled[key.encode("utf-8")] == value.encode("utf-8")
