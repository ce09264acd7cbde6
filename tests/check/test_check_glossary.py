"""Glossary checks of ``careglot check``: missing, deprecated, forbidden, region, inconsistent, first use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from check_support import check_json, checks_found, write_po

Run = Callable[..., Any]


def test_missing_term_is_an_error(run_cli: Run, tmp_path: Path) -> None:
    path = write_po(tmp_path / "nl.po", "nl_BE",
                    [("A stem cell transplantation can help.", "Een behandeling kan helpen.")])
    code, findings, _ = check_json(run_cli, path)
    assert code == 1
    assert [(f["check"], f["severity"], f["concept"]) for f in findings] == [
        ("glossary-missing", "error", "stem-cell-transplant")]
    assert "stamceltransplantatie" in findings[0]["message"]


@pytest.mark.parametrize(("locale", "source", "target"), [
    ("nl_BE", "Stem cell transplantations can help.", "Stamceltransplantaties kunnen helpen."),
    ("nl_BE", "A stem cell transplantation can help.", "Een autologe-stamceltransplantatie kan helpen."),
    ("nl_BE", "A stem cell transplantation can help.", "Een stamceltransplant kan helpen."),  # admitted
    ("fr_BE", "Stem cell transplantations can help.", "Les greffes de cellules souches peuvent aider."),
    ("fr_BE", "Stem cells are young cells.", "Les cellules souches sont de jeunes cellules."),
])
def test_inflected_or_admitted_term_satisfies_the_glossary(run_cli: Run, tmp_path: Path, locale: str, source: str,
                                                           target: str) -> None:
    assert checks_found(run_cli, tmp_path, locale, [(source, target)]) == []


def test_longest_source_term_only(run_cli: Run, tmp_path: Path) -> None:
    # "stem cell" inside "stem cell transplantation" must not also demand "stamcel"
    assert checks_found(run_cli, tmp_path, "nl_BE", [("Stem cell transplantation.", "Stamceltransplantatie.")]) == []


def test_case_sensitive_abbreviation(run_cli: Run, tmp_path: Path) -> None:
    assert checks_found(run_cli, tmp_path, "nl_BE", [("People with MS.", "Mensen met ms.")]) == ["glossary-missing"]
    assert checks_found(run_cli, tmp_path, "nl_BE", [("People with MS.", "Mensen met MS.")]) == []
    assert checks_found(run_cli, tmp_path, "nl_BE", [("It takes 30 ms.", "Het duurt 30 ms.")]) == []


@pytest.mark.parametrize("target", ["Demandez à l’AFMPS.", "Demandez à l'AFMPS."])
def test_french_elision(run_cli: Run, tmp_path: Path, target: str) -> None:
    assert checks_found(run_cli, tmp_path, "fr_BE", [("Ask the FAMHP.", target)]) == []


def test_deprecated_term_is_a_warning(run_cli: Run, tmp_path: Path) -> None:
    path = write_po(tmp_path / "nl.po", "nl_BE", [("Stem cell transplantation.", "Beenmergtransplantaties.")])
    code, findings, _ = check_json(run_cli, path, "--disable", "glossary-missing")
    assert code == 0
    assert [(f["check"], f["severity"], f["concept"]) for f in findings] == [
        ("glossary-deprecated", "warning", "stem-cell-transplant")]


def test_forbidden_term_is_an_error(run_cli: Run, tmp_path: Path) -> None:
    path = write_po(tmp_path / "fr.po", "fr_BE", [("Ask your health insurance fund.", "Demandez à votre mutuelle.")])
    code, findings, _ = check_json(run_cli, path)
    assert code == 1
    assert ("glossary-forbidden", "error") in [(f["check"], f["severity"]) for f in findings]
    assert checks_found(run_cli, tmp_path, "fr_BE",
                        [("Ask your health insurance fund.", "Demandez à votre mutualité.")]) == []


def test_region_term_in_another_region(run_cli: Run, tmp_path: Path) -> None:
    entries: list[tuple[str, str] | dict[str, Any]] = [("Ask your health insurance fund.",
                                                        "Vraag het aan uw zorgverzekeraar.")]
    assert checks_found(run_cli, tmp_path, "nl_BE", entries) == ["glossary-region"]
    assert checks_found(run_cli, tmp_path, "nl_NL", entries) == []
    assert checks_found(run_cli, tmp_path, "nl_BE", [("Ask your health insurance fund.",
                                                      "Vraag het aan uw ziekenfonds.")]) == []


def test_inconsistent_terms_across_the_catalog(run_cli: Run, tmp_path: Path) -> None:
    entries: list[tuple[str, str] | dict[str, Any]] = [
        ("Ask your general practitioner.", "Vraag het aan uw huisarts."),
        ("Your general practitioner knows you.", "Uw huisarts kent u."),
        ("Call your general practitioner.", "Bel uw eerstelijnsarts."),
    ]
    _, findings, _ = check_json(run_cli, write_po(tmp_path / "nl.po", "nl_BE", entries))
    assert [(f["check"], f["msgid"], f["concept"]) for f in findings] == [
        ("glossary-inconsistent", "Call your general practitioner.", "gp")]
    consistent = entries[:2]
    assert checks_found(run_cli, tmp_path, "nl_BE", consistent) == []


def test_a_term_shared_by_two_concepts_is_no_inconsistency(run_cli: Run, tmp_path: Path) -> None:
    """'arthritis' is marked ambiguous (joint disease in general, or joint inflammation): a text
    using it cannot be counted for either concept, so it is no rival wording of 'joint disease'."""
    entries: list[tuple[str, str] | dict[str, Any]] = [
        ("Joint disease is common.", "Joint disease is common."),
        ("Joint disease can hurt.", "Joint disease can hurt."),
        ("Arthritis is an inflamed joint.", "Arthritis is an inflamed joint."),
    ]
    assert checks_found(run_cli, tmp_path, "en", entries) == []


def test_a_glossary_note_may_name_the_terms_of_its_own_concept(run_cli: Run, tmp_path: Path) -> None:
    """The note of concept health-insurer warns against the Netherlands term: it names the term, it
    does not use it; the same sentence anywhere else is nl-NL wording in a Belgian catalog."""
    own = {"msgctxt": "concept.health-insurer.note", "msgid": "Not 'health insurer': that is the Dutch system.",
           "msgstr": "Niet 'zorgverzekeraar': dat is het Nederlandse stelsel."}
    assert checks_found(run_cli, tmp_path, "nl_BE", [own]) == []
    for context in ("concept.gp.note", "ahsct-ms.costs.who-pays"):
        assert checks_found(run_cli, tmp_path, "nl_BE", [{**own, "msgctxt": context}]) == ["glossary-region"]


def _leaflet(texts: list[tuple[str, str, str]]) -> list[tuple[str, str] | dict[str, Any]]:
    return [{"msgctxt": ctx, "msgid": source, "msgstr": target} for ctx, source, target in texts]


def test_abbreviation_before_full_form(run_cli: Run, tmp_path: Path) -> None:
    entries = _leaflet([
        ("ahsct-ms.title", "aHSCT for MS", "aHSCT bij multiple sclerose"),
        ("ahsct-ms.intro.what", "Autologous haematopoietic stem cell transplantation (aHSCT) is a treatment.",
         "Autologe hematopoëtische stamceltransplantatie (aHSCT) is een behandeling."),
    ])
    _, findings, _ = check_json(run_cli, write_po(tmp_path / "nl.po", "nl_BE", entries))
    assert [(f["check"], f["msgctxt"], f["concept"]) for f in findings] == [
        ("abbreviation-first-use", "ahsct-ms.title", "ahsct")]


def test_abbreviation_after_full_form_and_per_leaflet(run_cli: Run, tmp_path: Path) -> None:
    entries = _leaflet([
        ("ahsct-ms.intro.what", "Autologous haematopoietic stem cell transplantation (aHSCT) is a treatment.",
         "Autologe hematopoëtische stamceltransplantatie (aHSCT) is een behandeling."),
        ("ahsct-ms.intro.who", "aHSCT is not for everyone.", "aHSCT is niet voor iedereen."),
        ("ui.back", "aHSCT", "aHSCT"),
    ])
    assert checks_found(run_cli, tmp_path, "nl_BE", entries) == []
    other = [*entries, *_leaflet([("other.intro.x", "aHSCT is not for everyone.", "aHSCT is niet voor iedereen.")])]
    assert checks_found(run_cli, tmp_path, "nl_BE", other) == ["abbreviation-first-use"]


def test_region_term_without_local_alternative_is_fine(run_cli: Run, tmp_path: Path) -> None:
    glossary = tmp_path / "g.yaml"
    glossary.write_text("concepts:\n  - id: zin\n    terms:\n      en:\n        - {term: Dutch Health Care Institute, "
                        "type: full-form, status: preferred}\n      nl:\n        - {term: Zorginstituut Nederland, "
                        "type: full-form, status: preferred, region: NL}\n", encoding="utf-8")
    path = write_po(tmp_path / "nl.po", "nl_BE", [("The Dutch Health Care Institute decided.",
                                                   "Zorginstituut Nederland besliste.")])
    result = run_cli("check", str(path), "--glossary", str(glossary))
    assert result.code == 0 and result.out.endswith("0 errors, 0 warnings\n"), result.out


def test_glossary_site_contexts_are_not_leaflets(run_cli: Run, tmp_path: Path) -> None:
    entries = _leaflet([("concept.ahsct.note", "aHSCT is not for everyone.", "aHSCT is niet voor iedereen.")])
    assert checks_found(run_cli, tmp_path, "nl_BE", entries) == []
