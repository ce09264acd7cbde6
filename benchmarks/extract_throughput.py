"""Extraction throughput: the five sources replicated to >= 10 MB, one core, with peak memory.

Usage: python benchmarks/extract_throughput.py [--mb 10] [--no-glossary]

Every copy is registered as its own source (own id, declared language, audience), so
Dutch text is processed as Dutch and statements are matched against the workspace
glossary, as in ``careglot extract``. Prints, for reading alone (the baseline, measured
in the same run) and for the whole pipeline: seconds (wall clock and CPU) and MB/s per
CPU second, which stays comparable when other processes load the machine; the share
of each stage; tracemalloc's peak on a tenth of the corpus and the process's max RSS;
the load average before and after.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import shutil
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from extract.manifest import Source, load_manifest
from extract.pipeline import extract, read_inputs
from glossary.loader import load_glossary
from glossary.model import Glossary

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float, float]:
    """Result, wall-clock seconds and CPU seconds of ``work()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def replicate(sources: list[Source], folder: Path, copies: int) -> list[Source]:
    """``copies`` copies of every source file, each registered under its own id."""
    replicas = []
    for copy in range(copies):
        for source in sources:
            target = folder / f"{copy:05d}-{source.path.name}"
            shutil.copyfile(source.path, target)
            replicas.append(dataclasses.replace(source, id=f"{copy:05d}-{source.id}", file=target.name,
                                                path=target))
    return replicas


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--no-glossary", action="store_true", help="do not match statements against glossary.yaml")
    args = parser.parse_args()
    print(f"before: {load_average()}")
    sources = load_manifest(ROOT / "sources" / "sources.yaml")
    glossary: Glossary | None = None if args.no_glossary else load_glossary(ROOT / "glossary.yaml")
    size = sum(s.path.stat().st_size for s in sources)
    copies = int(args.mb * 1024 * 1024 // size) + 1
    # Warm-up on one copy: simplemma's and wordfreq's tables load once per process.
    extract(read_inputs(sources, root=ROOT), glossary)
    with tempfile.TemporaryDirectory(prefix="extract-bench-") as tmp:
        replicas = replicate(sources, Path(tmp), copies)
        total = sum(s.path.stat().st_size for s in replicas) / (1024 * 1024)
        documents, read_wall, read_cpu = timed(lambda: read_inputs(replicas, root=Path(tmp)))
        del documents
        stages: dict[str, float] = {}
        result, full_wall, full_cpu = timed(
            lambda: extract(read_inputs(replicas, root=Path(tmp)), glossary, timings=stages))
        tenth = replicas[: len(sources) * max(copies // 10, 1)]
        tracemalloc.start()
        extract(read_inputs(tenth, root=Path(tmp)), glossary)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(replicas)} files, {total:.1f} MB ({copies} copies of {size / 1024:.1f} KB), "
          f"glossary: {'no' if glossary is None else 'yes'}")
    print(f"reading only (baseline): {read_wall:6.2f} s wall, {read_cpu:6.2f} s CPU  {total / read_cpu:6.2f} MB/s")
    print(f"full pipeline:           {full_wall:6.2f} s wall, {full_cpu:6.2f} s CPU  {total / full_cpu:6.2f} MB/s"
          f"  ({full_cpu / read_cpu:.1f}x reading; one process, one core)")
    shares = [("reading", read_cpu), *sorted(stages.items(), key=lambda item: -item[1])]
    print("CPU per stage: " + ", ".join(f"{name} {seconds:.2f} s ({100 * seconds / full_cpu:.0f} %)"
                                         for name, seconds in shares))
    print(f"statements: {len(result.statements)}, abbreviations: {len(result.abbreviations)}, "
          f"terms: {len(result.terms)}")
    print(f"peak memory: tracemalloc {peak / (1024 * 1024):.0f} MiB (a tenth of the corpus, {len(tenth)} files); "
          f"max RSS {rss:.0f} MiB (whole process)")
    print(f"after: {load_average()}")


if __name__ == "__main__":
    main()
