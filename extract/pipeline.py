"""Run the whole extraction: read sources, then abbreviations, term candidates and statements."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from extract.abbreviations import Abbreviation, UndefinedAbbreviation, find_abbreviations
from extract.blocks import Document, Notice
from extract.manifest import Source
from extract.readers import read_path, read_source
from extract.statements import Statement, extract_statements
from extract.terms import SentenceText, TermCandidate, terms_by_language
from glossary.matching import TermMatcher
from glossary.model import Glossary

Progress = Callable[[int, int, str], None]


@dataclass
class ExtractionResult:
    """What ``careglot extract`` found in a set of sources, in source order."""

    abbreviations: list[Abbreviation] = field(default_factory=list)
    undefined_abbreviations: list[UndefinedAbbreviation] = field(default_factory=list)
    terms: list[TermCandidate] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def read_inputs(inputs: Sequence[Source | Path], *, root: Path | None = None, lang: str | None = None,
                progress: Progress | None = None) -> list[Document]:
    """Read manifest sources and plain paths into documents (``lang`` applies to plain paths)."""
    documents = []
    for done, item in enumerate(inputs, start=1):
        if isinstance(item, Source):
            documents.append(read_source(item, root))
        else:
            documents.append(read_path(item, root, lang))
        if progress is not None:
            progress(done, len(inputs), documents[-1].source)
    return documents


@contextmanager
def _stage(timings: dict[str, float] | None, name: str) -> Iterator[None]:
    """Add the CPU seconds spent in the block to ``timings[name]`` (when timings are wanted)."""
    if timings is None:
        yield
        return
    start = time.process_time()
    try:
        yield
    finally:
        timings[name] = timings.get(name, 0.0) + time.process_time() - start


def extract(documents: Sequence[Document], glossary: Glossary | None = None, *,
            min_term_count: int = 1, timings: dict[str, float] | None = None) -> ExtractionResult:
    """Abbreviations and statements per document; term candidates per language over all of them.

    ``timings``, when given, receives the CPU seconds of each stage (for benchmarks).
    """
    result = ExtractionResult()
    matchers: dict[str, TermMatcher] = {}

    def matcher(lang: str) -> TermMatcher | None:
        if glossary is None:
            return None
        if lang not in matchers:
            matchers[lang] = TermMatcher.build(glossary, lang)
        return matchers[lang]

    def concepts(text: str, lang: str) -> list[str]:
        found = matcher(lang)
        return [match.concept_id for match in found.find(text)] if found else []

    texts: dict[str, list[SentenceText]] = {}
    for document in documents:
        result.sources.append(document.source)
        result.notices.extend(document.notices)
        with _stage(timings, "abbreviations"):
            defined, undefined = find_abbreviations(document.blocks)
        result.abbreviations.extend(defined)
        result.undefined_abbreviations.extend(undefined)
        with _stage(timings, "statements"):
            result.statements.extend(extract_statements(document, concepts))
        for block in document.blocks:
            if not block.foreign:
                texts.setdefault(block.lang, []).append(
                    SentenceText(document.source, block.text, block.file, block.line, block.line_of))
    with _stage(timings, "terms"):
        known = {lang: [term.text for concept in glossary or () for term in concept.terms_in(lang)] for lang in texts}
        # The languages of one run are sources on one subject: each is evidence for the others.
        found = terms_by_language(texts, glossary_terms=known, min_count=min_term_count)
        for lang, candidates in found.items():
            result.terms.extend(_mark_known(candidates, matcher(lang)))
    return result


def _mark_known(candidates: list[TermCandidate], matcher: TermMatcher | None) -> list[TermCandidate]:
    """A candidate is in the glossary when a glossary term (in any inflection) spans all of it."""
    if matcher is None:
        return candidates
    for candidate in candidates:
        if not candidate.in_glossary:
            candidate.in_glossary = any(m.start == 0 and m.end == len(candidate.term)
                                        for m in matcher.find(candidate.term))
    return candidates
