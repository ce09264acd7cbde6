"""Line-break opportunities as GNU gettext computes them when it wraps PO strings.

GNU ``msgcat``/``msgmerge`` wrap strings with libunistring's ``ulc_width_linebreaks``:
the pair table of UAX #14 (as shipped in libunistring 1.0) applied to line-breaking
classes, with libunistring's own handling of spaces and combining marks. Reproducing it
is what makes a catalog written by careglot byte-identical to one written by GNU tools.

The class of a character comes from explicit tables for the characters European text
uses (ASCII, Latin-1, general punctuation) and falls back on the Unicode general
category; ``tests/test_catalog_linebreak.py`` compares the result with libunistring.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Column/row order of libunistring 1.0's unilbrk_table.
_ORDER = ("WJ", "GL", "B2", "BA", "BB", "HY", "CL", "CP1", "CP2", "EX", "IN", "NS", "OP1", "OP2", "QU",
          "IS", "NU", "PO", "PR", "SY", "AL", "H2", "H3", "ID1", "ID2", "JL", "JV", "JT", "HL", "RI",
          "ZWJ", "EB", "EM")
_INDEX = {name: i for i, name in enumerate(_ORDER)}
# D: break allowed; I: only after a space; P: never.
_TABLE = """\
PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII
PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII
PIPIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
PDDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII
PDDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD
PIDIDIPPPPIPDDIPDIIPDDDDDDDDDDDDD
PIDIDIPPPPIIDDIPIIIPIDDDDDDDIDIDD
PIDIDIPPPPIIDDIPDIIPDDDDDDDDDDDDD
PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP
PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP
PIIIIIPPPPIIPPIPIIIPIIIIIIIIIIIII
PIDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD
PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD
PIDIDIPPPPIIIIIPIDDPIDDDDDDDIDIDD
PIDIDIPPPPIIIIIPIDDPIIIIIIIIIDIII
PIDIDIPPPPIIDDIPIDDPDDDDDDDDIDDDD
PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD
PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD
PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD
PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD
PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI
PIDIDIPPPPIIDDIPDIDPDIIDDIIDDDDDD
PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD
PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD
PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD
PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
PIDIDIPPPPIIIDIPIIIPIDDIIDDDIDIII
PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI
PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD
""".splitlines()

# Explicit classes (UAX #14, LineBreak.txt) for the characters catalogs of European
# languages contain; everything else is derived from the general category below.
_EXPLICIT: dict[str, str] = {
    " ": "SP", "\t": "BA", "!": "EX", '"': "QU", "$": "PR", "%": "PO", "'": "QU",
    "(": "OP1", ")": "CP1", "+": "PR", ",": "IS", "-": "HY", ".": "IS", "/": "SY",
    ":": "IS", ";": "IS", "?": "EX", "[": "OP1", "\\": "PR", "]": "CP1", "{": "OP1",
    "|": "BA", "}": "CL", "\u00a0": "GL", "\u00a1": "OP1", "\u00a2": "PO", "\u00a3": "PR",
    "\u00a4": "PR", "\u00a5": "PR", "\u00ab": "QU", "\u00ad": "BA", "\u00b0": "PO",
    "\u00b1": "PR", "\u00b4": "BB", "\u00bb": "QU", "\u00bf": "OP1",
    "\u034f": "GL", "\u2007": "GL", "\u2010": "BA", "\u2011": "GL", "\u2012": "BA",
    "\u2013": "BA", "\u2014": "B2", "\u2018": "QU", "\u2019": "QU", "\u201a": "OP1",
    "\u201b": "QU", "\u201c": "QU", "\u201d": "QU", "\u201e": "OP1", "\u201f": "QU",
    "\u2024": "IN", "\u2025": "IN", "\u2026": "IN", "\u2027": "BA", "\u202f": "GL",
    "\u2030": "PO", "\u2031": "PO", "\u2032": "PO", "\u2033": "PO", "\u2034": "PO",
    "\u2035": "PO", "\u2036": "PO", "\u2037": "PO", "\u2039": "QU", "\u203a": "QU",
    "\u203c": "NS", "\u203d": "NS", "\u2044": "IS", "\u2047": "NS", "\u2048": "NS",
    "\u2049": "NS", "\u2060": "WJ", "\ufeff": "WJ", "\u200b": "ZW", "\u200c": "CM",
    "\u200d": "ZWJ", "\u20a7": "PO", "\u20b6": "PO", "\u20bb": "PO", "\u20be": "PO",
    "\u2103": "PO", "\u2109": "PO", "\u2116": "PR", "\u2212": "PR", "\u2213": "PR",
    "\u2e3a": "B2", "\u2e3b": "B2", "\u3000": "BA",
}
_EXPLICIT.update({"\u037e": "IS", "\u22ef": "IN", "\u2e2e": "EX", "\u2e18": "OP1", "\u2015": "AL", "\u2e1a": "AL",
                  "\u25fd": "AL", "\u25fe": "AL", "\u2061": "AL", "\u2062": "AL", "\u2063": "AL",
                  "\u2064": "AL"})
_EXPLICIT.update({chr(code): "GL" for code in range(0x035C, 0x0363)})
_EXPLICIT.update({chr(code): "QU" for code in range(0x2E00, 0x2E0E)})
_BA_RANGES = ((0x2056, 0x2056), (0x2058, 0x205B), (0x205D, 0x205E), (0x2E0E, 0x2E15), (0x2E17, 0x2E17),
              (0x2E19, 0x2E19), (0x2E2A, 0x2E2D), (0x2E30, 0x2E31), (0x2E33, 0x2E34), (0x2E3C, 0x2E3E),
              (0x2E40, 0x2E41), (0x2E43, 0x2E4A), (0x2E4C, 0x2E4C), (0x2E4E, 0x2E4F))
_BREAK_HARD = "\n\x0b\x0c\r\x85\u2028\u2029"

BREAK_PROHIBITED, BREAK_POSSIBLE, BREAK_MANDATORY = 0, 1, 2


@lru_cache(maxsize=4096)
def line_break_class(char: str) -> str:
    """The UAX #14 class libunistring resolves ``char`` to (AI, XX, SA -> AL; CB -> ID)."""
    explicit = _EXPLICIT.get(char)
    if explicit is not None:
        return explicit
    if char in _BREAK_HARD:
        return "BK"
    code = ord(char)
    if any(low <= code <= high for low, high in _BA_RANGES):
        return "BA"
    category = unicodedata.category(char)
    if category == "Cn":
        return "AL"
    wide = unicodedata.east_asian_width(char) in ("W", "F")
    if category == "Nd":
        return "NU"
    if category in ("Mn", "Mc", "Me", "Cc", "Cf"):
        return "CM"
    if category == "Zs":
        return "BA"
    if category in ("Pi", "Pf"):
        return "QU"
    if category == "Ps":
        return "OP2" if wide else "OP1"
    if category == "Pe":
        return "CP2" if wide else "CL"
    if category == "Pd":
        return "BA"
    if category == "Sc":
        return "PR"
    if wide or unicodedata.east_asian_width(char) == "H":
        return "ID1"
    return "AL"


def char_width(char: str) -> int:
    """Columns ``char`` takes on a terminal, as libunistring's ``uc_width`` counts them."""
    if char == "\u00ad":
        return 1
    category = unicodedata.category(char)
    if category == "Cc":
        return 0
    if category in ("Mn", "Me", "Cf") or "\u1160" <= char <= "\u11ff":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def possible_breaks(text: str) -> list[int]:
    """For each character: may a line break go just before it? (``u8_possible_linebreaks``)."""
    breaks = [BREAK_PROHIBITED] * len(text)
    last = "BK"
    seen_space = False
    after_zwj = False
    for i, char in enumerate(text):
        prop = line_break_class(char)
        glued, after_zwj = after_zwj, prop == "ZWJ"
        if prop == "BK":
            breaks[i] = BREAK_MANDATORY
            last, seen_space = "BK", False
        elif prop == "SP":
            seen_space = True
        elif prop == "ZW":
            last, seen_space = "ZW", False
        elif prop in ("CM", "ZWJ"):
            if last == "BK" or last == "ZW" or seen_space:
                # A combining mark with nothing to attach to counts as a letter (UAX #14 LB10).
                if last != "BK" and not glued:
                    breaks[i] = BREAK_POSSIBLE
                last, seen_space = "AL", False
            # otherwise X CM* is treated as X (LB9)
        else:
            if not glued:
                breaks[i] = _pair(last, prop, seen_space)
            last, seen_space = prop, False
    return breaks


def _pair(before: str, after: str, after_space: bool) -> int:
    if before == "BK":
        return BREAK_PROHIBITED
    if before == "ZW":
        return BREAK_POSSIBLE
    rule = _TABLE[_INDEX[before]][_INDEX[after]]
    if rule == "D" or (rule == "I" and after_space):
        return BREAK_POSSIBLE
    return BREAK_PROHIBITED


def width_breaks(text: str, width: int, start_column: int, overrides: list[int | None]) -> list[bool]:
    """Where to break ``text`` so no line exceeds ``width`` (``u8_width_linebreaks``).

    ``overrides`` forces a break decision per character (None: use the algorithm).
    """
    possible = possible_breaks(text)
    result = [False] * len(text)
    last_break: int | None = None
    last_column = start_column
    piece_width = 0
    for i, char in enumerate(text):
        decision = possible[i] if overrides[i] is None else overrides[i]
        if decision in (BREAK_POSSIBLE, BREAK_MANDATORY) and last_break is not None \
                and last_column + piece_width > width:
            result[last_break] = True
            last_column = 0
        if decision == BREAK_MANDATORY:
            last_break, last_column, piece_width = None, 0, 0
            continue
        if decision == BREAK_POSSIBLE:
            last_break = i
            last_column += piece_width
            piece_width = 0
        piece_width += char_width(char)
    if last_break is not None and last_column + piece_width > width:
        result[last_break] = True
    return result


# Fast path. For text whose characters are all one column wide and free of combining
# marks, joiners and hard breaks (nearly every catalog string), a break can only fall
# after a run of spaces or next to a character that is not a letter or digit: letters and
# digits (classes AL, NU) never break between themselves. The greedy layout of
# ``width_breaks`` only needs, per line, the last opportunity that still fits, so only a
# short window before each line end is examined, with the same pair table.
_CANDIDATES = re.compile(r" +|[^\w ]")
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WORD = re.compile(r"\w")
_ESCAPE_SEQUENCE = re.compile(r"\\.")
_WINDOW = 16
_SIMPLE: dict[str, bool] = {" ": True}
_ALLOWED: dict[str, bool] = {}


def simple_text(text: str) -> bool:
    """May ``text`` take the fast path (see above)?"""
    if text.isascii():
        return not _ASCII_CONTROL.search(text)
    return all(_simple(char) for char in set(text))


def _simple(char: str) -> bool:
    simple = _SIMPLE.get(char)
    if simple is None:
        kind = line_break_class(char)
        simple = kind not in ("CM", "ZWJ", "ZW", "BK", "SP") and char_width(char) == 1 \
            and (kind in ("AL", "NU") or not _WORD.match(char))
        _SIMPLE[char] = simple
    return simple


def string_cuts(text: str, width: int, start_column: int, final_newline: bool,
                simple: bool | None = None) -> list[int]:
    """Where GNU breaks the escaped PO string ``text`` (a portion: ``final_newline`` if it ends with ``\\n``)."""
    if simple if simple is not None else simple_text(text):
        return escaped_cuts(text, width, start_column, final_newline)
    return reference_cuts(text, width, start_column, final_newline)


def reference_cuts(text: str, width: int, start_column: int, final_newline: bool) -> list[int]:
    """``string_cuts`` by the character-by-character algorithm (any text; slow)."""
    overrides: list[int | None] = [None] * len(text)
    for match in _ESCAPE_SEQUENCE.finditer(text):
        overrides[match.end() - 1] = BREAK_PROHIBITED  # never inside an escape sequence
    if final_newline:
        overrides[-2] = BREAK_PROHIBITED  # nor just before the final "\\n"
    breaks = width_breaks(text, width, start_column, overrides)
    return [index for index, cut in enumerate(breaks) if cut]


def escaped_cuts(text: str, width: int, start_column: int, final_newline: bool) -> list[int]:
    """``width_breaks`` positions for an escaped PO string that is a ``simple_text``.

    No break goes inside an escape sequence, nor before the ``\\n`` that ends the text
    when ``final_newline``.
    """
    size, shift, low, cuts = len(text), start_column, 1, []
    last = size - 3 if final_newline else size - 1  # the last position a break may go before
    while size + shift > width:
        cut = _last_opportunity(text, low, min(width - shift, last)) \
            or _first_opportunity(text, max(low, width - shift + 1), last)
        if cut is None:
            break
        cuts.append(cut)
        shift, low = -cut, cut + 1
    return cuts


def _last_opportunity(text: str, low: int, high: int) -> int | None:
    while high >= low:
        begin = max(low, high - _WINDOW)
        matches = list(_CANDIDATES.finditer(text, begin - 1, high + 1))
        for match in reversed(matches):
            end = match.end()
            if end <= high and _allowed_at(text, end):
                return end
            start = match.start()
            if begin <= start and text[start] != " " and _allowed_at(text, start):
                return start
        high = begin - 1
    return None


def _first_opportunity(text: str, low: int, high: int) -> int | None:
    while low <= high:
        end = min(high, low + _WINDOW)
        for match in _CANDIDATES.finditer(text, low - 1, end + 1):
            start, stop = match.span()
            if low <= start and text[start] != " " and _allowed_at(text, start):
                return start
            if stop <= end and _allowed_at(text, stop):
                return stop
        low = end + 1
    return None


def _allowed_at(text: str, position: int) -> bool:
    """May a line break go just before ``text[position]`` (``position >= 1``)?"""
    char, before = text[position], text[position - 1]
    if char == " ":
        return False
    if before == " ":
        begin = position - 1
        while begin and text[begin - 1] == " ":
            begin -= 1
        if not begin:
            return False
        key = text[begin - 1] + " " + char
    elif before == "\\" and _escape_start(text, position - 1):
        return False
    else:
        key = before + char
    allowed = _ALLOWED.get(key)
    if allowed is None:
        allowed = _pair(line_break_class(key[0]), line_break_class(char), len(key) == 3) == BREAK_POSSIBLE
        _ALLOWED[key] = allowed
    return allowed


def _escape_start(text: str, index: int) -> bool:
    """Does the backslash at ``index`` start an escape sequence (odd run of backslashes)?"""
    begin = index
    while begin and text[begin - 1] == "\\":
        begin -= 1
    return (index - begin) % 2 == 0
