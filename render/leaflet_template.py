"""Build ``leaflets.pot``: titles, headings and statements of every leaflet, then the interface strings.

The leaflet model lives in :mod:`render`; the message format (msgctxt ids, ``#:``
references, ``glossary:`` hints) is :mod:`catalogs.templates`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from careglot.core.yamlio import YamlMap, load_yaml
from catalogs.pofile import POCatalog
from catalogs.templates import TermHints, new_template, relative_path, template_entry
from glossary.model import Glossary
from render.leaflets import Leaflet
from render.ui_strings import UI_STRINGS


def leaflets_template(leaflets: Sequence[Leaflet], glossary: Glossary, root: Path,
                      source_lang: str = "en") -> POCatalog:
    """Titles, headings and statements of every leaflet, then the interface strings."""
    catalog = new_template("careglot leaflets")
    hints = TermHints(glossary, source_lang)
    for leaflet in leaflets:
        where = relative_path(leaflet.path, root)
        title_line = _title_line(leaflet.path)
        catalog.append(template_entry(f"{leaflet.id}.title", leaflet.title, where, title_line,
                              ["leaflet title", *hints.comments(leaflet.title)]))
        for section in leaflet.sections:
            catalog.append(template_entry(f"{leaflet.id}.{section.id}.heading", section.heading, where,
                                  section.line, ["section heading", *hints.comments(section.heading)]))
            for statement in section.statements:
                notes = [f"category: {statement.category}"]
                if statement.provenance is not None:
                    notes.append(f"source: {statement.provenance.source}")
                elif statement.editorial:
                    notes.append("source: editorial" + (f" ({statement.reason})" if statement.reason else ""))
                if statement.note:
                    notes.append(f"note: {statement.note}")
                catalog.append(template_entry(statement.id, statement.text, where, statement.line,
                                      [*notes, *hints.comments(statement.text)]))
    for string in UI_STRINGS:
        catalog.append(template_entry(string.msgctxt, string.text, "render/ui_strings.py", None,
                              [f"interface: {string.comment}", *hints.comments(string.text)]))
    return catalog


def _title_line(path: Path) -> int | None:
    data = load_yaml(path)
    return data.value_line("title") if isinstance(data, YamlMap) else None
