"""Readers: furniture dropped, footnotes stripped, exact lines/offsets, bad input refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careglot.core.errors import InputError
from extract.blocks import normalise
from extract.language import identify
from extract.manifest import load_manifest
from extract.readers import read_path, read_source

FURNITURE = ["Skip to content", "Listening...", "Search Results", "No Results", "Sorry, I don",
             "Belgium /", "Newsroom/", "Roxana_ATMP blog.png", "Trusted by over 1.2 Million",
             "From Europe|Member News", "receive a free quote", "Free Webinar", "Learn about how you can become",
             "Related Articles", "Disclaimer", "please visit", "Read more?", "[Dutch]", "Lees verder"]


@pytest.fixture(scope="module")
def documents(repo_root: Path) -> dict[str, object]:
    return {s.id: read_source(s, repo_root) for s in load_manifest(repo_root / "sources" / "sources.yaml")}


def test_no_furniture_line_survives_in_any_block(documents: dict) -> None:
    texts = [block.text for doc in documents.values() for block in doc.blocks]
    for marker in FURNITURE:
        assert not [t for t in texts if marker in t], marker


def test_footnotes_glued_to_words_are_removed_but_numbers_stay(documents: dict) -> None:
    text = " ".join(b.text for b in documents["pharma-atmp-belgium"].blocks)
    assert "European market and" in text and "market1" not in text
    assert "Belgian patients." in text and "patients.2,3" not in text
    assert "by default." in text and "default.4,5" not in text
    assert "between 2009 and 2024, 27 ATMPs" in text
    assert "10-20 people" in " ".join(b.text for b in documents["msplatform-nl-ahsct"].blocks)


def test_text_block_lines_and_offsets_point_into_the_file(documents: dict, repo_root: Path) -> None:
    for ident in ("mtm-arthritis-belgium", "pharma-atmp-belgium", "msplatform-nl-ahsct"):
        doc = documents[ident]
        raw = doc.path.read_text(encoding="utf-8")
        lines = raw.splitlines()
        for block in doc.blocks:
            first_word = block.text.split()[0].strip("'\"")
            assert first_word in lines[block.line - 1], (block.line, block.text)
            assert raw[block.offset + block.offsets.raw(0)].translate({0x2019: 39, 0x2018: 39}) == block.text[0]


def test_list_items_headings_and_paragraphs(documents: dict) -> None:
    kinds = {b.text[:20]: b.kind for b in documents["stemcell-belgium-overview"].blocks}
    assert kinds["Cellthera: Cellthera"] == "list-item"
    assert kinds["Regulatory Landscape"] == "heading"
    assert kinds["Stem cell therapy in"] == "paragraph"


def test_wordpress_post_blocks_links_and_quotes(documents: dict) -> None:
    doc = documents["brainhelpdesk-ms-stemcells"]
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].text == "Why don't we use stem cell therapy for MS?"
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "The disadvantages of stem cell therapy" in headings and "Read more?" not in headings
    first = doc.blocks[1]
    assert first.links == ("https://brainhelpdesk.nl/en/vraag/wanneer-kunnen-we-ms-oplossen/",)
    assert '"When are we able to solve MS?"' in first.text and "\u201c" not in first.text
    assert all(b.line == 1 for b in doc.blocks)
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert len({b.offset for b in doc.blocks[1:]}) == len(doc.blocks) - 1


def test_html_reader_drops_navigation_and_flags_foreign_blocks(repo_root: Path) -> None:
    doc = read_path(repo_root / "tests/data/extract/atmp-belgie.html", repo_root)
    assert doc.lang == "nl"
    texts = [b.text for b in doc.blocks]
    assert not any("Zoeken" in t or "Patiëntenvereniging" in t or "Lees verder" in t for t in texts)
    assert texts[0] == "Geavanceerde therapieën (ATMP's) in België"
    assert [b.kind for b in doc.blocks].count("list-item") == 3
    foreign = [b for b in doc.blocks if b.foreign]
    assert [b.detected_lang for b in foreign] == ["en"] and foreign[0].line == 24
    assert any("reads as en" in str(n) for n in doc.notices)


def test_language_identification() -> None:
    assert identify("Stamceltherapie is een zware behandeling met veel risico's voor de patiënt.") == "nl"
    assert identify("Stem cell therapy is an intense treatment with many associated risks.") == "en"
    assert identify("La thérapie cellulaire est un traitement lourd avec beaucoup de risques.") == "fr"
    assert identify("Die Stammzelltherapie ist eine belastende Behandlung mit vielen Risiken.") == "de"
    assert identify("Lees verder") is None


def test_normalise_keeps_an_offset_map() -> None:
    raw = "  It’s   “fine”\n now "
    text, offsets = normalise(raw)
    assert text == "It's \"fine\" now"
    assert raw[offsets.raw(text.index("now"))] == "n"


@pytest.mark.parametrize(("name", "data", "message", "line"), [
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary", 3),
    ("bad.json", b'{"title":\n {"rendered": "x"},\n "content": }', "invalid JSON", 3),
    ("list.json", b"[1, 2]", "not a WordPress post", 1),
    ("post.json", json.dumps({"title": {"rendered": "t"}}).encode(), "content.rendered", 1),
    ("empty.html", b"", "HTML cannot be parsed", None),
    ("weird.txt", b"ok line\n\x81\x8d\x8f\x90 text\n", "unknown encoding", 2),
    ("page.pdf", b"%PDF", "unsupported file type", None),
])
def test_bad_input_is_one_input_error(tmp_path: Path, name: str, data: bytes, message: str,
                                      line: int | None) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_path(path, tmp_path, "en")
    assert message in caught.value.message
    assert caught.value.line == line


def test_cp1252_is_decoded_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("First line.\nThe patient\u2019s r\u00e9sum\u00e9 is here, and it is long enough.\n"
                     .encode("cp1252"))
    doc = read_path(path, tmp_path, "en")
    assert "patient's résumé" in doc.blocks[-1].text
    assert any("assumed encoding cp1252" in str(n) and ":2:" in str(n) for n in doc.notices)
