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
import itertools
import json
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from afterview import __version__, files, index
from afterview.errors import NotSavedError, StoreError, StoreLockedError, UserError
from afterview.files import PRIVATE_FILE, TEMP_SUFFIX
from afterview.jsonpos import first_problem, line_column, position_of
from afterview.models import SCHEMA_VERSION, Document

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""``MIGRATIONS[n]`` turns a schema-``n`` document into schema ``n + 1`` (pure; no release needs one yet).

Every schema version ever released has a frozen example under ``tests/fixtures/``; add one with each bump.
"""

BACKUP_DIR = "backups"
DEFAULT_KEEP_BACKUPS = 20
KEEP_BACKUPS_VARIABLE = "AFTERVIEW_BACKUPS"
MAX_KEEP_BACKUPS = 1_000
DEFAULT_LOCK_TIMEOUT = 10.0
CORRUPT_MARK = ".corrupt-"
PRIVATE_DIR = 0o700
_STAMP = "%Y%m%dT%H%M%S%fZ"
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


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
    ) -> None:
        self.path = path
        self.clock = clock
        self.lock_timeout = lock_timeout
        self.keep_backups = configured_backups() if keep_backups is None else keep_backups

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
            self._remove_orphans()
            document, previous = self._load(target)
            try:
                yield document
            except Unchanged:
                return
            self._save(document, target=target, previous=previous)

    def restore(self, backup: Path) -> Restored:
        """Make ``backup`` the current version, atomically and under the lock.

        A readable current version becomes a backup as on every save; an unreadable one is kept beside the
        store as ``<name>.corrupt-<time>`` (once, however often this runs). The restored document gets a
        revision above every one seen, so an editor session started earlier notices the change.
        """
        try:
            document = parse_document(backup.read_bytes())
        except (CorruptStore, StoreError, OSError) as error:
            raise StoreError(
                f"The backup {backup} cannot be restored: {_reason(error)}. Nothing was changed."
            ) from None
        restored_revision = document.revision
        set_aside = None
        _private_dir(self.path.parent)
        target = self.target
        with self._lock(target):
            self._remove_orphans()
            previous = _read_if_present(target)
            revisions = [document.revision, *(backup_revision(path) or 0 for path in self.backups())]
            if previous is not None:
                try:
                    revisions.append(parse_document(previous).revision)
                except (CorruptStore, StoreError):
                    set_aside = self._keep_aside(target, previous)
                    previous = None
            document.revision = max(revisions)
            self._save(document, target=target, previous=previous)
        return Restored(document=document, revision=restored_revision, set_aside=set_aside)

    def backups(self) -> list[Path]:
        """Backup files, oldest first."""
        if not self.backup_dir.is_dir():
            return []
        return sorted(self.backup_dir.glob(f"*-{self.path.name}"))

    def kept_corrupt(self) -> list[Path]:
        """Corrupt versions set aside by ``restore`` (never deleted by afterview)."""
        target = self.target
        return sorted(target.parent.glob(f"{target.name}{CORRUPT_MARK}*"))

    def temp_files(self) -> list[Path]:
        """Temp files left behind by an interrupted write (removed by the next write)."""
        target = self.target
        return sorted(
            [*target.parent.glob(f".{target.name}.*{TEMP_SUFFIX}"), *self.backup_dir.glob(f".*{TEMP_SUFFIX}")]
        )

    def newest_good_backup(self) -> Path | None:
        """The most recent backup that loads."""
        for backup in reversed(self.backups()):
            try:
                parse_document(backup.read_bytes())
            except (CorruptStore, StoreError, OSError):
                continue
            return backup
        return None

    def _remove_orphans(self) -> None:
        """Remove the temp files a killed writer left (called under the lock)."""
        for orphan in self.temp_files():
            with contextlib.suppress(OSError):
                orphan.unlink()

    @contextlib.contextmanager
    def _lock(self, target: Path) -> Iterator[None]:
        import filelock

        lock = filelock.FileLock(
            target.with_name(target.name + ".lock"), timeout=self.lock_timeout, mode=PRIVATE_FILE
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
            data = _read_if_present(target)
        except OSError as error:
            raise StoreError(f"Cannot read the store {self.path}: {error.strerror}.") from None
        if data is None:
            return empty_document(), None
        try:
            return parse_document(data), data
        except CorruptStore as error:
            raise StoreError(
                f"The store {self.path} is corrupt: {error}. It was left exactly as it is.",
                hint=self._recovery_hint(),
            ) from None
        except NewerStore as error:
            raise NewerStore(f"{self.path}: {error.message}", hint=error.hint) from None

    def _recovery_hint(self) -> str:
        backup = self.newest_good_backup()
        if backup is None:
            return "There is no good backup to fall back on; `afterview doctor` says more."
        return f"The newest good backup is {backup}; bring it back with: afterview restore {backup.name}"

    def _save(self, document: Document, *, target: Path, previous: bytes | None) -> None:
        """Write ``document`` as the next revision: backup of the previous bytes, the store, then pruning."""
        document.revision += 1
        document.written_by = f"afterview {__version__}"
        document.updated_at = self.clock()
        data = _checked_bytes(document)
        backup = None if previous is None else self._write_backup(previous, revision=document.revision - 1)
        try:
            _atomic_write(target, data, what="store")
        except BaseException:
            if (
                backup is not None
            ):  # the store is unchanged, so this copy of it would only crowd out older ones
                with contextlib.suppress(OSError):
                    backup.unlink()
            raise
        index.write(self.path, document, target=target)  # derived, for fast reads; see index.py
        self._prune_backups()

    def _write_backup(self, data: bytes, *, revision: int) -> Path:
        _private_dir(self.backup_dir)
        stamp = self.clock().astimezone(dt.timezone.utc).strftime(_STAMP)
        backup = self.backup_dir / f"{stamp}-r{revision:07d}-{self.path.name}"
        _atomic_write(backup, data, what="backup")
        return backup

    def _prune_backups(self) -> None:
        for old in self.backups()[: -self.keep_backups or None]:
            with contextlib.suppress(OSError):
                old.unlink()

    def _keep_aside(self, target: Path, data: bytes) -> Path:
        """Keep unreadable bytes as ``<name>.corrupt-<time>`` unless an identical copy is already kept."""
        for kept in self.kept_corrupt():
            with contextlib.suppress(OSError):
                if kept.read_bytes() == data:
                    return kept
        stamp = self.clock().astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        kept = target.with_name(f"{target.name}{CORRUPT_MARK}{stamp}")
        for number in itertools.count(2):
            if not kept.exists():
                break
            kept = target.with_name(f"{target.name}{CORRUPT_MARK}{stamp}-{number}")
        _atomic_write(kept, data, what="copy of the corrupt store")
        return kept


@dataclass(frozen=True)
class Restored:
    """What :meth:`Store.restore` did."""

    document: Document
    revision: int
    """The revision the backup held (the store now has a higher one)."""
    set_aside: Path | None
    """Where the unreadable version it replaced is kept, if it was unreadable."""


class Unchanged(Exception):
    """Raised inside :meth:`Store.transaction` when there turned out to be nothing to save."""


class CorruptStore(ValueError):
    """The bytes are not a valid afterview store; the message says where (line and column)."""


class NewerStore(StoreError):
    """The store was written by a newer afterview; it is read-only to this one."""


def backup_revision(path: Path) -> int | None:
    """The revision a backup holds, from its name (``<time>-r<revision>-<store name>``)."""
    match = re.match(r"\d{8}T\d{6}\d*Z-r(\d+)-", path.name)
    return int(match[1]) if match else None


def backup_time(path: Path) -> dt.datetime | None:
    """When a backup was taken, from its name."""
    stamp = path.name.partition("-")[0]
    try:
        return dt.datetime.strptime(stamp, _STAMP).replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None


def serialise(document: Document) -> bytes:
    """The document as the bytes of a store file: UTF-8 JSON, one-space indents, a final newline.

    Pydantic's own JSON writer is used because it is many times faster than ``json.dumps`` with indents.
    """
    return document.model_dump_json(indent=1).encode("utf-8") + b"\n"


def parse_document(data: bytes) -> Document:
    """Parse and validate a store file's bytes, migrating older schemas in memory.

    Raises :class:`CorruptStore` naming the line and column, or :class:`NewerStore` for a newer schema.
    """
    from pydantic import ValidationError

    canonical = _canonical(data)
    if canonical is not None:
        return canonical
    text = _decode(data)
    raw = _parse_json(text)
    if not isinstance(raw, dict) or raw.get("format") != "afterview":
        where = position_of(text, ["format"]) if isinstance(raw, dict) else 0
        raise CorruptStore(_at(text, where, 'not an afterview store (no "format": "afterview")'))
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        where = position_of(text, ["schema_version"])
        raise CorruptStore(_at(text, where, f"schema_version {version!r} is not a positive whole number"))
    if version > SCHEMA_VERSION:
        raise NewerStore(
            f"the store was written by a newer afterview ({raw.get('written_by', 'unknown version')}, "
            f"schema {version}); this is afterview {__version__} (schema {SCHEMA_VERSION}). "
            "Nothing was changed.",
            hint="Upgrade afterview to use this store.",
        )
    for missing in ("revision", "interviews"):
        if missing not in raw:
            raise CorruptStore(_at(text, 0, f'the key "{missing}" is missing'))
    raw = migrate(raw)
    try:
        return Document.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        dotted = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"])
        message = f"{dotted.lstrip('.') or 'top level'}: {first['msg']}"
        raise CorruptStore(_at(text, position_of(text, first["loc"]), message)) from None


def _canonical(data: bytes) -> Document | None:
    """The document, if ``data`` is exactly what :func:`serialise` writes for it (the fast path).

    Every file afterview writes is canonical, so this is the usual case. Anything else (a duplicate key,
    ``NaN``, an older schema, odd spacing) takes the slow path, which checks it all and says where it is.
    """
    try:
        document = Document.model_validate_json(data)
        if document.schema_version != SCHEMA_VERSION or serialise(document) != data:
            return None
    except ValueError:
        return None
    return document


def migrate(
    raw: dict[str, Any], *, migrations: Mapping[int, Migration] | None = None, target: int | None = None
) -> dict[str, Any]:
    """Bring a document of an older schema up to ``target`` (default: current), one migration at a time."""
    steps = MIGRATIONS if migrations is None else migrations
    version: int = raw["schema_version"]
    while version < (SCHEMA_VERSION if target is None else target):
        raw = steps[version](raw)
        version += 1
        raw["schema_version"] = version
    return raw


def _checked_bytes(document: Document) -> bytes:
    """The bytes to write, parsed back first: never write what would not load again."""
    try:
        data = serialise(document)
    except ValueError:  # text that is not valid Unicode (lone surrogates) cannot be written as UTF-8
        raise NotSavedError(
            "Some text holds characters that cannot be stored (broken Unicode); nothing was saved.",
            hint="Retype the text, or check your terminal's encoding is UTF-8.",
        ) from None
    try:
        parse_document(data)
    except CorruptStore as error:
        raise NotSavedError(f"The change would not load again ({error}); nothing was saved.") from None
    return data


def _decode(data: bytes) -> str:
    if not data:
        raise CorruptStore("line 1 column 1: the file is empty (0 bytes), so it holds no store")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = data[: error.start].decode("utf-8", "replace")
        line, column = line_column(prefix, len(prefix))
        raise CorruptStore(f"line {line} column {column}: bytes that are not UTF-8") from None
    if not text.strip():
        raise CorruptStore("line 1 column 1: the file holds only blank space")
    return text


def _parse_json(text: str) -> Any:
    try:
        raw = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        raise CorruptStore(f"line {error.lineno} column {error.colno}: {error.msg}") from None
    except (ValueError, RecursionError):  # a duplicate key, NaN, an oversized number, deep nesting
        where, message = first_problem(text) or (0, "this is not valid JSON")
        raise CorruptStore(_at(text, where, message)) from None
    if _SURROGATE_ESCAPE.search(text):
        problem = first_problem(text)
        if problem is not None:
            raise CorruptStore(_at(text, *problem))
    return raw


def _at(text: str, position: int, message: str) -> str:
    line, column = line_column(text, position)
    return f"line {line} column {column}: {message}"


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a valid JSON value")


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return str(error.strerror or error)
    if isinstance(error, StoreError):
        return error.message
    return str(error)


def _read_if_present(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _private_dir(path: Path) -> None:
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    _tighten(path, PRIVATE_DIR)


def _tighten(path: Path, mode: int) -> bool:
    """Remove group and other permissions from ``path`` if it has any (POSIX only); say if it had."""
    if os.name != "posix":
        return False
    try:
        current = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return False
    if not current & 0o077:
        return False
    path.chmod(current & mode)
    return True


def _atomic_write(path: Path, data: bytes, *, what: str) -> None:
    """Write ``data`` to ``path`` so that it holds either the old or the new bytes, never a mix."""
    try:
        files.replace_bytes(path, data)
    except OSError as error:
        raise NotSavedError(
            f"Could not write the {what} ({error.strerror or error}); nothing was saved and "
            f"{path} is as it was.",
            hint="Check there is free space and that you may write there, then run the command again.",
        ) from error
    files.sync_directory(path.parent)
