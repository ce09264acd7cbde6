"""``careglot leaflets``: validate leaflet definitions and report their readability."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable

from careglot.cli.options import workspace_from
from careglot.cli.workspace import Workspace
from careglot.core.errors import InputError
from careglot.core.xmlsafe import parse_html_fragment
from extract.manifest import Source, load_manifest
from render.leaflets import Leaflet, leaflet_stats, load_leaflets, unmatched_quotes

MAX_SENTENCE_WORDS = 25


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = subparsers.add_parser("leaflets", help="validate leaflets and measure their readability",
                                  epilog="example: careglot leaflets validate")
    actions = group.add_subparsers(dest="leaflets_command", metavar="ACTION", required=True,
                                   parser_class=type(group))
    validate = actions.add_parser(
        "validate", help="check every leaflet: fields, ids, sources, provenance and quotes",
        epilog="example: careglot leaflets validate")
    validate.set_defaults(handler=_validate)
    stats = actions.add_parser(
        "stats", help="words, sentences and Flesch reading ease of each leaflet's English text",
        epilog="example: careglot leaflets stats --json")
    stats.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    stats.set_defaults(handler=_stats)


def checked_leaflets(workspace: Workspace) -> list[Leaflet]:
    """The workspace's leaflets, validated, with every quote found verbatim in its source."""
    sources = load_manifest(workspace.sources_manifest)
    leaflets = load_leaflets(workspace.leaflets_dir, {source.id for source in sources})
    used = {statement.provenance.source for leaflet in leaflets for statement in leaflet.statements()
            if statement.provenance is not None and statement.provenance.quote is not None}
    texts = {source.id: source_text(source) for source in sources if source.id in used}
    for leaflet in leaflets:
        problems = unmatched_quotes(leaflet, texts)
        if problems:
            raise problems[0]
    return leaflets


def source_text(source: Source) -> str:
    """A source's text as quotes cite it: the file itself, or a WordPress post's decoded title and body."""
    raw = source.path.read_text(encoding="utf-8")
    if source.format == "text":
        return raw
    if source.format == "html":
        return parse_html_fragment(raw, source.path).text_content()
    try:
        post = json.loads(raw)
        title, body = post["title"]["rendered"], post["content"]["rendered"]
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError("not a WordPress post (title.rendered and content.rendered expected)",
                         source.path) from exc
    return "\n".join(parse_html_fragment(part, source.path).text_content() for part in (title, body))


def _validate(args: argparse.Namespace) -> int:
    leaflets = checked_leaflets(workspace_from(args))
    if not leaflets:
        print("no leaflets found")
        return 0
    count = sum(len(list(leaflet.statements())) for leaflet in leaflets)
    noun = "leaflet" if len(leaflets) == 1 else "leaflets"
    print(f"{len(leaflets)} {noun} valid: {', '.join(leaflet.id for leaflet in leaflets)} "
          f"({count} statements)")
    return 0


def _stats(args: argparse.Namespace) -> int:
    rows = list(_stat_rows(checked_leaflets(workspace_from(args))))
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    header = ("leaflet", "words", "sentences", "mean length", "Flesch", "longest", f">{MAX_SENTENCE_WORDS} words")
    width = max([len(header[0]), *(len(str(row["leaflet"])) for row in rows)])
    print(f"{header[0]:<{width}}  " + "  ".join(f"{title:>11}" for title in header[1:]))
    for row in rows:
        values = (row["words"], row["sentences"], f"{row['mean_sentence_length']:.1f}",
                  f"{row['flesch_reading_ease']:.1f}", row["longest_sentence_words"],
                  row["sentences_over_25_words"])
        print(f"{row['leaflet']:<{width}}  " + "  ".join(f"{value:>11}" for value in values))
    return 0


def _stat_rows(leaflets: Iterable[Leaflet]) -> Iterable[dict[str, object]]:
    for leaflet in leaflets:
        stats = leaflet_stats(leaflet)
        yield {"leaflet": leaflet.id, "words": stats.words, "sentences": stats.sentences,
               "mean_sentence_length": round(stats.mean_sentence_length, 1),
               "flesch_reading_ease": round(stats.flesch_reading_ease, 1),
               "longest_sentence_words": stats.longest_sentence_words,
               "sentences_over_25_words": stats.sentences_over_25_words}
