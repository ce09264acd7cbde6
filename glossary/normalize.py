"""Lookup normalisation as data: the same rules drive the CLI lookup and the glossary web page.

Everything that decides whether a query matches a term is in :data:`RULES`, a plain
JSON-serialisable dict (:func:`normalization_rules`), and the functions below only
interpret it, step by step, so a JavaScript port can apply exactly the same rules:

1. ``fold``: map apostrophe look-alikes to ``'``; lowercase; apply ``char_map``;
   Unicode NFKD; drop every character of general category M (combining marks).
   JS: ``s.replace(/[…]/g, "'").toLowerCase()`` + map, ``.normalize("NFKD").replace(/\\p{M}/gu, "")``.
2. ``words``: runs of letters/digits (``\\p{L}\\p{N}``), optionally joined by inner apostrophes.
   An elided article or preposition before an apostrophe goes (``l'artère`` -> ``artère``), a
   possessive or plural ``'s`` after it goes (``ATMP's`` -> ``atmp``), other apostrophes vanish.
3. ``stem``: per language, ``respell`` pairs are replaced everywhere, then the FIRST entry of
   the ordered ``suffixes`` list that ends the word replaces that ending, if at least
   ``min_stem`` characters remain; languages in ``undouble`` then drop one of two equal
   final consonants (``stamcell`` -> ``stamcel``). Identity entries protect endings
   (``sis`` keeps "sclerosis" whole).
4. ``stopwords`` are neither indexed nor searched (unless a text has nothing else).
5. Compounds (``compound.languages``): a query word also matches a term word that is its
   head (ending) or modifier (beginning) of at least ``compound.min_part`` characters.
6. Typos: words are compared by character trigrams of ``" " + word + " "``; Dice
   similarity ``2|A∩B| / (|A|+|B|)`` of at least ``typo.min_similarity`` counts as a match.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from careglot.core.folding import APOSTROPHE_LOOKALIKES, APOSTROPHES, CHAR_MAP, fold_search

RULES: dict[str, Any] = {
    "version": 1,
    "languages": ["en", "nl", "fr", "de"],
    "apostrophes": "'" + APOSTROPHES + APOSTROPHE_LOOKALIKES,
    "char_map": dict(CHAR_MAP),
    "elisions": ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"],
    "possessives": ["s"],
    "min_stem": 3,
    "respell": {"en": [["ae", "e"]], "nl": [], "fr": [], "de": []},
    "suffixes": {
        "en": [["sis", "sis"], ["ss", "ss"], ["us", "us"], ["ies", "y"], ["sses", "ss"], ["xes", "x"],
               ["ches", "ch"], ["shes", "sh"], ["s", ""]],
        "nl": [["ieen", "i"], ["heden", "heid"], ["iteiten", "iteit"], ["ingen", "ing"], ["ties", "ti"],
               ["en", ""], ["s", ""], ["e", ""]],
        "fr": [["eaux", "eau"], ["aux", "al"], ["iques", "iqu"], ["ique", "iqu"], ["euses", "eu"],
               ["euse", "eu"], ["eux", "eu"], ["es", ""], ["s", ""], ["e", ""], ["x", ""]],
        "de": [["ungen", "ung"], ["innen", "in"], ["en", ""], ["em", ""], ["er", ""], ["es", ""],
               ["e", ""], ["n", ""], ["s", ""]],
    },
    "undouble": ["nl"],
    "vowels": "aeiouy",
    "stopwords": {
        "en": ["a", "an", "and", "for", "in", "of", "on", "the", "to", "with"],
        "nl": ["de", "een", "en", "het", "in", "met", "op", "van", "voor"],
        "fr": ["a", "au", "aux", "de", "des", "du", "en", "et", "la", "le", "les", "pour", "un", "une"],
        "de": ["das", "dem", "den", "der", "des", "die", "fur", "im", "in", "mit", "und", "von"],
    },
    "compound": {"languages": ["nl", "de"], "min_part": 4},
    "prefix": {"min_length": 4},
    "typo": {"min_similarity": 0.5, "min_length": 4, "max_length_difference": 3, "candidates": 5},
    "weights": {"exact": 1.0, "prefix": 0.8, "head": 0.7, "modifier": 0.6, "typo": 0.9,
                "term_coverage": 0.4, "min_relative_score": 0.5, "min_score": 0.25,
                "status_bonus": {"preferred": 0.02, "admitted": 0.01, "deprecated": 0.0, "forbidden": 0.0},
                "same_case_bonus": 0.05},
}

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*'?")


def normalization_rules() -> dict[str, Any]:
    """A deep copy of the rules, ready for ``json.dumps`` (issue 9: the web page applies them)."""
    return copy.deepcopy(RULES)


def fold(text: str) -> str:
    """Case- and accent-folded text: ``Hématopoïétiques`` -> ``hematopoietiques``."""
    return fold_search(text)


def words(text: str) -> list[str]:
    """Folded words of ``text`` with elisions, possessives and apostrophes handled."""
    result = []
    for raw in _WORD.findall(fold(text)):
        word = raw.rstrip("'")
        if "'" in word:
            head, _, tail = word.partition("'")
            if head in RULES["elisions"]:
                word = tail
            parts = word.rsplit("'", 1)
            if len(parts) == 2 and parts[1] in RULES["possessives"]:
                word = parts[0]
            word = word.replace("'", "")
        if word:
            result.append(word)
    return result


def stem(word: str, lang: str) -> str:
    """``word`` (already folded) reduced by ``lang``'s ordered suffix rules."""
    if word.isdigit():
        return word
    for old, new in RULES["respell"].get(lang, []):
        word = word.replace(old, new)
    minimum: int = RULES["min_stem"]
    for suffix, replacement in RULES["suffixes"].get(lang, []):
        if word.endswith(suffix):
            candidate = word[: len(word) - len(suffix)] + replacement
            if len(candidate) >= minimum:
                word = candidate
                break
    if (lang in RULES["undouble"] and len(word) > minimum and word[-1] == word[-2]
            and word[-1] not in RULES["vowels"] and word[-1].isalpha()):
        word = word[:-1]
    return word


def is_stopword(word: str, lang: str) -> bool:
    return word in RULES["stopwords"].get(lang, [])


def content_words(words_: list[str], lang: str) -> list[str]:
    """``words_`` without ``lang``'s stopwords, unless nothing would remain."""
    kept = [w for w in words_ if not is_stopword(w, lang)]
    return kept or words_


def trigrams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def dice(a: str, b: str) -> float:
    """Trigram Dice similarity of two folded words (1.0 = same trigrams)."""
    ta, tb = trigrams(a), trigrams(b)
    return 2 * len(ta & tb) / (len(ta) + len(tb)) if ta or tb else 0.0
