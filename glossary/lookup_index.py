"""The lookup index: an SQLite file in the user's careglot cache folder.

Tables: ``concepts`` (one JSON record per concept, so a lookup never re-reads the
glossary), ``terms``, ``postings`` (stem -> term, per language) and ``trigrams`` (word
trigrams for typo tolerance). The index remembers the glossary's size, mtime and SHA-256
and the normalisation rules; when any of them changes it is rebuilt into a temporary
file that then replaces the old one (``os.replace``), so readers never see half an index.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from glossary.loader import load_glossary
from glossary.model import Concept, Glossary
from glossary.normalize import RULES, content_words, stem, trigrams, words
from glossary.snapshot import cache_file

SCHEMA_VERSION = 2
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE concepts (cid INTEGER PRIMARY KEY, id TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE terms (tid INTEGER PRIMARY KEY, cid INTEGER NOT NULL, lang TEXT NOT NULL, text TEXT NOT NULL,
                    status TEXT NOT NULL, ntok INTEGER NOT NULL);
CREATE TABLE postings (token TEXT NOT NULL, lang TEXT NOT NULL, tid INTEGER NOT NULL,
                       PRIMARY KEY (token, lang, tid)) WITHOUT ROWID;
CREATE TABLE words (wid INTEGER PRIMARY KEY, word TEXT NOT NULL);
CREATE TABLE stems (wid INTEGER NOT NULL, lang TEXT NOT NULL, stem TEXT NOT NULL,
                    PRIMARY KEY (wid, lang)) WITHOUT ROWID;
CREATE TABLE trigrams (tri TEXT NOT NULL, len INTEGER NOT NULL, wid INTEGER NOT NULL,
                       PRIMARY KEY (tri, len, wid)) WITHOUT ROWID;
"""
BATCH = 5000


def concept_record(concept: Concept) -> dict[str, Any]:
    """Everything a lookup shows about a concept, as plain data."""
    return {
        "id": concept.id, "domain": concept.domain, "definition": dict(concept.definition),
        "notes": dict(concept.notes), "sources": list(concept.sources),
        "terms": {lang: [{"term": t.text, "type": t.type, "status": t.status, "region": t.region,
                          "gender": t.gender, "pos": t.pos, "note": t.note, "source": t.source}
                         for t in terms] for lang, terms in concept.terms.items()},
    }


def rules_fingerprint() -> str:
    payload = json.dumps({"schema": SCHEMA_VERSION, "rules": RULES}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cache_path(glossary_path: Path) -> Path:
    """``<cache root>/lookup-<name>-<hash of the path>.sqlite`` (see ``snapshot.cache_root``)."""
    return cache_file(glossary_path, "lookup", ".sqlite")


def build_index(glossary: Glossary, connection: sqlite3.Connection, meta: dict[str, str]) -> None:
    """Fill an empty database with the index of ``glossary``, in batches (bounded memory)."""
    connection.executescript(_SCHEMA)
    word_ids: dict[str, int] = {}
    stemmed: set[tuple[int, str]] = set()
    tid = 0
    for start in range(0, len(glossary.concepts), BATCH):
        rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in ("concepts", "terms", "postings", "words",
                                                                        "stems", "trigrams")}
        for cid, concept in enumerate(glossary.concepts[start:start + BATCH], start):
            rows["concepts"].append((cid, concept.id, json.dumps(concept_record(concept), ensure_ascii=False)))
            for term in concept.all_terms():
                tid += 1
                kept = content_words(words(term.text), term.lang)
                tokens = {}
                for word in kept:
                    tokens[stem(word, term.lang)] = word
                rows["terms"].append((tid, cid, term.lang, term.text, term.status, len(tokens)))
                for token, word in tokens.items():
                    rows["postings"].append((token, term.lang, tid))
                    wid = word_ids.get(word)
                    if wid is None:
                        wid = word_ids[word] = len(word_ids) + 1
                        rows["words"].append((wid, word))
                        rows["trigrams"].extend((tri, len(word), wid) for tri in trigrams(word))
                    if (wid, term.lang) not in stemmed:
                        stemmed.add((wid, term.lang))
                        rows["stems"].append((wid, term.lang, token))
        for name, batch in rows.items():
            marks = ",".join("?" * len(batch[0])) if batch else ""
            if batch:
                connection.executemany(f"INSERT OR IGNORE INTO {name} VALUES ({marks})", batch)  # noqa: S608
    languages = sorted({lang for concept in glossary for lang in concept.terms})
    meta = {**meta, "languages": json.dumps(languages)}
    connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    connection.commit()


def _stat_meta(path: Path) -> dict[str, str]:
    info = path.stat()
    return {"size": str(info.st_size), "mtime_ns": str(info.st_mtime_ns)}


def _read_meta(connection: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(connection.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError:
        return {}


def open_index(glossary_path: str | os.PathLike[str], loaded: Glossary | None = None) -> sqlite3.Connection:
    """A read-only connection to an up-to-date index of the glossary, building it if needed.

    ``loaded`` is the already-parsed glossary file, if the caller has it. If the cache
    directory cannot be written, the index is built in memory instead.
    """
    path = Path(glossary_path)
    stat = _stat_meta(path)  # FileNotFoundError -> reported by the CLI with the file name
    target = cache_path(path)
    if target.is_file():
        connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        meta = _read_meta(connection)
        if meta.get("rules") == rules_fingerprint() and "languages" in meta:
            if all(meta.get(key) == value for key, value in stat.items()):
                return connection
            if meta.get("sha256") == file_digest(path):
                return connection  # touched, not changed: same content
        connection.close()
    glossary = loaded if loaded is not None else load_glossary(path)
    meta = {**stat, "sha256": file_digest(path), "rules": rules_fingerprint(), "glossary": str(path.resolve())}
    try:
        return _build_file(glossary, target, meta)
    except OSError:
        memory = sqlite3.connect(":memory:")
        build_index(glossary, memory, meta)
        return memory


def _build_file(glossary: Glossary, target: Path, meta: dict[str, str]) -> sqlite3.Connection:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        with contextlib.closing(sqlite3.connect(temp_name)) as connection:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA cache_size = -262144")
            build_index(glossary, connection, meta)
        with open(temp_name, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    return sqlite3.connect(f"file:{target}?mode=ro", uri=True)


def iter_records(connection: sqlite3.Connection, cids: list[int]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The stored concept records for ``cids``."""
    marks = ",".join("?" * len(cids))
    for cid, record in connection.execute(f"SELECT cid, record FROM concepts WHERE cid IN ({marks})",  # noqa: S608
                                          cids):
        yield cid, json.loads(record)
