"""Page furniture, publisher boilerplate and calls to action: lines that are never content.

Web captures carry navigation, search widgets, breadcrumbs, image file names, site
banners, disclaimers and sales prompts around the article; readers drop them here so
that no later stage can mistake them for statements or terms.
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
                or (_BAR_NAV.match(line) and len(line.split()) <= 10))


def is_breadcrumb(line: str) -> bool:
    return bool(_CRUMB.match(line))


def is_numbered(line: str) -> bool:
    return bool(_NUMBERED.match(line))


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def is_boilerplate(sentence: str) -> bool:
    """Whether a sentence is a cross-reference, disclaimer or call to action, never a statement."""
    return bool(BOILERPLATE.search(sentence))
