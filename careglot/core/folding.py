"""Text folding: the one table of typographic characters careglot treats as their ASCII twins.

Sources, leaflets and catalogs write ``l’AFMPS``, „Stammzellen“ and ``10 000`` with a
no-break space; a reader, a glossary match or a search must see ``l'AFMPS``, ``"`` and a
space. :data:`FOLDS` maps each such character to one character, so folding keeps every
offset valid (the extractors map offsets back into the raw text). Case and accents fold
with :func:`fold_search` (lookup and the glossary web page) and :func:`sort_key`.
"""

from __future__ import annotations

import unicodedata

APOSTROPHES = "\u2019\u2018\u201a\u02bc"  # ’ ‘ ‚ ʼ
APOSTROPHE_LOOKALIKES = "\u0060\u00b4\u2032"  # ` ´ ′: what people type for ' in a search box
DOUBLE_QUOTES = "\u201c\u201d\u201e"  # “ ” „
SPACES = "\u00a0\u2009\u202f"  # no-break, thin, narrow no-break
HYPHENS = "\u2010\u2011"  # hyphen, non-breaking hyphen
SOFT_HYPHEN = "\u00ad"

# Every fold is one character to one character: offsets into folded text stay valid.
FOLDS: dict[str, str] = {
    **dict.fromkeys(APOSTROPHES, "'"),
    **dict.fromkeys(DOUBLE_QUOTES, '"'),
    **dict.fromkeys(SPACES, " "),
    **dict.fromkeys(HYPHENS, "-"),
}
TYPOGRAPHY = str.maketrans(FOLDS)  # for str.translate, where text is translated in place
_TYPOGRAPHY_NO_SOFT_HYPHENS = str.maketrans({**FOLDS, SOFT_HYPHEN: None})
_SEARCH_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES + APOSTROPHE_LOOKALIKES, "'"))
# Letters NFKD does not decompose, spelled out as a reader would type them.
CHAR_MAP = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "ĳ": "ij"}


def fold_typography(text: str) -> str:
    """Typographic quotes, apostrophes, spaces and hyphens to ASCII; the length is kept."""
    return text.translate(TYPOGRAPHY)


def fold_typography_for_words(text: str) -> str:
    """:func:`fold_typography`, and soft hyphens removed (they split words invisibly)."""
    return text.translate(_TYPOGRAPHY_NO_SOFT_HYPHENS)


def fold_search(text: str) -> str:
    """Apostrophes, case and accents folded: ``L’Hématopoïèse`` -> ``l'hematopoiese``."""
    text = text.translate(_SEARCH_APOSTROPHES).lower()
    text = "".join(CHAR_MAP.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))


def sort_key(text: str) -> tuple[str, str]:
    """Dictionary order: accents and case only break ties (``écho`` sorts with ``echo``)."""
    folded = "".join(ch for ch in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(ch))
    return folded, text
