"""Incremental builds: a manifest of input hashes next to the output.

A page is rendered again only when something it is made of changed: its leaflet file,
the locale's catalog, the glossary, the contact points, or the code of any package a page
depends on (:data:`CODE_PACKAGES`, templates included), or the ``--allow-incomplete`` flag,
which changes what a gap looks like.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from careglot.core.codehash import code_digest
from careglot.core.fsutil import atomic_write

MANIFEST = ".careglot-build.json"
VERSION = 1
# Every package whose code shapes a page or its report: a change in any of them renders again.
CODE_PACKAGES = ("careglot.core", "glossary", "catalogs", "check", "render")


def code_fingerprint() -> str:
    """A hash of the code and templates of :data:`CODE_PACKAGES`: a new careglot renders everything again."""
    return hashlib.sha256(f"{VERSION}\0{code_digest(CODE_PACKAGES)}".encode()).hexdigest()


def input_hash(leaflet: Path, catalog: Path, glossary: Path, contacts: Path, locale: str,
               allow_incomplete: bool) -> str:
    """The hash of everything one page of ``leaflet`` in ``locale`` is made of."""
    digest = hashlib.sha256(f"{code_fingerprint()}\0{locale}\0{allow_incomplete}".encode())
    for path in (leaflet, catalog, glossary, contacts):
        digest.update(b"\0" + (path.read_bytes() if path.is_file() else b"<missing>"))
    return digest.hexdigest()


class Manifest:
    """``<out>/.careglot-build.json``: per ``locale/leaflet``, the input hash and the formats built."""

    def __init__(self, path: Path, entries: dict[str, dict[str, object]]) -> None:
        self.path = path
        self.entries = entries

    @classmethod
    def load(cls, out: Path) -> Manifest:
        path = out / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path, {})  # no manifest or a broken one: everything is rendered again
        entries = data.get("entries") if isinstance(data, dict) and data.get("version") == VERSION else None
        return cls(path, entries if isinstance(entries, dict) else {})

    def formats(self, locale: str, leaflet_id: str) -> list[str]:
        entry = self.entries.get(f"{locale}/{leaflet_id}", {})
        found = entry.get("formats") if isinstance(entry, dict) else None
        return [str(name) for name in found] if isinstance(found, list) else []

    def unchanged(self, locale: str, leaflet_id: str, digest: str, formats: tuple[str, ...], folder: Path) -> bool:
        """Built before from the same inputs, in every format asked for, and still on disk."""
        entry = self.entries.get(f"{locale}/{leaflet_id}")
        if not isinstance(entry, dict) or entry.get("hash") != digest:
            return False
        built = self.formats(locale, leaflet_id)
        return all(fmt in built and (folder / f"{leaflet_id}.{fmt}").is_file() for fmt in formats)

    def record(self, locale: str, leaflet_id: str, digest: str, formats: list[str]) -> None:
        self.entries[f"{locale}/{leaflet_id}"] = {"hash": digest, "formats": formats}

    def forget_except(self, locale: str, leaflet_ids: set[str]) -> None:
        """Drop entries of leaflets that no longer exist in ``locale``."""
        for key in [key for key in self.entries if key.split("/")[0] == locale]:
            if key.split("/", 1)[1] not in leaflet_ids:
                del self.entries[key]

    def save(self) -> None:
        atomic_write(self.path, json.dumps({"version": VERSION, "entries": self.entries}, indent=1, sort_keys=True)
                     + "\n")
