"""``afterview remind``: one line for a shell start-up file, a prompt or cron.

It runs at every shell start, so ``afterview remind`` skips the Typer app entirely (see ``__main__``): this
module counts pending steps with the standard library only, from the derived index of pending steps when it
is current (a small file, whatever the store's size), else from the store's raw JSON, never importing typer,
pydantic, rich, icalendar or holidays. Exit status: 0 nothing due, 1 something due or
overdue, 3 the store cannot be read.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from afterview import index, paths
from afterview.cli import clock
from afterview.dates import due_moment, is_past
from afterview.errors import AfterviewError, ExitCode

KNOWN_SCHEMA = 1
"""The newest store schema this reader understands (``models.SCHEMA_VERSION``; a test keeps them equal)."""


class _Unreadable(Exception):
    """The store is not something remind can count."""


def due_counts(raw: Any, *, now: dt.datetime) -> tuple[int, int]:
    """How many pending steps are due today (not yet late) and how many are overdue, from the raw store.

    A date-only due (or snooze) means by the end of that day in ``now``'s time zone; the rules are the step
    engine's (:func:`afterview.index.effective_due`), so ``remind`` and ``todo`` agree.
    """
    if not isinstance(raw, dict) or raw.get("format") != "afterview":
        raise _Unreadable("not an afterview store")
    version = raw.get("schema_version")
    if not isinstance(version, int) or version > KNOWN_SCHEMA:
        raise _Unreadable(f"schema {version!r} is newer than this afterview knows; upgrade afterview")
    tz = now.tzinfo
    assert tz is not None
    today = now.date()
    due_today = overdue = 0
    for step in _pending(raw.get("interviews", [])):
        due = index.effective_due(step)
        if is_past(due, now=now):
            overdue += 1
        elif due_moment(due, tz).astimezone(tz).date() == today:
            due_today += 1
    return due_today, overdue


def _pending(interviews: Iterable[Any]) -> Iterable[dict[str, Any]]:
    for interview in interviews:
        for step in interview.get("steps", []):
            if step.get("state", "pending") == "pending":
                yield step


def message(due_today: int, overdue: int) -> str:
    """The one line: ``2 steps due today, 1 overdue — run afterview todo``; empty when nothing is due."""
    parts = []
    if due_today:
        parts.append(f"{due_today} step{'s' if due_today != 1 else ''} due today")
    if overdue:
        parts.append(
            f"{overdue} overdue" if parts else f"{overdue} step{'s' if overdue != 1 else ''} overdue"
        )
    return f"{', '.join(parts)} — run afterview todo" if parts else ""


def main() -> int:
    """Print the reminder line (if any) and return the exit status."""
    path = paths.store_path()
    try:
        now = clock.now()
        raw = _from_index(path)
        if raw is None:
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                return int(ExitCode.OK)
            raw = json.loads(data.decode("utf-8"))
        tz = _tz(raw)
        now = now.astimezone(tz) if tz is not None else now
        due_today, overdue = due_counts(raw, now=now)
    except AfterviewError as error:
        sys.stderr.write(f"afterview remind: {error.message}\n")
        return int(error.code)
    except json.JSONDecodeError as error:
        return _unreadable(path, f"line {error.lineno} column {error.colno}: {error.msg}")
    except (
        _Unreadable,
        OSError,
        UnicodeDecodeError,
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
    ) as error:
        return _unreadable(path, str(error) or type(error).__name__)
    line = message(due_today, overdue)
    if line:
        sys.stdout.write(line + "\n")
    return int(ExitCode.USER if line else ExitCode.OK)


def _from_index(path: Path) -> dict[str, Any] | None:
    """The pending steps from the derived index, shaped like the store; ``None`` if missing or stale."""
    found = index.load(path)
    if found is None:
        return None
    return {
        "format": "afterview",
        "schema_version": KNOWN_SCHEMA,
        "profile": {"timezone": found["timezone"]},
        "interviews": [{"steps": found["pending"]}],
    }


def _tz(raw: Any) -> dt.tzinfo | None:
    """The profile's time zone, or ``None`` (keep the clock's) when it has none."""
    name = raw.get("profile", {}).get("timezone") if isinstance(raw, dict) else None
    if not name:
        return None
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def _unreadable(path: object, detail: str) -> int:
    sys.stderr.write(
        f"afterview remind: cannot read the store {path} ({detail}); run afterview todo for more.\n"
    )
    return int(ExitCode.STORE)


def remind() -> int:
    """One line saying how many steps are due today or overdue, for a shell start-up file or cron.

    Prints nothing when nothing is due. Exit status: 0 nothing due, 1 something due or overdue, 3 the store
    cannot be read. Example, in ~/.bashrc: afterview remind
    """
    return main()
