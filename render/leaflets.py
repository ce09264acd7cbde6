"""Leaflet definitions (``leaflets/<id>.yaml``): ordered sections of sourced statements.

A leaflet is the English reference text patients read; every statement rests on a quoted
source sentence or an extracted statement, or is marked ``editorial`` with a reason.
Loading validates everything and raises :class:`InputError` with ``file:line``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careglot.core.errors import InputError
from careglot.core.yamlio import YamlList, YamlMap, load_yaml
from render.readability import Readability, readability

CATEGORIES = ("what-it-is", "eligibility", "procedure", "benefit", "risk", "access", "regulation", "advice")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # required, optional
    "leaflet": (("id", "title", "audience", "reviewed", "sources", "sections"), ()),
    "section": (("id", "heading", "statements"), ()),
    "statement": (("id", "text", "category"), ("provenance", "editorial", "reason", "note")),
    "provenance": (("source",), ("quote", "statement")),
}


@dataclass(frozen=True)
class Provenance:
    """Where a statement comes from: a source and a verbatim sentence or an extracted statement id."""

    source: str
    quote: str | None
    statement: str | None
    line: int


@dataclass(frozen=True)
class Statement:
    """One translatable unit of a leaflet; its id is also the catalog msgctxt."""

    id: str
    text: str
    category: str
    provenance: Provenance | None
    editorial: bool
    reason: str | None
    note: str | None
    line: int


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    statements: tuple[Statement, ...]
    line: int


@dataclass(frozen=True)
class Leaflet:
    id: str
    title: str
    audience: str
    reviewed: dt.date
    sources: tuple[str, ...]
    sections: tuple[Section, ...]
    path: Path

    def statements(self) -> Iterator[Statement]:
        for section in self.sections:
            yield from section.statements

    def body_text(self) -> str:
        """The statements' text in reading order (what readability is measured on)."""
        return "\n\n".join(statement.text for statement in self.statements())


def load_leaflet(path: str | os.PathLike[str], known_source_ids: Collection[str]) -> Leaflet:
    """Load and validate one leaflet file."""
    file = Path(path)
    try:
        data = load_yaml(file)
    except ValueError as exc:  # PyYAML's timestamp constructor on impossible dates like 2026-13-01
        raise InputError(f"malformed YAML: {exc}", file) from exc
    reader = _Reader(file, set(known_source_ids))
    return reader.leaflet(data)


def load_leaflets(directory: str | os.PathLike[str], known_source_ids: Collection[str]) -> list[Leaflet]:
    """Load every ``*.yaml`` leaflet in ``directory``, sorted by file name.

    Statement ids are unique across leaflets by construction: each is unique within its
    leaflet and starts with the leaflet id, which equals the (unique) file name stem.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError("leaflets folder not found", folder)
    return [load_leaflet(file, known_source_ids) for file in sorted(folder.glob("*.yaml"))]


def normalise_space(text: str) -> str:
    """Collapse every run of white space (including no-break spaces) to one space."""
    return " ".join(text.split())


def unmatched_quotes(leaflet: Leaflet, source_texts: Mapping[str, str]) -> list[InputError]:
    """Quotes that do not occur verbatim (white space normalised) in their source's text."""
    normalised = {source: normalise_space(text) for source, text in source_texts.items()}
    problems = []
    for statement in leaflet.statements():
        provenance = statement.provenance
        if provenance is None or provenance.quote is None or provenance.source not in normalised:
            continue
        if normalise_space(provenance.quote) not in normalised[provenance.source]:
            problems.append(InputError(f"quote of {statement.id!r} does not occur in source "
                                       f"{provenance.source!r}", leaflet.path, provenance.line))
    return problems


def leaflet_stats(leaflet: Leaflet) -> Readability:
    """Readability of the leaflet's English statements (titles and headings are not counted)."""
    return readability(leaflet.body_text(), "en")


class _Reader:
    """Builds a Leaflet from YAML data, raising InputError at the first problem."""

    def __init__(self, path: Path, known_sources: set[str]) -> None:
        self.path = path
        self.known_sources = known_sources
        self.statement_lines: dict[str, int] = {}

    def fail(self, message: str, line: int) -> InputError:
        return InputError(message, self.path, line)

    def fields(self, data: Any, kind: str, line: int) -> YamlMap:
        if not isinstance(data, YamlMap):
            raise self.fail(f"a {kind} must be a mapping of fields", getattr(data, "line", line))
        required, optional = _FIELDS[kind]
        for field in data:
            if field not in required and field not in optional:
                raise self.fail(f"unknown field {field!r} in {kind}", data.key_line(field))
        for field in required:
            if field not in data:
                raise self.fail(f"{kind} is missing the field {field!r}", data.line)
        return data

    def text(self, data: YamlMap, field: str) -> str:
        value = data[field]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{field} must be non-empty text", data.value_line(field))
        return value.strip()

    def slug(self, data: YamlMap, kind: str) -> str:
        value = data["id"]
        if not isinstance(value, str) or not _SLUG.match(value):
            raise self.fail(f"invalid {kind} id {value!r} (use lowercase letters, digits and '-')",
                            data.value_line("id"))
        return value

    def items(self, data: YamlMap, field: str, what: str) -> YamlList:
        value = data[field]
        if not isinstance(value, YamlList):
            raise self.fail(f"{field} must be a list", data.value_line(field))
        if not value and what:
            raise self.fail(f"{what} has no {field}", data.value_line(field))
        return value

    def source_id(self, value: Any, line: int) -> str:
        if not isinstance(value, str) or value not in self.known_sources:
            raise self.fail(f"unknown source id {value!r} (not in the sources manifest)", line)
        return value

    def leaflet(self, data: Any) -> Leaflet:
        root = self.fields(data, "leaflet", 1)
        ident = self.slug(root, "leaflet")
        if ident != self.path.stem:
            raise self.fail(f"leaflet id {ident!r} does not match the file name {self.path.name!r}",
                            root.value_line("id"))
        reviewed = root["reviewed"]
        if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
            raise self.fail(f"reviewed must be a date (YYYY-MM-DD), not {reviewed!r}", root.value_line("reviewed"))
        listed = self.items(root, "sources", "")
        sources = tuple(self.source_id(value, listed.item_line(i)) for i, value in enumerate(listed))
        sections_data = self.items(root, "sections", f"leaflet {ident!r}")
        sections: list[Section] = []
        section_lines: dict[str, int] = {}
        for index, item in enumerate(sections_data):
            section = self.section(item, sections_data.item_line(index), ident, sources)
            if section.id in section_lines:
                raise self.fail(f"duplicate section id {section.id!r} (first at line "
                                f"{section_lines[section.id]})", section.line)
            section_lines[section.id] = section.line
            sections.append(section)
        return Leaflet(id=ident, title=self.text(root, "title"), audience=self.text(root, "audience"),
                       reviewed=reviewed, sources=sources, sections=tuple(sections), path=self.path)

    def section(self, data: Any, line: int, leaflet_id: str, sources: tuple[str, ...]) -> Section:
        fields = self.fields(data, "section", line)
        ident = self.slug(fields, "section")
        listed = self.items(fields, "statements", f"section {ident!r}")
        statements = tuple(self.statement(item, listed.item_line(i), leaflet_id, sources)
                           for i, item in enumerate(listed))
        return Section(id=ident, heading=self.text(fields, "heading"), statements=statements,
                       line=fields.value_line("id"))

    def statement(self, data: Any, line: int, leaflet_id: str, sources: tuple[str, ...]) -> Statement:
        fields = self.fields(data, "statement", line)
        ident = fields["id"]
        id_line = fields.value_line("id")
        parts = ident.split(".") if isinstance(ident, str) else []
        if len(parts) < 2 or parts[0] != leaflet_id or not all(_SLUG.match(part) for part in parts):
            raise self.fail(f"invalid statement id {ident!r} (expected {leaflet_id}.<section>.<name>, "
                            "lowercase letters, digits and '-')", id_line)
        if ident in self.statement_lines:
            raise self.fail(f"duplicate statement id {ident!r} (first at line {self.statement_lines[ident]})",
                            id_line)
        self.statement_lines[ident] = id_line
        category = fields["category"]
        if category not in CATEGORIES:
            raise self.fail(f"unknown category {category!r} (expected one of: {', '.join(CATEGORIES)})",
                            fields.value_line("category"))
        editorial = fields.get("editorial", False)
        if not isinstance(editorial, bool):
            raise self.fail("editorial must be true or false", fields.value_line("editorial"))
        reason = self.text(fields, "reason") if "reason" in fields else None
        provenance = None
        if "provenance" in fields:
            if editorial:
                raise self.fail(f"statement {ident!r} has both provenance and editorial: true",
                                fields.key_line("editorial"))
            provenance = self.provenance(fields["provenance"], fields.value_line("provenance"), sources)
        elif not editorial:
            raise self.fail(f"statement {ident!r} has no provenance (add provenance, or editorial: true "
                            "with a reason)", fields.line)
        if editorial and reason is None:
            raise self.fail(f"editorial statement {ident!r} needs a reason", fields.key_line("editorial"))
        if reason is not None and not editorial:
            raise self.fail("reason is only for editorial statements", fields.key_line("reason"))
        note = self.text(fields, "note") if "note" in fields else None
        return Statement(id=ident, text=self.text(fields, "text"), category=category, provenance=provenance,
                         editorial=editorial, reason=reason, note=note, line=id_line)

    def provenance(self, data: Any, line: int, sources: tuple[str, ...]) -> Provenance:
        fields = self.fields(data, "provenance", line)
        source = self.source_id(fields["source"], fields.value_line("source"))
        if source not in sources:
            raise self.fail(f"source {source!r} is not listed in the leaflet's sources",
                            fields.value_line("source"))
        if ("quote" in fields) == ("statement" in fields):
            raise self.fail("provenance needs exactly one of quote or statement", fields.line)
        quote = self.text(fields, "quote") if "quote" in fields else None
        extracted = self.text(fields, "statement") if "statement" in fields else None
        return Provenance(source=source, quote=quote, statement=extracted,
                          line=fields.value_line("quote" if quote is not None else "statement"))
