"""Import concepts from TBX, CSV or YAML into the curated workspace glossary.

The file is read leniently (:mod:`glossary.importlog`, :mod:`glossary.tidy`), merged language
by language (:mod:`glossary.importmerge`), and the result is checked with the validator
before anything is written, so an import never leaves a glossary that ``glossary validate``
refuses. The YAML file is edited in place: untouched concepts keep their text and comments,
new concepts are appended, changed ones are re-serialised (:mod:`glossary.serialize`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from careglot.core.errors import InputError
from careglot.core.fsutil import atomic_write
from glossary.importlog import ImportLog
from glossary.importmerge import ImportReport, merge
from glossary.loader import load_glossary, load_glossary_text, looks_like_tbx
from glossary.model import Concept, Glossary
from glossary.serialize import concept_data, dump_concepts, dump_glossary
from glossary.tidy import tidy_import
from glossary.validate import find_problems, validate_glossary


@dataclass
class ImportResult:
    """An import's report (concepts) and log (data items kept elsewhere, changed or skipped)."""

    report: ImportReport
    log: ImportLog
    dry_run: bool = False

    def lines(self, target: str) -> list[str]:
        report = self.report
        out = [f"added {ident}" for ident in report.added]
        out += [f"extended {ident} (new languages or fields)" for ident in report.extended]
        out += [f"replaced {ident}" for ident in report.replaced]
        out += [f"{'would prune' if self.dry_run else 'pruned'} {ident}" for ident in report.pruned]
        out += [f"matched: {text}" for text in report.matched]
        out += [f"homonym: {text}" for text in report.homonyms]
        out += [f"conflict: {text}" for text in report.conflicts]
        out += [f"skipped concept: {text}" for text in report.skipped]
        out += self.log.lines()
        summary = (f"{len(report.added)} added, {len(report.extended)} extended, {len(report.replaced)} replaced, "
                   f"{len(report.unchanged)} unchanged, {len(report.conflicts)} conflicts, "
                   f"{len(report.skipped)} concepts skipped")
        if report.pruned:
            summary += f", {len(report.pruned)} pruned"
        kept, changed, skipped = (len(self.log.of(action)) for action in ("kept", "changed", "skipped"))
        if kept or changed or skipped:
            summary += f"; data: {kept} kept as notes, {changed} adjusted, {skipped} skipped"
            if skipped:
                summary += f" ({self.log.reasons('skipped')})"
        if report.conflicts and not report.replaced:
            summary += " (curated entries kept; --replace to overwrite them)"
        return [*out, f"{target}: {summary}" + ("" if report.written else "; nothing written")]


def load_import_file(path: Path, source_lang: str, target_lang: str | None, log: ImportLog) -> Glossary:
    """A TBX, YAML or Weblate CSV file as a Glossary; what it cannot hold goes to ``log``."""
    if path.suffix.lower() == ".csv":
        from glossary.csvio import read_weblate_csv

        if target_lang is None:
            raise InputError("a CSV glossary holds one language pair: name the target language with --lang", path)
        return read_weblate_csv(path, source_lang, target_lang, log)
    if looks_like_tbx(path):
        from glossary.tbx import read_tbx

        return read_tbx(path, log)
    return load_glossary(path)


def import_into_workspace(glossary_path: Path, import_path: Path, *, replace: bool, source_lang: str,
                          target_lang: str | None, dry_run: bool = False, prune: bool = False,
                          strict: bool = False, target_langs: Sequence[str] = ()) -> ImportResult:
    """Merge ``import_path`` into the workspace glossary file and write it (atomically).

    Lenient unless ``strict``: what the file holds that careglot cannot is logged and left
    out, never the whole file. Either way the written glossary passes ``glossary validate``:
    an imported concept that would make it fail is left out and reported.
    """
    log = ImportLog(strict=strict)
    incoming = load_import_file(import_path, source_lang, target_lang, log)
    if strict:
        validate_glossary(incoming, strict=True)  # the file alone: homonyms, unknown codes refuse it
    else:
        incoming = tidy_import(incoming, log)
    curated = load_glossary(glossary_path)
    validate_glossary(curated, target_langs)
    merged, report = merge(curated, incoming, replace=replace, partial=import_path.suffix.lower() == ".csv",
                           prune=prune)
    text = _valid_text(glossary_path, curated, incoming, merged, report, target_langs, strict)
    if report.changed and not dry_run:
        atomic_write(glossary_path, text)
        report.written = True
    return ImportResult(report, log, dry_run)


def _valid_text(path: Path, curated: Glossary, incoming: Glossary, merged: list[Concept], report: ImportReport,
                target_langs: Sequence[str], strict: bool) -> str:
    """The new file text, with imported concepts that would make it invalid taken out again."""
    originals = {concept.id: concept for concept in curated}
    for _ in range(len(incoming) + 1):
        text = updated_text(path, curated, merged)
        problems = find_problems(_reload(text, path), target_langs)
        if not problems:
            return text
        if strict:
            raise problems[0]
        culprits = _culprits(text, path, problems, report)
        for ident, message in culprits.items():
            _revert(merged, ident, originals.get(ident), report)
            report.skipped.append(f"{ident!r}: {message}")
    raise problems[0]


def _reload(text: str, path: Path) -> Glossary:
    if path.suffix.lower() in (".tbx", ".xml"):
        from glossary.tbx import read_tbx_bytes

        return read_tbx_bytes(text.encode("utf-8"), path)
    return load_glossary_text(text, path)


def _culprits(text: str, path: Path, problems: list[InputError], report: ImportReport) -> dict[str, str]:
    """The imported concepts that the problems are in (by line), with the first problem of each."""
    touched = {*report.added, *report.extended, *report.replaced, *report.marked}
    starts = sorted((concept.line, concept.id) for concept in _reload(text, path))
    culprits: dict[str, str] = {}
    for problem in problems:
        owner = next((ident for line, ident in reversed(starts) if line <= (problem.line or 0)), None)
        if owner in touched:
            culprits.setdefault(owner, problem.message)
    if not culprits:
        raise problems[0]
    return culprits


def _revert(merged: list[Concept], ident: str, original: Concept | None, report: ImportReport) -> None:
    index = next(i for i, concept in enumerate(merged) if concept.id == ident)
    if original is None:
        del merged[index]
    else:
        merged[index] = original
    for bucket in (report.added, report.extended, report.replaced, report.marked):
        if ident in bucket:
            bucket.remove(ident)


def updated_text(path: Path, curated: Glossary, merged: list[Concept]) -> str:
    """The new file text: spliced into the curated text when possible, else fully re-serialised."""
    result = Glossary(merged, path)
    if path.suffix.lower() in (".tbx", ".xml"):
        from glossary.tbxwrite import write_tbx

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
