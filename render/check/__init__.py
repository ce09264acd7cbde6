"""Translation QA for gettext catalogs: glossary, consistency, numbers, markup, typography.

Usage: ``check_catalog(read_catalog(path), path, CheckContext(locale, "en", glossary), select_checks())``.
"""

from render.check.context import CheckContext, Unit
from render.check.pofile import catalog_locale, read_catalog
from render.check.registry import ERROR, WARNING, Check, Finding, all_checks
from render.check.runner import CatalogReport, check_catalog, select_checks

__all__ = ["ERROR", "WARNING", "CatalogReport", "Check", "CheckContext", "Finding", "Unit", "all_checks",
           "catalog_locale", "check_catalog", "read_catalog", "select_checks"]
