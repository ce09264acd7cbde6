"""The category of a statement: an explicit decision among word-pattern rules, or ``other``.

Each category has weighted patterns in English, Dutch and French (matched on the lowercased
sentence in one prefiltered pass). The category with the most evidence wins; ties go to
the one patients most need (risk first). A sentence with no evidence for any category is
``other`` (a date, a team, opening hours): never a silent "what-it-is".
"""

from __future__ import annotations

import re

from extract import claims
from extract.prefilter import PatternSet

CATEGORIES = ("what-it-is", "eligibility", "procedure", "benefit", "risk", "access", "regulation", "advice", "other")
PRIORITY = ("risk", "advice", "regulation", "access", "eligibility", "procedure", "benefit", "what-it-is")


def _rx(pattern: str) -> re.Pattern[str]:
    """A pattern for lowercased text (much faster than re.IGNORECASE on long alternations)."""
    return re.compile(pattern.lower())


_CATEGORY_RULES: dict[str, list[tuple[re.Pattern[str], float]]] = {
    "risk": [(_rx(r"\brisks?\b|side[- ]effects?|dangerous|\bdeath\b|\bdying\b|infections?|infertility|complications?"
                  r"|vulnerable|adverse|\bharm|hair loss|lose your hair|hair fell|\bfever\b|fatigue|blindness|tumours?"
                  r"|paralysis|rejection|weakens|bleeding|bruising|swelling|menopause|thyroid|\bsafe\b|risk-free"
                  r"|risico|bijwerking|gevaarlijk|overlijd|infectie|complicatie|onvruchtbaar|haaruitval|haar verliezen"
                  r"|koorts|vermoeid|verzwakt|blindheid|tumoren|afstoting|blauwe plek|\bveilig\b|schildklier"
                  r"|risque|effets (?:secondaires|indésirables)|décès|affaiblit|tumeurs|graves?\b|\bsûre?\b"), 1.0),
             (_rx(r"\bserious\b|\bernstig|long-term effects|lange termijn|long terme"), 0.5)],
    "advice": [(_rx(r"advis|\badvice\b|\bconsult\b|\bask (?:your|a|the|for|what|why)\b|talk (?:to|with)|recommend"
                    r"|discourag|(?:crucial|important) to (?:consult|approach|ask|discuss)|\bwe want to prevent\b"
                    r"|^(?:vraag|bespreek|ask|talk|check|tell|report|keep|read|wash|avoid|be (?:careful|wary)"
                    r"|speak|discuss|contact the|do not take|meld|bewaar|was|wees|verwittig|ga na|overleg|neem geen"
                    r"|parlez|demandez|méfiez|consultez|discutez)\b|\bmy advice\b|\braden?\b[^.]*\baf\b|afgeraden"
                    r"|\bvraag (?:uw|je|altijd|dan)|bespreek|overleg|\badvies|\bask why\b"), 1.5),
               (_rx(r"\bshould\b|\bmoet(?:en)?\b|\bdevez\b"), 0.5)],
    "regulation": [(_rx(r"regulat|\blaws?\b|legislation|directive|authori[sz]|approv|\bfamhp\b|\bfagg\b|\bafmps\b"
                        r"|\bema\b|\bagency\b|oversee|compliance|permit|guidelines|consent|accredit|prosecut|inspect"
                        r"|manufacturing practice|hospital exemption|unlicensed|advertising|regelgeving|wetgeving"
                        r"|vergun|goedkeur|toezicht|\bwet\b|\bregels\b|toestemming|parket|agentschap|inspecteert"
                        r"|reclame|verordening|législation|règlement|\bloi\b|autoris|approuv|comité d'éthique"
                        r"|ethics committee|ethisch comité"), 1.0)],
    "access": [(_rx(r"reimburs|insurance|\bcosts?\b|\bprices?\b|afford|\beuros?\b|\bpaid\b|\bpay\b|health fund|quote"
                    r"|terugbetaal|vergoed|verzeker|kosten|prijs|ziekenfonds|\briziv\b|\binami\b|rembours|mutuelle"
                    r"|\bprix\b|\bfrais\b"), 2.0),
               (_rx(r"\bavailable (?:in|for|at|from|to)\b|availability|\baccess\b|offered|\boffers?\b|\bbook\b"
                    r"|carried out in|performed (?:in|only)|\bhospitals?\b|\bclinics?\b|\bcentres?\b|speciali[sz]e in\b"
                    r"|abroad|travel|waiting list|referral|consultation|\bcall\b|\breserve|places|\bpatients trust\b"
                    r"|packages?|facility|coordinators|\bform\b|information pack|beschikbaar|ziekenhui[sz]|kliniek"
                    r"|buitenland|wachtlijst|verwijzing|afspraak|\bbel\b|reserveer|plaatsen|formulier|pakket"
                    r"|réalisé|hôpitaux|clinique|réservez|consultation|places|appelez|patients from|patiënten uit"
                    r"|\bregistry\b|\bcoordinated\b|behandelplan|coördinatoren"), 1.0),
                (claims.URGENCY, 1.5)],
    "eligibility": [(_rx(r"eligib|suitable|for whom|(?:do not|don't) respond|specific group|special cases"
                         r"|works? (?:best|mainly) in|(?:especially|particularly|most) effective in|only offered to"
                         r"|must be fit|were (?:included|excluded)|\bqualif|cannot have|decides? together|largest in"
                         r"|in aanmerking|geschikt|voor wie|alleen (?:voor|bij)|bedoeld voor|fit zijn|réservé aux"
                         r"|éligible|criteria|\bwho can\b|\bdonor must\b|\baged \d"), 1.5),
                    (_rx(r"\bpeople with\b|\bpatients with\b|\bmensen met\b|\bpatiënten met\b"
                         r"|personnes atteintes"), 0.5)],
    "procedure": [(_rx(r"administer|chemotherap|frozen|thaw|transplanted|infusion|\biv\b|collect|harvest|inject"
                       r"|derived from|growth factors|\bstarts? with\b|surgery|procedure|\bstay\b|central line"
                       r"|blood tests|processe[sd]|taken from|anaesthe|laboratory|returned|given back|conditioning"
                       r"|\bdrip\b|single room|blood counts|go back to work|put to sleep|toedien|ingevroren|ontdooi"
                       r"|teruggegeven|afgenomen|infuus|groeifactor|opgenomen|\bstap(?:pen)?\b|inspuiting|ingreep"
                       r"|verblijft|katheter|verdoving|gehaald|labo|bloedonderzoek|eenpersoonskamer|prélevées"
                       r"|perfusion|séjour|restez|congelées|réinjectées"), 1.0)],
    "benefit": [(_rx(r"benefit|effective|\bhelps?\b|improv|stabili[sz]|\bslow|suppress|reduc|repair|promising"
                     r"|reliev|\bworks?\b|outcomes?|solution|\bcur(?:e|es|ed)\b|\bheal|regenerat|restor|revers"
                     r"|rebuild|rejuvenat|eliminat|relapses?|pain[- ]free|results?|success|quality of life|recover"
                     r"|\bwalk|disease activity|\bhalts?\b|\bstops?\b|\bprevents?\b|\bprotects?\b|\bboosts?\b"
                     r"|evidence|placebo|\bremain stable|life back|\bchance of a cure|\btreat (?:children|patients)"
                     r"|younger|stronger|energ|\bhope\b|\bdifference\b|\bmiracle|\bgame-?changer|breakthrough"
                     r"|voordeel|effectief|doeltreffend|werkt|helpt|verbeter|remm|vertraag|herstel|stabiel|geneest"
                     r"|genezen"
                     r"|genezing|pijnvrij|resultaten|aanvallen|ziekteactiviteit|vernieuw|verjong|wonder|doorbraak"
                     r"|bewijs|verlicht|voorkomt|\bstopt\b|leven terug|slaagpercentage|levenskwaliteit"
                     r"|guér|répar|régénèr|soulag|résultats|amélior|réussite|qualité de vie|poussées|efficace"
                     r"|percée|inflammation|ontsteking|preuves|\bpain\b|\bpijn\b|douleur|\bgezondheid\b"
                     r"|\bproof\b"), 1.0),
                (_rx(r"\bstud(?:y|ies)\b|\btrials?\b|\bstudie|\bétudes?\b"), 0.5),
                # claims, promises of outcome, testimonials and success rates are about benefit
                (claims.CLAIM, 1.5), (claims.PROMISE, 1.0), (claims.TESTIMONIAL, 1.0), (claims.RATIO, 1.0)],
    "what-it-is": [(_rx(r"\bis an?\b|\bwe mean\b|\bmeans\b|refers to|short for|defined as|consists? of|\bare found\b"
                        r"|\bis een\b|betekent|bedoel|staat voor|\bzijn cellen\b|\bare (?:cells|products)\b"
                        r"|\bis (?:the|wear)\b"
                        r"|\best une?\b|consiste|désigne|signifie|\bis slijtage\b|\baims to\b|\bwil\b"), 1.0)],
}
# Every rule searched in one prefiltered pass per sentence: (category, weight) by pattern index.
_RULES = [(name, weight) for name, rules in _CATEGORY_RULES.items() for _, weight in rules]
_RULE_SET = PatternSet([pattern for rules in _CATEGORY_RULES.values() for pattern, _ in rules])
_RANK = {name: rank for rank, name in enumerate(PRIORITY)}


def categorise(sentence: str) -> str:
    """The category with the most evidence; ties go to the one patients most need; ``other`` without any."""
    scores = dict.fromkeys(_CATEGORY_RULES, 0.0)
    for (name, weight), found in zip(_RULES, _RULE_SET.found(sentence.lower()), strict=True):
        if found:
            scores[name] += weight
    best = max(PRIORITY, key=lambda name: (scores[name], -_RANK[name]))
    return best if scores[best] > 0 else "other"
