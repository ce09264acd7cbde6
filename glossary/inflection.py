"""Inflected surface forms of glossary terms, so matching stays one automaton pass.

Instead of stemming every sentence, each term is expanded once into the forms a text may
use (``cel`` -> ``cellen``, ``celletje`` ...). The rules over-generate on purpose: a
nonsense form never occurs in real text and costs one automaton key, while a missing form
is a false "term missing" report. Only the head of a term is inflected:

* en: the last word (and the word before ``of``): -s, -es, consonant+y -> -ies, -f(e) -> -ves,
  -um -> -a, possessive 's; abbreviations take -s and 's (ATMPs, ATMP's).
* fr: every content word before the first preposition (``greffe de cellules souches`` ->
  ``greffes de ...``; ``cellule souche hématopoïétique`` -> ``cellules souches
  hématopoïétiques``): -s, -x after -au/-eu, -al/-ail -> -aux; words in -s/-x/-z are
  invariable; abbreviations are invariable (les ATMP). Elision: ``le/la X`` -> ``l'X`` and
  ``de X`` -> ``d'X`` before a vowel or h. Elided articles in the text (l'AFMPS, d’ATMP)
  need no variant: the apostrophe is a word boundary.
* nl: the last word: -en, -s, -'s after a vowel, -ie -> -ieën/-ies, -e -> -en/-es, -heid ->
  -heden, -um -> -a, consonant doubling after a short vowel (cel -> cellen), vowel
  undoubling (orgaan -> organen), f/s -> v/z; diminutives -je, -tje, -pje, -kje, -etje (with
  doubling: celletje) and their plurals in -s; abbreviations take 's and -s (ATMP's).
* de (lightly): the last word takes -e, -en, -n, -s, -er, -es; adjectives in -e before it
  take -en, -er, -es, -em.

Compound heads (stamceltransplantaties contains transplantatie) are handled by the
matcher, not here.
"""

from __future__ import annotations

import re

_EN_VOWELS = "aeiou"
_NL_VOWELS = "aeiouy"
_FR_ELIDING = "aeiouyhàâäéèêëîïôöùûüœæ"
_FR_PREPOSITIONS = frozenset({"de", "du", "des", "à", "au", "aux", "en", "pour", "par", "sur", "avec", "sans",
                              "contre", "chez", "dans"})
_FR_FUNCTION_WORDS = _FR_PREPOSITIONS | {"et", "ou", "le", "la", "les"}
_SPLIT = re.compile(r"(\s+|-)")


def surface_variants(text: str, lang: str, abbreviation: bool = False) -> set[str]:
    """All surface forms of the term ``text`` in language ``lang`` (including ``text`` itself)."""
    base = lang.split("_")[0].lower()
    forms = {text}
    if not text:
        return forms
    if abbreviation:
        forms |= _abbreviation_forms(text, base)
        return forms
    inflect = {"en": _en_forms, "fr": _fr_forms, "nl": _nl_forms, "de": _de_forms}.get(base)
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


def _en_forms(text: str) -> set[str]:
    forms = _replace_last_word(text, en_plurals(_last_word(text)))
    before_of, sep, after_of = text.partition(" of ")
    if sep and before_of:
        forms |= {form + sep + after_of for form in _replace_last_word(before_of, en_plurals(_last_word(before_of)))}
    return forms


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


def _nl_forms(text: str) -> set[str]:
    last = _last_word(text)
    return _replace_last_word(text, nl_plurals(last) | nl_diminutives(last))


# --- German --------------------------------------------------------------------------

def de_inflections(word: str) -> set[str]:
    """Light German plural and case endings of one noun."""
    low = word.lower()
    if not low[-1:].isalpha():
        return set()
    if low.endswith(("e", "el", "er", "en")):
        return {word + "n", word + "s"}
    return {word + ending for ending in ("e", "en", "s", "er", "es")}


def _de_forms(text: str) -> set[str]:
    words = text.split(" ")
    heads = [words[-1], *de_inflections(words[-1])]
    choices = [[w, *([w + e for e in ("n", "r", "s", "m")] if w.lower().endswith("e") else [])] for w in words[:-1]]
    forms: set[str] = {""}
    for options in choices:
        forms = {f"{form}{option} " for form in forms for option in options}
    return {form + head for form in forms for head in heads}
