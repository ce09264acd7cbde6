"""Readers: turn a registered source or a plain file path into a :class:`Document` of blocks.

The manifest's ``format`` picks the reader (``text``, ``wordpress-json``, ``html``; a notice
says when the content looks like another one); plain paths pick it from the content
(:mod:`extract.readers.sniff`), falling back on the extension. Every block gets the
declared language checked.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from careglot.core.errors import InputError, UsageError
from extract.blocks import Block, Document, Notice, source_path
from extract.language import identify
from extract.manifest import Source
from extract.readers.decode import decode, read_bytes
from extract.readers.html import read_html
from extract.readers.sniff import choose_format, sniff
from extract.readers.text import read_text
from extract.readers.wordpress import read_wordpress

EXTENSIONS = {".txt": "text", ".text": "text", ".md": "text", ".json": "wordpress-json", ".html": "html",
              ".htm": "html"}
MIN_WORDS_TO_CHECK = 6


def read_source(source: Source, root: Path | None = None) -> Document:
    """Read one manifest source with the reader its format names."""
    shown = source_path(source.path, root)
    document = _read(source.path, source.format, source=source.id, file=shown, lang=source.lang, declared=True)
    document.audience = source.audience
    return document


def read_path(path: Path, root: Path | None = None, lang: str | None = None) -> Document:
    """Read a file given on the command line; the language is detected unless ``lang`` is set."""
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"unsupported file type {path.suffix or '(none)'!r} "
                         f"(expected {', '.join(sorted(EXTENSIONS))})", path)
    shown = source_path(path, root)
    document = _read(path, fmt, source=shown, file=shown, lang=lang or "und")
    if lang is None:
        detected = identify(" ".join(block.text for block in document.blocks))
        if detected is None:
            document.notices.append(Notice("language could not be detected; assumed en (use --lang)", shown))
            detected = "en"
        document.lang = detected
        document.blocks = [dataclasses.replace(b, lang=detected) for b in document.blocks]
        document.blocks = _checked(document.blocks, document.notices)
    return document


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given plus the supported files inside given folders (sorted, recursive)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                raise UsageError(f"no .txt, .json or .html files in {path}")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError("file not found", path)
    return files


def _read(path: Path, fmt: str, *, source: str, file: str, lang: str, declared: bool = False) -> Document:
    data = read_bytes(path)
    text, notices = decode(data, path, file)
    if declared:
        seen = sniff(text)
        if seen is not None and seen != fmt:
            notices.append(Notice(f"content looks like {seen}; read as the declared format {fmt}", file, 1))
    else:
        fmt = choose_format(text, fmt)
    if fmt == "html":
        # Character references parse the same whatever encoding the markup declares.
        blocks = read_html(text.encode("ascii", "xmlcharrefreplace"), path, source=source, file=file, lang=lang)
    elif fmt == "wordpress-json":
        blocks = read_wordpress(text, path, source=source, file=file, lang=lang)
    else:
        blocks = read_text(text, source=source, file=file, lang=lang)
    document = Document(source=source, file=file, path=path, lang=lang, notices=notices)
    document.blocks = _checked(blocks, document.notices) if lang != "und" else blocks
    return document


def _checked(blocks: list[Block], notices: list[Notice]) -> list[Block]:
    """Record each block's detected language; a notice for blocks in another language."""
    checked = []
    for block in blocks:
        detected = identify(block.text) if len(block.text.split()) >= MIN_WORDS_TO_CHECK else None
        if detected != block.detected_lang:
            block = dataclasses.replace(block, detected_lang=detected)
        if block.foreign:
            notices.append(Notice(f"block {block.index} reads as {detected}, the source declares {block.lang}",
                                  block.file, block.line))
        checked.append(block)
    return checked
