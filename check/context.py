"""What checks look at: the catalog's languages, the term matchers, and one unit to check."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import polib

from careglot.core.locales import base_language, territory
from glossary.matching import TermMatch, TermMatcher, TermSummary
from glossary.model import Concept, Glossary

# Unit.marks: what kinds of glossary terms the msgstr holds (bits), so checks skip the rest.
UNWANTED = 1  # a deprecated, forbidden or regional term
RIVAL = 2  # an accepted full form of a concept that has several
ABBREVIATED = 4  # a term of a concept that has an abbreviation
ALL_MARKS = UNWANTED | RIVAL | ABBREVIATED


@dataclass
class CheckContext:
    """One catalog's languages and the glossary matchers, shared by every check.

    ``source_cache`` remembers the concepts of each msgid; pass the same dict to the
    contexts of several catalogs so identical msgids are matched once.
    """

    locale: str
    source_lang: str
    glossary: Glossary | None = None
    source_cache: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lang = base_language(self.locale)
        self.region = territory(self.locale)
        self.source_matcher = TermMatcher.build(self.glossary, self.source_lang) if self.glossary else None
        self.target_matcher = TermMatcher.build(self.glossary, self.lang) if self.glossary else None
        self.concepts: dict[str, Concept] = {concept.id: concept for concept in self.glossary or ()}
        terms = [(concept, term) for concept in self.glossary or () for term in concept.terms_in(self.lang)]
        # Sets of terms (by identity) that checks look for, so they skip every other match cheaply.
        self.unwanted_terms = {id(term) for _, term in terms if not term.accepted or term.region}
        self.accepted_terms = {id(term) for _, term in terms if term.accepted}
        full_forms = Counter(concept.id for concept, term in terms if term.accepted and term.type != "abbreviation")
        self.rival_terms = {id(term) for concept, term in terms
                            if term.accepted and term.type != "abbreviation" and full_forms[concept.id] > 1}
        self.abbreviated = {concept.id for concept, term in terms if term.type == "abbreviation"}
        self.term_marks: dict[int, int] = {}
        for concept, term in terms:
            mark = ((UNWANTED if id(term) in self.unwanted_terms else 0)
                    | (RIVAL if id(term) in self.rival_terms else 0)
                    | (ABBREVIATED if concept.id in self.abbreviated else 0))
            if mark:
                self.term_marks[id(term)] = mark

    def match_units(self, units: Sequence[Unit]) -> None:
        """Find the glossary terms of every unit in two automaton passes (msgids, msgstrs).

        Each distinct text is matched once; the concepts of msgids are kept in ``source_cache``.
        """
        cache = self.source_cache
        if self.source_matcher is not None:
            new = list({unit.source: None for unit in units if unit.source not in cache})
            cache.update(zip(new, self.source_matcher.concepts_many(new), strict=True))
        targets: dict[str, TermSummary] = {}
        if self.target_matcher is not None:
            distinct = list(dict.fromkeys(unit.target for unit in units))
            summaries = self.target_matcher.summarise_many(distinct, self.accepted_terms, self.term_marks)
            targets = dict(zip(distinct, summaries, strict=True))
        for unit in units:
            unit._source_concepts = cache.get(unit.source, _NO_CONCEPTS)
            unit._target_concepts, unit.marks, unit._target_terms = targets.get(unit.target, _NO_TARGET)

    def match_source_terms(self, units: Sequence[Unit]) -> None:
        """Every occurrence of a glossary term in the msgids of ``units``, in one automaton pass
        (for the few units whose msgid terms a check reports on)."""
        if self.source_matcher is None:
            return
        distinct = list(dict.fromkeys(unit.source for unit in units if unit._source_terms is None))
        found = dict(zip(distinct, self.source_matcher.find_many(distinct), strict=True))
        for unit in units:
            if unit._source_terms is None:
                unit._source_terms = found[unit.source]

    @property
    def is_source_language(self) -> bool:
        return self.lang == base_language(self.source_lang)


_NONE: list[TermMatch] = []  # shared "no terms" result: never mutated
_NO_CONCEPTS: set[str] = set()
_NO_TARGET: TermSummary = (_NO_CONCEPTS, 0, _NONE)


class Unit:
    """One source/translation pair of an entry (each plural form is its own unit)."""

    __slots__ = ("_source_concepts", "_source_terms", "_target_concepts", "_target_terms", "context", "entry",
                 "fuzzy", "marks", "plural_index", "source", "target")

    def __init__(self, entry: polib.POEntry, source: str, target: str, fuzzy: bool, context: CheckContext,
                 plural_index: int | None = None) -> None:
        self.entry = entry
        self.source = source
        self.target = target
        self.fuzzy = fuzzy
        self.context = context
        self.plural_index = plural_index
        self._source_concepts: set[str] | None = None
        self._source_terms: list[TermMatch] | None = None
        self._target_terms: list[TermMatch] | None = None
        self._target_concepts: set[str] | None = None
        self.marks = ALL_MARKS  # unknown until CheckContext.match_units: assume any kind of term

    def source_terms(self) -> list[TermMatch]:
        """Glossary terms in the msgid, every occurrence (matched on first use)."""
        if self._source_terms is None:
            matcher = self.context.source_matcher
            self._source_terms = matcher.find(self.source) if matcher else []
        return self._source_terms

    def source_concepts(self) -> set[str]:
        """Concepts with a term in the msgid (cached across catalogs by the context; never mutate)."""
        if self._source_concepts is None:
            cache = self.context.source_cache
            found = cache.get(self.source)
            if found is None:
                found = cache[self.source] = {m.concept_id for m in self.source_terms()}
            self._source_concepts = found
        return self._source_concepts

    def lacks_target_terms(self) -> bool:
        """Whether a concept of the msgid has no accepted term in the msgstr (ignoring that an
        ambiguous msgid term is satisfied by any of its concepts: ``glossary-missing`` sees to that)."""
        target, source = self._target_concepts, self._source_concepts  # set by CheckContext.match_units
        if target is None or source is None:
            target, source = self.target_concepts(), self.source_concepts()
        return not target.issuperset(source)

    def target_terms(self) -> list[TermMatch]:
        """Glossary terms in the msgstr — after ``CheckContext.match_units`` only those at spans
        where a marked term (``UNWANTED``, ``RIVAL``, ``ABBREVIATED``) was found."""
        if self._target_terms is None:
            matcher = self.context.target_matcher
            self._target_terms = matcher.find(self.target) if matcher else []
        return self._target_terms

    def target_concepts(self) -> set[str]:
        """Concepts whose accepted term is in the msgstr (never mutate: may be shared)."""
        if self._target_concepts is None:
            accepted = self.context.accepted_terms
            self._target_concepts = {m.concept_id for m in self.target_terms() if id(m.term) in accepted}
        return self._target_concepts
