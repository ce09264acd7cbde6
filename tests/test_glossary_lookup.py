"""``careglot lookup``: accents, inflection, compounds, abbreviations, typos, every language; the cache."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from glossary_support import make_workspace

from glossary.lookup_index import cache_path
from glossary.normalize import normalization_rules, stem, words

Run = Callable[..., Any]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def best(run_cli: Run, workspace: Path, *query: str) -> list[str]:
    result = run_cli("lookup", "--json", *query, cwd=workspace)
    return [concept["id"] for concept in json.loads(result.out)]


@pytest.mark.parametrize(("query", "concept"), [
    # accents and case folded
    ("hematopoietique", "ahsct"),
    ("HÉMATOPOÏÉTIQUES", "ahsct"),
    ("hamatopoetische Stammzelltransplantation", "ahsct"),
    # inflection and compounds
    ("stamceltransplantaties", "ahsct"),
    ("cellules souches", "stem-cell"),
    ("stamcellen", "stem-cell"),
    ("Stammzellen", "stem-cell"),
    ("Krankenkassen", "health-insurer"),
    ("zorgverzekeraars", "health-insurer"),
    ("effets indésirables", "side-effect"),
    ("bijwerkingen", "side-effect"),
    ("side effects", "side-effect"),
    ("sclerose en plaque", "multiple-sclerosis"),
    ("geneesmiddelen voor geavanceerde therapie", "atmp"),
    ("l'agence fédérale des médicaments", "famhp"),
    # abbreviations, with a Dutch plural apostrophe
    ("ATMP's", "atmp"),
    ("ATMPs", "atmp"),
    ("MTI", "atmp"),
    ("ms", "multiple-sclerosis"),
    ("SEP", "multiple-sclerosis"),
    ("FAGG", "famhp"),
    ("AFMPS", "famhp"),
    ("aHSZT", "ahsct"),
])
def test_best_concept(run_cli: Run, workspace: Path, query: str, concept: str) -> None:
    found = best(run_cli, workspace, query)
    assert found, f"nothing found for {query!r}"
    assert found[0] == concept


def test_compound_head_matches_a_term(run_cli: Run, workspace: Path) -> None:
    assert best(run_cli, workspace, "bloedstamcel") == ["stem-cell"]  # head "stamcel"
    assert best(run_cli, workspace, "Blutstammzellen") == ["stem-cell"]


def test_typo_suggests_closest_concepts(run_cli: Run, workspace: Path) -> None:
    result = run_cli("lookup", "hematopoitique", cwd=workspace)
    assert result.code == 1
    assert "did you mean" in result.out
    assert result.out.splitlines()[2] == "ahsct  [treatment]"
    assert best(run_cli, workspace, "Nebenwirkunng")[0] == "side-effect"
    assert best(run_cli, workspace, "mutualitée")[0] == "health-insurer"


def test_nothing_found(run_cli: Run, workspace: Path) -> None:
    result = run_cli("lookup", "xylophone", cwd=workspace)
    assert result.code == 1
    assert result.out.strip() == "no concept matches 'xylophone'"
    assert json.loads(run_cli("lookup", "--json", "xylophone", cwd=workspace).out) == []


def test_text_output_shows_every_language_status_region_definition_and_notes(run_cli: Run,
                                                                            workspace: Path) -> None:
    result = run_cli("lookup", "zorgverzekeraar", cwd=workspace)
    assert result.code == 0
    out = result.out
    assert out.startswith("health-insurer  [institution]\n")
    assert "* zorgverzekeraar  (full-form, preferred, region NL, de)" in out
    assert "mutuelle  (variant, FORBIDDEN) - in Belgium a mutuelle is not the legal health insurance fund" in out
    for lang in ("en", "nl", "fr", "de"):
        assert f"\n    {lang}  " in out  # a definition per language
    ahsct = run_cli("lookup", "aHSCT", cwd=workspace).out
    assert "stem cell therapy  (lay-term, DEPRECATED)" in ahsct
    assert "notes:" in ahsct and "Spell the abbreviation aHSCT with a lowercase a." in ahsct
    assert "sources: EBMT handbook (2019)" in ahsct


def test_json_shape_is_binding(run_cli: Run, workspace: Path) -> None:
    result = run_cli("lookup", "--json", "stamcel", cwd=workspace)
    concepts = json.loads(result.out)
    first = concepts[0]
    assert list(first) == ["id", "definition", "terms", "notes"]
    assert first["id"] == "stem-cell"
    assert set(first["terms"]) == {"en", "nl", "fr", "de"}
    for terms in first["terms"].values():
        for term in terms:
            assert list(term) == ["term", "type", "status", "region"]
    assert first["definition"]["nl"].startswith("Een cel")


def test_lang_restricts_the_search(run_cli: Run, workspace: Path) -> None:
    assert best(run_cli, workspace, "--lang", "de", "MS") == ["multiple-sclerosis"]
    assert best(run_cli, workspace, "--lang", "nl", "mutuelle") == []
    assert best(run_cli, workspace, "--lang", "fr,nl", "mutuelle")[0] == "health-insurer"
    bad = run_cli("lookup", "--lang", "qq", "MS", cwd=workspace)
    assert bad.code == 2 and "unknown language 'qq'" in bad.err


def test_index_is_cached_and_rebuilt_when_the_glossary_changes(run_cli: Run, workspace: Path) -> None:
    glossary = workspace / "glossary.yaml"
    index = cache_path(glossary)
    assert best(run_cli, workspace, "bijwerking") == ["side-effect"]
    assert index.is_file() and not index.is_relative_to(workspace)  # never inside the workspace
    built = index.stat().st_mtime_ns
    assert best(run_cli, workspace, "bijwerking") == ["side-effect"]
    assert index.stat().st_mtime_ns == built  # reused
    os.utime(glossary, ns=(built + 10**9, built + 10**9))  # touched, same content
    assert best(run_cli, workspace, "bijwerking") == ["side-effect"]
    assert index.stat().st_mtime_ns == built
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("term: bijwerking", "term: nevenwerking"),
                        encoding="utf-8")
    assert run_cli("lookup", "nevenwerking", cwd=workspace).code == 0
    assert "did you mean: nevenwerking (side-effect)" in run_cli("lookup", "bijwerking", cwd=workspace).out
    assert not [p for p in index.parent.iterdir() if p.suffix == ".tmp"]


def test_corrupt_cache_is_rebuilt(run_cli: Run, workspace: Path) -> None:
    index = cache_path(workspace / "glossary.yaml")
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_bytes(b"not a database at all" * 100)
    assert best(run_cli, workspace, "FAGG") == ["famhp"]


def test_lookup_reads_tbx_too(run_cli: Run, workspace: Path, tmp_path: Path) -> None:
    tbx = tmp_path / "small.tbx"
    assert run_cli("glossary", "export", "--format", "tbx", "-o", str(tbx), cwd=workspace).code == 0
    assert best(run_cli, workspace, "--glossary", str(tbx), "stamceltransplantaties")[0] == "ahsct"


def test_rules_are_exportable_data() -> None:
    rules = json.loads(json.dumps(normalization_rules()))
    assert set(rules["suffixes"]) == {"en", "nl", "fr", "de"}
    rules["suffixes"]["fr"].clear()  # a copy: the live rules are untouched
    assert stem("cellules", "fr") == "cellul"
    assert words("L’ATMP’s") == ["atmp"]
    assert words("d'hématopoïèse") == ["hematopoiese"]


def test_real_glossary_lookup(run_cli: Run, repo_root: Path, tmp_path: Path) -> None:
    real = repo_root / "glossary.yaml"
    if not real.is_file() or run_cli("glossary", "validate", cwd=repo_root).code != 0:
        pytest.skip("the workspace glossary is missing or not valid yet")
    workspace = make_workspace(tmp_path / "real", real)
    found = json.loads(run_cli("lookup", "--json", "stamceltherapie", cwd=workspace).out)
    assert found and any(t["term"] == "stamceltherapie" for t in found[0]["terms"]["nl"])


def test_index_is_rebuilt_when_the_rules_change(run_cli: Run, workspace: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import glossary.normalize

    index = cache_path(workspace / "glossary.yaml")
    assert best(run_cli, workspace, "FAGG") == ["famhp"]
    built = index.stat().st_ino, index.stat().st_mtime_ns
    rules = glossary.normalize.normalization_rules()
    rules["min_stem"] = 4
    monkeypatch.setattr(glossary.normalize, "RULES", rules)
    monkeypatch.setattr("glossary.lookup_index.RULES", rules)
    assert best(run_cli, workspace, "FAGG") == ["famhp"]
    assert (index.stat().st_ino, index.stat().st_mtime_ns) != built


def test_index_of_an_older_format_is_rebuilt(run_cli: Run, workspace: Path) -> None:
    import sqlite3

    index = cache_path(workspace / "glossary.yaml")
    assert best(run_cli, workspace, "FAGG") == ["famhp"]
    with sqlite3.connect(index) as connection:  # what an index from an earlier schema looks like
        connection.execute("UPDATE meta SET value = 'old' WHERE key = 'rules'")
        connection.execute("DELETE FROM postings")
    assert best(run_cli, workspace, "FAGG") == ["famhp"]
