"""Read a .po catalog with polib, turning its errors into one ``file:line`` InputError."""

from __future__ import annotations

import os
import re

import polib

from glossary.errors import InputError

_POLIB_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")


def read_catalog(path: str | os.PathLike[str]) -> polib.POFile:
    """Parse ``path``; malformed catalogs raise :class:`InputError` with the line polib names."""
    try:
        return polib.pofile(os.fspath(path), wrapwidth=0)
    except UnicodeDecodeError as error:
        raise InputError(f"not valid {error.encoding}: {error.reason} at byte {error.start}", path) from error
    except (OSError, ValueError) as error:
        if isinstance(error, FileNotFoundError | PermissionError | IsADirectoryError):
            raise InputError(error.strerror or str(error), path) from error
        found = _POLIB_LINE.search(str(error))
        if found is None:
            raise InputError(f"malformed catalog: {error}", path) from error
        detail = found.group(2) or "syntax error"
        raise InputError(f"malformed catalog: {detail}", path, int(found.group(1))) from error


def catalog_locale(catalog: polib.POFile) -> str | None:
    """The catalog's ``Language`` header, if any."""
    value = catalog.metadata.get("Language", "").strip()
    return value or None
