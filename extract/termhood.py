"""Termhood measures: C-value for nested multi-word terms and domain specificity of words.

C-value (Frantzi, Ananiadou and Mima 2000) rewards long, frequent candidates and
discounts a candidate by how often it only occurs inside longer candidates.
Domain specificity compares a word's frequency in the corpus with its frequency in
general language (wordfreq's Zipf scale), like Ahmad et al.'s "weirdness" (1999).
The rank score combines both with a few shape features of the candidate in a
logistic model whose weights were fitted on the three ACTER training domains
(``benchmarks/acter_terms.py --fit``); it is the log-odds that an annotator would
call the candidate a term.
"""

from __future__ import annotations

import math
import operator
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

Key = tuple[str, ...]

# wordfreq reports 0 for unseen words; treat those as about as rare as a word it does list.
ZIPF_FLOOR = 1.0


def c_values(counts: Mapping[Key, int]) -> dict[Key, float]:
    """C-value of every candidate; unigrams get length weight log2(2) = 1 instead of 0."""
    nested_total: dict[Key, int] = defaultdict(int)
    nested_types: dict[Key, int] = defaultdict(int)
    for key, count in counts.items():
        size = len(key)
        seen: set[Key] = set()
        for length in range(1, size):
            for start in range(size - length + 1):
                part = key[start : start + length]
                if part in counts and part not in seen:
                    seen.add(part)
                    nested_total[part] += count
                    nested_types[part] += 1
    result: dict[Key, float] = {}
    for key, count in counts.items():
        weight = math.log2(len(key) + 1)
        types = nested_types.get(key, 0)
        adjusted = count - nested_total[key] / types if types else float(count)
        result[key] = weight * max(adjusted, 0.0)
    return result


@lru_cache(maxsize=200_000)
def general_zipf(word: str, lang: str) -> float:
    """Zipf frequency of *word* in general *lang* (log10 of occurrences per billion words)."""
    import wordfreq  # deferred: 170 ms to import, and most commands never score terms

    try:
        value = wordfreq.zipf_frequency(word, lang)
    except LookupError:
        value = 0.0
    return max(value, ZIPF_FLOOR)


def corpus_zipf(count: int, total: int) -> float:
    """Zipf frequency of a word seen *count* times among *total* corpus tokens."""
    return math.log10(count * 1e9 / max(total, 1))


def weirdness(count: int, total: int, word: str, lang: str) -> float:
    """How many orders of magnitude more frequent *word* is in the corpus than in general use."""
    return corpus_zipf(count, total) - general_zipf(word, lang)


@dataclass(frozen=True, slots=True)
class CandidateStats:
    """Corpus evidence about one candidate, the input of :func:`termhood`."""

    words: int  # number of tokens
    count: int
    cvalue: float
    specificity: tuple[float, ...]  # weirdness of each content word
    general: tuple[float, ...]  # general-language Zipf frequency of each content word
    linking: bool  # contains a linking word such as "of", "van", "de"
    hyphen: bool
    capitalised: float  # share of occurrences written with an initial capital
    sources: int
    head_noun: bool = False  # the head word has a noun suffix (extract.wordclass)
    head_other: bool = False  # the head word is a common verb/adjective/adverb or has such a suffix
    all_other: bool = False  # every content word is


FEATURES = (
    "spec_min", "spec_mean", "log_count", "log_cvalue", "len2", "len3", "len4",
    "linking", "hyphen", "capitalised", "general_zipf", "unnested", "log_sources",
    "head_noun", "head_other", "all_other", "hapax", "unigram_general",
)  # fmt: skip
# Fitted by `python3 benchmarks/acter_terms.py --fit` on ACTER corp, equi and wind (en, fr, nl).
WEIGHTS = {
    "spec_min": 0.4709,
    "spec_mean": -0.0921,
    "log_count": -0.3895,
    "log_cvalue": 1.4649,
    "len2": -0.4214,
    "len3": -0.8029,
    "len4": -1.7659,
    "linking": -1.1337,
    "hyphen": 0.9139,
    "capitalised": -0.5653,
    "general_zipf": -0.3041,
    "unnested": -0.0400,
    "log_sources": 0.5435,
    "head_noun": 0.3772,
    "head_other": -0.9322,
    "all_other": 0.2271,
    "hapax": -0.7423,
    "unigram_general": -0.2048,
}
BIAS = -1.1809
#: Candidates scoring at least this are kept by default (best mean F1 on those domains).
THRESHOLD = -1.3


def feature_vector(stats: CandidateStats) -> list[float]:
    """The features of :data:`FEATURES`, in that order."""
    spec = stats.specificity or (0.0,)
    general = stats.general or (0.0,)
    unnested = stats.cvalue / (math.log2(stats.words + 1) * stats.count)
    return [
        min(spec),
        sum(spec) / len(spec),
        math.log10(stats.count),
        math.log10(1.0 + stats.cvalue),
        float(stats.words == 2),
        float(stats.words == 3),
        float(stats.words >= 4),
        float(stats.linking),
        float(stats.hyphen),
        stats.capitalised,
        sum(general) / len(general),
        unnested,
        math.log10(max(stats.sources, 1)),
        float(stats.head_noun),
        float(stats.head_other),
        float(stats.all_other),
        float(stats.count == 1),
        float(stats.words == 1) * sum(general) / len(general),
    ]


def termhood(stats: CandidateStats) -> float:
    """Log-odds that the candidate is a term: weighted C-value, specificity and shape."""
    return BIAS + sum(map(operator.mul, map(WEIGHTS.__getitem__, FEATURES), feature_vector(stats)))
