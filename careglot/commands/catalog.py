"""``careglot catalog``: extract templates, update, init, compile and count the gettext catalogs."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import polib

from careglot.cli import workspace_from
from careglot.workspace import Workspace, validate_locale
from extract.manifest import load_manifest
from glossary.errors import UsageError
from glossary.model import Glossary
from glossary.snapshot import load_glossary_cached
from render.catalogs.compile import compile_catalog
from render.catalogs.init import catalog_path, language_name, new_catalog, plural_rule_for, refuse_existing
from render.catalogs.lock import catalog_lock, save_catalog
from render.catalogs.merge import merge_catalog
from render.catalogs.plurals import PluralRule
from render.catalogs.pofile import POCatalog, load_catalog
from render.catalogs.stats import catalog_stats
from render.catalogs.templates import glossary_template, leaflets_template, localise_hints
from render.catalogs.writer import write_po
from render.leaflets import load_leaflets

ORDER = 60
DOMAINS = ("leaflets", "glossary")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    catalog = subparsers.add_parser("catalog", help="gettext catalogs for translators",
                                    epilog="example: careglot catalog extract && careglot catalog update")
    actions = catalog.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)

    extract = actions.add_parser("extract", help="write locales/leaflets.pot and locales/glossary.pot",
                                 epilog="example: careglot catalog extract")
    extract.set_defaults(handler=_extract)

    update = actions.add_parser("update", help="merge the templates into the language catalogs",
                                epilog="example: careglot catalog update --template locales/leaflets.pot "
                                       "locales/nl_BE/LC_MESSAGES/leaflets.po")
    update.add_argument("catalogs", nargs="*", type=Path, metavar="PO",
                        help="catalogs to update (with --template); default: every workspace catalog")
    update.add_argument("--template", type=Path, metavar="POT", help="template to merge into the given catalogs")
    update.add_argument("--locale", action="append", help="only this workspace locale (repeatable)")
    update.add_argument("--no-fuzzy-matching", dest="fuzzy", action="store_false",
                        help="changed messages arrive untranslated instead of as fuzzy suggestions")
    update.set_defaults(handler=_update)

    init = actions.add_parser("init", help="create the catalog of a new locale",
                              epilog="example: careglot catalog init nl_BE --domain leaflets")
    init.add_argument("locale", help="gettext locale code, e.g. nl_BE")
    init.add_argument("--domain", choices=DOMAINS, action="append", help="default: every domain")
    init.set_defaults(handler=_init)

    compile_ = actions.add_parser("compile", help="write a .mo file next to every catalog",
                                  epilog="example: careglot catalog compile")
    compile_.add_argument("--use-fuzzy", action="store_true", help="also compile fuzzy translations (unsafe)")
    compile_.set_defaults(handler=_compile)

    stats = actions.add_parser("stats", help="translation progress per locale and domain",
                               epilog="example: careglot catalog stats --json")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=_stats)


def _template_path(workspace: Workspace, domain: str) -> Path:
    return workspace.locales_dir / f"{domain}.pot"


def _glossary(workspace: Workspace) -> Glossary:
    return load_glossary_cached(workspace.glossary_path)


def _extract(args: argparse.Namespace) -> int:
    workspace = workspace_from(args)
    glossary = _glossary(workspace)
    source_ids = [source.id for source in load_manifest(workspace.sources_manifest)]
    leaflets = load_leaflets(workspace.leaflets_dir, source_ids)
    templates = {
        "leaflets": leaflets_template(leaflets, glossary, workspace.root, workspace.source_locale),
        "glossary": glossary_template(glossary, workspace.root, workspace.source_locale),
    }
    for domain, template in templates.items():
        path = _template_path(workspace, domain)
        written = _write_template(template, path)
        state = "written" if written else "unchanged"
        print(f"{workspace.relative(path)}: {len(template)} messages ({state})")
    return 0


def _write_template(template: POCatalog, path: Path) -> bool:
    """Write ``template`` unless only its creation date would change."""
    expected = None
    if path.exists():
        previous = load_catalog(path)
        expected = previous.fingerprint
        date = previous.metadata.get("POT-Creation-Date")
        if date:
            template.metadata["POT-Creation-Date"] = date
            if write_po(template) == path.read_text(encoding="utf-8"):
                return False
            template.metadata["POT-Creation-Date"] = _now_stamp()
    with catalog_lock(path):
        return save_catalog(template, path, expected)


def _now_stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M%z")


def _update(args: argparse.Namespace) -> int:
    if args.template is not None or args.catalogs:
        if args.template is None or not args.catalogs:
            raise UsageError("--template POT and at least one catalog go together")
        template = load_catalog(args.template)
        for path in args.catalogs:
            _update_one(template, path, None, None, fuzzy=args.fuzzy, shown=str(path))
        return 0
    workspace = workspace_from(args)
    glossary = _glossary(workspace)
    locales = _locales(workspace, args.locale)
    for domain in DOMAINS:
        template_path = _template_path(workspace, domain)
        if not template_path.exists():
            print(f"{workspace.relative(template_path)}: missing, run 'careglot catalog extract' first")
            continue
        template = load_catalog(template_path)
        for locale in locales:
            path = catalog_path(workspace.locales_dir, locale, domain)
            _update_one(template, path, locale, glossary, fuzzy=args.fuzzy, shown=workspace.relative(path),
                        source_lang=workspace.source_locale)
    return 0


def _update_one(template: polib.POFile, path: Path, locale: str | None, glossary: Glossary | None, *,
                fuzzy: bool, shown: str, source_lang: str = "en") -> None:
    with catalog_lock(path):
        if locale is not None and not path.exists():
            catalog = new_catalog(template, locale, path.stem, _plural_rule(path, locale))
            expected = None
            summary = f"created, {len(catalog)} messages"
        else:
            old = load_catalog(path)
            expected = old.fingerprint
            result = merge_catalog(template, old, fuzzy=fuzzy)
            catalog = result.catalog
            summary = (f"{result.kept} kept, {result.fuzzy_matched} fuzzy, {result.new} new, "
                       f"{result.obsoleted} obsolete")
        if glossary is not None and locale is not None:
            localise_hints(catalog, glossary, locale, source_lang)
        changed = save_catalog(catalog, path, expected)
    print(f"{shown}: {summary}{'' if changed else ' (unchanged)'}")


def _locales(workspace: Workspace, chosen: list[str] | None) -> list[str]:
    if not chosen:
        return list(workspace.target_locales)
    for code in chosen:
        validate_locale(code, "--locale")
        if code not in workspace.target_locales:
            raise UsageError(f"{code} is not a target locale of this workspace "
                             f"({', '.join(workspace.target_locales)})")
    return chosen


def _init(args: argparse.Namespace) -> int:
    workspace = workspace_from(args)
    locale = validate_locale(args.locale, "LOCALE")
    for domain in args.domain or DOMAINS:
        template_path = _template_path(workspace, domain)
        if not template_path.exists():
            raise UsageError(f"{workspace.relative(template_path)} does not exist; run 'careglot catalog extract'")
        path = catalog_path(workspace.locales_dir, locale, domain)
        refuse_existing(path)
        catalog = new_catalog(load_catalog(template_path), locale, domain, _plural_rule(path, locale))
        localise_hints(catalog, _glossary(workspace), locale, workspace.source_locale)
        with catalog_lock(path):
            save_catalog(catalog, path, None)
        print(f"{workspace.relative(path)}: created, {len(catalog)} messages")
    return 0


def _plural_rule(path: Path, locale: str) -> PluralRule:
    """The new catalog's rule; the user is told when CLDR does not know the language."""
    rule = plural_rule_for(path.parents[2], locale)  # locales/<locale>/LC_MESSAGES/<domain>.po
    if language_name(locale) is None:
        print(f"note: {locale} is not in the CLDR data of the installed Babel; Plural-Forms {rule.header()!r} "
              "written, CLDR-based checks are skipped for it", file=sys.stderr)
    return rule


def _workspace_catalogs(workspace: Workspace) -> list[tuple[str, str, Path]]:
    found = []
    for locale in workspace.target_locales:
        for domain in DOMAINS:
            path = catalog_path(workspace.locales_dir, locale, domain)
            if path.exists():
                found.append((locale, domain, path))
    return found


def _compile(args: argparse.Namespace) -> int:
    workspace = workspace_from(args)
    catalogs = _workspace_catalogs(workspace)
    if not catalogs:
        raise UsageError("no catalogs to compile; run 'careglot catalog update' first")
    for _locale, _domain, path in catalogs:
        catalog = load_catalog(path)
        mo_path = path.with_suffix(".mo")
        count = compile_catalog(catalog, mo_path, use_fuzzy=args.use_fuzzy)
        print(f"{workspace.relative(mo_path)}: {count} messages")
    return 0


def _stats(args: argparse.Namespace) -> int:
    workspace = workspace_from(args)
    rows = [catalog_stats(load_catalog(path), locale, domain)
            for locale, domain, path in _workspace_catalogs(workspace)]
    if args.json:
        print(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
        return 0
    print(f"{'locale':<7} {'domain':<9} {'translated':>10} {'fuzzy':>6} {'untransl.':>9} {'obsolete':>8} "
          f"{'words':>11} {'done':>6}")
    for row in rows:
        words = f"{row.translated_words}/{row.total_words}"
        print(f"{row.locale:<7} {row.domain:<9} {row.translated:>10} {row.fuzzy:>6} {row.untranslated:>9} "
              f"{row.obsolete:>8} {words:>11} {row.percent:>5.1f}%")
    if not rows:
        print("no catalogs yet: run 'careglot catalog extract' and 'careglot catalog update'")
    return 0
