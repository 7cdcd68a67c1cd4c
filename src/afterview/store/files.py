"""Writing a whole file so that a reader sees the old bytes or the new, never a mix (standard library only).

The store, its backups and index, exports and your templates are all written this way.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"
PRIVATE_FILE = 0o600
REPLACE_RETRIES = (0.05, 0.1, 0.2, 0.3, 0.4)
"""Seconds to wait before each retry of a refused ``os.replace`` (about 1 s in all)."""


def temp_path(path: Path) -> Path:
    """Where :func:`replace_bytes` puts ``path``'s new bytes first: ``.<name>.<pid>.tmp`` beside it."""
    return path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` durably (a new file is 0600); an ``OSError`` goes up for the caller to
    explain. The order is what makes it safe: :func:`replace_bytes`, then :func:`sync_directory`."""
    replace_bytes(path, data)
    sync_directory(path.parent)


def replace_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temp file beside ``path``, fsync it and ``os.replace`` it over ``path``.

    On any failure the temp file is removed and ``path`` is as it was; the error goes up.
    """
    temp = temp_path(path)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        replace_retrying(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def replace_retrying(source: Path, target: Path) -> None:
    """``os.replace``, retried briefly when refused with ``PermissionError``.

    On Windows a file another process has open (another afterview reading the store, a virus scanner, an
    indexer) cannot be replaced for a moment; atomic-write libraries (python-atomicwrites, Go's
    renameio) retry for about a second rather than fail. Elsewhere the first try decides.
    """
    for wait in (*REPLACE_RETRIES, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if wait is None:
                raise
            time.sleep(wait)


def sync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; elsewhere a rename needs no more)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
