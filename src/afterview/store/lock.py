"""The kernel lock on a ``*.lock`` file that every write takes: standard library only.

It is the lock ``filelock`` takes (``flock(2)`` on POSIX, ``msvcrt.locking`` on Windows), without loading
that library and its asynchronous half at every write: the kernel releases it when the holder's process
ends, however it ends, so a killed writer never leaves the store locked. Waiting is polling with a
timeout, as ``filelock`` does; a timeout is :class:`LockTimeout`, which the store turns into "locked by
another afterview".
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

POLL_SECONDS = 0.05
"""How often a waiting writer tries again (``filelock``'s default)."""
_OPEN = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class LockTimeout(TimeoutError):
    """Another process held the lock for the whole timeout."""


@contextlib.contextmanager
def held(path: Path, *, timeout: float, mode: int) -> Iterator[None]:
    """Hold the kernel lock on ``path`` (created with ``mode`` if missing) for the block.

    Raises :class:`LockTimeout` when it stays held by another process for ``timeout`` seconds (a
    ``timeout`` of 0 tries once), and ``OSError`` when the file cannot be created or opened.
    """
    deadline = time.monotonic() + max(timeout, 0.0)
    while True:
        fd = os.open(path, _OPEN, mode)
        if _try_lock(fd):
            if _still_there(fd, path):
                break
            _unlock(fd)  # the file was removed while we waited: lock the one now there
        os.close(fd)
        if time.monotonic() >= deadline:
            raise LockTimeout(f"{path} is locked")
        time.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        _unlock(fd)
        os.close(fd)


def _still_there(fd: int, path: Path) -> bool:
    """Whether the locked file is still the one at ``path`` (no one removed it meanwhile)."""
    try:
        return os.fstat(fd).st_nlink > 0
    except OSError:
        return False


if sys.platform == "win32":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:
            os.close(fd)
            raise
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
