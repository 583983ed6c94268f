"""Scoring for :func:`~selfcare.recommend`: the weights, the statistics and the components.

:class:`Context` computes everything the history says once, in time linear in the history's
length: the merged days, each practised strategy's done and skipped days, its habit strength
(daily target: the figure :func:`~selfcare.habit_strength` gives at the same instant), its
effects on mood, energy and stress, the category balance of the last :data:`BALANCE_DAYS`
days, the minutes already done today and the support advisory. Then each strategy's
components are cheap arithmetic; see ``_recommend`` for what they are.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._core.frozenmap import FrozenMap
from selfcare._insights.balance import BALANCE_DAYS, BALANCE_MIN_DAYS, CategoryBalance, balance_of
from selfcare._insights.days import Day, by_strategy, collect, minutes_of
from selfcare._insights.effects import MIN_DAYS, StrategyEffect, effect_table, effects_of, observed
from selfcare._insights.habits import daily_amounts, score_of, streak_of
from selfcare._insights.strain import StrainLevel, WorkloadStrain
from selfcare._insights.support import DistressRule, advisory_of
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Benefit, Category, Effort, Role
from selfcare._model.profiles import Profile
from selfcare._model.reflections import Reflection
from selfcare._model.strategies import Strategy
from selfcare._time.calendar import TimeOfDay
from selfcare._time.zoned import in_zone, zone

__all__ = ["RecommendWeights"]

#: The names of the score components, in the order they are reported.
COMPONENTS = (
    "goal",
    "neglected",
    "effect",
    "momentum",
    "fits_time",
    "time_of_day",
    "variety",
    "values",
)
#: An effect of this many points (mean improvement) gives the full effect component.
EFFECT_SCALE = 2.0
#: The prior spread of a strategy's effect, in rating points (exploration).
PRIOR_SD = 1.0
#: The assumed day-to-day spread of a rating, in points (exploration).
NOISE_SD = 2.0
#: Days (today included) looked at for variety.
RECENT_DAYS = 3
#: Habit strength from which momentum is named as a reason.
MOMENTUM_REASON = 0.25
#: The parts of the day a strategy with one of these tags suits; other tags suit any time.
TAG_TIMES: Mapping[str, frozenset[TimeOfDay]] = FrozenMap(
    {
        tag: frozenset({TimeOfDay.MORNING, TimeOfDay.AFTERNOON, TimeOfDay.EVENING})
        for tag in ("outdoors", "nature", "walking", "exercise", "movement", "social", "work")
    }
    | {"sleep": frozenset({TimeOfDay.EVENING, TimeOfDay.NIGHT})}
)
MAX_K = 1_000


def _weight(_inst: object, attribute: attrs.Attribute[float], value: object) -> None:
    check.check_finite(attribute.name, value)
    if not 0 <= value <= 100:  # type: ignore[operator]
        raise check.fail(attribute.name, f"expected a weight from 0 to 100, {check.got(value)}")


@attrs.frozen
class RecommendWeights:
    """How much each component counts in a recommendation's score.

    Every weight is a number from 0 to 100; only their proportions matter, except for
    ``diversity``, which is in score units (0 to 1). See :func:`recommend` for what each
    component measures.

    Attributes:
        goal: serving the person's goals.
        neglected: being in a category neglected lately.
        effect: the person's own effect (better ratings on days with the strategy).
        momentum: habit strength, to keep a habit going.
        fits_time: fitting the minutes left today.
        time_of_day: suiting the part of the day now.
        variety: not done in the last few days.
        values: matching the person's values.
        diversity: the score taken off for each strategy of the same category already
            picked, so the top ``k`` spread over categories.

    Example:
        >>> RecommendWeights(effect=0.5).goal
        0.25
        >>> RecommendWeights(goal=0, neglected=0, effect=0, momentum=0, fits_time=0,
        ...                  time_of_day=0, variety=0, values=0)
        Traceback (most recent call last):
        ...
        selfcare.errors.ValidationError: goal: expected at least one weight above 0
    """

    goal: float = attrs.field(default=0.25, validator=_weight)
    neglected: float = attrs.field(default=0.15, validator=_weight)
    effect: float = attrs.field(default=0.20, validator=_weight)
    momentum: float = attrs.field(default=0.10, validator=_weight)
    fits_time: float = attrs.field(default=0.10, validator=_weight)
    time_of_day: float = attrs.field(default=0.05, validator=_weight)
    variety: float = attrs.field(default=0.05, validator=_weight)
    values: float = attrs.field(default=0.10, validator=_weight)
    diversity: float = attrs.field(default=0.15, validator=_weight)

    def __attrs_post_init__(self) -> None:
        if self.total <= 0:
            raise check.fail("goal", "expected at least one weight above 0")

    @property
    def total(self) -> float:
        """The sum of the component weights (``diversity`` is not one)."""
        return (
            self.goal
            + self.neglected
            + self.effect
            + self.momentum
            + self.fits_time
            + self.time_of_day
            + self.variety
            + self.values
        )


class Stats:
    """What the history says about one practised strategy."""

    __slots__ = ("days_done", "effects", "habit", "mean", "recent", "sd", "streak")

    def __init__(self, days_done: int) -> None:
        self.days_done = days_done
        self.habit = 0.0
        self.recent = 0
        self.streak = 0
        #: the reported effects, each with its improvement (positive is better)
        self.effects: list[tuple[float, StrategyEffect]] = []
        self.mean = 0.0
        self.sd = PRIOR_SD


class Context:
    """Everything scoring needs, computed once from the history (linear in its length)."""

    def __init__(
        self,
        profile: Profile,
        catalog: Catalog,
        reflections: tuple[Reflection, ...],
        now: pendulum.DateTime,
        weights: RecommendWeights,
        rule: DistressRule,
        strain: WorkloadStrain | None = None,
    ) -> None:
        self.profile = profile
        #: a therapist's raised or high workload strain, which favours what prevents burnout
        self.strain = (
            strain
            if strain is not None
            and strain.level is not StrainLevel.LOW
            and profile.role is Role.THERAPIST
            else None
        )
        self.goals = profile.goals | (
            {Benefit.PREVENTS_BURNOUT} if self.strain is not None else set()
        )
        self.catalog = catalog
        self.local = in_zone(now, zone(profile.timezone))
        self.today = today = dt.date.toordinal(self.local)
        self.time_of_day = TimeOfDay.of(dt.time(self.local.hour, self.local.minute))
        stamp = now.timestamp()
        days = collect((r for r in reflections if r.at.timestamp() <= stamp), today)
        self.advisory = advisory_of(days, today, rule, profile.role)
        self.balance: CategoryBalance = balance_of(
            days, catalog, today, BALANCE_DAYS, profile.allowed_categories, BALANCE_MIN_DAYS
        )
        self.minutes_left = self._minutes_left(days.get(today))
        self.stats = self._stats(days)
        norm = weights.total + weights.effect
        self.w = {name: float(getattr(weights, name)) / norm for name in COMPONENTS}
        self.diversity = weights.diversity
        self.blocked = (
            frozenset(e for e in Effort if e > rule.max_effort)
            if self.advisory.advised
            else frozenset()
        )
        self.preferred = not profile.preferred_times or self.time_of_day in profile.preferred_times
        #: the tags that rule out the part of the day it is now
        self.untimely = frozenset(
            tag for tag, times in TAG_TIMES.items() if self.time_of_day not in times
        )

    def _minutes_left(self, day: Day | None) -> int:
        budget = self.profile.minutes_on(dt.date.fromordinal(self.today))
        used = 0 if day is None else sum(minutes_of(day, sid, self.catalog) for sid in day.done)
        return max(0, budget - used)

    def _stats(self, days: Mapping[int, Day]) -> dict[str, Stats]:
        table, totals = effect_table(days)
        # The habit strength and streak that habit_strength and streak give at the same
        # instant (a daily target, from the first day with a reflection through today), so
        # a habit shows one figure wherever it is shown.
        first, today = min(days, default=self.today), self.today
        recent_from = today - RECENT_DAYS + 1
        found: dict[str, Stats] = {}
        for sid, (done, skipped) in by_strategy(days).items():
            stats = found[sid] = Stats(len(done))
            strategy = self.catalog._strategy_index.get(sid)
            amounts = None if strategy is None else daily_amounts(days, strategy)
            per_time = strategy.target if strategy is not None and strategy.target else 1
            stats.habit = score_of(
                done, skipped, first, today, 1, 1, amounts=amounts, per_time=per_time
            )
            stats.streak = streak_of(done, skipped, today)[0]
            stats.recent = sum(1 for d in done[-RECENT_DAYS:] if d >= recent_from)
            row = table.get(sid)
            if row is None:
                continue
            stats.effects = [(e.improvement, e) for e in effects_of(sid, row, totals, MIN_DAYS)]
            seen = observed(row, totals)
            if seen is not None:
                improvement, spread = seen
                precision = 1 / PRIOR_SD**2 + 1 / (NOISE_SD**2 * spread)
                stats.mean = improvement / (NOISE_SD**2 * spread) / precision
                stats.sd = math.sqrt(1 / precision)
        return found

    # The components, each from 0 to 1 (the effect from -1 to 1).

    def goal(self, benefits: frozenset[Benefit]) -> float:
        goals = self.goals
        return min(len(benefits & goals), 2) / min(len(goals), 2) if goals else 0.0

    def values(self, tags: frozenset[str]) -> float:
        values = self.profile.values
        return min(len(tags & values), 2) / min(len(values), 2) if values else 0.0

    def time_of_day_fit(self, tags: frozenset[str]) -> float:
        if not tags.isdisjoint(self.untimely):
            return 0.0
        return 1.0 if self.preferred else 0.5

    def fits(self, minutes: int) -> float:
        return 1.0 if minutes <= self.minutes_left else self.minutes_left / minutes

    def neglected(self, category: Category) -> float:
        return 1.0 if category in self.balance.neglected else 0.0

    def effect(self, stats: Stats | None) -> float:
        if stats is None or not stats.effects:
            return 0.0
        mean = sum(improvement for improvement, _ in stats.effects) / len(stats.effects)
        return clip(mean / EFFECT_SCALE)

    def variety(self, stats: Stats | None) -> float:
        return 1.0 if stats is None else 1.0 - stats.recent / RECENT_DAYS

    def momentum(self, stats: Stats | None) -> float:
        return 0.0 if stats is None else stats.habit

    def components(self, s: Strategy, effect: float | None = None) -> dict[str, float]:
        """Every component of one strategy; ``effect`` overrides the effect (a sample)."""
        stats = self.stats.get(s.id)
        return {
            "goal": self.goal(s.benefits),
            "neglected": self.neglected(s.category),
            "effect": self.effect(stats) if effect is None else effect,
            "momentum": self.momentum(stats),
            "fits_time": self.fits(s.minutes),
            "time_of_day": self.time_of_day_fit(s.tags),
            "variety": self.variety(stats),
            "values": self.values(s.tags),
        }


def clip(value: float) -> float:
    """Clip a number to the range -1 to 1."""
    return -1.0 if value < -1.0 else 1.0 if value > 1.0 else value
