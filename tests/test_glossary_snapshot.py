"""The glossary snapshot: repeated commands read the same glossary faster, never a stale or broken one."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from glossary import snapshot
from glossary.errors import InputError
from glossary.loader import load_glossary
from glossary.model import Glossary
from glossary.snapshot import cache_file, load_glossary_cached


@pytest.fixture()
def glossary_file(repo_root: Path, tmp_path: Path) -> Path:
    target = tmp_path / "glossary.yaml"
    shutil.copy(repo_root / "glossary.yaml", target)
    return target


def _everything(glossary: Glossary) -> list[object]:
    """Every field, including those dataclass equality leaves out (the lines of each language)."""
    return [(concept, concept.lang_lines, [term.line for term in concept.all_terms()]) for concept in glossary]


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: object) -> Glossary:
        raise AssertionError(f"the glossary file was parsed again: {path}")

    monkeypatch.setattr(snapshot, "load_glossary", refuse)


def test_second_load_reads_the_snapshot_and_gets_the_same_glossary(glossary_file: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    expected = load_glossary(glossary_file)
    first = load_glossary_cached(glossary_file)
    assert cache_file(glossary_file, "glossary", ".json").is_file()
    _no_yaml(monkeypatch)
    second = load_glossary_cached(glossary_file)
    assert _everything(second) == _everything(first) == _everything(expected)
    assert second.path == glossary_file
    assert second.get("ahsct") is not None


def test_an_edited_glossary_is_read_again(glossary_file: Path) -> None:
    load_glossary_cached(glossary_file)
    text = glossary_file.read_text(encoding="utf-8")
    glossary_file.write_text(text.replace("term: stamceltherapie", "term: stamceltherapie (bewerkt)", 1),
                             encoding="utf-8")
    terms = {term.text for concept in load_glossary_cached(glossary_file) for term in concept.all_terms()}
    assert "stamceltherapie (bewerkt)" in terms


def test_a_broken_glossary_is_reported_from_its_file_although_a_snapshot_exists(glossary_file: Path) -> None:
    load_glossary_cached(glossary_file)
    with glossary_file.open("a", encoding="utf-8") as handle:
        handle.write("  - id: [broken\n")
    with pytest.raises(InputError) as error:
        load_glossary_cached(glossary_file)
    assert error.value.path == str(glossary_file) and error.value.line


@pytest.mark.parametrize("damage", [
    lambda data: "{not json",
    lambda data: json.dumps({**json.loads(data), "concepts": [["only an id"]]}),
    lambda data: json.dumps({**json.loads(data), "code": "written by another version"}),
    lambda data: json.dumps([1, 2, 3]),
])
def test_a_damaged_or_foreign_snapshot_is_replaced(glossary_file: Path, damage: Callable[[str], str]) -> None:
    target = cache_file(glossary_file, "glossary", ".json")
    expected = _everything(load_glossary_cached(glossary_file))
    target.write_text(damage(target.read_text(encoding="utf-8")), encoding="utf-8")
    assert _everything(load_glossary_cached(glossary_file)) == expected
    assert json.loads(target.read_text(encoding="utf-8"))["code"] != "written by another version"


def test_without_a_writable_cache_folder_the_glossary_still_loads(glossary_file: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("CAREGLOT_CACHE_DIR", str(blocked))
    assert _everything(load_glossary_cached(glossary_file)) == _everything(load_glossary(glossary_file))


def test_check_uses_the_snapshot(run_cli: Callable[..., Any], workspace_copy: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    first = run_cli("check", "--format", "json", cwd=workspace_copy)
    assert cache_file(workspace_copy / "glossary.yaml", "glossary", ".json").is_file()
    _no_yaml(monkeypatch)
    second = run_cli("check", "--format", "json", cwd=workspace_copy)
    assert (second.code, second.out) == (first.code, first.out)
