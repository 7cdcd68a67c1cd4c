"""What ``afterview restore`` lists and picks: the backups, newest first, with what each holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from afterview.errors import StoreError, UserError
from afterview.store.backup_names import backup_revision, backup_time
from afterview.store.codec import CorruptStore, parse_document
from afterview.store.storefile import Store


@dataclass(frozen=True)
class Backup:
    """One backup file and what it holds (``problem`` says why it does not load, if it does not)."""

    number: int
    path: Path
    saved_at: dt.datetime | None
    revision: int | None
    interviews: int | None
    problem: str | None
    stories: int | None = None


def list_backups(store: Store) -> list[Backup]:
    """Every backup, newest first, numbered from 1."""
    backups = []
    for number, path in enumerate(reversed(store.backups()), start=1):
        revision, interviews, stories, problem = backup_revision(path), None, None, None
        try:
            document = parse_document(path.read_bytes(), open_only=True)
        except (CorruptStore, StoreError, OSError) as error:
            problem = error.message if isinstance(error, StoreError) else str(error)
        else:
            revision, interviews, stories = document.revision, document.round_count, len(document.stories)
        backups.append(Backup(number, path, backup_time(path), revision, interviews, problem, stories))
    return backups


def choose_backup(store: Store, wanted: str) -> Path:
    """The backup ``wanted`` names: its number in the list (1 is the newest), its file name, or a path."""
    backups = list_backups(store)
    if wanted.strip().isdigit():
        number = int(wanted)
        if 1 <= number <= len(backups):
            return backups[number - 1].path
    for backup in backups:
        if wanted in (backup.path.name, str(backup.path)):
            return backup.path
    candidate = Path(wanted).expanduser()
    if candidate.is_file():
        return candidate
    raise UserError(
        f"There is no backup {wanted!r}; nothing was changed.",
        hint="See the backups with: afterview restore",
    )
