"""Compile catalogs to ``.mo`` files: translated entries only, fuzzy ones never by default."""

from __future__ import annotations

from pathlib import Path

import polib

from careglot.core.fsutil import atomic_write


def compile_catalog(catalog: polib.POFile, mo_path: Path, *, use_fuzzy: bool = False) -> int:
    """Write the ``.mo`` of ``catalog``; returns the number of messages compiled."""
    compiled = polib.POFile()
    compiled.metadata = dict(catalog.metadata)
    count = 0
    for entry in catalog:
        if entry.obsolete or not _complete(entry) or (entry.fuzzy and not use_fuzzy):
            continue
        compiled.append(polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr=entry.msgstr,
                                      msgid_plural=entry.msgid_plural,
                                      msgstr_plural=dict(entry.msgstr_plural)))
        count += 1
    atomic_write(mo_path, compiled.to_binary())
    return count


def _complete(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)
