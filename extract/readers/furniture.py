"""Page furniture, publisher boilerplate and calls to action: lines that are never content.

Web captures carry navigation, search widgets, breadcrumbs, image file names, site
banners, disclaimers and sales prompts around the article; readers drop them here so
that no later stage can mistake them for statements or terms. Recognised by structure
(breadcrumb trails with > » › /, bar-separated menus, © lines, short lines with a phone
number or e-mail address) and by the phrases of cookie and consent banners, share and
subscribe prompts, legal disclaimers, post metadata and contact prompts in en, nl and fr.
"""

from __future__ import annotations

import re

_LINE = re.compile(
    r"""(?ix)^(?:
      skip\ to\ (?:main\ )?content | listening\.* | search(?:\ results)? | no\ results(?:\ found)? |
      sorry,\ i\ don't\ understand.* | related\ (?:articles|posts|news) | read\ more\?? | lees\ (?:verder|meer)\W* |
      share(?:\ this(?:\ article)?)?(?:\ on\ \w+)? | print(?:\ this\ page)? | menu | home | back\ to\ top |
      (?:accept|reject)(?:\ all)?(?:\ cookies)? | .*\bcookies?\ (?:policy|settings)\b.* |
      trusted\ by\ .* | free\ webinar:.* | disclaimer:.* | learn\ about\ how\ you\ can\ become\b.* |
      .*\byou\ can\ receive\ a\ free\ quote\b.* | to\ learn\ more\ about\b.*\bplease\ visit\b.* |
      .*\bsubscribe\ to\ our\ newsletter\b.* | .*\bbook\ (?:a|your)\ (?:free\ )?consultation\b.* |
      \[(?:english|dutch|nederlands|français|french|deutsch|german)\]\s*\S*
    )$""")
# Phrases that make any line or sentence boilerplate, in en, nl and fr.
_PHRASES = re.compile(
    r"""(?ix)
      # cookie and consent banners
      \bcookies?\b | \bby\ continuing\ to\b | \bdoor\ verder\ te\ (?:surfen|gaan)\b | \ben\ poursuivant\b
      | \b(?:not|no|geen|niet|pas|ne)\b.{0,60}\b(?:medical\ advice|medisch\ advies|avis\ médical|conseil\ médical)\b
      | \bviews\ expressed\b | \blouter\ informatief\b | \bà\ titre\ (?:informatif|indicatif)\b
      | ^(?:read\ next|lees\ ook|à\ lire\ aussi)\b | ^(?:by|door|par)\ [A-Z][\w-]+\ [A-Z][\w-]+\b
      | \b(?:we|this\ site|this\ website|our\ site)\ uses?\ cookies\b | \bcookie(?:beleid|verklaring|instellingen)\b
      | \bgebruikt\ cookies\b | \butilise\ des\ cookies\b | \bcookies\b.*\b(?:aanvaard|accepteer|acceptez|paramètres)
      | ^(?:manage|cookie)\ (?:preferences|settings)$
      | ^(?:accept|reject|allow|alle|tout)\ (?:all|cookies|accepter|refuser)\b
      | ^(?:got\ it|ok(?:ay)?|i\ agree|akkoord|j'accepte|voorkeuren\ instellen|paramètres\ des\ cookies)!?$
      # share, follow and subscribe prompts
      | ^(?:share|deel|partager|like|follow|volg|suivez)\b.*\b(?:facebook|twitter|linkedin|instagram|x|e-?mail|friends
           |vrienden|amis|article|artikel|page|pagina|us|ons|nous)\b
      | \bshare\ (?:it|this)\ with\b | \b(?:subscribe|sign\ up|inscrivez-vous|abonnez-vous|schrijf\ (?:u|je)\ in)\b
      | \b(?:newsletter|nieuwsbrief|infolettre)\b
      | ^(?:enter\ your\ e-?mail|uw\ e-?mailadres|votre\ (?:adresse\ )?e-?mail)
      | \b(?:stay|blijf)\ (?:up\ to\ date|informed|op\ de\ hoogte)\b | \brestez\ informé
      # legal disclaimers
      | \bnot\ (?:a\ substitute|intended\ as\ a\ substitute)\ for\b | \bdoes\ not\ replace\b
      | \bvervangt\ geen\b | \bne\ remplacen?t?\ pas\b | \bfor\ (?:general\ )?information(?:al)?\ (?:purposes\ )?only\b
      | \bshould\ not\ be\ relied\ upon\b | \bresults\ (?:may|can)\ vary\b | \bindividual\ results\b
      | \bresultaten\ kunnen\ verschillen\b | \brésultats\ peuvent\ varier\b | \bterms\ (?:and|&)\ conditions\b
      | \bprivacy\ (?:policy|statement|beleid)\b | \bprivacybeleid\b | \bmentions\ légales\b
      | \bpolitique\ de\ confidentialité\b | \bgeen\ medisch\ advies\b
      # copyright
      | © | \(c\)\ \d{4} | \bcopyright\b | \ball\ rights\ reserved\b | \balle\ rechten\ voorbehouden\b
      | \btous\ droits\ réservés\b
      # post metadata and article navigation
      | ^(?:posted|published|written|geplaatst|gepubliceerd|publié)\ (?:by|on|door|op|par|le)\b
      | \b\d+\ min(?:ute)?s?\ read\b
      | ^(?:tags|categories|category|categorieën|catégories|labels)\s*:
      | ^(?:previous|next|vorig|volgend)e?\ (?:article|post|artikel|bericht)
      | ^article\ (?:précédent|suivant) | ^(?:back\ to\ top|terug\ naar\ (?:boven|top)|retour\ en\ haut)
      | ^(?:you\ are\ here|u\ bent\ hier|vous\ êtes\ ici)\s*:
      # contact prompts
      | \bget\ in\ touch\b | \bcontact\ us\b | \bcontactez-nous\b | \bneem\ contact\ met\ ons\b
      | ^(?:call\ us|bel\ ons|appelez-nous|contact|tel|tél|phone|e-?mail)\s*[.:]
    """)
_CRUMB_TRAIL = re.compile(r"^[^.!?]{1,40}(?:\s(?:>|»|›|/|\\|→)\s[^.!?]{1,60}){2,}$")
_CONTACT = re.compile(r"(?:\+\d{2}[\s\d]{7,}|\b0\d{1,2}[\s/.]\d{2,3}[\s.]\d{2}[\s.]\d{2}\b|[\w.+-]+@[\w-]+\.[\w.]+)")
MAX_CONTACT_WORDS = 15
_IMAGE = re.compile(r"(?i)^[^\s/\\][^/\\]*\.(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?)$")
_CRUMB = re.compile(r"^\d{1,2}\.\s*[^.!?]{0,60}/$")
_NUMBERED = re.compile(r"^\d{1,2}\.\s")
_BAR_NAV = re.compile(r"^[^.!?]*\|[^.!?]*$")
_URL_ONLY = re.compile(r"(?i)^(?:\[[^\]]*\]\s*)?(?:https?://\S+\s*)+$")
_SENTENCE_END = re.compile(r"[.!?:;,]['\")\]]*$")

# Sentence-level boilerplate: cross-references, disclaimers and sales prompts inside paragraphs.
BOILERPLATE = re.compile(
    r"""(?ix)
      \byou\ can\ read\ more\ about\ this\ in\b | \bread\ more\ about\b | \bfor\ more\ information,?\ (?:see|visit)\b |
      \bfree\ quote\b | \bfree\ webinar\b | \bclick\ here\b | \bcontact\ us\b | \bsign\ up\b |
      \bfor\ informational\ purposes\ only\b | \bdo\ not\ endorse\b | \bstrictly\ at\ your\ own\ risk\b |
      \bno\ representations\ or\ warranties\b | \bbecome\ a\ certified\b | \bplease\ visit\b |
      \bstay\ informed\b | \bthis\ article\ (?:provides|gives|describes|explains)\b |
      \blees\ (?:verder|meer)\b | \bmeer\ (?:lezen|informatie)\ (?:op|via)\b | \bklik\ hier\b
    """)


def is_furniture(line: str) -> bool:
    """Whether one stripped, quote-normalised line is navigation, a widget, a banner or a prompt."""
    if not line:
        return False
    return bool(_LINE.match(line) or _IMAGE.match(line) or _CRUMB.match(line) or _URL_ONLY.match(line)
                or (_BAR_NAV.match(line) and len(line.split()) <= 10) or _CRUMB_TRAIL.match(line)
                or _PHRASES.search(line) or (_CONTACT.search(line) and len(line.split()) <= MAX_CONTACT_WORDS))


def is_breadcrumb(line: str) -> bool:
    return bool(_CRUMB.match(line))


def is_numbered(line: str) -> bool:
    return bool(_NUMBERED.match(line))


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def is_boilerplate(sentence: str) -> bool:
    """Whether a sentence is a cross-reference, disclaimer or call to action, never a statement."""
    return bool(BOILERPLATE.search(sentence) or _PHRASES.search(sentence) or _CRUMB_TRAIL.match(sentence)
                or (_CONTACT.search(sentence) and len(sentence.split()) <= MAX_CONTACT_WORDS))
