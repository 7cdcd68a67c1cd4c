"""What a use case needs from the outside world: the clock, the time zone, the store and the planning
context (the profile country's public holidays, from the cache or the ``holidays`` library)."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

from afterview.actions import clock, notices
from afterview.errors import UserError
from afterview.store import paths

if TYPE_CHECKING:  # imported where used: the fast paths need now() without loading the models
    from afterview.domain.planning import PlanContext
    from afterview.domain.workdays import KnownHolidays
    from afterview.models.document import Document
    from afterview.models.records import Profile
    from afterview.store.storefile import Store

LOCK_TIMEOUT_VARIABLE = "AFTERVIEW_LOCK_TIMEOUT"

now = clock.now
"""The current time (see :func:`afterview.actions.clock.now`)."""
NOW_VARIABLE = clock.NOW_VARIABLE


def user_tz(profile: Profile) -> dt.tzinfo:
    """The profile's time zone, else the system's."""
    if profile.timezone:
        from zoneinfo import ZoneInfo

        return ZoneInfo(profile.timezone)
    tz = now().tzinfo
    assert tz is not None
    return tz


def local_now(profile: Profile) -> dt.datetime:
    """Now, in the user's time zone."""
    return clock.now_in(profile.timezone)


def date_order(profile: Profile) -> str | None:
    """How the user writes numeric dates: the profile's ``date_order``, else their locale's, else None
    (numeric dates other than ISO are then refused as ambiguous)."""
    return profile.date_order or locale_date_order()


def locale_date_order() -> str | None:
    """The date order of the locale the environment names (``LC_ALL``, ``LC_TIME``, ``LANG``), or None for
    the C locale and where the platform cannot say (Windows: set it in the profile)."""
    import locale

    from afterview.domain.dates import date_order_of_format

    try:
        previous = locale.setlocale(locale.LC_TIME)
        name = locale.setlocale(locale.LC_TIME, "")
        try:
            pattern = locale.nl_langinfo(locale.D_FMT)
        finally:
            locale.setlocale(locale.LC_TIME, previous)  # month and day names stay English
    except (locale.Error, AttributeError):
        return None
    if name.split(".")[0] in ("C", "POSIX"):
        return None
    return date_order_of_format(pattern)


def open_store() -> Store:
    """The store under ``AFTERVIEW_HOME`` or the platform's data directory."""
    from afterview.store.storefile import DEFAULT_LOCK_TIMEOUT, Store

    timeout = os.environ.get(LOCK_TIMEOUT_VARIABLE)
    try:
        lock_timeout = float(timeout) if timeout else DEFAULT_LOCK_TIMEOUT
    except ValueError:
        raise UserError(f"{LOCK_TIMEOUT_VARIABLE}={timeout!r} is not a number of seconds.") from None
    return Store(
        paths.store_path(), clock=now, lock_timeout=lock_timeout, warn=notices.warn, after_save=_after_save
    )


def _after_save(document: Document) -> None:
    """After every save: rewrite the live calendar, when one is set (``afterview calendar --file``)."""
    if document.profile.calendar_file:
        from afterview.actions.livecalendar import write_live

        write_live(document, now=local_now(document.profile))


def context(document: Document) -> PlanContext:
    """What the step engine needs besides an interview, with the profile country's public holidays
    (loaded only when a business day is first counted)."""
    from afterview.domain.planning import plan_context
    from afterview.domain.workdays import public_holidays, weekend_of

    profile = document.profile
    now = local_now(profile)
    known = known_holidays(profile, now.year)
    holidays = public_holidays(profile.country, profile.subdivision, known=known)
    return plan_context(
        document, tz=user_tz(profile), holidays=holidays, weekend=weekend_of(holidays), now=now
    )


def known_holidays(profile: Profile, year: int) -> KnownHolidays | None:
    """The profile country's holidays for the years around ``year`` (one before, two after), from the
    cache when it has them, else from the ``holidays`` library, kept in the cache for next time
    (:mod:`afterview.store.holiday_cache`). ``None`` without a country, or for one the library does not
    know (the lookup then says so, as before)."""
    from afterview.domain.workdays import KnownHolidays, PublicHolidays
    from afterview.store import holiday_cache

    if not profile.country:
        return None
    country = profile.country.upper()
    subdivision = profile.subdivision.upper() if profile.subdivision else None
    years, library = range(year - 1, year + 3), holiday_cache.library_version()
    kept = holiday_cache.load(country, subdivision, years=years, library=library)
    if kept is not None:
        return KnownHolidays(country, subdivision, kept.years, kept.dates, kept.weekend)
    try:
        known = PublicHolidays(country, subdivision).known_for(years)
    except UserError:
        return None
    kept = holiday_cache.Kept(known.years, known.dates, known.weekend)
    holiday_cache.save(country, subdivision, library=library, kept=kept)
    return known
