"""Plans a person would keep: exclusions honoured everywhere, no overlaps, times that suit
each strategy, commitments as commitments, a therapist's core practices, fixed routines."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from selfcare import (
    AnchorKind,
    Category,
    Frequency,
    InfeasiblePlanError,
    Plan,
    Profile,
    ReasonCode,
    Role,
    Weekday,
    default_catalog,
    generate_plan,
)
from selfcare._model.strategies import Cadence, StrategyKind
from selfcare._plans.timing import PARTS
from selfcare.testing import profiles

START = dt.date(2026, 11, 30)  # a Monday
CATALOG = default_catalog()
WORKING = frozenset(Weekday) - {Weekday.SATURDAY, Weekday.SUNDAY}  # without working hours
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}
TAGS = sorted({tag for s in CATALOG.strategies for tag in s.tags})


def plan_or_none(profile: Profile, seed: int, weeks: int = 6) -> Plan | None:
    try:
        return generate_plan(profile, start=START, weeks=weeks, seed=seed)
    except InfeasiblePlanError:
        return None


@st.composite
def excluding(draw: st.DrawFn) -> Profile:
    """Profiles that exclude categories and tags the built-in catalog uses."""
    profile = draw(profiles())
    tags = draw(st.frozensets(st.sampled_from(TAGS), min_size=1, max_size=3))
    return attrs.evolve(profile, excluded_tags=tags)


@given(excluding(), st.integers(0, 2**32))
def test_no_excluded_strategy_anywhere_in_the_plan_rituals_included(
    profile: Profile, seed: int
) -> None:
    """An excluded category or tag is in no item and no ritual step."""
    plan = plan_or_none(profile, seed)
    assume(plan is not None)
    assert plan is not None
    in_plan = [*plan.strategy_ids, *(sid for r in plan.rituals for sid in r.strategy_ids)]
    for sid in in_plan:
        strategy = CATALOG.strategy(sid)
        assert strategy.category in profile.allowed_categories, sid
        assert not strategy.tags & profile.excluded_tags, sid


def test_a_ritual_step_the_person_excludes_is_replaced_by_its_alternative() -> None:
    """A client excluding journaling keeps a daily reflection, with allowed steps."""
    client = Profile(
        role=Role.CLIENT, timezone="Europe/London", daily_minutes=30, excluded_tags={"journaling"}
    )
    plan = generate_plan(client, start=START, seed=1)
    (reflection,) = [r for r in plan.rituals if r.id == "daily-reflection"]
    for sid in reflection.strategy_ids:
        assert "journaling" not in CATALOG.strategy(sid).tags, sid


def timed_spans(plan: Plan) -> dict[dt.date, list[tuple[int, int, str]]]:
    """Each day's timed items and rituals as (start, end, what) in minutes after midnight."""
    spans: dict[dt.date, list[tuple[int, int, str]]] = defaultdict(list)
    for item in plan.items:
        if not item.minutes:
            continue
        for day in item.dates(plan.period.first, plan.period.last, origin=plan.period.first):
            for when in item.recurrence.times:
                start = when.hour * 60 + when.minute
                spans[day].append((start, start + item.minutes, item.strategy_id))
    for ritual in plan.rituals:
        at = ritual.anchor.time
        if ritual.anchor.kind is not AnchorKind.AT_TIME or at is None:
            continue
        for day in ritual.recurrence.dates(
            plan.period.first, plan.period.last, origin=plan.period.first
        ):
            start = at.hour * 60 + at.minute
            spans[day].append((start, start + ritual.minutes, ritual.id))
    return spans


@given(profiles(), st.integers(0, 2**32))
def test_no_two_things_of_a_plan_overlap_on_any_day(profile: Profile, seed: int) -> None:
    """Items and rituals at a time of day follow one another on every date."""
    plan = plan_or_none(profile, seed)
    assume(plan is not None)
    assert plan is not None
    for day, spans in timed_spans(plan).items():
        ordered = sorted(spans)
        for (_, end, first), (start, _, second) in itertools.pairwise(ordered):
            assert end <= start, (day, first, second)


@given(profiles(), st.integers(0, 2**32))
def test_every_item_is_at_a_time_its_strategy_suits(profile: Profile, seed: int) -> None:
    """A timed activity starts in a part of the day its strategy suits, if it names any."""
    plan = plan_or_none(profile, seed)
    assume(plan is not None)
    assert plan is not None
    for item in plan.items:
        strategy = CATALOG.strategy(item.strategy_id)
        if strategy.kind is StrategyKind.COMMITMENT or not strategy.times_of_day:
            continue
        for at in item.recurrence.times:
            start = at.hour * 60 + at.minute
            assert any(
                PARTS[part][0] <= start < PARTS[part][1] for part in strategy.times_of_day
            ), (item.strategy_id, at)


@given(profiles(), st.integers(0, 2**32))
def test_commitments_are_kept_every_day_without_minutes(profile: Profile, seed: int) -> None:
    """Sleep and news limits are daily (work limits weekday) items of 0 minutes, at their time."""
    plan = plan_or_none(profile, seed)
    assume(plan is not None)
    assert plan is not None
    for item in plan.items:
        strategy = CATALOG.strategy(item.strategy_id)
        if strategy.kind is StrategyKind.COMMITMENT:
            assert 0 == item.minutes
            working = profile.working_hours.weekdays if profile.working_hours else WORKING
            assert item.recurrence.weekdays in (frozenset(), frozenset(Weekday), working), item
            assert (() if strategy.at is None else (strategy.at,)) == item.recurrence.times
        else:
            assert item.minutes > 0, item.strategy_id


@given(profiles(role=Role.THERAPIST), st.integers(0, 2**32))
def test_a_therapists_plan_holds_supervision_or_says_why_not(profile: Profile, seed: int) -> None:
    """Supervision or consultation at a weekly to monthly cadence, or a shortfall naming it."""
    supervision = CATALOG.strategy("peer-supervision")
    assume(supervision.category in profile.allowed_categories)
    assume(not supervision.tags & profile.excluded_tags)
    plan = plan_or_none(profile, seed)
    assume(plan is not None)
    assert plan is not None
    items = [i for i in plan.items if i.strategy_id == "peer-supervision"]
    if not items:
        assert plan.shortfall is not None
        assert "supervision" in plan.shortfall
        return
    (item,) = items
    assert 1 == len(item.recurrence.weekdays)
    assert 1 <= item.recurrence.interval <= 4
    assert ReasonCode.CORE_PRACTICE in {r.code for r in item.reasons}


def test_a_therapist_with_small_weekday_budgets_gets_supervision_and_daily_commitments() -> None:
    """30 minutes on weekdays and 60 at weekends: supervision fortnightly, sleep daily."""
    therapist = Profile(
        role=Role.THERAPIST,
        timezone="Europe/Berlin",
        daily_minutes=[30, 30, 30, 30, 30, 60, 60],
    )
    plan = generate_plan(therapist, start=START, seed=7)
    by_id = {i.strategy_id: i for i in plan.items}
    assert "peer-supervision" in by_id
    assert 2 == by_id["peer-supervision"].recurrence.interval
    assert CATALOG.strategy("peer-supervision").cadence is Cadence.FORTNIGHTLY
    assert 0 == by_id["consistent-sleep"].minutes
    assert (dt.time(22, 30),) == by_id["consistent-sleep"].recurrence.times
    assert Category.PHYSICAL is CATALOG.strategy("consistent-sleep").category


def test_a_monthly_appointment_falls_on_the_same_weekday_of_every_month() -> None:
    """Monthly supervision is a monthly rule (the first Tuesday, say), not every four weeks."""
    monthly = [
        attrs.evolve(s, cadence=Cadence.MONTHLY) if s.id == "peer-supervision" else s
        for s in CATALOG.strategies
    ]
    catalog = attrs.evolve(CATALOG, strategies=monthly)
    therapist = Profile(role=Role.THERAPIST, timezone="Europe/Berlin", daily_minutes=60)
    plan = generate_plan(therapist, catalog=catalog, start=START, weeks=12, seed=3)
    (item,) = [i for i in plan.items if i.strategy_id == "peer-supervision"]
    rule = item.recurrence
    days = rule.dates(plan.period.first, plan.period.last, origin=plan.period.first)
    assert [(2026, 12), (2027, 1), (2027, 2)] == [(d.year, d.month) for d in days]
    assert rule.weekdays == {Weekday.of(d) for d in days}
    assert rule.nth is not None
    assert {rule.nth} == {(d.day - 1) // 7 + 1 for d in days}  # the first to the fourth
    assert rule.describe().startswith(f"on the {ORDINALS[rule.nth]} ")
    assert "of every month" in rule.describe()


@given(profiles(), st.integers(0, 2**32))
def test_a_fixed_routine_has_the_same_weeks_and_others_alternate(
    profile: Profile, seed: int
) -> None:
    """Alternating items only where the person did not ask for a fixed routine."""
    plan = plan_or_none(profile, seed)
    assume(plan is not None)
    assert plan is not None
    alternating = [i for i in plan.items if ReasonCode.ALTERNATES in {r.code for r in i.reasons}]
    if profile.fixed_routine:
        assert [] == alternating
    for item in alternating:  # the pair takes turns: every other week each
        assert 2 == item.recurrence.interval, item.strategy_id


@given(profiles(), st.integers(0, 6), st.integers(2, 6), st.integers(0, 2**32))
def test_every_item_first_happens_in_the_week_its_reasons_name(
    profile: Profile, weekday: int, weeks: int, seed: int
) -> None:
    """On any start day, an item (fortnightly ones too) first falls in its starting week."""
    start = START + dt.timedelta(days=weekday)  # START is a Monday
    try:
        plan = generate_plan(profile, start=start, weeks=weeks, seed=seed)
    except InfeasiblePlanError:
        assume(False)
        raise
    for item in plan.items:
        if item.recurrence.frequency is Frequency.MONTHLY:
            continue  # the same weekday of every month: its first may be weeks later
        ramp = [r for r in item.reasons if r.code is ReasonCode.RAMP_UP]
        week = int(ramp[0].facts["week"]) if ramp else 1
        if week > weeks:
            continue
        first_week = plan.period.first + dt.timedelta(weeks=week - 1)
        days = item.dates(plan.period.first, plan.period.last, origin=plan.period.first)
        assert days, item.strategy_id
        assert first_week <= days[0] < first_week + dt.timedelta(weeks=1), item.strategy_id


def test_fortnightly_supervision_from_a_wednesday_happens_in_a_two_week_plan() -> None:
    """A plan starting on a Wednesday still holds the fortnightly appointments of week 2."""
    therapist = Profile(
        role=Role.THERAPIST, timezone="Europe/London", daily_minutes=[120, 100, 40, 40, 40, 40, 40]
    )
    plan = generate_plan(therapist, start=dt.date(2026, 3, 4), weeks=2, seed=0)
    for sid in ("peer-supervision", "personal-therapy"):
        item = plan.item(sid)
        assert 1 == len(item.dates(plan.period.first, plan.period.last, origin=plan.period.first))
