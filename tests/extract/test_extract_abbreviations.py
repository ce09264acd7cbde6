"""Abbreviation definitions and undefined abbreviations: the exact lists on the real sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.abbreviations import find_abbreviations, short_form
from extract.blocks import Block
from extract.manifest import load_manifest
from extract.readers import read_path, read_source

EXPECTED_DEFINITIONS = {
    ("mtm-arthritis-belgium", "RA", "Rheumatoid Arthritis", 10),
    ("mtm-arthritis-belgium", "OA", "Osteoarthritis", 10),
    ("mtm-arthritis-belgium", "FAMHP", "Federal Agency for Medicines and Health Products", 16),
    ("mtm-arthritis-belgium", "ATMP", "Advanced Therapy Medicinal Product", 16),
    ("mtm-arthritis-belgium", "MSC", "Mesenchymal Stem Cell", 28),
    ("stemcell-belgium-overview", "FAMHP", "Federal Agency for Medicines and Health Products", 7),
    ("stemcell-belgium-overview", "EU", "European Union", 7),
    ("stemcell-belgium-overview", "ATMP", "advanced therapy medicinal product", 9),
    ("brainhelpdesk-ms-stemcells", "MS", "multiple sclerosis", 1),
    ("pharma-atmp-belgium", "ATMP", "Advanced Therapy Medicinal Product", 16),
    ("msplatform-nl-ahsct", "aHSCT", "Autologous Haematopoietic Stem Cell Transplantation", 14),
}
EXPECTED_UNDEFINED = {
    ("mtm-arthritis-belgium", "VIB"),
    ("brainhelpdesk-ms-stemcells", "IV"),
    ("pharma-atmp-belgium", "EU"),
    ("msplatform-nl-ahsct", "MS"),
    ("msplatform-nl-ahsct", "DMT"),
    ("msplatform-nl-ahsct", "RRMS"),
    ("msplatform-nl-ahsct", "SPMS"),
    ("msplatform-nl-ahsct", "PPMS"),
    ("msplatform-nl-ahsct", "UMC"),
}


@pytest.fixture(scope="module")
def found(repo_root: Path) -> tuple[list, list]:
    defined, undefined = [], []
    for source in load_manifest(repo_root / "sources" / "sources.yaml"):
        d, u = find_abbreviations(read_source(source, repo_root).blocks)
        defined += d
        undefined += u
    return defined, undefined


def test_every_definition_in_the_five_sources_and_none_invented(found: tuple[list, list]) -> None:
    assert {(a.source, a.short, a.long, a.line) for a in found[0]} == EXPECTED_DEFINITIONS


def test_abbreviations_used_without_a_definition(found: tuple[list, list]) -> None:
    assert {(u.source, u.short) for u in found[1]} == EXPECTED_UNDEFINED
    dmt = next(u for u in found[1] if u.short == "DMT")
    assert (dmt.written, dmt.line) == ("DMT's", 14)


def test_plural_short_forms_are_reported_singular_with_the_form_written(found: tuple[list, list]) -> None:
    written = {(a.short, a.written) for a in found[0]}
    assert ("ATMP", "ATMPs") in written and ("MSC", "MSCs") in written


def _block(text: str, lang: str = "en") -> Block:
    return Block(text=text, kind="paragraph", source="s", file="f", lang=lang, line=1, index=0, offset=0)


def test_a_lay_gloss_is_not_a_definition() -> None:
    defined, undefined = find_abbreviations([_block(
        "In 2022 it was announced that stem cell therapy (aHSCT) will be reimbursed.")])
    assert defined == [] and [u.short for u in undefined] == ["aHSCT"]


@pytest.mark.parametrize(("text", "lang", "short", "long"), [
    ("MS (short for multiple sclerosis) is a disease.", "en", "MS", "multiple sclerosis"),
    ("We use transplantation (in full Autologous Haematopoietic Stem Cell Transplantation) in aHSCT centres.",
     "en", "aHSCT", "Autologous Haematopoietic Stem Cell Transplantation"),
    ("Het gaat om stamceltransplantatie (afgekort SCT) in het ziekenhuis.", "nl", "SCT", "stamceltransplantatie"),
    ("ATMP's (voluit: geneesmiddelen voor geavanceerde therapie) zijn nieuw.", "nl", "ATMP",
     "geneesmiddelen voor geavanceerde therapie"),
    ("Mesenchymale stromale cellen, ook wel MSC's genoemd, worden onderzocht.", "nl", "MSC",
     "Mesenchymale stromale cel"),
    ("Het Rijksinstituut voor ziekte- en invaliditeitsverzekering (RIZIV) beslist.", "nl", "RIZIV",
     "Rijksinstituut voor ziekte- en invaliditeitsverzekering"),
])
def test_definition_patterns(text: str, lang: str, short: str, long: str) -> None:
    defined, _ = find_abbreviations([_block(text, lang)])
    assert [(a.short, a.long) for a in defined] == [(short, long)]


@pytest.mark.parametrize(("token", "expected"), [
    ("ATMPs", ("ATMP", True)), ("ATMP's", ("ATMP", True)), ("DMT's", ("DMT", True)), ("MS", ("MS", False)),
    ("aHSCT", ("aHSCT", False)), ("UGent", None), ("Belgium's", None), ("2022", None), ("A", None),
])
def test_short_form(token: str, expected: tuple[str, bool] | None) -> None:
    assert short_form(token) == expected


def test_dutch_fixtures(repo_root: Path) -> None:
    pairs = set()
    undefined = set()
    for name in ("ms-stamceltherapie.txt", "atmp-belgie.html"):
        d, u = find_abbreviations(read_path(repo_root / "tests/data/extract" / name, repo_root).blocks)
        pairs |= {(a.short, a.long) for a in d}
        undefined |= {a.short for a in u}
    assert pairs == {("MS", "Multiple sclerose"), ("RRMS", "relapsing-remitting MS"),
                     ("aHSCT", "autologe hematopoëtische stamceltransplantatie"),
                     ("ATMP", "geneesmiddelen voor geavanceerde therapie"),
                     ("FAGG", "Federaal Agentschap voor Geneesmiddelen en Gezondheidsproducten"),
                     ("RIZIV", "Rijksinstituut voor ziekte- en invaliditeitsverzekering"),
                     ("MSC", "Mesenchymale stromale cel"), ("EMA", "Europees Geneesmiddelenbureau")}
    # "Europees Geneesmiddelenbureau (EMA)": the English acronym after the Dutch name is a definition.
    assert undefined == {"SPMS", "PPMS", "UZ"}
