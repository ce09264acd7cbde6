"""Cross-language evidence: does a candidate, or its words, also occur in the other languages' texts?

Editors' sources on one subject in English, French and Dutch are comparable corpora,
as ACTER's domains are. Names, acronyms and learned words cross languages almost
unchanged (*EU*, *Podhajsky*, *turbine*, *corruption* / *corruptie*), so a candidate
whose written form, words, or word stems occur in another language's texts is more
likely a term or a name than one that only occurs in its own. Comparison is on folded
text (lowercase, accents removed), and a *stem* is the first :data:`STEM` letters of a
word of at least :data:`MIN_STEM_WORD` letters: crude, but it joins the Latin and Greek
derivations the three languages share (*turbul-ence* / *turbul-entie*).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

STEM = 6
MIN_STEM_WORD = 7


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase without accents: Médecin -> medecin, hematopoëtisch -> hematopoetisch."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str | None:
    """The cognate key of a folded word, or None when the word is too short to have one."""
    return word[:STEM] if len(word) >= MIN_STEM_WORD and word.isalpha() else None


@dataclass(slots=True)
class Vocabulary:
    """The folded written words, word stems and candidate forms of one language's texts."""

    lang: str
    words: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, lang: str, forms: Iterable[str]) -> Vocabulary:
        """From every candidate surface form of the language (single words among them)."""
        vocabulary = cls(lang)
        for form in forms:
            folded = fold(form)
            vocabulary.forms.add(folded)
            if " " not in folded:
                vocabulary.words.add(folded)
                key = stem(folded)
                if key is not None:
                    vocabulary.stems.add(key)
        return vocabulary


@dataclass(frozen=True, slots=True)
class CrossEvidence:
    """How much of a candidate the other languages share: whole form, words, stems (0..1)."""

    form: bool = False
    words: float = 0.0
    stems: float = 0.0


def cross_evidence(forms: Iterable[str], content_words: list[str], others: list[Vocabulary]) -> CrossEvidence:
    """Evidence for one candidate from its surface forms and its content words as written."""
    if not others:
        return CrossEvidence()
    folded_forms = [fold(form) for form in forms]
    whole = any(form in other.forms for other in others for form in folded_forms)
    if not content_words:
        return CrossEvidence(form=whole)
    folded = [fold(word) for word in content_words]
    shared = sum(1 for word in folded if any(word in other.words for other in others))
    keys = [stem(word) for word in folded]
    stems = sum(1 for key in keys if key is not None and any(key in other.stems for other in others))
    return CrossEvidence(form=whole, words=shared / len(folded), stems=stems / len(folded))
