"""Term candidates against the ACTER gold standard (TermEval 2020 protocol): LODO scores, anchors, speed.

For each language and domain in ACTER (corp, equi, wind; heart failure is held out and
not shipped), the extractor runs over the annotated texts; every lowercased surface form
of the selected candidates (or only the canonical ``term``, "without forms") is compared
with the gold lists without and with named entities. The termhood weights are refitted
leave-one-domain-out (fit and threshold on two domains, score the third), so the figures
are those of an unseen domain. Printed alongside: the TermEval 2020 best systems (on the
held-out heart-failure domain, which we do not have), a plain 1-3-gram frequency baseline
measured in the same run, the gain of the cross-language features, the time to extract
all nine corpora and the peak memory. ``--fit`` prints the weights fitted on all three
domains for extract/termhood.py. Needs numpy (``pip install -e '.[bench]'``).

    python3 benchmarks/acter_terms.py [--acter ../shared/acter] [--fit]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import gbdt  # noqa: E402

from careglot.core.fsutil import atomic_write  # noqa: E402
from extract import boosting, termhood  # noqa: E402
from extract.ngrams import NgramCounter  # noqa: E402
from extract.terms import candidate_stats, terms_by_language  # noqa: E402
from extract.tokens import normalise  # noqa: E402

LANGS = ("en", "fr", "nl")
DOMAINS = ("corp", "equi", "wind")
# Best F1 with named entities on the held-out heart-failure domain, from the overview paper:
# Rigouts Terryn, Hoste, Drouin and Lefever (2020), "TermEval 2020: Shared Task on Automatic
# Term Extraction Using the Annotated Corpora for Term Extraction Research (ACTER) Dataset",
# Proceedings of the 6th International Workshop on Computational Terminology (COMPUTERM 2020), 85-94.
TERMEVAL_BEST = {
    "en": "TALN-LS2N (RoBERTa) F1 46.7",
    "fr": "TALN-LS2N (CamemBERT) F1 48.2",
    "nl": "NLPLab_UQAM (BiLSTM) P 18.9 R 18.6 F1 18.7",
}
CROSS = ("cross_form", "cross_words", "cross_stems")
# Languages whose shipped model uses the cross-language features: those where they raised the
# leave-one-domain-out F1 (the report prints both). English lost 1.0 point with them.
CROSS_LANGS = ("fr", "nl")
BASELINE_MIN_COUNT = 2
TREES = {"trees": 100, "depth": 3, "rate": 0.1, "min_leaf": 50}

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


@dataclass
class Corpus:
    """One language and domain: every candidate's lowercased forms and features, and the gold."""

    forms: list[list[str]]
    features: list[list[float]]
    gold: set[str]
    gold_nes: set[str]

    def labels(self) -> list[float]:
        return [float(any(f in self.gold_nes for f in fs)) for fs in self.forms]


def load(acter: Path) -> dict[tuple[str, str], Corpus]:
    data = {}
    for domain in DOMAINS:
        texts = {lang: load_texts(acter, lang, domain) for lang in LANGS}
        for lang in LANGS:
            others = {other: texts[other] for other in LANGS if other != lang}
            rows = candidate_stats(texts[lang], lang, others)
            data[(lang, domain)] = Corpus(
                [[f.lower() for f in forms] for forms, _ in rows],
                [termhood.feature_vector(stats) for _, stats in rows],
                load_gold(acter, lang, domain, False),
                load_gold(acter, lang, domain, True),
            )
    return data


# ---- fitting (numpy only needed here) ----


def matrix(corpus: Corpus, drop: frozenset[int]) -> Any:
    """The feature matrix with the *drop* columns zeroed (an ablation)."""
    import numpy as np

    x = np.array(corpus.features, float)
    x[:, sorted(drop)] = 0.0
    return x


def scores(corpus: Corpus, model: boosting.Model, drop: frozenset[int]) -> list[float]:
    """Log-odds of every candidate (vectorised; the same trees extract.boosting walks one by one)."""
    import numpy as np

    x = matrix(corpus, drop)
    total = np.full(len(x), model.base)
    for tree in model.trees:
        node = np.zeros(len(x), int)
        features, thresholds = np.array(tree.features), np.array(tree.thresholds)
        for _ in range(int(np.log2(len(tree.leaves)))):
            feature = features[node]
            right = (feature >= 0) & (x[np.arange(len(x)), np.maximum(feature, 0)] >= thresholds[node])
            node = 2 * node + 1 + right
        total += np.array(tree.leaves)[node - len(features)]
    return list(total)


def selected(corpus: Corpus, values: list[float], threshold: float, forms: bool) -> set[str]:
    return {f for fs, s in zip(corpus.forms, values, strict=True) if s >= threshold for f in (fs if forms else fs[:1])}


def train(data: dict[tuple[str, str], Corpus], keys: list[tuple[str, str]], drop: frozenset[int]) -> boosting.Model:
    """Trees and the F1-best cut-off on *keys*, labels from the gold with named entities."""
    import numpy as np

    x = np.vstack([matrix(data[k], drop) for k in keys])
    y = [v for k in keys for v in data[k].labels()]
    model = gbdt.fit(x, y, **TREES)
    values = {k: scores(data[k], model, drop) for k in keys}
    grid = [t / 10 for t in range(-40, 11)]
    best = max(grid, key=lambda t: sum(prf(selected(data[k], values[k], t, True), data[k].gold_nes)[2] for k in keys))
    return boosting.Model(model.base, best, model.trees)


def lodo(data: dict[tuple[str, str], Corpus], drop: frozenset[int]) -> dict[tuple[str, str], dict[str, tuple]]:
    """Per language and held-out domain: P/R/F1 with/without NEs, with/without forms."""
    results: dict[tuple[str, str], dict[str, tuple]] = {}
    for domain in DOMAINS:
        for lang in LANGS:
            model = train(data, [(lang, d) for d in DOMAINS if d != domain], drop)
            corpus = data[(lang, domain)]
            values = scores(corpus, model, drop)
            row = {}
            for forms in (True, False):
                predicted = selected(corpus, values, model.threshold, forms)
                row[f"nes{'+forms' if forms else ''}"] = prf(predicted, corpus.gold_nes)
                row[f"plain{'+forms' if forms else ''}"] = prf(predicted, corpus.gold)
            results[(lang, domain)] = row
    return results


# ---- anchors and speed ----


def baseline(acter: Path, lang: str, domain: str) -> set[str]:
    """Plain 1-3-gram baseline: every stopword-bounded n-gram of 1-3 words seen at least twice."""
    counter = NgramCounter(lang)
    for source, text in load_texts(acter, lang, domain):
        counter.add(source, normalise(text))
    forms = Counter[str]()
    for surfaces in counter.counts().forms.values():
        for form, count in surfaces.items():
            if len(form.replace("'", "' ").split()) <= 3:
                forms[form.lower()] += count
    return {form for form, count in forms.items() if count >= BASELINE_MIN_COUNT}


def extraction_time(acter: Path) -> tuple[float, int]:
    """CPU seconds to extract terms from all nine corpora (cross-language per domain), candidates kept."""
    texts = {(lang, domain): load_texts(acter, lang, domain) for lang in LANGS for domain in DOMAINS}
    start = time.process_time()
    kept = 0
    for domain in DOMAINS:
        found = terms_by_language({lang: texts[(lang, domain)] for lang in LANGS})
        kept += sum(map(len, found.values()))
    return time.process_time() - start, kept


def _mean(values: Sequence[float]) -> float:
    return 100 * sum(values) / len(values)


def report(acter: Path) -> None:
    seconds, kept = extraction_time(acter)
    extraction_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    data = load(acter)
    cross = frozenset(termhood.FEATURES.index(name) for name in CROSS)
    with_cross, without_cross = lodo(data, frozenset()), lodo(data, cross)
    full = {key: (with_cross if key[0] in CROSS_LANGS else without_cross)[key] for key in with_cross}
    print("ACTER 1.5, leave-one-domain-out (trees and cut-off fitted on the two other domains, in the")
    print(f"same language, labels from the gold with NEs; cross-language features in {', '.join(CROSS_LANGS)}),"
          " P/R/F1 in %:\n")
    print("| lang | held out | NEs+forms P | R | F1 | NEs, term only F1 | no NEs+forms P | R | F1 |"
          " no NEs, term only F1 |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for lang in LANGS:
        for domain in DOMAINS:
            row = full[(lang, domain)]
            cells = [*row["nes+forms"], row["nes"][2], *row["plain+forms"], row["plain"][2]]
            print(f"| {lang} | {domain} | " + " | ".join(f"{100 * v:.1f}" for v in cells) + " |")
    print("\n| lang | F1 NEs+forms | NEs term only | no NEs+forms | no NEs term only | with / without cross-language |"
          " 1-3-gram baseline (NEs) | TermEval 2020 best (heart failure, NEs) |")
    print("|---|--:|--:|--:|--:|--:|--:|---|")
    for lang in LANGS:
        def mean(results: dict, name: str, lang: str = lang) -> float:
            return _mean([results[(lang, d)][name][2] for d in DOMAINS])

        base = _mean([prf(baseline(acter, lang, d), load_gold(acter, lang, d, True))[2] for d in DOMAINS])
        cells = [mean(full, "nes+forms"), mean(full, "nes"), mean(full, "plain+forms"), mean(full, "plain"),
                 base]
        crossed = f"{mean(with_cross, 'nes+forms'):.1f} / {mean(without_cross, 'nes+forms'):.1f}"
        print(f"| {lang} | " + " | ".join(f"{v:.1f}" for v in cells[:4]) + f" | {crossed} | {cells[4]:.1f} |"
              f" {TERMEVAL_BEST[lang]} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nExtraction of all nine corpora (3 domains x en/fr/nl, cross-language): {seconds:.1f} s CPU,"
          f" {kept} candidates kept; peak resident memory {extraction_peak:.0f} MB after extraction,"
          f" {peak:.0f} MB with the fitting")


def write_fit(acter: Path) -> None:
    """Fit one model per language on all three domains (and a pooled one) into extract/termhood_model.json."""
    data = load(acter)
    cross = frozenset(termhood.FEATURES.index(name) for name in CROSS)
    models = {lang: train(data, [(lang, d) for d in DOMAINS], frozenset() if lang in CROSS_LANGS else cross)
              for lang in LANGS}
    models["*"] = train(data, list(data), frozenset())
    atomic_write(boosting.MODEL_FILE, boosting.ModelSet(termhood.FEATURES, models).to_json())
    for lang, model in models.items():
        print(f"{lang}: {len(model.trees)} trees, base {model.base:.3f}, cut-off {model.threshold}")
    print(f"written to {boosting.MODEL_FILE}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--acter", type=Path, default=ROOT.parent / "shared" / "acter")
    parser.add_argument("--fit", action="store_true", help="refit the shipped model on all three domains")
    args = parser.parse_args(argv)
    if not (args.acter / "en").is_dir():
        print(f"ACTER not found at {args.acter}", file=sys.stderr)
        return 2
    if args.fit:
        write_fit(args.acter)
    else:
        report(args.acter)
    return 0


if __name__ == "__main__":
    sys.exit(main())
