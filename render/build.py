"""``careglot build``: every leaflet in every target locale, as HTML (and PDF), safely.

Per locale: compile the catalog, build each leaflet's page, refuse the locale if any
message is untranslated or fuzzy (unless ``allow_incomplete``, which marks the gaps
visibly), check that every page has the same sections and statements in the same order,
render into a temporary folder inside the output folder and swap it in only when the
whole locale is done, so a failed build never leaves half an old and half a new locale.
Unchanged inputs (same hashes as in the manifest) are not rendered again.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import polib

from careglot.core.errors import UsageError
from careglot.core.fsutil import atomic_write
from careglot.core.locales import base_language, check_locale, has_cldr_data
from glossary.model import Glossary
from render import pdf
from render.contacts import DEFAULT_CONTACTS, contact_points, load_contacts
from render.html import render_html
from render.incremental import Manifest, input_hash
from render.leaflets import Leaflet
from render.page import Page, PageBuilder
from render.report import Finding, LeafletReport, leaflet_report
from render.structure import ConsistencyError, check_structure
from render.translations import Gap, Translations, catalog_path
from render.ui_strings import ui_strings

FORMATS = ("html", "pdf")
_LEAFLET_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TMP_PREFIX = ".careglot-build-"

# Translation QA of one locale's catalog (catalog, its path, locale) -> findings for the report.
CatalogQA = Callable[[polib.POFile, str, str], Sequence[Finding]]


@dataclass(frozen=True)
class BuildInputs:
    leaflets: Sequence[Leaflet]
    glossary: Glossary
    glossary_path: Path
    locales_dir: Path
    contacts_path: Path = DEFAULT_CONTACTS
    source_lang: str = "en"
    qa: CatalogQA | None = None  # e.g. check.catalog_qa(glossary): its findings go into the report


@dataclass(frozen=True)
class BuildOptions:
    out_dir: Path
    locales: tuple[str, ...]
    formats: tuple[str, ...] = ("html",)
    allow_incomplete: bool = False


@dataclass
class LocaleOutcome:
    locale: str
    status: str  # built | unchanged | refused
    gaps: list[Gap] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)  # leaflet ids rendered anew


@dataclass
class BuildResult:
    outcomes: list[LocaleOutcome]
    reports: list[LeafletReport]

    @property
    def refused(self) -> dict[str, list[str]]:
        """Per refused locale: ``<leaflet or ui>: <message id> (<reason>)``."""
        return {o.locale: [f"{gap.msgctxt} ({gap.reason})" for gap in o.gaps]
                for o in self.outcomes if o.status == "refused"}


def validate_locale_code(code: str) -> str:
    """``code`` if it is a gettext locale that CLDR has dates and names for, else a UsageError."""
    check_locale(code)
    if not has_cldr_data(code):
        raise UsageError(f"no CLDR data for locale {code!r}: dates and language names cannot be rendered")
    return code


def build(inputs: BuildInputs, options: BuildOptions) -> BuildResult:
    """Build every leaflet of ``inputs`` in every locale of ``options``."""
    _validate(inputs, options)
    if "pdf" in options.formats:
        pdf.weasyprint()  # fail before any work when the pdf extra is missing
    out = options.out_dir.resolve()
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.load(out)
    contacts = load_contacts(inputs.contacts_path)
    result = BuildResult([], [])
    structures: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    tmp = Path(tempfile.mkdtemp(prefix=TMP_PREFIX, dir=out))
    try:
        for locale in options.locales:
            po_path = catalog_path(inputs.locales_dir, locale)
            translations = Translations.from_files(locale, po_path, tmp / ".mo" / f"{locale}.mo")
            lang = base_language(locale)
            builder = PageBuilder(locale, translations.lookup, inputs.glossary, ui_strings(),
                                  partial(contact_points, contacts, inputs.glossary, lang=lang), options.locales)
            pages = [builder.page(leaflet) for leaflet in inputs.leaflets]
            for page, leaflet in zip(pages, inputs.leaflets, strict=True):
                _same_structure(page, leaflet, structures)
            findings = _findings(translations, po_path, inputs)
            gaps = list(dict.fromkeys(translations.gaps))
            outcome = LocaleOutcome(locale, "refused" if gaps and not options.allow_incomplete else "built", gaps)
            result.outcomes.append(outcome)
            if outcome.status != "refused":
                _render_locale(pages, inputs, options, out, tmp, manifest, outcome)
            for page in pages:
                status = "incomplete" if outcome.status == "refused" else (
                    "unchanged" if page.leaflet_id not in outcome.rendered else
                    "built-incomplete" if page.missing else "built")
                result.reports.append(leaflet_report(page, inputs.glossary, status, findings))
        manifest.save()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def _validate(inputs: BuildInputs, options: BuildOptions) -> None:
    for code in options.locales:
        validate_locale_code(code)
    unknown = [name for name in options.formats if name not in FORMATS]
    if unknown or not options.formats:
        raise UsageError(f"unknown format {', '.join(unknown) or '(none)'} (expected html and/or pdf)")
    for leaflet in inputs.leaflets:
        if not _LEAFLET_ID.match(leaflet.id):
            raise UsageError(f"invalid leaflet id {leaflet.id!r}")


def _same_structure(page: Page, leaflet: Leaflet, seen: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]) -> None:
    expected = tuple((section.id, tuple(s.id for s in section.statements)) for section in leaflet.sections)
    first = seen.setdefault(leaflet.id, expected)
    if page.structure() != expected or first != expected:
        raise ConsistencyError(f"{page.locale}: sections or statements of {leaflet.id!r} differ from the "
                               "other locales", leaflet.path)


def _findings(translations: Translations, po_path: Path, inputs: BuildInputs) -> Sequence[Finding]:
    """What the QA of ``inputs`` finds in the locale's catalog (shown in the build report)."""
    if translations.catalog is None or inputs.qa is None:
        return []
    return inputs.qa(translations.catalog, str(po_path), translations.locale)


def _render_locale(pages: list[Page], inputs: BuildInputs, options: BuildOptions, out: Path, tmp: Path,
                   manifest: Manifest, outcome: LocaleOutcome) -> None:
    """Render the changed pages of one locale into ``tmp`` and swap the folder in."""
    locale = outcome.locale
    final = _inside(out, locale)
    staging = _inside(tmp, locale)
    hashes = {}
    for page, leaflet in zip(pages, inputs.leaflets, strict=True):
        hashes[page.leaflet_id] = input_hash(leaflet.path, catalog_path(inputs.locales_dir, locale),
                                             inputs.glossary_path, inputs.contacts_path, locale,
                                             options.allow_incomplete)
    unchanged = {leaflet_id for leaflet_id, digest in hashes.items()
                 if manifest.unchanged(locale, leaflet_id, digest, options.formats, final)}
    if len(unchanged) == len(pages) and _no_strays(final, hashes):
        outcome.status = "unchanged"
        return
    staging.mkdir(parents=True)
    for page in pages:
        names = [f"{page.leaflet_id}.{fmt}" for fmt in options.formats]
        if page.leaflet_id in unchanged:
            previous = manifest.formats(locale, page.leaflet_id)
            for name in {f"{page.leaflet_id}.{fmt}" for fmt in previous} | set(names):
                atomic_write(_inside(staging, name), (final / name).read_bytes())
            continue
        html = render_html(page)
        check_structure(html, page)
        atomic_write(_inside(staging, f"{page.leaflet_id}.html"), html)
        if "pdf" in options.formats:
            atomic_write(_inside(staging, f"{page.leaflet_id}.pdf"), pdf.html_to_pdf(html, staging))
        outcome.rendered.append(page.leaflet_id)
        manifest.record(locale, page.leaflet_id, hashes[page.leaflet_id], list(options.formats))
    manifest.forget_except(locale, set(hashes))
    _swap(staging, final, tmp)


def _no_strays(final: Path, hashes: dict[str, str]) -> bool:
    """True when the locale folder holds only current leaflets' files."""
    if not final.is_dir():
        return False
    return all(path.name.split(".")[0] in hashes for path in final.iterdir())


def _inside(folder: Path, name: str) -> Path:
    """``folder/name``, refusing any name that would leave ``folder``."""
    target = (folder / name).resolve()
    if target.parent != folder.resolve() or name in ("", ".", ".."):
        raise UsageError(f"output path {name!r} would leave {folder}")
    return target


def _swap(staging: Path, final: Path, tmp: Path) -> None:
    """Put ``staging`` in place of ``final``; the old folder is moved aside first, then removed."""
    old = tmp / f"old-{final.name}"
    if final.exists():
        os.replace(final, old)
    try:
        os.replace(staging, final)
    except OSError:
        if old.exists():
            os.replace(old, final)
        raise
    shutil.rmtree(old, ignore_errors=True)
