"""``careglot init`` and ``careglot sources``: create a workspace, list and validate its sources."""

from __future__ import annotations

import argparse
import json

from careglot.cli.options import workspace_from
from careglot.cli.workspace import init_workspace
from extract.manifest import load_manifest


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser("init", help="create a new, empty workspace",
                                 epilog="example: careglot init ../hospital-leaflets")
    init.add_argument("directory", help="where to create the workspace (refuses to overwrite one)")
    init.set_defaults(handler=_init)

    sources = subparsers.add_parser("sources", help="list and validate the registered source documents",
                                    epilog="example: careglot sources --json")
    sources.add_argument("--json", action="store_true", help="print the sources as JSON")
    sources.set_defaults(handler=_sources)


def _init(args: argparse.Namespace) -> int:
    workspace = init_workspace(args.directory)
    print(f"created workspace {workspace.root}")
    print(f"  next: add sources to {workspace.relative(workspace.sources_manifest)}, "
          f"concepts to {workspace.relative(workspace.glossary_path)}")
    return 0


def _sources(args: argparse.Namespace) -> int:
    workspace = workspace_from(args)
    sources = load_manifest(workspace.sources_manifest)
    if args.json:
        rows = [{"id": s.id, "file": workspace.relative(s.path), "lang": s.lang, "format": s.format,
                 "title": s.title, "publisher": s.publisher, "audience": s.audience, "url": s.url,
                 "published": s.published.isoformat() if s.published else None} for s in sources]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = max((len(s.id) for s in sources), default=2)
    for source in sources:
        print(f"{source.id:<{width}}  {source.lang:<3} {source.format:<15} {source.audience:<12} {source.title}")
    print(f"{len(sources)} sources valid in {workspace.relative(workspace.sources_manifest)}")
    return 0
