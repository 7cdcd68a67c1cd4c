"""What ``log --at`` and ``outcome --on`` say back about a date typed without a year: which day it was taken
as (``→ Fri 13 Nov 2026, in 11 days``). Pure: "today" is a parameter."""

from __future__ import annotations

import datetime as dt
import re

from afterview.domain.dates import MONTHS, spoken_date

_FULL_YEAR = re.compile(r"(?<![\d:])\d{4}(?![\d:])")
_SHORT_YEAR = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b")
_DAY_AND_MONTH = re.compile(r"\b\d{1,2}[./-]\d{1,2}\b")


def has_year(text: str) -> bool:
    """Whether ``text`` (as :func:`afterview.domain.dates.parse_date` reads it) leaves no year to choose:
    it spells one out (``13 Nov 2026``, ``2026-11-13``, ``13/11/26``) or names no month at all (``tomorrow``,
    ``friday``, ``+3d``). ``13 Nov``, ``Nov 13 10:00`` and ``13/11`` have a year chosen for them."""
    words = " ".join(text.strip().lower().split())
    if _FULL_YEAR.search(words) or _SHORT_YEAR.search(words):
        return True
    names_month = any(word.strip(".,")[:3] in {m[:3] for m in MONTHS} for word in words.split())
    return not (names_month or _DAY_AND_MONTH.search(words))


def describe_chosen(day: dt.date, *, today: dt.date) -> str:
    """The day a date without a year was taken as, for the echo: ``Fri 13 Nov 2026, in 11 days``
    (``today``, ``tomorrow``, ``3 days ago``...); a date-time gives its day."""
    plain = day.date() if isinstance(day, dt.datetime) else day
    delta = (plain - today).days
    relative = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(delta)
    if relative is None:
        relative = f"in {delta} days" if delta > 0 else f"{-delta} days ago"
    return f"{spoken_date(plain)}, {relative}"
