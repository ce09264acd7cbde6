"""``careglot glossary site|serve``: the files written, the data they carry, the local server."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html
from site_browser import HOSTILE, PROBE_GLOSSARY

from careglot.core.xmlsafe import html_parser
from glossary.loader import load_glossary
from glossary.normalize import content_words, normalization_rules, stem, trigrams, words
from render.site import export
from render.site.build import build_site
from render.site.export import DETAILS_GLOBAL, TYPO_GLOBAL

DATA_FILES = {"glossary-details.js", "glossary-typo.js", "glossary.json"}
SITE_FILES = {"index.html", "site.css", "site.js", *DATA_FILES}


def read_data(directory: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((directory / "glossary.json").read_text(encoding="utf-8"))
    return data


def read_page(directory: Path) -> Any:
    return lxml_html.document_fromstring((directory / "index.html").read_bytes(), parser=html_parser())


def core_data(directory: Path) -> Any:
    """The core data: the JSON block in index.html."""
    return json.loads(read_page(directory).get_element_by_id("careglot-core").text)


def test_site_command_writes_a_self_contained_site(run_cli: Callable[..., Any], workspace_copy: Path) -> None:
    result = run_cli("glossary", "site", "-o", "public", cwd=workspace_copy)
    assert result.code == 0, result.err
    out = workspace_copy / "public"
    names = {path.name for path in out.iterdir()}
    assert names >= SITE_FILES
    assert all(re.fullmatch(r"glossary-(terms|index)-\d+\.js", name) for name in names - SITE_FILES)
    assert {"glossary-index-0.js", "glossary-terms-0.js"} <= names
    assert (out / "index.html").as_uri() in result.out
    page = read_page(out)
    links = [value for element in page.iter() for name, value in element.attrib.items() if name in ("src", "href")]
    assert {"site.css", "site.js"} <= set(links)
    assert all(value.startswith("#") or ("/" not in value and ":" not in value) for value in links), links
    assert [element.get("src") for element in page.iter("script") if element.get("src")] == ["site.js"]
    for name in ("site.css", "site.js"):
        text = (out / name).read_text(encoding="utf-8")
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text), f"{name} refers to another site"
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text


def test_data_carries_every_concept_term_and_the_lookup_rules(tmp_path: Path, repo_root: Path) -> None:
    glossary = load_glossary(repo_root / "glossary.yaml")
    build_site(glossary, tmp_path)
    data = read_data(tmp_path)
    assert data["rules"] == normalization_rules()
    assert data["concepts"]["id"] == [concept.id for concept in glossary]
    assert data["languages"] == ["en", "nl", "fr", "de"]
    assert data["language_names"]["nl"] == "Nederlands"
    assert data["domains"] == sorted({concept.domain for concept in glossary if concept.domain})
    assert data["details"]["definition"] == [concept.definition for concept in glossary]
    assert data["details"]["sources"] == [concept.sources or 0 for concept in glossary]
    postings = {token: [int(tid) for tid in tids.split(",")]
                for token, tids in zip(data["tokens"], data["postings"], strict=True)}
    assert data["tokens"] == sorted(data["tokens"])
    terms = data["terms"]
    tid = 0
    for cid, concept in enumerate(glossary):
        assert data["concepts"]["first"][cid] == tid + 1
        for term in concept.all_terms():
            tid += 1
            assert terms["text"][tid - 1] == term.text
            assert data["statuses"][ord(terms["status"][tid - 1]) - 48] == term.status
            for token in {stem(word, term.lang) for word in content_words(words(term.text), term.lang)}:
                assert tid in postings[token], (term.text, token)
    assert tid == len(terms["text"])


def test_typo_part_indexes_every_word_by_its_trigrams(tmp_path: Path, repo_root: Path) -> None:
    build_site(load_glossary(repo_root / "glossary.yaml"), tmp_path)
    typo = read_data(tmp_path)["typo"]
    grams = dict(zip(typo["grams"], typo["gram_words"], strict=True))
    word = "stamceltherapie"
    wid = typo["words"].index(word) + 1
    assert typo["lengths"][wid - 1] == len(word)
    assert all(wid in grams[gram] for gram in trigrams(word))
    assert "nl" in typo["stems"][wid - 1][0::2]


def script_data(path: Path, prefix: str) -> Any:
    """The JSON inside ``<prefix>JSON.parse('…'));``, a single-quoted JavaScript string."""
    script = path.read_text(encoding="utf-8")
    assert script.startswith(prefix + "JSON.parse('") and script.endswith("'));\n" if "(" in prefix else "');\n")
    assert "<" not in script
    literal = script[len(prefix) + len("JSON.parse('"):script.rindex("'")]
    return json.loads(re.sub(r"\\(.)", r"\1", literal))


def test_data_scripts_hold_the_same_data_as_the_json(tmp_path: Path, repo_root: Path) -> None:
    build_site(load_glossary(repo_root / "glossary.yaml"), tmp_path)
    main = core_data(tmp_path)
    details = script_data(tmp_path / "glossary-details.js", f"window.{DETAILS_GLOBAL} = ")
    typo = script_data(tmp_path / "glossary-typo.js", f"window.{TYPO_GLOBAL} = ")
    full = read_data(tmp_path)
    sharded = ("terms", "tokens", "postings")
    assert {**main, "details": details, "typo": typo} == {**{k: v for k, v in full.items() if k not in sharded}, **main}
    sizes = [ord(size) - 48 for size in main["concepts"]["sizes"]]
    assert [1 + sum(sizes[:cid]) for cid in range(len(sizes))] == full["concepts"]["first"]
    assert main["term_count"] == len(full["terms"]["text"])
    assert "<" not in (tmp_path / "glossary.json").read_text(encoding="utf-8")


def test_shards_hold_every_term_and_posting_once(tmp_path: Path, repo_root: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(export, "BLOCK_CONCEPTS", 7)
    monkeypatch.setattr(export, "BUCKET_CHARS", 500)
    build_site(load_glossary(repo_root / "glossary.yaml"), tmp_path)
    full = read_data(tmp_path)
    main = core_data(tmp_path)
    blocks = [script_data(tmp_path / f"glossary-terms-{n}.js", f'careglotPart("terms", {n}, ')
              for n in range(main["blocks"])]
    buckets = [script_data(tmp_path / f"glossary-index-{n}.js", f'careglotPart("index", {n}, ')
               for n in range(main["buckets"])]
    assert main["blocks"] == -(-len(full["concepts"]["id"]) // 7) and main["buckets"] > 1
    assert [text for block in blocks for text in block["text"]] == full["terms"]["text"]
    assert "".join(block["status"] for block in blocks) == full["terms"]["status"]
    assert [cid for block in blocks for cid in block["id"]] == full["concepts"]["id"]
    postings = {}
    for number, bucket in enumerate(buckets):
        assert bucket["tokens"] == sorted(bucket["tokens"])
        for token, tids, langs in zip(bucket["tokens"], bucket["postings"], bucket["langs"], strict=True):
            assert export.bucket_of(token, main["buckets"]) == number
            assert langs == "".join(full["terms"]["lang"][int(tid) - 1] for tid in tids.split(","))
            postings[token] = tids
    assert postings == dict(zip(full["tokens"], full["postings"], strict=True))


def test_site_from_an_explicit_glossary_without_workspace(run_cli: Callable[..., Any], tmp_path: Path,
                                                          repo_root: Path) -> None:
    result = run_cli("glossary", "site", "--glossary", str(repo_root / "glossary.yaml"), "-o", str(tmp_path / "s"),
                     cwd=tmp_path)
    assert result.code == 0, result.err
    assert len(read_data(tmp_path / "s")["concepts"]["id"]) > 50


def test_site_reports_a_broken_glossary_with_its_line(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("concepts:\n  - id: x\n    terms: [\n", encoding="utf-8")
    result = run_cli("glossary", "site", "--glossary", str(bad), "-o", str(tmp_path / "s"), cwd=tmp_path)
    assert result.code == 2
    assert "bad.yaml:" in result.err
    assert not (tmp_path / "s").exists()


def test_serve_answers_on_localhost_only(repo_root: Path, tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "careglot", "glossary", "serve", "--port", "0", "--glossary",
         str(repo_root / "glossary.yaml")], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line + (process.stderr.read() if process.poll() is not None and process.stderr else "")
        with urllib.request.urlopen(url.group(0), timeout=10) as response:
            assert b'<label for="q">Search the glossary</label>' in response.read()
        with urllib.request.urlopen(url.group(0) + "glossary.json", timeout=10) as response:
            assert json.loads(response.read())["concepts"]["id"][0] == "ahsct"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_rejects_an_impossible_port(run_cli: Callable[..., Any], repo_root: Path) -> None:
    result = run_cli("glossary", "serve", "--port", "70000", "--glossary", str(repo_root / "glossary.yaml"))
    assert result.code == 2
    assert "--port" in result.err


@pytest.mark.parametrize("action", ["site", "serve"])
def test_help_has_an_example(run_cli: Callable[..., Any], action: str) -> None:
    result = run_cli("glossary", action, "--help")
    assert result.code == 0
    assert f"example: careglot glossary {action}" in result.out


def test_page_comes_with_the_first_list_drawn(tmp_path: Path, repo_root: Path) -> None:
    glossary = load_glossary(repo_root / "glossary.yaml")
    build_site(glossary, tmp_path)
    page = read_page(tmp_path)
    cards = page.xpath('//ol[@id="results"]/li/article[@class="concept"]')
    assert [card.get("id") for card in cards] == [f"concept-{concept.id}" for concept in glossary][:10]
    first = glossary.concepts[0]
    columns = cards[0].xpath('.//section[@class="lang"]')
    assert [column.xpath("h3/span")[0].get("lang") for column in columns] == glossary.languages
    shown_terms = [term.text_content() for term in cards[0].xpath('.//*[@class="term"]')]
    assert shown_terms == [term.text for lang in glossary.languages for term in first.terms_in(lang)]
    assert cards[0].xpath('.//p[@class="definition"]')[0].text_content() == first.definition[glossary.languages[0]]
    assert page.get_element_by_id("status").text_content() == f"{len(glossary)} concepts, the first 10 shown"
    assert page.get_element_by_id("more-wrap").get("hidden") is None
    options = [option.get("value") for option in page.xpath('//select[@id="f-domain"]/option')]
    assert options == ["", *sorted({concept.domain for concept in glossary if concept.domain})]


def test_first_list_shows_markup_from_the_glossary_as_text(tmp_path: Path) -> None:
    (tmp_path / "glossary.yaml").write_text(PROBE_GLOSSARY, encoding="utf-8")
    build_site(load_glossary(tmp_path / "glossary.yaml"), tmp_path / "out")
    page = read_page(tmp_path / "out")
    card = page.get_element_by_id("concept-probe")
    text = card.text_content()
    for shown in (HOSTILE, "<script>window.__xss = 2</script>", "<b onmouseover=window.__xss=3>bold</b>",
                  "<a href=javascript:window.__xss=4>source</a>", "<i>replaced</i>"):
        assert shown in text
    assert not card.xpath('.//img|.//script|.//b|.//i|.//a[starts-with(@href, "javascript")]')
    assert [element.get("src") for element in page.iter("img", "script")] == ["site.js", None]
    assert page.get_element_by_id("status").text_content() == "1 concept"
    assert page.get_element_by_id("more-wrap").get("hidden") is not None
