"""The three project leaflets: valid, traceable to their sources, balanced and readable."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html

from careglot.core.xmlsafe import html_parser
from extract.manifest import Source, load_manifest
from glossary import load_glossary
from render.leaflets import Leaflet, load_leaflets

LEAFLETS = ("ahsct-ms", "atmp-belgium", "msc-arthritis")
PROMOTIONAL = re.compile(r"breakthrough|revolution|\bcur(?:e|es|ed|ing)\b|miracle|cutting[- ]edge|guarantee",
                         re.IGNORECASE)


@pytest.fixture(scope="module")
def sources(repo_root: Path) -> dict[str, Source]:
    return {source.id: source for source in load_manifest(repo_root / "sources" / "sources.yaml")}


@pytest.fixture(scope="module")
def leaflets(repo_root: Path, sources: dict[str, Source]) -> list[Leaflet]:
    return load_leaflets(repo_root / "leaflets", set(sources))


def plain(text: str) -> str:
    return " ".join(text.split())


def source_plain_text(source: Source) -> str:
    """The source as a reader sees it; a WordPress post's title and body decoded by lxml."""
    raw = source.path.read_text(encoding="utf-8")
    if source.format == "wordpress-json":
        post = json.loads(raw)
        parts = [post["title"]["rendered"], post["content"]["rendered"]]
        raw = "\n".join(html.document_fromstring(f"<body>{part}</body>", parser=html_parser()).text_content()
                        for part in parts)
    return plain(raw)


def test_the_three_leaflets_validate(run_cli) -> None:
    result = run_cli("leaflets", "validate")
    assert result.code == 0, result.err
    assert result.out.startswith(f"3 leaflets valid: {', '.join(LEAFLETS)} (")


def test_leaflets_have_18_to_35_statements(leaflets: list[Leaflet]) -> None:
    assert [leaflet.id for leaflet in leaflets] == list(LEAFLETS)
    for leaflet in leaflets:
        assert 18 <= len(list(leaflet.statements())) <= 35, leaflet.id


def test_every_quote_is_a_verbatim_source_sentence(leaflets: list[Leaflet], sources: dict[str, Source]) -> None:
    texts = {ident: source_plain_text(source) for ident, source in sources.items()}
    checked = 0
    for leaflet in leaflets:
        for statement in leaflet.statements():
            if statement.editorial:
                continue
            provenance = statement.provenance
            assert provenance is not None and provenance.quote is not None, statement.id
            quote = plain(provenance.quote)
            assert quote in texts[provenance.source], statement.id
            assert quote[0].isupper() and quote[-1] in ".!?", f"{statement.id}: not a whole sentence"
            checked += 1
    assert checked >= 45


def test_the_json_source_is_quoted_as_decoded_text(leaflets: list[Leaflet]) -> None:
    quotes = [s.provenance.quote for leaflet in leaflets for s in leaflet.statements()
              if s.provenance and s.provenance.source == "brainhelpdesk-ms-stemcells" and s.provenance.quote]
    assert quotes
    assert not any("&#" in quote or "<" in quote for quote in quotes)
    assert any("’" in quote for quote in quotes)  # typographic apostrophes kept as in the source


def test_no_promotional_words(leaflets: list[Leaflet]) -> None:
    for leaflet in leaflets:
        texts = [leaflet.title] + [section.heading for section in leaflet.sections]
        texts += [statement.text for statement in leaflet.statements()]
        found = [text for text in texts if PROMOTIONAL.search(text)]
        assert found == [], leaflet.id


def test_readability_target_through_stats_json(run_cli) -> None:
    result = run_cli("leaflets", "stats", "--json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert [row["leaflet"] for row in rows] == list(LEAFLETS)
    for row in rows:
        assert row["flesch_reading_ease"] >= 60, row
        assert row["longest_sentence_words"] <= 25, row
        assert row["sentences_over_25_words"] == 0, row
        assert row["words"] > row["sentences"] > 0


def test_risks_are_as_present_as_benefits(leaflets: list[Leaflet]) -> None:
    for leaflet in leaflets:
        categories = [statement.category for statement in leaflet.statements()]
        assert categories.count("risk") >= categories.count("benefit"), leaflet.id


def test_netherlands_facts_are_stated_as_such(leaflets: list[Leaflet]) -> None:
    ahsct = next(leaflet for leaflet in leaflets if leaflet.id == "ahsct-ms")
    section = next(section for section in ahsct.sections if section.id == "netherlands")
    assert all(s.text.startswith("In the Netherlands, ") for s in section.statements)
    placed = [s for s in ahsct.statements() if s.provenance and s.provenance.quote
              and re.search(r"the Netherlands|Dutch", s.provenance.quote)
              and "Health Care Institute" not in s.provenance.quote]
    assert len(placed) >= 3
    for statement in placed:
        assert re.search(r"Netherlands|Dutch", statement.text), statement.id


def test_glossary_abbreviations_are_expanded_at_first_use(leaflets: list[Leaflet], repo_root: Path) -> None:
    glossary = load_glossary(repo_root / "glossary.yaml")
    abbreviations = {term.text for concept in glossary.concepts for term in concept.terms.get("en", [])
                     if term.type == "abbreviation" and term.status == "preferred"}
    for leaflet in leaflets:
        body = leaflet.body_text()
        for abbreviation in abbreviations:
            first = re.search(rf"(?<![\w-]){re.escape(abbreviation)}s?(?![\w-])", body)
            if first:
                assert body[first.start() - 1] == "(", f"{leaflet.id}: {abbreviation} not expanded first"


def test_editorial_statements_give_a_reason(leaflets: list[Leaflet]) -> None:
    editorial = [s for leaflet in leaflets for s in leaflet.statements() if s.editorial]
    assert editorial
    assert all(s.reason and len(s.reason.split()) >= 3 for s in editorial)


def test_stats_table_lists_every_leaflet(run_cli) -> None:
    result = run_cli("leaflets", "stats")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split()[:3] == ["leaflet", "words", "sentences"]
    assert [line.split()[0] for line in lines[1:]] == list(LEAFLETS)
