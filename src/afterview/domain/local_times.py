"""Times in the user's own day: an interview in another zone says whose each time is ("15:00 New York,
21:00 your time"). Pure: the user's zone is a parameter."""

from __future__ import annotations

import datetime as dt

TYPE_CHECKING = False  # importing typing costs start-up (remind); mypy reads it as typing.TYPE_CHECKING
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any

    from afterview.models.records import Interview


def place_of(zone: str | None) -> str | None:
    """The place an IANA zone is named after: ``America/New_York`` → ``New York``; ``None`` for none."""
    if not zone:
        return None
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def elsewhere(at: dt.datetime, *, zone: str | None, local: dt.tzinfo) -> bool:
    """Whether the interview's own clock (``at`` in its zone) reads differently from the user's."""
    there = _there(at, zone)
    return there.utcoffset() != at.astimezone(local).utcoffset()


def both_times(at: dt.datetime, *, zone: str | None, local: dt.tzinfo, day: bool = False) -> str:
    """``15:00 New York, 21:00 your time`` for an interview in another zone, else ``21:00``; with ``day``,
    each time has its day (``Thu 3 Dec 2026 15:00 New York, Thu 3 Dec 2026 21:00 your time``)."""
    mine = at.astimezone(local)
    if zone and zone == getattr(local, "key", None):  # the user's own zone: one clock (list's 10,000 rows)
        return _clock(mine, day=day)
    there = _there(at, zone)
    if there.utcoffset() == mine.utcoffset():
        return _clock(mine, day=day)
    place = place_of(zone) or there.strftime("%z")
    return f"{_clock(there, day=day)} {place}, {_clock(mine, day=day)} your time"


def _clock(moment: dt.datetime, *, day: bool) -> str:
    return f"{moment:%a} {moment.day} {moment:%b} {moment.year} {moment:%H:%M}" if day else f"{moment:%H:%M}"


def local_first(at: dt.datetime, *, zone: str | None, local: dt.tzinfo) -> str:
    """``21:00 (15:00 New York)``: the user's time first, the interview's in brackets when it differs."""
    there, mine = _there(at, zone), at.astimezone(local)
    if not elsewhere(at, zone=zone, local=local):
        return f"{mine:%H:%M}"
    return f"{mine:%H:%M} ({there:%H:%M} {place_of(zone) or there.strftime('%z')})"


def _there(at: dt.datetime, zone: str | None) -> dt.datetime:
    if zone:
        from zoneinfo import ZoneInfo

        try:
            return at.astimezone(ZoneInfo(zone))
        except (ValueError, KeyError, OSError):
            return at
    return at


class Ahead:
    """An interview still to come, as the day's views name it (also kept in the derived index).

    A plain class, not a dataclass: ``remind`` builds these at every shell start, and importing
    :mod:`dataclasses` (with :mod:`inspect`) would be a fifth of its time."""

    __slots__ = ("at", "company", "id", "location", "timezone")

    def __init__(
        self, id: int, company: str, at: dt.datetime, timezone: str | None = None, location: str | None = None
    ) -> None:
        self.id, self.company, self.at, self.timezone, self.location = id, company, at, timezone, location

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Ahead) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Ahead{self._fields()!r}"

    def _fields(self) -> tuple[int, str, dt.datetime, str | None, str | None]:
        return (self.id, self.company, self.at, self.timezone, self.location)


def ahead_today(items: Iterable[Ahead], *, now: dt.datetime) -> list[Ahead]:
    """The interviews still to come on the user's day (``now``'s date, in ``now``'s zone), soonest first."""
    local = now.tzinfo or dt.UTC
    return sorted(
        (item for item in items if item.at > now and item.at.astimezone(local).date() == now.date()),
        key=lambda item: (item.at, item.id),
    )


def today_line(item: Ahead, *, now: dt.datetime) -> str:
    """``Interview today 21:00 (15:00 New York): Brightwave · https://meet.example/abc``."""
    when = local_first(item.at, zone=item.timezone, local=now.tzinfo or dt.UTC)
    place = f" · {item.location}" if item.location else ""
    return f"Interview today {when}: {item.company}{place}"


def ahead_of(interviews: Iterable[Interview], *, now: dt.datetime | None = None) -> list[Ahead]:
    """The rounds of open processes not yet held (no memory-dump step yet) and not cancelled; with ``now``,
    only those after it."""
    from afterview.models.enums import StepKind

    return [
        Ahead(i.id, i.company, i.at, i.timezone, i.location)
        for i in interviews
        if not i.process.ended
        and i.cancelled is None
        and (now is None or i.at > now)
        and not any(step.kind is StepKind.MEMORY_DUMP for step in i.steps)
    ]


def from_index(items: Iterable[Mapping[str, Any]]) -> list[Ahead]:
    """The upcoming interviews as the derived index keeps them (``id``, ``company``, ``at``, ``timezone``,
    ``location``)."""
    return [
        Ahead(
            item["id"],
            item["company"],
            dt.datetime.fromisoformat(item["at"]),
            item["timezone"],
            item["location"],
        )
        for item in items
    ]
