"""``careglot lookup QUERY``: find a concept by any of its terms, in every language at once."""

from __future__ import annotations

import argparse
import contextlib
import json
import textwrap
from typing import Any

from careglot.cli.options import add_glossary_option, add_lang_option, resolve_glossary
from careglot.core.errors import UsageError
from careglot.core.locales import is_known_language
from glossary.lookup import Hit, lookup
from glossary.lookup_index import open_index

_MARKS = {"preferred": "preferred", "admitted": "admitted", "deprecated": "DEPRECATED", "forbidden": "FORBIDDEN"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "lookup", help="look a term up in the glossary (any language, accents, inflection and typos tolerated)",
        epilog="example: careglot lookup stamceltransplantaties")
    parser.add_argument("query", nargs="+", help="a term or part of one, in any language")
    add_lang_option(parser, "search only these languages (comma-separated, e.g. nl,fr)")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON list of concepts, best first: id, definition, terms, notes")
    add_glossary_option(parser)
    parser.add_argument("--limit", type=int, default=10, help="at most this many concepts (default: 10)")
    parser.set_defaults(handler=_lookup)


def _languages(value: str | None) -> list[str] | None:
    if value is None:
        return None
    langs = [part.strip() for part in value.split(",") if part.strip()]
    for lang in langs:
        if not is_known_language(lang):
            raise UsageError(f"unknown language {lang!r} in --lang")
    return langs


def _lookup(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    path, _ = resolve_glossary(args)
    query = " ".join(args.query)
    with contextlib.closing(open_index(path)) as connection:
        result = lookup(connection, query, _languages(args.lang), args.limit)
    if args.json:
        print(json.dumps([concept_json(hit.record) for hit in result.hits], ensure_ascii=False, indent=2))
    elif not result.hits:
        print(f"no concept matches {query!r}")
    else:
        if result.suggestions_only:
            names = ", ".join(_headline(hit) for hit in result.hits)
            print(f"no concept matches {query!r} as written; did you mean: {names}?\n")
        print("\n\n".join(format_hit(hit) for hit in result.hits))
    return 0 if result.hits and not result.suggestions_only else 1


def concept_json(record: dict[str, Any]) -> dict[str, Any]:
    """The binding JSON form of a concept: id, definition, terms (term, type, status, region), notes."""
    return {
        "id": record["id"],
        "definition": record["definition"],
        "terms": {lang: [{key: term[key] for key in ("term", "type", "status", "region")} for term in terms]
                  for lang, terms in record["terms"].items()},
        "notes": record["notes"],
    }


def _headline(hit: Hit) -> str:
    shown = next(iter(hit.matched), None)
    return f"{shown[1]} ({hit.id})" if shown else hit.id


def format_hit(hit: Hit) -> str:
    """A concept as readable text: terms per language with type, status, region; definitions; notes."""
    record = hit.record
    matched = set(hit.matched)
    lines = [f"{record['id']}" + (f"  [{record['domain']}]" if record.get("domain") else "")]
    for lang, terms in record["terms"].items():
        for position, term in enumerate(terms):
            details = [term["type"], _MARKS.get(term["status"], term["status"])]
            if term.get("region"):
                details.append(f"region {term['region']}")
            if term.get("gender"):
                details.append(term["gender"])
            marker = "*" if (lang, term["term"]) in matched else " "
            label = f"  {lang:<3}" if position == 0 else "     "
            line = f"{label}{marker} {term['term']}  ({', '.join(details)})"
            if term.get("note"):
                line += f" - {term['note']}"
            lines.append(line)
    for title, key in (("definition", "definition"), ("notes", "notes")):
        if record.get(key):
            lines.append(f"  {title}:")
            for lang, text in record[key].items():
                lines.append(textwrap.fill(text, width=100, initial_indent=f"    {lang:<3} ",
                                           subsequent_indent="        "))
    if record.get("sources"):
        lines.append("  sources: " + "; ".join(record["sources"]))
    return "\n".join(lines)
