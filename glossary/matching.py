"""Find glossary terms in text the way a careful reviewer does — THE matcher of every stage.

``TermMatcher.build(glossary, lang)`` compiles every term of ``lang`` (all statuses: the
checker needs deprecated and forbidden ones too; callers filter on ``match.term``) with
all its inflected forms (:mod:`glossary.inflection`) into one Aho–Corasick automaton;
``matcher.find(text)`` is one pass over the text. Rules:

* whole words: a match must not start or end inside a word (letters and digits), except
  that in Dutch and German a single-word, case-insensitive term of 4+ letters may be the
  head of a compound (``stamceltransplantaties`` contains ``transplantatie``); hyphens,
  apostrophes and spaces are word boundaries (``l'AFMPS``, ``autologe-stamceltransplantatie``);
* case-insensitive, except case-sensitive terms (abbreviations by default): ``MS`` matches
  "MS" and "MS's" but not the "ms" in "30 ms";
* accent-sensitive: ``hématopoïétique`` does not match "hematopoietique";
* ’ ‘ ʼ count as ', no-break and thin spaces as spaces, and ‐ ‑ as -;
* longest match first, no overlaps: "stem cell transplantation" is not also "stem cell";
  a span claimed by several concepts (ambiguous terms) yields one match per concept;
* English lay terms and variants marked ``pos: noun`` that double as verbs ("attack") do
  not match when an article or object pronoun follows ("the immune system attacks the
  joints" is the verb; "recurring attacks" and "an attack" are the noun).

``find_many(texts)`` matches a whole list of texts in one automaton pass over the texts
joined by a separator (far fewer Python calls than one ``find`` per text);
``concepts_many`` and ``summarise_many`` are the same pass for callers that only need
which concepts each text holds (the translation checker's msgids), plus the occurrences of
a few terms of interest (its msgstrs).

Offsets index the text passed in (which should be NFC, as gettext tools write it).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, pairwise
from typing import Any, ClassVar, TypeVar

import ahocorasick

from careglot.core.folding import FOLDS
from careglot.core.locales import base_language
from glossary.inflection import surface_variants
from glossary.model import Glossary, Term

_FOLDS = (*FOLDS.items(), ("\n", " "), ("\t", " "))
_COMPOUND_LANGS = ("nl", "de")
_MIN_COMPOUND_HEAD = 4
_SEPARATOR = "\x00"  # joins texts in find_many: no term contains it and it is not a word character
# A verb's object right after a noun-or-verb term: "attacks the joints", "attack them".
_VERB_OBJECT = re.compile(r" (?:the|a|an|its|their|his|her|our|your|my|these|those|them|him|us|me)(?![\w'])")
_VERB_LIKE_TYPES = ("lay-term", "variant")


@dataclass(slots=True)
class TermMatch:
    """One occurrence of a concept's term in a text."""

    concept_id: str
    term: Term
    start: int
    end: int
    surface: str


# What TermMatcher.summarise_many reports for one text: the concepts found with an accepted term,
# the OR of the marks of the terms found, the occurrences at spans where a marked term was found.
# The sets and lists may be shared between texts: never mutate them.
TermSummary = tuple[set[str], int, list[TermMatch]]
_NO_CONCEPTS: set[str] = set()
_NO_MATCHES: list[TermMatch] = []
_NO_SUMMARY: TermSummary = (_NO_CONCEPTS, 0, _NO_MATCHES)
_T = TypeVar("_T")


def _normalise(text: str) -> str:
    """Fold apostrophes and spaces one-to-one (offsets stay valid).

    Chained ``str.replace`` calls: ``str.translate`` is ten times slower on non-ASCII text.
    """
    if text.isascii() and "\n" not in text and "\t" not in text:
        return text
    for old, new in _FOLDS:
        if old in text:
            text = text.replace(old, new)
    return text


def _lower(text: str) -> str:
    """Lowercase without changing the length (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


# A key's payload: (concept_id, term, exact surface or None, may be a compound head, noun that may be a verb).
# The automaton's value for a key: (length, payloads, any compound head, the payload if it is the only one
# and needs no test beyond word boundaries — else None).
_Payload = tuple[str, Term, "str | None", bool, bool]
_Candidate = tuple[int, int, _Payload]


class TermMatcher:
    """All terms of one glossary language in one automaton. Build once, then ``find`` often."""

    _cache: ClassVar[dict[tuple[int, str], tuple[weakref.ReferenceType[Glossary], int, TermMatcher]]] = {}

    def __init__(self, lang: str, automaton: Any | None) -> None:
        self.lang = lang
        self._automaton = automaton

    @classmethod
    def build(cls, glossary: Glossary, lang: str) -> TermMatcher:
        """The matcher for ``lang`` (``nl`` or ``nl_BE``), cached per glossary object and language.

        The cache notices edits of the glossary's terms in ``lang`` between calls.
        """
        base = base_language(lang)
        key = (id(glossary), base)
        stamp = _fingerprint(glossary, base)
        cached = cls._cache.get(key)
        if cached is not None and cached[0]() is glossary and cached[1] == stamp:
            return cached[2]
        matcher = cls(base, _compile(glossary, base))
        cls._cache[key] = (weakref.ref(glossary), stamp, matcher)
        return matcher

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping term occurrences in ``text``, longest first, in text order."""
        if self._automaton is None or not text:
            return []
        folded = _normalise(text)
        found = list(self._candidates(folded, _lower(folded)))
        return _matches(text, 0, found) if found else []

    def find_many(self, texts: Sequence[str]) -> list[list[TermMatch]]:
        """``[self.find(text) for text in texts]``, in one pass over all texts."""
        results: list[list[TermMatch]] = [[] for _ in texts]
        self._scan(texts, _matches, results)
        return results

    def concepts_many(self, texts: Sequence[str]) -> list[set[str]]:
        """``[{m.concept_id for m in self.find(text)} for text in texts]`` in one pass, without
        building a ``TermMatch`` per occurrence. The sets may be shared: never mutate them."""
        results: list[set[str]] = [_NO_CONCEPTS] * len(texts)
        self._scan(texts, _concepts, results)
        return results

    def summarise_many(self, texts: Sequence[str], accepted: Container[int],
                       marks: Mapping[int, int]) -> list[TermSummary]:
        """For callers that need which concepts a text holds rather than every occurrence.

        Per text (same rules and one pass as ``find_many``): the ids of the concepts found
        with a term in ``accepted`` (terms by ``id``), the OR of ``marks[id(term)]`` over the
        terms found, and ``TermMatch`` objects only at the spans where a term with a mark
        was found (every concept at such a span). No object is built for the other terms.
        """
        results: list[TermSummary] = [_NO_SUMMARY] * len(texts)
        self._scan(texts, partial(_summary, accepted, marks), results)
        return results

    def _scan(self, texts: Sequence[str], finish: Callable[[str, int, list[_Candidate]], _T],
              results: list[_T]) -> None:
        """Set ``results[i] = finish(texts[i], base, candidates)`` for every text with candidates."""
        if self._automaton is None or not texts:
            return
        # Texts joined by separators, with one more at each end so that the characters around
        # any key occurrence can be read without bounds checks.
        joined = _SEPARATOR + _SEPARATOR.join(texts) + _SEPARATOR
        folded = _normalise(joined)
        low = folded.lower()
        if len(low) != len(folded):
            low = _SEPARATOR + _SEPARATOR.join(_lower(_normalise(text)) for text in texts) + _SEPARATOR
        bounds = list(accumulate(len(text) + 1 for text in texts))  # separator after each text
        index, limit, base = 0, bounds[0], 1
        pending: list[_Candidate] = []
        check_verbs = self.lang == "en"
        automaton: Any = self._automaton
        # The loop of _candidates, inlined and with a fast path for the common key (one plain
        # payload): this is the hot path of checking a large catalog.
        for end, (length, payloads, any_compound, plain) in automaton.iter(low):
            end += 1
            if low[end].isalnum():
                continue
            start = end - length
            inside_word = low[start - 1].isalnum()
            if inside_word and not any_compound:
                continue
            if end > limit:
                if pending:
                    results[index] = finish(texts[index], base, pending)
                    pending = []
                index = bisect_left(bounds, end, index)
                limit, base = bounds[index], (bounds[index - 1] + 1 if index else 1)
            if plain is not None:
                pending.append((start, end, plain))
                continue
            pending.extend((start, end, payload) for payload in
                           _accepted(payloads, inside_word, folded, low, start, end, check_verbs))
        if pending:
            results[index] = finish(texts[index], base, pending)

    def _candidates(self, folded: str, low: str) -> Iterator[_Candidate]:
        """Every whole-word (or compound-head) key occurrence in ``low``."""
        size = len(low)
        check_verbs = self.lang == "en"
        automaton: Any = self._automaton
        for last, (length, payloads, any_compound, _plain) in automaton.iter(low):
            end = last + 1
            if end < size and low[end].isalnum():
                continue
            start = end - length
            inside_word = start > 0 and low[start - 1].isalnum()
            if inside_word and not any_compound:
                continue
            for payload in _accepted(payloads, inside_word, folded, low, start, end, check_verbs):
                yield start, end, payload


def _accepted(payloads: Any, inside_word: bool, folded: str, low: str, start: int, end: int,
              check_verbs: bool) -> Iterator[Any]:
    """The payloads of one automaton hit that really match here: compound heads only where allowed,
    exact case for case-sensitive terms, no English noun term read as a verb before its object."""
    for payload in payloads:
        if inside_word and not payload[3]:
            continue
        exact = payload[2]
        if exact is not None and folded[start:end] != exact:
            continue
        if check_verbs and payload[4] and _VERB_OBJECT.match(low, end):
            continue
        yield payload


def _matches(text: str, base: int, found: list[_Candidate]) -> list[TermMatch]:
    """TermMatch objects for the candidates of ``text``, which starts at ``base`` of the scanned string."""
    if len(found) > 1:
        found = _longest_first(found)
    return [TermMatch(payload[0], payload[1], start - base, end - base, text[start - base:end - base])
            for start, end, payload in found]


def _concepts(text: str, base: int, found: list[_Candidate]) -> set[str]:
    """The concepts of the candidates of one text (see ``concepts_many``)."""
    if len(found) == 1:
        return {found[0][2][0]}
    return {payload[0] for _start, _end, payload in _longest_first(found)}


def _summary(accepted: Container[int], marks: Mapping[int, int], text: str, base: int,
             found: list[_Candidate]) -> TermSummary:
    """What ``summarise_many`` reports for one text (see there)."""
    get_mark = marks.get
    if len(found) == 1:  # the common case
        start, end, payload = found[0]
        term_id = id(payload[1])
        mark = get_mark(term_id, 0)
        present = {payload[0]} if term_id in accepted else _NO_CONCEPTS
        if not mark:
            return present, 0, _NO_MATCHES
        return present, mark, [TermMatch(payload[0], payload[1], start - base, end - base,
                                         text[start - base:end - base])]
    found = _longest_first(found)
    present = set()
    mark = 0
    for _start, _end, payload in found:
        term_id = id(payload[1])
        if term_id in accepted:
            present.add(payload[0])
        mark |= get_mark(term_id, 0)
    if not mark:
        return present, 0, _NO_MATCHES
    marked = {(start, end) for start, end, payload in found if get_mark(id(payload[1]), 0)}
    return present, mark, [TermMatch(payload[0], payload[1], start - base, end - base,
                                     text[start - base:end - base])
                           for start, end, payload in found if (start, end) in marked]


def _longest_first(found: list[_Candidate]) -> list[_Candidate]:
    if len(found) == 2:  # the commonest case after a single candidate: two separate terms
        first, second = found
        if first[1] <= second[0]:
            return found
    elif len(found) == 1:
        return found
    if all(a[1] <= b[0] and a[0] < b[0] for a, b in pairwise(found)):
        return found  # the common case: in text order (the automaton reports by end) and nothing overlaps
    found.sort(key=lambda item: item[0])
    if all(a[1] <= b[0] and a[0] < b[0] for a, b in pairwise(found)):
        return found
    found.sort(key=lambda item: (item[0] - item[1], item[0]))
    taken: list[tuple[int, int]] = []
    kept: list[_Candidate] = []
    seen: set[tuple[int, int, str]] = set()
    for start, end, payload in found:
        span = (start, end)
        if span not in taken and any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        if span not in taken:
            taken.append(span)
        if (start, end, payload[0]) not in seen:
            seen.add((start, end, payload[0]))
            kept.append((start, end, payload))
    kept.sort(key=lambda item: item[0])
    return kept


def _fingerprint(glossary: Glossary, lang: str) -> int:
    return hash(tuple((concept.id, tuple((t.text, t.type, t.status, t.case_sensitive, t.pos)
                                         for t in concept.terms_in(lang)))
                      for concept in glossary.concepts))


def _compile(glossary: Glossary, lang: str) -> Any | None:
    """One automaton: lowercased surface form -> (length, payloads, any compound head, plain payload)."""
    table: dict[str, _Payload | list[_Payload]] = {}  # one payload per key but for shared forms
    for concept in glossary.concepts:
        for term in concept.terms_in(lang):
            text = " ".join(_normalise(term.text).split())
            if not text:
                continue
            sensitive = term.is_case_sensitive
            single = " " not in text
            compound = lang in _COMPOUND_LANGS and not sensitive and single and len(text) >= _MIN_COMPOUND_HEAD
            verb_like = lang == "en" and single and term.pos == "noun" and term.type in _VERB_LIKE_TYPES
            shared = (concept.id, term, None, compound, verb_like)  # every form of a case-insensitive term
            for form in surface_variants(text, lang, abbreviation=term.type == "abbreviation", pos=term.pos):
                payload = (concept.id, term, form, compound, verb_like) if sensitive else shared
                key = form.lower()
                if len(key) != len(form):
                    key = _lower(form)
                found = table.get(key)
                if found is None:
                    table[key] = payload
                elif found is payload:
                    continue  # two forms of one term that differ only in case
                elif isinstance(found, list):
                    found.append(payload)
                else:
                    table[key] = [found, payload]
    if not table:
        return None
    automaton = ahocorasick.Automaton()
    for key, found in table.items():
        if isinstance(found, list):
            automaton.add_word(key, (len(key), tuple(found), any(p[3] for p in found), None))
        else:
            plain = found if found[2] is None and not found[4] else None
            automaton.add_word(key, (len(key), (found,), found[3], plain))
    automaton.make_automaton()
    return automaton
