"""careglot build on a small workspace: output, languages, expansions, gaps, safety, incremental."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html
from render_helpers import HOSTILE, LOCALES, copy_workspace, edit_entry

from render import build as build_module
from render.structure import ConsistencyError, check_structure, outline


def _doc(path: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(path.read_bytes())


def _statement(path: Path, statement_id: str) -> str:
    return _doc(path).xpath(f'//p[@data-statement="{statement_id}"]')[0].text_content()


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return copy_workspace(tmp_path)


def test_builds_every_locale_with_its_language_and_date(ws: Path, run_cli) -> None:
    result = run_cli("build", cwd=ws)
    assert result.code == 0, result.err
    expected = {"nl_BE": ("nl-BE", "23 november 2026"), "fr_BE": ("fr-BE", "23 novembre 2026"),
                "de_BE": ("de-BE", "23. November 2026"), "en": ("en", "November 23, 2026")}
    for locale, (tag, date) in expected.items():
        page = ws / "build" / locale / "demo.html"
        seen = outline(page.read_text(encoding="utf-8"))
        assert seen.lang == tag
        assert [level for level, _ in seen.headings].count(1) == 1
        assert seen.sections == (("what-it-is", ("demo.what-it-is.definition", "demo.what-it-is.again")),
                                 ("in-belgium", ("demo.in-belgium.famhp", "demo.in-belgium.hospital")))
        assert _doc(page).xpath("//time")[0].text_content() == date
    assert "demo" in result.out and "Kandel-Moles" in result.out


def test_first_use_of_an_abbreviation_is_expanded_once(ws: Path, run_cli) -> None:
    assert run_cli("build", "--lang", "en,nl_BE,fr_BE", cwd=ws).code == 0
    en = ws / "build" / "en" / "demo.html"
    assert _statement(en, "demo.what-it-is.definition") == (
        "Autologous haematopoietic stem cell transplantation (aHSCT) is a treatment for some people "
        "with multiple sclerosis (MS).")
    assert _statement(en, "demo.what-it-is.again") == "aHSCT uses your own stem cells."
    assert _statement(en, "demo.in-belgium.famhp").startswith(
        "The Federal Agency for Medicines and Health Products (FAMHP) checks")
    # The Dutch translator wrote the expansion already: it is not doubled.
    nl = _statement(ws / "build" / "nl_BE" / "demo.html", "demo.in-belgium.famhp")
    assert nl.count("Federaal agentschap voor geneesmiddelen en gezondheidsproducten") == 1
    fr = _statement(ws / "build" / "fr_BE" / "demo.html", "demo.what-it-is.definition")
    assert fr.startswith("L'autogreffe de cellules souches hématopoïétiques (aHSCT) est")
    assert "sclérose en plaques (SEP)" in fr


def test_glossary_box_lists_the_same_concepts_defined_in_each_language(ws: Path, run_cli) -> None:
    assert run_cli("build", cwd=ws).code == 0
    boxes = {}
    for locale in LOCALES:
        doc = _doc(ws / "build" / locale / "demo.html")
        boxes[locale] = {entry.get("data-concept"): entry.xpath("dd")[0].text_content()
                         for entry in doc.xpath('//div[@class="glossary-entry"]')}
    assert set(boxes["en"]) == {"ahsct", "multiple-sclerosis", "famhp", "clinical-trial"}
    assert all(set(box) == set(boxes["en"]) for box in boxes.values())
    assert boxes["de_BE"]["multiple-sclerosis"] == "Eine lang andauernde Krankheit von Gehirn und Rückenmark."
    assert boxes["fr_BE"]["famhp"].startswith("L'agence fédérale belge")


def test_incomplete_locale_is_refused_and_earlier_output_kept(ws: Path, run_cli) -> None:
    assert run_cli("build", cwd=ws).code == 0
    before = (ws / "build" / "nl_BE" / "demo.html").read_bytes()
    edit_entry(ws, "nl_BE", "demo.what-it-is.definition", fuzzy=True)
    edit_entry(ws, "nl_BE", "demo.in-belgium.hospital", msgstr="")
    edit_entry(ws, "fr_BE", "demo.in-belgium.hospital", msgstr="Vous restez 3 à 5 semaines à la clinique.")
    result = run_cli("build", cwd=ws)
    assert result.code == 1
    assert "nl_BE" in result.err
    assert "demo.what-it-is.definition (fuzzy)" in result.err
    assert "demo.in-belgium.hospital (untranslated)" in result.err
    assert (ws / "build" / "nl_BE" / "demo.html").read_bytes() == before
    assert "la clinique" in _statement(ws / "build" / "fr_BE" / "demo.html", "demo.in-belgium.hospital")
    assert not [p for p in (ws / "build").iterdir() if p.name.startswith(build_module.TMP_PREFIX)]


def test_allow_incomplete_marks_gaps_and_never_shows_english(ws: Path, run_cli) -> None:
    edit_entry(ws, "de_BE", "demo.in-belgium.hospital", msgstr="")
    result = run_cli("build", "--lang", "de_BE", "--allow-incomplete", "--report", "json", cwd=ws)
    assert result.code == 0, result.err
    page = ws / "build" / "de_BE" / "demo.html"
    marker = _doc(page).xpath('//p[@data-statement="demo.in-belgium.hospital"]/span[@class="untranslated"]')
    assert marker and marker[0].text_content() == "[not yet translated: demo.in-belgium.hospital]"
    assert marker[0].get("lang") == "en"
    assert "You stay in hospital" not in page.read_text(encoding="utf-8")
    report = json.loads(result.out)
    row = report["leaflets"][0]
    assert row["status"] == "built-incomplete" and row["missing"] == ["demo.in-belgium.hospital"]


def test_hostile_catalog_text_is_escaped(ws: Path, run_cli) -> None:
    edit_entry(ws, "fr_BE", "demo.in-belgium.hospital", msgstr=HOSTILE)
    edit_entry(ws, "fr_BE", "demo.title", msgstr="</title><script>window.pwned=4</script>")
    assert run_cli("build", "--lang", "fr_BE", cwd=ws).code == 0
    text = (ws / "build" / "fr_BE" / "demo.html").read_text(encoding="utf-8")
    seen = outline(text)
    assert seen.risky == []
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in text
    assert _statement(ws / "build" / "fr_BE" / "demo.html", "demo.in-belgium.hospital") == HOSTILE


def test_incremental_build_renders_only_what_changed(ws: Path, run_cli) -> None:
    assert run_cli("build", cwd=ws).code == 0
    again = run_cli("build", cwd=ws)
    assert again.code == 0
    assert all(f"{locale}: unchanged" in again.out for locale in LOCALES)
    edit_entry(ws, "de_BE", "demo.in-belgium.hospital", msgstr="Sie bleiben 3 bis 5 Wochen in der Klinik.")
    third = run_cli("build", cwd=ws)
    assert "de_BE: built 1 leaflet(s)" in third.out
    assert "nl_BE: unchanged" in third.out
    assert "in der Klinik" in _statement(ws / "build" / "de_BE" / "demo.html", "demo.in-belgium.hospital")
    manifest = json.loads((ws / "build" / ".careglot-build.json").read_text(encoding="utf-8"))
    assert set(manifest["entries"]) == {f"{locale}/demo" for locale in LOCALES}


def test_failed_render_keeps_the_previous_locale(ws: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_cli("build", cwd=ws).code == 0
    before = {p.name: p.read_bytes() for p in (ws / "build" / "en").iterdir()}
    edit_entry(ws, "en", "demo.in-belgium.hospital", msgstr="You stay in hospital for 3 to 5 weeks, often longer.")

    def broken(page: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_module, "render_html", broken)
    assert run_cli("build", "--lang", "en", cwd=ws).code == 2
    assert {p.name: p.read_bytes() for p in (ws / "build" / "en").iterdir()} == before
    assert not [p for p in (ws / "build").iterdir() if p.name.startswith(build_module.TMP_PREFIX)]


@pytest.mark.parametrize("lang", ["../etc", "nl_BE/../../x", "xx_YY_ZZ", "NL"])
def test_bad_locale_codes_are_refused(ws: Path, run_cli, lang: str) -> None:
    result = run_cli("build", "--lang", lang, cwd=ws)
    assert result.code == 2
    assert "locale" in result.err
    assert not (ws / "build").exists()


def test_structure_check_catches_a_page_that_differs(ws: Path, run_cli) -> None:
    from render.page import PageBuilder

    assert run_cli("build", "--lang", "en", cwd=ws).code == 0
    html = (ws / "build" / "en" / "demo.html").read_text(encoding="utf-8")
    from glossary.loader import load_glossary
    from render.leaflets import load_leaflet

    leaflet = load_leaflet(ws / "leaflets" / "demo.yaml", {"demo-source"})
    page = PageBuilder("en", lambda context, msgid: msgid, load_glossary(ws / "glossary.yaml"), {},
                       lambda leaflet_id: []).page(leaflet)
    dropped = html.replace('data-statement="demo.what-it-is.again"', "")
    with pytest.raises(ConsistencyError, match="sections or statements differ"):
        check_structure(dropped, page)
    with pytest.raises(ConsistencyError, match="lang"):
        check_structure(html.replace('<html lang="en">', '<html lang="fr">'), page)
    with pytest.raises(ConsistencyError, match="h1"):
        check_structure(html.replace("<h1>", "<h2>").replace("</h1>", "</h2>"), page)
