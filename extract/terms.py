"""Term candidates: stopword-bounded noun-phrase-like n-grams, merged by lemma, ranked by termhood.

Input is plain sentences with the id of the source they come from, so this module
does not depend on how sources are read. See docs/term-extraction.md for the method.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from extract.ngrams import NgramCounter
from extract.termhood import THRESHOLD, CandidateStats, Key, c_values, general_zipf, termhood, weirdness
from extract.tokens import STOPWORDS, normalise, phrase_chunks, word_lemma
from extract.wordclass import NOUN, OTHER, head_index, word_class

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SentenceText:
    """One sentence (or text block) and the id of the source it was read from."""

    source: str
    text: str


@dataclass(slots=True)
class TermCandidate:
    """A candidate term: most frequent surface form, lemma key, termhood score and provenance."""

    term: str
    lemma: str
    lang: str
    score: float
    count: int
    sources: list[str]
    in_glossary: bool
    forms: list[str] = field(default_factory=list)  # every surface form seen, most frequent first


@dataclass(slots=True)
class _Tally:
    """What the corpus says about candidate keys and their words."""

    counts: Counter[Key] = field(default_factory=Counter)
    forms: defaultdict[Key, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    sources: defaultdict[Key, set[str]] = field(default_factory=lambda: defaultdict(set))
    words: Counter[str] = field(default_factory=Counter)
    tokens: int = 0
    info: dict[str, tuple[bool, float, float, str, bool]] = field(default_factory=dict)  # see _word_info


def _tally(sentences: Iterable[SentenceText | tuple[str, str]], lang: str) -> _Tally:
    counter = NgramCounter(lang)
    for sentence in sentences:
        source, raw = (sentence.source, sentence.text) if isinstance(sentence, SentenceText) else sentence
        counter.add(source, normalise(raw))
    counts, forms, words, tokens = counter.counts()
    return _Tally(counts=counts, forms=forms, sources=counter.sources, words=words, tokens=tokens)


def _is_content(word: str, stop: frozenset[str]) -> bool:
    return word not in stop and any(ch.isalpha() for ch in word)


# Per word lemma: content word?, weirdness, general Zipf frequency, word class, stopword?
_WordInfo = tuple[bool, float, float, str, bool]


def _word_info(word: str, tally: _Tally, lang: str) -> _WordInfo:
    """What the scoring needs about one word, computed once per word and corpus."""
    found = tally.info.get(word)
    if found is None:
        stop = STOPWORDS.get(lang, frozenset())
        content = _is_content(word, stop)
        specificity = weirdness(tally.words[word], tally.tokens, word, lang) if content else 0.0
        general = general_zipf(word, lang) if content else 0.0
        found = tally.info[word] = (content, specificity, general, word_class(word, lang), word in stop)
    return found


def _stats(key: Key, count: int, cvalue: float, tally: _Tally, lang: str) -> CandidateStats:
    words = [_word_info(word, tally, lang) for word in key]
    content = [info for info in words if info[0]]
    classes = [info[3] for info in content]
    head = words[head_index(len(key), lang)][3]
    capitalised = sum(n for form, n in tally.forms[key].items() if form[:1].isupper())
    return CandidateStats(
        words=len(key),
        count=count,
        cvalue=cvalue,
        specificity=tuple(info[1] for info in content),
        general=tuple(info[2] for info in content),
        linking=any(info[4] for info in words),
        hyphen=any("-" in word for word in key),
        capitalised=capitalised / count,
        sources=len(tally.sources[key]),
        head_noun=head == NOUN,
        head_other=head == OTHER,
        all_other=bool(classes) and all(found == OTHER for found in classes),
    )


def _glossary_keys(glossary_terms: Iterable[str], lang: str) -> set[str]:
    keys = set()
    for term in glossary_terms:
        text = normalise(term)
        words = [token.text for chunk in phrase_chunks(text, lang) for token in chunk]
        keys.add(" ".join(word_lemma(word, lang) for word in words))
        keys.add(_SPACES.sub(" ", text.strip().lower()))
    return keys


def _preferred_form(forms: Counter[str]) -> list[str]:
    """Surface forms, most frequent first; ties go to lowercase, then alphabetical order."""
    return sorted(forms, key=lambda form: (-forms[form], form != form.lower(), form))


def candidate_stats(
    sentences: Iterable[SentenceText | tuple[str, str]], lang: str
) -> list[tuple[list[str], CandidateStats]]:
    """Every candidate's surface forms and corpus evidence, for fitting the termhood weights."""
    tally = _tally(sentences, lang)
    cvalues = c_values(tally.counts)
    return [
        (_preferred_form(tally.forms[key]), _stats(key, count, cvalues[key], tally, lang))
        for key, count in sorted(tally.counts.items())
    ]


def term_candidates(
    sentences: Iterable[SentenceText | tuple[str, str]],
    lang: str,
    *,
    glossary_terms: Iterable[str] | None = None,
    min_score: float | None = THRESHOLD,
    min_count: int = 1,
    limit: int | None = None,
) -> list[TermCandidate]:
    """Rank term candidates of *lang* found in *sentences* (``SentenceText`` or (source, text)).

    Candidates are merged by lemma; ``score`` is the termhood log-odds and only
    candidates scoring at least *min_score* are returned (None keeps all).
    ``in_glossary`` is true when a glossary term has the same lemma key or the same
    lowercased text. Order is deterministic: score, then count (both descending), then lemma.
    """
    tally = _tally(sentences, lang)
    known = _glossary_keys(glossary_terms or (), lang)
    cvalues = c_values(tally.counts)
    candidates = []
    for key, count in tally.counts.items():
        if count < min_count:
            continue
        score = termhood(_stats(key, count, cvalues[key], tally, lang))
        if min_score is not None and score < min_score:
            continue
        lemma_key = " ".join(key)
        forms = _preferred_form(tally.forms[key])
        in_glossary = lemma_key in known or any(form.lower() in known for form in forms)
        candidates.append(
            TermCandidate(
                term=forms[0],
                lemma=lemma_key,
                lang=lang,
                score=round(score, 6),
                count=count,
                sources=sorted(tally.sources[key]),
                in_glossary=in_glossary,
                forms=forms,
            )
        )
    candidates.sort(key=lambda c: (-c.score, -c.count, c.lemma))
    return candidates[:limit] if limit is not None else candidates
