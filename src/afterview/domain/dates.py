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
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH_NUMBERS = (
    {name[:3]: n for n, name in enumerate(MONTHS, 1)}
    | {name: n for n, name in enumerate(MONTHS, 1)}
    | {"sept": 9}
)
DATE_ORDERS = ("DMY", "MDY", "YMD")
"""How numeric dates are read: 13/11/2026 (DMY), 11/13/2026 (MDY), 2026/11/13 (YMD)."""
DATE_EXAMPLES = (
    "2026-12-01, 13 Nov, Nov 13 2026, today, tomorrow, friday, next friday, +3d, +2w, in 3 days, 2 days ago"
)
_UNITS = {"d": 1, "day": 1, "days": 1, "w": 7, "week": 7, "weeks": 7}
# The patterns of what a person types, left to re's cache to compile on first use: a command that reads no
# typed date (``done``, ``list``) never pays the millisecond or so it takes to compile them all.
_OFFSET = r"^(?P<sign>[+-])\s*(?P<n>\d{1,4})\s*(?P<unit>d|w|days?|weeks?)$"
_IN = r"^in\s+(?P<n>\d{1,4})\s+(?P<unit>days?|weeks?)$"
_AGO = r"^(?P<n>\d{1,4})\s+(?P<unit>days?|weeks?)\s+ago$"
_ISO_DATETIME = r"^\d{4}-\d{2}-\d{2}[Tt]\d"
_TIME = r"^(?P<h>\d{1,2}):(?P<m>\d{2})$"
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_MONTH = rf"^(?P<d>\d{{1,2}}){_ORDINAL}\.?\s*(?P<m>[a-z]+)\.?,?(?:\s+(?P<y>\d{{4}}))?$"
_MONTH_DAY = rf"^(?P<m>[a-z]+)\.?\s*(?P<d>\d{{1,2}}){_ORDINAL},?(?:\s+(?P<y>\d{{4}}))?$"
_NUMERIC = r"^(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?:(?P=sep)(?P<c>\d{1,4}))?\.?$"


EARLIEST = dt.date(1970, 1, 1)
LATEST = dt.date(2100, 12, 31)
"""The dates afterview accepts, typed or imported: a job search in this range, not a typo in the year."""


def out_of_bounds(day: dt.date) -> str | None:
    """``"too far back"`` before :data:`EARLIEST`, ``"too far ahead"`` after :data:`LATEST`, else ``None``."""
    plain = day.date() if isinstance(day, dt.datetime) else day
    if plain < EARLIEST:
        return "too far back"
    return "too far ahead" if plain > LATEST else None


def check_bounds(day: dt.date, *, text: str) -> None:
    """Refuse a date outside :data:`EARLIEST`..:data:`LATEST` (the year 9999 overflows date arithmetic)."""
    plain = day.date() if isinstance(day, dt.datetime) else day
    if not EARLIEST <= plain <= LATEST:
        raise UserError(f"{text!r} is not between {EARLIEST.year} and {LATEST.year}.", hint="Check the year.")


def _bad_date(text: str) -> UserError:
    return UserError(f"Cannot read {text!r} as a date.", hint=f"Try one of: {DATE_EXAMPLES}.")


def parse_date(
    text: str, *, today: dt.date, past: bool = False, order: str | None = None, nearest: bool = False
) -> dt.date:
    """Read a date as a person types it.

    Accepts :data:`DATE_EXAMPLES`: ISO dates (an ISO date-time gives its day), ``today``, ``tomorrow``,
    ``yesterday``, offsets (``+3d``, ``-1w``, ``in 3 days``, ``2 weeks ago``), weekday names, and English
    month names (``13 Nov``, ``Nov 13``, ``13 November 2026``, ``November 13, 2026``, ``Fri 13 Nov``). A
    trailing ``HH:MM`` is allowed and left out: the result is the day.

    Numeric dates (``13/11/2026``, ``13.11.2026``, ``11-13``) are read in ``order`` (one of
    :data:`DATE_ORDERS`, the profile's or the locale's); without one they are refused rather than guessed
    (is 03/04 March or April?). A date that starts with a four-digit year is always year-month-day.

    When a date leaves something out, ``past`` says which way to look. A bare weekday name means the next
    one after today, or with ``past=True`` (for when something happened) the latest one up to today;
    ``next friday`` is always ahead, ``last friday`` always behind, ``this friday`` the one in the coming
    seven days, today included. A date without a year means the next such day from today on (due dates),
    or with ``past=True`` the latest one up to today (things that happened), or with ``nearest=True`` the
    one nearest today, within about six months either way (when something may have happened or be coming:
    ``13 Nov`` typed on 2 Nov 2026 is 13 Nov 2026, typed on 20 Jan 2027 it is 13 Nov 2026 too).

    Raises UserError when ``text`` is not a date it can read, is ambiguous, or a date it spells out lies
    outside :data:`EARLIEST`..:data:`LATEST`.
    """
    words = " ".join(text.strip().lower().split())
    head, _, last = words.rpartition(" ")
    if head and re.match(_TIME, last):
        _time_of_day(last)
        words = head
    if not words:
        raise _bad_date(text)
    simple = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}
    if words in simple:
        return today + dt.timedelta(days=simple[words])
    if match := re.match(_OFFSET, words) or re.match(_IN, words) or re.match(_AGO, words):
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
    if re.match(_ISO_DATETIME, words):
        day = _iso_datetime_day(text, words)
    else:
        try:
            day = dt.date.fromisoformat(words)
        except ValueError:
            match = re.match(_NUMERIC, words)
            if match:
                day = _numeric_date(text, match, today=today, past=past, order=order, nearest=nearest)
            else:
                day = _named_month_date(text, words, today=today, past=past, nearest=nearest)
    check_bounds(day, text=text)
    return day


def has_time(text: str) -> bool:
    """Whether ``text`` gives a time of day as well as a date (``monday 18:00``, ``2026-12-01T10:00``)."""
    words = " ".join(text.strip().split())
    return bool(re.match(_ISO_DATETIME, words) or re.match(_TIME, words.rpartition(" ")[2]))


def needs_date_order(text: str) -> bool:
    """Whether reading ``text`` depends on the date order (a numeric date not starting with its year)."""
    words = " ".join(text.strip().split())
    match = re.match(
        _NUMERIC, words.rpartition(" ")[0] if re.match(_TIME, words.rpartition(" ")[2]) else words
    )
    return bool(match and len(match["a"]) < 4)


def date_order_of_format(pattern: str) -> str | None:
    """The date order of a ``strftime`` pattern such as a locale's ``%d.%m.%Y``, else None."""
    positions = {key: pattern.find(code) for key, code in (("D", "%d"), ("M", "%m"), ("Y", "%Y"))}
    if positions["Y"] < 0:
        positions["Y"] = pattern.find("%y")
    if min(positions.values()) < 0:
        return None
    order = "".join(sorted(positions, key=positions.__getitem__))
    return order if order in DATE_ORDERS else None


def _numeric_date(
    text: str, match: re.Match[str], *, today: dt.date, past: bool, order: str | None, nearest: bool = False
) -> dt.date:
    """A date written in numbers, in ``order`` (a four-digit first part is always the year)."""
    first, second, third = match["a"], match["b"], match["c"]
    if len(first) == 4:
        if third is None:
            raise _bad_date(text)
        order = "YMD"
    elif order is None:
        a, b = int(first), int(second)
        day_first, month_first = f"{a} {_month_abbreviation(b)}", f"{_month_abbreviation(a)} {b}"
        example = {
            (True, True): f"{day_first} or {month_first}",
            (False, True): day_first,
            (True, False): month_first,
        }.get((a <= 12, b <= 12), "13 Nov")
        raise UserError(
            f"{text.strip()!r} is ambiguous: which part is the day and which the month?",
            hint=f"Write the month as a word ({example}) or the date as YYYY-MM-DD, or say how you write "
            "dates once: afterview profile --date-order DMY (or MDY, YMD).",
        )
    parts = [first, second, third] if third is not None else None
    if parts is None:  # day and month only
        day_text, month_text = (first, second) if order == "DMY" else (second, first)
        return _day_in_year(
            text, int(month_text), int(day_text), None, today=today, past=past, nearest=nearest
        )
    by_letter = dict(zip(order, parts, strict=True))
    year_text = by_letter["Y"]
    if len(year_text) not in (2, 4):
        raise _bad_date(text)
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    return _day_in_year(text, int(by_letter["M"]), int(by_letter["D"]), year, today=today, past=past)


def _named_month_date(text: str, words: str, *, today: dt.date, past: bool, nearest: bool = False) -> dt.date:
    """``13 Nov``, ``Nov 13``, ``13 November 2026``, ``November 13, 2026``; a weekday in front is checked."""
    named_weekday = None
    first, _, rest = words.partition(" ")
    if first.rstrip(",") in _WEEKDAY_ABBREVIATIONS and rest:
        named_weekday, words = _WEEKDAY_ABBREVIATIONS[first.rstrip(",")], rest
    match = re.match(_DAY_MONTH, words) or re.match(_MONTH_DAY, words)
    if match is None or match["m"] not in _MONTH_NUMBERS:
        raise _bad_date(text)
    year = int(match["y"]) if match["y"] else None
    day = _day_in_year(
        text, _MONTH_NUMBERS[match["m"]], int(match["d"]), year, today=today, past=past, nearest=nearest
    )
    if named_weekday is not None and day.weekday() != named_weekday:
        raise UserError(
            f"{spoken_date(day)} is a {WEEKDAYS[day.weekday()].title()}, "
            f"not a {WEEKDAYS[named_weekday].title()}.",
            hint="Give the date alone, e.g. 13 Nov, or the weekday alone, e.g. next friday.",
        )
    return day


def _day_in_year(
    text: str, month: int, day: int, year: int | None, *, today: dt.date, past: bool, nearest: bool = False
) -> dt.date:
    """That day of that month: in ``year``, else in the nearest year the way ``past`` looks, or (``nearest``)
    the one nearest ``today`` either way (the later one when two are as near)."""
    try:
        dt.date(2000 if year is None else year, month, day)  # 2000 was a leap year: 29 Feb exists
    except ValueError:
        raise UserError(
            f"Cannot read {text.strip()!r} as a date: "
            + (
                f"there is no {day} {MONTHS[month - 1].title()}"
                if 0 < month <= 12
                else f"there is no month {month}"
            )
            + ("" if year is None else f" in {year}")
            + ".",
            hint=f"Try one of: {DATE_EXAMPLES}.",
        ) from None
    if year is not None:
        return dt.date(year, month, day)
    if nearest:
        candidates = []
        for candidate in range(today.year - 4, today.year + 5):
            try:
                candidates.append(dt.date(candidate, month, day))
            except ValueError:  # 29 Feb outside a leap year
                continue
        return min(candidates, key=lambda found: (abs((found - today).days), found < today))
    step = -1 if past else 1
    for candidate in range(today.year, today.year + 9 * step, step):
        try:
            found = dt.date(candidate, month, day)
        except ValueError:  # 29 Feb outside a leap year
            continue
        if (found <= today) if past else (found >= today):
            return found
    raise _bad_date(text)  # pragma: no cover - a leap year comes within eight years


def _month_abbreviation(month: int) -> str:
    return MONTHS[month - 1][:3].title() if 0 < month <= 12 else "Nov"


def _time_of_day(text: str) -> dt.time:
    """``HH:MM`` on a 24-hour clock."""
    time_match = re.match(_TIME, text)
    if time_match is None or int(time_match["h"]) > 23 or int(time_match["m"]) > 59:
        raise UserError(f"{text!r} is not a time of day.", hint="Use 24-hour HH:MM, e.g. 14:30.")
    return dt.time(int(time_match["h"]), int(time_match["m"]))


def _iso_datetime_day(text: str, words: str) -> dt.date:
    """The calendar day of an ISO date-time typed where only a date is needed (as written, offset ignored)."""
    try:
        return dt.datetime.fromisoformat(words.upper().replace("Z", "+00:00")).date()
    except ValueError:
        raise _bad_date(text) from None


def parse_moment(
    text: str, *, now: dt.datetime, past: bool = True, order: str | None = None, nearest: bool = False
) -> dt.datetime:
    """Read when something happens: an ISO date-time, or a date (as :func:`parse_date`, bare weekday names
    and dates without a year looking back unless ``past=False``; with ``nearest=True`` a date without a year
    is the one nearest today, as ``log --at`` wants) with an optional ``HH:MM``. A date alone
    means the current time of day if it is today, else noon. Naive times are in ``now``'s time zone; the
    result is always time-zone aware.

    Raises UserError when ``text`` is not a date and time it can read, or its time is not a time of day.
    """
    tz = now.tzinfo
    words = " ".join(text.strip().split())
    try:
        moment = (
            dt.datetime.fromisoformat(words.replace("Z", "+00:00"))
            if re.match(_ISO_DATETIME, words)
            else None
        )
    except ValueError:
        raise UserError(
            f"Cannot read {text!r} as a date and time.", hint="Try 2026-11-20T14:00 or 'yesterday 14:00'."
        ) from None
    if moment is None:
        day_text, _, time_text = words.rpartition(" ")
        if not re.match(_TIME, time_text):
            day_text, time_text = words, ""
        elif not day_text:
            day_text = "today"
        day = parse_date(day_text, today=now.date(), past=past, order=order, nearest=nearest)
        if time_text:
            moment = dt.datetime.combine(day, _time_of_day(time_text))
        elif day == now.date():
            moment = now.replace(second=0, microsecond=0, tzinfo=None)
        else:
            moment = dt.datetime.combine(day, dt.time(12, 0))
    check_bounds(moment, text=text)
    return moment if moment.tzinfo is not None else _wall_time(moment, tz, text=text)


def _wall_time(moment: dt.datetime, tz: dt.tzinfo | None, *, text: str) -> dt.datetime:
    """``moment``, a wall-clock time, in ``tz``. Refused (UserError, naming the time it would be) when the
    clocks skip it there: 02:30 on the night summer time begins does not happen, and an interview booked
    "at 02:30" would be stored an hour off from what ``show`` then prints."""
    aware = moment.replace(tzinfo=tz)
    if tz is None:
        return aware
    happens = aware.astimezone(dt.UTC).astimezone(tz)
    if happens.replace(tzinfo=None) == moment:
        return aware
    where = getattr(tz, "key", None) or aware.tzname() or "your time zone"
    raise UserError(
        f"{text.strip()!r}: {moment:%H:%M} on {spoken_date(moment.date())} does not happen in {where}: the "
        "clocks jump forward past it that night.",
        hint=f"Did you mean {happens:%H:%M}? Type the time the clocks show.",
    )


def spoken_date(value: dt.date) -> str:
    """A date in words with its year, ``Fri 6 Nov 2026``; a date-time adds ``10:00``."""
    words = f"{value:%a} {value.day} {value:%b} {value.year}"
    return f"{words} {value:%H:%M}" if isinstance(value, dt.datetime) else words


WEEKEND = frozenset({5, 6})
"""Saturday and Sunday (``date.weekday()`` numbers), the weekend where the country's is not known."""


def add_business_days(
    start: dt.date, days: int, *, holidays: Container[dt.date] = (), weekend: Container[int] = WEEKEND
) -> dt.date:
    """The date ``days`` business days after ``start``, skipping the ``weekend`` days (``date.weekday()``
    numbers: Friday and Saturday in Israel) and ``holidays``."""
    day = start
    remaining = days
    while remaining > 0:
        day += dt.timedelta(days=1)
        if day.weekday() not in weekend and day not in holidays:
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
    else:
        weeks = (abs(delta) * 2 + 7) // 14  # to the nearest whole week, half a week up: 13 days is 2 weeks
        amount = "a week" if weeks == 1 else f"{weeks} weeks"
        relative = f"in {amount}" if delta > 0 else f"{amount} ago"
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
    return due_moment(due, now.tzinfo or dt.UTC) < now


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
