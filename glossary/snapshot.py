"""A snapshot of a loaded glossary in the user's cache folder, for commands run again and again.

A translator's editor may run ``careglot check`` on every save; CI runs it on every push.
Parsing a large YAML glossary is most of such a run (10,000 concepts: about 2 s), and the
glossary rarely changes between runs. :func:`load_glossary_cached` therefore keeps what
:func:`~glossary.loader.load_glossary` returned as plain JSON beside the glossary, keyed by
the SHA-256 of the glossary file and of the code that reads it, and reads that instead
while both are unchanged (10,000 concepts: about 0.2 s).

The snapshot is only a copy of a glossary that loaded without error, so every error is
still reported from the glossary file itself with its line. It is JSON, never pickle: a
snapshot someone else wrote can at worst make the load fall back to the glossary file. If
the cache directory cannot be written, the glossary is simply loaded every time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import fields
from pathlib import Path
from typing import Any

from glossary import loader, model, tbx, tbxmap, yamlio
from glossary.fsutil import atomic_write
from glossary.loader import load_glossary
from glossary.model import Concept, Glossary, Term

SNAPSHOT_FORMAT = 1
CACHE_ENV = "CAREGLOT_CACHE_DIR"
_TERM_FIELDS = [f.name for f in fields(Term)]
_CONCEPT_FIELDS = [f.name for f in fields(Concept)]
_code_digest: str | None = None


def cache_root() -> Path:
    """Where careglot keeps caches: ``$CAREGLOT_CACHE_DIR``, else the user's cache folder.

    Never the workspace itself, so a read-only checkout works and a source tree stays clean.
    """
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "careglot"


def cache_file(glossary_path: Path, kind: str, suffix: str) -> Path:
    """``<cache root>/<kind>-<name>-<hash of the glossary's path><suffix>``."""
    resolved = glossary_path.resolve()
    tag = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:10]
    return cache_root() / f"{kind}-{resolved.stem}-{tag}{suffix}"


def load_glossary_cached(path: str | os.PathLike[str]) -> Glossary:
    """``load_glossary(path)``, from the snapshot when the file and the reading code are unchanged."""
    file = Path(path)
    key = _snapshot_key(file.read_bytes())  # FileNotFoundError -> reported by the CLI with the name
    target = cache_file(file, "glossary", ".json")
    glossary = _read_snapshot(target, key, file)
    if glossary is None:
        glossary = load_glossary(file)
        with contextlib.suppress(OSError):  # a read-only folder: no snapshot, same result
            atomic_write(target, json.dumps(_snapshot(glossary, key), ensure_ascii=False, separators=(",", ":")))
    return glossary


def _snapshot_key(data: bytes) -> dict[str, Any]:
    return {"format": SNAPSHOT_FORMAT, "glossary_sha256": hashlib.sha256(data).hexdigest(), "code": _code(),
            "term_fields": _TERM_FIELDS, "concept_fields": _CONCEPT_FIELDS}


def _code() -> str:
    """The SHA-256 of the modules that decide what a glossary file loads as."""
    global _code_digest
    if _code_digest is None:
        digest = hashlib.sha256()
        for module in (loader, model, tbx, tbxmap, yamlio):
            digest.update(Path(module.__file__ or "").read_bytes())
        _code_digest = digest.hexdigest()
    return _code_digest


def _snapshot(glossary: Glossary, key: dict[str, Any]) -> dict[str, Any]:
    return {**key, "concepts": [_concept_values(concept) for concept in glossary.concepts]}


def _concept_values(concept: Concept) -> list[Any]:
    values = [getattr(concept, name) for name in _CONCEPT_FIELDS]
    values[_CONCEPT_FIELDS.index("terms")] = {lang: [[getattr(term, name) for name in _TERM_FIELDS] for term in terms]
                                              for lang, terms in concept.terms.items()}
    return values


def _read_snapshot(target: Path, key: dict[str, Any], file: Path) -> Glossary | None:
    """The glossary in ``target`` if it was taken with ``key``, else None (missing, stale or damaged)."""
    try:
        data = json.loads(target.read_bytes())
        if not isinstance(data, dict) or any(data.get(name) != value for name, value in key.items()):
            return None
        terms_at = _CONCEPT_FIELDS.index("terms")
        concepts = []
        for values in data["concepts"]:
            values[terms_at] = {lang: [Term(*term) for term in terms] for lang, terms in values[terms_at].items()}
            concepts.append(Concept(*values))
        return Glossary(concepts, file)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return None
