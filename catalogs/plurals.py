"""A catalog's Plural-Forms: parsed and validated as GNU gettext does, compared with known-good rules.

The catalog's own header is the truth for that catalog, as in GNU gettext: it decides how
many ``msgstr[N]`` a plural message has and which form a number takes. A header that is not
a valid expression is an input error (``msgfmt --check-header`` refuses it too). A valid
rule that differs from what GNU msginit or CLDR (through Babel) give for the language is
not: ``careglot check`` reports it as a ``plural-forms`` warning naming both rules.
"""

from __future__ import annotations

import functools
import gettext
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from babel.messages.plurals import get_plural

from careglot.core.locales import cldr_locale

_HEADER = re.compile(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$", re.DOTALL)
_TEMPLATE_VALUES = ("INTEGER", "EXPRESSION")
# The numbers a rule is evaluated on: msgfmt --check-header looks at the same kind of range.
_SAMPLES = (*range(0, 1001), 10_000, 100_000, 1_000_000, 10_000_000)
_MAX_EXPRESSION = 2_000  # characters; real rules are under 300 (Arabic, Breton)


class PluralFormsError(ValueError):
    """A Plural-Forms header that GNU msgfmt would refuse; the message says why."""


@dataclass(frozen=True)
class PluralRule:
    """``nplurals`` and the C expression that picks a form for a number ``n``."""

    nplurals: int
    expression: str

    def header(self) -> str:
        return f"nplurals={self.nplurals}; plural={self.expression};"

    def forms(self) -> tuple[int, ...]:
        """The form chosen for each sample number (two rules agree when these agree)."""
        return _forms(self.expression)

    def same_as(self, other: PluralRule) -> bool:
        return self.nplurals == other.nplurals and self.forms() == other.forms()


def is_template(plural_forms: str) -> bool:
    """A .pot's placeholder header (``nplurals=INTEGER; plural=EXPRESSION;``)."""
    return any(value in plural_forms for value in _TEMPLATE_VALUES)


def parse_plural_forms(plural_forms: str) -> PluralRule:
    """The rule of a Plural-Forms header, validated like ``msgfmt --check-header``.

    Raises :class:`PluralFormsError` for a header without ``nplurals=N; plural=EXPR``, an
    expression that is not valid C, one that divides by zero, or one that yields a form
    number outside ``0 .. nplurals-1``.
    """
    match = _HEADER.match(plural_forms)
    if match is None:
        raise PluralFormsError(f"malformed Plural-Forms {plural_forms!r} (expected 'nplurals=N; plural=EXPRESSION;')")
    nplurals, expression = int(match.group(1)), match.group(2).strip()
    if nplurals < 1:
        raise PluralFormsError(f"Plural-Forms {plural_forms!r}: nplurals must be at least 1")
    forms = _forms(expression)
    largest = max(forms)
    if largest >= nplurals:
        raise PluralFormsError(f"Plural-Forms {plural_forms!r}: nplurals = {nplurals} but the plural "
                               f"expression can produce values as large as {largest}")
    return PluralRule(nplurals, expression)


@functools.lru_cache(maxsize=256)
def _forms(expression: str) -> tuple[int, ...]:
    function = _compile(expression)
    try:
        return tuple(int(function(n)) for n in _SAMPLES)
    except ZeroDivisionError:
        raise PluralFormsError(f"plural expression {expression!r} can produce division by zero") from None
    except (ArithmeticError, RecursionError, TypeError, ValueError):
        raise PluralFormsError(f"invalid plural expression {expression!r}") from None


def _compile(expression: str) -> Callable[[int], int]:
    if len(expression) > _MAX_EXPRESSION:
        raise PluralFormsError(f"plural expression is {len(expression)} characters long (at most {_MAX_EXPRESSION})")
    try:
        return gettext.c2py(expression)
    except (ValueError, SyntaxError, RecursionError, MemoryError, OverflowError):
        raise PluralFormsError(f"invalid plural expression {expression!r}") from None


@functools.lru_cache(maxsize=1)
def _gnu_table() -> dict[str, str]:
    data = resources.files("catalogs").joinpath("data/gnu_plural_forms.json").read_text(encoding="utf-8")
    rules: dict[str, str] = json.loads(data)["rules"]
    return rules


def _language_keys(locale: str) -> list[str]:
    """``pt_BR@x`` -> ``["pt_BR", "pt"]``: the locale without its modifier, then its language."""
    base = locale.partition("@")[0].replace("-", "_")
    language = base.partition("_")[0]
    return [base, language] if base != language else [language]


def gnu_rule(locale: str) -> PluralRule | None:
    """The rule GNU msginit writes for ``locale``, or None where msginit has none."""
    table = _gnu_table()
    for key in _language_keys(locale):
        if key in table:
            return parse_plural_forms(table[key])
    return None


def cldr_rule(locale: str) -> PluralRule | None:
    """The rule that CLDR (the installed Babel) gives for ``locale``, or None if it has none."""
    known = cldr_locale(locale)
    if known is None:
        return None
    try:
        plural = get_plural(known)
        return parse_plural_forms(f"nplurals={plural.num_plurals}; plural={plural.plural_expr};")
    except (ValueError, LookupError):
        return None


def default_rule(locale: str) -> PluralRule:
    """The rule a new catalog gets when no other catalog of its language says otherwise.

    GNU msginit's rule first (what most tools and translators already have), then CLDR's,
    then the Germanic two-form rule msginit itself writes for a language it does not know.
    """
    return gnu_rule(locale) or cldr_rule(locale) or PluralRule(2, "(n != 1)")


def disagreement(rule: PluralRule, locale: str) -> str | None:
    """Why ``rule`` is suspicious for ``locale`` (for a check warning), or None when it is known-good."""
    known = _known(locale)
    if not known or any(rule.same_as(other) for _, other in known):
        return None
    named = " or ".join(f"{source} {other.header()!r}" for source, other in known)
    return f"Plural-Forms {rule.header()!r} differs from the rule for {locale}: {named}"


def _known(locale: str) -> list[tuple[str, PluralRule]]:
    """GNU msginit's and CLDR's rule for ``locale``, where they exist: both are known-good."""
    pairs = [("GNU msginit", gnu_rule(locale)), ("CLDR", cldr_rule(locale))]
    return [(source, rule) for source, rule in pairs if rule is not None]
