"""Benchmark: `careglot catalog update` on a 100,000-entry catalog against GNU msgmerge (issue 10).

Generates a translated catalog (plurals, msgctxt, comments, placeholders, ~5 % fuzzy, ~10 %
untranslated, ~1 % obsolete) and a template in which 10 % of the msgids were edited (word
swap, insertion, deletion, punctuation), then measures in the same run: careglot's update
(parse + merge + write, in a child process for its peak memory), `msgmerge -N` (the floor),
`msgmerge` with fuzzy matching on a 5,000-entry slice (and the whole catalog with --full),
the counts before and after, and the agreement of the fuzzy pairs with msgmerge's.

    python benchmarks/catalog_update.py [--size 100000] [--slice 5000] [--full]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from catalogs.fuzzy_index import REFUSE_BELOW_THRESHOLD, normalise, refusal, similarity

COMMON = (
    "the", "your", "you", "a", "to", "of", "and", "is", "in", "with", "for", "can", "be", "this", "it", "or", "are",
    "on", "not", "after", "before", "doctor", "treatment", "stem", "cells", "cell", "blood", "transplant",
    "hospital", "weeks", "months", "days", "risk", "infection", "may", "will", "have", "do", "no", "take", "tablet",
    "dose", "medicine", "nurse", "team", "call", "tell", "if", "when", "during", "fever", "sclerosis", "multiple",
    "relapse", "chemotherapy", "immune", "system", "side", "effects", "some", "most", "people", "never", "without",
    "about", "how", "what",)
SYLLABLES = (
    "ba", "be", "bi", "bo", "da", "de", "di", "do", "ka", "ke", "ki", "ko", "la", "le", "li", "lo", "ma", "me",
    "mi", "mo", "na", "ne", "ni", "no", "ra", "re", "ri", "ro", "ta", "te", "ti", "to",)
PLACEHOLDERS = ("%(name)s", "{count}", "%(hospital)s", "{date}")
FORMAT_FLAG = {"%(": "python-format", "{": "python-brace-format"}
HEADER = ('msgid ""\nmsgstr ""\n"Project-Id-Version: careglot-bench 1.0\\n"\n"Report-Msgid-Bugs-To: \\n"\n'
          '"POT-Creation-Date: {date}\\n"\n"PO-Revision-Date: 2025-02-01 10:00+0100\\n"\n'
          '"Last-Translator: Bench <bench@example.org>\\n"\n"Language-Team: Dutch\\n"\n"Language: {lang}\\n"\n'
          '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Content-Transfer-Encoding: 8bit\\n"\n{plural}\n')


@dataclass(frozen=True)
class Message:
    """One generated message; ``origin`` is the catalog index it came from (-1: new)."""

    msgctxt: str | None
    msgid: str
    plural: bool
    msgstr: str
    fuzzy: bool
    previous: str | None
    tcomment: str
    comment: str
    reference: str
    origin: int
    obsolete: bool = False
    added: bool = False


class Generator:
    """Deterministic leaflet-like text with a long-tailed vocabulary."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        rare = {"".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4))) for _ in range(6000)}
        self.words = [*COMMON, *sorted(rare)]
        self.weights = [1 / (rank + 8) for rank in range(len(self.words))]

    def sentence(self) -> str:
        rng = self.rng
        size = rng.choice((rng.randint(1, 4), rng.randint(6, 20), rng.randint(6, 20), rng.randint(6, 20),
                           rng.randint(22, 50)))
        words = rng.choices(self.words, self.weights, k=size)
        if size > 3 and rng.random() < 0.15:
            words.insert(rng.randrange(len(words)), str(rng.choice((2, 3, 7, 14, 30, 100, 500))))
        if size > 3 and rng.random() < 0.1:
            words.insert(rng.randrange(len(words)), rng.choice(PLACEHOLDERS))
        text = " ".join(words)
        text = text[0].upper() + text[1:]
        return text + rng.choice(".....?:") if size > 3 else text

    def edit(self, text: str) -> str:
        """Word swap, insertion, deletion or punctuation change."""
        rng, words = self.rng, text.split(" ")
        kind = rng.choice(("swap", "insert", "delete", "punctuation") if len(words) > 2 else ("insert", "punctuation"))
        if kind == "swap":
            at = rng.randrange(len(words) - 1)
            words[at], words[at + 1] = words[at + 1], words[at]
        elif kind == "insert":
            words.insert(rng.randrange(len(words) + 1), rng.choices(self.words, self.weights)[0])
        elif kind == "delete":
            del words[rng.randrange(len(words))]
        else:
            last = words[-1]
            words[-1] = last[:-1] if last[-1] in ".?:!" else last + rng.choice(".!")
            if len(words) > 4:
                words[len(words) // 2] += ","
        return " ".join(words)


def pseudo_translation(text: str) -> str:
    return " ".join(word if not word.isalpha() else word[::-1] for word in text.split(" "))


def generate(size: int, seed: int) -> tuple[list[Message], list[Message], list[Message]]:
    """The catalog's current messages, its obsolete ones and the template's messages."""
    gen, rng = Generator(seed), random.Random(seed + 1)
    catalog: list[Message] = []
    seen: set[tuple[str | None, str]] = set()
    while len(catalog) < size + size // 100:
        index, draw = len(catalog), rng.random()
        msgctxt = f"leaflet-{index // 40}.s{index}" if draw < 0.4 else rng.choice(("ui.button", "ui.menu")) \
            if draw < 0.5 else None
        msgid = gen.sentence()
        if (msgctxt, msgid) in seen:
            continue
        seen.add((msgctxt, msgid))
        state = rng.random()
        msgstr = "" if state < 0.1 else pseudo_translation(msgid)
        fuzzy = 0.1 <= state < 0.15
        catalog.append(Message(
            msgctxt, msgid, rng.random() < 0.08, msgstr, fuzzy,
            gen.edit(msgid) if fuzzy and rng.random() < 0.5 else None,
            "Reviewed by the hospital pharmacist." if rng.random() < 0.03 else "",
            f"category: {rng.choice(('risk', 'benefit', 'procedure'))}; source: seed-{index % 5}",
            f"leaflets/leaflet-{index // 40}.yaml:{3 + 4 * (index % 40)}", index))
    catalog, obsolete = catalog[:size], [replace(m, obsolete=True) for m in catalog[size:]]
    template: list[Message] = []
    for message in catalog:
        draw = rng.random()
        if draw < 0.005:
            continue  # removed from the sources
        if draw < 0.01:
            fresh = gen.sentence() + f" (new {len(template)})"
            template.append(replace(message, msgctxt=None, msgid=fresh, added=True))
        msgid = gen.edit(message.msgid) if draw > 0.9 else message.msgid
        if (message.msgctxt, msgid) in seen and msgid != message.msgid:
            msgid = message.msgid
        seen.add((message.msgctxt, msgid))
        template.append(replace(message, msgid=msgid))
    return catalog, obsolete, template


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def entry_text(message: Message, template: bool) -> str:
    prefix = "#~ " if message.obsolete else ""
    lines = [] if template or not message.tcomment else [f"# {message.tcomment}"]
    if not message.obsolete:
        lines += [f"#. {message.comment}", f"#: {message.reference}"]
    flags = ["fuzzy"] if message.fuzzy and not template else []
    flags += [flag for mark, flag in FORMAT_FLAG.items() if mark in message.msgid]
    if flags:
        lines.append("#, " + ", ".join(flags))
    if message.previous and not template:
        lines.append(f"{prefix}#| msgid {quote(message.previous)}".replace("#~ #|", "#~|"))
    if message.msgctxt is not None:
        lines.append(f"{prefix}msgctxt {quote(message.msgctxt)}")
    lines.append(f"{prefix}msgid {quote(message.msgid)}")
    msgstr = "" if template else message.msgstr
    if message.plural:
        lines.append(f"{prefix}msgid_plural {quote(message.msgid + ' (plural)')}")
        lines += [f"{prefix}msgstr[{n}] {quote(msgstr)}" for n in (0, 1)]
    else:
        lines.append(f"{prefix}msgstr {quote(msgstr)}")
    return "\n".join(lines) + "\n"


def write_catalog(path: Path, messages: list[Message], template: bool) -> None:
    header = HEADER.format(
        date="2025-06-01 12:00+0200" if template else "2025-01-01 12:00+0100", lang="" if template else "nl_BE",
        plural='"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n' if not template else "")
    path.write_text(header + "\n".join(entry_text(m, template) for m in messages), encoding="utf-8")


def careglot_update(template: str, catalog: str, out: str) -> None:
    """Child process: what `careglot catalog update` does (strict read, merge, GNU-faithful write
    after the concurrent-edit check); prints the timings and the peak memory as JSON."""
    from catalogs.lock import save_catalog
    from catalogs.merge import merge_catalog
    from catalogs.pofile import load_catalog

    shutil.copyfile(catalog, out)
    clocks = [(time.perf_counter(), time.process_time())]
    pot, po = load_catalog(template), load_catalog(out)
    clocks.append((time.perf_counter(), time.process_time()))
    result = merge_catalog(pot, po)
    clocks.append((time.perf_counter(), time.process_time()))
    save_catalog(result.catalog, Path(out), po.fingerprint)
    clocks.append((time.perf_counter(), time.process_time()))
    figures: dict[str, float] = {"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    for phase, (begin, end) in zip(("parse", "merge", "write"), itertools.pairwise(clocks), strict=True):
        figures[phase], figures[phase + "_cpu"] = end[0] - begin[0], end[1] - begin[1]
    figures["total"], figures["cpu"] = clocks[-1][0] - clocks[0][0], clocks[-1][1] - clocks[0][1]
    print(json.dumps(figures))


def run_careglot(template: Path, catalog: Path, out: Path) -> dict[str, float | str]:
    completed = subprocess.run([sys.executable, __file__, "--child", str(template), str(catalog), str(out)],
                               check=True, capture_output=True, text=True)
    return dict(json.loads(completed.stdout))


def run_msgmerge(template: Path, catalog: Path, out: Path, fuzzy: bool) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, all threads) of one msgmerge run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["msgmerge", "-q", "--previous", *([] if fuzzy else ["-N"]), "-o", str(out),
                    str(catalog), str(template)], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def counts(path: Path) -> dict[str, int]:
    tally: Counter[str] = Counter()
    for entry in polib.pofile(str(path)):
        translated = bool(entry.msgstr) or any(entry.msgstr_plural.values())
        state = "obsolete" if entry.obsolete else "fuzzy" if entry.fuzzy and translated else \
            "translated" if translated else "untranslated"
        tally[state] += 1
    return {state: tally[state] for state in ("translated", "fuzzy", "untranslated", "obsolete")}


Key = tuple[str | None, str]


def fuzzy_pairs(old: polib.POFile, merged: Path) -> dict[Key, tuple[Key, str]]:
    """New (msgctxt, msgid) -> (the msgid the offered translation was made for, that translation)."""
    old_keys = {(e.msgctxt, e.msgid) for e in old}
    by_translation = {translation(e): (e.msgctxt, e.msgid) for e in old if translation(e)}
    pairs = {}
    for entry in polib.pofile(str(merged)):
        key = (entry.msgctxt, entry.msgid)
        if entry.fuzzy and not entry.obsolete and key not in old_keys and translation(entry):
            # msgmerge records no previous msgid when the old entry was fuzzy without one
            made_for = (entry.previous_msgctxt, entry.previous_msgid) if entry.previous_msgid else \
                by_translation[translation(entry)]
            pairs[key] = (made_for, translation(entry))
    return pairs


def translation(entry: polib.POEntry) -> str:
    return entry.msgstr or entry.msgstr_plural.get(0, "")


def why_refused(new: Key, old: Key) -> str:
    """The conservative rule that makes careglot refuse msgmerge's pair."""
    same_context = new[0] is not None and new[0] == old[0]
    reason = refusal(new[1], old[1], same_context)
    if reason == REFUSE_BELOW_THRESHOLD:
        return reason + (" (same msgctxt)" if same_context else " (other msgctxt)")
    return reason or "not found by careglot (index miss)"


def why_different(new: Key, mine: Key, theirs: Key) -> str:
    """Both offered a translation, from different old messages."""
    reason = why_refused(new, theirs)
    if not reason.startswith("not found"):
        return reason
    if mine[0] == new[0] != theirs[0]:
        return "msgmerge matched across contexts"
    closer = similarity(normalise(new[1]), normalise(mine[1])) >= similarity(normalise(new[1]), normalise(theirs[1]))
    return "careglot chose a closer or equally close candidate" if closer else "careglot chose a less close candidate"


def agreement(old_path: Path, careglot_out: Path, msgmerge_out: Path) -> dict[str, object]:
    old = polib.pofile(str(old_path))
    ours, theirs = fuzzy_pairs(old, careglot_out), fuzzy_pairs(old, msgmerge_out)
    same = [key for key in theirs if key in ours and ours[key] == theirs[key]]
    only_msgmerge, only_careglot, different = Counter[str](), Counter[str](), Counter[str]()
    for key, (made_for, _) in theirs.items():
        if key not in ours:
            only_msgmerge[why_refused(key, made_for)] += 1
        elif ours[key] != theirs[key]:
            different[why_different(key, ours[key][0], made_for)] += 1
    for key, (made_for, _) in ours.items():
        if key not in theirs:
            raw = similarity(key[1], made_for[1])
            only_careglot["msgmerge's raw score < 0.6 (careglot compares case-folded text)" if raw < 0.6
                          else "msgmerge found none"] += 1
    on_purpose = sum(n for reason, n in (only_msgmerge + different).items()
                     if not reason.startswith(("not found", "careglot chose")))
    return {"msgmerge_fuzzy": len(theirs), "careglot_fuzzy": len(ours), "same": len(same),
            "only_msgmerge": dict(only_msgmerge), "different_candidate": dict(different),
            "only_careglot": dict(only_careglot), "refused_on_purpose": on_purpose,
            "agreement": len(same) / max(1, len(theirs)),
            "agreement_excluding_refusals": len(same) / max(1, len(theirs) - on_purpose)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="catalog entries (default 100000)")
    parser.add_argument("--slice", type=int, default=5_000, help="entries for the msgmerge fuzzy comparison")
    parser.add_argument("--full", action="store_true", help="also run msgmerge with fuzzy matching on everything")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--keep", metavar="DIR", help="write the files here instead of a temporary directory")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        careglot_update(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="careglot-bench-") as scratch:
        report(Path(args.keep or scratch), args)


def report(work: Path, args: argparse.Namespace) -> None:
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}, "
          f"{subprocess.run(['msgmerge', '--version'], capture_output=True, text=True).stdout.splitlines()[0]}; "
          f"load average {os.getloadavg()[0]:.1f} (shared machine: compare CPU seconds)")
    catalog, obsolete, template = generate(args.size, args.seed)
    files = {name: work / name for name in ("catalog.po", "template.pot", "slice.po", "slice.pot")}
    write_catalog(files["catalog.po"], catalog + obsolete, template=False)
    write_catalog(files["template.pot"], template, template=True)
    write_catalog(files["slice.po"], catalog[: args.slice] + obsolete[: args.slice // 100], template=False)
    write_catalog(files["slice.pot"], [m for m in template if m.origin < args.slice], template=True)
    size_mb = files["catalog.po"].stat().st_size / 1e6
    edited = sum(1 for m in template if not m.added and m.msgid != catalog[m.origin].msgid)
    print(f"catalog: {args.size} entries, {size_mb:.1f} MB; template: {len(template)} entries, {edited} edited")
    print(f"before:            {counts(files['catalog.po'])}")
    ours = run_careglot(files["template.pot"], files["catalog.po"], work / "careglot.po")
    phases = ", ".join(f"{phase} {ours[phase]:.1f} (cpu {ours[phase + '_cpu']:.1f})"
                       for phase in ("parse", "merge", "write"))
    print(f"careglot update:   {ours['total']:.1f} s (cpu {ours['cpu']:.1f} s; {phases}), "
          f"peak {ours['peak_mb']:.0f} MB")
    print(f"  after:           {counts(work / 'careglot.po')}")
    wall, cpu = run_msgmerge(files["template.pot"], files["catalog.po"], work / "msgmerge-N.po", fuzzy=False)
    print(f"msgmerge -N:       {wall:.1f} s (cpu {cpu:.1f} s)  -- the floor, no fuzzy matching")
    print(f"  after:           {counts(work / 'msgmerge-N.po')}")
    if args.full:
        wall, cpu = run_msgmerge(files["template.pot"], files["catalog.po"], work / "msgmerge.po", fuzzy=True)
        print(f"msgmerge (fuzzy):  {wall:.1f} s (cpu {cpu:.1f} s), careglot {wall / float(ours['total']):.0f}x faster")
        print(f"  after:           {counts(work / 'msgmerge.po')}")
        print_agreement(agreement(files["catalog.po"], work / "careglot.po", work / "msgmerge.po"))
    slice_ours = run_careglot(files["slice.pot"], files["slice.po"], work / "slice-careglot.po")
    wall, cpu = run_msgmerge(files["slice.pot"], files["slice.po"], work / "slice-msgmerge.po", fuzzy=True)
    print(f"slice of {args.slice}: careglot {slice_ours['total']:.2f} s (merge {slice_ours['merge']:.2f}); "
          f"msgmerge (fuzzy) {wall:.1f} s (cpu {cpu:.1f} s)")
    print(f"  before:          {counts(files['slice.po'])}")
    print(f"  careglot after:  {counts(work / 'slice-careglot.po')}")
    print(f"  msgmerge after:  {counts(work / 'slice-msgmerge.po')}")
    print_agreement(agreement(files["slice.po"], work / "slice-careglot.po", work / "slice-msgmerge.po"))


def print_agreement(result: dict[str, object]) -> None:
    print(f"  fuzzy pairs:     msgmerge {result['msgmerge_fuzzy']}, careglot {result['careglot_fuzzy']}, "
          f"same {result['same']}")
    print(f"  only msgmerge:   {result['only_msgmerge']}")
    print(f"  different:       {result['different_candidate']}")
    print(f"  only careglot:   {result['only_careglot']}")
    print(f"  agreement:       {result['agreement']:.1%} of msgmerge's fuzzy entries; "
          f"{result['agreement_excluding_refusals']:.1%} excluding the {result['refused_on_purpose']} "
          "the conservative rules refuse on purpose")


if __name__ == "__main__":
    main()
