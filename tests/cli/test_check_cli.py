"""``careglot check`` as a command: output formats, exit codes, suppression, bad input, the workspace."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from check_support import DATA, GLOSSARY, check_json, checks_found, write_po

from check import all_checks

Run = Callable[..., Any]
FR = DATA / "fr_BE.po"
FINDING_KEYS = {"path", "line", "msgctxt", "msgid", "check", "severity", "message", "concept"}


def test_text_output_is_gnu_style_with_summary(run_cli: Run) -> None:
    result = run_cli("check", str(FR), "--glossary", str(GLOSSARY))
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == ("tests/data/check/fr_BE.po:11: error: "
                        "[glossary-missing] 'health insurance fund' (health-insurer) should be translated with "
                        "'mutualité'")
    assert any(": warning: [fr-typography] " in line and ":20:" in line for line in lines)
    assert lines[-1] == "1 catalog, 4 entries (4 translated, 0 fuzzy, 0 untranslated): 2 errors, 1 warning"


def test_json_shape(run_cli: Run) -> None:
    result = run_cli("check", str(FR), "--glossary", str(GLOSSARY), "--format", "json")
    data = json.loads(result.out)
    assert set(data) == {"findings", "summary"}
    assert data["findings"] and all(set(f) == FINDING_KEYS for f in data["findings"])
    first = data["findings"][0]
    assert (first["line"], first["msgctxt"], first["msgid"], first["concept"]) == (
        11, "ahsct-ms.intro.insurer", "Ask your health insurance fund.", "health-insurer")
    assert data["summary"]["errors"] == 2 and data["summary"]["warnings"] == 1
    assert data["summary"]["by_check"] == {"fr-typography": 1, "glossary-forbidden": 1, "glossary-missing": 1}


def test_translator_comment_suppresses_a_check(run_cli: Run, tmp_path: Path) -> None:
    entry = {"msgid": "Take 2 tablets.", "msgstr": "Neem twee tabletten."}
    assert checks_found(run_cli, tmp_path, "nl_BE", [entry]) == ["numbers"]
    assert checks_found(run_cli, tmp_path, "nl_BE", [{**entry, "tcomment": "careglot-ignore: numbers"}]) == []
    assert checks_found(run_cli, tmp_path, "nl_BE",
                        [{**entry, "tcomment": "careglot-ignore: whitespace, quotes"}]) == ["numbers"]


def test_disable_skips_checks(run_cli: Run) -> None:
    code, findings, _ = check_json(run_cli, FR, "--disable", "glossary-missing,glossary-forbidden")
    assert code == 0
    assert [f["check"] for f in findings] == ["fr-typography"]


def test_unknown_disable_id_is_a_usage_error(run_cli: Run) -> None:
    result = run_cli("check", str(FR), "--glossary", str(GLOSSARY), "--disable", "nonsense")
    assert result.code == 2
    assert "unknown check id nonsense" in result.err


def test_exit_codes(run_cli: Run, tmp_path: Path) -> None:
    clean = write_po(tmp_path / "clean.po", "nl_BE", [("Your doctor decides.", "Uw arts beslist.")])
    warn = write_po(tmp_path / "warn.po", "nl_BE", [("Your doctor decides.", "Uw  arts beslist.")])
    error = write_po(tmp_path / "error.po", "nl_BE", [("Take 2 tablets.", "Neem 3 tabletten.")])
    assert run_cli("check", str(clean), "--glossary", str(GLOSSARY)).code == 0
    assert run_cli("check", str(warn), "--glossary", str(GLOSSARY)).code == 0
    assert run_cli("check", str(error), "--glossary", str(GLOSSARY)).code == 1
    assert run_cli("check", str(clean), str(error), "--glossary", str(GLOSSARY)).code == 1


def test_list_names_every_check(run_cli: Run) -> None:
    result = run_cli("check", "--list")
    assert result.code == 0
    rows = [line.split(None, 2) for line in result.out.splitlines()]
    assert [(row[0], row[1]) for row in rows] == [(c.id, c.severity) for c in all_checks()]
    assert all(len(row) == 3 and row[2] for row in rows)
    assert {"glossary-missing", "glossary-deprecated", "glossary-forbidden", "glossary-region",
            "glossary-inconsistent"} <= {row[0] for row in rows}


def test_malformed_catalog_names_file_and_line(run_cli: Run) -> None:
    result = run_cli("check", str(DATA / "malformed.po"), "--glossary", str(GLOSSARY))
    assert result.code == 2
    assert result.err.startswith("careglot: error: ") and "malformed.po:8: unterminated string" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_malformed_glossary_names_file_and_line(run_cli: Run) -> None:
    result = run_cli("check", str(FR), "--glossary", str(DATA / "bad-glossary.yaml"))
    assert result.code == 2
    assert "bad-glossary.yaml:7: " in result.err


def test_catalog_without_language_needs_lang(run_cli: Run) -> None:
    path = DATA / "no-language.po"
    result = run_cli("check", str(path), "--glossary", str(GLOSSARY))
    assert result.code == 2
    assert "no-language.po" in result.err and "--lang" in result.err
    assert run_cli("check", str(path), "--glossary", str(GLOSSARY), "--lang", "nl_BE").code == 1
    assert run_cli("check", str(path), "--glossary", str(GLOSSARY), "--lang", "xx-bad").code == 2


def test_default_checks_every_catalog_of_the_workspace(run_cli: Run, workspace_copy: Path) -> None:
    locales = workspace_copy / "locales"
    shutil.rmtree(locales, ignore_errors=True)
    (locales / "fr_BE" / "LC_MESSAGES").mkdir(parents=True)
    write_po(locales / "fr_BE" / "LC_MESSAGES" / "careglot.po", "fr_BE",
             [("Take 2 tablets.", "Prenez 3 comprimés.")])
    write_po(locales / "nl.po", "nl_BE", [("Take 2 tablets.", "Neem 2 tabletten.")])
    result = run_cli("check", "--format", "json", cwd=workspace_copy)
    assert result.code == 1, result.err
    data = json.loads(result.out)
    assert data["summary"]["catalogs"] == 2
    assert [(f["path"], f["check"]) for f in data["findings"]] == [
        ("locales/fr_BE/LC_MESSAGES/careglot.po", "numbers")]


def test_workspace_catalogs_check_clean(run_cli: Run, repo_root: Path) -> None:
    if not list((repo_root / "locales").rglob("*.po")):
        pytest.skip("the workspace has no catalogs yet")
    result = run_cli("check", "--format", "json", cwd=repo_root)
    assert result.code == 0, result.out[-2000:] + result.err
    assert json.loads(result.out)["summary"]["errors"] == 0
