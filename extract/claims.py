"""Promotional language and unhedged claims in one sentence, from general patterns in en, nl and fr.

*Promotional*: the sentence sells. Its signs are hype words and superlatives ("world-class",
"revolutionary", "toonaangevend", "de pointe"), promises of outcome ("we guarantee",
"for good", "pain-free", "uw leven terug"), success rates that cite no source ("97% of
our patients"), urgency and calls to act ("book now", "places are limited", "reserveer
vandaag"), and testimonials (a first-person story of recovery, a named patient).

*Unhedged claim*: the sentence says a treatment cures, repairs, restores, prevents, works
or is safe as a plain fact: a claim verb or adjective with no hedge (may, can, some
patients, studies, kan, mogelijk, bij sommige patiënten, peut, selon), no negation and no
source. An absolute ("completely safe", "no side effects", "geen risico", "sans effets
secondaires", "in all cases") is a claim even next to a quantifier.

Every pattern is matched on the lowercased sentence through one :class:`PatternSet`.
"""

from __future__ import annotations

import re

from extract.prefilter import PatternSet


def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.lower())


HYPE = _rx(
    r"revolution|breakthrough|game[- ]?chang|miracle|\bmiraculous|cutting[- ]edge|state[- ]of[- ]the[- ]art"
    r"|world[- ]class|world[- ]renowned|\brenowned\b|award[- ]winning|unparalleled|unmatched|unbeatable|unrivall?ed"
    r"|exceptional|extraordinary|outstanding|remarkable|spectacular|amazing|incredible|fantastic|dramatic"
    r"|\bunique\b|\bexclusive\b|\bultimate\b|\bforefront\b|\bclinically proven\b|\bnaturally\b|\bat (?:its|the) root\b"
    r"|\bleading (?:clinics?|centres?|centers?|providers?|institutions?|specialists?|experts?|destination)"
    r"|\bthe leading\b"
    r"|\bin its tracks\b|\bfrom scratch\b|\bpainless\b|\bminimally invasive\b|\bonly (?:a few|\d+) (?:hours|minutes)\b"
    r"|\bimagine\b|never too late|\bback on the\b|\bchanged? (?:my|your) life|\bfeel like a new\b|\blife back\b"
    r"|powerhouse|\bpioneering\b|transformative"
    r"|\brave about\b|\btop (?:clinics?|specialists?|doctors?|destination)|\bthe most (?:powerful|experienced|advanced"
    r"|effective|innovative|trusted|qualified)\b|\bno better way\b|\bfuture of medicine\b|\bsatisfied patients\b"
    r"|\bhighly trained\b|\bfriendly\b|\bcaring staff\b|\btrust us\b|\bfeatured on\b|\brapidly emerging\b"
    r"|\bthe (?:best|finest) (?:possible|clinic|doctors|results?|care)\b|\bpowerful\b|\bpatented\b"
    r"|\bthe (?:most (?!common|frequent|often|likely|important|serious|severe|recent|widely|people|patients)\w+"
    r"|best|finest|safest|fastest|strongest|newest|latest|greatest|highest)\b|\b(?:in|of) the world\b|\banywhere\b"
    r"|\bamazed\b|\bdelighted\b|\blike nothing else\b|\bunlike (?:surgery|other)|\btailor-made\b|\bpackage deals?\b"
    r"|\b(?:just|only) one (?:session|injection|treatment|visit)\b|\bzero downtime\b|\bdon't let\b|!$"
    # nl
    r"|revolutionair|baanbrekend|doorbra(?:ak|ken)|wereldklasse|toonaangevend|\bunieke?\b|\bexclusie[fv]"
    r"|befaamd|bekroond|spectaculair|ultramodern|topspecialist|topkliniek|\bwonder\b|krachtigste|gamechanger"
    r"|razendsnel|\baan de top\b|\btevreden patiënten\b|vertrouwen (?:duizenden|op ons)|\bdé\b|te zien op"
    r"|\bmeest \w+|\bter wereld\b|\bals geen ander\b|\bop maat\b|\b(?:met )?(?:één|maar één) (?:sessie|inspuiting"
    r"|behandeling)\b"
    r"|\blaat\b.*\bniet\b.*\buw leven\b|\bbeste\b|\bsnelste\b|\bveiligste\b|\bnieuwste\b|\bmodernste\b"
    r"|vriendelijke|\bgeen betere\b|natuurlijke manier|bij de wortel|pijnloze?\b|minimaal invasie|maar enkele uren"
    r"|\bstel u voor\b|nooit te laat|\bleven veranderd\b|\bweer op de\b|\bleven terug\b|klinisch bewezen"
    # fr
    r"|révolutionnaire|\bpercée\b|renommée mondiale|\bde pointe\b|\bmiracle\b|exceptionnel|\bexclusi(?:f|ve)\b"
    r"|incroyable|spectaculaire|\bmeilleur|naturellement|à la racine|indolore|\bau monde\b|sur mesure|une seule séance"
    r"|ne laissez pas")
PROMISE = _rx(
    r"\bguarantee|\bmoney back\b|\bfor good\b|once and for all|pain[- ]free|\blife back\b|\bsay goodbye\b"
    r"|\bno more (?:pain|pills|wheelchair|painkillers|suffering)|\byou will (?:feel|notice|see|be able)"
    r"|\breclaim your\b|\bregain your\b|\bend years of\b|\bheals? itself\b"
    r"|garander|gegarandeerd|\bgeld terug\b|pijnvrij|\bzeg vaarwel\b|\bu voelt zich\b"
    r"|\bherwin\b|\bgeneest (?:uw lichaam )?zichzelf|\bbeëindigen\b"
    r"|garantissons|\bgaranti|\bremboursons\b|sans douleur|vous vous sentirez|\bparle de lui-même\b")
URGENCY = _rx(
    r"^(?:book|call|contact us|act|hurry|reserve|request|join|discover|secure|start your|get your|fill in"
    r"|don't (?:wait|miss)|experience the|claim your)\b|\b(?:book|call us|act|order|register|apply) (?:now|today)\b"
    r"|\b(?:today|now)\b.*\b(?:first step|consultation|treatment|journey)\b|\blimited (?:places|spots|offer|time)\b"
    r"|\bplaces are limited\b|\bsecure your\b|\bbefore prices\b|\bdiscount\b|\bsave \d+ ?%|\bonly [\d.,]+ euros?\b"
    r"|\bstart(?:ing)? at (?:only )?[\d.,]+|\bfree(?:,)? (?:no-obligation|consultation|assessment|quote|mri"
    r"|information)"
    r"|\boffer\b.*\bfree\b|\bexclusive offer\b|\bdon't wait\b|\bwhy wait\b|\bwithin 24 hours\b|\bcall you back\b"
    r"|^(?:maak|bel|boek|haast u|reserveer|sluit u aan|ontdek|ontvang|verzeker u|vul|begin vandaag|mis deze)\b"
    r"|\bvandaag nog\b|\bbeperkt\b.*\b(?:nu|vandaag)\b|\bkorting\b|\bvanaf slechts\b|\bgratis\b|\bwacht niet\b"
    r"|\baanbod\b|\bbinnen (?:24 uur|het uur)\b|\bvrijblijvend"
    r"|^(?:réservez|appelez|contactez|profitez|découvrez|n'attendez)\b|\bdès aujourd'hui\b|\bsont limitées\b"
    r"|\bgratuite?\b|\bsans engagement\b|\bmaintenant\b"
    r"|\b(?:now|today|vandaag|nu|maintenant)\b.*\b(?:our|your|onze?|uw|notre|nos|votre)\b"
    r"|\b(?:our|your|onze?|uw|notre|nos|votre)\b.*\b(?:now|today|vandaag|nu|maintenant)\b"
    r"|\b(?:only|just|nog maar|plus que|seulement) \w+ (?:\w+ )?(?:slots?|places?|spots?|plaatsen)\b"
    r"|\b(?:offer|deals?|offerte|pakketprijs\w*|offre)\b")
TESTIMONIAL = _rx(
    r"\b(?:i|my|me)\b.*\b(?:miracle|best decision|new person|finally|real hope|again|changed my life|"
    r"not had a single|free of|threw away|no longer|back to)\b|^[a-z]+(?: [a-z]\.)?,? \(?\d{2}\)?,"
    r"|\bthank you\b.*\b(?:you|team)\b"
    r"|\b(?:ik|mijn)\b.*\b(?:wonder|eindelijk|weer|echte hoop|nieuwe mens|weg|niet meer)\b|^bedankt\b"
    r"|\b(?:j'ai|je|ma|mon)\b.*\b(?:miracle|enfin|de nouveau|re\w+er)\b|^merci\b")
SUCCESS_RATE = _rx(
    r"\d+ ?%|\b(?:nine|eight|seven|six|negen|acht|zeven|neuf|huit|sept) (?:out of|op de|sur) (?:ten|tien|dix)"
    r"|\b(?:thousands|duizenden|milliers|over [\d.,]+|meer dan [\d.,]+|plus de [\d.,]+) (?:of )?(?:satisfied )?"
    r"(?:patients|patiënten)")
OWN_RATE = _rx(
    r"\bour\b|\bonze?\b|\bnos\b|\bnotre\b|\bwe\b|\bwij\b|\bnous\b|success|satisf|slaag|tevreden|réussite|\bup to\b"
    r"|\btot \d|\bjusqu'à\b|\bsee\b|\bzien\b|\bmost\b|\bmeeste\b")
SOURCE = _rx(
    r"\bstud(?:y|ies)\b|\btrials?\b|\baccording to\b|\breview\b|\bpublished\b|\bcohort\b|\bresearch|\bregistry\b"
    r"|\bstudie|\bonderzoek|\bvolgens\b|\bétudes?\b|\bessais?\b|\bselon\b|\bregist")
CLAIM = _rx(
    r"\bcur(?:e|es|ed|ing)\b|\bheal(?:s|ed|ing)?\b|\brepair(?:s|ed)?\b|\bregenerat(?:e|es|ed|ing)\b|\brestor(?:e|es"
    r"|ed)\b"
    r"|\brevers(?:e|es|ed)\b|\brebuild|\brejuvenat|\beliminat|\bends? (?:\w+ )?pain\b|\bstops?\b|\bhalts?\b"
    r"|\bprevents?\b|\bprotects?\b|\bimproves?\b|\breduces?\b|\brelieves?\b|\bboosts?\b|\bstimulates?\b"
    r"|\bspeeds? up\b|\bworks? (?:for|well|on|against|wonders)\b|\b(?:approach|treatment|therapy|it) works\b"
    r"|\bgives? (?:you |them |patients )?back\b|\bget (?:\w+ )?back\b|\breplaces?\b|\btargets?\b|\bcalms?\b|\bfix\b"
    r"|\bregain\b|\breturn to\b|\brelief\b|\bfull (?:mobility|function|recovery)\b|\bfree of pain\b"
    r"|\bthe most (?!common|frequent|often|likely|important|serious|severe|recent|widely|people|patients)\w+"
    r"|\b(?:krijg\w*|geeft|geven)\b.*\bterug\b|\bvervang(?:t|en)\b|\bkalmeren\b|\bkalmeert\b|\bverlichting\b"
    r"|\bmeest \w+|\bvolledige (?:beweeglijkheid|functie)\b|\bremplacent?\b|\bcalment?\b|\brendent?\b"
    r"|\bhelps\b|\bstabili[sz]es\b|\bslows (?:down )?\w|\blowers\b|\bstrengthens\b|\bpromotes (?:healing|repair"
    r"|recovery)"
    r"|\baccelerates\b|\bsuppresses\b|\bregrows?\b|\brenews?\b|\breplaces damaged\b|\bbrings relief\b|\bworks\.$"
    r"|\bhelpt\b|\bstabiliseert\b|\bvertraagt\b|\bremt\b|\bversterkt\b|\bbevordert\b|\bvervangt beschadigd"
    r"|\baide (?:à|les|vos)\b|\bstabilise\b|\bralentit\b|\bfreine\b|\brenforce\b|\bfavorise (?:la )?(?:guérison"
    r"|réparation)"
    r"|\beffective\b|\bsafe\b|risk[- ]free|\bno risk\b|\bno side effects\b|\bproven\b|\bpermanent|\blong-lasting\b"
    r"|\bresults are\b|\bresets?\b|\brecover faster\b|no longer (?:attacks|progress)|\btreats? (?!patients)\w"
    r"|\bsolution\b|\bhelped\b|\bdelivers\b|\bwalk better\b|\bbetter quality\b|\bdramatic improvements?\b"
    r"|\bachieve\b|\bensures?\b|\bpain-free\b|\bdifference in\b|\bthe most powerful\b|\bno better way\b"
    r"|\bgeneest\b|\bgenezen\b|\bherstel(?:t|len)\b|\bvernieuw|\bregenere(?:ert|ren)\b|\bverjong|\bbouw(?:t"
    r"|en)\b.*\bop\b|\bstopt\b"
    r"|\bverminder(?:t|en)\b|\bverlicht|\bversnelt\b|\bvoorkomt\b|\bbeschermt\b|\bverbeter(?:t|en|ing)\b"
    r"|\b(?:behandeling|therapie|aanpak) werkt\b|\bwerkt (?:bij|voor|goed)\b|doeltreffend|\beffectie[fv]"
    r"|\bveilig\b|\bbewezen\b|\bblijvend|\bbehandelt (?!patiënten)\w|ongedaan|\bvormen nieuw|\bzet\b.*\bopnieuw\b"
    r"|\bresultaten zijn\b|\boplossing\b|\bhielpen\b|\bstappen beter\b|\bvolstaat\b|\bgenezing\b|\bfunctie terug\b"
    r"|\bgeen (?:bijwerkingen|risico)\b|\bzonder risico\b|pijnvrij|\bkrachtigste\b|\bgeen betere manier\b"
    r"|\bguérit\b|\brépar|\brégénèr|\brestaur|\bsoulag|\bréduit\b|\baméliore|\befficace|\bsûre?\b"
    r"|\bprouvé|\bmet fin\b|\bmeilleure qualité\b|\bréussite\b|\bsans (?:effets secondaires|risque)\b")
ABSOLUTE = _rx(
    r"\bcompletely\b|\btotally\b|\bno side effects\b|\bno risk\b|risk[- ]free|\bin (?:virtually )?all cases\b"
    r"|\bevery (?:type|patient|case)\b|\bpermanently\b|\bfor good\b|\bguarantee"
    r"|\bvolkomen\b|\bvolledig\b|\bgeen (?:bijwerkingen|risico)\b|\bzonder risico\b|\bin (?:vrijwel )?alle gevallen\b"
    r"|\belke vorm\b|\bblijvend|\bpermanent\b|\blasting\b|\bfull\b|\bvolledige?\b|\bdurable\b|\bonmiddellijk\b"
    r"|\bimmediate\b|\blong-lasting\b|\bvirtually all\b|\btotalement\b|\bsans (?:effets secondaires|risque)\b"
    r"|\bdans tous les cas\b")
HEDGE = _rx(
    r"\bmay\b|\bmight\b|\bcan\b|\bcould\b|\bpossibl|\bpotential|\bprobabl|\blikely\b|\bsuggest|\bappears?\b"
    r"|\bappeared\b|\bseems?\b|\bsome\b|\bmany\b|\bmost (?!advanced|powerful|effective|innovative)|\bseveral\b"
    r"|\bminority\b|\bhalf\b|\bthird\b|\bfew\b"
    r"|\bevidence\b|\bstud(?:y|ies)\b|\btrials?\b|\baccording to\b|\breported\b|\bfound\b|\bunclear\b"
    r"|\buncertain|\blimited\b|\binsufficient\b|\bearly (?:results|studies|data|findings|trials|research)\b"
    r"|\bpreliminary\b|\binvestigat|\btesting\b|\bbelieve"
    r"|\bsometimes\b|\busually\b|\boften\b|\bgenerally\b|\btypically\b|\brarely\b|\bin general\b|\bis thought\b"
    r"|\bmeestal\b|\bdoorgaans\b|\bvaak\b|\bzelden\b|\bwordt gedacht\b|\bsouvent\b|\bparfois\b|\bgénéralement\b"
    r"|\bhabituellement\b|\ben général\b|\bon pense\b|\bif\b"
    r"|\bexpected\b|\bhope|\bwhether\b|\baims? to\b|\bwil\b|\bwillen\b|\bvise\b|\bto (?:protect|prevent|treat|repair"
    r"|help)\b"
    r"|\bom\b.*\bte (?:voorkomen|beschermen|behandelen)\b|\bencouraging\b|\bclaims?\b|\bunknown\b"
    r"|\bnot (?:yet )?(?:known|proven)"
    r"|\bkan\b|\bkunnen\b|\bzou(?:den)?\b|\bmogelijk|\bmisschien\b|\bwellicht\b|\bwaarschijnlijk|\blijk(?:t|en)\b"
    r"|\bblijkt\b|\bvolgens\b|\bstudie|\bonderzoek|\bbewijs\b|\bsommige\b|\bveel\b|\bde meeste\b|\benkele\b"
    r"|\bsoms\b|\bniet bekend\b|\bonduidelijk|\beerste (?:resultaten|studies|onderzoek\w*|gegevens)\b|\baangetoond\b"
    r"|\bhoopgevend|\bwijzen erop\b|\bbeweringen\b|\bhelft\b"
    r"|\bpeu(?:t|vent)\b|\bpourrai(?:t|ent)\b|\bpossible|\bprobablement\b|\bsembl|\bselon\b|\bétudes?\b"
    r"|\bessais?\b|\bpreuves?\b|\bcertains\b|\bon ne sait pas\b|\bpas encore\b|\bencourageant")
NEGATION = _rx(r"\bnot\b|n't\b|\bnever\b|\bno (?!side effects|risk|more|better|longer)\w|\bniet\b(?! meer)"
               r"|\bgeen (?!bijwerkingen|risico|betere|ander\b|hersteltijd)|\bnon\b|\bne\b|\bn'|\baucun")
ADDRESS = _rx(r"\byour?\b|\bour\b|\bwe\b|\buw\b|\bonze?\b|\bwij\b|\bvous\b|\bvotre\b|\bvos\b|\bnos\b|\bnotre\b")
RATIO = _rx(r"\b(?:nine|eight|seven|six|negen|acht|zeven|neuf|huit|sept) (?:out of|op de|sur) (?:ten|tien|dix)\b")
_SET = PatternSet([HYPE, PROMISE, URGENCY, TESTIMONIAL, SUCCESS_RATE, OWN_RATE, SOURCE, CLAIM, ABSOLUTE, HEDGE,
                   NEGATION, ADDRESS, RATIO])


_TREATMENT = (r"(?:(?:stem |mesenchymal |the |our |these |this |each |injected |stamcel|de |het |onze "
              r"|deze |les |la |le |"
              r"nos |notre |ces )*(?:stem cells?|cells?|cellen|cellules(?: souches)?|stamcellen|therapy|treatment|"
              r"transplant(?:ation)?|injections?|procedure|method|protocol|product|therapie|behandeling|"
              r"transplantatie|inspuitingen?|methode|ingreep|traitement|greffe|thérapie|injections?|méthode))")
# A treatment as subject, then a verb in the present that is not a neutral one: "the cells calm ...".
_SUBJECT_VERB = re.compile(r"(?:^|[,;:] )" + _TREATMENT + r" (?:that |which |die |qui )?(\w+)\b")
_NEUTRAL_VERBS = _words("""is are was were be been has have had takes take lasts last costs cost involves involve
    uses use consists consist comes come contains contain requires require needs need means mean refers begins begin
    starts start happens occurs can may might could will would should must does do did remains remain seems seem
    appears appear divide divides travel travels weakens weaken causes cause damages affects attacks kills
    carries carry comes given received made taken collected frozen stored used offered performed
    is zijn wordt worden werd werden heeft hebben duurt kost gebeurt bestaat bestaan komt komen bevat bevatten
    kan kunnen mag mogen moet moeten zal zullen zou zouden lijkt lijken blijft blijven vraagt begint verzwakt
    veroorzaakt est sont a ont dure coûte comprend comprennent peut peuvent doit doivent semble semblent
    reste restent sera seront affaiblit provoque vient viennent
    in into for from of with at on to and or by as per without under than that which who
    naar van voor met uit op bij en of in te dan die dat om aan door
    de des du et pour avec dans sur par en que qui sans
    products product tourism transplant centre center centres therapy therapies treatment treatments banking
    bank research donors lines types injection injections registry trial trials sheet
    producten product toerisme therapie behandeling behandelingen centrum bank onderzoek studie
    produits produit tourisme thérapie traitement traitements centre banque recherche""")


def subject_claim(lowered: str) -> bool:
    """Whether a treatment is the subject of a verb in the present that is not a neutral one."""
    for match in _SUBJECT_VERB.finditer(lowered):
        verb = match.group(1)
        if verb not in _NEUTRAL_VERBS and not verb.endswith(("ed", "en", "é", "ée", "és", "ées")) \
                and not verb.isdigit() and len(verb) > 2:
            return True
    return False


def claim_flags(sentence: str) -> tuple[bool, bool]:
    """``(promotional, unhedged_claim)`` for one sentence."""
    lowered = sentence.lower()
    (hype, promise, urgency, testimonial, rate, own, source, claim, absolute, hedge, negation, address,
     ratio) = _SET.found(lowered)
    unsourced_rate = (ratio or (rate and own)) and not source and not hedge
    claim = claim or unsourced_rate or subject_claim(lowered)
    stated = not negation and (absolute or (not hedge and not source))
    unhedged = stated and (claim or (promise and not urgency))
    # Promises of outcome: an unhedged claim made to the reader or about "our" treatment, or an absolute.
    promised = unhedged and claim and (address or absolute)
    promotional = hype or promise or urgency or testimonial or unsourced_rate or promised
    return bool(promotional), bool(unhedged)
