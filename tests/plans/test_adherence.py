"""plan_adherence for cadences longer than a week: fortnights and months, against a recount.

The recount here works on calendar dates, day by day, from the rules as the documentation
states them; it shares nothing with the library's own counting but the dates themselves.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable

import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from selfcare import (
    ItemAdherence,
    Period,
    Plan,
    PlanItem,
    Practice,
    Recurrence,
    Reflection,
    Role,
    Weekday,
    plan_adherence,
)

SESSION = "peer-supervision"


def the_plan(first: dt.date, weeks: int, rule: Recurrence, pauses: Iterable[Period] = ()) -> Plan:
    return Plan(
        id="plan-1",
        role=Role.THERAPIST,
        timezone="UTC",
        period=Period.weeks_from(first, weeks),
        items=[PlanItem(SESSION, rule, 60, pauses=pauses)],
    )


def history(done: Iterable[dt.date], skipped: Iterable[dt.date] = ()) -> list[Reflection]:
    """A reflection at 20:00 UTC on each day, the session done or deliberately skipped."""

    def on(day: dt.date, practice: Practice) -> Reflection:
        at = pendulum.datetime(day.year, day.month, day.day, 20, tz="UTC")
        return Reflection(at=at, author=Role.THERAPIST, practised=[practice])

    return [
        *(on(day, Practice.done(SESSION)) for day in done),
        *(on(day, Practice.skipped(SESSION)) for day in skipped),
    ]


def evening(day: dt.date) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, 23, 59, tz="UTC")


def days_of(period: Period) -> list[dt.date]:
    return [period.first + dt.timedelta(n) for n in range((period.last - period.first).days + 1)]


# The recount: which days a rule plans, and which window a day falls in, by the calendar.


def fortnight_rule(weekday: Weekday, weeks: int, start: dt.date | None) -> Recurrence:
    return Recurrence.weekly({weekday}, every_weeks=weeks, start=start)


def weekly_plan(
    weekday: Weekday, weeks: int, start: dt.date | None, first: dt.date
) -> tuple[Callable[[dt.date], bool], Callable[[dt.date], object]]:
    """Whether a day is planned, and its window: runs of ``weeks`` weeks from a Monday."""
    anchor = start or first
    monday = anchor - dt.timedelta(anchor.weekday())

    def planned(day: dt.date) -> bool:
        return (
            day >= anchor
            and day.weekday() == int(weekday)
            and (day - monday).days // 7 % weeks == 0
        )

    def window(day: dt.date) -> object:
        return (day - monday).days // (7 * weeks)

    return planned, window


def monthly_plan(
    monthday: int | None, nth: tuple[int, Weekday] | None, months: int, first: dt.date
) -> tuple[Callable[[dt.date], bool], Callable[[dt.date], object]]:
    """Whether a day is planned, and its window: runs of ``months`` calendar months."""
    base = first.year * 12 + first.month - 1

    def index(day: dt.date) -> int:
        return day.year * 12 + day.month - 1 - base

    def on_its_day(day: dt.date) -> bool:
        length = calendar.monthrange(day.year, day.month)[1]
        if monthday is not None:
            return day.day == (length if monthday == -1 else monthday)
        assert nth is not None
        which, weekday = nth
        if day.weekday() != int(weekday):
            return False
        if which == -1:
            return day.day + 7 > length
        return (day.day - 1) // 7 + 1 == which

    def planned(day: dt.date) -> bool:
        return day >= first and index(day) % months == 0 and on_its_day(day)

    def window(day: dt.date) -> object:
        return index(day) // months

    return planned, window


def recount(
    period: Period,
    planned: Callable[[dt.date], bool],
    window: Callable[[dt.date], object],
    done: Iterable[dt.date],
    skipped: Iterable[dt.date] = (),
) -> ItemAdherence:
    """Planned, freed and credited days per window, summed: the documented rule, by hand."""
    windows: dict[object, list[int]] = {}
    done_set = set(done)
    skipped_set = set(skipped) - done_set
    for day in days_of(period):
        counts = windows.setdefault(window(day), [0, 0, 0])  # planned, done, skipped
        counts[0] += planned(day)
        counts[1] += day in done_set
        counts[2] += day in skipped_set
    total = [0, 0, 0]
    for plan_days, done_days, skip_days in windows.values():
        freed = min(plan_days, skip_days)
        total[0] += plan_days
        total[1] += freed
        total[2] += min(done_days, plan_days - freed)
    return ItemAdherence(SESSION, *total)


def one_day_in_each(
    period: Period,
    planned: Callable[[dt.date], bool],
    window: Callable[[dt.date], object],
    pick: list[int],
) -> dict[object, dt.date]:
    """One day of each window that plans a day, the ``pick``-th of its days in the period."""
    windows: dict[object, list[dt.date]] = {}
    for day in days_of(period):
        windows.setdefault(window(day), []).append(day)
    chosen = {}
    for n, (key, days) in enumerate(windows.items()):
        if any(planned(d) for d in days):
            chosen[key] = days[pick[n % len(pick)] % len(days)]
    return chosen


firsts = st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31))
weekdays = st.sampled_from(list(Weekday))
picks = st.lists(st.integers(0, 60), min_size=1, max_size=30)


# Fortnights


@given(firsts, weekdays, st.integers(0, 20), st.integers(2, 24), picks)
def test_a_fortnightly_item_kept_once_each_fortnight_is_kept_perfectly(
    first: dt.date, weekday: Weekday, offset: int, weeks: int, pick: list[int]
) -> None:
    """Any day of each fortnight counts, whichever week of it and whichever day of the week."""
    start = first + dt.timedelta(offset) if offset % 3 else None  # with or without a start
    rule = fortnight_rule(weekday, 2, start)
    plan = the_plan(first, weeks, rule)
    planned, window = weekly_plan(weekday, 2, start, first)
    held = one_day_in_each(plan.period, planned, window, pick)
    (item,) = plan_adherence(plan, history(held.values()), at=evening(plan.period.last)).items
    assert sum(planned(d) for d in days_of(plan.period)) == item.planned
    assert (item.planned, 0, item.planned) == (item.planned, item.skipped, item.done)
    assert (1.0 if item.planned else None) == item.rate


@given(firsts, weekdays, st.integers(2, 24), picks, st.data())
def test_a_fortnightly_item_kept_in_half_its_fortnights_is_kept_half(
    first: dt.date, weekday: Weekday, weeks: int, pick: list[int], data: st.DataObject
) -> None:
    """Each fortnight plans one day: holding half of them keeps half."""
    rule = fortnight_rule(weekday, 2, None)
    plan = the_plan(first, weeks, rule)
    planned, window = weekly_plan(weekday, 2, None, first)
    held = list(one_day_in_each(plan.period, planned, window, pick).values())
    assume(held and len(held) % 2 == 0)
    half = data.draw(st.permutations(held))[: len(held) // 2]
    (item,) = plan_adherence(plan, history(half), at=evening(plan.period.last)).items
    assert (len(held), len(held) // 2, 0.5) == (item.planned, item.done, item.rate)


@given(
    firsts,
    weekdays,
    st.sampled_from([2, 3, 4]),
    st.integers(0, 30),
    st.integers(1, 20),
    st.sets(st.integers(0, 140)),
    st.sets(st.integers(0, 140)),
)
def test_weekly_rules_every_few_weeks_match_a_recount(
    first: dt.date,
    weekday: Weekday,
    every: int,
    offset: int,
    weeks: int,
    done: set[int],
    skipped: set[int],
) -> None:
    """Planned, skipped and done days of any history match a day-by-day recount."""
    start = first + dt.timedelta(offset) if offset % 2 else None
    plan = the_plan(first, weeks, fortnight_rule(weekday, every, start))
    done_days = {first + dt.timedelta(n) for n in done}
    skipped_days = {first + dt.timedelta(n) for n in skipped} - done_days
    planned, window = weekly_plan(weekday, every, start, first)
    found = plan_adherence(plan, history(done_days, skipped_days), at=evening(plan.period.last))
    assert (recount(plan.period, planned, window, done_days, skipped_days),) == found.items


def test_a_session_moved_to_the_other_week_of_its_fortnight_counts() -> None:
    """Seven-day blocks from the plan's first day would miss the session held a week late."""
    first = dt.date(2026, 1, 7)  # a Wednesday: the fortnights start on Mondays 5 and 19 Jan
    plan = the_plan(first, 6, fortnight_rule(Weekday.THURSDAY, 2, None))
    # planned on 8 Jan, 22 Jan and 5 Feb; the first and the last are held a week late
    held = [dt.date(2026, 1, 15), dt.date(2026, 1, 22), dt.date(2026, 2, 12)]
    (item,) = plan_adherence(plan, history(held), at=evening(plan.period.last)).items
    assert ItemAdherence(SESSION, 3, 0, 3) == item


def test_two_sessions_in_one_fortnight_count_once() -> None:
    """A window's days done count up to what it planned: an extra session is not banked."""
    first = dt.date(2026, 1, 5)
    plan = the_plan(first, 4, fortnight_rule(Weekday.MONDAY, 2, None))
    held = [dt.date(2026, 1, 5), dt.date(2026, 1, 12)]  # both in the first fortnight
    (item,) = plan_adherence(plan, history(held), at=evening(plan.period.last)).items
    assert ItemAdherence(SESSION, 2, 0, 1) == item


def test_a_skip_frees_the_fortnights_session_and_a_pause_removes_it() -> None:
    """Skips and pauses keep their meaning in longer windows."""
    first = dt.date(2026, 1, 5)
    pause = Period(dt.date(2026, 2, 2), dt.date(2026, 2, 8))
    plan = the_plan(first, 6, fortnight_rule(Weekday.MONDAY, 2, None), pauses=[pause])
    found = plan_adherence(
        plan,
        history([dt.date(2026, 1, 9)], skipped=[dt.date(2026, 1, 20)]),
        at=evening(plan.period.last),
    )
    assert (ItemAdherence(SESSION, 2, 1, 1),) == found.items  # 2 Feb is paused


# Months


monthly_rules = st.one_of(
    st.tuples(st.sampled_from([1, 10, 15, 28, 29, 30, 31, -1]), st.none()),
    st.tuples(st.none(), st.tuples(st.sampled_from([1, 2, 3, 4, -1]), weekdays)),
)


def monthly_rule(monthday: int | None, nth: tuple[int, Weekday] | None, months: int) -> Recurrence:
    if nth is None:
        return Recurrence.monthly(monthday, every_months=months)
    return Recurrence.monthly(weekday=nth[1], nth=nth[0], every_months=months)


@given(firsts, monthly_rules, st.sampled_from([1, 2, 3]), st.integers(5, 60), picks)
def test_a_monthly_item_kept_once_each_month_is_kept_perfectly(
    first: dt.date,
    day: tuple[int | None, tuple[int, Weekday] | None],
    months: int,
    weeks: int,
    pick: list[int],
) -> None:
    """Any day of the calendar month (or run of months) counts, before or after its day."""
    plan = the_plan(first, weeks, monthly_rule(*day, months))
    planned, window = monthly_plan(*day, months, first)
    held = one_day_in_each(plan.period, planned, window, pick)
    (item,) = plan_adherence(plan, history(held.values()), at=evening(plan.period.last)).items
    assert sum(planned(d) for d in days_of(plan.period)) == item.planned
    assert item.planned == item.done
    assert (1.0 if item.planned else None) == item.rate


@given(firsts, monthly_rules, st.integers(9, 60), picks, st.data())
def test_a_monthly_item_kept_in_half_its_months_is_kept_half(
    first: dt.date,
    day: tuple[int | None, tuple[int, Weekday] | None],
    weeks: int,
    pick: list[int],
    data: st.DataObject,
) -> None:
    """Each month plans at most one day: holding half of the months that plan one keeps half."""
    plan = the_plan(first, weeks, monthly_rule(*day, 1))
    planned, window = monthly_plan(*day, 1, first)
    held = list(one_day_in_each(plan.period, planned, window, pick).values())
    assume(held and len(held) % 2 == 0)
    half = data.draw(st.permutations(held))[: len(held) // 2]
    (item,) = plan_adherence(plan, history(half), at=evening(plan.period.last)).items
    assert (len(held), len(held) // 2, 0.5) == (item.planned, item.done, item.rate)


@given(
    firsts,
    monthly_rules,
    st.sampled_from([1, 2, 3]),
    st.integers(1, 40),
    st.sets(st.integers(0, 280)),
    st.sets(st.integers(0, 280)),
)
def test_monthly_rules_match_a_recount(
    first: dt.date,
    day: tuple[int | None, tuple[int, Weekday] | None],
    months: int,
    weeks: int,
    done: set[int],
    skipped: set[int],
) -> None:
    """Planned, skipped and done days of any history match a day-by-day recount."""
    plan = the_plan(first, weeks, monthly_rule(*day, months))
    done_days = {first + dt.timedelta(n) for n in done}
    skipped_days = {first + dt.timedelta(n) for n in skipped} - done_days
    planned, window = monthly_plan(*day, months, first)
    found = plan_adherence(plan, history(done_days, skipped_days), at=evening(plan.period.last))
    assert (recount(plan.period, planned, window, done_days, skipped_days),) == found.items


@pytest.mark.parametrize(
    ("held", "expected"),
    [
        ([dt.date(2026, 1, 2), dt.date(2026, 2, 27), dt.date(2026, 3, 15)], (3, 3)),
        ([dt.date(2026, 1, 30), dt.date(2026, 1, 31)], (3, 1)),  # not banked for February
        ([dt.date(2026, 2, 14)], (3, 1)),
    ],
)
def test_monthly_sessions_count_per_calendar_month(
    held: list[dt.date], expected: tuple[int, int]
) -> None:
    """A session on the 15th held on another day of the same month still counts."""
    plan = the_plan(dt.date(2026, 1, 1), 13, Recurrence.monthly(15))  # to 1 April
    (item,) = plan_adherence(plan, history(held), at=evening(plan.period.last)).items
    assert expected == (item.planned, item.done)


def test_other_cadences_still_count_in_weeks_from_the_plans_first_day() -> None:
    """Daily, weekly and n-times-a-week items keep their seven-day blocks."""
    first = dt.date(2026, 1, 7)  # a Wednesday
    plan = the_plan(first, 2, Recurrence.weekly({Weekday.WEDNESDAY}))
    # Tue 13 Jan is in the first block (7-13 Jan), though it is in the next ISO week
    found = plan_adherence(plan, history([dt.date(2026, 1, 13)]), at=evening(plan.period.last))
    (item,) = found.items
    assert ItemAdherence(SESSION, 2, 0, 1) == item
