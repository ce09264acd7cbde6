"""Run the registered checks over the entries of a polib catalog.

Untranslated entries are counted (and reported by ``untranslated``) but get no other check;
fuzzy entries get every check and their findings say so. A translator comment
``# careglot-ignore: ID[, ID ...]`` silences those checks for that entry.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

import polib

from glossary.errors import UsageError
from render.catalogs.pofile import paused_gc
from render.check.context import UNWANTED, CheckContext, Unit
from render.check.registry import NEEDS, Check, Finding, all_checks

_IGNORE = re.compile(r"careglot-ignore:\s*([\w\-]+(?:\s*,\s*[\w\-]+)*)")
_FUZZY_NOTE = " (fuzzy entry)"
_SEPARATOR = "\x00"  # joins the texts for the trigger scan; never a trigger


@dataclass
class CatalogReport:
    """What checking one catalog found and counted."""

    path: str
    locale: str
    entries: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    findings: list[Finding] = field(default_factory=list)


def select_checks(disabled: Iterable[str] = ()) -> list[Check]:
    """Every check except the ``disabled`` ids (an unknown id is a usage error)."""
    checks = all_checks()
    known = {c.id for c in checks}
    wanted = {item.strip() for item in disabled if item.strip()}
    unknown = sorted(wanted - known)
    if unknown:
        raise UsageError(f"unknown check id {', '.join(unknown)} (see 'careglot check --list')")
    return [c for c in checks if c.id not in wanted]


def suppressed_ids(entry: polib.POEntry) -> frozenset[str]:
    """Check ids silenced by ``# careglot-ignore: ID, ...`` translator comments of ``entry``."""
    comment = entry.tcomment
    if not comment or "careglot-ignore" not in comment:
        return frozenset()
    return frozenset(part.strip() for found in _IGNORE.findall(comment) for part in found.split(","))


def _units(entry: polib.POEntry, fuzzy: bool, context: CheckContext) -> list[Unit]:
    if not entry.msgid_plural:
        return [Unit(entry, entry.msgid, entry.msgstr, fuzzy, context)]
    return [Unit(entry, entry.msgid if index == 0 else entry.msgid_plural, text, fuzzy, context, index)
            for index, text in sorted(entry.msgstr_plural.items())]


_Key = tuple["frozenset[str] | None", bool, bool, bool, bool, bool]


class _Plan:
    """Which checks to call for a unit, from what it contains (see ``triggers``/``needs``)."""

    def __init__(self, checks: Sequence[Check]) -> None:
        self.checks = checks
        chars = "".join(sorted({char for c in checks for char in c.triggers or ""}))
        self.gate = re.compile(f"[{re.escape(chars)}]+") if chars else None
        self._plans: dict[_Key, list[Check]] = {}

    def triggered(self, units: Sequence[Unit]) -> dict[int, frozenset[str]]:
        """Unit index -> the trigger characters in its msgid or msgstr, in one regex pass."""
        if self.gate is None:
            return {}
        texts = [text for unit in units for text in (unit.source, unit.target)]
        bounds = list(accumulate(len(text) + 1 for text in texts))
        found: dict[int, set[str]] = {}
        for match in self.gate.finditer(_SEPARATOR.join(texts)):
            found.setdefault(bisect_right(bounds, match.start()) // 2, set()).update(match.group())
        return {index: frozenset(chars) for index, chars in found.items()}

    def for_unit(self, chars: frozenset[str] | None, unit: Unit) -> list[Check]:
        # Any target term: accepted ones are in _target_concepts, the others are all marked UNWANTED.
        key = (chars, bool(unit._source_terms), bool(unit._target_concepts or unit._target_terms),
               bool(unit.marks & UNWANTED), unit.fuzzy, unit.source == unit.target)
        plan = self._plans.get(key)
        if plan is None:
            have = dict(zip(NEEDS, key[1:], strict=True))
            plan = self._plans[key] = [c for c in self.checks
                                       if (not c.triggers or (chars is not None and not chars.isdisjoint(c.triggers)))
                                       and (c.needs is None or have[c.needs])]
        return plan


def check_catalog(catalog: Iterable[polib.POEntry], path: str, context: CheckContext,
                  checks: Sequence[Check]) -> CatalogReport:
    """Run ``checks`` over every live entry of ``catalog`` (obsolete entries are skipped)."""
    with paused_gc():
        return _check_catalog(catalog, path, context, checks)


def _check_catalog(catalog: Iterable[polib.POEntry], path: str, context: CheckContext,
                   checks: Sequence[Check]) -> CatalogReport:
    report = CatalogReport(path, context.locale)
    per_entry = [c for c in checks if not c.catalog_wide and c.id != "untranslated"
                 and (c.languages is None or context.lang in c.languages)]
    untranslated = next((c for c in checks if c.id == "untranslated"), None)
    findings = report.findings
    translated: list[tuple[polib.POEntry, list[Unit]]] = []
    for entry in catalog:
        if entry.obsolete:
            continue
        report.entries += 1
        is_fuzzy = "fuzzy" in entry.flags
        units = _units(entry, is_fuzzy, context)
        if not all(unit.target for unit in units):
            report.untranslated += 1
            if untranslated is not None and untranslated.id not in suppressed_ids(entry):
                _report(findings, untranslated, units[0], untranslated.function(units[0], context), path)
            continue
        if is_fuzzy:
            report.fuzzy += 1
        else:
            report.translated += 1
        translated.append((entry, units))
    checked = [unit for _, units in translated for unit in units]
    context.match_units(checked)
    plan = _Plan(per_entry)
    triggered = plan.triggered(checked).get
    index = 0
    for entry, units in translated:
        silenced = suppressed_ids(entry)
        for unit in units:
            for chk in plan.for_unit(triggered(index), unit):
                problems = chk.function(unit, context)
                if problems and chk.id not in silenced:
                    _report(findings, chk, unit, problems, path)
            index += 1
    for chk in checks:
        if chk.catalog_wide and (chk.languages is None or context.lang in chk.languages):
            for unit, problem in chk.function(checked, context):
                if chk.id not in suppressed_ids(unit.entry):
                    _report(findings, chk, unit, (problem,), path)
    order = {c.id: index for index, c in enumerate(checks)}
    findings.sort(key=lambda f: (f.line, order.get(f.check, 0)))
    return report


def _report(findings: list[Finding], chk: Check, unit: Unit, problems: Iterable[tuple[str, str | None]],
            path: str) -> None:
    entry = unit.entry
    note = _FUZZY_NOTE if unit.fuzzy and chk.id != "fuzzy" else ""
    form = f" (plural form {unit.plural_index})" if unit.plural_index else ""
    for message, concept in problems:
        findings.append(Finding(path, entry.linenum, entry.msgctxt, entry.msgid, chk.id, chk.severity,
                                message + form + note, concept))
