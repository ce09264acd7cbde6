"""Conservative fuzzy matching of changed msgids to old translations, through an index.

A wrong guess in a patient leaflet is a safety risk, so a changed msgid inherits an old
translation (as a fuzzy suggestion) only when the statement id (msgctxt) is the same and
the texts are similar (:data:`SAME_CONTEXT_THRESHOLD`), or the texts are very close
(:data:`CLOSE_THRESHOLD`) — and never when their numbers or negations differ.

Candidates come from a token inverted index (the query's rarest words, then the best
hit counts, then a length filter); only that short list is scored exactly, with the
similarity GNU msgmerge uses: ``2 * LCS / (len(a) + len(b))`` (rapidfuzz's Indel ratio).
"""

from __future__ import annotations

import math
import re
import string
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from rapidfuzz import process
from rapidfuzz.distance import Indel

#: Similarity needed when old and new entry share the same msgctxt (statement id).
#: It is GNU msgmerge's own threshold (FUZZY_THRESHOLD in gettext's msgl-fsearch.c).
SAME_CONTEXT_THRESHOLD = 0.6
#: Similarity needed for any other candidate: at most ~20 % of the characters changed.
CLOSE_THRESHOLD = 0.8

REFUSE_NUMBERS = "numbers differ"
REFUSE_NEGATION = "negation differs"
REFUSE_BELOW_THRESHOLD = "below threshold"

_NEGATIONS = frozenset({
    # en
    "not", "no", "never", "none", "cannot", "without", "nor", "neither", "nothing", "nobody",
    # nl
    "niet", "geen", "nooit", "zonder", "niets", "niemand", "nergens",
    # fr
    "ne", "pas", "jamais", "aucun", "aucune", "sans", "rien", "ni",
    # de
    "nicht", "nie", "niemals", "ohne", "nichts",
})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SEPARATORS = str.maketrans(dict.fromkeys(string.punctuation + "«»“”‘’…–—¿¡", " "))
_SHORTLIST = 48
_MIN_TOKENS = 3
_PREFIX_FRACTION = 0.5
_POSTINGS_BUDGET = 1_000


def normalise(text: str) -> str:
    """Text as compared: NFC, case-folded, whitespace collapsed."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.casefold().split())


def words(text: str) -> list[str]:
    """The words of a normalised text, as the index sees them (punctuation is a separator)."""
    return text.translate(_SEPARATORS).split()


def numbers(text: str) -> tuple[str, ...]:
    """The numbers of ``text`` as a sorted multiset ("2 x 500 mg" -> ("2", "500"))."""
    return tuple(sorted(_NUMBER.findall(text)))


def negations(text: str) -> tuple[str, ...]:
    """The negation cues of ``text`` (en, nl, fr, de) as a sorted multiset."""
    cues = []
    for word in _WORD.findall(text.casefold()):
        word = word.replace("’", "'")
        if word in _NEGATIONS or word.startswith("kein"):
            cues.append("kein" if word.startswith("kein") else word)
        elif word.endswith("n't"):
            cues.append("n't")
        elif word.startswith(("n'", "ne'")):
            cues.append("ne")
    return tuple(sorted(cues))


def similarity(a: str, b: str) -> float:
    """msgmerge's similarity of two normalised texts, 0..1."""
    return Indel.normalized_similarity(a, b)


def refusal(new_text: str, old_text: str, same_context: bool, close_threshold: float = CLOSE_THRESHOLD) -> str | None:
    """Why ``old_text``'s translation must not be offered for ``new_text``, or None if it may."""
    if numbers(new_text) != numbers(old_text):
        return REFUSE_NUMBERS
    if negations(new_text) != negations(old_text):
        return REFUSE_NEGATION
    threshold = SAME_CONTEXT_THRESHOLD if same_context else close_threshold
    if similarity(normalise(new_text), normalise(old_text)) < threshold:
        return REFUSE_BELOW_THRESHOLD
    return None


@dataclass(frozen=True)
class Candidate:
    """An old translated message that may be offered for a changed msgid."""

    msgctxt: str | None
    msgid: str


class FuzzyIndex:
    """Finds the best acceptable old message for a new (msgctxt, msgid), without comparing all pairs.

    Each word's postings are sorted by text length, so a query only touches the candidates
    whose length can reach the threshold at all.
    """

    def __init__(self, candidates: Sequence[Candidate], close_threshold: float = CLOSE_THRESHOLD) -> None:
        self._candidates = candidates
        self._close = close_threshold
        self._texts = [normalise(candidate.msgid) for candidate in candidates]
        self._guards: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._by_context: dict[str, list[int]] = {}
        postings: dict[str, list[int]] = {}
        for position, (candidate, text) in enumerate(zip(candidates, self._texts, strict=True)):
            if candidate.msgctxt is not None:
                self._by_context.setdefault(candidate.msgctxt, []).append(position)
            for token in set(words(text)):
                postings.setdefault(token, []).append(position)
        lengths = [len(text) for text in self._texts]
        self._postings: dict[str, tuple[list[int], list[int]]] = {}
        for token, positions in postings.items():
            positions.sort(key=lengths.__getitem__)
            self._postings[token] = (positions, [lengths[position] for position in positions])

    def best(self, msgctxt: str | None, msgid: str) -> int | None:
        """Position of the candidate to offer for ``msgid``, or None.

        Any acceptable candidate with the same msgctxt wins; otherwise the closest other one.
        """
        text = normalise(msgid)
        group = self._by_context.get(msgctxt, []) if msgctxt is not None else []
        small = len(group) <= _SHORTLIST
        retrieved = self._retrieve(text, self._close if small else min(self._close, SAME_CONTEXT_THRESHOLD))
        candidates = self._candidates
        same = list(group) if small else [p for p in retrieved if candidates[p].msgctxt == msgctxt]
        others = [p for p in retrieved if msgctxt is None or candidates[p].msgctxt != msgctxt]
        guards = (numbers(msgid), negations(msgid))
        for positions, threshold in ((same, SAME_CONTEXT_THRESHOLD), (others, self._close)):
            texts = [self._texts[position] for position in positions]
            scored = process.extract(text, texts, scorer=Indel.normalized_similarity, processor=None,
                                     score_cutoff=threshold, limit=None)
            ranked = sorted((-score, candidates[positions[index]].msgctxt is not None, positions[index])
                            for _, score, index in scored)
            for _, _, position in ranked:
                if self._guards_of(position) == guards:
                    return position
        return None

    def _guards_of(self, position: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The candidate's numbers and negations, computed the first time it is scored."""
        if position not in self._guards:
            msgid = self._candidates[position].msgid
            self._guards[position] = (numbers(msgid), negations(msgid))
        return self._guards[position]

    def _retrieve(self, text: str, threshold: float) -> list[int]:
        """Candidates of a length that can reach ``threshold`` sharing the most of the query's rarest words."""
        length = len(text)
        low, high = length * threshold / (2 - threshold), length * (2 - threshold) / threshold
        slices = []
        for token in set(words(text)):
            if token in self._postings:
                positions, lengths = self._postings[token]
                start, stop = bisect_left(lengths, low), bisect_right(lengths, high)
                if stop > start:
                    slices.append((stop - start, start, positions))
        slices.sort(key=itemgetter(0))
        hits: Counter[int] = Counter()
        spent, wanted = 0, max(_MIN_TOKENS, math.ceil(len(slices) * _PREFIX_FRACTION))
        for rank, (size, start, positions) in enumerate(slices):
            if rank >= wanted or (rank and spent + size > _POSTINGS_BUDGET):
                break
            hits.update(positions[start:start + size])
            spent += size
        if len(hits) <= _SHORTLIST:
            return list(hits)
        ranked = sorted(hits.items(), key=itemgetter(1), reverse=True)
        return [position for position, _ in ranked[:_SHORTLIST]]
