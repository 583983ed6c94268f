"""Specification of the library's reasons: one set of facts per code, whoever gives it."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from selfcare import (
    Benefit,
    Category,
    InfeasiblePlanError,
    Measure,
    Profile,
    Reason,
    ReasonCode,
    Reflection,
    Role,
    StrategyEffect,
    TimeOfDay,
    Weekday,
    category_balance,
    default_catalog,
    generate_plan,
    recommend,
    review_plan,
    support_advisory,
)
from selfcare._insights import reasons as explain
from selfcare._model.reasons import FACTS
from selfcare.testing import practices, profiles, ratings
from tests import ROOT

CATALOG = default_catalog()
START = dt.date(2026, 1, 5)
AT = pendulum.datetime(2026, 2, 1, 19, tz="Europe/London")


def check_schema(reasons: list[Reason]) -> None:
    """Each reason carries exactly its code's facts, in the documented order."""
    for reason in reasons:
        assert reason.code.facts == tuple(reason.facts), reason.code


def history() -> st.SearchStrategy[list[Reflection]]:
    """Four weeks of reflections practising built-in strategies, with self-ratings."""
    ids = st.sampled_from(sorted(s.id for s in CATALOG.strategies))
    day = st.builds(
        Reflection,
        at=st.integers(0, 27).map(lambda n: AT.subtract(days=n)),
        author=st.just(Role.CLIENT),
        ratings=ratings(),
        self_ratings=st.dictionaries(st.sampled_from(Category), st.integers(1, 5), max_size=3),
        practised=st.lists(practices(ids), max_size=4, unique_by=lambda p: p.strategy_id),
    )
    return st.lists(day, max_size=28)


def test_every_code_has_a_schema() -> None:
    """Every ReasonCode lists its facts."""
    assert set(ReasonCode) == set(FACTS)


def test_every_builder_gives_its_codes_facts() -> None:
    """Each builder of the library's reasons gives exactly the facts of its code."""
    strategy = CATALOG.strategy("short-walk")
    effect = StrategyEffect("short-walk", Measure.MOOD, 9, 5, 6.5, 5.0)
    balance = category_balance([], at=AT)
    advisory = support_advisory([], at=AT)
    built = [
        explain.goal([Benefit.RESILIENCE]),
        explain.neglected_category(balance, Category.PHYSICAL),
        explain.low_self_rating(Category.PHYSICAL, 1.5),
        explain.category_balance(Category.PHYSICAL),
        explain.fits_time(strategy, 10, 20),
        explain.fits_time(strategy, 10, 20, [Weekday.MONDAY]),
        explain.preferred_time(TimeOfDay.MORNING),
        explain.preferred_time(TimeOfDay.MORNING, dt.time(7, 30)),
        explain.matches_value(["nature"]),
        explain.ramp_up(2),
        explain.helped_before(effect, strategy.name),
        explain.went_with_worse(effect, strategy.name),
        explain.not_done(6, None),
        explain.not_done(6, strategy),
        explain.kept_up(6, 5),
        explain.habit_momentum(0.42, 3),
        explain.variety(3),
        explain.exploration(0, 0.3),
        explain.support(advisory, Role.CLIENT),
    ]
    check_schema(built)
    assert set(ReasonCode) - {ReasonCode.ADDED_BY_PERSON} == {r.code for r in built}


@given(profiles(), st.dictionaries(st.sampled_from(Category), st.integers(1, 5)), st.integers(0, 9))
def test_plan_reasons_follow_the_schema(
    profile: Profile, assessment: dict[Category, int], seed: int
) -> None:
    """Every reason of a generated plan carries its code's facts."""
    try:
        plan = generate_plan(profile, start=START, seed=seed, assessment=assessment)
    except InfeasiblePlanError:
        assume(False)
    check_schema([r for item in plan.items for r in item.reasons])


@given(profiles(), history(), st.booleans(), st.integers(0, 9))
def test_recommendation_reasons_follow_the_schema(
    profile: Profile, past: list[Reflection], explore: bool, seed: int
) -> None:
    """Every reason of a recommendation carries its code's facts, exploring or not."""
    found = recommend(profile, history=past, at=AT, k=8, explore=explore, seed=seed)
    check_schema([r for rec in found for r in rec.reasons])


@given(profiles(), history())
def test_review_reasons_follow_the_schema(profile: Profile, past: list[Reflection]) -> None:
    """Every reason of a review's suggestions carries its code's facts."""
    try:
        plan = generate_plan(profile, start=AT.date() - dt.timedelta(days=28), weeks=6)
    except InfeasiblePlanError:
        assume(False)
    review = review_plan(plan, past, at=AT)
    check_schema([r for suggestion in review.suggestions for r in suggestion.reasons])


@pytest.mark.parametrize("code", list(ReasonCode))
def test_codes_are_documented_with_their_facts(code: ReasonCode) -> None:
    """The reference page lists every code with exactly its facts."""
    page = (ROOT / "docs" / "reference" / "reasons.md").read_text("utf-8")
    row = next(line for line in page.splitlines() if line.startswith(f"| `{code.value}` "))
    listed = [cell.strip("` ") for cell in row.split("|")[3].split(",") if cell.strip()]
    assert list(code.facts) == listed
