"""Choosing a plan's strategies and their days, within the ramp and the budget.

Picks run in phases, and each pick ranks its group once (a lazily re-scored heap), so the
cost stays near-linear in the catalog's size:

1. **A therapist's core practices**: supervision or peer consultation (strategies tagged
   ``supervision``), then personal therapy (an appointment tagged ``therapy``) and rest and
   recovery (a weekly professional practice tagged ``rest``) where the week has room. What
   cannot fit is said in the plan's shortfall rather than left out in silence.
2. **Commitments** (at most :data:`MAX_COMMITMENTS`): kept every day from week 2, taking no
   minutes.
3. **Coverage**: one strategy for each allowed category not yet in the plan, from week 1.
4. **Goals**: one for each goal not yet served, from week 2.
5. **The rest**: the best of what is left while there is room, from weeks 2 and 3.

A strategy is placed on as many days as its cadence asks for (daily: every day; ``n`` times
a week: ``n``; weekly, fortnightly or monthly: one day, the one with most room), or on fewer,
at a shorter length, or from a later week when that is what fits.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence

import attrs

from selfcare._core.describe import minutes_phrase
from selfcare._model.categories import Benefit, Category, Effort, Role
from selfcare._model.profiles import Profile
from selfcare._model.strategies import Cadence, Strategy, StrategyKind
from selfcare._plans.ramp import Budget
from selfcare._plans.rituals import in_sentence

__all__ = [
    "MAX_COMMITMENTS",
    "MAX_ITEMS",
    "RARELY",
    "Choice",
    "choose",
    "is_core",
    "minute_options",
    "shortest_minutes",
    "usual_days",
]

#: The most strategies a generated plan holds (besides week-by-week alternates).
MAX_ITEMS = 8
#: The most commitments a generated plan holds.
MAX_COMMITMENTS = 2
_EFFORT_BONUS = {Effort.LOW: 1.0, Effort.MEDIUM: 0.5, Effort.HIGH: 0.0}
#: The cadences placed once in a week (or less often), on the day with most room.
RARELY = frozenset({Cadence.WEEKLY, Cadence.FORTNIGHTLY, Cadence.MONTHLY})


@attrs.frozen
class Choice:
    """A strategy placed in the plan: from which ramp stage, on which days, for how long."""

    strategy: Strategy
    stage: int
    days: tuple[int, ...]
    minutes: int
    core: bool = False

    @property
    def every_weeks(self) -> int:
        """Weeks between occurrences: 2 for fortnightly, else 1 (monthly is its own rule)."""
        return 2 if self.strategy.cadence is Cadence.FORTNIGHTLY else 1


def minute_options(strategy: Strategy) -> list[int]:
    """The full length, then a gentler version of about half, in fives (never under 5)."""
    if strategy.kind is StrategyKind.COMMITMENT:
        return [0]
    half = max(5, round(strategy.minutes / 10) * 5)
    return [strategy.minutes] if half >= strategy.minutes else [strategy.minutes, half]


def shortest_minutes(strategy: Strategy) -> int:
    """The fewest minutes of :func:`minute_options`, without making the list."""
    if strategy.kind is StrategyKind.COMMITMENT:
        return 0
    minutes = strategy.minutes
    return min(minutes, max(5, round(minutes / 10) * 5))


def usual_days(strategy: Strategy) -> int:
    """The days a week the strategy's cadence asks for."""
    cadence = strategy.cadence
    if cadence is Cadence.DAILY:
        return 7
    if cadence in RARELY:
        return 1
    if strategy.times_a_week is not None:
        return strategy.times_a_week
    if strategy.minutes <= 10:
        days = 5
    elif strategy.minutes <= 20:
        days = 3
    elif strategy.minutes <= 45:
        days = 2
    else:
        days = 1
    return min(days, 2) if strategy.effort is Effort.HIGH else days


def choose(
    profile: Profile,
    candidates: list[Strategy],
    budget: Budget,
    neglect: Mapping[Category, float],
    jitter: Sequence[float],
    rotation: int,
    covered: set[Category],
    served: set[Benefit],
    workdays: Sequence[int],
) -> tuple[list[Choice], list[str]]:
    """The strategies chosen and placed, and what the plan could not hold, in plain words.

    ``jitter`` holds a small number for each candidate, in order. A strategy is known here
    by its place in ``candidates``: what is left to choose maps each id to its place, and a
    heap holds scores of floats, strings and places only, which the garbage collector leaves
    alone (a heap of strategies would have it walk the whole catalog again and again).
    """
    choices: list[Choice] = []
    short: list[str] = []
    goals_left = set(profile.goals) - served
    categories_left = set(profile.allowed_categories) - covered
    per_category: dict[Category, int] = {}
    pool = {s.id: n for n, s in enumerate(candidates)}
    goals, values = profile.goals, profile.values
    fixed = [
        1.0 * len(s.benefits & goals)
        + 1.5 * neglect.get(s.category, 0.0)
        + 1.5 * len(s.tags & values)
        + _EFFORT_BONUS[s.effort]
        + small
        for s, small in zip(candidates, jitter, strict=True)
    ]

    def score(n: int) -> tuple[float, str, int]:
        s = candidates[n]
        value = (
            fixed[n]
            + 3.0 * len(s.benefits & goals_left)
            + (1.0 if s.category in categories_left else 0.0)
            - 1.0 * per_category.get(s.category, 0)
        )
        return (-value, s.id, n)  # ids are unique: the place never decides an order

    def ranked(group: Iterable[int]) -> list[tuple[float, str, int]]:
        heap = list(map(score, group))
        heapq.heapify(heap)
        return heap

    def take(choice: Choice) -> None:
        del pool[choice.strategy.id]
        choices.append(choice)
        goals_left.difference_update(choice.strategy.benefits)
        categories_left.discard(choice.strategy.category)
        category = choice.strategy.category
        per_category[category] = per_category.get(category, 0) + 1

    def pick(heap: list[tuple[float, str, int]], stage: int, delay: float) -> bool:
        """Place the best strategy of the heap that fits; False when none does.

        A score only falls as picks are made, so an entry whose score is unchanged when it
        comes to the top is the best, and a stale one goes back in: one heap serves many
        picks.
        """
        while heap:
            stored = heapq.heappop(heap)
            best = candidates[stored[2]]
            current = score(stored[2])
            if current != stored:
                heapq.heappush(heap, current)
                continue
            if best.kind is StrategyKind.COMMITMENT:
                continue  # chosen in their own phase
            choice = place(best, min(stage, budget.last), budget, rotation, delay)
            if choice is None:
                del pool[best.id]
                continue
            take(choice)
            return True
        return False

    if profile.role is Role.THERAPIST:
        left_now = [candidates[n] for n in pool.values()]
        for choice_or_why in _core_practices(left_now, budget, rotation):
            if isinstance(choice_or_why, Choice):
                take(choice_or_why)
            else:
                short.append(choice_or_why)
    commitments = ranked(n for n in pool.values() if candidates[n].kind is StrategyKind.COMMITMENT)
    while commitments and sum(c.strategy.kind is StrategyKind.COMMITMENT for c in choices) < (
        MAX_COMMITMENTS
    ):
        best = candidates[heapq.heappop(commitments)[2]]
        days = tuple(workdays) if "work" in best.tags else tuple(range(7))
        take(Choice(best, min(1, budget.last), days, 0))
    order = sorted(categories_left, key=lambda c: (-neglect.get(c, 0.0), list(Category).index(c)))
    for category in order:
        if len(_counted(choices)) < MAX_ITEMS:
            in_category = (n for n in pool.values() if candidates[n].category is category)
            pick(ranked(in_category), 0, delay=3.0)
    while goals_left and len(_counted(choices)) < MAX_ITEMS:
        serving = (n for n in pool.values() if candidates[n].benefits & goals_left)
        if not pick(ranked(serving), 1, delay=0.6):
            break
    rest = ranked(pool.values())
    while rest and len(_counted(choices)) < MAX_ITEMS:
        # Two activities may start in week 1 and two in week 2, the rest in week 3 (a
        # commitment, kept without minutes, is not among them).
        starts = [c.stage for c in _counted(choices)]
        stage = next((s for s in (0, 1) if starts.count(s) < 2), 2)
        if not pick(rest, stage, delay=0.6):
            break
    return choices, short


def _counted(choices: Sequence[Choice]) -> list[Choice]:
    """The choices that count toward :data:`MAX_ITEMS` (commitments do not)."""
    return [c for c in choices if c.strategy.kind is not StrategyKind.COMMITMENT]


def _is_supervision(strategy: Strategy) -> bool:
    return "supervision" in strategy.tags


def _is_personal_therapy(strategy: Strategy) -> bool:
    return strategy.kind is StrategyKind.APPOINTMENT and "therapy" in strategy.tags


def _is_rest(strategy: Strategy) -> bool:
    return strategy.cadence in RARELY and "rest" in strategy.tags


_CORE = (_is_supervision, _is_personal_therapy, _is_rest)


def is_core(strategy: Strategy) -> bool:
    """Whether a strategy is one of a therapist's core practices (planned, or said not to fit)."""
    return any(matches(strategy) for matches in _CORE)


def _core_practices(pool: Iterable[Strategy], budget: Budget, rotation: int) -> list[Choice | str]:
    """A therapist's supervision, personal therapy and rest, each placed or said not to fit."""
    found: list[Choice | str] = []
    strategies = list(pool)
    for matches in _CORE:
        match = next((s for s in strategies if matches(s)), None)
        if match is None:
            continue
        choice = place(match, 0, budget, rotation, delay=0.3)
        if choice is None and match.kind is StrategyKind.APPOINTMENT:
            found.append(
                f"{in_sentence(match.name)} ({minutes_phrase(match.minutes)}, "
                f"{match.cadence.value}) "
                f"does not fit in the week's minutes you have left ({budget.week_room()}); "
                "more minutes in the week would make room for it"
            )
        elif choice is None:  # an activity: it needs one day that holds it
            found.append(
                f"{in_sentence(match.name)} ({minutes_phrase(match.minutes)}, "
                f"{match.cadence.value}) "
                "does not fit in any one day (the most a day has left beside its rituals and "
                f"the practices placed before it is {minutes_phrase(budget.room())}); "
                "a day with more minutes would make room for it"
            )
        else:
            found.append(attrs.evolve(choice, core=True))
    return found


def place(
    strategy: Strategy, stage: int, budget: Budget, rotation: int, delay: float
) -> Choice | None:
    """Place a strategy on its cadence's days, in the option that suits best, or ``None``.

    Each option (days a week, minutes, starting week) is weighed: the share of the cadence's
    days counts double, the share of the full length once, and each week of delay costs
    ``delay``, so repetition matters most for a habit unless the start must be early. A
    weekly (or rarer) practice goes on the day with most room, and one longer than any day's
    room takes its minutes from the whole week (see :mod:`.ramp`).
    """
    if strategy.cadence in RARELY:
        return _place_rarely(strategy, stage, budget)
    target = usual_days(strategy)
    best: tuple[float, Choice] | None = None
    for count in range(target, 0, -1):
        patterns = sorted(
            {
                tuple(sorted({(offset + i * 7 // count) % 7 for i in range(count)}))
                for offset in range(7)
            }
        )
        for minutes in minute_options(strategy):
            for at_stage in range(stage, len(budget.caps)):
                fitting = [p for p in patterns if budget.fits(at_stage, p, minutes)]
                if not fitting:
                    continue
                utility = (
                    2.0 * count / target + minutes / strategy.minutes - delay * (at_stage - stage)
                )
                if best is None or utility > best[0]:
                    days = min(
                        fitting,
                        key=lambda p: (*budget.load(p, minutes), (p[0] - rotation) % 7, p),
                    )
                    best = (utility, Choice(strategy, at_stage, days, minutes))
                break  # a later start of the same option is never better
    if best is not None:
        budget.add(best[1].stage, best[1].days, best[1].minutes)
    return None if best is None else best[1]


def _place_rarely(strategy: Strategy, stage: int, budget: Budget) -> Choice | None:
    """A weekly, fortnightly or monthly practice, on the day with most room.

    An appointment takes what that day lacks from the rest of its week.
    """
    minutes = strategy.minutes
    for at_stage in range(stage, len(budget.caps)):
        day = min(range(7), key=lambda d: (-budget.free(at_stage, d), d))
        if budget.free(at_stage, day) >= minutes:
            budget.add(at_stage, [day], minutes)
            return Choice(strategy, at_stage, (day,), minutes)
    if strategy.kind is StrategyKind.APPOINTMENT and budget.fits_the_week(budget.last, minutes):
        day = min(range(7), key=lambda d: (-budget.free(budget.last, d), d))
        budget.borrow(budget.last, day, minutes)
        return Choice(strategy, budget.last, (day,), minutes)
    return None
