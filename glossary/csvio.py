"""Weblate glossary CSV: one language pair per file.

Weblate's "CSV file" format takes a header naming the columns (translate-toolkit's
``location, source, target, id, fuzzy, context, translator_comments, developer_comments``);
its "simple CSV" is two columns, source and target, without a header. careglot writes
``source, target, context, developer_comments, translator_comments``: one row per concept
for the preferred full forms (context = concept id) and one for the preferred abbreviations
(context = ``<id>:abbreviation``); the source-language definition goes to
``developer_comments`` (Weblate shows it as the explanation), the target term's usage note
to ``translator_comments``. CSV has no statuses, so admitted, deprecated and forbidden terms
are exported only in TBX. Both CSV forms are read back.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

from careglot.core.errors import InputError
from glossary.model import CONCEPT_ID, Concept, Glossary, Term

COLUMNS = ("source", "target", "context", "developer_comments", "translator_comments")
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


def read_weblate_csv(path: str | os.PathLike[str], source_lang: str, target_lang: str) -> Glossary:
    """Read a Weblate CSV (with header) or simple two-column CSV into concepts."""
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
    header = [cell.strip().lower() for cell in rows[0]]
    if "source" in header and "target" in header:
        columns, body, first_line = header, rows[1:], 2
    else:
        columns, body, first_line = ["source", "target"], rows, 1
    concepts: dict[str, Concept] = {}
    for number, row in enumerate(body, first_line):
        record = dict(zip(columns, row, strict=False))
        source, target = record.get("source", "").strip(), record.get("target", "").strip()
        if not source or not target:
            raise InputError("CSV row needs both a source and a target term", path, number)
        context = record.get("context", "").strip()
        abbreviation = context.endswith(ABBREVIATION_CONTEXT)
        ident = _concept_id(context.removesuffix(ABBREVIATION_CONTEXT) or source)
        concept = concepts.setdefault(ident, Concept(id=ident, line=number))
        kind = "abbreviation" if abbreviation else "full-form"
        for lang, text_, note in ((source_lang, source, None),
                                  (target_lang, target, record.get("translator_comments", "").strip() or None)):
            terms = concept.terms.setdefault(lang, [])
            status = "admitted" if any(t.type == kind and t.status == "preferred" for t in terms) else "preferred"
            if all(t.text != text_ for t in terms):
                terms.append(Term(text=text_, lang=lang, type=kind, status=status, note=note, line=number))
        explanation = (record.get("developer_comments") or record.get("explanation") or "").strip()
        if explanation:
            concept.definition.setdefault(source_lang, explanation)
    return Glossary(list(concepts.values()), file)


def _concept_id(text: str) -> str:
    if CONCEPT_ID.match(text):
        return text
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "concept"
