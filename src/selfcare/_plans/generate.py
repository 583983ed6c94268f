"""Plan generation: a balanced, gentle, explainable plan within a person's time.

The generator works on integer minutes per weekday and ramp stage, and builds
``Recurrence`` values only for the plan it returns. How it decides:

1. **Eligible strategies**: meant for the person's role, in an allowed category (spiritual
   only on opt-in, professional only for therapists), with no excluded tag, and not a step
   of a ritual the plan holds.
2. **Rituals first** (:mod:`.rituals`): steps the person excludes are replaced by an allowed
   alternative, or the ritual is left out and the plan says why. Rituals at a time of day
   (the daily reflective practice) go on every weekday whose minutes hold them and count
   against those minutes; rituals anchored to the working day (transitions, blocked
   non-client time) are protected time inside a therapist's working hours, placed by the
   workday planner, and do not count.
3. **The ramp** (:mod:`.ramp`): week 1 uses at most half of each day's minutes, week 2
   three quarters, week 3 on the whole day, counting everything scheduled on the day.
4. **Choosing** (:mod:`.choosing`): a therapist's core practices, a few commitments, then a
   strategy for each allowed category, one for each goal, and the best of the rest, each on
   the days its cadence asks for when they fit, up to :data:`MAX_ITEMS` items. The score
   favours several goals at once, neglected categories, the person's values, low effort and
   a new category, with a small seeded jitter so different seeds give different, equally
   sound plans.
5. **Variety**: unless the person wants a fixed routine, up to :data:`MAX_ALTERNATES` items
   of a plan of five weeks or more alternate week by week with a similar strategy (same
   area, a shared benefit, no longer), so one week is not the last one again.
6. **Times** (:mod:`.timing`): each item goes in a part of the day that suits it and the
   person, laid out after the others so that no two overlap on any day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterable, Mapping, Sequence

import attrs

from selfcare._core import checks as check
from selfcare._core.describe import minutes_phrase
from selfcare._core.errors import InfeasiblePlanError
from selfcare._insights import reasons as explain
from selfcare._insights.days import check_history
from selfcare._model.boundaries import Boundary
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Category, Role
from selfcare._model.profiles import Profile
from selfcare._model.reasons import Reason
from selfcare._model.reflections import Reflection
from selfcare._model.strategies import Cadence, Strategy, StrategyKind
from selfcare._plans.choosing import (
    MAX_ITEMS,
    RARELY,
    Choice,
    choose,
    is_core,
    shortest_minutes,
    usual_days,
)
from selfcare._plans.plan import Plan, PlanItem
from selfcare._plans.ramp import RAMP, Budget
from selfcare._plans.rituals import allowed, fit_rituals
from selfcare._plans.timing import PARTS, Timetable
from selfcare._time.calendar import MAX_PLAN_WEEKS, Period, Weekday
from selfcare._time.recurrence import Recurrence

__all__ = ["MAX_ALTERNATES", "MAX_ITEMS", "RAMP", "generate_plan"]

#: The most items of a plan that alternate week by week with a similar strategy.
MAX_ALTERNATES = 2
#: The shortest plan, in weeks, whose items alternate.
ALTERNATE_FROM_WEEKS = 5

Assessment = Mapping[Category, float] | Iterable[Reflection]


def generate_plan(
    profile: Profile,
    catalog: Catalog | None = None,
    *,
    start: dt.date,
    weeks: int = 4,
    seed: int = 0,
    assessment: Assessment | None = None,
    include_rituals: bool = True,
) -> Plan:
    """Generate a draft plan for a person, with a reason for every item.

    Args:
        profile: the person the plan is for.
        catalog: where strategies and rituals come from; the built-in catalog by default.
        start: the first day of the plan (week 1 starts here).
        weeks: how many weeks the plan covers, 1 to 520 (ten years, the longest a plan runs).
        seed: varies the plan among equally sound choices; the same seed gives the same plan.
        assessment: how each category is going, 1 (neglected) to 5, as a mapping or as
            reflections whose ``self_ratings`` are averaged; neglected categories get weight.
        include_rituals: include the catalog's rituals for the person's role (the daily
            reflective practice; for therapists also transitions and blocked non-client time).

    Returns:
        A draft :class:`~selfcare.Plan`.

    Raises:
        InfeasiblePlanError: no plan fits; ``constraint`` names what blocks it.
        ValidationError: an argument is not valid.

    Example:
        >>> client = Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=30,
        ...                  goals={Benefit.COPING_SKILLS})
        >>> plan = generate_plan(client, start=datetime.date(2026, 11, 30), seed=1)
        >>> plan.status, plan.period.days
        (<PlanStatus.DRAFT: 'draft'>, 28)
        >>> any(Benefit.COPING_SKILLS in default_catalog().strategy(i).benefits
        ...     for i in plan.strategy_ids)
        True
    """
    check.check_instance("profile", profile, Profile)
    catalog, first = shared_arguments(catalog, start, weeks, seed, include_rituals)
    _check_feasible(profile, catalog)
    neglect = _neglect(assessment)
    workdays = _workdays(profile)
    fitted = fit_rituals(profile, catalog, first, workdays, on=include_rituals)
    in_rituals = {sid for r in fitted.rituals for sid in r.strategy_ids}
    candidates = _eligible(profile, catalog, exclude=in_rituals)
    if not candidates:  # the checks above leave some strategy, so the rituals took them all
        raise InfeasiblePlanError(
            "include_rituals",
            "every strategy left is a step of a daily ritual; add strategies outside the "
            "rituals or pass include_rituals=False",
        )
    budget = Budget.of(profile.daily_minutes, min(weeks, len(RAMP)), fitted.minutes)
    rng = random.Random(seed)
    jitter = [rng.random() for _ in candidates]
    rotation = rng.randrange(7)
    steps = [catalog.strategy(sid) for r in fitted.rituals for sid in r.strategy_ids]
    covered = {s.category for s in steps}
    served = {b for s in steps for b in s.benefits}
    choices, short = choose(
        profile, candidates, budget, neglect, jitter, rotation, covered, served, workdays
    )
    if not [c for c in choices if c.strategy.kind is not StrategyKind.COMMITMENT]:
        raise InfeasiblePlanError(
            "daily_minutes",
            "no strategy fits beside the daily rituals; give some days more minutes "
            "or pass include_rituals=False",
        )
    chosen = {c.strategy.id for c in choices}
    pairs = (
        []
        if profile.fixed_routine or weeks < ALTERNATE_FROM_WEEKS
        else _alternates(profile, choices, [s for s in candidates if s.id not in chosen])
    )
    table = Timetable.around(profile.preferred_times, fitted.rituals)
    items = _items(profile, choices, dict(pairs), neglect, first, table)
    shortfall = (*fitted.shortfall, *short, *_strategy_shortfall(profile, candidates, choices))
    return Plan(
        id=_plan_id(profile, first, weeks, items),
        role=profile.role,
        timezone=profile.timezone,
        period=Period.weeks_from(first, weeks),
        goals=profile.goals,
        items=items,
        rituals=fitted.rituals,
        boundaries=_boundaries(profile),
        shortfall="; ".join(shortfall) or None,
    )


def shared_arguments(
    catalog: object, start: object, weeks: object, seed: object, rituals: object
) -> tuple[Catalog, dt.date]:
    """Check the arguments of :func:`generate_plan` other than the person's own.

    Returns the catalog (the built-in one for ``None``) and the first day.
    """
    catalog = catalog_or_default(catalog)
    first = check.check_date("start", start)
    check.check_int("weeks", weeks, 1, MAX_PLAN_WEEKS)
    check.check_seed(seed)
    check.check_bool("include_rituals", rituals)
    Period.weeks_from(first, weeks)  # type: ignore[arg-type]  # the plan ends in the calendar
    return catalog, first


def _check_feasible(profile: Profile, catalog: Catalog) -> None:
    """Name the constraint that rules out any plan for this person and catalog.

    Each check stops at the first strategy that passes it: on a large catalog that is
    almost always one of the first few, so a plan that can be made costs no pass over it.
    """
    if profile.weekly_minutes == 0:
        raise InfeasiblePlanError(
            "daily_minutes", "every day has 0 minutes; give at least one day some minutes"
        )
    if not profile.allowed_categories:
        raise InfeasiblePlanError(
            "excluded_categories", "every category is excluded; allow at least one"
        )
    role, strategies = profile.role, catalog.strategies
    categories, excluded = profile.allowed_categories, profile.excluded_tags
    if not any(role in s.roles for s in strategies):
        raise InfeasiblePlanError(
            "catalog", f"the catalog has no strategy for a {role.value}; add some"
        )
    if not any(role in s.roles and s.category in categories for s in strategies):
        raise InfeasiblePlanError(
            "excluded_categories",
            f"the catalog has no {role.value} strategy in the categories left; "
            "allow another category",
        )
    if not any(
        role in s.roles and s.category in categories and not s.tags & excluded for s in strategies
    ):
        raise InfeasiblePlanError(
            "excluded_tags", "every strategy left carries an excluded tag; exclude fewer tags"
        )
    longest_day = max(profile.daily_minutes)
    if not any(
        role in s.roles
        and s.category in categories
        and not s.tags & excluded
        and s.kind is not StrategyKind.COMMITMENT
        and shortest_minutes(s) <= longest_day
        for s in strategies
    ):
        raise InfeasiblePlanError(
            "daily_minutes",
            f"the longest day has {minutes_phrase(longest_day)}, too few for any strategy; "
            "give some day more minutes",
        )


def _neglect(assessment: Assessment | None) -> dict[Category, float]:
    """How neglected each category is, from 0 (rated 5) to 4 (rated 1)."""
    if assessment is None:
        return {}
    if isinstance(assessment, Mapping):
        ratings: dict[Category, float] = {}
        for category, rating in assessment.items():
            if not isinstance(category, Category):
                raise check.fail("assessment", check.expected_member(Category, category))
            check.check_finite(f"assessment[{category.value}]", rating)
            if not 1 <= rating <= 5:
                raise check.fail(f"assessment[{category.value}]", "expected a rating from 1 to 5")
            ratings[category] = float(rating)
    else:
        totals: dict[Category, list[int]] = {}
        for reflection in check_history(assessment, "assessment"):
            for category, rating in reflection.self_ratings.items():
                totals.setdefault(category, []).append(rating)
        ratings = {c: sum(v) / len(v) for c, v in totals.items()}
    return {c: 5.0 - r for c, r in ratings.items()}


def _workdays(profile: Profile) -> list[int]:
    if profile.working_hours is not None:
        return sorted(int(d) for d in profile.working_hours.weekdays)
    return [0, 1, 2, 3, 4]


def _eligible(profile: Profile, catalog: Catalog, exclude: set[str]) -> list[Strategy]:
    longest_day = max(profile.daily_minutes)
    week = sum(profile.daily_minutes)
    return [
        s
        for s in catalog.find(role=profile.role)
        if allowed(profile, s)
        and s.id not in exclude
        and (
            shortest_minutes(s) <= (week if s.cadence in RARELY else longest_day)
            or (profile.role is Role.THERAPIST and is_core(s))  # never left out silently
        )
    ]


def _strategy_shortfall(
    profile: Profile, candidates: Sequence[Strategy], choices: Sequence[Choice]
) -> list[str]:
    """Say so when most strategies open to the person cannot fit the time they have."""
    longest = max(profile.daily_minutes)
    activities = fitting = 0
    for s in candidates:  # one pass, counting
        if s.kind is StrategyKind.ACTIVITY:
            activities += 1
            fitting += shortest_minutes(s) <= longest
    chosen = len([c for c in choices if c.strategy.kind is StrategyKind.ACTIVITY])
    if 2 * fitting >= activities and chosen >= min(MAX_ITEMS, 2):
        return []
    if 2 * fitting < activities:
        return [
            f"only {fitting} of the {activities} activities open to you fit in your "
            f"longest day ({minutes_phrase(longest)}), so the plan holds {chosen} of them; "
            "more minutes on some days would leave more to choose from"
        ]
    return [
        f"the plan holds {chosen} of the {activities} activities open to you, as many as "
        "fit in the minutes you have; more minutes on some days would leave room for more"
    ]


def _alternates(
    profile: Profile, choices: Sequence[Choice], unused: Sequence[Strategy]
) -> list[tuple[str, Strategy]]:
    """Similar strategies to alternate week by week with some items, for variety."""
    pairs: list[tuple[str, Strategy]] = []
    taken: set[str] = set()
    for choice in choices:
        strategy = choice.strategy
        if len(pairs) >= MAX_ALTERNATES or strategy.kind is not StrategyKind.ACTIVITY:
            continue
        if strategy.cadence in RARELY or choice.core:
            continue
        twin = next(
            (
                s
                for s in unused
                if s.id not in taken
                and s.kind is StrategyKind.ACTIVITY
                and s.cadence not in RARELY
                and s.category is strategy.category
                and (s.benefits & strategy.benefits or not strategy.benefits)
                and shortest_minutes(s) <= choice.minutes
            ),
            None,
        )
        if twin is not None:
            taken.add(twin.id)
            pairs.append((strategy.id, twin))
    return pairs


def _items(
    profile: Profile,
    choices: Sequence[Choice],
    alternates: Mapping[str, Strategy],
    neglect: Mapping[Category, float],
    first: dt.date,
    table: Timetable,
) -> list[PlanItem]:
    seen: set[Category] = set()
    items = []
    for choice in choices:
        strategy = choice.strategy
        at = table.time_for(strategy, choice.days, choice.minutes)
        start = first + dt.timedelta(weeks=choice.stage)
        twin = alternates.get(strategy.id)
        if twin is not None and not _suits(twin, at):
            twin = None  # it takes the same time in the other weeks: only if that suits it
        every = 2 if twin is not None else choice.every_weeks
        if every > 1:  # count the weeks from its first day, so no day before it is lost
            start = min(start + dt.timedelta(days=(d - start.weekday()) % 7) for d in choice.days)
        reasons = _reasons(
            profile, choice, neglect, table, at, first_of_category=strategy.category not in seen
        )
        seen.add(strategy.category)
        if twin is not None:
            reasons.append(explain.alternates(twin))
        items.append(
            PlanItem(strategy.id, _recurrence(choice, at, start, every), choice.minutes, reasons)
        )
        if twin is not None:
            minutes = min(choice.minutes, twin.minutes)
            twin_choice = attrs.evolve(  # it starts a week later, and its reasons say so
                choice, strategy=twin, minutes=minutes, stage=choice.stage + 1
            )
            later = start + dt.timedelta(weeks=1)
            twin_reasons = [
                *_reasons(profile, twin_choice, neglect, table, at, first_of_category=False),
                explain.alternates(strategy),
            ]
            items.append(
                PlanItem(twin.id, _recurrence(choice, at, later, 2), minutes, twin_reasons)
            )
    return items


def _suits(strategy: Strategy, at: dt.time | None) -> bool:
    """Whether ``at`` (or no time at all) falls in a part of the day the strategy suits."""
    if at is None or not strategy.times_of_day:
        return True
    start = at.hour * 60 + at.minute
    return any(PARTS[p][0] <= start < PARTS[p][1] for p in strategy.times_of_day)


def _recurrence(choice: Choice, at: dt.time | None, start: dt.date, every: int) -> Recurrence:
    """The recurrence of a placed strategy: its days, every ``every`` weeks, or monthly.

    A monthly practice falls on the same weekday of every month as its first occurrence: the
    first Tuesday, say, or the last Friday when the first is the fifth of its month.
    """
    if choice.strategy.cadence is Cadence.MONTHLY:
        first = start + dt.timedelta(days=(choice.days[0] - start.weekday()) % 7)
        nth = (first.day - 1) // 7 + 1
        return Recurrence.monthly(
            weekday=Weekday(choice.days[0]), nth=-1 if nth == 5 else nth, at=at, start=start
        )
    if len(choice.days) == 7 and every == 1:
        return Recurrence.daily(at, start=start)
    return Recurrence.weekly(
        [Weekday(d) for d in choice.days], at=at, every_weeks=every, start=start
    )


def _reasons(
    profile: Profile,
    choice: Choice,
    neglect: Mapping[Category, float],
    table: Timetable,
    at: dt.time | None,
    *,
    first_of_category: bool,
) -> list[Reason]:
    strategy = choice.strategy
    reasons = []
    if choice.core:
        reasons.append(explain.core_practice(strategy))
    goals = strategy.benefits & profile.goals
    if goals:
        reasons.append(explain.goal(list(goals)))
    rating = 5.0 - neglect.get(strategy.category, 0.0)
    if rating <= explain.LOW_RATING:
        reasons.append(explain.low_self_rating(strategy.category, rating))
    if first_of_category:
        reasons.append(explain.category_balance(strategy.category))
    values = strategy.tags & profile.values
    if values:
        reasons.append(explain.matches_value(list(values)))
    days = [Weekday(d) for d in choice.days]
    if strategy.kind is not StrategyKind.COMMITMENT:
        available = min(profile.minutes_on(day) for day in days)
        reasons.append(explain.fits_time(strategy, choice.minutes, available, days))
    if len(choice.days) < usual_days(strategy):
        reasons.append(explain.less_often(strategy, len(choice.days)))
    part = table.part_of(strategy)
    if part is not None and part in profile.preferred_times and at is not None:
        reasons.append(explain.preferred_time(part, at))
    if choice.stage:
        reasons.append(explain.ramp_up(choice.stage + 1))
    return reasons


def _boundaries(profile: Profile) -> list[Boundary]:
    if profile.role is Role.THERAPIST and profile.working_hours is not None:
        return [Boundary.no_contact_after(profile.working_hours.end)]
    return []


def _plan_id(profile: Profile, first: dt.date, weeks: int, items: Sequence[PlanItem]) -> str:
    """An id derived from the plan's content, so the same inputs give the same id."""
    parts = [profile.role.value, profile.timezone, first.isoformat(), str(weeks)]
    parts += [f"{i.strategy_id}:{i.minutes}:{i.recurrence.describe()}" for i in items]
    return "plan-" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]
