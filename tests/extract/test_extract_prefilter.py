"""The literal prefilter gives exactly ``re.search``'s answers, only faster."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract import statements
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
    patterns = statements._RULE_SET.patterns + statements._FLAG_SET.patterns
    assert (statements._RULE_SET.found(text) + statements._FLAG_SET.found(text)
            == [p.search(text) is not None for p in patterns])


def test_statement_rules_on_real_keywords() -> None:
    sentence = "side effects are a risk; ask your doctor whether treatment abroad is reimbursed in the netherlands"
    patterns = statements._RULE_SET.patterns
    assert statements._RULE_SET.found(sentence) == [p.search(sentence) is not None for p in patterns]
    assert sum(statements._RULE_SET.found(sentence)) >= 3
