"""What checks look at: the catalog's languages, the term matchers, and one unit to check."""

from __future__ import annotations

from dataclasses import dataclass, field

import polib

from glossary.matching import TermMatch, TermMatcher
from glossary.model import Concept, Glossary


@dataclass
class CheckContext:
    """One catalog's languages and the glossary matchers, shared by every check.

    ``source_cache`` remembers the source-term matches of each msgid; pass the same dict
    to the contexts of several catalogs so identical msgids are matched once.
    """

    locale: str
    source_lang: str
    glossary: Glossary | None = None
    source_cache: dict[str, list[TermMatch]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        parts = self.locale.replace("-", "_").split("_")
        self.lang = parts[0].lower()
        self.region = parts[1].upper() if len(parts) > 1 else None
        self.source_matcher = TermMatcher.build(self.glossary, self.source_lang) if self.glossary else None
        self.target_matcher = TermMatcher.build(self.glossary, self.lang) if self.glossary else None
        self.concepts: dict[str, Concept] = {concept.id: concept for concept in self.glossary or ()}

    @property
    def is_source_language(self) -> bool:
        return self.lang == self.source_lang.split("_")[0].lower()


class Unit:
    """One source/translation pair of an entry (each plural form is its own unit)."""

    __slots__ = ("_source_terms", "_target_terms", "context", "entry", "fuzzy", "plural_index", "source",
                 "target")

    def __init__(self, entry: polib.POEntry, source: str, target: str, fuzzy: bool, context: CheckContext,
                 plural_index: int | None = None) -> None:
        self.entry = entry
        self.source = source
        self.target = target
        self.fuzzy = fuzzy
        self.context = context
        self.plural_index = plural_index
        self._source_terms: list[TermMatch] | None = None
        self._target_terms: list[TermMatch] | None = None

    def source_terms(self) -> list[TermMatch]:
        """Glossary terms in the msgid (cached across catalogs by the context)."""
        if self._source_terms is None:
            cache = self.context.source_cache
            found = cache.get(self.source)
            if found is None:
                matcher = self.context.source_matcher
                found = cache[self.source] = matcher.find(self.source) if matcher else []
            self._source_terms = found
        return self._source_terms

    def target_terms(self) -> list[TermMatch]:
        """Glossary terms in the msgstr."""
        if self._target_terms is None:
            matcher = self.context.target_matcher
            self._target_terms = matcher.find(self.target) if matcher else []
        return self._target_terms
