"""The page's first view, written into ``index.html`` at build time: no script, no data before the first paint.

With an empty search field and no filter the page lists the first concepts in glossary order;
these cards are the ones ``site.js`` would draw (``conceptCard``), element for element, so the
script adopts them instead of drawing them (a browser test compares the two). The markup
comes from a Jinja2 template with autoescaping: glossary text reaches the page only as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from glossary.model import Concept, Glossary, Term
from render.site.export import data_json

ASSETS = Path(__file__).parent / "assets"
PAGE = 10  # cards per page, as site.js PAGE
STRUCK = ("deprecated", "forbidden")


@dataclass
class TermView:
    text: str
    lang: str  # the term's lang attribute: nl, or nl-BE for a regional term
    tag: str  # "s" for deprecated and forbidden terms
    status: str
    meta: str
    note: str | None
    source: str | None


@dataclass
class ColumnView:
    lang: str
    name: str
    terms: list[TermView]
    definition: str | None
    note: str | None


@dataclass
class CardView:
    id: str
    head_lang: str | None
    head_text: str
    domain: str | None
    columns: list[ColumnView]
    sources: list[str]


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(ASSETS), autoescape=select_autoescape(default=True),
                       undefined=StrictUndefined, keep_trailing_newline=True)


def language_label(lang: str, names: dict[str, str]) -> str:
    name = names.get(lang) or lang
    return lang if name == lang else f"{name} ({lang})"


def term_view(term: Term, lang: str) -> TermView:
    meta = [term.type.replace("-", " ", 1)]
    meta += [f"region {term.region}"] if term.region else []
    meta += [term.pos] if term.pos else []
    meta += [f"gender {term.gender}"] if term.gender else []
    return TermView(text=term.text, lang=f"{lang}-{term.region}" if term.region else lang,
                    tag="s" if term.status in STRUCK else "span", status=term.status, meta=" " + " · ".join(meta),
                    note=term.note or None, source=term.source or None)


def headword(concept: Concept, languages: list[str]) -> tuple[str | None, str]:
    """The heading: the first preferred full form, English first, with its abbreviation (site.js headword)."""
    for lang in ["en", *languages]:
        terms = concept.terms.get(lang) or []
        term = next((t for t in terms if t.status == "preferred" and t.type != "abbreviation"), terms[0] if terms
                    else None)
        if term is not None:
            abbreviation = next((t for t in terms if t.status == "preferred" and t.type == "abbreviation"), None)
            suffix = f" ({abbreviation.text})" if abbreviation is not None and abbreviation is not term else ""
            return lang, term.text + suffix
    return None, concept.id


def card_view(concept: Concept, languages: list[str], names: dict[str, str]) -> CardView:
    langs = languages + [lang for lang in concept.terms if lang not in languages]
    columns = [ColumnView(lang=lang, name=names.get(lang) or lang,
                          terms=[term_view(term, lang) for term in concept.terms.get(lang) or []],
                          definition=concept.definition.get(lang) or None, note=concept.notes.get(lang) or None)
               for lang in langs]
    head_lang, head_text = headword(concept, languages)
    return CardView(id=concept.id, head_lang=head_lang, head_text=head_text, domain=concept.domain or None,
                    columns=columns, sources=list(concept.sources or []))


def index_html(glossary: Glossary, core: dict[str, Any]) -> str:
    """``index.html``: the filters' options, the first list of concepts and its status line, and the core data."""
    listed = [concept for concept in glossary if any(True for _ in concept.all_terms())]
    names: dict[str, str] = core["language_names"]
    cards = [card_view(concept, core["languages"], names) for concept in listed[:PAGE]]
    count = len(listed)
    status = f"{count} {'concept' if count == 1 else 'concepts'}" + (f", the first {PAGE} shown" if count > PAGE
                                                                      else "")
    core_json = data_json(core)
    if "<" in core_json:  # data_json escapes every "<": nothing can end the data block
        raise ValueError("unescaped '<' in the core data")
    return environment().get_template("index.html").render(
        cards=cards, status=status, more=count > PAGE, core=Markup(core_json),  # noqa: S704  (checked above)
        languages=[(lang, language_label(lang, names)) for lang in core["languages"]],
        statuses=core["statuses"], domains=core["domains"], regions=core["regions"])
