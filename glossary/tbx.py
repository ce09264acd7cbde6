"""TBX-Basic reading and writing, in the two dialects CAT tools emit.

* TBX v2 (ISO 30042:2008): ``<martif type="TBX-Basic">`` with ``termEntry``/``langSet``/``tig``
  (also ``ntig``/``termGrp``), as IATE, memoQ, Trados and Weblate export.
* TBX v3 (ISO 30042:2019, DCA style): ``<tbx type="TBX-Basic">`` with
  ``conceptEntry``/``langSec``/``termSec`` in the ``urn:iso:std:iso:30042:ed-2`` namespace.

Parsing goes through :mod:`careglot.core.xmlsafe` only. What TBX-Basic cannot say (a lay term, a
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
from lxml.builder import ElementMaker

from careglot.core.errors import InputError
from careglot.core.xmlsafe import parse_xml_bytes, parse_xml_file
from glossary.model import CONCEPT_ID, Concept, Glossary, Term
from glossary.serialize import language_order
from glossary.tbxmap import (
    CAREGLOT_NOTE,
    careglot_note,
    gender_from_tbx,
    gender_to_tbx,
    parse_careglot_note,
    pos_from_tbx,
    pos_to_tbx,
    status_from_tbx,
    status_to_tbx,
    type_from_tbx,
    type_to_tbx,
)

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


def write_tbx(glossary: Glossary, version: int = 2, source_lang: str = "en") -> bytes:
    """Serialise ``glossary`` as TBX-Basic v2 (``martif``) or v3 (``tbx``), UTF-8 bytes."""
    if version not in (2, 3):
        raise ValueError(f"unknown TBX version {version}")
    maker = ElementMaker(namespace=TBX3_NS, nsmap={None: TBX3_NS}) if version == 3 else ElementMaker()
    names = ({"entry": "conceptEntry", "lang": "langSec", "term": "termSec", "header": "tbxHeader"}
             if version == 3 else {"entry": "termEntry", "lang": "langSet", "term": "tig", "header": "martifHeader"})
    header = maker(names["header"], maker.fileDesc(maker.sourceDesc(maker.p("careglot glossary"))))
    if version == 2:
        header.append(maker.encodingDesc(maker.p("TBXBasicXCSV02.xcs", type="XCSURI")))
    body = maker.body(*(_entry(maker, names, concept) for concept in glossary))
    root = maker("tbx" if version == 3 else "martif", header, maker.text(body), type="TBX-Basic")
    root.set(XML_LANG, source_lang)
    if version == 3:
        root.set("style", "dca")
    if version == 3:
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">')


def _entry(maker: ElementMaker, names: dict[str, str], concept: Concept) -> etree._Element:
    entry = maker(names["entry"], id=concept.id)
    if concept.domain:
        entry.append(maker.descrip(concept.domain, type="subjectField"))
    for source in concept.sources:
        entry.append(maker.admin(source, type="source"))
    for lang in language_order(concept):
        section = maker(names["lang"])
        section.set(XML_LANG, lang)
        if lang in concept.definition:
            section.append(maker.descrip(concept.definition[lang], type="definition"))
        if lang in concept.notes:
            section.append(maker.note(concept.notes[lang]))
        for term in concept.terms_in(lang):
            section.append(_term_element(maker, names["term"], term))
        entry.append(section)
    return entry


def _term_element(maker: ElementMaker, name: str, term: Term) -> etree._Element:
    element = maker(name, maker.term(term.text),
                    maker.termNote(type_to_tbx(term), type="termType"),
                    maker.termNote(status_to_tbx(term.status), type="administrativeStatus"))
    if term.pos:
        element.append(maker.termNote(pos_to_tbx(term.pos), type="partOfSpeech"))
    gender = gender_to_tbx(term.gender, term.lang)
    if gender:
        element.append(maker.termNote(gender, type="grammaticalGender"))
    if term.region:
        element.append(maker.termNote(f"{term.lang}-{term.region}", type="geographicalUsage"))
    if term.source:
        element.append(maker.admin(term.source, type="source"))
    if term.note:
        element.append(maker.note(term.note))
    extra = careglot_note(term)
    if extra:
        element.append(maker.note(extra))
    return element
