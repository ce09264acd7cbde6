"""``careglot build``: render every leaflet in every target locale to HTML (and PDF)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from careglot.cli.commands.leaflets import checked_leaflets
from careglot.cli.options import add_format_option, add_lang_option, workspace_from
from careglot.core.errors import UsageError
from glossary.snapshot import load_glossary_cached

if TYPE_CHECKING:
    from render.build import BuildResult

SHOWN = 12


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "build", help="render every leaflet in every target locale to HTML (and PDF)",
        description="Render leaflets/*.yaml with the compiled catalogs to <out>/<locale>/<leaflet>.html. "
                    "A locale with an untranslated or fuzzy message is not built (exit 1) unless "
                    "--allow-incomplete; earlier output is never half-overwritten.",
        epilog="example: careglot build --lang nl_BE,fr_BE --format html,pdf --out build")
    add_lang_option(parser, "locales to build (default: the workspace's target locales)", metavar="LOCALE,...")
    add_format_option(parser, "html, pdf or both (default: html)", default="html", metavar="FORMAT,...")
    parser.add_argument("--out", metavar="DIR", help="output folder (default: the workspace's output, build/)")
    parser.add_argument("--allow-incomplete", action="store_true",
                        help="build incomplete locales with every gap visibly marked")
    parser.add_argument("--report", choices=("table", "json"), default="table", help="report format (default: table)")
    parser.set_defaults(handler=_build)


def _split(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))


def _build(args: argparse.Namespace) -> int:
    # Imported here: rendering (Jinja2, Babel) is a fifth of a second that other commands need not pay.
    from check import catalog_qa
    from render.build import FORMATS, BuildInputs, BuildOptions, build, validate_locale_code
    from render.report import report_json, report_table

    workspace = workspace_from(args)
    locales = _split(args.lang) if args.lang else workspace.target_locales
    for locale in locales:
        validate_locale_code(locale)
    formats = _split(args.format)
    if not formats or any(name not in FORMATS for name in formats):
        raise UsageError(f"--format takes html, pdf or html,pdf, not {args.format!r}")
    out = Path(args.out) if args.out else workspace.output_dir
    glossary = load_glossary_cached(workspace.glossary_path)
    inputs = BuildInputs(leaflets=checked_leaflets(workspace), glossary=glossary,
                         glossary_path=workspace.glossary_path, locales_dir=workspace.locales_dir,
                         source_lang=workspace.source_locale, qa=catalog_qa(glossary, workspace.source_locale))
    result = build(inputs, BuildOptions(out_dir=out, locales=locales, formats=formats,
                                        allow_incomplete=args.allow_incomplete))
    if args.report == "json":
        print(report_json(result.reports, result.refused))
    else:
        print(report_table(result.reports))
        _summary(result, out)
    for locale, gaps in result.refused.items():
        print(f"careglot: {locale} not built: {len(gaps)} message(s) untranslated or fuzzy "
              "(earlier output kept; --allow-incomplete builds it with the gaps marked)", file=sys.stderr)
        for group, ids in _by_leaflet(gaps).items():
            shown = ", ".join(ids[:SHOWN]) + (f" (+{len(ids) - SHOWN} more)" if len(ids) > SHOWN else "")
            print(f"careglot: {locale}: {group}: {shown}", file=sys.stderr)
    return 1 if result.refused else 0


def _by_leaflet(gaps: list[str]) -> dict[str, list[str]]:
    """Gaps grouped by leaflet id (interface strings under "ui")."""
    groups: dict[str, list[str]] = {}
    for gap in gaps:
        groups.setdefault(gap.split(".", 1)[0], []).append(gap)
    return groups


def _summary(result: BuildResult, out: Path) -> None:
    for outcome in result.outcomes:
        if outcome.status == "built":
            marked = " with untranslated messages marked" if outcome.gaps else ""
            print(f"{outcome.locale}: built {len(outcome.rendered)} leaflet(s){marked} in {out / outcome.locale}")
        elif outcome.status == "unchanged":
            print(f"{outcome.locale}: unchanged")
