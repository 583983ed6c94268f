"""Specification of the supported range: both ends give a correct answer or a ValidationError.

Days from 0001-01-05 to 9999-12-27 can hold occurrences and be resolved; a window may reach
past them, and the days outside hold nothing. Zoned instants, and the days the workday
planner plans, are in the years 2 to 9998 of their zone. Nothing near either end raises
anything but a ValidationError, in zones far east and far west of UTC.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Anchor,
    Period,
    PlanItem,
    Recurrence,
    Ritual,
    RitualStep,
    Role,
    Session,
    ValidationError,
    Weekday,
    WorkdayRules,
    plan_workday,
    resolve_local,
)
from selfcare._time.zoned import check_zoned
from selfcare.testing import ZONES
from tests.time.test_occurrences import monthly

FIRST = dt.date(1, 1, 5)  # the first day that can hold an occurrence
LAST = dt.date(9999, 12, 27)  # the last
#: Zones far from UTC today: +14, -11, -3:30 and +5:45, and UTC itself. (In the years 1 and
#: 9999 a zone has the offset of its rules then: local mean time in year 1.)
EDGE_ZONES = [
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "America/St_Johns",
    "Asia/Kathmandu",
    "UTC",
]
ALL_ZONES = sorted({*EDGE_ZONES, *ZONES})
RANGE = "from 0001-01-05 to 9999-12-27"


def days(first: dt.date, n: int) -> dt.date:
    return first + dt.timedelta(days=n)


def midnight(day: dt.date, zone: str) -> int:
    """The first moment of a day in a zone, as seconds since the epoch (stdlib's reading)."""
    return int(dt.datetime.combine(day, dt.time(0), zoneinfo.ZoneInfo(zone)).timestamp())


def local(values: tuple[pendulum.DateTime, ...]) -> list[str]:
    """The wall-clock times, as ``YYYY-MM-DD HH:MM:SS`` (four-digit years, even year 1)."""
    return [dt.datetime(*v.timetuple()[:6]).isoformat(" ") for v in values]


def rejected(call: Callable[[], object]) -> tuple[str, str]:
    """Run a call that must be refused and return its one problem."""
    with pytest.raises(ValidationError) as caught:
        call()
    [problem] = caught.value.problems
    return problem


MORNING_AND_NIGHT = Recurrence.daily(at=[dt.time(0), dt.time(23, 59, 59)])


# Recurrence.occurrences: both ends, with dates and with datetimes


@pytest.mark.parametrize("zone", EDGE_ZONES)
@pytest.mark.parametrize("end", [days(LAST, 1), days(LAST, 2), dt.date.max])
def test_the_last_supported_day_is_expanded_when_the_window_ends_with_a_date(
    zone: str, end: dt.date
) -> None:
    """A window ending on a date after 9999-12-27 includes every time of that last day."""
    found = MORNING_AND_NIGHT.occurrences(days(LAST, -1), end, tz=zone)
    expected = [
        "9999-12-26 00:00:00",
        "9999-12-26 23:59:59",
        "9999-12-27 00:00:00",
        "9999-12-27 23:59:59",
    ]
    assert expected == local(found)


@pytest.mark.parametrize("zone", EDGE_ZONES)
def test_a_window_ending_on_the_last_supported_day_leaves_it_out(zone: str) -> None:
    """The end is excluded: a window ending on 9999-12-27 stops at its first moment."""
    found = MORNING_AND_NIGHT.occurrences(days(LAST, -1), LAST, tz=zone)
    assert ["9999-12-26 00:00:00", "9999-12-26 23:59:59"] == local(found)


@pytest.mark.parametrize("zone", EDGE_ZONES)
@pytest.mark.parametrize("start", [dt.date.min, days(FIRST, -1), FIRST])
def test_the_first_supported_day_is_expanded_when_the_window_starts_with_a_date(
    zone: str, start: dt.date
) -> None:
    """A window starting on or before 0001-01-05 begins with that day's first time."""
    found = MORNING_AND_NIGHT.occurrences(start, days(FIRST, 1), tz=zone)
    assert ["0001-01-05 00:00:00", "0001-01-05 23:59:59"] == local(found)


@pytest.mark.parametrize("zone", EDGE_ZONES)
def test_a_window_wholly_outside_the_range_holds_nothing(zone: str) -> None:
    """The days before 0001-01-05 and after 9999-12-27 hold no occurrences."""
    assert () == MORNING_AND_NIGHT.occurrences(dt.date.min, FIRST, tz=zone)
    assert () == MORNING_AND_NIGHT.occurrences(days(LAST, 1), dt.date.max, tz=zone)


@pytest.mark.parametrize("zone", EDGE_ZONES)
@pytest.mark.parametrize("bound_zone", [dt.UTC, zoneinfo.ZoneInfo("Pacific/Kiritimati")])
def test_windows_given_as_datetimes_reach_both_ends(zone: str, bound_zone: dt.tzinfo) -> None:
    """From the first instant of the stdlib's range to its last, in any zone, ends included."""
    low = dt.datetime.min.replace(tzinfo=bound_zone)
    high = dt.datetime.max.replace(tzinfo=bound_zone)
    head = MORNING_AND_NIGHT.occurrences(low, dt.datetime(1, 1, 8, tzinfo=dt.UTC), tz=zone)
    tail = MORNING_AND_NIGHT.occurrences(dt.datetime(9999, 12, 24, tzinfo=dt.UTC), high, tz=zone)
    assert ["0001-01-05 00:00:00", "0001-01-05 23:59:59"] == local(head)[:2]
    assert ["9999-12-27 00:00:00", "9999-12-27 23:59:59"] == local(tail)[-2:]


@pytest.mark.parametrize("zone", EDGE_ZONES)
def test_plan_items_and_rituals_reach_the_last_supported_day(zone: str) -> None:
    """A plan item and a ritual at a time of day expand up to 9999-12-27, pauses left out."""
    item = PlanItem(
        "short-walk",
        Recurrence.daily(at=dt.time(7)),
        10,
        pauses=[Period(days(LAST, -2), days(LAST, -1))],
    )
    ritual = Ritual(
        id="evening",
        name="Evening",
        steps=[RitualStep("one-insight", 5), RitualStep("one-gratitude", 5)],
        anchor=Anchor.at(dt.time(21)),
        recurrence=Recurrence.daily(),
        roles={Role.CLIENT},
    )
    found = item.occurrences(days(LAST, -3), dt.date.max, tz=zone)
    begins = ritual.occurrences(days(LAST, -1), dt.date.max, tz=zone)
    assert ["9999-12-24 07:00:00", "9999-12-27 07:00:00"] == local(found)
    expected = [
        ["9999-12-26 21:00:00", "9999-12-26 21:05:00"],
        ["9999-12-27 21:00:00", "9999-12-27 21:05:00"],
    ]
    assert expected == [local(b) for b in begins]


@pytest.mark.parametrize("zone", EDGE_ZONES)
@pytest.mark.parametrize(
    ("rule", "window", "expected"),
    [
        (
            Recurrence.every_n_days(100, dt.time(0), start=FIRST),
            (dt.date.min, days(FIRST, 1)),
            ["0001-01-05 00:00:00"],
        ),
        (
            Recurrence.weekly([Weekday.MONDAY], dt.time(23, 59, 59), every_weeks=10, start=LAST),
            (days(LAST, -7), dt.date.max),
            ["9999-12-27 23:59:59"],
        ),
        (
            Recurrence.monthly(5, dt.time(0), every_months=12, start=dt.date.min),
            (dt.date.min, dt.date(2, 1, 1)),
            ["0001-01-05 00:00:00"],
        ),
        (
            Recurrence.monthly(
                weekday=Weekday.MONDAY,
                nth=-1,
                at=dt.time(23, 59, 59),
                every_months=3,
                start=dt.date(9999, 3, 1),
            ),
            (dt.date(9999, 7, 1), dt.date.max),
            ["9999-09-27 23:59:59", "9999-12-27 23:59:59"],
        ),
    ],
)
def test_sparse_rules_reach_both_ends(
    zone: str, rule: Recurrence, window: tuple[dt.date, dt.date], expected: list[str]
) -> None:
    """A rule whose days are months apart is expanded a few days at a time, up to both ends."""
    assert expected == local(rule.occurrences(*window, tz=zone))


# Recurrence.dates and week_targets


def test_dates_reach_both_ends_and_stop_there() -> None:
    """dates gives 0001-01-05 and 9999-12-27, and nothing beyond them."""
    daily = Recurrence.daily()
    assert (FIRST, days(FIRST, 1)) == daily.dates(dt.date.min, days(FIRST, 1))
    assert (days(LAST, -1), LAST) == daily.dates(days(LAST, -1), dt.date.max)
    assert () == daily.dates(dt.date.min, days(FIRST, -1))
    assert () == daily.dates(days(LAST, 1), dt.date.max)


def test_week_targets_near_the_end_count_the_days_left() -> None:
    """The last week (from Monday 9999-12-27) holds its one supported day; no endless loop."""
    daily = Recurrence.daily()
    expected = ((days(LAST, -7), 7), (LAST, 1))
    assert expected == daily.week_targets(days(LAST, -1), days(LAST, 1))
    assert expected == daily.week_targets(days(LAST, -1), dt.date.max)
    assert ((LAST, 1),) == daily.week_targets(dt.date.max, dt.date.max)


def test_week_targets_near_the_start_count_the_days_from_the_first() -> None:
    """The first week (from Monday 0001-01-01) holds its days from 0001-01-05 on."""
    assert ((dt.date.min, 3),) == Recurrence.daily().week_targets(dt.date.min, dt.date.min)
    three = Recurrence.times_per_week(3)  # Monday, Wednesday, Friday
    expected = ((dt.date.min, 1), (days(dt.date.min, 7), 3))
    assert expected == three.week_targets(dt.date.min, days(dt.date.min, 7))


@pytest.mark.parametrize(
    "rule",
    [
        Recurrence.daily(),
        Recurrence.weekly([Weekday.SUNDAY], every_weeks=3, start=dt.date(9999, 1, 3)),
        Recurrence.every_n_days(5, start=dt.date.min),
        Recurrence.times_per_week(2, until=dt.date.max),
        Recurrence.daily(start=days(LAST, -1), count=10),
        Recurrence.monthly(-1, start=dt.date(9999, 1, 1)),
        Recurrence.monthly(weekday=Weekday.MONDAY, nth=-1, count=10_000, start=dt.date(9000, 1, 1)),
    ],
)
def test_every_kind_of_rule_ends_at_the_last_supported_day(rule: Recurrence) -> None:
    """Whatever the rule, dates and week_targets end inside the range and return."""
    found = rule.dates(dt.date(9999, 11, 1), dt.date.max)
    weeks = rule.week_targets(dt.date(9999, 11, 1), dt.date.max)
    assert all(day <= LAST for day in found)
    assert len(found) == sum(n for _, n in weeks if _ >= dt.date(9999, 10, 25))
    assert LAST == weeks[-1][0]


# resolve_local


@pytest.mark.parametrize("zone", EDGE_ZONES)
@pytest.mark.parametrize(
    ("day", "time"), [(FIRST, dt.time(0)), (LAST, dt.time(23, 59, 59)), (LAST, dt.time(0))]
)
def test_resolve_local_works_on_the_first_and_last_supported_days(
    zone: str, day: dt.date, time: dt.time
) -> None:
    """The wall-clock time is kept on both end days, in every zone."""
    found = resolve_local(day, time, zone)
    assert (day, time, zone) == (found.date(), found.time(), found.timezone_name)


@pytest.mark.parametrize("zone", EDGE_ZONES)
@pytest.mark.parametrize("day", [dt.date.min, days(FIRST, -1), days(LAST, 1), dt.date.max])
def test_resolve_local_refuses_a_day_outside_the_range(zone: str, day: dt.date) -> None:
    """A day outside the range is refused on 'day', with the range and what to do."""
    why = f"expected a date {RANGE} (the supported range), got {day}; pick a day inside it"
    expected = ("day", why)
    assert expected == rejected(lambda: resolve_local(day, dt.time(7), zone))


# Period.weeks_from


def test_weeks_from_fills_the_calendar_up_to_its_last_date() -> None:
    """Whole weeks that end on 9999-12-31 at the latest are fine; one more is refused."""
    assert dt.date.max == Period.weeks_from(dt.date(9999, 12, 25), 1).last
    assert dt.date.max == Period.weeks_from(dt.date(9999, 12, 18), 2).last
    expected = (
        "weeks",
        "expected at most 2 weeks from 9999-12-18: the period would run past 9999-12-31, "
        "where the calendar ends; pass fewer weeks",
    )
    assert expected == rejected(lambda: Period.weeks_from(dt.date(9999, 12, 18), 3))


def test_weeks_from_a_start_too_late_for_a_week_names_the_start() -> None:
    """With no whole week left before the calendar ends, the start is what to change."""
    expected = (
        "start",
        "expected a date on or before 9999-12-25, so that a week fits before the calendar "
        "ends on 9999-12-31; got 9999-12-26",
    )
    assert expected == rejected(lambda: Period.weeks_from(dt.date(9999, 12, 26), 1))


def test_weeks_from_the_first_date_is_fine() -> None:
    """The calendar's first date starts a period like any other."""
    assert Period(dt.date.min, dt.date(1, 1, 14)) == Period.weeks_from(dt.date.min, 2)


# Zoned instants and planned days: the years 2 to 9998


@pytest.mark.parametrize("zone", EDGE_ZONES)
@pytest.mark.parametrize(
    "local_time", [dt.datetime(2, 1, 1), dt.datetime(9998, 12, 31, 23, 59, 59, 999_999)]
)
def test_instants_at_both_ends_of_their_range_are_kept(zone: str, local_time: dt.datetime) -> None:
    """The first and last moments of the years 2 to 9998 are valid instants in any zone."""
    value = local_time.replace(tzinfo=zoneinfo.ZoneInfo(zone))
    assert local_time == check_zoned("at", value).replace(tzinfo=None)


@pytest.mark.parametrize("zone", EDGE_ZONES)
@pytest.mark.parametrize(
    "local_time",
    [dt.datetime.min, dt.datetime(1, 12, 31, 23, 59), dt.datetime(9999, 1, 1), dt.datetime.max],
)
def test_instants_outside_their_range_are_refused(zone: str, local_time: dt.datetime) -> None:
    """Outside the years 2 to 9998, or past the stdlib's range in UTC, an instant is refused."""
    value = local_time.replace(tzinfo=zoneinfo.ZoneInfo(zone))
    expected = (
        "start",
        "expected an instant from 0002-01-01 to 9998-12-31 in its zone (the supported range); "
        "this one is outside it, so pick a date inside",
    )
    assert expected == rejected(lambda: Session(value, 50))


@pytest.mark.parametrize("zone", EDGE_ZONES)
@pytest.mark.parametrize("day", [dt.date(2, 1, 1), dt.date(9998, 12, 31)])
def test_the_workday_planner_plans_both_end_days(zone: str, day: dt.date) -> None:
    """The first and last days of the range of instants can be planned in any zone."""
    planned = plan_workday([], rules=WorkdayRules(), tz=zone, day=day)
    assert day == planned.day
    assert day == planned.blocks[0].start.date()


@pytest.mark.parametrize("zone", EDGE_ZONES)
@pytest.mark.parametrize("day", [dt.date.min, dt.date(1, 12, 31), dt.date(9999, 1, 1), dt.date.max])
def test_the_workday_planner_refuses_a_day_outside_the_range(zone: str, day: dt.date) -> None:
    """A day outside the years 2 to 9998 is refused on 'day', with the range."""
    expected = (
        "day",
        f"expected a day from 0002-01-01 to 9998-12-31 (the supported range of instants), "
        f"got {day}; pick a day inside it",
    )
    assert expected == rejected(lambda: plan_workday([], rules=WorkdayRules(), tz=zone, day=day))


# Near both ends, in any zone: only ValidationError escapes, and answers stay in the window

#: The first and last two months of the calendar.
NEAR = {"start": (dt.date.min, dt.date(1, 3, 1)), "end": (dt.date(9999, 11, 1), dt.date.max)}


def near(end: str) -> st.SearchStrategy[dt.date]:
    return st.dates(*NEAR[end])


def later(day: dt.date, n: int) -> dt.date:
    """``n`` days after ``day``, stopping at the calendar's last date."""
    return dt.date.fromordinal(min(dt.date.max.toordinal(), day.toordinal() + n))


@st.composite
def simple_rules(draw: st.DrawFn, end: str) -> Recurrence:
    """Rules of every kind, starting and ending near one end of the calendar (or not at all)."""
    clock = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))
    times = draw(st.lists(clock, max_size=3, unique=True))
    start = draw(st.none() | near(end))
    until = draw(st.none() | st.integers(0, 400).map(lambda n: later(start or dt.date.min, n)))
    count = None if until is not None else draw(st.none() | st.integers(1, 500))
    kind = draw(st.sampled_from(["daily", "every", "weekly", "monthly", "per-week"]))
    if kind == "daily":
        return Recurrence.daily(times, start=start, until=until, count=count)
    if kind == "monthly":  # every month, or sparse: a few days at a time
        return draw(monthly(times, start=start, until=until, count=count))
    if kind == "every":  # from 63 days on, a rule is sparse: expanded a few days at a time
        n = draw(st.integers(1, 40) | st.integers(63, 366))
        return Recurrence.every_n_days(n, times, start=start, until=until, count=count)
    if kind == "weekly":
        weekdays = draw(st.frozensets(st.sampled_from(Weekday), min_size=1))
        every = draw(st.integers(1, 5) | st.integers(10, 52))
        return Recurrence.weekly(
            weekdays, times, every_weeks=every, start=start, until=until, count=count
        )
    n = draw(st.integers(1, 7))
    return Recurrence.times_per_week(n, times, start=start, until=until, count=count)


Bound = dt.date | dt.datetime


@st.composite
def edge_cases(draw: st.DrawFn) -> tuple[Recurrence, Bound, Bound, str, dt.date]:
    """A rule, a window of up to ten weeks (dates or aware datetimes), a zone and an origin,
    all near one end of the calendar; now and then the window runs backwards."""
    end = draw(st.sampled_from(["start", "end"]))
    first = draw(near(end))
    last = later(first, draw(st.integers(0, 70)))
    if draw(st.integers(0, 9)) == 0:
        first, last = last, first

    def bound(day: dt.date) -> Bound:
        if draw(st.booleans()):
            return day
        at = draw(st.builds(dt.time, st.integers(0, 23), st.integers(0, 59), st.integers(0, 59)))
        return dt.datetime.combine(day, at, zoneinfo.ZoneInfo(draw(st.sampled_from(ALL_ZONES))))

    zone = draw(st.sampled_from(ALL_ZONES))
    return draw(simple_rules(end)), bound(first), bound(last), zone, draw(near(end))


def as_instant(bound: Bound, zone: str) -> int:
    """A bound as seconds, a date meaning its first moment, clamped to the range as documented."""
    if isinstance(bound, dt.datetime):
        return -int(-bound.timestamp() // 1)
    return midnight(min(max(bound, FIRST), days(LAST, 1)), zone)


def as_date(bound: Bound) -> dt.date:
    return bound.date() if isinstance(bound, dt.datetime) else bound


@given(edge_cases())
def test_near_the_ends_only_validation_errors_escape_and_answers_stay_in_the_window(
    case: tuple[Recurrence, Bound, Bound, str, dt.date],
) -> None:
    """occurrences, dates, week_targets, resolve_local and weeks_from near both ends."""
    rule, start, end, zone, origin = case
    try:
        found = rule.occurrences(start, end, tz=zone, origin=origin)
    except ValidationError:
        assert as_instant(end, zone) < as_instant(start, zone)
    else:
        low, high = as_instant(start, zone), as_instant(end, zone)
        moments = [int(dt.datetime.timestamp(o)) for o in found]
        assert all(low <= moment < high for moment in moments)
        assert sorted(set(moments)) == moments
        assert all(FIRST <= o.date() <= LAST and zone == o.timezone_name for o in found)
    first, last = as_date(start), as_date(end)
    try:
        dates = rule.dates(first, last, origin=origin)
    except ValidationError:
        assert last < first
    else:
        assert all(max(first, FIRST) <= d <= min(last, LAST) for d in dates)
        assert len(set(dates)) == len(dates)
    try:
        weeks = rule.week_targets(first, last, origin=origin)
    except ValidationError:
        assert last < first
    else:
        mondays = [monday for monday, _ in weeks]
        assert all(0 == monday.weekday() for monday in mondays)
        assert all(0 <= n <= 7 * max(1, len(rule.times)) for _, n in weeks)
        assert sorted(set(mondays)) == mondays
    try:
        resolved = resolve_local(first, dt.time(12), zone)
    except ValidationError:
        assert not FIRST <= first <= LAST
    else:
        assert (first, dt.time(12)) == (resolved.date(), resolved.time())
    try:
        period = Period.weeks_from(first, 2)
    except ValidationError:
        assert first > dt.date.max - dt.timedelta(days=13)
    else:
        assert days(first, 13) == period.last
