"""The Plural-Forms policy: the catalog's own header is the truth, CLDR disagreement is a warning.

Every rule a test needs is written out here; no test asserts what the installed Babel's
CLDR data says (it changes between Babel releases). Where CLDR's rule matters, the test
asks the installed Babel for it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from careglot.core.errors import InputError
from catalogs.plurals import (
    PluralFormsError,
    PluralRule,
    cldr_rule,
    disagreement,
    gnu_rule,
    parse_plural_forms,
)
from catalogs.pofile import load_catalog

Runner = Callable[..., Any]
GLOSSARY = Path(__file__).parents[1] / "data" / "check" / "glossary.yaml"
FRENCH_GNU = "nplurals=2; plural=(n > 1);"
CZECH_FOUR = "nplurals=4; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : (n % 1 == 0) ? 2 : 3;"


def catalog(language: str, plural_forms: str | None, forms: int = 2) -> str:
    header = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', f'"Language: {language}\\n"']
    if plural_forms is not None:
        header.append(f'"Plural-Forms: {plural_forms}\\n"')
    body = ['msgid "%d stem cell"', 'msgid_plural "%d stem cells"']
    body += [f'msgstr[{index}] "%d forme {index}"' for index in range(forms)]
    return "\n".join(header) + "\n\n" + "\n".join(body) + "\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("header, message", [
    ("nplurals=2; plural=(n / 0);", "division by zero"),
    ("nplurals=2; plural=(n % 3);", "as large as 2"),
    ("nplurals=2; plural=(n +);", "invalid plural expression"),
    ("nplurals=2; plural=" + "(" * 5000 + "n" + ")" * 5000 + ";", "characters long"),
    ("nplurals=0; plural=0;", "at least 1"),
    ("nplurals=x;", "malformed Plural-Forms"),
])
def test_a_rule_msgfmt_refuses_is_refused_with_the_reason(header: str, message: str) -> None:
    with pytest.raises(PluralFormsError, match=message):
        parse_plural_forms(header)


def test_rules_are_compared_by_what_they_do_not_how_they_are_written() -> None:
    assert parse_plural_forms("nplurals=2; plural=n>1").same_as(parse_plural_forms(FRENCH_GNU))
    assert not parse_plural_forms("nplurals=2; plural=(n != 1);").same_as(parse_plural_forms(FRENCH_GNU))


@pytest.mark.parametrize("language, header, forms", [
    ("fr", FRENCH_GNU, 2),  # GNU msginit, Poedit and Django write this for French
    ("fr", "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;", 3),  # CLDR 46+
    ("tr", "nplurals=2; plural=(n > 1);", 2),
    ("cs", CZECH_FOUR, 4),
    ("uk", "nplurals=4; plural=(n % 1 == 0 && n % 10 == 1 && n % 100 != 11 ? 0 : n % 1 == 0 && n % 10 >= 2 && "
           "n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : n % 1 == 0 && (n % 10 ==0 || (n % 10 >=5 && "
           "n % 10 <=9) || (n % 100 >=11 && n % 100 <=14 )) ? 2: 3);", 4),
    ("tet", "nplurals=2; plural=(n != 1);", 2),  # a language CLDR may not know
])
def test_the_catalogs_own_rule_is_read_whatever_cldr_says(tmp_path: Path, language: str, header: str,
                                                          forms: int) -> None:
    loaded = load_catalog(write(tmp_path, f"{language}.po", catalog(language, header, forms)))
    assert len(loaded[0].msgstr_plural) == forms


@pytest.mark.parametrize("text, message", [
    (catalog("fr", FRENCH_GNU, 3), "3 msgstr[N] forms, the catalog's Plural-Forms says nplurals=2"),
    (catalog("fr", FRENCH_GNU, 2).replace("msgstr[1]", "msgstr[5]"), "msgstr[0][5]"),
    (catalog("fr", None, 2), "no Plural-Forms"),
])
def test_forms_that_do_not_fit_the_catalogs_own_rule_are_an_error_with_the_line(tmp_path: Path, text: str,
                                                                               message: str) -> None:
    path = write(tmp_path, "fr.po", text)
    with pytest.raises(InputError, match=re.escape(message)) as raised:
        load_catalog(path)
    assert str(raised.value).startswith(f"{path}:")


def test_gnu_and_cldr_rules_are_both_known_good_and_others_are_named() -> None:
    assert disagreement(parse_plural_forms(FRENCH_GNU), "fr_BE") is None
    cldr = cldr_rule("fr_BE")
    if cldr is not None:
        assert disagreement(cldr, "fr_BE") is None
    problem = disagreement(parse_plural_forms("nplurals=2; plural=(n != 1);"), "fr_BE")
    assert problem is not None and "GNU msginit 'nplurals=2; plural=(n > 1);'" in problem
    assert disagreement(PluralRule(2, "(n != 1)"), "qaa") is None  # nothing known: nothing to compare


def check(run_cli: Runner, path: Path) -> tuple[int, list[dict[str, Any]]]:
    result = run_cli("check", str(path), "--glossary", str(GLOSSARY), "--format", "json")
    assert result.code in (0, 1), result.err
    return result.code, json.loads(result.out)["findings"]


def test_check_warns_about_a_rule_neither_gnu_nor_cldr_gives(run_cli: Runner, tmp_path: Path) -> None:
    _, findings = check(run_cli, write(tmp_path, "tr.po", catalog("tr", "nplurals=2; plural=(n > 1);")))
    plural = [f for f in findings if f["check"] == "plural-forms"]
    assert len(plural) == 1 and plural[0]["severity"] == "warning"
    assert "(n > 1)" in plural[0]["message"] and "GNU msginit 'nplurals=2; plural=(n != 1);'" in plural[0]["message"]
    assert plural[0]["line"] == 1


def test_check_is_silent_on_the_rule_gnu_msginit_writes(run_cli: Runner, tmp_path: Path) -> None:
    _, findings = check(run_cli, write(tmp_path, "fr.po", catalog("fr_BE", FRENCH_GNU)))
    assert [f for f in findings if f["check"] == "plural-forms"] == []


def test_init_takes_the_rule_the_workspaces_catalogs_of_the_language_use(workspace_copy: Path,
                                                                       run_cli: Runner) -> None:
    assert run_cli("catalog", "extract", cwd=workspace_copy).code == 0
    locales = workspace_copy / "locales"
    french = locales / "fr_BE" / "LC_MESSAGES"
    three_forms = "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"
    glossary_po = (french / "glossary.po").read_text(encoding="utf-8")
    (french / "glossary.po").write_text(glossary_po.replace(FRENCH_GNU, three_forms), encoding="utf-8")
    (french / "leaflets.po").unlink()
    assert run_cli("catalog", "init", "fr_BE", "--domain", "leaflets", cwd=workspace_copy).code == 0
    assert load_catalog(french / "leaflets.po").metadata["Plural-Forms"] == three_forms


@pytest.mark.gettext
@pytest.mark.skipif(shutil.which("msginit") is None, reason="GNU gettext (msginit) not installed")
@pytest.mark.parametrize("locale", ["fr", "fr_BE", "nl_BE", "de", "cs", "pl", "ru", "sl", "ja", "pt_BR", "ga", "ro"])
def test_the_gnu_rule_is_what_the_installed_msginit_writes(tmp_path: Path, locale: str) -> None:
    template = write(tmp_path, "t.pot", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
    written = subprocess.run(["msginit", "--no-translator", "--no-wrap", "-l", locale, "-i", str(template),
                              "-o", "-"], capture_output=True, text=True, check=True).stdout
    header = next(line for line in written.splitlines() if line.startswith('"Plural-Forms:'))
    rule = gnu_rule(locale)
    assert rule is not None and rule.same_as(parse_plural_forms(header[len('"Plural-Forms: '):-3]))


def test_a_language_cldr_does_not_know_is_read_checked_and_initialised_with_a_note(workspace_copy: Path,
                                                                                  run_cli: Runner) -> None:
    assert run_cli("catalog", "extract", cwd=workspace_copy).code == 0
    created = run_cli("catalog", "init", "tet", "--domain", "leaflets", cwd=workspace_copy)
    assert created.code == 0 and "tet is not in the CLDR data" in created.err
    path = workspace_copy / "locales" / "tet" / "LC_MESSAGES" / "leaflets.po"
    assert load_catalog(path).metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    checked = run_cli("check", str(path), "--glossary", str(GLOSSARY), cwd=workspace_copy)
    assert checked.code in (0, 1) and "tet has no CLDR data" in checked.err
