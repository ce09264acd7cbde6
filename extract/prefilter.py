"""Search many regular expressions in many short texts quickly, with exactly ``re``'s results.

Python's ``re`` tries every branch of a long alternation at every position of the text,
so twenty keyword patterns cost hundreds of microseconds per sentence. Text-search
engines avoid that with a literal prefilter, and so does :class:`PatternSet`: from each
pattern's parse tree it takes a *cover*, a few literal strings one of which occurs in
every match ("side[- ]effects?" needs "effects" or "side"; "risk|harm" needs "risk" or
"harm"). One Aho–Corasick pass (pyahocorasick) finds the covers present in a text, and
only those patterns are searched. A pattern without a cover (case-insensitive, or one
that can match without a literal) is always searched.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

import ahocorasick

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


def _better(first: frozenset[str] | None, second: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective cover: longer shortest literal, then fewer literals."""
    if first is None or second is None:
        return first or second
    rank = (min(map(len, first)), -len(first))
    return first if rank >= (min(map(len, second)), -len(second)) else second


def _cover(items: Any) -> frozenset[str] | None:
    """Literals one of which occurs in every match of the parsed sequence ``items``, or None."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if op is _c.AT:  # zero-width (\b, ^): the literals around it are adjacent in the text
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        found: frozenset[str] | None = None
        if op is _c.SUBPATTERN and not av[1] & re.IGNORECASE:
            found = _cover(av[3])
        elif op is _c.ATOMIC_GROUP:
            found = _cover(av)
        elif op is _c.BRANCH:
            found = _union([_cover(branch) for branch in av[1]])
        elif op in _REPEATS and av[0] >= 1:
            found = _cover(av[2])
        best = _better(best, found)
    if run:
        best = _better(best, frozenset(["".join(run)]))
    return best


def _union(covers: list[frozenset[str] | None]) -> frozenset[str] | None:
    if any(cover is None for cover in covers):
        return None
    return frozenset().union(*(cover for cover in covers if cover is not None))


def literal_cover(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literal strings one of which occurs in every match of ``pattern``; None if there is none."""
    if pattern.flags & re.IGNORECASE:
        return None
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _cover(parsed.data)


def branches(pattern: re.Pattern[str]) -> list[re.Pattern[str]]:
    """The top-level alternatives of ``pattern`` as patterns of their own (``[pattern]`` if none).

    ``A|B`` matches somewhere exactly when ``A`` or ``B`` does; each alternative is small,
    so searching only the alternatives whose literals occur is much faster.
    """
    if pattern.flags & re.VERBOSE:
        return [pattern]
    source, pieces, depth, start, index, in_class = pattern.pattern, [], 0, 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += source.startswith("^", index + 1)
            index += source.startswith("]", index + 1)
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            pieces.append(source[start:index])
            start = index + 1
        index += 1
    pieces.append(source[start:])
    if len(pieces) == 1:
        return [pattern]
    try:
        return [re.compile(piece, pattern.flags) for piece in pieces]
    except re.error:  # e.g. a back-reference to a group of another alternative
        return [pattern]


class PatternSet:
    """Patterns searched together: :meth:`found` is ``[bool(p.search(text)) for p in patterns]``."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        self._pieces: list[re.Pattern[str]] = []
        self._owner: list[int] = []  # pattern index of each piece
        by_literal: dict[str, set[int]] = {}
        always = []
        for owner, pattern in enumerate(self.patterns):
            for piece in branches(pattern):
                index = len(self._pieces)
                self._pieces.append(piece)
                self._owner.append(owner)
                cover = literal_cover(piece)
                if not cover:
                    always.append(index)
                for literal in cover or ():
                    by_literal.setdefault(literal, set()).add(index)
        self._always = frozenset(always)
        self._automaton: Any = None
        if by_literal:
            self._automaton = ahocorasick.Automaton()
            for literal, indexes in by_literal.items():
                self._automaton.add_word(literal, tuple(sorted(indexes)))
            self._automaton.make_automaton()

    def candidates(self, text: str) -> set[int]:
        """Indexes of the alternatives that may match ``text`` (the others cannot)."""
        found = set(self._always)
        if self._automaton is not None:
            for _, indexes in self._automaton.iter(text):
                found.update(indexes)
        return found

    def found(self, text: str) -> list[bool]:
        """Whether each pattern matches somewhere in ``text``."""
        result = [False] * len(self.patterns)
        for index in self.candidates(text):
            owner = self._owner[index]
            if not result[owner] and self._pieces[index].search(text) is not None:
                result[owner] = True
        return result
