"""The project's exception hierarchy.

Libraries raise these and never print or exit; the command line turns them into one line
``careglot: error: <file>:<line>: <what is wrong>`` and exit code 2.
"""

from __future__ import annotations

import os


class CareglotError(Exception):
    """Base class: a problem a user can fix, located in a file and line where known."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None,
                 line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = os.fspath(path) if path is not None else None
        self.line = line

    def location(self) -> str:
        """``file:line``, ``file`` or an empty string."""
        if self.path is None:
            return ""
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class InputError(CareglotError):
    """Malformed or invalid input: a manifest, glossary, leaflet, catalog or source."""


class UsageError(CareglotError):
    """The command was called with arguments that cannot work."""


class WorkspaceError(CareglotError):
    """No workspace found, or an existing one would be overwritten."""


class ConflictError(CareglotError):
    """A file is locked by another careglot process or changed on disk meanwhile."""


class UnsafeInputError(InputError):
    """Input refused for safety: XML entities, DTDs, network references, oversized files."""
