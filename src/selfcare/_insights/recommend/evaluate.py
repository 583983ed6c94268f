"""Offline evaluation: what a policy would have achieved, estimated from logged decisions.

A log of :class:`~selfcare.Decision` records holds, for every decision point ``i``, each
candidate ``c`` with its probability ``p_ic`` of being offered under the logging policy, and
the set ``S_i`` of strategies offered. :func:`decision_outcomes` gives each offered strategy
an outcome ``r_ic`` from the person's reflections (was it done that day? the next mood?).
:func:`evaluate_policy` then estimates the value of another policy, the *target*: the
expected sum, per decision, of the outcomes of the strategies it would offer.

The target's probability ``q_ic`` of offering each candidate comes from
:func:`~selfcare.offer_probabilities` with the decision's ``k`` and ``diversity`` and a seed
drawn for each decision from ``random.Random(seed)``: exact when the target is not
stochastic or computes them itself, otherwise estimated from ``draws`` seeds (the interval
does not count that extra error).

**Slates, item by item.** When several strategies are offered at once, each offered
strategy's outcome is taken not to depend on what else was offered (the additive, or
item-level, assumption of Li et al. 2015 and 2018 and Swaminathan et al. 2017). Each one is
then weighted by its own chance under each policy, ``w_ic = q_ic / p_ic`` for ``c`` in
``S_i`` (0 when ``q_ic`` is 0). With one strategy offered (``k = 1``) this assumes nothing.

**Support.** The target may only offer what the logging policy could offer: a candidate
with ``q_ic > 0`` but ``p_ic = 0``, in a decision with an outcome, is an error; so is a
self-normalised estimate when no decision offered anything the target would (``sum Z_i =
0``). Log with exploration
(:class:`~selfcare.ThompsonPolicy`, or ``recommend(explore=True)``) to evaluate other
policies later.

With ``n`` decisions that have outcomes (the others are skipped), ``K_i = sum_c q_ic`` (the
target's expected slate size) and ``z`` the normal quantile of the confidence level:

* ``Y_i = sum_{c in S_i} w_ic * r_ic`` and ``Z_i = sum_{c in S_i} w_ic / K_i`` (so that
  ``E[Z_i] = 1``; ``Y_i = 0`` and ``Z_i = 1`` for a decision without candidates).
* **IPW** (inverse propensity weighting, Horvitz & Thompson 1952): the mean of ``Y_i``,
  unbiased under support; standard error ``stdev(Y) / sqrt(n)``.
* **SNIPW** (self-normalised, Swaminathan & Joachims 2015): ``V = sum Y_i / sum Z_i``;
  slightly biased but far less variable when a few weights are large. Standard error by
  the delta method, ``sqrt(sum (Y_i - V * Z_i) ** 2) / sum Z_i``. With ``k = 1`` this is
  the usual self-normalised inverse propensity score.
* **DR** (doubly robust, Dudík, Langford & Li 2011): with a reward model ``m``,
  ``D_i = sum_c q_ic * m_i(c) + sum_{c in S_i} w_ic * (r_ic - m_i(c))``, the mean of ``D_i``;
  unbiased when either the propensities or the model are right, and less variable the
  better the model. Standard error ``stdev(D) / sqrt(n)``. The default model is a ridge
  regression (``lambda = 1``, intercept not penalised, features as they are) of the offered
  strategies' outcomes on the ten features of their :class:`~selfcare.FeatureRow`, fitted by
  two-fold cross-fitting: a decision at an even position of the log is predicted by the
  model fitted on the decisions at odd positions, and the other way round, so no outcome
  predicts itself (a fold without outcomes gives a model predicting 0). A caller's
  ``model`` is used as given.
* The interval is ``V +- z * se``, and the effective sample size (Kish 1965) is
  ``(sum Z_i) ** 2 / sum Z_i ** 2`` for every estimator: ``n`` when the target behaves like
  the logging policy, smaller the more the weights vary.

References:
    Horvitz, D. G. & Thompson, D. J. (1952). A generalization of sampling without
    replacement from a finite universe. *JASA* 47(260), 663-685.
    Kish, L. (1965). *Survey Sampling*. Wiley.
    Dudík, M., Langford, J. & Li, L. (2011). Doubly robust policy evaluation and learning.
    *ICML*.
    Li, L., Kim, J. Y. & Zitouni, I. (2015). Toward predicting the outcome of an A/B
    experiment for search relevance. *WSDM*.
    Swaminathan, A. & Joachims, T. (2015). The self-normalized estimator for
    counterfactual learning. *NeurIPS*.
    Swaminathan, A., Krishnamurthy, A., Agarwal, A., Dudík, M., Langford, J., Jose, D. &
    Zitouni, I. (2017). Off-policy evaluation for slate recommendation. *NeurIPS*.
    Li, S., Abbasi-Yadkori, Y., Kveton, B., Muthukrishnan, S., Vinay, V. & Wen, Z. (2018).
    Offline evaluation of ranking policies with click models. *KDD*.
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

import attrs

from selfcare._core import checks as check
from selfcare._core.describe import describe, looks_like_id
from selfcare._core.vocabulary import Vocabulary
from selfcare._insights.recommend.decisions import Decision
from selfcare._insights.recommend.features import FeatureRow
from selfcare._insights.recommend.outcomes import Outcomes, check_decisions, parse
from selfcare._insights.recommend.policies import (
    Policy,
    check_draws,
    check_policy,
    propensities,
)
from selfcare._insights.recommend.ridge import Model, ridge

__all__ = ["Estimator", "PolicyValue", "evaluate_policy"]


class Estimator(Vocabulary):
    """How :func:`evaluate_policy` weighs the logged outcomes (see the module notes).

    Example:
        >>> Estimator.parse("SNIPW")
        <Estimator.SNIPW: 'snipw'>
    """

    IPW = "ipw"
    SNIPW = "snipw"
    DR = "dr"


@attrs.frozen
class PolicyValue:
    """The estimated value of a policy, from logged decisions (see :func:`evaluate_policy`).

    Attributes:
        estimator: how the outcomes were weighed.
        value: the expected sum, per decision, of the outcomes of the strategies the policy
            offers (with ``Outcome.DONE`` and ``k = 1``: the share of offers taken up).
        low: the lower end of the confidence interval.
        high: the upper end of the confidence interval.
        confidence: the confidence level of the interval, such as 0.95.
        effective_sample_size: Kish's effective number of decisions, at most ``decisions``
            when the weights vary (see the module notes).
        decisions: how many decisions the estimate used.
        skipped: how many decisions had no outcome and were left out.
        draws: 0 when the policy's offer probabilities were all exact, else how many seeds
            they were estimated from.

    Example:
        >>> PolicyValue(Estimator.IPW, 0.5, 0.25, 0.75, 0.95, 31.5, 40, 2, 0)
        PolicyValue(estimator=<Estimator.IPW: 'ipw'>, value=0.5, low=0.25, high=0.75,
            confidence=0.95, effective_sample_size=31.5, decisions=40, skipped=2, draws=0)
    """

    estimator: Estimator
    value: float
    low: float
    high: float
    confidence: float
    effective_sample_size: float
    decisions: int
    skipped: int
    draws: int


class _Logged(NamedTuple):
    """One decision with an outcome, and the target policy's offer probabilities."""

    number: int  # the decision's position in the log
    decision: Decision
    target: tuple[float, ...]
    outcomes: Outcomes


def evaluate_policy(
    policy: Policy,
    decisions: Iterable[Decision],
    outcomes: Iterable[Outcomes | None],
    *,
    estimator: Estimator | str = Estimator.SNIPW,
    confidence: float = 0.95,
    seed: int = 0,
    draws: int = 1000,
    model: Model | None = None,
) -> PolicyValue:
    """Estimate what a policy would have achieved on logged decisions, with an interval.

    Off-policy evaluation: the outcomes the logging policy got are reweighted by how much
    more or less likely the target policy is to offer each strategy. See the module notes
    for the formulas, the additive assumption for slates, and the references.

    Args:
        policy: the target policy to evaluate.
        decisions: the logged decisions, as ``recommend(log=True)`` gives them.
        outcomes: one entry per decision, as :func:`decision_outcomes` gives them: a mapping
            from each offered strategy id to its outcome, or ``None`` to skip the decision.
        estimator: ``IPW``, ``SNIPW`` (the default) or ``DR`` (an :class:`Estimator` or its
            name).
        confidence: the confidence level of the interval, above 0 and below 1.
        seed: the seed of the draws estimating a stochastic policy's offer probabilities.
        draws: how many seeds such an estimate takes per decision (1 to 100,000).
        model: for ``DR``, a reward model giving the expected outcome of a feature row
            (default: a cross-fitted ridge regression); not used by the other estimators.

    Returns:
        The estimate, its interval and how many decisions it rests on.

    Raises:
        ValidationError: an argument is not valid; fewer than 2 decisions have outcomes;
            the policy could offer a strategy the log never offers (no support); the model
            raises or gives a number that is not finite.

    Example:
        >>> walk = FeatureRow("short-walk", Category.PHYSICAL, goal=1.0)
        >>> note = FeatureRow("one-gratitude", Category.EMOTIONAL)
        >>> def logged(day, offered):
        ...     return Decision(pendulum.datetime(2026, 1, day, 19, tz="UTC"), "thompson",
        ...                     day, 1, 0.15, [Candidate(walk, 0.6, 0.5),
        ...                     Candidate(note, 0.5, 0.5)], [offered], 0)
        >>> log = [logged(5, "short-walk"), logged(6, "one-gratitude"), logged(7, "short-walk")]
        >>> outcomes = [{"short-walk": 1.0}, {"one-gratitude": 1.0}, {"short-walk": 0.0}]
        >>> found = evaluate_policy(ScorePolicy(), log, outcomes)
        >>> found.value, found.decisions, round(found.effective_sample_size, 2)
        (0.5, 3, 2.0)
    """
    policy = check_policy(policy)
    logged = check_decisions(decisions)
    found = _check_outcomes(outcomes, logged)
    kind = parse(Estimator, "estimator", estimator)
    check.check_finite("confidence", confidence)
    if not 0 < confidence < 1:
        raise check.fail(
            "confidence", f"expected a number above 0 and below 1, {check.got(confidence)}"
        )
    check.check_seed(seed)
    draws = check_draws(draws)
    if model is not None and not callable(model):
        raise check.fail(
            "model", f"expected a function of a FeatureRow giving a number, {check.got(model)}"
        )
    rng = random.Random(seed)
    items: list[_Logged] = []
    used = 0
    for i, (decision, result) in enumerate(zip(logged, found, strict=True)):
        seed_i = rng.getrandbits(64)  # drawn for every decision, so skips move no seed
        if result is None:
            continue
        rows = [c.features for c in decision.candidates]
        target, spent = propensities(policy, rows, decision.k, decision.diversity, seed_i, draws)
        _check_support(i, decision, target)
        items.append(_Logged(i, decision, target, result))
        used = max(used, spent)
    if len(items) < 2:
        raise check.fail(
            "outcomes",
            f"expected at least 2 decisions with an outcome, got {len(items)}; log more",
        )
    weights = [_weights(item) for item in items]
    pairs = list(zip(items, weights, strict=True))
    ys = [math.fsum(w * item.outcomes[sid] for sid, w in ws) for item, ws in pairs]
    zs = [_normalised(item, ws) for item, ws in pairs]
    if kind is Estimator.IPW:
        value, se = _mean_and_error(ys)
    elif kind is Estimator.SNIPW:
        value, se = _self_normalised(ys, zs)
    else:
        value, se = _mean_and_error(_doubly_robust(items, weights, model))
    z = statistics.NormalDist().inv_cdf((1 + confidence) / 2)
    total, squares = math.fsum(zs), math.fsum(v * v for v in zs)
    return PolicyValue(
        estimator=kind,
        value=value,
        low=value - z * se,
        high=value + z * se,
        confidence=float(confidence),
        effective_sample_size=total * total / squares if squares else 0.0,
        decisions=len(items),
        skipped=len(logged) - len(items),
        draws=used,
    )


def _check_outcomes(value: object, logged: Sequence[Decision]) -> list[Outcomes | None]:
    """Require one entry per decision: None, or each offered id's finite outcome."""
    found = check.check_list("outcomes", value, "mappings of strategy ids to outcomes, or None")
    if len(found) != len(logged):
        raise check.fail(
            "outcomes",
            f"expected one entry per decision ({len(logged)}), got {len(found)}",
        )
    for i, (result, decision) in enumerate(zip(found, logged, strict=True)):
        if result is None:
            continue
        field = f"outcomes[{i}]"
        if not isinstance(result, Mapping):
            raise check.fail(
                field, f"expected a mapping of strategy ids or None, {check.got(result)}"
            )
        offered = set(decision.offered)
        for sid in decision.offered:
            if sid not in result:
                raise check.fail(field, f"expected an outcome for {sid!r}, which was offered")
        for sid, outcome in result.items():
            if sid not in offered:
                shown = repr(sid) if looks_like_id(sid) else describe(sid)
                raise check.fail(field, f"expected only the offered strategies, not {shown}")
            check.check_finite(f"{field}[{sid!r}]", outcome)
    return found


def _check_support(index: int, decision: Decision, target: Sequence[float]) -> None:
    """Require the log to offer, with some chance, every candidate the target may offer."""
    for candidate, q in zip(decision.candidates, target, strict=True):
        if q > 0 and candidate.probability == 0:
            raise check.fail(
                f"decisions[{index}]",
                f"the policy may offer {candidate.strategy_id!r} (probability {q:.3g}) in "
                f"decision {index}, where the logging policy never offers it, so the log "
                "cannot support the estimate; log with exploration (e.g. ThompsonPolicy, or "
                "recommend(explore=True))",
            )


def _weights(item: _Logged) -> list[tuple[str, float]]:
    """``w = q / p`` for each offered strategy (0 where the target never offers it)."""
    position = {c.strategy_id: j for j, c in enumerate(item.decision.candidates)}
    weights = []
    for sid in item.decision.offered:
        j = position[sid]
        q = item.target[j]
        weights.append((sid, q / item.decision.candidates[j].probability if q > 0 else 0.0))
    return weights


def _normalised(item: _Logged, weights: list[tuple[str, float]]) -> float:
    """``Z = sum(w) / K``, whose expectation is 1; 1 for a decision without candidates."""
    size = math.fsum(item.target)
    return math.fsum(w for _, w in weights) / size if size > 0 else 1.0


def _mean_and_error(values: list[float]) -> tuple[float, float]:
    return statistics.fmean(values), statistics.stdev(values) / math.sqrt(len(values))


def _self_normalised(ys: list[float], zs: list[float]) -> tuple[float, float]:
    total = math.fsum(zs)
    if total <= 0:
        raise check.fail(
            "decisions",
            "no logged decision offered a strategy the policy would offer, so the "
            "self-normalised estimate is undefined; log more decisions or use Estimator.IPW",
        )
    value = math.fsum(ys) / total
    return value, math.sqrt(
        math.fsum((y - value * z) ** 2 for y, z in zip(ys, zs, strict=True))
    ) / total


def _doubly_robust(
    items: list[_Logged], weights: list[list[tuple[str, float]]], model: Model | None
) -> list[float]:
    """``D = sum_c q * m(c) + sum_{c offered} w * (r - m(c))`` for each decision."""
    models = _cross_fitted(items) if model is None else (model, model)
    found = []
    for item, ws in zip(items, weights, strict=True):
        predict = models[item.number % 2]
        offered = {sid for sid, _ in ws}
        m = {
            c.strategy_id: _predicted(predict, c.features, item.number)
            for c, q in zip(item.decision.candidates, item.target, strict=True)
            if q > 0 or c.strategy_id in offered
        }
        direct = math.fsum(
            q * m[c.strategy_id]
            for c, q in zip(item.decision.candidates, item.target, strict=True)
            if q > 0
        )
        found.append(direct + math.fsum(w * (item.outcomes[sid] - m[sid]) for sid, w in ws))
    return found


def _predicted(model: Model, row: FeatureRow, index: int) -> float:
    try:
        value = model(row)
    except Exception as error:
        raise check.fail("model", "it raised an exception; the error's cause has it") from error
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise check.fail(
            "model",
            f"expected a finite number for {row.strategy_id!r} in decision {index}, "
            f"{check.got(value)}",
        )
    return float(value)


def _cross_fitted(items: list[_Logged]) -> tuple[Model, Model]:
    """The models predicting each fold (by decision index parity), each fitted on the other."""
    folds: tuple[list[tuple[FeatureRow, float]], ...] = ([], [])
    for item in items:
        rows = {c.strategy_id: c.features for c in item.decision.candidates}
        folds[item.number % 2].extend(
            (rows[sid], item.outcomes[sid]) for sid in item.decision.offered
        )
    return ridge(folds[1]), ridge(folds[0])
