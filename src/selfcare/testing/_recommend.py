"""Features, policies and decision records of recommendations."""

from __future__ import annotations

import datetime as dt

import pendulum
from hypothesis import strategies as st

from selfcare._insights.recommend.decisions import Candidate, Decision
from selfcare._insights.recommend.evaluate import Estimator, PolicyValue
from selfcare._insights.recommend.features import MAX_EFFECT_POINTS, FeatureRow
from selfcare._insights.recommend.policies import ScorePolicy, ThompsonPolicy
from selfcare._insights.recommend.recommend import recommend
from selfcare._insights.recommend.scoring import PRIOR_SD
from selfcare._insights.recommend.simulate import (
    MAX_EFFECT,
    SimulatedPerson,
    Simulation,
    simulate,
    synthetic_population,
)
from selfcare._model.builtin_catalog import default_catalog
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Category, Role
from selfcare._model.profiles import Profile
from selfcare._model.reflections import Reflection
from selfcare.testing._insights import history, recommend_weights
from selfcare.testing._model import profiles
from selfcare.testing._values import slugs


def feature_rows(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[FeatureRow]:
    """Feature rows with every value in its range (ids drawn from ``ids``, or any slug)."""
    unit = st.floats(0, 1)
    return st.builds(
        FeatureRow,
        strategy_id=slugs() if ids is None else ids,
        category=st.sampled_from(Category),
        goal=unit,
        neglected=st.sampled_from((0.0, 1.0)),
        effect=st.floats(-1, 1),
        effect_mean=st.floats(-MAX_EFFECT_POINTS, MAX_EFFECT_POINTS),
        effect_sd=st.floats(0.01, PRIOR_SD),
        momentum=unit,
        fits_time=unit,
        time_of_day=st.sampled_from((0.0, 0.5, 1.0)),
        variety=unit,
        values=unit,
    )


def candidates() -> st.SearchStrategy[Candidate]:
    """Candidates with any feature row, score and probability."""
    return st.builds(Candidate, feature_rows(), st.floats(0, 1), st.floats(0, 1))


def score_policies() -> st.SearchStrategy[ScorePolicy]:
    """The built-in scorer with drawn weights."""
    return st.builds(ScorePolicy, recommend_weights())


def thompson_policies() -> st.SearchStrategy[ThompsonPolicy]:
    """The built-in explorer with drawn weights."""
    return st.builds(ThompsonPolicy, recommend_weights())


def _decision(
    profile: Profile, reflections: list[Reflection], k: int, seed: int, explore: bool, draws: int
) -> Decision:
    found = recommend(
        profile,
        history=reflections,
        at=pendulum.datetime(2026, 2, 14, 18, tz="Europe/London"),
        k=k,
        seed=seed,
        explore=explore,
        log=True,
        draws=draws,
    ).decision
    assert found is not None  # recommend(log=True) always keeps one
    return found


def decisions() -> st.SearchStrategy[Decision]:
    """Decision records of drawn recommendations, scored or explored, exact or estimated."""
    return st.builds(
        _decision,
        profiles(),
        history(),
        st.integers(1, 4),
        st.integers(0, 2**32),
        st.booleans(),
        st.integers(1, 20),
    )


@st.composite
def policy_values(draw: st.DrawFn) -> PolicyValue:
    """Estimates of a policy's value with an interval around the value."""
    value = draw(st.floats(-10, 10))
    below, above = draw(st.floats(0, 5)), draw(st.floats(0, 5))
    used = draw(st.integers(2, 10_000))
    return PolicyValue(
        estimator=draw(st.sampled_from(Estimator)),
        value=value,
        low=value - below,
        high=value + above,
        confidence=draw(st.sampled_from((0.8, 0.9, 0.95, 0.99))),
        effective_sample_size=draw(st.floats(1, used)),
        decisions=used,
        skipped=draw(st.integers(0, 100)),
        draws=draw(st.sampled_from((0, 100, 1000))),
    )


def simulated_people() -> st.SearchStrategy[SimulatedPerson]:
    """Simulated people with any profile and planted effects on up to four strategies."""
    return st.builds(
        SimulatedPerson,
        id=slugs(),
        profile=profiles(),
        effects=st.dictionaries(slugs(), st.floats(-MAX_EFFECT, MAX_EFFECT), max_size=4),
        fade=st.floats(0, 1),
        adherence=st.floats(0, 1),
        baseline=st.floats(0, 10),
        noise=st.floats(0, 10),
    )


def _few_strategies() -> Catalog:
    """Six strategies of the built-in catalog for clients, so a drawn simulation stays small."""
    found = [s for s in default_catalog().strategies if Role.CLIENT in s.roles]
    return Catalog(strategies=found[:6])


def simulations() -> st.SearchStrategy[Simulation]:
    """A week of one synthetic person, from six strategies, across a clock change.

    Under the built-in scorer or explorer. Six strategies rather than the whole catalog: a
    simulation's shape does not grow with it, and every check of a drawn value walks each
    decision's candidates.
    """
    catalog = _few_strategies()
    return st.builds(
        lambda seed, explore: simulate(
            synthetic_population(1, catalog, seed=seed),
            None if explore else ScorePolicy(),
            catalog,
            start=dt.date(2026, 3, 23),  # the week London moves its clocks forward
            weeks=1,
            seed=seed,
        ),
        st.integers(0, 2**32),
        st.booleans(),
    )
