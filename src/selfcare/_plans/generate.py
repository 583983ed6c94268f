"""Plan generation: a balanced, gentle, explainable plan within a person's time.

The generator works on integer minutes per weekday and ramp-up stage; it builds
``Recurrence`` values only for the plan it returns. How it decides:

1. **Eligible strategies**: meant for the person's role, in an allowed category (spiritual
   only on opt-in, professional only for therapists), with no excluded tag, not a step of a
   ritual the plan already holds, and short enough for some day's budget.
2. **Rituals first**: rituals at a time of day (the daily reflective practice) are placed on
   every weekday whose budget holds them and count against that budget. Rituals anchored to
   the working day (transitions after sessions, blocked non-client time) are protected time
   inside a therapist's working hours, placed by the workday planner; they are listed with
   the plan but not counted against the self-care minutes.
3. **Ramp-up**: week 1 may use at most :data:`RAMP` [0] of each day's budget, week 2
   :data:`RAMP` [1], week 3 on the whole budget. At most :data:`NEW_PER_WEEK` new strategies
   start in each of the first two weeks; the rest start in week 3.
4. **Choosing**: strategies serving a goal not yet covered come first, then one for each
   allowed category not yet in the plan (the most neglected first), then the best of the
   rest, up to :data:`MAX_ITEMS` items. Within a group the score favours several goals at
   once, neglected categories, the person's values, low effort and a new category, with a
   small seeded jitter so different seeds give different, equally sound plans.
5. **Scheduling**: each strategy gets a number of days a week from its length and effort,
   evenly spaced over the week on the least-loaded days, shortened to half its typical length
   when that is what fits, and set at a preferred part of the day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import random
from collections.abc import Iterable, Mapping, Sequence

import attrs

from selfcare._core import checks as check
from selfcare._core.errors import InfeasiblePlanError
from selfcare._insights import reasons as explain
from selfcare._insights.days import check_history
from selfcare._model.boundaries import Boundary
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Benefit, Category, Effort, Role
from selfcare._model.profiles import Profile
from selfcare._model.reasons import Reason
from selfcare._model.reflections import Reflection
from selfcare._model.rituals import AnchorKind, Ritual
from selfcare._model.strategies import Strategy
from selfcare._plans.plan import Plan, PlanItem
from selfcare._time.calendar import Period, TimeOfDay, Weekday
from selfcare._time.recurrence import Recurrence

__all__ = ["MAX_ITEMS", "RAMP", "generate_plan"]

#: Share of each day's budget the plan may use in week 1, week 2, and week 3 onwards.
RAMP = (0.5, 0.75, 1.0)
#: The most strategies a generated plan holds: a plan a person can keep.
MAX_ITEMS = 8
#: The wall-clock time an item is set at in each preferred part of the day.
PART_TIMES = {
    TimeOfDay.MORNING: dt.time(7, 30),
    TimeOfDay.AFTERNOON: dt.time(13, 0),
    TimeOfDay.EVENING: dt.time(18, 30),
    TimeOfDay.NIGHT: dt.time(22, 0),
}
_EFFORT_BONUS = {Effort.LOW: 1.0, Effort.MEDIUM: 0.5, Effort.HIGH: 0.0}

Assessment = Mapping[Category, float] | Iterable[Reflection]


@attrs.define
class _Budget:
    """Minutes per weekday and stage: the caps and what is used so far."""

    caps: list[list[int]]  # caps[stage][weekday], for items only
    used: list[list[int]]  # used[stage][weekday]: minutes of items started at or before stage

    def fits(self, stage: int, days: Sequence[int], minutes: int) -> bool:
        return all(
            self.used[s][d] + minutes <= self.caps[s][d]
            for s in range(stage, len(self.caps))
            for d in days
        )

    def add(self, stage: int, days: Sequence[int], minutes: int) -> None:
        for s in range(stage, len(self.caps)):
            for d in days:
                self.used[s][d] += minutes

    def room(self) -> int:
        """The most minutes any single day still has free once the ramp is over."""
        last = len(self.caps) - 1
        return max(self.caps[last][d] - self.used[last][d] for d in range(7))

    def load(self, days: Sequence[int], minutes: int) -> tuple[float, float]:
        """How full the busiest and the average chosen day would be at full budget."""
        last = len(self.caps) - 1
        shares = [(self.used[last][d] + minutes) / max(1, self.caps[last][d]) for d in days]
        return max(shares), sum(shares) / len(shares)


@attrs.frozen
class _Choice:
    strategy: Strategy
    stage: int
    days: tuple[int, ...]
    minutes: int


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
        weeks: how many weeks the plan covers, 1 to 52.
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
    rituals = list(catalog.rituals_for(profile.role)) if include_rituals else []
    timed = [r for r in rituals if r.anchor.kind is AnchorKind.AT_TIME]
    ritual_minutes = [0] * 7
    placed: list[Ritual] = []
    short: list[str] = []
    for ritual in timed:
        days = [
            d for d in range(7) if ritual_minutes[d] + ritual.minutes <= profile.daily_minutes[d]
        ]
        if days:
            for d in days:
                ritual_minutes[d] += ritual.minutes
            placed.append(attrs.evolve(ritual, recurrence=_on_days(days)))
        short += _ritual_shortfall(profile, ritual, days)
    workdays = _workdays(profile)
    placed += [
        attrs.evolve(r, recurrence=_on_days(workdays))
        for r in rituals
        if r.anchor.kind is not AnchorKind.AT_TIME
    ]
    in_rituals = {sid for r in placed for sid in r.strategy_ids}
    candidates = _eligible(profile, catalog, exclude=in_rituals)
    if not candidates:  # the checks above leave some strategy, so the rituals took them all
        raise InfeasiblePlanError(
            "include_rituals",
            "every strategy left is a step of a daily ritual; add strategies outside the "
            "rituals or pass include_rituals=False",
        )
    stages = min(weeks, len(RAMP))
    budget = _Budget(
        caps=[
            [max(0, int(RAMP[s] * profile.daily_minutes[d]) - ritual_minutes[d]) for d in range(7)]
            for s in range(stages)
        ],
        used=[[0] * 7 for _ in range(stages)],
    )
    rng = random.Random(seed)
    jitter = {s.id: rng.random() for s in candidates}
    rotation = rng.randrange(7)
    steps = [catalog.strategy(sid) for r in placed for sid in r.strategy_ids]
    covered = {s.category for s in steps}
    served = {b for s in steps for b in s.benefits}
    choices = _choose(profile, candidates, budget, neglect, jitter, rotation, covered, served)
    if not choices:
        raise InfeasiblePlanError(
            "daily_minutes",
            "no strategy fits beside the daily rituals; give some days more minutes "
            "or pass include_rituals=False",
        )
    items = _items(profile, choices, neglect, first)
    short += _strategy_shortfall(profile, catalog, in_rituals, len(choices))
    period = Period.weeks_from(first, weeks)
    return Plan(
        id=_plan_id(profile, first, weeks, items),
        role=profile.role,
        timezone=profile.timezone,
        period=period,
        goals=profile.goals,
        items=items,
        rituals=placed,
        boundaries=_boundaries(profile),
        shortfall="; ".join(short) or None,
    )


def shared_arguments(
    catalog: object, start: object, weeks: object, seed: object, rituals: object
) -> tuple[Catalog, dt.date]:
    """Check the arguments of :func:`generate_plan` other than the person's own.

    Returns the catalog (the built-in one for ``None``) and the first day.
    """
    catalog = catalog_or_default(catalog)
    first = check.check_date("start", start)
    check.check_int("weeks", weeks, 1, 52)
    check.check_seed(seed)
    check.check_bool("include_rituals", rituals)
    Period.weeks_from(first, weeks)  # type: ignore[arg-type]  # the plan ends in the calendar
    return catalog, first


def _ritual_shortfall(profile: Profile, ritual: Ritual, days: Sequence[int]) -> list[str]:
    """What a daily ritual could not be given: every day with time, or any day at all."""
    wanted = [d for d in range(7) if profile.daily_minutes[d]]
    if len(days) == len(wanted):
        return []
    name = _in_sentence(ritual.name)
    if not days:
        return [
            f"the {name} ({ritual.minutes} minutes) fits on no day; give a day at least "
            f"{ritual.minutes} minutes for it"
        ]
    missed = ", ".join(Weekday(d).name.title() for d in wanted if d not in days)
    return [f"the {name} ({ritual.minutes} minutes) does not fit on {missed}"]


def _strategy_shortfall(
    profile: Profile, catalog: Catalog, in_rituals: set[str], chosen: int
) -> list[str]:
    """Say so when most strategies open to the person cannot fit the time they have."""
    open_to = [
        s
        for s in catalog.find(role=profile.role)
        if s.category in profile.allowed_categories
        and not s.tags & profile.excluded_tags
        and s.id not in in_rituals
    ]
    longest = max(profile.daily_minutes)
    fitting = [s for s in open_to if min(_minute_options(s)) <= longest]
    if 2 * len(fitting) >= len(open_to) and chosen >= min(MAX_ITEMS, 2):
        return []
    return [
        f"only {len(fitting)} of the {len(open_to)} strategies open to you fit in your longest "
        f"day ({longest} minutes), so the plan holds {chosen} item{'' if chosen == 1 else 's'}; "
        "more minutes on some days would leave more to choose from"
    ]


def _in_sentence(name: str) -> str:
    """A name inside a sentence: ``the Daily reflective practice`` → ``the daily ...``."""
    first = name.split(" ", 1)[0]
    return name if first.isupper() and len(first) > 1 else name[:1].lower() + name[1:]


def _check_feasible(profile: Profile, catalog: Catalog) -> None:
    """Name the constraint that rules out any plan for this person and catalog."""
    if profile.weekly_minutes == 0:
        raise InfeasiblePlanError(
            "daily_minutes", "every day has 0 minutes; give at least one day some minutes"
        )
    if not profile.allowed_categories:
        raise InfeasiblePlanError(
            "excluded_categories", "every category is excluded; allow at least one"
        )
    for_role = catalog.find(role=profile.role)
    if not for_role:
        raise InfeasiblePlanError(
            "catalog", f"the catalog has no strategy for a {profile.role.value}; add some"
        )
    categories, excluded = profile.allowed_categories, profile.excluded_tags
    allowed = [s for s in for_role if s.category in categories]
    if not allowed:
        raise InfeasiblePlanError(
            "excluded_categories",
            f"the catalog has no {profile.role.value} strategy in the categories left; "
            "allow another category",
        )
    untagged = [s for s in allowed if not s.tags & excluded]
    if not untagged:
        raise InfeasiblePlanError(
            "excluded_tags", "every strategy left carries an excluded tag; exclude fewer tags"
        )
    longest_day = max(profile.daily_minutes)
    if not [s for s in untagged if min(_minute_options(s)) <= longest_day]:
        raise InfeasiblePlanError(
            "daily_minutes",
            f"the longest day has {longest_day} minutes, too few for any strategy; "
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


def _on_days(days: Sequence[int]) -> Recurrence:
    if len(days) == 7:
        return Recurrence.daily()
    return Recurrence.weekly(Weekday(d) for d in days)


def _minute_options(strategy: Strategy) -> list[int]:
    """The full length, then a gentler version of about half, in fives (never under 5)."""
    half = max(5, round(strategy.minutes / 10) * 5)
    return [strategy.minutes] if half >= strategy.minutes else [strategy.minutes, half]


def _days_per_week(strategy: Strategy) -> int:
    if strategy.minutes <= 10:
        days = 5
    elif strategy.minutes <= 20:
        days = 3
    elif strategy.minutes <= 45:
        days = 2
    else:
        days = 1
    return min(days, 2) if strategy.effort is Effort.HIGH else days


def _eligible(profile: Profile, catalog: Catalog, exclude: set[str]) -> list[Strategy]:
    longest_day = max(profile.daily_minutes)
    categories, excluded = profile.allowed_categories, profile.excluded_tags
    return [
        s
        for s in catalog.find(role=profile.role)
        if s.category in categories
        and not s.tags & excluded
        and s.id not in exclude
        and min(_minute_options(s)) <= longest_day
    ]


def _choose(
    profile: Profile,
    candidates: list[Strategy],
    budget: _Budget,
    neglect: Mapping[Category, float],
    jitter: Mapping[str, float],
    rotation: int,
    covered: set[Category],
    served: set[Benefit],
) -> list[_Choice]:
    """Pick and place strategies in three phases: coverage, goals, then the best of the rest.

    Each pick ranks the group once and tries it in order; a strategy that does not fit is
    dropped without re-ranking, so the cost stays near-linear in the catalog's size.
    """
    choices: list[_Choice] = []
    goals_left = set(profile.goals) - served
    categories_left = set(profile.allowed_categories) - covered
    per_category: dict[Category, int] = {}
    pool = {s.id: s for s in candidates}

    # What does not change from pick to pick is added up once per strategy.
    goals, values = profile.goals, profile.values
    fixed = {
        s.id: 1.0 * len(s.benefits & goals)
        + 1.5 * neglect.get(s.category, 0.0)
        + 1.5 * len(s.tags & values)
        + _EFFORT_BONUS[s.effort]
        + jitter[s.id]
        for s in candidates
    }

    def score(s: Strategy) -> tuple[float, str]:
        value = (
            fixed[s.id]
            + 3.0 * len(s.benefits & goals_left)
            + (1.0 if s.category in categories_left else 0.0)
            - 1.0 * per_category.get(s.category, 0)
        )
        return (-value, s.id)

    def ranked(group: Iterable[Strategy]) -> list[tuple[tuple[float, str], Strategy]]:
        """A heap of the group by score (scores end in the unique id, so there are no ties)."""
        heap = [(score(s), s) for s in group]
        heapq.heapify(heap)
        return heap

    def pick(heap: list[tuple[tuple[float, str], Strategy]], stage: int, delay_cost: float) -> bool:
        """Place the best strategy of the heap that fits; False when none does.

        A score only falls as picks are made (fewer goals and categories left, more picks
        per category), so a heap entry's score is at most stale-high: an entry whose score
        is unchanged when it comes to the top is the best, and a stale one goes back in.
        One heap can then serve many picks, and ranking stays near-linear.
        """
        while heap:
            stored, best = heapq.heappop(heap)
            current = score(best)
            if current != stored:
                heapq.heappush(heap, (current, best))
                continue
            del pool[best.id]
            if min(_minute_options(best)) > budget.room():
                continue
            choice = _schedule(best, min(stage, len(budget.caps) - 1), budget, rotation, delay_cost)
            if choice is not None:
                budget.add(choice.stage, choice.days, choice.minutes)
                choices.append(choice)
                goals_left.difference_update(best.benefits)
                categories_left.discard(best.category)
                per_category[best.category] = per_category.get(best.category, 0) + 1
                return True
        return False

    # Week 1: every allowed category the rituals leave out, the most neglected first.
    order = sorted(categories_left, key=lambda c: (-neglect.get(c, 0.0), list(Category).index(c)))
    for category in order:
        if len(choices) < MAX_ITEMS:
            pick(ranked(s for s in pool.values() if s.category is category), 0, delay_cost=3.0)
    # Week 2: every goal not yet served.
    while goals_left and len(choices) < MAX_ITEMS:
        serving = ranked(s for s in pool.values() if s.benefits & goals_left)
        if not pick(serving, 1, delay_cost=0.6):
            break
    # Weeks 2 and 3: the best of the rest, while there is room; a couple start in week 2
    # so every week of the ramp brings something new.
    rest = ranked(pool.values())
    while rest and len(choices) < MAX_ITEMS:
        starting_in_week_2 = sum(c.stage == 1 for c in choices)
        if not pick(rest, 1 if starting_in_week_2 < 2 else 2, delay_cost=0.6):
            break
    return choices


def _schedule(
    strategy: Strategy, stage: int, budget: _Budget, rotation: int, delay_cost: float
) -> _Choice | None:
    """Place a strategy on evenly spread, least-loaded days, in the option that suits best.

    Each option (days a week, minutes, starting week) is weighed: the share of the target
    days counts double, the share of the full length once, and each week of delay costs
    ``delay_cost``, so repetition matters most for a habit unless the start must be early.
    """
    target = _days_per_week(strategy)
    best: tuple[float, _Choice] | None = None
    for count in range(target, 0, -1):
        patterns = sorted(
            {
                tuple(sorted({(offset + i * 7 // count) % 7 for i in range(count)}))
                for offset in range(7)
            }
        )
        for minutes in _minute_options(strategy):
            for at_stage in range(stage, len(budget.caps)):
                fitting = [p for p in patterns if budget.fits(at_stage, p, minutes)]
                if not fitting:
                    continue
                utility = (
                    2.0 * count / target
                    + minutes / strategy.minutes
                    - delay_cost * (at_stage - stage)
                )
                if best is None or utility > best[0]:
                    days = min(
                        fitting,
                        key=lambda p: (*budget.load(p, minutes), (p[0] - rotation) % 7, p),
                    )
                    best = (utility, _Choice(strategy, at_stage, days, minutes))
                break  # a later start of the same option is never better
    return None if best is None else best[1]


def _items(
    profile: Profile, choices: list[_Choice], neglect: Mapping[Category, float], first: dt.date
) -> list[PlanItem]:
    parts = sorted(profile.preferred_times, key=list(TimeOfDay).index)
    seen: set[Category] = set()
    items = []
    for index, choice in enumerate(choices):
        strategy = choice.strategy
        part = parts[index % len(parts)] if parts else None
        recurrence = Recurrence.weekly(
            (Weekday(d) for d in choice.days),
            at=None if part is None else PART_TIMES[part],
            start=first + dt.timedelta(weeks=choice.stage),
        )
        reasons = _reasons(
            profile, choice, neglect, part, first_of_category=strategy.category not in seen
        )
        seen.add(strategy.category)
        items.append(PlanItem(strategy.id, recurrence, choice.minutes, reasons))
    return items


def _reasons(
    profile: Profile,
    choice: _Choice,
    neglect: Mapping[Category, float],
    part: TimeOfDay | None,
    *,
    first_of_category: bool,
) -> list[Reason]:
    strategy = choice.strategy
    reasons = []
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
    available = min(profile.minutes_on(day) for day in days)
    reasons.append(explain.fits_time(strategy, choice.minutes, available, days))
    if part is not None:
        reasons.append(explain.preferred_time(part, PART_TIMES[part]))
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
