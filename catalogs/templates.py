"""Build translation templates: ``glossary.pot`` here, and the pieces ``leaflets.pot`` is made of.

Every message carries its stable id as msgctxt, a ``#:`` reference to the YAML line it
comes from, and ``#.`` notes for the translator: the statement's category and source, and
one ``glossary:`` hint per concept the English text mentions, naming the term the
translator must use (and the ones to avoid). Templates carry the English terms;
:func:`localise_hints` rewrites the hints of a language's catalog for that language. The
leaflets template is built in :mod:`render.leaflet_template`, from these pieces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import polib

from careglot.core.locales import base_language, territory
from catalogs.pofile import POCatalog
from glossary.matching import TermMatcher
from glossary.model import Concept, Glossary, Term

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


def glossary_template(glossary: Glossary, root: Path, source_lang: str = "en") -> POCatalog:
    """The definition and the note of every concept, in the source language."""
    catalog = new_template("careglot glossary")
    hints = TermHints(glossary, source_lang)
    where = relative_path(glossary.path, root) if glossary.path else "glossary.yaml"
    for concept in glossary:
        own = hints.hint(concept, concept.preferred(source_lang))
        for kind, texts in (("definition", concept.definition), ("note", concept.notes)):
            text = texts.get(source_lang)
            if not text:
                continue
            notes = [f"{kind} of the concept '{concept.id}'" + (f" ({concept.domain})" if concept.domain else "")]
            found = [line for line in hints.comments(text) if line != own]
            catalog.append(template_entry(f"concept.{concept.id}.{kind}", text, where, concept.line,
                                  [*notes, *([own] if own else []), *found]))
    return catalog


def localise_hints(catalog: polib.POFile, glossary: Glossary, locale: str, source_lang: str = "en") -> int:
    """Rewrite the ``glossary:`` hints of ``catalog`` for ``locale``; returns entries changed."""
    hints = TermHints(glossary, source_lang, target=locale)
    changed = 0
    for entry in catalog:
        if entry.obsolete:
            continue
        lines = entry.comment.split("\n") if entry.comment else []
        kept = [line for line in lines if not line.startswith(HINT_PREFIX)]
        if len(kept) == len(lines):
            continue
        concept_hints = _concept_own_hint(entry, glossary, hints)
        text = "\n".join([*kept, *concept_hints, *(h for h in hints.comments(entry.msgid) if h not in concept_hints)])
        if text != entry.comment:
            entry.comment = text
            changed += 1
    return changed


def _concept_own_hint(entry: polib.POEntry, glossary: Glossary, hints: TermHints) -> list[str]:
    """A glossary definition names its own concept even when the text does not."""
    context = entry.msgctxt or ""
    if not context.startswith("concept."):
        return []
    concept = glossary.get(context.split(".")[1])
    hint = hints.hint(concept, concept.preferred(hints.source)) if concept is not None else None
    return [hint] if hint else []


class TermHints:
    """``glossary:`` hint lines for the concepts a source-language text mentions."""

    def __init__(self, glossary: Glossary, source: str, target: str | None = None) -> None:
        self.glossary = glossary
        self.source = source
        self.target = target or source
        self.lang, self.region = base_language(self.target), territory(self.target) or ""
        self.matcher = TermMatcher.build(glossary, source)

    def comments(self, text: str) -> list[str]:
        seen: dict[str, str] = {}
        for match in self.matcher.find(text):
            if match.concept_id not in seen:
                # A term shared by several concepts: say which concept each hint is for.
                seen[match.concept_id] = f"{match.surface} ({match.concept_id})" if match.term.ambiguous \
                    else match.surface
        result = []
        for concept_id, surface in seen.items():
            concept = self.glossary.get(concept_id)
            hint = self.hint(concept, None, surface) if concept is not None else None
            if hint:
                result.append(hint)
        return result

    def hint(self, concept: Concept, source_term: Term | None, surface: str | None = None) -> str | None:
        shown = surface or (source_term.text if source_term else concept.id)
        terms = [t for t in concept.terms_in(self.lang) if t.region in (None, self.region or None)]
        preferred = next((t for t in terms if t.status == "preferred" and t.type != "abbreviation"), None)
        abbreviation = next((t for t in terms if t.status == "preferred" and t.type == "abbreviation"), None)
        if preferred is None and abbreviation is None:
            return None
        use = preferred.text if preferred else ""
        if abbreviation is not None:
            use = f"{use} ({abbreviation.text})" if use else abbreviation.text
        avoid = _unique(t.text for t in terms if t.status in _AVOID)
        line = f"{HINT_PREFIX}{shown} → {self.target}: {use}"
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
