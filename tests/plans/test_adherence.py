"""plan_adherence for cadences longer than a week: fortnights and months, against a recount.

The recount here works on calendar dates, day by day, from the rules as the documentation
states them; it shares nothing with the library's own counting but the dates themselves.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Callable, Iterable

import attrs
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from selfcare import (
    Anchor,
    ItemAdherence,
    Pause,
    PauseKind,
    Period,
    Plan,
    PlanItem,
    Practice,
    Recurrence,
    Reflection,
    Ritual,
    RitualStep,
    Role,
    Weekday,
    default_catalog,
    plan_adherence,
)
from selfcare._plans.adherence import RitualAdherence
from selfcare.testing import recurrences
from selfcare.testing._plans import pause_lists

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


# Plan pauses: a rest of the whole plan is left out as an item's own pause is


def practised(day: dt.date, *practices: Practice, hour: int = 20) -> Reflection:
    """A reflection at ``hour`` UTC on ``day`` with these practices."""
    at = pendulum.datetime(day.year, day.month, day.day, hour, tz="UTC")
    return Reflection(at=at, author=Role.CLIENT, practised=list(practices))


ITEM_IDS = ("short-walk", "one-gratitude", "news-limits")


@st.composite
def paused_plans(draw: st.DrawFn) -> tuple[Plan, list[Reflection]]:
    """A small plan of built-in strategies with plan-wide pauses, and a drawn history."""
    first = draw(st.dates(dt.date(2026, 1, 1), dt.date(2026, 1, 31)))
    period = Period.weeks_from(first, draw(st.integers(1, 8)))
    ids = draw(st.lists(st.sampled_from(ITEM_IDS), max_size=3, unique=True))
    items = [
        PlanItem(
            sid,
            draw(recurrences(with_times=False)),
            10,
            pauses=draw(st.lists(periods_in(period), max_size=1)),
        )
        for sid in ids
    ]
    rests = draw(pause_lists(period))
    plan = Plan(id="plan-1", role=Role.CLIENT, timezone="UTC", period=period, items=items)
    plan = attrs.evolve(plan, pauses=tuple(rests))
    days = st.integers(0, period.days - 1).map(lambda n: first + dt.timedelta(n))
    practice = st.sampled_from(ITEM_IDS).flatmap(
        lambda sid: st.sampled_from([Practice.done(sid), Practice.skipped(sid)])
    )
    entries = draw(st.lists(st.tuples(days, practice), max_size=40))
    return plan, [practised(day, p) for day, p in entries]


def periods_in(period: Period) -> st.SearchStrategy[Period]:
    """Periods of up to ten days inside ``period``."""
    return st.builds(
        lambda start, length: Period(start, min(period.last, start + dt.timedelta(length))),
        st.dates(period.first, period.last),
        st.integers(0, 9),
    )


@given(paused_plans())
def test_a_plan_pause_counts_as_the_same_pause_on_every_item(
    drawn: tuple[Plan, list[Reflection]],
) -> None:
    """A plan resting over some days gives each item the adherence of its own pause there."""
    plan, reflections = drawn
    each = attrs.evolve(
        plan,
        pauses=(),
        items=tuple(
            attrs.evolve(item, pauses=(*item.pauses, *(p.period for p in plan.pauses)))
            for item in plan.items
        ),
    )
    at = evening(plan.period.last)
    assert plan_adherence(each, reflections, at=at) == plan_adherence(plan, reflections, at=at)


@given(paused_plans())
def test_a_plan_pause_never_adds_a_miss(drawn: tuple[Plan, list[Reflection]]) -> None:
    """Resting never raises the days expected or missed, of an item or of a ritual."""
    plan, reflections = drawn
    plan = attrs.evolve(plan, rituals=(default_catalog().ritual("daily-reflection"),))
    at = evening(plan.period.last)
    rested = plan_adherence(plan, reflections, at=at)
    worked = plan_adherence(attrs.evolve(plan, pauses=()), reflections, at=at)
    pairs: list[tuple[ItemAdherence | RitualAdherence, ItemAdherence | RitualAdherence]] = [
        *zip(rested.items, worked.items, strict=True),
        *zip(rested.rituals, worked.rituals, strict=True),
    ]
    for with_rest, without in pairs:
        assert with_rest.expected <= without.expected
        assert with_rest.expected - with_rest.done <= without.expected - without.done


def test_a_holiday_is_not_a_miss() -> None:
    """A daily walk kept on every day but a week's holiday is kept perfectly."""
    first = dt.date(2026, 1, 5)
    holiday = Pause(Period(dt.date(2026, 1, 12), dt.date(2026, 1, 18)), PauseKind.HOLIDAY)
    plan = Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone="UTC",
        period=Period.weeks_from(first, 3),
        items=[PlanItem("short-walk", Recurrence.daily(), 15)],
    )
    walked = [
        practised(day, Practice.done("short-walk"))
        for day in days_of(plan.period)
        if not holiday.covers(day)
    ]
    at = evening(plan.period.last)
    assert 14 / 21 == plan_adherence(plan, walked, at=at).rate
    rested = plan_adherence(attrs.evolve(plan, pauses=(holiday,)), walked, at=at)
    assert (ItemAdherence("short-walk", 14, 0, 14),) == rested.items
    assert 1.0 == rested.rate


def test_a_flexible_item_plans_less_in_a_week_cut_by_a_pause() -> None:
    """Three times a week plans 3 * 3 // 7 = 1 day in a week with four days of rest."""
    first = dt.date(2026, 1, 5)
    rest = Pause(Period(dt.date(2026, 1, 5), dt.date(2026, 1, 8)), PauseKind.ILLNESS)
    plan = Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone="UTC",
        period=Period.weeks_from(first, 1),
        items=[PlanItem("short-walk", Recurrence.times_per_week(3), 15)],
        pauses=[rest],
    )
    walked = [practised(dt.date(2026, 1, 10), Practice.done("short-walk"))]
    found = plan_adherence(plan, walked, at=evening(plan.period.last))
    assert (ItemAdherence("short-walk", 1, 0, 1),) == found.items


# Rituals: counted day by day, done when enough steps are


def evening_ritual(
    done_at_least: int | None = None,
    anchor: Anchor | None = None,
    recurrence: Recurrence | None = None,
) -> Ritual:
    """Three steps: insight (or self-compassion, or meditation), gratitude (or
    self-compassion) and breathing; self-compassion stands in for either of the first two."""
    return Ritual(
        id="daily-reflection",
        name="Evening",
        steps=[
            RitualStep(INSIGHT, 3, alternatives=(KIND, MEDITATE)),
            RitualStep(THANKS, 2, alternatives=(KIND,)),
            RitualStep(BREATHE, 3),
        ],
        anchor=anchor or Anchor.at(dt.time(21)),
        recurrence=recurrence or Recurrence.daily(),
        roles={Role.CLIENT},
        done_at_least=done_at_least,
    )


INSIGHT, THANKS, BREATHE = "one-insight", "one-gratitude", "mindful-breathing"
KIND, MEDITATE = "self-compassion", "mindfulness-meditation"


def ritual_plan(ritual: Ritual, weeks: int = 1, pauses: Iterable[Pause] = ()) -> Plan:
    return Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone="UTC",
        period=Period.weeks_from(dt.date(2026, 1, 5), weeks),
        rituals=[ritual],
        pauses=list(pauses),
    )


def on(day: int, *practices: Practice) -> Reflection:
    return practised(dt.date(2026, 1, day), *practices, hour=21)


done, skipped = Practice.done, Practice.skipped


@pytest.mark.parametrize(
    ("needed", "practices", "expected"),
    [
        (None, [done(INSIGHT), done(THANKS), done(BREATHE)], "done"),
        (None, [done(INSIGHT), done(THANKS)], "partly"),
        (2, [done(INSIGHT), done(THANKS)], "done"),
        (2, [done(MEDITATE), done(BREATHE)], "done"),  # an alternative
        (2, [done(INSIGHT), done(MEDITATE)], "partly"),  # one step, two ways
        (2, [done(THANKS), done(THANKS)], "partly"),  # one step, twice
        (2, [done(KIND)], "partly"),  # an alternative of two steps stands for one
        (2, [done(KIND), done(INSIGHT)], "done"),  # ... and for the other when it must
        (2, [done(INSIGHT), skipped(THANKS), skipped(BREATHE)], "skipped"),
        (None, [done(INSIGHT), done(THANKS), skipped(BREATHE)], "skipped"),
        (2, [skipped(MEDITATE), skipped(THANKS), skipped(BREATHE)], "skipped"),
        (2, [skipped(KIND), skipped(BREATHE)], "missed"),  # one skip covers one step only
        (2, [done(INSIGHT), skipped(THANKS)], "partly"),  # breathing just not done
        (2, [skipped(THANKS)], "missed"),
        (1, [done(BREATHE), skipped(INSIGHT)], "done"),
        (2, [], "missed"),
    ],
)
def test_a_ritual_day_is_done_partly_skipped_or_missed(
    needed: int | None, practices: list[Practice], expected: str
) -> None:
    """Steps done (in any of their forms) against the ritual's rule decide the day."""
    plan = ritual_plan(evening_ritual(needed))
    reflections = [on(5, p) for p in practices]  # one reflection each: several a day merge
    found = plan_adherence(plan, reflections, at=evening(dt.date(2026, 1, 5))).rituals
    counts = {"skipped": (1, 0, 0), "partly": (0, 1, 0), "done": (0, 0, 1), "missed": (0, 0, 0)}
    assert (RitualAdherence("daily-reflection", 1, *counts[expected]),) == found


def test_a_ritual_counts_only_the_days_its_recurrence_plans_less_the_plans_rests() -> None:
    """Mondays, Wednesdays and Fridays over two weeks, the second week a holiday."""
    rule = Recurrence.weekly({Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.FRIDAY})
    holiday = Pause(Period(dt.date(2026, 1, 12), dt.date(2026, 1, 18)), PauseKind.HOLIDAY)
    plan = ritual_plan(evening_ritual(2, recurrence=rule), weeks=2, pauses=[holiday])
    every_step = (done("one-insight"), done("one-gratitude"))
    history = [on(day, *every_step) for day in (5, 6, 7, 12, 14)]  # Tue 6, and the holiday
    found = plan_adherence(plan, history, at=evening(plan.period.last))
    assert (RitualAdherence("daily-reflection", 3, 0, 0, 2),) == found.rituals
    assert 2 / 3 == found.ritual_rate
    assert None is found.rate  # no items: the rate is the items' alone


@pytest.mark.parametrize(
    "anchor", [Anchor.workday_start(), Anchor.after_each_session(), Anchor.during_workday()]
)
def test_a_ritual_anchored_to_the_working_day_counts_by_its_recurrence(anchor: Anchor) -> None:
    """A ritual in working hours plans the days of its recurrence, as one at a time does."""
    rule = Recurrence.weekly({Weekday.MONDAY, Weekday.TUESDAY})
    plan = ritual_plan(evening_ritual(1, anchor=anchor, recurrence=rule))
    found = plan_adherence(plan, [on(5, done("one-gratitude"))], at=evening(plan.period.last))
    assert (RitualAdherence("daily-reflection", 2, 0, 0, 1),) == found.rituals


def test_items_and_rituals_are_rated_apart() -> None:
    """The plan's rate is its items'; a ritual whose steps are items does not count twice."""
    plan = attrs.evolve(
        ritual_plan(evening_ritual(2)),
        items=(PlanItem("one-gratitude", Recurrence.daily(), 2),),
    )
    history = [on(day, done("one-gratitude"), done("mindful-breathing")) for day in range(5, 12)]
    found = plan_adherence(plan, history, at=evening(plan.period.last))
    assert (1.0, 1.0) == (found.rate, found.ritual_rate)
    found = plan_adherence(plan, history[:3], at=evening(plan.period.last))
    assert (3 / 7, 3 / 7) == (found.rate, found.ritual_rate)


def test_a_plan_not_started_has_empty_ritual_adherence() -> None:
    """Before the plan's first day every ritual is all zeros, and there is no rate."""
    plan = ritual_plan(evening_ritual())
    found = plan_adherence(plan, [], at=evening(dt.date(2026, 1, 1)))
    assert (None, (RitualAdherence("daily-reflection", 0, 0, 0, 0),)) == (
        found.period,
        found.rituals,
    )
    assert None is found.ritual_rate


def ritual_recount(
    ritual: Ritual, planned: Iterable[dt.date], reflections: Iterable[Reflection]
) -> RitualAdherence:
    """The documented rules, day by day, on the practices themselves."""
    done_on: dict[dt.date, set[str]] = {}
    skipped_on: dict[dt.date, set[str]] = {}
    for reflection in reflections:
        for p in reflection.practised:
            target = done_on if p.is_done else skipped_on
            target.setdefault(reflection.at.date(), set()).add(p.strategy_id)
    counts = {"planned": 0, "skipped": 0, "partly": 0, "done": 0}
    for day in planned:
        counts["planned"] += 1
        did = done_on.get(day, set())
        passed = skipped_on.get(day, set()) - did
        kept = most_steps(ritual, did)
        if kept >= ritual.steps_needed:
            counts["done"] += 1
        elif passed and most_steps(ritual, did | passed) == len(ritual.steps):
            counts["skipped"] += 1
        elif kept:
            counts["partly"] += 1
    return RitualAdherence(ritual.id, **counts)


def most_steps(ritual: Ritual, practised: set[str]) -> int:
    """The most steps distinct strategies practised stand for, by trying every assignment."""
    forms = [{step.strategy_id, *step.alternatives} & practised for step in ritual.steps]
    best = 0
    for chosen in itertools.product(*[[None, *sorted(f)] for f in forms]):
        used = [sid for sid in chosen if sid is not None]
        if len(used) == len(set(used)):
            best = max(best, len(used))
    return best


STEP_FORMS = (INSIGHT, KIND, MEDITATE, THANKS, BREATHE)


@given(
    st.none() | st.integers(1, 3),
    recurrences(with_times=False),
    st.lists(
        st.tuples(
            st.integers(0, 27),
            st.sampled_from(STEP_FORMS),
            st.booleans(),
        ),
        max_size=60,
    ),
    st.lists(st.tuples(st.integers(0, 27), st.integers(0, 6)), max_size=2),
)
def test_ritual_adherence_matches_a_recount(
    needed: int | None,
    rule: Recurrence,
    entries: list[tuple[int, str, bool]],
    rests: list[tuple[int, int]],
) -> None:
    """Any ritual rule, recurrence, history and rests give the counts of a day-by-day recount."""
    first = dt.date(2026, 1, 5)
    pauses: list[Pause] = []
    for start, length in sorted(rests):
        period = Period(first + dt.timedelta(start), first + dt.timedelta(min(27, start + length)))
        if all(p.period.last < period.first for p in pauses):
            pauses.append(Pause(period))
    ritual = evening_ritual(needed, recurrence=rule)
    plan = ritual_plan(ritual, weeks=4, pauses=pauses)
    history = [
        practised(first + dt.timedelta(n), done(sid) if did else skipped(sid))
        for n, sid, did in entries
    ]
    planned = [
        day
        for day in rule.dates(plan.period.first, plan.period.last, origin=plan.period.first)
        if not any(p.covers(day) for p in pauses)
    ]
    (found,) = plan_adherence(plan, history, at=evening(plan.period.last)).rituals
    assert ritual_recount(ritual, planned, history) == found
    assert found.done + found.partly + found.skipped <= found.planned
