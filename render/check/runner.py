"""Run the registered checks over the entries of a polib catalog.

Untranslated entries are counted (and reported by ``untranslated``) but get no other check;
fuzzy entries get every check and their findings say so. A translator comment
``# careglot-ignore: ID[, ID ...]`` silences those checks for that entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress

import polib

from glossary.errors import UsageError
from render.catalogs.pofile import paused_gc
from render.check.context import UNWANTED, CheckContext, Unit
from render.check.registry import Check, Finding, all_checks

_IGNORE = re.compile(r"careglot-ignore:\s*([\w\-]+(?:\s*,\s*[\w\-]+)*)")
_FUZZY_NOTE = " (fuzzy entry)"


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


# When a check declaring ``needs`` can find something at all (see the registry).
_CONDITIONS: dict[str, Callable[[Unit], object]] = {
    "missing-terms": Unit.lacks_target_terms,
    "unwanted-terms": lambda unit: unit.marks & UNWANTED,
    "fuzzy": lambda unit: unit.fuzzy,
    "identical": lambda unit: unit.source == unit.target,
}
# What the units meeting a condition will be asked for, fetched for all of them at once.
_PREPARE: dict[str, Callable[[CheckContext, Sequence[Unit]], None]] = {
    "missing-terms": CheckContext.match_source_terms,
}


class _Candidates:
    """The units each check has to look at, from its ``triggers`` and ``needs``.

    Which units contain which trigger characters is found for all units at once: the texts
    are joined, encoded as UTF-8, and everything but the trigger bytes is deleted with
    ``bytes.translate`` (C speed); what is left is split back into one piece per unit.
    A non-ASCII trigger counts as present where any byte of its UTF-8 form is, so a unit
    may be looked at needlessly but never skipped wrongly.
    """

    def __init__(self, units: Sequence[Unit], checks: Sequence[Check], context: CheckContext) -> None:
        self.units = units
        self.context = context
        triggers = "".join(sorted({char for chk in checks for char in chk.triggers or ""}))
        self._signature = b""
        self._by_triggers: dict[str, list[Unit]] = {}
        if triggers and units:
            data = "\x00".join(map("\x01".join, ((unit.source, unit.target) for unit in units))).encode()
            self._signature = data.translate(None, _all_bytes_but(triggers + "\x00"))

    def for_check(self, chk: Check) -> Sequence[Unit]:
        units = self._containing(chk.triggers) if chk.triggers else self.units
        if chk.needs is not None:
            units = list(filter(_CONDITIONS[chk.needs], units))
            prepare = _PREPARE.get(chk.needs)
            if prepare is not None:
                prepare(self.context, units)
        return units

    def _containing(self, triggers: str) -> Sequence[Unit]:
        """The units whose msgid or msgstr contains one of ``triggers``."""
        found = self._by_triggers.get(triggers)
        if found is None:
            pieces = self._signature.translate(None, _all_bytes_but(triggers + "\x00")).split(b"\x00")
            # A text with a NUL character splits into more pieces: then look at every unit.
            found = list(compress(self.units, pieces)) if len(pieces) == len(self.units) else list(self.units)
            self._by_triggers[triggers] = found
        return found


def _all_bytes_but(chars: str) -> bytes:
    """Every byte value except those of the UTF-8 forms of ``chars`` (a ``delete`` table)."""
    keep = set(chars.encode())
    return bytes(value for value in range(256) if value not in keep)


def check_catalog(catalog: Iterable[polib.POEntry], path: str, context: CheckContext,
                  checks: Sequence[Check]) -> CatalogReport:
    """Run ``checks`` over every live entry of ``catalog`` (obsolete entries are skipped)."""
    with paused_gc():
        return _check_catalog(catalog, path, context, checks)


def _check_catalog(catalog: Iterable[polib.POEntry], path: str, context: CheckContext,
                   checks: Sequence[Check]) -> CatalogReport:
    report = CatalogReport(path, context.locale)
    per_entry = [c for c in checks if not c.catalog_wide and not c.header and c.id != "untranslated"
                 and (c.languages is None or context.lang in c.languages)]
    untranslated = next((c for c in checks if c.id == "untranslated"), None)
    findings = report.findings
    checked: list[Unit] = []  # the units of the translated and fuzzy entries
    entries = fuzzy_entries = 0
    for entry in catalog:
        if entry.obsolete:
            continue
        entries += 1
        is_fuzzy = "fuzzy" in entry.flags
        if not entry.msgid_plural and entry.msgstr:  # the common case, inlined
            checked.append(Unit(entry, entry.msgid, entry.msgstr, is_fuzzy, context))
            fuzzy_entries += is_fuzzy
            continue
        units = _units(entry, is_fuzzy, context)
        if all(unit.target for unit in units):
            checked.extend(units)
            fuzzy_entries += is_fuzzy
            continue
        report.untranslated += 1
        if untranslated is not None and untranslated.id not in suppressed_ids(entry):
            _report(findings, untranslated, units[0], untranslated.function(units[0], context), path)
    report.entries, report.fuzzy = entries, fuzzy_entries
    report.translated = entries - fuzzy_entries - report.untranslated
    context.match_units(checked)
    candidates = _Candidates(checked, per_entry, context)
    for chk in per_entry:
        function = chk.function
        for unit in candidates.for_check(chk):
            problems = function(unit, context)
            if problems and chk.id not in suppressed_ids(unit.entry):
                _report(findings, chk, unit, problems, path)
    _check_header(catalog, path, context, checks, findings)
    for chk in checks:
        if chk.catalog_wide and (chk.languages is None or context.lang in chk.languages):
            for unit, problem in chk.function(checked, context):
                if chk.id not in suppressed_ids(unit.entry):
                    _report(findings, chk, unit, (problem,), path)
    order = {c.id: index for index, c in enumerate(checks)}
    findings.sort(key=lambda f: (f.line, order.get(f.check, 0)))
    return report


def _check_header(catalog: Iterable[polib.POEntry], path: str, context: CheckContext, checks: Sequence[Check],
                  findings: list[Finding]) -> None:
    """Header checks, reported at the header entry (``msgid ""``)."""
    metadata = getattr(catalog, "metadata", None)
    if not metadata:
        return
    header = getattr(catalog, "header_entry", None)
    line = max(header.linenum or 1, 1) if header is not None else 1
    for chk in checks:
        if chk.header and (chk.languages is None or context.lang in chk.languages):
            findings.extend(Finding(path, line, None, "", chk.id, chk.severity, message)
                            for message in chk.function(metadata, context))


def _report(findings: list[Finding], chk: Check, unit: Unit, problems: Iterable[tuple[str, str | None]],
            path: str) -> None:
    entry = unit.entry
    note = _FUZZY_NOTE if unit.fuzzy and chk.id != "fuzzy" else ""
    form = f" (plural form {unit.plural_index})" if unit.plural_index else ""
    for message, concept in problems:
        findings.append(Finding(path, entry.linenum, entry.msgctxt, entry.msgid, chk.id, chk.severity,
                                message + form + note, concept))
