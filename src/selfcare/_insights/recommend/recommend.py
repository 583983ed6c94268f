"""Recommendations: ranked strategies with scores and reasons, learning from what helped.

How :func:`recommend` decides:

1. **Eligible strategies** are meant for the person's role, in an allowed category
   (``profile.allowed_categories``: spiritual only on opt-in, professional only for
   therapists), carry no excluded tag and, while support is advised, ask at most
   ``rule.max_effort``. Nothing else is ever offered, even when fewer than ``k`` remain.
2. **Statistics** are computed once from the history, in time linear in its length: the
   merged days, each practised strategy's done and skipped days, its habit strength (daily
   target), its effects on mood, energy and stress, the category balance of the last 14
   days, the minutes already done today and the support advisory.
3. **Score.** Each eligible strategy gets components, each from 0 to 1 (the effect from -1
   to 1), combined with :class:`RecommendWeights` as
   ``score = (sum(w * c) + w_effect) / (sum(w) + w_effect)``, so the score runs from 0 to 1.

   =============  ===========================================================================
   goal           goals served: ``min(matched, 2) / min(goals, 2)``
   neglected      1 when the category was neglected in the last 14 days
                  (:func:`category_balance`)
   effect         the person's own effect: mean improvement over the measures reported
                  (mood, energy, lower stress; at least 3 days with and 3 without) / 2
                  points, clipped to -1..1; 0 without one
   momentum       habit strength with a daily target through the local date of ``at``:
                  the figure :func:`habit_strength` gives at the same instant
   fits_time      1 when the strategy fits the minutes left today, else the share that fits
   time_of_day    1 when now (local) is a preferred part of the day or none is preferred,
                  0.5 otherwise; 0 when a tag rules the part of the day out
                  (:data:`TAG_TIMES`, e.g. outdoors at night)
   variety        ``1 - days done in the last 3 days (today included) / 3``
   values         values matched by tags: ``min(matched, 2) / min(values, 2)``
   =============  ===========================================================================

4. **Diversity.** The ``k`` recommended are picked greedily: each time the strategy with
   the highest ``score - diversity * (strategies of its category already picked)``, so they
   spread over categories. They are then listed by their own score, best first, so the
   ranks and the scores shown agree.
5. **Exploration.** With ``explore=True`` the effect component is a Thompson sample: each
   strategy's mean improvement is given a normal prior (mean 0, sd :data:`PRIOR_SD` points)
   and a normal likelihood from the person's days with and without it (sd
   :data:`NOISE_SD` points a day); one draw from the posterior, scaled as above, replaces
   the effect. Untried strategies draw from the prior, so they get a fair chance. The draws
   come from ``random.Random(seed)``, one random byte per catalog position read as a normal
   quantised to 256 levels (see ``_ranking``): the same seed gives the same result.

Ties, in the picking and in the order, keep catalog order. The advisory is
:func:`support_advisory` for the profile's role.

6. **Policies and decision logs.** ``policy=`` replaces steps 3 and 5 with any
   :class:`Policy`, which scores the eligible candidates from their :class:`FeatureRow`
   values; eligibility, the advisory and the diverse pick stay as above. ``log=True`` adds
   a :class:`Decision` to the result: every candidate with its features, score and
   probability of being offered (see :func:`offer_probabilities`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import NamedTuple, overload

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._core.frozenmap import freeze
from selfcare._core.reprs import counted
from selfcare._insights.days import check_history
from selfcare._insights.recommend.decisions import Candidate, Decision
from selfcare._insights.recommend.explain import reasons_for, shortfall
from selfcare._insights.recommend.features import FeatureRow, eligible, features_of
from selfcare._insights.recommend.policies import (
    Policy,
    ScorePolicy,
    ThompsonPolicy,
    check_draws,
    check_policy,
    checked_scores,
    pick,
    propensities,
)
from selfcare._insights.recommend.ranking import Ranking
from selfcare._insights.recommend.scoring import (
    EFFECT_SCALE,
    MAX_K,
    Context,
    RecommendWeights,
    clip,
)
from selfcare._insights.strain import WorkloadStrain
from selfcare._insights.support import DistressRule, SupportAdvisory
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.profiles import Profile
from selfcare._model.reasons import Reason, ReasonCode
from selfcare._model.reflections import Reflection
from selfcare._model.strategies import Strategy
from selfcare._time.calendar import TimeOfDay
from selfcare._time.zoned import check_zoned

__all__ = ["Recommendation", "RecommendationList", "recommend"]


@attrs.frozen
class Recommendation:
    """One recommended strategy, with its score and the reasons for it.

    Attributes:
        strategy: the strategy recommended.
        score: how well it suits the person now, from 0 to 1.
        reasons: why, most important first; each carries the figures behind it.
        components: the value of each score component (see :func:`recommend`).

    Example:
        >>> walk = default_catalog().strategy("short-walk")
        >>> rec = Recommendation(walk, 0.7, [Reason(ReasonCode.FITS_TIME, "fits")], {})
        >>> rec.strategy_id
        'short-walk'
    """

    strategy: Strategy
    score: float
    reasons: tuple[Reason, ...] = attrs.field(converter=check.to_tuple)
    components: Mapping[str, float] = attrs.field(converter=freeze)

    @property
    def strategy_id(self) -> str:
        """The id of the strategy recommended."""
        return self.strategy.id

    def reason(self, code: ReasonCode) -> Reason | None:
        """The reason with this code, or ``None``."""
        return next((r for r in self.reasons if r.code is code), None)


@attrs.frozen
class RecommendationList:
    """Ranked recommendations, best first, with the support advisory.

    It is a sequence: iterate it, index it, take its ``len``.

    Attributes:
        items: the recommendations by score, best first (at most ``k``; ties in catalog
            order).
        support: whether reaching out to a therapist or trusted person is advised.
        at: the time recommended for, in the person's zone.
        time_of_day: the part of the day at ``at``.
        minutes_left: the day's minutes for self-care not yet used.
        eligible: how many catalog strategies could be offered.
        excluded: how many were left out, by rule (``"category"``, ``"role"``,
            ``"effort"``, ``"tag"``; each counted under the first rule that applied).
        shortfall: why there are fewer than ``k`` items, or why none of them fits the
            minutes left today; ``None`` when there are ``k`` and some fit.
        explored: whether exploration (Thompson sampling) was on.
        unknown_ids: strategies in the history that the catalog does not hold (say, since
            removed from it), sorted; they are never recommended.
        decision: with ``log=True``, the decision record: every candidate with its
            features, score and probability of being offered; otherwise ``None``.

    Example:
        >>> recs = recommend(
        ...     Profile(role=Role.CLIENT, timezone="UTC", daily_minutes=20),
        ...     at=pendulum.datetime(2026, 1, 5, 18, tz="UTC"), k=2)
        >>> len(recs), recs.shortfall, recs.support.advised
        (2, None, False)
    """

    items: tuple[Recommendation, ...] = attrs.field(repr=counted)
    support: SupportAdvisory
    at: pendulum.DateTime
    time_of_day: TimeOfDay
    minutes_left: int
    eligible: int
    excluded: Mapping[str, int] = attrs.field(converter=freeze)
    shortfall: str | None
    explored: bool
    unknown_ids: tuple[str, ...] = ()
    decision: Decision | None = None

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Recommendation]:
        return iter(self.items)

    @overload
    def __getitem__(self, index: int) -> Recommendation: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Recommendation, ...]: ...
    def __getitem__(self, index: int | slice) -> Recommendation | tuple[Recommendation, ...]:
        return self.items[index]

    def _repr_html_(self) -> str:
        """The recommendations as HTML for notebooks: the advisory, then a ranked table."""
        from selfcare._display.recommendations import recommendations_html

        return recommendations_html(self)

    @property
    def strategy_ids(self) -> tuple[str, ...]:
        """The ids of the strategies recommended, best first."""
        return tuple(item.strategy.id for item in self.items)


def recommend(
    profile: Profile,
    catalog: Catalog | None = None,
    *,
    history: Iterable[Reflection] = (),
    at: dt.datetime,
    k: int = 5,
    seed: int = 0,
    explore: bool = False,
    weights: RecommendWeights | None = None,
    rule: DistressRule | None = None,
    strain: WorkloadStrain | None = None,
    policy: Policy | None = None,
    log: bool = False,
    draws: int = 1000,
) -> RecommendationList:
    """Recommend strategies for a person now, ranked, diverse and explained.

    Scores every eligible strategy of the catalog from the person's goals, neglected
    categories, what has gone with better days for them before, habit momentum, the time
    left today, the part of the day, variety and their values; then picks the top ``k``
    so they spread over categories. Each recommendation says why, with the figures behind
    it. When recent reflections show sustained distress or ask for support, the result
    advises reaching out to a therapist or a trusted person, and strategies that ask a lot
    of effort are left out. It never diagnoses. See the module notes for the exact formula.

    Args:
        profile: the person.
        catalog: the strategies to choose from (default: :func:`default_catalog`).
        history: the person's reflections, in any order; those after ``at`` are ignored.
        at: now, as a zoned instant; today and the time of day are taken in the profile's
            zone.
        k: how many strategies to recommend, from 1 to 1000.
        seed: the seed for exploration's random draws.
        explore: whether to sample each strategy's effect (Thompson sampling), so that
            strategies the person has rarely or never tried get a fair chance.
        weights: how much each component counts (default: :class:`RecommendWeights` ()).
        rule: when recent reflections count as sustained distress (default:
            :class:`DistressRule` ()).
        strain: a therapist's :func:`workload_strain`; when it is raised or high, what
            prevents burnout (supervision or peer consultation, rest, decompression) counts
            as one of their goals, and each such recommendation says why
            (``workload-strain``).
        policy: what scores the candidates instead of the built-in scorer (see
            :class:`Policy`), given ``seed``; ``explore`` must then be ``False``. Who is
            eligible, the support advisory and the diverse pick are the same whatever the
            policy says; only ``weights.diversity`` of ``weights`` is used.
        log: also return the :class:`Decision` record, in ``decision``.
        draws: when logging a stochastic policy whose offer probabilities are not exact, how
            many seeds to estimate them from (1 to 100,000; each costs one scoring).

    Returns:
        The recommendations, best first, with the support advisory. Fewer than ``k`` only
        when fewer are eligible; ``shortfall`` then says why.

    Raises:
        ValidationError: an argument is not valid.

    Example:
        >>> profile = Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=30,
        ...                   goals={Benefit.COPING_SKILLS}, preferred_times={TimeOfDay.EVENING})
        >>> recs = recommend(profile, at=pendulum.datetime(2026, 1, 5, 19, tz="Europe/London"))
        >>> len(recs), len(set(s.category for s in (r.strategy for r in recs))) > 1
        (5, True)
        >>> recs[0].reasons[0].code
        <ReasonCode.GOAL: 'goal'>
    """
    check.check_instance("profile", profile, Profile)
    shared = shared_arguments(catalog, at, k, seed, explore, weights, rule)
    if strain is not None:
        strain = check.check_instance("strain", strain, WorkloadStrain)
    check.check_bool("log", log)
    check_draws(draws)
    if policy is not None:
        policy = check_policy(policy)
        if explore:
            raise check.fail(
                "explore",
                "expected False with a policy, which explores by its own draws "
                "(ThompsonPolicy is the built-in explorer)",
            )
    history_checked = check_history(history)
    if policy is None and not log:
        return recommend_with(
            profile, history_checked, shared, k, seed if explore else None, strain
        )
    context = Context(
        profile, shared.catalog, history_checked, shared.at, shared.weights, shared.rule, strain
    )
    if policy is None:
        builtin: Policy = ThompsonPolicy(shared.weights) if explore else ScorePolicy(shared.weights)
        return logged(context, k, seed, explore, builtin, draws)
    return with_policy(context, k, seed, policy, draws if log else None)


class Shared(NamedTuple):
    """The checked arguments of :func:`recommend` that do not belong to the person."""

    catalog: Catalog
    at: pendulum.DateTime
    weights: RecommendWeights
    rule: DistressRule


def shared_arguments(
    catalog: object,
    at: object,
    k: object,
    seed: object,
    explore: object,
    weights: object,
    rule: object,
) -> Shared:
    """Check the arguments of :func:`recommend` other than the person's own; fill defaults."""
    catalog = catalog_or_default(catalog)
    now = check_zoned("at", at)
    check.check_int("k", k, 1, MAX_K)
    check.check_seed(seed)
    check.check_bool("explore", explore)
    return Shared(
        catalog,
        now,
        check.instance_or_default("weights", weights, RecommendWeights, RecommendWeights),
        check.instance_or_default("rule", rule, DistressRule, DistressRule),
    )


def recommend_with(
    profile: Profile,
    reflections: tuple[Reflection, ...],
    shared: Shared,
    k: int,
    seed: int | None,
    strain: WorkloadStrain | None = None,
) -> RecommendationList:
    """:func:`recommend` once its arguments are checked (``seed`` is None unless exploring)."""
    context = Context(
        profile, shared.catalog, reflections, shared.at, shared.weights, shared.rule, strain
    )
    return rank(context, k, seed)


def rank(context: Context, k: int, seed: int | None) -> RecommendationList:
    """Score and pick the top ``k`` once the history's statistics are in ``context``."""
    ranking = Ranking(context, seed)
    picked = [(_unit(ranking.scores[p]), p) for p in ranking.top(k)]
    return listed(context, ranking, k, picked, draw=ranking.draw, explored=seed is not None)


def logged(
    context: Context, k: int, seed: int, explore: bool, policy: Policy, draws: int
) -> RecommendationList:
    """:func:`rank` with its decision record: the built-in policies on their fast path."""
    ranking = Ranking(context, seed if explore else None)
    picked = [(_unit(ranking.scores[p]), p) for p in ranking.top(k)]
    result = listed(context, ranking, k, picked, draw=ranking.draw, explored=explore)
    positions = eligible(ranking)
    features = features_of(context, positions)
    scores = [_unit(ranking.scores[p]) for p in positions]
    if explore:
        probabilities, used = propensities(policy, features, k, context.diversity, seed, draws)
    else:
        offered = {position for _, position in picked}
        probabilities, used = tuple(float(p in offered) for p in positions), 0
    return attrs.evolve(
        result,
        decision=decision(
            context, policy, seed, k, features, scores, probabilities, result.strategy_ids, used
        ),
    )


def with_policy(
    context: Context, k: int, seed: int, policy: Policy, draws: int | None
) -> RecommendationList:
    """Recommend with a policy's scores; with ``draws``, log the decision too."""
    ranking = Ranking(context, None)  # who is eligible, and who was left out and why
    positions = eligible(ranking)
    features = features_of(context, positions)
    scores = checked_scores(policy, features, seed)
    chosen = pick(features, scores, k, context.diversity)
    picked = [(scores[i], positions[i]) for i in chosen]
    result = listed(context, ranking, k, picked, draw=None, explored=policy.stochastic)
    if draws is None:
        return result
    probabilities, used = propensities(policy, features, k, context.diversity, seed, draws)
    return attrs.evolve(
        result,
        decision=decision(
            context, policy, seed, k, features, scores, probabilities, result.strategy_ids, used
        ),
    )


def decision(
    context: Context,
    policy: Policy,
    seed: int,
    k: int,
    features: tuple[FeatureRow, ...],
    scores: list[float],
    probabilities: tuple[float, ...],
    offered: tuple[str, ...],
    draws: int,
) -> Decision:
    """The decision record of one recommendation."""
    return Decision(
        at=context.local,
        policy=policy.name,
        seed=seed,
        k=k,
        diversity=context.diversity,
        candidates=[
            Candidate(row, score, probability)
            for row, score, probability in zip(features, scores, probabilities, strict=True)
        ],
        offered=offered,
        draws=draws,
    )


def listed(
    context: Context,
    ranking: Ranking,
    k: int,
    picked: list[tuple[float, int]],
    *,
    draw: Callable[[int], float | None] | None,
    explored: bool,
) -> RecommendationList:
    """The recommendations of the picked (score, catalog position) pairs, best first."""
    picked = sorted(picked, key=lambda pair: (-pair[0], pair[1]))  # ties in catalog order
    strategies = context.catalog.strategies
    items = []
    for score, position in picked:
        strategy = strategies[position]
        sampled = None if draw is None else draw(position)
        effect = None if sampled is None else clip(sampled / EFFECT_SCALE)
        parts = context.components(strategy, effect)
        reasons = reasons_for(context, strategy, parts, sampled)
        items.append(Recommendation(strategy, score, reasons, parts))
    return RecommendationList(
        items=tuple(items),
        support=context.advisory,
        at=context.local,
        time_of_day=context.time_of_day,
        minutes_left=context.minutes_left,
        eligible=ranking.eligible,
        excluded=ranking.excluded,
        shortfall=shortfall(items, k, len(strategies), ranking.excluded, context.minutes_left),
        explored=explored,
        unknown_ids=tuple(sorted(s for s in context.stats if s not in context.catalog)),
    )


def _unit(score: float) -> float:
    return min(1.0, max(0.0, score))
