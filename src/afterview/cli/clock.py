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
    """Now in the time zone named ``timezone`` (the profile's), else in the clock's own."""
    moment = now()
    if not timezone:
        return moment
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(timezone))
