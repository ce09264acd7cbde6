"""The one place careglot parses XML and HTML.

The parsers never resolve entities, never touch the network, never load DTDs and refuse
oversized input, so TBX files from outside and HTML sources cannot read local files,
fetch URLs or expand into gigabytes (billion laughs).
"""

from __future__ import annotations

import os
import re

from lxml import etree, html

from careglot.core.errors import InputError, UnsafeInputError

MAX_XML_BYTES = 64 * 1024 * 1024
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_EXTERNAL_DTD = re.compile(rb"<!DOCTYPE[^>\[]*(?:SYSTEM|PUBLIC)[^>\[]*[\"'][a-z][a-z0-9+.-]*://",
                           re.IGNORECASE)


def xml_parser() -> etree.XMLParser:
    """An lxml XML parser with entities, network, DTD loading and huge trees off."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                           dtd_validation=False, remove_pis=True)


def html_parser() -> html.HTMLParser:
    """An lxml HTML parser with network access off, comments and processing instructions dropped."""
    return html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)


def check_xml_size(size: int, path: str | os.PathLike[str]) -> None:
    """Refuse input larger than :data:`MAX_XML_BYTES` before anything parses it."""
    if size > MAX_XML_BYTES:
        raise UnsafeInputError(
            f"XML input of {size} bytes is larger than the {MAX_XML_BYTES // (1024 * 1024)} MiB limit",
            path)


def parse_xml_bytes(data: bytes, path: str | os.PathLike[str]) -> etree._ElementTree:
    """Parse XML ``data`` safely; ``path`` names the input in error messages.

    Raises UnsafeInputError for entity declarations (external entities, billion laughs),
    DTDs referenced by URL, and oversized input; InputError for malformed XML.
    """
    check_xml_size(len(data), path)
    declaration = _ENTITY_DECL.search(data)
    if declaration:
        line = data[: declaration.start()].count(b"\n") + 1
        raise UnsafeInputError("XML entity declarations are not allowed (external entities, "
                               "entity expansion)", path, line)
    external = _EXTERNAL_DTD.search(data)
    if external:
        line = data[: external.start()].count(b"\n") + 1
        raise UnsafeInputError("XML refers to a DTD on the network; careglot never fetches DTDs",
                               path, line)
    try:
        root = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed XML: {exc.msg}", path, exc.lineno or None) from exc
    return root.getroottree()


def parse_xml_file(path: str | os.PathLike[str]) -> etree._ElementTree:
    """Read and parse an XML file with :func:`parse_xml_bytes`."""
    try:
        size = os.path.getsize(path)
        check_xml_size(size, path)
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError as exc:
        raise InputError("file not found", path) from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path) from exc
    return parse_xml_bytes(data, path)


def parse_html_fragment(markup: str, path: str | os.PathLike[str]) -> html.HtmlElement:
    """Parse an HTML fragment (e.g. WordPress ``content.rendered``) into a wrapping element."""
    check_xml_size(len(markup.encode("utf-8")), path)
    try:
        fragments = html.fragments_fromstring(markup, parser=html_parser())
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"HTML cannot be parsed: {exc}", path) from exc
    wrapper = html.Element("div")
    for fragment in fragments:
        if isinstance(fragment, str):
            if len(wrapper):
                last = wrapper[-1]
                last.tail = (last.tail or "") + fragment
            else:
                wrapper.text = (wrapper.text or "") + fragment
        else:
            wrapper.append(fragment)
    return wrapper


def parse_html_document(data: bytes, path: str | os.PathLike[str]) -> html.HtmlElement:
    """Parse a whole HTML document safely."""
    check_xml_size(len(data), path)
    try:
        return html.document_fromstring(data, parser=html_parser())
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"HTML cannot be parsed: {exc}", path) from exc
