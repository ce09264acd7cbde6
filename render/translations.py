"""A locale's leaflet translations, read from its compiled catalog.

The build compiles ``locales/<locale>/LC_MESSAGES/leaflets.po`` to a ``.mo`` file (fuzzy
entries are never compiled) and looks messages up in that. The ``.po`` is read as well,
only to say *why* a message is missing (untranslated, fuzzy, or not in the catalog).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import polib

from render.catalogs.compile import compile_catalog
from render.catalogs.pofile import load_catalog

DOMAIN = "leaflets"
UNTRANSLATED, FUZZY, ABSENT = "untranslated", "fuzzy", "not in catalog"


@dataclass(frozen=True)
class Gap:
    """A message a page needs that the compiled catalog does not have."""

    locale: str
    msgctxt: str
    reason: str


def catalog_path(locales_dir: Path, locale: str) -> Path:
    return locales_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


class Translations:
    """Message lookup by (msgctxt, English msgid) in one locale's compiled catalog."""

    def __init__(self, locale: str, messages: dict[tuple[str | None, str], str],
                 states: dict[tuple[str | None, str], str], catalog: polib.POFile | None = None) -> None:
        self.locale = locale
        self.catalog = catalog
        self.messages = messages
        self.states = states
        self.gaps: list[Gap] = []

    @classmethod
    def from_files(cls, locale: str, po_path: Path, mo_path: Path) -> Translations:
        """Compile ``po_path`` to ``mo_path`` and load the result; a missing catalog translates nothing."""
        if not po_path.is_file():
            return cls(locale, {}, {})
        po = load_catalog(po_path)
        compile_catalog(po, mo_path)
        mo = polib.mofile(os.fspath(mo_path))
        messages = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo if entry.msgid}
        states = {(entry.msgctxt, entry.msgid): FUZZY if entry.fuzzy else UNTRANSLATED
                  for entry in po if not entry.obsolete and (entry.fuzzy or not entry.translated())}
        return cls(locale, messages, states, po)

    def lookup(self, context: str, msgid: str) -> str | None:
        """The translation, or None (and the gap recorded) when there is none."""
        found = self.messages.get((context, msgid))
        if found:
            return found
        self.gaps.append(Gap(self.locale, context, self.states.get((context, msgid), ABSENT)))
        return None
