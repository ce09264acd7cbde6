"""Checks, their registry, and what they look at and report.

A check is a plain function registered with :func:`check` under a stable id and a
severity; the first line of its docstring is the one-line description ``careglot check
--list`` prints. Entry checks see one :class:`Unit` (a msgid/msgstr pair; each plural form
is its own unit) and return problems; catalog checks see every unit of a catalog in order;
header checks see the catalog's header fields and return messages about the header entry.

Two optional declarations let the runner skip a check without calling it (the common case
on a large catalog): ``triggers``, the characters of which the msgid or msgstr must contain
one for the check to find anything (digits for ``numbers``), and ``needs``, a condition on
the unit: ``"missing-terms"`` (a concept of the msgid has no accepted term in the msgstr),
``"unwanted-terms"`` (the msgstr has a deprecated, forbidden or regional term), ``"fuzzy"``
or ``"identical"`` (msgstr equals msgid).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from render.check.context import CheckContext, Unit

ERROR, WARNING = "error", "warning"
SEVERITIES = (ERROR, WARNING)

# What a check reports about one unit: (message, concept id or None).
Problem = tuple[str, "str | None"]
NO_PROBLEMS: tuple[Problem, ...] = ()
EntryFunction = Callable[["Unit", "CheckContext"], Sequence[Problem]]
CatalogFunction = Callable[[Sequence["Unit"], "CheckContext"], Sequence[tuple["Unit", Problem]]]


@dataclass(frozen=True)
class Check:
    """A registered check."""

    id: str
    severity: str
    function: Any
    catalog_wide: bool = False
    languages: tuple[str, ...] | None = None
    triggers: str | None = None
    needs: str | None = None
    header: bool = False

    @property
    def description(self) -> str:
        doc = (self.function.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else ""


@dataclass(frozen=True)
class Finding:
    """One problem in one catalog entry (the JSON output's ``findings`` items)."""

    path: str
    line: int
    msgctxt: str | None
    msgid: str
    check: str
    severity: str
    message: str
    concept: str | None = None


REGISTRY: dict[str, Check] = {}


NEEDS = ("missing-terms", "unwanted-terms", "fuzzy", "identical")


def check(check_id: str, severity: str, *, catalog_wide: bool = False, languages: tuple[str, ...] | None = None,
          triggers: str | None = None, needs: str | None = None, header: bool = False) -> Callable[[Any], Any]:
    """Register the decorated function as check ``check_id`` (``languages``: only for those;
    ``triggers`` and ``needs``: when it can find something at all, see the module docstring)."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")
    if needs is not None and needs not in NEEDS:
        raise ValueError(f"unknown condition needs={needs!r}")

    def register(function: Any) -> Any:
        if check_id in REGISTRY:
            raise ValueError(f"check {check_id!r} registered twice")
        REGISTRY[check_id] = Check(check_id, severity, function, catalog_wide, languages, triggers, needs, header)
        return function

    return register


def all_checks() -> list[Check]:
    """Every registered check, in registration order."""
    import render.check.entry_checks
    import render.check.glossary_checks
    import render.check.header_checks  # noqa: F401  (importing registers the checks)

    return list(REGISTRY.values())
