"""Import concepts from TBX, CSV or YAML into the curated workspace glossary.

Unknown concepts are added; languages the curated concept lacks are added to it; anything
that would change curated wording is a conflict, reported and skipped unless ``replace``.
The YAML file is edited in place: untouched concepts keep their text and comments, new
concepts are appended, replaced ones are re-serialised (:mod:`glossary.serialize`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from careglot.core.errors import InputError
from careglot.core.fsutil import atomic_write
from glossary.loader import load_glossary, load_glossary_text
from glossary.model import Concept, Glossary
from glossary.serialize import concept_data, dump_concepts, dump_glossary
from glossary.validate import find_problems, term_key


@dataclass
class ImportReport:
    """What an import did (or, with conflicts and no ``replace``, refused to do)."""

    added: list[str] = field(default_factory=list)
    extended: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    written: bool = False

    def lines(self, target: str) -> list[str]:
        out = [f"added {ident}" for ident in self.added]
        out += [f"extended {ident} (new languages)" for ident in self.extended]
        out += [f"replaced {ident}" for ident in self.replaced]
        out += [f"conflict: {text}" for text in self.conflicts]
        summary = (f"{len(self.added)} added, {len(self.extended)} extended, {len(self.replaced)} replaced, "
                   f"{len(self.unchanged)} unchanged, {len(self.conflicts)} conflicts")
        if self.conflicts and not self.replaced:
            summary += " (curated entries kept; --replace to overwrite them)"
        out.append(f"{target}: {summary}" + ("" if self.written else "; nothing written"))
        return out


def load_import_file(path: Path, source_lang: str, target_lang: str | None) -> Glossary:
    """A TBX, YAML or Weblate CSV file as a Glossary."""
    if path.suffix.lower() == ".csv":
        from glossary.csvio import read_weblate_csv

        if target_lang is None:
            raise InputError("a CSV glossary holds one language pair: name the target language with --lang", path)
        return read_weblate_csv(path, source_lang, target_lang)
    return load_glossary(path)


def merge(curated: Glossary, incoming: Glossary, replace: bool) -> tuple[list[Concept], ImportReport]:
    """The merged concept list and a report; ``curated`` is not modified."""
    report = ImportReport()
    merged = list(curated.concepts)
    position = {concept.id: index for index, concept in enumerate(merged)}
    owners = {(t.lang, term_key(t)): c.id for c in curated for t in c.all_terms() if not t.ambiguous}
    for concept in incoming:
        if concept.id in position:
            _merge_same_id(merged, position[concept.id], concept, replace, report)
            continue
        claimed = {owners[(t.lang, term_key(t))] for t in concept.all_terms() if (t.lang, term_key(t)) in owners}
        if not claimed:
            position[concept.id] = len(merged)
            merged.append(concept)
            report.added.append(concept.id)
        elif replace and len(claimed) == 1:
            owner = claimed.pop()
            concept.id = owner
            merged[position[owner]] = concept
            report.replaced.append(owner)
        else:
            report.conflicts.append(f"imported concept {concept.id!r} uses terms of curated concept(s) "
                                    f"{', '.join(sorted(claimed))}")
    return merged, report


def _merge_same_id(merged: list[Concept], index: int, concept: Concept, replace: bool,
                   report: ImportReport) -> None:
    current = merged[index]
    if concept_data(current) == concept_data(concept):
        report.unchanged.append(concept.id)
        return
    if replace:
        merged[index] = concept
        report.replaced.append(concept.id)
        return
    new_langs = [lang for lang in concept.terms if lang not in current.terms]
    current_terms, new_terms = concept_data(current)["terms"], concept_data(concept)["terms"]
    clashing = [lang for lang in new_terms if lang in current_terms and current_terms[lang] != new_terms[lang]]
    if new_langs:
        extended = Concept(id=current.id, terms=dict(current.terms), definition=dict(current.definition),
                           notes=dict(current.notes), sources=list(current.sources), domain=current.domain,
                           line=current.line)
        for lang in new_langs:
            extended.terms[lang] = concept.terms[lang]
            if lang in concept.definition and lang not in extended.definition:
                extended.definition[lang] = concept.definition[lang]
        merged[index] = extended
        report.extended.append(concept.id)
    if clashing or not new_langs:
        where = f" in {', '.join(clashing)}" if clashing else ""
        report.conflicts.append(f"concept {concept.id!r} differs from the curated entry{where}")


def import_into_workspace(glossary_path: Path, import_path: Path, *, replace: bool, source_lang: str,
                          target_lang: str | None, dry_run: bool = False) -> ImportReport:
    """Merge ``import_path`` into the workspace glossary file and write it (atomically)."""
    incoming = load_import_file(import_path, source_lang, target_lang)
    problems = find_problems(incoming)
    if problems:
        raise problems[0]
    curated = load_glossary(glossary_path)
    merged, report = merge(curated, incoming, replace)
    changed = report.added or report.extended or report.replaced
    if changed and not dry_run:
        atomic_write(glossary_path, updated_text(glossary_path, curated, merged))
        report.written = True
    return report


def updated_text(path: Path, curated: Glossary, merged: list[Concept]) -> str:
    """The new file text: spliced into the curated text when possible, else fully re-serialised."""
    result = Glossary(merged, path)
    if path.suffix.lower() in (".tbx", ".xml"):
        from glossary.tbx import write_tbx

        return write_tbx(result, version=3 if b"<tbx" in path.read_bytes()[:4096] else 2).decode("utf-8")
    text = path.read_text(encoding="utf-8")
    spliced = _splice(text, curated, merged)
    if spliced is not None and _same(spliced, path, merged):
        return spliced
    return dump_glossary(result)


def _same(text: str, path: str | os.PathLike[str], merged: list[Concept]) -> bool:
    try:
        reloaded = load_glossary_text(text, path)
    except InputError:
        return False
    return [concept_data(c) for c in reloaded] == [concept_data(c) for c in merged]


def _splice(text: str, curated: Glossary, merged: list[Concept]) -> str | None:
    if not curated.concepts:
        return None
    lines = text.splitlines(keepends=True)
    starts = [concept.line - 1 for concept in curated]
    first = lines[starts[0]]
    indent = len(first) - len(first.lstrip())
    if not first.lstrip().startswith("- "):
        return None
    ends = [_block_end(lines, start, nxt) for start, nxt in zip(starts, [*starts[1:], len(lines)], strict=True)]
    by_id = {c.id: c for c in merged}
    for index in reversed(range(len(curated.concepts))):
        old = curated.concepts[index]
        new = by_id.get(old.id)
        if new is not None and concept_data(new) != concept_data(old):
            lines[starts[index]:ends[index]] = [dump_concepts([new], indent)]
    known = {c.id for c in curated}
    added = [c for c in merged if c.id not in known]
    if added:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(dump_concepts(added, indent))
    return "".join(lines)


def _block_end(lines: list[str], start: int, next_start: int) -> int:
    """End of a concept's lines, leaving comments and blank lines before the next concept to it."""
    end = next_start
    while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end
