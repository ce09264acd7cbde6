"""The writer's fast line-breaking path lays out strings exactly as the reference algorithm."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from catalogs.linebreak import escaped_cuts, reference_cuts, simple_text, string_cuts
from catalogs.writer import wrap_string

ESCAPE = str.maketrans({"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
                        "\t": "\\t", "\v": "\\v", "\\": "\\\\", '"': '\\"'})
CHARS = st.sampled_from([*"aaaeeiioouu   bcdfgklmnprstxz0123456789.,;:!?-'\"()[]{}/\\%$+=*&#@_|<>~^`\t",
                         "é", "ß", "«", "»", "’", "–", "—", "…", "€", "°", "\u00a0", "\u202f", "\u2009",
                         "\u00ad", "\u2011", "\u0301", "\u200b", "日", "\uff71", "\U0001f600", "\x01"])
LONG_WORD = st.text(st.sampled_from("abcdefghij-/."), min_size=20, max_size=120)
URL = st.builds("https://example.org/{}/{}?q={}&x=1#{}".format, LONG_WORD, LONG_WORD, st.text("ab%=", max_size=9),
                st.text("abc-", max_size=9))
PIECE = st.one_of(st.text(CHARS, max_size=40), LONG_WORD, URL, st.just(" "), st.just("\n"), st.just("\\\\"))
TEXT = st.lists(PIECE, max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(portion=TEXT, width=st.integers(5, 90), start=st.integers(0, 30))
@example(portion="word-\n", width=5, start=0)
@example(portion="aaaa\u2014bbbb\u2014cccc\u2014dddd", width=4, start=0)
@example(portion="ab \\\\$cd \\\"x\n", width=4, start=2)
def test_fast_cuts_equal_reference_cuts(portion: str, width: int, start: int) -> None:
    for line in portion.splitlines(keepends=True) or [portion]:
        if not line:
            continue
        text = line.translate(ESCAPE)
        final_newline = line.endswith("\n")
        reference = reference_cuts(text, width, start, final_newline)
        if simple_text(text):
            assert escaped_cuts(text, width, start, final_newline) == reference
        assert string_cuts(text, width, start, final_newline) == reference


def _reference_wrap(prefix: str, keyword: str, value: str, page_width: int) -> list[str]:
    """GNU ``wrap()``'s layout computed with the reference algorithm only."""
    portions = value.splitlines(keepends=True)
    if not portions:
        return [f'{prefix}{keyword} ""']
    lines: list[str] = []
    width = page_width - 1 - (len(prefix) + 1)
    start = len(keyword) + 1
    for number, portion in enumerate(portions):
        text = portion.translate(ESCAPE)
        final_newline = portion.endswith("\n")
        cuts = reference_cuts(text, width, start if number == 0 else 0, final_newline)
        head = prefix
        if number == 0 and (len(portions) > 1 or start > width or cuts):
            lines.append(f'{prefix}{keyword} ""')
            cuts = reference_cuts(text, width, 0, final_newline)
        elif number == 0:
            head = f"{prefix}{keyword} "
        for begin, end in itertools.pairwise([0, *cuts, len(text)]):
            lines.append(f'{head}"{text[begin:end]}"')
            head = prefix
    return lines


@settings(max_examples=250, deadline=None)
@given(value=TEXT, prefix=st.sampled_from(["", "#~ ", "#| ", "#~| "]),
       keyword=st.sampled_from(["msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr[1]"]),
       page_width=st.sampled_from([79, 79, 40, 20, 12]))
def test_wrap_string_equals_reference_layout(value: str, prefix: str, keyword: str, page_width: int) -> None:
    value = value.replace("\r", "")  # splitlines() would split there too; GNU only at "\n"
    for char in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
        value = value.replace(char, "")
    assert wrap_string(prefix, keyword, value, page_width) == _reference_wrap(prefix, keyword, value, page_width)
