"""Text blocks: what every reader yields, with the exact place each block came from.

A block is a heading, paragraph or list item in normalised text (typographic quotes
straightened, white space collapsed, footnote markers dropped). :class:`OffsetMap`
maps positions in that text back to the decoded file text, so provenance stays exact.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from careglot.core.folding import TYPOGRAPHY

# White space that normalising changes: runs of two or more, or one character that is not a space
# (written to start with \s so that re skips quickly to white space).
_ODD_SPACE = re.compile(r"\s(?:\s+|(?<=[^ ]))")


@dataclass(frozen=True)
class OffsetMap:
    """Positions in a normalised text -> positions in the decoded text it was made from."""

    marks: tuple[tuple[int, int], ...] = ((0, 0),)

    def raw(self, index: int) -> int:
        """Offset in the decoded text of character ``index`` of the normalised text."""
        at = bisect.bisect_right(self.marks, (index, float("inf"))) - 1
        norm, raw = self.marks[max(at, 0)]
        return raw + (index - norm)


@dataclass(frozen=True)
class Block:
    """One heading, paragraph or list item of a source, in normalised text, with provenance."""

    text: str
    kind: str
    source: str
    file: str
    lang: str
    line: int
    index: int
    offset: int
    raw: str = ""
    offsets: OffsetMap = field(default_factory=OffsetMap)
    links: tuple[str, ...] = ()
    detected_lang: str | None = None

    @property
    def foreign(self) -> bool:
        """Whether the block reads as another language than the source declares."""
        return self.detected_lang is not None and self.detected_lang != self.lang

    def line_of(self, index: int) -> int:
        """1-based file line of character ``index`` of :attr:`text` (for multi-line text blocks)."""
        if not self.raw:
            return self.line
        return self.line + self.raw.count("\n", 0, self.offsets.raw(index))


@dataclass(frozen=True)
class Notice:
    """Something a reader noticed but could work around (assumed encoding, foreign block)."""

    message: str
    path: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


def normalise(raw: str, removals: re.Pattern[str] | None = None) -> tuple[str, OffsetMap]:
    """Normalise ``raw`` (quotes, spaces, optional ``removals``) and map offsets back into it.

    Straightening quotes keeps lengths; deletions and white-space collapsing are recorded
    as marks so every normalised offset points into ``raw``.
    """
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip().translate(TYPOGRAPHY)
    parts: list[str] = []
    marks: list[tuple[int, int]] = [(0, lead)]
    pos = length = 0
    for start, end, replacement in _edits(text, removals):
        parts.append(text[pos:start])
        length += start - pos + len(replacement)
        parts.append(replacement)
        marks.append((length, end + lead))
        pos = end
    parts.append(text[pos:])
    return "".join(parts).rstrip(), OffsetMap(tuple(_monotonic(marks)))


def _monotonic(marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the last mark for every normalised position."""
    kept: dict[int, int] = {}
    for norm, raw_at in marks:
        kept[norm] = raw_at
    return sorted(kept.items())


def _edits(text: str, removals: re.Pattern[str] | None) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    if removals is not None:
        edits.extend((m.start(), m.end(), "") for m in removals.finditer(text) if m.end() > m.start())
    edits.extend((m.start(), m.end(), " ") for m in _ODD_SPACE.finditer(text))
    edits.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, rep in edits:
        if merged and start < merged[-1][1]:
            continue
        merged.append((start, end, rep))
    return merged


def source_path(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` (POSIX style) when inside it, else as given."""
    if root is not None:
        try:
            return path.resolve().relative_to(_resolved(root)).as_posix()
        except ValueError:
            pass
    return str(path)


@lru_cache(maxsize=16)
def _resolved(root: Path) -> Path:
    """The workspace root, resolved once (every source of a run shares it)."""
    return root.resolve()


@dataclass
class Document:
    """Everything a reader got out of one source file."""

    source: str
    file: str
    path: Path
    lang: str
    blocks: list[Block] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    audience: str | None = None
