"""Helpers for the renderer's tests: a scratch copy of the small test workspace and catalog edits."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib

DATA = Path(__file__).parent / "data" / "render" / "ws"
LOCALES = ("nl_BE", "fr_BE", "de_BE", "en")
HOSTILE = ('<script>window.pwned=1</script> <img src=x onerror="window.pwned=2"> '
           '<a href="javascript:window.pwned=3">klik</a>')


def copy_workspace(tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("build", "*.mo"))
    return target


def po_path(workspace: Path, locale: str) -> Path:
    return workspace / "locales" / locale / "LC_MESSAGES" / "leaflets.po"


def edit_entry(workspace: Path, locale: str, msgctxt: str, *, msgstr: str | None = None,
               fuzzy: bool = False) -> None:
    """Change one message of a catalog: a new msgstr and/or the fuzzy flag."""
    path = po_path(workspace, locale)
    catalog = polib.pofile(str(path), wrapwidth=0)
    entry = next(entry for entry in catalog if entry.msgctxt == msgctxt)
    if msgstr is not None:
        entry.msgstr = msgstr
    if fuzzy:
        entry.flags.append("fuzzy")
    catalog.save(str(path))
