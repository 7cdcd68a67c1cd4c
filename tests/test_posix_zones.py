"""``TZ`` values as systems set them (issue 25): IANA names, zone-file paths and POSIX rules give the right
instants, never a silent UTC."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from afterview.domain.zones import POSIX_ZONES, PosixZone, parse_posix_rule, zone_from_tz

UTC = dt.UTC


def as_tzinfo(spelled: str) -> dt.tzinfo:
    """The rule itself, with no IANA zone behind it."""
    rule = parse_posix_rule(spelled)
    assert rule is not None
    return PosixZone(rule) if rule.dst is not None else dt.timezone(rule.std_offset, rule.std)


@pytest.mark.parametrize(("spelled", "zone"), sorted(POSIX_ZONES.items()))
def test_each_mapped_rule_keeps_the_clock_of_its_iana_zone(spelled: str, zone: str) -> None:
    """Every six hours of 2026 and 2027, and each half hour of the transition days, rule and zone agree."""
    own, iana = as_tzinfo(spelled), ZoneInfo(zone)
    instant = dt.datetime(2026, 1, 1, tzinfo=UTC)
    while instant.year < 2028:
        assert instant.astimezone(own).utcoffset() == instant.astimezone(iana).utcoffset(), instant
        step = dt.timedelta(hours=6)
        if (instant + step).astimezone(iana).utcoffset() != instant.astimezone(iana).utcoffset():
            step = dt.timedelta(minutes=30)
        instant += step


@pytest.mark.parametrize("spelled", [s for s in POSIX_ZONES if "," in s])
@pytest.mark.parametrize("fold", [0, 1])
def test_wall_times_around_the_transitions_read_as_the_iana_zone_does(spelled: str, fold: int) -> None:
    """Local times in the skipped and the repeated hour, both folds (PEP 495), as zoneinfo reads them."""
    own, iana = as_tzinfo(spelled), ZoneInfo(POSIX_ZONES[spelled])
    for day in range(365):
        date = dt.date(2026, 1, 1) + dt.timedelta(days=day)
        noon, next_noon = (
            dt.datetime.combine(d, dt.time(12), tzinfo=iana) for d in (date, date + dt.timedelta(1))
        )
        if noon.utcoffset() == next_noon.utcoffset():
            continue
        for minutes in range(0, 24 * 60, 15):
            wall = dt.datetime.combine(date, dt.time()) + dt.timedelta(minutes=minutes)
            wall = wall.replace(fold=fold)
            assert wall.replace(tzinfo=own).utcoffset() == wall.replace(tzinfo=iana).utcoffset(), wall


@pytest.mark.parametrize(
    ("value", "zone"),
    [
        ("EST5EDT", "America/New_York"),
        ("CET-1CEST,M3.5.0,M10.5.0/3", "Europe/Brussels"),
        ("CET-1CEST-2,M3.5.0/2,M10.5.0/3", "Europe/Brussels"),
        ("PST8PDT,M3.2.0/2:00:00,M11.1.0/2:00:00", "America/Los_Angeles"),
        (":America/New_York", "America/New_York"),
        (":/usr/share/zoneinfo/Europe/Berlin", "Europe/Berlin"),
        ("Europe/Berlin", "Europe/Berlin"),
        ("UTC0", "UTC"),
        ("UTC", "UTC"),
        ("EST5", "Etc/GMT+5"),
        ("<-03>3", "Etc/GMT+3"),
        ("XET-1XEST,M3.5.0,M10.5.0/3", "Europe/Brussels"),  # the CET rule under other names
        ("", None),
        ("   ", None),
        ("not a zone", None),
        (":../../etc/passwd", None),
        ("Mars/Olympus_Mons", None),
        ("EST5EDT,M13.1.0,M11.1.0", None),
    ],
)
def test_tz_values_map_to_iana_zones_where_one_matches(value: str, zone: str | None) -> None:
    assert zone_from_tz(value) == zone


def test_est5edt_gives_minus_five_in_winter_and_minus_four_in_summer() -> None:
    """The issue's must-show: ``TZ=EST5EDT`` and "tomorrow 10:00" is New York's 10:00, not UTC's."""
    zone = zone_from_tz("EST5EDT")
    assert isinstance(zone, str)
    winter = dt.datetime(2026, 12, 4, 10, 0, tzinfo=ZoneInfo(zone))
    summer = dt.datetime(2026, 7, 3, 10, 0, tzinfo=ZoneInfo(zone))
    assert (winter.utcoffset(), summer.utcoffset()) == (dt.timedelta(hours=-5), dt.timedelta(hours=-4))


def test_a_rule_no_zone_keeps_is_followed_itself() -> None:
    """Summer time from the first Sunday of April to the first of September, 3 hours behind UTC in winter."""
    zone = zone_from_tz("XST3XDT,M4.1.0,M9.1.0")
    assert isinstance(zone, PosixZone)
    assert dt.datetime(2026, 1, 10, 12, 0, tzinfo=zone).utcoffset() == dt.timedelta(hours=-3)
    assert dt.datetime(2026, 6, 10, 12, 0, tzinfo=zone).utcoffset() == dt.timedelta(hours=-2)
    assert dt.datetime(2026, 6, 10, 12, 0, tzinfo=zone).tzname() == "XDT"
    # 5 April 2026 is the first Sunday of April: 02:00 standard time becomes 03:00 daylight time
    before = dt.datetime(2026, 4, 5, 4, 59, tzinfo=UTC).astimezone(zone)
    after = dt.datetime(2026, 4, 5, 5, 0, tzinfo=UTC).astimezone(zone)
    assert (before.hour, before.minute, after.hour) == (1, 59, 3)


def test_a_fixed_offset_that_is_no_whole_hour_stays_that_offset() -> None:
    zone = zone_from_tz("<+0545>-5:45")
    assert zone == dt.timezone(dt.timedelta(hours=5, minutes=45))
