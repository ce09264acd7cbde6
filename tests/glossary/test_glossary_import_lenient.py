"""``glossary import`` of other tools' TBX: imports what it can, reports the rest with file:line.

The files in tests/data/glossary/foreign are shaped like real exports (SDL MultiTerm, KDE
Lokalize, Weblate, TBX-Core); ../shared/tbx holds the two official TBX-Basic samples.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from glossary_support import DATA, make_workspace
from tbx_validators import shared_tbx

from glossary.loader import load_glossary

Run = Callable[..., Any]
FOREIGN = DATA / "foreign"
MULTITERM = FOREIGN / "multiterm-export.tbx"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def _files() -> list[Path]:
    return [*sorted(FOREIGN.glob("*.tbx")), DATA / "iate-sample.tbx", DATA / "v3-sample.tbx",
            shared_tbx() / "v3" / "Example_Astronomy_DCA_VALID.tbx", shared_tbx() / "v2" / "TBX-basic-sample.tbx"]


@pytest.mark.parametrize("path", _files(), ids=lambda path: path.name)
def test_every_tbx_imports_and_leaves_a_workspace_that_validates(run_cli: Run, workspace: Path, path: Path) -> None:
    result = run_cli("glossary", "import", str(path), cwd=workspace)
    assert result.code == 0, result.out + result.err
    summary = result.out.splitlines()[-1]
    assert summary.startswith("glossary.yaml: ") and " added, " in summary and "concepts skipped" in summary
    assert int(summary.split(": ")[1].split(" added")[0]) >= 1
    assert run_cli("glossary", "validate", cwd=workspace).code == 0


def test_multiterm_export_keeps_what_the_model_holds_and_lists_the_rest(run_cli: Run, workspace: Path) -> None:
    result = run_cli("glossary", "import", str(MULTITERM), cwd=workspace)
    assert result.code == 0, result.out
    out = result.out
    assert "skipped 5×: history" in out and "multiterm-export.tbx:14" in out
    assert "skipped: <xref>: careglot keeps no links to files and pages at multiterm-export.tbx:17" in out
    assert "kept: <descrip type='Usage'> kept as a note at multiterm-export.tbx:25" in out
    assert ("changed: concept 'c102' has no preferred term in 'en'; the admitted 'graft' is taken as preferred "
            "at multiterm-export.tbx:55") in out
    assert "'graft' (en) names concepts c102, c103: marked ambiguous" in out
    assert "3 added, 0 extended" in out.splitlines()[-1]
    assert "6 skipped (5 history, 1 cross-reference)" in out.splitlines()[-1]

    glossary = load_glossary(workspace / "glossary.yaml")
    marrow, graft, scion = glossary.get("c101"), glossary.get("c102"), glossary.get("c103")
    assert marrow is not None and graft is not None and scion is not None
    assert marrow.domain == "haematology" and marrow.definition["en"].startswith("Soft tissue inside the bones")
    assert [t.text for t in marrow.terms["nan"]] == ["kut-chhóe"]  # Min Nan: kept
    bone_marrow = marrow.terms["en"][0]
    assert bone_marrow.pos == "noun" and bone_marrow.note == 'Usage: Patients often say "marrow".'
    assert marrow.terms["nl"][0].gender == "het"
    assert [(t.text, t.status, t.ambiguous) for t in graft.terms["en"]] == [
        ("graft", "preferred", True), ("transplant", "admitted", False)]
    assert scion.terms["en"][0].ambiguous
    # 'Approved' is no TBX status: kept as admitted, and as the only German term taken as preferred
    assert "unknown administrativeStatus 'Approved'" in out and scion.terms["de"][0].status == "preferred"

    validate = run_cli("glossary", "validate", cwd=workspace)
    assert validate.code == 0
    assert "warning: glossary.yaml:" in validate.err
    assert "concept 'c102' has no terms in target language 'de' (to translate)" in validate.err
    assert run_cli("glossary", "validate", "--strict", cwd=workspace).code == 2


def test_strict_import_is_all_or_nothing(run_cli: Run, workspace: Path) -> None:
    before = (workspace / "glossary.yaml").read_bytes()
    result = run_cli("glossary", "import", "--strict", str(MULTITERM), cwd=workspace)
    assert result.code == 2
    assert "multiterm-export.tbx:14: <transacGrp>: careglot keeps no dates and authors" in result.err
    assert "Traceback" not in result.err
    assert (workspace / "glossary.yaml").read_bytes() == before


def test_a_concept_that_would_make_the_glossary_invalid_is_skipped_the_rest_imported(
        run_cli: Run, workspace: Path, tmp_path: Path) -> None:
    tbx = tmp_path / "mixed.tbx"
    tbx.write_text('<?xml version="1.0"?>\n<martif type="TBX" xml:lang="en"><text><body>\n'
                   '<termEntry id="scan"><langSet xml:lang="en"><tig><term>scan</term></tig></langSet>\n'
                   '<langSet xml:lang="nl"><tig><term>scan</term></tig></langSet></termEntry>\n'
                   '<termEntry id="typo"><langSet xml:lang="en"><tig><term>biopsy</term></tig></langSet>\n'
                   '<langSet xml:lang="qq"><tig><term>biopsie</term></tig></langSet></termEntry>\n'
                   '</body></text></martif>\n', encoding="utf-8")
    result = run_cli("glossary", "import", str(tbx), cwd=workspace)
    assert result.code == 0, result.out
    assert "added scan" in result.out
    assert "skipped concept: 'typo': unknown language code 'qq'" in result.out
    assert "1 added" in result.out and "1 concepts skipped" in result.out
    glossary = load_glossary(workspace / "glossary.yaml")
    assert glossary.get("scan") is not None and glossary.get("typo") is None
    assert run_cli("glossary", "validate", cwd=workspace).code == 0


def test_import_touches_only_the_languages_in_the_file(run_cli: Run, workspace: Path, tmp_path: Path) -> None:
    tbx = tmp_path / "fr-only.tbx"
    tbx.write_text('<?xml version="1.0"?>\n<martif type="TBX" xml:lang="en"><text><body>\n'
                   '<termEntry id="side-effect"><langSet xml:lang="fr"><tig><term>effet secondaire</term>'
                   '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>'
                   '</termEntry></body></text></martif>\n', encoding="utf-8")
    before = load_glossary(workspace / "glossary.yaml").get("side-effect")
    result = run_cli("glossary", "import", "--replace", str(tbx), cwd=workspace)
    assert result.code == 0 and "replaced side-effect" in result.out
    after = load_glossary(workspace / "glossary.yaml").get("side-effect")
    assert before is not None and after is not None
    assert [t.text for t in after.terms["fr"]] == ["effet secondaire"]
    for lang in ("en", "nl", "de"):
        assert [t.text for t in after.terms[lang]] == [t.text for t in before.terms[lang]]
    assert after.definition == before.definition
