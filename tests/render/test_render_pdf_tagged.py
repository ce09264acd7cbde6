"""Leaflet PDFs are tagged PDF/UA-1: structure tree with headings, document language and title.

The structure tree is read back with pikepdf (a test dependency), as a screen reader would see it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from render_helpers import copy_workspace

pytestmark = pytest.mark.skipif(importlib.util.find_spec("weasyprint") is None
                                or importlib.util.find_spec("pikepdf") is None,
                                reason="needs WeasyPrint (pip install 'careglot[pdf]') and pikepdf ('careglot[test]')")


def _structure(node: Any, out: list[tuple[str, Any]]) -> None:
    """Every structure element (its /S type and the element) under ``node``, in reading order."""
    import pikepdf

    if isinstance(node, pikepdf.Array):
        for kid in node:
            _structure(kid, out)
        return
    if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
        return
    out.append((str(node.S), node))
    if "/K" in node:
        _structure(node.K, out)


def _marked_content(element: Any) -> list[int]:
    """The marked-content ids (page content) a structure element owns, directly or through its kids."""
    import pikepdf

    found: list[int] = []

    def collect(node: Any) -> None:
        if isinstance(node, int):
            found.append(node)
        elif isinstance(node, pikepdf.Array):
            for kid in node:
                collect(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/K" in node:
            collect(node.K)

    collect(element.K)
    return found


@pytest.mark.parametrize("locale", ["nl_BE", "de_BE"])
def test_pdf_is_tagged_with_language_title_and_headings(tmp_path: Path, locale: str) -> None:
    import pikepdf

    from careglot.cli import main

    workspace = copy_workspace(tmp_path)
    out = tmp_path / "out"
    assert main(["--workspace", str(workspace), "build", "--lang", locale, "--format", "pdf",
                 "--out", str(out), "--allow-incomplete"]) == 0
    pdf = pikepdf.open(out / locale / "demo.pdf")
    root = pdf.Root
    assert str(root.Lang) == locale.replace("_", "-")
    assert bool(root.MarkInfo.Marked) is True
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True  # the title, not the file name, is shown
    assert str(pdf.docinfo["/Title"]).strip()
    with pdf.open_metadata() as meta:
        assert meta.get("pdfuaid:part") == "1"  # declares PDF/UA-1
    elements: list[tuple[str, Any]] = []
    _structure(root.StructTreeRoot.K, elements)
    kinds = [kind for kind, _ in elements]
    assert kinds[0] == "/Document"
    assert kinds.count("/H1") == 1 and kinds.count("/H2") >= 3
    assert kinds.index("/H1") < kinds.index("/H2")  # headings in reading order
    assert "/P" in kinds and "/L" in kinds and "/LI" in kinds
    h1 = next(element for kind, element in elements if kind == "/H1")
    assert "/Pg" in h1 and _marked_content(h1)  # the heading owns content on a page
