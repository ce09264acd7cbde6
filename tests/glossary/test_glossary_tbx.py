"""TBX v2 and v3 export and import, CSV, ``glossary import`` merging, hostile XML, stats."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from glossary_support import DATA, SMALL, make_workspace
from lxml import etree

from glossary.loader import load_glossary
from glossary.serialize import concept_data

Run = Callable[..., Any]
TBX3 = "{urn:iso:std:iso:30042:ed-2}"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def export(run_cli: Run, workspace: Path, *args: str) -> str:
    result = run_cli("glossary", "export", *args, cwd=workspace)
    assert result.code == 0, result.err
    return str(result.out)


def test_export_tbx_v2_structure(run_cli: Run, workspace: Path) -> None:
    root = etree.fromstring(export(run_cli, workspace, "--format", "tbx").encode("utf-8"))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    entries = root.findall("text/body/termEntry")
    assert [e.get("id") for e in entries] == [c.id for c in load_glossary(SMALL)]
    insurer = next(e for e in entries if e.get("id") == "health-insurer")
    nl = next(ls for ls in insurer.findall("langSet") if ls.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl")
    tig = nl.findall("tig")[1]
    assert tig.findtext("term") == "zorgverzekeraar"
    notes = {n.get("type"): n.text for n in tig.findall("termNote")}
    assert notes == {"termType": "fullForm", "administrativeStatus": "preferredTerm-admn-sts",
                     "grammaticalGender": "other", "geographicalUsage": "nl-NL"}
    mutuelle = next(t for t in insurer.iter("tig") if t.findtext("term") == "mutuelle")
    assert mutuelle.find("termNote[@type='administrativeStatus']").text == "deprecatedTerm-admn-sts"
    assert "careglot: status=forbidden" in [n.text for n in mutuelle.findall("note")]


def test_export_tbx_v3_structure(run_cli: Run, workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.tbx"
    export(run_cli, workspace, "--format", "tbx", "--tbx-version", "3", "-o", str(out))
    root = etree.fromstring(out.read_bytes())
    assert root.tag == f"{TBX3}tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    entry = root.find(f"{TBX3}text/{TBX3}body/{TBX3}conceptEntry[@id='atmp']")
    assert entry is not None
    sections = entry.findall(f"{TBX3}langSec")
    assert len(sections) == 4
    fr = sections[2]
    assert [t.findtext(f"{TBX3}term") for t in fr.findall(f"{TBX3}termSec")] == [
        "médicament de thérapie innovante", "MTI"]
    assert fr.find(f"{TBX3}termSec/{TBX3}termNote[@type='termType']").text == "fullForm"
    assert fr.findall(f"{TBX3}termSec")[1].find(f"{TBX3}termNote[@type='termType']").text == "acronym"


@pytest.mark.parametrize("version", ["2", "3"])
def test_round_trip_of_fixture(run_cli: Run, workspace: Path, tmp_path: Path, version: str) -> None:
    out = tmp_path / f"v{version}.tbx"
    export(run_cli, workspace, "--tbx-version", version, "-o", str(out))
    original = [concept_data(c) for c in load_glossary(SMALL)]
    assert [concept_data(c) for c in load_glossary(out)] == original


def test_import_iate_v2_sample(run_cli: Run, workspace: Path) -> None:
    glossary = load_glossary(DATA / "iate-sample.tbx")
    chondrocyte, authorisation = glossary.concepts
    assert chondrocyte.id == "iate-9100001"
    assert chondrocyte.domain == "medical science; pharmaceutical industry"
    assert chondrocyte.definition == {"en": "cell found in healthy cartilage"}
    # no administrativeStatus at all: the first term is preferred, the others admitted
    assert [(t.text, t.status) for t in chondrocyte.terms["nl"]] == [("chondrocyt", "preferred"),
                                                                   ("kraakbeencel", "admitted")]
    assert [t.gender for t in chondrocyte.terms["de"]] == ["m", "f"]
    en = {t.text: t for t in authorisation.terms["en"]}
    assert en["MA"].type == "abbreviation" and en["MA"].status == "admitted"
    assert en["marketing authorization"].region == "US"
    assert en["product licence"].status == "deprecated" and en["product licence"].note == "former UK usage"
    nl = authorisation.terms["nl"]  # xml:lang="nl-BE" is Dutch
    assert nl[0].gender == "de" and nl[1].status == "deprecated"
    assert authorisation.terms["fr"][1].type == "abbreviation"
    de = authorisation.terms["de"]  # memoQ-style ntig/termGrp
    assert de[0].source == "Verordnung (EG) Nr. 726/2004" and de[1].type == "abbreviation"
    result = run_cli("glossary", "import", str(DATA / "iate-sample.tbx"), cwd=workspace)
    assert result.code == 0, result.err
    assert "added iate-9100001" in result.out and "added iate-9100002" in result.out
    assert run_cli("glossary", "validate", cwd=workspace).code == 0
    merged = load_glossary(workspace / "glossary.yaml")
    assert [c.id for c in merged][-2:] == ["iate-9100001", "iate-9100002"]


def test_import_v3_sample_keeps_curated_comments(run_cli: Run, workspace: Path) -> None:
    before = (workspace / "glossary.yaml").read_text(encoding="utf-8")
    result = run_cli("glossary", "import", str(DATA / "v3-sample.tbx"), cwd=workspace)
    assert result.code == 0, result.err
    assert "added c-clinical-trial" in result.out
    after = (workspace / "glossary.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # curated text and comments untouched, new concept appended
    assert run_cli("glossary", "validate", cwd=workspace).code == 0
    trial = load_glossary(workspace / "glossary.yaml").get("c-clinical-trial")
    assert trial is not None and trial.terms["de"][1].note == "Wording of the EU Clinical Trials Regulation."
    again = run_cli("glossary", "import", str(DATA / "v3-sample.tbx"), cwd=workspace)
    assert "1 unchanged" in again.out and "nothing written" in again.out


def _conflicting_tbx(tmp_path: Path, run_cli: Run, workspace: Path) -> Path:
    tbx = tmp_path / "theirs.tbx"
    text = export(run_cli, workspace).replace("<term>bijwerking</term>", "<term>nevenwerking</term>")
    tbx.write_text(text, encoding="utf-8")
    return tbx


def test_import_reports_conflicts_and_keeps_curated_entries(run_cli: Run, workspace: Path,
                                                            tmp_path: Path) -> None:
    tbx = _conflicting_tbx(tmp_path, run_cli, workspace)
    before = (workspace / "glossary.yaml").read_bytes()
    result = run_cli("glossary", "import", str(tbx), cwd=workspace)
    assert result.code == 1
    assert "conflict: concept 'side-effect' differs from the curated entry in nl" in result.out
    assert (workspace / "glossary.yaml").read_bytes() == before
    replaced = run_cli("glossary", "import", "--replace", str(tbx), cwd=workspace)
    assert replaced.code == 0 and "replaced side-effect" in replaced.out
    side = load_glossary(workspace / "glossary.yaml").get("side-effect")
    assert side is not None and side.terms["nl"][0].text == "nevenwerking"
    assert run_cli("glossary", "validate", cwd=workspace).code == 0


def test_import_refuses_new_concept_that_takes_curated_terms(run_cli: Run, workspace: Path,
                                                             tmp_path: Path) -> None:
    tbx = tmp_path / "other.tbx"
    tbx.write_text(export(run_cli, workspace).replace('id="famhp"', 'id="fagg"'), encoding="utf-8")
    result = run_cli("glossary", "import", str(tbx), cwd=workspace)
    assert "conflict: imported concept 'fagg' uses terms of curated concept(s) famhp" in result.out
    assert load_glossary(workspace / "glossary.yaml").get("fagg") is None


def test_csv_export_is_one_language_pair(run_cli: Run, workspace: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export(run_cli, workspace, "--format", "csv", "--lang", "fr"))))
    assert list(rows[0]) == ["source", "target", "context", "developer_comments", "translator_comments"]
    by_context = {row["context"]: row for row in rows}
    assert by_context["atmp"]["source"] == "advanced therapy medicinal product"
    assert by_context["atmp"]["target"] == "médicament de thérapie innovante"
    assert by_context["atmp:abbreviation"]["target"] == "MTI"
    assert by_context["atmp"]["developer_comments"].startswith("A medicine made from genes")
    assert "mutuelle" not in {row["target"] for row in rows}  # forbidden terms only travel in TBX
    missing = run_cli("glossary", "export", "--format", "csv", cwd=workspace)
    assert missing.code == 2 and "--lang" in missing.err


def test_csv_import(run_cli: Run, workspace: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "weblate-nl.csv"
    sheet.write_text('source,target,context,developer_comments\n'
                     'bone marrow,beenmerg,bone-marrow,"Soft tissue inside bones that makes blood cells."\n'
                     'advanced therapy medicinal product,geneesmiddel voor geavanceerde therapie,atmp,\n'
                     'ATMP,ATMP,atmp:abbreviation,\n', encoding="utf-8")
    result = run_cli("glossary", "import", "--lang", "nl", str(sheet), cwd=workspace)
    assert result.code == 1  # the atmp row conflicts with the curated atmp concept
    assert "added bone-marrow" in result.out and "conflict: concept 'atmp'" in result.out
    marrow = load_glossary(workspace / "glossary.yaml").get("bone-marrow")
    assert marrow is not None
    assert marrow.preferred("nl").text == "beenmerg" and marrow.preferred("en").text == "bone marrow"
    assert marrow.definition["en"].startswith("Soft tissue")
    simple = tmp_path / "simple.csv"
    simple.write_text("growth factor,groeifactor\n", encoding="utf-8")
    assert "added growth-factor" in run_cli("glossary", "import", "--lang", "nl", str(simple), cwd=workspace).out


HOSTILE = {
    "external entity": ('<?xml version="1.0"?>\n<!DOCTYPE martif [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
                        '<martif type="TBX-Basic"><text><body><termEntry id="x"><langSet xml:lang="en"><tig>'
                        '<term>&xxe;</term></tig></langSet></termEntry></body></text></martif>\n',
                        "entity declarations are not allowed", 3),
    "billion laughs": ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
                       + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">\n' for i in range(1, 10))
                       + ']>\n<martif><text><body>&lol9;</body></text></martif>\n',
                       "entity declarations are not allowed", 3),
    "network DTD": ('<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "http://evil.example/tbx.dtd">\n'
                    '<martif type="TBX-Basic"><text><body/></text></martif>\n',
                    "DTD on the network", 2),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_xml_is_refused(run_cli: Run, workspace: Path, tmp_path: Path, case: str) -> None:
    text, message, line = HOSTILE[case]
    path = tmp_path / "hostile.tbx"
    path.write_text(text, encoding="utf-8")
    before = (workspace / "glossary.yaml").read_bytes()
    for args in (("glossary", "import", str(path)), ("lookup", "--glossary", str(path), "lol"),
                 ("glossary", "validate", "--glossary", str(path))):
        result = run_cli(*args, cwd=workspace)
        assert result.code == 2
        assert result.err.count("\n") == 1
        assert result.err.startswith(f"careglot: error: {path}:{line}: ") and message in result.err
    assert (workspace / "glossary.yaml").read_bytes() == before


def test_oversized_xml_is_refused(run_cli: Run, workspace: Path, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import careglot.core.xmlsafe

    monkeypatch.setattr(careglot.core.xmlsafe, "MAX_XML_BYTES", 4096)
    path = tmp_path / "big.tbx"
    path.write_text(export(run_cli, workspace), encoding="utf-8")
    result = run_cli("glossary", "import", str(path), cwd=workspace)
    assert result.code == 2
    assert result.err.startswith(f"careglot: error: {path}: XML input of ") and "larger than" in result.err


def test_malformed_and_foreign_xml(run_cli: Run, workspace: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.tbx"
    broken.write_text('<?xml version="1.0"?>\n<martif>\n<text>\n</martif>\n', encoding="utf-8")
    result = run_cli("glossary", "import", str(broken), cwd=workspace)
    assert result.code == 2 and f"{broken}:4: malformed XML" in result.err
    foreign = tmp_path / "foreign.tbx"
    foreign.write_text('<?xml version="1.0"?>\n<html><body/></html>\n', encoding="utf-8")
    result = run_cli("glossary", "import", str(foreign), cwd=workspace)
    assert result.code == 2 and "not a TBX file: the root element is <html>" in result.err


def test_stats(run_cli: Run, workspace: Path) -> None:
    glossary = load_glossary(SMALL)
    figures = json.loads(run_cli("glossary", "stats", "--json", cwd=workspace).out)
    assert figures["concepts"] == len(glossary)
    assert figures["terms"] == sum(1 for c in glossary for _ in c.all_terms())
    assert figures["languages"]["fr"]["forbidden"] == 1
    assert figures["missing"] == {}
    text = run_cli("glossary", "stats", cwd=workspace).out
    assert text.splitlines()[0] == f"glossary.yaml: {len(glossary)} concepts, {figures['terms']} terms"
    lines = (workspace / "glossary.yaml").read_text(encoding="utf-8").split("  - id: side-effect")[0]
    (workspace / "glossary.yaml").write_text(lines + "  - id: side-effect\n    terms:\n      en:\n"
                                             "        - term: side effect\n          type: full-form\n"
                                             "          status: preferred\n", encoding="utf-8")
    figures = json.loads(run_cli("glossary", "stats", "--json", cwd=workspace).out)
    assert figures["missing"] == {"nl": ["side-effect"], "fr": ["side-effect"], "de": ["side-effect"]}
