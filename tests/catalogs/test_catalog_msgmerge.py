"""Glossary hints survive GNU msgmerge: ``careglot catalog update`` and msgmerge write the same bytes.

Poedit ("Update from POT"), Weblate and Lokalize merge with GNU msgmerge semantics: ``#.``
comments come from the template. These tests run GNU msgmerge itself on the workspace.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from catalogs.pofile import load_catalog
from catalogs.writer import write_po

Run = Callable[..., Any]
LOCALES = ("nl_BE", "fr_BE", "de_BE", "en")
DOMAINS = ("leaflets", "glossary")

pytestmark = pytest.mark.gettext


def _catalog(root: Path, locale: str, domain: str) -> Path:
    return root / "locales" / locale / "LC_MESSAGES" / f"{domain}.po"


def _msgmerge(catalog: Path, template: Path, output: Path) -> bytes:
    if shutil.which("msgmerge") is None:
        pytest.skip("GNU gettext (msgmerge) is not installed")
    subprocess.run(["msgmerge", "--quiet", "--previous", "-o", str(output), str(catalog), str(template)],
                   check=True)
    return output.read_bytes()


def _translate_some(path: Path) -> None:
    """A translator's work: a few translations, one of them fuzzy, so the merge has something to keep."""
    catalog = load_catalog(path)
    for index, entry in enumerate(catalog[:6]):
        entry.msgstr = f"vertaling {index}"
        if index == 1:
            entry.flags = ["fuzzy"]
    path.write_text(write_po(catalog), encoding="utf-8")


def test_update_equals_msgmerge_and_every_translator_keeps_the_right_hint(
        workspace_copy: Path, run_cli: Run, tmp_path: Path) -> None:
    shutil.rmtree(workspace_copy / "locales")
    assert run_cli("catalog", "extract", cwd=workspace_copy).code == 0
    assert run_cli("catalog", "update", cwd=workspace_copy).code == 0
    for locale in LOCALES:
        _translate_some(_catalog(workspace_copy, locale, "leaflets"))

    # The glossary changes: the Dutch preferred term for MS; extract writes new templates.
    glossary = workspace_copy / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    assert "term: multiple sclerose\n" in text
    glossary.write_text(text.replace("term: multiple sclerose\n", "term: MS-ziekte\n", 1), encoding="utf-8")
    assert run_cli("catalog", "extract", cwd=workspace_copy).code == 0

    expected = {}
    for locale in LOCALES:
        for domain in DOMAINS:
            catalog = _catalog(workspace_copy, locale, domain)
            expected[catalog] = _msgmerge(catalog, workspace_copy / "locales" / f"{domain}.pot",
                                          tmp_path / f"{locale}-{domain}.po")
    result = run_cli("catalog", "update", cwd=workspace_copy)
    assert result.code == 0, result.err
    for catalog, merged in expected.items():
        assert catalog.read_bytes() == merged, f"{catalog} differs from GNU msgmerge's output"

    nl = load_catalog(_catalog(workspace_copy, "nl_BE", "leaflets"))
    hints = {line for entry in nl for line in entry.comment.split("\n") if line.startswith("glossary: ")}
    assert "glossary: multiple sclerosis → nl_BE: MS-ziekte (MS)" in hints
    assert "glossary: multiple sclerosis → fr_BE: sclérose en plaques (SEP)" in hints
    assert not any("→ nl_BE: multiple sclerose (MS)" in line for line in hints)


def test_committed_catalogs_are_what_msgmerge_makes_of_the_committed_templates(
        repo_root: Path, tmp_path: Path) -> None:
    for locale in LOCALES:
        for domain in DOMAINS:
            catalog = _catalog(repo_root, locale, domain)
            merged = _msgmerge(catalog, repo_root / "locales" / f"{domain}.pot", tmp_path / f"{locale}-{domain}.po")
            assert catalog.read_bytes() == merged, f"msgmerge would change {catalog.relative_to(repo_root)}"
