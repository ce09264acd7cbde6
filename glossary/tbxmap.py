"""Value mappings between careglot's term fields and TBX-Basic data categories.

Kept apart from the XML code so the tables read like the documentation (docs/glossary.md).
"""

from __future__ import annotations

import os
import re

from careglot.core.errors import InputError
from glossary.model import GENDERS, STATUSES, TERM_TYPES, Term

CAREGLOT_NOTE = "careglot:"

STATUS_TO_TBX = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",  # plus "careglot: status=forbidden"
}
STATUS_FROM_TBX = {
    "preferredterm": "preferred", "standardizedterm": "preferred", "legalterm": "preferred",
    "regulatedterm": "preferred", "preferred": "preferred",
    "admittedterm": "admitted", "admitted": "admitted",
    "deprecatedterm": "deprecated", "deprecated": "deprecated",
    "supersededterm": "deprecated", "obsolete": "deprecated", "superseded": "deprecated",
    "forbidden": "forbidden", "forbiddenterm": "forbidden",
}
TYPE_FROM_TBX = {
    "fullform": "full-form", "phrase": "full-form", "fullterm": "full-form",
    "abbreviation": "abbreviation", "acronym": "abbreviation", "shortform": "abbreviation",
    "initialism": "abbreviation", "clippedterm": "abbreviation", "symbol": "abbreviation",
    "variant": "variant", "orthographicvariant": "variant", "synonym": "variant",
}
POS_TO_TBX = {"noun": "noun", "verb": "verb", "adjective": "adjective", "proper-noun": "properNoun"}
POS_FROM_TBX = {value.lower(): key for key, value in POS_TO_TBX.items()} | {"proper noun": "proper-noun"}
GENDER_TO_TBX = {
    "nl": {"de": "other", "het": "neuter"},
    "fr": {"m": "masculine", "f": "feminine"},
    "de": {"m": "masculine", "f": "feminine", "n": "neuter"},
}
GENDER_FROM_TBX = {
    "nl": {"other": "de", "common": "de", "masculine": "de", "feminine": "de", "neuter": "het"},
    "fr": {"masculine": "m", "feminine": "f"},
    "de": {"masculine": "m", "feminine": "f", "neuter": "n"},
}
_ACRONYM = re.compile(r"^[A-Za-z0-9]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*$")


def status_to_tbx(status: str) -> str:
    return STATUS_TO_TBX[status]


def status_from_tbx(value: str, path: str | os.PathLike[str] | None, line: int | None) -> str:
    key = value.strip().removesuffix("-admn-sts").replace("-", "").replace(" ", "").lower()
    if key not in STATUS_FROM_TBX:
        raise InputError(f"unknown administrativeStatus {value!r} (expected e.g. preferredTerm-admn-sts)",
                         path, line)
    return STATUS_FROM_TBX[key]


def type_to_tbx(term: Term) -> str:
    """termType for ``term``: abbreviations written in capitals are acronyms, lay terms are variants."""
    if term.type == "abbreviation":
        return "acronym" if _ACRONYM.match(term.text) else "abbreviation"
    return {"full-form": "fullForm", "variant": "variant", "lay-term": "variant"}[term.type]


def type_from_tbx(value: str) -> str:
    return TYPE_FROM_TBX.get(value.strip().replace("-", "").replace(" ", "").lower(), "full-form")


def pos_to_tbx(pos: str) -> str:
    return POS_TO_TBX[pos]


def pos_from_tbx(value: str) -> str | None:
    return POS_FROM_TBX.get(value.strip().lower())


def gender_to_tbx(gender: str | None, lang: str) -> str | None:
    if gender is None:
        return None
    return GENDER_TO_TBX.get(lang, {}).get(gender)


def gender_from_tbx(value: str, lang: str) -> str | None:
    return GENDER_FROM_TBX.get(lang, {}).get(value.strip().lower())


def careglot_note(term: Term) -> str | None:
    """``careglot: key=value; ...`` for what TBX-Basic has no category for, or None."""
    parts = []
    if term.type == "lay-term":
        parts.append("type=lay-term")
    if term.status == "forbidden":
        parts.append("status=forbidden")
    if term.case_sensitive is not None:
        parts.append(f"case_sensitive={'true' if term.case_sensitive else 'false'}")
    if term.ambiguous:
        parts.append("ambiguous=true")
    if term.gender is not None and gender_to_tbx(term.gender, term.lang) is None:
        parts.append(f"gender={term.gender}")
    return f"{CAREGLOT_NOTE} {'; '.join(parts)}" if parts else None


def parse_careglot_note(text: str, path: str | os.PathLike[str] | None, line: int | None) -> dict[str, str]:
    """The fields of a ``careglot:`` note, checked against careglot's vocabularies."""
    allowed = {"type": TERM_TYPES, "status": STATUSES, "case_sensitive": ("true", "false"),
               "ambiguous": ("true", "false"), "gender": tuple(g for gs in GENDERS.values() for g in gs)}
    fields: dict[str, str] = {}
    for part in text.removeprefix(CAREGLOT_NOTE).split(";"):
        if not part.strip():
            continue
        key, _, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if key not in allowed or value not in allowed[key]:
            raise InputError(f"unreadable careglot note field {part.strip()!r}", path, line)
        fields[key] = value
    return fields
