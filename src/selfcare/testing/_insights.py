"""Insights over drawn reflections, the support advisory and recommendations."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence

import attrs
import pendulum
from hypothesis import strategies as st

from selfcare._insights.balance import CategoryBalance, category_balance
from selfcare._insights.effects import Measure, StrategyEffect
from selfcare._insights.habits import HabitStrength, Streak, habit_strength, streak
from selfcare._insights.recommend.recommend import Recommendation, RecommendationList, recommend
from selfcare._insights.recommend.scoring import RecommendWeights
from selfcare._insights.rituals import RitualHabit, ritual_habit
from selfcare._insights.support import DistressRule, MeasureRule, SupportAdvisory, support_advisory
from selfcare._insights.trend import TrendPoint, WellbeingTrend, wellbeing_trend
from selfcare._measures.responses import Response
from selfcare._measures.shipped import WHO_5
from selfcare._measures.trend import measure_trend
from selfcare._model.builtin_catalog import default_catalog
from selfcare._model.categories import Category, Effort, Role
from selfcare._model.reflections import Practice, Reflection
from selfcare._time.calendar import Period
from selfcare._time.zoned import check_zoned
from selfcare.testing._model import practices, profiles, ratings
from selfcare.testing._time import dates, recurrences
from selfcare.testing._values import slugs

IDS = ("short-walk", "one-gratitude", "news-limits")


MONDAY = dt.date(2026, 1, 5)


def _practised(drawn: list[Practice]) -> list[Practice]:
    """The practices as one reflection may hold them: a skipped strategy once, nothing else."""
    skipped = {p.strategy_id for p in drawn if not p.is_done}
    kept = [p for p in drawn if p.is_done and p.strategy_id not in skipped]
    return kept + list({p.strategy_id: p for p in drawn if not p.is_done}.values())


def history(ids: Sequence[str] = IDS) -> st.SearchStrategy[list[Reflection]]:
    """Up to six quick reflections within six weeks, practising a few built-in strategies.

    A strategy may be done several times in one reflection. Journal text is left out: the
    insights never read it, and drawing it is slow.
    """
    base = check_zoned("at", dt.datetime(2026, 1, 5, 12, tzinfo=zoneinfo.ZoneInfo("Europe/London")))
    reflection = st.builds(
        Reflection,
        at=st.integers(0, 42 * 24 * 60).map(lambda minutes: base.add(minutes=minutes)),
        author=st.sampled_from(Role),
        ratings=ratings(),
        self_ratings=st.dictionaries(st.sampled_from(Category), st.integers(1, 5), max_size=2),
        practised=st.lists(practices(st.sampled_from(list(ids))), max_size=3).map(_practised),
        wants_support=st.booleans(),
    )
    return st.lists(reflection, max_size=6)


def habit_strengths() -> st.SearchStrategy[HabitStrength]:
    """Habit strengths computed from drawn reflections, for daily and weekly targets."""
    return st.builds(
        lambda history, target: habit_strength(history, "short-walk", target=target),
        history(),
        st.none() | recurrences(with_times=False),
    )


#: The built-in rituals whose habits are drawn, and every strategy their steps may use.
RITUALS = ("daily-reflection", "transition-between-sessions")
RITUAL_IDS = tuple(
    sorted(
        {
            sid
            for ritual in RITUALS
            for step in default_catalog().ritual(ritual).steps
            for sid in (step.strategy_id, *step.alternatives)
        }
    )
)


@st.composite
def ritual_habits(draw: st.DrawFn) -> RitualHabit:
    """Ritual habits of built-in rituals over drawn reflections, with or without a pause."""
    ritual = default_catalog().ritual(draw(st.sampled_from(RITUALS)))
    needed = draw(st.none() | st.integers(1, len(ritual.steps)))
    first = draw(st.integers(0, 41))
    pause = Period(
        MONDAY + dt.timedelta(first), MONDAY + dt.timedelta(first + draw(st.integers(0, 13)))
    )
    return ritual_habit(
        draw(history(RITUAL_IDS)),
        attrs.evolve(ritual, done_at_least=needed),
        target=draw(st.none() | recurrences(with_times=False)),
        pauses=draw(st.sampled_from([(), (pause,)])),
    )


def streaks() -> st.SearchStrategy[Streak]:
    """Streaks computed from drawn reflections."""
    return st.builds(lambda history: streak(history, "short-walk"), history())


def category_balances() -> st.SearchStrategy[CategoryBalance]:
    """Category balances of drawn reflections over windows of 1 to 28 days."""
    return st.builds(
        lambda history, days: category_balance(history, days=days),
        history(),
        st.integers(1, 28),
    )


def strategy_effects() -> st.SearchStrategy[StrategyEffect]:
    """Strategy effects with at least three days on each side."""
    mean = st.floats(0, 10, allow_nan=False)
    return st.builds(
        StrategyEffect,
        slugs(),
        st.sampled_from(Measure),
        st.integers(3, 365),
        st.integers(3, 365),
        mean,
        mean,
    )


def trend_points() -> st.SearchStrategy[TrendPoint]:
    """Points of a wellbeing trend, with ratings from 0 to 10 or missing."""
    mean = st.none() | st.floats(0, 10, allow_nan=False)
    return st.builds(TrendPoint, dates(), mean, mean, mean)


def wellbeing_trends() -> st.SearchStrategy[WellbeingTrend]:
    """Wellbeing trends of drawn reflections over windows of 1 to 14 days."""
    return st.builds(
        lambda history, window: wellbeing_trend(history, window_days=window),
        history(),
        st.integers(1, 14),
    )


@st.composite
def measure_rules(draw: st.DrawFn) -> MeasureRule:
    """Rules for when an instrument's score advises support, either way round."""
    limit = st.none() | st.floats(-100, 100).map(lambda x: round(x, 1))
    return MeasureRule(
        instrument=draw(st.sampled_from(["who-5", "proqol-5"]) | slugs()),
        scale=draw(st.sampled_from(["percentage", "burnout"]) | slugs()),
        at_most=draw(limit),
        drop=draw(st.none() | st.floats(0.5, 50).map(lambda x: round(x, 1))),
        within_days=draw(st.integers(1, 366)),
        higher_is_better=draw(st.booleans()),
    )


@st.composite
def distress_rules(draw: st.DrawFn) -> DistressRule:
    """Distress rules with windows of 1 to 14 days."""
    window = draw(st.integers(1, 14))
    return DistressRule(
        max_mood=draw(st.integers(0, 10)),
        min_days=draw(st.integers(1, window)),
        window_days=window,
        min_stress=draw(st.none() | st.integers(0, 10)),
        max_effort=draw(st.sampled_from(Effort)),
    )


@st.composite
def support_advisories(draw: st.DrawFn) -> SupportAdvisory:
    """Support advisories of drawn reflections and WHO-5 scores, advised or not."""
    at = pendulum.datetime(2026, 2, 14, 20, tz="Europe/London")
    values = st.integers(0, 5)
    who5 = [
        Response("who-5", at.subtract(days=days), {i.id: draw(values) for i in WHO_5.items})
        for days in draw(st.lists(st.integers(0, 30), max_size=3, unique=True))
    ]
    return support_advisory(
        draw(history()),
        at=at,
        rule=draw(distress_rules()),
        role=draw(st.sampled_from(Role)),
        measures=[measure_trend(who5, WHO_5)] if who5 else [],
        measure_rule=draw(st.none() | measure_rules()),
    )


@st.composite
def recommend_weights(draw: st.DrawFn) -> RecommendWeights:
    """Score weights from 0 to 100, at least one of them above 0."""
    weight = st.floats(0, 100, allow_nan=False)
    parts = {name: draw(weight) for name in ("neglected", "effect", "momentum", "fits_time")}
    parts |= {name: draw(weight) for name in ("time_of_day", "variety", "values")}
    goal = draw(weight if any(parts.values()) else st.floats(0.001, 100))
    return RecommendWeights(goal=goal, diversity=draw(st.floats(0, 1)), **parts)


def recommendation_lists() -> st.SearchStrategy[RecommendationList]:
    """Recommendations for drawn profiles from the built-in catalog, exploring or not.

    Some of those not exploring carry their decision record (``log=True``); an explorer's
    exact offer probabilities would cost more than the rest of a draw.
    """
    return st.builds(
        lambda profile, history, k, seed, explore, log: recommend(
            profile,
            history=history,
            at=pendulum.datetime(2026, 2, 14, 18, tz="Europe/London"),
            k=k,
            seed=seed,
            explore=explore,
            log=log and not explore,
        ),
        profiles(),
        history(),
        st.integers(1, 8),
        st.integers(0, 2**32),
        st.booleans(),
        st.booleans(),
    )


def recommendations() -> st.SearchStrategy[Recommendation]:
    """Single recommendations, drawn from the lists :func:`recommendation_lists` builds."""
    return (
        recommendation_lists()
        .filter(lambda found: len(found) > 0)
        .flatmap(lambda found: st.sampled_from(found.items))
    )
