"""Shared fixtures: the repository, a scratch copy of the workspace, and an in-process CLI runner."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from careglot.cli import main

REPO_ROOT = Path(__file__).resolve().parent.parent
# Hypothesis keeps no example database: it would be written into the working directory.
settings.register_profile("careglot", database=None)
settings.load_profile("careglot")
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="careglot-hypothesis-"))  # its other files, too


def _tree_state(root: Path) -> set[tuple[str, int, int]]:
    """Every file and folder under the source tree, files with size and mtime.

    ``.git``, bytecode caches and the editable install's metadata are not descended into.
    """
    found: set[tuple[str, int, int]] = set()
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders
                         if name not in (".git", "__pycache__") and not name.endswith(".egg-info")]
        relative = Path(folder).relative_to(root)
        found.update((str(relative / name), -1, 0) for name in subfolders)
        for name in files:
            stat = os.lstat(os.path.join(folder, name))
            found.add((str(relative / name), stat.st_size, stat.st_mtime_ns))
    return found


@pytest.fixture(scope="session", autouse=True)
def _isolated_from_the_user_and_the_tree(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test writes into the source tree or the user's home: caches go to a scratch folder.

    The tree is compared before and after the whole session; any file a test created or
    changed there fails the run.
    """
    cache = tmp_path_factory.mktemp("careglot-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("CAREGLOT_CACHE_DIR", str(cache))
    before = _tree_state(REPO_ROOT)
    yield
    patch.undo()
    changed = sorted(name for name, *_ in _tree_state(REPO_ROOT) ^ before)
    assert not changed, f"tests wrote into the source tree: {changed[:10]}"
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
