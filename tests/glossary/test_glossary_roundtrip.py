"""Property: YAML -> TBX (v2 and v3) -> YAML, and YAML -> YAML, lose nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.loader import load_glossary_text
from glossary.model import GENDERS, PARTS_OF_SPEECH, STATUSES, TERM_TYPES, Concept, Glossary, Term
from glossary.serialize import concept_data, dump_glossary
from glossary.tbx import read_tbx_bytes, write_tbx

LANGS = ("en", "nl", "fr", "de", "es")
_CHARS = st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Po", "Pd"))
WORD = st.text(_CHARS, min_size=1, max_size=8)
TEXT = st.lists(WORD, min_size=1, max_size=6).map(" ".join).filter(lambda t: not t.startswith("careglot:"))
SLUG = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)


@st.composite
def terms(draw: st.DrawFn, lang: str) -> Term:
    return Term(
        text=draw(TEXT), lang=lang, type=draw(st.sampled_from(TERM_TYPES)), status=draw(st.sampled_from(STATUSES)),
        region=draw(st.none() | st.sampled_from(["BE", "NL", "DE", "US", "LU"])),
        case_sensitive=draw(st.none() | st.booleans()),
        pos=draw(st.none() | st.sampled_from(PARTS_OF_SPEECH)),
        gender=draw(st.none() | st.sampled_from(GENDERS[lang])) if lang in GENDERS else None,
        note=draw(st.none() | TEXT), source=draw(st.none() | TEXT), ambiguous=draw(st.booleans()))


@st.composite
def concepts(draw: st.DrawFn, ident: str) -> Concept:
    langs = draw(st.lists(st.sampled_from(LANGS), min_size=1, max_size=5, unique=True))
    return Concept(
        id=ident, domain=draw(st.none() | SLUG),
        terms={lang: draw(st.lists(terms(lang), min_size=1, max_size=4)) for lang in langs},
        definition=draw(st.dictionaries(st.sampled_from(LANGS), TEXT, max_size=4)),
        notes=draw(st.dictionaries(st.sampled_from(LANGS), TEXT, max_size=2)),
        sources=draw(st.lists(TEXT, max_size=2)))


@st.composite
def glossaries(draw: st.DrawFn) -> Glossary:
    ids = draw(st.lists(SLUG, min_size=1, max_size=5, unique=True))
    return Glossary([draw(concepts(ident)) for ident in ids])


def canonical(glossary: Glossary) -> list[dict[str, object]]:
    return [concept_data(concept) for concept in glossary]


@settings(max_examples=40, deadline=None)
@given(glossaries(), st.sampled_from([2, 3]))
def test_yaml_tbx_yaml_round_trip(glossary: Glossary, version: int) -> None:
    yaml_text = dump_glossary(glossary)
    loaded = load_glossary_text(yaml_text, "generated.yaml")
    assert canonical(loaded) == canonical(glossary)
    back = read_tbx_bytes(write_tbx(loaded, version=version), f"generated-v{version}.tbx")
    assert canonical(back) == canonical(glossary)
    assert dump_glossary(back) == yaml_text
