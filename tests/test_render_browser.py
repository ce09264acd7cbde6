"""Leaflets as a reader sees them: headless Chromium (Playwright) and the PDF rendered to images.

Screenshots and page images go to <test artifacts>/render/ (see tests/artifacts.py). These tests skip,
saying why, only when Chromium / poppler / WeasyPrint are not installed; CI installs them.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from artifacts import artifacts_dir
from render_helpers import HOSTILE, LOCALES, copy_workspace, edit_entry

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = artifacts_dir() / "render"
HEADINGS = {
    "nl_BE": ["aHSCT bij MS", "Inhoud", "Wat aHSCT is", "aHSCT in België", "Woordenlijst", "Waar vindt u hulp?"],
    "fr_BE": ["L'aHSCT contre la SEP", "Sommaire", "Ce qu'est l'aHSCT", "L'aHSCT en Belgique", "Glossaire",
              "Où trouver de l'aide\u00a0?"],
    "de_BE": ["aHSCT bei MS", "Inhalt", "Was aHSCT ist", "aHSCT in Belgien", "Glossar", "Wo Sie Hilfe finden"],
    "en": ["aHSCT for MS", "Contents", "What aHSCT is", "aHSCT in Belgium", "Glossary", "Where to get help"],
}

needs_browser = pytest.mark.skipif(
    not CHROMIUM.exists() or importlib.util.find_spec("playwright") is None,
    reason="needs /usr/bin/chromium (Debian package chromium) and the playwright package")
needs_pdf_tools = pytest.mark.skipif(
    importlib.util.find_spec("weasyprint") is None or not all(shutil.which(t) for t in ("pdftoppm", "pdftotext",
                                                                                         "pdffonts", "pdfinfo")),
    reason="needs WeasyPrint (pip install 'careglot[pdf]') and poppler-utils (pdftoppm, pdftotext, pdffonts)")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test workspace built once in HTML, plus a hostile French catalog built separately."""
    from careglot.cli import main

    ws = copy_workspace(tmp_path_factory.mktemp("render"))
    assert main(["--workspace", str(ws), "build"]) == 0
    edit_entry(ws, "fr_BE", "demo.in-belgium.hospital", msgstr=HOSTILE)
    edit_entry(ws, "fr_BE", "ui.disclaimer", msgstr='"><script>window.pwned=5</script>')
    assert main(["--workspace", str(ws), "build", "--lang", "fr_BE", "--out", str(ws / "hostile")]) == 0
    return ws


@needs_browser
@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_reader_sees_language_headings_and_no_external_loads(browser, built: Path, locale: str) -> None:
    page = browser.new_page(viewport={"width": 900, "height": 1200})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    target = built / "build" / locale / "demo.html"
    page.goto(target.as_uri())
    assert page.evaluate("document.documentElement.lang") == locale.replace("_", "-")
    assert page.locator("h1").count() == 1
    headings = page.locator("h1, h2").all_inner_texts()
    assert [text.strip() for text in headings] == HEADINGS[locale]
    assert requests == [target.as_uri()]  # the page loads nothing else: CSS is inline
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('p.statement')).fontSize)")
    assert size >= 16  # screen body text; print is 11pt (see the PDF test)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"demo-{locale}.png"), full_page=True)
    page.close()


@needs_browser
@pytest.mark.browser
def test_hostile_catalog_never_runs_and_shows_as_text(browser, built: Path) -> None:
    page = browser.new_page()
    page.goto((built / "hostile" / "fr_BE" / "demo.html").as_uri())
    assert page.evaluate("typeof window.pwned") == "undefined"
    statement = page.locator('p[data-statement="demo.in-belgium.hospital"]')
    assert statement.inner_text() == HOSTILE
    assert statement.locator("script, img, a").count() == 0
    assert page.locator("script").count() == 0
    assert '"><script>window.pwned=5</script>' in page.locator("p.disclaimer").first.inner_text()
    page.close()


@needs_pdf_tools
def test_pdf_pages_text_and_embedded_fonts(built: Path) -> None:
    from careglot.cli import main

    out = built / "pdf"
    assert main(["--workspace", str(built), "build", "--lang", "nl_BE,fr_BE", "--format", "pdf",
                 "--out", str(out), "--allow-incomplete"]) == 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    texts = {}
    for locale in ("nl_BE", "fr_BE"):
        pdf = out / locale / "demo.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "Pages:           1" in info
        assert "A4" in info or "595.276 x 841.89" in info
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows)  # emb column
        texts[locale] = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf),
                        str(ARTIFACTS / f"demo-{locale}-page")], check=True)
        assert (ARTIFACTS / f"demo-{locale}-page-1.png").stat().st_size > 1000
    assert "België" in texts["nl_BE"] and "23 november 2026" in texts["nl_BE"]
    french = " ".join(texts["fr_BE"].split())
    for expected in ("hématopoïétiques", "cœur", "contrôle", "«", "»", "23 novembre 2026"):
        assert expected in french
