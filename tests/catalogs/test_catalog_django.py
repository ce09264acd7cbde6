"""Real catalogs no one here wrote: Django's nl, fr and de translations survive careglot untouched.

The Django wheel is downloaded at test time (never committed) into pytest's cache; without
network access the tests are skipped with the reason.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
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
def django_catalogs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every nl/fr/de .po of the Django 5.2 wheel, canonicalised by GNU msgcat."""
    cache = Path(request.config.cache.mkdir("django-wheel"))  # type: ignore[union-attr]
    wheels = sorted(cache.glob("Django-5.2*.whl")) + sorted(cache.glob("django-5.2*.whl"))
    if not wheels:
        done = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                               "django==5.2.*", "-d", str(cache)], capture_output=True, text=True, timeout=300)
        wheels = sorted(cache.glob("*.whl"))
        if done.returncode != 0 or not wheels:
            pytest.skip(f"cannot download the Django wheel (offline?): {done.stderr.strip()[-200:]}")
    target = tmp_path_factory.mktemp("django")
    catalogs = []
    with zipfile.ZipFile(wheels[-1]) as wheel:
        for name in wheel.namelist():
            parts = name.split("/")
            if name.endswith(".po") and len(parts) > 3 and parts[-3] in LANGUAGES:
                raw = target / name.replace("/", "__")
                raw.write_bytes(wheel.read(name))
                canonical = raw.with_suffix(".canon.po")
                subprocess.run(["msgcat", "-o", str(canonical), str(raw)], check=True)
                catalogs.append(canonical)
    assert len(catalogs) >= 3 * 3, "expected Django's nl, fr and de catalogs"
    return catalogs


def _msgfmt_ok(path: Path) -> bool:
    return subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True).returncode == 0


def test_load_and_save_is_byte_identical(django_catalogs: list[Path], tmp_path: Path) -> None:
    for path in django_catalogs:
        catalog = load_catalog(path, strict=False)
        written = tmp_path / path.name
        written.write_text(write_po(catalog), encoding="utf-8")
        assert written.read_bytes() == path.read_bytes(), path.name


def test_strict_loading_agrees_with_msgfmt_check(django_catalogs: list[Path]) -> None:
    """Django's fr catalog declares 2 plural forms but has messages with 3: both refuse it."""
    for path in django_catalogs:
        try:
            load_catalog(path)
            careglot_ok = True
        except Exception:
            careglot_ok = False
        assert careglot_ok == _msgfmt_ok(path), path.name


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


def test_update_against_own_template_changes_nothing(django_catalogs: list[Path]) -> None:
    for path in django_catalogs[:9]:
        catalog = load_catalog(path, strict=False)
        merged = merge_catalog(_template_from(catalog), catalog).catalog
        assert write_po(merged) == path.read_text(encoding="utf-8"), path.name


def test_every_translation_survives_an_update(django_catalogs: list[Path], tmp_path: Path) -> None:
    for path in django_catalogs:
        catalog = load_catalog(path, strict=False)
        merged = merge_catalog(_template_from(catalog, edit_every=7), catalog).catalog
        out = tmp_path / path.name
        out.write_text(write_po(merged), encoding="utf-8")
        reread = load_catalog(out, strict=False)
        current = {(e.msgctxt, e.msgid) for e in reread if not e.obsolete and not e.fuzzy}
        fuzzy_previous = {(e.previous_msgctxt or e.msgctxt, e.previous_msgid) for e in reread if e.fuzzy}
        obsolete = {(e.msgctxt, e.msgid) for e in reread if e.obsolete}
        for entry in catalog:
            if entry.translated():
                key = (entry.msgctxt, entry.msgid)
                assert key in current or key in fuzzy_previous or key in obsolete, (path.name, key)
        if _msgfmt_ok(path):
            assert _msgfmt_ok(out), path.name
