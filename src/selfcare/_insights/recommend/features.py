"""Features as data: what the built-in scorer knows about each eligible strategy, as rows.

:func:`recommendation_features` gives one :class:`FeatureRow` per strategy that
:func:`~selfcare.recommend` could offer now, in catalog order, holding the values of the
score components (see :func:`~selfcare.recommend`) and the person's own effect estimate
with its uncertainty. A project can train and compare its own model on exactly what the
built-in one sees, and a :class:`~selfcare.Policy` scores candidates from these rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from selfcare._core import checks as check
from selfcare._insights.days import check_history
from selfcare._insights.recommend.ranking import Ranking
from selfcare._insights.recommend.scoring import PRIOR_SD, Context, RecommendWeights
from selfcare._insights.strain import WorkloadStrain
from selfcare._insights.support import DistressRule
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Category
from selfcare._model.profiles import Profile
from selfcare._model.reflections import Reflection
from selfcare._time.zoned import check_zoned

__all__ = ["FEATURES", "FeatureRow", "recommendation_features"]

#: The features of a :class:`FeatureRow`, in the order they are reported.
FEATURES = (
    "goal",
    "neglected",
    "effect",
    "effect_mean",
    "effect_sd",
    "momentum",
    "fits_time",
    "time_of_day",
    "variety",
    "values",
)
#: The largest posterior mean effect, in rating points (ratings run from 0 to 10).
MAX_EFFECT_POINTS = 10.0


_UNIT = check.number_in(0, 1)


def _positive_sd(_inst: object, attribute: Any, value: Any) -> None:
    check.check_finite(attribute.name, value)
    if not 0 < value <= PRIOR_SD:
        raise check.fail(
            attribute.name, f"expected a spread above 0 and at most {PRIOR_SD}, {check.got(value)}"
        )


@attrs.frozen
class FeatureRow:
    """What the built-in scorer knows about one eligible strategy now.

    Every component is the value :func:`~selfcare.recommend` combines with its
    :class:`RecommendWeights` (see there for how each is computed); ``effect_mean`` and
    ``effect_sd`` are the posterior of the person's own effect that exploration samples from.

    Attributes:
        strategy_id: the strategy.
        category: its category (what the diversity of a pick is counted by).
        goal: goals served, from 0 to 1.
        neglected: 1 when its category was neglected in the last 14 days, else 0.
        effect: the person's own effect, from -1 to 1 (0 without one).
        effect_mean: the posterior mean of the person's own effect, in rating points
            (prior mean 0, sd ``PRIOR_SD`` = 1 point, a day's noise 2 points).
        effect_sd: the posterior spread of that effect, in points: 1 when untried, smaller
            the more days the person has with and without the strategy.
        momentum: habit strength with a daily target, from 0 to 1.
        fits_time: 1 when it fits the minutes left today, else the share that fits.
        time_of_day: how well it suits the part of the day now, from 0 to 1.
        variety: 1 minus the share of the last 3 days it was done on.
        values: the person's values it matches, from 0 to 1.

    Example:
        >>> row = FeatureRow("short-walk", Category.PHYSICAL, goal=1.0, effect_mean=0.4,
        ...                  effect_sd=0.5)
        >>> row.value("goal"), row.effect_sd
        (1.0, 0.5)
    """

    strategy_id: str = attrs.field(validator=check.slug)
    category: Category = attrs.field(validator=check.member(Category))
    goal: float = attrs.field(default=0.0, validator=_UNIT)
    neglected: float = attrs.field(default=0.0, validator=_UNIT)
    effect: float = attrs.field(default=0.0, validator=check.number_in(-1, 1))
    effect_mean: float = attrs.field(
        default=0.0,
        validator=check.number_in(
            -MAX_EFFECT_POINTS, MAX_EFFECT_POINTS, "a number of rating points from -10 to 10"
        ),
    )
    effect_sd: float = attrs.field(default=PRIOR_SD, validator=_positive_sd)
    momentum: float = attrs.field(default=0.0, validator=_UNIT)
    fits_time: float = attrs.field(default=1.0, validator=_UNIT)
    time_of_day: float = attrs.field(default=1.0, validator=_UNIT)
    variety: float = attrs.field(default=1.0, validator=_UNIT)
    values: float = attrs.field(default=0.0, validator=_UNIT)

    def value(self, feature: str) -> float:
        """The value of one feature, by its name in :data:`FEATURES`.

        Raises:
            ValidationError: no feature has that name.
        """
        if feature not in FEATURES:
            raise check.fail(
                "feature", f"expected one of {', '.join(FEATURES)}, {check.got(feature)}"
            )
        value: float = getattr(self, feature)
        return value


def recommendation_features(
    profile: Profile,
    catalog: Catalog | None = None,
    *,
    history: Iterable[Reflection] = (),
    at: dt.datetime,
    rule: DistressRule | None = None,
    strain: WorkloadStrain | None = None,
) -> tuple[FeatureRow, ...]:
    """The features of every strategy :func:`~selfcare.recommend` could offer now.

    The same eligibility as :func:`~selfcare.recommend` (role, allowed categories,
    excluded tags, effort while support is advised) and the same statistics: a row's
    components are the values the built-in scorer combines. :func:`to_records` turns the
    rows into a table, one row per strategy.

    Args:
        profile: the person.
        catalog: the strategies (default: :func:`default_catalog`).
        history: the person's reflections, in any order; those after ``at`` are ignored.
        at: now, as a zoned instant.
        rule: when recent reflections count as sustained distress (default:
            :class:`DistressRule` ()); while support is advised, strategies asking more
            effort than ``rule.max_effort`` are not candidates.
        strain: a therapist's :func:`workload_strain`, which makes preventing burnout a goal
            when raised.

    Returns:
        One row per eligible strategy, in catalog order.

    Raises:
        ValidationError: an argument is not valid.

    Example:
        >>> profile = Profile(role=Role.CLIENT, timezone="UTC", daily_minutes=20,
        ...                   goals={Benefit.COPING_SKILLS})
        >>> rows = recommendation_features(profile, at=pendulum.datetime(2026, 1, 5, 18))
        >>> walk = next(r for r in rows if r.strategy_id == "short-walk")
        >>> walk.goal, walk.effect_sd
        (1.0, 1.0)
    """
    check.check_instance("profile", profile, Profile)
    context = Context(
        profile,
        catalog_or_default(catalog),
        check_history(history),
        check_zoned("at", at),
        RecommendWeights(),
        check.instance_or_default("rule", rule, DistressRule, DistressRule),
        None if strain is None else check.check_instance("strain", strain, WorkloadStrain),
    )
    return features_of(context, eligible(Ranking(context, None)))


def eligible(ranking: Ranking) -> list[int]:
    """The catalog positions of the eligible strategies, in catalog order."""
    return sorted(position for pool in ranking.pools.values() for position in pool)


def features_of(context: Context, positions: Iterable[int]) -> tuple[FeatureRow, ...]:
    """The feature rows of the strategies at these catalog positions."""
    strategies = context.catalog.strategies
    rows = []
    for position in positions:
        strategy = strategies[position]
        stats = context.stats.get(strategy.id)
        parts = context.components(strategy)
        mean, sd = (0.0, PRIOR_SD) if stats is None else (stats.mean, stats.sd)
        rows.append(
            FeatureRow(
                strategy.id,
                strategy.category,
                effect_mean=mean,
                effect_sd=sd,
                **parts,
            )
        )
    return tuple(rows)
