"""Catalog reading for the checker: the catalogs package's strict reader, plus the locale header."""

from __future__ import annotations

import os

import polib

from render.catalogs.pofile import load_catalog


def read_catalog(path: str | os.PathLike[str]) -> polib.POFile:
    """Parse ``path``; malformed catalogs raise InputError with file:line (render.catalogs.pofile).

    Source references (``#:``) are left out: no check looks at them.
    """
    return load_catalog(path, occurrences=False)


def catalog_locale(catalog: polib.POFile) -> str | None:
    """The catalog's ``Language`` header, if any."""
    value = catalog.metadata.get("Language", "").strip()
    return value or None
