"""Specification of monthly recurrences: on a day of the month, or on the nth weekday.

A monthly rule falls on one day of each of its months, every ``interval`` months counted
from the month of its start (or origin). A day a month lacks (the 31st in April) is skipped
in that month, as RFC 5545 does. The expansion is checked against a walk through every day,
on the days the clocks change, at both ends of the calendar, and against dateutil.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import calendar
import datetime as dt
import time
import zoneinfo
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from selfcare import Frequency, Period, PlanItem, Recurrence, ValidationError, Weekday
from selfcare.testing import ZONES
from tests.rejection import check_rejected
from tests.time.test_occurrences import (
    _matches,
    as_triples,
    days,
    instant,
    local,
    monthly,
    reference,
)

MON, TUE, WED, THU, FRI, SAT, SUN = Weekday
FIRST = dt.date(1, 1, 5)  # the first day that can hold an occurrence
LAST = dt.date(9999, 12, 27)  # the last, a Monday


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to see it rejected."""
    return value


def walk(rule: Recurrence, first: dt.date, last: dt.date, origin: dt.date | None) -> list[dt.date]:
    """The dates in ``[first, last]`` by the definition: every day from the start, counted."""
    base = rule.start or origin
    day, used, found = base or first, 0, []
    slots = max(1, len(rule.times))
    while day <= last and (rule.until is None or day <= rule.until):
        if _matches(rule, day, base):
            if rule.count is not None and used >= rule.count:
                break
            used += slots
            if day >= first and day not in rule.skipped:
                found.append(day)
        day += dt.timedelta(days=1)
    return found


# By example: the days, the 31st, the last day and the nth weekday

JAN_1 = dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        pytest.param(
            Recurrence.monthly(15),
            ["01-15", "02-15", "03-15", "04-15", "05-15", "06-15"],
            id="15th",
        ),
        pytest.param(
            Recurrence.monthly(31),
            ["01-31", "03-31", "05-31"],
            id="31st-skips-short-months",
        ),
        pytest.param(
            Recurrence.monthly(30),
            ["01-30", "03-30", "04-30", "05-30", "06-30"],
            id="30th-skips-february",
        ),
        pytest.param(
            Recurrence.monthly(-1),
            ["01-31", "02-28", "03-31", "04-30", "05-31", "06-30"],
            id="last-day",
        ),
        pytest.param(
            Recurrence.monthly(weekday=TUE, nth=2),
            ["01-13", "02-10", "03-10", "04-14", "05-12", "06-09"],
            id="second-tuesday",
        ),
        pytest.param(
            Recurrence.monthly(weekday=FRI, nth=-1),
            ["01-30", "02-27", "03-27", "04-24", "05-29", "06-26"],
            id="last-friday",
        ),
        pytest.param(
            Recurrence.monthly(weekday=THU, nth=4),
            ["01-22", "02-26", "03-26", "04-23", "05-28", "06-25"],
            id="fourth-thursday",
        ),
        pytest.param(
            Recurrence.monthly(weekday=MON, nth=1, every_months=2, start=dt.date(2026, 2, 3)),
            ["04-06", "06-01"],
            id="every-2-months-from-february",
        ),
        pytest.param(
            Recurrence.monthly(31, every_months=2, start=JAN_1),
            ["01-31", "03-31", "05-31"],
            id="every-2-months-31st",
        ),
        pytest.param(
            Recurrence.monthly(31, every_months=2, start=dt.date(2026, 2, 1)),
            [],
            id="every-2-months-from-february-31st-none-until-august",
        ),
    ],
)
def test_the_days_of_a_monthly_rule(rule: Recurrence, expected: list[str]) -> None:
    """From January to June 2026: each month's day, skipped where the month lacks it."""
    found = rule.dates(JAN_1, dt.date(2026, 6, 30))
    assert expected == [day.strftime("%m-%d") for day in found]


def test_a_start_after_the_day_of_its_month_begins_the_next_month() -> None:
    """A start on the 20th, a rule on the 15th: the first occurrence is next month's 15th."""
    rule = Recurrence.monthly(15, start=dt.date(2026, 1, 20), count=2)
    assert (dt.date(2026, 2, 15), dt.date(2026, 3, 15)) == rule.dates(JAN_1, dt.date(2026, 12, 31))


def test_the_interval_counts_months_from_the_month_of_start() -> None:
    """Every 3 months from a start on 20 January, on the 15th: April, July, October."""
    rule = Recurrence.monthly(15, every_months=3, start=dt.date(2026, 1, 20))
    expected = (dt.date(2026, 4, 15), dt.date(2026, 7, 15), dt.date(2026, 10, 15))
    assert expected == rule.dates(JAN_1, dt.date(2026, 12, 31))


def test_the_origin_stands_in_for_a_missing_start() -> None:
    """Without a start, every 2 months is counted from the origin's month."""
    rule = Recurrence.monthly(weekday=WED, nth=1, every_months=2)
    expected = (dt.date(2026, 3, 4), dt.date(2026, 5, 6))
    assert expected == rule.dates(JAN_1, dt.date(2026, 6, 30), origin=dt.date(2026, 3, 1))
    check_rejected(lambda: rule.dates(JAN_1, dt.date(2026, 6, 30)), "origin", "pass origin=")


def test_count_skips_the_months_without_the_day() -> None:
    """Three occurrences on the 31st: January, March and May (a skipped month uses none)."""
    rule = Recurrence.monthly(31, at=[dt.time(7), dt.time(19)], start=JAN_1, count=5)
    found = rule.occurrences(JAN_1, dt.date(2027, 1, 1), tz="Europe/London")
    assert [
        "2026-01-31 07:00",
        "2026-01-31 19:00",
        "2026-03-31 07:00",
        "2026-03-31 19:00",
        "2026-05-31 07:00",
    ] == local(found)


def test_the_29th_of_february_every_twelve_months_is_in_leap_years() -> None:
    """Every 12 months from February, the 29th: leap years only, none in 2100."""
    rule = Recurrence.monthly(29, every_months=12, start=dt.date(2096, 2, 1))
    assert (dt.date(2096, 2, 29), dt.date(2104, 2, 29)) == rule.dates(
        dt.date(2096, 1, 1), dt.date(2107, 12, 31)
    )


@pytest.mark.parametrize(
    "rule",
    [
        Recurrence.monthly(31, every_months=12, start=dt.date(2026, 4, 1)),
        Recurrence.monthly(30, every_months=12, start=dt.date(2026, 2, 1), count=5),
        Recurrence.monthly(31, every_months=12, start=dt.date(2026, 11, 30), count=3),
    ],
    ids=["31-april", "30-february-count", "31-november-count"],
)
def test_a_rule_that_never_matches_holds_nothing_and_costs_nothing(rule: Recurrence) -> None:
    """The 31st of every April: nothing in the whole calendar, found at once, not by walking."""
    began = time.perf_counter()
    assert () == rule.dates(dt.date.min, dt.date.max)
    assert () == rule.occurrences(dt.date.min, dt.date.max, tz="Pacific/Apia")
    assert {0} == {n for _, n in rule.week_targets(JAN_1, dt.date(2040, 1, 1), limit=10**6)}
    assert time.perf_counter() - began < 0.5


def test_the_day_samoa_skipped_moves_the_30th_onto_the_31st() -> None:
    """30 December 2011 did not exist in Samoa: that day's 10:00 is the 31st's 10:00."""
    for rule in (Recurrence.monthly(30, dt.time(10)), Recurrence.monthly(-1, dt.time(10))):
        found = rule.occurrences(dt.date(2011, 11, 1), dt.date(2012, 1, 1), tz="Pacific/Apia")
        assert ["2011-11-30 10:00", "2011-12-31 10:00"] == local(found)
    last_friday = Recurrence.monthly(weekday=FRI, nth=-1, at=dt.time(10))
    found = last_friday.occurrences(dt.date(2011, 12, 1), dt.date(2012, 1, 1), tz="Pacific/Apia")
    assert ["2011-12-31T10:00:00+14:00"] == [v.isoformat() for v in found]


def test_the_last_sunday_of_march_and_october_follows_the_dst_policy() -> None:
    """In London the clocks change on the last Sunday: 01:30 moves to 02:30, then is earlier."""
    rule = Recurrence.monthly(weekday=SUN, nth=-1, at=dt.time(1, 30))
    found = rule.occurrences(dt.date(2026, 3, 1), dt.date(2026, 11, 1), tz="Europe/London")
    assert "2026-03-29T02:30:00+01:00" == found[0].isoformat()
    assert "2026-10-25T01:30:00+01:00" == found[-1].isoformat()


def test_a_plan_item_and_its_pauses() -> None:
    """A monthly plan item leaves out a paused month and carries on."""
    item = PlanItem(
        "peer-consultation",
        Recurrence.monthly(weekday=TUE, nth=2, at=dt.time(18)),
        minutes=60,
        pauses=[Period(dt.date(2026, 8, 1), dt.date(2026, 8, 31))],
    )
    found = item.occurrences(dt.date(2026, 7, 1), dt.date(2026, 10, 1), tz="Europe/London")
    assert ["2026-07-14 18:00", "2026-09-08 18:00"] == local(found)
    assert (dt.date(2026, 7, 14), dt.date(2026, 9, 8)) == item.dates(
        dt.date(2026, 7, 1), dt.date(2026, 9, 30)
    )


def test_week_targets_count_one_in_the_week_of_the_day() -> None:
    """One occurrence (each time of day) in the ISO week that holds the date, none elsewhere."""
    rule = Recurrence.monthly(15, at=[dt.time(9), dt.time(17)])
    weeks = rule.week_targets(dt.date(2026, 1, 12), dt.date(2026, 2, 1))
    assert (
        (dt.date(2026, 1, 12), 2),
        (dt.date(2026, 1, 19), 0),
        (dt.date(2026, 1, 26), 0),
    ) == weeks


# Against the day-by-day definition

#: Years with interesting changes: Samoa's skipped day (2011) and a century's leap rule.
YEARS = st.sampled_from([1995, 2011, 2026, 2100])


@st.composite
def monthly_rules(draw: st.DrawFn) -> Recurrence:
    """Monthly rules of every shape near the years drawn, with small counts."""
    year = draw(YEARS)
    start = draw(st.none() | st.dates(dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31)))
    times = draw(st.lists(st.builds(dt.time, st.integers(0, 23), st.integers(0, 59)), max_size=2))
    end = draw(st.sampled_from(["none", "until", "count"]))
    until = draw(st.dates(start or dt.date(year - 1, 1, 1), dt.date(year + 2, 12, 31)))
    count = draw(st.integers(1, 40))
    rule = draw(
        monthly(
            sorted(set(times)),
            start=start,
            until=until if end == "until" else None,
            count=count if end == "count" else None,
        )
    )
    near = st.dates(dt.date(year - 1, 1, 1), dt.date(year + 2, 12, 31))
    return rule.with_skipped(*draw(st.frozensets(near, max_size=3)))


@given(monthly_rules(), st.data())
@example(Recurrence.monthly(29, every_months=12, start=dt.date(2096, 2, 1)), None)
@example(Recurrence.monthly(31, every_months=7, start=dt.date(2025, 1, 31), count=9), None)
def test_dates_are_the_day_by_day_definition(rule: Recurrence, data: st.DataObject | None) -> None:
    """dates() equals walking every day from the start and counting, for any window."""
    origin = dt.date(2010, 11, 17)
    if data is None:
        first, last = dt.date(2020, 1, 1), dt.date(2110, 1, 1)
    else:
        year = (rule.start or origin).year
        first = data.draw(st.dates(dt.date(year - 1, 1, 1), dt.date(year + 2, 12, 31)))
        last = days(first, data.draw(st.integers(0, 800)))
    assert walk(rule, first, last, origin) == list(rule.dates(first, last, origin=origin))


@cache
def zone_change_days(zone: str, year: int) -> tuple[dt.date, ...]:
    """The days in ``year`` whose first moment has another offset than the next day's."""
    tz = zoneinfo.ZoneInfo(zone)
    day, found = dt.date(year, 1, 1), []
    offset = dt.datetime.combine(day, dt.time(0), tz).utcoffset()
    while day.year == year:
        after = dt.datetime.combine(days(day, 1), dt.time(0), tz).utcoffset()
        if after != offset:
            found += [day, days(day, 1)]
        day, offset = days(day, 1), after
    return tuple(found)


@st.composite
def on_change_days(draw: st.DrawFn) -> tuple[Recurrence, str, Any, Any]:
    """A monthly rule whose day is a day some zone changes its clocks, that zone, a window.

    The rule names the day by its date, as the last day, as its nth weekday or as the last
    weekday of the month; its times are often in the small hours, where gaps and folds are.
    """
    zone = draw(st.sampled_from([z for z in ZONES if zone_change_days(z, 2011)]))
    year = draw(st.sampled_from([1995, 2011, 2026]))
    changes = zone_change_days(zone, year) or zone_change_days(zone, 2011)
    change = draw(st.sampled_from(changes))
    last_day = days(change, 1).month != change.month
    last_week = days(change, 7).month != change.month
    nth = (change.day - 1) // 7 + 1
    ways: list[dict[str, Any]] = [{"day": change.day}]
    ways += [{"day": -1}] if last_day else []
    ways += [{"weekday": Weekday.of(change), "nth": nth}] if nth <= 4 else []
    ways += [{"weekday": Weekday.of(change), "nth": -1}] if last_week else []
    small_hours = st.builds(dt.time, st.integers(0, 3), st.sampled_from([0, 15, 30, 59]))
    anytime = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))
    times = draw(st.lists(small_hours, min_size=1, max_size=3) | st.lists(anytime, max_size=2))
    every = draw(st.sampled_from([1, 2, 3, 4, 6, 12]))  # each divides 12: the month is one
    start = draw(st.none() | st.just(dt.date(change.year - 1, change.month, 1)))
    rule = Recurrence.monthly(
        **draw(st.sampled_from(ways)),
        at=set(times),
        every_months=every if start else 1,
        start=start,
    )

    def bound(day: dt.date) -> Any:
        if draw(st.booleans()):
            return day
        hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
        return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.UTC)

    before, after = draw(st.integers(0, 40)), draw(st.integers(0, 40))
    return rule, zone, bound(days(change, -before)), bound(days(change, after))


@given(on_change_days())
@example(
    (Recurrence.monthly(30, dt.time(10)), "Pacific/Apia", dt.date(2011, 12, 1), dt.date(2012, 1, 2))
)
@example(
    (
        Recurrence.monthly(weekday=SUN, nth=2, at=[dt.time(1, 30), dt.time(2, 30)]),
        "America/New_York",
        dt.date(2026, 3, 1),
        dt.date(2026, 11, 30),
    )
)
def test_occurrences_on_change_days_follow_the_definition(
    case: tuple[Recurrence, str, Any, Any],
) -> None:
    """On the days the clocks change, each occurrence is what the DST policy makes of it."""
    rule, zone, start, end = case
    low, high = instant(start, zone), instant(end, zone)
    if low > high:
        start, end, low, high = end, start, high, low
    origin = dt.date(1990, 1, 1)
    found = rule.occurrences(start, end, tz=zone, origin=origin)
    assert reference(rule, low, high, zone, origin) == as_triples(found)


@given(monthly_rules(), st.sampled_from(ZONES), st.data())
def test_occurrences_are_the_day_by_day_definition_in_any_zone(
    rule: Recurrence, zone: str, data: st.DataObject
) -> None:
    """Over windows of up to two years, in every zone of the tests."""
    year = (rule.start or dt.date(2011, 1, 1)).year
    first = data.draw(st.dates(dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31)))
    last = days(first, data.draw(st.integers(0, 730)))
    origin = dt.date(2010, 11, 17)
    found = rule.occurrences(first, last, tz=zone, origin=origin)
    assert reference(rule, instant(first, zone), instant(last, zone), zone, origin) == (
        as_triples(found)
    )


@given(monthly_rules(), st.data())
def test_week_targets_agree_with_dates(rule: Recurrence, data: st.DataObject) -> None:
    """Each ISO week holds the occurrences of its one date, or none: as expanded in UTC."""
    year = (rule.start or dt.date(2011, 1, 1)).year
    first = data.draw(st.dates(dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31)))
    last = days(first, data.draw(st.integers(0, 400)))
    origin = dt.date(2010, 11, 17)
    weeks = rule.week_targets(first, last, origin=origin)
    after = days(weeks[-1][0], 7)
    in_utc = rule.occurrences(weeks[0][0], after, tz="UTC", origin=origin)
    found = rule.dates(weeks[0][0], days(after, -1), origin=origin)
    expected = {week: 0 for week, _ in weeks}
    for value in in_utc:
        expected[days(value.date(), -value.weekday())] += 1
    assert list(expected.items()) == list(weeks)
    assert len({days(day, -day.weekday()) for day in found}) == len(found)  # one a week at most
    assert len(found) == sum(1 for _, n in weeks if n)


@given(monthly_rules())
def test_count_and_until_are_respected(rule: Recurrence) -> None:
    """No more than ``count`` occurrences, none after ``until``, whatever the window."""
    assume(rule.count is not None or rule.until is not None)
    origin = dt.date(2010, 11, 17)
    everything = rule.occurrences(
        dt.date(1990, 1, 1), dt.date(2120, 1, 1), tz="Europe/Berlin", origin=origin
    )
    if rule.count is not None:
        assert len(everything) <= rule.count
    if rule.until is not None:
        assert all(v.date() <= days(rule.until, 1) for v in everything)  # a gap moves by a day


def test_the_last_day_of_a_far_count_is_found_without_walking() -> None:
    """The 10,000th 31st of every 5th month, 7,000 years on: computed, not walked to."""
    rule = Recurrence.monthly(31, at=dt.time(7), every_months=5, start=JAN_1, count=10_000)
    began = time.perf_counter()
    tail = rule.dates(dt.date(9000, 1, 1), dt.date.max)
    seconds = time.perf_counter() - began
    month, hits = 2026 * 12, list[dt.date]()
    while len(hits) < 10_000:
        year, index = divmod(month, 12)
        if 31 == calendar.monthrange(year, index + 1)[1]:
            hits.append(dt.date(year, index + 1, 31))
        month += 5
    assert [d for d in hits if d.year >= 9000] == list(tail)
    assert seconds < 0.1


def test_a_far_window_costs_what_a_near_one_costs() -> None:
    """The year 9000 is reached by arithmetic on months."""
    rule = Recurrence.monthly(weekday=MON, nth=1, at=dt.time(7), start=JAN_1)
    began = time.perf_counter()
    found = rule.occurrences(dt.date(9000, 1, 1), dt.date(9000, 4, 1), tz="Europe/London")
    assert time.perf_counter() - began < 0.5
    assert ["9000-01-06 07:00", "9000-02-03 07:00", "9000-03-03 07:00"] == local(found)


def test_the_limit_bounds_a_monthly_rule_too() -> None:
    """More than ``limit`` occurrences is an error, as for every rule."""
    from selfcare.errors import TooManyOccurrencesError

    rule = Recurrence.monthly(-1)
    assert 12 == len(rule.occurrences(JAN_1, dt.date(2027, 1, 1), tz="UTC", limit=12))
    with pytest.raises(TooManyOccurrencesError):
        rule.occurrences(JAN_1, dt.date(2027, 1, 2), tz="UTC", limit=11)
    with pytest.raises(TooManyOccurrencesError):
        rule.dates(dt.date.min, dt.date.max)


# Both ends of the supported range


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
def test_both_ends_of_the_supported_range(zone: str) -> None:
    """0001-01-05 (a Friday) and 9999-12-27 (a Monday) hold a monthly rule's days, and no
    day outside them does."""
    first_friday = Recurrence.monthly(weekday=FRI, nth=1, at=dt.time(0))
    last_monday = Recurrence.monthly(weekday=MON, nth=-1, at=dt.time(23, 59, 59))
    last_day = Recurrence.monthly(-1, at=dt.time(12))
    assert FIRST == first_friday.occurrences(dt.date.min, days(FIRST, 1), tz=zone)[0].date()
    assert LAST == last_monday.occurrences(dt.date(9999, 12, 1), dt.date.max, tz=zone)[0].date()
    assert ["9999-11-30 12:00"] == local(
        last_day.occurrences(dt.date(9999, 11, 1), dt.date.max, tz=zone)
    )
    assert (dt.date(1, 1, 31),) == last_day.dates(dt.date.min, dt.date(1, 2, 1))
    assert () == Recurrence.monthly(1).dates(dt.date.min, days(FIRST, 20))


@pytest.mark.parametrize(
    "rule",
    [
        Recurrence.monthly(15, start=dt.date(9999, 1, 1), count=100),
        Recurrence.monthly(31, every_months=12, start=dt.date(9999, 12, 1)),
        Recurrence.monthly(weekday=SUN, nth=4, every_months=5, start=dt.date(1, 1, 1), count=3),
        Recurrence.monthly(-1, every_months=11, start=dt.date(9990, 1, 1)),
    ],
    ids=["count-past-the-end", "31st-after-the-end", "count-from-year-1", "every-11-months"],
)
@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "America/St_Johns"])
def test_counts_and_intervals_at_the_ends_stay_inside(rule: Recurrence, zone: str) -> None:
    """dates, week_targets and occurrences near both ends agree and stay in the range."""
    for first, last in ((dt.date.min, dt.date(3, 1, 1)), (dt.date(9990, 1, 1), dt.date.max)):
        found = rule.dates(first, last)
        assert walk(rule, max(first, FIRST), min(last, LAST), None) == list(found)
        weeks = rule.week_targets(first, last)
        assert len(found) == sum(n for _, n in weeks)
        assert {0, 1} >= {n for _, n in weeks}
        occurrences = rule.occurrences(first, last, tz=zone)
        assert [d for d in found if d < last] == [v.date() for v in occurrences]


# Building, describing and refusing


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (Recurrence.monthly(15, at=dt.time(9)), "on the 15th of every month at 09:00"),
        (Recurrence.monthly(-1), "on the last day of every month"),
        (Recurrence.monthly(weekday=TUE, nth=2), "on the second Tuesday of every month"),
        (
            Recurrence.monthly(weekday=MON, nth=1, every_months=2),
            "every 2 months on the first Monday",
        ),
        (Recurrence.monthly(weekday=FRI, nth=-1), "on the last Friday of every month"),
        (Recurrence.monthly(weekday=THU, nth=3), "on the third Thursday of every month"),
        (Recurrence.monthly(weekday=SUN, nth=4), "on the fourth Sunday of every month"),
        (Recurrence.monthly(1), "on the 1st of every month"),
        (Recurrence.monthly(2), "on the 2nd of every month"),
        (Recurrence.monthly(3), "on the 3rd of every month"),
        (Recurrence.monthly(11), "on the 11th of every month"),
        (Recurrence.monthly(12), "on the 12th of every month"),
        (Recurrence.monthly(13), "on the 13th of every month"),
        (Recurrence.monthly(21), "on the 21st of every month"),
        (Recurrence.monthly(22), "on the 22nd of every month"),
        (Recurrence.monthly(23), "on the 23rd of every month"),
        (Recurrence.monthly(31, every_months=3), "every 3 months on the 31st"),
        (Recurrence.monthly(-1, every_months=12), "every 12 months on the last day"),
        (
            Recurrence.monthly(28, [dt.time(7), dt.time(19)], start=JAN_1, count=6),
            "on the 28th of every month at 07:00 and 19:00 from 2026-01-01, 6 times in all",
        ),
    ],
)
def test_describe(rule: Recurrence, text: str) -> None:
    """Plain English, with capitals only for weekday names."""
    assert text == rule.describe()


def test_monthly_keeps_plain_fields() -> None:
    """A monthly rule is MONTHLY with an interval and ints (or None) for its day."""
    by_date = Recurrence.monthly(15, every_months=3)
    assert (Frequency.MONTHLY, 3, 15, None, frozenset()) == (
        by_date.frequency,
        by_date.interval,
        by_date.monthday,
        by_date.nth,
        by_date.weekdays,
    )
    by_weekday = Recurrence.monthly(weekday=TUE, nth=-1)
    assert (None, -1, frozenset({TUE})) == (
        by_weekday.monthday,
        by_weekday.nth,
        by_weekday.weekdays,
    )
    assert by_date == Recurrence(Frequency.MONTHLY, interval=3, monthday=15)
    assert (None, None) == (Recurrence.daily().monthday, Recurrence.daily().nth)


@pytest.mark.parametrize(
    ("rule", "per_week"),
    [
        (Recurrence.monthly(15), 12 * 7 / 365.2425),
        (Recurrence.monthly(weekday=MON, nth=-1, every_months=2), 6 * 7 / 365.2425),
        (Recurrence.monthly(31), 7 * 7 / 365.2425),
        (Recurrence.monthly(30, every_months=3), 11 / 3 * 7 / 365.2425),
    ],
)
def test_days_per_week_counts_the_months_with_the_day(rule: Recurrence, per_week: float) -> None:
    """About 0.23 days a week for every month, fewer for the 31st (seven months a year)."""
    assert per_week == pytest.approx(rule.days_per_week)


MONTHLY_REJECTED = [
    pytest.param(
        lambda: Recurrence.monthly(), "monthday", "a day of the month or a weekday", id="nothing"
    ),
    pytest.param(lambda: Recurrence.monthly(0), "monthday", "from 1 to 31, or -1", id="day-0"),
    pytest.param(lambda: Recurrence.monthly(32), "monthday", "from 1 to 31, or -1", id="day-32"),
    pytest.param(lambda: Recurrence.monthly(-2), "monthday", "from 1 to 31, or -1", id="day--2"),
    pytest.param(lambda: Recurrence.monthly(wrong(True)), "monthday", "got True", id="day-bool"),
    pytest.param(
        lambda: Recurrence.monthly(wrong(1.0)), "monthday", "from 1 to 31", id="day-float"
    ),
    pytest.param(
        lambda: Recurrence.monthly(wrong("SECRET 15")),
        "monthday",
        "got a string of 9 characters",
        id="day-text",
    ),
    pytest.param(
        lambda: Recurrence.monthly(15, weekday=TUE),
        "weekdays",
        "has no weekday",
        id="day-and-weekday",
    ),
    pytest.param(lambda: Recurrence.monthly(15, nth=2), "nth", "not both", id="day-and-nth"),
    pytest.param(lambda: Recurrence.monthly(weekday=TUE), "nth", "expected nth", id="no-nth"),
    pytest.param(
        lambda: Recurrence.monthly(nth=2), "weekdays", "expected one weekday", id="no-weekday"
    ),
    pytest.param(lambda: Recurrence.monthly(weekday=TUE, nth=5), "nth", "1 to 4", id="nth-5"),
    pytest.param(lambda: Recurrence.monthly(weekday=TUE, nth=0), "nth", "1 to 4", id="nth-0"),
    pytest.param(lambda: Recurrence.monthly(weekday=TUE, nth=-2), "nth", "or -1", id="nth--2"),
    pytest.param(
        lambda: Recurrence.monthly(weekday=TUE, nth=wrong("2")),
        "nth",
        "got a string",
        id="nth-text",
    ),
    pytest.param(
        lambda: Recurrence.monthly(weekday=wrong("TU"), nth=2),
        "weekdays",
        "expected one Weekday",
        id="weekday-text",
    ),
    pytest.param(
        lambda: Recurrence.monthly(weekday=wrong([TUE, THU]), nth=2),
        "weekdays",
        "expected one Weekday",
        id="weekday-list",
    ),
    pytest.param(
        lambda: Recurrence.monthly(weekday=wrong(1), nth=2),
        "weekdays",
        "expected one Weekday",
        id="weekday-int",
    ),
    pytest.param(
        lambda: Recurrence.monthly(15, every_months=0), "interval", "from 1 to 12", id="every-0"
    ),
    pytest.param(
        lambda: Recurrence.monthly(15, every_months=13), "interval", "from 1 to 12", id="every-13"
    ),
    pytest.param(
        lambda: Recurrence.monthly(15, count=2, until=JAN_1), "count", "not both", id="count-until"
    ),
    pytest.param(
        lambda: Recurrence.monthly(15, start=JAN_1, until=days(JAN_1, -1)),
        "until",
        "on or after 'start'",
        id="until-before-start",
    ),
    pytest.param(
        lambda: Recurrence(Frequency.MONTHLY, weekdays={TUE, THU}, nth=2),
        "weekdays",
        "expected one weekday",
        id="two-weekdays",
    ),
    pytest.param(
        lambda: Recurrence(Frequency.DAILY, monthday=15),
        "monthday",
        "only a monthly recurrence",
        id="daily-monthday",
    ),
    pytest.param(
        lambda: Recurrence(Frequency.WEEKLY, weekdays={TUE}, nth=2),
        "nth",
        "only a monthly recurrence",
        id="weekly-nth",
    ),
    pytest.param(
        lambda: Recurrence(Frequency.TIMES_PER_WEEK, per_week=2, monthday=-1),
        "monthday",
        "only a monthly recurrence",
        id="per-week-monthday",
    ),
    pytest.param(
        lambda: Recurrence(Frequency.MONTHLY, monthday=15, per_week=2),
        "per_week",
        "only a times-per-week",
        id="monthly-per-week",
    ),
]


@pytest.mark.parametrize(("build", "field", "expected"), MONTHLY_REJECTED)
def test_bad_arguments_are_refused_naming_the_field(
    build: Callable[[], object], field: str, expected: str
) -> None:
    """Each mistake names the field and says what to give instead, never quoting text."""
    check_rejected(build, field, expected)
    with pytest.raises(ValidationError) as caught:
        build()
    assert "SECRET" not in str(caught.value)
