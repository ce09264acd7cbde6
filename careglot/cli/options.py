"""Options several commands share, declared once: ``--glossary``, ``--lang``, ``--format``,
and the one way a command finds its workspace and its glossary."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from careglot.cli.workspace import Workspace, open_workspace
from careglot.core.errors import WorkspaceError


def add_glossary_option(parser: argparse.ArgumentParser) -> None:
    """``--glossary FILE``: a glossary other than the workspace's (see :func:`resolve_glossary`)."""
    parser.add_argument("--glossary", metavar="FILE", help="glossary file, YAML or TBX (default: the workspace's)")


def add_lang_option(parser: argparse.ArgumentParser, help: str, metavar: str | None = None) -> None:
    """``--lang``: which language(s) or locale(s) the command works on; each command says what."""
    parser.add_argument("--lang", metavar=metavar, help=help)


def add_format_option(parser: argparse.ArgumentParser, help: str, choices: Sequence[str] | None = None,
                      default: str | None = None, metavar: str | None = None) -> None:
    """``--format``: the output format(s) of the command."""
    parser.add_argument("--format", choices=choices, default=default, metavar=metavar, help=help)


def workspace_from(args: argparse.Namespace) -> Workspace:
    """The workspace for this invocation (``--workspace`` or discovered from the cwd)."""
    return open_workspace(getattr(args, "workspace", None))


def resolve_glossary(args: argparse.Namespace) -> tuple[Path, Workspace | None]:
    """The glossary path (``--glossary`` or the workspace's) and the workspace, if there is one.

    With ``--glossary`` a command works outside any workspace; without it, no workspace is an error.
    """
    try:
        workspace: Workspace | None = workspace_from(args)
    except WorkspaceError:
        if getattr(args, "glossary", None) is None:
            raise
        workspace = None
    return glossary_path(args, workspace), workspace


def glossary_path(args: argparse.Namespace, workspace: Workspace | None) -> Path:
    """``--glossary FILE`` if given, else the workspace's glossary."""
    explicit = getattr(args, "glossary", None)
    if explicit is not None:
        return Path(explicit)
    if workspace is None:
        raise WorkspaceError("no workspace: pass --glossary FILE or --workspace DIR")
    return workspace.glossary_path
