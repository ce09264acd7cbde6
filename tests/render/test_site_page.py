"""The glossary page as editors use it: filters, concept links, statuses, keyboard, zoom, hostile text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from site_browser import HOSTILE, PROBE_GLOSSARY, chromium, fill, open_page, result_ids, screenshot, search

from glossary.loader import load_glossary
from glossary.model import Glossary
from render.site.build import build_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def glossary(repo_root: Path) -> Glossary:
    return load_glossary(repo_root / "glossary.yaml")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, glossary: Glossary) -> Path:
    directory = tmp_path_factory.mktemp("site")
    build_site(glossary, directory)
    return directory


@pytest.fixture
def page(browser: Any, site: Path) -> Iterator[Any]:
    opened = open_page(browser, site)
    yield opened
    assert opened.careglot_errors == []
    opened.close()


@pytest.fixture(scope="module")
def probe_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("probe")
    (directory / "glossary.yaml").write_text(PROBE_GLOSSARY, encoding="utf-8")
    build_site(load_glossary(directory / "glossary.yaml"), directory / "out")
    return directory / "out"


def browse_ids(page: Any, **filters: str) -> list[str]:
    for name, value in filters.items():
        page.select_option(f"#f-{name}", value)
    while page.is_visible("#more"):
        page.click("#more")
    return result_ids(page)


@pytest.mark.parametrize(("name", "value"), [("status", "deprecated"), ("domain", "institution"),
                                             ("region", "NL"), ("region", "BE")])
def test_filters_without_a_query_list_exactly_the_matching_concepts(page: Any, glossary: Glossary, name: str,
                                                                    value: str) -> None:
    def keeps(concept: Any) -> bool:
        if name == "domain":
            return bool(concept.domain == value)
        return any(getattr(term, name) == value for term in concept.all_terms())

    expected = [concept.id for concept in glossary if keeps(concept)]
    assert 0 < len(expected) < len(glossary)
    assert browse_ids(page, **{name: value}) == expected
    assert f"{len(expected)} concept" in page.text_content("#status")


def test_filters_narrow_a_search(page: Any) -> None:
    everything = fill(page, "stamceltherapie")
    page.select_option("#f-domain", "institution")
    assert result_ids(page) == []
    assert "No concept matches" in page.text_content("#status")
    page.select_option("#f-domain", "")
    page.select_option("#f-status", "admitted")
    admitted = result_ids(page)
    assert admitted and set(admitted) <= set(everything)
    statuses = page.eval_on_selector_all("#results li.matched .badge:not(.match)", "bs => bs.map(b => b.textContent)")
    assert statuses and set(statuses) == {"admitted"}


def test_fragment_opens_the_concept(browser: Any, site: Path) -> None:
    page = open_page(browser, site, "#concept-ahsct")
    assert result_ids(page) == ["ahsct"]
    page.wait_for_function("() => document.activeElement.id === 'h-ahsct'", timeout=5000)
    assert "aHSCT" in page.text_content("#status")
    page.click("#back a")
    page.wait_for_function("() => document.querySelectorAll('#results article').length > 1", timeout=5000)
    assert page.evaluate("location.hash") == ""
    page.close()


def test_result_link_is_the_stable_fragment(page: Any) -> None:
    fill(page, "ATMP's")
    link = page.locator("#results article h2 a").first
    assert link.get_attribute("href") == "#concept-atmp"
    link.click()
    page.wait_for_function("() => document.activeElement.id === 'h-atmp'", timeout=5000)  # after hashchange
    assert page.evaluate("location.hash") == "#concept-atmp"
    assert result_ids(page) == ["atmp"]
    screenshot(page, "site-fragment-atmp")


def test_unknown_fragment_says_so(browser: Any, site: Path) -> None:
    page = open_page(browser, site, "#concept-no-such-thing")
    assert "No concept with the id" in page.text_content("#status")
    assert len(result_ids(page)) > 1
    page.close()


def test_keyboard_only(page: Any) -> None:
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("sclerose en plaque")
    ids = result_ids(page)
    assert ids[0] == "multiple-sclerosis" and len(ids) >= 2
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#concept-multiple-sclerosis"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == f"#concept-{ids[1]}"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    # after hashchange
    page.wait_for_function("() => document.activeElement.id === 'h-multiple-sclerosis'", timeout=5000)
    assert page.evaluate("location.hash") == "#concept-multiple-sclerosis"
    assert result_ids(page) == ["multiple-sclerosis"]
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.press("Escape")
    assert page.input_value("#q") == ""
    assert page.evaluate("location.hash") == ""
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-lang"
    page.keyboard.press("ArrowDown")  # a focused select changes with the arrow keys alone
    assert page.input_value("#f-lang") != ""


def test_accessible_structure(page: Any) -> None:
    search(page, "hematopoietique")
    assert page.get_by_label("Search the glossary").get_attribute("type") == "search"
    live = page.locator("#status")
    assert live.get_attribute("aria-live") == "polite"
    assert "concept" in live.text_content()
    for select in ("lang", "status", "domain", "region"):
        assert page.locator(f"label[for='f-{select}']").count() == 1
    untagged = page.eval_on_selector_all(
        "#results .term, #results .definition, #results .term-note[lang], #results .note span:not(.label)",
        "els => els.filter(e => !e.lang).length")
    assert untagged == 0
    langs = page.eval_on_selector_all("#results .definition", "els => new Set(els.map(e => e.lang)).size")
    assert langs == 4


def test_readable_at_200_percent_zoom(browser: Any, site: Path) -> None:
    page = open_page(browser, site, viewport={"width": 640, "height": 900}, device_scale_factor=2)
    search(page, "stamceltransplantaties")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    columns = page.eval_on_selector_all("#results .concept:first-child .lang", "els => els.map(e => e.offsetLeft)")
    assert len(set(columns)) < len(columns)  # the languages wrap instead of shrinking
    screenshot(page, "site-zoom-200")
    page.close()


def test_hostile_glossary_text_is_shown_as_text(browser: Any, probe_site: Path) -> None:
    page = open_page(browser, probe_site)
    fill(page, "img onerror")
    assert result_ids(page) == ["probe"]
    card = page.locator("#concept-probe")
    text = card.text_content()
    for shown in (HOSTILE, "<script>window.__xss = 2</script>", "<b onmouseover=window.__xss=3>bold</b>",
                  "<a href=javascript:window.__xss=4>source</a>", "<i>replaced</i>"):
        assert shown in text
    markup = "#results img, #results script, #results b, #results i, #results a[href^=javascript]"
    assert page.locator(markup).count() == 0
    page.hover("#concept-probe .note")
    assert page.evaluate("window.__xss") is None
    screenshot(page, "site-hostile-text")
    page.close()


def test_deprecated_and_forbidden_are_struck_through_and_labelled(browser: Any, probe_site: Path) -> None:
    page = open_page(browser, probe_site)
    fill(page, "probe")
    for status, term in (("deprecated", "outdated probe"), ("forbidden", "banned probe")):
        item = page.locator("#concept-probe li", has_text=term)
        assert item.locator("s.term").text_content() == term
        assert item.locator(f".badge.{status}").text_content() == status
    assert page.locator("#concept-probe li", has_text="proefsonde").locator("s").count() == 0
    assert page.locator("#concept-probe .term", has_text="banned probe").get_attribute("lang") == "en-BE"
    page.close()


def test_first_list_in_the_page_is_what_the_script_draws(page: Any, site: Path) -> None:
    """index.html comes with the first list drawn: the same cards, status and button the script draws."""
    static = (site / "index.html").read_text(encoding="utf-8")
    pairs = page.evaluate("""html => {
        window.careglot.render();
        const built = new DOMParser().parseFromString(html, "text/html");
        const ids = ["results", "status", "more-wrap"];
        return ids.map(id => [built.getElementById(id).outerHTML, document.getElementById(id).outerHTML]);
    }""", static)
    assert "<article" in pairs[0][1] and "definition" in pairs[0][1]
    for built, drawn in pairs:
        assert built == drawn


def test_first_list_shows_hostile_text_as_text_without_script(browser: Any, probe_site: Path) -> None:
    page = browser.new_page(java_script_enabled=False)
    page.goto((probe_site / "index.html").as_uri())
    text = page.text_content("#concept-probe")
    assert HOSTILE in text and "<a href=javascript:window.__xss=4>source</a>" in text
    assert page.locator("#results img, #results script, #results b, #results a[href^=javascript]").count() == 0
    assert page.text_content("#status") == "1 concept"
    page.close()
