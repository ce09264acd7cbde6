"""TBX-Basic reading and writing, in the two dialects CAT tools emit.

* TBX v2 (ISO 30042:2008): ``<martif type="TBX-Basic">`` with ``termEntry``/``langSet``/``tig``
  (also ``ntig``/``termGrp``), as IATE, memoQ, Trados and Weblate export.
* TBX v3 (ISO 30042:2019, DCA style): ``<tbx type="TBX-Basic">`` with
  ``conceptEntry``/``langSec``/``termSec`` in the ``urn:iso:std:iso:30042:ed-2`` namespace.

Parsing goes through :mod:`glossary.xmlsafe` only. What TBX-Basic cannot say (a lay term, a
forbidden rather than deprecated term, an explicit case-sensitivity, an ambiguous term) is
carried in one term-level ``<note>`` starting with ``careglot:``, so a round trip loses
nothing and other tools still show it as a readable note. The mapping tables are in
docs/glossary.md.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from glossary.errors import InputError
from glossary.loader import CONCEPT_ID
from glossary.model import Concept, Glossary, Term
from glossary.tbxmap import (
    CAREGLOT_NOTE,
    gender_from_tbx,
    parse_careglot_note,
    pos_from_tbx,
    status_from_tbx,
    type_from_tbx,
)
from glossary.xmlsafe import parse_xml_bytes, parse_xml_file

TBX3_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TERM_CONTAINERS = ("tig", "ntig", "termSec")
_REGION = re.compile(r"(?:^|[-_])([A-Za-z]{2})$")


def read_tbx(path: str | os.PathLike[str]) -> Glossary:
    """Read a TBX v2 or v3 file into a Glossary (lines are those of the XML elements)."""
    return glossary_from_tree(parse_xml_file(path), Path(path))


def read_tbx_bytes(data: bytes, path: str | os.PathLike[str]) -> Glossary:
    """Read TBX from bytes; ``path`` names the input in errors."""
    return glossary_from_tree(parse_xml_bytes(data, path), Path(path))


def tbx_version(root: etree._Element) -> int:
    """2 for ``<martif>``, 3 for ``<tbx>``; InputError for anything else."""
    name = etree.QName(root).localname
    if name == "martif":
        return 2
    if name == "tbx":
        return 3
    raise InputError(f"not a TBX file: the root element is <{name}>, expected <martif> or <tbx>", None,
                     _line(root))


def glossary_from_tree(tree: etree._ElementTree, path: Path) -> Glossary:
    root = tree.getroot()
    try:
        tbx_version(root)
    except InputError as error:
        raise InputError(error.message, path, error.line) from None
    default_lang = _lang(root.get(XML_LANG)) or "en"
    concepts = [_concept(entry, index, default_lang, path)
                for index, entry in enumerate(e for e in root.iter() if _name(e) in ("termEntry", "conceptEntry"))]
    return Glossary(concepts, path)


def _line(element: etree._Element) -> int:
    return int(getattr(element, "sourceline", 0) or 0)


def _name(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _lang(code: str | None) -> str | None:
    if not code:
        return None
    return code.replace("_", "-").split("-")[0].lower()


def _text(element: etree._Element) -> str:
    return "".join(str(part) for part in element.itertext()).strip()


def _concept_id(raw: str | None, index: int) -> str:
    if raw and CONCEPT_ID.match(raw):
        return raw
    slug = re.sub(r"[^a-z0-9]+", "-", (raw or "").lower()).strip("-")
    return slug or f"concept-{index + 1}"


def _concept(entry: etree._Element, index: int, default_lang: str, path: Path) -> Concept:
    concept = Concept(id=_concept_id(entry.get("id"), index), line=_line(entry))
    for child in entry:
        name = _name(child)
        if name in ("langSet", "langSec"):
            _lang_section(concept, child, path)
        elif name in ("descrip", "descripGrp", "admin", "adminGrp", "note"):
            _concept_info(concept, child, default_lang)
    return concept


def _concept_info(concept: Concept, element: etree._Element, default_lang: str) -> None:
    for item in element.iter():
        kind, name = item.get("type"), _name(item)
        if name == "descrip" and kind == "subjectField":
            concept.domain = _text(item) or None
        elif name == "descrip" and kind == "definition":
            _append(concept.definition, default_lang, _text(item))
        elif name == "admin" and kind == "source" and _text(item):
            concept.sources.append(_text(item))
        elif name == "note" and _text(item):
            _append(concept.notes, default_lang, _text(item))


def _append(mapping: dict[str, str], lang: str, text: str) -> None:
    if text:
        mapping[lang] = f"{mapping[lang]}\n{text}" if lang in mapping else text


def _lang_section(concept: Concept, section: etree._Element, path: Path) -> None:
    lang = _lang(section.get(XML_LANG))
    if lang is None:
        raise InputError("language section without xml:lang", path, _line(section))
    concept.lang_lines.setdefault(lang, _line(section))
    terms = concept.terms.setdefault(lang, [])
    explicit: list[bool] = []
    for child in section:
        name = _name(child)
        if name in _TERM_CONTAINERS:
            term, has_status = _term(child, lang, path)
            if term is not None:
                terms.append(term)
                explicit.append(has_status)
        elif name in ("descrip", "descripGrp"):
            for item in child.iter():
                if _name(item) == "descrip" and item.get("type") == "definition":
                    _append(concept.definition, lang, _text(item))
        elif name == "note" and not _text(child).startswith(CAREGLOT_NOTE):
            _append(concept.notes, lang, _text(child))
    if not terms:
        del concept.terms[lang]
    elif not any(explicit):
        _default_statuses(terms)


def _default_statuses(terms: list[Term]) -> None:
    """Without any administrativeStatus, the first full form (and abbreviation) is preferred."""
    seen_full = seen_abbreviation = False
    for term in terms:
        if term.type == "abbreviation":
            term.status = "admitted" if seen_abbreviation else "preferred"
            seen_abbreviation = True
        else:
            term.status = "admitted" if seen_full else "preferred"
            seen_full = True


def _term(container: etree._Element, lang: str, path: Path) -> tuple[Term | None, bool]:
    term_element = next((e for e in container.iter() if _name(e) == "term"), None)
    if term_element is None or not _text(term_element):
        return None, False
    term = Term(text=" ".join(_text(term_element).split()), lang=lang, type="full-form", status="admitted",
                line=_line(term_element))
    has_status = False
    notes: list[str] = []
    extra: dict[str, str] = {}
    for item in container.iter():
        name, kind, value = _name(item), item.get("type"), _text(item)
        if name == "termNote" and kind == "termType":
            term.type = type_from_tbx(value)
        elif name == "termNote" and kind in ("administrativeStatus", "normativeAuthorization"):
            term.status = status_from_tbx(value, path, _line(item))
            has_status = True
        elif name == "termNote" and kind == "partOfSpeech":
            term.pos = pos_from_tbx(value)
        elif name == "termNote" and kind == "grammaticalGender":
            term.gender = gender_from_tbx(value, lang)
        elif name == "termNote" and kind == "geographicalUsage":
            match = _REGION.search(value)
            term.region = match.group(1).upper() if match else None
        elif name in ("admin", "descrip") and kind == "source" and value:
            term.source = value
        elif name == "note" and value.startswith(CAREGLOT_NOTE):
            extra.update(parse_careglot_note(value, path, _line(item)))
        elif name == "note" and value:
            notes.append(value)
    term.note = "\n".join(notes) or None
    _apply_extra(term, extra)
    return term, has_status or "status" in extra


def _apply_extra(term: Term, extra: dict[str, str]) -> None:
    if "type" in extra:
        term.type = extra["type"]
    if "status" in extra:
        term.status = extra["status"]
    if "case_sensitive" in extra:
        term.case_sensitive = extra["case_sensitive"] == "true"
    if "ambiguous" in extra:
        term.ambiguous = extra["ambiguous"] == "true"
    if "gender" in extra:
        term.gender = extra["gender"]
    if "pos" in extra:
        term.pos = extra["pos"]
