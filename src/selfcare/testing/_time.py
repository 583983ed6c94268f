"""Zones, dates, times of day, zoned instants, periods and recurrences."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from hypothesis import strategies as st

from selfcare._time.calendar import Period, Weekday
from selfcare._time.recurrence import Recurrence
from selfcare._time.zoned import check_zoned

#: Zones with interesting rules: DST both ways, half-hour shifts, a skipped day, none.
ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Lord_Howe",
    "Australia/Adelaide",
    "Pacific/Apia",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Africa/Casablanca",
)


MIN_DATE = dt.date(1971, 1, 1)


MAX_DATE = dt.date(2037, 12, 31)


def zone_names() -> st.SearchStrategy[str]:
    """IANA zone names, weighted toward zones with unusual rules."""
    return st.sampled_from(ZONES)


def dates() -> st.SearchStrategy[dt.date]:
    """Calendar dates from 1971 to 2037."""
    return st.dates(MIN_DATE, MAX_DATE)


def times_of_day() -> st.SearchStrategy[dt.time]:
    """Wall-clock times in whole seconds, mostly on the minute."""
    seconds = st.one_of(st.just(0), st.integers(0, 59))
    return st.builds(dt.time, st.integers(0, 23), st.integers(0, 59), seconds)


def zoned_datetimes(zones: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Any]:
    """Zoned pendulum ``DateTime`` values in canonical form, including ambiguous times."""
    zones = zone_names() if zones is None else zones
    return st.builds(
        lambda local, zone, fold: check_zoned(
            "at", local.replace(tzinfo=zoneinfo.ZoneInfo(zone), fold=fold)
        ),
        st.datetimes(dt.datetime(1971, 1, 1), dt.datetime(2037, 12, 31)).map(
            lambda d: d.replace(microsecond=0)
        ),
        zones,
        st.integers(0, 1),
    )


def periods() -> st.SearchStrategy[Period]:
    """Periods of one day to two years."""
    return st.builds(
        lambda first, days: Period(first, first + dt.timedelta(days=days)),
        dates(),
        st.integers(0, 730),
    ).filter(lambda p: p.last <= MAX_DATE)


def weekday_sets(min_size: int = 0) -> st.SearchStrategy[frozenset[Weekday]]:
    return st.frozensets(st.sampled_from(Weekday), min_size=min_size)


def time_lists(max_size: int = 3) -> st.SearchStrategy[list[dt.time]]:
    return st.lists(times_of_day(), max_size=max_size, unique=True)


@st.composite
def recurrences(draw: st.DrawFn, *, with_times: bool = True) -> Recurrence:
    """Recurrences of every frequency, with and without times, start, until and count."""
    at = draw(time_lists()) if with_times else []
    start = draw(st.none() | dates())
    end = draw(st.sampled_from(["none", "until", "count"]))
    until = count = None
    if end == "until":
        low = start or MIN_DATE
        until = draw(st.dates(low, MAX_DATE))
    elif end == "count":
        count = draw(st.integers(1, 10_000))
    skipped = draw(st.frozensets(dates(), max_size=3))
    kind = draw(st.sampled_from(["daily", "every", "weekly", "monthly", "per-week"]))
    if kind == "daily":
        rule = Recurrence.daily(at, start=start, until=until, count=count)
    elif kind == "every":
        n = draw(st.integers(1, 366))
        rule = Recurrence.every_n_days(n, at, start=start, until=until, count=count)
    elif kind == "weekly":
        days = draw(weekday_sets(min_size=1))
        every = draw(st.integers(1, 52))
        rule = Recurrence.weekly(days, at, every_weeks=every, start=start, until=until, count=count)
    elif kind == "monthly":
        rule = draw(_monthly(at, start=start, until=until, count=count))
    else:
        n = draw(st.integers(1, 7))
        rule = Recurrence.times_per_week(n, at, start=start, until=until, count=count)
    return rule.with_skipped(*skipped)


def _monthly(
    at: list[dt.time],
    *,
    start: dt.date | None = None,
    until: dt.date | None = None,
    count: int | None = None,
) -> st.SearchStrategy[Recurrence]:
    """Monthly rules on a day of the month (often the 29th to the last) or the nth weekday."""
    every = st.integers(1, 12)
    by_date = st.builds(
        lambda day, n: Recurrence.monthly(
            day, at, every_months=n, start=start, until=until, count=count
        ),
        st.integers(1, 31) | st.sampled_from([29, 30, 31, -1]),
        every,
    )
    by_weekday = st.builds(
        lambda day, nth, n: Recurrence.monthly(
            weekday=day, nth=nth, at=at, every_months=n, start=start, until=until, count=count
        ),
        st.sampled_from(Weekday),
        st.sampled_from([1, 2, 3, 4, -1]),
        every,
    )
    return by_date | by_weekday


def on_the_minute(zones: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Any]:
    return zoned_datetimes(zones).map(lambda d: check_zoned("start", d.replace(second=0)))
