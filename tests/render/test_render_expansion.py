"""First use of an abbreviation: expanded once, in the page's language, never doubled."""

from __future__ import annotations

from render_helpers import DATA

from glossary.loader import load_glossary
from render.expansion import expand_first_uses

GLOSSARY = load_glossary(DATA / "glossary.yaml")


def _texts(texts: list[str | None], lang: str) -> list[str | None]:
    return [None if parts is None else "".join(text for text, _ in parts)
            for parts in expand_first_uses(texts, GLOSSARY, lang)]


def test_only_the_first_use_is_expanded_and_gaps_are_skipped() -> None:
    assert _texts([None, "De FAGG keurt het goed.", "De FAGG controleert."], "nl") == [
        None, "De Federaal agentschap voor geneesmiddelen en gezondheidsproducten (FAGG) keurt het goed.",
        "De FAGG controleert."]


def test_translator_wording_in_parentheses_is_not_doubled() -> None:
    text = "Het geneesmiddelenagentschap (FAGG) keurt het goed. Later: de FAGG."
    assert _texts([text, "De FAGG."], "nl") == [text, "De FAGG."]


def test_compound_keeps_its_form_and_sentence_start_is_capitalised() -> None:
    assert _texts(["aHSCT-behandeling duurt lang."], "nl") == [
        "aHSCT-behandeling (autologe hematopoëtische stamceltransplantatie) duurt lang."]
    assert _texts(["Het werkt. aHSCT is zwaar."], "nl") == [
        "Het werkt. Autologe hematopoëtische stamceltransplantatie (aHSCT) is zwaar."]


def test_french_elision_and_case_sensitivity() -> None:
    assert _texts(["Demandez à l'AFMPS.", "La SEP dure 30 ms."], "fr") == [
        "Demandez à l'Agence fédérale des médicaments et des produits de santé (AFMPS).",
        "La sclérose en plaques (SEP) dure 30 ms."]
