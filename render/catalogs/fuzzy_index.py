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
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

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
_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_SHORTLIST = 48
_PREFIX_FRACTION = 0.5
_POSTINGS_BUDGET = 40_000


def normalise(text: str) -> str:
    """Text as compared: NFC, case-folded, whitespace collapsed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


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
    """Finds the best acceptable old message for a new (msgctxt, msgid), without comparing all pairs."""

    def __init__(self, candidates: Sequence[Candidate], close_threshold: float = CLOSE_THRESHOLD) -> None:
        self._candidates = candidates
        self._close = close_threshold
        self._texts = [normalise(candidate.msgid) for candidate in candidates]
        self._numbers = [numbers(candidate.msgid) for candidate in candidates]
        self._negations = [negations(candidate.msgid) for candidate in candidates]
        self._by_context: dict[str, list[int]] = {}
        self._postings: dict[str, list[int]] = {}
        for position, (candidate, text) in enumerate(zip(candidates, self._texts, strict=True)):
            if candidate.msgctxt is not None:
                self._by_context.setdefault(candidate.msgctxt, []).append(position)
            for token in set(_TOKEN.findall(text)):
                self._postings.setdefault(token, []).append(position)

    def best(self, msgctxt: str | None, msgid: str) -> int | None:
        """Position of the candidate to offer for ``msgid``, or None.

        Same-context candidates are preferred; any other one must be very close.
        """
        text = normalise(msgid)
        wanted = (numbers(msgid), negations(msgid))
        if msgctxt is not None and msgctxt in self._by_context:
            found = self._score(text, wanted, self._by_context[msgctxt], SAME_CONTEXT_THRESHOLD)
            if found is not None:
                return found
        return self._score(text, wanted, self._retrieve(text), self._close)

    def _retrieve(self, text: str) -> list[int]:
        """A short list of candidates sharing the query's rarest words, of a compatible length."""
        tokens = sorted((len(self._postings[token]), token) for token in set(_TOKEN.findall(text))
                        if token in self._postings)
        if not tokens:
            return []
        hits: Counter[int] = Counter()
        budget = _POSTINGS_BUDGET
        for rank, (frequency, token) in enumerate(tokens):
            if rank >= max(2, math.ceil(len(tokens) * _PREFIX_FRACTION)) or (rank and frequency > budget):
                break
            hits.update(self._postings[token])
            budget -= frequency
        length = len(text)
        low, high = length * self._close / (2 - self._close), length * (2 - self._close) / self._close
        texts = self._texts
        shortlist = [position for position, _ in hits.most_common()
                     if low <= len(texts[position]) <= high]
        return shortlist[:_SHORTLIST]

    def _score(self, text: str, wanted: tuple[tuple[str, ...], tuple[str, ...]], positions: list[int],
               threshold: float) -> int | None:
        best: tuple[float, bool, int] | None = None
        for position in positions:
            if (self._numbers[position], self._negations[position]) != wanted:
                continue
            score = Indel.normalized_similarity(text, self._texts[position], score_cutoff=threshold)
            key = (score, self._candidates[position].msgctxt is None, -position)
            if score >= threshold and (best is None or key > best):
                best = key
        return None if best is None else -best[2]
