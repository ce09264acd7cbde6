"""Locale codes: the one parser for every language and locale code careglot reads.

Two spellings name the same locale: gettext's (``nl_BE``, ``sr@latin``, ``ca@valencia``,
the folder names under ``locales/``) and BCP 47's (``nl-BE``, ``zh-Hant``, used by TBX,
HTML ``lang`` and the sources manifest). :func:`parse_locale` reads both: a language of 2-3
letters, then optionally a script (``Hans``), a region (``BE`` or ``419``), variants and a
gettext ``@modifier``. A code must be well-formed *and* use subtags registered with IANA
(checked with :mod:`langcodes`), so ``xx`` and ``nl_QQQ`` are refused while ``tet``
(Tetum), which CLDR has no data for, is a valid locale. Whether Babel can supply CLDR data
(plural rules, dates, names) is a separate question: :func:`has_cldr_data`.

Anything else, such as ``../x`` or ``a/b``, is refused, so a locale code is always safe as
a folder name.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from careglot.core.errors import InputError, UsageError

if TYPE_CHECKING:
    from babel import Locale

_SYNTAX = re.compile(
    r"(?P<language>[A-Za-z]{2,3})"
    r"(?:[-_](?P<script>[A-Za-z]{4}))?"
    r"(?:[-_](?P<territory>[A-Za-z]{2}|[0-9]{3}))?"
    r"(?P<variants>(?:[-_](?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*)"
    r"(?:@(?P<modifier>[A-Za-z0-9]{1,16}))?"
)


class LocaleError(ValueError):
    """A code that is not a locale: malformed (``invalid``) or with unregistered subtags (``unknown``)."""

    def __init__(self, code: object, unknown: bool) -> None:
        super().__init__(f"{'unknown' if unknown else 'invalid'} locale code {code!r}")
        self.code = code
        self.unknown = unknown


@dataclass(frozen=True)
class LocaleCode:
    """A parsed locale code, its subtags in canonical case."""

    language: str
    script: str | None = None
    territory: str | None = None
    variants: tuple[str, ...] = ()
    modifier: str | None = None

    @property
    def gettext(self) -> str:
        """The gettext spelling: ``nl_BE``, ``zh_Hans``, ``sr@latin``."""
        parts = [self.language, self.script, self.territory, *self.variants]
        text = "_".join(part for part in parts if part)
        return f"{text}@{self.modifier}" if self.modifier else text

    @property
    def bcp47(self) -> str:
        """The BCP 47 spelling without the gettext modifier: ``nl-BE``, ``zh-Hans``, ``es-419``."""
        return "-".join(part for part in (self.language, self.script, self.territory, *self.variants) if part)


def parse_locale(code: object) -> LocaleCode:
    """Parse a gettext or BCP 47 locale code (any case); raise :class:`LocaleError` if it is none."""
    if not isinstance(code, str):
        raise LocaleError(code, unknown=False)
    return _parse(code)


@lru_cache(maxsize=512)
def _parse(code: str) -> LocaleCode:
    match = _SYNTAX.fullmatch(code)
    if match is None:
        raise LocaleError(code, unknown=False)
    script, territory = match["script"], match["territory"]
    parsed = LocaleCode(
        language=match["language"].lower(),
        script=script.title() if script else None,
        territory=territory.upper() if territory else None,
        variants=tuple(part.lower() for part in re.split(r"[-_]", match["variants"]) if part),
        modifier=match["modifier"].lower() if match["modifier"] else None,
    )
    if not _registered(parsed.bcp47):
        raise LocaleError(code, unknown=True)
    return parsed


def gettext_locale(code: object) -> str:
    """``code`` if it is a locale in gettext's canonical spelling (``nl_BE``, not ``nl-be``), else raise.

    This is the form of the folder names under ``locales/`` and of the ``Language`` header.
    """
    if parse_locale(code).gettext != code:
        raise LocaleError(code, unknown=False)
    assert isinstance(code, str)
    return code


def is_known_language(code: str) -> bool:
    """Whether ``code`` (``nl``, ``nl-BE``, ``tet``) parses as a locale with registered subtags."""
    try:
        parse_locale(code)
    except LocaleError:
        return False
    return True


def base_language(code: str) -> str:
    """The language of a locale code: ``nl_BE`` -> ``nl``, ``sr@latin`` -> ``sr``, ``zh-Hant`` -> ``zh``."""
    return re.split(r"[-_@]", code, maxsplit=1)[0].lower()


@lru_cache(maxsize=128)
def cldr_locale(code: str) -> Locale | None:
    """Babel's CLDR locale for ``code`` (``sr@latin`` -> ``sr``, ``fr_XK`` -> ``fr`` when CLDR lacks
    the region), or None when CLDR does not know the language (``tet``) or the code is invalid."""
    from babel import Locale, UnknownLocaleError  # Babel's import is ~0.1 s; only callers that need CLDR pay it

    try:
        base = parse_locale(code).gettext.partition("@")[0]
    except LocaleError:
        return None
    for candidate in dict.fromkeys((base, base_language(base))):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return None


def has_cldr_data(code: str) -> bool:
    """Whether Babel has CLDR data (plural rules, date formats, names) for the locale ``code``."""
    return cldr_locale(code) is not None


@lru_cache(maxsize=512)
def _registered(tag: str) -> bool:
    import langcodes  # the IANA language subtag registry (~50 ms to load)

    return bool(langcodes.tag_is_valid(tag))


def territory(code: str) -> str | None:
    """The region of a locale code (``nl_BE`` -> ``BE``), None when it has none or is no locale."""
    try:
        return parse_locale(code).territory
    except LocaleError:
        return None


def locale_message(error: LocaleError) -> str:
    """The one-line message careglot shows for a refused locale code."""
    if error.unknown:
        return f"unknown locale {error.code!r}"
    return f"invalid locale code {error.code!r} (expected e.g. nl_BE or en)"


def check_locale(code: object, path: str | os.PathLike[str] | None = None, line: int | None = None) -> str:
    """``code`` if it is a gettext locale (:func:`gettext_locale`), else raise: an
    :class:`~careglot.core.errors.InputError` at ``path:line`` when the code came from a file,
    a :class:`~careglot.core.errors.UsageError` when it came from the command line."""
    try:
        return gettext_locale(code)
    except LocaleError as error:
        if path is None:
            raise UsageError(locale_message(error)) from error
        raise InputError(locale_message(error), path, line) from error
