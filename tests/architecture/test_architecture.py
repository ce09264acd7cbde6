"""The layering of docs/architecture.md holds: imports point one way and never form a cycle."""

from __future__ import annotations

from pathlib import Path

import pytest
from importgraph import ALLOWED, cycles, direction_violations, import_graph, module_names, package_of

ROOT = Path(__file__).resolve().parents[2]
MAX_SHARE = 0.30


def test_every_package_imports_only_the_packages_below_it() -> None:
    assert direction_violations(import_graph(ROOT)) == []


def test_no_module_takes_part_in_an_import_cycle() -> None:
    """Imports inside functions count too: a lazy import still ties two modules together."""
    assert cycles(import_graph(ROOT)) == []


def test_core_imports_nothing_of_careglot() -> None:
    graph = import_graph(ROOT)
    assert {target for module, targets in graph.items() if package_of(module) == "core" for target in targets
            if package_of(target) != "core"} == set()


def test_every_module_belongs_to_a_layer() -> None:
    assert {package_of(module) for module in module_names(ROOT)} == set(ALLOWED)


def test_no_package_holds_more_than_30_percent_of_the_code() -> None:
    lines: dict[str, int] = {}
    for module, path in module_names(ROOT).items():
        layer = package_of(module) or "?"
        lines[layer] = lines.get(layer, 0) + code_lines(path)
    total = sum(lines.values())
    assert {layer: round(count / total, 2) for layer, count in lines.items() if count / total > MAX_SHARE} == {}


def code_lines(path: Path) -> int:
    """Lines that are neither blank nor only a comment."""
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.strip().startswith("#"))


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_checker_finds_a_cycle_even_through_a_lazy_import(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "glossary/__init__.py": "",
        "glossary/loader.py": "def read():\n    from glossary.tbx import read_tbx\n",
        "glossary/tbx.py": "from glossary.loader import CONCEPT_ID\n",
        "glossary/model.py": "from . import loader\n",
    })
    assert cycles(import_graph(root)) == [["glossary.loader", "glossary.tbx"]]
    assert cycles(import_graph(root, module_level_only=True)) == []


def test_the_checker_finds_an_upward_import(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "careglot/__init__.py": "",
        "careglot/core/__init__.py": "",
        "careglot/core/errors.py": "import render.page\n",
        "render/__init__.py": "",
        "render/page.py": "from careglot.core import errors\nfrom check import registry\n",
        "check/__init__.py": "",
        "check/registry.py": "",
    })
    assert direction_violations(import_graph(root)) == [
        "careglot.core.errors (core) -> render.page (render)",
        "render.page (render) -> check.registry (check)",
    ]


@pytest.mark.parametrize(("module", "layer"), [
    ("careglot.core.locales", "core"), ("careglot.cli.app", "cli"), ("careglot.__main__", "cli"),
    ("careglot", "core"), ("catalogs.pofile", "catalogs"), ("check", "check"), ("polib", None),
])
def test_layers_of_modules(module: str, layer: str | None) -> None:
    assert package_of(module) == layer
