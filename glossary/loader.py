"""Read a glossary file (YAML or TBX) into the :mod:`glossary.model` objects.

YAML is the human-edited workspace format; TBX (v2 ``martif`` or v3 ``tbx``) is what CAT
tools exchange. Every concept and term keeps the line it came from, so validation errors
name ``file:line``. This module checks structure (fields, value types, enumerations);
:mod:`glossary.validate` checks the rules that span concepts.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from careglot.core.errors import InputError
from careglot.core.yamlio import YamlList, YamlMap, load_yaml, load_yaml_text
from glossary.model import CONCEPT_ID, PARTS_OF_SPEECH, STATUSES, TERM_TYPES, Concept, Glossary, Term

LANGUAGE = re.compile(r"^[a-z]{2,3}$")
REGION = re.compile(r"^(?:[A-Z]{2}|[0-9]{3})$")
CONCEPT_FIELDS = ("id", "domain", "definition", "notes", "sources", "terms")
TERM_FIELDS = ("term", "type", "status", "region", "case_sensitive", "pos", "gender", "note", "source",
               "ambiguous")
REQUIRED_TERM_FIELDS = ("term", "type", "status")
TBX_SUFFIXES = (".tbx", ".xml", ".tbxm")


def load_glossary(path: str | os.PathLike[str]) -> Glossary:
    """Load a YAML or TBX glossary; the format is told by extension, else by content."""
    file = Path(path)
    if _looks_like_tbx(file):
        from glossary.tbx import read_tbx  # local import: lxml only when TBX is used

        return read_tbx(file)
    return glossary_from_data(load_yaml(file), file)


def load_glossary_text(text: str, path: str | os.PathLike[str]) -> Glossary:
    """Parse YAML glossary ``text``; ``path`` names it in errors."""
    return glossary_from_data(load_yaml_text(text, path), Path(path))


def _looks_like_tbx(file: Path) -> bool:
    if file.suffix.lower() in TBX_SUFFIXES:
        return True
    if file.suffix.lower() in (".yaml", ".yml"):
        return False
    try:
        with file.open("rb") as handle:
            head = handle.read(512)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def glossary_from_data(data: Any, path: Path) -> Glossary:
    """Build a Glossary from line-aware YAML data, checking its structure."""
    if data is None:
        return Glossary([], path)
    if not isinstance(data, YamlMap):
        raise InputError("the glossary must be a mapping with a 'concepts' list", path,
                         getattr(data, "line", 1))
    for key in data:
        if key != "concepts":
            raise InputError(f"unknown field {key!r} (the glossary has only 'concepts')", path,
                             data.key_line(key))
    entries = data.get("concepts")
    if entries is None:
        return Glossary([], path)
    if not isinstance(entries, YamlList):
        raise InputError("'concepts' must be a list", path, data.value_line("concepts"))
    concepts = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, YamlMap):
            raise InputError("each concept must be a mapping of fields", path, entries.item_line(index))
        concepts.append(_concept(entry, path))
    return Glossary(concepts, path)


def _concept(entry: YamlMap, path: Path) -> Concept:
    for key in entry:
        if key not in CONCEPT_FIELDS:
            raise InputError(f"unknown concept field {key!r} (expected one of: {', '.join(CONCEPT_FIELDS)})",
                             path, entry.key_line(key))
    if "id" not in entry:
        raise InputError("concept has no 'id'", path, entry.line)
    ident = entry["id"]
    if not isinstance(ident, str) or not CONCEPT_ID.match(ident):
        raise InputError(f"invalid concept id {ident!r} (use lowercase letters, digits and '-')", path,
                         entry.value_line("id"))
    terms_data = entry.get("terms")
    if not isinstance(terms_data, YamlMap) or not terms_data:
        raise InputError(f"concept {ident!r} needs 'terms': a mapping of language to a list of terms", path,
                         entry.value_line("terms"))
    concept = Concept(id=ident, line=entry.line,
                      domain=_optional_text(entry, "domain", path),
                      definition=_per_language(entry, "definition", path),
                      notes=_per_language(entry, "notes", path),
                      sources=_text_list(entry, "sources", path))
    for lang, items in terms_data.items():
        line = terms_data.key_line(lang)
        _check_language_key(lang, path, line)
        if not isinstance(items, YamlList) or not items:
            raise InputError(f"terms for {lang!r} must be a non-empty list", path, terms_data.value_line(lang))
        concept.lang_lines[lang] = line
        concept.terms[lang] = [_term(item, lang, items.item_line(i), path) for i, item in enumerate(items)]
    return concept


def _term(item: Any, lang: str, line: int, path: Path) -> Term:
    if not isinstance(item, YamlMap):
        raise InputError("each term must be a mapping with at least term, type and status", path, line)
    for key in item:
        if key not in TERM_FIELDS:
            raise InputError(f"unknown term field {key!r} (expected one of: {', '.join(TERM_FIELDS)})",
                             path, item.key_line(key))
    for key in REQUIRED_TERM_FIELDS:
        if key not in item:
            raise InputError(f"term is missing the field {key!r}", path, item.line)
    text = item["term"]
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"term must be non-empty text, not {text!r} (quote it in YAML)", path,
                         item.value_line("term"))
    if text != text.strip() or "\n" in text:
        raise InputError(f"term {text!r} has surrounding spaces or a line break", path, item.value_line("term"))
    return Term(text=text, lang=lang, line=item.line,
                type=_choice(item, "type", TERM_TYPES, path),
                status=_choice(item, "status", STATUSES, path),
                region=_region(item, path),
                case_sensitive=_optional_bool(item, "case_sensitive", path),
                pos=_choice(item, "pos", PARTS_OF_SPEECH, path) if "pos" in item else None,
                gender=_optional_text(item, "gender", path),
                note=_optional_text(item, "note", path),
                source=_optional_text(item, "source", path),
                ambiguous=bool(_optional_bool(item, "ambiguous", path)))


def _check_language_key(lang: object, path: Path, line: int) -> None:
    if not isinstance(lang, str) or not LANGUAGE.match(lang):
        raise InputError(f"invalid language code {lang!r} (use a plain language code such as nl, fr, de, en)",
                         path, line)


def _choice(item: YamlMap, key: str, allowed: tuple[str, ...], path: Path) -> str:
    value = item[key]
    if value not in allowed:
        raise InputError(f"unknown {key} {value!r} (expected one of: {', '.join(allowed)})", path,
                         item.value_line(key))
    return str(value)


def _region(item: YamlMap, path: Path) -> str | None:
    value = item.get("region")
    if value is None:
        return None
    if not isinstance(value, str) or not REGION.match(value):
        raise InputError(f"invalid region {value!r} (use an ISO 3166 code such as BE or NL)", path,
                         item.value_line("region"))
    return value


def _optional_bool(item: YamlMap, key: str, path: Path) -> bool | None:
    value = item.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise InputError(f"{key} must be true or false, not {value!r}", path, item.value_line(key))


def _optional_text(item: YamlMap, key: str, path: Path) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise InputError(f"{key} must be text", path, item.value_line(key))
    return str(value)


def _per_language(entry: YamlMap, key: str, path: Path) -> dict[str, str]:
    value = entry.get(key)
    if value is None:
        return {}
    if not isinstance(value, YamlMap):
        raise InputError(f"{key} must be a mapping of language to text (e.g. en: ...)", path,
                         entry.value_line(key))
    result: dict[str, str] = {}
    for lang, text in value.items():
        _check_language_key(lang, path, value.key_line(lang))
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{key} in {lang!r} must be non-empty text", path, value.value_line(lang))
        result[lang] = text
    return result


def _text_list(entry: YamlMap, key: str, path: Path) -> list[str]:
    value = entry.get(key)
    if value is None:
        return []
    if not isinstance(value, YamlList):
        raise InputError(f"{key} must be a list of text", path, entry.value_line(key))
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise InputError(f"each entry of {key} must be non-empty text", path, value.item_line(index))
    return [str(item) for item in value]
