"""Contact points per language, foreign-language names, and the project's own leaflets."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from careglot.core.errors import InputError
from glossary.loader import load_glossary
from render.contacts import DEFAULT_CONTACTS, contact_points, load_contacts
from render.page import plain

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def glossary():  # type: ignore[no-untyped-def]
    return load_glossary(REPO / "glossary.yaml")


def test_institutions_are_named_as_the_glossary_names_them(glossary) -> None:  # type: ignore[no-untyped-def]
    contacts = load_contacts(DEFAULT_CONTACTS)
    names = {lang: {p.id: plain(p.name) for p in contact_points(contacts, glossary, "atmp-belgium", lang)}
             for lang in ("nl", "fr", "de", "en")}
    assert names["nl"]["famhp"] == "Federaal agentschap voor geneesmiddelen en gezondheidsproducten (FAGG)"
    assert names["fr"]["famhp"] == "Agence fédérale des médicaments et des produits de santé (AFMPS)"
    assert names["fr"]["riziv-inami"] == "Institut national d'assurance maladie-invalidité (INAMI)"
    assert names["de"]["riziv-inami"].endswith("(LIKIV)")
    assert "ms-national" not in names["nl"]  # patient organisations only where the topic fits


def test_names_in_another_language_carry_their_lang(glossary) -> None:  # type: ignore[no-untyped-def]
    contacts = load_contacts(DEFAULT_CONTACTS)
    german = {p.id: p for p in contact_points(contacts, glossary, "ahsct-ms", "de")}
    national = german["ms-national"].name
    assert [(segment.text, segment.lang) for segment in national if segment.lang] == [
        ("Nationale Belgische Multiple Sclerose Liga", "nl"), ("Ligue Nationale Belge de la Sclérose en Plaques", "fr")]
    assert "ms-liga-vlaanderen" not in german
    dutch = {p.id: p for p in contact_points(contacts, glossary, "ahsct-ms", "nl")}
    assert plain(dutch["ms-liga-vlaanderen"].name) == "MS-Liga Vlaanderen"
    assert all(segment.lang is None for segment in dutch["ms-national"].name)
    french = {p.id: p for p in contact_points(contacts, glossary, "msc-arthritis", "fr")}
    assert [segment.lang for segment in french["reumanet"].name] == ["nl"]


def test_contacts_file_refuses_non_https_addresses(tmp_path: Path) -> None:
    bad = tmp_path / "contacts.yaml"
    bad.write_text("contacts:\n  - id: x\n    names: {nl: X}\n    url: javascript:alert(1)\n    role: {nl: y}\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match="not an https web address"):
        load_contacts(bad)


def test_project_leaflets_build_in_all_four_locales(workspace_copy: Path, run_cli) -> None:
    """The real workspace: 12 pages; complete catalogs build cleanly, gaps are only ever marked."""
    result = run_cli("build", "--allow-incomplete", "--report", "json", cwd=workspace_copy)
    assert result.code == 0, result.err
    pages = sorted((workspace_copy / "build").glob("*/*.html"))
    assert len(pages) == 12
    for page in pages:
        doc = lxml_html.fromstring(page.read_bytes())
        assert doc.get("lang") == page.parent.name.replace("_", "-")
        assert len(doc.xpath("//h1")) == 1
        assert not doc.xpath("//script")
    german = lxml_html.fromstring((workspace_copy / "build" / "de_BE" / "ahsct-ms.html").read_bytes())
    assert german.xpath('//li[@data-contact="ms-national"]//span[@lang="fr"]')
