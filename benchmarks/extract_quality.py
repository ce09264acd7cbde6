"""Extraction quality on the hand-labelled development set in benchmarks/data/ (not the seeds).

Prints, per language: abbreviation-pair precision/recall (lenient on case, white space,
hyphens and plural forms), undefined-abbreviation precision/recall, the same pair figures
for ``pyab3p`` (Ab3P) and the ``abbreviations`` package (Schwartz–Hearst) when they are
installed (``pip install -e '.[bench]'``); statement category accuracy and precision/recall
per flag; and boilerplate lines that leak into statements on whole unseen pages.

    python3 benchmarks/extract_quality.py [--data benchmarks/data] [--errors]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from glossary.yamlio import load_yaml  # noqa: E402

from extract.abbreviations import find_abbreviations  # noqa: E402
from extract.blocks import Block  # noqa: E402
from extract.readers import read_path  # noqa: E402
from extract.statements import categorise, extract_statements, flags_for  # noqa: E402

LANGS = ("en", "nl", "fr")
LABELLED_FLAGS = ("promotional", "unhedged-claim")
Pair = tuple[str, str]
PairFinder = Callable[[str, str], set[Pair]]


@dataclass
class Score:
    """True positives, false positives and false negatives, with the misses kept for --errors."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, found: set[Pair] | set[str], gold: set[Pair] | set[str]) -> None:
        self.tp += len(found & gold)
        self.fp += len(found - gold)
        self.fn += len(gold - found)

    def __str__(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return f"P {p:.3f}  R {r:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def _short_key(short: str) -> str:
    key = re.sub(r"[\s\-]", "", short).casefold()
    return re.sub(r"(?<=[a-z0-9])'?s$", "", key) if len(key) > 2 else key


def _long_key(long: str, lang: str) -> str:
    import simplemma

    words = re.sub(r"[\-\s]+", " ", long).casefold().strip().split()
    if words:  # singular or plural head: "stamcellen" = "stamcel", "therapies" = "therapy"
        words[-1] = simplemma.lemmatize(words[-1], lang)
    return " ".join(words)


def lenient(pairs: Iterable[Pair], lang: str) -> set[Pair]:
    return {(_short_key(s), _long_key(lf, lang)) for s, lf in pairs}


def _block(text: str, lang: str) -> Block:
    return Block(text=text, kind="paragraph", source="bench", file="bench", lang=lang, line=1, index=0, offset=0)


def careglot_pairs(text: str, lang: str) -> set[Pair]:
    defined, _ = find_abbreviations([_block(text, lang)])
    return {(a.written, a.long) for a in defined}


def _optional_finders() -> dict[str, PairFinder]:
    finders: dict[str, PairFinder] = {}
    try:
        import pyab3p

        ab3p = pyab3p.Ab3p()
        finders["pyab3p (Ab3P)"] = lambda text, _lang: {(a.short_form, a.long_form) for a in ab3p.get_abbrs(text)}
    except ImportError:
        pass
    try:
        logging.disable(logging.CRITICAL)  # the package configures logging at import
        from abbreviations import schwartz_hearst

        def sh(text: str, _lang: str) -> set[Pair]:
            with contextlib.redirect_stderr(io.StringIO()):
                return set(schwartz_hearst.extract_abbreviation_definition_pairs(doc_text=text).items())

        finders["abbreviations (S&H)"] = sh
    except ImportError:
        pass
    return finders


@contextlib.contextmanager
def _layers(upto: str) -> Iterator[None]:
    """Run with only the long-form layers up to ``upto`` (initials, characters, cross-language)."""
    from extract import longform

    saved = (longform._characters, longform._cross_language)
    if upto == "initials":
        longform._characters = lambda *_args: False
    if upto in ("initials", "characters"):
        longform._cross_language = lambda *_args: None
    try:
        yield
    finally:
        longform._characters, longform._cross_language = saved


def layer_report(data: Path) -> None:
    print("Abbreviation pairs by long-form layer (each adds to the ones before)")
    for lang in LANGS:
        path = data / f"abbreviations-{lang}.yaml"
        if not path.exists():
            continue
        items = load_yaml(path) or []
        for upto in ("initials", "characters", "cross-language"):
            score = Score()
            with _layers(upto):
                for item in items:
                    score.add(lenient(careglot_pairs(item["text"], lang), lang),
                              lenient((tuple(p) for p in item.get("pairs") or []), lang))
            print(f"  {lang} up to {upto:<15} {score}")


def abbreviation_report(data: Path, errors: bool) -> None:
    finders: dict[str, PairFinder] = {"careglot": careglot_pairs, **_optional_finders()}
    print("Abbreviations (lenient on case, white space, hyphens and plurals)")
    for lang in LANGS:
        path = data / f"abbreviations-{lang}.yaml"
        if not path.exists():
            continue
        items = load_yaml(path) or []
        for name, finder in finders.items():
            score = Score()
            misses: list[str] = []
            for item in items:
                gold = lenient((tuple(p) for p in item.get("pairs") or []), lang)
                found = lenient(finder(item["text"], lang), lang)
                score.add(found, gold)
                if errors and name == "careglot" and found != gold:
                    misses.append(f"    {item['text']}\n"
                                  f"      missed {sorted(gold - found)} wrong {sorted(found - gold)}")
            print(f"  {lang} {name:<22} pairs      {score}")
            for miss in misses:
                print(miss)
        undefined = Score()
        for item in items:
            _, found_undefined = find_abbreviations([_block(item["text"], lang)])
            undefined.add({_short_key(u.short) for u in found_undefined},
                          {_short_key(s) for s in item.get("undefined") or []})
        print(f"  {lang} {'careglot':<22} undefined  {undefined}  ({len(items)} sentences)")


def statement_report(data: Path, errors: bool) -> None:
    print("Statements: category accuracy, flag precision/recall per language")
    for lang in LANGS:
        path = data / f"statements-{lang}.yaml"
        if not path.exists():
            continue
        items = load_yaml(path) or []
        right = 0
        flags = {flag: Score() for flag in LABELLED_FLAGS}
        wrong: list[str] = []
        for category, gold_flags, text in items:
            got_category = categorise(text)
            right += got_category == category
            got = set(flags_for(text, _block(text, lang), None))
            for flag in LABELLED_FLAGS:
                flags[flag].add({flag} & got, {flag} & set(gold_flags))
            if errors and (got_category != category or got & set(LABELLED_FLAGS) != set(gold_flags)):
                wrong.append(f"    [{category}->{got_category}] {sorted(gold_flags)}->"
                             f"{sorted(got & set(LABELLED_FLAGS))} {text}")
        print(f"  {lang} category accuracy {right / len(items):.3f} ({right}/{len(items)})")
        for flag, score in flags.items():
            print(f"  {lang} {flag:<15} {score}")
        for line in wrong:
            print(line)


def boilerplate_report(data: Path, errors: bool) -> None:
    print("Boilerplate on unseen pages (lines that must never become statements)")
    leaks = kept = content = 0
    for page in sorted((data / "pages").glob("*.yaml")):
        spec = load_yaml(page)
        lines = [(kind, text) for kind, text in spec["lines"]]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{page.stem}.txt"
            path.write_text("\n\n".join(text for _, text in lines) + "\n", encoding="utf-8")
            document = read_path(path, None, spec["lang"])
            statements = extract_statements(document)
        for kind, text in lines:
            hits = [s for s in statements if s.text in text]
            if kind == "b" and hits:
                leaks += len(hits)
                if errors:
                    print(f"    leak in {page.name}: {text}")
            elif kind == "c":
                content += 1
                kept += bool(hits)
    print(f"  {leaks} boilerplate statements; {kept}/{content} content lines kept")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data")
    parser.add_argument("--errors", action="store_true", help="list every miss and wrong answer")
    parser.add_argument("--layers", action="store_true", help="abbreviation pairs per long-form layer")
    args = parser.parse_args()
    abbreviation_report(args.data, args.errors)
    if args.layers:
        layer_report(args.data)
    statement_report(args.data, args.errors)
    boilerplate_report(args.data, args.errors)


if __name__ == "__main__":
    main()
