"""Statements on the real sources: hand-checked categories and flags, no boilerplate, stable ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.blocks import normalise
from extract.manifest import load_manifest
from extract.pipeline import extract, read_inputs
from extract.statements import CATEGORIES, FLAGS, Statement, statement_id
from glossary.model import Concept, Glossary, Term

NP = "source-not-patient-facing"
HAND_CHECKED = [
    ("mtm-arthritis-belgium", "In recent years, stem cell therapy has emerged as a promising treatment, potentially "
     "revolutionizing arthritis care.", "benefit", {"promotional", NP}),
    ("mtm-arthritis-belgium", "Therefore, while some patients may report significant improvements, it's crucial to "
     "consult with healthcare professionals for a personalized assessment.", "advice", {NP}),
    ("msplatform-nl-ahsct", "The Dutch MS Society strongly advised against this.", "advice",
     {"netherlands-specific"}),
    ("msplatform-nl-ahsct", "This amounts to 10-20 people with MS per year in the Netherlands.", "eligibility",
     {"netherlands-specific"}),
    ("msplatform-nl-ahsct", "In Mid-December 2022, it was announced that stem cell therapy (aHSCT) for a specific "
     "group of people with MS will be reimbursed from the basic health insurance package in the Netherlands.", "access",
     {"netherlands-specific"}),
    ("msplatform-nl-ahsct", "Stem cell therapy is an increasingly safe treatment, but with potentially serious side "
     "effects and also a risk of death.", "risk", set()),
    ("stemcell-belgium-overview", "Cellthera: Cellthera is a private clinic in Leuven that focuses on personalized "
     "regenerative medicine, offering autologous stem cell therapies for conditions such as osteoarthritis and sports "
     "injuries.", "access", {"single-provider"}),
    ("stemcell-belgium-overview", "Belgium is home to several leading institutions and clinics that offer cutting-edge "
     "stem cell therapies for various medical conditions.", "access", {"promotional"}),
    ("stemcell-belgium-overview", "Stem cell therapy in Belgium is regulated by the Federal Agency for Medicines and "
     "Health Products (FAMHP).", "regulation", set()),
    ("pharma-atmp-belgium", "Securing and sustaining access to innovative ATMPs for Belgian patients must remain a "
     "priority.", "access", {NP}),
    ("brainhelpdesk-ms-stemcells", "Stem cell therapy is an intense treatment with many associated risks.", "risk",
     set()),
    ("brainhelpdesk-ms-stemcells", "The frozen stem cells from the blood are then thawed and transplanted back into "
     "the body through an IV.", "procedure", set()),
    ("brainhelpdesk-ms-stemcells", "Stem cell therapy can stabilize the disease or slow its progression.", "benefit",
     set()),
    ("brainhelpdesk-ms-stemcells", "A short recap: MS (short for multiple sclerosis) is a neurological disease that "
     "affects the central nervous system (brain and spinal cord) caused by overactive immune cells.", "what-it-is",
     set()),
]
BOILERPLATE = ["Skip to content", "Listening", "Search Results", "No Results", "Sorry", "Belgium /", ".png",
               "Trusted by", "Member News", "free quote", "Free Webinar", "Learn about how", "Related Articles",
               "Disclaimer", "please visit", "informational purposes", "You can read more about this",
               "Stay informed", "This article provides", "Read more", "Lees verder", "[Dutch]"]


@pytest.fixture(scope="module")
def statements(repo_root: Path) -> list[Statement]:
    sources = load_manifest(repo_root / "sources" / "sources.yaml")
    return extract(read_inputs(sources, root=repo_root)).statements


@pytest.mark.parametrize(("source", "text", "category", "flags"), HAND_CHECKED)
def test_hand_checked_statement(statements: list[Statement], source: str, text: str, category: str,
                                flags: set[str]) -> None:
    found = [s for s in statements if s.source == source and s.text == text]
    assert len(found) == 1, text
    assert (found[0].category, set(found[0].flags)) == (category, flags)


def test_no_boilerplate_or_heading_is_a_statement(statements: list[Statement]) -> None:
    for marker in BOILERPLATE:
        assert not [s.text for s in statements if marker in s.text], marker
    assert not [s for s in statements if s.text.endswith("?")]
    assert not [s for s in statements if s.text == "Regulatory Landscape for Stem Cell Therapy in Belgium"]


def test_every_statement_is_well_formed_and_located(statements: list[Statement], repo_root: Path) -> None:
    for s in statements:
        assert re.fullmatch(r"st-[0-9a-f]{10}", s.id) and s.category in CATEGORIES and set(s.flags) <= set(FLAGS)
        if s.file.endswith(".txt"):
            line = (repo_root / s.file).read_text(encoding="utf-8").splitlines()[s.line - 1]
            assert s.text.split()[0].strip("'\"") in normalise(line)[0]
    assert len({s.id for s in statements}) == len(statements)
    industry = [s for s in statements if s.source in ("pharma-atmp-belgium", "mtm-arthritis-belgium")]
    assert industry and all(NP in s.flags for s in industry)


def test_ids_are_stable_across_runs_and_depend_on_source_and_text(repo_root: Path,
                                                                 statements: list[Statement]) -> None:
    again = extract(read_inputs(load_manifest(repo_root / "sources" / "sources.yaml"), root=repo_root)).statements
    assert [s.id for s in again] == [s.id for s in statements]
    assert statement_id("a", "Same  sentence.") == statement_id("a", "Same sentence.")
    assert statement_id("a", "Same sentence.") != statement_id("b", "Same sentence.")


def test_dutch_statements(repo_root: Path) -> None:
    paths = [repo_root / "tests/data/extract" / n for n in ("ms-stamceltherapie.txt", "atmp-belgie.html")]
    found = {s.text: s for s in extract(read_inputs(paths, root=repo_root)).statements}
    expected = {
        "aHSCT is een zware behandeling met ernstige risico's.": "risk",
        "Wij raden af om voor stamceltherapie naar het buitenland te reizen.": "advice",
        "Die stamcellen worden uit uw bloed gehaald en ingevroren.": "procedure",
        "Vraag wat het doel van de studie is.": "advice",
        "Sommige ATMP's worden alleen terugbetaald voor een kleine groep patiënten, o.a. bij bepaalde vormen van "
        "bloedkanker.": "access",
        "In België houdt het Federaal Agentschap voor Geneesmiddelen en Gezondheidsproducten (FAGG) toezicht op "
        "klinische studies en op de veiligheid.": "regulation",
    }
    for text, category in expected.items():
        assert found[text].category == category and found[text].lang == "nl", text
    assert not [t for t in found if "English version" in t]  # the English block is flagged, not a statement


def test_concepts_come_from_the_glossary_matcher(repo_root: Path) -> None:
    glossary = Glossary([Concept("ahsct", terms={"en": [Term("aHSCT", "en", type="abbreviation")],
                                                 "nl": [Term("aHSCT", "nl", type="abbreviation")]}),
                         Concept("infection", terms={"en": [Term("infection", "en")], "nl": [Term("infectie", "nl")]})])
    paths = [repo_root / "sources/ms-society-nl-ahsct-available.txt",
             repo_root / "tests/data/extract/ms-stamceltherapie.txt"]
    result = extract(read_inputs(paths, root=repo_root, lang=None), glossary)
    concepts = {s.text: s.concepts for s in result.statements}
    assert concepts["Er is ook een klein risico op overlijden, o.a. door ernstige infecties."] == ("infection",)
    assert "ahsct" in concepts["aHSCT is een zware behandeling met ernstige risico's."]
    assert any(t.in_glossary and t.lemma == "ahsct" for t in result.terms)
