"""Safe catalog writes: one updater at a time, and never over a translator's fresh save.

A lock file next to the catalog (``<catalog>.lock``, created exclusively) keeps two
``careglot catalog update`` runs from interleaving. Before the atomic replace, the file
on disk is compared with what was read (size, mtime, SHA-256): if a translator saved it
in Poedit meanwhile, :class:`~careglot.core.errors.ConflictError` is raised and nothing is
overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import polib

from careglot.core.errors import ConflictError
from careglot.core.fsutil import atomic_write
from catalogs.pofile import Fingerprint
from catalogs.writer import write_po


def lock_path(catalog_path: Path) -> Path:
    return catalog_path.with_name(catalog_path.name + ".lock")


@contextlib.contextmanager
def catalog_lock(catalog_path: Path) -> Iterator[None]:
    """Hold the lock of ``catalog_path`` for the duration of the block."""
    lock = lock_path(catalog_path)
    lock.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            if not _stale(lock):
                raise ConflictError(f"{catalog_path.name} is being updated by another careglot process "
                                    f"({_holder(lock)}); wait for it to finish, or delete {lock.name} "
                                    "if no update is running", lock) from None
            with contextlib.suppress(FileNotFoundError):
                lock.unlink()
    else:
        raise ConflictError(f"could not take the lock {lock.name}", lock)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()} {dt.datetime.now().isoformat(timespec='seconds')}\n")
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()


def _holder(lock: Path) -> str:
    try:
        pid, _, since = lock.read_text(encoding="utf-8").strip().partition(" ")
    except OSError:
        return "holder unknown"
    return f"pid {pid} since {since}" if since else f"pid {pid}"


def _stale(lock: Path) -> bool:
    """A lock left by a process of this machine that no longer runs."""
    try:
        pid = int(lock.read_text(encoding="utf-8").split()[0])
    except (OSError, ValueError, IndexError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def current_fingerprint(path: Path) -> Fingerprint | None:
    try:
        return Fingerprint.of(path, path.read_bytes())
    except FileNotFoundError:
        return None


def save_catalog(catalog: polib.POFile, path: Path, expected: Fingerprint | None) -> bool:
    """Write ``catalog`` to ``path`` unless the file changed since it was read.

    ``expected`` is the fingerprint taken when reading (None: the file must not exist).
    Returns False when the bytes are already identical (the file is not touched).
    """
    text = write_po(catalog)
    found = current_fingerprint(path)
    if found != expected:
        what = "was created" if expected is None else "changed on disk"
        raise ConflictError(f"{what} since careglot read it (saved in another tool meanwhile?); "
                            "not overwriting it — run the command again", path)
    if found is not None and path.read_bytes() == text.encode("utf-8"):
        return False
    atomic_write(path, text)
    return True
