"""The JSON store: load, migrate, lock, atomic save, backups (the store protocol of DESIGN.md).

A write is one read-modify-write under a cross-process lock:

1. the data directory is created 0700 and files are 0600 (tightened if looser);
2. a separate ``*.lock`` file is locked (a kernel lock, released if the holder dies);
3. symlinks are resolved, so a symlinked store stays a symlink;
4. temp files orphaned by a killed writer are removed;
5. the file is read: missing means empty, anything unreadable is *corrupt* and never written over;
6. the change is applied, the revision bumped, and the new bytes parsed back before touching disk;
7. the previous bytes go to ``backups/``, then temp file, fsync, ``os.replace``, fsync of the directory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from afterview import __version__, index
from afterview.errors import NotSavedError, StoreError, StoreLockedError
from afterview.models import SCHEMA_VERSION, Document

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""``MIGRATIONS[n]`` turns a schema-``n`` document into schema ``n + 1`` (pure; no release needs one yet)."""

BACKUP_DIR = "backups"
DEFAULT_KEEP_BACKUPS = 20
DEFAULT_LOCK_TIMEOUT = 10.0
_TEMP_SUFFIX = ".tmp"
_PRIVATE_DIR = 0o700
_PRIVATE_FILE = 0o600


def empty_document() -> Document:
    """A store with nothing in it yet."""
    return Document(format="afterview", schema_version=SCHEMA_VERSION, revision=0)


class Store:
    """One afterview store file and its lock, temp files and backups."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], dt.datetime],
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        keep_backups: int = DEFAULT_KEEP_BACKUPS,
    ) -> None:
        self.path = path
        self.clock = clock
        self.lock_timeout = lock_timeout
        self.keep_backups = keep_backups

    @property
    def backup_dir(self) -> Path:
        """Where previous good versions are kept."""
        return self.path.parent / BACKUP_DIR

    @property
    def target(self) -> Path:
        """The real file behind the store path (symlinks resolved)."""
        return self.path.resolve()

    def read(self) -> Document:
        """The current document, without taking the lock (saves are atomic, so a read is never torn)."""
        return self._load(self.target)[0]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Document]:
        """Lock the store, yield its document for changing, then save it atomically.

        If the block raises, nothing is written; raising :class:`Unchanged` ends the block quietly.
        """
        _private_dir(self.path.parent)
        target = self.target
        with self._lock(target):
            _remove_orphans(target, self.backup_dir)
            document, previous = self._load(target)
            try:
                yield document
            except Unchanged:
                return
            self._save(document, target=target, previous=previous)

    def backups(self) -> list[Path]:
        """Backup files, oldest first."""
        if not self.backup_dir.is_dir():
            return []
        return sorted(self.backup_dir.glob(f"*-{self.path.name}"))

    @contextlib.contextmanager
    def _lock(self, target: Path) -> Iterator[None]:
        import filelock

        lock = filelock.FileLock(
            target.with_name(target.name + ".lock"), timeout=self.lock_timeout, mode=0o600
        )
        try:
            lock.acquire()
        except filelock.Timeout:
            raise StoreLockedError(
                f"The store {self.path} is locked by another afterview; nothing was changed.",
                hint="Wait for the other command to finish, then run this one again.",
            ) from None
        try:
            yield
        finally:
            lock.release()

    def _load(self, target: Path) -> tuple[Document, bytes | None]:
        try:
            data = target.read_bytes()
        except FileNotFoundError:
            return empty_document(), None
        except OSError as error:
            raise StoreError(f"Cannot read the store {self.path}: {error.strerror}.") from None
        try:
            return parse_document(data), data
        except CorruptStore as error:
            raise StoreError(
                f"The store {self.path} is corrupt: {error}. It was left exactly as it is.",
                hint=self._recovery_hint(),
            ) from None

    def _recovery_hint(self) -> str:
        for backup in reversed(self.backups()):
            try:
                parse_document(backup.read_bytes())
            except (CorruptStore, StoreError, OSError):
                continue
            return f"The newest good backup is {backup}."
        return "There is no good backup to fall back on."

    def _save(self, document: Document, *, target: Path, previous: bytes | None) -> None:
        document.revision += 1
        document.written_by = f"afterview {__version__}"
        document.updated_at = self.clock()
        data = serialise(document)
        parse_document(data)  # never write bytes that would not load again
        if previous is not None:
            _private_dir(self.backup_dir)
            stamp = self.clock().astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
            backup = self.backup_dir / f"{stamp}-r{document.revision - 1:07d}-{self.path.name}"
            _atomic_write(backup, previous, what="backup")
        _atomic_write(target, data, what="store")
        index.write(self.path, document, target=target)  # derived, for fast reads; see index.py
        self._prune_backups()

    def _prune_backups(self) -> None:
        for old in self.backups()[: -self.keep_backups or None]:
            with contextlib.suppress(OSError):
                old.unlink()


class Unchanged(Exception):
    """Raised inside :meth:`Store.transaction` when there turned out to be nothing to save."""


class CorruptStore(ValueError):
    """The bytes are not a valid afterview store; the message says where."""


def serialise(document: Document) -> bytes:
    """The document as the bytes of a store file."""
    # Pydantic's serialiser writes the same bytes as json.dumps(model_dump(mode="json"), ensure_ascii=False,
    # indent=1), about five times faster: json.dumps falls back to pure Python whenever it indents.
    return (document.model_dump_json(indent=1) + "\n").encode("utf-8")


def parse_document(data: bytes) -> Document:
    """Parse and validate a store file's bytes, migrating older schemas in memory.

    Raises :class:`CorruptStore` naming the line and column, or :class:`StoreError` for a newer schema.
    """
    from pydantic import ValidationError

    raw = _parse_json(data)
    if not isinstance(raw, dict) or raw.get("format") != "afterview":
        raise CorruptStore('line 1 column 1: not an afterview store (no "format": "afterview")')
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptStore(f"schema_version {version!r} is not a positive whole number")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The store was written by a newer afterview ({raw.get('written_by', 'unknown version')}, "
            f"schema {version}); this is afterview {__version__} (schema {SCHEMA_VERSION}). "
            "Nothing was changed.",
            hint="Upgrade afterview to use this store.",
        )
    for missing in ("revision", "interviews"):
        if missing not in raw:
            raise CorruptStore(f'the key "{missing}" is missing')
    raw = migrate(raw)
    try:
        return Document.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"])
        raise CorruptStore(f"{where.lstrip('.') or 'top level'}: {first['msg']}") from None


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring a document of an older schema up to the current one, one version at a time."""
    version: int = raw["schema_version"]
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
        raw["schema_version"] = version
    return raw


def _parse_json(data: bytes) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column(data[: error.start].decode("utf-8", "replace"))
        raise CorruptStore(f"line {line} column {column}: bytes that are not UTF-8") from None
    if not text.strip():
        raise CorruptStore("line 1 column 1: the file is empty")
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        raise CorruptStore(f"line {error.lineno} column {error.colno}: {error.msg}") from None
    except _DuplicateKey as error:
        line, column = _line_column(text[: text.find(f'"{error.key}"', text.find(f'"{error.key}"') + 1)])
        raise CorruptStore(f'line {line} column {column}: the key "{error.key}" appears twice') from None
    except ValueError as error:
        raise CorruptStore(str(error)) from None


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a valid JSON value")


def _line_column(prefix: str) -> tuple[int, int]:
    return prefix.count("\n") + 1, len(prefix) - (prefix.rfind("\n") + 1) + 1


def _private_dir(path: Path) -> None:
    path.mkdir(mode=_PRIVATE_DIR, parents=True, exist_ok=True)
    _tighten(path, _PRIVATE_DIR)


def _tighten(path: Path, mode: int) -> None:
    """Remove group and other permissions from ``path`` if it has any (POSIX only)."""
    if os.name != "posix":
        return
    current = stat.S_IMODE(path.stat().st_mode)
    if current & 0o077:
        path.chmod(current & mode)


def _remove_orphans(target: Path, backup_dir: Path) -> None:
    orphans = [*target.parent.glob(f".{target.name}.*{_TEMP_SUFFIX}"), *backup_dir.glob(f".*{_TEMP_SUFFIX}")]
    for orphan in orphans:
        with contextlib.suppress(OSError):
            orphan.unlink()


def _atomic_write(path: Path, data: bytes, *, what: str) -> None:
    """Write ``data`` to ``path`` so that it holds either the old or the new bytes, never a mix."""
    temp = path.with_name(f".{path.name}.{os.getpid()}{_TEMP_SUFFIX}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), _PRIVATE_FILE)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise NotSavedError(
                f"Could not write the {what} ({error.strerror or error}); nothing was saved and "
                f"{path} is as it was.",
            ) from error
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
