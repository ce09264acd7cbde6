"""Inflected surface forms of glossary terms, so matching stays one automaton pass.

Instead of stemming every sentence, each term is expanded once into the forms a text may
use (``cel`` -> ``cellen``, ``celletje`` ...). The rules over-generate on purpose: a
nonsense form never occurs in real text and costs one automaton key, while a missing form
is a false "term missing" report. Only the head of a term is inflected:

* en: the last word (and the word before ``of``/``for``): -s, -es, consonant+y -> -ies,
  -f(e) -> -ves, -um -> -a, possessive 's; abbreviations take -s and 's (ATMPs, ATMP's).
* fr: every content word before the first preposition (``greffe de cellules souches`` ->
  ``greffes de ...``; ``cellule souche hématopoïétique`` -> ``cellules souches
  hématopoïétiques``): -s, -x after -au/-eu, -al/-ail -> -aux; words in -s/-x/-z are
  invariable; abbreviations are invariable (les ATMP). Elision: ``le/la X`` -> ``l'X`` and
  ``de X`` -> ``d'X`` before a vowel or h. Elided articles in the text (l'AFMPS, d’ATMP)
  need no variant: the apostrophe is a word boundary.
* nl: the head — the last word, or the word before the first preposition (``geneesmiddel
  voor geavanceerde therapie`` -> ``geneesmiddelen voor ...``): -en, -s, -'s after a vowel,
  -ie -> -ieën/-ies, -e -> -en/-es, -heid -> -heden, -um -> -a, consonant doubling after a
  short vowel (cel -> cellen), vowel undoubling (orgaan -> organen), f/s -> v/z; diminutives
  -je, -tje, -pje, -kje, -etje (with doubling: celletje) and their plurals in -s;
  abbreviations take 's and -s (ATMP's). Adjectives take -e with the same spelling rules
  (autoloog -> autologe, klinisch -> klinische, actief -> actieve): a modifier before the
  head always, a last word when the term is ``pos: adjective`` or ends like one (-isch,
  -ief, -oog ...).
* de (lightly): the head (last word, or the word before ``für``/``der``/``von`` ...) takes
  -e, -en, -n, -s, -er, -ern, -es and the umlaut plurals (Schub -> Schübe, Arzt -> Ärzte,
  Hausarzt -> Hausärzten, Haus -> Häuser, Mutter -> Mütter); adjectives in -e before it
  take -en, -er, -es, -em.

Compound heads (stamceltransplantaties contains transplantatie) are handled by the
matcher, not here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from careglot.core.locales import base_language

_EN_VOWELS = "aeiou"
_NL_VOWELS = "aeiouy"
_FR_ELIDING = "aeiouyhàâäéèêëîïôöùûüœæ"
_FR_PREPOSITIONS = frozenset({"de", "du", "des", "à", "au", "aux", "en", "pour", "par", "sur", "avec", "sans",
                              "contre", "chez", "dans"})
_FR_FUNCTION_WORDS = _FR_PREPOSITIONS | {"et", "ou", "le", "la", "les"}
_SPLIT = re.compile(r"(\s+|-)")


def surface_variants(text: str, lang: str, abbreviation: bool = False, pos: str | None = None) -> set[str]:
    """All surface forms of the term ``text`` in language ``lang`` (including ``text`` itself).

    ``pos`` (the term's part of speech) lets a Dutch adjective take its inflected -e form.
    """
    base = base_language(lang)
    forms = {text}
    if not text:
        return forms
    if abbreviation:
        forms |= _abbreviation_forms(text, base)
        return forms
    if base == "nl":
        forms |= _nl_forms(text, adjective=pos == "adjective")
    else:
        inflect = {"en": _en_forms, "fr": _fr_forms, "de": _de_forms}.get(base)
        if inflect is not None:
            forms |= inflect(text)
    return {form for form in forms if form}


def _abbreviation_forms(text: str, lang: str) -> set[str]:
    if lang in ("en", "de"):
        return {text + "s", text + "'s"}
    if lang == "nl":
        return {text + "'s", text + "s"}
    return set()


def _replace_last_word(text: str, make: set[str] | frozenset[str]) -> set[str]:
    head, _, last = text.rpartition(" ")
    prefix = f"{head} " if head else ""
    return {prefix + form for form in make if form != last}


def _last_word(text: str) -> str:
    return text.rpartition(" ")[2]


def _head_before(text: str, prepositions: frozenset[str]) -> tuple[str, str, str] | None:
    """``(before, head, rest)`` when a preposition follows the head: ``geneesmiddel`` of
    ``geneesmiddel voor geavanceerde therapie`` (rest starts with the space before ``voor``)."""
    words = text.split(" ")
    for index in range(1, len(words) - 1):
        if words[index].lower() in prepositions:
            before = " ".join(words[:index - 1])
            return (before + " " if before else ""), words[index - 1], " " + " ".join(words[index:])
    return None


def _with_head(text: str, prepositions: frozenset[str], inflect: Callable[[str], set[str]]) -> set[str]:
    """Forms with the head word before a preposition inflected (empty without such a head)."""
    split = _head_before(text, prepositions)
    if split is None:
        return set()
    before, head, rest = split
    return {before + form + rest for form in inflect(head) if form != head}


# --- English -------------------------------------------------------------------------

def en_plurals(word: str) -> set[str]:
    """English plural (and possessive) forms of one noun."""
    low = word.lower()
    if not low[-1:].isalpha():
        return set()
    forms = {word + "'s"}
    if low.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
        if low.endswith("is"):
            forms.add(word[:-2] + "es")
    elif low.endswith("y") and len(low) > 1 and low[-2] not in _EN_VOWELS:
        forms.add(word[:-1] + "ies")
    elif low.endswith("fe"):
        forms |= {word + "s", word[:-2] + "ves"}
    elif low.endswith("f"):
        forms |= {word + "s", word[:-1] + "ves"}
    elif low.endswith("um"):
        forms |= {word + "s", word[:-2] + "a"}
    else:
        forms.add(word + "s")
    return forms


_EN_PREPOSITIONS = frozenset({"of", "for"})


def _en_forms(text: str) -> set[str]:
    return _replace_last_word(text, en_plurals(_last_word(text))) | _with_head(text, _EN_PREPOSITIONS, en_plurals)


# --- French --------------------------------------------------------------------------

def fr_plural(word: str) -> str:
    """The regular French plural of one noun or adjective."""
    low = word.lower()
    if not low[-1:].isalpha() or low.endswith(("s", "x", "z")) or (word.isupper() and len(word) > 1):
        return word
    if low.endswith("al"):
        return word[:-2] + "aux"
    if low.endswith(("eau", "au", "eu")):
        return word + "x"
    return word + "s"


def _fr_forms(text: str) -> set[str]:
    parts = _SPLIT.split(text)
    plural: list[str] = []
    in_head = True
    for index, part in enumerate(parts):
        low = part.lower()
        if index % 2 == 0:
            if index > 0 and (low in _FR_PREPOSITIONS or "'" in part):
                in_head = False
            if in_head and low not in _FR_FUNCTION_WORDS and "'" not in part:
                part = fr_plural(part)
        plural.append(part)
    forms = {"".join(plural)}
    last = _last_word(text)
    if last.lower().endswith("al"):
        forms |= _replace_last_word(text, {last + "s"})
    if last.lower().endswith("ail"):
        forms |= _replace_last_word(text, {last[:-3] + "aux"})
    return forms | {elided for form in (text, *forms) for elided in _fr_elisions(form)}


def _fr_elisions(text: str) -> set[str]:
    words = text.split(" ")
    out: set[str] = set()
    for index in range(len(words) - 1):
        word, following = words[index].lower(), words[index + 1]
        if word in ("le", "la", "de", "que") and following[:1].lower() in _FR_ELIDING:
            elided = words[index][0] + "'" + following
            out.add(" ".join([*words[:index], elided, *words[index + 2:]]))
    return out


# --- Dutch ---------------------------------------------------------------------------

def _short_closed(low: str) -> bool:
    """Ends in one short vowel + one consonant (cel, stam): the consonant doubles."""
    return (len(low) >= 2 and low[-1] in "bdfgklmnprst" and low[-2] in _NL_VOWELS
            and (len(low) == 2 or low[-3] not in _NL_VOWELS))


def _long_closed(low: str) -> bool:
    """Ends in a doubled vowel + one consonant (orgaan, kaak): the vowel undoubles."""
    return (len(low) >= 3 and low[-1] not in _NL_VOWELS and low[-2] == low[-3] and low[-2] in "aeou"
            and (len(low) == 3 or low[-4] not in _NL_VOWELS))


def nl_plurals(word: str) -> set[str]:
    """Dutch plural forms of one noun."""
    low = word.lower()
    if not low[-1:].isalpha():
        return set()
    forms: set[str] = set()
    if low.endswith("heid"):
        forms.add(word[:-4] + "heden")
    if low.endswith("ie"):
        forms |= {word + "s", word + "ën"}
    elif low.endswith("e"):
        forms |= {word + "n", word + "s"}
    elif low[-1] in "aiouy":
        forms |= {word + "'s", word + "s"}
    elif low.endswith("um"):
        forms |= {word[:-2] + "a", word + "s"}
    elif low.endswith(("el", "em", "er", "en", "aar")):
        forms |= {word + "s", word + "en", word + word[-1] + "en"}
    else:
        forms |= {word + "en"} if low.endswith("s") else {word + "en", word + "s"}
        if _short_closed(low):
            forms.add(word + word[-1] + "en")
        if _long_closed(low):
            forms.add(word[:-2] + word[-1] + "en")
        if low.endswith("f"):
            forms |= {word[:-1] + "ven", _undouble(word[:-1]) + "ven"}
        if low.endswith("s"):
            forms |= {word[:-1] + "zen", _undouble(word[:-1]) + "zen"}
    return forms


def _undouble(stem: str) -> str:
    low = stem.lower()
    if len(low) >= 2 and low[-1] == low[-2] and low[-1] in "aeou":
        return stem[:-1]
    return stem


def nl_diminutives(word: str) -> set[str]:
    """Dutch diminutives of one noun (and their plurals in -s)."""
    low = word.lower()
    if not low[-1:].isalpha():
        return set()
    forms = {word + "je", word + "tje", word + "pje", word + "kje"}
    if low[-1] in "aiouy":
        forms.add(word + "'tje")
    if _short_closed(low):
        forms.add(word + word[-1] + "etje")
    if low.endswith("ng"):
        forms.add(word[:-1] + "kje")
    return forms | {form + "s" for form in forms}


_NL_PREPOSITIONS = frozenset({"voor", "van", "met", "tegen", "bij", "in", "op", "uit", "zonder", "na"})
_NL_ADJECTIVE_ENDINGS = ("isch", "ief", "oog", "aal", "eel", "air", "ig", "lijk", "baar", "loos", "iek")


def nl_adjective_forms(word: str) -> set[str]:
    """The inflected (-e) form of a Dutch adjective: klinische, autologe, actieve, grijze, witte."""
    low = word.lower()
    if not low[-1:].isalpha() or low.endswith("e"):
        return set()
    forms = {word + "e"}
    if _short_closed(low) and not low.endswith(("ig", "isch")):
        forms.add(word + word[-1] + "e")
    if _long_closed(low):
        forms.add(word[:-2] + word[-1] + "e")
    if low.endswith("f"):
        forms.add(_undouble(word[:-1]) + "ve")
    if low.endswith("s") and not low.endswith("sch"):
        forms.add(_undouble(word[:-1]) + "ze")
    return forms


def _nl_noun_forms(word: str) -> set[str]:
    return nl_plurals(word) | nl_diminutives(word)


def _nl_forms(text: str, adjective: bool = False) -> set[str]:
    words = text.split(" ")
    last = words[-1]
    heads = {last, *_nl_noun_forms(last)}
    if adjective or (len(words) == 1 and last.lower().endswith(_NL_ADJECTIVE_ENDINGS)):
        heads |= nl_adjective_forms(last)
    if _head_before(text, _NL_PREPOSITIONS) is not None:  # the head is not last: no modifiers to inflect
        return _replace_last_word(text, heads) | _with_head(text, _NL_PREPOSITIONS, nl_plurals)
    forms: set[str] = {""}
    for word in words[:-1]:
        forms = {f"{form}{option} " for form in forms for option in (word, *nl_adjective_forms(word))}
    return {form + head for form in forms for head in heads}


# --- German --------------------------------------------------------------------------

_DE_PREPOSITIONS = frozenset({"für", "der", "des", "von", "mit", "gegen", "bei", "zur", "zum", "aus", "nach"})
_UMLAUTS = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}


def de_umlaut(word: str) -> str | None:
    """``word`` with the vowel of its last syllable umlauted (Arzt -> Ärzt, Haus -> Häus,
    Mutter -> Mütter), or None when that vowel has no umlaut."""
    low = word.lower()
    stem_end = len(low) - 2 if low.endswith(("el", "er", "en")) and len(low) > 3 else len(low)
    for index in range(stem_end - 1, -1, -1):
        char = low[index]
        if char not in "aeiouäöüy":
            continue
        if char == "u" and index > 0 and low[index - 1] == "a":
            index -= 1  # au -> äu
        elif (char == "u" and index > 0 and low[index - 1] in "eä") or char not in "aou":
            return None  # eu, äu, e, i: no umlaut
        elif index > 0 and low[index - 1] == char and char in "ao":
            return word[:index - 1] + _UMLAUTS[word[index - 1]] + word[index + 1:]  # Saal -> Säl(e)
        return word[:index] + _UMLAUTS[word[index]] + word[index + 1:]
    return None


def de_inflections(word: str) -> set[str]:
    """Light German plural and case endings of one noun, with the umlaut plurals."""
    low = word.lower()
    if not low[-1:].isalpha():
        return set()
    umlauted = de_umlaut(word)
    if low.endswith(("e", "el", "er", "en")):
        forms = {word + "n", word + "s"}
        if umlauted is not None and not low.endswith("e"):
            forms |= {umlauted, umlauted + "n"}
        return forms
    forms = {word + ending for ending in ("e", "en", "s", "er", "ern", "es")}
    if umlauted is not None:
        forms |= {umlauted + ending for ending in ("e", "en", "er", "ern")}
    return forms


def _de_forms(text: str) -> set[str]:
    words = text.split(" ")
    heads = [words[-1], *de_inflections(words[-1])]
    choices = [[w, *([w + e for e in ("n", "r", "s", "m")] if w.lower().endswith("e") else [])] for w in words[:-1]]
    forms: set[str] = {""}
    for options in choices:
        forms = {f"{form}{option} " for form in forms for option in options}
    return {form + head for form in forms for head in heads} | _with_head(text, _DE_PREPOSITIONS, de_inflections)
