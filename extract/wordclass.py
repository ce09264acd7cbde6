"""Cheap word-class evidence without a tagger: common verbs, adjectives and adverbs, and suffixes.

Most false term candidates are verbs, adjectives or adverbs (*provide*, *important*,
*recently*), and nouns carry most terms. Without part-of-speech models, two signals are
cheap and transparent: a short closed list of very common non-noun lemmas per language,
and derivational suffixes (noun: *-tion*, *-heid*, *-ité*; adjective/adverb: *-ly*, *-lijk*,
*-eux*; infinitives *-er*/*-ir* in French). They are features of the termhood model, so
the weights fitted on ACTER decide how much each counts; nothing is rejected outright.
"""

from __future__ import annotations

from functools import lru_cache

NOUN, OTHER, UNKNOWN = "noun", "other", "unknown"

_NOUN_SUFFIXES = {
    "en": "tion sion ment ness ity ism ance ence ship hood ist ery ure ing age er or",
    "nl": "heid ing isme teit schap tie sie ment eur ist age iteit erij ie",
    "fr": "tion sion ité isme eur age ure ance ence ade ie esse oir",
    "de": "ung heit keit schaft tion ität ismus nis tum ent ie",
}
_OTHER_SUFFIXES = {
    "en": "ly ous ful less ive able ible ical ary ant ent",
    "nl": "lijk isch baar zaam loos ig end",
    "fr": "er ir if ive eux euse able ible al el aire ique",
    "de": "lich isch bar sam los ig en",
}
# Very common verbs, adjectives and adverbs (lemmas) that are not stopwords.
_OTHER_WORDS = {
    "en": """make take give use need provide include become allow ensure follow show help find know see want seem
        consider remain continue require develop receive improve increase reduce report set put get go come say
        tell ask call try leave keep let begin start run move live believe hold bring happen write sit stand
        lose pay meet lead understand change learn add spend grow open walk win offer remember love appear buy
        wait serve die send expect build stay fall cut reach kill raise pass sell decide return explain hope
        carry break create accept apply base involve relate refer describe discuss mention note state suggest
        new good high large small important different possible able main major current early last first second
        recent significant specific particular general public available necessary clear full strong great long
        little old young big right real whole free best better certain likely similar common due various
        additional following previous likely low own usual well often recently currently generally usually
        mainly especially particularly directly simply rather quite almost""",
    "nl": """maken nemen geven gebruiken nodig bieden zorgen volgen tonen helpen vinden weten zien willen lijken
        blijven vereisen ontwikkelen ontvangen verbeteren verhogen verminderen stellen zetten krijgen gaan komen
        zeggen vertellen vragen proberen laten beginnen starten lopen leven geloven houden brengen gebeuren
        schrijven staan verliezen betalen leiden begrijpen veranderen leren groeien openen bieden kopen wachten
        sturen verwachten bouwen bereiken beslissen uitleggen hopen dragen breken accepteren toepassen betreffen
        beschrijven bespreken noemen nieuw goed hoog groot klein belangrijk verschillend mogelijk huidig vroeg
        laatst eerst tweede recent specifiek bepaald algemeen openbaar beschikbaar noodzakelijk duidelijk vol
        sterk lang oud jong echt geheel vrij best beter zeker waarschijnlijk gelijk gewoon verschillende
        bijvoorbeeld vooral meestal momenteel onlangs direct gewoonlijk""",
    "fr": """faire prendre donner utiliser fournir inclure devenir permettre assurer suivre montrer aider trouver
        savoir voir vouloir sembler considérer rester continuer exiger développer recevoir améliorer augmenter
        réduire mettre aller venir dire demander essayer laisser commencer vivre croire tenir apporter arriver
        écrire perdre payer mener comprendre changer apprendre ajouter offrir acheter attendre servir envoyer
        attendre construire atteindre décider expliquer espérer porter accepter appliquer concerner décrire
        nouveau bon haut grand petit important différent possible capable principal actuel premier second
        dernier récent significatif spécifique particulier général public disponible nécessaire clair plein fort
        long vieux jeune réel entier libre meilleur certain probable similaire commun divers supplémentaire
        également notamment actuellement généralement récemment directement simplement plutôt""",
    "de": """machen nehmen geben nutzen brauchen bieten sorgen folgen zeigen helfen finden wissen sehen wollen
        scheinen bleiben erfordern entwickeln erhalten verbessern erhöhen verringern stellen setzen bekommen
        gehen kommen sagen fragen versuchen lassen beginnen laufen leben glauben halten bringen schreiben stehen
        verlieren zahlen führen verstehen ändern lernen wachsen öffnen kaufen warten senden erwarten bauen
        erreichen entscheiden erklären hoffen tragen neu gut hoch groß klein wichtig verschieden möglich
        aktuell früh letzt erst zweit spezifisch bestimmt allgemein öffentlich verfügbar notwendig klar voll
        stark lang alt jung echt ganz frei best besser sicher wahrscheinlich ähnlich gemeinsam verschiedene""",
}
_WORDS = {lang: frozenset(spec.split()) for lang, spec in _OTHER_WORDS.items()}
_NOUNS = {lang: tuple(spec.split()) for lang, spec in _NOUN_SUFFIXES.items()}
_OTHERS = {lang: tuple(spec.split()) for lang, spec in _OTHER_SUFFIXES.items()}
_MIN_STEM = 3  # letters left before a suffix (so "er" does not make "her" a noun)


@lru_cache(maxsize=100_000)
def word_class(lemma: str, lang: str) -> str:
    """NOUN, OTHER (verb, adjective or adverb) or UNKNOWN for one lowercased lemma."""
    if lemma in _WORDS.get(lang, ()):
        return OTHER
    if len(lemma) - _MIN_STEM >= 2:
        if any(lemma.endswith(s) and len(lemma) - len(s) >= _MIN_STEM for s in _NOUNS.get(lang, ())):
            return NOUN
        if any(lemma.endswith(s) and len(lemma) - len(s) >= _MIN_STEM for s in _OTHERS.get(lang, ())):
            return OTHER
    return UNKNOWN


def head_index(words: int, lang: str) -> int:
    """Position of the head word: first in French (conflit d'intérêts), last elsewhere."""
    return 0 if lang == "fr" else words - 1
