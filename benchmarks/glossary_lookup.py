"""Benchmark: lookup index on a synthetic 100,000-concept glossary.

Generates a glossary (four languages, one to three terms per language, accents,
abbreviations), writes it as YAML in a temporary directory, then prints: the YAML load
rate (measured on a 2,000-concept slice: a 100,000-concept YAML file is beyond the
loader's 32 MiB cap and PyYAML's pure-Python speed), index build time, index size, cold
lookup (a fresh process opening the cached index), warm p50/p95 latency per
kind of query (exact, inflected, accent/case-folded, typo), the same queries through a
naive linear scan as a baseline, and peak memory. Target: warm p50 < 5 ms.

    python3 benchmarks/glossary_lookup.py [--concepts N] [--queries N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.loader import load_glossary  # noqa: E402
from glossary.lookup import lookup  # noqa: E402
from glossary.lookup_index import cache_path, open_index  # noqa: E402
from glossary.model import Concept, Glossary, Term  # noqa: E402
from glossary.normalize import fold  # noqa: E402
from glossary.serialize import dump_concepts, dump_glossary  # noqa: E402

CONSONANTS = "bcdfghklmnprstvz"
VOWELS = ["a", "e", "i", "o", "u", "é", "ë", "ï", "ö", "ä"]
SUFFIX = {"en": "s", "nl": "en", "fr": "s", "de": "en"}


def word(rng: random.Random) -> str:
    syllables = rng.randint(2, 4)
    return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS[:5] if rng.random() < 0.8 else VOWELS)
                   for _ in range(syllables)) + rng.choice(["", "n", "r", "l", "t"])


def generate(count: int, seed: int = 7) -> tuple[Glossary, list[tuple[str, str]]]:
    """A synthetic glossary and (lang, term) samples for queries."""
    rng = random.Random(seed)
    samples: list[tuple[str, str]] = []
    concepts = []
    for index in range(count):
        concept = Concept(id=f"c{index}", definition={"en": f"{word(rng)} {word(rng)} {word(rng)}"})
        for lang in ("en", "nl", "fr", "de"):
            full = " ".join(word(rng) for _ in range(rng.randint(1, 3)))
            terms = [Term(full, lang)]
            if rng.random() < 0.3:
                abbreviation = "".join(rng.choice("ABCDEFGHKLMNPRSTZ") for _ in range(rng.randint(2, 5)))
                terms.append(Term(abbreviation, lang, type="abbreviation"))
            if rng.random() < 0.2:
                terms.append(Term(" ".join(word(rng) for _ in range(2)), lang, type="variant", status="admitted"))
            concept.terms[lang] = terms
            if rng.random() < 0.01:
                samples.append((lang, full))
        concepts.append(concept)
    return Glossary(concepts), samples


def variants(samples: list[tuple[str, str]], rng: random.Random, limit: int) -> dict[str, list[str]]:
    chosen = rng.sample(samples, min(limit, len(samples)))
    kinds: dict[str, list[str]] = {"exact": [], "inflected": [], "folded": [], "typo": []}
    for lang, term in chosen:
        kinds["exact"].append(term)
        kinds["inflected"].append(term + SUFFIX[lang])
        kinds["folded"].append(fold(term).upper())
        last = max(term.split(" "), key=len)
        if len(last) > 5:
            cut = rng.randrange(1, len(last) - 2)
            kinds["typo"].append(term.replace(last, last[:cut] + last[cut + 1] + last[cut] + last[cut + 2:]))
    return kinds


def naive(terms: list[tuple[str, str]], query: str) -> list[str]:
    """Baseline without an index: fold every term and keep those containing the folded query."""
    wanted = fold(query)
    return [ident for ident, text in terms if wanted in fold(text)][:10]


def _peak_mib() -> float:
    """This process's peak resident memory (VmHWM; unlike ru_maxrss it is not inherited by children)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_only(path: Path, count: int) -> None:
    """Child process: regenerate the same glossary, build its index, print figures as JSON."""
    glossary, _ = generate(count)
    wall, cpu = time.perf_counter(), time.process_time()
    open_index(path, glossary).close()
    print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "peak": _peak_mib()}))


def child(*args: str) -> dict[str, float]:
    """Run this script in a new process; its JSON figures plus ``process`` (wall seconds, start to exit)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True)
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "process": time.perf_counter() - started}


def cold_lookup(path: Path, query: str) -> None:
    """Child process: first lookup with a cached index (imports, freshness check, open, query)."""
    started = time.perf_counter()
    connection = open_index(path)
    hits = lookup(connection, query).hits
    print(json.dumps({"seconds": time.perf_counter() - started, "hits": len(hits), "peak": _peak_mib()}))


def write_yaml(path: Path, glossary: Glossary) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("concepts:\n")
        for start in range(0, len(glossary.concepts), 2000):
            out.write(dump_concepts(glossary.concepts[start:start + 2000], 2))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--build-only", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--cold", nargs=2, metavar=("PATH", "QUERY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:
        build_only(Path(args.build_only), args.concepts)
        return
    if args.cold:
        cold_lookup(Path(args.cold[0]), args.cold[1])
        return
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    with tempfile.TemporaryDirectory(prefix="careglot-bench-") as temp:
        path = Path(temp) / "glossary.yaml"
        glossary, samples = generate(args.concepts)
        write_yaml(path, glossary)
        terms = [(c.id, t.text) for c in glossary for t in c.all_terms()]
        print(f"synthetic glossary: {args.concepts} concepts, {len(terms)} terms, "
              f"{path.stat().st_size / 2**20:.1f} MiB as YAML")
        sample = Path(temp) / "slice.yaml"
        sample.write_text(dump_glossary(Glossary(glossary.concepts[:2000])), encoding="utf-8")
        del glossary
        wall, cpu = time.perf_counter(), time.process_time()
        load_glossary(sample)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        rate = sample.stat().st_size / 2**20 / cpu
        print(f"YAML load (2,000-concept slice): {wall:.1f} s wall, {cpu:.1f} s CPU = {rate:.2f} MiB/s CPU "
              f"(the whole file would take ~{path.stat().st_size / 2**20 / rate:.0f} s CPU)")
        script = str(Path(__file__).resolve())
        build = child(script, "--concepts", str(args.concepts), "--build-only", str(path))
        print(f"index build (child process, glossary already in memory): {build['wall']:.1f} s wall, "
              f"{build['cpu']:.1f} s CPU, peak {build['peak']:.0f} MiB (with the glossary objects); "
              f"index file {cache_path(path).stat().st_size / 2**20:.1f} MiB")
        kinds = variants(samples, random.Random(11), args.queries)
        cold = child(script, "--cold", str(path), kinds["exact"][0])
        print(f"cold lookup (new process, cached index): freshness check + open + first query "
              f"{cold['seconds'] * 1000:.1f} ms; whole process incl. interpreter start and imports "
              f"{cold['process'] * 1000:.0f} ms; peak {cold['peak']:.0f} MiB")
        connection = open_index(path)
        all_times: list[float] = []
        for kind, queries in kinds.items():
            times, cpu_times, found = [], [], 0
            for query in queries:
                wall, cpu = time.perf_counter(), time.process_time()
                hits = lookup(connection, query).hits
                times.append((time.perf_counter() - wall) * 1000)
                cpu_times.append((time.process_time() - cpu) * 1000)
                found += bool(hits)
            all_times += times
            baseline = []
            for query in queries[:5]:
                wall = time.perf_counter()
                naive(terms, query)
                baseline.append((time.perf_counter() - wall) * 1000)
            print(f"warm {kind:<9} p50 {statistics.median(times):6.2f} ms  p95 {percentile(times, 0.95):6.2f} ms  "
                  f"(CPU p50 {statistics.median(cpu_times):5.2f} ms)  found {found}/{len(queries)}  | "
                  f"naive scan p50 {statistics.median(baseline):7.0f} ms "
                  f"(x{statistics.median(baseline) / statistics.median(times):.0f})")
        print(f"warm all       p50 {statistics.median(all_times):6.2f} ms  p95 {percentile(all_times, 0.95):6.2f} ms "
              "(target p50 < 5 ms)")
        print(f"peak memory of this process (generation, naive baseline, lookups): {_peak_mib():.0f} MiB")
        connection.close()


if __name__ == "__main__":
    main()
