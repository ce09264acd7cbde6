"""Writers for an :class:`ExtractionResult`: a readable table, JSON and YAML (same shape)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from careglot.core.yamlio import dump_yaml
from extract.pipeline import ExtractionResult

FORMATS = ("table", "json", "yaml")
TABLE_TERMS = 30
_TEXT_WIDTH = 90


def result_data(result: ExtractionResult, used_by: Mapping[str, Sequence[str]] | None = None) -> dict[str, Any]:
    """The binding JSON shape; ``used_by`` (statement id -> leaflet statement ids) adds a key."""
    statements = []
    for st in result.statements:
        row: dict[str, Any] = {"id": st.id, "text": st.text, "lang": st.lang, "category": st.category,
                               "concepts": list(st.concepts), "flags": list(st.flags), "source": st.source,
                               "file": st.file, "line": st.line}
        if used_by is not None:
            row["used_by"] = list(used_by.get(st.id, ()))
        statements.append(row)
    return {
        "abbreviations": [{"short": a.short, "long": a.long, "lang": a.lang, "source": a.source, "file": a.file,
                           "line": a.line, "written": a.written} for a in result.abbreviations],
        "undefined_abbreviations": [{"short": u.short, "lang": u.lang, "source": u.source, "file": u.file,
                                     "line": u.line, "written": u.written} for u in result.undefined_abbreviations],
        "terms": [{"term": t.term, "lemma": t.lemma, "lang": t.lang, "score": t.score, "count": t.count,
                   "sources": list(t.sources), "in_glossary": t.in_glossary, "named_entity": t.named_entity,
                   "forms": [{"form": f.form, "count": f.count, "source": f.source, "file": f.file, "line": f.line}
                             for f in t.forms]} for t in result.terms],
        "statements": statements,
    }


def to_json(result: ExtractionResult, used_by: Mapping[str, Sequence[str]] | None = None) -> str:
    return json.dumps(result_data(result, used_by), ensure_ascii=False, indent=2) + "\n"


def to_yaml(result: ExtractionResult, used_by: Mapping[str, Sequence[str]] | None = None) -> str:
    return dump_yaml(result_data(result, used_by))


def to_table(result: ExtractionResult, used_by: Mapping[str, Sequence[str]] | None = None,
             *, max_terms: int = TABLE_TERMS) -> str:
    """Plain-text sections an editor can scan: abbreviations, gaps, top terms, statements."""
    lines = [f"Abbreviations defined ({len(result.abbreviations)})"]
    lines += _rows([(a.short, a.long, a.source, f"{a.file}:{a.line}") for a in result.abbreviations])
    lines += ["", f"Abbreviations used without a definition ({len(result.undefined_abbreviations)})"]
    lines += _rows([(u.short, u.written, u.source, f"{u.file}:{u.line}") for u in result.undefined_abbreviations])
    shown = result.terms[:max_terms]
    lines += ["", f"Term candidates (top {len(shown)} of {len(result.terms)}; * = already in the glossary,"
                  " NE = named entity)"]
    lines += _rows([(("* " if t.in_glossary else "  ") + t.term, t.lang, "NE" if t.named_entity else "",
                     f"{t.score:.3f}", str(t.count), ",".join(t.sources)) for t in shown])
    used = sum(1 for st in result.statements if used_by and used_by.get(st.id))
    header = f"Statements ({len(result.statements)}" + (f", {used} used by a leaflet)" if used_by else ")")
    lines += ["", header]
    for st in result.statements:
        mark = "U " if used_by and used_by.get(st.id) else "  "
        flags = ",".join(st.flags) or "-"
        lines.append(f"{mark}{st.id}  {st.category:<11} {st.file}:{st.line}  [{flags}]")
        lines.append(f"    {_clip(st.text)}")
    return "\n".join(lines) + "\n"


def _rows(rows: list[tuple[str, ...]]) -> list[str]:
    if not rows:
        return ["  (none)"]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1]
            for row in rows]


def _clip(text: str) -> str:
    return text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…"
