"""Find the long form an abbreviation stands for among the words next to it.

Three layers, most reliable first, each tried on the shortest window of words that ends
at the brackets (so a long form never swallows the verb or subject before it):

1. **initials**: every content word starts with the next letter of the short form (letters
   inside a word only after its initial, so Osteoarthritis = OA, stamceltransplantatie = SCT;
   hyphenated parts and digits count as words: G-CSF, IL-1beta, TGF-beta1, 5HT).
2. **characters** (Schwartz & Hearst 2003): the letters occur in order, the first one at the
   start of the first word; accepted only when at most one content word gives no letter
   and the window holds no clause word (verb, pronoun, conjunction: "we", "is", "that").
3. **cross-language**: Belgian texts keep English or Dutch acronyms after a French or Dutch
   name (Europees Geneesmiddelenbureau (EMA), Centre fédéral d'expertise (KCE)). A noun
   phrase is accepted when the short form is a known international acronym, or when its
   content words' initials are the short form's letters in another order (antigène
   leucocytaire humain (HLA)).

French elision is undone before matching ("l'Agence" is the word "Agence", "d'assurance" the
word "assurance"), and accents are folded (échelle starts with e).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extract.tokens import STOPWORDS

_WORD = re.compile(r"(?:(?i:qu|jusqu|lorsqu|puisqu|[ldjmnstc])'(?=\w))?([^\W_]+(?:'s)?)")
def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


# Words that may sit inside a name ("Agency for Medicines and Health Products", "Agence des ...").
LINKING = {
    "en": _words("of for and on in to against & the"),
    "nl": _words("van voor en op in tegen tot aan der den te ter de het"),
    "fr": _words("de des du à au aux et en sur pour par contre dans la le les"),
    "de": _words("von der die das des dem den für und mit zur zum im am"),
}
ARTICLES = {
    "en": _words("the a an"),
    "nl": _words("de het een"),
    "fr": _words("le la les un une"),
    "de": _words("der die das ein eine"),
}
# International and Belgian acronyms that keep one language's letters in every language.
KNOWN_ACRONYMS = _words("""EMA WHO FDA EBMT ECDC EFSA NIH ISCT ISSCR CAT CHMP PRAC FAMHP KCE ATMP HSCT aHSCT
    MSC DMT RRMS SPMS PPMS CIS EDSS MRI GVHD HLA PCR RCT DNA RNA HIV CRP PRP iPS iPSC ESC ECTRIMS EAN ESMO
    EULAR EHA GMP GCP""")
NEGATIONS = _words("no non not geen niet niet- sans non-")
MAX_EXTRA = 5
MAX_STEPS = 4000


@dataclass(frozen=True)
class Word:
    """A word of a clause, with its span in the clause text and the elision it had."""

    text: str
    start: int
    end: int
    elided: bool

    @property
    def folded(self) -> str:
        return fold(self.text)


def fold(text: str) -> str:
    """Lowercase without accents (é -> e), for comparing letters."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))


def words_of(text: str) -> list[Word]:
    """The words of ``text``: hyphenated parts separate, elided articles dropped."""
    return [Word(m.group(1), m.start(1), m.end(), m.start(1) > m.start()) for m in _WORD.finditer(text)]


def letters_of(short: str) -> tuple[str, ...]:
    return tuple(fold(ch) for ch in short if ch.isalnum())


def find_long(short: str, words: Sequence[Word], lang: str) -> int | None:
    """Index of the first word of the long form that ends with ``words[-1]``, or None."""
    letters = letters_of(short)
    if not letters or not words:
        return None
    stop = STOPWORDS.get(lang, STOPWORDS["en"])
    folded = tuple(w.folded for w in words)
    limit = min(len(letters) + MAX_EXTRA, 2 * len(letters) + 1)
    for layer in (_initials, _characters):
        for start in range(len(folded) - 1, max(len(folded) - limit, 0) - 1, -1):
            if layer(letters, folded[start:], stop, lang):
                return _fuller(letters, folded, start, stop, lang) if layer is _initials else start
    stripped = _without_number_suffix(short)
    if stripped:
        found = find_long(stripped, words, lang)
        if found is not None:
            return found
    return _cross_language(short, words, lang)


def extend_start(words: Sequence[Word], start: int, clause: str) -> int:
    """Widen a long form to a whole hyphenated word (Vetweefsel-afgeleide) and to the capitalised
    head of a French or Dutch name whose other words are lowercase (Agence européenne des ...)."""
    while start > 0 and clause[words[start].start - 1 : words[start].start] == "-" \
            and words[start - 1].end == words[start].start - 1:
        start -= 1
    if start > 0 and words[start].text[0].islower():
        head = words[start - 1]
        if head.text[0].isupper() and not head.text.isupper() and (head.start > 0 or head.elided) \
                and words[start - 1].end == words[start].start - 1:
            start -= 1
    return start


def matches_whole(short: str, words: Sequence[Word], lang: str) -> bool:
    """Whether ``words`` as a whole spell ``short`` ("SF (long form)" order)."""
    letters = letters_of(short)
    folded = tuple(w.folded for w in words)
    stop = STOPWORDS.get(lang, STOPWORDS["en"])
    if not letters or not folded or len(folded) > len(letters) + MAX_EXTRA:
        return False
    return _initials(letters, folded, stop, lang) or _characters(letters, folded, stop, lang)


def _fuller(letters: tuple[str, ...], folded: tuple[str, ...], start: int, stop: frozenset[str], lang: str) -> int:
    """One content word further back when it makes one content word per letter (Vlaamse Vereniging
    voor Neurologie (VVN): the shortest window lets "voor" give the second V)."""
    content = sum(1 for word in folded[start:] if word not in stop)
    if content < len(letters) and start > 0 and folded[start - 1] not in stop \
            and sum(1 for word in folded[start - 1:] if word not in stop) == len(letters) \
            and _initials(letters, folded[start - 1:], stop, lang):
        return start - 1
    return start


def _without_number_suffix(short: str) -> str | None:
    """NEDA-3 -> NEDA: a trailing count that the long form does not spell."""
    match = re.fullmatch(r"([A-Za-z]{2,}[A-Za-z]*)-?\d{1,2}", short)
    return match.group(1) if match else None


def _initials(letters: tuple[str, ...], words: tuple[str, ...], stop: frozenset[str], lang: str) -> bool:
    negated = words[0] in NEGATIONS and len(words) >= 3  # No evidence of disease activity, non-Hodgkin
    if (words[0] in stop and not negated) or words[-1] in stop:
        return False
    return _align(letters, words, frozenset(w for w in words if w in stop))


@lru_cache(maxsize=8192)
def _align(letters: tuple[str, ...], words: tuple[str, ...], stop: frozenset[str]) -> bool:
    def at_word(i: int, w: int) -> bool:
        if w == len(words):
            return i == len(letters)
        if words[w] in stop and at_word(i, w + 1):
            return True
        return i < len(letters) and words[w][0] == letters[i] and inside(i + 1, w, 1)

    def inside(i: int, w: int, pos: int) -> bool:
        if at_word(i, w + 1):
            return True
        word = words[w]
        return any(word[p] == letters[i] and inside(i + 1, w, p + 1)
                   for p in range(pos, len(word)) if i < len(letters))

    return at_word(0, 0)


def _characters(letters: tuple[str, ...], words: tuple[str, ...], stop: frozenset[str], lang: str) -> bool:
    """Schwartz–Hearst's right-to-left letter search, with the clause-word and gap guards."""
    linking = LINKING.get(lang, LINKING["en"])
    if words[0] in stop or words[-1] in stop or any(w in stop and w not in linking for w in words):
        return False
    text = " ".join(words)
    owner = [index for index, word in enumerate(words) for _ in range(len(word) + 1)]
    initial = [at == 0 or text[at - 1] == " " for at in range(len(text))]
    steps = 0

    def search(i: int, limit: int, used: frozenset[int]) -> bool:
        """Place letters[i] (and those before it) left of ``limit``, word initials first."""
        nonlocal steps
        steps += 1
        if steps > MAX_STEPS:
            return False
        if i < 0:
            idle = sum(1 for index, word in enumerate(words) if index not in used and word not in stop)
            return 0 in used and idle <= (1 if len(letters) >= 3 or any(map(str.isdigit, letters)) else 0)
        spots = [at for at in range(limit - 1, -1, -1) if text[at] == letters[i] and (i > 0 or at == 0)]
        spots.sort(key=lambda at: not initial[at])
        return any(search(i - 1, at, used | {owner[at]}) for at in spots)

    if len(words) > 1 and not any(text[at] == letters[-1] for at in range(len(text) - len(words[-1]), len(text))):
        return False  # the last word gives a letter: "tumour necrosis factor levels" is no long form

    return search(len(letters) - 1, len(text), frozenset())


def _cross_language(short: str, words: Sequence[Word], lang: str) -> int | None:
    """A name phrase before an acronym of another language (see the module docstring)."""
    start = _phrase_start(words, lang)
    if start is None:
        return None
    letters = letters_of(short)
    if short in KNOWN_ACRONYMS and _translated(words[start:], letters, lang):
        return start
    if len(letters) >= 3 and any(c.isalpha() for c in letters):
        stop = STOPWORDS.get(lang, STOPWORDS["en"])
        for first in range(start, len(words)):  # the shortest tail whose initials are the letters reordered
            if words[first].folded in stop:
                continue
            tail = [w.folded[0] for w in words[first:] if w.folded not in stop]
            if sorted(tail) == sorted(letters):
                return first
    return None


def _translated(phrase: Sequence[Word], letters: tuple[str, ...], lang: str) -> bool:
    """Whether a name phrase can be the translation a known acronym abbreviates."""
    stop = STOPWORDS.get(lang, STOPWORDS["en"])
    content = [w for w in phrase if w.folded not in stop]
    proper = phrase[0].text[0].isupper() and (phrase[0].start > 0 or phrase[0].elided)
    if proper and 1 <= len(content) <= len(letters) + 2:
        return True
    # A translated common-noun phrase (médicaments de thérapie innovante (ATMP)): only in a
    # language other than the acronym's English, and about one content word per letter, so
    # that a lay gloss ("stem cell therapy (aHSCT)", "stamceltherapie (aHSCT)") is no definition.
    return lang != "en" and abs(len(content) - len(letters)) <= 1


def _phrase_start(words: Sequence[Word], lang: str) -> int | None:
    """Start of the noun phrase ending at the last word: back to an article or a clause word."""
    stop = STOPWORDS.get(lang, STOPWORDS["en"])
    linking, articles = LINKING.get(lang, LINKING["en"]), ARTICLES.get(lang, ARTICLES["en"])
    start = len(words)
    for index in range(len(words) - 1, -1, -1):
        word = words[index].folded
        if word in articles and not (index > 0 and words[index - 1].folded in linking - articles):
            break
        if word in stop and word not in linking:
            break
        start = index
        if len(words) - start >= 10:
            break
    while start < len(words) and words[start].folded in stop:
        start += 1
    return start if start < len(words) else None
