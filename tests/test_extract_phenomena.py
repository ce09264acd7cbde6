"""One phenomenon per case, each with a sentence that has it and a near miss that must not.

Abbreviations (digits and mixed case, square brackets, both orders, alternatives, elision,
cross-language acronyms, undefined use after an article), statement flags (superlatives,
promises, unsourced rates, urgency, testimonials, unhedged claims), boilerplate lines and
the reader's format sniffing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.abbreviations import find_abbreviations
from extract.blocks import Block
from extract.categories import categorise
from extract.claims import claim_flags
from extract.readers import read_path
from extract.readers.furniture import is_boilerplate, is_furniture


def _pairs(text: str, lang: str = "en") -> set[tuple[str, str]]:
    block = Block(text=text, kind="paragraph", source="s", file="f", lang=lang, line=1, index=0, offset=0)
    return {(a.short, a.long) for a in find_abbreviations([block])[0]}


def _undefined(text: str, lang: str) -> set[str]:
    block = Block(text=text, kind="paragraph", source="s", file="f", lang=lang, line=1, index=0, offset=0)
    return {u.short for u in find_abbreviations([block])[1]}


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("Interleukin-1beta (IL-1beta) rose.", "en", ("IL-1beta", "Interleukin-1beta")),
    ("Serum 5-hydroxytryptamine (5HT) fell.", "en", ("5HT", "5-hydroxytryptamine")),
    ("Peptides were 20 amino acids (aa) long.", "en", ("aa", "amino acids")),
    ("The early region 1 (E1) protein binds DNA.", "en", ("E1", "early region 1")),
    ("Cells were kept in dimethyl sulfoxide [DMSO] at -80 degrees.", "en", ("DMSO", "dimethyl sulfoxide")),
    ("HSCT (haematopoietic stem cell transplantation) was done.", "en",
     ("HSCT", "haematopoietic stem cell transplantation")),
    ("Magnetic resonance imaging (MRI; 3 tesla) was repeated.", "en", ("MRI", "Magnetic resonance imaging")),
    ("Adipose-derived stem cells, or ADSCs, are easy to harvest.", "en", ("ADSC", "Adipose-derived stem cell")),
    ("La sclérose en plaques touche le système nerveux central (ou SNC).", "fr",
     ("SNC", "système nerveux central")),
    ("Het is een ziekte van het centrale zenuwstelsel (of CZS).", "nl", ("CZS", "centrale zenuwstelsel")),
    ("L'Agence fédérale des médicaments et des produits de santé (AFMPS) autorise les essais.", "fr",
     ("AFMPS", "Agence fédérale des médicaments et des produits de santé")),
    ("L'Institut national d'assurance maladie-invalidité (INAMI) rembourse.", "fr",
     ("INAMI", "Institut national d'assurance maladie-invalidité")),
    ("Het Europees Geneesmiddelenbureau (EMA) beoordeelt ze.", "nl", ("EMA", "Europees Geneesmiddelenbureau")),
    ("L'Agence européenne des médicaments (EMA) évalue les thérapies.", "fr",
     ("EMA", "Agence européenne des médicaments")),
    ("L'antigène leucocytaire humain (HLA) ne joue aucun rôle.", "fr", ("HLA", "antigène leucocytaire humain")),
    ("No evidence of disease activity (NEDA-3) was reached.", "en", ("NEDA-3", "No evidence of disease activity")),
    ("De Vlaamse Vereniging voor Neurologie (VVN) publiceerde richtlijnen.", "nl",
     ("VVN", "Vlaamse Vereniging voor Neurologie")),  # a content word, not "voor", gives the letter
])
def test_definition_phenomena(text: str, lang: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("We recruited patients at the University Hospital of Leuven (Belgium) in 2020.", "en"),  # a place
    ("Stem cells were characterised by flow cytometry (CD73+, CD90+).", "en"),  # markers, not a definition
    ("In 2022 it was announced that stem cell therapy (aHSCT) will be reimbursed.", "en"),  # swallows a verb
    ("Patients treated with alemtuzumab (n = 40) relapsed less.", "en"),
    ("Vraag uw huisarts om een verwijzing (vóór 1 maart).", "nl"),
    ("Le traitement dure quatre semaines (y compris le retour).", "fr"),
    ("Patients with secondary progressive disease (SPMS or PPMS) were excluded.", "en"),  # letters do not fit
    ("Stamceltherapie (aHSCT) wordt terugbetaald.", "nl"),  # a lay gloss in one word, not a translation
])
def test_near_misses_define_nothing(text: str, lang: str) -> None:
    assert _pairs(text, lang) == set()


def test_long_form_starts_at_a_word_boundary_and_takes_the_whole_compound() -> None:
    assert _pairs("Vetweefsel-afgeleide stamcellen (ADSC's) worden geoogst.", "nl") == {
        ("ADSC", "Vetweefsel-afgeleide stamcel")}
    assert _pairs("Bloedplaatjesrijk plasma (PRP) wordt aangeboden.", "nl") == {("PRP", "Bloedplaatjesrijk plasma")}


@pytest.mark.parametrize(("text", "lang", "undefined"), [
    ("L'AFMPS met en garde contre les cliniques.", "fr", {"AFMPS"}),
    ("D'après l'INAMI, le remboursement reste limité.", "fr", {"INAMI"}),
    ("Volgens de EMA is er nog geen goedgekeurde therapie.", "nl", {"EMA"}),
    ("Collagen type II is made by chondrocytes.", "en", set()),  # a Roman numeral after "type"
    ("De CZS-schade wordt zichtbaar op een MRI-scan.", "nl", {"CZS", "MRI"}),
])
def test_undefined_after_articles_elision_and_in_compounds(text: str, lang: str, undefined: set[str]) -> None:
    assert _undefined(text, lang) == undefined


@pytest.mark.parametrize(("text", "promotional", "unhedged"), [
    ("Our world-class clinic offers the most advanced care.", True, True),  # superlative
    ("Multiple sclerosis is the most common cause of disability in young adults.", False, False),
    ("We guarantee visible results or your money back.", True, True),  # promise of outcome
    ("Stem cell therapy reverses the damage caused by MS.", False, True),  # claim, not a sale
    ("Claims that stem cells reverse ageing are not supported by evidence.", False, False),
    ("97% of our patients report a better quality of life.", True, True),  # rate without a source
    ("In a trial of 110 patients, 70% had no new disease activity after five years.", False, False),
    ("Places are limited, so reserve your treatment date now.", True, False),  # urgency
    ("Tell the team straight away if you develop a fever at home.", False, False),
    ("Peter, 61, Antwerp: 'I threw away my crutches after two weeks.'", True, False),  # testimonial
    ("I was diagnosed with MS in 2015 at the age of 29.", False, False),
    ("The stem cells replace the damaged cartilage cells in the joint.", False, True),  # unhedged claim
    ("The stem cells are collected from your blood through a drip.", False, False),
    ("In some patients the treatment can stop inflammation for years.", False, False),  # hedged
    ("Bij sommige patiënten kan de behandeling de ontsteking stilleggen.", False, False),
    ("De transplantatie geneest MS.", False, True),
    ("Onze revolutionaire therapie herstelt kraakbeen.", True, True),
    ("Notre traitement révolutionnaire répare le cartilage.", True, True),
    ("Les cellules pourraient réduire l'inflammation, selon de premières études.", False, False),
    ("The procedure is completely safe and has no side effects.", True, True),  # absolute
    ("Using your own cells does not make the treatment risk-free.", False, False),
])
def test_flag_phenomena(text: str, promotional: bool, unhedged: bool) -> None:
    assert claim_flags(text) == (promotional, unhedged)


def test_category_is_an_explicit_decision_with_other() -> None:
    assert categorise("Visiting hours are from 2 pm to 8 pm every day.") == "other"
    assert categorise("A stem cell is a cell that can divide and turn into other cells.") == "what-it-is"
    assert categorise("There is a small risk of dying from the treatment.") == "risk"


@pytest.mark.parametrize("line", [
    "We use cookies to give you the best experience. By continuing to browse, you agree.",
    "Deze website gebruikt cookies om uw surfervaring te verbeteren.",
    "Ce site utilise des cookies pour améliorer votre expérience.",
    "Home > Treatments > Knee > Stem cell therapy",
    "Accueil > Services > Hématologie",
    "Share this page: Facebook | Twitter | LinkedIn",
    "Schrijf u in op onze nieuwsbrief",
    "Inscrivez-vous à notre newsletter pour recevoir nos actualités.",
    "The information on this website is not a substitute for professional medical advice.",
    "De informatie op deze website vervangt geen medisch advies van uw arts.",
    "© 2025 Knee Clinic Ltd. All rights reserved.",
    "Tous droits réservés",
    "Call us: +32 2 123 45 67 | info@example-clinic.be",
    "Posted by Editorial Team on 12 March 2025 | 4 min read",
    "Terug naar boven",
])
def test_boilerplate_lines(line: str) -> None:
    assert is_furniture(line) or is_boilerplate(line)


@pytest.mark.parametrize("sentence", [
    "Talk to your neurologist before you make any decision.",
    "Contact the ward day and night if you feel unwell.",
    "Vraag uw arts of u eicellen kunt laten invriezen.",
    "Parlez-en à votre neurologue avant de prendre une décision.",
    "The agency publishes its annual report every spring.",
])
def test_content_is_not_boilerplate(sentence: str) -> None:
    assert not is_furniture(sentence) and not is_boilerplate(sentence)


def test_reader_chooses_the_format_from_the_content(tmp_path: Path) -> None:
    post = {"title": {"rendered": "Stamcellen"},
            "content": {"rendered": "<p>Stamcellen worden uit uw bloed gehaald en daarna ingevroren.</p>"}}
    saved = tmp_path / "export.txt"
    saved.write_text(json.dumps(post), encoding="utf-8")
    blocks = read_path(saved, tmp_path, "nl").blocks
    assert [b.kind for b in blocks] == ["heading", "paragraph"] and "ingevroren" in blocks[1].text
    page = tmp_path / "page.json"
    page.write_text("<!DOCTYPE html><html><body><p>Stem cells are collected from the blood first.</p>"
                    "</body></html>", encoding="utf-8")
    texts = [b.text for b in read_path(page, tmp_path, "en").blocks]
    assert texts == ["Stem cells are collected from the blood first."]
    notes = tmp_path / "notes.txt"
    notes.write_text("[Update] Stem cells are collected from the blood after five days of injections.\n",
                     encoding="utf-8")  # starts like JSON, is not: read as text
    assert "collected from the blood" in read_path(notes, tmp_path, "en").blocks[0].text
