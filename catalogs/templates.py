"""Build translation templates: ``glossary.pot`` here, and the pieces ``leaflets.pot`` is made of.

Every message carries its stable id as msgctxt, a ``#:`` reference to the YAML line it
comes from, and ``#.`` notes for the translator: the statement's category and source, and
``glossary:`` hints for the concepts the English text mentions, one line per target locale,
naming the term that locale's translator must use (and the ones to avoid). ``#.`` comments
belong to the template in gettext: GNU msgmerge, and every tool built on it (Poedit, Weblate,
Lokalize), copies them from the template into each catalog. So the template carries the
hints of every target locale, the catalogs carry exactly the template's comments, and a merge
by any of those tools gives every translator the right hint. The leaflets template is built
in :mod:`render.leaflet_template`, from these pieces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

import polib

from careglot.core.locales import base_language, territory
from catalogs.pofile import POCatalog
from glossary.matching import TermMatcher
from glossary.model import Concept, Glossary

HINT_PREFIX = "glossary: "
_AVOID = ("deprecated", "forbidden")


def new_template(project: str, now: dt.datetime | None = None) -> POCatalog:
    """An empty template with the header GNU xgettext writes."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M%z")
    catalog = POCatalog()
    catalog.header = ("Translation template for careglot.\n"
                      "Generated: edit the leaflets or the glossary, then run 'careglot catalog extract'.")
    catalog.metadata = {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": stamp,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    return catalog


def glossary_template(glossary: Glossary, root: Path, source_lang: str = "en",
                      target_locales: Sequence[str] = ()) -> POCatalog:
    """The definition and the note of every concept, in the source language.

    A definition names its own concept first (even when the text does not use the term),
    then the other concepts it mentions.
    """
    catalog = new_template("careglot glossary")
    hints = TermHints(glossary, source_lang, target_locales)
    where = relative_path(glossary.path, root) if glossary.path else "glossary.yaml"
    for concept in glossary:
        own = hints.concept_hints(concept, None)
        for kind, texts in (("definition", concept.definition), ("note", concept.notes)):
            text = texts.get(source_lang)
            if not text:
                continue
            notes = [f"{kind} of the concept '{concept.id}'" + (f" ({concept.domain})" if concept.domain else "")]
            catalog.append(template_entry(f"concept.{concept.id}.{kind}", text, where, concept.line,
                                          [*notes, *own, *hints.comments(text, skip=concept.id)]))
    return catalog


class TermHints:
    """``glossary:`` hint lines, one per target locale, for the concepts a source-language text mentions."""

    def __init__(self, glossary: Glossary, source: str, targets: Sequence[str] = ()) -> None:
        self.glossary = glossary
        self.source = source
        self.targets = list(targets) or [source]
        self.matcher = TermMatcher.build(glossary, source)

    def comments(self, text: str, skip: str | None = None) -> list[str]:
        seen: dict[str, str] = {}
        for match in self.matcher.find(text):
            if match.concept_id not in seen and match.concept_id != skip:
                # A term shared by several concepts: say which concept each hint is for.
                seen[match.concept_id] = f"{match.surface} ({match.concept_id})" if match.term.ambiguous \
                    else match.surface
        result = []
        for concept_id, surface in seen.items():
            concept = self.glossary.get(concept_id)
            if concept is not None:
                result += self.concept_hints(concept, surface)
        return result

    def concept_hints(self, concept: Concept, surface: str | None) -> list[str]:
        """The hint of every target locale that has a term for ``concept``."""
        source_term = concept.preferred(self.source)
        shown = surface or (source_term.text if source_term else concept.id)
        hints = (self.hint(concept, shown, locale) for locale in self.targets)
        return [hint for hint in hints if hint]

    @staticmethod
    def hint(concept: Concept, shown: str, locale: str) -> str | None:
        lang, region = base_language(locale), territory(locale) or None
        terms = [t for t in concept.terms_in(lang) if t.region in (None, region)]
        preferred = next((t for t in terms if t.status == "preferred" and t.type != "abbreviation"), None)
        abbreviation = next((t for t in terms if t.status == "preferred" and t.type == "abbreviation"), None)
        if preferred is None and abbreviation is None:
            return None
        use = preferred.text if preferred else ""
        if abbreviation is not None:
            use = f"{use} ({abbreviation.text})" if use else abbreviation.text
        avoid = _unique(t.text for t in terms if t.status in _AVOID)
        line = f"{HINT_PREFIX}{shown} → {locale}: {use}"
        return line + (f"; not: {', '.join(avoid)}" if avoid else "")


def _unique(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def template_entry(msgctxt: str, msgid: str, file: str, line: int | None, comments: list[str]) -> polib.POEntry:
    """One template message with its ``#:`` reference and ``#.`` notes."""
    occurrence = (file, str(line) if line else "")
    return polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgstr="", occurrences=[occurrence],
                         comment="\n".join(comments))


def relative_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` (POSIX style) when inside it, as ``#:`` references show it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
