"""Dates people type, business-day arithmetic and how dates are shown. Pure: "today" is a parameter."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Mapping

from afterview.errors import UserError

TYPE_CHECKING = False  # importing typing costs start-up time; mypy reads this as typing.TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Any

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBREVIATIONS = {name[:3]: i for i, name in enumerate(WEEKDAYS)} | {
    name: i for i, name in enumerate(WEEKDAYS)
}
DATE_EXAMPLES = "2026-12-01, today, tomorrow, yesterday, friday, next friday, +3d, +2w, in 3 days, 2 days ago"
_UNITS = {"d": 1, "day": 1, "days": 1, "w": 7, "week": 7, "weeks": 7}
_OFFSET = re.compile(r"^(?P<sign>[+-])\s*(?P<n>\d{1,4})\s*(?P<unit>d|w|days?|weeks?)$")
_IN = re.compile(r"^in\s+(?P<n>\d{1,4})\s+(?P<unit>days?|weeks?)$")
_AGO = re.compile(r"^(?P<n>\d{1,4})\s+(?P<unit>days?|weeks?)\s+ago$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d")
_TIME = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})$")


EARLIEST = dt.date(1970, 1, 1)
LATEST = dt.date(2100, 12, 31)
"""The dates afterview accepts, typed or imported: a job search in this range, not a typo in the year."""


def check_bounds(day: dt.date, *, text: str) -> None:
    """Refuse a date outside :data:`EARLIEST`..:data:`LATEST` (the year 9999 overflows date arithmetic)."""
    plain = day.date() if isinstance(day, dt.datetime) else day
    if not EARLIEST <= plain <= LATEST:
        raise UserError(f"{text!r} is not between {EARLIEST.year} and {LATEST.year}.", hint="Check the year.")


def _bad_date(text: str) -> UserError:
    return UserError(f"Cannot read {text!r} as a date.", hint=f"Try one of: {DATE_EXAMPLES}.")


def parse_date(text: str, *, today: dt.date, past: bool = False) -> dt.date:
    """Read a date as a person types it.

    Accepts :data:`DATE_EXAMPLES`: ISO dates (an ISO date-time gives its day), ``today``, ``tomorrow``,
    ``yesterday``, offsets (``+3d``, ``-1w``, ``in 3 days``, ``2 weeks ago``) and weekday names. A bare
    weekday name means the next one after today, or with ``past=True`` (for when something happened) the
    latest one up to today; ``next friday`` is always ahead, ``last friday`` always behind, ``this friday``
    the one in the coming seven days, today included. Slash dates are refused rather than guessed (is
    03/04 March or April?), and so is anything else unknown, with examples.

    Raises UserError when ``text`` is not a date it can read, or is a slash date.
    """
    words = " ".join(text.strip().lower().split())
    if not words:
        raise _bad_date(text)
    simple = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}
    if words in simple:
        return today + dt.timedelta(days=simple[words])
    if match := _OFFSET.match(words) or _IN.match(words) or _AGO.match(words):
        days = int(match["n"]) * _UNITS[match["unit"]]
        negative = match.groupdict().get("sign") == "-" or words.endswith("ago")
        return today + dt.timedelta(days=-days if negative else days)
    relation, _, name = words.rpartition(" ")
    if name in _WEEKDAY_ABBREVIATIONS and relation in ("", "next", "this", "last"):
        weekday = _WEEKDAY_ABBREVIATIONS[name]
        if relation == "this":
            return today + dt.timedelta(days=(weekday - today.weekday()) % 7)
        if relation == "next" or (relation == "" and not past):
            return today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
        return today - dt.timedelta(days=(today.weekday() - weekday) % 7 or (7 if relation else 0))
    if "/" in words:
        raise UserError(
            f"{text!r} is ambiguous: write dates as YYYY-MM-DD.", hint=f"Try one of: {DATE_EXAMPLES}."
        )
    try:
        day = _iso_datetime_day(text, words) if _ISO_DATETIME.match(words) else dt.date.fromisoformat(words)
    except ValueError:
        raise _bad_date(text) from None
    check_bounds(day, text=text)
    return day


def _iso_datetime_day(text: str, words: str) -> dt.date:
    """The calendar day of an ISO date-time typed where only a date is needed (as written, offset ignored)."""
    try:
        return dt.datetime.fromisoformat(words.upper().replace("Z", "+00:00")).date()
    except ValueError:
        raise _bad_date(text) from None


def parse_moment(text: str, *, now: dt.datetime, past: bool = True) -> dt.datetime:
    """Read when something happens: an ISO date-time, or a date (as :func:`parse_date`, bare weekday names
    looking back unless ``past=False``) with an optional ``HH:MM``. A date alone means the current time of
    day if it is today, else noon. Naive times are in ``now``'s time zone; the result is always time-zone
    aware.

    Raises UserError when ``text`` is not a date and time it can read, or its time is not a time of day.
    """
    tz = now.tzinfo
    words = " ".join(text.strip().split())
    try:
        moment = (
            dt.datetime.fromisoformat(words.replace("Z", "+00:00")) if _ISO_DATETIME.match(words) else None
        )
    except ValueError:
        raise UserError(
            f"Cannot read {text!r} as a date and time.", hint="Try 2026-11-20T14:00 or 'yesterday 14:00'."
        ) from None
    if moment is None:
        day_text, _, time_text = words.rpartition(" ")
        if not _TIME.match(time_text):
            day_text, time_text = words, ""
        elif not day_text:
            day_text = "today"
        day = parse_date(day_text, today=now.date(), past=past)
        if time_text:
            time_match = _TIME.match(time_text)
            assert time_match is not None
            hour, minute = int(time_match["h"]), int(time_match["m"])
            if hour > 23 or minute > 59:
                raise UserError(f"{time_text!r} is not a time of day.", hint="Use 24-hour HH:MM, e.g. 14:30.")
            moment = dt.datetime.combine(day, dt.time(hour, minute))
        elif day == now.date():
            moment = now.replace(second=0, microsecond=0, tzinfo=None)
        else:
            moment = dt.datetime.combine(day, dt.time(12, 0))
    check_bounds(moment, text=text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=tz)


def add_business_days(start: dt.date, days: int, *, holidays: Container[dt.date] = ()) -> dt.date:
    """The date ``days`` business days after ``start``, skipping weekends and ``holidays``."""
    day = start
    remaining = days
    while remaining > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            remaining -= 1
    return day


def short_date(day: dt.date, *, today: dt.date | None = None) -> str:
    """``Fri 27 Nov``, with the year when it is not ``today``'s."""
    year = f" {day.year}" if today is not None and day.year != today.year else ""
    return f"{day:%a} {day.day} {day:%b}{year}"


def describe_day(day: dt.date, *, today: dt.date) -> str:
    """A date as people say it, relative and absolute: ``tomorrow, Fri 27 Nov``."""
    delta = (day - today).days
    absolute = short_date(day, today=today)
    if delta == 0:
        relative = "today"
    elif delta == 1:
        relative = "tomorrow"
    elif delta == -1:
        relative = "yesterday"
    elif 1 < delta < 7:
        relative = f"in {delta} days"
    elif -7 < delta < -1:
        relative = f"{-delta} days ago"
    elif delta >= 7:
        relative = f"in {round(delta / 7)} weeks" if delta >= 14 else "in a week"
    else:
        relative = f"{round(-delta / 7)} weeks ago" if delta <= -14 else "a week ago"
    return f"{relative}, {absolute}"


def describe_due(due: dt.date, *, now: dt.datetime) -> str:
    """A step's due date or date-time as people say it: ``tomorrow 14:00, Fri 27 Nov``."""
    if isinstance(due, dt.datetime):
        local = due.astimezone(now.tzinfo)
        relative, _, absolute = describe_day(local.date(), today=now.date()).partition(", ")
        return f"{relative} {local:%H:%M}, {absolute}"
    return describe_day(due, today=now.date())


def snoozed_due(due: dt.date, snoozed_until: dt.date | None) -> dt.date:
    """When a step is due (a date or a date-time), counting a snooze to a later day."""
    day = due.date() if isinstance(due, dt.datetime) else due
    return snoozed_until if snoozed_until is not None and snoozed_until > day else due


def due_moment(due: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """A due date as an instant: a date alone is due by the end of that day."""
    if isinstance(due, dt.datetime):
        return due
    return dt.datetime.combine(due, dt.time.max, tzinfo=tz)


def is_past(due: dt.date, *, now: dt.datetime) -> bool:
    """Whether ``due`` (a date counts to the end of that day, in ``now``'s zone) has gone by."""
    return due_moment(due, now.tzinfo or dt.timezone.utc) < now


def stored_due(text: str) -> dt.date:
    """A due as the store and its index keep it: an ISO date, or a date-time with its offset (``Z`` too)."""
    if "T" not in text:
        return dt.date.fromisoformat(text)
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"due {text!r} has no time-zone offset")
    return moment


def indexed_due(step: Mapping[str, Any]) -> dt.date:
    """An indexed step's due date or date-time, counting a snooze.

    The same rule as :func:`afterview.domain.steps.effective_due`, on the index's plain dicts.

    ``step`` is one entry of the derived index's ``pending`` list (:func:`afterview.store.index.build`).
    """
    snoozed = step.get("snoozed_until")
    return snoozed_due(stored_due(step["due"]), dt.date.fromisoformat(snoozed) if snoozed else None)
