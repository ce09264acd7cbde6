"""The glossary as site data: concept records, per-term index words and the lookup rules.

The page must find what ``careglot lookup`` finds, so nothing here re-decides matching:
each term carries the words and stems :mod:`glossary.lookup_index` indexes it under
(computed by :mod:`glossary.normalize`), and the rules travel with the data so the
JavaScript applies the same folding, stemming, compound and typo rules to the query.
"""

from __future__ import annotations

import json
from typing import Any

from babel import Locale, UnknownLocaleError

from glossary.lookup_index import concept_record
from glossary.model import STATUSES, Glossary
from glossary.normalize import content_words, normalization_rules, stem, words

DATA_VERSION = 1
DATA_GLOBAL = "CAREGLOT_GLOSSARY"


def site_data(glossary: Glossary) -> dict[str, Any]:
    """Everything the page shows and searches, as JSON-ready data."""
    concepts = []
    domains: set[str] = set()
    regions: set[str] = set()
    for concept in glossary:
        record = concept_record(concept)
        for lang, terms in record["terms"].items():
            for term in terms:
                kept = content_words(words(term["term"]), lang)
                term["w"] = " ".join(kept)
                term["s"] = " ".join(stem(word, lang) for word in kept)
                if term["region"]:
                    regions.add(term["region"])
        if concept.domain:
            domains.add(concept.domain)
        concepts.append(record)
    return {
        "version": DATA_VERSION,
        "rules": normalization_rules(),
        "languages": glossary.languages,
        "language_names": {lang: language_name(lang) for lang in glossary.languages},
        "statuses": list(STATUSES),
        "domains": sorted(domains),
        "regions": sorted(regions),
        "concepts": concepts,
    }


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


def data_script(data: dict[str, Any]) -> str:
    """``glossary.js``: the data as a script, because ``fetch`` of a ``file://`` URL is blocked.

    ``JSON.parse`` of one string literal is faster for browsers than an object literal.
    """
    literal = json.dumps(data_json(data), ensure_ascii=False)
    return f"window.{DATA_GLOBAL} = JSON.parse({literal});\n"
