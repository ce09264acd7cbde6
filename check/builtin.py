"""The built-in checks: importing their modules registers them (see :mod:`check.registry`)."""

from __future__ import annotations

import check.entry_checks
import check.glossary_checks
import check.header_checks  # noqa: F401  (importing registers the checks)
from check.registry import REGISTRY, Check


def all_checks() -> list[Check]:
    """Every registered check, in registration order."""
    return list(REGISTRY.values())
