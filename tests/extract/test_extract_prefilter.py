"""The literal prefilter gives exactly ``re.search``'s answers, only faster."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract import categories, claims, statements
from extract.prefilter import PatternSet, literal_cover

PATTERNS = [
    re.compile(r"\brisks?\b|side[- ]effects?|\bharm"),
    re.compile(r"^(?:vraag|ask)\b|(?:crucial|important) to (?:consult|ask)"),
    re.compile(r"\bis an?\b|refers to"),
    re.compile(r"x*"),  # matches everywhere, has no literal: always searched
    re.compile(r"(?i)Netherlands"),  # case-insensitive: always searched
    re.compile(r"[0-9]+ patients?"),
]
FRAGMENTS = ["risk", "risks", "side effect", "side-effects", "harm", "vraag ", "ask", "important to ask",
             "crucial to consult", "is a", "is an", "refers to", "NETHERLANDS", "netherlands", "12 patients",
             " ", ".", "-", "a", "s", "ask", "the", "is", "to", "\n", "é"]


def test_covers_name_literals_every_match_needs() -> None:
    assert literal_cover(PATTERNS[0]) == {"risk", "effect", "harm"}
    assert literal_cover(PATTERNS[2]) == {"is a", "refers to"}
    assert literal_cover(PATTERNS[3]) is None
    assert literal_cover(PATTERNS[4]) is None
    assert literal_cover(PATTERNS[5]) == {" patient"}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_found_equals_re_search(parts: list[str]) -> None:
    text = "".join(parts)
    assert PatternSet(PATTERNS).found(text) == [p.search(text) is not None for p in PATTERNS]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnoprstuvwz -'é", max_size=80))
def test_statement_rules_agree_with_plain_search(text: str) -> None:
    sets = (categories._RULE_SET, claims._SET, statements._FLAG_SET)
    assert ([found for rules in sets for found in rules.found(text)]
            == [p.search(text) is not None for rules in sets for p in rules.patterns])


def test_statement_rules_on_real_keywords() -> None:
    sentence = "side effects are a risk; ask your doctor whether treatment abroad is reimbursed in the netherlands"
    patterns = categories._RULE_SET.patterns
    assert categories._RULE_SET.found(sentence) == [p.search(sentence) is not None for p in patterns]
    assert sum(categories._RULE_SET.found(sentence)) >= 3
    claim = "our revolutionary treatment is completely safe, book now; 97% of our patients walk again"
    assert claims._SET.found(claim) == [p.search(claim) is not None for p in claims._SET.patterns]
    assert sum(claims._SET.found(claim)) >= 5
