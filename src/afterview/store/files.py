"""Writing a whole file so that a reader sees the old bytes or the new, never a mix (standard library only).

The store, its backups and index, exports and your templates are all written this way. The temp file is
created as ``tempfile.mkstemp`` creates one (exclusive create, 0600, an unpredictable name, no following a
link planted in its place), named ``.<name>.<random digits>.tmp`` so the orphan cleanup of this and older
afterviews recognises it. While it is written it holds a kernel lock, so a later run can tell a file a killed
writer left (:func:`remove_orphans`) from one still being written.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"
PRIVATE_FILE = 0o600
ORPHAN_AGE = 2.0
"""Seconds a temp file must be untouched before another run may take it for an orphan (belt and braces: a
live writer also holds a lock on it)."""
_CREATE = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
REPLACE_RETRIES = (0.05, 0.1, 0.2, 0.3, 0.4)
"""Seconds to wait before each retry of a refused ``os.replace`` (about 1 s in all)."""


def temp_pattern(path: Path) -> str:
    """The glob that matches the temp files of ``path`` (in ``path``'s directory)."""
    return f".{path.name}.*{TEMP_SUFFIX}"


def create_temp(path: Path) -> tuple[int, Path]:
    """Create a new private temp file beside ``path`` that no one else can have made first."""
    for _ in range(100):
        token = int.from_bytes(os.urandom(8), "big") % 10**12  # os.urandom: what secrets uses, imported
        temp = path.with_name(f".{path.name}.{token:012d}{TEMP_SUFFIX}")
        try:
            return os.open(temp, _CREATE, PRIVATE_FILE), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temp file name beside {path}")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` durably (a new file is 0600); an ``OSError`` goes up for the caller to
    explain. The order is what makes it safe: :func:`replace_bytes`, then :func:`sync_directory`."""
    replace_bytes(path, data)
    sync_directory(path.parent)


def replace_bytes(path: Path, data: bytes | Iterable[bytes | memoryview], *, durable: bool = True) -> None:
    """Write ``data`` (bytes, or parts written one after the other as they come, so a large file need not
    be held in memory whole) to a temp file beside ``path``, fsync it and ``os.replace`` it over ``path``.
    Without ``durable`` there is no fsync: for a derived file that is rebuilt when it does not match
    (the index), where a crash may lose the new version but a reader still sees old bytes or new, whole.

    On any failure the temp file is removed and ``path`` is as it was; the error goes up.
    """
    fd, temp = create_temp(path)
    try:
        try:
            _hold(fd)
            for part in [data] if isinstance(data, bytes) else data:
                view = memoryview(part)
                while view:
                    view = view[os.write(fd, view) :]
            if durable:
                os.fsync(fd)
            if os.name == "nt":  # Windows cannot rename a file that is open
                os.close(fd)
                fd = -1
            replace_retrying(temp, path)
        finally:
            if fd >= 0:
                os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def remove_orphans(path: Path) -> list[Path]:
    """Remove the temp files of ``path`` that a killed writer left; return them.

    A file is an orphan when it is a regular file of this user, no live writer holds its lock, and it has
    not changed for :data:`ORPHAN_AGE` seconds. Anything else (a file being written, someone else's) stays.
    """
    removed = []
    for temp in path.parent.glob(temp_pattern(path)):
        if _is_orphan(temp):
            with contextlib.suppress(OSError):
                temp.unlink()
                removed.append(temp)
    return removed


def _is_orphan(temp: Path) -> bool:
    try:
        fd = os.open(temp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != getattr(os, "getuid", lambda: info.st_uid)():
            return False
        if time.time() - info.st_mtime < ORPHAN_AGE:
            return False
        return _free(fd)
    finally:
        os.close(fd)


def _hold(fd: int) -> None:
    """Lock the temp file being written, so :func:`remove_orphans` leaves it alone (POSIX; on Windows an
    open file cannot be deleted anyway)."""
    with contextlib.suppress(ImportError, OSError):
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _free(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: deleting a file another process has open fails, which is the check
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def write_into(path: Path, data: bytes) -> None:
    """Write ``data`` into something that is not a regular file (``/dev/null``, a FIFO, a terminal), as a
    shell's ``>`` does: never replaced by a file."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


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


_NOT_FOLLOWING = {"follow_symlinks": False} if os.link in os.supports_follow_symlinks else {}
"""Never link a symlink's target where the platform can say so (Windows cannot; its ``path`` is the real
file already, as the store's ``checked_target`` gives it)."""


def second_name(path: Path, name: Path, *, stamp: list[int]) -> bool:
    """Give the file ``path`` a second name ``name`` (a hard link, in the same file system), if it is still
    the file of ``stamp`` (size, modification time, inode, change time: :func:`afterview.store.index.stamp`);
    its data is made durable first. ``False`` when it cannot be (no hard links there, another file system,
    ``name`` taken, the file changed since): the caller then writes a copy.

    This is how a save keeps the previous version as a backup without writing it again: the store is then
    replaced by a new file, and the old one lives on under its second name alone."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if [info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns] != stamp:
            return False
        os.fsync(fd)  # already durable when afterview wrote it; this costs nothing then
        os.link(path, name, **_NOT_FOLLOWING)
    except OSError:
        return False
    finally:
        os.close(fd)
    try:
        same = name.lstat().st_ino == stamp[2]
    except OSError:
        same = False
    if not same:  # replaced between the check and the link: not the bytes the caller read
        with contextlib.suppress(OSError):
            name.unlink()
        return False
    return True


def sync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; elsewhere a rename needs no more)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
