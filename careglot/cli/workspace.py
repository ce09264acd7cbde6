"""Workspace discovery: ``careglot.yaml`` names where a project's data lives.

Like git, every command finds the workspace by walking up from the current directory;
``--workspace DIR`` overrides. ``careglot init`` creates a new, empty, valid one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from careglot.core.errors import InputError, WorkspaceError
from careglot.core.fsutil import atomic_write
from careglot.core.locales import check_locale
from careglot.core.yamlio import YamlMap, load_yaml

WORKSPACE_FILE = "careglot.yaml"
DEFAULT_TARGET_LOCALES = ("nl_BE", "fr_BE", "de_BE", "en")
_PATH_FIELDS = ("sources", "glossary", "leaflets", "locales", "output")

_NEW_WORKSPACE = """\
# careglot workspace: where this project's data lives (paths relative to this file).
sources: sources/sources.yaml
glossary: glossary.yaml
leaflets: leaflets
locales: locales
output: build
source_locale: en
target_locales: [nl_BE, fr_BE, de_BE, en]
"""
_NEW_MANIFEST = """\
# Source documents: a list of entries with id, file, lang, format, title, publisher,
# audience (and optionally url, published, notes). See careglot's README.
[]
"""
_NEW_GLOSSARY = """\
# Concept-oriented glossary. See careglot's README for the format.
concepts: []
"""


@dataclass(frozen=True)
class Workspace:
    """The resolved paths and locales of one careglot workspace."""

    root: Path
    sources_manifest: Path
    glossary_path: Path
    leaflets_dir: Path
    locales_dir: Path
    output_dir: Path
    source_locale: str
    target_locales: tuple[str, ...]

    def relative(self, path: str | os.PathLike[str]) -> str:
        """``path`` relative to the workspace root (POSIX style) when inside it."""
        resolved = Path(path).resolve()
        try:
            return resolved.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def find_workspace(start: str | os.PathLike[str]) -> Path:
    """Walk up from ``start`` to the directory holding ``careglot.yaml``."""
    here = Path(start).resolve()
    for candidate in (here, *here.parents):
        if (candidate / WORKSPACE_FILE).is_file():
            return candidate
    raise WorkspaceError(f"no {WORKSPACE_FILE} found in {here} or any parent directory "
                         "(run 'careglot init DIR' or pass --workspace DIR)")


def load_workspace(root: str | os.PathLike[str]) -> Workspace:
    """Read and validate ``careglot.yaml`` in ``root``."""
    base = Path(root).resolve()
    config = base / WORKSPACE_FILE
    if not config.is_file():
        raise WorkspaceError(f"{base} is not a careglot workspace (no {WORKSPACE_FILE})")
    data = load_yaml(config)
    if not isinstance(data, YamlMap):
        raise InputError("the workspace file must be a mapping", config, 1)
    for field in data:
        if field not in (*_PATH_FIELDS, "source_locale", "target_locales"):
            raise InputError(f"unknown field {field!r}", config, data.key_line(field))
    paths = {field: _inside(base, data, field, config) for field in _PATH_FIELDS}
    source_locale = check_locale(data.get("source_locale", "en"), config, data.value_line("source_locale"))
    raw_targets = data.get("target_locales", list(DEFAULT_TARGET_LOCALES))
    if not isinstance(raw_targets, list) or not raw_targets:
        raise InputError("target_locales must be a non-empty list", config, data.value_line("target_locales"))
    targets = tuple(check_locale(code, config, data.value_line("target_locales")) for code in raw_targets)
    return Workspace(root=base, sources_manifest=paths["sources"], glossary_path=paths["glossary"],
                     leaflets_dir=paths["leaflets"], locales_dir=paths["locales"],
                     output_dir=paths["output"], source_locale=source_locale, target_locales=targets)


def _inside(base: Path, data: YamlMap, field: str, config: Path) -> Path:
    defaults = {"sources": "sources/sources.yaml", "glossary": "glossary.yaml", "leaflets": "leaflets",
                "locales": "locales", "output": "build"}
    value = data.get(field, defaults[field])
    if not isinstance(value, str) or not value:
        raise InputError(f"{field} must be a relative path", config, data.value_line(field))
    resolved = (base / value).resolve()
    if Path(value).is_absolute() or not resolved.is_relative_to(base):
        raise InputError(f"{field} path {value!r} must stay inside the workspace", config,
                         data.value_line(field))
    return resolved


def open_workspace(explicit: str | os.PathLike[str] | None, cwd: str | os.PathLike[str] | None = None) -> Workspace:
    """The workspace named by ``--workspace`` or found from ``cwd``."""
    if explicit is not None:
        return load_workspace(explicit)
    return load_workspace(find_workspace(cwd if cwd is not None else Path.cwd()))


def init_workspace(directory: str | os.PathLike[str]) -> Workspace:
    """Create a new, empty, valid workspace in ``directory``; never overwrite anything."""
    base = Path(directory)
    planned = {  # the workspace file last: a failed init leaves no half-valid workspace
        base / "sources" / "sources.yaml": _NEW_MANIFEST,
        base / "glossary.yaml": _NEW_GLOSSARY,
        base / WORKSPACE_FILE: _NEW_WORKSPACE,
    }
    if (base / WORKSPACE_FILE).exists():
        raise WorkspaceError(f"{base / WORKSPACE_FILE} already exists; not overwriting a workspace")
    existing = [str(path) for path in planned if path.exists()]
    if existing:
        raise WorkspaceError(f"{existing[0]} already exists; not overwriting it")
    if base.exists() and not base.is_dir():
        raise WorkspaceError(f"{base} exists and is not a directory")
    for folder in ("leaflets", "locales"):
        (base / folder).mkdir(parents=True, exist_ok=True)
    for path, text in planned.items():
        atomic_write(path, text)
    return load_workspace(base)
