"""Weblate glossary CSV: one language pair per file.

Weblate reads CSV through Translate Toolkit, with these fields (Weblate docs,
``docs/formats/csv.rst``): ``location, source, target, id, fuzzy, context,
translator_comments, developer_comments``, either named in a header or, headerless, in that
order; its "simple CSV" is two columns, source and target, without a header. careglot writes
``source, target, context, developer_comments, translator_comments``: one row per concept for
the preferred full forms (context = concept id) and one for the preferred abbreviations
(context = ``<id>:abbreviation``). The source-language definition goes to
``developer_comments``, which Weblate shows as the *source string description* (Weblate's
"explanation" is read from TBX only, ``docs/formats.rst``, format-explanation); the target
term's usage note goes to ``translator_comments``. CSV has no statuses: admitted, deprecated
and forbidden terms travel only in TBX, and an import never deletes them. All three CSV
forms are read back; ``fuzzy`` rows (Weblate's "needs editing") are skipped and logged.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

from careglot.core.errors import InputError
from glossary.importlog import ImportLog
from glossary.model import CONCEPT_ID, Concept, Glossary, Term

COLUMNS = ("source", "target", "context", "developer_comments", "translator_comments")
WEBLATE_FIELDS = ("location", "source", "target", "id", "fuzzy", "context", "translator_comments",
                  "developer_comments")
# Header names Translate Toolkit's CSV reader also accepts for a field.
_ALIASES = {"original": "source", "untranslated": "source", "translated": "target", "translation": "target",
            "identified": "id", "key": "id", "comment": "translator_comments", "comments": "translator_comments",
            "explanation": "developer_comments", "description": "developer_comments"}
ABBREVIATION_CONTEXT = ":abbreviation"
MAX_CSV_BYTES = 32 * 1024 * 1024


def write_weblate_csv(glossary: Glossary, source_lang: str, target_lang: str) -> str:
    """The ``source_lang`` -> ``target_lang`` pairs of ``glossary`` as Weblate CSV text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for concept in glossary:
        pairs = ((concept.preferred(source_lang), concept.preferred(target_lang), concept.id),
                 (concept.abbreviation(source_lang), concept.abbreviation(target_lang),
                  concept.id + ABBREVIATION_CONTEXT))
        for source, target, context in pairs:
            if source is None or target is None:
                continue
            writer.writerow((source.text, target.text, context, concept.definition.get(source_lang, ""),
                             target.note or ""))
    return out.getvalue()


def read_weblate_csv(path: str | os.PathLike[str], source_lang: str, target_lang: str,
                     log: ImportLog | None = None) -> Glossary:
    """Read a Weblate CSV (with header, headerless, or simple two-column) into concepts.

    Without ``log`` a row without source or target is an error; with one it is skipped and logged.
    """
    file = Path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("file not found", path) from exc
    if len(raw) > MAX_CSV_BYTES:
        raise InputError(f"CSV file is larger than {MAX_CSV_BYTES // (1024 * 1024)} MiB", path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("CSV is not valid UTF-8", path, raw[: exc.start].count(b"\n") + 1) from exc
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return Glossary([], file)
    columns, first_line = _columns(rows[0])
    concepts: dict[str, Concept] = {}
    for number, row in enumerate(rows[first_line - 1:], first_line):
        record = dict(zip(columns, row, strict=False))
        source, target = record.get("source", "").strip(), record.get("target", "").strip()
        if not source or not target:
            if log is None:
                raise InputError("CSV row needs both a source and a target term", path, number)
            if any(cell.strip() for cell in row):
                log.skip("row without source or target", "row without a source or a target term", path, number)
            continue
        if record.get("fuzzy", "").strip().lower() in ("true", "1", "yes", "fuzzy"):
            if log is not None:
                log.skip("needs editing", f"{target!r} is marked fuzzy (needs editing)", path, number)
            continue
        _add_row(concepts, record, number, source_lang, target_lang, source, target)
    return Glossary(list(concepts.values()), file)


def _columns(first: list[str]) -> tuple[list[str], int]:
    """The field of each column, and the line where the rows start."""
    header = [_ALIASES.get(cell.strip().lower(), cell.strip().lower()) for cell in first]
    if "source" in header and "target" in header:
        return header, 2
    if len(first) == len(WEBLATE_FIELDS):
        return list(WEBLATE_FIELDS), 1
    return ["source", "target"], 1


def _add_row(concepts: dict[str, Concept], record: dict[str, str], number: int, source_lang: str,
             target_lang: str, source: str, target: str) -> None:
    context = record.get("context", "").strip()
    abbreviation = context.endswith(ABBREVIATION_CONTEXT)
    ident = _concept_id(context.removesuffix(ABBREVIATION_CONTEXT) or source)
    concept = concepts.setdefault(ident, Concept(id=ident, line=number))
    kind = "abbreviation" if abbreviation else "full-form"
    for lang, text_, note in ((source_lang, source, None),
                              (target_lang, target, record.get("translator_comments", "").strip() or None)):
        terms = concept.terms.setdefault(lang, [])
        concept.lang_lines.setdefault(lang, number)
        status = "admitted" if any(t.type == kind and t.status == "preferred" for t in terms) else "preferred"
        if all(t.text != text_ for t in terms):
            terms.append(Term(text=text_, lang=lang, type=kind, status=status, note=note, line=number))
    explanation = record.get("developer_comments", "").strip()
    if explanation:
        concept.definition.setdefault(source_lang, explanation)


def _concept_id(text: str) -> str:
    if CONCEPT_ID.match(text):
        return text
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "concept"
