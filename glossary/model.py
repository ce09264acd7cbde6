"""The concept-oriented data model, in the spirit of TBX-Basic.

A :class:`Concept` is one meaning (aHSCT, ATMP, the FAGG/AFMPS ...) with a plain-language
definition per language and, per language, the :class:`Term` objects that name it, each
with a type and a status that the catalogs, the checker and the leaflets obey.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CONCEPT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # stable concept ids: a-z, 0-9 and hyphens
TERM_TYPES = ("full-form", "abbreviation", "lay-term", "variant")
STATUSES = ("preferred", "admitted", "deprecated", "forbidden")
ACCEPTED_STATUSES = ("preferred", "admitted")
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "proper-noun")
GENDERS = {"nl": ("de", "het"), "fr": ("m", "f"), "de": ("m", "f", "n")}


@dataclass
class Term:
    """One designation of a concept in one language."""

    text: str
    lang: str
    type: str = "full-form"
    status: str = "preferred"
    region: str | None = None
    case_sensitive: bool | None = None
    pos: str | None = None
    gender: str | None = None
    note: str | None = None
    source: str | None = None
    ambiguous: bool = False
    line: int = 0

    @property
    def is_case_sensitive(self) -> bool:
        """Abbreviations are case-sensitive unless said otherwise ("MS" is not "ms")."""
        if self.case_sensitive is not None:
            return self.case_sensitive
        return self.type == "abbreviation"

    @property
    def accepted(self) -> bool:
        """Preferred or admitted: wording a translation may use."""
        return self.status in ACCEPTED_STATUSES


@dataclass
class Concept:
    """One meaning with its definitions and terms in every language."""

    id: str
    terms: dict[str, list[Term]] = field(default_factory=dict)
    definition: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    domain: str | None = None
    line: int = 0
    lang_lines: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def languages(self) -> list[str]:
        return list(self.terms)

    def lang_line(self, lang: str) -> int:
        """Line where ``lang`` is introduced (its key under ``terms``), else the concept's line."""
        return self.lang_lines.get(lang, self.line)

    def terms_in(self, lang: str) -> list[Term]:
        return self.terms.get(lang, [])

    def preferred(self, lang: str) -> Term | None:
        """The preferred full form (not the abbreviation) in ``lang``."""
        for term in self.terms_in(lang):
            if term.status == "preferred" and term.type != "abbreviation":
                return term
        return None

    def abbreviation(self, lang: str) -> Term | None:
        """The preferred abbreviation in ``lang``, if the concept has one."""
        for term in self.terms_in(lang):
            if term.status == "preferred" and term.type == "abbreviation":
                return term
        return None

    def all_terms(self) -> Iterator[Term]:
        for terms in self.terms.values():
            yield from terms


@dataclass
class Glossary:
    """All concepts of one glossary file, in file order."""

    concepts: list[Concept] = field(default_factory=list)
    path: Path | None = None
    _index: dict[str, Concept] = field(default_factory=dict, init=False, repr=False, compare=False)
    _indexed: int = field(default=-1, init=False, repr=False, compare=False)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, concept_id: str) -> Concept | None:
        """The concept with ``concept_id`` (the first if ids repeat), through an id index."""
        if self._indexed != len(self.concepts):
            self.reindex()
        found = self._index.get(concept_id)
        if found is not None and found.id != concept_id:
            self.reindex()
            found = self._index.get(concept_id)
        return found

    def reindex(self) -> None:
        """Rebuild the id index (needed only after replacing concepts in place)."""
        self._index = {}
        for concept in self.concepts:
            self._index.setdefault(concept.id, concept)
        self._indexed = len(self.concepts)

    @property
    def languages(self) -> list[str]:
        seen: dict[str, None] = {}
        for concept in self.concepts:
            for lang in concept.terms:
                seen.setdefault(lang, None)
        return list(seen)
