"""Write glossary objects back as human-readable YAML in a stable key order.

Concept keys: id, domain, definition, notes, sources, terms. Term keys: term, type, status,
region, case_sensitive, pos, gender, note, source, ambiguous; unset optional fields are
left out. Languages and terms keep their order. Lists are indented under their key, as
people write them by hand.
"""

from __future__ import annotations

from typing import Any

import yaml

from glossary.model import Concept, Glossary, Term

HEADER = "# Concept-oriented glossary; format: docs/glossary.md\n"


class _Dumper(yaml.SafeDumper):
    """SafeDumper that indents block sequences under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def term_data(term: Term) -> dict[str, Any]:
    data: dict[str, Any] = {"term": term.text, "type": term.type, "status": term.status}
    for key in ("region", "case_sensitive", "pos", "gender", "note", "source"):
        value = getattr(term, key)
        if value is not None:
            data[key] = value
    if term.ambiguous:
        data["ambiguous"] = True
    return data


def language_order(concept: Concept) -> list[str]:
    """Languages in a stable order: those with terms first (as listed), then the rest."""
    return list(dict.fromkeys([*concept.terms, *concept.definition, *concept.notes]))


def concept_data(concept: Concept) -> dict[str, Any]:
    data: dict[str, Any] = {"id": concept.id}
    if concept.domain is not None:
        data["domain"] = concept.domain
    order = language_order(concept)
    if concept.definition:
        data["definition"] = {lang: concept.definition[lang] for lang in order if lang in concept.definition}
    if concept.notes:
        data["notes"] = {lang: concept.notes[lang] for lang in order if lang in concept.notes}
    if concept.sources:
        data["sources"] = list(concept.sources)
    data["terms"] = {lang: [term_data(t) for t in terms] for lang, terms in concept.terms.items()}
    return data


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=4096)


def dump_glossary(glossary: Glossary) -> str:
    """The whole glossary as YAML text, with a one-line header comment."""
    return HEADER + dump({"concepts": [concept_data(c) for c in glossary]})


def dump_concepts(concepts: list[Concept], indent: int) -> str:
    """Concepts as YAML list items indented by ``indent`` spaces (to splice into a file)."""
    text = dump([concept_data(c) for c in concepts])
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))
