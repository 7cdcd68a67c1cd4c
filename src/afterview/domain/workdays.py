"""Public holidays of the user's country for business-day arithmetic (``holidays``, loaded lazily).

:func:`public_holidays` returns a date container that imports ``holidays`` only the first time a date is
looked up, so commands that never count business days never pay for it; and not even then for a day in the
years of a :class:`KnownHolidays` (what the library said, kept by the caller: importing ``holidays`` costs
about 0.2 s, more than the rest of a write).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from functools import cached_property
from typing import Any, NamedTuple

from afterview.errors import UserError


class KnownHolidays(NamedTuple):
    """What the ``holidays`` library says of one country (and subdivision) for some whole years."""

    country: str
    subdivision: str | None
    years: tuple[int, ...]
    """The calendar years ``dates`` covers in full."""
    dates: frozenset[dt.date]
    weekend: frozenset[int]
    """The weekend days, as ``date.weekday()`` numbers."""


class PublicHolidays(Container[dt.date]):
    """The public holidays of ``country`` (and ``subdivision``), any year, loaded on first use.

    Raises UserError on first use (a lookup, :meth:`check` or :meth:`names`) when ``holidays`` knows no such
    country or subdivision.
    """

    def __init__(
        self,
        country: str,
        subdivision: str | None = None,
        *,
        known: KnownHolidays | None = None,
        language: str = "en",
    ) -> None:
        self.country = country
        self.subdivision = subdivision
        self.language = language
        fits = known is not None and (known.country, known.subdivision) == (country, subdivision)
        self.known = known if fits else None

    @cached_property
    def _calendar(self) -> Container[Any]:
        import holidays

        try:
            calendar: Any = holidays.country_holidays(self.country, subdiv=self.subdivision)
        except NotImplementedError:
            where = self.country + (f"-{self.subdivision}" if self.subdivision else "")
            raise UserError(
                f"afterview knows no public holidays for {where!r}.",
                hint="Set an ISO country code (and subdivision) it knows, e.g. "
                "afterview profile --country DE, then afterview schedule --subdivision BY.",
            ) from None
        chosen = holiday_language(self.language, calendar.supported_languages) or calendar.default_language
        return holidays.country_holidays(self.country, subdiv=self.subdivision, language=chosen)

    def __contains__(self, day: object) -> bool:
        if self.known is not None and isinstance(day, dt.date) and day.year in self.known.years:
            return day in self.known.dates
        return day in self._calendar

    def known_for(self, years: range) -> KnownHolidays:
        """What the library says for ``years`` (loading it), to keep for later runs.

        Raises UserError when the country or subdivision is unknown.
        """
        calendar: Any = self._calendar
        dates = frozenset(
            day for year in years for day in calendar[dt.date(year, 1, 1) : dt.date(year + 1, 1, 1)]
        )
        return KnownHolidays(self.country, self.subdivision, tuple(years), dates, frozenset(calendar.weekend))

    @property
    def weekend(self) -> Container[int]:
        """The country's weekend days as ``date.weekday()`` numbers (Friday and Saturday in Israel),
        as the ``holidays`` library knows them; loaded on first use like the holidays."""
        return _Weekend(self)

    def check(self) -> None:
        """Load the calendar now. Raises UserError when the country or subdivision is unknown."""
        self._calendar  # noqa: B018  (loading is the check)

    def names(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
        """The holidays from ``start`` to ``end`` inclusive, with their names."""
        calendar: Any = self._calendar
        return [(day, str(calendar[day])) for day in sorted(calendar[start : end + dt.timedelta(days=1)])]


def holiday_language(language: str, supported: tuple[str, ...] | list[str]) -> str | None:
    """The locale of the ``holidays`` library to name holidays in for ``language`` (``en``, ``de``, ``fr``,
    ``es``): that language as the calendar ``supported`` spells it (``en_US``, ``de``), else English, else
    ``None`` (the country's own language). Passed explicitly, so the names never follow ``LANG`` or
    ``LANGUAGE`` or the Python release."""
    for wanted in (language, "en"):
        for spelled in (wanted, f"{wanted}_US", f"{wanted}_GB"):
            if spelled in supported:
                return spelled
        found = sorted(code for code in supported if code.split("_")[0] == wanted)
        if found:
            return found[0]
    return None


def public_holidays(
    country: str | None,
    subdivision: str | None = None,
    *,
    known: KnownHolidays | None = None,
    language: str = "en",
) -> Container[dt.date]:
    """The public holidays for the profile's country, or none when no country is set; ``known`` answers
    for its years without the library when it is for the same country and subdivision; names in
    ``language`` (the profile's; see :func:`holiday_language`).

    Raises UserError (at the first lookup, not here) when the country or subdivision is unknown.
    """
    if not country:
        return frozenset()
    return PublicHolidays(
        country.upper(), subdivision.upper() if subdivision else None, known=known, language=language
    )


class _Weekend(Container[int]):
    """The weekend of a :class:`PublicHolidays` calendar, read from it only when first asked."""

    def __init__(self, calendar: PublicHolidays) -> None:
        self.calendar = calendar

    def __contains__(self, weekday: object) -> bool:
        if self.calendar.known is not None:
            return weekday in self.calendar.known.weekend
        calendar: Any = self.calendar._calendar
        return weekday in calendar.weekend


def weekend_of(holidays: Container[dt.date]) -> Container[int]:
    """The weekend that goes with a calendar from :func:`public_holidays`: the country's, else Saturday and
    Sunday."""
    from afterview.domain.dates import WEEKEND

    return holidays.weekend if isinstance(holidays, PublicHolidays) else WEEKEND
