"""Readability counts and the per-language Flesch formulas, checked against hand counts."""

from __future__ import annotations

import pytest

from careglot.core.errors import UsageError
from render.readability import english_syllables, readability, split_sentences


def test_english_flesch_matches_a_hand_count() -> None:
    # 2 sentences, 9 words, 10 syllables (hand count: only "doc-tor" has two).
    result = readability("The cat sat on the mat. Ask your doctor.", "en")
    assert (result.sentences, result.words, result.syllables) == (2, 9, 10)
    assert result.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 9 / 2 - 84.6 * 10 / 9)


@pytest.mark.parametrize(("lang", "base", "per_sentence", "per_syllable"), [
    ("nl", 206.835, 0.93, 77.0),   # Flesch-Douma
    ("fr", 207.0, 1.015, 73.6),    # Kandel-Moles
    ("de", 180.0, 1.0, 58.5),      # Amstad
    ("nl_BE", 206.835, 0.93, 77.0),
])
def test_each_language_has_its_own_coefficients(lang: str, base: float, per_sentence: float,
                                                per_syllable: float) -> None:
    result = readability("Jan zat op de mat. Kom nu.", lang)  # one syllable per word in every language
    assert (result.sentences, result.words, result.syllables) == (2, 7, 7)
    assert result.flesch_reading_ease == pytest.approx(base - per_sentence * 3.5 - per_syllable * 1.0)


def test_dutch_syllables_come_from_hyphenation() -> None:
    assert readability("ziekenhuis", "nl").syllables == 3  # zie-ken-huis
    assert readability("behandeling", "nl").syllables == 4  # be-han-de-ling


@pytest.mark.parametrize(("word", "count"), [
    ("people", 2), ("treatment", 2), ("trial", 2), ("question", 2), ("safety", 2), ("closely", 2),
    ("transplantation", 4), ("chemotherapy", 5), ("fatigue", 2), ("MS", 2), ("aHSCT", 5), ("2022", 4),
    ("relapsing-remitting", 6),
])
def test_english_syllables(word: str, count: int) -> None:
    assert english_syllables(word) == count


def test_sentences_survive_abbreviations_and_end_at_blank_lines() -> None:
    text = "It is given at St. Antonius in Nieuwegein. Ask e.g. your doctor!\n\nA heading without stop\n\nNext."
    assert split_sentences(text) == ["It is given at St. Antonius in Nieuwegein.", "Ask e.g. your doctor!",
                                     "A heading without stop", "Next."]
    dutch = "Vraag het bijv. aan uw arts. Het duurt ca. 3 weken (o.a. in het UZ Gent). Daarna volgt controle."
    assert split_sentences(dutch, "nl") == ["Vraag het bijv. aan uw arts.",
                                            "Het duurt ca. 3 weken (o.a. in het UZ Gent).", "Daarna volgt controle."]


def test_longest_sentence_and_count_over_25_words() -> None:
    long = " ".join(["Word"] + ["word"] * 25) + "."
    result = readability(f"Short one. {long} Another short one.", "en")
    assert (result.longest_sentence_words, result.sentences_over_25_words) == (26, 1)
    assert result.mean_sentence_length == pytest.approx((2 + 26 + 3) / 3)


def test_empty_text_and_unknown_language() -> None:
    assert readability("", "en").flesch_reading_ease == 0.0
    with pytest.raises(UsageError, match="no readability formula for language 'es'"):
        readability("Hola.", "es")
