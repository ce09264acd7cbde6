"""Count the candidate n-grams of a corpus: the hot loop of term extraction.

Every distinct written word gets an integer id once (with its lemma and its role:
may start or end a candidate, may sit inside one, or ends the phrase), so an n-gram
occurrence is a slice of a tuple of ids, counted in C by :class:`collections.Counter`.
Lemma keys, surface forms and sources are built once per distinct n-gram at the end;
the counter also keeps where each n-gram was first seen (the index of the text) and how
often it opens a sentence, so that a capital there is not taken for a name.
Tokenisation is that of :func:`extract.tokens.word_chunks`: a phrase never spans
punctuation, and a French elision (``d'intérêts``) is two words written without a space.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from extract.tokens import ELIDING, ELISION, LINKING, STOPWORDS, TOKEN, word_lemma

MAX_WORDS = 6
EDGE, INNER, BREAK = 0, 1, 2  # may start/end a candidate; may sit inside; ends the phrase
_SENTENCE_END = frozenset(".!?:;\"")  # a chunk after one of these opens a sentence
_GLUED = "\x1e"  # vocabulary prefix of a word written right after the previous one (after d')
Key = tuple[str, ...]


class NgramCounter:
    """Occurrences of every candidate n-gram, by lemma key, surface form and source."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._stop = STOPWORDS.get(lang, frozenset())
        self._linking = LINKING.get(lang, frozenset())
        self._elide = lang in ELIDING
        self._ids: dict[str, int] = {}
        self._written: list[str] = []
        self._joins: list[str] = []  # what joins the word to the previous one in a surface form
        self._lemmas: list[str] = []
        self._roles: list[int] = []
        self._grams: Counter[tuple[int, ...]] = Counter()
        self._initial: Counter[tuple[int, ...]] = Counter()  # occurrences that open a sentence
        self._first: dict[tuple[int, ...], int] = {}  # index of the text where the n-gram was first seen
        self._texts = 0
        self._words: Counter[int] = Counter()
        self._keys: dict[tuple[int, ...], Key] = {}
        self.sources: defaultdict[Key, set[str]] = defaultdict(set)
        self._source: str | None = None
        self._seen: set[tuple[int, ...]] = set()  # n-grams of the current source

    def add(self, source: str, text: str) -> int:
        """Count the n-grams of one normalised text of ``source``; return the text's index."""
        if source != self._source:
            self._flush()
            self._source = source
        ids, get = self._ids, self._ids.get
        grams: list[tuple[int, ...]] = []
        chunk: list[int] = []
        previous_end = 0
        opens = True  # the next chunk opens a sentence
        for match in TOKEN.finditer(text):
            start, end = match.span()
            if chunk and start > previous_end and not text[previous_end:start].isspace():
                self._chunk(chunk, grams, opens)
                opens = not _SENTENCE_END.isdisjoint(text[previous_end:start])
                chunk = []
            word = match.group()
            elision = ELISION.match(word) if self._elide and "'" in word else None
            if elision is None:
                index = get(word)
                chunk.append(self._new(word, word) if index is None else index)
            else:
                cut = elision.end()
                head, tail = word[:cut], _GLUED + word[cut:]
                chunk.append(ids[head] if head in ids else self._new(head, head))
                chunk.append(ids[tail] if tail in ids else self._new(tail, word[cut:]))
            previous_end = end
        if chunk:
            self._chunk(chunk, grams, opens)
        self._grams.update(grams)
        self._seen.update(grams)
        where, first = self._texts, self._first
        for gram in grams:
            if gram not in first:
                first[gram] = where
        self._texts += 1
        return where

    def _new(self, entry: str, word: str) -> int:
        lower = word.lower()
        if len(lower) > 1 and lower not in self._stop and any(ch.isalpha() for ch in lower):
            role = EDGE
        else:
            role = BREAK if lower in self._stop and lower not in self._linking else INNER
        self._ids[entry] = len(self._written)
        self._written.append(word)
        self._joins.append("" if entry.startswith(_GLUED) else " ")
        self._lemmas.append(word_lemma(word, self.lang))
        self._roles.append(role)
        return len(self._written) - 1

    def _chunk(self, chunk: list[int], grams: list[tuple[int, ...]], opens: bool) -> None:
        ids = tuple(chunk)
        self._words.update(ids)
        roles = [self._roles[index] for index in ids]
        size = len(ids)
        for start in range(size):
            if roles[start] != EDGE:
                continue
            before = len(grams)
            grams.append(ids[start : start + 1])
            for end in range(start + 1, min(start + MAX_WORDS, size)):
                role = roles[end]
                if role == BREAK:
                    break
                if role == EDGE:
                    grams.append(ids[start : end + 1])
            if opens and start == 0:
                self._initial.update(grams[before:])

    def _key(self, gram: tuple[int, ...]) -> Key:
        key = self._keys.get(gram)
        if key is None:
            key = self._keys[gram] = tuple(self._lemmas[index] for index in gram)
        return key

    def _flush(self) -> None:
        if self._source is not None:
            for gram in self._seen.difference(self._keys):
                self._key(gram)
            for key in set(map(self._keys.__getitem__, self._seen)):
                self.sources[key].add(self._source)
        self._seen = set()

    def surface(self, gram: tuple[int, ...]) -> str:
        """The n-gram as written: words joined by a space, or nothing after an elision."""
        first, *rest = gram
        return self._written[first] + "".join(self._joins[index] + self._written[index] for index in rest)

    def counts(self) -> NgramCounts:
        """Occurrences per lemma key and per surface form, with first sightings and word counts."""
        self._flush()
        result = NgramCounts(tokens=self._words.total())
        counts, forms, initial, first = result.counts, result.forms, result.initial, result.first
        for gram, count in self._grams.items():
            key = self._key(gram)
            counts[key] += count
            surface = self.surface(gram)
            forms[key][surface] += count
            seen = self._first[gram]
            if first.get(surface, seen) >= seen:
                first[surface] = seen
        for gram, count in self._initial.items():
            initial[self._key(gram)] += count
        for index, count in self._words.items():
            result.words[self._lemmas[index]] += count
        result.sources = self.sources
        return result


@dataclass(slots=True)
class NgramCounts:
    """What :meth:`NgramCounter.counts` returns: the corpus evidence about every candidate key."""

    tokens: int = 0
    counts: Counter[Key] = field(default_factory=Counter)
    forms: defaultdict[Key, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    initial: Counter[Key] = field(default_factory=Counter)  # occurrences that open a sentence
    first: dict[str, int] = field(default_factory=dict)  # surface form -> index of the first text
    words: Counter[str] = field(default_factory=Counter)  # occurrences per word lemma
    sources: defaultdict[Key, set[str]] = field(default_factory=lambda: defaultdict(set))
