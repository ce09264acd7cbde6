"""Reader for plain-text web captures: lines -> headings, paragraphs and list items.

Furniture lines (navigation, breadcrumbs, widgets, banners, calls to action) are dropped,
a short line repeated in the page is treated as a site label, and footnote numbers glued
to words ("market1", "patients.2,3") are removed. Line numbers are those of the file.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from careglot.core.folding import TYPOGRAPHY
from extract.blocks import Block, normalise
from extract.readers import furniture

_LIST_MARKER = re.compile(r"^(?:[•\-*–·▪◦]|\d{1,2}[.)])\s+")
# "market1", "patients.2,3": one or two digits after three lowercase letters (and punctuation).
# The pattern starts with \d (the letters are checked behind the first digit) so that re can
# skip straight to digits instead of trying the look-behind at every position.
FOOTNOTES = re.compile(r"\d(?:(?<=[a-z]{3}\d)\d?(?:,\d{1,2})*(?=[\s.,;:!?)]|$)"
                       r"|(?<=[a-z]{3}[.,;:]\d)\d?(?:[,\u2013-]\d{1,2})*(?=\s|$))")
MAX_HEADING_WORDS = 14


@dataclass
class _Line:
    number: int
    start: int
    end: int
    text: str


def read_text(text: str, *, source: str, file: str, lang: str) -> list[Block]:
    """Split a decoded text capture into blocks with file line numbers and character offsets."""
    lines = _content_lines(text)
    blocks: list[Block] = []
    run: list[_Line] = []
    for position, line in enumerate(lines):
        if line is None:
            _flush(run, text, blocks, source, file, lang)
            run = []
            continue
        if _LIST_MARKER.match(line.text):
            _flush(run, text, blocks, source, file, lang)
            run = []
            _emit([line], text, blocks, source, file, lang, kind="list-item")
            continue
        run.append(line)
        following = lines[position + 1] if position + 1 < len(lines) else None
        if _looks_like_heading(line.text) and (following is None or following.text[:1].isupper()):
            _flush(run, text, blocks, source, file, lang)
            run = []
    _flush(run, text, blocks, source, file, lang)
    return blocks


def _content_lines(text: str) -> list[_Line | None]:
    """Every line of ``text``; None for blank and furniture lines (they end a block)."""
    raw_lines: list[_Line] = []
    offset = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        body = raw.rstrip("\r\n")
        indent = len(body) - len(body.lstrip())
        raw_lines.append(_Line(number, offset + indent, offset + len(body), body.strip().translate(TYPOGRAPHY)))
        offset += len(raw)
    repeats = Counter(line.text for line in raw_lines if line.text)
    result: list[_Line | None] = []
    in_crumbs = False
    for line in raw_lines:
        crumb = furniture.is_breadcrumb(line.text)
        trail = in_crumbs and furniture.is_numbered(line.text)
        repeated = (repeats[line.text] > 1 and len(line.text.split()) <= 5
                    and not furniture.ends_sentence(line.text))
        if not line.text or furniture.is_furniture(line.text) or crumb or trail or repeated:
            result.append(None)
        else:
            result.append(line)
        in_crumbs = crumb or trail or (in_crumbs and not line.text)
    return result


def _looks_like_heading(text: str) -> bool:
    words = text.split()
    if len(words) > MAX_HEADING_WORDS or furniture.ends_sentence(text):
        return False
    return not text.endswith("?") or sum(w[:1].isupper() for w in words) * 2 >= len(words)


def _flush(run: list[_Line], text: str, blocks: list[Block], source: str, file: str, lang: str) -> None:
    if not run:
        return
    single = len(run) == 1 and (_looks_like_heading(run[0].text) or
                                (run[0].text.endswith("?") and len(run[0].text.split()) <= 10))
    _emit(run, text, blocks, source, file, lang, kind="heading" if single else "paragraph")


def _emit(run: list[_Line], text: str, blocks: list[Block], source: str, file: str, lang: str,
          *, kind: str) -> None:
    start = run[0].start
    if kind == "list-item":
        marker = _LIST_MARKER.match(text[start : run[0].end].translate(TYPOGRAPHY))
        start += marker.end() if marker else 0
    raw = text[start : run[-1].end]
    normalised, offsets = normalise(raw, FOOTNOTES)
    if normalised:
        blocks.append(Block(text=normalised, kind=kind, source=source, file=file, lang=lang,
                            line=run[0].number, index=len(blocks), offset=start, raw=raw, offsets=offsets))
