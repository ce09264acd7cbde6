"""Term candidates against the ACTER gold standard (TermEval 2020 protocol), plus throughput.

For each language and domain in ACTER (corp, equi, wind; heart failure is held out
and not shipped), run the extractor over the annotated texts, lowercase every surface
form of the selected candidates and compare that set with the gold lists, without and
with named entities. ``--fit`` refits the termhood weights (needs numpy), prints
leave-one-domain-out figures and the weights to paste into extract/termhood.py.

    python3 benchmarks/acter_terms.py [--acter ../shared/acter] [--fit] [--mb 10]
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import termhood  # noqa: E402
from extract.terms import candidate_stats, term_candidates  # noqa: E402
from extract.tokens import normalise, phrase_chunks  # noqa: E402

LANGS = ("en", "fr", "nl")
DOMAINS = ("corp", "equi", "wind")
# Best systems on the held-out heart-failure domain (Rigouts Terryn et al. 2020, F1 in %).
TERMEVAL_BEST = {"en": ("TALN-LS2N", 46.7), "fr": ("TALN-LS2N", 48.2), "nl": ("NLPLab_UQAM", 54.3)}

Sentences = list[tuple[str, str]]


def load_texts(acter: Path, lang: str, domain: str) -> Sentences:
    """Non-empty lines of every annotated text, each with its file name as source id."""
    sentences = []
    for path in sorted((acter / lang / domain / "texts").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                sentences.append((path.name, line))
    return sentences


def load_gold(acter: Path, lang: str, domain: str, with_nes: bool) -> set[str]:
    name = f"{domain}_{lang}_terms{'_nes' if with_nes else ''}.tsv"
    lines = (acter / lang / domain / name).read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0].strip() for line in lines if line.strip()}


def prf(predicted: set[str], gold: set[str]) -> tuple[float, float, float]:
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1


def evaluate(acter: Path) -> None:
    print(f"\nACTER, cut-off: termhood log-odds >= {termhood.THRESHOLD} (tuned on these three domains;"
          " --fit prints the leave-one-domain-out figures)")
    print(f"{'lang':4} {'domain':6} {'terms':>6} | {'P':>5} {'R':>5} {'F1':>5} | with NEs: {'P':>5} {'R':>5} {'F1':>5}")
    for lang in LANGS:
        f1s: list[tuple[float, float]] = []
        for domain in DOMAINS:
            candidates = term_candidates(load_texts(acter, lang, domain), lang)
            predicted = {form.lower() for c in candidates for form in c.forms}
            plain = prf(predicted, load_gold(acter, lang, domain, False))
            nes = prf(predicted, load_gold(acter, lang, domain, True))
            f1s.append((plain[2], nes[2]))
            print(
                f"{lang:4} {domain:6} {len(predicted):6} | "
                + " ".join(f"{100 * v:5.1f}" for v in plain)
                + " |           "
                + " ".join(f"{100 * v:5.1f}" for v in nes)
            )
        team, best = TERMEVAL_BEST[lang]
        mean_plain = 100 * sum(f for f, _ in f1s) / len(f1s)
        mean_nes = 100 * sum(f for _, f in f1s) / len(f1s)
        print(f"{lang:4} mean   F1 {mean_plain:.1f} / with NEs {mean_nes:.1f}   (TermEval 2020 best: {team} {best})")


def throughput(acter: Path, megabytes: float) -> None:
    """MB/s of term extraction on the English corpora replicated to *megabytes*, one core."""
    base = [s for domain in DOMAINS for s in load_texts(acter, "en", domain)]
    size = sum(len(text.encode("utf-8")) + 1 for _, text in base)
    copies = max(1, math.ceil(megabytes * 1e6 / size))
    corpus = [(f"{source}#{i}", text) for i in range(copies) for source, text in base]
    total_mb = size * copies / 1e6

    def tokenise_only() -> None:
        for _, text in corpus:
            phrase_chunks(normalise(text), "en")

    def extract() -> None:
        term_candidates(corpus, "en")

    timings = {name: _timed(run) for name, run in (("tokenise only", tokenise_only), ("extract", extract))}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    one, five, _ = os.getloadavg()
    print(f"\nThroughput on {total_mb:.1f} MB (English ACTER x{copies}), one core, load average {one:.1f} {five:.1f}:")
    for name, seconds in timings.items():
        print(f"  {name:14} {seconds:6.1f} s CPU  {total_mb / seconds:5.2f} MB/s")
    print(f"  extract / tokenise-only time ratio: {timings['extract'] / timings['tokenise only']:.1f}")
    print(f"  peak resident memory of the process: {peak_mb:.0f} MB")


def _timed(run: Callable[[], None]) -> float:
    """CPU seconds of ``run()`` (comparable when other processes load the machine)."""
    start = time.process_time()
    run()
    return time.process_time() - start


# ---- refitting the termhood weights (numpy only needed here) ----


Dataset = dict[tuple[str, str], tuple[list[list[str]], list[list[float]], set[str]]]


def _dataset(acter: Path) -> Dataset:
    data = {}
    for lang in LANGS:
        for domain in DOMAINS:
            rows = candidate_stats(load_texts(acter, lang, domain), lang)
            forms = [[f.lower() for f in fs] for fs, _ in rows]
            features = [termhood.feature_vector(stats) for _, stats in rows]
            data[(lang, domain)] = (forms, features, load_gold(acter, lang, domain, False))
    return data


def _fit(rows: Sequence[list[float]], labels: Sequence[float]) -> tuple[list[float], float]:
    import numpy as np

    x, y = np.array(rows, float), np.array(labels, float)
    mean, std = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    for _ in range(3000):  # L2-regularised logistic regression, plain gradient descent
        p = 1 / (1 + np.exp(-z @ w))
        w -= 0.5 * (z.T @ (p - y) / len(y) + 1e-3 * np.r_[w[:-1], 0])
    weights = w[:-1] / std
    return [float(v) for v in weights], float(w[-1] - np.sum(w[:-1] * mean / std))


def _selected_f1(forms: list[list[str]], scores: list[float], gold: set[str], threshold: float) -> float:
    predicted = {f for fs, s in zip(forms, scores, strict=True) if s >= threshold for f in fs}
    return prf(predicted, gold)[2]


def _fit_and_tune(data: Dataset, keys: list[tuple[str, str]]) -> tuple[list[float], float, float]:
    rows = [r for k in keys for r in data[k][1]]
    labels = [float(any(f in data[k][2] for f in fs)) for k in keys for fs in data[k][0]]
    weights, bias = _fit(rows, labels)
    scores = {k: [bias + sum(w * v for w, v in zip(weights, r, strict=True)) for r in data[k][1]] for k in keys}
    grid = [t / 10 for t in range(-40, 1)]
    best = max(grid, key=lambda t: sum(_selected_f1(data[k][0], scores[k], data[k][2], t) for k in keys))
    return weights, bias, best


def refit(acter: Path) -> None:
    data = _dataset(acter)
    print("Leave-one-domain-out (fit and threshold on two domains, score the third, terms only):")
    for domain in DOMAINS:
        keys = [k for k in data if k[1] != domain]
        weights, bias, threshold = _fit_and_tune(data, keys)
        for lang in LANGS:
            forms, rows, gold = data[(lang, domain)]
            scores = [bias + sum(w * v for w, v in zip(weights, r, strict=True)) for r in rows]
            f1 = _selected_f1(forms, scores, gold, threshold)
            print(f"  {lang} {domain}: F1 {100 * f1:.1f} (threshold {threshold})")
    weights, bias, threshold = _fit_and_tune(data, list(data))
    print("\nWEIGHTS = {")
    for name, value in zip(termhood.FEATURES, weights, strict=True):
        print(f'    "{name}": {value:.4f},')
    print(f"}}\nBIAS = {bias:.4f}\nTHRESHOLD = {threshold}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--acter", type=Path, default=ROOT.parent / "shared" / "acter")
    parser.add_argument("--fit", action="store_true", help="refit the termhood weights (needs numpy)")
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size for the throughput run")
    args = parser.parse_args(argv)
    if not (args.acter / "en").is_dir():
        print(f"ACTER not found at {args.acter}", file=sys.stderr)
        return 2
    if args.fit:
        refit(args.acter)
        return 0
    throughput(args.acter, args.mb)
    evaluate(args.acter)
    return 0


if __name__ == "__main__":
    sys.exit(main())
