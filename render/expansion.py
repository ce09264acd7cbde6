"""First use of an abbreviation in a leaflet: add its full form from the glossary.

The reader meets "FAGG" for the first time and should learn what it stands for, in their
language: the first occurrence of a concept's preferred abbreviation in the running text
becomes "<preferred full form> (<abbreviation>)" — or "<compound> (<full form>)" when the
abbreviation heads a hyphenated compound such as "aHSCT-behandeling". Later uses stay
short. A statement that already names the concept with a full form or lay term, or has
the abbreviation in parentheses after its own wording (the translator wrote the
expansion), is left alone, and counts as the first use.
Titles and headings stay short; only statements are expanded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from glossary.matching import TermMatch, TermMatcher
from glossary.model import Glossary

# One statement's text as (text, is_expansion) parts.
Parts = list[tuple[str, bool]]
_SENTENCE_ENDS = (".", "!", "?", ":")


def expand_first_uses(texts: Sequence[str | None], glossary: Glossary, lang: str) -> list[Parts | None]:
    """``texts`` in reading order (None: no translation) -> their parts with first uses expanded."""
    matcher = TermMatcher.build(glossary, lang)
    introduced: set[str] = set()
    result: list[Parts | None] = []
    for text in texts:
        if text is None:
            result.append(None)
            continue
        matches = matcher.find(text)
        spans = Counter((match.start, match.end) for match in matches)
        named = {match.concept_id for match in matches if match.term.type != "abbreviation" and match.term.accepted}
        parts: Parts = []
        cursor = 0
        for match in matches:
            concept = glossary.get(match.concept_id)
            preferred = concept.abbreviation(lang) if concept else None
            if concept is None or preferred is None or match.term is not preferred:
                continue
            if match.concept_id in introduced:
                continue
            introduced.add(match.concept_id)
            full = concept.preferred(lang)
            if (full is None or match.concept_id in named or spans[(match.start, match.end)] > 1
                    or _in_parentheses(text, match)):
                continue
            cursor = _expand(text, match, full.text, cursor, parts)
        parts.append((text[cursor:], False))
        result.append(parts)
    return result


def _expand(text: str, match: TermMatch, full: str, cursor: int, parts: Parts) -> int:
    """Append the text up to and including the expanded abbreviation; return the new cursor."""
    word_end = _compound_end(text, match.end)
    if word_end > match.end:
        parts.append((text[cursor:word_end], False))
        parts.append((f" ({full})", True))
        return word_end
    if _starts_sentence(text, match.start):
        full = full[:1].upper() + full[1:]
    parts.append((text[cursor:match.start], False))
    parts.append((f"{full} ({match.surface})", True))
    return match.end


def _in_parentheses(text: str, match: TermMatch) -> bool:
    """"… (FAGG)": the translator wrote an expansion before it, in whatever form."""
    return text[:match.start].endswith("(") and text[match.end:].startswith(")")


def _compound_end(text: str, end: int) -> int:
    """The end of a hyphenated compound the abbreviation heads ("aHSCT-behandeling"), else ``end``."""
    if end + 1 >= len(text) or text[end] not in "-‐‑" or not text[end + 1].isalpha():
        return end
    position = end + 1
    while position < len(text) and (text[position].isalnum() or text[position] in "-‐‑"):
        position += 1
    return position


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \u00a0\"'“„«‘(")
    return not before or before.endswith(_SENTENCE_ENDS)
