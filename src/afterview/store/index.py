"""A derived index of pending steps and interview ids, so ``todo`` and Tab completion read little.

Like Taskwarrior keeping pending work apart from the history, the index holds only what the everyday
views need: every interview's id, company and role, and the steps still pending. It is derived, never the
only copy of anything:

- it is written after each successful save, under the store's lock, atomically;
- it names the store file it was built from (size, modification time, inode, change time); a reader that
  finds the store changed since (a hand edit, a restored backup, an older afterview) ignores the index and
  rebuilds it. The change time (ctime) is what catches an edit in place that keeps the size and sets the
  modification time back (``touch -d``, an editor preserving it): no user can set it back;
- deleting it is always safe.

Reading it needs only the standard library (no Pydantic), which is the point.
"""

# ruff: noqa: PTH110, PTH116  (os, not pathlib, when reading: ``remind`` reads the index at every shell start)
from __future__ import annotations

import json
import os

TYPE_CHECKING = False  # importing typing costs start-up time; mypy reads this as typing.TYPE_CHECKING
if TYPE_CHECKING:  # the shapes below exist for type checkers only: nothing here runs
    import datetime as dt
    from pathlib import Path
    from typing import Any, TypedDict

    from afterview.models.document import Document

    class PendingStep(TypedDict):
        """One pending step, as the index keeps it (dates as ISO 8601 text)."""

        id: str
        interview_id: int
        company: str
        role: str
        kind: str
        title: str
        person: str | None
        due: str
        snoozed_until: str | None
        note: str | None

    class AheadInterview(TypedDict):
        """An upcoming interview, as the index keeps it (``at`` as ISO 8601 text)."""

        id: int
        company: str
        at: str
        timezone: str | None
        location: str | None

    class Index(TypedDict):
        """What the everyday views read: the profile's time zone, every interview, the pending steps."""

        timezone: str | None
        interviews: list[tuple[int, str, str]]
        """``[id, company, role]`` for each interview (a JSON array once read back)."""
        pending: list[PendingStep]
        upcoming: list[str]
        """When each upcoming interview of an open process starts (ISO 8601): once one has passed, its
        after-interview steps are due to be planned (:func:`passed`)."""
        ahead: list[AheadInterview]
        """Each upcoming interview, for the day's views (``todo``, bare ``afterview``, ``remind``)."""

    class StoredIndex(Index):
        """The index file: :class:`Index`, plus what it is and which store file it was built from."""

        format: str
        version: int
        source: list[int]
        revision: int


FORMAT = "afterview-index"
VERSION = 3
SUFFIX = ".index"


def path_for(store_path: Path) -> Path:
    """Where the index of ``store_path`` lives: beside it (``afterview.json.index``)."""
    return store_path.with_name(store_path.name + SUFFIX)


def stamp(target: str | Path) -> list[int]:
    """What identifies one version of the store file: size, modification time (ns), inode and change time
    (ns; the kernel sets it on every write or metadata change, and it cannot be set back)."""
    info = os.stat(target)
    return [info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns]


_SOURCE = rb'\{"format": "afterview-index", "version": (\d+), "source": \[(\d+), (\d+), (\d+), (\d+)\]'


def source_of(store_path: Path) -> list[int] | None:
    """The stamp of the store file the index of ``store_path`` was built from, read from the first bytes
    of the index as :func:`write` lays it out (the whole index is not read); ``None`` if there is none."""
    try:
        with open(f"{store_path}{SUFFIX}", "rb") as file:
            head = file.read(160)
    except OSError:
        return None
    import re

    found = re.match(_SOURCE, head)
    if found is None or int(found[1]) != VERSION:
        return None
    return [int(number) for number in found.groups()[1:]]


def build(document: Document, *, source: list[int]) -> StoredIndex:
    """The index of ``document``, whose file had the stamp ``source``: archived rounds, even unread ones,
    are listed by id (their processes are over, so they have nothing pending or upcoming)."""
    from afterview.models.enums import StepKind, StepState

    processes = {process.id: process for process in document.processes}  # archived rounds are unread
    return {
        "format": FORMAT,
        "version": VERSION,
        "source": source,
        "revision": document.revision,
        "timezone": document.profile.timezone,
        "interviews": sorted(
            [
                *((i.id, i.company, i.role) for i in document.interviews),
                *((i, processes[p].company, processes[p].role) for i, p in document.archived_rounds.items()),
            ]
        ),
        "pending": [
            {
                "id": step.id,
                "interview_id": interview.id,
                "company": interview.company,
                "role": interview.role,
                "kind": step.kind.value,
                "title": step.title,
                "person": step.person,
                "due": step.due.isoformat(),
                "snoozed_until": step.snoozed_until.isoformat() if step.snoozed_until else None,
                "note": step.note,
            }
            for interview in document.interviews
            for step in interview.steps
            if step.state is StepState.PENDING
        ],
        "upcoming": [
            interview.at.isoformat()
            for interview in document.interviews
            if not interview.process.ended
            and interview.cancelled is None
            and not any(step.kind is StepKind.MEMORY_DUMP for step in interview.steps)
        ],
        "ahead": [
            {
                "id": item.id,
                "company": item.company,
                "at": item.at.isoformat(),
                "timezone": item.timezone,
                "location": item.location,
            }
            for item in document.interviews
            if not item.process.ended
            and item.cancelled is None
            and not any(step.kind is StepKind.MEMORY_DUMP for step in item.steps)
        ],
    }


def passed(found: Index, *, now: dt.datetime) -> bool:
    """Whether an interview the index holds as upcoming has started by ``now``: its steps need planning."""
    import datetime as dt

    return any(dt.datetime.fromisoformat(at) <= now for at in found.get("upcoming", []))


REFRESH_SUFFIX = ".refresh"


def refresh_marker(store_path: Path) -> Path:
    """Beside the store when Ctrl-C cut short what follows a save: the index and the live calendar are
    written again by the next command (:meth:`afterview.store.storefile.Store.read`)."""
    return store_path.with_name(store_path.name + REFRESH_SUFFIX)


def load(store_path: str | Path) -> StoredIndex | None:
    """The index, if it exists and was built from the store file as it is now (and no save was cut short
    since); else ``None``."""
    if os.path.exists(f"{store_path}{REFRESH_SUFFIX}"):
        return None
    try:
        source = stamp(os.path.realpath(store_path))
        with open(f"{store_path}{SUFFIX}", "rb") as file:
            found = json.load(file)
    except (OSError, ValueError):
        return None
    fits = isinstance(found, dict) and found.get("format") == FORMAT and found.get("version") == VERSION
    return found if fits and found.get("source") == source and well_formed(found) else None


_STEP_TEXT = ("id", "company", "role", "kind", "title", "due")
_STEP_OPTIONAL = ("person", "snoozed_until", "note")


def well_formed(found: dict[str, Any]) -> bool:
    """Whether ``found`` has the shape :func:`build` gives (a hand edit or another program may break it);
    one pass over it, no Pydantic. A malformed index is ignored and rebuilt, like a stale one."""
    interviews, pending, upcoming = found.get("interviews"), found.get("pending"), found.get("upcoming")
    zone = found.get("timezone")
    if not (isinstance(interviews, list) and isinstance(pending, list) and isinstance(upcoming, list)):
        return False
    if zone is not None and not isinstance(zone, str):
        return False
    return (
        all(_is_row(row) for row in interviews)
        and all(_is_step(step) for step in pending)
        and all(isinstance(at, str) for at in upcoming)
    )


def _is_row(row: Any) -> bool:
    return (
        isinstance(row, list)
        and len(row) == 3
        and isinstance(row[0], int)
        and isinstance(row[1], str)
        and isinstance(row[2], str)
    )


def _is_step(step: Any) -> bool:
    return (
        isinstance(step, dict)
        and isinstance(step.get("interview_id"), int)
        and all(isinstance(step.get(key), str) for key in _STEP_TEXT)
        and all(isinstance(step.get(key), (str, type(None))) for key in _STEP_OPTIONAL)
    )


def write(store_path: Path, document: Document, *, target: Path) -> StoredIndex | None:
    """Write and return the index of ``document``, just read from or saved to ``target``; hold the lock.

    The store is already safe on disk, so any failure here only removes the index (readers rebuild it) and
    returns ``None``: a derived file never turns a good save into an error.
    """
    import contextlib

    from afterview.store import files

    index = path_for(store_path)
    try:
        built = build(document, source=stamp(target))
        # Derived and checked against the store on every read, so not made durable: after a crash it is
        # at worst missing, old or unreadable, and each of those is rebuilt from the store.
        files.replace_bytes(index, json.dumps(built, ensure_ascii=False).encode("utf-8"), durable=False)
    except Exception:
        with contextlib.suppress(OSError):
            index.unlink()
        return None
    return built
