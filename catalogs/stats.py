"""Translation progress of a catalog: what a translator or a release manager asks first."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

import polib

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class CatalogStats:
    """Counts for one catalog (one locale and domain)."""

    locale: str
    domain: str
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    translated_words: int
    total_words: int

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "percent": round(self.percent, 1)}


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def catalog_stats(catalog: polib.POFile, locale: str, domain: str) -> CatalogStats:
    translated = fuzzy = untranslated = obsolete = words = total_words = 0
    for entry in catalog:
        if entry.obsolete:
            obsolete += 1
            continue
        source_words = count_words(entry.msgid)
        total_words += source_words
        if entry.fuzzy and _has_translation(entry):
            fuzzy += 1
        elif entry.translated():
            translated += 1
            words += source_words
        else:
            untranslated += 1
    return CatalogStats(locale, domain, translated + fuzzy + untranslated, translated, fuzzy,
                        untranslated, obsolete, words, total_words)


def _has_translation(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return any(entry.msgstr_plural.values())
    return bool(entry.msgstr)
