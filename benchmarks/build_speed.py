"""Build speed: 3 leaflets x 4 locales, HTML then PDF, cold and incremental.

Usage: python benchmarks/build_speed.py

Works on a scratch copy of the project's workspace. Messages the catalogs do not translate
yet are filled with their English msgid in that copy only, so every page has its full
length. Prints seconds per phase (imports excluded) and the process's peak resident
memory after each phase (it only grows: the PDF phases show WeasyPrint's share).
"""

from __future__ import annotations

import platform
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from careglot.cli.commands.leaflets import checked_leaflets  # noqa: E402
from careglot.cli.workspace import load_workspace  # noqa: E402
from check import catalog_qa  # noqa: E402
from glossary.loader import load_glossary  # noqa: E402
from render.build import BuildInputs, BuildOptions, build  # noqa: E402

ITEMS = ("careglot.yaml", "glossary.yaml", "sources", "leaflets", "locales")


def scratch_workspace(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ITEMS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    for po_file in (target / "locales").glob("*/LC_MESSAGES/leaflets.po"):
        catalog = polib.pofile(str(po_file), wrapwidth=0)
        for entry in catalog:
            if not entry.obsolete and (not entry.msgstr or entry.fuzzy):
                entry.msgstr = entry.msgid
                if entry.fuzzy:
                    entry.flags.remove("fuzzy")
        catalog.save(str(po_file))
    return target


def phase(name: str, inputs: BuildInputs, options: BuildOptions) -> None:
    start = time.perf_counter()
    result = build(inputs, options)
    seconds = time.perf_counter() - start
    rendered = sum(len(outcome.rendered) for outcome in result.outcomes)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{name:<22} {seconds:7.2f} s   {rendered:2d} pages rendered   peak RSS so far {peak:5.0f} MiB")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workspace = load_workspace(scratch_workspace(Path(tmp) / "ws"))
        glossary = load_glossary(workspace.glossary_path)
        inputs = BuildInputs(leaflets=checked_leaflets(workspace), glossary=glossary,
                             glossary_path=workspace.glossary_path, locales_dir=workspace.locales_dir,
                             qa=catalog_qa(glossary))
        print(f"{len(inputs.leaflets)} leaflets x {len(workspace.target_locales)} locales "
              f"on {platform.processor() or platform.machine()}, Python {platform.python_version()}")
        out = Path(tmp) / "out"
        html = BuildOptions(out_dir=out, locales=workspace.target_locales, formats=("html",))
        both = BuildOptions(out_dir=out, locales=workspace.target_locales, formats=("html", "pdf"))
        phase("HTML cold", inputs, html)
        phase("HTML incremental", inputs, html)
        phase("HTML+PDF cold", inputs, both)
        phase("HTML+PDF incremental", inputs, both)
        one = next(workspace.locales_dir.glob("nl_BE/LC_MESSAGES/leaflets.po"))
        one.write_text(one.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        phase("one catalog changed", inputs, both)


if __name__ == "__main__":
    main()
