"""Weblate CSV exchange never deletes what the file does not contain.

The Weblate side is Translate Toolkit's CSV store (what Weblate reads and writes glossary CSV
with), written with Weblate's field list: location, source, target, id, fuzzy, context,
translator_comments, developer_comments.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from glossary.loader import load_glossary
from glossary.serialize import concept_data

Run = Callable[..., Any]
TARGETS = ("nl", "fr", "de")


def _export_csv(run_cli: Run, workspace: Path, lang: str, out: Path) -> Path:
    result = run_cli("glossary", "export", "--format", "csv", "--lang", lang, "-o", str(out), cwd=workspace)
    assert result.code == 0, result.err
    return out


def _terms(workspace: Path) -> int:
    return sum(1 for concept in load_glossary(workspace / "glossary.yaml") for _ in concept.all_terms())


@pytest.mark.parametrize("lang", TARGETS)
def test_reimporting_the_own_export_changes_nothing(run_cli: Run, workspace_copy: Path, tmp_path: Path,
                                                    lang: str) -> None:
    sheet = _export_csv(run_cli, workspace_copy, lang, tmp_path / f"{lang}.csv")
    before = (workspace_copy / "glossary.yaml").read_bytes()
    for extra in ((), ("--replace",)):
        result = run_cli("glossary", "import", *extra, "--lang", lang, str(sheet), cwd=workspace_copy)
        assert result.code == 0, result.out
        summary = result.out.splitlines()[-1]
        assert "0 added, 0 extended, 0 replaced" in summary and "0 conflicts" in summary, summary
        assert summary.endswith("nothing written")
        assert (workspace_copy / "glossary.yaml").read_bytes() == before


def test_replace_of_one_language_pair_changes_only_that_language(run_cli: Run, workspace_copy: Path,
                                                                 tmp_path: Path) -> None:
    sheet = _export_csv(run_cli, workspace_copy, "nl", tmp_path / "nl.csv")
    text = sheet.read_text(encoding="utf-8")
    assert ",bijwerking," in text
    sheet.write_text(text.replace(",bijwerking,", ",nevenwerking,", 1), encoding="utf-8")
    before = load_glossary(workspace_copy / "glossary.yaml")
    count = _terms(workspace_copy)

    kept = run_cli("glossary", "import", "--lang", "nl", str(sheet), cwd=workspace_copy)
    assert kept.code == 1 and "conflict: concept 'side-effect' differs from the curated entry in nl" in kept.out
    result = run_cli("glossary", "import", "--replace", "--lang", "nl", str(sheet), cwd=workspace_copy)
    assert result.code == 0, result.out
    assert "0 added, 0 extended, 1 replaced" in result.out.splitlines()[-1]
    after = load_glossary(workspace_copy / "glossary.yaml")
    assert _terms(workspace_copy) == count + 1  # the new preferred term; the old one stays, admitted
    side = after.get("side-effect")
    assert side is not None and side.preferred("nl").text == "nevenwerking"
    assert {t.text: t.status for t in side.terms["nl"]}["bijwerking"] == "admitted"
    for concept in before:
        other = after.get(concept.id)
        assert other is not None
        for lang in ("en", "fr", "de"):
            assert concept_data(other)["terms"].get(lang) == concept_data(concept)["terms"].get(lang), concept.id
    assert run_cli("glossary", "validate", cwd=workspace_copy).code == 0


def test_prune_lists_with_dry_run_and_deletes_only_when_asked(run_cli: Run, workspace_copy: Path,
                                                              tmp_path: Path) -> None:
    sheet = _export_csv(run_cli, workspace_copy, "fr", tmp_path / "fr.csv")
    lines = sheet.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.split(",")[2:3] or not line.split(",")[2].startswith("atmp")]
    sheet.write_text("".join(kept), encoding="utf-8")
    before = (workspace_copy / "glossary.yaml").read_bytes()
    assert "pruned" not in run_cli("glossary", "import", "--lang", "fr", str(sheet), cwd=workspace_copy).out
    dry = run_cli("glossary", "import", "--prune", "--dry-run", "--lang", "fr", str(sheet), cwd=workspace_copy)
    assert dry.code == 0 and "would prune atmp" in dry.out and dry.out.splitlines()[-1].endswith("nothing written")
    assert (workspace_copy / "glossary.yaml").read_bytes() == before
    pruned = run_cli("glossary", "import", "--prune", "--lang", "fr", str(sheet), cwd=workspace_copy)
    assert pruned.code == 0 and "pruned atmp" in pruned.out and "1 pruned" in pruned.out
    assert load_glossary(workspace_copy / "glossary.yaml").get("atmp") is None
    assert run_cli("glossary", "validate", cwd=workspace_copy).code == 0


def test_export_through_weblate_and_back(run_cli: Run, workspace_copy: Path, tmp_path: Path) -> None:
    csvl10n = pytest.importorskip("translate.storage.csvl10n")
    sheet = _export_csv(run_cli, workspace_copy, "de", tmp_path / "de.csv")
    store = csvl10n.csvfile.parsefile(str(sheet))  # Weblate reads the upload with this store
    units = [unit for unit in store.units if unit.source]
    atmp = next(unit for unit in units if unit.context == "atmp")
    assert atmp.target == "Arzneimittel für neuartige Therapien"
    assert atmp.getnotes("developer").startswith("A medicine made from genes")  # Weblate: source string description
    assert store.fieldnames[:2] == ["source", "target"]

    weblate = csvl10n.csvfile()  # Weblate's download: all of its fields, in its order
    for unit in units:
        copy = weblate.addsourceunit(unit.source)
        copy.target, copy.context = unit.target, unit.context
        copy.developer_comments, copy.translator_comments = unit.developer_comments, unit.translator_comments
    out = io.BytesIO()
    weblate.serialize(out)
    downloaded = tmp_path / "weblate-de.csv"
    downloaded.write_bytes(out.getvalue())
    header = next(csv.reader(io.StringIO(downloaded.read_text(encoding="utf-8"))))
    assert header == ["location", "source", "target", "id", "fuzzy", "context", "translator_comments",
                      "developer_comments"]

    before = (workspace_copy / "glossary.yaml").read_bytes()
    result = run_cli("glossary", "import", "--lang", "de", str(downloaded), cwd=workspace_copy)
    assert result.code == 0, result.out
    assert "0 added, 0 extended, 0 replaced" in result.out and "0 conflicts" in result.out
    assert (workspace_copy / "glossary.yaml").read_bytes() == before


def test_weblate_headerless_csv_and_fuzzy_rows(run_cli: Run, workspace_copy: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "headerless.csv"
    sheet.write_text('"","growth factor","groeifactor","","False","","",""\n'
                     '"","blood plasma","bloedplasma","","True","","",""\n'
                     '"","day hospital","dagziekenhuis","","False","","","Care without an overnight stay."\n',
                     encoding="utf-8")
    result = run_cli("glossary", "import", "--lang", "nl", str(sheet), cwd=workspace_copy)
    assert result.code == 0, result.out
    assert "added day-hospital" in result.out and "1 added, 0 extended, 0 replaced, 1 unchanged" in result.out
    assert "skipped: 'bloedplasma' is marked fuzzy (needs editing) at headerless.csv:2" in result.out
    day = load_glossary(workspace_copy / "glossary.yaml").get("day-hospital")
    assert day is not None and day.preferred("nl").text == "dagziekenhuis"
    assert day.definition == {"en": "Care without an overnight stay."}
