"""Specification of expanding recurrences, rituals and plan items into occurrences."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import calendar
import datetime as dt
import pickle
import time
import zoneinfo
from collections.abc import Callable
from typing import Any

import pendulum
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from selfcare import (
    Anchor,
    Frequency,
    Period,
    PlanItem,
    Recurrence,
    Ritual,
    RitualStep,
    Role,
    ValidationError,
    Weekday,
)
from selfcare._time.occurrences import _packed_dates, _unpack, resolve_local
from selfcare._time.schedule import spread
from selfcare._time.zoned import DateTime
from selfcare.errors import TooManyOccurrencesError
from selfcare.testing import ZONES

MON, TUE, WED, THU, FRI, SAT, SUN = Weekday
JAN_5 = dt.date(2026, 1, 5)  # a Monday
UTC = dt.UTC
LONDON = "Europe/London"


def days(first: dt.date, n: int) -> dt.date:
    return first + dt.timedelta(days=n)


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to see it rejected."""
    return value


def check_rejected(call: Callable[[], object], field: str, expected: str) -> None:
    """The call must fail with a ValidationError on ``field`` whose message has ``expected``."""
    with pytest.raises(ValidationError) as caught:
        call()
    path, message = caught.value.problems[0]
    assert field == path
    assert expected in message


def local(values: tuple[pendulum.DateTime, ...]) -> list[str]:
    return [v.format("YYYY-MM-DD HH:mm") for v in values]


# The reference: walk day by day from the first day, as the definitions read


def reference(
    rule: Recurrence,
    low: int,
    high: int,
    zone: str,
    origin: dt.date | None,
    default_time: dt.time = dt.time(9),
    pauses: tuple[Period, ...] = (),
) -> list[tuple[int, dt.datetime, int]]:
    """``(instant, wall time, fold)`` of each occurrence in ``[low, high)``, the slow way.

    Uses the stdlib's ``fold=0`` reading of a wall time, which is the documented policy.
    """
    tz = zoneinfo.ZoneInfo(zone)
    base = rule.start or origin
    times = rule.times or (default_time,)
    first = dt.datetime.fromtimestamp(low, UTC).date() - dt.timedelta(days=2)
    last = dt.datetime.fromtimestamp(high, UTC).date() + dt.timedelta(days=2)
    day = base or first
    slot, found = 0, dict[int, tuple[int, dt.datetime, int]]()
    while day <= last and (rule.until is None or day <= rule.until):
        if _matches(rule, day, base):
            for at in times:
                slot += 1
                if rule.count is not None and slot > rule.count:
                    return sorted(found.values())
                if day < first or day in rule.skipped or any(day in p for p in pauses):
                    continue
                moment = int(dt.datetime.combine(day, at, tz).timestamp())
                if low <= moment < high:
                    shown = dt.datetime.fromtimestamp(moment, tz)
                    found[moment] = (moment, wall(shown), shown.fold)
        day += dt.timedelta(days=1)
    return sorted(found.values())


def _matches(rule: Recurrence, day: dt.date, base: dt.date | None) -> bool:
    if rule.frequency is Frequency.MONTHLY:
        months = 0 if base is None else (day.year - base.year) * 12 + day.month - base.month
        return months % rule.interval == 0 and on_day_of_month(rule, day)
    if rule.per_week is not None:
        return day.weekday() in {i * 7 // rule.per_week for i in range(rule.per_week)}
    if rule.weekdays:
        if day.weekday() not in rule.weekdays:
            return False
        if base is None:
            return True
        weeks = (monday(day) - monday(base)).days // 7
        return weeks % rule.interval == 0
    return base is None or (day - base).days % rule.interval == 0


def on_day_of_month(rule: Recurrence, day: dt.date) -> bool:
    """Whether ``day`` is the monthly rule's day of its month, by the definitions."""
    length = calendar.monthrange(day.year, day.month)[1]
    if rule.monthday is not None:
        return day.day == rule.monthday or (rule.monthday == -1 and day.day == length)
    if Weekday.of(day) not in rule.weekdays:
        return False
    if rule.nth == -1:
        return day.day + 7 > length
    return (day.day - 1) // 7 + 1 == rule.nth


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def wall(value: dt.datetime) -> dt.datetime:
    """The wall-clock time as a plain stdlib datetime."""
    return dt.datetime(*value.timetuple()[:6])


def as_triples(values: tuple[pendulum.DateTime, ...]) -> list[tuple[int, dt.datetime, int]]:
    return [(int(v.timestamp()), wall(v), v.fold) for v in values]


def instant(value: dt.datetime | dt.date, zone: str) -> int:
    """A window bound as whole seconds (a date is its first moment in the zone)."""
    if isinstance(value, dt.datetime):
        return -int(-value.timestamp() // 1)
    midnight = dt.datetime.combine(value, dt.time(0), zoneinfo.ZoneInfo(zone))
    return int(midnight.timestamp())


# Hypothesis: rules, zones and windows around interesting years

YEARS = st.sampled_from([1995, 2011, 2026])


@st.composite
def rules(draw: st.DrawFn, *, with_start: bool | None = None) -> Recurrence:
    """Recurrences of every shape, starting near the years drawn, with small counts."""
    year = draw(YEARS)
    near = st.dates(dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31))
    has_start = draw(st.booleans()) if with_start is None else with_start
    start = draw(near) if has_start else None
    times = draw(
        st.lists(
            st.builds(dt.time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))
            | st.builds(dt.time, st.integers(0, 3), st.integers(0, 59), st.integers(0, 59)),
            max_size=3,
            unique=True,
        )
    )
    end = draw(st.sampled_from(["none", "until", "count"]))
    until = (
        draw(st.dates(start or dt.date(year - 1, 1, 1), dt.date(year + 2, 1, 1)))
        if (end == "until")
        else None
    )
    count = draw(st.integers(1, 300)) if end == "count" else None
    kind = draw(st.sampled_from(["daily", "every", "weekly", "monthly", "per-week"]))
    if kind == "daily":
        rule = Recurrence.daily(times, start=start, until=until, count=count)
    elif kind == "monthly":
        rule = draw(monthly(times, start=start, until=until, count=count))
    elif kind == "every":
        n = draw(st.integers(1, 40))
        rule = Recurrence.every_n_days(n, times, start=start, until=until, count=count)
    elif kind == "weekly":
        weekdays = draw(st.frozensets(st.sampled_from(Weekday), min_size=1))
        every = draw(st.integers(1, 5))
        rule = Recurrence.weekly(
            weekdays, times, every_weeks=every, start=start, until=until, count=count
        )
    else:
        rule = Recurrence.times_per_week(
            draw(st.integers(1, 7)), times, start=start, until=until, count=count
        )
    skipped = draw(st.frozensets(near, max_size=4))
    return rule.with_skipped(*skipped)


def monthly(
    times: list[dt.time],
    *,
    start: dt.date | None = None,
    until: dt.date | None = None,
    count: int | None = None,
) -> st.SearchStrategy[Recurrence]:
    """Monthly rules by date (the 29th to the last day often) or by weekday, every 1 to 4
    months, or now and then up to 12."""
    every = st.integers(1, 4) | st.integers(1, 12)
    by_date = st.builds(
        lambda day, n: Recurrence.monthly(
            day, times, every_months=n, start=start, until=until, count=count
        ),
        st.integers(1, 31) | st.sampled_from([29, 30, 31, -1]),
        every,
    )
    by_weekday = st.builds(
        lambda day, nth, n: Recurrence.monthly(
            weekday=day, nth=nth, at=times, every_months=n, start=start, until=until, count=count
        ),
        st.sampled_from(Weekday),
        st.sampled_from([1, 2, 3, 4, -1]),
        every,
    )
    return by_date | by_weekday


def change_days(years: tuple[int, ...]) -> list[dt.date]:
    """The days the zones of the tests change their clocks in ``years``: the edge cases."""
    found = set()
    for name in ZONES:
        tz = zoneinfo.ZoneInfo(name)

        def offset(day: dt.date, tz: dt.tzinfo = tz) -> dt.timedelta | None:
            return dt.datetime.combine(day, dt.time(0), tz).utcoffset()

        for year in years:
            week = dt.date(year, 1, 1)
            while week.year == year:
                if offset(week) != offset(days(week, 7)):
                    day = week
                    while offset(day) == offset(days(day, 1)):
                        day = days(day, 1)
                    found.add(day)
                week = days(week, 7)
    return sorted(found)


CHANGE_DAYS = change_days((1994, 1995, 1996, 2010, 2011, 2012, 2025, 2026, 2027))


@st.composite
def windows(
    draw: st.DrawFn, rule: Recurrence
) -> tuple[dt.datetime | dt.date, dt.date | dt.datetime]:
    """A window of up to ten weeks near the rule's years, as dates or aware datetimes.

    Half the windows start or end on, or next to, a day some zone changes its clocks.
    """
    year = (rule.start or dt.date(draw(YEARS), 1, 1)).year
    near = [d for d in CHANGE_DAYS if abs(d.year - year) <= 1]
    length = draw(st.integers(0, 3) | st.integers(0, 70))
    if draw(st.booleans()):
        first = draw(st.dates(dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31)))
    else:
        change = days(draw(st.sampled_from(near)), draw(st.integers(-1, 1)))
        first = change if draw(st.booleans()) else days(change, -length)

    def bound(day: dt.date) -> dt.datetime | dt.date:
        if draw(st.booleans()):
            return day
        hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
        zone = draw(st.sampled_from(["UTC", "Europe/London", "Pacific/Apia", "Asia/Kolkata"]))
        return dt.datetime(
            day.year, day.month, day.day, hour, minute, tzinfo=zoneinfo.ZoneInfo(zone)
        )

    return bound(first), bound(days(first, length))


ZONE = st.sampled_from(ZONES)


@given(data=st.data(), rule=rules(), zone=ZONE)
@example(
    data=None,
    rule=Recurrence.daily(dt.time(10)),
    zone="Pacific/Apia",
).via("the day Samoa skipped")
def test_expansion_matches_the_day_by_day_definition(
    data: st.DataObject | None, rule: Recurrence, zone: str
) -> None:
    """Jumping to the window gives what walking every day from the first day gives."""
    if data is None:
        start: dt.datetime | dt.date = dt.date(2011, 12, 25)
        end: dt.datetime | dt.date = dt.date(2012, 1, 5)
    else:
        start, end = data.draw(windows(rule))
    low, high = instant(start, zone), instant(end, zone)
    assume(low <= high)
    origin = None if rule.start else dt.date(2011, 12, 1)
    found = rule.occurrences(start, end, tz=zone, origin=origin)
    assert reference(rule, low, high, zone, origin) == as_triples(found)


@given(data=st.data(), rule=rules(), zone=ZONE)
def test_occurrences_are_in_order_inside_the_window_and_in_the_zone(
    data: st.DataObject, rule: Recurrence, zone: str
) -> None:
    """Strictly increasing instants, all inside ``[start, end)``, all in the zone asked for."""
    start, end = data.draw(windows(rule))
    assume(instant(start, zone) <= instant(end, zone))
    found = rule.occurrences(start, end, tz=zone, origin=dt.date(1990, 1, 1))
    moments = [v.timestamp() for v in found]
    assert sorted(set(moments)) == moments
    assert all(instant(start, zone) <= m < instant(end, zone) for m in moments)
    assert {zone} >= {v.timezone_name for v in found}


@given(data=st.data(), rule=rules(), zone=ZONE)
def test_occurrences_fall_on_the_rules_days_at_its_times_or_are_moved_by_a_gap(
    data: st.DataObject, rule: Recurrence, zone: str
) -> None:
    """Each occurrence is at one of the times on an allowed weekday, unless a gap moved it."""
    start, end = data.draw(windows(rule))
    assume(instant(start, zone) <= instant(end, zone))
    found = rule.occurrences(start, end, tz=zone, origin=dt.date(1990, 1, 1))
    allowed = rule.weekdays or (set(spread(rule.per_week)) if rule.per_week else set(Weekday))
    times = rule.times or (dt.time(9),)
    for value in found:
        if value.time() in times and Weekday.of(value.date()) in allowed:
            continue
        # moved forward by a gap, from a time that did not exist that day or the day before
        sources = [
            day
            for day in (value.date(), days(value.date(), -1))
            for at in times
            if resolve_local(day, at, zone).timestamp() == value.timestamp()
            and dt.datetime.combine(day, at) != wall(value)
        ]
        assert any(Weekday.of(day) in allowed for day in sources), value


@given(data=st.data(), rule=rules(), zone=ZONE)
def test_splitting_a_window_splits_the_occurrences(
    data: st.DataObject, rule: Recurrence, zone: str
) -> None:
    """Expanding ``[a, c)`` gives ``[a, b)`` followed by ``[b, c)``."""
    a, c = data.draw(windows(rule))
    low, high = instant(a, zone), instant(c, zone)
    assume(low <= high)
    b = dt.datetime.fromtimestamp(data.draw(st.integers(low, high)), UTC)
    origin = dt.date(1990, 1, 1)
    whole = rule.occurrences(a, c, tz=zone, origin=origin)
    parts = rule.occurrences(a, b, tz=zone, origin=origin) + rule.occurrences(
        b, c, tz=zone, origin=origin
    )
    assert as_triples(whole) == as_triples(parts)


@given(rule=rules(with_start=True), zone=ZONE)
def test_count_and_until_are_respected(rule: Recurrence, zone: str) -> None:
    """No more than ``count`` occurrences in all, and none on a day after ``until``."""
    assume(rule.count is not None or rule.until is not None)
    assert rule.start is not None
    everything = rule.occurrences(
        days(rule.start, -3), dt.date(2040, 1, 1), tz=zone, limit=1_000_000
    )
    if rule.count is not None:
        assert len(everything) <= rule.count
        slots = len(rule.times) or 1
        kept = rule.dates(days(rule.start, -3), dt.date(2040, 1, 1))
        assert len(kept) <= -(-rule.count // slots)
    if rule.until is not None:
        assert all(day <= rule.until for day in rule.dates(rule.start, dt.date(2040, 1, 1)))
        # a gap can move the last occurrence past midnight, by at most a day
        assert all(v.date() <= days(rule.until, 1) for v in everything)


@given(rule=rules(), data=st.data())
def test_dates_are_the_days_of_the_occurrences_in_a_zone_without_changes(
    rule: Recurrence, data: st.DataObject
) -> None:
    """In UTC every occurrence is on one of ``dates()``, and every date has one."""
    first = data.draw(st.dates(dt.date(1994, 1, 1), dt.date(2027, 12, 31)))
    last = days(first, data.draw(st.integers(0, 60)))
    origin = dt.date(1993, 6, 1)
    found = rule.occurrences(first, days(last, 1), tz="UTC", origin=origin)
    assert sorted({v.date() for v in found}) == list(rule.dates(first, last, origin=origin))


# Days of the week, intervals, counts and skipped dates, by example


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, [MON]),
        (2, [MON, THU]),
        (3, [MON, WED, FRI]),
        (4, [MON, TUE, THU, SAT]),
        (5, [MON, TUE, WED, FRI, SAT]),
        (6, [MON, TUE, WED, THU, FRI, SAT]),
        (7, [MON, TUE, WED, THU, FRI, SAT, SUN]),
    ],
)
def test_times_per_week_are_spread_over_the_week(n: int, expected: list[Weekday]) -> None:
    """n times a week lands on day ``i * 7 // n`` of each ISO week: the documented table."""
    assert expected == list(spread(n))
    week = Recurrence.times_per_week(n).dates(JAN_5, days(JAN_5, 6))
    assert expected == [Weekday.of(day) for day in week]


def test_week_targets_count_whole_iso_weeks() -> None:
    """Each ISO week touching the range gets its target, less where start or count cut it."""
    rule = Recurrence.times_per_week(3, at=[dt.time(7), dt.time(19)], start=dt.date(2026, 1, 7))
    assert (
        (dt.date(2026, 1, 5), 4),  # from Wednesday the 7th: Wednesday and Friday, twice a day
        (dt.date(2026, 1, 12), 6),
        (dt.date(2026, 1, 19), 6),
    ) == rule.week_targets(dt.date(2026, 1, 8), dt.date(2026, 1, 19))
    counted = Recurrence.times_per_week(2, start=JAN_5, count=3)
    assert ((JAN_5, 2), (days(JAN_5, 7), 1), (days(JAN_5, 14), 0)) == counted.week_targets(
        JAN_5, days(JAN_5, 20)
    )


def test_every_n_days_counts_from_start() -> None:
    """Every three days from the start, whatever the window."""
    rule = Recurrence.every_n_days(3, start=JAN_5)
    assert (days(JAN_5, 9), days(JAN_5, 12)) == rule.dates(days(JAN_5, 8), days(JAN_5, 13))


def test_every_n_weeks_counts_weeks_from_the_week_of_start() -> None:
    """Every two weeks on Monday and Friday, from a start on a Wednesday (ISO weeks)."""
    rule = Recurrence.weekly([MON, FRI], every_weeks=2, start=days(JAN_5, 2))
    assert (
        days(JAN_5, 4),
        days(JAN_5, 14),
        days(JAN_5, 18),
        days(JAN_5, 28),
    ) == rule.dates(JAN_5, days(JAN_5, 30))


def test_count_counts_occurrences_not_days() -> None:
    """Five occurrences twice a day: two days, then the morning of the third."""
    rule = Recurrence.daily([dt.time(7), dt.time(21)], start=JAN_5, count=5)
    found = rule.occurrences(JAN_5, days(JAN_5, 10), tz=LONDON)
    assert [
        "2026-01-05 07:00",
        "2026-01-05 21:00",
        "2026-01-06 07:00",
        "2026-01-06 21:00",
        "2026-01-07 07:00",
    ] == local(found)


def test_skipped_dates_still_count() -> None:
    """As EXDATE in RFC 5545: a skipped day is left out but still uses up the count."""
    rule = Recurrence.daily(start=JAN_5, count=3).with_skipped(days(JAN_5, 1))
    assert (JAN_5, days(JAN_5, 2)) == rule.dates(JAN_5, days(JAN_5, 10))


def test_origin_stands_in_for_a_missing_start() -> None:
    """Without a start, the origin is where counting begins and nothing comes before it."""
    rule = Recurrence.every_n_days(2, count=3)
    assert (JAN_5, days(JAN_5, 2), days(JAN_5, 4)) == rule.dates(
        days(JAN_5, -10), days(JAN_5, 10), origin=JAN_5
    )
    with_start = Recurrence.every_n_days(2, start=days(JAN_5, 1))
    assert (days(JAN_5, 1),) == with_start.dates(JAN_5, days(JAN_5, 2), origin=JAN_5)


@pytest.mark.parametrize(
    "rule",
    [
        Recurrence.every_n_days(2),
        Recurrence.weekly([MON], every_weeks=3),
        Recurrence.daily(count=4),
    ],
    ids=["every-2-days", "every-3-weeks", "count"],
)
def test_a_rule_that_counts_needs_a_start_or_an_origin(rule: Recurrence) -> None:
    """An interval or a count needs a day to count from; the error says to pass origin."""
    check_rejected(lambda: rule.dates(JAN_5, days(JAN_5, 7)), "origin", "pass origin=")
    check_rejected(
        lambda: rule.occurrences(JAN_5, days(JAN_5, 7), tz=LONDON), "origin", "pass origin="
    )


def test_a_rule_without_times_happens_at_the_default_time() -> None:
    """A rule with no times of day happens at 09:00 unless another default is given."""
    rule = Recurrence.weekly([MON])
    assert ["2026-01-05 09:00"] == local(rule.occurrences(JAN_5, days(JAN_5, 1), tz=LONDON))
    at_noon = rule.occurrences(JAN_5, days(JAN_5, 1), tz=LONDON, default_time=dt.time(12))
    assert ["2026-01-05 12:00"] == local(at_noon)


# Windows


def test_a_bound_on_a_change_day_does_not_leak_its_offset_into_the_walk() -> None:
    """Resolving an end date on a change day leaves no stale offset for the days before it."""
    rule = Recurrence.daily(dt.time(13))
    start = dt.datetime(2010, 3, 31, 13, tzinfo=UTC)  # midnight on Lord Howe
    found = rule.occurrences(start, dt.date(2010, 4, 4), tz="Australia/Lord_Howe")
    assert ["2010-04-01 13:00", "2010-04-02 13:00", "2010-04-03 13:00"] == local(found)
    assert {"+11:00"} == {v.isoformat()[-6:] for v in found}


def test_a_window_is_half_open() -> None:
    """The start is included and the end is not."""
    rule = Recurrence.daily(dt.time(7))
    start = pendulum.datetime(2026, 1, 5, 7, tz=LONDON)
    found = rule.occurrences(start, start.add(days=2), tz=LONDON)
    assert ["2026-01-05 07:00", "2026-01-06 07:00"] == local(found)


def test_window_bounds_may_be_in_any_zone_and_stdlib_or_pendulum() -> None:
    """Bounds are instants: a stdlib datetime in UTC and a pendulum one in Tokyo work alike."""
    rule = Recurrence.daily(dt.time(7))
    start = dt.datetime(2026, 1, 5, 6, 59, tzinfo=UTC)
    end = pendulum.datetime(2026, 1, 6, 16, 0, 1, tz="Asia/Tokyo")
    assert ["2026-01-05 07:00", "2026-01-06 07:00"] == local(
        rule.occurrences(start, end, tz=LONDON)
    )


def test_an_empty_window_has_no_occurrences() -> None:
    """A window whose end is its start holds nothing."""
    assert () == Recurrence.daily().occurrences(JAN_5, JAN_5, tz=LONDON)


@pytest.mark.parametrize(
    ("call", "field", "expected"),
    [
        pytest.param(
            lambda: Recurrence.daily().occurrences(dt.datetime(2026, 1, 5), JAN_5, tz=LONDON),
            "start",
            "a naive datetime is no instant",
            id="naive-start",
        ),
        pytest.param(
            lambda: Recurrence.daily().occurrences(JAN_5, wrong("2026-01-06"), tz=LONDON),
            "end",
            "expected an aware datetime or a date",
            id="text-end",
        ),
        pytest.param(
            lambda: Recurrence.daily().occurrences(days(JAN_5, 1), JAN_5, tz=LONDON),
            "end",
            "swap the two bounds",
            id="end-before-start",
        ),
        pytest.param(
            lambda: Recurrence.daily().occurrences(JAN_5, JAN_5, tz="Mars/Olympus"),
            "tz",
            "IANA time zone",
            id="unknown-zone",
        ),
        pytest.param(
            lambda: Recurrence.daily().occurrences(JAN_5, JAN_5, tz=wrong(dt.UTC)),
            "tz",
            "IANA time zone",
            id="fixed-offset-zone",
        ),
        pytest.param(
            lambda: Recurrence.daily().occurrences(JAN_5, JAN_5, tz=LONDON, limit=0),
            "limit",
            "from 1 to 1000000",
            id="limit-zero",
        ),
        pytest.param(
            lambda: Recurrence.daily().occurrences(
                JAN_5, JAN_5, tz=LONDON, default_time=dt.time(7, tzinfo=UTC)
            ),
            "default_time",
            "without a time zone",
            id="aware-default-time",
        ),
        pytest.param(
            lambda: Recurrence.daily().occurrences(
                JAN_5, JAN_5, tz=LONDON, origin=dt.datetime(2026, 1, 5)
            ),
            "origin",
            "expected a date",
            id="datetime-origin",
        ),
        pytest.param(
            lambda: Recurrence.daily().dates(days(JAN_5, 1), JAN_5),
            "last",
            "on or after 'first'",
            id="dates-backwards",
        ),
    ],
)
def test_invalid_arguments_are_rejected(
    call: Callable[[], object], field: str, expected: str
) -> None:
    """Each mistake names its argument and says how to fix it."""
    check_rejected(call, field, expected)


def test_a_zoneinfo_is_accepted_as_the_zone() -> None:
    """tz may be a ZoneInfo (or a pendulum zone, which is one) as well as a name."""
    rule = Recurrence.daily(dt.time(7))
    by_name = rule.occurrences(JAN_5, days(JAN_5, 1), tz=LONDON)
    assert by_name == rule.occurrences(JAN_5, days(JAN_5, 1), tz=zoneinfo.ZoneInfo(LONDON))
    assert by_name == rule.occurrences(JAN_5, days(JAN_5, 1), tz=pendulum.timezone(LONDON))


@given(
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.builds(dt.time, st.integers(0, 23), st.integers(0, 59), st.integers(0, 59)),
    ZONE,
)
def test_packed_construction_builds_what_the_constructor_builds(
    day: dt.date, at: dt.time, zone: str
) -> None:
    """Dense stretches build values from packed dates; they equal the ordinary ones exactly."""
    tz = pendulum.timezone(zone)
    packed = _packed_dates(day.year)[day.timetuple().tm_yday - 1]
    fast = _unpack(packed + bytes((at.hour, at.minute, at.second, 0, 0, 0)), tz)
    slow = DateTime(day.year, day.month, day.day, at.hour, at.minute, at.second, 0, tz)
    assert type(slow) is type(fast)
    assert (slow.timetuple(), slow.fold, slow.tzinfo) == (fast.timetuple(), fast.fold, fast.tzinfo)
    assert (slow.microsecond, slow.utcoffset()) == (fast.microsecond, fast.utcoffset())


# Bounds on the work


def test_more_than_the_limit_is_an_error_that_says_what_to_do() -> None:
    """Expansion stops past the limit with an error naming 'limit' and how to fix it."""
    rule = Recurrence.daily(dt.time(7))
    assert 10 == len(rule.occurrences(JAN_5, days(JAN_5, 10), tz=LONDON, limit=10))
    with pytest.raises(TooManyOccurrencesError) as caught:
        rule.occurrences(JAN_5, days(JAN_5, 11), tz=LONDON, limit=10)
    assert isinstance(caught.value, ValidationError)
    assert "limit" == caught.value.problems[0][0]
    assert "narrow the window" in str(caught.value)
    assert 10 == caught.value.limit


def test_the_default_limit_is_ten_thousand() -> None:
    """10,000 occurrences are fine; the 10,001st is refused, however far the window goes."""
    rule = Recurrence.daily(dt.time(7))
    assert 10_000 == len(rule.occurrences(JAN_5, days(JAN_5, 10_000), tz="UTC"))
    with pytest.raises(TooManyOccurrencesError):
        rule.occurrences(dt.date(1, 1, 1), dt.date(9999, 12, 31), tz="UTC")
    with pytest.raises(TooManyOccurrencesError):
        rule.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))


def test_week_targets_are_bounded_too() -> None:
    """week_targets refuses more weeks than the limit, like every expansion."""
    with pytest.raises(TooManyOccurrencesError) as caught:
        Recurrence.times_per_week(2).week_targets(JAN_5, days(JAN_5, 7 * 20), limit=10)
    assert "weeks" in str(caught.value)


def test_resolving_a_time_outside_the_supported_dates_is_refused() -> None:
    """The first and last few days of the stdlib's range cannot be resolved in every zone."""
    check_rejected(
        lambda: resolve_local(dt.date(9999, 12, 31), dt.time(7), LONDON), "day", "9999-12-27"
    )


def test_the_limit_error_survives_pickling() -> None:
    """The error crosses process boundaries with its limit."""
    err = TooManyOccurrencesError(5)
    restored = pickle.loads(pickle.dumps(err))
    assert (str(err), 5) == (str(restored), restored.limit)


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    began = time.perf_counter()
    result = call()
    return result, time.perf_counter() - began


def test_a_far_window_costs_what_a_near_one_costs() -> None:
    """The year 9000 is reached by arithmetic, not by walking from 2026."""
    rule = Recurrence.every_n_days(3, at=dt.time(7), start=dt.date(2026, 1, 1))
    found, seconds = timed(
        lambda: rule.occurrences(dt.date(9000, 1, 1), dt.date(9000, 1, 10), tz=LONDON)
    )
    window = range(dt.date(9000, 1, 1).toordinal(), dt.date(9000, 1, 10).toordinal())
    expected = [o for o in window if (o - dt.date(2026, 1, 1).toordinal()) % 3 == 0]
    assert [dt.date.fromordinal(o) for o in expected] == [v.date() for v in found]
    assert seconds < 0.5


def test_count_is_honoured_in_a_far_window_without_walking() -> None:
    """The 5,000th Monday of a 52-weekly rule is found directly, and nothing after it."""
    rule = Recurrence.weekly([MON], at=dt.time(7), every_weeks=52, start=JAN_5, count=5000)
    last = days(JAN_5, 4999 * 52 * 7)
    found, seconds = timed(
        lambda: rule.occurrences(days(last, -400), days(last, 400), tz="America/New_York")
    )
    assert [days(last, -364), last] == [v.date() for v in found]
    assert seconds < 0.5


def test_a_sparse_rule_over_millennia_stays_cheap() -> None:
    """Five thousand years of a yearly-ish rule: bounded by the occurrences, not the years."""
    rule = Recurrence.every_n_days(366, at=dt.time(7), start=dt.date(2000, 1, 1))
    found, seconds = timed(
        lambda: rule.occurrences(dt.date(2000, 1, 1), dt.date(7000, 1, 1), tz="Europe/Paris")
    )
    span = (dt.date(7000, 1, 1) - dt.date(2000, 1, 1)).days
    assert -(-span // 366) == len(found)
    assert {dt.time(7)} == {v.time() for v in found}
    assert seconds < 5


# Rituals and plan items


def ritual(anchor: Anchor, recurrence: Recurrence | None = None) -> Ritual:
    return Ritual(
        id="evening-wind-down",
        name="Evening wind-down",
        steps=[RitualStep("mindful-breathing", 5), RitualStep("one-gratitude", 10)],
        anchor=anchor,
        recurrence=recurrence or Recurrence.daily(),
        roles={Role.CLIENT},
    )


def test_a_ritual_gives_each_steps_start() -> None:
    """Each time the ritual begins, its steps follow one another by their minutes."""
    found = ritual(Anchor.at(dt.time(21))).occurrences(JAN_5, days(JAN_5, 2), tz=LONDON)
    assert [
        ["2026-01-05 21:00", "2026-01-05 21:05"],
        ["2026-01-06 21:00", "2026-01-06 21:05"],
    ] == [local(starts) for starts in found]


def test_a_ritual_step_across_a_change_of_clock_lasts_its_real_minutes() -> None:
    """Begun at 00:55 before the 01:00 jump, the second step starts five real minutes later."""
    found = ritual(Anchor.at(dt.time(0, 55))).occurrences(
        dt.date(2026, 3, 29), dt.date(2026, 3, 30), tz=LONDON
    )
    assert [["2026-03-29 00:55", "2026-03-29 02:00"]] == [local(starts) for starts in found]
    assert 5 * 60 == found[0][1].timestamp() - found[0][0].timestamp()


@pytest.mark.parametrize(
    "anchor",
    [Anchor.after_each_session(), Anchor.workday_start(), Anchor.workday_end()],
    ids=lambda a: a.kind.value,
)
def test_a_ritual_tied_to_the_workday_has_no_times_of_its_own(anchor: Anchor) -> None:
    """Only a ritual at a time of day can be expanded alone; the error names the anchor."""
    check_rejected(
        lambda: ritual(anchor).occurrences(JAN_5, days(JAN_5, 1), tz=LONDON),
        "anchor",
        "Anchor.at",
    )


def test_a_paused_plan_item_skips_its_holiday_and_carries_on() -> None:
    """A pause removes its days and nothing else: the item is not ended."""
    item = PlanItem(
        "short-walk",
        Recurrence.daily(at=dt.time(12)),
        minutes=10,
        pauses=[Period(days(JAN_5, 1), days(JAN_5, 3)), Period(days(JAN_5, 5), days(JAN_5, 5))],
    )
    found = item.occurrences(JAN_5, days(JAN_5, 7), tz=LONDON)
    assert [0, 4, 6] == [(dt.date(v.year, v.month, v.day) - JAN_5).days for v in found]
    assert (JAN_5, days(JAN_5, 4), days(JAN_5, 6)) == item.dates(JAN_5, days(JAN_5, 6))


def test_a_long_pause_costs_nothing() -> None:
    """A pause of a thousand years is cut out of the window, not walked through."""
    item = PlanItem(
        "short-walk",
        Recurrence.daily(at=dt.time(12)),
        minutes=10,
        pauses=[
            Period(dt.date(2027, 1, 1), dt.date(3027, 1, 1)),
            Period(dt.date(4000, 1, 1), dt.date(4000, 1, 2)),
        ],
    )
    found, seconds = timed(
        lambda: item.occurrences(dt.date(2026, 12, 31), dt.date(3027, 1, 3), tz=LONDON)
    )
    assert [dt.date(2026, 12, 31), dt.date(3027, 1, 2)] == [v.date() for v in found]
    assert seconds < 0.5


def test_paused_occurrences_still_count() -> None:
    """Like skipped dates, paused occurrences use up the count: the last date does not move."""
    item = PlanItem(
        "short-walk",
        Recurrence.daily(start=JAN_5, count=4),
        minutes=10,
        pauses=[Period(days(JAN_5, 1), days(JAN_5, 2))],
    )
    assert (JAN_5, days(JAN_5, 3)) == item.dates(JAN_5, days(JAN_5, 30))
