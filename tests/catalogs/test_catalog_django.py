"""Real catalogs no one here wrote: Django's nl, fr and de translations survive careglot untouched.

Django is installed by the ``test`` extra; its catalogs are read from the installed package,
nothing is downloaded at test time.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from catalogs.merge import merge_catalog
from catalogs.pofile import load_catalog
from catalogs.writer import write_po

pytestmark = [pytest.mark.gettext, pytest.mark.slow,
              pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext (msgcat) not installed")]
LANGUAGES = ("nl", "fr", "de")


@pytest.fixture(scope="session")
def django_catalogs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every nl/fr/de .po of the installed Django (the ``test`` extra), canonicalised by GNU msgcat."""
    django = pytest.importorskip("django", reason="Django is installed by the test extra")
    root = Path(django.__file__).parent
    target = tmp_path_factory.mktemp("django")
    catalogs = []
    for raw in sorted(root.rglob("locale/*/LC_MESSAGES/*.po")):
        if raw.parent.parent.name not in LANGUAGES:
            continue
        canonical = target / ("__".join(raw.relative_to(root).parts[:-1]) + "__" + raw.stem + ".canon.po")
        subprocess.run(["msgcat", "-o", str(canonical), str(raw)], check=True)
        catalogs.append(canonical)
    assert len(catalogs) >= 3 * 3, "expected Django's nl, fr and de catalogs"
    return catalogs


def _msgfmt_ok(path: Path) -> bool:
    """GNU msgfmt's verdict with the header and plural checks that careglot's reader also makes."""
    done = subprocess.run(["msgfmt", "--check-header", "-o", "/dev/null", str(path)], capture_output=True)
    return done.returncode == 0


@pytest.fixture(scope="session")
def valid_catalogs(django_catalogs: list[Path]) -> list[Path]:
    """The catalogs msgfmt accepts (Django ships some French ones with a third, empty msgstr[2])."""
    return [path for path in django_catalogs if _msgfmt_ok(path)]


def test_load_and_save_is_byte_identical(valid_catalogs: list[Path], tmp_path: Path) -> None:
    assert valid_catalogs
    for path in valid_catalogs:
        catalog = load_catalog(path)
        written = tmp_path / path.name
        written.write_text(write_po(catalog), encoding="utf-8")
        assert written.read_bytes() == path.read_bytes(), path.name


def _template_from(catalog: polib.POFile, edit_every: int = 0) -> polib.POFile:
    template = polib.POFile()
    template.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    for number, entry in enumerate(catalog):
        if entry.obsolete:
            continue
        msgid = entry.msgid
        if edit_every and number % edit_every == 0:
            msgid = msgid + " (updated)"
        ref = polib.POEntry(msgctxt=entry.msgctxt, msgid=msgid, msgid_plural=entry.msgid_plural,
                            occurrences=entry.occurrences, comment=entry.comment, flags=list(entry.flags))
        if entry.msgid_plural:
            ref.msgstr_plural = {0: "", 1: ""}
        template.append(ref)
    return template


def test_update_against_own_template_changes_nothing(valid_catalogs: list[Path]) -> None:
    for path in valid_catalogs[:9]:
        catalog = load_catalog(path)
        merged = merge_catalog(_template_from(catalog), catalog).catalog
        assert write_po(merged) == path.read_text(encoding="utf-8"), path.name


def test_every_translation_survives_an_update(valid_catalogs: list[Path], tmp_path: Path) -> None:
    for path in valid_catalogs:
        catalog = load_catalog(path)
        merged = merge_catalog(_template_from(catalog, edit_every=7), catalog).catalog
        out = tmp_path / path.name
        out.write_text(write_po(merged), encoding="utf-8")
        reread = load_catalog(out)
        current = {(e.msgctxt, e.msgid) for e in reread if not e.obsolete and not e.fuzzy}
        fuzzy_previous = {(e.previous_msgctxt or e.msgctxt, e.previous_msgid) for e in reread if e.fuzzy}
        obsolete = {(e.msgctxt, e.msgid) for e in reread if e.obsolete}
        for entry in catalog:
            if entry.translated():
                key = (entry.msgctxt, entry.msgid)
                assert key in current or key in fuzzy_previous or key in obsolete, (path.name, key)
        if _msgfmt_ok(path):
            assert _msgfmt_ok(out), path.name
