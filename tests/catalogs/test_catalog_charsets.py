"""Catalogs in the charsets, line ends and shapes msgfmt accepts are read, updated and compiled
as GNU gettext handles them (msgmerge's charset rule, msgfmt's byte-for-byte .mo)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from careglot.core.errors import InputError
from catalogs.compile import compile_catalog
from catalogs.merge import merge_catalog
from catalogs.pofile import load_catalog, parse_catalog
from catalogs.writer import encode_po

needs_gettext = pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU gettext not installed")


def _catalog(charset: str, body: str, language: str = "fr_BE") -> str:
    return ('msgid ""\nmsgstr ""\n'
            f'"Content-Type: text/plain; charset={charset}\\n"\n"Language: {language}\\n"\n'
            '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n' + body)


LATIN1 = _catalog("ISO-8859-1", 'msgid "coffee"\nmsgstr "café crème"\n')


@needs_gettext
@pytest.mark.gettext
@pytest.mark.parametrize(("template_charset", "kept"), [("ISO-8859-1", True), ("CHARSET", True),
                                                         ("ISO-8859-15", True), ("UTF-8", False)])
def test_update_keeps_the_charset_unless_msgmerge_converts_to_utf8(template_charset: str, kept: bool,
                                                                   tmp_path: Path) -> None:
    po, pot = tmp_path / "fr.po", tmp_path / "t.pot"
    po.write_bytes(LATIN1.encode("latin-1"))
    pot.write_text(f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={template_charset}\\n"\n\n'
                   'msgid "coffee"\nmsgstr ""\n\nmsgid "tea"\nmsgstr ""\n', encoding="ascii")
    written = encode_po(merge_catalog(load_catalog(pot), load_catalog(po)).catalog)
    gnu = subprocess.run(["msgmerge", "--quiet", "--previous", "-o", "-", str(po), str(pot)],
                         capture_output=True, check=True).stdout
    ours_read, gnu_read = parse_catalog(written, po), parse_catalog(gnu, po)
    assert ours_read.metadata["Content-Type"] == gnu_read.metadata["Content-Type"]
    assert [(e.msgid, e.msgstr) for e in ours_read] == [(e.msgid, e.msgstr) for e in gnu_read]
    assert (b"charset=ISO-8859-1" in written) is kept
    assert ("café crème".encode("latin-1" if kept else "utf-8")) in written


def test_text_the_charset_cannot_hold_is_written_as_utf8() -> None:
    catalog = parse_catalog(LATIN1.encode("latin-1"), Path("fr.po"))
    catalog[0].msgstr = "café à 2 €"
    written = encode_po(catalog)
    assert b"charset=UTF-8" in written and "2 €".encode() in written
    assert parse_catalog(written, Path("fr.po"))[0].msgstr == "café à 2 €"


@needs_gettext
@pytest.mark.gettext
def test_compiled_catalog_keeps_the_declared_charset_as_msgfmt(tmp_path: Path) -> None:
    po = tmp_path / "fr.po"
    po.write_bytes(LATIN1.encode("latin-1"))
    ours, gnu = tmp_path / "ours.mo", tmp_path / "gnu.mo"
    compile_catalog(load_catalog(po), ours)
    subprocess.run(["msgfmt", "-o", str(gnu), str(po)], check=True)
    assert "café crème".encode("latin-1") in ours.read_bytes()
    assert "café crème".encode("latin-1") in gnu.read_bytes()


@pytest.mark.parametrize(("charset", "encoding", "text"), [
    ("Shift_JIS", "shift_jis", "表示"), ("BIG5", "big5", "功能"), ("KOI8-R", "koi8_r", "Назад"),
    ("GBK", "gbk", "丂"), ("windows-1252", "cp1252", "„Rustig” – €")])
def test_multibyte_and_legacy_charsets_decode_by_the_header(charset: str, encoding: str, text: str) -> None:
    """Shift_JIS and BIG5 have a backslash as second byte of 表 and 功: decoded first, not an escape."""
    data = _catalog(charset, f'msgid "k"\nmsgstr "{text}"\n').encode(encoding)
    catalog = parse_catalog(data, Path("x.po"))
    assert catalog[0].msgstr == text
    assert encode_po(catalog) == data


@pytest.mark.parametrize(("charset", "data", "text"), [
    ("CHARSET", "café".encode(), "café"), ("foo", "café".encode(), "café"), ("latin1", b"caf\xe9", "café"),
    (None, "café".encode(), "café"), ("utf8", b"caf\xe9", "caf\xe9")])
def test_names_gnu_does_not_know_are_read_without_refusal(charset: str | None, data: bytes, text: str) -> None:
    """msgfmt copies such bytes unchecked: careglot reads them (UTF-8 if they are, else byte for byte)."""
    header = _catalog(charset, "") if charset else _catalog("X", "").replace("; charset=X", "")
    raw = header.encode() + b'msgid "k"\nmsgstr "' + data + b'"\n'
    catalog = parse_catalog(raw, Path("x.po"))
    assert catalog[0].msgstr == text
    assert encode_po(catalog) == raw


def test_invalid_bytes_in_a_portable_charset_are_refused_with_the_line() -> None:
    with pytest.raises(InputError) as caught:
        parse_catalog(_catalog("UTF-8", 'msgid "k"\nmsgstr "x"\n').encode() + b'\nmsgid "j"\nmsgstr "\xff"\n',
                      Path("x.po"))
    assert caught.value.line == 11 and "not valid UTF-8" in caught.value.message


def test_crlf_reads_as_lf_and_a_cr_only_file_as_lines_unless_gnu_would_lose_messages() -> None:
    text = _catalog("UTF-8", '#: a.py:1\nmsgid "k"\nmsgstr "v"\n')
    crlf = parse_catalog(text.replace("\n", "\r\n").encode(), Path("x.po"))
    assert [(e.msgid, e.msgstr, e.occurrences) for e in crlf] == [("k", "v", [("a.py", "1")])]
    no_comment = parse_catalog(text.replace("#: a.py:1\n", "").replace("\n", "\r").encode(), Path("x.po"))
    assert [(e.msgid, e.msgstr) for e in no_comment] == [("k", "v")]
    with pytest.raises(InputError) as caught:
        parse_catalog(text.replace("\n", "\r").encode(), Path("x.po"))
    assert "CR only" in caught.value.message and caught.value.line == 7


@pytest.mark.parametrize(("body", "accepted"), [
    ('msgid "a\\n"\nmsgstr "b"\n', False), ('msgid "a"\nmsgstr "\\nb"\n', False),
    ('msgid "a\\n"\nmsgid_plural "b"\nmsgstr[0] "x\\n"\nmsgstr[1] "y\\n"\n', False),
    ('msgid "a\\n"\nmsgstr ""\n', True), ('#, fuzzy\nmsgid "a\\n"\nmsgstr "b"\n', True),
    ('#~ msgid "a\\n"\n#~ msgstr "b"\n', True), ('msgid "\\na\\n"\nmsgstr "\\nb\\n"\n', True)])
def test_newline_at_either_end_must_agree_as_msgfmt_requires(body: str, accepted: bool, tmp_path: Path) -> None:
    po = tmp_path / "fr.po"
    po.write_text(_catalog("UTF-8", body), encoding="utf-8")
    if shutil.which("msgfmt"):
        assert (subprocess.run(["msgfmt", "-o", "/dev/null", str(po)], capture_output=True).returncode == 0) is accepted
    try:
        load_catalog(po)
    except InputError as error:
        lines = body.split("\n")
        assert not accepted and "\\n" in error.message
        assert error.line == 7 + lines.index(next(line for line in lines if line.startswith("msgstr")))
    else:
        assert accepted


def test_an_obsolete_twin_of_a_message_is_a_duplicate_as_msgfmt_says() -> None:
    text = _catalog("UTF-8", 'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n')
    with pytest.raises(InputError) as caught:
        parse_catalog(text.encode(), Path("x.po"))
    assert "duplicate" in caught.value.message and caught.value.line == 10
