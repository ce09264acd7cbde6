"""Print findings: GNU ``path:line: severity: [check-id] message`` lines or the binding JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from check.registry import ERROR, WARNING, Check, Finding
from check.runner import CatalogReport


def summary(reports: Sequence[CatalogReport]) -> dict[str, Any]:
    """Counts over all checked catalogs (the JSON ``summary``)."""
    findings = [f for report in reports for f in report.findings]
    severities = Counter(f.severity for f in findings)
    return {
        "catalogs": len(reports),
        "entries": sum(r.entries for r in reports),
        "translated": sum(r.translated for r in reports),
        "fuzzy": sum(r.fuzzy for r in reports),
        "untranslated": sum(r.untranslated for r in reports),
        "errors": severities[ERROR],
        "warnings": severities[WARNING],
        "by_check": dict(sorted(Counter(f.check for f in findings).items())),
    }


def has_errors(reports: Sequence[CatalogReport]) -> bool:
    return any(f.severity == ERROR for report in reports for f in report.findings)


def format_text(reports: Sequence[CatalogReport]) -> str:
    """One line per finding, then a one-line summary."""
    lines = [f"{f.path}:{f.line}: {f.severity}: [{f.check}] {f.message}" for r in reports for f in r.findings]
    total = summary(reports)
    lines.append(f"{total['catalogs']} catalog{'s' if total['catalogs'] != 1 else ''}, {total['entries']} entries "
                 f"({total['translated']} translated, {total['fuzzy']} fuzzy, {total['untranslated']} untranslated): "
                 f"{total['errors']} error{'s' if total['errors'] != 1 else ''}, "
                 f"{total['warnings']} warning{'s' if total['warnings'] != 1 else ''}")
    return "\n".join(lines)


def format_json(reports: Sequence[CatalogReport]) -> str:
    """``{"findings": [...], "summary": {...}}``, one finding per line.

    Each finding is encoded on its own by the json module's C encoder (``indent`` would
    switch the whole document to the pure-Python one: seconds for 100,000 findings).
    """
    findings = [json.dumps({name: getattr(f, name) for name in _FINDING_FIELDS}, ensure_ascii=False)
                for report in reports for f in report.findings]
    listed = "[\n    " + ",\n    ".join(findings) + "\n  ]" if findings else "[]"
    return f'{{\n  "findings": {listed},\n  "summary": {json.dumps(summary(reports), ensure_ascii=False)}\n}}'


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


def format_check_list(checks: Sequence[Check]) -> str:
    """The ``--list`` table: id, severity, description."""
    width = max(len(c.id) for c in checks)
    return "\n".join(f"{c.id:<{width}}  {c.severity:<7}  {c.description}" for c in checks)
