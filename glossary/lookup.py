"""Editor lookups: find concepts by any of their terms, in every language at once.

A query is split into words (:func:`glossary.normalize.words`); each word is stemmed with
every language's rules and matched against the index (:mod:`glossary.lookup_index`):
exactly, as the beginning of a longer term word, as the head or modifier of a compound
(nl, de), or, when a word matches nothing exactly, through trigram similarity (typos).
A term scores the weighted share of query words it matches times how much of the term
they cover; a concept scores its best term. The weights are part of the exported rules.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from glossary.lookup_index import iter_records
from glossary.normalize import RULES, dice, is_stopword, stem, trigrams, words

MAX_POSTINGS = 5000


@dataclass
class Hit:
    """One concept found, with the terms that matched."""

    id: str
    score: float
    record: dict[str, Any]
    matched: list[tuple[str, str]] = field(default_factory=list)
    corrected: bool = False


@dataclass
class LookupResult:
    query: str
    hits: list[Hit]

    @property
    def suggestions_only(self) -> bool:
        """True when nothing matched as written and every hit is a typo correction."""
        return bool(self.hits) and all(hit.corrected for hit in self.hits)


@dataclass
class _Match:
    weights: list[float]
    tokens: set[str] = field(default_factory=set)
    corrected: bool = False


def index_languages(connection: sqlite3.Connection) -> list[str]:
    row = connection.execute("SELECT value FROM meta WHERE key = 'languages'").fetchone()
    return list(json.loads(row[0])) if row else []


def lookup(connection: sqlite3.Connection, query: str, langs: list[str] | None = None,
           limit: int = 10) -> LookupResult:
    """Concepts matching ``query``, best first (at most ``limit``)."""
    available = index_languages(connection)
    searched = [lang for lang in available if langs is None or lang in langs]
    query_words = _query_words(query, searched)
    if not query_words or not searched:
        return LookupResult(query, [])
    matches: dict[int, _Match] = {}
    for index, word in enumerate(query_words):
        stems = {lang: stem(word, lang) for lang in searched}
        found = _exact(connection, stems, index, matches, len(query_words))
        _prefix(connection, stems, index, matches, len(query_words))
        _compound(connection, stems, index, matches, len(query_words))
        if not found:
            _typo(connection, word, searched, index, matches, len(query_words))
    return LookupResult(query, _rank(connection, query, matches, len(query_words), limit))


def _query_words(query: str, langs: list[str]) -> list[str]:
    found = words(query)
    kept = [w for w in found if not any(is_stopword(w, lang) for lang in langs)]
    return list(dict.fromkeys(kept or found))


def _add(matches: dict[int, _Match], tid: int, index: int, size: int, weight: float, token: str,
         corrected: bool = False) -> None:
    match = matches.get(tid)
    if match is None:
        match = matches[tid] = _Match([0.0] * size)
    if weight > match.weights[index]:
        match.weights[index] = weight
        if corrected:
            match.corrected = True
    match.tokens.add(token)


def _postings(connection: sqlite3.Connection, tokens: list[str]) -> list[tuple[str, str, int]]:
    marks = ",".join("?" * len(tokens))
    sql = f"SELECT token, lang, tid FROM postings WHERE token IN ({marks}) LIMIT {MAX_POSTINGS}"  # noqa: S608
    return connection.execute(sql, tokens).fetchall()


def _exact(connection: sqlite3.Connection, stems: dict[str, str], index: int, matches: dict[int, _Match],
           size: int) -> bool:
    found = False
    for token, lang, tid in _postings(connection, sorted(set(stems.values()))):
        if stems.get(lang) == token:
            _add(matches, tid, index, size, RULES["weights"]["exact"], token)
            found = True
    return found


def _prefix(connection: sqlite3.Connection, stems: dict[str, str], index: int, matches: dict[int, _Match],
            size: int) -> None:
    weight = RULES["weights"]["prefix"]
    for start in sorted(set(stems.values())):
        if len(start) < RULES["prefix"]["min_length"]:
            continue
        rows = connection.execute(
            f"SELECT token, lang, tid FROM postings WHERE token > ? AND token < ? LIMIT {MAX_POSTINGS}",  # noqa: S608
            (start, start + "\uffff")).fetchall()
        for token, lang, tid in rows:
            if stems.get(lang) == start:
                _add(matches, tid, index, size, weight * max(0.5, len(start) / len(token)), token)


def _compound(connection: sqlite3.Connection, stems: dict[str, str], index: int, matches: dict[int, _Match],
              size: int) -> None:
    minimum = RULES["compound"]["min_part"]
    for lang in RULES["compound"]["languages"]:
        whole = stems.get(lang)
        if whole is None or len(whole) < 2 * minimum:
            continue
        parts: dict[str, tuple[str, float]] = {}
        for cut in range(minimum, len(whole) - minimum + 1):
            parts.setdefault(whole[:cut], ("modifier", cut / len(whole)))
            parts.setdefault(whole[cut:], ("head", (len(whole) - cut) / len(whole)))
        for token, token_lang, tid in _postings(connection, sorted(parts)):
            if token_lang == lang:
                kind, share = parts[token]
                _add(matches, tid, index, size, RULES["weights"][kind] * share, token)


def _typo(connection: sqlite3.Connection, word: str, langs: list[str], index: int, matches: dict[int, _Match],
          size: int) -> None:
    rules = RULES["typo"]
    if len(word) < rules["min_length"]:
        return
    grams = sorted(trigrams(word))
    marks = ",".join("?" * len(grams))
    rows = connection.execute(
        f"SELECT t.wid, w.word FROM (SELECT wid, COUNT(*) AS shared FROM trigrams WHERE tri IN ({marks}) "  # noqa: S608
        "AND len BETWEEN ? AND ? GROUP BY wid ORDER BY shared DESC, wid LIMIT 200) AS t JOIN words AS w USING (wid)",
        (*grams, len(word) - rules["max_length_difference"], len(word) + rules["max_length_difference"])).fetchall()
    scored = sorted(((dice(word, candidate), candidate, wid) for wid, candidate in rows), key=lambda p: (-p[0], p[1]))
    close = [item for item in scored if item[0] >= rules["min_similarity"]][: rules["candidates"]]
    for similarity, _, wid in close:
        for lang, token in connection.execute("SELECT lang, stem FROM stems WHERE wid = ?", (wid,)):
            if lang not in langs:
                continue
            for (tid,) in connection.execute("SELECT tid FROM postings WHERE token = ? AND lang = ?", (token, lang)):
                _add(matches, tid, index, size, RULES["weights"]["typo"] * similarity, token, corrected=True)


def _rank(connection: sqlite3.Connection, query: str, matches: dict[int, _Match], size: int,
          limit: int) -> list[Hit]:
    if not matches:
        return []
    weights = RULES["weights"]
    tids = sorted(matches)
    best: dict[int, tuple[float, bool, list[tuple[str, str]]]] = {}
    for start in range(0, len(tids), 900):
        chunk = tids[start:start + 900]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT tid, cid, lang, text, status, ntok FROM terms WHERE tid IN ({marks})"  # noqa: S608
        for tid, cid, lang, text, status, ntok in connection.execute(sql, chunk):
            match = matches[tid]
            coverage = min(1.0, len(match.tokens) / max(ntok, 1))
            score = (sum(match.weights) / size) * (1 - weights["term_coverage"] + weights["term_coverage"] * coverage)
            score += weights["status_bonus"][status]
            if text == query.strip():
                score += weights["same_case_bonus"]
            previous = best.get(cid)
            if previous is None or score > previous[0]:
                terms = previous[2] if previous else []
                best[cid] = (score, match.corrected, [(lang, text), *terms])
            else:
                previous[2].append((lang, text))
    top = max(score for score, _, _ in best.values())
    floor = max(weights["min_score"], top * weights["min_relative_score"])
    ranked = sorted((cid for cid, (score, _, _) in best.items() if score >= floor),
                    key=lambda cid: (-best[cid][0], cid))[:limit]
    records = dict(iter_records(connection, ranked)) if ranked else {}
    return [Hit(id=records[cid]["id"], score=round(best[cid][0], 4), record=records[cid],
                matched=best[cid][2], corrected=best[cid][1]) for cid in ranked]
