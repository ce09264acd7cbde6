"""Term candidates: stopword-bounded noun-phrase-like n-grams, merged by lemma, ranked by termhood.

Input is plain sentences with the id of the source they come from (and, when known,
the file and line), so this module does not depend on how sources are read. Texts in
several languages on one subject can be scored together (:func:`terms_by_language`):
each language is then evidence for the others. See docs/term-extraction.md.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from extract.crosslang import Vocabulary, cross_evidence
from extract.ngrams import NgramCounter, NgramCounts
from extract.termhood import (
    THRESHOLD,
    CandidateStats,
    Key,
    c_values,
    general_zipf,
    known_word,
    termhood,
    weirdness,
)
from extract.tokens import STOPWORDS, normalise, phrase_chunks, word_lemma
from extract.wordclass import NOUN, OTHER, head_index, word_class

_SPACES = re.compile(r"\s+")
#: A candidate is marked as a named entity when at least this share of its occurrences
#: inside a sentence starts with a capital (and it is not an all-capitals acronym).
NAMED_ENTITY_CAPITALS = 0.8


@dataclass(frozen=True, slots=True)
class SentenceText:
    """One sentence (or text block), the id of its source and, when known, its file and line.

    ``line_of`` maps a character offset of ``text`` to its 1-based file line (for a block
    that spans several lines); without it every offset is on ``line``.
    """

    source: str
    text: str
    file: str = ""
    line: int = 0
    line_of: Callable[[int], int] | None = None


Sentences = Iterable[SentenceText | tuple[str, str]]


@dataclass(frozen=True, slots=True)
class TermForm:
    """One surface form of a candidate: as written, how often, and where it was first seen."""

    form: str
    count: int
    source: str
    file: str
    line: int


@dataclass(slots=True)
class TermCandidate:
    """A candidate term: canonical (most frequent) form, lemma key, termhood score and provenance."""

    term: str
    lemma: str
    lang: str
    score: float
    count: int
    sources: list[str]
    in_glossary: bool
    forms: list[TermForm] = field(default_factory=list)  # every surface form seen, most frequent first
    named_entity: bool = False

    @property
    def written(self) -> list[str]:
        """The surface forms as written, most frequent first."""
        return [form.form for form in self.forms]


@dataclass(slots=True)
class _Tally:
    """What one language's texts say about candidate keys and their words."""

    lang: str
    counts: NgramCounts
    texts: list[SentenceText]
    cvalues: dict[Key, float] = field(default_factory=dict)
    containers: dict[Key, int] = field(default_factory=dict)
    info: dict[str, _WordInfo] = field(default_factory=dict)


def _sentence(item: SentenceText | tuple[str, str]) -> SentenceText:
    return item if isinstance(item, SentenceText) else SentenceText(item[0], item[1])


def _tally(sentences: Sentences, lang: str) -> _Tally:
    counter = NgramCounter(lang)
    texts = []
    for item in sentences:
        sentence = _sentence(item)
        texts.append(sentence)
        counter.add(sentence.source, normalise(sentence.text))
    tally = _Tally(lang, counter.counts(), texts)
    tally.cvalues = c_values(tally.counts.counts, tally.containers)
    return tally


# Per word lemma: content word?, weirdness, general Zipf frequency, word class, stopword?, known?
_WordInfo = tuple[bool, float, float, str, bool, bool]


def _word_info(word: str, tally: _Tally) -> _WordInfo:
    """What the scoring needs about one word, computed once per word and corpus."""
    found = tally.info.get(word)
    if found is None:
        lang = tally.lang
        stop = STOPWORDS.get(lang, frozenset())
        content = word not in stop and any(ch.isalpha() for ch in word)
        counts = tally.counts
        specificity = weirdness(counts.words[word], counts.tokens, word, lang) if content else 0.0
        general = general_zipf(word, lang) if content else 0.0
        known = known_word(word, lang) if content else True
        found = tally.info[word] = (content, specificity, general, word_class(word, lang), word in stop, known)
    return found


def _compound(word: str, tally: _Tally) -> bool:
    """A long single word whose tail of 4+ letters is itself a word of the corpus (windturbine)."""
    words = tally.counts.words
    return len(word) >= 9 and any(word[cut:] in words for cut in range(3, len(word) - 3))


def _capitalised(key: Key, forms: Counter[str], tally: _Tally) -> float:
    """Share of the occurrences inside a sentence that start with a capital."""
    count = sum(forms.values())
    initial = tally.counts.initial.get(key, 0)
    inside = count - initial
    capitals = sum(n for form, n in forms.items() if form[:1].isupper())
    return max(capitals - initial, 0) / inside if inside > 0 else 0.0


def _stats(key: Key, tally: _Tally, others: list[Vocabulary]) -> CandidateStats:
    counts = tally.counts
    count = counts.counts[key]
    forms = counts.forms[key]
    words = [_word_info(word, tally) for word in key]
    content = [info for info in words if info[0]]
    content_words = [word for word, info in zip(key, words, strict=True) if info[0]]
    classes = [info[3] for info in content]
    head = words[head_index(len(key), tally.lang)][3]
    return CandidateStats(
        words=len(key),
        count=count,
        cvalue=tally.cvalues[key],
        specificity=tuple(info[1] for info in content),
        general=tuple(info[2] for info in content),
        linking=any(info[4] for info in words),
        hyphen=any("-" in word for word in key),
        capitalised=_capitalised(key, forms, tally),
        sources=len(counts.sources[key]),
        head_noun=head == NOUN,
        head_other=head == OTHER,
        all_other=bool(classes) and all(found == OTHER for found in classes),
        upper=_upper(forms),
        containers=tally.containers.get(key, 0),
        letters=sum(map(len, content_words)) / len(content_words) if content_words else 0.0,
        unknown=sum(1 for info in content if not info[5]) / len(content) if content else 0.0,
        compound=len(key) == 1 and _compound(key[0], tally),
        cross=cross_evidence(forms, content_words, others),
    )


def _upper(forms: Counter[str]) -> bool:
    """Mostly written in capitals, with at least two letters (EU, OLAF, ATMPs)."""
    form = max(forms, key=forms.__getitem__)
    letters = [ch for ch in form if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 0.6 * len(letters)


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


def _vocabularies(tallies: Mapping[str, _Tally]) -> dict[str, list[Vocabulary]]:
    """For each language, the vocabularies of the other languages scored with it."""
    built = {lang: Vocabulary.build(lang, tally.counts.first) for lang, tally in tallies.items()}
    return {lang: [v for other, v in built.items() if other != lang] for lang in tallies}


def _located(form: str, count: int, tally: _Tally) -> TermForm:
    """The form with the source, file and line of the text it was first seen in."""
    sentence = tally.texts[tally.counts.first[form]]
    line = sentence.line
    if sentence.line_of is not None:
        found = re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", normalise(sentence.text))
        line = sentence.line_of(found.start() if found else 0)
    return TermForm(form, count, sentence.source, sentence.file, line)


def candidate_stats(
    sentences: Sentences, lang: str, others: Mapping[str, Sentences] | None = None
) -> list[tuple[list[str], CandidateStats]]:
    """Every candidate's surface forms and corpus evidence, for fitting the termhood weights.

    ``others`` are texts in other languages on the same subject (cross-language evidence).
    """
    tallies = {lang: _tally(sentences, lang)}
    for other, texts in (others or {}).items():
        tallies[other] = _tally(texts, other)
    tally, vocabularies = tallies[lang], _vocabularies(tallies)[lang]
    return [
        (_preferred_form(tally.counts.forms[key]), _stats(key, tally, vocabularies))
        for key in sorted(tally.counts.counts)
    ]


def _candidates(tally: _Tally, others: list[Vocabulary], known: set[str], min_score: float | None,
                min_count: int) -> list[TermCandidate]:
    lang, counts = tally.lang, tally.counts
    candidates = []
    for key, count in counts.counts.items():
        if count < min_count:
            continue
        stats = _stats(key, tally, others)
        score = termhood(stats, lang)
        if min_score is not None and score < min_score:
            continue
        lemma_key = " ".join(key)
        forms = _preferred_form(counts.forms[key])
        candidates.append(
            TermCandidate(
                term=forms[0],
                lemma=lemma_key,
                lang=lang,
                score=round(score, 6),
                count=count,
                sources=sorted(counts.sources[key]),
                in_glossary=lemma_key in known or any(form.lower() in known for form in forms),
                forms=[_located(form, counts.forms[key][form], tally) for form in forms],
                named_entity=stats.capitalised >= NAMED_ENTITY_CAPITALS and not stats.upper,
            )
        )
    candidates.sort(key=lambda c: (-c.score, -c.count, c.lemma))
    return candidates


def terms_by_language(
    texts: Mapping[str, Sentences],
    *,
    glossary_terms: Mapping[str, Sequence[str]] | None = None,
    min_score: float | None = THRESHOLD,
    min_count: int = 1,
) -> dict[str, list[TermCandidate]]:
    """Term candidates of each language in *texts*, each language evidence for the others.

    Use it when the texts are on one subject (the sources of a workspace, a comparable
    corpus): a candidate whose form, words or stems recur in another language scores higher.
    """
    tallies = {lang: _tally(sentences, lang) for lang, sentences in texts.items()}
    vocabularies = _vocabularies(tallies)
    glossary_terms = glossary_terms or {}
    return {
        lang: _candidates(tally, vocabularies[lang], _glossary_keys(glossary_terms.get(lang, ()), lang),
                          min_score, min_count)
        for lang, tally in tallies.items()
    }


def term_candidates(
    sentences: Sentences,
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
    candidates = _candidates(tally, [], _glossary_keys(glossary_terms or (), lang), min_score, min_count)
    return candidates[:limit] if limit is not None else candidates
