"""``careglot extract`` end to end: formats, JSON shape, leaflet usage, errors without partial output."""

from __future__ import annotations

import json
from pathlib import Path

import yaml


def test_json_shape_is_the_binding_one(run_cli, workspace_copy: Path) -> None:
    result = run_cli("extract", "--format", "json", cwd=workspace_copy)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert list(data) == ["abbreviations", "undefined_abbreviations", "terms", "statements"]
    assert {"short", "long", "lang", "source", "file", "line"} <= set(data["abbreviations"][0])
    assert {"short", "lang", "source", "file", "line"} <= set(data["undefined_abbreviations"][0])
    assert {"term", "lemma", "lang", "score", "count", "sources", "in_glossary", "named_entity",
            "forms"} <= set(data["terms"][0])
    for term in data["terms"]:
        assert term["term"] == term["forms"][0]["form"]
        assert sum(form["count"] for form in term["forms"]) == term["count"]
        assert {form["source"] for form in term["forms"]} <= set(term["sources"])
        assert all(form["file"].startswith("sources/") and form["line"] >= 1 for form in term["forms"])
    st = data["statements"][0]
    assert {"id", "text", "lang", "category", "concepts", "flags", "source", "file", "line"} <= set(st)
    assert st["file"] == "sources/medical-tourism-arthritis-belgium.txt" and st["line"] == 10


def test_statements_used_by_leaflets_are_marked(run_cli, workspace_copy: Path) -> None:
    data = json.loads(run_cli("extract", "--format", "json", cwd=workspace_copy).out)
    quote = "Stem cell therapy can stabilize the disease or slow its progression."
    used = next(s for s in data["statements"] if s["text"] == quote)
    assert "ahsct-ms.what-it-is.stabilise" in used["used_by"]
    unused = next(s for s in data["statements"] if s["text"].startswith("Let's create the conditions"))
    assert unused["used_by"] == []


def test_source_filter_yaml_and_output_file(run_cli, workspace_copy: Path) -> None:
    out = workspace_copy / "build" / "x.yaml"
    result = run_cli("extract", "--source", "msplatform-nl-ahsct", "--format", "yaml", "-o", str(out),
                     cwd=workspace_copy)
    assert result.code == 0 and "statements" in result.out
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert {s["source"] for s in data["statements"]} == {"msplatform-nl-ahsct"}
    assert {a["short"] for a in data["abbreviations"]} == {"aHSCT"}


def test_table_is_the_default(run_cli, workspace_copy: Path) -> None:
    result = run_cli("extract", "--source", "brainhelpdesk-ms-stemcells", cwd=workspace_copy)
    assert result.code == 0
    assert "multiple sclerosis" in result.out and "IV" in result.out
    assert "Statements (" in result.out and result.err == ""


def test_plain_paths_without_manifest(run_cli, repo_root: Path, tmp_path: Path) -> None:
    folder = repo_root / "tests" / "data" / "extract"
    result = run_cli("extract", str(folder), "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert {s["lang"] for s in data["statements"]} == {"nl"}
    assert "reads as en" in result.err  # the English paragraph in the Dutch page


def test_bad_input_one_error_line_exit_2_and_no_output_file(run_cli, workspace_copy: Path) -> None:
    bad = workspace_copy / "broken.json"
    bad.write_text('{"title": {"rendered": "x"},\n"content": oops}', encoding="utf-8")
    target = workspace_copy / "out.json"
    result = run_cli("extract", "sources", str(bad), "--format", "json", "-o", str(target), cwd=workspace_copy)
    assert result.code == 2
    assert result.err.strip().splitlines() == [result.err.strip()]
    assert result.err.startswith("careglot: error: broken.json:2: invalid JSON")
    assert not target.exists() and result.out == ""


def test_unknown_source_and_bad_lang_are_usage_errors(run_cli, workspace_copy: Path) -> None:
    assert run_cli("extract", "--source", "nope", cwd=workspace_copy).code == 2
    result = run_cli("extract", "sources", "--lang", "xx", cwd=workspace_copy)
    assert result.code == 2 and "--lang" in result.err
