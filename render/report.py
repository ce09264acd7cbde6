"""The build report: per leaflet and locale, what a reader gets and what QA found.

Readability uses the formula of the page's language (:mod:`render.readability`: Flesch for
en, Flesch–Douma for nl, Kandel–Moles for fr, Amstad for de), measured on the statements
as rendered (first-use expansions included, untranslated statements left out).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Protocol

from careglot.core.locales import base_language
from glossary.model import Glossary
from render.page import Page, concepts_used, plain
from render.readability import readability, split_sentences, words


class Finding(Protocol):
    """What the report shows of a QA finding (:class:`check.Finding` has these fields)."""

    @property
    def line(self) -> int: ...
    @property
    def msgctxt(self) -> str | None: ...
    @property
    def check(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def concept(self) -> str | None: ...


FORMULAS = {"en": "Flesch", "nl": "Flesch-Douma", "fr": "Kandel-Moles", "de": "Amstad"}
LONGEST = 3


@dataclass
class LeafletReport:
    """One leaflet in one locale."""

    leaflet: str
    locale: str
    status: str  # built | unchanged | incomplete (not built) | built-incomplete
    words: int
    sentences: int
    formula: str
    reading_ease: float
    longest_sentences: list[dict[str, object]]
    concepts: list[str]
    missing: list[str]
    findings: list[dict[str, object]] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding["severity"] == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for finding in self.findings if finding["severity"] == "warning")


def leaflet_report(page: Page, glossary: Glossary, status: str, findings: Iterable[Finding]) -> LeafletReport:
    """Figures of one rendered page, with the catalog findings that concern its messages."""
    lang = base_language(page.locale)
    texts = [plain(statement.text) for section in page.sections for statement in section.statements]
    body = "\n\n".join(text for text in texts if text)
    stats = readability(body, lang)
    sentences = sorted(split_sentences(body, lang), key=lambda sentence: -len(words(sentence)))[:LONGEST]
    headings = [plain(page.title), *(plain(section.heading) for section in page.sections)]
    prefix = f"{page.leaflet_id}."
    return LeafletReport(
        leaflet=page.leaflet_id, locale=page.locale, status=status, words=stats.words,
        sentences=stats.sentences, formula=FORMULAS.get(lang, "Flesch"),
        reading_ease=round(stats.flesch_reading_ease, 1),
        longest_sentences=[{"words": len(words(sentence)), "text": sentence} for sentence in sentences],
        concepts=concepts_used([*headings, *texts], glossary, lang), missing=list(page.missing),
        findings=[{"line": f.line, "msgctxt": f.msgctxt, "check": f.check, "severity": f.severity,
                   "message": f.message, "concept": f.concept}
                  for f in findings if f.msgctxt and f.msgctxt.startswith(prefix)])


def report_json(reports: Sequence[LeafletReport], refused: dict[str, list[str]]) -> str:
    """``{"leaflets": [...], "refused": {locale: [problems]}}``."""
    rows = []
    for report in reports:
        row = asdict(report)
        row["errors"], row["warnings"] = report.errors, report.warnings
        rows.append(row)
    return json.dumps({"leaflets": rows, "refused": refused}, ensure_ascii=False, indent=2)


def report_table(reports: Sequence[LeafletReport]) -> str:
    """A fixed-width table, one row per leaflet and locale, then each page's longest sentence."""
    header = ("leaflet", "locale", "status", "words", "sent.", "formula", "ease", "longest", "concepts",
              "err", "warn")
    rows = [(r.leaflet, r.locale, r.status, str(r.words), str(r.sentences), r.formula, f"{r.reading_ease:.1f}",
             str(r.longest_sentences[0]["words"]) if r.longest_sentences else "0", str(len(r.concepts)),
             str(r.errors), str(r.warnings)) for r in reports]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    numeric = {3, 4, 6, 7, 8, 9, 10}

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
                         for i, cell in enumerate(cells)).rstrip()

    out = [line(header), line(["-" * width for width in widths]), *(line(row) for row in rows)]
    for report in reports:
        if report.longest_sentences:
            first = report.longest_sentences[0]
            out.append(f"longest sentence {report.leaflet} {report.locale} ({first['words']} words): {first['text']}")
    return "\n".join(out)
