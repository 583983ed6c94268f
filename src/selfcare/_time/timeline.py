"""Integer-minute arithmetic on a local day, for planning a therapist's workday.

Instants are counted in whole minutes since the Unix epoch (UTC), so a day of 23 or 25
hours has 1,380 or 1,500 minutes and every difference is real elapsed time. Wall-clock
times are turned into instants as RFC 5545 does: a time that does not exist that day moves
forward by the gap, and an ambiguous time takes its first (earlier) occurrence. pendulum
values are built only for the output.
"""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo

import pendulum

from selfcare._core.checks import fail
from selfcare._time.zoned import FIRST_YEAR, LAST_YEAR, check_zone_arg, in_zone, zone

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def zone_arg(tz: str | zoneinfo.ZoneInfo) -> str:
    """Accept a zone name or a zone object (zoneinfo or pendulum); return the checked name."""
    return check_zone_arg("tz", tz)


def minute_of(value: dt.datetime) -> int:
    """The whole minute since the epoch an aware datetime falls in."""
    return math.floor(dt.datetime.timestamp(value)) // 60


def wall(day: dt.date, time: dt.time, tz: str) -> int:
    """The instant a wall-clock time on ``day`` takes in ``tz``, in epoch minutes.

    ``fold=0`` gives the stdlib's reading of a local time: the first of two ambiguous
    times, and for a time in a gap the offset from before the change, which moves it
    forward by the length of the gap.
    """
    local = dt.datetime.combine(day, time.replace(fold=0), tzinfo=zoneinfo.ZoneInfo(tz))
    return minute_of(local)


#: The days that can be planned: those whose every instant is in the range of zoned instants.
FIRST_DAY, LAST_DAY = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)


def day_bounds(day: dt.date, tz: str) -> tuple[int, int]:
    """The first minute of ``day`` and the first minute of the next day, in ``tz``.

    Raises:
        ValidationError: on ``day``, when it is outside the range of zoned instants.
    """
    if not FIRST_DAY <= day <= LAST_DAY:
        raise fail(
            "day",
            f"expected a day from {FIRST_DAY} to {LAST_DAY} (the supported range of instants), "
            f"got {day}; pick a day inside it",
        )
    return wall(day, dt.time(0), tz), wall(day + dt.timedelta(days=1), dt.time(0), tz)


def local(minute: int, tz: str) -> dt.datetime:
    """An epoch minute as a stdlib datetime in ``tz``, for labels and dates."""
    return (EPOCH + dt.timedelta(minutes=minute)).astimezone(zoneinfo.ZoneInfo(tz))


def zoned(minute: int, tz: str) -> pendulum.DateTime:
    """An epoch minute as a canonical pendulum DateTime in ``tz``."""
    return in_zone(EPOCH + dt.timedelta(minutes=minute), zone(tz))


def clock(minute: int, tz: str) -> str:
    """The wall-clock time of an epoch minute in ``tz``, as ``HH:MM``.

    A time the clocks show twice that night (when they go back) names its zone as well.

    Example:
        >>> first = int(datetime.datetime(2026, 10, 25, 0, 30, tzinfo=datetime.UTC).timestamp())
        >>> clock(first // 60, "Europe/London"), clock(first // 60 + 60, "Europe/London")
        ('01:30 BST', '01:30 GMT')
    """
    when = local(minute, tz)
    shown = when.strftime("%H:%M")
    if when.replace(fold=0).utcoffset() != when.replace(fold=1).utcoffset():
        shown += f" {when.tzname()}"
    return shown


def iso(minute: int, tz: str) -> str:
    """An epoch minute as ISO 8601 with its offset, e.g. ``2026-03-02T09:00:00+00:00``."""
    return local(minute, tz).isoformat()


def span(start: int, end: int, tz: str) -> str:
    """A range of minutes as ``HH:MM–HH:MM``."""
    return f"{clock(start, tz)}–{clock(end, tz)}"
