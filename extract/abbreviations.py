"""Abbreviation definitions and abbreviations used without one, per document.

Where a definition can be: "long form (SF)" and "SF (long form)" in round or square
brackets, the short form first in the brackets ("(MRI; 3 tesla)", "(EDSS, range 0-10)"),
alternatives ("(SPMS or PPMS)", "(ou SNC)", "(of CZS)"), ", or SF," / ", ou SNC," /
", kortweg EMA,", language notes ("(FAMHP en anglais)") and the explicit markers
"(short for …)", "(in full …)", "(voluit …)", "(afgekort SF)", ", ook wel SF genoemd".
Whether the words spell the short form is decided by :mod:`extract.longform`. So "stem
cell therapy (aHSCT)" defines nothing (a lay gloss); aHSCT is defined by "(in full
Autologous Haematopoietic Stem Cell Transplantation)", whose initials match an
abbreviation the same document uses. Plural short forms (ATMPs, ATMP's) are reported in
the singular with a singular long form. An abbreviation after an article or elision
("L'AFMPS", "d'EMA") that the document never defines is listed as undefined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.blocks import Block
from extract.longform import Word, extend_start, find_long, matches_whole, words_of
from extract.tokens import STOPWORDS

# A word as written, with hyphenated parts ("G-CSF", "MRI-scan") and an elided article ("L'AFMPS").
_TOKEN = re.compile(r"(?:(?i:qu|jusqu|lorsqu|puisqu|[ldjmnstc])'(?=[A-Z0-9]))?([A-Za-z0-9&À-ÿ]+"
                    r"(?:[-/][A-Za-z0-9À-ÿ]+)*(?:'s)?)")
_BRACKET = re.compile(r"\(([^()\[\]]{1,200})\)|\[([^()\[\]]{1,200})\]")
_SEGMENTS = re.compile(r"\s*[,;]\s*|\s+(?:or|ou|of|oder)\s+")
_ALTERNATIVE = re.compile(r"(?i)^(?:or|ou|of|oder|i\.e\.|ie|soit)\s+")
_LANGUAGE_NOTE = re.compile(r"(?i)\s+(?:en anglais|in English|in het Engels|en néerlandais|in het Frans|en français)$"
                            r"|^(?:English|anglais|Engels|EN)\s*:\s*")
_NUMBERED = re.compile(r"(?i)\b(?:type|grade|stage|phase|class|klasse|fase|graad|stadium|stade|classe|typ)\s+$")
_ROMAN = re.compile(r"[IVX]{1,4}")
_GREEK = re.compile(r"(?i)alpha|beta|gamma|delta|kappa")
_OR_SF = re.compile(r",\s*(?:or|ou|of|ofwel|oftewel|kortweg|afgekort|also called|also known as|hereafter|hierna)"
                    r"\s+([^\s,;.()]+?)(?:\s+genoemd)?(?=\s*[,;.)]|$)")
_LONG_MARKER = re.compile(r"(?i)^(?:short for|in full|also known as|voluit|oftewel|ofwel|kort voor|"
                          r"afkorting van|abréviation de|en entier|kurz für|ausgeschrieben)\s*:?\s+(.+)$")
_SHORT_MARKER = re.compile(r"(?i)^(?:afgekort(?: als| tot)?|kortweg|abbreviated(?: as)?|ook wel|hierna|"
                           r"abrégé|kurz|abgekürzt)\s*:?\s+(\S+?)(?:\s+genoemd)?$")
_OOK_WEL = re.compile(r",\s*ook wel\s+(\S+?)(?:\s+genoemd)?(?=[\s,.;)]|$)")
_CLAUSE_STOP = re.compile(r"[.;:!?\"\[\](),]")
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
    """``(core, plural)`` if ``token`` looks like an abbreviation (MS, aHSCT, ATMPs, DMT's, G-CSF, 5HT)."""
    token = token.strip("'")
    plural = False
    if token.endswith("'s"):
        token, plural = token[:-2], True
    elif len(token) > 2 and token.endswith("s") and token[-2].isupper():
        token, plural = token[:-1], True
    letters = "".join(filter(str.isalpha, _GREEK.sub("", token)))
    if not 2 <= len(token) <= 10 or not token[0].isalnum() or "'" in token or not letters:
        return None
    upper = sum(map(str.isupper, letters))
    if upper < 2 or upper / len(letters) < 0.6 or (token[-1].islower() and not _GREEK.search(token)):
        return None
    return token, plural


def candidate_short(text: str) -> str | None:
    """The short form a bracket (or ", or SF,") may hold: one token, a letter, at most 10 characters.

    Laxer than :func:`short_form` (aa, Cy, iPS, IL-1beta, Gd+), because the words before it
    must still spell it; a capitalised ordinary word ("Belgium") is never one.
    """
    token = _LANGUAGE_NOTE.sub("", _ALTERNATIVE.sub("", text.strip())).strip()
    if not 1 < len(token) <= 12 or " " in token or not token[0].isalnum():
        return None
    if not any(ch.isalpha() for ch in token) or re.search(r"[^\w\-+'/&]", token):
        return None
    if short_form(token):
        return token
    core = token[:-2] if token.endswith("'s") else token
    upper = sum(map(str.isupper, core))
    if core.islower():
        return token if len(core) <= 3 else None
    if upper == 1 and core[0].isupper() and core[1:].isalpha() and len(core) > 4:
        return None  # Belgium, Leuven, Tregs are words or names
    return token


def find_abbreviations(blocks: Sequence[Block]) -> tuple[list[Abbreviation], list[UndefinedAbbreviation]]:
    """Definitions found in one document's blocks, and the abbreviations it leaves undefined."""
    used = _used_short_forms(blocks)
    defined: dict[str, Abbreviation] = {}
    for block in blocks:
        for found in _definitions(block, used):
            defined.setdefault(found.short, found)
    folded = {_key(core) for core in defined}
    undefined = [entry for core, entry in used.items() if _key(core) not in folded]
    return list(defined.values()), undefined


def _key(short: str) -> str:
    return short.replace("-", "").casefold()


def _used_short_forms(blocks: Sequence[Block]) -> dict[str, UndefinedAbbreviation]:
    used: dict[str, UndefinedAbbreviation] = {}
    for block in blocks:
        letters = "".join(filter(str.isalpha, block.text))
        if letters and sum(map(str.isupper, letters)) / len(letters) > 0.6:
            continue  # shouted headings are not full of abbreviations
        for match in _TOKEN.finditer(block.text):
            written = match.group(1)
            if written.islower():
                continue  # no capital: never an abbreviation (most words)
            if _ROMAN.fullmatch(written) and _NUMBERED.search(block.text, 0, match.start()):
                continue  # "type II", "fase III": a number, not an abbreviation
            for part, offset in _parts(written):
                found = short_form(part)
                if found and found[0] not in used:
                    used[found[0]] = UndefinedAbbreviation(found[0], block.lang, block.source, block.file,
                                                           block.line_of(match.start(1) + offset), part)
    return used


def _parts(written: str) -> list[tuple[str, int]]:
    """The token whole when it is one abbreviation (G-CSF, IL-1, TNF-alpha), else its parts (MRI-scan)."""
    if ("-" not in written and "/" not in written) or short_form(written):
        return [(written, 0)]
    parts, offset = [], 0
    for part in re.split(r"[-/]", written):
        parts.append((part, offset))
        offset += len(part) + 1
    return parts


def _definitions(block: Block, used: dict[str, UndefinedAbbreviation]) -> list[Abbreviation]:
    text, lang = block.text, block.lang
    stop = STOPWORDS.get(lang, STOPWORDS["en"])
    results: list[Abbreviation] = []
    for match in _BRACKET.finditer(text):
        inside = (match.group(1) or match.group(2)).strip()
        clause = _clause(text[: match.start()])
        line = block.line_of(match.start())
        pair = _bracket_pair(inside, clause, lang, stop, used)
        if pair:
            results.append(_make(pair, block, line))
    for pattern, explicit in ((_OOK_WEL, True), (_OR_SF, False)):
        for match in pattern.finditer(text):
            written = candidate_short(match.group(1))
            if written and (explicit or short_form(written) or not written.islower()):
                pair = _long_before(written, _clause(text[: match.start()]), lang, stop, explicit=explicit)
                if pair:
                    results.append(_make(pair, block, block.line_of(match.start())))
    return results


def _bracket_pair(inside: str, clause: str, lang: str, stop: frozenset[str],
                  used: dict[str, UndefinedAbbreviation]) -> tuple[str, str, str] | None:
    """The (written short form, long form, core) a bracket defines, or None."""
    before = words_of(clause)
    long_marker, short_marker = _LONG_MARKER.match(inside), _SHORT_MARKER.match(inside)
    if long_marker:
        return _explicit_long(long_marker.group(1), before, used, stop)
    if short_marker and short_form(short_marker.group(1)):
        return _long_before(short_marker.group(1), clause, lang, stop, explicit=True)
    segments = [seg for seg in _SEGMENTS.split(_ALTERNATIVE.sub("", inside)) if seg]
    for segment in segments[:2]:
        written = candidate_short(segment)
        if written:
            pair = _long_before(written, clause, lang, stop, explicit=False)
            if pair:
                return pair
    if before and segments:
        # "SF (long form)": the word before the bracket is the short form, the bracket spells it.
        written = _written_before(clause)
        words = words_of(segments[0])
        while words and words[0].folded in stop:
            words = words[1:]
        if written and words and _spells(written, words, lang):
            found = short_form(written)
            return written, segments[0][words[0].start:], found[0] if found else written
    return None


def _written_before(clause: str) -> str | None:
    """The abbreviation that ends ``clause`` as written ("HSCT", "MSCs"), if any."""
    tokens = list(_TOKEN.finditer(clause))
    if not tokens or clause[tokens[-1].end():].strip():
        return None
    written = tokens[-1].group(1)
    return written if short_form(written) else None


def _spells(written: str, words: list[Word], lang: str) -> bool:
    core = short_form(written)
    options = [written] + ([core[0]] if core and core[0] != written else [])
    return any(matches_whole(option, words, lang) for option in options)


def _make(pair: tuple[str, str, str], block: Block, line: int) -> Abbreviation:
    written, long, _ = pair
    found = short_form(written)
    core, plural = found or _lax_plural(written)
    if plural:
        long = _singular(long, block.lang)
    return Abbreviation(core, long, block.lang, block.source, block.file, line, written.strip("'"))


def _lax_plural(written: str) -> tuple[str, bool]:
    """Plural of a mixed-case short form (iPSCs, miRNAs, EVs): s after a capital or a known core."""
    if written.endswith("'s"):
        return written[:-2], True
    if len(written) > 3 and written.endswith("s") and any(ch.isupper() for ch in written[-3:-1]):
        return written[:-1], True
    return written, False


def _clause(text: str) -> str:
    """The clause that ends at the end of ``text``."""
    cut = max((m.end() for m in _CLAUSE_STOP.finditer(text)), default=0)
    return text[cut:]


def _explicit_long(long: str, before: list[Word], used: dict[str, UndefinedAbbreviation],
                   stop: frozenset[str]) -> tuple[str, str, str] | None:
    """"X (in full LONG)": the short form is X if it is one, else the used abbreviation LONG spells."""
    words = words_of(long)
    shown = " ".join(w.text for w in words)
    if before and short_form(before[-1].text):
        return before[-1].text, shown, before[-1].text
    for core, entry in used.items():
        if matches_whole(core, words, "en") and _initials_only(core, words, stop):
            return entry.written, shown, core
    return None


def _initials_only(core: str, words: list[Word], stop: frozenset[str]) -> bool:
    """Every content word starts with the next capital of ``core`` (the strict, in-full test)."""
    initials = [w.folded[0] for w in words if w.folded not in stop]
    return "".join(initials) == "".join(ch.lower() for ch in core if ch.isalnum())


def _long_before(written: str, clause: str, lang: str, stop: frozenset[str], *,
                 explicit: bool) -> tuple[str, str, str] | None:
    """"LONG (SF)": the long form that ends ``clause`` and spells ``written`` (or its singular)."""
    words = words_of(clause)
    if not words:
        return None
    found = short_form(written)
    core = found[0] if found else _lax_plural(written)[0]
    start = find_long(written, words, lang)
    if start is None and core != written:
        start = find_long(core, words, lang)
    if start is None and explicit:
        kept = words[-6:]
        while kept and kept[0].folded in stop:
            kept = kept[1:]
        start = len(words) - len(kept) if kept else None
    if start is None:
        return None
    start = extend_start(words, start, clause)
    return written, clause[words[start].start : words[-1].end], core


def _singular(long: str, lang: str) -> str:
    import simplemma  # deferred, as in extract.tokens

    head, _, last = long.rpartition(" ")
    lemma = simplemma.lemmatize(last, lang if lang in ("en", "nl", "fr", "de") else "en")
    if last[:1].isupper():
        lemma = lemma[:1].upper() + lemma[1:]
    return f"{head} {lemma}".strip()
