"""How fast is ``careglot check`` on a large catalog, compared with polib parsing it alone?

Generates, in a temporary directory, a synthetic glossary (default 10,000 concepts in en,
nl with regional, deprecated and forbidden terms) and a synthetic nl_BE catalog (default
100,000 entries: sentences with glossary terms in plural, diminutive and compound forms,
numbers, placeholders, fuzzy, plural and untranslated entries, some real errors). Then it
measures in the same run:

* polib parsing the catalog alone: ``polib.pofile(path)`` in a fresh Python process, as a
  script that reads the catalog runs it (the time inside the process, without start-up and
  imports); and, for comparison, in this process, where the 10,000-concept glossary already
  fills the heap, so that each run of Python's cyclic collector during the parse costs more;
* ``careglot check`` in-process (parse + checks), and separately glossary loading and
  building the automatons, which a run pays once per glossary whatever the catalog size;
* a naive implementation with one regular expression per term, on a sample of entries,
  extrapolated to the whole catalog;
* the ``careglot check`` CLI end to end in a fresh process, twice: the second run reads the
  glossary snapshot (``glossary.snapshot``) the first one wrote;
* peak memory (max RSS of this process; the CLI runs in a child process).

Targets: check (parse + checks) <= 1.5 x parse (polib alone); >= 20 x faster than
regex-per-term. Wall-clock times are the best of ``--rounds`` alternating runs, with the
median next to them; CPU times are printed too because the machine may be shared, and the
load average with them.

    python3 benchmarks/check_speed.py [--entries 100000] [--concepts 10000] [--sample 200]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from catalogs.pofile import paused_gc
from check import CheckContext, check_catalog, read_catalog, select_checks
from glossary.loader import load_glossary

_ONSETS = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "st", "pl", "gr"]
_VOWELS = ["a", "e", "i", "o", "u", "ea", "io"]
_CODAS = ["", "", "n", "r", "l", "s", "t", "m"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))


def make_glossary(rng: random.Random, count: int) -> list[dict[str, object]]:
    """Concepts with an English term of 1-3 words and Dutch compounds (with extra statuses)."""
    concepts: list[dict[str, object]] = []
    seen: set[str] = set()
    while len(concepts) < count:
        en = " ".join(_word(rng, rng.randint(2, 3)) for _ in range(rng.choice((1, 1, 2, 2, 3))))
        nl = _word(rng, 2) + _word(rng, 2) + rng.choice(("atie", "ing", "cel", "therapie", "heid", "or"))
        if en in seen or nl in seen:
            continue
        seen |= {en, nl}
        nl_terms = [{"term": nl, "type": "full-form", "status": "preferred"}]
        roll = rng.random()
        if roll < 0.1:
            nl_terms.append({"term": _word(rng, 3), "type": "variant", "status": "deprecated"})
        elif roll < 0.15:
            nl_terms.append({"term": _word(rng, 3), "type": "variant", "status": "forbidden"})
        elif roll < 0.2:
            nl_terms.append({"term": _word(rng, 3), "type": "variant", "status": "admitted", "region": "NL"})
        en_terms = [{"term": en, "type": "full-form", "status": "preferred"}]
        if rng.random() < 0.1:
            abbreviation = "".join(w[0] for w in en.split()).upper() + _word(rng, 1).upper()
            en_terms.append({"term": abbreviation, "type": "abbreviation", "status": "preferred"})
            nl_terms.append({"term": abbreviation, "type": "abbreviation", "status": "preferred"})
        concepts.append({"id": f"c{len(concepts)}", "terms": {"en": en_terms, "nl": nl_terms}})
    return concepts


def _yaml_scalar(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def write_glossary(path: Path, concepts: list[dict[str, object]]) -> None:
    lines = ["concepts:"]
    for concept in concepts:
        lines.append(f"  - id: {concept['id']}")
        lines.append("    definition:\n      en: A synthetic concept.")
        lines.append("    terms:")
        for lang, terms in concept["terms"].items():  # type: ignore[attr-defined]
            lines.append(f"      {lang}:")
            for term in terms:
                first = True
                for key, value in term.items():
                    lines.append(f"        {'- ' if first else '  '}{key}: {_yaml_scalar(value)}")
                    first = False
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


_EN_FRAMES = ["Your doctor explains the {0} before the treatment starts.",
              "Some people need {0} and {1} during the first {n} weeks.",
              "Ask your nurse about the {0} if you have questions.",
              "The {0} can help people with a {1}, but not everyone benefits.",
              "After {n} days, most people go home with a {0}."]
_NL_FRAMES = ["Uw arts legt de {0} uit voor de behandeling begint.",
              "Sommige mensen hebben {0} en {1} nodig tijdens de eerste {n} weken.",
              "Vraag uw verpleegkundige naar de {0} als u vragen hebt.",
              "De {0} kan mensen met een {1} helpen, maar niet iedereen heeft er baat bij.",
              "Na {n} dagen gaan de meeste mensen naar huis met een {0}."]


def _nl_surface(rng: random.Random, term: str) -> str:
    roll = rng.random()
    if roll < 0.25:
        return term + ("s" if term.endswith(("ie", "or")) else "en")  # plural
    if roll < 0.35:
        return _word(rng, 2) + term  # compound with the term as head
    if roll < 0.4:
        return term + "tje"  # diminutive
    return term


def make_catalog(rng: random.Random, concepts: list[dict[str, object]], entries: int) -> polib.POFile:
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {"Language": "nl_BE", "Content-Type": "text/plain; charset=UTF-8",
                        "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    for index in range(entries):
        frame = rng.randrange(len(_EN_FRAMES))
        picked = [rng.choice(concepts), rng.choice(concepts)]
        en_terms = [c["terms"]["en"][0]["term"] for c in picked]  # type: ignore[index]
        nl_terms = []
        for concept in picked:
            terms = concept["terms"]["nl"]  # type: ignore[index]
            term = terms[-1]["term"] if len(terms) > 1 and rng.random() < 0.3 else terms[0]["term"]
            nl_terms.append(_nl_surface(rng, term))
        n = rng.randint(2, 30)
        msgid = _EN_FRAMES[frame].format(*en_terms, n=n)
        msgstr = _NL_FRAMES[frame].format(*nl_terms, n=n if rng.random() > 0.01 else n + 1)
        if rng.random() < 0.02:
            msgid, msgstr = "Hello %(name)s, " + msgid, "Hallo %(name)s, " + msgstr
        entry = polib.POEntry(msgctxt=f"leaflet{index // 50}.s{index % 50 // 10}.e{index}", msgid=msgid,
                              occurrences=[(f"leaflets/leaflet{index // 50}.yaml", str(index % 500 + 1))])
        roll = rng.random()
        if roll < 0.02:
            entry.msgid_plural = msgid.replace(" weeks", " week")
            entry.msgstr_plural = {0: msgstr, 1: msgstr}
        elif roll < 0.05:
            entry.msgstr = ""
        else:
            entry.msgstr = msgstr
            if roll < 0.10:
                entry.flags.append("fuzzy")
        catalog.append(entry)
    return catalog


def naive_check(entries: list[polib.POEntry], concepts: list[dict[str, object]]) -> float:
    """One compiled regex per term; source terms must have a target term. Returns seconds."""
    start = time.perf_counter()
    patterns = []
    for concept in concepts:
        en = [re.compile(r"\b" + re.escape(t["term"]) + r"s?\b", re.IGNORECASE)  # type: ignore[index]
              for t in concept["terms"]["en"]]  # type: ignore[index]
        nl = [(re.compile(r"\b" + re.escape(t["term"]) + r"(?:en|s|'s|je|tje)?\b", re.IGNORECASE), t["status"])
              for t in concept["terms"]["nl"]]  # type: ignore[index]
        patterns.append((en, nl))
    problems = 0
    for entry in entries:
        for en, nl in patterns:
            in_source = any(p.search(entry.msgid) for p in en)
            hits = [status for p, status in nl if p.search(entry.msgstr)]
            problems += (in_source and not hits) + sum(status in ("deprecated", "forbidden") for status in hits)
    return time.perf_counter() - start


_POLIB_ALONE = """
import sys, time, polib
start, cpu = time.perf_counter(), time.process_time()
polib.pofile(sys.argv[1], wrapwidth=0)
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def _polib_in_fresh_process(path: Path) -> tuple[float, float]:
    """Wall and CPU seconds of ``polib.pofile(path)`` in a new interpreter (start-up not counted)."""
    done = subprocess.run([sys.executable, "-c", _POLIB_ALONE, str(path)], capture_output=True, text=True, check=True)
    wall, cpu = done.stdout.split()
    return float(wall), float(cpu)


def _best(runs: list[tuple[float, float]]) -> str:
    walls, cpus = [t for t, _ in runs], [c for _, c in runs]
    return (f"{min(walls):6.2f} s (median {statistics.median(walls):.2f})   "
            f"CPU {min(cpus):.2f} s (median {statistics.median(cpus):.2f})")


def _timed_cli(args: list[str]) -> tuple[float, int]:
    """The CLI in a fresh process, as a user runs it (not in this process with its big heap)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "careglot", *args], stdout=subprocess.DEVNULL,
                          cwd=Path(__file__).resolve().parent.parent, check=False)
    return time.perf_counter() - start, done.returncode


def run(entries: int, concept_count: int, sample: int, rounds: int = 3) -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        concepts = make_glossary(rng, concept_count)
        glossary_path, po_path = folder / "glossary.yaml", folder / "nl_BE.po"
        write_glossary(glossary_path, concepts)
        make_catalog(rng, concepts, entries).save(str(po_path))
        print(f"catalog: {entries:,} entries, {po_path.stat().st_size / 1e6:.1f} MB; "
              f"glossary: {concept_count:,} concepts, {glossary_path.stat().st_size / 1e6:.1f} MB; "
              f"python {sys.version.split()[0]}, {os.cpu_count()} cores")

        with paused_gc():  # as the CLI loads them
            start = time.perf_counter()
            glossary = load_glossary(glossary_path)
            load_time = time.perf_counter() - start
            start = time.perf_counter()
            context = CheckContext("nl_BE", "en", glossary)
            build_time = time.perf_counter() - start
        checks = select_checks()
        fresh: list[tuple[float, float]] = []
        inside: list[tuple[float, float]] = []
        checked: list[tuple[float, float]] = []
        findings = 0
        for _ in range(rounds):  # alternate, keep the best of each (other processes share the machine)
            fresh.append(_polib_in_fresh_process(po_path))
            start, cpu = time.perf_counter(), time.process_time()
            polib.pofile(str(po_path), wrapwidth=0)
            inside.append((time.perf_counter() - start, time.process_time() - cpu))
            context.source_cache.clear()
            start, cpu = time.perf_counter(), time.process_time()
            report = check_catalog(read_catalog(po_path), str(po_path), context, checks)
            checked.append((time.perf_counter() - start, time.process_time() - cpu))
            findings = len(report.findings)
        cli_args = ["check", str(po_path), "--glossary", str(glossary_path), "--format", "json"]
        cli_time, code = _timed_cli(cli_args)
        cli_again, _ = _timed_cli(cli_args)  # reads the glossary snapshot the first run wrote
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        check, check_cpu = min(t for t, _ in checked), min(c for _, c in checked)
        load = " ".join(f"{value:.2f}" for value in os.getloadavg())
        print(f"load average: {load}; best (median) of {rounds} rounds")
        print(f"polib parse alone (fresh process):   {_best(fresh)}")
        print(f"polib parse in this process:         {_best(inside)}   (bigger heap: dearer collections)")
        print(f"careglot check (parse + checks):     {_best(checked)}   {findings:,} findings")
        for label, runs in (("polib alone", fresh), ("polib in this process", inside)):
            parse, parse_cpu = min(t for t, _ in runs), min(c for _, c in runs)
            medians = statistics.median([t for t, _ in checked]) / statistics.median([t for t, _ in runs])
            print(f"  ratio to {label}: {check / parse:.2f} x (CPU {check_cpu / parse_cpu:.2f} x; medians "
                  f"{medians:.2f} x){'   target <= 1.5' if runs is fresh else ''}")
        print(f"  once per glossary (collector paused, as in the CLI): load {load_time:.2f} s, "
              f"build automatons {build_time:.2f} s")
        print(f"careglot check CLI, end to end:    {cli_time:7.2f} s   (exit {code}; a fresh process: start-up, "
              f"loading the glossary, building automatons, parse, checks, JSON output)")
        print(f"  the same again:                   {cli_again:7.2f} s   (the glossary read from its snapshot)")
        sampled = polib.pofile(str(po_path), wrapwidth=0)[:sample]
        naive = naive_check(sampled, concepts) * entries / sample
        print(f"regex per term (sample {sample}, extrapolated): {naive:9.1f} s   "
              f"{naive / check:.0f} x slower than careglot check (target >= 20)")
        print(f"peak memory (max RSS): {peak_mb:.0f} MB")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5, help="alternating parse/check runs (best is kept)")
    return parser.parse_args()


if __name__ == "__main__":
    arguments = _arguments()
    run(arguments.entries, arguments.concepts, arguments.sample, arguments.rounds)
