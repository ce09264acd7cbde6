"""The writer formats catalogs exactly as GNU msgcat does (differential tests against msgcat)."""

from __future__ import annotations

import ctypes
import ctypes.util
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from render.catalogs.linebreak import possible_breaks
from render.catalogs.pofile import parse_catalog
from render.catalogs.writer import write_po

needs_gettext = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext (msgcat) not installed")
HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n')


def msgcat(text: str, tmp_path: Path) -> str:
    source = tmp_path / "in.po"
    source.write_text(text, encoding="utf-8")
    done = subprocess.run(["msgcat", str(source)], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def roundtrip(text: str) -> str:
    return write_po(parse_catalog(text.encode("utf-8"), Path("x.po")))


CASES = Path(__file__).parent / "fixtures" / "catalogs"


@needs_gettext
@pytest.mark.gettext
@pytest.mark.parametrize("case", sorted(CASES.glob("*.po")), ids=lambda path: path.stem)
def test_writer_matches_msgcat(case: Path, tmp_path: Path) -> None:
    text = "# header comment\n" + HEADER + "\n" + case.read_text(encoding="utf-8")
    assert roundtrip(text) == msgcat(text, tmp_path)


@needs_gettext
@pytest.mark.gettext
def test_canonical_file_is_byte_identical_after_load_and_save(tmp_path: Path) -> None:
    bodies = [case.read_text(encoding="utf-8") for case in sorted(CASES.glob("*.po"))]
    text = msgcat("# header comment\n" + HEADER + "\n" + "\n".join(bodies), tmp_path)
    assert roundtrip(text) == text


ALPHABET = st.sampled_from(list("aaaaeeeiioouu  \u00a0bcdfgklmnprstvz.,;:!?-'\"()/\\%«»’–—…éèàçüöß0123\t\n"))
TEXT = st.text(ALPHABET, max_size=160)
WORD = st.text(st.sampled_from(list("abcdefghijklmnop-/.")), min_size=1, max_size=40)
WORDY = st.lists(WORD, max_size=12).map(" ".join)


@st.composite
def catalogs(draw: st.DrawFn) -> polib.POFile:
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    for number in range(draw(st.integers(1, 6))):
        msgid = draw(st.one_of(TEXT, WORDY)) or "x"
        entry = polib.POEntry(msgctxt=f"ctx.{number}", msgid=msgid, msgstr=draw(st.one_of(TEXT, WORDY)),
                              obsolete=draw(st.booleans()) and number > 0)
        if draw(st.booleans()):
            entry.flags = draw(st.lists(st.sampled_from(["fuzzy", "python-format", "c-format", "no-wrap"]),
                                        unique=True))
        if draw(st.booleans()):
            entry.previous_msgid = draw(WORDY) or "old"
        catalog.append(entry)
    return catalog


@needs_gettext
@pytest.mark.gettext
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(catalog=catalogs())
def test_generated_catalogs_are_written_as_msgcat_writes_them(catalog: polib.POFile, tmp_path: Path) -> None:
    ours = write_po(catalog)
    assert msgcat(ours, tmp_path) == ours


def _libunistring() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("unistring")
    try:
        return ctypes.CDLL(name or "libunistring.so.2")
    except OSError:
        return None


LIB = _libunistring()
BREAK_ALPHABET = st.sampled_from([*"ab AZ09.,;:!?-()[]{}\"'«»‘’“”„–—…/\\%$+=*&#@_|<>éàçüß°€£§©·",
                                  "\u00a0", "\u202f", "\u2009", "\u00ad", "\u0301", "\u200b", "\u2011"])


@pytest.mark.skipif(LIB is None, reason="libunistring (used by GNU gettext) not found")
@settings(max_examples=400, deadline=None)
@given(text=st.text(BREAK_ALPHABET, min_size=1, max_size=12))
def test_break_opportunities_match_libunistring(text: str) -> None:
    assert LIB is not None
    data = text.encode("utf-8")
    out = ctypes.create_string_buffer(len(data))
    LIB.u8_possible_linebreaks(data, ctypes.c_size_t(len(data)), b"UTF-8", out)
    starts, offset = [], 0
    for char in text:
        starts.append(out.raw[offset] - 1)  # UC_BREAK_PROHIBITED is 1 in libunistring
        offset += len(char.encode("utf-8"))
    assert possible_breaks(text) == starts
