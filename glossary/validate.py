"""Rules that span terms and concepts, checked after loading.

:func:`find_problems` returns every problem, in file order, as an :class:`InputError`
carrying ``file:line``; :func:`validate_glossary` raises the first one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

from careglot.core.errors import InputError
from careglot.core.locales import base_language, is_known_language
from glossary.model import GENDERS, Concept, Glossary, Term


def target_languages(locales: Iterable[str]) -> list[str]:
    """Glossary languages for gettext target locales: ``nl_BE`` -> ``nl``, in order, no repeats."""
    seen: dict[str, None] = {}
    for code in locales:
        seen.setdefault(base_language(code), None)
    return list(seen)


def validate_glossary(glossary: Glossary, target_langs: Iterable[str] = ()) -> None:
    """Raise the first problem (in file order) as an InputError with file and line."""
    problems = find_problems(glossary, target_langs)
    if problems:
        raise problems[0]


def find_problems(glossary: Glossary, target_langs: Iterable[str] = ()) -> list[InputError]:
    """Every rule violation in ``glossary``, sorted by line."""
    targets = list(target_langs)
    path = glossary.path
    found: list[tuple[int, str]] = []
    seen_ids: dict[str, int] = {}
    for concept in glossary:
        if concept.id in seen_ids:
            found.append((concept.line, f"duplicate concept id {concept.id!r} (first at line {seen_ids[concept.id]})"))
        else:
            seen_ids[concept.id] = concept.line
        found.extend(_concept_problems(concept, targets))
    found.extend(_claimed_twice(glossary))
    found.sort(key=lambda problem: problem[0])
    return [InputError(message, path, line or None) for line, message in found]


def _concept_problems(concept: Concept, targets: list[str]) -> Iterator[tuple[int, str]]:
    languages = {*concept.terms, *concept.definition, *concept.notes}
    for lang in sorted(languages, key=concept.lang_line):
        if not is_known_language(lang):
            yield concept.lang_line(lang), f"unknown language code {lang!r} in concept {concept.id!r}"
    for lang in targets:
        if lang not in concept.terms:
            yield concept.line, f"concept {concept.id!r} has no terms in target language {lang!r}"
    for lang, terms in concept.terms.items():
        yield from _language_problems(concept, lang, terms)


def _language_problems(concept: Concept, lang: str, terms: list[Term]) -> Iterator[tuple[int, str]]:
    full = [t for t in terms if t.status == "preferred" and t.type != "abbreviation"]
    abbreviations = [t for t in terms if t.status == "preferred" and t.type == "abbreviation"]
    if not full:
        yield (concept.lang_line(lang),
               f"concept {concept.id!r} has no preferred term (other than an abbreviation) in {lang!r}")
    for extra in _regional_extras(full):
        yield extra.line, (f"second preferred term {extra.text!r} for concept {concept.id!r} in {lang!r} "
                           f"(first: {full[0].text!r}); make one admitted")
    for extra in _regional_extras(abbreviations):
        yield extra.line, (f"second preferred abbreviation {extra.text!r} for concept {concept.id!r} in "
                           f"{lang!r} (first: {abbreviations[0].text!r})")
    seen: dict[tuple[str, str | None], Term] = {}
    for term in terms:
        key = (term_key(term), term.region)
        if key in seen:
            yield term.line, f"term {term.text!r} is listed twice in {lang!r} (first at line {seen[key].line})"
        seen.setdefault(key, term)
        if term.gender is not None:
            allowed = GENDERS.get(lang)
            if allowed is None:
                yield term.line, f"gender is not used for {lang!r} terms (term {term.text!r})"
            elif term.gender not in allowed:
                yield term.line, (f"gender {term.gender!r} is not valid for {lang!r} "
                                  f"(expected one of: {', '.join(allowed)})")


def _regional_extras(preferred: list[Term]) -> list[Term]:
    """Preferred terms beyond one per region (no region = the default, Belgian usage)."""
    extras = []
    regions: set[str | None] = set()
    for term in preferred:
        if term.region in regions:
            extras.append(term)
        regions.add(term.region)
    return extras


def _claimed_twice(glossary: Glossary) -> Iterator[tuple[int, str]]:
    owners: dict[tuple[str, str], list[tuple[Concept, Term]]] = {}
    for concept in glossary:
        for term in concept.all_terms():
            claims = owners.setdefault((term.lang, term_key(term)), [])
            for other_concept, other in claims:
                if other_concept.id == concept.id:
                    continue
                if term.region is not None and other.region is not None and term.region != other.region:
                    continue
                if term.ambiguous and other.ambiguous:
                    continue
                yield term.line, (f"term {term.text!r} ({term.lang}) belongs to concept {concept.id!r} and to "
                                  f"{other_concept.id!r} (line {other.line}); mark both 'ambiguous: true' "
                                  "if that is intended")
                break
            claims.append((concept, term))


def term_key(term: Term) -> str:
    """How two spellings count as the same term: exact when case matters, else case-folded (NFC)."""
    text = unicodedata.normalize("NFC", term.text)
    return text if term.is_case_sensitive else text.casefold()
