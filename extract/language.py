"""Cheap language identification for en, nl, fr and de from function words and letters.

Closed-class words are the most reliable short-text signal; words shared between the
languages ("in", "is", "de", "die") are left out, and a few spellings (Dutch "ij",
French accents, German "ß"/umlauts) add weight. Too little evidence gives ``None``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extract.tokens import LANGUAGES, STOPWORDS

MIN_EVIDENCE = 3.0
MIN_MARGIN = 2.0
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_HINTS = {
    "nl": re.compile(r"ij|aa|oe|ui"),
    "fr": re.compile(r"[éèêàçù]|eau|oux"),
    "de": re.compile(r"[äöüß]|sch|tz"),
}
_HINT_WEIGHT = 0.25


@lru_cache(maxsize=1)
def _distinctive() -> dict[str, str]:
    """Function words that only one language of the set has -> that language."""
    counts = Counter(word for lang in LANGUAGES for word in STOPWORDS[lang])
    return {w: lang for lang in LANGUAGES for w in STOPWORDS[lang] if counts[w] == 1 and len(w) > 1}


def scores(text: str) -> dict[str, float]:
    """Evidence per language: distinctive function words plus a little for typical spellings."""
    lowered = text.lower()
    found = Counter(map(_distinctive().get, _WORD.findall(lowered)))
    result = {lang: float(found[lang]) for lang in LANGUAGES}
    for lang, hint in _HINTS.items():
        result[lang] += _HINT_WEIGHT * min(len(hint.findall(lowered)), 8)
    return result


def identify(text: str) -> str | None:
    """The language of ``text`` (en, nl, fr, de), or None when the evidence is too thin."""
    ranked = sorted(scores(text).items(), key=lambda item: -item[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < MIN_EVIDENCE or top < MIN_MARGIN * second:
        return None
    return best
