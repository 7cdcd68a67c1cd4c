"""Writing a file afterview does not keep (the live calendar, an export, a scheduler file) with the store's
care.

:func:`write` is the one writer for them all. Before anything is touched it finds the real file the path
names, following each symbolic link on the way only as the kernel's ``protected_symlinks`` rule would let
another user's link be followed, and stricter (Linux ``fs.protected_symlinks``, proc_sys_fs(5)): a link is
followed only when it and what it points at belong to this user and it does not sit in a sticky folder
anyone may write to (``/tmp``). It refuses a file afterview keeps (the store and everything beside it, the
backups, settings, templates and caches), by path and by identity (device and inode, so a hard link made
later is caught too), and never replaces a device, FIFO or socket. Then: temp file in the real file's own
folder, fsync, ``os.replace``, fsync of the folder (:func:`afterview.store.files.write_atomically`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MAX_LINKS = 40
"""Links followed before giving up, as the kernel does (``ELOOP``)."""
MAX_KEPT_ENTRIES = 5_000
"""Files looked at per kept folder for the identity check (backups are capped at 1,000)."""


class Refused(OSError):
    """A write refused before anything was touched; ``strerror`` says why, for a person."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(0, reason, str(path))


@dataclass(frozen=True)
class Kept:
    """What afterview keeps: files by their real path, folders whose every file is afterview's, and the
    names beside the store that are its own (``afterview.json`` and ``afterview.json.*``, temp files)."""

    files: frozenset[Path] = frozenset()
    folders: frozenset[Path] = frozenset()
    stores: frozenset[Path] = frozenset()
    identities: frozenset[tuple[int, int]] = field(default=frozenset(), compare=False)

    def owns(self, real: Path) -> bool:
        """Whether ``real`` (a path with no links left in it) is one of afterview's own files."""
        if real in self.files or any(real == folder or folder in real.parents for folder in self.folders):
            return True
        return any(real.parent == store.parent and _beside(real.name, store.name) for store in self.stores)


def _beside(name: str, store: str) -> bool:
    return name == store or name.startswith((f"{store}.", f".{store}."))


def kept(store: Path | None = None) -> Kept:
    """What afterview keeps for ``store`` (default: the store of ``AFTERVIEW_HOME`` or the platform's),
    its data folder's backups, its settings and templates folder, and its cache folder."""
    from afterview.store import paths
    from afterview.store.storefile import BACKUP_DIR

    store = store if store is not None else paths.store_path()
    named = {_absolute(store), _real(store)}
    folders = {_real(paths.config_dir()), _real(paths.cache_dir())}
    folders |= {path.parent / BACKUP_DIR for path in named}
    files = set(named)
    identities: set[tuple[int, int]] = set()
    for path in [*files, *_entries(folders), *_siblings(named)]:
        try:
            info = path.lstat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            identities.add((info.st_dev, info.st_ino))
    return Kept(frozenset(files), frozenset(folders), frozenset(named), frozenset(identities))


def _entries(folders: set[Path]) -> Iterator[Path]:
    for folder in folders:
        for count, (root, _dirs, names) in enumerate(os.walk(folder)):
            if count > MAX_KEPT_ENTRIES:
                break
            yield from (Path(root) / name for name in names[:MAX_KEPT_ENTRIES])


def _siblings(stores: set[Path]) -> Iterator[Path]:
    for store in stores:
        try:
            names = [entry.name for entry in store.parent.iterdir()]
        except OSError:
            continue
        yield from (store.parent / name for name in names if _beside(name, store.name))


def _absolute(path: Path) -> Path:
    return Path(os.path.normpath(path.expanduser().absolute()))


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path.expanduser()))


def follow(path: Path) -> Path:
    """The real path ``path`` names, every link on the way checked (:class:`Refused` when one may not be
    followed, or there are too many). What does not exist yet is returned as named."""
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    pending = list(_absolute(path).parts)
    real = Path(pending.pop(0))
    hops = 0
    while pending:
        part = pending.pop(0)
        if part in ("", "."):
            continue
        if part == "..":
            real = real.parent
            continue
        here = real / part
        try:
            info = os.lstat(here)
        except FileNotFoundError:
            return Path(real, part, *pending)
        if not stat.S_ISLNK(info.st_mode):
            real = here
            continue
        hops += 1
        if hops > MAX_LINKS:
            raise Refused(path, "it goes through too many links")
        _check_link(path, here, info, uid=uid)
        link = here.readlink()
        pending = [*link.parts, *pending]
        if link.is_absolute():
            real = Path(pending.pop(0))
    return real


def _check_link(path: Path, link: Path, info: os.stat_result, *, uid: int | None) -> None:
    """Refuse to follow ``link`` unless it and its target are this user's and its folder is not a sticky
    one anyone may write to (on Windows, with no owners to compare, only the folder rule is moot too)."""
    if uid is None:
        return
    folder = link.parent.stat()
    if folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH:
        raise Refused(
            path,
            f"{link} is a link in {link.parent}, a folder anyone may write to; afterview does not follow it",
        )
    if info.st_uid != uid:
        raise Refused(path, f"{link} is a link that belongs to another user; afterview does not follow it")
    try:
        target = link.stat()
    except OSError:
        return  # a link to nothing yet: where it points is checked as the walk goes on
    if target.st_uid != uid:
        raise Refused(path, f"{link} points at a file of another user; afterview does not follow it")


def problem(path: Path, *, into_special: bool = False, keeps: Kept | None = None) -> str | None:
    """Why :func:`write` would refuse ``path`` (a sentence for a person), or ``None``."""
    try:
        _checked(path, into_special=into_special, keeps=keeps)
    except Refused as refused:
        return refused.strerror
    except OSError as error:
        return error.strerror or str(error)
    return None


def _checked(path: Path, *, into_special: bool, keeps: Kept | None) -> tuple[Path, bool]:
    """The real file to write and whether to write into it (a device or FIFO) rather than replace it."""
    real = follow(path)
    keeps = keeps if keeps is not None else kept()
    if keeps.owns(real):
        raise Refused(path, f"{real} is a file afterview keeps (its store, backups, settings or caches)")
    try:
        info = real.lstat()
    except FileNotFoundError:
        return real, False
    if (info.st_dev, info.st_ino) in keeps.identities:
        raise Refused(path, f"{real} is another name for a file afterview keeps (a hard link to it)")
    if stat.S_ISREG(info.st_mode):
        return real, False
    if stat.S_ISDIR(info.st_mode):
        raise Refused(path, "it is a folder")
    if into_special and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        return real, True
    mode = info.st_mode
    kind = "a socket" if stat.S_ISSOCK(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "a device"
    raise Refused(path, f"it is {kind}, which afterview never replaces with a file")


def write(path: Path, data: bytes, *, into_special: bool = False, keeps: Kept | None = None) -> Path:
    """Replace the file ``path`` names with ``data`` as the store is written; return the real path written.

    ``into_special`` (an export): a character device or FIFO (``/dev/null``, a pipe) is written into, as a
    shell's ``>`` does, never replaced. :class:`Refused` (an ``OSError``) when the path may not be written;
    any other ``OSError`` goes up as it came, with the file as it was.
    """
    from afterview.store import files

    real, special = _checked(path, into_special=into_special, keeps=keeps)
    if special:
        _write_into(real, data)
        return real
    files.remove_orphans(real)
    files.write_atomically(real, data)
    return real


def _write_into(real: Path, data: bytes) -> None:
    """Write into a device or FIFO, opened without following a link and checked again once open."""
    flags = os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(real, flags | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            raise Refused(real, "it changed while afterview was writing it")
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
