"""TBX-Basic reading and writing, in the two dialects CAT tools emit.

* TBX v2 (ISO 30042:2008): ``<martif type="TBX-Basic">`` with ``termEntry``/``langSet``/``tig``
  (also ``ntig``/``termGrp``), as IATE, memoQ, Trados and Weblate export.
* TBX v3 (ISO 30042:2019, DCA style): ``<tbx type="TBX-Basic">`` with
  ``conceptEntry``/``langSec``/``termSec`` in the ``urn:iso:std:iso:30042:ed-2`` namespace.

Parsing goes through :mod:`careglot.core.xmlsafe` only. What TBX-Basic cannot say (a lay term, a
forbidden rather than deprecated term, an explicit case-sensitivity, an ambiguous term) is
carried in one term-level ``<note>`` starting with ``careglot:``, so a round trip loses
nothing and other tools still show it as a readable note. The mapping tables are in
docs/glossary.md; the writer is :mod:`glossary.tbxwrite`.

With an :class:`~glossary.importlog.ImportLog` (``glossary import``) the reader is lenient:
data categories the model has no field for are kept as notes where they describe a term or a
concept, history (``transacGrp``), cross-references and administrative subsets are skipped,
and a language section without a usable language code is skipped; each is logged with its
line. Without a log (reading a workspace glossary) those are refused or ignored as before.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from careglot.core.errors import InputError
from careglot.core.xmlsafe import parse_xml_bytes, parse_xml_file
from glossary.importlog import ImportLog
from glossary.model import CONCEPT_ID, LANGUAGE, Concept, Glossary, Term
from glossary.tbxmap import (
    CAREGLOT_NOTE,
    gender_from_tbx,
    parse_careglot_note,
    pos_from_tbx,
    status_from_tbx,
    type_from_tbx,
)

TBX3_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TERM_CONTAINERS = ("tig", "ntig", "termSec")
_GROUPS = ("termGrp", "termNoteGrp", "descripGrp", "adminGrp")
_SKIPPED = {"transacGrp": ("history", "dates and authors"), "transac": ("history", "dates and authors"),
            "date": ("history", "dates and authors"), "ref": ("cross-reference", "links between entries"),
            "xref": ("cross-reference", "links to files and pages"),
            "termCompList": ("term components", "term components")}
# Data category names as tools spell them (MultiTerm: "Definition", "Subject"), folded.
_CATEGORIES = {"termtype": "termType", "administrativestatus": "administrativeStatus",
               "normativeauthorization": "administrativeStatus", "status": "administrativeStatus",
               "partofspeech": "partOfSpeech", "pos": "partOfSpeech", "grammaticalgender": "grammaticalGender",
               "gender": "grammaticalGender", "geographicalusage": "geographicalUsage", "source": "source",
               "definition": "definition", "subjectfield": "subjectField", "subject": "subjectField",
               "domain": "subjectField"}
_REGION = re.compile(r"(?:^|[-_])([A-Za-z]{2})$")


def read_tbx(path: str | os.PathLike[str], log: ImportLog | None = None) -> Glossary:
    """Read a TBX v2 or v3 file into a Glossary (lines are those of the XML elements)."""
    return glossary_from_tree(parse_xml_file(path), Path(path), log)


def read_tbx_bytes(data: bytes, path: str | os.PathLike[str], log: ImportLog | None = None) -> Glossary:
    """Read TBX from bytes; ``path`` names the input in errors."""
    return glossary_from_tree(parse_xml_bytes(data, path), Path(path), log)


def tbx_version(root: etree._Element) -> int:
    """2 for ``<martif>``, 3 for ``<tbx>``; InputError for anything else."""
    name = etree.QName(root).localname
    if name == "martif":
        return 2
    if name == "tbx":
        return 3
    raise InputError(f"not a TBX file: the root element is <{name}>, expected <martif> or <tbx>", None,
                     _line(root))


class _Reader:
    """One file's reading state: where it comes from, its header language, the log (or none)."""

    def __init__(self, path: Path, default_lang: str, log: ImportLog | None) -> None:
        self.path, self.default_lang, self.log = path, default_lang, log

    def refuse(self, kind: str, message: str, line: int) -> None:
        """An item the model cannot take: an error without a log, else logged as skipped."""
        if self.log is None:
            raise InputError(message, self.path, line)
        self.log.skip(kind, message, self.path, line)

    def other(self, element: etree._Element, kept_in: dict[str, str] | None, lang: str) -> None:
        """A data category without a field: kept as a note (descriptive ones), else skipped."""
        if self.log is None:
            return
        name, kind, value = _name(element), element.get("type") or "", _text(element)
        line = _line(element)
        if name in _SKIPPED:
            kind_, what = _SKIPPED[name]
            self.log.skip(kind_, f"<{name}>: careglot keeps no {what}", self.path, line)
        elif name in ("descrip", "termNote") and kept_in is not None and value:
            _append(kept_in, lang, f"{kind or name}: {value}")
            self.log.keep("other data category", f"<{name} type={kind!r}> kept as a note", self.path, line)
        elif value or len(element):
            what = f"<{name} type={kind!r}>" if kind else f"<{name}>"
            self.log.skip("other data category", f"{what} (no place for it in careglot's model)", self.path, line)


def glossary_from_tree(tree: etree._ElementTree, path: Path, log: ImportLog | None = None) -> Glossary:
    root = tree.getroot()
    try:
        tbx_version(root)
    except InputError as error:
        raise InputError(error.message, path, error.line) from None
    reader = _Reader(path, _lang(root.get(XML_LANG)) or "en", log)
    concepts = [_concept(reader, entry, index)
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


def _category(element: etree._Element) -> str | None:
    """The data category of ``element``, whatever the spelling ("Part of Speech", "partOfSpeech")."""
    kind = element.get("type")
    return _CATEGORIES.get(re.sub(r"[\s_-]+", "", kind).lower()) if kind else None


def _items(element: etree._Element) -> list[etree._Element]:
    """The children of ``element``, with the children of groups (termGrp, descripGrp ...) in their place."""
    found = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if _name(child) in _GROUPS:
            found += _items(child)
        else:
            found.append(child)
    return found


def _concept_id(raw: str | None, index: int) -> str:
    if raw and CONCEPT_ID.match(raw):
        return raw
    slug = re.sub(r"[^a-z0-9]+", "-", (raw or "").lower()).strip("-")
    return slug or f"concept-{index + 1}"


def _concept(reader: _Reader, entry: etree._Element, index: int) -> Concept:
    concept = Concept(id=_concept_id(entry.get("id"), index), line=_line(entry))
    default = reader.default_lang
    for item in _items(entry):
        name, category, value = _name(item), _category(item), _text(item)
        if name in ("langSet", "langSec"):
            _lang_section(reader, concept, item)
        elif name == "descrip" and category == "subjectField":
            concept.domain = value or None
        elif name == "descrip" and category == "definition":
            _append(concept.definition, default, value)
        elif name == "admin" and category == "source" and value:
            concept.sources.append(value)
        elif name == "note":
            _append(concept.notes, default, value)
        else:
            reader.other(item, concept.notes, default)
    return concept


def _append(mapping: dict[str, str], lang: str, text: str) -> None:
    if text:
        mapping[lang] = f"{mapping[lang]}\n{text}" if lang in mapping else text


def _lang_section(reader: _Reader, concept: Concept, section: etree._Element) -> None:
    raw = section.get(XML_LANG)
    lang = _lang(raw)
    if lang is None:
        reader.refuse("language section without a language", "language section without xml:lang", _line(section))
        return
    if not LANGUAGE.match(lang):
        reader.refuse("unusable language code", f"language code {raw!r} cannot be stored (careglot keeps "
                      "ISO 639 codes of 2 or 3 letters)", _line(section))
        return
    concept.lang_lines.setdefault(lang, _line(section))
    terms = concept.terms.setdefault(lang, [])
    explicit: list[bool] = []
    for child in _items(section):
        name, category, value = _name(child), _category(child), _text(child)
        if name in _TERM_CONTAINERS:
            term, has_status = _term(reader, child, lang)
            if term is not None:
                terms.append(term)
                explicit.append(has_status)
        elif name == "descrip" and (category == "definition" or not child.get("type")):
            _append(concept.definition, lang, value)  # an untyped descrip is Weblate's explanation
        elif name == "admin" and category == "source" and value:
            if value not in concept.sources:
                concept.sources.append(value)
        elif name == "note":
            if not value.startswith(CAREGLOT_NOTE):
                _append(concept.notes, lang, value)
        else:
            reader.other(child, concept.notes, lang)
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


def _term(reader: _Reader, container: etree._Element, lang: str) -> tuple[Term | None, bool]:
    items = _items(container)
    term_element = next((e for e in items if _name(e) == "term"), None)
    if term_element is None or not _text(term_element):
        if reader.log is not None:
            reader.log.skip("term section without a term", "term section without a term", reader.path,
                            _line(container))
        return None, False
    term = Term(text=" ".join(_text(term_element).split()), lang=lang, type="full-form", status="admitted",
                line=_line(term_element))
    has_status = False
    notes: dict[str, str] = {}
    extra: dict[str, str] = {}
    for item in items:
        name, category, value = _name(item), _category(item), _text(item)
        if item is term_element:
            continue
        if name == "termNote" and category == "termType":
            term.type = type_from_tbx(value)
        elif name in ("termNote", "descrip") and category == "administrativeStatus":
            has_status = _status(reader, term, value, _line(item)) or has_status
        elif name == "termNote" and category == "partOfSpeech":
            term.pos = pos_from_tbx(value)
        elif name == "termNote" and category == "grammaticalGender":
            term.gender = gender_from_tbx(value, lang)
        elif name == "termNote" and category == "geographicalUsage":
            match = _REGION.search(value)
            term.region = match.group(1).upper() if match else None
        elif name in ("admin", "descrip") and category == "source" and value:
            term.source = value
        elif name == "note" and value.startswith(CAREGLOT_NOTE):
            extra.update(_careglot_fields(reader, notes, lang, value, _line(item)))
        elif name == "note":
            _append(notes, lang, value)
        else:
            reader.other(item, notes, lang)
    term.note = notes.get(lang) or None
    _apply_extra(term, extra)
    return term, has_status or "status" in extra


def _status(reader: _Reader, term: Term, value: str, line: int) -> bool:
    try:
        term.status = status_from_tbx(value, reader.path, line)
    except InputError as error:
        if reader.log is None:
            raise
        reader.log.change("unknown status", f"{error.message}; {term.text!r} kept as admitted", reader.path, line)
        return False
    return True


def _careglot_fields(reader: _Reader, notes: dict[str, str], lang: str, value: str, line: int) -> dict[str, str]:
    try:
        return parse_careglot_note(value, reader.path, line)
    except InputError as error:
        if reader.log is None:
            raise
        reader.log.keep("unreadable careglot note", f"{error.message}, kept as a plain note", reader.path, line)
        _append(notes, lang, value)
        return {}


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
