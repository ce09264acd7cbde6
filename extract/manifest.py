"""The sources manifest (``sources/sources.yaml``): which documents careglot reads, and how.

Every source has an id used for provenance everywhere else (statements, leaflets), a
language, a format that selects its reader, and an audience that tells editors how far
to trust it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from careglot.core.errors import InputError
from careglot.core.locales import LocaleError, parse_locale
from careglot.core.yamlio import YamlList, YamlMap, load_yaml

FORMATS = ("text", "wordpress-json", "html")
AUDIENCES = ("patient", "professional", "industry", "promotional")
REQUIRED_FIELDS = ("id", "file", "lang", "format", "title", "publisher", "audience")
OPTIONAL_FIELDS = ("url", "published", "notes")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Source:
    """One registered source document."""

    id: str
    file: str
    path: Path
    lang: str
    format: str
    title: str
    publisher: str
    audience: str
    url: str | None = None
    published: dt.date | None = None
    notes: str | None = None
    line: int = 0

    @property
    def patient_facing(self) -> bool:
        """Whether the publisher wrote this for patients or professionals (not to sell or lobby)."""
        return self.audience in ("patient", "professional")


def validate_language(code: str, path: str | os.PathLike[str], line: int) -> str:
    """Return ``code`` if it is a language tag with registered subtags (``en``, ``nl-BE``), else raise."""
    try:
        parse_locale(code)
    except LocaleError as error:
        raise InputError(f"{'unknown' if error.unknown else 'invalid'} language code {code!r}", path, line) from error
    return code


def load_manifest(path: str | os.PathLike[str]) -> list[Source]:
    """Load and validate a sources manifest; files are resolved relative to its folder."""
    manifest = Path(path)
    data = load_yaml(manifest)
    if data is None:
        return []
    if not isinstance(data, YamlList):
        line = getattr(data, "line", 1)
        raise InputError("the manifest must be a list of sources", manifest, line)
    sources: list[Source] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data):
        line = data.item_line(index)
        if not isinstance(entry, YamlMap):
            raise InputError("each source must be a mapping of fields", manifest, line)
        source = _source_from_entry(entry, manifest)
        if source.id in seen:
            raise InputError(f"duplicate source id {source.id!r} (first at line {seen[source.id]})",
                             manifest, entry.value_line("id"))
        seen[source.id] = entry.value_line("id")
        sources.append(source)
    return sources


def _source_from_entry(entry: YamlMap, manifest: Path) -> Source:
    for field in REQUIRED_FIELDS:
        if field not in entry or entry[field] in (None, ""):
            raise InputError(f"source is missing the field {field!r}", manifest, entry.line)
    for field in entry:
        if field not in REQUIRED_FIELDS and field not in OPTIONAL_FIELDS:
            raise InputError(f"unknown field {field!r}", manifest, entry.key_line(field))
    ident = str(entry["id"])
    if not _ID.match(ident):
        raise InputError(f"invalid source id {ident!r} (use lowercase letters, digits and '-')",
                         manifest, entry.value_line("id"))
    fmt = entry["format"]
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (expected one of: {', '.join(FORMATS)})",
                         manifest, entry.value_line("format"))
    audience = entry["audience"]
    if audience not in AUDIENCES:
        raise InputError(f"unknown audience {audience!r} (expected one of: {', '.join(AUDIENCES)})",
                         manifest, entry.value_line("audience"))
    lang = validate_language(entry["lang"], manifest, entry.value_line("lang"))
    relative = str(entry["file"])
    file_path = (manifest.parent / relative).resolve()
    if Path(relative).is_absolute() or not file_path.is_relative_to(manifest.parent.resolve()):
        raise InputError(f"source file {relative!r} must be inside {manifest.parent}",
                         manifest, entry.value_line("file"))
    if not file_path.is_file():
        raise InputError(f"source file {relative!r} not found", manifest, entry.value_line("file"))
    return Source(id=ident, file=relative, path=file_path, lang=lang, format=fmt,
                  title=str(entry["title"]), publisher=str(entry["publisher"]), audience=audience,
                  url=_optional_str(entry.get("url")), published=_optional_date(entry, manifest),
                  notes=_optional_str(entry.get("notes")), line=entry.line)


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _optional_date(entry: YamlMap, manifest: Path) -> dt.date | None:
    value = entry.get("published")
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(f"published must be a date (YYYY-MM-DD), not {value!r}", manifest,
                         entry.value_line("published")) from exc
