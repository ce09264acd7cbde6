"""Glossary checks: the approved term for every concept, nothing deprecated, forbidden or foreign.

Terms are found with :class:`glossary.matching.TermMatcher` (inflection-tolerant, longest
match first), so a check never sees "stem cell" inside "stem cell transplantation".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from check.context import ABBREVIATED, RIVAL, CheckContext, Unit
from check.registry import ERROR, NO_PROBLEMS, WARNING, Problem, check
from glossary.matching import TermMatch
from glossary.model import Concept, Term


def _wording(concept: Concept, lang: str) -> str:
    preferred = concept.preferred(lang) or next((t for t in concept.terms_in(lang) if t.accepted), None)
    return f"'{preferred.text}'" if preferred else "an approved term"


@check("glossary-missing", ERROR, needs="missing-terms")
def glossary_missing(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """A concept's source term is in the msgid but none of its preferred or admitted terms is in the msgstr."""
    if not unit.lacks_target_terms():
        return NO_PROBLEMS
    present = unit.target_concepts()
    by_span: dict[tuple[int, int], list[TermMatch]] = defaultdict(list)
    for match in unit.source_terms():
        by_span[(match.start, match.end)].append(match)
    problems: list[Problem] = []
    reported: set[str] = set()
    for matches in by_span.values():
        if any(m.concept_id in present for m in matches):
            continue  # an ambiguous source term is satisfied by any of its concepts
        for match in matches:
            concept = context.concepts.get(match.concept_id)
            if concept is None or concept.id in reported or not any(t.accepted for t in concept.terms_in(context.lang)):
                continue  # no target wording in the glossary: nothing to enforce
            reported.add(concept.id)
            problems.append((f"'{match.surface}' ({concept.id}) should be translated with "
                             f"{_wording(concept, context.lang)}", concept.id))
            break
    return problems or NO_PROBLEMS


def described_concept(msgctxt: str | None) -> str | None:
    """The concept a glossary message defines or annotates (``concept.ahsct.note`` -> ``ahsct``)."""
    if not msgctxt or not msgctxt.startswith("concept."):
        return None
    return msgctxt[len("concept."):].rsplit(".", 1)[0]


def _used_terms(unit: Unit) -> list[TermMatch]:
    """The msgstr's terms, except those of the concept the message itself describes: a glossary
    note that says "not 'zorgverzekeraar' in Belgium" names that term, it does not use it."""
    matches = unit.target_terms()
    described = described_concept(unit.entry.msgctxt)
    if described is None:
        return matches
    return [m for m in matches if m.concept_id != described]


def _unwanted(unit: Unit, status: str) -> list[TermMatch]:
    matches = unit.target_terms()
    accepted_spans = {(m.start, m.end) for m in matches if m.term.accepted}
    return [m for m in _used_terms(unit) if m.term.status == status and (m.start, m.end) not in accepted_spans]


def _advice(context: CheckContext, match: TermMatch) -> str:
    concept = context.concepts.get(match.concept_id)
    return f"; use {_wording(concept, context.lang)}" if concept else ""


@check("glossary-deprecated", WARNING, needs="unwanted-terms")
def glossary_deprecated(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """The msgstr uses a term the glossary marks deprecated."""
    if not unit.target_terms():
        return NO_PROBLEMS
    return [(f"'{m.surface}' is deprecated for {m.concept_id}{_advice(context, m)}", m.concept_id)
            for m in _unwanted(unit, "deprecated")] or NO_PROBLEMS


@check("glossary-forbidden", ERROR, needs="unwanted-terms")
def glossary_forbidden(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """The msgstr uses a term the glossary marks forbidden."""
    if not unit.target_terms():
        return NO_PROBLEMS
    return [(f"'{m.surface}' is forbidden for {m.concept_id}{_advice(context, m)}", m.concept_id)
            for m in _unwanted(unit, "forbidden")] or NO_PROBLEMS


def _has_local_term(context: CheckContext, concept_id: str, region: str) -> bool:
    concept = context.concepts.get(concept_id)
    return concept is not None and any(t.accepted and (t.region is None or t.region.upper() == region)
                                       for t in concept.terms_in(context.lang))


@check("glossary-region", WARNING, needs="unwanted-terms")
def glossary_region(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """The msgstr uses a term marked for another region than the catalog's (nl-NL wording in nl_BE)."""
    region = context.region
    if region is None or not unit.target_terms():
        return NO_PROBLEMS
    return [(f"'{m.surface}' is {context.lang}-{m.term.region} usage for {m.concept_id}, not "
             f"{context.lang}-{region}{_advice(context, m)}", m.concept_id)
            for m in _used_terms(unit) if m.term.region and m.term.region.upper() != region
            and _has_local_term(context, m.concept_id, region)] or NO_PROBLEMS


def _rival_forms(unit: Unit, context: CheckContext) -> list[TermMatch]:
    """Accepted full forms of concepts that have more than one, as used (see ``_used_terms``); a term
    shared by several concepts is left out: which concept a text means by it cannot be told."""
    rivals = context.rival_terms
    return [m for m in _used_terms(unit) if id(m.term) in rivals and not m.term.ambiguous]


@check("glossary-inconsistent", WARNING, catalog_wide=True)
def glossary_inconsistent(units: Sequence[Unit], context: CheckContext) -> Sequence[tuple[Unit, Problem]]:
    """One concept is rendered with different admitted terms across the catalog (shared terms aside)."""
    usage: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[tuple[str, str], Term] = {}
    if not context.rival_terms:
        return ()
    rival_units = [unit for unit in units if unit.marks & RIVAL]
    for unit in rival_units:
        for match in _rival_forms(unit, context):
            usage[match.concept_id][match.term.text] += 1
            first.setdefault((match.concept_id, match.term.text), match.term)
    mixed = {cid: counts for cid, counts in usage.items() if len(counts) > 1}
    if not mixed:
        return ()
    majority = {cid: max(counts, key=lambda text: (counts[text], first[(cid, text)].status == "preferred"))
                for cid, counts in mixed.items()}
    found: list[tuple[Unit, Problem]] = []
    for unit in rival_units:
        for match in _rival_forms(unit, context):
            main = majority.get(match.concept_id)
            if main is not None and match.term.text != main:
                count = mixed[match.concept_id][main]
                found.append((unit, (f"'{match.surface}' used for {match.concept_id}, but '{main}' in {count} "
                                     f"other entr{'y' if count == 1 else 'ies'} of this catalog", match.concept_id)))
    return found


NOT_LEAFLETS = ("ui.", "concept.")  # interface strings and the glossary site's catalog


def leaflet_of(msgctxt: str | None) -> str | None:
    """The leaflet id a message context belongs to (``ahsct-ms.before.x`` -> ``ahsct-ms``)."""
    if not msgctxt or msgctxt.startswith(NOT_LEAFLETS):
        return None
    return msgctxt.split(".", 1)[0]


@check("abbreviation-first-use", WARNING, catalog_wide=True)
def abbreviation_first_use(units: Sequence[Unit], context: CheckContext) -> Sequence[tuple[Unit, Problem]]:
    """An abbreviation appears in a leaflet before its full form has (catalog order of msgctxt)."""
    introduced: set[tuple[str, str]] = set()
    reported: set[tuple[str, str]] = set()
    found: list[tuple[Unit, Problem]] = []
    for unit in units:
        if not unit.marks & ABBREVIATED:
            continue  # only concepts with an abbreviation matter
        leaflet = leaflet_of(unit.entry.msgctxt)
        if leaflet is None:
            continue
        for match in unit.target_terms():
            key = (leaflet, match.concept_id)
            if not match.term.accepted or key in introduced:
                continue
            if match.term.type != "abbreviation":
                introduced.add(key)
            elif key not in reported:
                reported.add(key)
                concept = context.concepts.get(match.concept_id)
                full = concept.preferred(context.lang) if concept else None
                if full is None:
                    continue  # an abbreviation without full form cannot be introduced
                found.append((unit, (f"abbreviation '{match.surface}' is used in leaflet {leaflet} before its "
                                     f"full form '{full.text}'", match.concept_id)))
    return found
