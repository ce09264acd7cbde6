"""careglot catalog extract|update|init|compile|stats on a copy of the workspace, and bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polib
import pytest

from render.catalogs.lock import catalog_lock, lock_path, save_catalog
from render.catalogs.pofile import load_catalog
from render.catalogs.writer import write_po

Runner = Callable[..., Any]

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Content-Transfer-Encoding: 8bit\\n"\n"Language: nl_BE\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
GOOD_BODY = 'msgctxt "a"\nmsgid "Hello"\nmsgstr "Hallo"\n'
BAD_CATALOGS = {
    "unterminated string": (HEADER + 'msgctxt "a"\nmsgid "Hello\nmsgstr "Hallo"\n', 9, "unterminated"),
    "missing msgstr": (HEADER + 'msgctxt "a"\nmsgid "Hello"\n\nmsgid "Bye"\nmsgstr ""\n', 11, "msgstr"),
    "duplicate message": (HEADER + GOOD_BODY + "\n" + GOOD_BODY, 13, "duplicate"),
    "broken header": (HEADER.replace('"Language: nl_BE\\n"', '"Language nl_BE\\n"') + GOOD_BODY, 5, "header"),
    "plural rule divides by zero": (HEADER.replace("(n != 1)", "(n / 0)") + GOOD_BODY, 6, "division by zero"),
    "plural rule out of range": (HEADER.replace("(n != 1)", "(n % 3)") + GOOD_BODY, 6, "as large as 2"),
    "plural rule not C": (HEADER.replace("(n != 1)", "(n +)") + GOOD_BODY, 6, "invalid plural expression"),
    "non-UTF-8 charset": (HEADER.replace("UTF-8", "ISO-8859-1") + GOOD_BODY, 3, "UTF-8"),
    "byte order mark": ("\ufeff" + HEADER + GOOD_BODY, 1, "byte order mark"),
    "invalid UTF-8": (HEADER + GOOD_BODY.replace("Hallo", "Hall\udcff"), 10, "UTF-8"),
}


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", errors="surrogateescape"))


@pytest.mark.parametrize("case", sorted(BAD_CATALOGS))
def test_malformed_catalog_is_reported_with_file_and_line_and_left_untouched(
        case: str, tmp_path: Path, run_cli: Runner) -> None:
    text, line, words = BAD_CATALOGS[case]
    template, catalog = tmp_path / "t.pot", tmp_path / "nl_BE.po"
    _write(template, HEADER.replace('"Language: nl_BE\\n"\n', "") + 'msgctxt "a"\nmsgid "Hello"\nmsgstr ""\n')
    _write(catalog, text)
    before = catalog.read_bytes()
    result = run_cli("catalog", "update", "--template", str(template), str(catalog), cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith(f"careglot: error: nl_BE.po:{line}: "), result.err
    assert words.lower() in result.err.lower()
    assert catalog.read_bytes() == before


def test_extract_update_stats_compile_round(workspace_copy: Path, run_cli: Runner) -> None:
    shutil.rmtree(workspace_copy / "locales")  # start from no catalogs, whatever is committed
    assert run_cli("catalog", "extract", cwd=workspace_copy).code == 0
    pot = load_catalog(workspace_copy / "locales" / "leaflets.pot")
    contexts = {entry.msgctxt for entry in pot}
    assert {"ui.last-revised", "ahsct-ms.title", "ahsct-ms.what-it-is.heading"} <= contexts
    first = next(e for e in pot if e.msgctxt == "ahsct-ms.what-it-is.definition")
    assert first.occurrences[0][0] == "leaflets/ahsct-ms.yaml"
    assert any(line.startswith("category: ") for line in first.comment.split("\n"))
    assert any(line.startswith("glossary: ") for line in first.comment.split("\n"))
    assert any(e.msgctxt.startswith("concept.") for e in load_catalog(workspace_copy / "locales" / "glossary.pot"))

    assert run_cli("catalog", "update", cwd=workspace_copy).code == 0
    nl = workspace_copy / "locales" / "nl_BE" / "LC_MESSAGES" / "leaflets.po"
    hints = [line for e in load_catalog(nl) for line in e.comment.split("\n") if line.startswith("glossary: ")]
    assert hints and all(" → nl_BE: " in line for line in hints)
    # 'arthritis' is shared by two concepts: each hint says which concept it is for
    assert {"glossary: arthritis (arthritis) → nl_BE: artritis",
            "glossary: arthritis (joint-disease) → nl_BE: gewrichtsaandoening"} <= set(hints)
    before = nl.read_bytes()
    second = run_cli("catalog", "update", cwd=workspace_copy)
    assert "(unchanged)" in second.out and nl.read_bytes() == before

    catalog = load_catalog(nl)
    translated = catalog[0]
    translated.msgstr = "Vertaald"
    fuzzy = catalog[1]
    fuzzy.msgstr, fuzzy.flags = "Nog na te kijken", ["fuzzy"]
    nl.write_text(write_po(catalog), encoding="utf-8")
    stats = run_cli("catalog", "stats", "--json", cwd=workspace_copy)
    rows = {(row["locale"], row["domain"]): row for row in json.loads(stats.out)}
    assert rows[("nl_BE", "leaflets")]["translated"] == 1
    assert rows[("nl_BE", "leaflets")]["fuzzy"] == 1
    assert rows[("fr_BE", "leaflets")]["untranslated"] == len(catalog)

    assert run_cli("catalog", "compile", cwd=workspace_copy).code == 0
    mo = polib.mofile(str(nl.with_suffix(".mo")))
    assert [entry.msgstr for entry in mo] == ["Vertaald"]  # the fuzzy translation is never compiled
    if shutil.which("msgfmt"):
        for po in (workspace_copy / "locales").rglob("*.po"):
            subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)], check=True)


def test_init_writes_gnu_msginit_plural_forms_and_refuses_to_overwrite(workspace_copy: Path, run_cli: Runner) -> None:
    assert run_cli("catalog", "extract", cwd=workspace_copy).code == 0
    shutil.rmtree(workspace_copy / "locales" / "fr_BE", ignore_errors=True)
    created = run_cli("catalog", "init", "fr_BE", "--domain", "leaflets", cwd=workspace_copy)
    assert created.code == 0
    catalog = load_catalog(workspace_copy / "locales" / "fr_BE" / "LC_MESSAGES" / "leaflets.po")
    assert catalog.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert catalog.metadata["Language"] == "fr_BE"
    again = run_cli("catalog", "init", "fr_BE", "--domain", "leaflets", cwd=workspace_copy)
    assert again.code == 2 and "already exists" in again.err
    bad = run_cli("catalog", "init", "../../etc", cwd=workspace_copy)
    assert bad.code == 2 and "locale" in bad.err


def test_held_lock_is_reported_clearly(tmp_path: Path, run_cli: Runner) -> None:
    template, catalog = tmp_path / "t.pot", tmp_path / "nl.po"
    template.write_text(HEADER + 'msgctxt "a"\nmsgid "Hello"\nmsgstr ""\n', encoding="utf-8")
    catalog.write_text(HEADER + GOOD_BODY, encoding="utf-8")
    with catalog_lock(catalog):
        result = run_cli("catalog", "update", "--template", str(template), str(catalog), cwd=tmp_path)
    assert result.code == 2
    assert "being updated by another careglot process" in result.err and "nl.po.lock" in result.err
    assert not lock_path(catalog).exists()


def test_catalog_changed_between_read_and_write_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "nl.po"
    path.write_text(HEADER + GOOD_BODY, encoding="utf-8")
    catalog = load_catalog(path)
    catalog[0].msgstr = "Goedendag"
    translator_saved = HEADER + GOOD_BODY.replace("Hallo", "Dag")
    path.write_text(translator_saved, encoding="utf-8")
    with pytest.raises(Exception, match="changed on disk"):
        save_catalog(catalog, path, catalog.fingerprint)
    assert path.read_text(encoding="utf-8") == translator_saved
