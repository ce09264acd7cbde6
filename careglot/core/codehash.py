"""Fingerprints of careglot's own code, for caches that must not outlive the code that filled them.

A cache key lists the packages whose code decides the cached result; the fingerprint is
the SHA-256 of every file of those packages (modules, templates, style sheets), in sorted
order, so a change to any module, including one a hand-written list would forget,
invalidates the cache. Computed once per process and set of packages (about 10 ms).
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import lru_cache
from pathlib import Path

_SKIPPED = ("__pycache__",)


def package_dirs(packages: tuple[str, ...]) -> tuple[Path, ...]:
    """The source folder of each package (``"glossary"``, ``"careglot.core"``), without importing it."""
    folders: list[Path] = []
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise ValueError(f"{name!r} is not an installed package")
        folders.extend(Path(location) for location in spec.submodule_search_locations)
    return tuple(folders)


@lru_cache(maxsize=8)
def tree_digest(folders: tuple[Path, ...]) -> str:
    """SHA-256 over the relative path and content of every file under ``folders`` (bytecode left out)."""
    digest = hashlib.sha256()
    for folder in folders:
        files = sorted(path for path in folder.rglob("*")
                       if path.is_file() and path.suffix != ".pyc" and not set(_SKIPPED) & set(path.parts))
        for path in files:
            digest.update(f"{folder.name}/{path.relative_to(folder).as_posix()}".encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def code_digest(packages: tuple[str, ...]) -> str:
    """The fingerprint of the code of ``packages``."""
    return tree_digest(package_dirs(packages))
