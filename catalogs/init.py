"""Create a new language catalog with the header GNU msginit would write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polib
from babel import Locale
from babel.messages.plurals import get_plural

from careglot.core.errors import UsageError
from careglot.core.locales import has_cldr_data
from catalogs.pofile import POCatalog


def catalog_path(locales_dir: Path, locale: str, domain: str) -> Path:
    return locales_dir / locale / "LC_MESSAGES" / f"{domain}.po"


def new_catalog(template: polib.POFile, locale: str, domain: str,
                now: dt.datetime | None = None) -> POCatalog:
    """A catalog for ``locale`` with every template message untranslated."""
    if not has_cldr_data(locale):
        raise UsageError(f"CLDR has no plural rules for locale {locale!r}; a catalog for it cannot be created")
    plural = get_plural(locale)
    name = Locale.parse(locale).english_name or locale
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M%z")
    catalog = POCatalog()
    catalog.header = f"{name} translation of the careglot {domain} catalog."
    catalog.metadata = {
        "Project-Id-Version": f"careglot {domain}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": template.metadata.get("POT-Creation-Date", stamp),
        "PO-Revision-Date": stamp,
        "Last-Translator": "",
        "Language-Team": name,
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": f"nplurals={plural.num_plurals}; plural={plural.plural_expr};",
    }
    for ref in template:
        if ref.obsolete:
            continue
        entry = polib.POEntry(msgctxt=ref.msgctxt, msgid=ref.msgid, msgid_plural=ref.msgid_plural,
                              comment=ref.comment, occurrences=list(ref.occurrences),
                              flags=[flag for flag in ref.flags if flag != "fuzzy"])
        if ref.msgid_plural:
            entry.msgstr_plural = {index: "" for index in range(plural.num_plurals)}
        catalog.append(entry)
    return catalog


def refuse_existing(path: Path) -> None:
    if path.exists():
        raise UsageError(f"{path} already exists; use 'careglot catalog update' to bring it up to date")
