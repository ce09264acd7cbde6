"""Write TBX-Basic v2 (``martif``) and v3 (``tbx``, DCA style), valid against the official schemas.

* v3 passes the TBX-Basic integrated RELAX NG schema and the TBX-Basic DCA Schematron; the
  Schematron has no ``properNoun``, so a proper noun is written as ``noun`` with
  ``careglot: pos=proper-noun`` in the term's careglot note (read back losslessly).
* v2 passes the TBX-Basic core structure DTD; its header names an XCS (TBX-Basic's data
  categories and picklists) that declares every language the file uses. The official
  ``TBXBasicXCSV02.xcs`` declares only en, fr and de, so careglot writes its own with
  :func:`write_xcs`, next to the TBX file.
"""

from __future__ import annotations

from collections.abc import Iterable

from babel import Locale, UnknownLocaleError
from lxml import etree
from lxml.builder import ElementMaker

from glossary.model import Concept, Glossary, Term
from glossary.serialize import language_order
from glossary.tbx import TBX3_NS, XML_LANG
from glossary.tbxmap import careglot_note, gender_to_tbx, pos_to_tbx, status_to_tbx, type_to_tbx

DEFAULT_XCS = "careglot-TBXBasic.xcs"
# TBX-Basic's data categories (the official TBXBasicXCSV02.xcs): element, name, ISO 12620 id, picklist, levels.
_DATA_CATEGORIES: tuple[tuple[str, str, str, str | None, str | None], ...] = (
    ("termNote", "administrativeStatus", "ISO12620A-020903",
     "preferredTerm-admn-sts admittedTerm-admn-sts deprecatedTerm-admn-sts supersededTerm-admn-sts", None),
    ("descrip", "context", "ISO12620A-0503", None, "term"),
    ("ref", "crossReference", "ISO12620A-1018", None, None),
    ("admin", "customerSubset", "ISO12620A-100301", None, None),
    ("descrip", "definition", "ISO12620A-0501", None, "langSet termEntry"),
    ("xref", "externalCrossReference", "ISO12620A-101807", None, None),
    ("termNote", "geographicalUsage", "ISO12620A-020302", None, None),
    ("termNote", "grammaticalGender", "ISO12620A-020202", "masculine feminine neuter other", None),
    ("termNote", "partOfSpeech", "ISO12620A-020201", "noun verb adjective adverb properNoun other", None),
    ("admin", "projectSubset", "ISO12620A-100303", None, None),
    ("transacNote", "responsibility", "ISO12620A-100202", None, None),
    ("admin", "source", "ISO12620A-1019", None, None),
    ("descrip", "subjectField", "iso12620A-04", None, "termEntry"),
    ("termNote", "termLocation", "n/a", None, None),
    ("termNote", "termType", "ISO12620A-0201", "abbreviation acronym fullForm shortForm variant phrase", None),
    ("transac", "transactionType", "ISO12620A-1001", "origination modification", None),
    ("xref", "xGraphic", "ISO12620A-050501", None, None),
)


def write_tbx(glossary: Glossary, version: int = 2, source_lang: str = "en", xcs_name: str = DEFAULT_XCS) -> bytes:
    """Serialise ``glossary`` as TBX-Basic v2 (``martif``) or v3 (``tbx``), UTF-8 bytes.

    ``xcs_name`` is the XCS file a v2 header names (write it with :func:`write_xcs`).
    """
    if version not in (2, 3):
        raise ValueError(f"unknown TBX version {version}")
    maker = ElementMaker(namespace=TBX3_NS, nsmap={None: TBX3_NS}) if version == 3 else ElementMaker()
    names = ({"entry": "conceptEntry", "lang": "langSec", "term": "termSec", "header": "tbxHeader"}
             if version == 3 else {"entry": "termEntry", "lang": "langSet", "term": "tig", "header": "martifHeader"})
    header = maker(names["header"], maker.fileDesc(maker.sourceDesc(maker.p("careglot glossary"))))
    if version == 2:
        header.append(maker.encodingDesc(maker.p(xcs_name, type="XCSURI")))
    body = maker.body(*(_entry(maker, names, concept, version) for concept in glossary))
    root = maker("tbx" if version == 3 else "martif", header, maker.text(body), type="TBX-Basic")
    root.set(XML_LANG, source_lang)
    if version == 3:
        root.set("style", "dca")
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">')


def tbx_languages(glossary: Glossary, source_lang: str = "en") -> list[str]:
    """Every language a TBX file of ``glossary`` uses (the header's, then the glossary's)."""
    seen = dict.fromkeys([source_lang])
    for concept in glossary:
        seen.update(dict.fromkeys(language_order(concept)))
    return list(seen)


def write_xcs(languages: Iterable[str]) -> bytes:
    """A TBX-Basic v2 XCS with TBX-Basic's data categories that declares ``languages``."""
    maker = ElementMaker()
    infos = [maker.langInfo(maker.langCode(code), maker.langName(_language_name(code))) for code in languages]
    specs = []
    for element, name, datcat, picklist, levels in _DATA_CATEGORIES:
        contents = maker.contents(picklist, datatype="picklist") if picklist else maker.contents()
        spec = maker(f"{element}Spec", contents, name=name, datcatId=datcat)
        if levels:
            spec.append(maker.levels(levels))
        specs.append(spec)
    root = maker.TBXXCS(
        maker.header(maker.title("TBX-Basic XCS (TBXBasicXCSV02 data categories) with the languages of a "
                                 "careglot glossary")),
        maker.languages(*infos), maker.datCatSet(*specs), name="Basic", version="2", lang="en")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE TBXXCS SYSTEM "tbxxcsdtd.dtd">')


def _language_name(code: str) -> str:
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (UnknownLocaleError, ValueError):
        return code


def _entry(maker: ElementMaker, names: dict[str, str], concept: Concept, version: int) -> etree._Element:
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
            section.append(_term_element(maker, names["term"], term, version))
        entry.append(section)
    return entry


def _term_element(maker: ElementMaker, name: str, term: Term, version: int) -> etree._Element:
    element = maker(name, maker.term(term.text),
                    maker.termNote(type_to_tbx(term), type="termType"),
                    maker.termNote(status_to_tbx(term.status), type="administrativeStatus"))
    if term.pos:
        element.append(maker.termNote(pos_to_tbx(term.pos, version), type="partOfSpeech"))
    gender = gender_to_tbx(term.gender, term.lang)
    if gender:
        element.append(maker.termNote(gender, type="grammaticalGender"))
    if term.region:
        element.append(maker.termNote(f"{term.lang}-{term.region}", type="geographicalUsage"))
    if term.source:
        element.append(maker.admin(term.source, type="source"))
    if term.note:
        element.append(maker.note(term.note))
    extra = careglot_note(term, version)
    if extra:
        element.append(maker.note(extra))
    return element
