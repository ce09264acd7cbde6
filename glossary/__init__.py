"""careglot's controlled, concept-oriented glossary and the project's shared plumbing.

glossary is the bottom of the dependency graph (extract -> glossary <- render), so the
few helpers every stage needs live here: errors, atomic writes, line-aware YAML and the
safe XML parser factory.
"""

from typing import Any


def __getattr__(name: str) -> Any:
    """``glossary.load_glossary`` without importing the loader for every ``glossary.*`` import."""
    if name == "load_glossary":
        from glossary.loader import load_glossary

        return load_glossary
    raise AttributeError(f"module 'glossary' has no attribute {name!r}")
