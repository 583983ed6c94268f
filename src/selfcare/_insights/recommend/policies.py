"""Policies: what scores the candidates of a recommendation, and how likely each is offered.

A :class:`Policy` scores the eligible candidates from their :class:`FeatureRow` values, with a
seed. :func:`~selfcare.recommend` keeps the rest to itself, whatever the policy says: who is
eligible (role, categories, excluded tags, effort while support is advised), the support
advisory, and the pick of the top ``k`` with the diversity penalty (:func:`pick`).

The built-in scorer (:class:`ScorePolicy`) and the Thompson-sampling explorer
(:class:`ThompsonPolicy`) are two implementations; ``recommend(explore=False)`` and
``recommend(explore=True)`` behave as they do, on a faster path.

:func:`offer_probabilities` gives each candidate's probability of being offered: exact for a
policy that is not stochastic (0 or 1) or that computes them itself (the explorer, when one
strategy is offered), otherwise estimated from ``draws`` independent seeds, with a standard
error of at most ``1 / (2 * sqrt(draws))``.
"""

from __future__ import annotations

import bisect
import math
import random
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from selfcare._core import checks as check
from selfcare._insights.recommend.features import FeatureRow
from selfcare._insights.recommend.ranking import QUANTILES, diverse
from selfcare._insights.recommend.scoring import COMPONENTS, EFFECT_SCALE, RecommendWeights, clip
from selfcare._model.categories import Category

__all__ = ["Policy", "ScorePolicy", "ThompsonPolicy", "offer_probabilities"]

#: The most draws an estimate of offer probabilities may take.
MAX_DRAWS = 100_000
#: The most strategies offered at once (as in :func:`~selfcare.recommend`).
MAX_K = 1_000


@runtime_checkable
class Policy(Protocol):
    """Scores the candidates of a recommendation from their features, with a seed.

    Any object with these three members is a policy; it need not inherit from this class.

    Attributes:
        name: an id naming the policy in decision logs, such as ``"by-effect"``.
        stochastic: whether its scores depend on the seed. A policy that is not stochastic
            must give the same scores for every seed: its offer probabilities are then
            exactly 0 or 1.

    A policy may also have ``offer_probabilities(candidates, k, diversity)``, giving each
    candidate's exact probability of being offered, or ``None`` where it cannot; otherwise
    they are estimated from draws.

    Example:
        >>> class ByEffect:
        ...     name = "by-effect"
        ...     stochastic = False
        ...     def scores(self, candidates, seed):
        ...         return [(1 + row.effect) / 2 for row in candidates]
        >>> isinstance(ByEffect(), Policy)
        True
    """

    name: str
    stochastic: bool

    def scores(self, candidates: Sequence[FeatureRow], seed: int) -> Sequence[float]:
        """Score each candidate from 0 to 1, in the order given; higher is offered first."""
        ...  # pragma: no cover


def _weights(_inst: object, attribute: Any, value: Any) -> None:
    check.check_instance(attribute.name, value, RecommendWeights)


def _weighted(weights: RecommendWeights) -> tuple[list[tuple[str, float]], float]:
    """Each component's share of the score, and the effect's (which also sets the offset)."""
    norm = weights.total + weights.effect
    shares = [(name, float(getattr(weights, name)) / norm) for name in COMPONENTS]
    return [(name, w) for name, w in shares if name != "effect"], weights.effect / norm


@attrs.frozen
class ScorePolicy:
    """The built-in scorer: each candidate's weighted components, as :func:`recommend` scores.

    ``score = (sum(w * c) + w_effect) / (sum(w) + w_effect)``, from 0 to 1; see
    :func:`~selfcare.recommend` for the components.

    Attributes:
        weights: how much each component counts (its ``diversity`` is not used here: the
            pick's diversity is :func:`recommend`'s).

    Example:
        >>> row = FeatureRow("short-walk", Category.PHYSICAL, goal=1.0)
        >>> round(ScorePolicy().scores([row], seed=0)[0], 3)  # (0.25 + 0.2 + 0.2) / 1.2
        0.542
    """

    weights: RecommendWeights = attrs.field(factory=RecommendWeights, validator=_weights)
    name = "score"
    stochastic = False

    def scores(self, candidates: Sequence[FeatureRow], seed: int) -> list[float]:
        """The score of each candidate (the seed is not used)."""
        shares, w_effect = _weighted(self.weights)
        return [
            _unit(w_effect * (1.0 + row.effect) + sum(w * getattr(row, n) for n, w in shares))
            for row in candidates
        ]


@attrs.frozen
class ThompsonPolicy:
    """The built-in explorer: the scorer with the effect drawn from its posterior.

    Each candidate's effect is one draw from a normal with the row's ``effect_mean`` and
    ``effect_sd`` (points), scaled and clipped as the effect component; a draw is one random
    byte from ``random.Random(seed)`` per candidate, read as a standard normal quantised to
    256 levels. Offering one strategy (``k=1``), its offer probabilities are exact.

    Attributes:
        weights: how much each component counts.

    Example:
        >>> tried = FeatureRow("short-walk", Category.PHYSICAL, effect_mean=0.5, effect_sd=0.3)
        >>> untried = FeatureRow("one-gratitude", Category.EMOTIONAL)
        >>> found = ThompsonPolicy().offer_probabilities([tried, untried], k=1, diversity=0.15)
        >>> [round(p, 3) for p in found]
        [0.684, 0.316]
    """

    weights: RecommendWeights = attrs.field(factory=RecommendWeights, validator=_weights)
    name = "thompson"
    stochastic = True

    def _rests(self, candidates: Sequence[FeatureRow]) -> tuple[list[float], float]:
        """Each candidate's score without the effect's draw, and the effect's weight."""
        shares, w_effect = _weighted(self.weights)
        rests = [w_effect + sum(w * getattr(row, n) for n, w in shares) for row in candidates]
        return rests, w_effect

    def _levels(self, candidates: Sequence[FeatureRow]) -> list[list[float]]:
        """Each candidate's 256 equally likely scores, by random byte."""
        rests, w_effect = self._rests(candidates)
        return [
            [_level(rest, w_effect, row, q) for q in QUANTILES]
            for rest, row in zip(rests, candidates, strict=True)
        ]

    def scores(self, candidates: Sequence[FeatureRow], seed: int) -> list[float]:
        """The score of each candidate with its effect drawn from ``random.Random(seed)``."""
        noise = random.Random(seed).randbytes(len(candidates))
        rests, w_effect = self._rests(candidates)
        return [
            _level(rest, w_effect, row, QUANTILES[noise[i]])
            for i, (rest, row) in enumerate(zip(rests, candidates, strict=True))
        ]

    def offer_probabilities(
        self, candidates: Sequence[FeatureRow], k: int, diversity: float
    ) -> tuple[float, ...] | None:
        """Each candidate's exact probability of being offered when ``k`` is 1, else ``None``.

        With one strategy offered, a candidate is offered when its score is the highest,
        ties going to the earlier candidate: summed over its 256 equally likely scores ``v``,
        ``P(v) * prod(P(earlier < v)) * prod(P(later <= v))``.
        """
        if k != 1:
            return None
        return _argmax_probabilities(self._levels(candidates))


def _level(rest: float, w_effect: float, row: FeatureRow, q: float) -> float:
    """A score with the effect drawn at the standard normal quantile ``q``."""
    return _unit(rest + w_effect * clip((row.effect_mean + row.effect_sd * q) / EFFECT_SCALE))


def _unit(score: float) -> float:
    return 0.0 if score < 0.0 else 1.0 if score > 1.0 else score


def _argmax_probabilities(levels: list[list[float]]) -> tuple[float, ...]:
    """The probability that each candidate has the highest of equally likely levels.

    Ties go to the earlier candidate. One sweep over every level in ascending order keeps,
    per candidate, the share of its levels below the current value, and the product of the
    other candidates' shares as a sum of logarithms and a count of zeros. Levels below the
    highest of the candidates' lowest levels cannot win and are only counted, not swept.
    """
    n = len(levels)
    if not n:
        return ()
    size = len(levels[0])
    floor = max(min(values) for values in levels)
    below = [0] * n  # how many levels of each candidate lie below the current value
    pairs: list[tuple[float, int]] = []
    for i, values in enumerate(levels):
        ordered = sorted(values)
        cut = bisect.bisect_left(ordered, floor)
        below[i] = cut
        pairs.extend((value, i) for value in ordered[cut:])
    pairs.sort()
    log_share = [0.0] + [math.log(count / size) for count in range(1, size + 1)]
    zeros = below.count(0)  # candidates with none below
    logs = math.fsum(log_share[b] for b in below if b)  # the logs of the others' shares
    found = [0.0] * n
    end, a = len(pairs), 0
    while a < end:
        value, first = pairs[a]
        b = a + 1
        while b < end and pairs[b][0] == value:
            b += 1
        if pairs[b - 1][1] == first:  # the common case: one candidate has this value
            count, before = b - a, below[first]
            if zeros == 0 or (zeros == 1 and before == 0):
                found[first] += count / size * math.exp(logs - log_share[before])
            logs += log_share[before + count] - log_share[before]
            zeros -= before == 0
            below[first] = before + count
        else:
            counts: dict[int, int] = {}
            for _, i in pairs[a:b]:
                counts[i] = counts.get(i, 0) + 1
            # The product over candidates without this value of P(level < value).
            outside_zeros = zeros - sum(1 for i in counts if below[i] == 0)
            if outside_zeros == 0:
                outside = logs - sum(log_share[below[i]] for i in counts)
                order = sorted(counts)
                for i in order:
                    p = counts[i] / size * math.exp(outside)
                    for j in order:
                        if j < i:
                            p *= below[j] / size
                        elif j > i:
                            p *= (below[j] + counts[j]) / size
                    found[i] += p
            for i, count in counts.items():
                logs += log_share[below[i] + count] - log_share[below[i]]
                zeros -= below[i] == 0
                below[i] += count
        a = b
    return tuple(min(1.0, p) for p in found)


def pick(
    candidates: Sequence[FeatureRow], scores: Sequence[float], k: int, diversity: float
) -> list[int]:
    """The indexes of the top ``k`` candidates, picked greedily with the diversity penalty.

    Each time, the candidate with the highest ``score - diversity * (candidates of its
    category already picked)``; ties go to the earlier candidate. In the order picked.
    """
    by_category: dict[Category, list[int]] = {}
    for i, row in enumerate(candidates):
        by_category.setdefault(row.category, []).append(i)
    heads = [sorted(group, key=lambda i: (-scores[i], i)) for group in by_category.values()]
    return diverse(heads, scores, k, diversity)


def checked_scores(policy: Policy, candidates: Sequence[FeatureRow], seed: int) -> list[float]:
    """The policy's scores, each required to be a number from 0 to 1, one per candidate."""
    try:
        found = list(policy.scores(candidates, seed))
    except Exception as error:
        raise check.fail(
            "policy", "its scores method raised an exception; the error's cause has it"
        ) from error
    if len(found) != len(candidates):
        raise check.fail(
            "policy",
            f"expected one score per candidate ({len(candidates)}), got {len(found)} scores",
        )
    for i, score in enumerate(found):
        if (
            isinstance(score, bool)
            or not isinstance(score, int | float)
            or not 0 <= score <= 1
            or math.isnan(score)
        ):
            raise check.fail(
                "policy",
                f"expected a score from 0 to 1 for each candidate; for candidate {i} "
                f"({candidates[i].strategy_id!r}) it {check.got(score)}",
            )
    return [float(score) for score in found]


def check_policy(value: object) -> Policy:
    """Require a policy: an object with ``name`` (an id), ``stochastic`` and ``scores``."""
    if not isinstance(value, Policy):
        raise check.fail(
            "policy",
            "expected a policy: an object with a name (an id), stochastic (True or False) "
            f"and a scores(candidates, seed) method, {check.got(value)}",
        )
    check.check_slug("policy.name", value.name)
    check.check_bool("policy.stochastic", value.stochastic)
    return value


def check_draws(value: object) -> int:
    """Require a number of draws from 1 to :data:`MAX_DRAWS`."""
    check.check_int("draws", value, 1, MAX_DRAWS)
    assert isinstance(value, int)
    return value


def propensities(
    policy: Policy,
    candidates: Sequence[FeatureRow],
    k: int,
    diversity: float,
    seed: int,
    draws: int,
) -> tuple[tuple[float, ...], int]:
    """Each candidate's probability of being offered, and the draws used (0: exact)."""
    if not candidates:
        return (), 0
    if not policy.stochastic:
        offered = set(pick(candidates, checked_scores(policy, candidates, seed), k, diversity))
        return tuple(1.0 if i in offered else 0.0 for i in range(len(candidates))), 0
    exact = getattr(policy, "offer_probabilities", None)
    if callable(exact):
        try:
            found = exact(candidates, k, diversity)
        except Exception as error:
            raise check.fail(
                "policy",
                "its offer_probabilities method raised an exception; the error's cause has it",
            ) from error
        if found is not None:
            return _checked_probabilities(found, len(candidates), k), 0
    rng = random.Random(seed)
    counts = [0] * len(candidates)
    for _ in range(draws):
        scores = checked_scores(policy, candidates, rng.getrandbits(64))
        for i in pick(candidates, scores, k, diversity):
            counts[i] += 1
    return tuple(count / draws for count in counts), draws


def _checked_probabilities(found: object, n: int, k: int) -> tuple[float, ...]:
    values = list(found) if isinstance(found, Sequence) else None
    if values is None or len(values) != n:
        raise check.fail(
            "policy", f"expected offer_probabilities to give one probability per candidate ({n})"
        )
    for value in values:
        check.check_finite("policy", value)
        if not 0 <= value <= 1:
            raise check.fail(
                "policy", f"expected offer probabilities from 0 to 1, {check.got(value)}"
            )
    if abs(sum(values) - min(k, n)) > 1e-6:
        raise check.fail(
            "policy",
            f"expected offer probabilities that sum to the number offered ({min(k, n)}), "
            f"got a sum of {sum(values):.6g}",
        )
    return tuple(float(v) for v in values)


def offer_probabilities(
    policy: Policy,
    candidates: Sequence[FeatureRow],
    *,
    k: int,
    diversity: float = 0.15,
    seed: int = 0,
    draws: int = 1000,
) -> tuple[float, ...]:
    """Each candidate's probability of being offered under a policy, in the order given.

    Exact when the policy is not stochastic (0 or 1) or computes them itself (as
    :class:`ThompsonPolicy` does when ``k`` is 1); otherwise the share of ``draws`` seeds,
    drawn from ``random.Random(seed)``, under which it is offered, with a standard error of
    ``sqrt(p * (1 - p) / draws)`` (at most ``1 / (2 * sqrt(draws))``). They sum to the
    number offered.

    Args:
        policy: the policy.
        candidates: the candidates, as :func:`recommendation_features` gives them.
        k: how many are offered, from 1 to 1000.
        diversity: the score taken off per candidate of the same category already picked.
        seed: the seed of the draws.
        draws: how many seeds to draw when the probabilities are estimated (1 to 100,000).

    Returns:
        One probability per candidate.

    Raises:
        ValidationError: an argument is not valid, or the policy gives a score outside 0
            to 1 or raises.

    Example:
        >>> rows = [FeatureRow("short-walk", Category.PHYSICAL, goal=1.0),
        ...         FeatureRow("one-gratitude", Category.EMOTIONAL)]
        >>> offer_probabilities(ScorePolicy(), rows, k=1)
        (1.0, 0.0)
    """
    policy = check_policy(policy)
    rows = check.check_list("candidates", candidates, "feature rows")
    for i, row in enumerate(rows):
        check.check_instance(f"candidates[{i}]", row, FeatureRow)
    check.check_int("k", k, 1, MAX_K)
    check_diversity(diversity)
    check.check_seed(seed)
    return propensities(policy, rows, k, float(diversity), seed, check_draws(draws))[0]


def check_diversity(value: object) -> None:
    """Require a diversity penalty from 0 to 100, as in :class:`RecommendWeights`."""
    check.check_finite("diversity", value)
    if not 0 <= value <= 100:  # type: ignore[operator]
        raise check.fail("diversity", f"expected a number from 0 to 100, {check.got(value)}")
