"""Helpers for the checker tests: write a small catalog, run ``careglot check`` on it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polib

DATA = Path(__file__).parent / "data" / "check"
GLOSSARY = DATA / "glossary.yaml"


def write_po(path: Path, locale: str | None, entries: list[tuple[str, str] | dict[str, Any]]) -> Path:
    """A catalog with ``entries`` given as (msgid, msgstr) or POEntry keyword dicts."""
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    if locale:
        catalog.metadata["Language"] = locale
    if any(not isinstance(item, tuple) and item.get("msgid_plural") for item in entries):
        catalog.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"  # the rule these tests state
    for index, item in enumerate(entries):
        fields = {"msgid": item[0], "msgstr": item[1]} if isinstance(item, tuple) else dict(item)
        fields.setdefault("msgctxt", f"ui.message-{index}")
        catalog.append(polib.POEntry(**fields))
    catalog.save(str(path))
    return path


def check_json(run_cli: Callable[..., Any], path: Path, *args: str) -> tuple[int, list[dict[str, Any]], dict[str, Any]]:
    """Exit code, findings and summary of ``careglot check PATH --format json``."""
    result = run_cli("check", str(path), "--glossary", str(GLOSSARY), "--format", "json", *args)
    assert result.code in (0, 1), result.err
    data = json.loads(result.out)
    return result.code, data["findings"], data["summary"]


def checks_found(run_cli: Callable[..., Any], tmp_path: Path, locale: str,
                 entries: list[tuple[str, str] | dict[str, Any]], *args: str) -> list[str]:
    """The check ids reported for a catalog of ``entries``, in output order."""
    _, findings, _ = check_json(run_cli, write_po(tmp_path / "t.po", locale, entries), *args)
    return [finding["check"] for finding in findings]
