"""Sentence segmentation for en/nl/fr/de that survives abbreviations, numbers and brackets.

One segmenter for every stage: extraction cuts source texts into statements with it, and
the leaflets' readability figures count its sentences, so both agree on what a sentence is.

A full stop, question or exclamation mark ends a sentence only when white space and an
upper-case letter, digit, quote or bracket follow, the token before it is not a known
abbreviation or initial, and it is not inside parentheses. ``enz.``/``etc.`` may end a
sentence; ``e.g.``, ``Dr.``, ``bijv.``, ``o.a.``, ``d.w.z.`` never do.
"""

from __future__ import annotations

import re

_NEVER_END = {
    "en": "e.g. i.e. eg. ie. dr. drs. mr. mrs. prof. st. vs. v. no. nos. vol. fig. figs. approx. incl. "
          "cf. resp. dept. univ. jr. sr. ca. c. al. ed. eds. est. min. max. ref. refs. p. pp. ch. sec.",
    "nl": "bijv. bv. o.a. d.w.z. m.a.w. i.p.v. m.b.t. t.o.v. z.g.a.s. zgn. ca. dr. drs. prof. dhr. mevr. "
          "mr. ir. ing. nr. blz. vgl. resp. incl. excl. ong. art. e.a. t.a.v. i.v.m. a.u.b. o.b.v. p. st.",
    "fr": "p.ex. ex. cf. dr. pr. mme. mlle. m. me. st. ste. av. bd. env. vol. n°. p. pp. art. resp. c.-à-d.",
    "de": "z.b. bzw. ggf. evtl. d.h. u.a. ca. dr. prof. hr. fr. nr. s. vgl. inkl. exkl. bspw. sog. v.a. "
          "u.u. z.t. i.d.r. art. abs.",
}
_MAY_END = frozenset(["etc.", "enz.", "usw.", "e.d.", "u.s.w.", "e.a.", "etc.)"])
_NEVER = {lang: frozenset(spec.split()) for lang, spec in _NEVER_END.items()}
_ALL_NEVER = frozenset().union(*_NEVER.values())
_TERMINATOR = re.compile(r"[.!?…]+")
_CLOSERS = "'\")]’”»"
_STARTERS = re.compile(r"[\s]+(?=[A-ZÀ-ÖØ-Þ0-9'\"(\[‘“«•¿¡])")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z]\.$")


def sentence_spans(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``, without surrounding white space."""
    never = _NEVER.get(lang, _ALL_NEVER)
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    scanned = 0
    for match in _TERMINATOR.finditer(text):
        end = match.end()
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        depth = max(depth + _balance(text[scanned:end]), 0)
        scanned = end
        follow = _STARTERS.match(text, end)
        if follow is None or depth > 0:
            continue
        if match.group() == "." and _is_abbreviation(text, match.start(), never):
            continue
        spans.append(_trim(text, start, end))
        start = follow.end()
    if start < len(text) and text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return [span for span in spans if span[1] > span[0]]


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """The sentences of ``text``."""
    return [text[start:end] for start, end in sentence_spans(text, lang)]


def _balance(chunk: str) -> int:
    return chunk.count("(") + chunk.count("[") - chunk.count(")") - chunk.count("]")


def _is_abbreviation(text: str, dot: int, never: frozenset[str]) -> bool:
    """Whether the full stop at ``dot`` belongs to an abbreviation rather than ending a sentence."""
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"'":
        word_start -= 1
    token = text[word_start : dot + 1]
    lowered = token.lower()
    if lowered in _MAY_END:
        return False
    return lowered in never or bool(_INITIALS.match(token))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
