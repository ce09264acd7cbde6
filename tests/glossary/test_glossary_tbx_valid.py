"""TBX exports of the workspace glossary pass the official validators and read back unchanged.

v3: the TBX-Basic RELAX NG schema and Schematron; v2: the TBX-Basic DTD and the XCS the file
names; Translate Toolkit's TBX reader (what Weblate and Pootle use) reads the v2 export.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tbx_validators import read_xcs, shared_tbx, v2_errors, v3_errors

from careglot.core.xmlsafe import load_local_dtd, parse_xml_file
from glossary.loader import load_glossary
from glossary.serialize import concept_data
from glossary.tbx import read_tbx_bytes
from glossary.tbxwrite import write_tbx

Run = Callable[..., Any]


@pytest.fixture(scope="module")
def workspace_glossary(repo_root: Path) -> Any:
    return load_glossary(repo_root / "glossary.yaml")


def _export(run_cli: Run, cwd: Path, out: Path, version: str) -> bytes:
    result = run_cli("glossary", "export", "--format", "tbx", "--tbx-version", version, "-o", str(out), cwd=cwd)
    assert result.code == 0, result.err
    return out.read_bytes()


def test_v3_export_passes_the_tbx_basic_rng_and_schematron(run_cli: Run, workspace_copy: Path, tmp_path: Path,
                                                          workspace_glossary: Any) -> None:
    data = _export(run_cli, workspace_copy, tmp_path / "terms.tbx", "3")
    assert v3_errors(data) == []
    assert b"properNoun" not in data
    # the proper nouns of the glossary are nouns plus a careglot note, and read back as proper nouns
    proper = [t for c in workspace_glossary for t in c.all_terms() if t.pos == "proper-noun"]
    assert proper
    back = read_tbx_bytes(data, "terms.tbx")
    assert sum(1 for c in back for t in c.all_terms() if t.pos == "proper-noun") == len(proper)


def test_the_v3_validators_reject_what_tbx_basic_forbids(workspace_glossary: Any) -> None:
    data = write_tbx(workspace_glossary, version=3).replace(b">noun<", b">properNoun<", 1)
    errors = v3_errors(data)
    assert len(errors) == 1 and "partOfSpeech" in errors[0]
    official = (shared_tbx() / "v3" / "Example_Astronomy_DCA_VALID.tbx").read_bytes()
    assert v3_errors(official) == []


def test_v2_export_passes_the_dtd_and_its_own_xcs(run_cli: Run, workspace_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "terms.tbx"
    data = _export(run_cli, workspace_copy, out, "2")
    xcs = tmp_path / "terms.xcs"
    assert xcs.is_file() and b'<p type="XCSURI">terms.xcs</p>' in data
    assert v2_errors(data, tmp_path) == []
    assert read_xcs(xcs).languages == {"en", "nl", "fr", "de"}
    xcs_dtd = load_local_dtd(shared_tbx() / "v2" / "tbxxcsdtd.dtd")
    assert xcs_dtd.validate(parse_xml_file(xcs)), xcs_dtd.error_log


def test_the_official_xcs_lacks_dutch_so_the_v2_check_fails_with_it(run_cli: Run, workspace_copy: Path,
                                                                    tmp_path: Path) -> None:
    data = _export(run_cli, workspace_copy, tmp_path / "terms.tbx", "2")
    shutil.copy(shared_tbx() / "v2" / "TBXBasicXCSV02.xcs", tmp_path / "terms.xcs")
    errors = v2_errors(data, tmp_path)
    assert errors and all("'nl' is not declared" in error for error in errors)


def test_translate_toolkit_reads_the_v2_export(workspace_glossary: Any, tmp_path: Path) -> None:
    tbx = pytest.importorskip("translate.storage.tbx")
    path = tmp_path / "terms.tbx"
    path.write_bytes(write_tbx(workspace_glossary, version=2))
    store = tbx.tbxfile.parsefile(str(path))
    assert len(store.units) == len(workspace_glossary)
    by_id = {unit.getid(): unit for unit in store.units}
    for concept in workspace_glossary:
        unit = by_id[concept.id]
        preferred = concept.preferred("en") or concept.terms_in("en")[0]
        assert unit.source == preferred.text
        assert [t.text for t in unit.get_target_terms("fr")] == [t.text for t in concept.terms_in("fr")]


@pytest.mark.parametrize("version", ["2", "3"])
def test_export_then_import_is_the_identity_on_the_workspace_glossary(
        run_cli: Run, workspace_copy: Path, tmp_path: Path, version: str, workspace_glossary: Any) -> None:
    out = tmp_path / "terms.tbx"
    data = _export(run_cli, workspace_copy, out, version)
    assert [concept_data(c) for c in read_tbx_bytes(data, out)] == [concept_data(c) for c in workspace_glossary]
    before = (workspace_copy / "glossary.yaml").read_bytes()
    result = run_cli("glossary", "import", str(out), cwd=workspace_copy)
    assert result.code == 0, result.out + result.err
    assert f"0 added, 0 extended, 0 replaced, {len(workspace_glossary)} unchanged" in result.out
    assert (workspace_copy / "glossary.yaml").read_bytes() == before
