"""``afterview remind``: one line for a shell start-up file, a prompt or cron.

It runs at every shell start, so ``afterview remind`` skips the Typer app entirely (see ``__main__``): this
module reads the store with the standard library only and counts pending steps from the raw JSON, never
importing typer, pydantic, rich, icalendar or holidays. Exit status: 0 nothing due, 1 something due or
overdue, 3 the store cannot be read.
"""

# ruff: noqa: PTH108, PTH111, PTH116, PTH117, PTH118, PTH120  (os.path, not pathlib: importing pathlib costs start-up time here)
from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import json
import os
import sys

from afterview.cli import clock
from afterview.errors import AfterviewError, ExitCode

TYPE_CHECKING = False  # typing itself costs start-up time; mypy reads this as typing.TYPE_CHECKING
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

CACHE_NAME = ".remind-cache.json"
CACHE_VERSION = 2
_OFFSET = "offset:"
KNOWN_SCHEMA = 1
"""The newest store schema this reader understands (``models.SCHEMA_VERSION``; a test keeps them equal)."""


def store_path() -> str:
    """Where the store is (as :func:`afterview.paths.store_path`, which a test checks), without pathlib or
    platformdirs on Linux, whose import would cost more than the rest of ``remind``."""
    home = os.environ.get("AFTERVIEW_HOME")
    if home:
        return os.path.join(os.path.expanduser(home), "afterview.json")
    user_home = os.path.expanduser("~")
    if sys.platform.startswith("linux") and os.path.isabs(user_home):
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = xdg if os.path.isabs(xdg) else os.path.join(user_home, ".local", "share")
        return os.path.join(base, "afterview", "afterview.json")
    from afterview import paths

    return str(paths.store_path())


class _Unreadable(Exception):
    """The store is not something remind can count."""


class Dues:
    """When the pending steps fall due, reduced to what counting needs: per local day (as an ordinal), the
    number of steps due that day (snoozes applied), and the sorted instants (POSIX seconds) of steps due at a
    time of that day."""

    def __init__(self, days: dict[int, int], moments: dict[int, list[float]]) -> None:
        self.days = days
        self.moments = moments

    @classmethod
    def of(cls, raw: Any, tz: dt.tzinfo) -> Dues:
        """The dues of the raw store's pending steps; a date-only due (or snooze) is a day in ``tz``."""
        if not isinstance(raw, dict) or raw.get("format") != "afterview":
            raise _Unreadable("not an afterview store")
        version = raw.get("schema_version")
        if not isinstance(version, int) or version > KNOWN_SCHEMA:
            raise _Unreadable(f"schema {version!r} is newer than this afterview knows; upgrade afterview")
        days: dict[int, int] = {}
        moments: dict[int, list[float]] = {}
        for step in _pending(raw.get("interviews", [])):
            due = str(step["due"])
            moment = None
            if "T" in due:
                moment = dt.datetime.fromisoformat(due.replace("Z", "+00:00"))
                if moment.tzinfo is None:
                    raise ValueError(f"due {due!r} has no time-zone offset")
                day = moment.astimezone(tz).date()
            else:
                day = dt.date.fromisoformat(due)
            snoozed = step.get("snoozed_until")
            if snoozed and dt.date.fromisoformat(snoozed) > day:
                day, moment = dt.date.fromisoformat(snoozed), None
            if moment is None:
                days[day.toordinal()] = days.get(day.toordinal(), 0) + 1
            else:
                moments.setdefault(day.toordinal(), []).append(moment.timestamp())
        for instants in moments.values():
            instants.sort()
        return cls(days, moments)

    def count(self, now: dt.datetime) -> tuple[int, int]:
        """How many are due later today and how many are overdue, at ``now`` (in the dues' time zone)."""
        today = now.date().toordinal()
        overdue = sum(n for day, n in self.days.items() if day < today)
        due_today = self.days.get(today, 0)
        for day, instants in self.moments.items():
            if day < today:
                overdue += len(instants)
            elif day == today:
                late = bisect.bisect_left(instants, now.timestamp())
                overdue += late
                due_today += len(instants) - late
        return due_today, overdue


def due_counts(raw: Any, *, now: dt.datetime) -> tuple[int, int]:
    """How many pending steps are due today (not yet late) and how many are overdue, from the raw store.

    A date-only due (or snooze) means by the end of that day in ``now``'s time zone.
    """
    assert now.tzinfo is not None
    return Dues.of(raw, now.tzinfo).count(now)


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
    path = store_path()
    try:
        now = clock.now()
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            return int(ExitCode.OK)
        key = [stat.st_mtime_ns, stat.st_size, stat.st_ino]
        cache = os.path.join(os.path.dirname(path), CACHE_NAME)
        offset = now.utcoffset()
        assert offset is not None
        clock_zone = f"{_OFFSET}{int(offset.total_seconds())}"
        zone, dues = _cached(cache, key, clock_zone=clock_zone)
        if dues is None:
            with open(path, "rb") as file:
                raw = json.loads(file.read().decode("utf-8"))
            zone = _zone(raw) or clock_zone
            dues = Dues.of(raw, _tz(zone))
            _save_cache(cache, key, zone, dues)
        due_today, overdue = dues.count(now.astimezone(_tz(zone)))
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


def _zone(raw: Any) -> str | None:
    """The profile's time zone name, if it has one."""
    profile = raw.get("profile") if isinstance(raw, dict) else None
    name = profile.get("timezone") if isinstance(profile, dict) else None
    return str(name) if name else None


def _tz(zone: str) -> dt.tzinfo:
    """The profile's time zone by name, or the clock's UTC offset (``offset:3600``)."""
    if zone.startswith(_OFFSET):
        return dt.timezone(dt.timedelta(seconds=int(zone[len(_OFFSET) :])))
    from zoneinfo import ZoneInfo

    return ZoneInfo(zone)


def _cached(cache: str, key: list[int], *, clock_zone: str) -> tuple[str, Dues | None]:
    """The dues saved for the store as it is now (same time, size and inode) and, when the profile has no
    time zone, the clock's current UTC offset, with their zone; ``None`` for no dues.

    Counting from the cache keeps ``remind`` fast on a large store: the store is parsed once per change,
    not at every shell start. A cache that cannot be read is simply rebuilt.
    """
    try:
        with open(cache, encoding="utf-8") as file:
            saved = json.load(file)
        zone = str(saved["zone"])
        if saved["version"] != CACHE_VERSION or saved["key"] != key:
            return clock_zone, None
        if zone.startswith(_OFFSET) and zone != clock_zone:
            return clock_zone, None
        days = {int(day): int(n) for day, n in saved["days"].items()}
        moments = {int(day): [float(m) for m in instants] for day, instants in saved["moments"].items()}
        return zone, Dues(days, moments)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return clock_zone, None


def _save_cache(cache: str, key: list[int], zone: str, dues: Dues) -> None:
    """Save the dues for the next run, atomically and privately; a cache that cannot be saved is skipped."""
    payload = {"version": CACHE_VERSION, "key": key, "zone": zone, "days": dues.days, "moments": dues.moments}
    temp = f"{cache}.{os.getpid()}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(payload, file)
        os.replace(temp, cache)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _unreadable(path: object, detail: str) -> int:
    sys.stderr.write(
        f"afterview remind: cannot read the store {path} ({detail}); run afterview todo for more.\n"
    )
    return int(ExitCode.STORE)


def remind() -> int:
    """One line saying how many steps are due today or overdue, for a shell start-up file or cron.

    Prints nothing when nothing is due.

    Exit status: 0 nothing due, 1 something due or overdue, 3 the store cannot be read.

    Example, in ~/.bashrc: afterview remind
    """
    return main()
