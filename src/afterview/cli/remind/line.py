"""``afterview remind``: one line for a shell start-up file, a prompt or cron.

It runs at every shell start, so ``afterview remind`` skips the Typer app entirely (see ``__main__``): this
module counts pending steps with the standard library only, from the derived index of pending steps (a small
file, whatever the store's size). Only when the index is missing or stale (the store was changed by hand) is
the store read and fully checked, so a corrupt store is reported as every command reports it. Exit status:
0 nothing due, 1 something due or overdue, 3 the store cannot be read.
"""

# ruff: noqa: PTH111, PTH117, PTH118  (os.path, not pathlib: importing pathlib costs start-up time here)
from __future__ import annotations

import datetime as dt
import json
import os
import sys

from afterview.actions import clock
from afterview.domain import dates
from afterview.domain.dates import due_moment, is_past
from afterview.domain.phrasing import plural
from afterview.errors import AfterviewError, ExitCode
from afterview.store import index

TYPE_CHECKING = False  # importing typing costs start-up time; mypy reads this as typing.TYPE_CHECKING
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from afterview.store.index import Index

KNOWN_SCHEMA = 2
"""The newest store schema this reader understands (``models.SCHEMA_VERSION``; a test keeps them equal)."""


class _Unreadable(Exception):
    """The store is not something remind can count."""


def due_counts(raw: Any, *, now: dt.datetime) -> tuple[int, int]:
    """How many pending steps are due today (not yet late) and how many are overdue, from the raw store.

    A date-only due (or snooze) means by the end of that day in ``now``'s time zone; the rules are the step
    engine's (:func:`afterview.domain.dates.indexed_due`), so ``remind`` and ``todo`` agree.
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
        due = dates.indexed_due(step)
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
        parts.append(f"{plural(due_today, 'step')} due today")
    if overdue:
        parts.append(f"{overdue} overdue" if parts else f"{plural(overdue, 'step')} overdue")
    return f"{', '.join(parts)} — run afterview todo" if parts else ""


def store_path() -> str:
    """Where the store is (as :func:`afterview.store.paths.store_path`, which a test checks), without
    pathlib or
    platformdirs on Linux, whose imports would cost more than the rest of ``remind``."""
    home = os.environ.get("AFTERVIEW_HOME")
    if home:
        return os.path.join(os.path.expanduser(home), "afterview.json")
    user_home = os.path.expanduser("~")
    if sys.platform.startswith("linux") and os.path.isabs(user_home):
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = xdg if os.path.isabs(xdg) else os.path.join(user_home, ".local", "share")
        return os.path.join(base, "afterview", "afterview.json")
    from afterview.store import paths

    return str(paths.store_path())


def main(*, notify: Callable[[str], None] | None = None, json_: bool = False) -> int:
    """Print the reminder line (if any) and return the exit status.

    With ``notify`` (``remind --notify``) the line is also sent through it, and the status is 0 unless the
    store cannot be read (3) or the notification failed (1): a scheduler counts any other status as a
    failed run. Nothing due: nothing printed, nothing sent. With ``json_`` (``remind --json``, for a status
    bar) the counts are printed as ``{"due_today": N, "overdue": N, "interviews_today": [line, ...]}``
    whatever they are, with the same exit status.
    """
    try:
        now = clock.now()
        # the usual case, with the standard library's json only
        found: Index | None = index.load(store_path())
        if found is None or index.passed(found, now=now):
            # missing or stale, or an interview has happened since: rebuilt from the fully checked store
            from afterview.actions.index import load_index

            found = load_index()
        raw = _as_store(found)
        tz = _tz(raw)
        now = now.astimezone(tz) if tz is not None else now
        due_today, overdue = due_counts(raw, now=now)
        today = _interviews_today(found, now=now)
    except AfterviewError as error:
        from afterview.render.literal import visible

        hint = f" {error.hint}" if error.hint else ""
        sys.stderr.write(visible(f"afterview remind: {error.message}{hint}") + "\n")
        return int(error.code)
    except (_Unreadable, OSError, ValueError, TypeError, KeyError, AttributeError) as error:
        from afterview.render.literal import visible

        path = store_path()
        sys.stderr.write(
            visible(
                f"afterview remind: cannot read the store {path} ({error or type(error).__name__}); "
                "run afterview doctor for more."
            )
            + "\n"
        )
        return int(ExitCode.STORE)
    line = "; ".join([*today, *filter(None, [message(due_today, overdue)])])
    if json_:
        counts = {"due_today": due_today, "overdue": overdue, "interviews_today": today}
        sys.stdout.write(json.dumps(counts, ensure_ascii=False) + "\n")
    elif line:
        sys.stdout.write(line + "\n")
    if notify is not None:
        if line:
            try:
                notify(line)
            except AfterviewError as error:
                sys.stderr.write(f"afterview remind: {error.message}\n")
                return int(error.code)
        return int(ExitCode.OK)
    return int(ExitCode.USER if line else ExitCode.OK)


def _as_store(found: Index) -> dict[str, Any]:
    """The index's pending steps, shaped like the store for :func:`due_counts`."""
    return {
        "format": "afterview",
        "schema_version": KNOWN_SCHEMA,
        "profile": {"timezone": found.get("timezone")},
        "interviews": [{"steps": found["pending"]}],
    }


def _interviews_today(found: Index, *, now: dt.datetime) -> list[str]:
    """``Interview today 21:00 (15:00 New York): Brightwave · link``, for each one still to come today."""
    items = found.get("ahead", [])
    if not items:  # the usual case, without importing what the line needs
        return []
    from afterview.domain.local_times import ahead_today, from_index, today_line

    return [today_line(item, now=now) for item in ahead_today(from_index(items), now=now)]


def _tz(raw: Any) -> dt.tzinfo | None:
    """The profile's time zone, or ``None`` (keep the clock's) when it has none."""
    name = raw.get("profile", {}).get("timezone") if isinstance(raw, dict) else None
    if not name:
        return None
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)
