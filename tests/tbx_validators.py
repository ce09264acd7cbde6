"""The official TBX validators from ../shared/tbx, run through lxml.

* TBX v3: the TBX-Basic integrated RELAX NG schema and the TBX-Basic DCA Schematron. The
  Schematron declares ``queryBinding="xslt2"`` but uses only two XPath 2 constructs,
  ``matches(@target, 'https?://.+')`` and the path step ``./local-name()``; lxml's
  isoschematron is XSLT 1, so :func:`schematron_v3` rewrites exactly those two into their
  XPath 1 equivalents (and fails loudly if the schema ever uses anything else of XPath 2).
* TBX v2: the TBX-Basic core structure DTD, then the constraints of the file's XCS (data
  categories, picklist values, levels and the declared languages), which is what the TBX
  checker enforces on top of the DTD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree, isoschematron

from careglot.core.xmlsafe import load_local_dtd, parse_xml_bytes, parse_xml_file

# ../shared/tbx from the repository root: shared/ lies beside the clone (CI) or the worktree.
SHARED_TBX = Path(__file__).resolve().parents[2] / "shared" / "tbx"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XPATH2 = (("matches(@target,'https?://.+')",
            "(starts-with(@target,'http://') or starts-with(@target,'https://'))"),
           ("./local-name()", "local-name()"))


def shared_tbx() -> Path:
    """The directory of the official schemas; the tests need it (CI lays shared/ beside the clone)."""
    if not SHARED_TBX.is_dir():
        raise FileNotFoundError(f"{SHARED_TBX} (the official TBX schemas, ../shared/tbx) is missing")
    return SHARED_TBX


@lru_cache(maxsize=1)
def relaxng_v3() -> etree.RelaxNG:
    return etree.RelaxNG(parse_xml_file(shared_tbx() / "v3" / "TBXcoreStructV03_TBX-Basic_integrated.rng"))


@lru_cache(maxsize=1)
def schematron_v3() -> isoschematron.Schematron:
    text = (shared_tbx() / "v3" / "TBX-Basic_DCA.sch").read_bytes().decode("utf-8-sig")
    for xpath2, xpath1 in _XPATH2:
        text = text.replace(xpath2, xpath1)
    leftover = re.search(r"\bmatches\(|\./[a-z-]+\(\)", text)
    if leftover:
        raise AssertionError(f"the Schematron uses XPath 2 that this helper does not translate: {leftover[0]}")
    text = text.replace('queryBinding="xslt2"', 'queryBinding="xslt"')
    tree = parse_xml_bytes(text.encode("utf-8"), "TBX-Basic_DCA.sch")
    return isoschematron.Schematron(tree, store_report=True)


@lru_cache(maxsize=1)
def dtd_v2() -> etree.DTD:
    return load_local_dtd(shared_tbx() / "v2" / "TBXBasiccoreStructV02.dtd")


def v3_errors(data: bytes) -> list[str]:
    """RELAX NG and Schematron failures of a TBX-Basic v3 document (empty when valid)."""
    tree = parse_xml_bytes(data, "export.tbx")
    errors = []
    rng = relaxng_v3()
    if not rng.validate(tree):
        errors += [f"rng:{e.line}: {e.message}" for e in rng.error_log]
    sch = schematron_v3()
    if not sch.validate(tree):
        report = sch.validation_report
        ns = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
        for failed in report.iterfind(".//svrl:failed-assert", ns):
            errors.append(f"sch: {failed.get('location')}: {''.join(failed.itertext()).strip()}")
    return errors


@dataclass
class Xcs:
    """What an XCS file allows: languages, and per element the data categories with their values."""

    languages: set[str] = field(default_factory=set)
    categories: dict[tuple[str, str], set[str] | None] = field(default_factory=dict)
    levels: dict[tuple[str, str], set[str]] = field(default_factory=dict)


def read_xcs(path: Path) -> Xcs:
    root = parse_xml_file(path).getroot()
    xcs = Xcs(languages={code.text.strip() for code in root.iter("langCode") if code.text})
    for spec in root.iter():
        if not isinstance(spec.tag, str) or not spec.tag.endswith("Spec") or spec.get("name") is None:
            continue
        element = spec.tag.removesuffix("Spec")
        contents = spec.find("contents")
        values = None
        if contents is not None and contents.get("datatype") == "picklist":
            values = set((contents.text or "").split())
        xcs.categories[(element, spec.get("name"))] = values
        levels = spec.findtext("levels")
        if levels:
            xcs.levels[(element, spec.get("name"))] = set(levels.split())
    return xcs


def v2_errors(data: bytes, xcs_dir: Path) -> list[str]:
    """DTD failures, then XCS failures, of a TBX-Basic v2 document whose XCS lies in ``xcs_dir``."""
    tree = parse_xml_bytes(data, "export.tbx")
    errors = []
    dtd = dtd_v2()
    if not dtd.validate(tree):
        errors += [f"dtd:{e.line}: {e.message}" for e in dtd.error_log]
    uri = tree.getroot().findtext("martifHeader/encodingDesc/p[@type='XCSURI']")
    if not uri:
        return [*errors, "xcs: the header names no XCSURI"]
    xcs_path = xcs_dir / uri
    if not xcs_path.is_file():
        return [*errors, f"xcs: {uri} not found next to the file"]
    xcs = read_xcs(xcs_path)
    for element in tree.getroot().iter():
        if not isinstance(element.tag, str):
            continue
        line = element.sourceline
        lang = element.get(XML_LANG)
        if lang is not None and lang not in xcs.languages:
            errors.append(f"xcs:{line}: language {lang!r} is not declared in {uri}")
        kind = element.get("type")
        if element.tag in ("termNote", "descrip", "admin", "ref", "xref", "transac", "transacNote") and kind:
            key = (element.tag, kind)
            if key not in xcs.categories:
                errors.append(f"xcs:{line}: data category {element.tag} type={kind!r} is not in {uri}")
                continue
            values = xcs.categories[key]
            if values is not None and (element.text or "").strip() not in values:
                errors.append(f"xcs:{line}: {kind} value {element.text!r} is not in the picklist")
            levels = xcs.levels.get(key)
            parent = element.getparent()
            if parent is not None and parent.tag == "descripGrp":
                parent = parent.getparent()
            if levels and parent is not None:
                level = "term" if parent.tag in ("tig", "ntig") else parent.tag
                if level not in levels:
                    errors.append(f"xcs:{line}: {kind} is not allowed at the {level} level")
    return errors
