"""Term candidates: inflection merging, ranking, stopword boundaries, glossary coverage, determinism."""

from __future__ import annotations

import math

import pytest

from extract.termhood import c_values
from extract.terms import SentenceText, TermCandidate, term_candidates, terms_by_language
from extract.tokens import STOPWORDS

ENGLISH = [
    SentenceText("leaflet-a", "Stem cells can renew themselves and become other kinds of cells."),
    SentenceText("leaflet-a", "A stem cell transplantation replaces the immune system of people with MS."),
    SentenceText("leaflet-a", "Before a stem cell transplantation, doctors collect stem cells from the blood."),
    SentenceText("leaflet-b", "The stem cell transplantation is done in a specialised hospital."),
    SentenceText("leaflet-b", "People often ask how long the stem cell transplantation takes."),
    SentenceText("leaflet-b", "Many people think it is important to talk with other people first."),
    SentenceText("leaflet-b", "It takes time, and people need time to recover at home."),
    SentenceText("leaflet-c", "Chemotherapy destroys the old immune cells before the stem cells return."),
    SentenceText("leaflet-c", "Multiple sclerosis is a disease of the brain and spinal cord."),
]

DUTCH = [
    ("folder-ms", "Stamcellen kunnen zichzelf vernieuwen en andere cellen vormen."),
    ("folder-ms", "Bij een stamceltransplantatie krijgt u eerst chemotherapie."),
    ("folder-ms", "Daarna geeft de arts de eigen stamcellen terug via een infuus."),
    ("folder-ms", "Na de behandeling maken de stamcellen nieuwe bloedcellen."),
    ("folder-atmp", "Een stamcel is een cel die zich kan delen tot andere cellen."),
    ("folder-atmp", "In België beoordeelt het FAGG de aanvraag voor ATMP's."),
    ("folder-atmp", "Een ATMP is een geneesmiddel voor geavanceerde therapie."),
    ("folder-atmp", "De stamceltransplantatie is bedoeld voor mensen met actieve MS."),
]


def by_lemma(candidates: list[TermCandidate]) -> dict[str, TermCandidate]:
    return {candidate.lemma: candidate for candidate in candidates}


def test_english_inflected_forms_merge_into_one_candidate() -> None:
    candidates = by_lemma(term_candidates(ENGLISH, "en", min_score=None))
    stem_cell = candidates["stem cell"]
    assert {"stem cells", "stem cell"} <= set(stem_cell.written)
    assert "stem cells" not in candidates
    assert stem_cell.count == 7
    assert stem_cell.sources == ["leaflet-a", "leaflet-b", "leaflet-c"]


def test_dutch_inflected_forms_merge_into_one_candidate() -> None:
    candidates = by_lemma(term_candidates(DUTCH, "nl", min_score=None))
    stamcel = candidates["stamcel"]
    assert {"Stamcellen", "stamcellen", "stamcel"} <= set(stamcel.written)
    assert stamcel.count == 4
    assert stamcel.term == "stamcellen"  # the most frequent surface form


def test_dutch_plural_with_apostrophe_merges_with_singular() -> None:
    atmp = by_lemma(term_candidates(DUTCH, "nl", min_score=None))["atmp"]
    assert {"ATMP", "ATMP's"} <= set(atmp.written)
    assert atmp.count == 2


def test_french_elision_starts_a_new_word_inside_a_term() -> None:
    sentences = [("doc", "Le conflit d'intérêts est interdit."), ("doc", "Les conflits d'intérêts sont rares.")]
    candidates = by_lemma(term_candidates(sentences, "fr", min_score=None))
    conflict = candidates["conflit d' intérêt"]
    assert set(conflict.written) == {"conflit d'intérêts", "conflits d'intérêts"}
    assert "d'intérêts" not in {form for c in candidates.values() for form in c.written}


def test_hyphenated_words_stay_whole_and_punctuation_splits_phrases() -> None:
    sentences = [("doc", "The anti-inflammatory drug, interferon beta, helps; relapse rates fall.")]
    terms = {c.term for c in term_candidates(sentences, "en", min_score=None)}
    assert "anti-inflammatory drug" in terms
    assert "inflammatory drug" not in terms
    assert "drug interferon" not in terms
    assert "helps relapse" not in terms


def test_domain_multiword_term_outranks_general_words() -> None:
    ranked = [c.lemma for c in term_candidates(ENGLISH, "en", min_score=None)]
    assert ranked.index("stem cell transplantation") < ranked.index("people")
    assert ranked.index("stem cell transplantation") < ranked.index("time")


def test_default_cut_off_keeps_the_domain_term_and_drops_general_words() -> None:
    kept = {c.lemma for c in term_candidates(ENGLISH, "en")}
    assert "stem cell transplantation" in kept
    assert "people" not in kept
    assert "time" not in kept


@pytest.mark.parametrize(("sentences", "lang"), [(ENGLISH, "en"), (DUTCH, "nl")])
def test_candidates_never_start_or_end_with_a_stopword_or_number(
    sentences: list[SentenceText] | list[tuple[str, str]], lang: str
) -> None:
    stop = STOPWORDS[lang]
    candidates = term_candidates(sentences, lang, min_score=None)
    assert candidates
    for candidate in candidates:
        for form in candidate.written:
            words = form.lower().split()
            assert words[0] not in stop and words[-1] not in stop, form
            assert not words[0].isdigit() and not words[-1].isdigit(), form


def test_in_glossary_is_set_from_the_glossary_terms() -> None:
    glossary = {"stem cell", "Multiple Sclerosis"}
    candidates = by_lemma(term_candidates(ENGLISH, "en", glossary_terms=glossary, min_score=None))
    assert candidates["stem cell"].in_glossary
    assert candidates["multiple sclerosis"].in_glossary
    assert not candidates["stem cell transplantation"].in_glossary
    assert not candidates["chemotherapy"].in_glossary


def test_in_glossary_matches_dutch_inflected_glossary_terms() -> None:
    candidates = by_lemma(term_candidates(DUTCH, "nl", glossary_terms={"stamcellen"}, min_score=None))
    assert candidates["stamcel"].in_glossary
    assert not candidates["stamceltransplantatie"].in_glossary


def test_output_is_deterministic_and_independent_of_input_order() -> None:
    first = term_candidates(ENGLISH, "en", min_score=None)
    again = term_candidates(list(ENGLISH), "en", min_score=None)
    shuffled = term_candidates(list(reversed(ENGLISH)), "en", min_score=None)
    assert first == again

    def unlocated(candidates: list[TermCandidate]) -> list[tuple[object, ...]]:
        # Only where a form was *first* seen depends on the order of the input.
        return [(c.term, c.lemma, c.score, c.count, c.sources, c.in_glossary, c.named_entity,
                 [(f.form, f.count) for f in c.forms]) for c in candidates]

    assert unlocated(first) == unlocated(shuffled)
    keys = [(-c.score, -c.count, c.lemma) for c in first]
    assert keys == sorted(keys)


def test_limit_and_min_count_trim_the_list() -> None:
    frequent = term_candidates(ENGLISH, "en", min_score=None, min_count=3)
    assert frequent and all(c.count >= 3 for c in frequent)
    assert len(term_candidates(ENGLISH, "en", min_score=None, limit=5)) == 5


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_plural_abbreviations_merge_with_the_singular(lang: str) -> None:
    sentences = [("doc", "Belgium approved two ATMPs this year."), ("doc", "Each ATMP needs a licence."),
                 ("doc", "The ATMP's were reviewed."), ("doc", "Many MSCs and one MSC were used.")]
    candidates = by_lemma(term_candidates(sentences, lang, min_score=None))
    assert {"ATMPs", "ATMP", "ATMP's"} <= set(candidates["atmp"].written)
    assert candidates["atmp"].count == 3
    assert {"MSCs", "MSC"} <= set(candidates["msc"].written)
    assert "atmps" not in candidates and "msc's" not in candidates


def test_a_plural_abbreviation_in_the_glossary_covers_the_singular() -> None:
    candidates = by_lemma(term_candidates([("doc", "One ATMP was approved.")], "en",
                                          glossary_terms={"ATMPs"}, min_score=None))
    assert candidates["atmp"].in_glossary


def test_each_form_has_its_count_and_first_location() -> None:
    def line_of(offset: int) -> int:  # a block of two file lines: the second starts at "Stem"
        return 13 if offset < 29 else 14

    sentences = [
        SentenceText("leaflet-a", "We spoke about the treatment.", "a.txt", 3),
        SentenceText("leaflet-a", "The first part of this text. Stem cells are collected first.", "a.txt", 13, line_of),
        SentenceText("leaflet-b", "One stem cell is enough; stem cells divide, stem cells grow.", "b.txt", 2),
    ]
    stem_cell = by_lemma(term_candidates(sentences, "en", min_score=None))["stem cell"]
    assert stem_cell.term == "stem cells"
    forms = {f.form: f for f in stem_cell.forms}
    assert set(forms) == {"Stem cells", "stem cells", "stem cell"}
    assert (forms["Stem cells"].count, forms["Stem cells"].file, forms["Stem cells"].line) == (1, "a.txt", 14)
    assert (forms["stem cell"].source, forms["stem cell"].line) == ("leaflet-b", 2)
    assert sum(f.count for f in stem_cell.forms) == stem_cell.count == 4


def test_long_terms_of_six_words_are_candidates() -> None:
    sentences = [("hf", "Patients with heart failure with preserved ejection fraction were included."),
                 ("hf", "In heart failure with preserved ejection fraction, diuretics relieve congestion.")]
    candidates = by_lemma(term_candidates(sentences, "en", min_score=None))
    long_term = candidates["heart failure with preserve ejection fraction"]
    assert long_term.count == 2
    assert "heart failure with preserved ejection fraction" in long_term.written


def test_nested_candidate_is_scored_on_its_independent_occurrences() -> None:
    counts = {("stem", "cell"): 10, ("stem", "cell", "transplantation"): 8, ("cell",): 12}
    values = c_values(counts)
    # "stem cell" occurs 10 times, 8 of them inside the longer candidate: 2 on its own.
    assert values[("stem", "cell")] == pytest.approx(math.log2(3) * 2)
    assert values[("stem", "cell", "transplantation")] == pytest.approx(math.log2(4) * 8)


def test_names_inside_sentences_are_named_entities_and_capitals_at_sentence_start_are_not() -> None:
    sentences = [("doc", "The rider trained with Alois Podhajsky in Vienna."),
                 ("doc", "Later, Alois Podhajsky wrote about the half-pass."),
                 ("doc", "Horses learn the half-pass slowly. Horses need time.")]
    candidates = by_lemma(term_candidates(sentences, "en", min_score=None))
    assert candidates["alois podhajsky"].named_entity
    assert candidates["vienna"].named_entity
    assert not candidates["horse"].named_entity
    assert not candidates["half-pass"].named_entity


def test_a_word_shared_with_the_other_languages_gains_termhood() -> None:
    english = [("en", "The pitch system of the turbine failed during the storm."),
               ("en", "Engineers replaced the turbine blades after the storm.")]
    dutch = [("nl", "De turbine van het windpark werd in de winter stilgelegd."),
             ("nl", "Een nieuwe turbine draait sinds maart in de winter.")]
    alone = by_lemma(terms_by_language({"nl": dutch}, min_score=None)["nl"])
    together = by_lemma(terms_by_language({"nl": dutch, "en": english}, min_score=None)["nl"])
    assert together["turbine"].score > alone["turbine"].score
    assert together["winter"].score == alone["winter"].score
