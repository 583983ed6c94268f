"""Specification of the library's reasons: one set of facts per code, whoever gives it."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import re

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
    StrainLevel,
    StrainSign,
    StrainSignal,
    StrategyEffect,
    TimeOfDay,
    Weekday,
    WorkloadStrain,
    category_balance,
    default_catalog,
    generate_plan,
    recommend,
    review_plan,
    support_advisory,
)
from selfcare._insights import reasons as explain
from selfcare._insights.effects import display_name
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
    signal = StrainSignal(StrainSign.MISSED_LUNCH, "no lunch", {"days": 6, "working_days": 20})
    strain = WorkloadStrain(StrainLevel.RAISED, [signal], 20, "a sign of strain")
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
        explain.core_practice(CATALOG.strategy("peer-supervision")),
        explain.less_often(CATALOG.strategy("daily-routine"), 3),
        explain.alternates(CATALOG.strategy("daily-movement")),
        explain.helped_before(effect, strategy.name),
        explain.went_with_worse(effect, strategy.name),
        explain.not_done(6, None),
        explain.not_done(6, strategy),
        explain.kept_up(6, 5),
        explain.habit_momentum(0.42, 3),
        explain.variety(3),
        explain.exploration(0, 0.3),
        explain.support(advisory, Role.CLIENT),
        explain.workload_strain(strain),
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


# Written English


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Short walk", "short walk"),
        ("A steady daily routine", "a steady daily routine"),
        ("Self-compassion and kind self-talk", "self-compassion and kind self-talk"),
        ("One insight from today", "one insight from today"),
        ("ADHD-friendly planning", "ADHD-friendly planning"),
        ("CBT worksheet", "CBT worksheet"),
        ("I-statements", "I-statements"),
        ("I notice, I name", "I notice, I name"),
        ("McKenzie exercises", "McKenzie exercises"),
        ("walk", "walk"),
    ],
)
def test_names_inside_sentences_start_in_lower_case(name: str, expected: str) -> None:
    """A name in a sentence loses its capital, unless it is an acronym, a name or "I"."""
    assert expected == display_name(name)


#: Every name of the built-in catalog that a sentence must not show with its capital.
CAPITALISED = sorted(
    {
        name
        for name in (*(s.name for s in CATALOG.strategies), *(r.name for r in CATALOG.rituals))
        if display_name(name) != name
    }
)
DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)


def check_written(reasons: list[Reason]) -> None:
    """Each text starts in lower case, names no catalog entry with a capital, doubles no word."""
    for reason in reasons:
        text = reason.text
        assert text[:1] == text[:1].lower(), text
        assert [] == [name for name in CAPITALISED if name in text], text
        assert DOUBLED.search(text) is None, text


def test_every_builder_writes_english() -> None:
    """The builders' own texts, with catalog names in them, read as written English."""
    strategy = CATALOG.strategy("one-gratitude")
    effect = StrategyEffect("one-gratitude", Measure.MOOD, 9, 5, 6.5, 5.0)
    check_written(
        [
            explain.helped_before(effect, strategy.name),
            explain.went_with_worse(effect, strategy.name),
            explain.not_done(6, CATALOG.strategy("short-walk")),
            explain.fits_time(strategy, 2, 20, [Weekday.MONDAY, Weekday.FRIDAY]),
            explain.habit_momentum(0.5, 4),
        ]
    )


@given(profiles(), history(), st.integers(0, 9))
def test_reasons_read_as_written_english(
    profile: Profile, past: list[Reflection], seed: int
) -> None:
    """Plans, recommendations and reviews give reasons with no mid-sentence capital or repeat."""
    found = recommend(profile, history=past, at=AT, k=8, seed=seed, explore=True)
    reasons = [r for rec in found for r in rec.reasons]
    try:
        plan = generate_plan(profile, start=AT.date() - dt.timedelta(days=28), weeks=6, seed=seed)
    except InfeasiblePlanError:
        plan = None
    if plan is not None:
        reasons += [r for item in plan.items for r in item.reasons]
        review = review_plan(plan, past, at=AT)
        reasons += [r for suggestion in review.suggestions for r in suggestion.reasons]
    check_written(reasons)
