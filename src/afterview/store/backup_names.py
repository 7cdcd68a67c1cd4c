"""Backup file names: ``<time>-r<revision>-<store name>``, ordered by the revision they hold.

The time is for people; the order is the revision's, because a clock can be set back (a laptop's clock
corrected, a trip across zones on a machine set to local time) and a revision cannot.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

STAMP = "%Y%m%dT%H%M%S%fZ"


def backup_name(when: dt.datetime, *, revision: int, store: Path) -> str:
    """The name of the backup of ``store`` holding ``revision``, taken at ``when``."""
    return f"{when.astimezone(dt.UTC).strftime(STAMP)}-r{revision:07d}-{store.name}"


def backup_revision(path: Path) -> int | None:
    """The revision a backup holds, from its name (``<time>-r<revision>-<store name>``)."""
    match = re.match(r"\d{8}T\d{6}\d*Z-r(\d+)-", path.name)
    return int(match[1]) if match else None


def backup_time(path: Path) -> dt.datetime | None:
    """When a backup was taken, from its name."""
    stamp = path.name.partition("-")[0]
    try:
        return dt.datetime.strptime(stamp, STAMP).replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def by_revision(path: Path) -> tuple[int, str]:
    """Sort key: oldest revision first; a name without one first of all, then by name (the time)."""
    revision = backup_revision(path)
    return (-1 if revision is None else revision, path.name)
