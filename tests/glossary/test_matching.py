"""The term matcher: whole words, longest first, per-term case, accents and inflection."""

from __future__ import annotations

import pytest

from glossary.matching import TermMatcher
from glossary.model import Concept, Glossary, Term


def _concept(cid: str, **terms: list[tuple[str, str]]) -> Concept:
    """``_concept("ms", en=[("MS", "abbreviation")])`` -> a Concept with those terms."""
    return Concept(cid, terms={lang: [Term(text, lang, type=kind) for text, kind in items]
                               for lang, items in terms.items()})


GLOSSARY = Glossary([
    _concept("sct", en=[("stem cell transplantation", "full-form")], nl=[("stamceltransplantatie", "full-form")],
             fr=[("greffe de cellules souches", "full-form")], de=[("Stammzelltransplantation", "full-form")]),
    _concept("stem-cell", en=[("stem cell", "full-form")], nl=[("stamcel", "full-form")],
             fr=[("cellule souche", "full-form")], de=[("Stammzelle", "full-form")]),
    _concept("transplant", nl=[("transplantatie", "full-form")], de=[("Transplantation", "full-form")]),
    _concept("hsc", fr=[("cellule souche hématopoïétique", "full-form")]),
    _concept("ms", en=[("multiple sclerosis", "full-form"), ("MS", "abbreviation")],
             nl=[("multiple sclerose", "full-form"), ("MS", "abbreviation")],
             fr=[("sclérose en plaques", "full-form"), ("SEP", "abbreviation")]),
    _concept("atmp", nl=[("ATMP", "abbreviation")], fr=[("ATMP", "abbreviation")], en=[("ATMP", "abbreviation")]),
    _concept("famhp", fr=[("AFMPS", "abbreviation"), ("agence fédérale", "full-form")]),
    _concept("therapy", nl=[("therapie", "full-form")], en=[("therapy", "full-form")]),
    _concept("organ", nl=[("orgaan", "full-form")]),
    _concept("cell", nl=[("cel", "full-form")], fr=[("cellule", "full-form")], en=[("cell", "full-form")]),
    _concept("drug", nl=[("geneesmiddel", "full-form")], fr=[("produit médical", "full-form")]),
    _concept("hospital", fr=[("hôpital", "full-form")], nl=[("ziekenhuis", "full-form")]),
    _concept("tree", nl=[("boom", "full-form")]),
    _concept("bottle", nl=[("fles", "full-form")]),
])


def found(lang: str, text: str) -> list[tuple[str, str]]:
    return [(m.concept_id, m.surface) for m in TermMatcher.build(GLOSSARY, lang).find(text)]


def test_longest_match_wins_and_shorter_overlaps_are_dropped() -> None:
    assert found("en", "A stem cell transplantation helps.") == [("sct", "stem cell transplantation")]


def test_whole_words_only() -> None:
    assert found("en", "Cellular therapyx and a cellphone.") == []


def test_english_plurals_and_possessive() -> None:
    assert found("en", "Stem cells, stem cell transplantations and therapies.") == [
        ("stem-cell", "Stem cells"), ("sct", "stem cell transplantations"), ("therapy", "therapies")]
    assert found("en", "the therapy's effect") == [("therapy", "therapy's")]


def test_english_abbreviation_plural() -> None:
    assert found("en", "Two ATMPs and ATMP's.") == [("atmp", "ATMPs"), ("atmp", "ATMP's")]


@pytest.mark.parametrize(("lang", "text"), [("en", "The pulse lasts 30 ms."), ("nl", "Na 30 ms stopt het."),
                                            ("fr", "Une sep est rare.")])
def test_case_sensitive_abbreviation_ignores_lowercase(lang: str, text: str) -> None:
    assert found(lang, text) == []


@pytest.mark.parametrize(("lang", "text", "surface"), [("en", "People with MS.", "MS"),
                                                       ("nl", "Mensen met MS.", "MS"),
                                                       ("fr", "Les personnes avec la SEP.", "SEP")])
def test_case_sensitive_abbreviation_matches_exact_case(lang: str, text: str, surface: str) -> None:
    assert found(lang, text) == [("ms", surface)]


def test_case_insensitive_full_form() -> None:
    assert found("en", "MULTIPLE SCLEROSIS and Multiple Sclerosis") == [("ms", "MULTIPLE SCLEROSIS"),
                                                                        ("ms", "Multiple Sclerosis")]


def test_accent_sensitive() -> None:
    assert found("fr", "cellule souche hematopoietique") == [("stem-cell", "cellule souche")]
    assert found("fr", "cellule souche hématopoïétique") == [("hsc", "cellule souche hématopoïétique")]


@pytest.mark.parametrize(("text", "concept", "surface"), [
    ("les cellules", "cell", "cellules"),
    ("des cellules souches", "stem-cell", "cellules souches"),
    ("les cellules souches hématopoïétiques", "hsc", "cellules souches hématopoïétiques"),
    ("des greffes de cellules souches", "sct", "greffes de cellules souches"),
    ("des produits médicaux", "drug", "produits médicaux"),
    ("les hôpitaux", "hospital", "hôpitaux"),
])
def test_french_plurals(text: str, concept: str, surface: str) -> None:
    assert found("fr", text) == [(concept, surface)]


@pytest.mark.parametrize("text", ["l'AFMPS", "l’AFMPS", "L'AFMPS"])
def test_french_elision_before_abbreviation(text: str) -> None:
    assert found("fr", f"Selon {text}, non.") == [("famhp", "AFMPS")]


@pytest.mark.parametrize("text", ["d'ATMP", "d’ATMP"])
def test_french_elision_de(text: str) -> None:
    assert found("fr", f"un usage {text}") == [("atmp", "ATMP")]


def test_french_elided_article_inside_term() -> None:
    glossary = Glossary([_concept("agency", fr=[("la agence", "full-form")])])
    assert [m.surface for m in TermMatcher.build(glossary, "fr").find("voir l’agence")] == ["l’agence"]


@pytest.mark.parametrize(("text", "concept", "surface"), [
    ("twee stamcellen", "stem-cell", "stamcellen"),          # consonant doubling
    ("de cellen", "cell", "cellen"),
    ("nieuwe therapieën", "therapy", "therapieën"),          # -ie -> -ieën
    ("twee organen", "organ", "organen"),                    # vowel undoubling
    ("de geneesmiddelen", "drug", "geneesmiddelen"),         # -en
    ("twee ziekenhuizen", "hospital", "ziekenhuizen"),       # s -> z
    ("de ATMP's", "atmp", "ATMP's"),                          # apostrophe plural of an abbreviation
    ("de ATMP’s", "atmp", "ATMP’s"),
    ("twee therapies", "therapy", "therapies"),              # -s
    ("een celletje", "cell", "celletje"),                    # -etje with doubling
    ("een boompje", "tree", "boompje"),                      # -pje
    ("een flesje", "bottle", "flesje"),                      # -je
    ("een therapietje", "therapy", "therapietje"),           # -tje
    ("kleine celletjes", "cell", "celletjes"),               # diminutive plural
])
def test_dutch_inflection(text: str, concept: str, surface: str) -> None:
    assert found("nl", text) == [(concept, surface)]


def test_dutch_compound_head() -> None:
    assert found("nl", "niertransplantaties") == [("transplant", "transplantaties")]
    assert found("nl", "stamceltransplantaties") == [("sct", "stamceltransplantaties")]


def test_dutch_hyphenated_compound() -> None:
    assert found("nl", "een autologe-stamceltransplantatie") == [("sct", "stamceltransplantatie")]


def test_short_terms_and_abbreviations_are_not_compound_heads() -> None:
    assert found("nl", "spiercel") == []
    assert found("nl", "ATMS") == []


def test_german_light_inflection_and_compound() -> None:
    assert found("de", "Stammzellen und Stammzelltransplantationen") == [
        ("stem-cell", "Stammzellen"), ("sct", "Stammzelltransplantationen")]
    assert found("de", "Nierentransplantation") == [("transplant", "transplantation")]


def test_offsets_index_the_original_text() -> None:
    text = "Bij MS helpt\u00a0een stamceltransplantatie."
    for match in TermMatcher.build(GLOSSARY, "nl").find(text):
        assert text[match.start:match.end] == match.surface


def test_ambiguous_term_yields_each_concept() -> None:
    glossary = Glossary([_concept("ms", en=[("MS", "abbreviation")]), _concept("mitral", en=[("MS", "abbreviation")])])
    assert [m.concept_id for m in TermMatcher.build(glossary, "en").find("MS")] == ["ms", "mitral"]


def test_build_is_cached_and_notices_edits() -> None:
    glossary = Glossary([_concept("cell", en=[("cell", "full-form")])])
    first = TermMatcher.build(glossary, "en")
    assert TermMatcher.build(glossary, "en_GB") is first
    glossary.concepts[0].terms["en"][0].text = "cytocell"
    assert [m.surface for m in TermMatcher.build(glossary, "en").find("a cytocell")] == ["cytocell"]


def test_empty_glossary_finds_nothing() -> None:
    assert TermMatcher.build(Glossary([]), "nl").find("stamcel") == []


def _term(text: str, lang: str, kind: str = "full-form", pos: str | None = None) -> Term:
    return Term(text, lang, type=kind, pos=pos)


INFLECTED = Glossary([
    Concept("relapse", terms={"en": [_term("relapse", "en", pos="noun"), _term("attack", "en", "lay-term", "noun")],
                              "de": [_term("Schub", "de", pos="noun")]}),
    Concept("gp", terms={"de": [_term("Hausarzt", "de", pos="noun")]}),
    Concept("doctor", terms={"de": [_term("Arzt", "de", pos="noun")]}),
    Concept("child", terms={"de": [_term("Kind", "de", pos="noun")]}),
    Concept("mother", terms={"de": [_term("Mutter", "de", pos="noun")]}),
    Concept("autologous", terms={"nl": [_term("autoloog", "nl", pos="adjective")]}),
    Concept("hematopoietic", terms={"nl": [_term("hematopoëtisch", "nl")]}),
    Concept("clinical-research", terms={"nl": [_term("klinisch onderzoek", "nl", pos="noun")]}),
    Concept("atmp", terms={"nl": [_term("geneesmiddel voor geavanceerde therapie", "nl", pos="noun")],
                           "fr": [_term("médicament de thérapie innovante", "fr", pos="noun")],
                           "en": [_term("advanced therapy medicinal product", "en", pos="noun")],
                           "de": [_term("Arzneimittel für neuartige Therapien", "de", pos="noun")]}),
    Concept("product", terms={"en": [_term("medicinal product for human use", "en", pos="noun")]}),
])


def inflected(lang: str, text: str) -> list[tuple[str, str]]:
    return [(m.concept_id, m.surface) for m in TermMatcher.build(INFLECTED, lang).find(text)]


@pytest.mark.parametrize(("text", "concept", "surface"), [
    ("Zwei Schübe im Jahr.", "relapse", "Schübe"),           # umlaut + -e
    ("Nach zwei Schüben.", "relapse", "Schüben"),             # umlaut + -en (dative plural)
    ("Wegen des Schubs.", "relapse", "Schubs"),               # -s
    ("Fragen Sie die Hausärzte.", "gp", "Hausärzte"),
    ("Fragen Sie den Ärzten.", "doctor", "Ärzten"),
    ("Ärzte und Pflegekräfte.", "doctor", "Ärzte"),           # capital umlaut
    ("Die Kinderärzte.", "doctor", "ärzte"),                  # umlaut plural as compound head
    ("Die Kinder spielen.", "child", "Kinder"),               # -er
    ("Mit Kindern.", "child", "Kindern"),
    ("Viele Mütter.", "mother", "Mütter"),                    # -er noun: umlaut only
    ("Arzneimitteln für neuartige Therapien.", "atmp", "Arzneimitteln für neuartige Therapien"),
])
def test_german_plurals_with_umlaut(text: str, concept: str, surface: str) -> None:
    assert inflected("de", text) == [(concept, surface)]


@pytest.mark.parametrize(("text", "concept", "surface"), [
    ("de autologe cellen", "autologous", "autologe"),                     # undoubling + -e
    ("de hematopoëtische stamcel", "hematopoietic", "hematopoëtische"),  # -isch + -e, no pos needed
    ("klinische onderzoeken", "clinical-research", "klinische onderzoeken"),  # modifier -e, head plural
    ("het klinisch onderzoek", "clinical-research", "klinisch onderzoek"),
])
def test_dutch_adjective_inflection(text: str, concept: str, surface: str) -> None:
    assert inflected("nl", text) == [(concept, surface)]


@pytest.mark.parametrize(("lang", "text", "surface"), [
    ("nl", "Geneesmiddelen voor geavanceerde therapie (ATMP's).", "Geneesmiddelen voor geavanceerde therapie"),
    ("fr", "Les médicaments de thérapie innovante.", "médicaments de thérapie innovante"),
    ("en", "Two medicinal products for human use.", "medicinal products for human use"),
])
def test_head_before_a_preposition_takes_the_plural(lang: str, text: str, surface: str) -> None:
    expected = "product" if lang == "en" else "atmp"
    assert inflected(lang, text) == [(expected, surface)]


@pytest.mark.parametrize("text", ["The immune system attacks the joints.", "In MS it wrongly attacks the brain.",
                                  "Antibodies attack them.", "They may attack its cover."])
def test_verb_reading_of_a_noun_lay_term_is_not_the_term(text: str) -> None:
    assert inflected("en", text) == []


@pytest.mark.parametrize(("text", "surface"), [("Recurring attacks (or relapses).", "attacks"),
                                               ("An attack lasts a day.", "attack"),
                                               ("After an attack, rest.", "attack"),
                                               ("Attacks that come back.", "Attacks")])
def test_noun_reading_of_a_lay_term_still_matches(text: str, surface: str) -> None:
    assert inflected("en", text)[0] == ("relapse", surface)


def test_verb_rule_is_only_for_lay_terms() -> None:
    assert inflected("en", "After a relapse the symptoms change.") == [("relapse", "relapse")]


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "de"])
def test_find_many_equals_find_on_each_text(lang: str) -> None:
    texts = ["", "Stem cells and MS.", "", "stamcellen, MS en ATMP's", "İstanbul: greffes de cellules souches",
             "Stammzellen\u00a0und\nStammzelltransplantationen", "MS", "cellule souche hématopoïétique"]
    matcher = TermMatcher.build(GLOSSARY, lang)
    many = matcher.find_many(texts)
    assert [[(m.concept_id, m.start, m.end, m.surface) for m in found] for found in many] == \
        [[(m.concept_id, m.start, m.end, m.surface) for m in matcher.find(text)] for text in texts]
    assert any(many)


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "de"])
def test_summarise_many_reports_accepted_concepts_and_only_marked_matches(lang: str) -> None:
    texts = ["", "Stem cells and MS.", "stamcellen, MS en ATMP's", "İstanbul: greffes de cellules souches",
             "Stammzellen\u00a0und\nStammzelltransplantationen", "MS", "la SEP et les cellules souches"]
    matcher = TermMatcher.build(GLOSSARY, lang)
    terms = [(concept.id, term) for concept in GLOSSARY.concepts for term in concept.terms_in(lang)]
    accepted = {id(term) for _, term in terms if term.accepted}
    marks = {id(term): 1 if term.type == "abbreviation" else 2 for cid, term in terms if cid in ("ms", "stem-cell")}
    summaries = matcher.summarise_many(texts, accepted, marks)
    assert any(matches for _, _, matches in summaries) and any(concepts for concepts, _, _ in summaries)
    for text, (concepts, mark, matches) in zip(texts, summaries, strict=True):
        full = matcher.find(text)
        assert concepts == {m.concept_id for m in full if id(m.term) in accepted}
        assert mark == sum({marks.get(id(m.term), 0) for m in full})
        marked = {(m.start, m.end) for m in full if id(m.term) in marks}
        assert [(m.concept_id, m.start, m.surface) for m in matches] == \
            [(m.concept_id, m.start, m.surface) for m in full if (m.start, m.end) in marked]
