"""`careglot leaflets validate` refuses every kind of broken leaflet with file:line and exit 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from careglot.core.errors import InputError
from render.leaflets import load_leaflet, load_leaflets

VALID = """\
id: demo
title: Demo leaflet
audience: Test readers
reviewed: 2026-11-23
sources: [msplatform-nl-ahsct]
sections:
  - id: what-it-is
    heading: What it is
    statements:
      - id: demo.what-it-is.numbers
        text: In the Netherlands, about 10 to 20 people a year can have it.
        category: access
        provenance:
          source: msplatform-nl-ahsct
          quote: "This amounts to 10-20 people with MS per year in the Netherlands."
      - id: demo.what-it-is.ask
        text: Ask your neurologist.
        category: advice
        editorial: true
        reason: advice to Belgian readers
"""
SECOND_SECTION = """\
  - id: more
    heading: More
    statements:
      - id: demo.more.ask
        text: Ask again.
        category: advice
        editorial: true
        reason: advice
"""
KNOWN = {"msplatform-nl-ahsct", "brainhelpdesk-ms-stemcells"}


def edited(*replacements: tuple[str, str]) -> str:
    text = VALID
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


@pytest.fixture
def demo_workspace(workspace_copy: Path) -> Path:
    """The workspace with its real leaflets replaced by nothing (tests add their own)."""
    shutil.rmtree(workspace_copy / "leaflets")
    (workspace_copy / "leaflets").mkdir()
    return workspace_copy


CASES = [
    ("missing-field", edited(("audience: Test readers\n", "")), 1,
     "leaflet is missing the field 'audience'"),
    ("unknown-field", edited(("reviewed: 2026-11-23\n", "reviewed: 2026-11-23\ncolour: red\n")), 5,
     "unknown field 'colour' in leaflet"),
    ("unknown-statement-field", edited(("category: access\n", "category: access\n        colour: red\n")), 13,
     "unknown field 'colour' in statement"),
    ("missing-statement-text", edited(("        text: Ask your neurologist.\n", "")), 16,
     "statement is missing the field 'text'"),
    ("unknown-source-in-sources", edited(("sources: [msplatform-nl-ahsct]", "sources: [nope]")), 5,
     "unknown source id 'nope' (not in the sources manifest)"),
    ("unknown-source-in-provenance", edited(("source: msplatform-nl-ahsct", "source: nope")), 14,
     "unknown source id 'nope' (not in the sources manifest)"),
    ("source-not-listed", edited(("source: msplatform-nl-ahsct", "source: brainhelpdesk-ms-stemcells")), 14,
     "source 'brainhelpdesk-ms-stemcells' is not listed in the leaflet's sources"),
    ("duplicate-statement-id", edited(("id: demo.what-it-is.ask", "id: demo.what-it-is.numbers")), 16,
     "duplicate statement id 'demo.what-it-is.numbers' (first at line 10)"),
    ("duplicate-section-id", VALID + SECOND_SECTION.replace("id: more", "id: what-it-is"), 21,
     "duplicate section id 'what-it-is' (first at line 7)"),
    ("missing-provenance", edited(("        provenance:\n          source: msplatform-nl-ahsct\n", ""),
                                  ('          quote: "This amounts to 10-20 people with MS per year in the '
                                   'Netherlands."\n', "")), 10,
     "statement 'demo.what-it-is.numbers' has no provenance (add provenance, or editorial: true with a reason)"),
    ("editorial-false", edited(("editorial: true", "editorial: false"), ("        reason: advice to Belgian "
                                                                         "readers\n", "")), 16,
     "statement 'demo.what-it-is.ask' has no provenance (add provenance, or editorial: true with a reason)"),
    ("editorial-without-reason", edited(("        reason: advice to Belgian readers\n", "")), 19,
     "editorial statement 'demo.what-it-is.ask' needs a reason"),
    ("reason-without-editorial", edited(("category: access\n", "category: access\n        reason: why\n")), 13,
     "reason is only for editorial statements"),
    ("provenance-and-editorial", edited(("category: access\n", "category: access\n        editorial: true\n"
                                         "        reason: both\n")), 13,
     "statement 'demo.what-it-is.numbers' has both provenance and editorial: true"),
    ("provenance-without-quote", edited(('          quote: "This amounts to 10-20 people with MS per year in '
                                         'the Netherlands."\n', "")), 14,
     "provenance needs exactly one of quote or statement"),
    ("empty-sections", VALID.split("sections:")[0] + "sections: []\n", 6, "leaflet 'demo' has no sections"),
    ("empty-statements", VALID + SECOND_SECTION.split("statements:")[0] + "statements: []\n", 23,
     "section 'more' has no statements"),
    ("empty-text", edited(("text: Ask your neurologist.", 'text: " "')), 17, "text must be non-empty text"),
    ("bad-date", edited(("reviewed: 2026-11-23", "reviewed: 23/11/2026")), 4,
     "reviewed must be a date (YYYY-MM-DD), not '23/11/2026'"),
    ("unknown-category", edited(("category: access", "category: benefits")), 12,
     "unknown category 'benefits' (expected one of: what-it-is, eligibility, procedure, benefit, risk, "
     "access, regulation, advice)"),
    ("bad-leaflet-id", edited(("id: demo\n", "id: Demo_1\n")), 1,
     "invalid leaflet id 'Demo_1' (use lowercase letters, digits and '-')"),
    ("bad-section-id", edited(("id: what-it-is\n", "id: What it is\n")), 7,
     "invalid section id 'What it is' (use lowercase letters, digits and '-')"),
    ("bad-statement-id", edited(("id: demo.what-it-is.ask", "id: demo.what-it-is.Ask")), 16,
     "invalid statement id 'demo.what-it-is.Ask' (expected demo.<section>.<name>, lowercase letters, "
     "digits and '-')"),
    ("statement-id-of-another-leaflet", edited(("id: demo.what-it-is.ask", "id: other.what-it-is.ask")), 16,
     "invalid statement id 'other.what-it-is.ask' (expected demo.<section>.<name>, lowercase letters, "
     "digits and '-')"),
    ("quote-not-in-source", edited(("10-20 people with MS", "10 to 20 people with MS")), 15,
     "quote of 'demo.what-it-is.numbers' does not occur in source 'msplatform-nl-ahsct'"),
]


@pytest.mark.parametrize(("text", "line", "message"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_validate_reports_file_line_and_exits_2(demo_workspace: Path, run_cli, text: str, line: int,
                                                message: str) -> None:
    (demo_workspace / "leaflets" / "demo.yaml").write_text(text, encoding="utf-8")
    result = run_cli("leaflets", "validate", cwd=demo_workspace)
    assert result.code == 2
    assert result.err == f"careglot: error: leaflets/demo.yaml:{line}: {message}\n"
    assert result.out == ""


def test_the_valid_demo_passes(demo_workspace: Path, run_cli) -> None:
    (demo_workspace / "leaflets" / "demo.yaml").write_text(VALID, encoding="utf-8")
    result = run_cli("leaflets", "validate", cwd=demo_workspace)
    assert (result.code, result.out) == (0, "1 leaflet valid: demo (2 statements)\n")


def test_id_must_match_file_name(demo_workspace: Path, run_cli) -> None:
    (demo_workspace / "leaflets" / "other.yaml").write_text(VALID, encoding="utf-8")
    result = run_cli("leaflets", "validate", cwd=demo_workspace)
    assert result.code == 2
    assert result.err == ("careglot: error: leaflets/other.yaml:1: leaflet id 'demo' does not match "
                          "the file name 'other.yaml'\n")


def test_impossible_date_is_an_input_error(demo_workspace: Path, run_cli) -> None:
    (demo_workspace / "leaflets" / "demo.yaml").write_text(
        edited(("reviewed: 2026-11-23", "reviewed: 2026-13-01")), encoding="utf-8")
    result = run_cli("leaflets", "validate", cwd=demo_workspace)
    assert result.code == 2
    assert result.err.startswith("careglot: error: leaflets/demo.yaml")


def test_every_command_sees_the_first_broken_leaflet(demo_workspace: Path, run_cli) -> None:
    (demo_workspace / "leaflets" / "demo.yaml").write_text(edited(("category: access", "category: x")),
                                                          encoding="utf-8")
    result = run_cli("leaflets", "stats", "--json", cwd=demo_workspace)
    assert result.code == 2
    assert result.err.startswith("careglot: error: leaflets/demo.yaml:12: unknown category 'x'")


def test_library_gives_dataclasses_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    path.write_text(VALID, encoding="utf-8")
    leaflet = load_leaflet(path, KNOWN)
    numbers, ask = leaflet.statements()
    assert (leaflet.id, leaflet.sources, leaflet.reviewed.isoformat()) == ("demo", ("msplatform-nl-ahsct",),
                                                                           "2026-11-23")
    assert (numbers.line, numbers.provenance and numbers.provenance.line) == (10, 15)
    assert (ask.editorial, ask.reason, ask.provenance) == (True, "advice to Belgian readers", None)
    assert [section.id for section in leaflet.sections] == ["what-it-is"]


def test_load_leaflets_reads_a_folder_in_file_name_order(tmp_path: Path) -> None:
    for name in ("zeta", "alpha"):
        (tmp_path / f"{name}.yaml").write_text(VALID.replace("demo", name), encoding="utf-8")
    assert [leaflet.id for leaflet in load_leaflets(tmp_path, KNOWN)] == ["alpha", "zeta"]
    with pytest.raises(InputError, match="leaflets folder not found"):
        load_leaflets(tmp_path / "missing", KNOWN)
