"""How the CLI shows an error: ``careglot: error: <file>:<line>: <what>``."""

from __future__ import annotations

import os
from pathlib import Path

from careglot.core.errors import CareglotError


def display_path(path: str) -> str:
    """``path`` relative to the cwd when it lies inside it, else as given."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else path
    except (OSError, ValueError):
        return path


def format_error(error: CareglotError) -> str:
    """``careglot: error: <file>:<line>: <what>`` with paths relative to the cwd when inside it."""
    where = error.location()
    if error.path is not None:
        shown = display_path(error.path)
        where = f"{shown}:{error.line}" if error.line is not None else shown
    return f"careglot: error: {where}: {error.message}" if where else f"careglot: error: {error.message}"
