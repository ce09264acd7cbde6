"""Cache keys follow the code: editing any module of a package a cache depends on invalidates it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from careglot.core.codehash import code_digest, package_dirs, tree_digest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("careglot", "glossary", "extract", "catalogs", "check", "render")
_KEYS = """\
import json, sys
from pathlib import Path
import glossary, render.incremental as incremental
from careglot.core.codehash import code_digest
from glossary.snapshot import CODE_PACKAGES, load_glossary_cached
assert Path(glossary.__file__).is_relative_to(Path.cwd()), glossary.__file__
load_glossary_cached(sys.argv[1])
print(json.dumps({"build": incremental.code_fingerprint(), "snapshot": code_digest(CODE_PACKAGES)}))
"""


def _copy_packages(target: Path) -> Path:
    for name in PACKAGES:
        shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _keys(tree: Path, glossary: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(tree), "CAREGLOT_CACHE_DIR": str(glossary.parent / "cache")}
    done = subprocess.run([sys.executable, "-c", _KEYS, str(glossary)], cwd=tree, env=env, capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def _snapshot_code(glossary: Path) -> set[str]:
    return {json.loads(path.read_bytes())["code"] for path in (glossary.parent / "cache").glob("glossary-*.json")}


def test_editing_inflection_invalidates_the_build_and_the_glossary_snapshot(tmp_path: Path) -> None:
    tree = _copy_packages(tmp_path / "tree")
    glossary = tmp_path / "ws" / "glossary.yaml"
    glossary.parent.mkdir()
    shutil.copy(REPO / "glossary.yaml", glossary)
    before = _keys(tree, glossary)
    assert _keys(tree, glossary) == before  # stable while the code is unchanged
    written = _snapshot_code(glossary)
    inflection = tree / "glossary" / "inflection.py"
    inflection.write_text(inflection.read_text(encoding="utf-8") + "\n_EDITED = True\n", encoding="utf-8")
    after = _keys(tree, glossary)
    assert after["build"] != before["build"]
    assert after["snapshot"] != before["snapshot"]
    assert _snapshot_code(glossary) != written  # the stale snapshot was replaced


def test_a_template_counts_and_bytecode_does_not(tmp_path: Path) -> None:
    tree = _copy_packages(tmp_path)
    folders = (tree / "render",)
    first = tree_digest(folders)
    cache = tree / "render" / "__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "page.cpython-311.pyc").write_bytes(b"\0bytecode")
    assert tree_digest.__wrapped__(folders) == first
    template = next((tree / "render").rglob("*.jinja2"))
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert tree_digest.__wrapped__(folders) != first


def test_packages_are_found_without_importing_them() -> None:
    assert package_dirs(("glossary", "careglot.core")) == (REPO / "glossary", REPO / "careglot" / "core")
    assert code_digest(("glossary",)) == code_digest(("glossary",))
    assert code_digest(("glossary",)) != code_digest(("glossary", "render"))
