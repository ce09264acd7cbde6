"""The page finds what ``careglot lookup`` finds: same best concept, same ranking, same normalisation."""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from site_browser import chromium, fill, open_page, screenshot, search

from glossary.loader import load_glossary
from glossary.lookup import lookup
from glossary.lookup_index import open_index
from glossary.model import Glossary
from glossary.normalize import content_words, stem, words
from render.site.build import build_site

pytestmark = pytest.mark.browser

QUERIES = [
    # the four (typed key by key), then per language: inflection, compounds, elision, accents, abbreviations
    "stamceltherapie", "hematopoietique", "ATMP's", "sclerose en plaque",
    "stamceltransplantaties", "bijwerkingen", "beenmerg", "neuroloog",
    "effets indésirables", "l'agence fédérale des médicaments", "moelle osseuse", "chimiotherapie",
    "Stammzellen", "Krankenkassen", "Knochenmark", "Rückenmark",
    "side effects", "HSCT", "haematopoietic stem cells", "FAGG",
    # typos
    "stamcelltherapie", "bone marow", "inflamation", "ziekenfons", "Stamzelle", "aferese",
    # nothing
    "xyzzyq",
]
EXPECTED = {"stamceltherapie": "stem-cell-therapy", "hematopoietique": "haematopoietic-stem-cell",
            "ATMP's": "atmp", "sclerose en plaque": "multiple-sclerosis", "bone marow": "bone-marrow"}
TRICKY = ["Hématopoïétiques", "l’artère", "ATMP’s", "Straße", "Œdème", "ﬁbrose", "IJsselmeer", "d'Anvers",
          "qu'elle", "MS-patiënten", "H₂O", "2e lijn", "ziekenhuizen", "Ærø", "STAMCELLEN", "cellules souches'",
          "jusqu'à", "l'ATMP's", "Zelle—Zellen", "ﬀ ½", "naïeve", "Ďábel", "œsophage", "İstanbul"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Path:
    """The site of the workspace glossary, and a copy of the glossary (its lookup cache stays in tmp)."""
    directory = tmp_path_factory.mktemp("site")
    shutil.copy2(repo_root / "glossary.yaml", directory / "glossary.yaml")
    build_site(load_glossary(directory / "glossary.yaml"), directory / "out")
    return directory


@pytest.fixture(scope="module")
def glossary(site: Path) -> Glossary:
    return load_glossary(site / "glossary.yaml")


@pytest.fixture(scope="module")
def page(browser: Any, site: Path) -> Iterator[Any]:
    opened = open_page(browser, site / "out")
    yield opened
    assert opened.careglot_errors == []
    opened.close()


def test_enough_queries_in_four_languages(glossary: Glossary) -> None:
    assert len(QUERIES) >= 15
    langs_hit = {term.lang for query in QUERIES for concept in glossary for term in concept.all_terms()
                 if set(words(query)) & set(words(term.text))}
    assert {"en", "nl", "fr", "de"} <= langs_hit


@pytest.mark.parametrize("query", QUERIES)
def test_page_and_cli_agree_on_the_best_concept(page: Any, site: Path, run_cli: Callable[..., Any],
                                                query: str) -> None:
    shown = search(page, query) if query in EXPECTED else fill(page, query)
    result = run_cli("lookup", "--json", "--limit", "1", "--glossary", str(site / "glossary.yaml"), query)
    cli = [concept["id"] for concept in json.loads(result.out)]
    assert shown[:1] == cli
    if query in EXPECTED:
        assert shown[0] == EXPECTED[query]


@pytest.mark.parametrize("query", QUERIES)
def test_page_ranking_and_scores_equal_the_library(page: Any, site: Path, query: str) -> None:
    with contextlib.closing(open_index(site / "glossary.yaml")) as connection:
        expected = [(hit.id, hit.score, hit.corrected) for hit in lookup(connection, query, limit=10).hits]
    found = page.evaluate("q => careglot.search.lookup(q, {limit: 10}).hits.map(h => [h.id, h.score, h.corrected])",
                          query)
    assert [row[0] for row in found] == [row[0] for row in expected]
    assert [row[2] for row in found] == [row[2] for row in expected]
    assert [row[1] for row in found] == pytest.approx([row[1] for row in expected], abs=6e-5)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_language_filter_is_the_cli_lang_option(page: Any, site: Path, run_cli: Callable[..., Any], lang: str) -> None:
    page.select_option("#f-lang", lang)
    try:
        shown = fill(page, "stamcel")
        result = run_cli("lookup", "--json", "--lang", lang, "--glossary", str(site / "glossary.yaml"), "stamcel")
        assert shown == [concept["id"] for concept in json.loads(result.out)]
        matched_langs = page.eval_on_selector_all("#results li.matched .term", "ts => ts.map(t => t.lang)")
        assert {found.split("-")[0] for found in matched_langs} == ({lang} if shown else set())
    finally:
        page.select_option("#f-lang", "")
    assert fill(page, "stamcel")[:1] == ["stem-cell"]


def test_javascript_normalisation_equals_python(page: Any, glossary: Glossary) -> None:
    samples = [(term.text, term.lang) for concept in glossary for term in concept.all_terms()]
    samples += [(text, lang) for text in TRICKY for lang in ("en", "nl", "fr", "de")]
    expected = [[stem(word, lang) for word in content_words(words(text), lang)] for text, lang in samples]
    found = page.evaluate("""samples => {
        const norm = new CareglotSearch.Normalizer(CAREGLOT_GLOSSARY.rules);
        return samples.map(([text, lang]) => {
            const all = norm.words(text);
            const kept = all.filter(w => !norm.isStopword(w, lang));
            return (kept.length ? kept : all).map(w => norm.stem(w, lang));
        });
    }""", samples)
    mismatches = [(sample, want, got) for sample, want, got in zip(samples, expected, found, strict=True)
                  if want != got]
    assert mismatches == []


def test_search_screenshot(page: Any) -> None:
    search(page, "stamceltherapie")
    assert screenshot(page, "site-search-stamceltherapie").stat().st_size > 0
