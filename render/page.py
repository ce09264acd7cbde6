"""The leaflet view-model: everything one rendered page shows, already translated.

A :class:`Page` is plain data (text fragments, never markup): the Jinja2 template turns
it into HTML with autoescaping, so a catalog or glossary string can never become markup.
Text is a tuple of :class:`Segment` objects so the template can mark a foreign-language
fragment (``lang``), an abbreviation's first-use expansion, or a missing translation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from babel import Locale
from babel.dates import format_date

from careglot.core.folding import sort_key
from careglot.core.locales import base_language, parse_locale
from glossary.matching import TermMatcher
from glossary.model import Glossary
from render.expansion import expand_first_uses
from render.leaflets import Leaflet

TEXT, EXPANSION, MISSING = "text", "expansion", "missing"


@dataclass(frozen=True)
class Segment:
    """A run of text; ``lang`` (BCP 47) only when it differs from the page's language."""

    text: str
    kind: str = TEXT
    lang: str | None = None


Fragment = tuple[Segment, ...]
# Looks up (msgctxt, English msgid) in the compiled catalog; None when not translated.
Lookup = Callable[[str, str], "str | None"]


@dataclass(frozen=True)
class StatementView:
    id: str
    category: str
    text: Fragment


@dataclass(frozen=True)
class SectionView:
    id: str
    heading: Fragment
    statements: tuple[StatementView, ...]


@dataclass(frozen=True)
class GlossaryEntry:
    concept_id: str
    term: str
    abbreviation: str | None
    definition: Fragment


@dataclass(frozen=True)
class ContactPoint:
    """A Belgian contact point as shown on a page (names may be foreign-language fragments)."""

    id: str
    name: Fragment
    role: str
    url: str


@dataclass(frozen=True)
class LanguageLink:
    """The same leaflet in another locale, named in its own language."""

    label: str
    lang_tag: str
    href: str
    current: bool


@dataclass(frozen=True)
class Page:
    leaflet_id: str
    locale: str
    lang_tag: str
    title: Fragment
    reviewed_iso: str
    reviewed: str
    sections: tuple[SectionView, ...]
    glossary: tuple[GlossaryEntry, ...]
    contacts: tuple[ContactPoint, ...]
    ui: dict[str, Fragment]
    missing: tuple[str, ...]
    languages: tuple[LanguageLink, ...] = ()

    @property
    def label_colon(self) -> str:
        """":" after a label; French typography wants a narrow no-break space before it."""
        return "\u202f:" if base_language(self.locale) == "fr" else ":"

    def structure(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Section ids with their statement ids, in order (what every locale must share)."""
        return tuple((section.id, tuple(s.id for s in section.statements)) for section in self.sections)


def bcp47(locale: str) -> str:
    """``nl_BE`` -> ``nl-BE`` (the form HTML's ``lang`` attribute takes)."""
    return parse_locale(locale).bcp47


def language_links(leaflet_id: str, locales: Sequence[str], current: str) -> tuple[LanguageLink, ...]:
    """Links to ``../<locale>/<leaflet>.html`` for every built locale, labelled by Babel (CLDR)."""
    links = []
    for locale in locales:
        name = Locale.parse(locale).get_display_name(locale) or locale
        links.append(LanguageLink(name[:1].upper() + name[1:], bcp47(locale), f"../{locale}/{leaflet_id}.html",
                                  locale == current))
    return tuple(links)


def plain(fragment: Fragment) -> str:
    """A fragment's text as a reader sees it (missing translations count as nothing)."""
    return "".join(segment.text for segment in fragment if segment.kind != MISSING)


class PageBuilder:
    """Builds the pages of one locale from the catalog lookup, the glossary and contact points."""

    def __init__(self, locale: str, lookup: Lookup, glossary: Glossary, ui_strings: dict[str, str],
                 contacts: Callable[[str], Sequence[ContactPoint]], locales: Sequence[str] = ()) -> None:
        self.locale = locale
        self.locales = locales
        self.lang = base_language(locale)
        self.lookup = lookup
        self.glossary = glossary
        self.ui_strings = ui_strings
        self.contacts = contacts
        self.missing: list[str] = []

    def translate(self, context: str, english: str) -> Fragment:
        found = self.lookup(context, english)
        if found is None:
            self.missing.append(context)
            return (Segment(context, MISSING),)
        return (Segment(found),)

    def page(self, leaflet: Leaflet) -> Page:
        self.missing = []
        ui = {name: self.translate(f"ui.{name}", english) for name, english in self.ui_strings.items()}
        title = self.translate(f"{leaflet.id}.title", leaflet.title)
        sections = []
        texts: list[str | None] = []
        for section in leaflet.sections:
            heading = self.translate(f"{leaflet.id}.{section.id}.heading", section.heading)
            statements = []
            for statement in section.statements:
                text = self.translate(statement.id, statement.text)
                texts.append(None if text[0].kind == MISSING else text[0].text)
                statements.append(StatementView(statement.id, statement.category, text))
            sections.append(SectionView(section.id, heading, tuple(statements)))
        expanded = iter(expand_first_uses(texts, self.glossary, self.lang))
        sections = [SectionView(section.id, section.heading,
                                tuple(StatementView(s.id, s.category, _segments(next(expanded), s.text))
                                      for s in section.statements))
                    for section in sections]
        return Page(leaflet_id=leaflet.id, locale=self.locale, lang_tag=bcp47(self.locale), title=title,
                    reviewed_iso=leaflet.reviewed.isoformat(), reviewed=self.date(leaflet.reviewed),
                    sections=tuple(sections), glossary=self.glossary_box(leaflet), ui=ui,
                    contacts=tuple(self.contacts(leaflet.id)), missing=tuple(self.missing),
                    languages=language_links(leaflet.id, self.locales, self.locale) if len(self.locales) > 1 else ())

    def date(self, day: dt.date) -> str:
        return format_date(day, format="long", locale=self.locale)

    def glossary_box(self, leaflet: Leaflet) -> tuple[GlossaryEntry, ...]:
        """Concepts the leaflet's (English) text uses, in order of first use: the same list in every locale."""
        entries = []
        for concept_id in concepts_used(_english_texts(leaflet), self.glossary, "en"):
            concept = self.glossary.get(concept_id)
            term = concept.preferred(self.lang) if concept else None
            if concept is None or term is None:
                continue
            abbreviation = concept.abbreviation(self.lang)
            definition = concept.definition.get(self.lang)
            entries.append(GlossaryEntry(concept.id, term.text, abbreviation.text if abbreviation else None,
                                         (Segment(definition),) if definition else
                                         (Segment(f"glossary:{concept.id}", MISSING),)))
        return tuple(sorted(entries, key=lambda entry: _sort_key(entry.term)))


def concepts_used(texts: Iterable[str], glossary: Glossary, lang: str) -> list[str]:
    """Concept ids whose accepted terms occur in ``texts``, in order of first occurrence."""
    matcher = TermMatcher.build(glossary, lang)
    seen: dict[str, None] = {}
    for text in texts:
        for match in matcher.find(text):
            if match.term.accepted:
                seen.setdefault(match.concept_id, None)
    return list(seen)


def _sort_key(text: str) -> tuple[str, str]:
    """Dictionary order: accents and case only break ties ("écho" sorts with "e")."""
    return sort_key(text)


def _english_texts(leaflet: Leaflet) -> list[str]:
    return [leaflet.title, *(s.heading for s in leaflet.sections), *(s.text for s in leaflet.statements())]


def _segments(parts: list[tuple[str, bool]] | None, original: Fragment) -> Fragment:
    if parts is None:
        return original
    return tuple(Segment(text, EXPANSION if expansion else TEXT) for text, expansion in parts if text)
