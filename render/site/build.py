"""Write the glossary site: ``index.html``, ``site.css``, ``search.js``, ``site.js`` and the data.

The page needs no server and no network: the data comes as scripts, which ``file://``
pages may load (``glossary.js``, the core; ``glossary-terms-N.js`` and ``glossary-index-N.js``,
shards loaded when a search needs them and then in the background; at last
``glossary-details.js`` with the definitions and notes, and ``glossary-typo.js`` with the
typo index), and,
for other tools and static servers, all of it as ``glossary.json``.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from glossary.fsutil import atomic_write
from glossary.model import Glossary
from render.site.export import (
    DATA_GLOBAL,
    DETAILS_GLOBAL,
    TYPO_GLOBAL,
    data_json,
    data_script,
    page_parts,
    part_script,
    site_data,
)

ASSETS = ("index.html", "site.css", "search.js", "site.js")


def asset_text(name: str) -> str:
    return resources.files("render.site").joinpath("assets", name).read_text(encoding="utf-8")


def build_site(glossary: Glossary, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write the site for ``glossary`` into ``out_dir``; returns the files written."""
    target = Path(out_dir)
    data, details, typo = site_data(glossary)
    files = {name: asset_text(name) for name in ASSETS}
    core, blocks, buckets = page_parts(data)
    files["glossary.js"] = data_script(core, DATA_GLOBAL)
    files.update({f"glossary-terms-{number}.js": part_script("terms", number, block)
                  for number, block in enumerate(blocks, start=1)})
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
