"""Check a rendered leaflet the way a reader and an accessibility audit would see it.

The HTML is parsed back (with the project's safe parser) and must show: the page language
on ``<html>``, exactly one ``h1``, headings that never skip a level, the sections and
statements in the leaflet's order, and nothing that runs or loads: no script, no inline
event handler, no ``javascript:`` link, no external resource.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from careglot.core.errors import CareglotError
from careglot.core.xmlsafe import parse_html_document
from render.page import Page

_LOADS = ("script", "iframe", "object", "embed", "img", "link", "video", "audio", "source")


class ConsistencyError(CareglotError):
    """A rendered leaflet differs in structure from its definition or from its other locales."""


@dataclass(frozen=True)
class Outline:
    """What a rendered page shows: its language, headings, sections and anything active."""

    lang: str | None
    headings: list[tuple[int, str]]
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    risky: list[str]


def outline(html: str) -> Outline:
    """Parse ``html`` back into its :class:`Outline`."""
    root = parse_html_document(html.encode("utf-8"), "<rendered leaflet>")
    headings = [(int(element.tag[1]), element.text_content().strip())
                for element in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    sections = tuple((str(section.get("data-section")),
                      tuple(str(p.get("data-statement")) for p in section.iter() if p.get("data-statement")))
                     for section in root.iter("section") if section.get("data-section"))
    risky = [element.tag for element in root.iter(*_LOADS)]
    risky += [f"{element.tag}@{name}" for element in root.iter() if isinstance(element.tag, str)
              for name, value in element.attrib.items()
              if name.startswith("on") or value.strip().lower().startswith("javascript:")]
    return Outline(root.get("lang"), headings, sections, risky)


def check_structure(html: str, page: Page) -> None:
    """Raise :class:`ConsistencyError` unless the rendered ``html`` is what ``page`` describes."""
    seen = outline(html)
    where = f"{page.locale}/{page.leaflet_id}.html"
    levels = [level for level, _text in seen.headings]
    problems = []
    if seen.lang != page.lang_tag:
        problems.append(f"lang is {seen.lang!r}, expected {page.lang_tag!r}")
    if levels.count(1) != 1 or (levels and levels[0] != 1):
        problems.append("the page must start with exactly one h1")
    if any(after > before + 1 for before, after in pairwise(levels)):
        problems.append("a heading level is skipped")
    if seen.sections != page.structure():
        problems.append("sections or statements differ from the leaflet definition")
    if seen.risky:
        problems.append(f"active or external content: {', '.join(seen.risky)}")
    if problems:
        raise ConsistencyError(f"{where}: {'; '.join(problems)}")
