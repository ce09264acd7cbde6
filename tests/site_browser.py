"""Headless Chromium for the glossary page (Playwright for Python, Debian ``chromium``)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from artifacts import artifacts_dir

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ARTIFACTS = artifacts_dir()

# A glossary entry with markup in every text field: the page must show it as text.
HOSTILE = "<img src=x onerror=window.__xss=1>"
PROBE_GLOSSARY = f"""concepts:
  - id: probe
    domain: testing
    definition:
      en: "{HOSTILE} is how a picture starts"
      nl: "<script>window.__xss = 2</script>"
    notes:
      en: "<b onmouseover=window.__xss=3>bold</b>"
    sources:
      - "<a href=javascript:window.__xss=4>source</a>"
    terms:
      en:
        - term: "{HOSTILE}"
          type: full-form
          status: preferred
        - term: outdated probe
          type: variant
          status: deprecated
          note: "<i>replaced</i>"
        - term: banned probe
          type: variant
          status: forbidden
          region: BE
      nl:
        - term: proefsonde
          type: full-form
          status: preferred
          region: NL
"""


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser, or a skipped test when Playwright or Chromium is missing."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (Debian package chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser: Any, site: Path, fragment: str = "", **options: Any) -> Any:
    """The site's index.html opened from file:// and ready; page errors fail the test at close."""
    page = browser.new_page(**options)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.careglot_errors = errors
    page.goto((site / "index.html").as_uri() + fragment)
    # A function, not an expression: Playwright polls expressions with eval(), which the page's CSP forbids.
    page.wait_for_function("() => window.careglot !== undefined && window.careglot.search.typoIndex !== null"
                           " && window.CAREGLOT_DETAILS !== undefined")
    return page


def result_ids(page: Any) -> list[str]:
    """Concept ids of the result cards, in order."""
    ids: list[str] = page.eval_on_selector_all("#results article", "cards => cards.map(c => c.id)")
    return [found.removeprefix("concept-") for found in ids]


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` key by key into the search field, as an editor would; the result ids."""
    field = page.get_by_label("Search the glossary")
    field.fill("")
    field.press_sequentially(query)
    return result_ids(page)


def fill(page: Any, query: str) -> list[str]:
    """Put ``query`` into the search field at once (one input event, like a paste); the result ids."""
    page.get_by_label("Search the glossary").fill(query)
    return result_ids(page)


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
