"""Shared fixtures: the repository, a scratch copy of the workspace, and an in-process CLI runner."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from careglot.cli import main

REPO_ROOT = Path(__file__).resolve().parent.parent
WORKSPACE_ITEMS = ("careglot.yaml", "glossary.yaml", "sources", "leaflets", "locales")


@dataclass
class Result:
    """What a careglot invocation returned and printed."""

    code: int
    out: str
    err: str


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def workspace_copy(tmp_path: Path) -> Path:
    """A writable copy of the project's own workspace (sources, glossary, leaflets, locales)."""
    target = tmp_path / "ws"
    target.mkdir()
    for name in WORKSPACE_ITEMS:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """Run ``careglot ARGS`` in-process from ``cwd`` (default: the repository root)."""

    def run(*args: str, cwd: Path | None = None) -> Result:
        out, err = io.StringIO(), io.StringIO()
        with _cwd(cwd or REPO_ROOT), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 2
        return Result(code, out.getvalue(), err.getvalue())

    return run
