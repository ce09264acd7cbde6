"""Readability figures for leaflet text: sentences, words, syllables and Flesch reading ease.

Flesch reading ease (Flesch 1948, "A new readability yardstick", Journal of Applied
Psychology 32(3):221-233) is ``a - b * (words / sentences) - c * (syllables / words)``.
Each language has its own published coefficients:

- en: Flesch (1948): 206.835, 1.015, 84.6
- nl: Flesch-Douma (Douma 1960): 206.835, 0.93, 77
- fr: Kandel-Moles (Kandel & Moles 1958): 207, 1.015, 73.6
- de: Amstad (Amstad 1978): 180, 1, 58.5

These are the coefficients textstat 0.7 uses (``textstat.set_lang``); careglot applies
them itself, because importing textstat pulls in nltk and SciPy (seconds on every command)
and it would download the CMU dictionary at run time. Sentences and words are counted
here so that every language is split the same way and the per-sentence limit can be
checked. English syllables come from a rule-based counter; Dutch, French and German
syllables are hyphenation points + 1 from Pyphen (LibreOffice's hyphenation patterns),
which is how textstat counts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from careglot.core.errors import UsageError
from careglot.core.sentences import split_sentences as glossary_sentences


@dataclass(frozen=True)
class FleschCoefficients:
    """``base - sentence_length * ASL - syllables_per_word * ASW``."""

    base: float
    sentence_length: float
    syllables_per_word: float


FLESCH: dict[str, FleschCoefficients] = {
    "en": FleschCoefficients(206.835, 1.015, 84.6),
    "nl": FleschCoefficients(206.835, 0.93, 77.0),
    "fr": FleschCoefficients(207.0, 1.015, 73.6),
    "de": FleschCoefficients(180.0, 1.0, 58.5),
}

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_VOWELS = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Readability:
    """Counts and Flesch reading ease of one text."""

    lang: str
    words: int
    sentences: int
    syllables: int
    longest_sentence_words: int
    sentences_over_25_words: int

    @property
    def mean_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def flesch_reading_ease(self) -> float:
        """Flesch reading ease with the coefficients of :attr:`lang` (0 for empty text)."""
        if not self.words:
            return 0.0
        coef = FLESCH[self.lang]
        return (coef.base - coef.sentence_length * self.mean_sentence_length
                - coef.syllables_per_word * self.syllables_per_word)


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """The sentences of ``text`` (:mod:`careglot.core.sentences`); a blank line also ends one (headings)."""
    return [sentence for paragraph in _PARAGRAPH_BREAK.split(text)
            for sentence in glossary_sentences(paragraph, lang) if words(sentence)]


def words(text: str) -> list[str]:
    """Words: runs of letters or digits; hyphenated words and contractions count once."""
    return _WORD.findall(text)


def english_syllables(word: str) -> int:
    """Rule-based English syllable count: vowel groups, silent final e, read-out initialisms."""
    total = 0
    for part in re.split(r"[-'’]", word):
        if not part:
            continue
        if part.isdigit():
            total += len(part)
        elif sum(1 for char in part if char.isupper()) >= 2:
            total += sum(3 if char in "wW" else 1 for char in part if char.isalpha())
        else:
            total += _english_word_syllables(part.lower())
    return max(total, 1)


def _english_word_syllables(word: str) -> int:
    word = re.sub(r"[^a-z]", "", word)
    if len(word) <= 3:
        return 1
    if word.endswith(("gue", "que")):
        word = word[:-2]
    elif word.endswith("e") and not word.endswith(("le", "ee", "ie", "ye")):
        word = word[:-1]
    elif word.endswith(("es", "ed")) and not word.endswith(("ted", "ded", "ses", "zes", "ches", "shes",
                                                              "ces", "ges", "xes")):
        word = word[:-2]
    count = len(_VOWELS.findall(word))
    # Silent e before a suffix (close-ly, state-ment, aware-ness, care-ful, safe-ty).
    count -= len(re.findall(r"[^aeiouy]e(?:ly|ment|ness|ful|ty)$", word))
    # Vowel pairs read as two syllables (tri-al, Bel-gi-um, vi-o-lent, ac-tu-al).
    count += len(re.findall(r"(?<![tsc])i[au]|(?<![tsc])io(?!u)|(?<!q)u[ao]", word))
    return max(count, 1)


@lru_cache(maxsize=8)
def _hyphenator(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=lang)


def syllables(word: str, lang: str) -> int:
    """Syllables of one word in ``lang``."""
    if lang == "en":
        return english_syllables(word)
    if word.isdigit():
        return len(word)
    return len(_hyphenator(lang).positions(word.lower())) + 1


def readability(text: str, lang: str = "en") -> Readability:
    """Readability of ``text`` in ``lang`` (en, nl, fr or de; regional variants like nl_BE allowed)."""
    base = re.split(r"[-_]", lang, maxsplit=1)[0].lower()
    if base not in FLESCH:
        raise UsageError(f"no readability formula for language {lang!r} "
                         f"(known: {', '.join(sorted(FLESCH))})")
    sentences = split_sentences(text, base)
    lengths = [len(words(sentence)) for sentence in sentences]
    syllable_total = sum(syllables(word, base) for word in words(text))
    return Readability(lang=base, words=sum(lengths), sentences=len(sentences), syllables=syllable_total,
                       longest_sentence_words=max(lengths, default=0),
                       sentences_over_25_words=sum(1 for length in lengths if length > 25))
