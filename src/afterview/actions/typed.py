"""Dates and times as the user typed them for an option, read in the user's day (errors name the option)."""

from __future__ import annotations

import datetime as dt

from afterview.domain.dates import has_time, parse_date, parse_moment
from afterview.errors import UserError


def option_date(
    option: str,
    text: str,
    *,
    today: dt.date,
    past: bool = False,
    order: str | None = None,
    nearest: bool = False,
) -> dt.date:
    """:func:`parse_date`, with the option named in the error."""
    try:
        return parse_date(text, today=today, past=past, order=order, nearest=nearest)
    except UserError as error:
        raise UserError(f"{option}: {error.message}", hint=error.hint) from None


def option_moment(
    option: str,
    text: str,
    *,
    now: dt.datetime,
    past: bool = True,
    order: str | None = None,
    nearest: bool = False,
) -> dt.datetime:
    """:func:`parse_moment`, with the option named in the error."""
    try:
        return parse_moment(text, now=now, past=past, order=order, nearest=nearest)
    except UserError as error:
        raise UserError(f"{option}: {error.message}", hint=error.hint) from None


def option_due(option: str, text: str, *, now: dt.datetime, order: str | None = None) -> dt.date:
    """A due date as typed: a date, or a date-time when a time is given (``monday 18:00``)."""
    if has_time(text):
        return option_moment(option, text, now=now, past=False, order=order)
    return option_date(option, text, today=now.date(), order=order)


def year_echo(text: str, day: dt.date, *, today: dt.date) -> str | None:
    """What a date typed without a year was taken as (``13 Nov → Fri 13 Nov 2026, in 11 days``), or
    ``None`` when ``text`` leaves no year to choose."""
    from afterview.domain.date_echo import describe_chosen, has_year

    if has_year(text):
        return None
    return f"{text.strip()} → {describe_chosen(day, today=today)}"
