"""Word tokens for term extraction: apostrophes, hyphens, stopwords and lemmas in en/nl/fr/de.

A *phrase chunk* is a run of word tokens separated by nothing but white space (or
a French elision such as ``d'``), so a candidate term never spans punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from careglot.core.folding import fold_typography_for_words

LANGUAGES = ("en", "nl", "fr", "de")

# Closed-class words. Those in _LINKING may sit *inside* a term ("abuse of functions",
# "conflit d'intérêts", "bestrijding van corruptie"); every other stopword ends a phrase.
_LINKING = {
    "en": "of the on and for against in to with &",
    "nl": "van de voor te en het met inzake ter in om op tegen tot een aan der den",
    "fr": "de d' la à des l' du en sur et au aux contre dans les le pour par",
    "de": "von der die das des dem den für und mit zur zum im am",
}
_STOP = {
    "en": """a an this that these those my your his her its our their some any no every each all both
        either neither such what which who whom whose whatever i me we us you he him she it they them
        myself yourself himself herself itself ourselves themselves one ones or but nor so yet if then
        than because as while although though unless until since whether at by with from into onto
        upon about above below over under between among through during before after within without
        along across around toward towards behind beyond via per is am are was were be been being
        have has had having do does did doing done will would shall should can could may might must
        ought not only also very too just more most less least much many few several other another
        same own there here where when why how again further once ever never always often still
        already even however thus therefore hence moreover furthermore etc yes up down out off
        like well s t don't can't won't isn't it's e.g i.e eg ie""",
    "nl": """een dit dat deze die mijn jouw je jij zijn haar ons onze hun hen ik mij me wij we u
        jullie hij zij ze het men iets niets iemand niemand al alle alles elk elke ieder iedere
        welk welke wie wat waar wanneer waarom hoe of maar dus want omdat als dan toen terwijl
        hoewel tenzij totdat zodat doordat nadat voordat sinds bij uit naar door over onder boven
        tussen na tijdens zonder binnen buiten langs rond achter per via is ben bent zijn was waren
        wordt worden werd werden geweest heeft hebben had hadden kan kunnen kon konden zal zullen
        zou zouden moet moeten moest mag mogen wil willen doet doen deed niet geen ook nog wel
        zeer erg heel meer meest minder veel weinig enkele andere ander zo er hier daar daarom
        echter toch reeds al altijd nooit vaak soms even zelf zich zichzelf hem haar dezelfde
        hetzelfde bijv. bv etc enz. o.a. d.w.z. ja nee nu eens alleen bijna ongeveer""",
    "fr": """un une ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
        je me moi tu te toi il elle on nous vous ils elles lui eux se soi y qui que quoi dont où
        quel quelle quels quelles lequel laquelle tout toute tous toutes chaque aucun aucune
        plusieurs certains certaines autre autres même mêmes ou mais donc or ni car si comme
        lorsque quand puisque parce avec sans sous entre vers chez depuis pendant avant après
        selon malgré parmi hors est sont était étaient été être ai as a avons avez ont avait
        avaient avoir fait faire peut peuvent pouvait doit doivent ne pas plus moins très trop
        aussi encore déjà toujours jamais souvent ici là alors ainsi cependant toutefois
        c' j' m' n' s' t' qu' jusqu' lorsqu' puisqu' etc oui non""",
    "de": """ein eine einer eines einem einen dies diese dieser dieses diesem diesen jener mein
        dein sein ihr unser euer ich mich mir wir uns du dich dir er sie es ihn ihm man sich wer
        was welche welcher welches jede jeder jedes alle alles kein keine oder aber denn sondern
        weil wenn als ob dass damit obwohl während bis seit bei aus nach über unter zwischen durch
        ohne gegen um vor hinter neben ist sind war waren sein gewesen wird werden wurde wurden
        hat haben hatte hatten kann können konnte muss müssen soll sollen darf dürfen will wollen
        nicht auch noch schon sehr mehr weniger viel viele wenige andere anderen so da hier dort
        immer nie oft auch nur bzw usw z.b etc ja nein""",
}
ELISION = re.compile(r"(?i)^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\w)")
ELIDING = ("fr", "en")  # languages whose elided articles and pronouns are words of their own
# An upper-case short form with a plural s (ATMPs, MSCs, iPSCs): its lemma is the singular.
_PLURAL_ABBREVIATION = re.compile(r"[a-z]?[A-Z][A-Z0-9]*[A-Z]s")
TOKEN = re.compile(r"\w+(?:['\-\u2010\u2011\u2013]\w+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    """One word: its text as written, offsets in the normalised text, and lowercase form."""

    text: str
    start: int
    end: int
    lower: str


def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


LINKING: dict[str, frozenset[str]] = {lang: _words(spec) for lang, spec in _LINKING.items()}
STOPWORDS: dict[str, frozenset[str]] = {lang: _words(spec) | LINKING[lang] for lang, spec in _STOP.items()}


def normalise(text: str) -> str:
    """Typographic apostrophes, quotes, spaces and hyphens to ASCII, soft hyphens removed."""
    return fold_typography_for_words(text)


Word = tuple[str, int, int]  # a word as written, its start and end offsets


def word_chunks(text: str, lang: str) -> list[list[Word]]:
    """Runs of words not interrupted by punctuation (what :func:`phrase_chunks` returns, as tuples).

    The hot path of term extraction: plain tuples, and the elision pattern tried only on
    words that contain an apostrophe.
    """
    chunks: list[list[Word]] = []
    current: list[Word] = []
    previous_end = 0
    elide = lang in ELIDING
    for match in TOKEN.finditer(text):
        start, end = match.span()
        if current and start > previous_end and not text[previous_end:start].isspace():
            chunks.append(current)
            current = []
        word = match.group()
        elision = ELISION.match(word) if elide and "'" in word else None
        if elision is None:
            current.append((word, start, end))
        else:
            cut = elision.end()
            current.append((word[:cut], start, start + cut))
            current.append((word[cut:], start + cut, end))
        previous_end = end
    if current:
        chunks.append(current)
    return chunks


def phrase_chunks(text: str, lang: str) -> list[list[Token]]:
    """Split normalised *text* into runs of word tokens not interrupted by punctuation."""
    return [[Token(word, start, end, word.lower()) for word, start, end in chunk]
            for chunk in word_chunks(text, lang)]


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """Lowercased dictionary form of one lowercased word (simplemma); elisions stay as they are."""
    if word.endswith("'") or lang not in LANGUAGES:
        return word
    if word.endswith("'s") and lang in ("en", "nl"):
        word = word[:-2]
    import simplemma  # deferred: 60 ms to import, and most commands never lemmatise

    # simplemma marks Dutch and German separable verbs with "_" (uit_voeren).
    return simplemma.lemmatize(word, lang).lower().replace("_", "")


def word_lemma(written: str, lang: str) -> str:
    """Lemma of a word as written: like :func:`lemma`, and ATMPs/MSCs -> atmp/msc (ATMP's already is)."""
    if _PLURAL_ABBREVIATION.fullmatch(written):
        return written[:-1].lower()
    return lemma(written.lower(), lang)
