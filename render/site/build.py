"""Write the glossary site: ``index.html``, ``site.css``, ``site.js`` and the data.

The page needs no server and no network. ``index.html`` carries the first list of concepts
(drawn at build time) and the core data (the lookup rules, how many terms each concept has)
in a JSON data block, so the first paint needs no script, and the page loads one script,
``site.js`` (the assets ``normalize.js``, ``search.js``, ``cards.js`` and ``site.js`` in one file). The
rest comes as scripts, which ``file://`` pages may load: ``glossary-terms-N.js`` and
``glossary-index-N.js``, shards loaded when a search needs them and then in the background;
at last ``glossary-details.js`` with the definitions and notes, and ``glossary-typo.js`` with
the typo index. For other tools and static servers, all of it is also ``glossary.json``.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from careglot.core.fsutil import atomic_write
from glossary.model import Glossary
from render.site.export import (
    DETAILS_GLOBAL,
    TYPO_GLOBAL,
    data_json,
    data_script,
    page_parts,
    part_script,
    site_data,
)
from render.site.prerender import index_html

SCRIPTS = ("normalize.js", "search.js", "cards.js", "site.js")  # concatenated, in this order, into the site's site.js


def asset_text(name: str) -> str:
    return resources.files("render.site").joinpath("assets", name).read_text(encoding="utf-8")


def build_site(glossary: Glossary, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write the site for ``glossary`` into ``out_dir``; returns the files written."""
    target = Path(out_dir)
    data, details, typo = site_data(glossary)
    core, blocks, buckets = page_parts(data)
    files = {"index.html": index_html(glossary, core), "site.css": asset_text("site.css"),
             "site.js": "\n".join(asset_text(name) for name in SCRIPTS)}
    files.update({f"glossary-terms-{number}.js": part_script("terms", number, block)
                  for number, block in enumerate(blocks)})
    files.update({f"glossary-index-{number}.js": part_script("index", number, bucket)
                  for number, bucket in enumerate(buckets)})
    files["glossary-details.js"] = data_script(details, DETAILS_GLOBAL)
    files["glossary-typo.js"] = data_script(typo, TYPO_GLOBAL)
    files["glossary.json"] = data_json({**data, "details": details, "typo": typo}) + "\n"
    written = []
    for name, text in files.items():
        atomic_write(target / name, text)
        written.append(target / name)
    return written
