"""Loading and validating glossaries: every error names the exact file:line, through the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from careglot.core.errors import InputError
from glossary.loader import load_glossary
from glossary.validate import find_problems, target_languages, validate_glossary

SMALL = Path(__file__).parent.parent / "data" / "glossary" / "small.yaml"


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line that is ``needle`` (ignoring indentation)."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if line.strip() == needle.strip()]
    return hits[occurrence - 1]


def broken(tmp_path: Path, old: str, new: str, count: int = 1) -> tuple[Path, str]:
    text = SMALL.read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, count)
    path = tmp_path / "glossary.yaml"
    path.write_text(changed, encoding="utf-8")
    return path, changed


def test_fixture_loads_with_lines_and_is_valid() -> None:
    glossary = load_glossary(SMALL)
    text = SMALL.read_text(encoding="utf-8")
    ahsct = glossary.get("ahsct")
    assert ahsct is not None
    assert ahsct.line == line_of(text, "- id: ahsct")
    assert ahsct.preferred("fr") is not None
    assert ahsct.preferred("fr").line == line_of(text, "- term: autogreffe de cellules souches hématopoïétiques")
    assert ahsct.abbreviation("en").text == "aHSCT"
    assert ahsct.abbreviation("en").is_case_sensitive
    assert ahsct.lang_line("nl") == line_of(text, "nl:")
    assert find_problems(glossary, ["nl", "fr", "de", "en"]) == []


def test_target_languages_from_locales() -> None:
    assert target_languages(["nl_BE", "fr_BE", "de_BE", "en", "nl_NL"]) == ["nl", "fr", "de", "en"]


CASES = [
    # (old text, new text, needle for the expected line, occurrence, words in the message)
    ("  - id: stem-cell", "  - id: ahsct", "  - id: ahsct", 2, "duplicate concept id 'ahsct'"),
    ("        - term: bijwerking", "        - term: stamcel", "        - term: stamcel", 2,
     "belongs to concept 'side-effect' and to 'stem-cell'"),
    ("          status: admitted\n          region: US", "          status: approved\n          region: US",
     "status: approved", 1, "unknown status 'approved'"),
    ("          type: lay-term\n          status: deprecated", "          type: layman\n          status: deprecated",
     "type: layman", 1, "unknown type 'layman'"),
    ("          pos: noun\n", "          pos: noun\n          colour: red\n", "colour: red", 1,
     "unknown term field 'colour'"),
    ("    domain: cell-biology\n", "    domain: cell-biology\n    owner: me\n", "owner: me", 1,
     "unknown concept field 'owner'"),
    ("        - term: Multiple Sklerose\n          type: full-form\n          status: preferred",
     "        - term: Multiple Sklerose\n          type: full-form\n          status: admitted",
     "de:", 4, "no preferred term (other than an abbreviation) in 'de'"),
    ("        - term: mutualiteit\n          type: variant\n          status: admitted",
     "        - term: mutualiteit\n          type: variant\n          status: preferred",
     "- term: mutualiteit", 1, "second preferred term 'mutualiteit'"),
    ("        - term: MTI\n          type: abbreviation\n          status: preferred",
     "        - term: MTI\n          type: abbreviation\n          status: preferred\n"
     "        - term: MTIs\n          type: abbreviation\n          status: preferred",
     "- term: MTIs", 1, "second preferred abbreviation 'MTIs'"),
    ("      de:\n        - term: Stammzelle", "      xx:\n        - term: Stammzelle", "      xx:", 1,
     "unknown language code 'xx'"),
    ("          gender: het\n        - term: ATMP", "          gender: m\n        - term: ATMP",
     "- term: geneesmiddel voor geavanceerde therapie", 1, "gender 'm' is not valid for 'nl'"),
    ("      nl: Een ongewenst effect", "      nl: [Een ongewenst effect",
     "nl: [Een ongewenst effect van een behandeling.", 1, "malformed YAML"),
]


@pytest.mark.parametrize(("old", "new", "needle", "occurrence", "message"), CASES)
def test_cli_reports_file_and_line(tmp_path: Path, run_cli: Callable[..., object], old: str, new: str,
                                   needle: str, occurrence: int, message: str) -> None:
    path, text = broken(tmp_path, old, new)
    result = run_cli("glossary", "validate", "--glossary", str(path))
    assert result.code == 2
    lines = [line for line in result.err.splitlines() if message in line]
    assert lines, result.err
    assert lines[0].startswith(f"careglot: error: {path}:")
    reported = int(lines[0].split(f"{path}:")[1].split(":")[0])
    if message == "malformed YAML":
        assert abs(reported - line_of(text, needle, occurrence)) <= 1
    else:
        assert reported == line_of(text, needle, occurrence)


def test_missing_target_language_is_reported(tmp_path: Path) -> None:
    text = SMALL.read_text(encoding="utf-8")
    start = text.index("      de:\n        - term: Nebenwirkung")
    path = tmp_path / "g.yaml"
    path.write_text(text[:start], encoding="utf-8")
    glossary = load_glossary(path)
    with pytest.raises(InputError) as error:
        validate_glossary(glossary, target_languages(["nl_BE", "de_BE"]))
    assert "no terms in target language 'de'" in error.value.message
    assert error.value.line == line_of(text, "  - id: side-effect")
    validate_glossary(glossary, ["nl"])  # no German needed when German is not a target


def test_ambiguous_terms_may_be_shared(tmp_path: Path) -> None:
    path, _ = broken(tmp_path, "        - term: bijwerking\n", "        - term: stamcel\n          ambiguous: true\n")
    assert find_problems(load_glossary(path), [])  # only one side marked
    text = path.read_text(encoding="utf-8").replace(
        "        - term: stamcel\n          type: full-form\n          status: preferred\n",
        "        - term: stamcel\n          type: full-form\n          status: preferred\n"
        "          ambiguous: true\n", 1)
    path.write_text(text, encoding="utf-8")
    assert find_problems(load_glossary(path), []) == []


def test_regional_preferred_terms_do_not_clash() -> None:
    insurer = load_glossary(SMALL).get("health-insurer")
    assert insurer is not None
    preferred = [t.text for t in insurer.terms_in("nl") if t.status == "preferred"]
    assert preferred == ["ziekenfonds", "zorgverzekeraar"]


def test_unquoted_yaml_boolean_as_term(tmp_path: Path, run_cli: Callable[..., object]) -> None:
    path, text = broken(tmp_path, "        - term: FAAG", "        - term: NO")
    result = run_cli("glossary", "validate", "--glossary", str(path))
    assert result.code == 2
    assert f"{path}:{line_of(text, '- term: NO')}: term must be non-empty text" in result.err


def test_all_problems_are_listed_in_file_order(tmp_path: Path, run_cli: Callable[..., object]) -> None:
    path, text = broken(tmp_path, "gender: f", "gender: x", count=3)
    result = run_cli("glossary", "validate", "--glossary", str(path))
    lines = result.err.splitlines()
    assert len(lines) == 3
    reported = [int(line.split(f"{path}:")[1].split(":")[0]) for line in lines]
    assert reported == sorted(reported)
    assert reported[0] == line_of(text, "- term: autogreffe de cellules souches hématopoïétiques")


def test_valid_glossary_summary(run_cli: Callable[..., object]) -> None:
    result = run_cli("glossary", "validate", "--glossary", str(SMALL))
    assert result.code == 0
    assert "7 concepts" in result.out and "valid" in result.out
