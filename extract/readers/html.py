"""Reader for HTML: documents (``.html``) and fragments (WordPress ``content.rendered``).

Parsing goes through :mod:`careglot.core.xmlsafe`. Headings, paragraphs and list items become
blocks; navigation, scripts and link lists are dropped; links are kept as metadata.
Offsets point into the decoded text of the parsed tree (``<br>`` counted as a newline).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from lxml import html

from careglot.core.xmlsafe import parse_html_document
from extract.blocks import Block, normalise
from extract.readers import furniture

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = HEADINGS | {"p", "li", "dt", "dd", "figcaption", "blockquote", "td", "th", "caption"}
SKIPPED = frozenset({"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
                     "button", "select", "svg", "iframe"})
REMNANTS = re.compile(r"(?i)\s*\b(?:lees verder|lees meer|read more|continue reading)\b\s*(?:\.{3}|…)?\s*$")
_LABEL = re.compile(r"\[[^\]]*\]")


def read_html(data: bytes, path: Path, *, source: str, file: str, lang: str) -> list[Block]:
    """Blocks of a whole HTML document; the ``<title>`` is used only when no ``<h1>`` exists."""
    root = parse_html_document(data, path)
    body = root.find("body")
    blocks = html_blocks(body if body is not None else root, source=source, file=file, lang=lang,
                         line_of=lambda el: el.sourceline or 1)
    title = root.findtext(".//title")
    if title and title.strip() and root.find(".//h1") is None:
        text, offsets = normalise(title)
        heading = Block(text=text, kind="heading", source=source, file=file, lang=lang,
                        line=_title_line(root), index=0, offset=0, offsets=offsets)
        blocks = [heading, *(_reindex(block, i + 1) for i, block in enumerate(blocks))]
    return blocks


def html_blocks(root: html.HtmlElement, *, source: str, file: str, lang: str,
                line_of: Callable[[html.HtmlElement], int], first_index: int = 0) -> list[Block]:
    """Headings, paragraphs and list items under ``root``, in document order."""
    starts: dict[html.HtmlElement, int] = {}
    _measure(root, starts, 0)
    blocks: list[Block] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in BLOCK_TAGS or _skipped(element):
            continue
        if any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in element.iterdescendants()):
            continue
        raw = _text(element)
        text, offsets = normalise(raw, REMNANTS)
        if not text or furniture.is_furniture(text) or _only_links(element, text):
            continue
        kind = "heading" if element.tag in HEADINGS else "list-item" if element.tag == "li" else "paragraph"
        links = tuple(href for a in element.iter("a") if (href := a.get("href")))
        blocks.append(Block(text=text, kind=kind, source=source, file=file, lang=lang, line=line_of(element),
                            index=first_index + len(blocks), offset=starts.get(element, 0), offsets=offsets,
                            links=links))
    return blocks


def _measure(element: html.HtmlElement, starts: dict[html.HtmlElement, int], position: int) -> int:
    """Record where each element's text starts in the decoded text; return the end position."""
    starts[element] = position
    if element.tag == "br":
        position += 1
    elif isinstance(element.tag, str) and element.tag in SKIPPED:
        return position
    position += len(element.text or "")
    for child in element:
        position = _measure(child, starts, position) + len(child.tail or "")
    return position


def _text(element: html.HtmlElement) -> str:
    if not isinstance(element.tag, str) or element.tag in SKIPPED:
        return ""
    parts = ["\n" if element.tag == "br" else "", element.text or ""]
    for child in element:
        parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _skipped(element: html.HtmlElement) -> bool:
    return any(isinstance(a.tag, str) and a.tag in SKIPPED for a in element.iterancestors())


def _only_links(element: html.HtmlElement, text: str) -> bool:
    """A paragraph that is nothing but links (and language labels) is a link list, not content."""
    anchors = [a.text_content().strip() for a in element.iter("a")]
    if not anchors:
        return False
    rest = _LABEL.sub("", text)
    for anchor in anchors:
        rest = rest.replace(anchor, "")
    return not rest.strip(" \t\n.,;:-|/")


def _title_line(root: html.HtmlElement) -> int:
    title = root.find(".//title")
    return (title.sourceline or 1) if title is not None else 1


def _reindex(block: Block, index: int) -> Block:
    return dataclasses.replace(block, index=index)
