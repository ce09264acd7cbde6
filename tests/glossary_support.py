"""Helpers shared by the glossary tests: a small workspace around the fixture glossary."""

from __future__ import annotations

import shutil
from pathlib import Path

from careglot.cli.workspace import init_workspace

DATA = Path(__file__).parent / "data" / "glossary"
SMALL = DATA / "small.yaml"


def make_workspace(root: Path, glossary: Path = SMALL) -> Path:
    """A new workspace in ``root`` (targets nl_BE, fr_BE, de_BE, en) whose glossary is a copy of ``glossary``."""
    workspace = init_workspace(root)
    shutil.copy(glossary, workspace.glossary_path)
    return root
