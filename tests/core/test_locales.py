"""The one locale parser: what gettext and BCP 47 accept, nothing that is not a locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from careglot.core.errors import InputError, UsageError
from careglot.core.locales import (
    LocaleError,
    base_language,
    check_locale,
    gettext_locale,
    has_cldr_data,
    is_known_language,
    parse_locale,
    territory,
)

GETTEXT = ["nl_BE", "fr", "es_419", "sr@latin", "ca@valencia", "zh_Hans", "zh_Hant", "tet", "de_DE@euro",
           "sr_RS@latin", "en"]


@pytest.mark.parametrize("code", GETTEXT)
def test_gettext_locales_msgfmt_accepts_are_valid(code: str) -> None:
    assert gettext_locale(code) == code
    assert check_locale(code, "careglot.yaml", 3) == code


@pytest.mark.parametrize("code", ["../x", "a/b", "nl_BE/../../etc", "", " nl", "nl_BE\n", "n", "nl_B", "12",
                                  "nl__BE", "@latin", "nl_BE@", "nl BE"])
def test_junk_and_path_traversal_are_invalid(code: str) -> None:
    with pytest.raises(LocaleError) as caught:
        parse_locale(code)
    assert not caught.value.unknown


@pytest.mark.parametrize("code", ["xx", "xx_YY", "qq", "nl_QQQQQ"])
def test_unregistered_subtags_are_unknown(code: str) -> None:
    with pytest.raises(LocaleError) as caught:
        parse_locale(code)
    assert caught.value.unknown


@pytest.mark.parametrize(("code", "gettext", "bcp47"), [
    ("nl-BE", "nl_BE", "nl-BE"), ("nl-be", "nl_BE", "nl-BE"), ("ZH-hant-tw", "zh_Hant_TW", "zh-Hant-TW"),
    ("es-419", "es_419", "es-419"), ("ca-ES-valencia", "ca_ES_valencia", "ca-ES-valencia"),
    ("sr@latin", "sr@latin", "sr"),
])
def test_bcp47_spellings_parse_to_the_same_locale(code: str, gettext: str, bcp47: str) -> None:
    parsed = parse_locale(code)
    assert (parsed.gettext, parsed.bcp47) == (gettext, bcp47)


@pytest.mark.parametrize("code", ["nl-BE", "nl_be", "NL_BE", "zh_hans"])
def test_a_gettext_locale_must_be_spelled_canonically(code: str) -> None:
    """Folder names under locales/ and Language headers take one spelling only."""
    with pytest.raises(LocaleError):
        gettext_locale(code)


def test_a_language_unknown_to_babel_is_valid_but_has_no_cldr_data() -> None:
    assert is_known_language("tet") and gettext_locale("tet") == "tet"
    assert not has_cldr_data("tet")
    assert has_cldr_data("sr@latin") and has_cldr_data("nl_BE")


def test_errors_name_the_file_or_the_option() -> None:
    with pytest.raises(InputError) as from_file:
        check_locale("nl-be", Path("careglot.yaml"), 4)
    assert str(from_file.value) == "careglot.yaml:4: invalid locale code 'nl-be' (expected e.g. nl_BE or en)"
    with pytest.raises(UsageError) as from_cli:
        check_locale("xx_YY")
    assert str(from_cli.value) == "unknown locale 'xx_YY'"
    with pytest.raises(InputError):
        check_locale(["nl_BE"], "careglot.yaml", 1)


@pytest.mark.parametrize(("code", "language", "region"), [
    ("nl_BE", "nl", "BE"), ("sr@latin", "sr", None), ("zh-Hant-TW", "zh", "TW"), ("zh_Hans", "zh", None),
    ("es_419", "es", "419"), ("fr", "fr", None),
])
def test_language_and_region(code: str, language: str, region: str | None) -> None:
    assert base_language(code) == language
    assert territory(code) == region
