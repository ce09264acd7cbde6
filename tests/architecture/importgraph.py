"""careglot's import graph, read from the source with :mod:`ast` (nothing is imported).

The layering rule of docs/architecture.md: each package may import only the packages
listed for it in :data:`ALLOWED`, and no module may take part in an import cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

# package -> the packages it may import (besides itself)
ALLOWED: dict[str, frozenset[str]] = {
    "core": frozenset(),
    "glossary": frozenset({"core"}),
    "extract": frozenset({"core", "glossary"}),
    "catalogs": frozenset({"core", "glossary"}),
    "check": frozenset({"core", "glossary", "catalogs"}),
    "render": frozenset({"core", "glossary", "catalogs"}),
    "cli": frozenset({"core", "glossary", "extract", "catalogs", "check", "render"}),
}
TOP_LEVEL = ("careglot", "glossary", "extract", "catalogs", "check", "render")


def package_of(module: str) -> str | None:
    """The layer of a careglot module (``careglot.core.errors`` -> ``core``), None if not careglot's."""
    parts = module.split(".")
    if parts[0] == "careglot":
        if len(parts) > 1 and parts[1] in ("core", "cli"):
            return parts[1]
        return "cli" if parts[1:] == ["__main__"] else "core"  # careglot/__init__ holds only the version
    return parts[0] if parts[0] in TOP_LEVEL else None


def module_names(root: Path) -> dict[str, Path]:
    """Every module of careglot's packages under ``root``: dotted name -> file."""
    found = {}
    for top in TOP_LEVEL:
        for path in sorted((root / top).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _imported(node: ast.Import | ast.ImportFrom, module: str, is_package: bool, known: Iterable[str]) -> set[str]:
    """The careglot modules one import statement names (``from glossary import loader`` -> glossary.loader)."""
    known = set(known)
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in known}
    base = node.module or ""
    if node.level:
        anchor = module.split(".") if is_package else module.split(".")[:-1]
        anchor = anchor[: len(anchor) - node.level + 1]
        base = ".".join([*anchor, *([base] if base else [])])
    names = set()
    for alias in node.names:
        candidate = f"{base}.{alias.name}"
        names.add(candidate if candidate in known else base)
    return {name for name in names if name in known}


def import_graph(root: Path, module_level_only: bool = False) -> dict[str, set[str]]:
    """module -> the careglot modules it imports (``module_level_only``: not those inside functions)."""
    modules = module_names(root)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        nodes = _module_level(tree) if module_level_only else ast.walk(tree)
        edges: set[str] = set()
        for node in nodes:
            if isinstance(node, ast.Import | ast.ImportFrom):
                edges |= _imported(node, name, path.name == "__init__.py", modules)
        graph[name] = edges - {name}
    return graph


def _module_level(tree: ast.Module) -> Iterable[ast.AST]:
    """The statements of a module outside function bodies (``if`` and ``try`` blocks included)."""
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        yield node
        pending.extend(ast.iter_child_nodes(node))


def direction_violations(graph: Mapping[str, set[str]],
                         allowed: Mapping[str, frozenset[str]] = ALLOWED) -> list[str]:
    """``importer -> imported`` for every import that goes against the layering."""
    found = []
    for module, targets in sorted(graph.items()):
        source = package_of(module)
        for target in sorted(targets):
            layer = package_of(target)
            if source is None or layer is None or layer == source:
                continue
            if layer not in allowed.get(source, frozenset()):
                found.append(f"{module} ({source}) -> {target} ({layer})")
    return found


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)
