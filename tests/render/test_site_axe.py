"""axe-core on the glossary page: no violation of any rule, in the states an editor sees.

axe-core comes from npm as a test-time install: ``.ci/run`` installs it outside the tree and
names it in ``CAREGLOT_AXE``; a developer runs ``npm install --prefix .test-tools axe-core@4``
(gitignored). The test never downloads it and skips, saying how to install it, when it is absent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from site_browser import chromium, open_page, search

from glossary.loader import load_glossary
from render.site.build import build_site

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
AXE = Path(os.environ.get("CAREGLOT_AXE", ROOT / ".test-tools" / "node_modules" / "axe-core" / "axe.min.js"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed ({AXE}): npm install --prefix .test-tools axe-core@4")
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Path:
    directory = tmp_path_factory.mktemp("site")
    build_site(load_glossary(repo_root / "glossary.yaml"), directory)
    return directory


def violations(page: Any) -> list[str]:
    """Every axe-core violation (all rules axe runs by default), as ``rule: target`` lines.

    ``preload: false``: axe would fetch the stylesheet again with XHR, which file:// pages may not.
    """
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations'], preload: false})")
    return [f"{v['id']} ({v['impact']}): {json.dumps(node['target'])}"
            for v in result["violations"] for node in v["nodes"]]


@pytest.mark.parametrize("state", ["first list", "search", "concept fragment"])
def test_glossary_page_has_no_axe_violations(browser: Any, site: Path, state: str) -> None:
    # bypass_csp: the page's CSP (script-src 'self') would refuse the injected axe-core script.
    fragment = "#concept-ahsct" if state == "concept fragment" else ""
    page = open_page(browser, site, fragment, bypass_csp=True)
    if state == "search":
        search(page, "stamcel")
    found = violations(page)
    assert page.careglot_errors == []
    page.close()
    assert found == [], "\n".join(found)
