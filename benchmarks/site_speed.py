"""How fast does the glossary page load and answer with a 10,000-concept glossary?

Generates a synthetic glossary (default 10,000 concepts, each with terms in en, nl, fr
and de: full forms, abbreviations, lay terms, regional, deprecated and forbidden variants,
a definition per language, notes and sources), builds the site in a temporary directory,
opens it from ``file://`` in headless Chromium and measures with the browser's clocks:

* page load: the page's own marks, from navigation start: core data parsed, ready (search
  usable, first list drawn and painted: a task after ``requestAnimationFrame``), every
  shard loaded, and the two parts loaded after them (definitions; typo index); and, to
  calibrate the machine, an in-page ``JSON.parse`` of the core data and a blank page's load and paint
  (its load event; its first frame painted, measured as "ready" is: a task after ``requestAnimationFrame``);
* first answer: at each load, a query typed the moment the first list is painted (the shards it
  needs are loaded on demand then): time from typing, and from navigation start, to the
  results painted;
* query answer: ``performance.now()`` from setting the field and dispatching ``input`` to
  the results drawn and the next frame painted (a task after ``requestAnimationFrame``),
  all shards loaded; per kind of query (exact, inflected, multi-word, typo); the first
  typo query (cold) separately;
* baseline, same run: ``glossary.lookup`` in Python on the warm SQLite index (the CLI
  without process start-up), same queries.

Target: load < 100 ms and every query answer < 100 ms.

    python3 benchmarks/site_speed.py [--concepts 10000] [--loads 7] [--seed 7]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from site_browser import chromium  # noqa: E402

from glossary.lookup import lookup  # noqa: E402
from glossary.lookup_index import build_index  # noqa: E402
from glossary.model import Concept, Glossary, Term  # noqa: E402
from render.site.build import build_site  # noqa: E402

SYLLABLES = ["sta", "cel", "mo", "ne", "ri", "ta", "pla", "tio", "gra", "fe", "ku", "lo", "zen", "ther", "apie",
             "hema", "to", "poi", "bra", "mer", "lin", "do", "va", "sul", "kor", "pen", "tis", "mu", "ra", "gel"]
SUFFIX = {"en": ["ion", "ity", "ment", "er", "ism"], "nl": ["ing", "heid", "er", "atie", "ie"],
          "fr": ["ion", "ité", "ement", "eur", "ique"], "de": ["ung", "heit", "er", "ation", "ie"]}
LANGS = ("en", "nl", "fr", "de")
DOMAINS = ("treatment", "cell-biology", "anatomy", "disease", "care", "research", "regulation", "institution")


def word(rng: random.Random, lang: str) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) + rng.choice(SUFFIX[lang])


def sentence(rng: random.Random, lang: str, size: int) -> str:
    return " ".join(word(rng, lang) for _ in range(size)).capitalize() + "."


def make_concept(rng: random.Random, index: int) -> Concept:
    concept = Concept(id=f"c{index:05d}", domain=rng.choice(DOMAINS), sources=[f"Synthetic source {index}"])
    roots = [word(rng, "en") for _ in range(rng.randint(1, 3))]
    for lang in LANGS:
        full = " ".join(root[:-2] + rng.choice(SUFFIX[lang]) for root in roots)
        terms = [Term(full, lang, "full-form", "preferred"),
                 Term("".join(part[0] for part in full.split()).upper() + str(index % 97), lang, "abbreviation")]
        if rng.random() < 0.5:
            terms.append(Term(word(rng, lang), lang, "lay-term", "admitted", region=rng.choice(["BE", "NL", None])))
        if rng.random() < 0.2:
            terms.append(Term(full + " " + word(rng, lang), lang, "variant", rng.choice(["deprecated", "forbidden"])))
        concept.terms[lang] = terms
        concept.definition[lang] = sentence(rng, lang, rng.randint(8, 18))
        if rng.random() < 0.3:
            concept.notes[lang] = sentence(rng, lang, rng.randint(5, 12))
    return concept


def queries(glossary: Glossary, rng: random.Random) -> dict[str, list[str]]:
    picks = rng.sample(glossary.concepts, 40)
    full = [concept.terms[rng.choice(LANGS)][0].text for concept in picks]
    return {
        "exact": [text.split()[0] for text in full[:10]],
        "inflected": [text.split()[0] + ("en" if i % 2 else "s") for i, text in enumerate(full[10:20])],
        "multi-word": [text for text in full[20:30] if " " in text][:10] or full[20:30],
        "typo": [text.split()[0][:3] + text.split()[0][4:] for text in full[30:40]],
    }


LOAD_JS = """() => {
    const mark = name => performance.getEntriesByName(name)[0].startTime;
    return [mark("careglot-data-parsed"), mark("careglot-painted"), mark("careglot-all-parts"),
            mark("careglot-glossary-details.js"), mark("careglot-glossary-typo.js")];
}"""
# The page's own Navigation Timing: DOMContentLoaded and load event ends, from navigation start.
NAVIGATION_JS = """() => {
    const timing = performance.getEntriesByType("navigation")[0];
    return [timing.domContentLoadedEventEnd, timing.loadEventEnd];
}"""
PARSE_JS = """() => {
    const text = JSON.stringify(window.CAREGLOT_GLOSSARY);
    const start = performance.now();
    JSON.parse(text);
    return performance.now() - start;
}"""
PARTS_JS = """() => window.careglot !== undefined && window.careglot.search.typoIndex !== null
    && window.CAREGLOT_DETAILS !== undefined"""
# Field set, input event, search (loading the shards it needs), cards drawn ("careglot-rendered"),
# then the next frame painted (a task after requestAnimationFrame).
QUERY_JS = """async q => {
    const input = document.getElementById("q");
    const begin = performance.now();
    const searchOnly = careglot.search.lookup(q, {limit: 10}).incomplete ? NaN : performance.now() - begin;
    const rendered = new Promise(resolve => document.addEventListener("careglot-rendered", resolve, {once: true}));
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new Event("input"));
    await rendered;
    await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const end = performance.now();
    return [end - start, document.querySelectorAll("#results article").length, searchOnly, end];
}"""


# Installed before the page's own scripts: types `query` as soon as the first list is painted
# (the page just ready), and keeps the time it typed and the time the answer was painted.
COLD_JS = """(() => {
    let typed = null;
    document.addEventListener("careglot-rendered", () => {
        if (typed > 0 && window.__coldAnswer === undefined) {
            window.__coldAnswer = null;
            requestAnimationFrame(() => setTimeout(() => { window.__coldAnswer = [typed, performance.now()]; }, 0));
            return;
        }
        if (typed !== null) {
            return;
        }
        typed = 0;
        requestAnimationFrame(() => setTimeout(() => setTimeout(() => { // after the page's "painted" mark
            typed = performance.now();
            const input = document.getElementById("q");
            input.value = QUERY;
            input.dispatchEvent(new Event("input"));
        }, 0), 0));
    }, {capture: true, once: false});
})();"""
BLANK_HTML = "<!DOCTYPE html><html lang=en><meta charset=utf-8><title>blank</title><p>blank page</p></html>"
# The blank page painted, timed as the page's "painted" mark: a task after the first requestAnimationFrame.
BLANK_JS = """if (location.pathname.endsWith("/blank.html")) {
    requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
}"""
BLANK_TIMES_JS = "() => [performance.getEntriesByType('navigation')[0].loadEventEnd, window.__painted]"


def measure_browser(site: Path, kinds: dict[str, list[str]], loads: int) -> tuple[list[list[float]], list, float, dict]:
    """Page loads (marks) with a query typed the moment each load is ready, then warm queries."""
    url = (site / "index.html").as_uri()
    (site / "blank.html").write_text(BLANK_HTML, encoding="utf-8")
    load_times = []
    cold = []
    firsts = [query for items in kinds.values() for query in items]
    with chromium() as browser:
        for number in range(loads):
            page = browser.new_page()  # a tab already open (its renderer started), as in an editor's browser
            page.add_init_script(BLANK_JS)
            page.goto((site / "blank.html").as_uri())
            page.wait_for_function("() => window.__painted")
            blank = page.evaluate(BLANK_TIMES_JS)
            page.add_init_script(COLD_JS.replace("QUERY", json.dumps(firsts[number * 7 % len(firsts)])))
            page.goto(url)
            page.wait_for_function("() => window.__coldAnswer")
            typed, painted = page.evaluate("() => window.__coldAnswer")
            page.wait_for_function(PARTS_JS)
            load_times.append([*page.evaluate(LOAD_JS), *blank, *page.evaluate(NAVIGATION_JS)])
            cold.append((painted - typed, painted))
            page.close()
        page = browser.new_page()
        page.goto(url)
        page.wait_for_function(PARTS_JS)
        parse = page.evaluate(PARSE_JS)
        first_typo = page.evaluate(QUERY_JS, kinds["typo"][-1] + "x")
        answers = {kind: [page.evaluate(QUERY_JS, query) for query in items] for kind, items in kinds.items()}
        page.close()
    return load_times, cold, parse, {"first typo": [first_typo], **answers}


def measure_python(glossary: Glossary, kinds: dict[str, list[str]]) -> dict[str, list[float]]:
    import sqlite3

    with contextlib.closing(sqlite3.connect(":memory:")) as connection:
        build_index(glossary, connection, {})
        out = {}
        for kind, items in kinds.items():
            times = []
            for query in items:
                start = time.perf_counter()
                lookup(connection, query, limit=25)
                times.append((time.perf_counter() - start) * 1000)
            out[kind] = times
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--loads", type=int, default=7)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    glossary = Glossary([make_concept(rng, index) for index in range(args.concepts)])
    kinds = queries(glossary, rng)
    with tempfile.TemporaryDirectory() as directory:
        site = Path(directory)
        start = time.perf_counter()
        build_site(glossary, site)
        built = time.perf_counter() - start
        sizes = {name: (site / name).stat().st_size / 1e6
                 for name in ("index.html", "site.js", "glossary-details.js", "glossary-typo.js")}
        load_times, cold, parse, answers = measure_browser(site, kinds, args.loads)
        parts = len(list(site.glob("glossary-*-*.js")))
    baseline = measure_python(glossary, kinds)
    terms = sum(1 for concept in glossary for _ in concept.all_terms())
    print(f"glossary: {args.concepts} concepts, {terms} terms; site built in {built:.2f} s; "
          + ", ".join(f"{name} {size:.2f} MB" for name, size in sizes.items()) + f"; {parts} shards")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; "
          f"in-page JSON.parse of the core data: {parse:.1f} ms")
    print("page load (ms from navigation start): core parsed, READY (first list painted), a query typed then"
          " answered and painted"
          " (ms after typing), all shards, details, typo index | a blank page loaded, painted")
    for (parsed, ready, shards, details, typo, blank, blank_paint, _, _), (answer, end) in zip(load_times, cold,
                                                                                              strict=True):
        print(f"{'':4}{parsed:7.1f} {ready:7.1f} {end:12.1f} ({answer:5.1f}) {shards:10.1f} {details:8.1f} {typo:8.1f}"
              f" | {blank:5.1f} {blank_paint:5.1f}")
    readies = [row[1] for row in load_times]
    blanks = [row[5] for row in load_times]
    blank_paints = [row[6] for row in load_times]
    firsts = [end for _, end in cold]
    print(f"  ready: median {statistics.median(readies):.1f} ms, worst {max(readies):.1f} ms; first answer painted: "
          f"median {statistics.median(firsts):.1f} ms, worst {max(firsts):.1f} ms after navigation start "
          f"({statistics.median(a for a, _ in cold):.1f} / {max(a for a, _ in cold):.1f} ms after typing); "
          f"blank page loaded: median {statistics.median(blanks):.1f} ms, worst {max(blanks):.1f} ms; "
          f"blank page painted: median {statistics.median(blank_paints):.1f} ms, worst {max(blank_paints):.1f} ms")
    content_loaded = [row[7] for row in load_times]
    load_events = [row[8] for row in load_times]
    print(f"  the page's Navigation Timing (no paint included): DOMContentLoaded median "
          f"{statistics.median(content_loaded):.1f} ms, worst {max(content_loaded):.1f} ms; load event median "
          f"{statistics.median(load_events):.1f} ms, worst {max(load_events):.1f} ms")
    print("query answer, all shards loaded (ms): typing to results painted; search alone | Python lookup, warm SQLite")
    worst_query = 0.0
    for kind, rows in answers.items():
        times = [row[0] for row in rows]
        worst_query = max(worst_query, *times)
        hits = statistics.median(row[1] for row in rows)
        alone = statistics.median(row[2] for row in rows)
        line = (f"  {kind:12} median {statistics.median(times):6.1f}  max {max(times):6.1f}  search alone {alone:6.1f}"
                f"  ({hits:.0f} results)")
        if kind in baseline:
            python = statistics.median(baseline[kind])
            line += f" | median {python:6.1f}  ratio page/python {statistics.median(times) / python:.2f}"
        print(line)
    worst_load = max(readies)
    worst_query = max(worst_query, *(answer for answer, _ in cold))
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    met = worst_load < 100 and worst_query < 100
    print(f"target (< 100 ms load and answer): {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
