"""Belgian contact points per language (``render/data/contacts.yaml``).

Institutions that are glossary concepts (FAGG/AFMPS, RIZIV/INAMI) are named from the
glossary, so a leaflet never names them differently from the glossary; patient
organisations carry their official names per language. A page in a language the
organisation has no name in shows the names it does use, marked with their language.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from careglot.core.errors import InputError
from careglot.core.yamlio import YamlList, YamlMap, load_yaml
from glossary.model import Glossary
from render.page import ContactPoint, Segment

DEFAULT_CONTACTS = Path(__file__).parent / "data" / "contacts.yaml"
_FIELDS = ("id", "concept", "names", "url", "role", "leaflets", "languages")
_LANG = re.compile(r"^[a-z]{2,3}$")
_URL = re.compile(r"^https://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/%-]*)?$")


@dataclass(frozen=True)
class Contact:
    """One contact point as written in the data file."""

    id: str
    concept: str | None
    names: dict[str, str]
    urls: dict[str, str]
    roles: dict[str, str]
    leaflets: tuple[str, ...]
    languages: tuple[str, ...]
    line: int

    def applies(self, leaflet_id: str, lang: str) -> bool:
        return ((not self.leaflets or leaflet_id in self.leaflets)
                and (not self.languages or lang in self.languages) and lang in self.roles)

    def url(self, lang: str) -> str:
        return self.urls.get(lang) or self.urls.get("*") or next(iter(self.urls.values()))


def load_contacts(path: str | os.PathLike[str] = DEFAULT_CONTACTS) -> list[Contact]:
    """Read and validate the contact points file."""
    file = Path(path)
    data = load_yaml(file)
    if not isinstance(data, YamlMap) or not isinstance(data.get("contacts"), YamlList):
        raise InputError("the contacts file must be a mapping with a 'contacts' list", file, 1)
    contacts = []
    listed = data["contacts"]
    for index, item in enumerate(listed):
        if not isinstance(item, YamlMap):
            raise InputError("each contact must be a mapping", file, listed.item_line(index))
        contacts.append(_contact(item, file))
    return contacts


def _contact(item: YamlMap, file: Path) -> Contact:
    for key in item:
        if key not in _FIELDS:
            raise InputError(f"unknown contact field {key!r}", file, item.key_line(key))
    ident = item.get("id")
    if not isinstance(ident, str) or not ident:
        raise InputError("contact needs an 'id'", file, item.line)
    if ("concept" in item) == ("names" in item):
        raise InputError(f"contact {ident!r} needs exactly one of 'concept' or 'names'", file, item.line)
    raw_url = item.get("url")
    urls = {"*": raw_url} if isinstance(raw_url, str) else _per_language(item, "url", file)
    for url in urls.values():
        if not _URL.match(url):
            raise InputError(f"contact {ident!r}: {url!r} is not an https web address", file, item.value_line("url"))
    return Contact(id=ident, concept=item.get("concept"), names=_per_language(item, "names", file),
                   urls=urls, roles=_per_language(item, "role", file),
                   leaflets=tuple(item.get("leaflets") or ()), languages=tuple(item.get("languages") or ()),
                   line=item.line)


def _per_language(item: YamlMap, key: str, file: Path) -> dict[str, str]:
    value = item.get(key)
    if value is None:
        return {}
    if not isinstance(value, YamlMap) or not all(isinstance(k, str) and _LANG.match(k) and isinstance(v, str)
                                                 for k, v in value.items()):
        raise InputError(f"{key} must map language codes (en, nl, fr, de) to text", file, item.value_line(key))
    return dict(value)


def contact_points(contacts: list[Contact], glossary: Glossary, leaflet_id: str, lang: str) -> list[ContactPoint]:
    """The contact points a ``lang`` page of ``leaflet_id`` shows, in file order."""
    points = []
    for contact in contacts:
        if not contact.applies(leaflet_id, lang):
            continue
        name = _name(contact, glossary, lang)
        if name:
            points.append(ContactPoint(contact.id, name, contact.roles[lang], contact.url(lang)))
    return points


def _name(contact: Contact, glossary: Glossary, lang: str) -> tuple[Segment, ...]:
    if contact.concept is not None:
        concept = glossary.get(contact.concept)
        full = concept.preferred(lang) if concept else None
        if concept is None or full is None:
            raise InputError(f"contact {contact.id!r}: glossary concept {contact.concept!r} has no "
                             f"preferred term in {lang!r}", None, None)
        abbreviation = concept.abbreviation(lang)
        return (Segment(f"{full.text} ({abbreviation.text})" if abbreviation else full.text),)
    if lang in contact.names:
        return (Segment(contact.names[lang]),)
    segments: list[Segment] = []
    for other, name in contact.names.items():
        if segments:
            segments.append(Segment(" / "))
        segments.append(Segment(name, lang=other))
    return tuple(segments)
