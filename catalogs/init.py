"""Create a new language catalog with the header GNU msginit would write.

Its Plural-Forms is the rule the workspace's other catalogs of the same language already
use (so every domain of a language agrees), otherwise GNU msginit's rule for the language.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polib

from careglot.core.errors import InputError, UsageError
from careglot.core.locales import cldr_locale
from catalogs.plurals import PluralFormsError, PluralRule, default_rule, parse_plural_forms
from catalogs.pofile import POCatalog, load_catalog


def catalog_path(locales_dir: Path, locale: str, domain: str) -> Path:
    return locales_dir / locale / "LC_MESSAGES" / f"{domain}.po"


def workspace_plural_rule(locales_dir: Path, locale: str) -> PluralRule | None:
    """The Plural-Forms that the workspace's catalogs of ``locale``'s language use, if any.

    Catalogs of the same locale come first, then other locales of the language
    (``fr_FR`` for a new ``fr_BE``); a catalog that cannot be read is left out.
    """
    language = locale.partition("@")[0].partition("_")[0]
    candidates = sorted(locales_dir.glob("*/LC_MESSAGES/*.po"),
                        key=lambda path: (path.parent.parent.name != locale, str(path)))
    for path in candidates:
        folder = path.parent.parent.name
        if folder.partition("@")[0].partition("_")[0] != language:
            continue
        try:
            plural_forms = load_catalog(path, occurrences=False).metadata.get("Plural-Forms")
            if plural_forms:
                return parse_plural_forms(plural_forms)
        except (InputError, PluralFormsError, OSError):
            continue
    return None


def plural_rule_for(locales_dir: Path, locale: str) -> PluralRule:
    """The rule a new catalog of ``locale`` gets (see the module docstring)."""
    return workspace_plural_rule(locales_dir, locale) or default_rule(locale)


def language_name(locale: str) -> str | None:
    """The English name of ``locale``'s language, or None when CLDR does not know it."""
    known = cldr_locale(locale)
    return known.english_name if known is not None else None


def new_catalog(template: polib.POFile, locale: str, domain: str, plural: PluralRule,
                now: dt.datetime | None = None) -> POCatalog:
    """A catalog for ``locale`` with every template message untranslated."""
    name = language_name(locale) or locale
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
        "Plural-Forms": plural.header(),
    }
    for ref in template:
        if ref.obsolete:
            continue
        entry = polib.POEntry(msgctxt=ref.msgctxt, msgid=ref.msgid, msgid_plural=ref.msgid_plural,
                              comment=ref.comment, occurrences=list(ref.occurrences),
                              flags=[flag for flag in ref.flags if flag != "fuzzy"])
        if ref.msgid_plural:
            entry.msgstr_plural = {index: "" for index in range(plural.nplurals)}
        catalog.append(entry)
    return catalog


def refuse_existing(path: Path) -> None:
    if path.exists():
        raise UsageError(f"{path} already exists; use 'careglot catalog update' to bring it up to date")
