"""What the ``holidays`` library said of the profile's country, kept so that a write need not import it.

Importing ``holidays`` costs about 0.2 s, more than the rest of ``done`` or ``log``, and a business day is
counted on nearly every write. So the dates it gives for a few whole years are kept in
``cache/holidays.json`` (under ``AFTERVIEW_HOME``, else the platform's cache directory). Like the index it
is derived, never the only copy of anything, and safe to delete: it names the country, subdivision, years and
library version it was made from, and a file that does not fit (or does not load) is ignored and made again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from typing import TYPE_CHECKING, NamedTuple, TypedDict

from afterview.store import files, paths
from afterview.store.privacy import private_dir

if TYPE_CHECKING:
    from pathlib import Path

FORMAT = "afterview-holidays"
VERSION = 1
NAME = "holidays.json"


class CachedHolidays(TypedDict):
    """The cache file: one country's (and subdivision's) public holidays for some whole years, as the
    library gave them."""

    format: str
    version: int
    library: str
    """The ``holidays`` release that gave them."""
    country: str
    subdivision: str | None
    years: list[int]
    dates: list[str]
    """ISO 8601 dates."""
    weekend: list[int]
    """``date.weekday()`` numbers."""


def path() -> Path:
    """Where the cache lives."""
    return paths.cache_dir() / NAME


def library_version() -> str:
    """The installed ``holidays`` release, without importing it: from the name of its metadata folder beside
    the package (``holidays-0.109.dist-info``), which costs a directory listing where
    ``importlib.metadata`` would read every installed distribution's; from ``importlib.metadata`` when the
    folder is not there (another kind of install)."""
    from pathlib import Path

    folders = (Path(entry or ".") for entry in sys.path)
    parent = next((folder for folder in folders if (folder / "holidays/__init__.py").is_file()), None)
    if parent is not None:
        with contextlib.suppress(OSError):
            found = [
                entry.name[len("holidays-") : -len(".dist-info")]
                for entry in os.scandir(parent)
                if entry.name.startswith("holidays-") and entry.name.endswith(".dist-info")
            ]
            if len(found) == 1:
                return found[0]
    from importlib.metadata import version

    return version("holidays")


class Kept(NamedTuple):
    """What the cache holds of one country (and subdivision), read back."""

    years: tuple[int, ...]
    dates: frozenset[dt.date]
    weekend: frozenset[int]
    """``date.weekday()`` numbers."""


def load(country: str, subdivision: str | None, *, years: range, library: str) -> Kept | None:
    """The cached holidays if they are for this country, subdivision and library and cover ``years``;
    ``None`` for a cache that is missing, for something else, or damaged (it is then made again)."""
    try:
        found = json.loads(path().read_bytes())
        fits = (
            isinstance(found, dict)
            and (found.get("format"), found.get("version"), found.get("library"))
            == (FORMAT, VERSION, library)
            and (found.get("country"), found.get("subdivision")) == (country, subdivision)
            and isinstance(found.get("years"), list)
            and all(type(year) is int for year in found["years"])
            and set(years) <= set(found["years"])
            and isinstance(found.get("dates"), list)
            and isinstance(found.get("weekend"), list)
            and all(type(day) is int and 0 <= day <= 6 for day in found["weekend"])
        )
        if not fits:
            return None
        dates = frozenset(dt.date.fromisoformat(day) for day in found["dates"])
    except (OSError, ValueError, TypeError):  # unreadable, not JSON, a date that is not one: damaged
        return None
    return Kept(tuple(found["years"]), dates, frozenset(found["weekend"]))


def save(country: str, subdivision: str | None, *, library: str, kept: Kept) -> None:
    """Write the cache atomically; a failure only means the library is imported again next time. Its folder
    is created (0700) only inside one that exists: never ``AFTERVIEW_HOME`` itself, which the store's first
    save creates as it should be."""
    target = path()
    if not target.parent.parent.is_dir():
        return
    entry: CachedHolidays = {
        "format": FORMAT,
        "version": VERSION,
        "library": library,
        "country": country,
        "subdivision": subdivision,
        "years": list(kept.years),
        "dates": sorted(day.isoformat() for day in kept.dates),
        "weekend": sorted(kept.weekend),
    }
    with contextlib.suppress(OSError):
        private_dir(target.parent)
        files.write_atomically(target, json.dumps(entry).encode("utf-8"))
