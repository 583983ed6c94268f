"""Specification of offline policy evaluation: outcomes of decisions, and IPW, SNIPW and DR."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import functools
import math
import random
import statistics
from collections.abc import Sequence
from typing import Any

import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from selfcare import (
    Candidate,
    Category,
    Decision,
    Estimator,
    FeatureRow,
    Outcome,
    PolicyValue,
    Practice,
    Profile,
    Ratings,
    Reflection,
    Role,
    ScorePolicy,
    ThompsonPolicy,
    ValidationError,
    decision_outcomes,
    evaluate_policy,
    recommend,
)

ZONE = "Europe/London"
SECRET = "my secret worry about work"
Z95 = statistics.NormalDist().inv_cdf(0.975)
IDS = ("short-walk", "one-gratitude", "box-breathing")
CATEGORIES = (Category.PHYSICAL, Category.EMOTIONAL, Category.MENTAL)


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to check it is rejected."""
    return value


class Prefers:
    """A deterministic target policy: the strategies named score 1, 0.9, ...; the rest 0."""

    name = "prefers"
    stochastic = False

    def __init__(self, *ids: str) -> None:
        self.ids = ids

    def scores(self, candidates: Sequence[FeatureRow], seed: int) -> list[float]:
        return [
            1.0 - 0.1 * self.ids.index(row.strategy_id) if row.strategy_id in self.ids else 0.0
            for row in candidates
        ]


def rows(**features: float) -> list[FeatureRow]:
    """One row per id of IDS, each with the same ``features``."""
    return [
        FeatureRow(sid, category, **features) for sid, category in zip(IDS, CATEGORIES, strict=True)
    ]


def decision(
    offered: Sequence[str],
    probabilities: Sequence[float],
    *,
    candidates: Sequence[FeatureRow] | None = None,
    day: int = 5,
) -> Decision:
    """A logged decision over ``candidates`` (default: plain rows of IDS)."""
    found = rows() if candidates is None else candidates
    return Decision(
        at=pendulum.datetime(2026, 1, day, 18, tz=ZONE),
        policy="thompson",
        seed=day,
        k=len(offered),
        diversity=0.15,
        candidates=[Candidate(row, 0.5, p) for row, p in zip(found, probabilities, strict=True)],
        offered=offered,
        draws=0,
    )


def reflection(at: pendulum.DateTime, *done: str, mood: int | None = None) -> Reflection:
    return Reflection(
        at=at,
        author=Role.CLIENT,
        ratings=Ratings(mood=mood),
        practised=[Practice.done(sid) for sid in done],
    )


def interval(value: float, se: float) -> tuple[float, float]:
    return value - Z95 * se, value + Z95 * se


# Hand-worked logs

# Five decisions, one strategy offered from three with logged chances 0.4, 0.4 and 0.2; the
# target always offers the walk, so w = 1 / 0.4 = 2.5 where the walk was offered, else 0.
P = (0.4, 0.4, 0.2)
LOG = [
    decision(["short-walk"], P, day=5),
    decision(["one-gratitude"], P, day=6),
    decision(["short-walk"], P, day=7),
    decision(["box-breathing"], P, day=8),
    decision(["short-walk"], P, day=9),
]
DONE = [
    {"short-walk": 1.0},
    {"one-gratitude": 1.0},
    {"short-walk": 0.0},
    {"box-breathing": 1.0},
    {"short-walk": 1.0},
]
WALK = Prefers("short-walk")


def test_ipw_by_hand() -> None:
    ys = [2.5, 0.0, 0.0, 0.0, 2.5]  # w * r
    value = 5.0 / 5
    se = statistics.stdev(ys) / math.sqrt(5)
    found = evaluate_policy(WALK, LOG, DONE, estimator=Estimator.IPW)
    assert Estimator.IPW == found.estimator
    assert pytest.approx(value) == found.value
    assert pytest.approx(interval(value, se)) == (found.low, found.high)
    assert pytest.approx(7.5**2 / (3 * 2.5**2)) == found.effective_sample_size  # Z = w
    assert (5, 0, 0, 0.95) == (found.decisions, found.skipped, found.draws, found.confidence)


def test_snipw_by_hand() -> None:
    ys, zs = [2.5, 0.0, 0.0, 0.0, 2.5], [2.5, 0.0, 2.5, 0.0, 2.5]
    value = 5.0 / 7.5
    se = math.sqrt(sum((y - value * z) ** 2 for y, z in zip(ys, zs, strict=True))) / 7.5
    found = evaluate_policy(WALK, LOG, DONE)  # SNIPW is the default
    assert Estimator.SNIPW == found.estimator
    assert pytest.approx(value) == found.value
    assert pytest.approx(interval(value, se)) == (found.low, found.high)


def test_dr_with_a_given_model_by_hand() -> None:
    model = {"short-walk": 0.6, "one-gratitude": 0.5, "box-breathing": 0.9}
    # D = m(walk) + w * (r - m(offered)) where the walk was offered, else m(walk).
    ds = [0.6 + 2.5 * 0.4, 0.6, 0.6 + 2.5 * -0.6, 0.6, 0.6 + 2.5 * 0.4]
    found = evaluate_policy(
        WALK, LOG, DONE, estimator="dr", model=lambda row: model[row.strategy_id]
    )
    assert pytest.approx(0.7) == found.value
    assert pytest.approx(interval(0.7, statistics.stdev(ds) / math.sqrt(5))) == (
        found.low,
        found.high,
    )


def test_dr_default_model_with_equal_features_predicts_the_other_folds_mean() -> None:
    # Every row has the same features, so the ridge slopes are 0 and each fold's model is the
    # mean outcome of the other fold: the odd decisions (1, 3) had 1 and 1; the even ones 1, 0, 1.
    even, odd = 1.0, 2 / 3
    ds = [
        even + 2.5 * (1 - even),  # decision 0, walk offered
        odd,  # decision 1
        even + 2.5 * (0 - even),  # decision 2, walk offered
        odd,  # decision 3
        even + 2.5 * (1 - even),  # decision 4, walk offered
    ]
    found = evaluate_policy(WALK, LOG, DONE, estimator=Estimator.DR)
    assert pytest.approx(statistics.fmean(ds)) == found.value
    assert pytest.approx(interval(found.value, statistics.stdev(ds) / math.sqrt(5))) == (
        found.low,
        found.high,
    )


def ridge(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Intercept and slope of a one-feature ridge regression (lambda 1, intercept free)."""
    x_bar, y_bar = statistics.fmean(xs), statistics.fmean(ys)
    sxy = sum((x - x_bar) * (y - y_bar) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - x_bar) ** 2 for x in xs)
    slope = sxy / (sxx + 1.0)
    return y_bar - slope * x_bar, slope


def test_dr_default_model_is_a_cross_fitted_ridge_regression() -> None:
    # The rows differ only in their goal feature: a one-feature ridge, solvable by hand.
    goals = {"short-walk": 1.0, "one-gratitude": 0.5, "box-breathing": 0.0}
    candidates = [
        FeatureRow(sid, category, goal=goals[sid])
        for sid, category in zip(IDS, CATEGORIES, strict=True)
    ]
    offered = ["short-walk", "one-gratitude", "box-breathing", "short-walk", "box-breathing"]
    outcomes = [1.0, 1.0, 0.0, 1.0, 1.0]
    log = [decision([sid], P, candidates=candidates, day=5 + i) for i, sid in enumerate(offered)]
    even = ridge([goals[offered[i]] for i in (1, 3)], [outcomes[i] for i in (1, 3)])
    odd = ridge([goals[offered[i]] for i in (0, 2, 4)], [outcomes[i] for i in (0, 2, 4)])
    ds = []
    for i, sid in enumerate(offered):
        intercept, slope = even if i % 2 == 0 else odd
        m = {s: intercept + slope * g for s, g in goals.items()}
        w = 2.5 if sid == "short-walk" else 0.0
        ds.append(m["short-walk"] + w * (outcomes[i] - m[sid]))
    done = [{sid: r} for sid, r in zip(offered, outcomes, strict=True)]
    found = evaluate_policy(WALK, log, done, estimator=Estimator.DR)
    assert pytest.approx(statistics.fmean(ds)) == found.value


# A slate: two offered from three (each in its own category), logged chances 0.8, 0.6 and
# 0.6. The target offers the walk and box breathing: q = (1, 0, 1), K = 2.
SLATE_P = (0.8, 0.6, 0.6)
SLATES = [
    decision(["short-walk", "one-gratitude"], SLATE_P, day=5),
    decision(["one-gratitude", "box-breathing"], SLATE_P, day=6),
    decision(["short-walk", "box-breathing"], SLATE_P, day=7),
]
SLATE_DONE = [
    {"short-walk": 1.0, "one-gratitude": 0.0},
    {"one-gratitude": 1.0, "box-breathing": 1.0},
    {"short-walk": 0.0, "box-breathing": 1.0},
]
BOTH = Prefers("short-walk", "box-breathing")


def test_slates_are_weighed_item_by_item() -> None:
    ys = [1.25 * 1, 0 + 1 / 0.6 * 1, 1.25 * 0 + 1 / 0.6 * 1]
    zs = [1.25 / 2, (1 / 0.6) / 2, (1.25 + 1 / 0.6) / 2]
    ipw = evaluate_policy(BOTH, SLATES, SLATE_DONE, estimator="ipw")
    snipw = evaluate_policy(BOTH, SLATES, SLATE_DONE, estimator="snipw")
    assert pytest.approx(statistics.fmean(ys)) == ipw.value
    assert pytest.approx(sum(ys) / sum(zs)) == snipw.value
    assert pytest.approx(sum(zs) ** 2 / sum(z * z for z in zs)) == snipw.effective_sample_size


def test_slates_doubly_robust_by_hand() -> None:
    m = {"short-walk": 0.5, "one-gratitude": 0.2, "box-breathing": 0.7}
    direct = 0.5 + 0.7  # sum over the target's slate of q * m
    ds = [
        direct + 1.25 * (1 - 0.5),
        direct + 1 / 0.6 * (1 - 0.7),
        direct + 1.25 * (0 - 0.5) + 1 / 0.6 * (1 - 0.7),
    ]
    found = evaluate_policy(
        BOTH, SLATES, SLATE_DONE, estimator="DR", model=lambda row: m[row.strategy_id]
    )
    assert pytest.approx(statistics.fmean(ds)) == found.value


def test_decisions_without_an_outcome_are_skipped_and_without_candidates_count_zero() -> None:
    empty = Decision(pendulum.datetime(2026, 1, 9, 18, tz=ZONE), "thompson", 0, 1, 0.15, [], [], 0)
    log = [LOG[0], LOG[1], empty, LOG[2]]
    found = evaluate_policy(WALK, log, [DONE[0], None, {}, DONE[2]], estimator="ipw")
    assert (3, 1) == (found.decisions, found.skipped)
    assert pytest.approx((2.5 + 0 + 0) / 3) == found.value  # the empty decision gives 0
    snipw = evaluate_policy(WALK, log, [DONE[0], None, {}, DONE[2]])
    assert pytest.approx(2.5 / (2.5 + 1 + 2.5)) == snipw.value  # and Z = 1


# On-policy: the logging policy itself


@functools.cache
def thompson(candidates: tuple[FeatureRow, ...]) -> tuple[float, ...]:
    """ThompsonPolicy's exact chances of offering each candidate alone (5 ms a call: kept)."""
    found = ThompsonPolicy().offer_probabilities(candidates, k=1, diversity=0.15)
    assert found is not None
    return found


class CachedThompson:
    """ThompsonPolicy, its exact offer probabilities kept between calls."""

    name = "thompson"
    stochastic = True

    def scores(self, candidates: Sequence[FeatureRow], seed: int) -> list[float]:
        return ThompsonPolicy().scores(candidates, seed)

    def offer_probabilities(
        self, candidates: Sequence[FeatureRow], k: int, diversity: float
    ) -> tuple[float, ...] | None:
        return thompson(tuple(candidates)) if k == 1 and diversity == 0.15 else None


@st.composite
def thompson_logs(draw: st.DrawFn) -> tuple[list[Decision], list[dict[str, float]]]:
    """Logs of ThompsonPolicy offering one of three strategies, in one of two situations."""
    situations = [
        tuple(
            FeatureRow(
                sid,
                category,
                goal=draw(st.sampled_from((0.0, 0.5, 1.0))),
                effect_mean=draw(st.floats(-2, 2)),
                effect_sd=draw(st.floats(0.2, 1)),
            )
            for sid, category in zip(IDS, CATEGORIES, strict=True)
        )
        for _ in range(2)
    ]
    rng = random.Random(draw(st.integers(0, 2**32)))
    log, outcomes = [], []
    for day in range(draw(st.integers(2, 8))):
        candidates = rng.choice(situations)
        p = thompson(candidates)
        (offered,) = rng.choices(IDS, weights=p)
        log.append(decision([offered], p, candidates=candidates, day=1 + day))
        outcomes.append({offered: float(rng.random() < 0.5)})
    return log, outcomes


@given(thompson_logs())
def test_on_policy_ipw_and_snipw_are_the_mean_outcome(
    logged: tuple[list[Decision], list[dict[str, float]]],
) -> None:
    log, outcomes = logged
    mean = statistics.fmean(r for outcome in outcomes for r in outcome.values())
    for estimator in ("ipw", "snipw"):
        found = evaluate_policy(CachedThompson(), log, outcomes, estimator=estimator)
        assert pytest.approx(mean) == found.value
        assert pytest.approx(len(log)) == found.effective_sample_size  # every weight is 1
        assert 0 == found.draws  # exact with k = 1


def test_on_policy_with_a_deterministic_log() -> None:
    # A scorer's log: the probabilities are 1 and 0, and the scorer itself is supported.
    log = [decision(["short-walk"], (1.0, 0.0, 0.0), day=5 + i) for i in range(4)]
    outcomes = [{"short-walk": r} for r in (1.0, 0.0, 1.0, 1.0)]
    found = evaluate_policy(WALK, log, outcomes, estimator=Estimator.IPW)
    assert pytest.approx(0.75) == found.value
    assert pytest.approx(4.0) == found.effective_sample_size


@given(thompson_logs(), st.sampled_from(Estimator), st.floats(0.5, 0.99))
def test_estimates_are_sane_and_repeatable(
    logged: tuple[list[Decision], list[dict[str, float]]], estimator: Estimator, level: float
) -> None:
    log, outcomes = logged
    supported = [sid for sid in IDS if all(d.probability(sid) > 0 for d in log)]
    assume(supported)
    target = Prefers(supported[-1])
    assume(any(supported[-1] in d.offered for d in log))  # else SNIPW is undefined
    found = evaluate_policy(target, log, outcomes, estimator=estimator, confidence=level)
    assert found == evaluate_policy(target, log, outcomes, estimator=estimator, confidence=level)
    assert found.low <= found.value <= found.high
    assert 0 < found.effective_sample_size <= len(log) + 1e-9
    assert (len(log), 0, 0, level) == (
        found.decisions,
        found.skipped,
        found.draws,
        found.confidence,
    )
    if estimator is Estimator.SNIPW:  # a weighted mean of outcomes from 0 to 1
        assert -1e-9 <= found.value <= 1 + 1e-9


@given(thompson_logs())
def test_dr_with_a_zero_model_is_ipw(logged: tuple[list[Decision], list[dict[str, float]]]) -> None:
    log, outcomes = logged
    ipw = evaluate_policy(CachedThompson(), log, outcomes, estimator="ipw")
    dr = evaluate_policy(CachedThompson(), log, outcomes, estimator="dr", model=lambda row: 0)
    assert pytest.approx(ipw.value) == dr.value
    assert pytest.approx(ipw.high) == dr.high


# Unbiased by simulation: a known world


RATES = (0.3, 0.6, 0.8)  # each strategy's chance of being done when offered
WORLD = [
    FeatureRow(sid, category, effect_mean=mean, effect_sd=1.0)
    for sid, category, mean in zip(IDS, CATEGORIES, (0.8, 0.0, -0.8), strict=True)
]


def simulated_log(seed: int, n: int) -> tuple[list[Decision], list[dict[str, float]]]:
    """A Thompson log over WORLD: each offer drawn by its logged chance, each outcome by RATES."""
    rng = random.Random(seed)
    p = ThompsonPolicy().offer_probabilities(WORLD, k=1, diversity=0.15)
    assert p is not None
    assert min(p) > 0.05
    start = pendulum.datetime(2026, 1, 1, 18, tz=ZONE)
    log, outcomes = [], []
    for i in range(n):
        (j,) = rng.choices(range(3), weights=p)
        log.append(
            Decision(
                start.add(days=i),
                "thompson",
                i,
                1,
                0.15,
                [Candidate(row, 0.5, q) for row, q in zip(WORLD, p, strict=True)],
                [IDS[j]],
                0,
            )
        )
        outcomes.append({IDS[j]: float(rng.random() < RATES[j])})
    return log, outcomes


def test_estimates_cover_the_true_value_in_repeated_simulations() -> None:
    # The target always offers box breathing, the logging policy's least likely offer.
    target, truth, runs = Prefers("box-breathing"), RATES[2], 50
    found: dict[Estimator, list[PolicyValue]] = {e: [] for e in Estimator}
    for run in range(runs):
        log, outcomes = simulated_log(run, 150)
        for estimator in Estimator:
            found[estimator].append(evaluate_policy(target, log, outcomes, estimator=estimator))
    for estimator, values in found.items():
        covered = sum(v.low <= truth <= v.high for v in values)
        assert covered >= 0.8 * runs, (estimator, covered)
        estimates = [v.value for v in values]
        spread = statistics.stdev(estimates) / math.sqrt(runs)
        assert abs(statistics.fmean(estimates) - truth) < 3 * spread + 0.01, estimator


# Support and the other errors


def test_a_target_the_log_cannot_support_is_an_error_naming_decision_and_strategy() -> None:
    log = [LOG[0], decision(["short-walk"], (1.0, 0.0, 0.0), day=6), LOG[2]]
    outcomes = [DONE[0], {"short-walk": 1.0}, DONE[2]]
    with pytest.raises(ValidationError) as caught:
        evaluate_policy(Prefers("one-gratitude"), log, outcomes)
    ((path, message),) = caught.value.problems
    assert "decisions[1]" == path
    for part in ("decision 1", "'one-gratitude'", "cannot support", "ThompsonPolicy"):
        assert part in message


def test_no_overlap_leaves_the_self_normalised_estimate_undefined() -> None:
    log = [LOG[1], LOG[3]]  # the walk was never offered, though it could have been
    with pytest.raises(ValidationError, match="self-normalised"):
        evaluate_policy(WALK, log, [DONE[1], DONE[3]])
    assert 0.0 == evaluate_policy(WALK, log, [DONE[1], DONE[3]], estimator="ipw").value


def model_raising(row: FeatureRow) -> float:
    raise ArithmeticError(SECRET)


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"outcomes": DONE[:4]}, "outcomes"),
        ({"outcomes": [{}, *DONE[1:]]}, "outcomes[0]"),
        ({"outcomes": [{"short-walk": 1.0, "one-gratitude": 0.0}, *DONE[1:]]}, "outcomes[0]"),
        ({"outcomes": [{"short-walk": 1.0, SECRET: 0.0}, *DONE[1:]]}, "outcomes[0]"),
        ({"outcomes": [*DONE[:4], {"short-walk": math.nan}]}, "outcomes[4]['short-walk']"),
        ({"outcomes": [*DONE[:4], {"short-walk": SECRET}]}, "outcomes[4]['short-walk']"),
        ({"outcomes": [*DONE[:4], SECRET]}, "outcomes[4]"),
        ({"outcomes": [DONE[0], None, None, None, None]}, "outcomes"),
        ({"outcomes": SECRET}, "outcomes"),
        ({"decisions": [*LOG[:4], SECRET]}, "decisions[4]"),
        ({"decisions": SECRET}, "decisions"),
        ({"policy": SECRET}, "policy"),
        ({"estimator": SECRET}, "estimator"),
        ({"confidence": 0}, "confidence"),
        ({"confidence": 1.0}, "confidence"),
        ({"confidence": math.nan}, "confidence"),
        ({"seed": 1.5}, "seed"),
        ({"draws": 0}, "draws"),
        ({"model": SECRET, "estimator": "dr"}, "model"),
        ({"model": lambda row: math.inf, "estimator": "dr"}, "model"),
        ({"model": lambda row: SECRET, "estimator": "dr"}, "model"),
        ({"model": model_raising, "estimator": "dr"}, "model"),
    ],
)
def test_invalid_arguments_are_rejected_without_echoing_text(
    changes: dict[str, Any], path: str
) -> None:
    arguments: dict[str, Any] = {"policy": WALK, "decisions": LOG, "outcomes": DONE, **changes}
    with pytest.raises(ValidationError) as caught:
        evaluate_policy(
            wrong(arguments.pop("policy")),
            wrong(arguments.pop("decisions")),
            wrong(arguments.pop("outcomes")),
            **arguments,
        )
    assert path == caught.value.problems[0][0]
    assert SECRET not in str(caught.value)


def test_a_raising_model_is_the_errors_cause() -> None:
    with pytest.raises(ValidationError) as caught:
        evaluate_policy(WALK, LOG, DONE, estimator="dr", model=model_raising)
    assert isinstance(caught.value.__cause__, ArithmeticError)


def test_an_extra_id_is_named_when_it_is_an_id() -> None:
    outcomes = [{"short-walk": 1.0, "one-gratitude": 0.0}, *DONE[1:]]
    with pytest.raises(ValidationError, match="'one-gratitude'"):
        evaluate_policy(WALK, LOG, outcomes)


def test_estimated_target_probabilities_report_their_draws_and_follow_the_seed() -> None:
    # ThompsonPolicy has exact probabilities only for k = 1: with slates they are drawn.
    first = evaluate_policy(ThompsonPolicy(), SLATES, SLATE_DONE, seed=1, draws=200)
    assert 200 == first.draws
    assert first == evaluate_policy(ThompsonPolicy(), SLATES, SLATE_DONE, seed=1, draws=200)


# Outcomes from reflections


def at(day: int, hour: int, minute: int = 0, month: int = 1, tz: str = ZONE) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, minute, tz=tz)


def offer(when: pendulum.DateTime, *offered: str) -> Decision:
    probabilities = [1.0 if sid in offered else 0.0 for sid in IDS]
    return Decision(
        when,
        "score",
        0,
        len(offered),
        0.15,
        [Candidate(row, 0.5, p) for row, p in zip(rows(), probabilities, strict=True)],
        offered,
        0,
    )


def test_done_counts_the_decisions_local_day_from_the_decision_on() -> None:
    decided = offer(at(5, 18), "short-walk", "one-gratitude")
    history = [
        reflection(at(6, 8), "one-gratitude"),  # the next day
        reflection(at(5, 21), "one-gratitude"),
        reflection(at(5, 17), "short-walk"),  # before the decision
    ]
    assert ({"short-walk": 0.0, "one-gratitude": 1.0},) == decision_outcomes([decided], history)
    at_once = [reflection(at(5, 18), "short-walk")]  # at the decision's instant: counted
    assert ({"short-walk": 1.0, "one-gratitude": 0.0},) == decision_outcomes([decided], at_once)


def test_done_reads_the_day_in_the_decisions_zone() -> None:
    decided = offer(at(5, 8), "short-walk")
    # 23:30 in London, written in Tokyo on the 6th: the 5th where the decision was made.
    tokyo = reflection(at(5, 23, 30).in_timezone("Asia/Tokyo"), "short-walk")
    assert ({"short-walk": 1.0},) == decision_outcomes([decided], [tokyo])
    late = reflection(at(6, 0, 30).in_timezone("America/New_York"), "short-walk")
    assert ({"short-walk": 0.0},) == decision_outcomes([decided], [late])


def test_done_across_daylight_saving_changes() -> None:
    # 29 March 2026 has 23 hours in London; 25 October 2026 has 25.
    spring = offer(at(29, 0, 30, month=3), "short-walk")
    autumn = offer(at(25, 0, 30, month=10), "one-gratitude")
    history = [
        reflection(at(29, 23, 30, month=3), "short-walk"),  # 22 hours on: still the 29th
        reflection(at(25, 23, 45, month=10), "one-gratitude"),  # 24.25 hours on: the 25th
    ]
    assert ({"short-walk": 1.0}, {"one-gratitude": 1.0}) == decision_outcomes(
        [spring, autumn], history
    )
    after = [reflection(at(30, 0, 15, month=3), "short-walk")]  # 22.75 hours on: the 30th
    assert ({"short-walk": 0.0},) == decision_outcomes([spring], after)


def test_skipped_practices_are_not_done() -> None:
    decided = offer(at(5, 18), "short-walk")
    skipped = Reflection(
        at=at(5, 20), author=Role.CLIENT, practised=[Practice.skipped("short-walk")]
    )
    assert ({"short-walk": 0.0},) == decision_outcomes([decided], [skipped])


def test_mood_is_the_first_mood_after_the_decision_within_a_day() -> None:
    decided = offer(at(5, 18), "short-walk")
    history = [
        reflection(at(5, 20), mood=7),
        reflection(at(5, 22), mood=9),
        reflection(at(5, 19)),  # no mood
        reflection(at(5, 17), mood=2),  # before the decision
        reflection(at(5, 18), mood=3),  # at the decision: it saw this one
    ]
    assert ({"short-walk": 7.0},) == decision_outcomes([decided], history, outcome=Outcome.MOOD)


def test_mood_within_24_hours_across_a_daylight_saving_change() -> None:
    decided = offer(at(28, 20, month=3), "short-walk")  # GMT; the clocks go forward overnight
    in_time = [reflection(at(29, 21, month=3), mood=6)]  # 24 hours later (BST)
    too_late = [reflection(at(29, 21, 1, month=3), mood=6)]
    assert ({"short-walk": 6.0},) == decision_outcomes([decided], in_time, outcome="mood")
    assert (None,) == decision_outcomes([decided], too_late, outcome="mood")


def test_mood_needs_one_strategy_offered() -> None:
    decided = offer(at(5, 18), "short-walk", "one-gratitude")
    with pytest.raises(ValidationError) as caught:
        decision_outcomes([offer(at(4, 18), "short-walk"), decided], [], outcome="mood")
    assert "decisions[1]" == caught.value.problems[0][0]


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ((SECRET, []), "decisions"),
        (([SECRET], []), "decisions[0]"),
        (([], SECRET), "history"),
        (([], [SECRET]), "history[0]"),
    ],
)
def test_decision_outcomes_rejects_invalid_arguments(arguments: tuple[Any, Any], path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        decision_outcomes(*arguments)
    assert path == caught.value.problems[0][0]
    assert SECRET not in str(caught.value)


def test_decision_outcomes_rejects_an_unknown_outcome() -> None:
    with pytest.raises(ValidationError) as caught:
        decision_outcomes([], [], outcome=wrong(SECRET))
    assert "outcome" == caught.value.problems[0][0]
    assert SECRET not in str(caught.value)


# End to end: a log made by recommend, outcomes from reflections


def test_end_to_end_from_recommend_to_an_estimate() -> None:
    profile = Profile(role=Role.CLIENT, timezone=ZONE, daily_minutes=30)
    history: list[Reflection] = []
    log: list[Decision] = []
    for day in range(12):
        when = pendulum.datetime(2026, 3, 20 + day, 18, tz=ZONE)  # over the change to BST
        recs = recommend(profile, history=history, at=when, k=1, explore=True, seed=day, log=True)
        assert recs.decision is not None
        log.append(recs.decision)
        done = recs.strategy_ids if day % 3 else ()
        history.append(reflection(when.add(hours=3), *done, mood=4 + day % 5))
    outcomes = decision_outcomes(log, history)
    assert [0.0 if day % 3 == 0 else 1.0 for day in range(12)] == [
        next(iter(o.values())) for o in outcomes if o is not None
    ]
    found = evaluate_policy(ScorePolicy(), log, outcomes)
    assert found == evaluate_policy(ScorePolicy(), log, outcomes)
    assert (12, 0, 0) == (found.decisions, found.skipped, found.draws)
    assert 0 <= found.value <= 1
    assert found.low <= found.value <= found.high
    assert 0 < found.effective_sample_size <= 12
    on_policy = evaluate_policy(ThompsonPolicy(), log, outcomes, estimator="ipw")
    assert pytest.approx(8 / 12) == on_policy.value
    moods = decision_outcomes(log, history, outcome="mood")
    assert [float(4 + day % 5) for day in range(12)] == [
        next(iter(o.values())) for o in moods if o is not None
    ]
    dr = evaluate_policy(ScorePolicy(), log, moods, estimator=Estimator.DR)
    assert dr == evaluate_policy(ScorePolicy(), log, moods, estimator=Estimator.DR)
    assert dr.low <= dr.value <= dr.high


def test_policy_value_repr_is_one_line() -> None:
    found = evaluate_policy(WALK, LOG, DONE)
    assert "\n" not in repr(found)
    assert repr(found).startswith("PolicyValue(estimator=<Estimator.SNIPW: 'snipw'>, value=")
