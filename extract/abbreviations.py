"""Abbreviation definitions and abbreviations used without one, per document.

Patterns: "long form (SF)" and "SF (long form)" (Schwartz & Hearst 2003), explicit
markers "(short for …)", "(in full …)", "(voluit …)", "(afgekort SF)", ", ook wel SF".
Unlike plain Schwartz–Hearst character matching, every content word of a long form
must start with a letter of the short form, in order (letters inside a word are allowed
only after that word's initial, for compounds such as Osteoarthritis = OA). So "stem cell
therapy (aHSCT)" defines nothing: a and H are not initials there; aHSCT is defined by
"(in full Autologous Haematopoietic Stem Cell Transplantation)", whose initials match an
abbreviation the same document uses. Plural short forms (ATMPs, ATMP's) are reported
in the singular with a singular long form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extract.blocks import Block
from extract.tokens import STOPWORDS

_TOKEN = re.compile(r"[A-Za-z0-9&'À-ÿ]+")
_PAREN = re.compile(r"\(([^()]{1,200})\)")
_LONG_MARKER = re.compile(r"(?i)^(?:short for|in full|also known as|voluit|oftewel|ofwel|kort voor|"
                          r"afkorting van|abréviation de|en entier|kurz für|ausgeschrieben)\s*:?\s+(.+)$")
_SHORT_MARKER = re.compile(r"(?i)^(?:afgekort(?: als| tot)?|kortweg|abbreviated(?: as)?|ook wel|hierna|"
                           r"abrégé|kurz|abgekürzt)\s*:?\s+(\S+?)(?:\s+genoemd)?$")
_OOK_WEL = re.compile(r",\s*ook wel\s+(\S+?)(?:\s+genoemd)?(?=[\s,.;)]|$)")
_CLAUSE_STOP = re.compile(r"[.;:!?\"\[(]")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviation defined in a source: short form, long form and where."""

    short: str
    long: str
    lang: str
    source: str
    file: str
    line: int
    written: str


@dataclass(frozen=True)
class UndefinedAbbreviation:
    """An abbreviation a source uses without defining it (an editor should supply one)."""

    short: str
    lang: str
    source: str
    file: str
    line: int
    written: str


def short_form(token: str) -> tuple[str, bool] | None:
    """``(core, plural)`` if ``token`` looks like an abbreviation (MS, aHSCT, ATMPs, DMT's)."""
    token = token.strip("'")
    plural = False
    if token.endswith("'s"):
        token, plural = token[:-2], True
    elif len(token) > 2 and token.endswith("s") and token[-2].isupper():
        token, plural = token[:-1], True
    letters = "".join(filter(str.isalpha, token))
    if not 2 <= len(token) <= 10 or not token[0].isalpha() or "'" in token or not letters:
        return None
    upper = sum(map(str.isupper, letters))
    if upper < 2 or upper / len(letters) < 0.6 or token[-1].islower():
        return None
    return token, plural


def find_abbreviations(blocks: Sequence[Block]) -> tuple[list[Abbreviation], list[UndefinedAbbreviation]]:
    """Definitions found in one document's blocks, and the abbreviations it leaves undefined."""
    used = _used_short_forms(blocks)
    defined: dict[str, Abbreviation] = {}
    for block in blocks:
        for found in _definitions(block, used):
            defined.setdefault(found.short, found)
    undefined = [entry for core, entry in used.items() if core not in defined]
    return list(defined.values()), undefined


def _used_short_forms(blocks: Sequence[Block]) -> dict[str, UndefinedAbbreviation]:
    used: dict[str, UndefinedAbbreviation] = {}
    for block in blocks:
        letters = "".join(filter(str.isalpha, block.text))
        if letters and sum(map(str.isupper, letters)) / len(letters) > 0.6:
            continue  # shouted headings are not full of abbreviations
        for match in _TOKEN.finditer(block.text):
            if match.group().islower():
                continue  # no capital: never an abbreviation (most words)
            found = short_form(match.group())
            if found and found[0] not in used:
                used[found[0]] = UndefinedAbbreviation(found[0], block.lang, block.source, block.file,
                                                       block.line_of(match.start()), match.group().strip("'"))
    return used


def _definitions(block: Block, used: dict[str, UndefinedAbbreviation]) -> list[Abbreviation]:
    text, stop = block.text, STOPWORDS.get(block.lang, STOPWORDS["en"])
    results: list[Abbreviation] = []
    for match in _PAREN.finditer(text):
        inside = match.group(1).strip()
        before = _preceding_words(text[: match.start()])
        line = block.line_of(match.start())
        long_marker, short_marker = _LONG_MARKER.match(inside), _SHORT_MARKER.match(inside)
        pair: tuple[str, str, str] | None = None
        if long_marker:
            pair = _explicit_long(long_marker.group(1), before, used, stop)
        elif short_marker and short_form(short_marker.group(1)):
            pair = _long_before(short_marker.group(1), text[: match.start()], stop, explicit=True)
        elif short_form(inside):
            pair = _long_before(inside, text[: match.start()], stop, explicit=False)
        elif before and short_form(before[-1]):
            words = _WORD.findall(inside)
            core = short_form(before[-1])
            if core and _initials_match(core[0], tuple(words), stop):
                pair = (before[-1], " ".join(words), before[-1])
        if pair:
            results.append(_make(pair, block, line))
    for match in _OOK_WEL.finditer(text):
        if short_form(match.group(1)):
            pair = _long_before(match.group(1), text[: match.start()], stop, explicit=True)
            if pair:
                results.append(_make(pair, block, block.line_of(match.start())))
    return results


def _make(pair: tuple[str, str, str], block: Block, line: int) -> Abbreviation:
    written, long, _ = pair
    core, plural = short_form(written) or (written, False)
    if plural:
        long = _singular(long, block.lang)
    return Abbreviation(core, long, block.lang, block.source, block.file, line, written.strip("'"))


def _preceding_words(text: str) -> list[str]:
    """Words of the clause that ends at the end of ``text``."""
    cut = max((m.end() for m in _CLAUSE_STOP.finditer(text)), default=0)
    return _WORD.findall(text[cut:])


def _as_written(words: Sequence[str], text: str) -> str:
    """The last stretch of ``text`` made of ``words`` with their original separators ("ziekte- en")."""
    pattern = r"\W{1,3}".join(re.escape(word) for word in words)
    found = list(re.finditer(pattern, text))
    return found[-1].group() if found else " ".join(words)


def _explicit_long(long: str, before: list[str], used: dict[str, UndefinedAbbreviation],
                   stop: frozenset[str]) -> tuple[str, str, str] | None:
    """"X (in full LONG)": the short form is X if it is one, else the used abbreviation LONG spells."""
    words = tuple(_WORD.findall(long))
    if before and short_form(before[-1]):
        return before[-1], " ".join(words), before[-1]
    for core, entry in used.items():
        if _initials_match(core, words, stop):
            return entry.written, " ".join(words), core
    return None


def _long_before(written: str, clause: str, stop: frozenset[str], *,
                 explicit: bool) -> tuple[str, str, str] | None:
    """"LONG (SF)": the nearest window of preceding words whose initials spell SF."""
    before = _preceding_words(clause)
    found = short_form(written)
    if found is None or not before:
        return None
    core = found[0]
    limit = min(len(core) + 5, 2 * len(core))
    for start in range(len(before) - 1, max(len(before) - limit, 0) - 1, -1):
        window = tuple(before[start:])
        if _initials_match(core, window, stop):
            return written, _as_written(window, clause), core
    if explicit:
        words = before[-6:]
        while words and words[0].lower() in stop:
            words = words[1:]
        if words:
            return written, _as_written(words, clause), core
    return None


def _initials_match(core: str, words: tuple[str, ...], stop: frozenset[str]) -> bool:
    """Whether the letters of ``core`` spell ``words`` by their initials (see the module docstring)."""
    letters = tuple(ch.lower() for ch in core if ch.isalnum())
    lowered = tuple(w.lower() for w in words)
    if not lowered or lowered[0] in stop or lowered[-1] in stop:
        return False
    return _align(letters, lowered, frozenset(w for w in lowered if w in stop))


@lru_cache(maxsize=4096)
def _align(letters: tuple[str, ...], words: tuple[str, ...], stop: frozenset[str]) -> bool:
    def at_word(i: int, w: int) -> bool:
        if w == len(words):
            return i == len(letters)
        if words[w] in stop and at_word(i, w + 1):
            return True
        return i < len(letters) and words[w][0] == letters[i] and inside(i + 1, w, 1)

    def inside(i: int, w: int, pos: int) -> bool:
        if at_word(i, w + 1):
            return True
        word = words[w]
        return any(word[p] == letters[i] and inside(i + 1, w, p + 1)
                   for p in range(pos, len(word)) if i < len(letters))

    return at_word(0, 0)


def _singular(long: str, lang: str) -> str:
    import simplemma  # deferred, as in extract.tokens

    head, _, last = long.rpartition(" ")
    lemma = simplemma.lemmatize(last, lang if lang in ("en", "nl", "fr", "de") else "en")
    if last[:1].isupper():
        lemma = lemma[:1].upper() + lemma[1:]
    return f"{head} {lemma}".strip()
