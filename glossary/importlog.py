"""What a lenient import kept elsewhere, changed or skipped, each with file and line.

A terminologist's TBX from MultiTerm, memoQ, Lokalize or Weblate carries more than careglot's
model holds (history, cross-references, customer subsets) and sometimes less than it needs (no
preferred term). The readers record every such item here instead of refusing the file;
``strict`` turns the first one into an :class:`InputError` (all-or-nothing import).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from careglot.core.errors import InputError


@dataclass(frozen=True)
class LogItem:
    """One thing the import did not take as it was: ``kind`` groups items in the summary."""

    kind: str
    action: str  # "skipped", "kept" (elsewhere in the model) or "changed"
    message: str
    path: Path | None
    line: int


@dataclass
class ImportLog:
    """The items of one import, in reading order."""

    strict: bool = False
    items: list[LogItem] = field(default_factory=list)

    def skip(self, kind: str, message: str, path: str | os.PathLike[str] | None, line: int | None) -> None:
        self._add("skipped", kind, message, path, line)

    def keep(self, kind: str, message: str, path: str | os.PathLike[str] | None, line: int | None) -> None:
        self._add("kept", kind, message, path, line)

    def change(self, kind: str, message: str, path: str | os.PathLike[str] | None, line: int | None) -> None:
        self._add("changed", kind, message, path, line)

    def _add(self, action: str, kind: str, message: str, path: str | os.PathLike[str] | None,
             line: int | None) -> None:
        if self.strict:
            raise InputError(f"{message} (--strict refuses the whole file)", path, line)
        self.items.append(LogItem(kind, action, message, Path(path) if path is not None else None, line or 0))

    def of(self, action: str) -> list[LogItem]:
        return [item for item in self.items if item.action == action]

    def lines(self, shown: int = 3) -> list[str]:
        """One line per kind: how many, what was done, and where (the first ``shown`` places)."""
        out = []
        counts = Counter((item.action, item.kind) for item in self.items)
        for (action, kind), count in counts.items():
            group = [item for item in self.items if item.action == action and item.kind == kind]
            places = ", ".join(_place(item) for item in group[:shown])
            more = f" (+{count - shown} more)" if count > shown else ""
            out.append(f"{action}: {group[0].message} at {places}{more}" if count == 1
                       else f"{action} {count}×: {kind}, e.g. {group[0].message}; at {places}{more}")
        return out

    def reasons(self, action: str) -> str:
        """``3 history, 1 cross-reference`` for the summary line."""
        counts = Counter(item.kind for item in self.of(action))
        return ", ".join(f"{count} {kind}" for kind, count in counts.most_common())


def _place(item: LogItem) -> str:
    where = item.path.name if item.path is not None else "?"
    return f"{where}:{item.line}" if item.line else where
