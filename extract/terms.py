"""Term candidates: stopword-bounded noun-phrase-like n-grams, merged by lemma, ranked by termhood.

Input is plain sentences with the id of the source they come from, so this module
does not depend on how sources are read. See docs/term-extraction.md for the method.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from extract.termhood import THRESHOLD, CandidateStats, Key, c_values, general_zipf, termhood, weirdness
from extract.tokens import LINKING, STOPWORDS, Word, lemma, normalise, phrase_chunks, word_chunks

MAX_WORDS = 5
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


# Separators of the flat string keys used while counting: never inside a word or a lemma.
_LEMMA_SEP, _FORM_SEP = "\x1f", "\x1e"
_EDGE, _INNER, _BREAK = 0, 1, 2  # may start/end a candidate; may sit inside; ends the phrase


class _Words:
    """Lemma and role of each distinct lowercased word, computed once per word."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.stop = STOPWORDS.get(lang, frozenset())
        self.linking = LINKING.get(lang, frozenset())
        self.known: dict[str, tuple[str, int]] = {}

    def __call__(self, word: str) -> tuple[str, int]:
        found = self.known.get(word)
        if found is None:
            if len(word) > 1 and word not in self.stop and any(ch.isalpha() for ch in word):
                role = _EDGE
            else:
                role = _BREAK if word in self.stop and word not in self.linking else _INNER
            found = self.known[word] = (lemma(word, self.lang), role)
        return found


class _Counter:
    """Counts n-gram occurrences as flat strings (``lemmas \x1e surface``), sources once per source."""

    def __init__(self, lang: str) -> None:
        self.words = _Words(lang)
        self.pairs: Counter[str] = Counter()
        self.lemmas: Counter[str] = Counter()
        self.tokens = 0
        self.sources: defaultdict[str, set[str]] = defaultdict(set)
        self._source: str | None = None
        self._grams: set[str] = set()  # of the current source

    def add(self, source: str, text: str) -> None:
        if source != self._source:
            self._flush()
            self._source = source
        grams: list[str] = []
        for chunk in word_chunks(text, self.words.lang):
            self._chunk(chunk, grams)
        self.pairs.update(grams)
        self._grams.update(grams)

    def _chunk(self, chunk: list[Word], grams: list[str]) -> None:
        info = [self.words(word.lower()) for word, _, _ in chunk]
        lemmas = [lem for lem, _ in info]
        roles = [role for _, role in info]
        # The surface form joins words with one space, or nothing inside a French elision (d'intérêts).
        joins = [""] + [" " if chunk[i][1] > chunk[i - 1][2] else "" for i in range(1, len(chunk))]
        self.tokens += len(chunk)
        self.lemmas.update(lemmas)
        size = len(chunk)
        for start in range(size):
            if roles[start] != _EDGE:
                continue
            key, surface = lemmas[start], chunk[start][0]
            grams.append(key + _FORM_SEP + surface)
            for end in range(start + 1, min(start + MAX_WORDS, size)):
                role = roles[end]
                if role == _BREAK:
                    break
                key += _LEMMA_SEP + lemmas[end]
                surface += joins[end] + chunk[end][0]
                if role == _EDGE:
                    grams.append(key + _FORM_SEP + surface)

    def _flush(self) -> None:
        if self._source is not None:
            for key in {gram.partition(_FORM_SEP)[0] for gram in self._grams}:
                self.sources[key].add(self._source)
        self._grams = set()

    def tally(self) -> _Tally:
        self._flush()
        tally = _Tally(words=self.lemmas, tokens=self.tokens)
        keys: dict[str, Key] = {}
        for gram, count in self.pairs.items():
            flat, _, surface = gram.partition(_FORM_SEP)
            key = keys.get(flat)
            if key is None:
                key = keys[flat] = tuple(flat.split(_LEMMA_SEP))
                tally.sources[key] = self.sources[flat]
            tally.counts[key] += count
            tally.forms[key][surface] = count
        return tally


def _tally(sentences: Iterable[SentenceText | tuple[str, str]], lang: str) -> _Tally:
    counter = _Counter(lang)
    for sentence in sentences:
        source, raw = (sentence.source, sentence.text) if isinstance(sentence, SentenceText) else sentence
        counter.add(source, normalise(raw))
    return counter.tally()


def _is_content(word: str, stop: frozenset[str]) -> bool:
    return word not in stop and any(ch.isalpha() for ch in word)


def _stats(key: Key, count: int, cvalue: float, tally: _Tally, lang: str) -> CandidateStats:
    stop = STOPWORDS.get(lang, frozenset())
    content = [word for word in key if _is_content(word, stop)]
    forms = tally.forms[key]
    capitalised = sum(n for form, n in forms.items() if form[:1].isupper())
    return CandidateStats(
        words=len(key),
        count=count,
        cvalue=cvalue,
        specificity=tuple(weirdness(tally.words[word], tally.tokens, word, lang) for word in content),
        general=tuple(general_zipf(word, lang) for word in content),
        linking=any(word in stop for word in key),
        hyphen=any("-" in word for word in key),
        capitalised=capitalised / count,
        sources=len(tally.sources[key]),
    )


def _glossary_keys(glossary_terms: Iterable[str], lang: str) -> set[str]:
    keys = set()
    for term in glossary_terms:
        text = normalise(term)
        words = [token.lower for chunk in phrase_chunks(text, lang) for token in chunk]
        keys.add(" ".join(lemma(word, lang) for word in words))
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
