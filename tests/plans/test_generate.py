"""generate_plan: the rules every generated plan keeps, and the cases no plan fits."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections import defaultdict
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from selfcare import (
    Anchor,
    AnchorKind,
    Benefit,
    Catalog,
    Category,
    Effort,
    Frequency,
    InfeasiblePlanError,
    Plan,
    PlanStatus,
    Profile,
    ReasonCode,
    Recurrence,
    Ritual,
    RitualStep,
    Role,
    Strategy,
    TimeOfDay,
    ValidationError,
    Weekday,
    WorkingHours,
    default_catalog,
    from_json,
    generate_plan,
    to_json,
)
from selfcare._model.strategies import StrategyKind
from selfcare._plans.choosing import MAX_COMMITMENTS, minute_options, shortest_minutes
from selfcare._plans.generate import MAX_ALTERNATES, MAX_ITEMS, RAMP
from selfcare.testing import catalogs, profiles, strategies

START = dt.date(2026, 11, 30)  # a Monday
CATALOG = default_catalog()


def _occurs(day: dt.date, rule: Recurrence, origin: dt.date) -> bool:
    """An independent reading of a daily, weekly or nth-weekday monthly rule (interval 1 for
    monthly, as the generator writes them): its start, weekdays and interval."""
    anchor = rule.start or origin
    if day < anchor or (rule.weekdays and Weekday.of(day) not in rule.weekdays):
        return False
    if rule.frequency is Frequency.MONTHLY:
        assert rule.interval == 1
        assert rule.nth is not None
        if rule.nth == -1:
            return (day + dt.timedelta(weeks=1)).month != day.month
        return (day.day - 1) // 7 + 1 == rule.nth
    if rule.frequency is Frequency.DAILY:
        return (day - anchor).days % rule.interval == 0
    weeks = (day.toordinal() - day.weekday() - (anchor.toordinal() - anchor.weekday())) // 7
    return weeks % rule.interval == 0


def load_by_date(plan: Plan) -> dict[dt.date, int]:
    """An independent oracle: minutes of items and timed rituals on each day of the plan."""
    load: dict[dt.date, int] = defaultdict(int)
    day = plan.period.first
    while day <= plan.period.last:
        for item in plan.items:
            rule = item.recurrence
            if _occurs(day, rule, plan.period.first):
                load[day] += item.minutes * max(1, len(rule.times))
        for ritual in plan.rituals:
            if ritual.anchor.kind is AnchorKind.AT_TIME and _occurs(
                day, ritual.recurrence, plan.period.first
            ):
                load[day] += ritual.minutes
        day += dt.timedelta(days=1)
    return load


def categories_in_week(plan: Plan, catalog: Catalog, week: int) -> set[Category]:
    """The categories of items and rituals active in a week of the plan (0-based)."""
    first = plan.period.first + dt.timedelta(weeks=week)
    days = [first + dt.timedelta(days=n) for n in range(7)]
    found = set()
    for item in plan.items:
        if any(_occurs(d, item.recurrence, plan.period.first) for d in days):
            found.add(catalog.strategy(item.strategy_id).category)
    for ritual in plan.rituals:
        found |= {catalog.strategy(sid).category for sid in ritual.strategy_ids}
    return found


def client(**changes: Any) -> Profile:
    base = Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=30)
    return attrs.evolve(base, **changes)


def generate_or_none(profile: Profile, catalog: Catalog, seed: int, weeks: int = 4) -> Plan | None:
    try:
        return generate_plan(profile, catalog, start=START, weeks=weeks, seed=seed)
    except InfeasiblePlanError:
        return None


# --- properties over random profiles and catalogs -------------------------------------


def assert_within_budget(plan: Plan, profile: Profile, catalog: Catalog = CATALOG) -> None:
    """The documented ramp and budget (see selfcare._plans.ramp).

    Everything scheduled on a day of week ``w`` (items and rituals at a time) takes at most
    ``RAMP[w]`` of the day's minutes (the whole day from week 3), except the day of an
    appointment, which may take what its day lacks from the other days of its week; no week
    ever holds more than the sum of its days' shares.
    """
    load = load_by_date(plan)
    for week in range(plan.period.days // 7):
        days = [plan.period.first + dt.timedelta(days=7 * week + n) for n in range(7)]
        share = RAMP[min(week, len(RAMP) - 1)]
        caps = {d: int(share * profile.minutes_on(d)) for d in days}
        for day in days:
            if load[day] > caps[day]:
                assert any(
                    catalog.strategy(item.strategy_id).kind is StrategyKind.APPOINTMENT
                    and _occurs(day, item.recurrence, plan.period.first)
                    for item in plan.items
                ), day
        assert sum(load[d] for d in days) <= sum(caps.values()), week


@given(profiles(), st.integers(0, 2**32))
def test_budget_is_never_exceeded_on_any_date(profile: Profile, seed: int) -> None:
    """Week 1 takes at most half of each day, week 2 three quarters, rituals included."""
    plan = generate_or_none(profile, CATALOG, seed)
    assume(plan is not None)
    assert plan is not None
    assert_within_budget(plan, profile)


@given(profiles(), catalogs(), st.integers(0, 2**32))
def test_only_allowed_strategies_are_offered(profile: Profile, catalog: Catalog, seed: int) -> None:
    """Role, excluded categories and tags, and the spiritual opt-in are always respected."""
    plan = generate_or_none(profile, catalog, seed)
    assume(plan is not None)
    assert plan is not None
    for item in plan.items:
        strategy = catalog.strategy(item.strategy_id)
        assert strategy.is_for(profile.role)
        assert strategy.category in profile.allowed_categories
        assert not strategy.tags & profile.excluded_tags
        assert profile.spiritual or strategy.category is not Category.SPIRITUAL
    assert_within_budget(plan, profile, catalog)


@given(
    profiles(role=Role.CLIENT).map(lambda p: attrs.evolve(p, daily_minutes=90)),
    st.integers(0, 2**32),
)
def test_goals_and_categories_are_covered_when_the_budget_allows(
    profile: Profile, seed: int
) -> None:
    """With time to spare, every goal is served and every allowed category is in every full week."""
    profile = attrs.evolve(profile, goals=set(list(profile.goals)[:3]))
    plan = generate_or_none(profile, CATALOG, seed)
    assume(plan is not None)
    assert plan is not None
    in_plan = [*plan.strategy_ids, *(sid for r in plan.rituals for sid in r.strategy_ids)]
    served = {b for sid in in_plan for b in CATALOG.strategy(sid).benefits}
    for goal in profile.goals:
        reachable = [
            s
            for s in CATALOG.find(role=profile.role, benefit=goal)
            if s.category in profile.allowed_categories and not s.tags & profile.excluded_tags
        ]
        assert goal in served or not reachable, goal
    coverable = {
        s.category
        for s in CATALOG.find(role=profile.role)
        if s.category in profile.allowed_categories and not s.tags & profile.excluded_tags
    }
    for week in range(len(RAMP) - 1, 4):  # once the ramp is over: the first weeks ease in
        assert coverable <= categories_in_week(plan, CATALOG, week), week


@given(profiles(), st.integers(0, 2**32))
def test_every_item_has_reasons_and_says_how_it_fits(profile: Profile, seed: int) -> None:
    """Each item carries typed reasons, always including why it fits the person's time."""
    plan = generate_or_none(profile, CATALOG, seed)
    assume(plan is not None)
    assert plan is not None
    assert plan.items
    for week in range(plan.period.days // 7):  # alternating items share their weeks
        days = [plan.period.first + dt.timedelta(days=7 * week + n) for n in range(7)]
        active = [i for i in plan.items if any(_occurs(d, i.recurrence, START) for d in days)]
        kept = [i for i in active if i.minutes == 0]  # commitments: counted on their own
        assert len(active) - len(kept) <= MAX_ITEMS, week
        assert len(kept) <= MAX_COMMITMENTS, week
    for item in plan.items:
        codes = {r.code for r in item.reasons}
        assert ReasonCode.FITS_TIME in codes or item.minutes == 0  # a commitment takes none
        goals = [r.facts["goals"] for r in item.reasons if r.code is ReasonCode.GOAL]
        expected = [b.value for b in Benefit if b in CATALOG.strategy(item.strategy_id).benefits]
        expected = [goal for goal in expected if Benefit(goal) in profile.goals]
        assert ([", ".join(expected)] if expected else []) == goals


@given(profiles(), catalogs(), st.sampled_from([4, 5, 13, 52]), st.integers(0, 2**32))
def test_a_plan_holds_a_handful_of_practices_whatever_its_length(
    profile: Profile, catalog: Catalog, weeks: int, seed: int
) -> None:
    """At most 8 strategies, besides 2 commitments and 2 week-by-week alternates (the docs)."""
    plan = generate_or_none(profile, catalog, seed, weeks)
    assume(plan is not None)
    assert plan is not None
    alternates = [i for i in plan.items if any(r.code is ReasonCode.ALTERNATES for r in i.reasons)]
    kept = [i for i in plan.items if i.minutes == 0]  # commitments

    assert len(plan.items) <= MAX_ITEMS + MAX_COMMITMENTS + MAX_ALTERNATES
    assert len(kept) <= MAX_COMMITMENTS
    assert len(alternates) <= 2 * MAX_ALTERNATES  # each alternate and the item it alternates with
    assert not alternates or weeks >= 5


@given(profiles(), st.integers(0, 2**32))
def test_the_same_seed_gives_the_same_plan(profile: Profile, seed: int) -> None:
    """Generation is a pure function of its arguments."""
    assert generate_or_none(profile, CATALOG, seed) == generate_or_none(profile, CATALOG, seed)


# --- scenarios --------------------------------------------------------------------------


def test_different_seeds_give_different_plans() -> None:
    """Seeds vary the plan among equally sound choices."""
    plans = {generate_plan(client(), start=START, seed=seed).items for seed in range(10)}
    assert len(plans) > 1


def test_a_client_plan_from_the_built_in_catalog() -> None:
    """A client's draft plan: the daily reflection, goals served, a gentle start."""
    profile = client(
        goals={Benefit.COPING_SKILLS, Benefit.RESILIENCE},
        excluded_categories={Category.SPIRITUAL},
        preferred_times={TimeOfDay.MORNING},
    )
    plan = generate_plan(profile, start=START)
    assert plan.status == PlanStatus.DRAFT
    assert [r.id for r in plan.rituals] == ["daily-reflection"]
    assert plan.period.first == START
    assert plan.period.last == START + dt.timedelta(days=27)
    assert profile.goals == plan.goals
    for item in plan.items:
        strategy = CATALOG.strategy(item.strategy_id)
        assert strategy.category is not Category.SPIRITUAL
        for at in item.recurrence.times:  # its own part of the day, else the morning
            assert TimeOfDay.of(at) in (strategy.times_of_day or {TimeOfDay.MORNING}), item
    week_1 = sum(load_by_date(plan)[START + dt.timedelta(days=n)] for n in range(7))
    week_3 = sum(load_by_date(plan)[START + dt.timedelta(days=14 + n)] for n in range(7))
    assert week_1 <= 0.5 * profile.weekly_minutes < week_3


def test_a_therapist_with_a_full_caseload_and_twenty_minutes_a_day() -> None:
    """Transitions and blocked time are included and do not eat the 20 personal minutes."""
    therapist = Profile(
        role=Role.THERAPIST,
        timezone="America/New_York",
        daily_minutes=20,
        working_hours=WorkingHours(dt.time(8), dt.time(18)),
        goals={Benefit.PREVENTS_BURNOUT},
    )
    plan = generate_plan(therapist, start=START)
    ritual_ids = {r.id for r in plan.rituals}
    assert {
        "daily-reflection",
        "transition-between-sessions",
        "blocked-non-client-time",
    } <= ritual_ids
    assert any(Benefit.PREVENTS_BURNOUT in CATALOG.strategy(i).benefits for i in plan.strategy_ids)
    assert "peer-supervision" in plan.strategy_ids
    assert_within_budget(plan, therapist)
    assert [b.describe() for b in plan.boundaries] == ["no client contact after 18:00"]


def test_spiritual_strategies_only_on_opt_in() -> None:
    """A person who opts in and values nature gets spiritual care; others never do."""
    opted_in = client(spiritual=True, values={"nature"}, daily_minutes=60)
    plan = generate_plan(opted_in, start=START)
    categories = {CATALOG.strategy(i).category for i in plan.strategy_ids}
    assert Category.SPIRITUAL in categories
    value_reasons = [r for i in plan.items for r in i.reasons if r.code is ReasonCode.MATCHES_VALUE]
    assert value_reasons
    assert all({"values": "nature", "values_matched": 1} == r.facts for r in value_reasons)
    for seed in range(5):
        plain = generate_plan(client(daily_minutes=60), start=START, seed=seed)
        assert all(
            CATALOG.strategy(i).category is not Category.SPIRITUAL for i in plain.strategy_ids
        )


def test_a_tiny_budget_still_gives_a_plan_within_it() -> None:
    """Ten minutes a day: the daily reflection and short items, never over the budget."""
    plan = generate_plan(client(daily_minutes=10), start=START)
    assert plan.items
    assert all(minutes <= 10 for minutes in load_by_date(plan).values())


def test_neglected_categories_get_weight() -> None:
    """A category rated 1 of 5 gets an item that says so."""
    plan = generate_plan(client(), start=START, assessment={Category.PRACTICAL: 1})
    low = [r for i in plan.items for r in i.reasons if r.code is ReasonCode.LOW_SELF_RATING]
    assert low
    assert all({"category": "practical", "self_rating": 1.0} == r.facts for r in low)
    assert {"you rated your practical care 1 of 5"} == {r.text for r in low}


def test_load_is_spread_over_the_week() -> None:
    """With the same time every day, the full plan uses every day and no day is piled up."""
    plan = generate_plan(client(daily_minutes=40), start=START)
    load = load_by_date(plan)
    week_3 = [load[START + dt.timedelta(days=14 + n)] for n in range(7)]
    assert min(week_3) > 0
    assert max(week_3) <= 40


def test_items_start_in_ramp_weeks() -> None:
    """Later items start in weeks 2 or 3 and say so."""
    plan = generate_plan(client(daily_minutes=60), start=START)
    starts = {i.recurrence.start for i in plan.items}
    assert starts <= {START, START + dt.timedelta(weeks=1), START + dt.timedelta(weeks=2)}
    for item in plan.items:
        ramp = [r for r in item.reasons if r.code is ReasonCode.RAMP_UP]
        assert bool(ramp) == (item.recurrence.start != START)


def test_a_short_ritual_after_a_later_one_keeps_the_later_weeks_within_the_ramp() -> None:
    """Rituals of 1, 4 and 2 minutes on an 8-minute day: the 2-minute one waits for week 3.

    Week 1 may hold 4 minutes and week 2 six. The 4-minute ritual starts in week 2 (1 + 4),
    so the 2-minute one, which would fit beside the first in week 1, must wait for week 3:
    in week 2 it would make 1 + 4 + 2, over six.
    """
    note = Strategy(
        id="note",
        name="Note",
        category=Category.EMOTIONAL,
        roles={Role.CLIENT},
        minutes=1,
        effort=Effort.LOW,
    )
    rituals = tuple(
        Ritual(
            id=f"ritual-{minutes}",
            name=f"Ritual of {minutes}",
            steps=[RitualStep("note", minutes)],
            anchor=Anchor.at(dt.time(21, 0)),
            recurrence=Recurrence.daily(),
            roles={Role.CLIENT},
        )
        for minutes in (1, 4, 2)
    )
    stretch = attrs.evolve(note, id="stretch", name="Stretch", category=Category.PHYSICAL)
    plan = generate_plan(
        client(daily_minutes=[0, 0, 0, 0, 0, 0, 8]),
        catalog=Catalog(strategies=[note, stretch], rituals=rituals),
        start=START,
    )
    starts = {r.id: r.recurrence.start for r in plan.rituals}
    week_2, week_3 = START + dt.timedelta(weeks=1), START + dt.timedelta(weeks=2)
    assert starts == {"ritual-1": None, "ritual-4": week_2, "ritual-2": week_3}
    assert_within_budget(plan, client(daily_minutes=[0, 0, 0, 0, 0, 0, 8]))


# --- infeasible and invalid -------------------------------------------------------------


def _only(*strategies: Strategy, rituals: tuple[Ritual, ...] = ()) -> Catalog:
    return Catalog(strategies=strategies, rituals=rituals)


WALK = Strategy(
    id="walk",
    name="Walk",
    category=Category.PHYSICAL,
    roles={Role.CLIENT},
    minutes=30,
    effort=Effort.LOW,
    tags={"outdoors"},
)

LONG = Strategy(
    id="long-hike",
    name="Long hike",
    category=Category.PHYSICAL,
    roles={Role.CLIENT},
    minutes=60,
    effort=Effort.HIGH,
)

MORNING_WALK = Ritual(
    id="morning-walk",
    name="Morning walk",
    steps=[RitualStep("walk", 30)],
    anchor=Anchor.at(dt.time(7, 0)),
    recurrence=Recurrence.daily(),
    roles={Role.CLIENT},
)


@pytest.mark.parametrize(
    ("profile", "catalog", "constraint"),
    [
        (client(daily_minutes=0), CATALOG, "daily_minutes"),
        (client(excluded_categories=set(Category)), CATALOG, "excluded_categories"),
        (attrs.evolve(client(), role=Role.THERAPIST), _only(WALK), "catalog"),
        (client(excluded_categories={Category.PHYSICAL}), _only(WALK), "excluded_categories"),
        (client(excluded_tags={"outdoors"}), _only(WALK), "excluded_tags"),
        (client(daily_minutes=4), _only(WALK), "daily_minutes"),
        (client(daily_minutes=5), CATALOG, "daily_minutes"),
        (client(daily_minutes=600), _only(WALK, rituals=(MORNING_WALK,)), "include_rituals"),
        (client(daily_minutes=10, excluded_tags={"outdoors"}), _only(WALK, LONG), "daily_minutes"),
    ],
    ids=[
        "zero-budget",
        "all-excluded",
        "nothing-for-role",
        "category",
        "tags",
        "too-short",
        "rituals-fill-it",
        "all-in-rituals",
        "untagged-too-long",
    ],
)
def test_infeasible_profiles_name_the_blocking_constraint(
    profile: Profile, catalog: Catalog, constraint: str
) -> None:
    """No empty or broken plan: an InfeasiblePlanError names what blocks a plan."""
    with pytest.raises(InfeasiblePlanError) as info:
        generate_plan(profile, catalog, start=START)
    assert constraint == info.value.constraint
    assert str(info.value).startswith(constraint + ": ")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weeks": 0}, "weeks"),
        ({"weeks": 521}, "weeks"),
        ({"start": dt.datetime(2026, 1, 1)}, "start"),
        ({"start": dt.date(9999, 12, 31), "weeks": 4}, "start"),
        ({"start": dt.date(9999, 12, 1), "weeks": 5}, "weeks"),
        ({"seed": 1.5}, "seed"),
        ({"assessment": {Category.PHYSICAL: 6}}, "assessment[physical]"),
        ({"assessment": {"physical": 3}}, "assessment"),
        ({"assessment": [object()]}, "assessment[0]"),
        ({"include_rituals": "yes"}, "include_rituals"),
    ],
)
def test_invalid_arguments_are_rejected(changes: dict[str, object], field: str) -> None:
    """Bad arguments raise ValidationError naming the argument."""
    arguments: dict[str, object] = {"start": START, **changes}
    with pytest.raises(ValidationError) as info:
        generate_plan(client(), **arguments)  # type: ignore[arg-type]
    assert field == info.value.problems[0][0]


@given(profiles(), st.integers(0, 2**32))
def test_minutes_by_date_agrees_with_an_independent_count(profile: Profile, seed: int) -> None:
    """Plan.minutes_by_date counts items and timed rituals as the rules say."""
    plan = generate_or_none(profile, CATALOG, seed)
    assume(plan is not None)
    assert plan is not None
    expected = load_by_date(plan)
    assert {day: expected.get(day, 0) for day in plan.minutes_by_date()} == plan.minutes_by_date()


def test_the_same_seed_gives_byte_identical_plans_in_separate_processes() -> None:
    """Plans are reproducible across processes, whatever PYTHONHASHSEED is."""
    script = (
        "import datetime, selfcare\n"
        "profile = selfcare.Profile(role=selfcare.Role.CLIENT, timezone='Europe/London',\n"
        "    daily_minutes=35,\n"
        "    goals={selfcare.Benefit.COPING_SKILLS, selfcare.Benefit.RESILIENCE},\n"
        "    values={'nature', 'family', 'faith'}, excluded_tags={'money', 'news'},\n"
        "    preferred_times={selfcare.TimeOfDay.MORNING, selfcare.TimeOfDay.EVENING})\n"
        "plan = selfcare.generate_plan(profile, start=datetime.date(2026, 11, 30), seed=42)\n"
        "print(selfcare.to_json(plan))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            check=True,
        ).stdout
        for hash_seed in ("0", "1", "12345")
    }
    assert 1 == len(outputs)
    assert b'"type":"plan"' in outputs.pop()


# --- what did not fit ---------------------------------------------------------------------


def test_a_plan_that_fits_says_nothing_is_short() -> None:
    """With time for the ritual and most strategies, the plan has no shortfall."""
    assert None is generate_plan(client(daily_minutes=40), start=START).shortfall


def test_a_ritual_that_fits_on_no_day_is_named_in_the_shortfall() -> None:
    """Four minutes a day cannot hold the daily reflection: the plan says so and why."""
    plan = generate_plan(client(daily_minutes=4), start=START)
    assert plan.shortfall is not None
    ritual = CATALOG.ritual("daily-reflection")
    assert f"the daily reflection ({ritual.minutes} minutes) fits on no day" in plan.shortfall
    assert "daily-reflection" not in [r.id for r in plan.rituals]


def test_a_ritual_missing_on_some_days_names_the_days() -> None:
    """Days too short for the ritual are named."""
    minutes = [30, 30, 30, 30, 30, 4, 4]
    plan = generate_plan(client(daily_minutes=minutes), start=START)
    assert plan.shortfall is not None
    assert "does not fit on Saturday, Sunday" in plan.shortfall


def test_a_budget_too_small_for_most_strategies_says_how_many_fit() -> None:
    """When most strategies are longer than the longest day, the plan counts them."""
    plan = generate_plan(client(daily_minutes=6), start=START, include_rituals=False)
    assert plan.shortfall is not None
    activities = [i for i in plan.items if i.minutes]
    assert plan.shortfall.startswith(f"the plan holds {len(activities)} of the 8 activities ")
    assert "as many as fit in the minutes you have" in plan.shortfall
    assert from_json(Plan, to_json(plan)) == plan


@given(strategies())
def test_the_shortest_version_of_a_strategy_is_the_least_of_its_options(
    strategy: Strategy,
) -> None:
    """Feasibility and eligibility ask for the shortest option without listing them."""
    assert min(minute_options(strategy)) == shortest_minutes(strategy)
