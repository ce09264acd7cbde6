"""Reader for WordPress REST API posts (``wp/v2``): the title and ``content.rendered``.

The post is one JSON line; a block's line is the line of its JSON field, and the block
index and character offset (in the decoded text of the field) locate it precisely.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from careglot.core.errors import InputError
from careglot.core.xmlsafe import parse_html_fragment
from extract.blocks import Block, normalise
from extract.readers.html import html_blocks


def read_wordpress(text: str, path: Path, *, source: str, file: str, lang: str) -> list[Block]:
    """Blocks of one WordPress post: a heading for the title, then the rendered content."""
    try:
        post: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", path, exc.lineno) from exc
    content = _rendered(post, "content", path)
    title = _rendered(post, "title", path)
    blocks: list[Block] = []
    title_text, offsets = normalise(parse_html_fragment(title, path).text_content())
    if title_text:
        blocks.append(Block(text=title_text, kind="heading", source=source, file=file, lang=lang,
                            line=_field_line(text, "title"), index=0, offset=0, offsets=offsets))
    content_line = _field_line(text, "content")
    root = parse_html_fragment(content, path)
    blocks.extend(html_blocks(root, source=source, file=file, lang=lang, line_of=lambda _el: content_line,
                              first_index=len(blocks)))
    return blocks


def _rendered(post: Any, field: str, path: Path) -> str:
    value = post.get(field) if isinstance(post, dict) else None
    rendered = value.get("rendered") if isinstance(value, dict) else None
    if not isinstance(rendered, str):
        raise InputError(f"JSON is not a WordPress post (no {field}.rendered string)", path, 1)
    return rendered


def _field_line(text: str, field: str) -> int:
    """1-based line of ``"field":`` in the JSON text (the first occurrence at any depth)."""
    position = text.find(f'"{field}"')
    return text.count("\n", 0, max(position, 0)) + 1
