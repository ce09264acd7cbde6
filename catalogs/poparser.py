"""polib's .po state machine held to GNU gettext's rules, and the catalog class it fills.

polib stays the parser of record; this subclass removes the transitions GNU forbids,
unescapes strings as GNU msgfmt does and keeps the header entry verbatim.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from catalogs.escapes import rejoin, undecoded, unescaper

# Transitions polib allows but GNU gettext rejects: after msgctxt only msgid may follow,
# after msgid / msgid_plural only msgid_plural or msgstr.
# The attribute a continuation line extends, by state (msgstr, msgid and msgstr[N] aside).
_CONTINUED = {"ct": "msgctxt", "mp": "msgid_plural", "pp": "previous_msgid_plural", "pm": "previous_msgid",
              "pc": "previous_msgctxt"}
_STRICT_AFTER = {"ct": ("mi", "mc"), "mi": ("mp", "ms", "mx", "mc"), "mp": ("ms", "mx", "mc")}


@dataclass(frozen=True)
class Fingerprint:
    """What a catalog file looked like when it was read (to detect concurrent edits)."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path, data: bytes) -> Fingerprint:
        stat = path.stat()
        return cls(len(data), stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


class POCatalog(polib.POFile):
    """A polib catalog that also keeps its header entry verbatim and where it was read from."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_entry: polib.POEntry | None = None
        self.fingerprint: Fingerprint | None = None
        self.source_path: Path | None = None

    def remove(self, entry: polib.POEntry) -> None:
        if entry.msgid == "" and self.header_entry is None:
            self.header_entry = entry  # polib is extracting the metadata: keep the original
        super().remove(entry)


# A new entry's attributes, as polib's constructor sets them (read from a real instance, so a
# polib release with other attributes is followed); the containers are made fresh per entry.
_ENTRY_CONTAINERS = ("occurrences", "flags", "msgstr_plural")
_ENTRY_DEFAULTS = vars(polib.POEntry())
_ENTRY_SCALARS = {name: value for name, value in _ENTRY_DEFAULTS.items() if name not in _ENTRY_CONTAINERS}
_FAST_ENTRIES = {name for name, value in _ENTRY_DEFAULTS.items()
                 if isinstance(value, (list, dict, set))} == set(_ENTRY_CONTAINERS)


def _new_entry(linenum: int) -> polib.POEntry:
    """``polib.POEntry(linenum=linenum)`` at a third of the cost (100,000 entries: 0.15 s less)."""
    if not _FAST_ENTRIES:
        return polib.POEntry(linenum=linenum)
    entry: polib.POEntry = object.__new__(polib.POEntry)
    attributes = entry.__dict__
    attributes.update(_ENTRY_SCALARS)
    attributes["occurrences"] = []
    attributes["flags"] = []
    attributes["msgstr_plural"] = {}
    attributes["linenum"] = linenum
    return entry


class StrictParser(polib._POFileParser):
    """polib's state machine without the transitions GNU gettext forbids.

    The handlers do what polib's do, except that strings are unescaped as GNU msgfmt does
    (octal and hex escapes too, see :mod:`catalogs.escapes`; skipped for the common
    string without a backslash) and occurrences are split with ``str.rpartition``.
    """

    current_entry: polib.POEntry

    def __init__(self, lines: list[str], occurrences: bool = True, codec: str = "utf-8") -> None:
        super().__init__("", klass=POCatalog, encoding=codec)
        self.keep_occurrences = occurrences
        self.unescape, self._eot = unescaper(codec)
        # Our own lines: split on "\n" only (str.splitlines() also splits on U+2028 etc.); the
        # caller has rewritten "#~|" as "#|" (polib skips the previous msgid of obsolete entries).
        self.fhandle = lines  # type: ignore[assignment]  # polib only iterates over it
        for symbol, state in list(self.transitions):
            if state in _STRICT_AFTER and symbol not in _STRICT_AFTER[state]:
                del self.transitions[(symbol, state)]

    @property
    def saw_eot(self) -> bool:
        """Did an escape produce EOT (U+0004), which msgfmt refuses in a string?"""
        return bool(self._eot)

    @property
    def token(self) -> str:
        """The current token (polib sets it before calling a handler)."""
        return self.current_token or ""

    def _next_entry(self) -> None:
        if self.current_state in ("mc", "ms", "mx"):
            self.instance.append(self.current_entry)
            self.current_entry = _new_entry(self.current_line)

    def handle_oc(self) -> bool:
        self._next_entry()
        if not self.keep_occurrences:
            return True
        occurrences = self.current_entry.occurrences
        for occurrence in self.token[3:].split():
            name, colon, line = occurrence.rpartition(":")
            occurrences.append((name, line) if colon and line.isdigit() else (occurrence, ""))
        return True

    def handle_ct(self) -> bool:
        self._next_entry()
        self.current_entry.msgctxt = self.unescape(self.token[1:-1])
        return True

    def handle_mi(self) -> bool:
        self._next_entry()
        self.current_entry.obsolete = bool(self.entry_obsolete)
        self.current_entry.msgid = self.unescape(self.token[1:-1])
        return True

    def handle_mp(self) -> bool:
        self.current_entry.msgid_plural = self.unescape(self.token[1:-1])
        return True

    def handle_ms(self) -> bool:
        self.current_entry.msgstr = self.unescape(self.token[1:-1])
        return True

    def handle_mx(self) -> bool:
        token = self.token
        index = int(token[7:token.index("]")])  # polib reads one digit only
        self.current_entry.msgstr_plural[index] = self.unescape(token[token.index('"') + 1:-1])
        self.msgstr_index = index
        return True

    def handle_pc(self) -> bool:
        self._next_entry()
        self.current_entry.previous_msgctxt = self.unescape(self.token[1:-1])
        return True

    def handle_pm(self) -> bool:
        self._next_entry()
        self.current_entry.previous_msgid = self.unescape(self.token[1:-1])
        return True

    def handle_pp(self) -> bool:
        self._next_entry()
        self.current_entry.previous_msgid_plural = self.unescape(self.token[1:-1])
        return True

    def handle_mc(self) -> bool:
        token = self.unescape(self.token[1:-1])
        entry, state = self.current_entry, self.current_state
        if "\\" in self.token and undecoded(token):
            self._join_undecoded(token)
            return False
        if state == "ms":
            entry.msgstr += token
        elif state == "mi":
            entry.msgid += token
        elif state == "mx":
            entry.msgstr_plural[self.msgstr_index] += token
        else:
            attribute = _CONTINUED.get(state)
            if attribute is not None:
                setattr(entry, attribute, getattr(entry, attribute) + token)
        return False  # a continuation keeps the state

    def _join_undecoded(self, token: str) -> None:
        """Append a string whose escapes left undecoded bytes: GNU decodes the joined bytes."""
        entry, state = self.current_entry, self.current_state
        codec = self.instance.encoding
        if state == "mx":
            entry.msgstr_plural[self.msgstr_index] = rejoin(entry.msgstr_plural[self.msgstr_index] + token, codec)
            return
        attribute = {"ms": "msgstr", "mi": "msgid"}.get(state) or _CONTINUED.get(state)
        if attribute is not None:
            setattr(entry, attribute, rejoin((getattr(entry, attribute) or "") + token, codec))
