"""Time zones as a system names them in ``TZ``: an IANA name, a path to a zone file, or a POSIX rule.

POSIX rules (POSIX.1-2017 §8.3, the ``TZ`` variable; also the footer of every TZif file, RFC 8536 §3.3) are
common in containers and on old servers: ``EST5EDT``, ``CET-1CEST,M3.5.0,M10.5.0/3``. tzlocal answers
``Etc/UTC`` for them, which is wrong for anyone outside UTC. :func:`zone_from_tz` maps a rule to the IANA zone
that keeps it (:data:`POSIX_ZONES`), and otherwise follows the rule itself (:class:`PosixZone`); it never
falls back to UTC. Pure: the value of ``TZ`` is a parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_NAME = r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)"
_OFFSET = r"[+-]?\d{1,2}(?::\d{1,2}){0,2}"
_TIME = r"[+-]?\d{1,3}(?::\d{1,2}){0,2}"
_DATE = r"(?:J\d{1,3}|\d{1,3}|M\d{1,2}\.\d\.\d)"
_RULE = re.compile(
    rf"^(?P<std>{_NAME})(?P<std_offset>{_OFFSET})"
    rf"(?:(?P<dst>{_NAME})(?P<dst_offset>{_OFFSET})?"
    rf"(?:,(?P<start>{_DATE})(?:/(?P<start_time>{_TIME}))?,(?P<end>{_DATE})(?:/(?P<end_time>{_TIME}))?)?)?$"
)
US_RULE = ("M3.2.0", "M11.1.0")
"""The transitions a rule without any takes (the US rules since 2007, as glibc's default ``posixrules``)."""

POSIX_ZONES = {
    "EST5EDT,M3.2.0,M11.1.0": "America/New_York",
    "CST6CDT,M3.2.0,M11.1.0": "America/Chicago",
    "MST7MDT,M3.2.0,M11.1.0": "America/Denver",
    "PST8PDT,M3.2.0,M11.1.0": "America/Los_Angeles",
    "AKST9AKDT,M3.2.0,M11.1.0": "America/Anchorage",
    "HST10HDT,M3.2.0,M11.1.0": "America/Adak",
    "AST4ADT,M3.2.0,M11.1.0": "America/Halifax",
    "NST3:30NDT,M3.2.0,M11.1.0": "America/St_Johns",
    "MST7": "America/Phoenix",
    "HST10": "Pacific/Honolulu",
    "GMT0BST,M3.5.0/1,M10.5.0": "Europe/London",
    "WET0WEST,M3.5.0/1,M10.5.0": "Europe/Lisbon",
    "CET-1CEST,M3.5.0,M10.5.0/3": "Europe/Brussels",
    "MET-1MEST,M3.5.0,M10.5.0/3": "Europe/Brussels",
    "EET-2EEST,M3.5.0/3,M10.5.0/4": "Europe/Athens",
    "MSK-3": "Europe/Moscow",
    "IST-2IDT,M3.4.4/26,M10.5.0": "Asia/Jerusalem",
    "SAST-2": "Africa/Johannesburg",
    "EAT-3": "Africa/Nairobi",
    "WAT-1": "Africa/Lagos",
    "PKT-5": "Asia/Karachi",
    "IST-5:30": "Asia/Kolkata",
    "WIB-7": "Asia/Jakarta",
    "CST-8": "Asia/Shanghai",
    "HKT-8": "Asia/Hong_Kong",
    "PST-8": "Asia/Manila",
    "AWST-8": "Australia/Perth",
    "JST-9": "Asia/Tokyo",
    "KST-9": "Asia/Seoul",
    "ACST-9:30ACDT,M10.1.0,M4.1.0/3": "Australia/Adelaide",
    "AEST-10": "Australia/Brisbane",
    "AEST-10AEDT,M10.1.0,M4.1.0/3": "Australia/Sydney",
    "NZST-12NZDT,M9.5.0,M4.1.0/3": "Pacific/Auckland",
}
"""POSIX rules and the IANA zone whose current rule each is (the footer of its TZif file). Where several
zones share a rule, the one tzdata itself links the legacy name to (``CET`` → Europe/Brussels, ``EET`` →
Europe/Athens, since tzdata 2024b)."""


@dataclass(frozen=True)
class PosixRule:
    """A POSIX ``TZ`` rule, read: offsets east of UTC (the opposite sign of the rule's), transitions as
    written (``M3.5.0``, ``J60``, ``59``) with their local times."""

    std: str
    std_offset: dt.timedelta
    dst: str | None = None
    dst_offset: dt.timedelta | None = None
    start: str | None = None
    start_time: dt.timedelta = dt.timedelta(hours=2)
    end: str | None = None
    end_time: dt.timedelta = dt.timedelta(hours=2)


def parse_posix_rule(text: str) -> PosixRule | None:
    """The rule a ``TZ`` value such as ``CET-1CEST,M3.5.0,M10.5.0/3`` spells, else ``None``.

    A daylight-saving name without transitions takes :data:`US_RULE`; a daylight offset left out is one
    hour ahead of standard time; a transition time left out is 02:00.
    """
    match = _RULE.match(text.strip())
    if match is None:
        return None
    std_offset = -_duration(match["std_offset"])
    if abs(std_offset) > dt.timedelta(hours=24):
        return None
    if match["dst"] is None:
        return PosixRule(_bare(match["std"]), std_offset)
    dst_offset = (
        -_duration(match["dst_offset"]) if match["dst_offset"] else std_offset + dt.timedelta(hours=1)
    )
    start, end = (match["start"], match["end"]) if match["start"] else US_RULE
    two = dt.timedelta(hours=2)
    rule = PosixRule(
        std=_bare(match["std"]),
        std_offset=std_offset,
        dst=_bare(match["dst"]),
        dst_offset=dst_offset,
        start=start,
        start_time=_duration(match["start_time"]) if match["start_time"] else two,
        end=end,
        end_time=_duration(match["end_time"]) if match["end_time"] else two,
    )
    try:
        _transition_day(start, 2026), _transition_day(end, 2026)
    except ValueError:
        return None
    if not dt.timedelta(hours=-24) <= dst_offset - std_offset <= dt.timedelta(hours=24):
        return None
    return rule


def zone_from_tz(value: str | None) -> str | dt.tzinfo | None:
    """The zone a ``TZ`` value names: an IANA name (``Europe/Berlin``, ``:America/New_York``, a path ending in
    ``zoneinfo/<name>``), the IANA zone a POSIX rule matches (``EST5EDT`` → ``America/New_York``, see
    :data:`POSIX_ZONES`; a fixed whole-hour offset gives ``Etc/GMT+5``), else the rule itself as a tzinfo
    (:class:`PosixZone`). ``None`` when the value is empty or neither: the caller must say so, not use UTC.
    """
    text = (value or "").strip()
    if text.startswith(":"):
        text = text[1:].strip()
        if "zoneinfo/" in text:
            text = text.rsplit("zoneinfo/", 1)[1]
        return iana_name(text)
    if not text:
        return None
    rule = parse_posix_rule(text)
    if rule is None:
        return iana_name(text)
    for spelled, zone in POSIX_ZONES.items():
        known = parse_posix_rule(spelled)
        if known == rule:
            return zone
    if rule.dst is None:
        if rule.std_offset == dt.timedelta(0):
            return "UTC"
        hours, rest = divmod(-rule.std_offset, dt.timedelta(hours=1))
        if not rest and -14 <= hours <= 12:
            return f"Etc/GMT{hours:+d}"  # Etc's sign is POSIX's: Etc/GMT+5 is five hours behind UTC
        return dt.timezone(rule.std_offset, rule.std)
    for spelled, zone in POSIX_ZONES.items():
        known = parse_posix_rule(spelled)
        if known is not None and known.dst is not None and _same_clock(known, rule):
            return zone
    return PosixZone(rule)


class PosixZone(dt.tzinfo):
    """A tzinfo that follows a POSIX rule with daylight saving time (PEP 495 ``fold`` for the repeated
    hour)."""

    def __init__(self, rule: PosixRule) -> None:
        if rule.dst_offset is None or rule.start is None or rule.end is None:
            raise ValueError(f"{rule.std} has no daylight saving time; use datetime.timezone")
        self.rule = rule
        self._dst_offset: dt.timedelta = rule.dst_offset
        self._start: str = rule.start
        self._end: str = rule.end

    def __repr__(self) -> str:
        return f"PosixZone({self.rule.std}/{self.rule.dst})"

    def _walls(self, year: int) -> tuple[dt.datetime, dt.datetime]:
        """When daylight time starts (in standard wall time) and ends (in daylight wall time) in ``year``."""
        start = dt.datetime.combine(_transition_day(self._start, year), dt.time()) + self.rule.start_time
        end = dt.datetime.combine(_transition_day(self._end, year), dt.time()) + self.rule.end_time
        return start, end

    def _is_dst(self, wall: dt.datetime) -> bool:
        start, end = self._walls(wall.year)
        delta = self._dst_offset - self.rule.std_offset
        begins = start if wall.fold else start + delta  # in the skipped hour, fold=0 is the time before
        ends = end - delta if wall.fold else end  # in the repeated hour, fold=1 is the second time
        naive = wall.replace(tzinfo=None, fold=0)
        if start <= end:
            return begins <= naive < ends
        return naive >= begins or naive < ends

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        if when is None:
            return self.rule.std_offset
        return self._dst_offset if self._is_dst(when) else self.rule.std_offset

    def dst(self, when: dt.datetime | None) -> dt.timedelta:
        if when is None:
            return dt.timedelta(0)
        return self._dst_offset - self.rule.std_offset if self._is_dst(when) else dt.timedelta(0)

    def tzname(self, when: dt.datetime | None) -> str:
        dst = self.rule.dst if self.rule.dst is not None else self.rule.std
        return dst if when is not None and self._is_dst(when) else self.rule.std

    def fromutc(self, when: dt.datetime) -> dt.datetime:
        utc = when.replace(tzinfo=None)
        start, end = self._walls((utc + self.rule.std_offset).year)
        begins, ends = start - self.rule.std_offset, end - self._dst_offset
        summer = begins <= utc < ends if start <= end else (utc >= begins or utc < ends)
        wall = utc + (self._dst_offset if summer else self.rule.std_offset)
        delta = self._dst_offset - self.rule.std_offset
        repeated = not summer and end - delta <= wall < end
        return wall.replace(tzinfo=self, fold=1 if repeated else 0)


def _same_clock(one: PosixRule, other: PosixRule) -> bool:
    """Whether two rules give the same offsets and transitions, whatever they call them."""
    return (one.std_offset, one.dst_offset, one.start_time, one.end_time) == (
        other.std_offset, other.dst_offset, other.start_time, other.end_time,
    ) and all(
        _transition_day(one.start or "", year) == _transition_day(other.start or "", year)
        and _transition_day(one.end or "", year) == _transition_day(other.end or "", year)
        for year in range(2024, 2032)
    )  # fmt: skip


def _transition_day(spec: str, year: int) -> dt.date:
    """The day a transition falls on in ``year``: ``Jn`` (1-365, 29 Feb never counted), ``n`` (0-365,
    counted), ``Mm.w.d`` (day ``d``, 0 = Sunday, of week ``w`` of month ``m``, 5 = the last).

    Raises ValueError for a day that does not exist.
    """
    if spec.startswith("J"):
        day = int(spec[1:])
        if not 1 <= day <= 365:
            raise ValueError(spec)
        leap = dt.date(year, 3, 1) - dt.date(year, 2, 28) == dt.timedelta(days=2)
        return dt.date(year, 1, 1) + dt.timedelta(days=day - 1 + (1 if leap and day >= 60 else 0))
    if spec.startswith("M"):
        month, week, weekday = (int(part) for part in spec[1:].split("."))
        if not (1 <= month <= 12 and 1 <= week <= 5 and 0 <= weekday <= 6):
            raise ValueError(spec)
        first = dt.date(year, month, 1)
        found = first + dt.timedelta(days=(weekday - (first.weekday() + 1) % 7) % 7 + 7 * (week - 1))
        while found.month != month:  # week 5 is the last such weekday of the month
            found -= dt.timedelta(days=7)
        return found
    day = int(spec)
    if not 0 <= day <= 365:
        raise ValueError(spec)
    return dt.date(year, 1, 1) + dt.timedelta(days=day)


def _duration(text: str) -> dt.timedelta:
    """``[+-]hh[:mm[:ss]]`` as a duration (the sign as written)."""
    sign = -1 if text.startswith("-") else 1
    parts = [int(part) for part in text.lstrip("+-").split(":")]
    hours, minutes, seconds = (*parts, 0, 0)[:3]
    return sign * dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)


def _bare(name: str) -> str:
    return name.strip("<>")


_ZONE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")
"""What an IANA zone name looks like (``America/Argentina/Buenos_Aires``, ``Etc/GMT+5``): never a path."""


def iana_name(value: str) -> str | None:
    """``value`` (stripped) when it is an IANA time-zone name the system's database has, else ``None``: the
    one check every zone name passes, whether a person typed it (``--tz``), a file gave it (a CSV's
    ``timezone`` column, an invitation's TZID) or the system did (``TZ``). Paths, and the database's
    ``localtime`` link, are not names."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = value.strip()
    if not _ZONE_NAME.match(name) or name == "localtime":
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return name


_ABBREVIATIONS = {
    "JST": "Asia/Tokyo", "KST": "Asia/Seoul", "IST": "Asia/Kolkata", "SGT": "Asia/Singapore",
    "HKT": "Asia/Hong_Kong", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "EDT": "America/New_York", "CDT": "America/Chicago", "MDT": "America/Denver", "BST": "Europe/London",
    "CEST": "Europe/Berlin", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland",
}  # fmt: skip
"""Abbreviations people type for a zone that is not an IANA name, and the zone most who type them mean (a
suggestion only: IST is also Ireland's and Israel's)."""

FIXED_ZONES = {"EST": "America/New_York", "MST": "America/Denver", "HST": "Pacific/Honolulu"}
"""IANA names that are a fixed offset all year, kept for old systems; the zone people usually mean has summer
time (Honolulu has none, but is named)."""


def zone_suggestion(value: str) -> str | None:
    """The IANA name ``value`` probably means, when it is not one: the same name in another case
    (``america/new_york``) or a common abbreviation (``JST``); ``None`` when there is no good guess."""
    from zoneinfo import available_timezones

    typed = value.strip()
    if typed.upper() in _ABBREVIATIONS or typed.upper() in FIXED_ZONES:
        return _ABBREVIATIONS.get(typed.upper()) or FIXED_ZONES[typed.upper()]
    folded = typed.casefold().replace(" ", "_")
    return next((name for name in sorted(available_timezones()) if name.casefold() == folded), None)
