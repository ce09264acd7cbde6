"""Merge imported concepts into the curated ones, language by language.

An import touches only the languages the imported concept has: a French-German file never
changes Dutch. Per language, a language the curated concept lacks is added ("extended");
different wording is a conflict, kept as curated unless ``replace``, and then only that
language's terms, definition and note are replaced. ``partial`` imports (CSV: one preferred
term per row, no statuses) compare term by term: a row whose term the curated language
already has as preferred is unchanged (a CSV row without a concept id is matched by its
terms), and ``replace`` makes the row's term preferred and the
previous preferred one admitted, so nothing is deleted. Curated concepts the file does not
contain are deleted only with ``prune``.

An imported concept with another id is the curated concept that shares a term with it in
every language both have, if exactly one does; otherwise a concept that shares terms with
curated ones is a homonym: added, and the shared terms are marked ambiguous on both sides.
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
    matched: list[str] = field(default_factory=list)
    homonyms: list[str] = field(default_factory=list)
    marked: list[str] = field(default_factory=list)  # curated concepts whose shared terms became ambiguous
    written: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.extended or self.replaced or self.pruned or self.marked)


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
    owners: dict[tuple[str, str], list[str]] = {}
    for curated_concept in curated:
        for term in curated_concept.all_terms():
            claims = owners.setdefault((term.lang, term_key(term)), [])
            if curated_concept.id not in claims:
                claims.append(curated_concept.id)
    seen: set[str] = set()
    for concept in incoming:
        claimed = list(dict.fromkeys(ident for t in concept.all_terms() for ident in owners.get(_key(t), [])))
        target = concept.id if concept.id in position else _same_concept(concept, claimed, merged, position,
                                                                          partial)
        if target is not None:
            if target != concept.id:
                report.matched.append(f"{concept.id!r} is curated concept {target!r} (same terms)")
            seen.add(target)
            _record(report, target, _merge_concept(merged[position[target]], concept, replace, partial))
            continue
        added = copy.deepcopy(concept)
        if claimed:
            _mark_homonyms(added, claimed, merged, position, report)
        position[concept.id] = len(merged)
        merged.append(added)
        report.added.append(concept.id)
    if prune:
        report.pruned = [c.id for c in curated if c.id not in seen]
        merged = [c for c in merged if c.id not in report.pruned]
    return merged, report


def _key(term: Term) -> tuple[str, str]:
    return term.lang, term_key(term)


def _same_concept(concept: Concept, claimed: list[str], merged: list[Concept], position: dict[str, int],
                  partial: bool) -> str | None:
    """The one curated concept that shares a term with ``concept`` in every language both have.

    A CSV row (``partial``) names its concept by the source term alone: its target is the
    translation under review.
    """
    consistent = []
    for ident in claimed:
        other = merged[position[ident]]
        common = [lang for lang in concept.terms if lang in other.terms][:1 if partial else None]
        keys = {_key(t) for t in other.all_terms()}
        if common and all(any(_key(t) in keys for t in concept.terms[lang]) for lang in common):
            consistent.append(ident)
    return consistent[0] if len(consistent) == 1 else None


def _mark_homonyms(concept: Concept, claimed: list[str], merged: list[Concept], position: dict[str, int],
                   report: ImportReport) -> None:
    """A new concept that shares terms with curated ones: a homonym, marked ambiguous on both sides."""
    keys = {_key(t) for t in concept.all_terms()}
    for ident in claimed:
        other = merged[position[ident]]
        shared = [t for t in other.all_terms() if _key(t) in keys]
        for term in shared:
            term.ambiguous = True
        for term in concept.all_terms():
            if any(_key(term) == _key(t) for t in shared):
                term.ambiguous = True
        texts = ", ".join(repr(t.text) for t in shared)
        report.homonyms.append(f"{texts} names curated {ident!r} and imported {concept.id!r}: marked ambiguous")
        if ident not in report.marked:
            report.marked.append(ident)


def _record(report: ImportReport, ident: str, outcome: _Outcome) -> None:
    if outcome.conflicts:
        where = ", ".join(dict.fromkeys(outcome.conflicts))
        report.conflicts.append(f"concept {ident!r} differs from the curated entry in {where}")
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
            _differs(outcome, replace, lang)
            if replace:
                current.terms[lang] = copy.deepcopy(terms)
    for label, theirs, ours in (("definition", concept.definition, current.definition),
                                ("note", concept.notes, current.notes)):
        for lang, text in theirs.items():
            if lang not in ours:
                ours[lang] = text
                outcome.extended.append(f"{label} {lang}")
            elif ours[lang] != text:
                _differs(outcome, replace, f"{label} {lang}")
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
            _differs(outcome, replace, "domain")
            if replace:
                current.domain = concept.domain
    new_sources = [source for source in concept.sources if source not in current.sources]
    if new_sources:
        current.sources += new_sources
        outcome.extended.append("sources")


def _merge_partial(current: Concept, lang: str, terms: list[Term], replace: bool, outcome: _Outcome) -> None:
    mine = current.terms[lang]
    for term in terms:
        # A CSV term has no region: it is the curated term of that spelling, whatever its region.
        existing = next((t for t in mine if term_key(t) == term_key(term)
                         and term.region in (None, t.region)), None)
        if existing is not None and existing.status == term.status and existing.type == term.type:
            continue
        _differs(outcome, replace, lang)
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


def _differs(outcome: _Outcome, replace: bool, what: str) -> None:
    if replace:
        outcome.replaced.append(what)
    else:
        outcome.conflicts.append(what)


def _only(concept: Concept, lang: str) -> Concept:
    return Concept(id=concept.id, terms={lang: concept.terms[lang]})
