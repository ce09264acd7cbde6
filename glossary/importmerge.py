"""Merge imported concepts into the curated ones, language by language.

An import touches only the languages the imported concept has: a French-German file never
changes Dutch. Per language, a language the curated concept lacks is added ("extended");
different wording is a conflict, kept as curated unless ``replace``, and then only that
language's terms, definition and note are replaced. ``partial`` imports (CSV: one preferred
term per row, no statuses) compare term by term: a row whose term the curated language
already has as preferred is unchanged, and ``replace`` makes the row's term preferred and the
previous preferred one admitted, so nothing is deleted. Curated concepts the file does not
contain are deleted only with ``prune``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from glossary.model import Concept, Glossary, Term
from glossary.serialize import concept_data
from glossary.validate import term_key


@dataclass
class ImportReport:
    """What an import did (or, with conflicts and no ``replace``, refused to do)."""

    added: list[str] = field(default_factory=list)
    extended: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.extended or self.replaced or self.pruned)


@dataclass
class _Outcome:
    """Per imported concept: what happened to each of its languages."""

    extended: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def merge(curated: Glossary, incoming: Glossary, *, replace: bool, partial: bool = False,
          prune: bool = False) -> tuple[list[Concept], ImportReport]:
    """The merged concept list and a report; neither glossary is modified."""
    report = ImportReport()
    merged = [copy.deepcopy(concept) for concept in curated]
    position = {concept.id: index for index, concept in enumerate(merged)}
    owners = {(t.lang, term_key(t)): c.id for c in curated for t in c.all_terms() if not t.ambiguous}
    source_owners = _source_owners(curated) if partial else {}
    seen: set[str] = set()
    for concept in incoming:
        target = concept.id if concept.id in position else source_owners.get(_first_key(concept))
        if target is not None:
            seen.add(target)
            _record(report, target, _merge_concept(merged[position[target]], concept, replace, partial))
            continue
        claimed = {owners[(t.lang, term_key(t))] for t in concept.all_terms() if (t.lang, term_key(t)) in owners}
        if claimed:
            seen.update(claimed)
            report.conflicts.append(f"imported concept {concept.id!r} uses terms of curated concept(s) "
                                    f"{', '.join(sorted(claimed))}")
            continue
        position[concept.id] = len(merged)
        merged.append(copy.deepcopy(concept))
        report.added.append(concept.id)
    if prune:
        report.pruned = [c.id for c in curated if c.id not in seen]
        merged = [c for c in merged if c.id not in report.pruned]
    return merged, report


def _source_owners(curated: Glossary) -> dict[tuple[str, str], str]:
    """CSV rows without a concept id: the curated concept whose term the source column names."""
    owners: dict[tuple[str, str], str] = {}
    for concept in curated:
        for term in concept.all_terms():
            owners.setdefault((term.lang, term_key(term)), concept.id)
    return owners


def _first_key(concept: Concept) -> tuple[str, str] | None:
    first = next(concept.all_terms(), None)
    return (first.lang, term_key(first)) if first is not None else None


def _record(report: ImportReport, ident: str, outcome: _Outcome) -> None:
    report.conflicts += outcome.conflicts
    if outcome.replaced:
        report.replaced.append(ident)
    elif outcome.extended:
        report.extended.append(ident)
    elif not outcome.conflicts:
        report.unchanged.append(ident)


def _merge_concept(current: Concept, concept: Concept, replace: bool, partial: bool) -> _Outcome:
    """Merge ``concept`` into ``current`` (a copy owned by the merge) in place."""
    outcome = _Outcome()
    for lang, terms in concept.terms.items():
        if lang not in current.terms:
            current.terms[lang] = copy.deepcopy(terms)
            outcome.extended.append(lang)
        elif partial:
            _merge_partial(current, lang, terms, replace, outcome)
        elif concept_data(_only(current, lang))["terms"] != concept_data(_only(concept, lang))["terms"]:
            _differs(outcome, replace, current.id, lang)
            if replace:
                current.terms[lang] = copy.deepcopy(terms)
    for label, theirs, ours in (("definition", concept.definition, current.definition),
                                ("note", concept.notes, current.notes)):
        for lang, text in theirs.items():
            if lang not in ours:
                ours[lang] = text
                outcome.extended.append(f"{label} {lang}")
            elif ours[lang] != text:
                _differs(outcome, replace, current.id, f"{label} {lang}")
                if replace:
                    ours[lang] = text
    if not partial:
        _merge_concept_fields(current, concept, replace, outcome)
    return outcome


def _merge_concept_fields(current: Concept, concept: Concept, replace: bool, outcome: _Outcome) -> None:
    if concept.domain and concept.domain != current.domain:
        if current.domain is None:
            current.domain = concept.domain
            outcome.extended.append("domain")
        else:
            _differs(outcome, replace, current.id, "domain")
            if replace:
                current.domain = concept.domain
    new_sources = [source for source in concept.sources if source not in current.sources]
    if new_sources:
        current.sources += new_sources
        outcome.extended.append("sources")


def _merge_partial(current: Concept, lang: str, terms: list[Term], replace: bool, outcome: _Outcome) -> None:
    mine = current.terms[lang]
    for term in terms:
        existing = next((t for t in mine if term_key(t) == term_key(term) and t.region == term.region), None)
        if existing is not None and existing.status == term.status and existing.type == term.type:
            continue
        _differs(outcome, replace, current.id, lang)
        if not replace:
            return
        for other in mine:
            if other.status == "preferred" and (other.type == "abbreviation") == (term.type == "abbreviation") \
                    and other.region == term.region and other is not existing:
                other.status = "admitted"
        if existing is None:
            mine.insert(0, copy.deepcopy(term))
        else:
            existing.status, existing.type = term.status, term.type


def _differs(outcome: _Outcome, replace: bool, ident: str, what: str) -> None:
    if replace:
        outcome.replaced.append(what)
    else:
        outcome.conflicts.append(f"concept {ident!r} differs from the curated entry in {what}")


def _only(concept: Concept, lang: str) -> Concept:
    return Concept(id=concept.id, terms={lang: concept.terms[lang]})
