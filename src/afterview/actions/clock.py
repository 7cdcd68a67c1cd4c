"""The clock, kept free of heavy imports so the ``remind`` fast path can read it too."""

from __future__ import annotations

import datetime as dt
import os

from afterview.errors import UserError

NOW_VARIABLE = "AFTERVIEW_NOW"


def now() -> dt.datetime:
    """The current time, time-zone aware; ``AFTERVIEW_NOW`` (ISO 8601 with offset) fixes it for tests."""
    fixed = os.environ.get(NOW_VARIABLE)
    if fixed:
        try:
            moment = dt.datetime.fromisoformat(fixed.replace("Z", "+00:00"))
        except ValueError:
            raise UserError(f"{NOW_VARIABLE}={fixed!r} is not an ISO 8601 date-time.") from None
        return moment if moment.tzinfo else moment.astimezone()
    return dt.datetime.now().astimezone()


def now_in(timezone: str | None) -> dt.datetime:
    """Now in the IANA zone named ``timezone`` (the profile's), else in the system's IANA zone, so that
    times typed later ("tomorrow 10:00") get that day's offset, summer time included; with neither, in the
    clock's own offset."""
    moment = now()
    zone = zone_named(timezone or system_zone())
    return moment.astimezone(zone) if zone is not None else moment


def zone_named(name: str | None) -> dt.tzinfo | None:
    """The IANA zone ``name``, or ``None`` when there is no name or the system's database lacks it."""
    if not name:
        return None
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return None


def system_zone() -> str | None:
    """The system's IANA zone name (``TZ``, else the system setting, read by tzlocal); ``None`` if unknown."""
    try:
        import tzlocal

        return str(tzlocal.get_localzone_name()) or None
    except Exception:  # tzlocal raises its own errors for odd setups; the clock's offset is then the zone
        return None
