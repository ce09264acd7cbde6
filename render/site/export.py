"""The glossary as site data: compact columns, the lookup index and the lookup rules.

The page must find what ``careglot lookup`` finds, so nothing here re-decides matching:
the index tables come from :func:`glossary.lookup_index.build_index` (built in memory)
and the rules (:func:`glossary.normalize.normalization_rules`) travel with the data, so
the JavaScript applies the same folding, stemming, compound and typo rules to the query.

For a page that loads fast with 10,000 concepts the data is columnar and cheap to parse:
small integers per term (language, type, status, region, index size) are one string per
field, one character per term (:func:`codes`); each token's postings are one string of
term ids ("3,17,52"), split only when a query touches that token. What searching does not need
comes in separate parts loaded once the page is ready: the texts shown in a concept
card (:func:`details_data`) and the trigram index for typos (:func:`typo_data`).

The page itself loads only :func:`page_parts`: a small core (rules, how many terms each concept
has; a JSON block in ``index.html``) and shards fetched as scripts when a query or a card needs
them (then all of them in the background): term blocks (concepts in glossary order) and index
buckets (tokens hashed on their first three UTF-16 units, so a prefix search stays in one bucket).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
from collections import defaultdict
from typing import Any

from babel import Locale, UnknownLocaleError

from glossary.lookup_index import build_index
from glossary.model import STATUSES, TERM_TYPES, Glossary
from glossary.normalize import normalization_rules

DATA_VERSION = 2
BLOCK_CONCEPTS = 250
BUCKET_CHARS = 15_000
BUCKET_KEY = 3  # UTF-16 units hashed; at most the prefix search's shortest prefix
DETAILS_GLOBAL = "CAREGLOT_DETAILS"
TYPO_GLOBAL = "CAREGLOT_TYPO"


def codes(values: list[int]) -> str:
    """Small non-negative integers as one character each (``chr(48 + n)``); JS: ``charCodeAt(i) - 48``."""
    if values and not 0 <= min(values) <= max(values) < 0xD800 - 48:
        raise ValueError("value out of range for a one-character code")
    return "".join(chr(48 + value) for value in values)


def js_order(text: str) -> bytes:
    """Sort key matching JavaScript's string order (UTF-16 code units), for binary search."""
    return text.encode("utf-16-be")


def site_data(glossary: Glossary) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The page's data, its details part and its typo part (trigrams), all JSON-ready."""
    with contextlib.closing(sqlite3.connect(":memory:")) as connection:
        build_index(glossary, connection, {})
        return _main_data(glossary, connection), details_data(glossary), typo_data(connection)


def details_data(glossary: Glossary) -> dict[str, Any]:
    """Definitions, notes and sources per concept; gender, part of speech, note, source per term."""
    info = []
    for concept in glossary:
        for term in concept.all_terms():
            fields = [term.gender, term.pos, term.note, term.source]
            info.append(fields if any(fields) else 0)
    return {"definition": [concept.definition or 0 for concept in glossary],
            "notes": [concept.notes or 0 for concept in glossary],
            "sources": [concept.sources or 0 for concept in glossary],
            "term_info": info}


def _main_data(glossary: Glossary, connection: sqlite3.Connection) -> dict[str, Any]:
    languages = glossary.languages
    regions = sorted({term.region for concept in glossary for term in concept.all_terms() if term.region})
    domains = sorted({concept.domain for concept in glossary if concept.domain})
    columns: dict[str, list[int]] = {key: [] for key in ("lang", "type", "status", "region")}
    texts: list[str] = []
    first = []
    for concept in glossary:
        first.append(len(texts) + 1)
        for term in concept.all_terms():
            texts.append(term.text)
            columns["lang"].append(languages.index(term.lang))
            columns["type"].append(TERM_TYPES.index(term.type))
            columns["status"].append(STATUSES.index(term.status))
            columns["region"].append(regions.index(term.region) + 1 if term.region else 0)
    columns["ntok"] = [row[0] for row in connection.execute("SELECT ntok FROM terms ORDER BY tid")]
    terms: dict[str, Any] = {"text": texts, **{key: codes(values) for key, values in columns.items()}}
    postings: dict[str, list[str]] = defaultdict(list)
    for token, tid in connection.execute("SELECT token, tid FROM postings ORDER BY token, lang, tid"):
        postings[token].append(str(tid))
    tokens = sorted(postings, key=js_order)
    lang_row = connection.execute("SELECT value FROM meta WHERE key = 'languages'").fetchone()
    return {
        "version": DATA_VERSION,
        "rules": normalization_rules(),
        "languages": languages,
        "index_languages": json.loads(lang_row[0]) if lang_row else sorted(languages),
        "language_names": {lang: language_name(lang) for lang in languages},
        "statuses": list(STATUSES),
        "types": list(TERM_TYPES),
        "domains": domains,
        "regions": regions,
        "concepts": {
            "id": [concept.id for concept in glossary],
            "domain": [domains.index(concept.domain) if concept.domain else -1 for concept in glossary],
            "first": first,
        },
        "terms": terms,
        "tokens": tokens,
        "postings": [",".join(postings[token]) for token in tokens],
    }


def typo_data(connection: sqlite3.Connection) -> dict[str, Any]:
    """The index's words (by word id), their stems per language, and the trigram postings."""
    words = [word for _, word in connection.execute("SELECT wid, word FROM words ORDER BY wid")]
    stems: list[list[str]] = [[] for _ in words]
    for wid, lang, token in connection.execute("SELECT wid, lang, stem FROM stems ORDER BY wid, lang"):
        stems[wid - 1] += [lang, token]
    lengths = [0] * len(words)
    grams: dict[str, list[int]] = defaultdict(list)
    for tri, length, wid in connection.execute("SELECT tri, len, wid FROM trigrams ORDER BY tri, wid"):
        grams[tri].append(wid)
        lengths[wid - 1] = length
    order = sorted(grams, key=js_order)
    return {"words": words, "stems": stems, "lengths": lengths, "grams": order,
            "gram_words": [grams[tri] for tri in order]}


def language_name(lang: str) -> str:
    """The language's name in itself (CLDR via Babel), or the code when Babel does not know it."""
    try:
        name = Locale.parse(lang).get_display_name(lang)
    except (UnknownLocaleError, ValueError):
        return lang
    return name[:1].upper() + name[1:] if name else lang


def data_json(data: dict[str, Any]) -> str:
    """Compact JSON with ``<`` escaped, safe wherever it is embedded."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def js_literal(text: str) -> str:
    """A single-quoted JavaScript string: JSON needs no escaped quotes in it, which browsers scan faster."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def data_script(data: dict[str, Any], name: str) -> str:
    """The data as a script assigning ``window.<name>``: ``file://`` pages may load scripts, not fetch.

    ``JSON.parse`` of one string literal is faster for browsers than an object literal.
    """
    return f"window.{name} = JSON.parse({js_literal(data_json(data))});\n"


def part_script(kind: str, number: int, data: dict[str, Any]) -> str:
    """A shard as a script handing its data to the page's ``careglotPart(kind, number, data)``."""
    return f"careglotPart({json.dumps(kind)}, {number}, JSON.parse({js_literal(data_json(data))}));\n"


def bucket_of(token: str, buckets: int) -> int:
    """The index bucket of ``token``: a hash of its first BUCKET_KEY UTF-16 units (search.js bucketOf)."""
    units = token.encode("utf-16-be")[:2 * BUCKET_KEY]
    value = 0
    for at in range(0, len(units), 2):
        value = (value * 31 + int.from_bytes(units[at:at + 2], "big")) & 0xFFFFFFFF
    return value % buckets


def page_parts(main: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """The main data split for the page: core (in ``index.html``), term blocks, index buckets."""
    terms, concepts = main["terms"], main["concepts"]
    if main["rules"]["prefix"]["min_length"] < BUCKET_KEY:
        raise ValueError("prefix searches shorter than the bucket key would span buckets")
    first = concepts["first"] + [len(terms["text"]) + 1]
    blocks = []
    for start in range(0, len(concepts["id"]), BLOCK_CONCEPTS):
        end = min(start + BLOCK_CONCEPTS, len(concepts["id"]))
        low, high = first[start] - 1, first[end] - 1
        blocks.append({"id": concepts["id"][start:end], "domain": concepts["domain"][start:end],
                       **{key: column[low:high] for key, column in terms.items()}})
    size = sum(len(token) + len(tids) for token, tids in zip(main["tokens"], main["postings"], strict=True))
    count = max(1, -(-size // BUCKET_CHARS))
    buckets: list[dict[str, Any]] = [{"tokens": [], "postings": [], "langs": []} for _ in range(count)]
    for token, tids in zip(main["tokens"], main["postings"], strict=True):
        bucket = buckets[bucket_of(token, count)]
        bucket["tokens"].append(token)
        bucket["postings"].append(tids)
        bucket["langs"].append("".join(terms["lang"][int(tid) - 1] for tid in tids.split(",")))
    core = {key: value for key, value in main.items() if key not in ("concepts", "terms", "tokens", "postings")}
    sizes = [end - start for start, end in itertools.pairwise(first)]
    core.update(concepts={"sizes": codes(sizes)}, term_count=len(terms["text"]),
                block_concepts=BLOCK_CONCEPTS, blocks=len(blocks), buckets=count, bucket_key=BUCKET_KEY)
    return core, blocks, buckets
