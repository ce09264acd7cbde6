"""Patient-facing statements: sentences a leaflet could carry, with category, concepts and flags.

Headings, questions, fragments, boilerplate and blocks in another language are never
statements. Category (:mod:`extract.categories`) and the promotional and unhedged-claim
flags (:mod:`extract.claims`) come from transparent word patterns in English, Dutch and
French so an editor can see why a sentence was labelled; the id is a hash of the source id and
the normalised sentence, stable while the sentence is unchanged.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from careglot.core.sentences import sentence_spans
from extract.blocks import Block, Document
from extract.categories import CATEGORIES as CATEGORIES
from extract.categories import categorise
from extract.claims import claim_flags
from extract.prefilter import PatternSet
from extract.readers.furniture import is_boilerplate

FLAGS = ("promotional", "unhedged-claim", "single-provider", "source-not-patient-facing", "netherlands-specific")
NOT_PATIENT_FACING = ("promotional", "industry")
MIN_WORDS = 5
ConceptFinder = Callable[[str, str], list[str]]


def _rx(pattern: str) -> re.Pattern[str]:
    """A pattern for lowercased text."""
    return re.compile(pattern.lower())


_DRUG_CLASS = re.compile(r"\(?highly effective\)? (?:medication|medicines?|drugs?|dmt|treatments?|ms medication)s?"
                         r"|(?:zeer|hoog) ?effectieve (?:medicijnen|geneesmiddelen|behandeling)")
_PROVIDER = re.compile(r"\b(?:[A-Z][\w'-]+\s+){0,3}(?:Clinic|Kliniek|Hospitals?|Ziekenhuis|Cliniques?|UMC|"
                       r"Centre|Center|Centrum)\b(?:\s+(?:[A-Z][\w'-]+|Saint-\w+))*")
_LABEL = re.compile(r"^([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}):\s")
_OFFERING = _rx(r"\boffer|speciali[sz]|focuses on|\bprovides?\b|treatments? for|\bbiedt\b|gespecialiseerd")
_PRIVATE = _rx(r"private clinic|privékliniek|privé-kliniek")
_NETHERLANDS = _rx(r"\bNetherlands\b|\bDutch\b|\bNederland(?:se|s)?\b|Amsterdam|Nieuwegein|Zorginstituut"
                   r"|basic health insurance package|basispakket|Health Care Institute|\bUMC\b")
_FLAG_SET = PatternSet([_PRIVATE, _OFFERING, _NETHERLANDS])


@dataclass(frozen=True)
class Statement:
    """A sentence a patient leaflet could carry, with its exact place in the source."""

    id: str
    text: str
    lang: str
    category: str
    concepts: tuple[str, ...]
    flags: tuple[str, ...]
    source: str
    file: str
    line: int
    block: int
    offset: int


def statement_id(source: str, text: str) -> str:
    """``st-`` + 10 hex digits of SHA-256 over the source id and the normalised sentence."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return "st-" + hashlib.sha256(f"{source}\n{normalised}".encode()).hexdigest()[:10]


def flags_for(sentence: str, block: Block, audience: str | None) -> tuple[str, ...]:
    """The flags of one sentence of ``block`` (see :data:`FLAGS`)."""
    found = []
    promotional, unhedged = claim_flags(_DRUG_CLASS.sub("", sentence.lower()))
    if promotional:
        found.append("promotional")
    if unhedged:
        found.append("unhedged-claim")
    private, offering, dutch = _FLAG_SET.found(sentence.lower())
    if private or (offering and len(_providers(block.text)) == 1):
        found.append("single-provider")
    if audience in NOT_PATIENT_FACING:
        found.append("source-not-patient-facing")
    if dutch:
        found.append("netherlands-specific")
    return tuple(found)


def _providers(text: str) -> set[str]:
    names = {match.group().strip() for match in _PROVIDER.finditer(text)}
    label = _LABEL.match(text)
    if label and label.group(1) not in " ".join(names):
        names.add(label.group(1))
    return names


def extract_statements(document: Document, concepts: ConceptFinder | None = None) -> list[Statement]:
    """The statements of one document, in document order, each sentence once."""
    statements: list[Statement] = []
    seen: set[str] = set()
    for block, start, sentence in _candidates(document):
        ident = statement_id(document.source, sentence)
        if ident in seen:
            continue
        seen.add(ident)
        found = tuple(dict.fromkeys(concepts(sentence, block.lang))) if concepts else ()
        statements.append(Statement(id=ident, text=sentence, lang=block.lang, category=categorise(sentence),
                                    concepts=found, flags=flags_for(sentence, block, document.audience),
                                    source=document.source, file=document.file, line=block.line_of(start),
                                    block=block.index, offset=block.offset + block.offsets.raw(start)))
    return statements


def _candidates(document: Document) -> Iterator[tuple[Block, int, str]]:
    for block in document.blocks:
        if block.kind == "heading" or block.foreign:
            continue
        for start, end in sentence_spans(block.text, block.lang):
            sentence = block.text[start:end]
            if len(sentence.split()) < MIN_WORDS or sentence.endswith("?") or is_boilerplate(sentence):
                continue
            yield block, start, sentence
