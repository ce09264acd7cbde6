"""Translator checks of ``careglot check``: one passing and one failing case per check id."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from check_support import check_json, checks_found, write_po

Run = Callable[..., Any]
NBSP, NNBSP = "\u00a0", "\u202f"

CASES = [
    # check id, locale, failing (msgid, msgstr), passing (msgid, msgstr)
    ("same-as-source", "nl_BE", ("Ask your doctor today.", "Ask your doctor today."),
     ("Ask your doctor today.", "Vraag het vandaag aan uw arts.")),
    ("numbers", "nl_BE", ("Take 2 tablets every 8 hours.", "Neem 2 tabletten om de 6 uur."),
     ("Take 2 tablets every 8 hours.", "Neem om de 8 uur 2 tabletten.")),
    ("numbers", "fr_BE", ("About 1.5 litres, 10,000 people.", "Environ 1,5 litre, 1 000 personnes."),
     ("About 1.5 litres, 10,000 people.", "Environ 1,5 litre, 10 000 personnes.")),
    ("placeholders", "nl_BE", ("Hello {name}, you have %(count)d visits.", "Hallo {naam}, u hebt %(count)d bezoeken."),
     ("Hello {name}, you have %(count)d visits.", "Hallo {name}, u hebt %(count)d bezoeken.")),
    ("markup", "nl_BE", ("Read <strong>this</strong> first.", "Lees dit <strong>eerst."),
     ("Read <strong>this</strong> first.", "Lees <strong>dit</strong> eerst.")),
    ("brackets", "nl_BE", ("Some people (not all) benefit.", "Sommige mensen (niet allemaal hebben baat."),
     ("Some people (not all) benefit.", "Sommige mensen (niet allemaal) hebben baat.")),
    ("quotes", "nl_BE", ("It is a kind of “reset”.", "Het is een soort “reset."),
     ("It is a kind of “reset”.", "Het is een soort „reset”.")),
    ("whitespace", "nl_BE", ("Your doctor decides.", "Uw  arts beslist."),
     ("Your doctor decides.", "Uw arts beslist.")),
    ("whitespace", "nl_BE", ("Note: ", "Let op:"), ("Note: ", "Let op: ")),
    ("fr-typography", "fr_BE", ("Why? Ask: your doctor.", "Pourquoi ? Demandez: votre médecin."),
     ("Why? Ask: your doctor.", f"Pourquoi{NNBSP}? Demandez{NBSP}: votre médecin.")),
    ("fr-typography", "fr_BE", ("A “reset”.", "Une « remise à zéro »."),
     ("A “reset”.", f"Une «{NBSP}remise à zéro{NBSP}».")),
]


@pytest.mark.parametrize(("check_id", "locale", "bad", "good"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_check_fails_and_passes(run_cli: Run, tmp_path: Path, check_id: str, locale: str,
                                bad: tuple[str, str], good: tuple[str, str]) -> None:
    assert check_id in checks_found(run_cli, tmp_path, locale, [bad])
    assert checks_found(run_cli, tmp_path, locale, [good]) == []


def test_untranslated_is_counted_and_gets_no_other_check(run_cli: Run, tmp_path: Path) -> None:
    path = write_po(tmp_path / "nl.po", "nl_BE", [("A stem cell transplantation in 2 weeks.", ""),
                                                  ("Your doctor decides.", "Uw arts beslist.")])
    code, findings, summary = check_json(run_cli, path)
    assert code == 0
    assert [(f["check"], f["severity"]) for f in findings] == [("untranslated", "warning")]
    assert (summary["entries"], summary["translated"], summary["untranslated"]) == (2, 1, 1)


def test_fuzzy_entries_are_checked_and_reported_as_fuzzy(run_cli: Run, tmp_path: Path) -> None:
    path = write_po(tmp_path / "nl.po", "nl_BE", [{"msgid": "Take 2 tablets.", "msgstr": "Neem 3 tabletten.",
                                                  "flags": ["fuzzy"]}])
    code, findings, summary = check_json(run_cli, path)
    assert code == 1
    assert [f["check"] for f in findings] == ["fuzzy", "numbers"]
    assert findings[1]["message"].endswith("(fuzzy entry)")
    assert summary["fuzzy"] == 1
    assert checks_found(run_cli, tmp_path, "nl_BE", [("Take 2 tablets.", "Neem 2 tabletten.")]) == []


def test_same_as_source_allowed_in_english_and_for_names(run_cli: Run, tmp_path: Path) -> None:
    assert checks_found(run_cli, tmp_path, "en", [("Ask your doctor today.", "Ask your doctor today.")]) == []
    assert checks_found(run_cli, tmp_path, "nl_BE", [("aHSCT", "aHSCT")]) == []


def test_percent_sign_in_prose_is_not_a_placeholder(run_cli: Run, tmp_path: Path) -> None:
    assert checks_found(run_cli, tmp_path, "nl_BE", [("About 30% of people.", "Ongeveer 30 % van de mensen.")]) == []


def test_french_typography_applies_to_french_only(run_cli: Run, tmp_path: Path) -> None:
    assert checks_found(run_cli, tmp_path, "nl_BE", [("Why? Ask.", "Waarom? Vraag het.")]) == []
    assert checks_found(run_cli, tmp_path, "fr_BE", [("See https://example.org at 10:30.",
                                                      "Voir https://example.org à 10:30.")]) == []


def test_plural_forms_are_checked_one_by_one(run_cli: Run, tmp_path: Path) -> None:
    entry = {"msgid": "%d stem cell", "msgid_plural": "%d stem cells", "flags": ["c-format"],
             "msgstr_plural": {0: "%d stamcel", 1: "stamcellen"}}
    path = write_po(tmp_path / "nl.po", "nl_BE", [entry])
    _, findings, _ = check_json(run_cli, path)
    assert [f["check"] for f in findings] == ["placeholders"]
    assert "plural form 1" in findings[0]["message"]


def _findings_by_context(path: Path, locale: str) -> dict[str, list[str]]:
    from check_support import GLOSSARY

    from check import CheckContext, check_catalog, read_catalog, select_checks
    from glossary.loader import load_glossary

    report = check_catalog(read_catalog(path), str(path), CheckContext(locale, "en", load_glossary(GLOSSARY)),
                           select_checks())
    found: dict[str, list[str]] = {}
    for finding in report.findings:
        found.setdefault(finding.msgctxt or "", []).append(finding.check)
    return found


@pytest.mark.parametrize("locale", ["nl_BE", "fr_BE"])
def test_a_catalog_finds_what_its_entries_find_one_by_one(tmp_path: Path, locale: str) -> None:
    """Checks pick their units for the whole catalog at once (trigger characters, conditions):
    each entry must still get exactly the findings it gets alone, whatever comes before it."""
    pairs = [pair for _, lang, bad, good in CASES if lang == locale for pair in (bad, good)]
    pairs += [("Ünïcode «quoted» text before 3 € and “marks”.", "Ünïcode «geciteerde» tekst voor 3 € en “tekens”."),
              ("A stem cell transplantation helps.", "Een stamceltransplantatie helpt."),
              ("A stem cell transplantation helps.", "Het helpt."),
              ("NUL\x00 in a text, 4 items.", "NUL\x00 in een tekst, 5 items.")]
    entries = [{"msgid": msgid, "msgstr": msgstr, "msgctxt": f"ui.e{index}"}
               for index, (msgid, msgstr) in enumerate(pairs)]
    together = _findings_by_context(write_po(tmp_path / "all.po", locale, entries), locale)
    alone = {}
    for entry in entries:
        alone.update(_findings_by_context(write_po(tmp_path / "one.po", locale, [entry]), locale))
    assert together == alone
    assert "numbers" in together[f"ui.e{len(pairs) - 1}"]  # the text with a NUL is still checked
    assert "glossary-missing" in together[f"ui.e{len(pairs) - 2}"]


def test_every_condition_a_check_may_declare_has_a_predicate() -> None:
    """``needs`` names are declared in the registry and decided in the runner: they must agree."""
    from check.builtin import all_checks
    from check.registry import NEEDS
    from check.runner import _CONDITIONS

    assert set(_CONDITIONS) == set(NEEDS)
    assert {c.needs for c in all_checks() if c.needs} <= set(NEEDS)
