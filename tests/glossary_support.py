"""Helpers shared by the glossary tests: a small workspace around the fixture glossary."""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).parent / "data" / "glossary"
SMALL = DATA / "small.yaml"

WORKSPACE_FILE = """\
sources: sources/sources.yaml
glossary: glossary.yaml
leaflets: leaflets
locales: locales
output: build
source_locale: en
target_locales: [nl_BE, fr_BE, de_BE, en]
"""


def make_workspace(root: Path, glossary: Path = SMALL) -> Path:
    """A minimal workspace in ``root`` whose glossary is a copy of ``glossary``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "careglot.yaml").write_text(WORKSPACE_FILE, encoding="utf-8")
    (root / "sources").mkdir(exist_ok=True)
    (root / "sources" / "sources.yaml").write_text("[]\n", encoding="utf-8")
    shutil.copy(glossary, root / "glossary.yaml")
    return root
