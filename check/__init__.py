"""Translation QA for gettext catalogs: glossary, consistency, numbers, markup, typography.

Usage: ``check_catalog(read_catalog(path), path, CheckContext(locale, "en", glossary), select_checks())``.
"""

from check.builtin import all_checks
from check.context import CheckContext, Unit
from check.pofile import catalog_locale, read_catalog
from check.registry import ERROR, WARNING, Check, Finding
from check.runner import CatalogReport, catalog_qa, check_catalog, select_checks

__all__ = ["ERROR", "WARNING", "CatalogReport", "Check", "CheckContext", "Finding", "Unit", "all_checks",
           "catalog_locale", "catalog_qa", "check_catalog", "read_catalog", "select_checks"]
