"""Specification of recommendation features, policies and decision logs.

Another project can take what the built-in scorer sees (:func:`recommendation_features`),
score candidates with its own :class:`Policy`, and log each decision with every candidate's
probability of being offered (:class:`Decision`). What it relies on:

* the features are exactly the strategies :func:`recommend` could offer, with the very
  component values a recommendation shows;
* :class:`ScorePolicy` reproduces the built-in ranking, and no policy can get round the safety
  rules (eligibility and the support advisory);
* a decision log never changes what is offered, and its probabilities are right: exact ones
  agree with a brute-force count and with how often a strategy is really offered, estimated
  ones within their standard error;
* errors name the field and never repeat text the caller passed;
* decisions and feature rows serialize exactly and hold no private text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import random
from collections.abc import Callable, Sequence
from statistics import NormalDist
from typing import Any, NamedTuple, cast

import attrs
import pendulum
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import selfcare
from selfcare import (
    FEATURES,
    Benefit,
    Candidate,
    Category,
    Decision,
    DistressRule,
    Effort,
    FeatureRow,
    Journal,
    Policy,
    Practice,
    Profile,
    Ratings,
    RecommendationList,
    RecommendWeights,
    Reflection,
    Role,
    ScorePolicy,
    StrainLevel,
    ThompsonPolicy,
    ValidationError,
    WorkloadStrain,
    default_catalog,
    from_json,
    offer_probabilities,
    recommend,
    recommendation_features,
    to_json,
    to_records,
)
from selfcare.testing import (
    candidates,
    decisions,
    distress_rules,
    feature_rows,
    profiles,
    recommend_weights,
)
from selfcare.testing._insights import history
from tests.insights.test_recommend import reflection, wrong

# Each example of these runs a recommendation or a simulation: at most 200 examples in the
# thorough profile (the fast profile's 100 are unchanged), which keeps CI within its time.
COSTLY = settings(max_examples=min(settings().max_examples, 200))


ZONE = "Europe/London"
AT = pendulum.datetime(2026, 2, 14, 18, tz=ZONE)  # a Saturday evening
START = dt.date(2026, 1, 3)  # six weeks before AT
CLIENT = Profile(role=Role.CLIENT, timezone=ZONE, daily_minutes=30)
CATALOG = default_catalog()
ORDER = {s.id: position for position, s in enumerate(CATALOG.strategies)}
TAGS = sorted({tag for s in CATALOG.strategies for tag in s.tags})
#: The score components: every feature but the effect's posterior.
COMPONENTS = tuple(name for name in FEATURES if name not in ("effect_mean", "effect_sd"))
#: Private text that must never leave a reflection.
CANARY = "CANARY-5d1e my private worry"
#: A random byte j reads as this standard normal quantile (documented by ThompsonPolicy).
QUANTILES = [NormalDist().inv_cdf((j + 0.5) / 256) for j in range(256)]
#: An effect of this many points gives the full effect component (documented by recommend).
EFFECT_SCALE = 2.0
#: How many standard errors an estimate or a frequency may be from its expectation.
Z = 4.5


def on(n: int, hour: int = 21) -> pendulum.DateTime:
    """Day ``n`` after START at ``hour`` in London."""
    day = START + dt.timedelta(days=n)
    return pendulum.datetime(day.year, day.month, day.day, hour, tz=ZONE)


def planted(days: int = 42, seed: int = 1) -> list[Reflection]:
    """Days in which a walk goes with +2 mood and news limits with -2, each with a note."""
    rng = random.Random(seed)
    found = []
    for n in range(days):
        practised, mood = [], 5.0 + rng.gauss(0, 1)
        for strategy_id, effect in (("short-walk", 2), ("news-limits", -2), ("one-gratitude", 0)):
            if rng.random() < 0.5:
                practised.append(Practice.done(strategy_id))
                mood += effect
        found.append(
            reflection(
                on(n),
                *practised,
                ratings=Ratings(mood=max(0, min(10, round(mood)))),
                journal=Journal(note=CANARY),
            )
        )
    return found


PLANTED = planted()
#: A person with goals, so that the candidates' chances are far from even.
GOALS = attrs.evolve(CLIENT, goals={Benefit.COPING_SKILLS, Benefit.RESILIENCE})


class Situation(NamedTuple):
    """A person, their reflections, now and the distress rule."""

    profile: Profile
    history: list[Reflection]
    at: pendulum.DateTime
    rule: DistressRule | None


@st.composite
def situations(draw: st.DrawFn, *, asks_support: bool | None = None) -> Situation:
    """A drawn person (excluding some of the catalog's real tags), history, time and rule.

    With ``asks_support``, a reflection at ``at`` itself, written in the person's zone, asks
    for support, so it is advised.
    """
    profile = draw(profiles())
    profile = attrs.evolve(
        profile, excluded_tags=draw(st.frozensets(st.sampled_from(TAGS), max_size=3))
    )
    at = AT.add(minutes=draw(st.integers(-18 * 60, 6 * 60 - 1)))  # any time on the 14th
    reflections = draw(history())
    asks = draw(st.booleans()) if asks_support is None else asks_support
    if asks:
        here = at.in_timezone(profile.timezone)
        reflections = [*reflections, Reflection(at=here, author=profile.role, wants_support=True)]
    return Situation(profile, reflections, at, draw(st.none() | distress_rules()))


def features(situation: Situation) -> tuple[FeatureRow, ...]:
    """The feature rows of a situation."""
    profile, reflections, at, rule = situation
    return recommendation_features(profile, history=reflections, at=at, rule=rule)


def recommended(situation: Situation, **arguments: Any) -> RecommendationList:
    """The recommendations of a situation."""
    profile, reflections, at, rule = situation
    return recommend(profile, history=reflections, at=at, rule=rule, **arguments)


def logged(recs: RecommendationList) -> Decision:
    """The decision a ``log=True`` result carries."""
    assert recs.decision is not None
    return recs.decision


def tolerance(p: float, *sizes: int) -> float:
    """Z standard errors of the difference of frequencies over samples of these sizes.

    The difference between a probability and a frequency from ``n`` trials (one size), or
    between two frequencies (two sizes), with one trial's worth added for discreteness.
    """
    return Z * math.sqrt(p * (1 - p) * sum(1 / n for n in sizes)) + 1 / min(sizes)


# Policies a project might write


class ByVariety:
    """Ranks by a single feature: what was done least in the last three days."""

    name = "by-variety"
    stochastic = False

    def scores(self, candidates: Sequence[FeatureRow], seed: int) -> list[float]:
        return [row.variety for row in candidates]


class Coin:
    """Scores each candidate at random: every candidate is equally likely to be offered."""

    name = "coin"
    stochastic = True

    def scores(self, candidates: Sequence[FeatureRow], seed: int) -> list[float]:
        rng = random.Random(seed)
        return [rng.random() for _ in candidates]


class BlindThompson:
    """The explorer's scores without its exact probabilities, so they must be estimated."""

    name = "blind-thompson"
    stochastic = True

    def __init__(self, weights: RecommendWeights | None = None) -> None:
        self.inner = ThompsonPolicy(weights or RecommendWeights())

    def scores(self, candidates: Sequence[FeatureRow], seed: int) -> list[float]:
        return self.inner.scores(candidates, seed)


class Fixed:
    """A policy that answers whatever it is told to, for the checks of what it answers."""

    def __init__(
        self,
        answer: Callable[[Sequence[FeatureRow]], object],
        name: object = "fixed",
        stochastic: object = False,
    ) -> None:
        self.answer = answer
        self.name: Any = name
        self.stochastic: Any = stochastic

    def scores(self, candidates: Sequence[FeatureRow], seed: int) -> Any:
        return self.answer(candidates)


def test_any_object_with_the_three_members_is_a_policy() -> None:
    """A policy need not inherit from anything; the built-in ones are policies too."""
    assert isinstance(ByVariety(), Policy)
    assert isinstance(ScorePolicy(), Policy)
    assert isinstance(ThompsonPolicy(), Policy)
    assert not isinstance(object(), Policy)
    assert ("score", False) == (ScorePolicy.name, ScorePolicy.stochastic)
    assert ("thompson", True) == (ThompsonPolicy.name, ThompsonPolicy.stochastic)


def test_features_is_a_public_name() -> None:
    """FEATURES, which the docs point to, is importable from ``selfcare`` like every name."""
    assert FEATURES == getattr(selfcare, "FEATURES", None)
    assert "FEATURES" in selfcare.__all__


# 1. Features


@COSTLY
@given(situations())
def test_features_are_exactly_what_recommend_could_offer(situation: Situation) -> None:
    """One row per eligible strategy, in catalog order, with the components it is shown with.

    A strategy never practised has the prior as its effect: mean 0 and sd 1.
    """
    rows = features(situation)
    recs = recommended(situation, k=1000)
    ids = [row.strategy_id for row in rows]
    assert recs.eligible == len(rows)
    assert sorted(ids, key=ORDER.__getitem__) == ids
    assert sorted(recs.strategy_ids) == sorted(ids)
    shown = {rec.strategy_id: rec for rec in recs}
    for row in rows:
        rec = shown[row.strategy_id]
        assert rec.strategy.category == row.category
        assert dict(rec.components) == {name: row.value(name) for name in COMPONENTS}
        assert all(getattr(row, name) == row.value(name) for name in FEATURES)
    practised = {
        p.strategy_id for r in situation.history if r.at <= situation.at for p in r.practised
    }
    for row in rows:  # never practised: the prior, mean 0 and sd 1; practised: sd up to 1
        if row.strategy_id in practised:
            assert 0.0 < row.effect_sd <= 1.0
        else:
            assert (0.0, 1.0) == (row.effect_mean, row.effect_sd)


@COSTLY
@given(situations(asks_support=True))
def test_features_keep_the_safety_rules(situation: Situation) -> None:
    """No row for another role, an excluded category or tag, or too much effort under support."""
    profile = situation.profile
    rule = situation.rule or DistressRule()
    assert recommended(situation, k=1).support.advised
    for row in features(situation):
        strategy = CATALOG.strategy(row.strategy_id)
        assert strategy.is_for(profile.role)
        assert strategy.category in profile.allowed_categories
        assert not strategy.tags & profile.excluded_tags
        assert strategy.effort <= rule.max_effort


def alternating(days: int) -> list[Reflection]:
    """A walk every other day with mood 7; mood 5 on the days between."""
    return [
        reflection(
            on(n),
            *([Practice.done("short-walk")] if n % 2 else []),
            ratings=Ratings(mood=5 + 2 * (n % 2)),
        )
        for n in range(days)
    ]


def test_a_request_for_support_counts_wherever_it_was_written() -> None:
    """Asking for support at ``at`` advises it, and drops high effort, in any zone it was written.

    The reflection is not after ``at``, so it counts, even though its own calendar date
    (Saturday in London) is a day ahead of the person's (Friday night in New York).
    """
    person = attrs.evolve(CLIENT, timezone="America/New_York")
    now = pendulum.datetime(2026, 2, 14, 4, 59, tz=ZONE)  # 23:59 on the 13th in New York
    asked = [Reflection(at=now, author=Role.CLIENT, wants_support=True)]
    assert recommend(person, history=asked, at=now).support.advised
    rows = recommendation_features(person, history=asked, at=now)
    assert all(CATALOG.strategy(row.strategy_id).effort <= Effort.MEDIUM for row in rows)


def test_the_effect_posterior_is_the_documented_normal_update() -> None:
    """Prior N(0, 1), a day's noise 2 points: 5 days with a walk at mood 7, 5 without at 5."""
    rows = {
        r.strategy_id: r for r in recommendation_features(CLIENT, history=alternating(10), at=AT)
    }
    walk = rows["short-walk"]
    likelihood = 2.0**2 * (1 / 5 + 1 / 5)  # the variance of the difference of the means
    precision = 1 / 1.0**2 + 1 / likelihood
    assert pytest.approx((2.0 / likelihood) / precision) == walk.effect_mean
    assert pytest.approx(math.sqrt(1 / precision)) == walk.effect_sd
    assert walk.effect_sd < 1.0
    longer = recommendation_features(CLIENT, history=alternating(30), at=AT)
    assert next(r for r in longer if r.strategy_id == "short-walk").effect_sd < walk.effect_sd
    others = [r for sid, r in rows.items() if sid != "short-walk"]
    assert all((0.0, 1.0) == (r.effect_mean, r.effect_sd) for r in others)


def test_features_ignore_what_comes_after_at() -> None:
    """Reflections after ``at`` do not count."""
    later = [
        reflection(AT.add(days=1 + n), Practice.done("short-walk"), ratings=Ratings(mood=n))
        for n in range(8)
    ]
    assert recommendation_features(CLIENT, at=AT) == recommendation_features(
        CLIENT, history=later, at=AT
    )


def test_features_count_a_therapists_strain_as_a_goal() -> None:
    """Under raised strain, preventing burnout is a goal, in the rows as in the recommendations."""
    therapist = attrs.evolve(CLIENT, role=Role.THERAPIST)
    strain = WorkloadStrain(StrainLevel.RAISED, (), 5, "Consider supervision this week.")
    calm = {r.strategy_id: r for r in recommendation_features(therapist, at=AT)}
    strained = recommendation_features(therapist, at=AT, strain=strain)
    shown = {rec.strategy_id: rec for rec in recommend(therapist, at=AT, strain=strain, k=1000)}
    assert sorted(shown) == sorted(calm) == sorted(r.strategy_id for r in strained)
    for row in strained:
        assert dict(shown[row.strategy_id].components) == {n: row.value(n) for n in COMPONENTS}
    burnout = [
        row
        for row in strained
        if Benefit.PREVENTS_BURNOUT in CATALOG.strategy(row.strategy_id).benefits
    ]
    assert burnout
    assert all(1.0 == row.goal > calm[row.strategy_id].goal for row in burnout)


# 2. Policies: the built-in scorer, and what no policy can change


@COSTLY
@given(
    profiles(),
    history(),
    st.integers(1, 12),
    recommend_weights(),
)
def test_score_policy_recommends_as_the_built_in_scorer(
    profile: Profile, reflections: list[Reflection], k: int, weights: RecommendWeights
) -> None:
    """``policy=ScorePolicy(w)`` offers the same strategies, in order, with the same scores."""
    plain = recommend(profile, history=reflections, at=AT, k=k, weights=weights)
    via = recommend(
        profile, history=reflections, at=AT, k=k, weights=weights, policy=ScorePolicy(weights)
    )
    assert plain.strategy_ids == via.strategy_ids
    for expected, actual in zip(plain, via, strict=True):
        assert expected.score == pytest.approx(actual.score, abs=1e-9)
        assert dict(expected.components) == dict(actual.components)
    assert (plain.eligible, plain.excluded, plain.support) == (
        via.eligible,
        via.excluded,
        via.support,
    )
    assert (plain.shortfall, plain.explored) == (via.shortfall, via.explored)


@COSTLY
@given(situations(), st.integers(1, 12))
def test_no_policy_gets_round_the_safety_rules(situation: Situation, k: int) -> None:
    """A policy ranking by one feature plugs in; eligibility and the advisory stay the same."""
    plain = recommended(situation, k=k)
    mine = recommended(situation, k=k, policy=ByVariety())
    assert (plain.eligible, plain.excluded, plain.support) == (
        mine.eligible,
        mine.excluded,
        mine.support,
    )
    assert min(k, plain.eligible) == len(mine)
    rows = {row.strategy_id: row for row in features(situation)}
    for rec in mine:
        assert rec.strategy_id in rows
        assert rows[rec.strategy_id].variety == rec.score
    scores = [rec.score for rec in mine]
    assert sorted(scores, reverse=True) == scores


def test_a_policy_decides_the_order() -> None:
    """Ranking by variety puts what was done lately last, whatever the built-in scorer thinks."""
    recent = [reflection(AT.subtract(hours=n + 1), Practice.done("short-walk")) for n in range(2)]
    catalog_ids = [
        row.strategy_id for row in recommendation_features(CLIENT, history=recent, at=AT)
    ]
    recs = recommend(
        CLIENT,
        history=recent,
        at=AT,
        k=len(catalog_ids),
        policy=ByVariety(),
        weights=RecommendWeights(diversity=0),
    )
    assert "short-walk" == recs.strategy_ids[-1]
    assert [sid for sid in catalog_ids if sid != "short-walk"] == list(recs.strategy_ids[:-1])


# 3. Decision logs


@COSTLY
@given(situations(), st.integers(1, 8), st.integers(0, 2**32))
def test_a_scored_decision_is_exact(situation: Situation, k: int, seed: int) -> None:
    """Without exploring, the offered have probability 1 and the rest 0, exactly."""
    recs = recommended(situation, k=k, seed=seed, log=True)
    decision = logged(recs)
    assert recs.strategy_ids == decision.offered
    assert (0, True, 0.0) == (decision.draws, decision.exact, decision.error)
    assert ("score", seed, k) == (decision.policy, decision.seed, decision.k)
    assert recs.at == decision.at
    assert features(situation) == tuple(c.features for c in decision.candidates)
    for candidate in decision.candidates:
        assert (1.0 if candidate.strategy_id in recs.strategy_ids else 0.0) == candidate.probability
    for rec in recs:
        assert rec.score == decision.candidate(rec.strategy_id).score


POLICIES: list[Policy | None] = [None, ByVariety(), BlindThompson()]


@COSTLY
@given(
    situations(),
    st.integers(1, 8),
    st.integers(0, 2**32),
    st.booleans(),
    st.sampled_from(POLICIES),
)
def test_logging_never_changes_what_is_offered(
    situation: Situation, k: int, seed: int, explore: bool, policy: Policy | None
) -> None:
    """``log=True`` adds the decision and changes nothing else, exploring or with a policy.

    The decision names the policy and what was offered; its probabilities are each from 0 to
    1 and sum to the number offered; exact ones give every offered strategy a chance. The
    same inputs and seed give the same decision again, to the byte of its JSON.
    """
    explore = explore and policy is None
    plain = recommended(situation, k=k, seed=seed, explore=explore, policy=policy)
    with_log = recommended(
        situation, k=k, seed=seed, explore=explore, policy=policy, log=True, draws=10
    )
    assert plain.strategy_ids == with_log.strategy_ids
    assert plain == attrs.evolve(with_log, decision=None)
    assert plain.decision is None
    decision = logged(with_log)
    again = logged(
        recommended(situation, k=k, seed=seed, explore=explore, policy=policy, log=True, draws=10)
    )
    assert decision == again  # a decision can be checked by computing it again
    assert to_json(decision) == to_json(again)
    name = policy.name if policy is not None else "thompson" if explore else "score"
    assert (name, with_log.strategy_ids) == (decision.policy, decision.offered)
    stochastic = explore or isinstance(policy, BlindThompson)
    estimated = stochastic and decision.candidates and not (explore and k == 1)
    assert (10 if estimated else 0) == decision.draws
    assert min(k, len(decision.candidates)) == len(decision.offered)
    total = math.fsum(c.probability for c in decision.candidates)
    assert pytest.approx(len(decision.offered), abs=1e-6) == total
    assert all(0.0 <= c.probability <= 1.0 for c in decision.candidates)
    if decision.exact:  # an estimate may miss a strategy that was offered; an exact one not
        assert 0.0 == decision.error
        assert all(decision.probability(sid) > 0.0 for sid in decision.offered)


def frequencies(profile: Profile, k: int, seeds: int, **arguments: Any) -> dict[str, float]:
    """How often each strategy is offered exploring, over seeds 0 to ``seeds - 1``."""
    counts: dict[str, int] = {}
    for seed in range(seeds):
        for sid in recommend(
            profile, history=PLANTED, at=AT, k=k, seed=seed, **arguments
        ).strategy_ids:
            counts[sid] = counts.get(sid, 0) + 1
    return {sid: count / seeds for sid, count in counts.items()}


def test_exploring_one_the_probabilities_are_exact_and_match_the_offers() -> None:
    """With k=1 each candidate's exact probability is how often it is really offered."""
    seeds = 2000
    decision = logged(recommend(GOALS, history=PLANTED, at=AT, k=1, seed=7, explore=True, log=True))
    assert ("thompson", 0, 1) == (decision.policy, decision.draws, len(decision.offered))
    assert pytest.approx(1.0) == math.fsum(c.probability for c in decision.candidates)
    probabilities = [c.probability for c in decision.candidates]
    assert max(probabilities) < 0.9  # a real spread: several candidates have a chance
    assert sum(1 for p in probabilities if p > 0.02) >= 3
    seen = frequencies(GOALS, 1, seeds, explore=True)
    assert set(seen) <= {c.strategy_id for c in decision.candidates}
    for candidate in decision.candidates:
        p = candidate.probability
        assert abs(p - seen.get(candidate.strategy_id, 0.0)) <= tolerance(p, seeds)


def test_exploring_three_the_probabilities_are_estimated_and_match_the_offers() -> None:
    """With k=3 they are estimated from ``draws`` seeds, within their standard error."""
    seeds, draws = 1500, 1500
    decision = logged(
        recommend(GOALS, history=PLANTED, at=AT, k=3, seed=7, explore=True, log=True, draws=draws)
    )
    assert (draws, False) == (decision.draws, decision.exact)
    assert pytest.approx(0.5 / math.sqrt(draws)) == decision.error
    assert pytest.approx(3.0) == math.fsum(c.probability for c in decision.candidates)
    seen = frequencies(GOALS, 3, seeds, explore=True)
    for candidate in decision.candidates:
        found = seen.get(candidate.strategy_id, 0.0)
        pooled = (candidate.probability * draws + found * seeds) / (draws + seeds)
        assert abs(candidate.probability - found) <= tolerance(pooled, draws, seeds)
        p = candidate.probability
        assert pytest.approx(math.sqrt(p * (1 - p) / draws)) == decision.standard_error(
            candidate.strategy_id
        )


def test_thompson_as_a_policy_has_the_explorers_probabilities() -> None:
    """``policy=ThompsonPolicy(w)`` logs the same exact chances as ``explore=True``."""
    weights = RecommendWeights(goal=0.4)
    built_in = logged(
        recommend(
            GOALS, history=PLANTED, at=AT, k=1, seed=3, explore=True, weights=weights, log=True
        )
    )
    policy = logged(
        recommend(
            GOALS,
            history=PLANTED,
            at=AT,
            k=1,
            seed=3,
            policy=ThompsonPolicy(weights),
            weights=weights,
            log=True,
        )
    )
    assert [(c.features, c.probability) for c in built_in.candidates] == [
        (c.features, c.probability) for c in policy.candidates
    ]
    seeds = 1500
    seen = frequencies(GOALS, 1, seeds, policy=ThompsonPolicy(weights), weights=weights)
    for candidate in policy.candidates:
        p = candidate.probability
        assert abs(p - seen.get(candidate.strategy_id, 0.0)) <= tolerance(p, seeds)


# 4. Offer probabilities


def levels(row: FeatureRow, weights: RecommendWeights) -> list[float]:
    """A candidate's 256 equally likely explorer scores, from the documented formula."""
    rest = sum(getattr(weights, name) * row.value(name) for name in COMPONENTS if name != "effect")
    norm = weights.total + weights.effect
    found = []
    for q in QUANTILES:
        effect = max(-1.0, min(1.0, (row.effect_mean + row.effect_sd * q) / EFFECT_SCALE))
        found.append(max(0.0, min(1.0, (rest + weights.effect * effect + weights.effect) / norm)))
    return found


def counted_argmax(scores: list[list[float]]) -> list[float]:
    """Each candidate's chance of the highest score, ties to the earlier, by counting outcomes.

    Two candidates: every one of the 256² byte pairs. Three: every pair of the first two,
    with the third's 256 bytes counted by bisection (the same 256³ outcomes, grouped).
    """
    wins = [0] * len(scores)
    if len(scores) == 2:
        for a in scores[0]:
            for b in scores[1]:
                wins[0 if a >= b else 1] += 1
    else:
        third = sorted(scores[2])
        for a in scores[0]:
            for b in scores[1]:
                top, best = (0, a) if a >= b else (1, b)
                above = 256 - bisect.bisect_right(third, best)
                wins[2] += above
                wins[top] += 256 - above
    return [w / 256 ** len(scores) for w in wins]


@st.composite
def thompson_cases(draw: st.DrawFn) -> tuple[list[FeatureRow], RecommendWeights]:
    """Two or three rows, sometimes the same row twice, and weights."""
    rows = draw(st.lists(feature_rows(), min_size=2, max_size=3))
    if draw(st.booleans()):
        rows[-1] = attrs.evolve(rows[0], strategy_id=rows[-1].strategy_id)
    return rows, draw(recommend_weights())


def rounding_decides(rows: list[FeatureRow], scores: list[list[float]]) -> bool:
    """Whether two candidates that differ in more than their effect have (nearly) equal scores.

    Such a tie is mathematical, and which one wins it is up to the rounding of the sums, which
    the documented formula does not fix; rows that differ only in their effect posterior add
    the same numbers, so their ties are ties under any order of addition.
    """
    for i, j in ((0, 1), (0, 2), (1, 2))[: 1 if len(rows) == 2 else 3]:
        if [rows[i].value(n) for n in COMPONENTS] == [rows[j].value(n) for n in COMPONENTS]:
            continue
        ordered = sorted(scores[j])
        for a in scores[i]:
            at = bisect.bisect_left(ordered, a - 1e-12)
            if at < len(ordered) and ordered[at] <= a + 1e-12:
                return True
    return False


@COSTLY
@given(thompson_cases())
def test_explorer_probabilities_agree_with_counting(
    case: tuple[list[FeatureRow], RecommendWeights],
) -> None:
    """For one offered, the explorer's exact probabilities are the brute-force count."""
    rows, weights = case
    scores = [levels(row, weights) for row in rows]
    assume(not rounding_decides(rows, scores))
    expected = counted_argmax(scores)
    policy = ThompsonPolicy(weights)
    exact = policy.offer_probabilities(rows, k=1, diversity=0.15)
    assert exact is not None
    assert expected == pytest.approx(list(exact), abs=1e-9)
    assert expected == pytest.approx(list(offer_probabilities(policy, rows, k=1)), abs=1e-9)


def test_identical_candidates_split_evenly_but_for_ties_to_the_earlier() -> None:
    """Two identical rows: each wins half the time, and every tie goes to the first."""
    rows = [
        FeatureRow("short-walk", Category.PHYSICAL),
        FeatureRow("one-gratitude", Category.EMOTIONAL),
    ]
    scores = levels(rows[0], RecommendWeights())
    tie = sum(scores.count(v) ** 2 for v in set(scores)) / 256**2
    first, second = offer_probabilities(ThompsonPolicy(), rows, k=1)
    assert tie > 0  # the clipped effect makes the extreme draws tie
    assert pytest.approx((1 + tie) / 2, abs=1e-12) == first
    assert pytest.approx((1 - tie) / 2, abs=1e-12) == second
    assert [first, second] == pytest.approx(counted_argmax([scores, scores]), abs=1e-12)


def test_explorer_probabilities_are_not_exact_for_more_than_one() -> None:
    """Offering more than one, the explorer leaves its probabilities to be estimated."""
    rows = [
        FeatureRow("short-walk", Category.PHYSICAL),
        FeatureRow("one-gratitude", Category.EMOTIONAL),
    ]
    assert ThompsonPolicy().offer_probabilities(rows, k=2, diversity=0.15) is None
    assert (1.0, 1.0) == offer_probabilities(ThompsonPolicy(), rows, k=2, draws=5)


@given(
    st.lists(feature_rows(), max_size=8),
    st.integers(1, 10),
    recommend_weights(),
    st.integers(0, 2**32),
)
def test_a_deterministic_policy_offers_with_probability_0_or_1(
    rows: list[FeatureRow], k: int, weights: RecommendWeights, seed: int
) -> None:
    """Without diversity, exactly the top k by score (ties to the earlier) have probability 1."""
    policy = ScorePolicy(weights)
    scores = policy.scores(rows, seed)
    top = set(sorted(range(len(rows)), key=lambda i: (-scores[i], i))[:k])
    expected = tuple(1.0 if i in top else 0.0 for i in range(len(rows)))
    assert expected == offer_probabilities(policy, rows, k=k, diversity=0.0, seed=seed)
    spread = offer_probabilities(policy, rows, k=k, seed=seed)
    assert set(spread) <= {0.0, 1.0}
    assert min(k, len(rows)) == sum(spread)


def test_estimated_probabilities_converge() -> None:
    """A stochastic policy without exact probabilities is estimated within its standard error."""
    rows = [
        FeatureRow("short-walk", Category.PHYSICAL, effect_mean=0.5, effect_sd=0.6),
        FeatureRow("one-gratitude", Category.EMOTIONAL),
        FeatureRow("news-limits", Category.MENTAL, goal=0.5, effect_mean=-1.0, effect_sd=0.5),
    ]
    draws = 20_000
    exact = ThompsonPolicy().offer_probabilities(rows, k=1, diversity=0.15)
    assert exact is not None
    estimated = offer_probabilities(BlindThompson(), rows, k=1, draws=draws, seed=11)
    for p, found in zip(exact, estimated, strict=True):
        assert abs(p - found) <= tolerance(p, draws)
    coin = offer_probabilities(Coin(), rows, k=1, draws=draws)
    assert all(abs(1 / 3 - found) <= tolerance(1 / 3, draws) for found in coin)
    pair = offer_probabilities(Coin(), rows, k=2, draws=draws, diversity=0.0)
    assert pytest.approx(2.0) == sum(pair)
    assert all(abs(2 / 3 - found) <= tolerance(2 / 3, draws) for found in pair)


def test_estimates_are_reproducible_per_seed() -> None:
    """The same seed gives the same estimate; other seeds draw other samples."""
    rows = [
        FeatureRow("short-walk", Category.PHYSICAL),
        FeatureRow("one-gratitude", Category.EMOTIONAL),
    ]
    once = offer_probabilities(Coin(), rows, k=1, draws=50, seed=4)
    assert once == offer_probabilities(Coin(), rows, k=1, draws=50, seed=4)
    assert len({offer_probabilities(Coin(), rows, k=1, draws=50, seed=s) for s in range(6)}) > 1
    assert () == offer_probabilities(Coin(), [], k=1)


# 5. Errors name the field and never repeat what the caller passed


def raising(candidates: Sequence[FeatureRow]) -> object:
    """A policy's answer that fails, with private text in its error."""
    raise RuntimeError(CANARY)


def bad_policy_calls() -> list[tuple[Callable[[], object], str]]:
    """Calls that pass a bad policy or a policy that answers badly, and the field named."""

    def rec(policy: object, **arguments: Any) -> Callable[[], object]:
        return lambda: recommend(CLIENT, at=AT, policy=wrong(policy), **arguments)

    def chances(policy: object, **arguments: Any) -> Callable[[], object]:
        rows = recommendation_features(CLIENT, at=AT)
        return lambda: offer_probabilities(wrong(policy), rows, **{"k": 1, **arguments})

    return [
        (rec(CANARY), "policy"),
        (rec(object()), "policy"),
        (chances(CANARY), "policy"),
        (rec(Fixed(lambda c: [0.5] * len(c), name="My Policy! " + CANARY)), "policy.name"),
        (rec(Fixed(lambda c: [0.5] * len(c), name=None)), "policy.name"),
        (rec(Fixed(lambda c: [0.5] * len(c), stochastic=CANARY)), "policy.stochastic"),
        (rec(Fixed(lambda c: [0.5] * (len(c) - 1))), "policy"),
        (rec(Fixed(lambda c: [0.5] * (len(c) + 1))), "policy"),
        (rec(Fixed(lambda c: [float("nan")] * len(c))), "policy"),
        (rec(Fixed(lambda c: [1.5] * len(c))), "policy"),
        (rec(Fixed(lambda c: [-0.1] * len(c))), "policy"),
        (rec(Fixed(lambda c: [CANARY] * len(c))), "policy"),
        (rec(Fixed(lambda c: [True] * len(c))), "policy"),
        (rec(Fixed(lambda c: [None] * len(c))), "policy"),
        (chances(Fixed(lambda c: [2] * len(c))), "policy"),
        (rec(ScorePolicy(), explore=True), "explore"),
        (rec(ScorePolicy(), draws=0), "draws"),
        (rec(ScorePolicy(), draws=100_001), "draws"),
        (rec(None, draws=0), "draws"),
        (rec(None, explore=True, log=True, draws=100_001), "draws"),
        (rec(None, log="yes"), "log"),
        (chances(ScorePolicy(), draws=0), "draws"),
        (chances(ScorePolicy(), draws=100_001), "draws"),
        (chances(ScorePolicy(), draws=True), "draws"),
        (chances(ScorePolicy(), k=0), "k"),
        (chances(ScorePolicy(), k=1001), "k"),
        (chances(ScorePolicy(), diversity=-0.1), "diversity"),
        (chances(ScorePolicy(), diversity=float("nan")), "diversity"),
        (chances(ScorePolicy(), seed=1.5), "seed"),
        (lambda: offer_probabilities(ScorePolicy(), wrong(CANARY), k=1), "candidates"),
        (lambda: offer_probabilities(ScorePolicy(), wrong([CANARY]), k=1), "candidates[0]"),
    ]


@pytest.mark.parametrize(("call", "field"), bad_policy_calls())
def test_a_bad_policy_or_argument_is_named_not_echoed(
    call: Callable[[], object], field: str
) -> None:
    """Each bad policy, score or argument raises a ValidationError naming the field."""
    with pytest.raises(ValidationError) as caught:
        call()
    assert field == caught.value.problems[0][0]
    assert CANARY not in str(caught.value)
    assert "My Policy!" not in str(caught.value)


@pytest.mark.parametrize(
    ("score", "described"), [(1.5, "1.5"), (True, "True"), (CANARY, "a string of 28 characters")]
)
def test_a_bad_score_is_described_with_the_candidate(score: object, described: str) -> None:
    """The message names the candidate and describes the score, in one readable sentence."""
    first = recommendation_features(CLIENT, at=AT)[0].strategy_id
    with pytest.raises(ValidationError) as caught:
        recommend(CLIENT, at=AT, policy=Fixed(lambda c: [score] * len(c)))
    field, message = caught.value.problems[0]
    assert "policy" == field
    assert message.startswith("expected a score from 0 to 1 for each candidate")
    assert message.endswith(f"for candidate 0 ({first!r}) it got {described}")
    assert "is got" not in message  # "... is got True" does not read


def test_a_policy_that_raises_is_reported_with_the_cause_chained() -> None:
    """The policy's own error is kept as the cause, and its text stays out of the message."""
    with pytest.raises(ValidationError) as caught:
        recommend(CLIENT, at=AT, policy=Fixed(raising))
    assert "policy" == caught.value.problems[0][0]
    assert isinstance(caught.value.__cause__, RuntimeError)
    assert CANARY == str(caught.value.__cause__)
    assert CANARY not in str(caught.value)


def test_a_policy_whose_exact_probabilities_are_wrong_is_refused() -> None:
    """Exact probabilities a policy gives are checked, and its errors chained."""

    class Claims(Coin):
        def __init__(self, answer: Callable[[int], object]) -> None:
            self.answer = answer

        def offer_probabilities(
            self, candidates: Sequence[FeatureRow], k: int, diversity: float
        ) -> object:
            return self.answer(len(candidates))

    rows = recommendation_features(CLIENT, at=AT)

    def fails(n: int) -> object:
        raise RuntimeError(CANARY)

    for answer in (
        lambda n: [0.5] * n,
        lambda n: [1.0] * (n - 1),
        lambda n: [2.0] + [0.0] * (n - 1),
        lambda n: [float("nan")] * n,
        fails,
    ):
        with pytest.raises(ValidationError) as caught:
            offer_probabilities(Claims(answer), rows, k=1)
        assert "policy" == caught.value.problems[0][0]
        assert CANARY not in str(caught.value)
    right = offer_probabilities(Claims(lambda n: [1.0] + [0.0] * (n - 1)), rows, k=1)
    assert (1.0, *[0.0] * (len(rows) - 1)) == right


def decision_with(**changes: Any) -> Decision:
    """A valid two-candidate decision, with some fields changed."""
    walk = Candidate(FeatureRow("short-walk", Category.PHYSICAL), 0.7, 1.0)
    note = Candidate(FeatureRow("one-gratitude", Category.EMOTIONAL), 0.4, 0.0)
    fields: dict[str, Any] = {
        "at": AT,
        "policy": "score",
        "seed": 0,
        "k": 1,
        "diversity": 0.15,
        "candidates": [walk, note],
        "offered": ["short-walk"],
        "draws": 0,
    }
    return Decision(**{**fields, **changes})


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: decision_with(offered=["news-limits"]), "offered[0]"),
        (lambda: decision_with(offered=[CANARY]), "offered[0]"),
        (lambda: decision_with(offered=[]), "offered"),
        (lambda: decision_with(k=2, offered=["short-walk", "short-walk"]), "offered"),
        (
            lambda: decision_with(
                candidates=[
                    Candidate(FeatureRow("short-walk", Category.PHYSICAL), 0.7, 0.6),
                    Candidate(FeatureRow("one-gratitude", Category.EMOTIONAL), 0.4, 0.6),
                ]
            ),
            "candidates",
        ),
        (
            lambda: decision_with(
                candidates=[
                    Candidate(FeatureRow("short-walk", Category.PHYSICAL), 0.7, 0.5),
                    Candidate(FeatureRow("short-walk", Category.PHYSICAL), 0.4, 0.5),
                ]
            ),
            "candidates",
        ),
        (lambda: decision_with(candidates=[CANARY]), "candidates[0]"),
        (lambda: decision_with(policy="My Policy! " + CANARY), "policy"),
        (lambda: decision_with(seed=True), "seed"),
        (lambda: decision_with(k=0), "k"),
        (lambda: decision_with(draws=-1), "draws"),
        (lambda: decision_with(draws=100_001), "draws"),
        (lambda: decision_with(diversity=float("inf")), "diversity"),
        (lambda: decision_with().candidate("news-limits"), "strategy_id"),
        (lambda: decision_with().candidate(CANARY), "strategy_id"),
        (lambda: Candidate(FeatureRow("short-walk", Category.PHYSICAL), 1.5, 0.5), "score"),
        (
            lambda: Candidate(FeatureRow("short-walk", Category.PHYSICAL), 0.5, float("nan")),
            "probability",
        ),
        (lambda: Candidate(wrong(CANARY), 0.5, 0.5), "features"),
        (lambda: ScorePolicy(wrong(CANARY)), "weights"),
        (lambda: ThompsonPolicy(wrong(CANARY)), "weights"),
        (lambda: FeatureRow("short-walk", Category.PHYSICAL, goal=1.5), "goal"),
        (lambda: FeatureRow("short-walk", Category.PHYSICAL, goal=float("nan")), "goal"),
        (lambda: FeatureRow("short-walk", Category.PHYSICAL, goal=wrong("1")), "goal"),
        (lambda: FeatureRow("short-walk", Category.PHYSICAL, neglected=wrong(True)), "neglected"),
        (lambda: FeatureRow("short-walk", Category.PHYSICAL, effect_sd=0.0), "effect_sd"),
        (lambda: FeatureRow("short-walk", Category.PHYSICAL, effect_sd=1.5), "effect_sd"),
        (lambda: FeatureRow("short-walk", Category.PHYSICAL, effect=-2.0), "effect"),
        (lambda: FeatureRow("short-walk", Category.PHYSICAL, effect_mean=10.5), "effect_mean"),
        (lambda: FeatureRow("short-walk", Category.PHYSICAL, variety=float("inf")), "variety"),
        (lambda: FeatureRow(CANARY, Category.PHYSICAL), "strategy_id"),
        (lambda: FeatureRow("short-walk", wrong(CANARY)), "category"),
        (lambda: FeatureRow("short-walk", Category.PHYSICAL).value(CANARY), "feature"),
    ],
)
def test_decisions_and_features_name_the_bad_field(build: Callable[[], object], field: str) -> None:
    """A decision or feature row out of range raises a ValidationError naming the field."""
    with pytest.raises(ValidationError) as caught:
        build()
    assert field == caught.value.problems[0][0]
    assert CANARY not in str(caught.value)
    assert "My Policy!" not in str(caught.value)


# 6. JSON and records


@COSTLY
@given(decisions())
def test_a_decision_round_trips_through_json(decision: Decision) -> None:
    """A decision reads back equal, writes the same text again, and has nothing to redact."""
    text = to_json(decision)
    back = from_json(Decision, text)
    assert decision == back
    assert text == to_json(back)
    assert "decision" == json.loads(text)["type"]
    redacted = json.loads(to_json(decision, redact=True))
    assert True is redacted.pop("redacted")
    assert json.loads(text) == redacted


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda doc: doc["candidates"][0].update(probability=0.5), "$.candidates"),
        (lambda doc: doc["offered"].__setitem__(0, CANARY), "$.offered[0]"),
        (lambda doc: doc.update(policy=CANARY), "$.policy"),
        (
            lambda doc: doc["candidates"][1]["features"].update(goal=3),
            "$.candidates[1].features.goal",
        ),
        (
            lambda doc: doc["candidates"][1]["features"].update(effect_sd=0),
            "$.candidates[1].features.effect_sd",
        ),
    ],
)
def test_a_tampered_decision_document_is_refused(
    change: Callable[[Any], object], path: str
) -> None:
    """Reading a decision checks it as building one does, naming the path, echoing nothing."""
    doc = json.loads(to_json(logged(recommend(CLIENT, at=AT, k=2, log=True))))
    change(doc)
    with pytest.raises(ValidationError) as caught:
        from_json(Decision, json.dumps(doc))
    assert path == caught.value.problems[0][0]
    assert CANARY not in str(caught.value)


@given(feature_rows(), candidates())
def test_feature_rows_and_candidates_round_trip_through_json(
    row: FeatureRow, candidate: Candidate
) -> None:
    """Feature rows and candidates read back equal, with their own type names."""
    assert row == from_json(FeatureRow, to_json(row))
    assert candidate == from_json(Candidate, to_json(candidate))
    assert ("feature_row", "candidate") == (
        json.loads(to_json(row))["type"],
        json.loads(to_json(candidate))["type"],
    )


@pytest.mark.parametrize(
    ("explore", "policy"),
    [(False, None), (True, None), (False, ByVariety()), (False, BlindThompson())],
)
def test_no_decision_holds_journal_text(explore: bool, policy: Policy | None) -> None:
    """A journal note in the history is in no decision, repr, JSON or row."""
    recs = recommend(
        CLIENT,
        history=PLANTED,
        at=AT,
        k=3,
        seed=2,
        explore=explore,
        policy=policy,
        log=True,
        draws=20,
    )
    decision = logged(recs)
    rows = recommendation_features(CLIENT, history=PLANTED, at=AT)
    written = [
        to_json(decision),
        to_json(decision, redact=True),
        repr(decision),
        repr(decision.candidates),
        repr(recs),
        repr(rows),
        repr(to_records(decision)),
        repr(to_records(decision, include_private=True)),
        repr(to_records(rows)),
        repr(to_records(recs)),
    ]
    assert any("short-walk" in text for text in written)
    for text in written:
        assert CANARY not in text


@COSTLY
@given(decisions())
def test_decision_records_are_one_row_per_candidate(decision: Decision) -> None:
    """Each candidate is a row with its features, score, probability, and offered and rank."""
    rows = to_records(decision)
    assert [c.strategy_id for c in decision.candidates] == [row["strategy_id"] for row in rows]
    columns = ["at", "policy", "seed", "k", "draws", "strategy_id", "category", *FEATURES]
    columns += ["score", "probability", "offered", "rank"]
    for row, candidate in zip(rows, decision.candidates, strict=True):
        assert columns == list(row)
        assert (decision.policy, decision.seed, decision.k, decision.draws) == (
            row["policy"],
            row["seed"],
            row["k"],
            row["draws"],
        )
        assert decision.at == row["at"]
        assert candidate.features.category.value == row["category"]
        assert {n: candidate.features.value(n) for n in FEATURES} == {n: row[n] for n in FEATURES}
        assert (candidate.score, candidate.probability) == (row["score"], row["probability"])
        assert (row["rank"] is not None) == row["offered"]
    offered = sorted(
        (row for row in rows if row["offered"]), key=lambda row: cast(int, row["rank"])
    )
    assert list(decision.offered) == [row["strategy_id"] for row in offered]
    assert list(range(1, len(decision.offered) + 1)) == [row["rank"] for row in offered]
    assert rows + rows == to_records([decision, decision])


def feature_table(found: Sequence[FeatureRow]) -> None:
    """Check the records of feature rows: one per row, a column per feature."""
    rows = to_records(list(found))
    assert len(found) == len(rows)
    for record, row in zip(rows, found, strict=True):
        assert ["strategy_id", "category", *FEATURES] == list(record)
        assert (row.strategy_id, row.category.value) == (record["strategy_id"], record["category"])
        assert {n: row.value(n) for n in FEATURES} == {n: record[n] for n in FEATURES}


@given(st.lists(feature_rows(), max_size=6))
def test_feature_records_are_one_row_per_row(found: list[FeatureRow]) -> None:
    """Each feature row is a record: its strategy, its category and a column per feature."""
    feature_table(found)


def test_feature_records_are_one_row_per_strategy() -> None:
    """The rows of ``recommendation_features`` are a table, one row per eligible strategy."""
    found = recommendation_features(GOALS, history=PLANTED, at=AT)
    assert [row["strategy_id"] for row in to_records(found)] == [r.strategy_id for r in found]
    feature_table(found)
