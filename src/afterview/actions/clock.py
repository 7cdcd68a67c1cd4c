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
    """Now in the IANA zone named ``timezone`` (the profile's), else in the system's zone (an IANA name, or
    the POSIX rule ``TZ`` gives, such as ``EST5EDT``), so that times typed later ("tomorrow 10:00") get that
    day's offset, summer time included; with neither, in the clock's own offset."""
    moment = now()
    zone = zone_named(timezone) if timezone else system_tzinfo()
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
    """The system's IANA zone name: the one ``TZ`` names or its POSIX rule matches (``EST5EDT`` →
    America/New_York, :func:`afterview.domain.zones.zone_from_tz`), else the system setting read by tzlocal;
    ``None`` if unknown, or when ``TZ`` is a rule no IANA zone keeps (:func:`system_tzinfo` follows it)."""
    found = _tz_variable()
    if found is not None:
        return found if isinstance(found, str) else None
    if os.environ.get("TZ", "").strip():
        return None  # a TZ neither name nor rule: never tzlocal's silent UTC for it
    try:
        import tzlocal

        return str(tzlocal.get_localzone_name()) or None
    except Exception:  # tzlocal raises its own errors for odd setups; the clock's offset is then the zone
        return None


def system_tzinfo() -> dt.tzinfo | None:
    """The system's zone as a tzinfo: :func:`system_zone`, else the POSIX rule in ``TZ`` itself; ``None``
    when neither says (the clock's own offset is then the zone)."""
    found = _tz_variable()
    if found is not None and not isinstance(found, str):
        return found
    return zone_named(system_zone())


def _tz_variable() -> str | dt.tzinfo | None:
    """What ``TZ`` names, read as an IANA name or a POSIX rule; ``None`` when unset or neither."""
    from afterview.domain.zones import zone_from_tz

    return zone_from_tz(os.environ.get("TZ"))
