"""Catalog update (msgmerge semantics) and the conservative fuzzy matching rules for patient text."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import polib
import pytest

from catalogs.merge import merge_catalog
from catalogs.pofile import parse_catalog
from catalogs.writer import write_po

HEADER = """# Dutch translation of the leaflets.
# Translator <t@example.org>, 2025.
msgid ""
msgstr ""
"Project-Id-Version: careglot 1\\n"
"POT-Creation-Date: 2025-01-01 00:00+0000\\n"
"PO-Revision-Date: 2025-02-01 00:00+0000\\n"
"Language: nl_BE\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals={nplurals}; plural={plural};\\n"

"""
POT_HEADER = """msgid ""
msgstr ""
"Project-Id-Version: careglot 2\\n"
"POT-Creation-Date: 2025-06-01 12:00+0000\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

"""


def po(body: str, nplurals: int = 2, plural: str = "(n != 1)") -> polib.POFile:
    return polib.pofile(HEADER.format(nplurals=nplurals, plural=plural) + body)


def pot(body: str) -> polib.POFile:
    return polib.pofile(POT_HEADER + body)


def entry(catalog: polib.POFile, msgid: str, msgctxt: str | None = None) -> polib.POEntry:
    found = [e for e in catalog if e.msgid == msgid and e.msgctxt == msgctxt]
    assert len(found) == 1, f"{msgid!r} in context {msgctxt!r}: {len(found)} entries"
    return found[0]


def update(template: str, catalog: str, **options: object) -> polib.POFile:
    return merge_catalog(pot(template), po(catalog), **options).catalog  # type: ignore[arg-type]


def test_exact_match_keeps_translation_comments_and_flags_with_template_references() -> None:
    merged = update(
        '#. category: risk\n#: leaflets/a.yaml:12\n#, python-format\n'
        'msgctxt "a.risk.infection"\nmsgid "Infections are common."\nmsgstr ""\n',
        '# checked with the hospital pharmacist\n#. category: old\n#: leaflets/a.yaml:3\n#, python-format\n'
        'msgctxt "a.risk.infection"\nmsgid "Infections are common."\nmsgstr "Infecties komen vaak voor."\n')
    kept = entry(merged, "Infections are common.", "a.risk.infection")
    assert kept.msgstr == "Infecties komen vaak voor."
    assert kept.tcomment == "checked with the hospital pharmacist"
    assert kept.comment == "category: risk"
    assert kept.occurrences == [("leaflets/a.yaml", "12")]
    assert kept.flags == ["python-format"]
    assert kept.previous_msgid is None


def test_header_is_the_catalogs_with_the_templates_creation_date() -> None:
    merged = update('msgid "Hello"\nmsgstr ""\n', 'msgid "Hello"\nmsgstr "Hallo"\n')
    assert merged.metadata["POT-Creation-Date"] == "2025-06-01 12:00+0000"
    assert merged.metadata["Project-Id-Version"] == "careglot 1"
    assert merged.metadata["PO-Revision-Date"] == "2025-02-01 00:00+0000"
    assert merged.header.startswith("Dutch translation of the leaflets.")


def test_entries_follow_template_order_and_obsolete_ones_come_last() -> None:
    merged = update('msgid "Second"\nmsgstr ""\n\nmsgid "First"\nmsgstr ""\n',
                    'msgid "First"\nmsgstr "Eerste"\n\nmsgid "Gone away completely"\nmsgstr "Weg"\n\n'
                    'msgid "Second"\nmsgstr "Tweede"\n')
    assert [(e.msgid, e.obsolete) for e in merged] == [
        ("Second", False), ("First", False), ("Gone away completely", True)]


def test_changed_msgid_in_same_statement_is_fuzzy_with_previous_msgid() -> None:
    result = merge_catalog(
        pot('msgctxt "a.advice.doctor"\nmsgid "Talk to your neurologist about stem cell treatment."\nmsgstr ""\n'),
        po('# my note\nmsgctxt "a.advice.doctor"\nmsgid "Ask your neurologist about the treatment."\n'
           'msgstr "Vraag uw neuroloog naar de behandeling."\n'))
    changed = entry(result.catalog, "Talk to your neurologist about stem cell treatment.", "a.advice.doctor")
    assert changed.fuzzy
    assert changed.msgstr == "Vraag uw neuroloog naar de behandeling."
    assert changed.previous_msgctxt == "a.advice.doctor"
    assert changed.previous_msgid == "Ask your neurologist about the treatment."
    assert changed.tcomment == "my note"
    assert (result.fuzzy_matched, result.obsoleted, result.new) == (1, 0, 0)


def test_previous_msgid_of_a_fuzzy_entry_is_carried_over_not_replaced() -> None:
    merged = update('msgctxt "s"\nmsgid "Rest for two days after the infusion!"\nmsgstr ""\n',
                    '#, fuzzy\n#| msgctxt "s"\n#| msgid "Rest for a day after the infusion."\n'
                    'msgctxt "s"\nmsgid "Rest for two days after the infusion."\nmsgstr "Rust een dag."\n')
    changed = entry(merged, "Rest for two days after the infusion!", "s")
    assert changed.fuzzy and changed.msgstr == "Rust een dag."
    assert changed.previous_msgid == "Rest for a day after the infusion."


@pytest.mark.parametrize(("old", "new"), [
    ("Take 2 tablets a day.", "Take 3 tablets a day."),
    ("Wait 14 days before the next dose.", "Wait 4 days before the next dose."),
    ("The dose is 1.5 mg per kg.", "The dose is 15 mg per kg."),
    ("Take the tablet with water.", "Take 1 tablet with water."),
])
def test_numbers_differ_no_fuzzy_match_even_in_same_statement(old: str, new: str) -> None:
    result = merge_catalog(pot(f'msgctxt "s.dose"\nmsgid "{new}"\nmsgstr ""\n'),
                           po(f'msgctxt "s.dose"\nmsgid "{old}"\nmsgstr "vertaling"\n'))
    fresh = entry(result.catalog, new, "s.dose")
    assert fresh.msgstr == "" and not fresh.fuzzy
    assert entry(result.catalog, old, "s.dose").obsolete
    assert (result.fuzzy_matched, result.new, result.obsoleted) == (0, 1, 1)


@pytest.mark.parametrize(("old", "new"), [
    ("Drive after the treatment.", "Do not drive after the treatment."),
    ("You can drive after the treatment.", "You can't drive after the treatment."),
    ("You cannot stop the treatment alone.", "You can stop the treatment alone."),
    ("Take it with food.", "Take it without food."),
    ("Rijd na de behandeling.", "Rijd niet na de behandeling."),
    ("Er is risico op infectie.", "Er is geen risico op infectie."),
    ("Utilisez ce médicament pendant la grossesse.", "N'utilisez pas ce médicament pendant la grossesse."),
    ("Prenez-le avec de l'eau.", "Prenez-le sans eau."),
    ("Fahren Sie nach der Behandlung.", "Fahren Sie nach der Behandlung nicht."),
    ("Es gibt ein Risiko.", "Es gibt keinerlei Risiko."),
])
def test_negation_differs_no_fuzzy_match(old: str, new: str) -> None:
    merged = update(f'msgctxt "s.x"\nmsgid "{new}"\nmsgstr ""\n', f'msgctxt "s.x"\nmsgid "{old}"\nmsgstr "t"\n')
    assert entry(merged, new, "s.x").msgstr == ""
    assert entry(merged, old, "s.x").obsolete


def test_same_context_candidate_preferred_over_closer_text_elsewhere() -> None:
    merged = update(
        'msgctxt "b.risk"\nmsgid "Serious infections can happen in the first months."\nmsgstr ""\n',
        'msgctxt "a.risk"\nmsgid "Serious infections can happen in the first months!"\nmsgstr "andere bijsluiter"\n\n'
        'msgctxt "b.risk"\nmsgid "Infections can happen during the first months."\nmsgstr "deze bijsluiter"\n')
    chosen = entry(merged, "Serious infections can happen in the first months.", "b.risk")
    assert chosen.fuzzy and chosen.msgstr == "deze bijsluiter"
    assert chosen.previous_msgctxt == "b.risk"


def test_other_context_needs_very_close_text() -> None:
    catalog = ('msgctxt "a.one"\nmsgid "The treatment takes place in a specialised hospital."\nmsgstr "x"\n\n'
               'msgctxt "a.two"\nmsgid "Your doctor explains the risks of the procedure."\nmsgstr "y"\n')
    merged = update('msgctxt "b.one"\nmsgid "The treatment takes place in a specialised hospital!"\nmsgstr ""\n\n'
                    'msgctxt "b.two"\nmsgid "Your nurse explains the side effects of the procedure."\nmsgstr ""\n',
                    catalog)
    assert entry(merged, "The treatment takes place in a specialised hospital!", "b.one").msgstr == "x"
    loosely = entry(merged, "Your nurse explains the side effects of the procedure.", "b.two")
    assert loosely.msgstr == "" and not loosely.fuzzy


def test_threshold_option_controls_other_context_matching() -> None:
    template = 'msgctxt "b"\nmsgid "Your nurse explains the side effects of the procedure."\nmsgstr ""\n'
    catalog = 'msgctxt "a"\nmsgid "Your doctor explains the risks of the procedure."\nmsgstr "y"\n'
    assert entry(update(template, catalog, threshold=0.6), template.split('"')[3], "b").msgstr == "y"
    assert entry(update(template, catalog, threshold=0.95), template.split('"')[3], "b").msgstr == ""


def test_same_context_still_needs_some_similarity() -> None:
    merged = update('msgctxt "s"\nmsgid "Contact the helpline of the MS League."\nmsgstr ""\n',
                    'msgctxt "s"\nmsgid "Stem cells are taken from your blood."\nmsgstr "Stamcellen..."\n')
    assert entry(merged, "Contact the helpline of the MS League.", "s").msgstr == ""


def test_fuzzy_false_gives_untranslated_entries_and_obsoletes_old_ones() -> None:
    result = merge_catalog(pot('msgctxt "s"\nmsgid "Take the tablets with water."\nmsgstr ""\n'),
                           po('msgctxt "s"\nmsgid "Take the tablet with water."\nmsgstr "Neem de tablet."\n'),
                           fuzzy=False)
    assert entry(result.catalog, "Take the tablets with water.", "s").msgstr == ""
    assert entry(result.catalog, "Take the tablet with water.", "s").obsolete
    assert (result.fuzzy_matched, result.new, result.obsoleted) == (0, 1, 1)


def test_removed_entries_become_obsolete_with_translation_and_comments() -> None:
    result = merge_catalog(pot('msgid "Stays"\nmsgstr ""\n'),
                           po('msgid "Stays"\nmsgstr "Blijft"\n\n# reviewed 2025\n#: a.yaml:1\n#, fuzzy\n'
                              'msgid "Removed statement about costs"\nmsgstr "Verwijderd"\n\n'
                              'msgid "Removed and never translated"\nmsgstr ""\n'))
    gone = entry(result.catalog, "Removed statement about costs")
    assert gone.obsolete and gone.msgstr == "Verwijderd" and gone.fuzzy
    assert gone.tcomment == "reviewed 2025" and gone.occurrences == []
    never_translated = entry(result.catalog, "Removed and never translated")
    assert never_translated.obsolete and never_translated.msgstr == ""
    assert (result.kept, result.obsoleted) == (1, 2)


def test_obsolete_entry_that_reappears_is_revived() -> None:
    result = merge_catalog(pot('#: a.yaml:4\nmsgid "Back again"\nmsgstr ""\n'),
                           po('# old note\n#~ msgid "Back again"\n#~ msgstr "Weer terug"\n'))
    back = entry(result.catalog, "Back again")
    assert not back.obsolete and back.msgstr == "Weer terug" and not back.fuzzy
    assert back.tcomment == "old note" and back.occurrences == [("a.yaml", "4")]
    assert result.resurrected == 1


def test_new_plural_entry_gets_one_msgstr_per_plural_form_of_the_catalog() -> None:
    merged = merge_catalog(pot('msgid "%(n)d day"\nmsgid_plural "%(n)d days"\nmsgstr[0] ""\nmsgstr[1] ""\n'),
                           po("", nplurals=3, plural="(n==1 ? 0 : n==2 ? 1 : 2)")).catalog
    assert entry(merged, "%(n)d day").msgstr_plural == {0: "", 1: "", 2: ""}


def test_plural_translation_kept_and_reshaped_when_pluralness_changes() -> None:
    merged = update('msgid "one week"\nmsgid_plural "%d weeks"\nmsgstr[0] ""\nmsgstr[1] ""\n\n'
                    'msgid "one month"\nmsgid_plural "%d months"\nmsgstr[0] ""\nmsgstr[1] ""\n\n'
                    'msgid "one year"\nmsgstr ""\n',
                    'msgid "one week"\nmsgid_plural "%d weeks"\nmsgstr[0] "een week"\nmsgstr[1] "%d weken"\n\n'
                    'msgid "one month"\nmsgstr "een maand"\n\n'
                    'msgid "one year"\nmsgid_plural "%d years"\nmsgstr[0] "een jaar"\nmsgstr[1] "%d jaar"\n')
    week = entry(merged, "one week")
    assert week.msgstr_plural == {0: "een week", 1: "%d weken"} and not week.fuzzy
    month = entry(merged, "one month")
    assert month.fuzzy and month.msgstr_plural == {0: "een maand", 1: "een maand"}
    assert month.previous_msgid == "one month"
    year = entry(merged, "one year")
    assert year.fuzzy and year.msgstr == "een jaar" and year.previous_msgid_plural == "%d years"


def test_inputs_are_not_modified() -> None:
    template = pot('msgctxt "s"\nmsgid "Take the tablets with water."\nmsgstr ""\n')
    catalog = po('msgctxt "s"\nmsgid "Take the tablet with water."\nmsgstr "Neem de tablet."\n')
    before = (str(template), str(catalog))
    merge_catalog(template, catalog)
    assert (str(template), str(catalog)) == before


def test_update_with_nothing_to_do_changes_nothing() -> None:
    catalog = po('# note\n#. category: risk\n#: a.yaml:1\n#, fuzzy, python-format\n#| msgid "Old %s"\n'
                 'msgid "New %s"\nmsgstr "Nieuw %s"\n\n'
                 'msgctxt "c"\nmsgid "one"\nmsgid_plural "many"\nmsgstr[0] "een"\nmsgstr[1] "veel"\n\n'
                 '#~ msgid "Gone"\n#~ msgstr "Weg"\n')
    template = pot('#. category: risk\n#: a.yaml:1\n#, python-format\nmsgid "New %s"\nmsgstr ""\n\n'
                   'msgctxt "c"\nmsgid "one"\nmsgid_plural "many"\nmsgstr[0] ""\nmsgstr[1] ""\n')
    template.metadata["POT-Creation-Date"] = catalog.metadata["POT-Creation-Date"]
    assert str(merge_catalog(template, catalog).catalog) == str(catalog)


def test_index_finds_the_edited_message_among_many() -> None:
    words = ["blood", "cells", "doctor", "nurse", "hospital", "infusion", "week", "month",
             "treatment", "risk", "fever", "relapse", "therapy"]
    lines = []
    for number in range(3000):
        sentence = " ".join(words[(number * k) % len(words)] for k in (1, 3, 5, 7, 11)) + f" case{number}"
        lines.append(f'msgctxt "s{number}"\nmsgid "{sentence}."\nmsgstr "vertaling {number}"\n')
    catalog = po("\n".join(lines))
    target = catalog[1234]
    edited = target.msgid.replace(".", "!").replace(" ", " the ", 1)
    merged = update(f'msgctxt "other"\nmsgid "{edited}"\nmsgstr ""\n', "\n".join(lines))
    found = entry(merged, edited, "other")
    assert found.fuzzy and found.msgstr == target.msgstr and found.previous_msgid == target.msgid


def template_from(catalog: polib.POFile) -> polib.POFile:
    """The template a catalog was made from: same messages, no translations or translator state."""
    template = polib.POFile()
    template.metadata = {"POT-Creation-Date": catalog.metadata["POT-Creation-Date"]}
    for old in catalog:
        if not old.obsolete:
            template.append(polib.POEntry(
                msgctxt=old.msgctxt, msgid=old.msgid, msgid_plural=old.msgid_plural, comment=old.comment,
                occurrences=list(old.occurrences), flags=[flag for flag in old.flags if flag != "fuzzy"],
                msgstr_plural=dict.fromkeys(old.msgstr_plural, "")))
    return template


CANONICAL_BODY = (
    '# checked\n#. category: risk; a long extracted comment for the translator that goes on\n'
    '#: leaflets/a.yaml:10 leaflets/a.yaml:20\n#, fuzzy, python-format\n#| msgid "Old %(name)s"\n'
    'msgctxt "a.risk"\nmsgid "New %(name)s"\nmsgstr "Nieuw %(name)s"\n\n'
    'msgid "one day"\nmsgid_plural "%d days"\nmsgstr[0] "een dag"\nmsgstr[1] "%d dagen"\n\n'
    'msgid "A rather long sentence about stem cell transplantation that GNU gettext wraps at seventy-nine '
    'columns for sure."\nmsgstr ""\n\n#~ msgid "Gone"\n#~ msgstr "Weg"\n')


@pytest.mark.gettext
def test_update_with_nothing_to_do_is_byte_identical_and_msgfmt_accepts_updates(tmp_path: Path) -> None:
    source = tmp_path / "raw.po"
    source.write_text(HEADER.format(nplurals=2, plural="(n != 1)") + CANONICAL_BODY, encoding="utf-8")
    canonical = subprocess.run(["msgcat", str(source)], check=True, capture_output=True).stdout
    catalog = parse_catalog(canonical, tmp_path / "nl.po")
    assert write_po(merge_catalog(template_from(catalog), catalog).catalog).encode() == canonical

    template = template_from(catalog)
    template[0].msgid = "New %(name)s, again"
    template[2].msgid = template[2].msgid.replace("long", "very long")
    updated = tmp_path / "updated.po"
    updated.write_text(write_po(merge_catalog(template, catalog).catalog), encoding="utf-8")
    subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(updated)], check=True)
