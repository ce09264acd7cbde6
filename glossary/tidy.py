"""Make an imported glossary fit careglot's rules without losing what it says.

Other termbases allow what careglot's validator refuses: a concept id used twice, a term
listed twice, two preferred terms, none at all, one term in two concepts (homonyms). Each
fix here is the smallest one that keeps the data, and each is logged with file and line.
"""

from __future__ import annotations

from pathlib import Path

from glossary.importlog import ImportLog
from glossary.model import GENDERS, Concept, Glossary, Term
from glossary.validate import term_key


def tidy_import(glossary: Glossary, log: ImportLog) -> Glossary:
    """``glossary`` with ids made unique, duplicates dropped, statuses and homonyms settled."""
    path = glossary.path
    kept: list[Concept] = []
    ids: set[str] = set()
    for concept in glossary:
        for lang in list(concept.terms):
            concept.terms[lang] = _tidy_language(concept, lang, log, path)
        if not any(concept.terms.values()):
            log.skip("concept without terms", f"concept {concept.id!r} has no terms", path, concept.line)
            continue
        if concept.id in ids:
            new_id = _unique_id(concept.id, ids)
            log.change("duplicate concept id", f"concept id {concept.id!r} is used twice; this one is "
                       f"imported as {new_id!r}", path, concept.line)
            concept.id = new_id
        ids.add(concept.id)
        kept.append(concept)
    _mark_homonyms(kept, log, glossary)
    return Glossary(kept, path)


def _unique_id(ident: str, taken: set[str]) -> str:
    number = 2
    while f"{ident}-{number}" in taken:
        number += 1
    return f"{ident}-{number}"


def _tidy_language(concept: Concept, lang: str, log: ImportLog, path: Path | None) -> list[Term]:
    terms: list[Term] = []
    seen: dict[tuple[str, str | None], Term] = {}
    for term in concept.terms[lang]:
        key = (term_key(term), term.region)
        if key in seen:
            log.skip("duplicate term", f"term {term.text!r} is listed twice in {lang!r} of concept "
                     f"{concept.id!r}", path, term.line)
            continue
        seen[key] = term
        if term.gender is not None and term.gender not in GENDERS.get(lang, ()):
            log.skip("gender", f"gender {term.gender!r} of {term.text!r} is not used for {lang!r}", path, term.line)
            term.gender = None
        terms.append(term)
    for abbreviation in (False, True):
        _one_preferred(concept, lang, [t for t in terms if (t.type == "abbreviation") == abbreviation], log, path)
    return terms


def _one_preferred(concept: Concept, lang: str, terms: list[Term], log: ImportLog, path: Path | None) -> None:
    """Exactly one preferred term per region among ``terms`` (full forms, or abbreviations)."""
    preferred = [t for t in terms if t.status == "preferred"]
    if not preferred and terms and terms[0].type != "abbreviation":
        admitted = next((t for t in terms if t.status == "admitted"), None)
        if admitted is not None:
            admitted.status = "preferred"
            log.change("no preferred term", f"concept {concept.id!r} has no preferred term in {lang!r}; "
                       f"the admitted {admitted.text!r} is taken as preferred", path, admitted.line)
    regions: set[str | None] = set()
    for term in preferred:
        if term.region in regions:
            term.status = "admitted"
            log.change("second preferred term", f"second preferred term {term.text!r} in {lang!r} of concept "
                       f"{concept.id!r} imported as admitted", path, term.line)
        regions.add(term.region)


def _mark_homonyms(concepts: list[Concept], log: ImportLog, glossary: Glossary) -> None:
    """A term naming two imported concepts is a homonym: both are marked ambiguous."""
    owners: dict[tuple[str, str], list[tuple[Concept, Term]]] = {}
    for concept in concepts:
        for term in concept.all_terms():
            owners.setdefault((term.lang, term_key(term)), []).append((concept, term))
    for claims in owners.values():
        if len({concept.id for concept, _ in claims}) < 2:
            continue
        unmarked = [term for _, term in claims if not term.ambiguous]
        for term in unmarked:
            term.ambiguous = True
        if unmarked:
            ids = ", ".join(dict.fromkeys(concept.id for concept, _ in claims))
            log.change("homonym", f"{claims[0][1].text!r} ({claims[0][1].lang}) names concepts {ids}: marked "
                       "ambiguous", glossary.path, claims[0][1].line)
