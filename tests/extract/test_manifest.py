"""The sources manifest: the real one loads; every bad case is a one-line file:line error."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.manifest import load_manifest

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

GOOD_ENTRY = """\
- id: one
  file: one.txt
  lang: en
  format: text
  title: One
  publisher: Someone
  audience: patient
"""


def test_real_manifest_describes_the_five_sources(repo_root: Path) -> None:
    sources = load_manifest(repo_root / "sources" / "sources.yaml")
    assert [s.id for s in sources] == [
        "mtm-arthritis-belgium", "stemcell-belgium-overview", "brainhelpdesk-ms-stemcells",
        "pharma-atmp-belgium", "msplatform-nl-ahsct"]
    assert {s.format for s in sources} == {"text", "wordpress-json"}
    assert [s.audience for s in sources if not s.patient_facing] == ["promotional", "industry"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not beside the clone")
def test_sources_are_the_seeds_unchanged(repo_root: Path) -> None:
    seeds = sorted(p.read_bytes() for p in SEEDS.glob("0*.txt"))
    ours = sorted(s.path.read_bytes() for s in load_manifest(repo_root / "sources" / "sources.yaml"))
    assert ours == seeds


def _workspace(tmp_path: Path, manifest: str) -> Path:
    (tmp_path / "careglot.yaml").write_text("sources: sources/sources.yaml\n", encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "one.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "sources" / "sources.yaml").write_text(manifest, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (GOOD_ENTRY.replace("format: text", "format: pdf"), "sources/sources.yaml:4: unknown format 'pdf'"),
        (GOOD_ENTRY.replace("lang: en", "lang: xx"), "sources/sources.yaml:3: unknown language code 'xx'"),
        (GOOD_ENTRY.replace("lang: en", "lang: '12'"), "sources/sources.yaml:3: invalid language code '12'"),
        (GOOD_ENTRY.replace("file: one.txt", "file: two.txt"),
         "sources/sources.yaml:2: source file 'two.txt' not found"),
        (GOOD_ENTRY.replace("file: one.txt", "file: ../careglot.yaml"),
         "sources/sources.yaml:2: source file '../careglot.yaml' must be inside"),
        (GOOD_ENTRY + GOOD_ENTRY, "sources/sources.yaml:8: duplicate source id 'one' (first at line 1)"),
        (GOOD_ENTRY.replace("  publisher: Someone\n", ""),
         "sources/sources.yaml:1: source is missing the field 'publisher'"),
        (GOOD_ENTRY.replace("audience: patient", "audience: everyone"),
         "sources/sources.yaml:7: unknown audience 'everyone'"),
        (GOOD_ENTRY + "  colour: red\n", "sources/sources.yaml:8: unknown field 'colour'"),
        (GOOD_ENTRY + "  published: last year\n", "sources/sources.yaml:8: published must be a date"),
        ("- id: one\n  file: [unclosed\n", "sources/sources.yaml:3: malformed YAML"),
        ("id: one\n", "sources/sources.yaml:1: the manifest must be a list of sources"),
    ],
)
def test_bad_manifest_is_one_line_error_with_file_and_line(tmp_path: Path, run_cli, manifest: str,
                                                           message: str) -> None:
    workspace = _workspace(tmp_path, manifest)
    result = run_cli("sources", cwd=workspace)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"careglot: error: {message}")
    assert result.err.count("\n") == 1
    assert "Traceback" not in result.err


def test_debug_shows_traceback(tmp_path: Path, run_cli) -> None:
    workspace = _workspace(tmp_path, GOOD_ENTRY.replace("format: text", "format: pdf"))
    result = run_cli("--debug", "sources", cwd=workspace)
    assert result.code == 2
    assert "Traceback" in result.err
