"""Extraction throughput: the five sources replicated to >= 10 MB, one core, with peak memory.

Usage: python benchmarks/extract_throughput.py [--mb 10]
Prints MB/s for reading + abbreviations + statements (the per-document work) and for the
whole pipeline including term candidates, plus the tracemalloc peak of the full run.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

from extract.manifest import load_manifest
from extract.pipeline import extract, read_inputs

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    args = parser.parse_args()
    sources = load_manifest(ROOT / "sources" / "sources.yaml")
    size = sum(s.path.stat().st_size for s in sources)
    copies = int(args.mb * 1024 * 1024 // size) + 1
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for copy in range(copies):
            for source in sources:
                target = Path(tmp) / f"{copy:05d}-{source.path.name}"
                shutil.copyfile(source.path, target)
                paths.append(target)
        total = sum(p.stat().st_size for p in paths) / (1024 * 1024)
        start = time.perf_counter()
        read_inputs(paths, root=Path(tmp), lang="en")
        read = time.perf_counter() - start
        start = time.perf_counter()
        result = extract(read_inputs(paths, root=Path(tmp), lang="en"))
        full = time.perf_counter() - start
        tracemalloc.start()
        extract(read_inputs(paths[: len(sources) * max(copies // 10, 1)], root=Path(tmp), lang="en"))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"corpus: {len(paths)} files, {total:.1f} MB ({copies} copies of {size / 1024:.1f} KB)")
    print(f"reading only:   {read:.2f} s  {total / read:.2f} MB/s")
    print(f"full pipeline:  {full:.2f} s  {total / full:.2f} MB/s (one process, one core)")
    print(f"statements: {len(result.statements)}, abbreviations: {len(result.abbreviations)}, "
          f"terms: {len(result.terms)}")
    print(f"peak memory (tracemalloc, first tenth of the corpus): {peak / (1024 * 1024):.0f} MiB; "
          f"whole run: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB max RSS")


if __name__ == "__main__":
    main()
