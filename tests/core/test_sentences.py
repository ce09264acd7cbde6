"""Sentence segmentation in English and Dutch."""

from __future__ import annotations

import pytest

from careglot.core.sentences import sentence_spans, split_sentences


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Some cells, e.g. MSCs, are used. Dr. Peeters agrees.", "en",
     ["Some cells, e.g. MSCs, are used.", "Dr. Peeters agrees."]),
    ("It costs 2.5 million vs. 3 million. This amounts to 10-20 people per year.", "en",
     ["It costs 2.5 million vs. 3 million.", "This amounts to 10-20 people per year."]),
    ("This does not work for progressive MS. Unfortunately, that is the group.", "en",
     ["This does not work for progressive MS.", "Unfortunately, that is the group."]),
    ("See the answer (to the question 'When can we solve MS?'). Next one!", "en",
     ["See the answer (to the question 'When can we solve MS?').", "Next one!"]),
    ('He said: "It works. Really." Then he left.', "en", ['He said: "It works.', 'Really."', "Then he left."]),
    ("Dit gebeurt o.a. in Leuven, bijv. in het UZ. Dat is d.w.z. een kliniek.", "nl",
     ["Dit gebeurt o.a. in Leuven, bijv. in het UZ.", "Dat is d.w.z. een kliniek."]),
    ("Er zijn risico's, infecties enz. Daarna volgt herstel.", "nl",
     ["Er zijn risico's, infecties enz.", "Daarna volgt herstel."]),
    ("Mr. J. Smith saw U.S. doctors. In 2022. Stop", "en", ["Mr. J. Smith saw U.S. doctors.", "In 2022.", "Stop"]),
    ("Le traitement, p.ex. la greffe, est lourd. Il faut réfléchir.", "fr",
     ["Le traitement, p.ex. la greffe, est lourd.", "Il faut réfléchir."]),
    ("Die Therapie, z.B. eine Transplantation, ist belastend. Fragen Sie.", "de",
     ["Die Therapie, z.B. eine Transplantation, ist belastend.", "Fragen Sie."]),
])
def test_split_sentences(text: str, lang: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


def test_spans_index_the_text() -> None:
    text = "  One sentence here.   Two here.  "
    assert [text[a:b] for a, b in sentence_spans(text)] == ["One sentence here.", "Two here."]
