"""Termhood measures: C-value for nested multi-word terms and domain specificity of words.

C-value (Frantzi, Ananiadou and Mima 2000) rewards long, frequent candidates and
discounts a candidate by how often it only occurs inside longer candidates.
Domain specificity compares a word's frequency in the corpus with its frequency in
general language (wordfreq's Zipf scale), like Ahmad et al.'s "weirdness" (1999).
The rank score combines them with unithood, shape, word-class and cross-language
features in boosted trees fitted on the three ACTER training domains
(``benchmarks/acter_terms.py --fit``, ``extract.boosting``): the log-odds that an
annotator would call the candidate a term, less the language's fitted cut-off.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from extract.boosting import shipped_models
from extract.crosslang import CrossEvidence

Key = tuple[str, ...]

# wordfreq reports 0 for unseen words; treat those as about as rare as a word it does list.
ZIPF_FLOOR = 1.0


def c_values(counts: Mapping[Key, int], containers: dict[Key, int] | None = None) -> dict[Key, float]:
    """C-value of every candidate; unigrams get length weight log2(2) = 1 instead of 0.

    A nested candidate is scored on its independent occurrences: its frequency minus the
    mean frequency of the longer candidates that contain it. ``containers``, when given,
    receives the number of those longer candidates (NC-value's context evidence).
    """
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
    if containers is not None:
        containers.update(nested_types)
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


@lru_cache(maxsize=200_000)
def known_word(word: str, lang: str) -> bool:
    """Whether simplemma's dictionary for *lang* lists the word (names and coinages are unknown)."""
    import simplemma  # deferred, as in extract.tokens

    try:
        return bool(simplemma.is_known(word, lang))
    except (ValueError, KeyError):
        return True


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
    capitalised: float  # share of occurrences inside a sentence written with an initial capital
    sources: int
    head_noun: bool = False  # the head word has a noun suffix (extract.wordclass)
    head_other: bool = False  # the head word is a common verb/adjective/adverb or has such a suffix
    all_other: bool = False  # every content word is
    upper: bool = False  # written in capitals (an acronym: EU, OLAF, ATMP)
    containers: int = 0  # distinct longer candidates that contain this one
    letters: float = 0.0  # mean length of the content words, in letters
    unknown: float = 0.0  # share of content words the lemmatiser's dictionary does not know
    compound: bool = False  # a single word whose tail is itself a corpus word (windturbine)
    cross: CrossEvidence = field(default_factory=CrossEvidence)


FEATURES = (
    "spec_min", "spec_mean", "log_count", "log_cvalue", "len2", "len3", "len4", "len5",
    "linking", "hyphen", "capitalised", "general_zipf", "unnested", "log_sources",
    "head_noun", "head_other", "all_other", "hapax", "unigram_general",
    "upper", "log_containers", "letters", "unknown", "compound",
    "cross_form", "cross_words", "cross_stems", "words",
)  # fmt: skip
#: ``termhood`` is the log-odds minus the language's fitted cut-off, so 0 is the default cut-off.
THRESHOLD = 0.0


def feature_vector(stats: CandidateStats) -> list[float]:
    """The features of :data:`FEATURES`, in that order."""
    spec = stats.specificity or (0.0,)
    general = stats.general or (0.0,)
    unnested = stats.cvalue / (math.log2(stats.words + 1) * stats.count)
    cross = stats.cross
    return [
        min(spec),
        sum(spec) / len(spec),
        math.log10(stats.count),
        math.log10(1.0 + stats.cvalue),
        float(stats.words == 2),
        float(stats.words == 3),
        float(stats.words == 4),
        float(stats.words >= 5),
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
        float(stats.upper),
        math.log10(1 + stats.containers),
        stats.letters / 10,
        stats.unknown,
        float(stats.compound),
        float(cross.form),
        cross.words,
        cross.stems,
        float(stats.words),
    ]


def termhood(stats: CandidateStats, lang: str) -> float:
    """How far the candidate's log-odds of being a term lies above the fitted cut-off of *lang*.

    The log-odds come from boosted trees over :func:`feature_vector` (``extract.boosting``),
    fitted on ACTER per language; other languages use the model fitted on all three.
    """
    model = shipped_models().for_lang(lang)
    return model.log_odds(feature_vector(stats)) - model.threshold
