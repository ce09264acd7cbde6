"""``careglot check``: translation QA of gettext catalogs against the glossary."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from careglot.cli.options import add_format_option, add_glossary_option, add_lang_option, glossary_path, workspace_from
from careglot.cli.workspace import Workspace
from careglot.core.errors import InputError, UsageError
from careglot.core.locales import check_locale, has_cldr_data
from catalogs.pofile import paused_gc
from check import CheckContext, all_checks, catalog_locale, check_catalog, read_catalog, select_checks
from check.report import format_check_list, format_json, format_text, has_errors
from glossary.snapshot import load_glossary_cached


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check", help="check translations: glossary terms, numbers, placeholders, markup, typography",
        epilog="example: careglot check locales/nl_BE/LC_MESSAGES/leaflets.po --disable fuzzy --format json")
    parser.add_argument("catalogs", nargs="*", metavar="PO",
                        help=".po files or folders (default: every .po under the workspace's locales/)")
    add_glossary_option(parser)
    add_lang_option(parser, "locale of catalogs without a Language header (e.g. nl_BE)", metavar="LOCALE")
    parser.add_argument("--source-lang", metavar="LOCALE", help="language of the msgids (default: en)")
    parser.add_argument("--disable", metavar="ID,...", default="", help="comma-separated check ids to skip")
    add_format_option(parser, "output format", choices=("text", "json"), default="text")
    parser.add_argument("--list", action="store_true", help="list the checks and exit")
    parser.set_defaults(handler=_check)


def _catalog_paths(arguments: list[str], workspace: Workspace | None) -> list[Path]:
    if not arguments:
        workspace = _workspace(workspace)
        return sorted(workspace.locales_dir.rglob("*.po")) if workspace.locales_dir.is_dir() else []
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        paths.extend(sorted(path.rglob("*.po")) if path.is_dir() else [path])
    return paths


def _workspace(workspace: Workspace | None) -> Workspace:
    if workspace is None:
        raise UsageError("no workspace: pass --glossary FILE and the catalogs to check")
    return workspace


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _check(args: argparse.Namespace) -> int:
    if args.list:
        print(format_check_list(all_checks()))
        return 0
    with paused_gc():  # glossary, automatons and catalogs are many small acyclic objects
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    checks = select_checks(args.disable.split(","))
    workspace = workspace_from(args) if not (args.catalogs and args.glossary) else None
    fallback = check_locale(args.lang, "--lang") if args.lang else None
    source_lang = args.source_lang or (workspace.source_locale if workspace else "en")
    glossary = load_glossary_cached(glossary_path(args, workspace))
    source_cache: dict[str, set[str]] = {}
    reports = []
    told: set[str] = set()  # locales the user was told have no CLDR data
    paths = _catalog_paths(args.catalogs, workspace)
    if not paths:
        print("careglot: no .po catalogs to check", file=sys.stderr)
    for path in paths:
        catalog = read_catalog(path)
        locale = catalog_locale(catalog)
        if locale is None and fallback is None:
            raise InputError("catalog has no Language header; pass --lang LOCALE", path)
        locale = check_locale(locale, path) if locale else fallback
        if locale and locale not in told and not has_cldr_data(locale):
            told.add(locale)
            print(f"careglot: note: {locale} has no CLDR data in the installed Babel; its catalogs are "
                  "checked without CLDR (plural rule compared with GNU msginit's only)", file=sys.stderr)
        context = CheckContext(locale or "", source_lang, glossary, source_cache)
        reports.append(check_catalog(catalog, _shown(path), context, checks))
    print(format_json(reports) if args.format == "json" else format_text(reports))
    return 1 if has_errors(reports) else 0
