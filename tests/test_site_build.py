"""``careglot glossary site|serve``: the files written, the data they carry, the local server."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from glossary.loader import load_glossary
from glossary.normalize import content_words, normalization_rules, stem, trigrams, words
from render.site.build import build_site
from render.site.export import DATA_GLOBAL, DETAILS_GLOBAL, TYPO_GLOBAL

DATA_FILES = {"glossary.js", "glossary-details.js", "glossary-typo.js", "glossary.json"}
SITE_FILES = {"index.html", "site.css", "search.js", "site.js", *DATA_FILES}


def read_data(directory: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((directory / "glossary.json").read_text(encoding="utf-8"))
    return data


def test_site_command_writes_a_self_contained_site(run_cli: Callable[..., Any], workspace_copy: Path) -> None:
    result = run_cli("glossary", "site", "-o", "public", cwd=workspace_copy)
    assert result.code == 0, result.err
    out = workspace_copy / "public"
    assert {path.name for path in out.iterdir()} == SITE_FILES
    assert (out / "index.html").as_uri() in result.out
    html = (out / "index.html").read_text(encoding="utf-8")
    for name in ("site.css", "glossary.js", "search.js", "site.js"):
        assert f'"{name}"' in html
    for name in SITE_FILES - DATA_FILES:
        text = (out / name).read_text(encoding="utf-8")
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text), f"{name} refers to another site"
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text


def test_data_carries_every_concept_term_and_the_lookup_rules(tmp_path: Path, repo_root: Path) -> None:
    glossary = load_glossary(repo_root / "glossary.yaml")
    build_site(glossary, tmp_path)
    data = read_data(tmp_path)
    assert data["rules"] == normalization_rules()
    assert data["concepts"]["id"] == [concept.id for concept in glossary]
    assert data["languages"] == ["en", "nl", "fr", "de"]
    assert data["language_names"]["nl"] == "Nederlands"
    assert data["domains"] == sorted({concept.domain for concept in glossary if concept.domain})
    assert data["details"]["definition"] == [concept.definition for concept in glossary]
    assert data["details"]["sources"] == [concept.sources or 0 for concept in glossary]
    postings = {token: [int(tid) for tid in tids.split(",")]
                for token, tids in zip(data["tokens"], data["postings"], strict=True)}
    assert data["tokens"] == sorted(data["tokens"])
    terms = data["terms"]
    tid = 0
    for cid, concept in enumerate(glossary):
        assert data["concepts"]["first"][cid] == tid + 1
        for term in concept.all_terms():
            tid += 1
            assert terms["text"][tid - 1] == term.text
            assert data["statuses"][ord(terms["status"][tid - 1]) - 48] == term.status
            for token in {stem(word, term.lang) for word in content_words(words(term.text), term.lang)}:
                assert tid in postings[token], (term.text, token)
    assert tid == len(terms["text"])


def test_typo_part_indexes_every_word_by_its_trigrams(tmp_path: Path, repo_root: Path) -> None:
    build_site(load_glossary(repo_root / "glossary.yaml"), tmp_path)
    typo = read_data(tmp_path)["typo"]
    grams = dict(zip(typo["grams"], typo["gram_words"], strict=True))
    word = "stamceltherapie"
    wid = typo["words"].index(word) + 1
    assert typo["lengths"][wid - 1] == len(word)
    assert all(wid in grams[gram] for gram in trigrams(word))
    assert "nl" in typo["stems"][wid - 1][0::2]


def script_data(path: Path, name: str) -> Any:
    script = path.read_text(encoding="utf-8")
    prefix = f"window.{name} = JSON.parse("
    assert script.startswith(prefix) and script.endswith(");\n")
    assert "<" not in script
    return json.loads(json.loads(script[len(prefix):-3]))


def test_data_scripts_hold_the_same_data_as_the_json(tmp_path: Path, repo_root: Path) -> None:
    build_site(load_glossary(repo_root / "glossary.yaml"), tmp_path)
    main = script_data(tmp_path / "glossary.js", DATA_GLOBAL)
    details = script_data(tmp_path / "glossary-details.js", DETAILS_GLOBAL)
    typo = script_data(tmp_path / "glossary-typo.js", TYPO_GLOBAL)
    assert {**main, "details": details, "typo": typo} == read_data(tmp_path)
    assert "<" not in (tmp_path / "glossary.json").read_text(encoding="utf-8")


def test_site_from_an_explicit_glossary_without_workspace(run_cli: Callable[..., Any], tmp_path: Path,
                                                          repo_root: Path) -> None:
    result = run_cli("glossary", "site", "--glossary", str(repo_root / "glossary.yaml"), "-o", str(tmp_path / "s"),
                     cwd=tmp_path)
    assert result.code == 0, result.err
    assert len(read_data(tmp_path / "s")["concepts"]["id"]) > 50


def test_site_reports_a_broken_glossary_with_its_line(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("concepts:\n  - id: x\n    terms: [\n", encoding="utf-8")
    result = run_cli("glossary", "site", "--glossary", str(bad), "-o", str(tmp_path / "s"), cwd=tmp_path)
    assert result.code == 2
    assert "bad.yaml:" in result.err
    assert not (tmp_path / "s").exists()


def test_serve_answers_on_localhost_only(repo_root: Path, tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "careglot", "glossary", "serve", "--port", "0", "--glossary",
         str(repo_root / "glossary.yaml")], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line + (process.stderr.read() if process.poll() is not None and process.stderr else "")
        with urllib.request.urlopen(url.group(0), timeout=10) as response:
            assert b'<label for="q">Search the glossary</label>' in response.read()
        with urllib.request.urlopen(url.group(0) + "glossary.json", timeout=10) as response:
            assert json.loads(response.read())["concepts"]["id"][0] == "ahsct"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_rejects_an_impossible_port(run_cli: Callable[..., Any], repo_root: Path) -> None:
    result = run_cli("glossary", "serve", "--port", "70000", "--glossary", str(repo_root / "glossary.yaml"))
    assert result.code == 2
    assert "--port" in result.err


@pytest.mark.parametrize("action", ["site", "serve"])
def test_help_has_an_example(run_cli: Callable[..., Any], action: str) -> None:
    result = run_cli("glossary", action, "--help")
    assert result.code == 0
    assert f"example: careglot glossary {action}" in result.out
