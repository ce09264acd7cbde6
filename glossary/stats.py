"""Figures about a glossary: concepts, terms per language and status, gaps."""

from __future__ import annotations

from typing import Any

from glossary.model import STATUSES, Glossary


def glossary_stats(glossary: Glossary, languages: list[str]) -> dict[str, Any]:
    """Counts for ``careglot glossary stats`` (also its ``--json`` output)."""
    all_langs = list(dict.fromkeys([*languages, *glossary.languages]))
    per_language: dict[str, dict[str, int]] = {
        lang: {"terms": 0, **dict.fromkeys(STATUSES, 0), "definitions": 0} for lang in all_langs}
    types: dict[str, int] = {}
    for concept in glossary:
        for term in concept.all_terms():
            counts = per_language[term.lang]
            counts["terms"] += 1
            counts[term.status] += 1
            types[term.type] = types.get(term.type, 0) + 1
        for lang in concept.definition:
            per_language.setdefault(lang, {"terms": 0, **dict.fromkeys(STATUSES, 0), "definitions": 0})
            per_language[lang]["definitions"] += 1
    missing = {lang: [c.id for c in glossary if lang not in c.terms] for lang in languages}
    return {
        "concepts": len(glossary),
        "terms": sum(counts["terms"] for counts in per_language.values()),
        "languages": per_language,
        "types": types,
        "missing": {lang: ids for lang, ids in missing.items() if ids},
        "without_definition": {lang: [c.id for c in glossary if lang not in c.definition] for lang in languages
                               if any(lang not in c.definition for c in glossary)},
    }


def stats_text(figures: dict[str, Any], name: str) -> str:
    """A readable table of :func:`glossary_stats` figures."""
    lines = [f"{name}: {figures['concepts']} concepts, {figures['terms']} terms"]
    header = f"  {'lang':<5}{'terms':>7}" + "".join(f"{s:>12}" for s in STATUSES) + f"{'definitions':>13}"
    lines.append(header)
    for lang, counts in figures["languages"].items():
        lines.append(f"  {lang:<5}{counts['terms']:>7}" + "".join(f"{counts[s]:>12}" for s in STATUSES)
                     + f"{counts['definitions']:>13}")
    types = ", ".join(f"{kind} {count}" for kind, count in sorted(figures["types"].items()))
    lines.append(f"  term types: {types or 'none'}")
    for lang, ids in figures["missing"].items():
        lines.append(f"  missing {lang} ({len(ids)}): {', '.join(ids)}")
    for lang, ids in figures["without_definition"].items():
        lines.append(f"  no {lang} definition ({len(ids)}): {', '.join(ids)}")
    if not figures["missing"]:
        lines.append("  every concept has terms in every target language")
    return "\n".join(lines)
