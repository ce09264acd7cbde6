"""The one folding table: every reader of text folds the same typographic characters."""

from __future__ import annotations

from careglot.core.folding import (
    APOSTROPHES,
    FOLDS,
    fold_search,
    fold_typography,
    fold_typography_for_words,
    sort_key,
)
from extract.blocks import normalise
from extract.tokens import normalise as normalise_tokens
from glossary.normalize import normalization_rules, words


def test_typography_folds_to_ascii_and_keeps_offsets() -> None:
    text = "l’AFMPS “stamcellen” „Stammzellen“ 10\u00a0000 patiënt\u2011gericht"
    folded = fold_typography(text)
    assert folded == 'l\'AFMPS "stamcellen" "Stammzellen" 10 000 patiënt-gericht'
    assert len(folded) == len(text)
    assert all(len(replacement) == 1 for replacement in FOLDS.values())


def test_soft_hyphens_vanish_only_for_words() -> None:
    assert fold_typography_for_words("stam\u00adcel’s") == "stamcel's"
    assert fold_typography("stam\u00adcel") == "stam\u00adcel"


def test_extraction_blocks_tokens_and_lookup_fold_the_same_apostrophes() -> None:
    for mark in APOSTROPHES:
        text = f"l{mark}hôpital"
        assert normalise(text)[0] == "l'hôpital"
        assert normalise_tokens(text) == "l'hôpital"
        assert words(text) == ["hopital"]  # the elided article goes, whatever the apostrophe
        assert mark in normalization_rules()["apostrophes"]  # the web page folds it too


def test_search_folding_and_dictionary_order() -> None:
    assert fold_search("L’Hématopoïèse ŒDÈME Straße") == "l'hematopoiese oedeme strasse"
    assert sorted(["zona", "Écho", "echo", "abces"], key=sort_key) == ["abces", "echo", "Écho", "zona"]
