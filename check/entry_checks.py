"""Checks a translator expects from pofilter or Weblate, one function per check.

Every check declares ``triggers`` (what the text must contain for the check to find
anything), so the runner skips it on most entries, and starts with a cheap test that lets
the common case return at once: the checker must stay within half of polib's parse time on
large catalogs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from check.context import CheckContext, Unit
from check.registry import ERROR, NO_PROBLEMS, WARNING, Problem, check

_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+| \d{3}(?!\d))*")
_NUMBER_SEPARATORS = str.maketrans("", "", ".,\u00a0\u202f ")
_PRINTF = re.compile(r"%(?:\(\w+\))?[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[hlLqjzt]*[diouxXeEfFgGcrsa%]")
_STRICT_PRINTF = re.compile(r"%(?:\(\w+\))?\.?\d*[sdif]\b")
_BRACE = re.compile(r"\{[A-Za-z_0-9.]*(?:![rsa])?(?::[^{}]*)?\}")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>")
_WORD = re.compile(r"[^\W\d_]{2,}")
_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))
_NBSP = "\u00a0\u202f"
_FR_PUNCT = re.compile(r"[;:!?«»]")
_QUOTE_CHARS = frozenset('"«»„“”‹›')


@check("untranslated", WARNING)
def untranslated(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """The entry has no translation (untranslated entries get no other check)."""
    return NO_PROBLEMS if unit.target else (("not translated", None),)


@check("fuzzy", WARNING, needs="fuzzy")
def fuzzy(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """The translation is marked fuzzy and needs review (it is checked all the same)."""
    return (("marked fuzzy: review the translation and remove the flag", None),) if unit.fuzzy else NO_PROBLEMS


@check("same-as-source", WARNING, needs="identical")
def same_as_source(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """The translation equals the English source in a catalog of another language."""
    if unit.target != unit.source or context.is_source_language:
        return NO_PROBLEMS
    if len(_WORD.findall(unit.source)) < 2:  # names, abbreviations, single words may stay
        return NO_PROBLEMS
    return (("translation is identical to the source text", None),)


def _numbers(text: str) -> Counter[str]:
    return Counter(number.translate(_NUMBER_SEPARATORS) for number in _NUMBER.findall(text))


@check("numbers", ERROR, triggers="0123456789")
def numbers(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """Digits differ between source and translation (decimal and thousands separators may differ)."""
    found_source, found_target = _NUMBER.findall(unit.source), _NUMBER.findall(unit.target)
    if found_source == found_target:
        return NO_PROBLEMS  # the common case: the same numbers written the same way, in the same order
    expected, actual = _numbers(unit.source), _numbers(unit.target)
    if expected == actual:
        return NO_PROBLEMS
    return ((_difference("numbers", expected, actual), None),)


def _difference(what: str, expected: Counter[str], actual: Counter[str]) -> str:
    missing = ", ".join(sorted((expected - actual).elements()))
    extra = ", ".join(sorted((actual - expected).elements()))
    parts = [f"missing {missing}" if missing else "", f"not in source {extra}" if extra else ""]
    return f"{what} differ: " + "; ".join(part for part in parts if part)


def _placeholders(text: str, printf: bool) -> Counter[str]:
    found = Counter(_BRACE.findall(text)) if "{" in text else Counter[str]()
    if printf and "%" in text:
        found.update(p for p in _PRINTF.findall(text) if p != "%%")
    return found


@check("placeholders", ERROR, triggers="%{")
def placeholders(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """printf (%s, %(name)d) or brace ({name}) placeholders differ."""
    source, target = unit.source, unit.target
    if "%" not in source and "%" not in target and "{" not in source and "{" not in target:
        return NO_PROBLEMS
    flags = unit.entry.flags
    printf = ("c-format" in flags or "python-format" in flags
              or bool(_STRICT_PRINTF.search(source)) or bool(_STRICT_PRINTF.search(target)))
    expected, actual = _placeholders(source, printf), _placeholders(target, printf)
    if expected == actual:
        return NO_PROBLEMS
    return ((_difference("placeholders", expected, actual), None),)


def _tags(text: str) -> Counter[str]:
    return Counter(f"<{close}{name.lower()}{selfclose}>" for close, name, selfclose in _TAG.findall(text))


@check("markup", ERROR, triggers="<")
def markup(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """HTML/XML tags differ between source and translation."""
    if "<" not in unit.source and "<" not in unit.target:
        return NO_PROBLEMS
    expected, actual = _tags(unit.source), _tags(unit.target)
    if expected == actual:
        return NO_PROBLEMS
    return ((_difference("tags", expected, actual), None),)


def _bracket_imbalance(text: str) -> list[str]:
    return [f"{opening}{closing}" for opening, closing in _BRACKETS
            if (opening in text or closing in text) and text.count(opening) != text.count(closing)]


@check("brackets", WARNING, triggers="()[]{}")
def brackets(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """Brackets (), [] or {} are unbalanced in the translation but not in the source."""
    target = unit.target
    if "(" not in target and ")" not in target and "[" not in target and "]" not in target \
            and "{" not in target and "}" not in target:
        return NO_PROBLEMS
    unbalanced = [pair for pair in _bracket_imbalance(target) if pair not in _bracket_imbalance(unit.source)]
    return ((f"unbalanced brackets {' '.join(unbalanced)}", None),) if unbalanced else NO_PROBLEMS


def _quote_problems(text: str) -> list[str]:
    problems = []
    if text.count('"') % 2:
        problems.append('"')
    if text.count("«") != text.count("»"):
        problems.append("« »")
    if text.count("‹") != text.count("›"):
        problems.append("‹ ›")
    if (text.count("„") + text.count("“") + text.count("”")) % 2:
        problems.append("“ ”")
    return problems


@check("quotes", WARNING, triggers='"«»„“”‹›')
def quotes(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """Quotation marks are unbalanced in the translation but not in the source."""
    target = unit.target
    if _QUOTE_CHARS.isdisjoint(target):
        return NO_PROBLEMS
    unbalanced = [kind for kind in _quote_problems(target) if kind not in _quote_problems(unit.source)]
    return ((f"unbalanced quotation marks {' '.join(unbalanced)}", None),) if unbalanced else NO_PROBLEMS


@check("whitespace", WARNING)
def whitespace(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """Leading or trailing whitespace differs from the source, or the translation has double spaces."""
    source, target = unit.source, unit.target
    if "  " not in target and len(source.strip()) == len(source) and len(target.strip()) == len(target):
        return NO_PROBLEMS  # the common case
    problems: list[Problem] = []
    if (source[:1].isspace() or target[:1].isspace()) and \
            source[: len(source) - len(source.lstrip())] != target[: len(target) - len(target.lstrip())]:
        problems.append(("leading whitespace differs from the source", None))
    if (source[-1:].isspace() or target[-1:].isspace()) and \
            source[len(source.rstrip()):] != target[len(target.rstrip()):]:
        problems.append(("trailing whitespace differs from the source", None))
    if "  " in target and "  " not in source:
        problems.append(("double space in the translation", None))
    return problems or NO_PROBLEMS


def _fr_spacing_error(text: str, index: int) -> str | None:
    mark = text[index]
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if mark == "«":
        return None if after in _NBSP else "« needs a no-break space after it"
    if mark == "»":
        return None if before in _NBSP else "» needs a no-break space before it"
    if not before or before in _NBSP or before in ";:!?" or after.isalnum() or after == "/":
        return None  # start of text, doubled marks, URLs and times (10:30) are fine
    if before == " ":
        return f"use a no-break space (U+00A0 or U+202F) before {mark!r}, not a space"
    return f"missing no-break space before {mark!r}"


@check("fr-typography", WARNING, languages=("fr",), triggers=";:!?«»")
def fr_typography(unit: Unit, context: CheckContext) -> Sequence[Problem]:
    """French needs a no-break space before ; : ! ? and inside « »."""
    target = unit.target
    if not _FR_PUNCT.search(target):
        return NO_PROBLEMS
    messages = dict.fromkeys(filter(None, (_fr_spacing_error(target, m.start()) for m in _FR_PUNCT.finditer(target))))
    return tuple((message, None) for message in messages)
