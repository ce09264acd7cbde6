"""``careglot glossary validate|stats|export|import``: check, count and exchange the glossary."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from careglot.cli.messages import format_error
from careglot.cli.options import (
    add_format_option,
    add_glossary_option,
    add_lang_option,
    resolve_glossary,
    workspace_from,
)
from careglot.cli.workspace import Workspace
from careglot.core.errors import UsageError
from glossary.loader import load_glossary
from glossary.model import Glossary
from glossary.validate import find_problems, target_languages


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = subparsers.add_parser("glossary", help="validate, count, export and import the concept glossary",
                                  epilog="example: careglot glossary validate")
    actions = group.add_subparsers(dest="glossary_command", metavar="ACTION", parser_class=type(group))

    validate = actions.add_parser("validate", help="check the glossary and print every problem with file:line",
                                  epilog="example: careglot glossary validate --glossary terms.tbx")
    add_glossary_option(validate)
    validate.set_defaults(handler=_validate)

    stats = actions.add_parser("stats", help="count concepts and terms per language and status",
                               epilog="example: careglot glossary stats --json")
    add_glossary_option(stats)
    stats.add_argument("--json", action="store_true", help="print the figures as JSON")
    stats.set_defaults(handler=_stats)

    export = actions.add_parser("export", help="write the glossary as TBX (v2 or v3) or Weblate CSV",
                                epilog="example: careglot glossary export --format tbx --tbx-version 3 -o terms.tbx")
    add_glossary_option(export)
    add_format_option(export, "output format (default: tbx)", choices=("tbx", "csv"), default="tbx")
    export.add_argument("--tbx-version", choices=("2", "3"), default="2",
                        help="TBX dialect: 2 = <martif> (IATE, memoQ, Weblate), 3 = <tbx> (ISO 30042:2019)")
    export.add_argument("--source-lang", help="CSV: language of the 'source' column (default: workspace source)")
    add_lang_option(export, "CSV: language of the 'target' column (one language pair per file)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    export.set_defaults(handler=_export)

    imp = actions.add_parser("import", help="add concepts from a TBX or Weblate CSV file to the workspace glossary",
                             epilog="example: careglot glossary import iate-export.tbx")
    imp.add_argument("file", help="TBX (v2 or v3), YAML, or Weblate CSV file")
    imp.add_argument("--replace", action="store_true",
                     help="let imported concepts replace curated ones with the same id or terms")
    imp.add_argument("--source-lang", help="CSV: language of the 'source' column (default: workspace source)")
    add_lang_option(imp, "CSV: language of the 'target' column")
    imp.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    imp.set_defaults(handler=_import)

    from careglot.cli.commands.site import register_actions  # the glossary web page: site, serve

    register_actions(actions)


def _targets(workspace: Workspace | None) -> list[str]:
    return target_languages(workspace.target_locales) if workspace else []


def _validate(args: argparse.Namespace) -> int:
    path, workspace = resolve_glossary(args)
    glossary = load_glossary(path)
    problems = find_problems(glossary, _targets(workspace))
    for problem in problems:
        print(format_error(problem), file=sys.stderr)
    if problems:
        return 2
    terms = sum(1 for concept in glossary for _ in concept.all_terms())
    print(f"{_shown(path, workspace)}: {len(glossary)} concepts, {terms} terms in "
          f"{len(glossary.languages)} languages; valid")
    return 0


def _shown(path: Path, workspace: Workspace | None) -> str:
    return workspace.relative(path) if workspace else str(path)


def _stats(args: argparse.Namespace) -> int:
    from glossary.stats import glossary_stats, stats_text

    path, workspace = resolve_glossary(args)
    glossary = load_glossary(path)
    figures = glossary_stats(glossary, _targets(workspace) or glossary.languages)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print(stats_text(figures, _shown(path, workspace)))
    return 0


def _export(args: argparse.Namespace) -> int:
    from careglot.core.fsutil import atomic_write

    path, workspace = resolve_glossary(args)
    glossary = load_glossary(path)
    data: str | bytes
    if args.format == "tbx":
        from glossary.tbx import write_tbx

        data = write_tbx(glossary, version=int(args.tbx_version))
    else:
        from glossary.csvio import write_weblate_csv

        source, target = _csv_pair(args, workspace, glossary)
        data = write_weblate_csv(glossary, source, target)
    if args.output:
        atomic_write(args.output, data)
    elif isinstance(data, bytes):
        sys.stdout.write(data.decode("utf-8"))
    else:
        sys.stdout.write(data)
    return 0


def _csv_pair(args: argparse.Namespace, workspace: Workspace | None, glossary: Glossary) -> tuple[str, str]:
    source = args.source_lang or (target_languages([workspace.source_locale])[0] if workspace else "en")
    target = args.lang
    if target is None:
        others = [lang for lang in glossary.languages if lang != source]
        if len(others) != 1:
            raise UsageError(f"CSV holds one language pair: choose the target with --lang "
                             f"(one of: {', '.join(others) or 'none'})")
        target = others[0]
    if target == source:
        raise UsageError(f"--lang {target} is the source language; choose another target")
    return source, target


def _import(args: argparse.Namespace) -> int:
    from glossary.exchange import import_into_workspace

    workspace = workspace_from(args)
    source = args.source_lang or target_languages([workspace.source_locale])[0]
    report = import_into_workspace(workspace.glossary_path, Path(args.file), replace=args.replace,
                                   source_lang=source, target_lang=args.lang, dry_run=args.dry_run)
    for line in report.lines(workspace.relative(workspace.glossary_path)):
        print(line)
    return 1 if report.conflicts and not args.replace else 0
