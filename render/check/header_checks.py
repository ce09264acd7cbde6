"""Checks of a catalog's header entry."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from render.catalogs.plurals import PluralFormsError, disagreement, is_template, parse_plural_forms
from render.check.context import CheckContext
from render.check.registry import WARNING, check


@check("plural-forms", WARNING, header=True)
def plural_forms(metadata: Mapping[str, str], context: CheckContext) -> Sequence[str]:
    """The Plural-Forms rule differs from both GNU msginit's and CLDR's rule for the language."""
    header = metadata.get("Plural-Forms")
    if not header or is_template(header) or not context.locale:
        return ()
    try:
        rule = parse_plural_forms(header)
    except PluralFormsError:
        return ()  # the reader refuses such a catalog before any check runs
    problem = disagreement(rule, context.locale)
    return (problem,) if problem else ()
