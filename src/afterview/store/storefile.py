"""The JSON store: load, migrate, lock, atomic save, backups (the store protocol of DESIGN.md).

A write is one read-modify-write under a cross-process lock:

1. the data directory is created 0700 and files are 0600 (tightened if looser);
2. a separate ``*.lock`` file is locked (a kernel lock, released if the holder dies);
3. symlinks are resolved, so a symlinked store stays a symlink;
4. temp files orphaned by a killed writer are removed;
5. the file is read: missing means empty, anything unreadable is *corrupt* and never written over;
6. the change is applied, the revision bumped, and the new bytes parsed back before touching disk;
7. the previous bytes go to ``backups/``, then temp file, fsync, ``os.replace``, fsync of the directory;
   old backups are pruned only after the new version is safely in place.

``restore`` brings a backup back under the same lock, keeping a corrupt file aside instead of losing it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from afterview import __version__
from afterview.errors import AfterviewError, NotSavedError, StoreError, StoreLockedError, UserError
from afterview.models.document import SCHEMA_VERSION, Document
from afterview.store import files, index, interruptions
from afterview.store.backup_names import backup_name, by_revision
from afterview.store.backup_names import backup_revision as backup_revision  # its home before the split
from afterview.store.codec import Bytes, CorruptStore, NewerStore, checked_bytes, parse_document
from afterview.store.files import PRIVATE_FILE, TEMP_SUFFIX
from afterview.store.privacy import private_dir

if TYPE_CHECKING:
    from afterview.store.index import Index, StoredIndex

BACKUP_DIR = "backups"
DEFAULT_KEEP_BACKUPS = 20
KEEP_BACKUPS_VARIABLE = "AFTERVIEW_BACKUPS"
MAX_KEEP_BACKUPS = 1_000
DEFAULT_LOCK_TIMEOUT = 10.0
CORRUPT_MARK = ".corrupt-"


def empty_document() -> Document:
    """A store with nothing in it yet."""
    return Document(format="afterview", schema_version=SCHEMA_VERSION, revision=0)


def configured_backups(environ: Mapping[str, str] = os.environ) -> int:
    """How many previous versions to keep: ``AFTERVIEW_BACKUPS``, else 20."""
    value = environ.get(KEEP_BACKUPS_VARIABLE, "").strip()
    if not value:
        return DEFAULT_KEEP_BACKUPS
    if not value.isdigit() or not 1 <= int(value) <= MAX_KEEP_BACKUPS:
        raise UserError(
            f"{KEEP_BACKUPS_VARIABLE}={value!r} is not a number of backups.",
            hint=f"Use a whole number from 1 to {MAX_KEEP_BACKUPS} (default {DEFAULT_KEEP_BACKUPS}).",
        )
    return int(value)


class Store:
    """One afterview store file and its lock, temp files and backups."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], dt.datetime],
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        keep_backups: int | None = None,
        warn: Callable[[str], None] | None = None,
        after_save: Callable[[Document], None] | None = None,
    ) -> None:  # after_save: run after each save, under the lock (the live calendar); failing only warns
        self.path = path
        self.clock = clock
        self.lock_timeout = lock_timeout
        self.keep_backups = configured_backups() if keep_backups is None else keep_backups
        self.warn = warn
        self.after_save = after_save
        self._warned: set[str] = set()

    @property
    def backup_dir(self) -> Path:
        """Where previous good versions are kept."""
        return self.path.parent / BACKUP_DIR

    @property
    def target(self) -> Path:
        """The real file behind the store path (symlinks resolved)."""
        return self.path.resolve()

    @property
    def lock_path(self) -> Path:
        """The file whose kernel lock guards every write."""
        target = self.target
        return target.with_name(target.name + ".lock")

    def read(self, *, open_only: bool = False) -> Document:
        """The current document, without taking the lock (saves are atomic, so a read is never torn);
        ``open_only`` leaves archived rounds unread until needed (:func:`codec.parse_document`).

        After a save that Ctrl-C cut short, what it left undone is done first, if the lock is free."""
        if self.refresh_marker.exists():
            with contextlib.suppress(AfterviewError), self._unwaiting().transaction(open_only=open_only):
                raise Unchanged  # the transaction did the refresh; this only leaves it
        return self._load(self.checked_target(), open_only=open_only)[0]

    def _unwaiting(self) -> Store:
        """This store, with a lock that is never waited for."""
        return Store(
            self.path, clock=self.clock, lock_timeout=0, keep_backups=self.keep_backups, warn=self.warn,
            after_save=self.after_save,
        )  # fmt: skip

    def checked_target(self) -> Path:
        """The real file behind the store path; a link whose target went missing (an unmounted volume, a
        moved folder) is a :class:`StoreError`, never an empty store to start again in.

        The target went missing when its folder is gone, or when this store was used before (it has backups
        or an index beside the link); a new link into an existing folder is where the first save goes.
        """
        target = self.target
        if self.path.is_symlink() and not target.exists() and (not target.parent.is_dir() or self._used()):
            raise StoreError(
                f"The store {self.path} is a link to {target}, which does not exist; nothing was read or "
                "changed.",
                hint=f"Mount the drive or restore the folder that holds {target}, or point the link at the "
                f"store (ln -sfn REAL-FILE {self.path}).",
            )
        return target

    def _used(self) -> bool:
        return index.path_for(self.path).exists() or bool(self.backups())

    @contextlib.contextmanager
    def transaction(self, *, open_only: bool = False, taking: Document | None = None) -> Iterator[Document]:
        """Lock the store, yield its document for changing, then save it atomically.

        If the block raises, nothing is written; raising :class:`Unchanged` ends the block quietly.
        ``open_only`` as for :meth:`read`: unread rounds are saved as read, so a change costs what it changes.
        ``taking``, a document :meth:`read` returned and nothing has changed since, is the one yielded when
        the file is still, under the lock, the one it was read from (its stamp: size, times, inode, change
        time), so it is not read and validated again; else the file is read as always.
        """
        target = self.checked_target()
        self._private_dir(self.path.parent)
        with self._lock(target):
            self._remove_orphans()
            loaded = _taken(taking, target, open_only=open_only) or self._load(target, open_only=open_only)
            document, previous, source = loaded
            if previous is not None and self.refresh_marker.exists():
                self._refresh(document, target=target)
            try:
                yield document
            except Unchanged:
                return
            self._save(document, target=target, previous=previous, source=source)

    def restore(self, backup: Path) -> Restored:
        """Make ``backup`` the current version, atomically and under the lock.

        A readable current version becomes a backup as on every save; an unreadable one is kept beside the
        store as ``<name>.corrupt-<time>`` (once, however often this runs). The restored document gets a
        revision above every one seen, so an editor session started earlier notices the change.
        """
        try:  # its archive, if afterview wrote it, is copied as it is
            document = parse_document(backup.read_bytes(), open_only=True)
        except (CorruptStore, StoreError, OSError) as error:
            raise StoreError(
                f"The backup {backup} cannot be restored: {_reason(error)}. Nothing was changed."
            ) from None
        restored_revision = document.revision
        set_aside = None
        target = self.checked_target()
        self._private_dir(self.path.parent)
        with self._lock(target):
            self._remove_orphans()
            previous = _read_if_present(target)
            revisions = [document.revision, *(backup_revision(path) or 0 for path in self.backups())]
            if previous is not None:
                try:
                    revisions.append(parse_document(previous, open_only=True).revision)
                except (CorruptStore, StoreError):
                    set_aside = self._keep_aside(target, previous)
                    previous = None
            document.revision = max(revisions)
            self._save(document, target=target, previous=previous)
        return Restored(document=document, revision=restored_revision, set_aside=set_aside)

    def backups(self) -> list[Path]:
        """Backup files, oldest first: by the revision they hold (in their name), not by the time, which a
        clock set back would make lie."""
        if not self.backup_dir.is_dir():
            return []
        return sorted(self.backup_dir.glob(f"*-{self.path.name}"), key=by_revision)

    def kept_corrupt(self) -> list[Path]:
        """Corrupt versions set aside by ``restore`` (never deleted by afterview)."""
        target = self.target
        return sorted(target.parent.glob(f"{target.name}{CORRUPT_MARK}*"))

    def temp_files(self) -> list[Path]:
        """Temp files left behind by an interrupted write (removed by the next write)."""
        target = self.target
        return sorted(
            [*target.parent.glob(files.temp_pattern(target)), *self.backup_dir.glob(f".*{TEMP_SUFFIX}")]
        )

    def newest_good_backup(self) -> Path | None:
        """The most recent backup that loads."""
        for backup in reversed(self.backups()):
            try:
                parse_document(backup.read_bytes(), open_only=True)
            except (CorruptStore, StoreError, OSError):
                continue
            return backup
        return None

    def current_index(self) -> Index:
        """Read the whole store and return its derived index (:mod:`afterview.store.index`), writing it
        if the lock is free (never waiting for it)."""
        target = self.checked_target()
        if not target.exists():
            return {"timezone": None, "interviews": [], "pending": [], "upcoming": [], "ahead": []}
        built: StoredIndex | None = None
        quick = self._unwaiting()
        try:
            with quick.transaction(open_only=True) as document:
                built = index.write(self.path, document, target=target) or index.build(
                    document, source=index.stamp(target)
                )
                raise Unchanged
        except (StoreLockedError, StoreNotWritable):  # a writer will write the index; or no one may
            built = index.build(self.read(), source=index.stamp(target))
        assert built is not None
        return built

    def _remove_orphans(self) -> None:
        """Remove the temp files a killed writer left (called under the lock)."""
        for orphan in self.temp_files():
            with contextlib.suppress(OSError):
                orphan.unlink()

    @contextlib.contextmanager
    def _lock(self, target: Path) -> Iterator[None]:
        from afterview.store.lock import LockTimeout, held

        lock_path = target.with_name(target.name + ".lock")
        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(held(lock_path, timeout=self.lock_timeout, mode=PRIVATE_FILE))
            except LockTimeout:
                raise StoreLockedError(
                    f"The store {self.path} is locked by another afterview; nothing was changed.",
                    hint="Wait for the other command to finish, then run this one again.",
                ) from None
            except OSError as error:  # the lock file cannot be created or opened: a folder that is not yours
                raise self._not_writable(Path(error.filename or lock_path), error) from None
            if target.exists() and not os.access(target, os.W_OK):
                raise self._not_writable(target, PermissionError("Permission denied"))
            yield

    def _load(
        self, target: Path, *, open_only: bool = False
    ) -> tuple[Document, bytes | None, list[int] | None]:
        """The document in ``target``, the bytes it was read from (``None``: no store yet) and the file's
        stamp as read (``None`` if it changed while it was read)."""
        try:
            read = _read_stamped(target)
        except OSError as error:
            raise StoreError(f"Cannot read the store {self.path}: {error.strerror}.") from None
        if read is None:
            return empty_document(), None, None
        data, source = read
        # The index names the exact file afterview last wrote (its stamp: size, times, inode; the change
        # time no one can set back), so a match shows these are afterview's own bytes, unchanged since.
        written = source is not None and index.source_of(self.path) == source
        try:
            document = parse_document(data, open_only=open_only, written=written)
            if open_only and source is not None:  # kept while the archive's packed bytes are kept anyway
                document.came_from((data, source))
            return document, data, source
        except CorruptStore as error:
            raise StoreError(
                f"The store {self.path} is corrupt: {error}. It was left exactly as it is.",
                hint=self._recovery_hint(),
            ) from None
        except NewerStore as error:
            raise NewerStore(f"{self.path}: {error.message}", hint=error.hint) from None

    def _not_writable(self, path: Path, error: OSError) -> StoreNotWritable:
        where = "" if self.target == self.path else f" (a link to {self.target})"
        return StoreNotWritable(
            f"Cannot change the store {self.path}{where}: you may not write {path} "
            f"({error.strerror or error}); nothing was changed.",
            hint=(
                "Its file system is mounted read-only: mount it writable"
                if error.errno == errno.EROFS
                else f"Make {path} and its folder yours and writable (ls -l; chown or chmod u+w)"
            )
            + ", or set AFTERVIEW_HOME to a folder of your own.",
        )

    def _private_dir(self, path: Path) -> None:
        warning = private_dir(path)
        if warning is not None and self.warn is not None and warning not in self._warned:
            self._warned.add(warning)
            self.warn(warning)

    def _recovery_hint(self) -> str:
        backup = self.newest_good_backup()
        if backup is None:
            return "There is no good backup to fall back on; `afterview doctor` says more."
        return f"The newest good backup is {backup}; bring it back with: afterview restore {backup.name}"

    def _save(
        self, document: Document, *, target: Path, previous: bytes | None, source: list[int] | None = None
    ) -> None:
        """Write ``document`` as the next revision: backup of the previous bytes (the file itself, under a
        second name, when it is still the one of ``source``), the store, then pruning."""
        document.revision += 1
        document.written_by = f"afterview {__version__}"
        document.updated_at = self.clock()
        data = checked_bytes(document)
        backup = None
        if previous is not None:
            revision = document.revision - 1
            backup = self._write_backup(previous, revision=revision, target=target, source=source)
        try:
            _atomic_write(target, data, what="store", store=self.path)
        except BaseException:  # the store is unchanged, so a copy of it would only crowd out older ones
            if backup is not None:
                with contextlib.suppress(OSError):
                    backup.unlink()
            raise
        try:
            index.write(self.path, document, target=target)  # derived, for fast reads; see index.py
            self._prune_backups(keep=backup)
            self._after_save(document)
        except KeyboardInterrupt:  # Ctrl-C after the save: the change is kept, the rest is left to the next
            self._mark_refresh()
            raise SavedButInterrupted(self.path) from None

    def _after_save(self, document: Document) -> None:
        if self.after_save is not None:
            try:
                self.after_save(document)
            except Exception as error:  # the store is saved; whatever follows only reports
                if self.warn is not None:
                    self.warn(f"Saved, but what follows a save failed: {error}")

    @property
    def refresh_marker(self) -> Path:
        """Left when Ctrl-C stopped what follows a save (the index, the live calendar); the next command
        that opens the store does it again and removes the marker."""
        return index.refresh_marker(self.path)

    def _mark_refresh(self) -> None:
        interruptions.saved.append(self.path)
        with contextlib.suppress(OSError):
            files.write_atomically(self.refresh_marker, b"")

    def _refresh(self, document: Document, *, target: Path) -> None:
        """Redo what an interrupted save left undone (called under the lock, with ``document`` as loaded)."""
        index.write(self.path, document, target=target)
        self._after_save(document)
        with contextlib.suppress(OSError):
            self.refresh_marker.unlink()

    def _write_backup(self, data: bytes, *, revision: int, target: Path, source: list[int] | None) -> Path:
        """Keep ``data``, the previous version, as a backup: the file ``target`` itself under a second name
        while it is still the one read (``source``), so nothing is written again; else a copy."""
        self._private_dir(self.backup_dir)
        backup = self.backup_dir / backup_name(self.clock(), revision=revision, store=self.path)
        if source is not None and files.second_name(target, backup, stamp=source):
            try:
                _sync_directory(backup.parent, store=self.path)
            except NotSavedError:
                with contextlib.suppress(OSError):
                    backup.unlink()
                raise
        else:
            _atomic_write(backup, data, what="backup of the previous version", store=self.path)
        return backup

    def _prune_backups(self, *, keep: Path | None) -> None:
        """Delete all but the ``keep_backups`` highest revisions, never ``keep`` (the one just written)."""
        for old in self.backups()[: -self.keep_backups or None]:
            if old != keep:
                with contextlib.suppress(OSError):
                    old.unlink()

    def _keep_aside(self, target: Path, data: bytes) -> Path:
        """Keep unreadable bytes as ``<name>.corrupt-<time>`` unless an identical copy is already kept."""
        for kept in self.kept_corrupt():
            with contextlib.suppress(OSError):
                if kept.read_bytes() == data:
                    return kept
        stamp = self.clock().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = target.with_name(f"{target.name}{CORRUPT_MARK}{stamp}")
        for number in itertools.count(2):
            if not kept.exists():
                break
            kept = target.with_name(f"{target.name}{CORRUPT_MARK}{stamp}-{number}")
        _atomic_write(kept, data, what="copy of the corrupt store", store=self.path)
        return kept


class Restored(NamedTuple):
    """What :meth:`Store.restore` did."""

    document: Document
    revision: int
    """The revision the backup held (the store now has a higher one)."""
    set_aside: Path | None
    """Where the unreadable version it replaced is kept, if it was unreadable."""


class StoreNotWritable(StoreError):
    """The store, its folder or its lock file may not be written by this user (exit 3: the store cannot be
    used as it is, and running again will not help until its permissions change)."""


class SavedButInterrupted(KeyboardInterrupt):
    """Ctrl-C after the store was saved: the change is kept, and the next command refreshes the index and
    the live calendar (:attr:`Store.refresh_marker`)."""


class Unchanged(Exception):
    """Raised inside :meth:`Store.transaction` when there turned out to be nothing to save."""


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return str(error.strerror or error)
    if isinstance(error, StoreError):
        return error.message
    return str(error)


def _taken(
    document: Document | None, target: Path, *, open_only: bool
) -> tuple[Document, bytes, list[int]] | None:
    """``document`` with the bytes and stamp it was read from, when ``target`` is still that file (and
    holds no rounds the transaction would need that ``document`` left unread); else ``None``."""
    origin = None if document is None else document.origin
    if document is None or origin is None or (document.packed is not None and not open_only):
        return None
    data, source = origin
    try:
        same = index.stamp(target) == source
    except OSError:
        return None
    document.came_from(None)  # taken once: it will change
    return (document, data, source) if same else None


def _read_stamped(path: Path) -> tuple[bytes, list[int] | None] | None:
    """The bytes of ``path`` (``None`` if it does not exist) and its stamp (:func:`index.stamp`), or no
    stamp when the file changed while it was read."""
    try:
        file = path.open("rb")
    except FileNotFoundError:
        return None
    with file:
        before = os.fstat(file.fileno())
        data = file.read()
        after = os.fstat(file.fileno())
    source = [after.st_size, after.st_mtime_ns, after.st_ino, after.st_ctime_ns]
    same = source == [before.st_size, before.st_mtime_ns, before.st_ino, before.st_ctime_ns]
    return data, source if same and len(data) == after.st_size else None


def _read_if_present(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _sync_directory(directory: Path, *, store: Path) -> None:
    """Make a new name in ``directory`` durable, or fail saying the store is as it was."""
    try:
        files.sync_directory(directory)
    except OSError as error:
        raise NotSavedError(
            f"Could not write the backup of the previous version ({error.strerror or error}); nothing was "
            f"saved and the store {store} is as it was.",
            hint="Check there is free space and that you may write there, then run the command again.",
        ) from error


def _atomic_write(path: Path, data: bytes | Iterable[Bytes], *, what: str, store: Path) -> None:
    """Write ``data`` to ``path`` so that it holds either the old or the new bytes, never a mix.

    The error names ``store``, which is as it was; never ``path``, which may be a backup that now does not
    exist.
    """
    try:
        files.replace_bytes(path, data)
    except OSError as error:
        raise NotSavedError(
            f"Could not write the {what} ({error.strerror or error}); nothing was saved and the store "
            f"{store} is as it was.",
            hint="Check there is free space and that you may write there, then run the command again.",
        ) from error
    files.sync_directory(path.parent)
