"""Patient-facing statements: sentences a leaflet could carry, with category, concepts and flags.

Headings, questions, fragments, boilerplate and blocks in another language are never
statements. Category and flags come from transparent word patterns (English and Dutch)
so an editor can see why a sentence was labelled; the id is a hash of the source id and
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
from extract.prefilter import PatternSet
from extract.readers.furniture import is_boilerplate

CATEGORIES = ("what-it-is", "eligibility", "procedure", "benefit", "risk", "access", "regulation", "advice")
FLAGS = ("promotional", "unhedged-claim", "single-provider", "source-not-patient-facing", "netherlands-specific")
PRIORITY = ("risk", "advice", "regulation", "access", "eligibility", "procedure", "benefit", "what-it-is")
NOT_PATIENT_FACING = ("promotional", "industry")
MIN_WORDS = 5
ConceptFinder = Callable[[str, str], list[str]]


def _rx(pattern: str) -> re.Pattern[str]:
    """A pattern for lowercased text (much faster than re.IGNORECASE on long alternations)."""
    return re.compile(pattern.lower())


_CATEGORY_RULES: dict[str, list[tuple[re.Pattern[str], float]]] = {
    "risk": [(_rx(r"\brisks?\b|side[- ]effects?|dangerous|\bdeath\b|infections?|infertility|complications?"
                  r"|vulnerable|adverse|\bharm|hair loss|\bfever\b|fatigue|risico|bijwerking|gevaarlijk|overlijd"
                  r"|infectie|complicatie|onvruchtbaar|haaruitval|koorts|vermoeid"), 1.0),
             (_rx(r"\bserious\b|\bernstig"), 0.5)],
    "advice": [(_rx(r"advis|\badvice\b|\bconsult\b|\bask (?:your|a)\b|talk (?:to|with)|recommend(?:s|ed)?\b|discourag"
                    r"|(?:crucial|important) to (?:consult|approach|ask|discuss)|\bwe want to prevent\b"
                    r"|^(?:vraag|bespreek|ask|talk|check)\b|\braden?\b[^.]*\baf\b|afgeraden"
                    r"|\bvraag (?:uw|je|altijd)|bespreek|overleg|\badvies"), 1.5),
               (_rx(r"\bshould\b|\bmoet(?:en)?\b"), 0.5)],
    "regulation": [(_rx(r"regulat|\blaws?\b|legislation|directive|authori[sz]|approv|\bFAMHP\b|\bFAGG\b|\bAFMPS\b"
                        r"|\bEMA\b|\bagency\b|oversee|compliance|permit|guidelines|informed consent|regelgeving"
                        r"|wetgeving|vergunning|goedkeur|toezicht|\bwet\b|\bregels\b|toestemming"), 1.0)],
    "access": [(_rx(r"reimburs|insurance|\bcosts?\b|\bprices?\b|afford|terugbetaal|vergoed|verzeker|kosten|prijs"
                    r"|\bRIZIV\b|\bINAMI\b|ziekenfonds"), 2.0),
               (_rx(r"\bavailable (?:in|for|at|from|to)\b|availability|\baccess\b|offered|\boffers?\b"
                    r"|carried out in|\bhospitals?\b|\bclinics?\b|speciali[sz]e in\b|abroad|travel|beschikbaar"
                    r"|ziekenhui[sz]|kliniek|buitenland|wachtlijst"), 1.0)],
    "eligibility": [(_rx(r"eligib|suitable|for whom|(?:do not|don't) respond|specific group|special cases"
                         r"|works? (?:best|mainly) in|(?:especially|particularly|most) effective in"
                         r"|in aanmerking|geschikt|voor wie|alleen (?:voor|bij)"
                         r"|criteria|\bwho can\b"), 1.5),
                    (_rx(r"\bpeople with\b|\bpatients with\b|\bmensen met\b|\bpatiënten met\b"), 0.5)],
    "procedure": [(_rx(r"administer|chemotherap|frozen|thaw|transplanted|infusion|\bIV\b|collect|harvest|inject"
                       r"|derived from|growth factors|\bstarts? with\b|surgery|toedien|ingevroren|ontdooi"
                       r"|teruggegeven|afgenomen|infuus|groeifactor|opgenomen|\bstap(?:pen)?\b"), 1.0)],
    "benefit": [(_rx(r"benefit|effective|\bhelps?\b|improv|stabili[sz]|\bslow|suppress|reduc|repair|promising"
                     r"|reliev|\bworks?\b|outcomes?|solution|voordeel|effectief|werkt|helpt|verbeter|remm"
                     r"|vertraag|herstel|stabiel"), 1.0)],
    "what-it-is": [(_rx(r"\bis an?\b|\bwe mean\b|\bmeans\b|refers to|short for|defined as|consists? of"
                        r"|\bis een\b|betekent|bedoel|staat voor|\bzijn cellen\b|\bare (?:cells|products)\b"), 1.0)],
}
_PROMOTIONAL = _rx(r"revolution|breakthrough|beacon of hope|cutting[- ]edge|\bleading\b|renowned|exceptional"
                   r"|\bboasts?\b|forefront|powerhouse|world[- ]class|state[- ]of[- ]the[- ]art|unparalleled"
                   r"|transformative|exciting|game[- ]chang|miracle|undoubtedly|significant strides|paving the way"
                   r"|\btop clinics?\b|free quote|guarantee|fantastic|milestone|lives are transformed|baanbrekend"
                   r"|revolutionair|wondermiddel|doorbraak|gegarandeerd|uniek")
_EFFICACY = _rx(r"\beffective(?:ly|ness)?\b|\bworks?\b|\bhelps?\b|\brepair|\bimprov|\bcures?\b|\bstabili[sz]"
                r"|\bcontrol\b|\brestor|\bbenefits?\b|\bsolution\b|\bproven\b|durable outcomes|\bwerkt\b"
                r"|effectief|\bhelpt\b|geneest|herstelt|verbetert")
_DRUG_CLASS = _rx(r"\(?highly effective\)? (?:medication|medicines?|drugs?|DMT|treatments?|MS medication)s?"
                  r"|(?:zeer|hoog) ?effectieve (?:medicijnen|geneesmiddelen|behandeling)")
_HEDGE = _rx(r"\bmay\b|\bmight\b|\bcan\b|\bcould\b|potential|possibl|evidence|\bstud(?:y|ies)\b|\btrials?\b"
             r"|suggest|\bhope|expected|likely|uncertain|insufficient|presum|\bkan\b|\bkunnen\b|mogelijk"
             r"|misschien|onderzoek|\blijkt\b|wellicht|\bsoms\b")
_NEGATION = _rx(r"\bnot\b|\bno\b|n't\b|\bniet\b|\bgeen\b|\bnor\b")
_PROVIDER = re.compile(r"\b(?:[A-Z][\w'-]+\s+){0,3}(?:Clinic|Kliniek|Hospitals?|Ziekenhuis|Cliniques?|UMC|"
                       r"Centre|Center|Centrum)\b(?:\s+(?:[A-Z][\w'-]+|Saint-\w+))*")
_LABEL = re.compile(r"^([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}):\s")
_OFFERING = _rx(r"\boffer|speciali[sz]|focuses on|\bprovides?\b|treatments? for|\bbiedt\b|gespecialiseerd")
_PRIVATE = _rx(r"private clinic|privékliniek|privé-kliniek")
_NETHERLANDS = _rx(r"\bNetherlands\b|\bDutch\b|\bNederland(?:se|s)?\b|Amsterdam|Nieuwegein|Zorginstituut"
                   r"|basic health insurance package|basispakket|Health Care Institute|\bUMC\b")
# Every rule searched in one prefiltered pass per sentence: (category, weight) by pattern index.
_RULES = [(name, weight) for name, rules in _CATEGORY_RULES.items() for _, weight in rules]
_RULE_SET = PatternSet([pattern for rules in _CATEGORY_RULES.values() for pattern, _ in rules])
_FLAG_SET = PatternSet([_PROMOTIONAL, _DRUG_CLASS, _EFFICACY, _HEDGE, _NEGATION, _PRIVATE, _OFFERING, _NETHERLANDS])
_CLAIM_SET = PatternSet([_EFFICACY, _HEDGE, _NEGATION])
_RANK = {name: rank for rank, name in enumerate(PRIORITY)}


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


def categorise(sentence: str) -> str:
    """The category with the most evidence; ties go to the one patients most need (risk first)."""
    scores = dict.fromkeys(_CATEGORY_RULES, 0.0)
    for (name, weight), found in zip(_RULES, _RULE_SET.found(sentence.lower()), strict=True):
        if found:
            scores[name] += weight
    best = max(PRIORITY, key=lambda name: (scores[name], -_RANK[name]))
    return best if scores[best] > 0 else "what-it-is"


def flags_for(sentence: str, block: Block, audience: str | None) -> tuple[str, ...]:
    """The flags of one sentence of ``block`` (see :data:`FLAGS`)."""
    found = []
    lowered = sentence.lower()
    promotional, drug_class, efficacy, hedge, negation, private, offering, dutch = _FLAG_SET.found(lowered)
    if promotional:
        found.append("promotional")
    if drug_class:
        efficacy, hedge, negation = _CLAIM_SET.found(_DRUG_CLASS.sub("", lowered))
    if efficacy and not hedge and not negation:
        found.append("unhedged-claim")
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
