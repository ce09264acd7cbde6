"""``careglot extract``: abbreviations, term candidates and patient-facing statements from sources."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from careglot.cli.options import add_format_option, add_lang_option, workspace_from
from careglot.cli.workspace import Workspace
from careglot.core.errors import UsageError, WorkspaceError
from careglot.core.fsutil import atomic_write
from extract.blocks import Document
from extract.manifest import Source, load_manifest
from extract.output import FORMATS, to_json, to_table, to_yaml
from extract.pipeline import ExtractionResult, extract, read_inputs
from extract.readers import expand_paths
from extract.tokens import LANGUAGES
from glossary.loader import load_glossary
from glossary.model import Glossary
from render.leaflets import load_leaflets

PROGRESS_FROM = 10
_BAR = 30


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract", help="find abbreviations, term candidates and patient-facing statements in sources",
        description="Read the registered sources (or the files and folders given) and list abbreviation "
                    "definitions, abbreviations used without one, term candidates and statements a leaflet "
                    "could carry, each with its file and line.",
        epilog="example: careglot extract --format json -o build/extract.json")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help=".txt, .json (WordPress) or .html files or folders; default: all registered sources")
    add_lang_option(parser, "language of the PATHs (default: detected)")
    add_format_option(parser, "output format (default: table)", choices=FORMATS, default="table")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    parser.add_argument("--source", action="append", metavar="ID", help="only this registered source (repeatable)")
    parser.set_defaults(handler=_extract)


def _extract(args: argparse.Namespace) -> int:
    if args.paths and args.source:
        raise UsageError("give either PATHs or --source, not both")
    workspace = _optional_workspace(args)
    lang = args.lang
    if lang is not None and lang not in LANGUAGES:
        raise UsageError(f"--lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    sources = load_manifest(workspace.sources_manifest) if workspace else []
    inputs: list[Source | Path]
    if args.paths:
        inputs = list(expand_paths([Path(p) for p in args.paths]))
    else:
        if workspace is None:
            raise UsageError("no workspace found: give PATHs to extract from, or run inside a workspace")
        inputs = list(_selected(sources, args.source))
    root = workspace.root if workspace else Path.cwd()
    progress = _progress if len(inputs) >= PROGRESS_FROM and sys.stderr.isatty() else None
    documents = read_inputs(inputs, root=root, lang=lang, progress=progress)
    if progress is not None:
        print(file=sys.stderr)
    result = extract(documents, _glossary(workspace))
    used_by = _usage(workspace, sources, result) if workspace else None
    for notice in result.notices:
        print(f"careglot: warning: {notice}", file=sys.stderr)
    text = {"json": to_json, "yaml": to_yaml, "table": to_table}[args.format](result, used_by)
    if args.output:
        atomic_write(args.output, text)
        print(_summary(result, documents, args.output))
    else:
        sys.stdout.write(text)
    return 0


def _optional_workspace(args: argparse.Namespace) -> Workspace | None:
    try:
        return workspace_from(args)
    except WorkspaceError:
        if args.paths:
            return None
        raise


def _selected(sources: list[Source], wanted: list[str] | None) -> list[Source]:
    if not wanted:
        return sources
    known = {source.id: source for source in sources}
    unknown = [ident for ident in wanted if ident not in known]
    if unknown:
        raise UsageError(f"unknown source id {unknown[0]!r} (known: {', '.join(known) or 'none'})")
    return [known[ident] for ident in dict.fromkeys(wanted)]


def _glossary(workspace: Workspace | None) -> Glossary | None:
    if workspace is None or not workspace.glossary_path.is_file():
        return None
    return load_glossary(workspace.glossary_path)


def _usage(workspace: Workspace, sources: list[Source], result: ExtractionResult) -> dict[str, list[str]] | None:
    if not workspace.leaflets_dir.is_dir():
        return None
    from careglot.cli.usage import leaflet_usage  # which leaflets use a statement: only this command needs it

    leaflets = load_leaflets(workspace.leaflets_dir, [source.id for source in sources])
    return leaflet_usage(result.statements, leaflets)


def _progress(done: int, total: int, name: str) -> None:
    filled = _BAR * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (_BAR - filled)}] {done}/{total} {name[:40]:<40}")
    sys.stderr.flush()


def _summary(result: ExtractionResult, documents: list[Document], output: str) -> str:
    return (f"{len(documents)} sources: {len(result.abbreviations)} abbreviations, "
            f"{len(result.undefined_abbreviations)} undefined, {len(result.terms)} term candidates, "
            f"{len(result.statements)} statements -> {output}")
