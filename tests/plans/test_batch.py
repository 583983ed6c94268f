"""Specification of the batch functions: the single call's result for each person, lazily."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Benefit,
    Catalog,
    Category,
    InfeasiblePlanError,
    Journal,
    Practice,
    Profile,
    Ratings,
    Reflection,
    Role,
    ValidationError,
    default_catalog,
    generate_plan,
    generate_plan_for_each,
    recommend,
    recommend_for_each,
)
from selfcare.testing import catalogs, profiles, reflections, zoned_datetimes
from tests.rejection import check_rejected

ZONE = "Europe/London"
START = dt.date(2026, 1, 5)  # a Monday
AT = pendulum.datetime(2026, 2, 16, 18, tz=ZONE)
SECRET = "my secret worry about work"
CLIENT = Profile(role=Role.CLIENT, timezone=ZONE, daily_minutes=30, goals={Benefit.RESILIENCE})
THERAPIST = Profile(role=Role.THERAPIST, timezone="America/New_York", daily_minutes=45)
IDS = [s.id for s in default_catalog().strategies[:12]]


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to check it is rejected."""
    return value


def one_by_one(single: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
    """Call ``single`` for each item until one fails; the results, then the error's type."""
    results: list[Any] = []
    for item in items:
        try:
            results.append(single(item))
        except (ValidationError, InfeasiblePlanError) as err:
            return [*results, type(err)]
    return results


def batched(batch: Iterator[Any]) -> list[Any]:
    """The batch's results until it fails; the results, then the error's type."""
    results: list[Any] = []
    try:
        results.extend(batch)
    except (ValidationError, InfeasiblePlanError) as err:
        return [*results, type(err)]
    return results


class Untouched:
    """An input that fails the test if anything reads it."""

    def __iter__(self) -> Iterator[Profile]:
        raise AssertionError("the input was read")


def endless(counter: list[int]) -> Iterator[Profile]:
    """Profiles without end, counting how many were read."""
    for minutes in itertools.cycle(range(10, 90, 5)):
        counter.append(minutes)
        yield Profile(role=Role.CLIENT, timezone=ZONE, daily_minutes=minutes)


history = st.lists(reflections(strategy_ids=IDS), max_size=6)


@given(
    st.lists(
        st.one_of(profiles(), st.tuples(profiles(), st.none() | history)),
        max_size=3,
    ),
    st.none() | catalogs(),
    st.integers(1, 8),
    st.integers(0, 2**32),
)
def test_generate_plan_for_each_gives_each_persons_own_plan(
    people: list[Any], catalog: Catalog | None, weeks: int, seed: int
) -> None:
    """Plan i is generate_plan for person i; a failure comes at the same person."""

    def single(item: Any) -> Any:
        profile, assessment = item if isinstance(item, tuple) else (item, None)
        return generate_plan(
            profile, catalog, start=START, weeks=weeks, seed=seed, assessment=assessment
        )

    expected = one_by_one(single, people)
    assert expected == batched(
        generate_plan_for_each(people, catalog, start=START, weeks=weeks, seed=seed)
    )


@given(
    st.lists(st.one_of(profiles(), st.tuples(profiles(), history)), max_size=4),
    st.none() | catalogs(),
    zoned_datetimes(),
    st.integers(1, 12),
    st.integers(0, 2**32),
    st.booleans(),
)
def test_recommend_for_each_gives_each_persons_own_recommendations(
    people: list[Any], catalog: Catalog | None, at: Any, k: int, seed: int, explore: bool
) -> None:
    """Result i is recommend for person i with the same arguments."""

    def single(item: Any) -> Any:
        profile, past = item if isinstance(item, tuple) else (item, ())
        return recommend(profile, catalog, history=past, at=at, k=k, seed=seed, explore=explore)

    expected = one_by_one(single, people)
    assert expected == batched(
        recommend_for_each(people, catalog, at=at, k=k, seed=seed, explore=explore)
    )


def test_generate_plan_for_each_reads_only_what_is_taken() -> None:
    """Taking 3 plans from an endless input reads 3 profiles and builds 3 plans."""
    read: list[int] = []
    plans = list(itertools.islice(generate_plan_for_each(endless(read), start=START), 3))
    assert [10, 15, 20] == read
    assert [
        generate_plan(Profile(role=Role.CLIENT, timezone=ZONE, daily_minutes=m), start=START)
        for m in read
    ] == plans


def test_recommend_for_each_reads_only_what_is_taken() -> None:
    """Taking 3 results from an endless input reads 3 people."""
    read: list[int] = []
    results = list(itertools.islice(recommend_for_each(endless(read), at=AT), 3))
    assert 3 == len(read) == len(results)


def test_histories_are_read_one_person_at_a_time() -> None:
    """Each person's history may itself be a generator; it is read when their turn comes."""
    opened: list[int] = []

    def past(n: int) -> Iterator[Reflection]:
        opened.append(n)
        yield Reflection(at=AT.subtract(days=1), author=Role.CLIENT, ratings=Ratings(6))

    results = recommend_for_each(((CLIENT, past(n)) for n in itertools.count()), at=AT)
    next(results)
    assert [0] == opened
    next(results)
    assert [0, 1] == opened


def test_an_empty_batch_gives_nothing() -> None:
    """No people, no results, and no error."""
    assert [] == list(recommend_for_each([], at=AT))
    assert [] == list(generate_plan_for_each((), start=START))


def test_the_default_catalog_is_the_built_in_one() -> None:
    """Without a catalog, results are those of the built-in catalog."""
    assert list(recommend_for_each([CLIENT], at=AT)) == [
        recommend(CLIENT, default_catalog(), at=AT)
    ]


@pytest.mark.parametrize(
    ("call", "field", "expected"),
    [
        (
            lambda people: recommend_for_each(people, at=wrong(dt.datetime(2026, 1, 5))),
            "at",
            "zone",
        ),
        (lambda people: recommend_for_each(people, at=AT, k=0), "k", "from 1 to 1000"),
        (lambda people: recommend_for_each(people, at=AT, seed=wrong("1")), "seed", "integer"),
        (lambda people: recommend_for_each(people, at=AT, explore=wrong(1)), "explore", "True"),
        (lambda people: recommend_for_each(people, wrong([]), at=AT), "catalog", "Catalog"),
        (lambda people: recommend_for_each(people, at=AT, weights=wrong({})), "weights", "Rec"),
        (lambda people: recommend_for_each(people, at=AT, rule=wrong(3)), "rule", "DistressRule"),
        (lambda people: generate_plan_for_each(people, start=wrong(AT)), "start", "date"),
        (lambda people: generate_plan_for_each(people, start=START, weeks=521), "weeks", "520"),
        (
            lambda people: generate_plan_for_each(people, start=START, seed=wrong(1.5)),
            "seed",
            "integer",
        ),
        (
            lambda people: generate_plan_for_each(people, wrong("x"), start=START),
            "catalog",
            "Catalog",
        ),
        (
            lambda people: generate_plan_for_each(people, start=START, include_rituals=wrong(None)),
            "include_rituals",
            "True",
        ),
    ],
)
def test_bad_shared_arguments_fail_before_any_person_is_read(
    call: Callable[[Iterable[Profile]], object], field: str, expected: str
) -> None:
    """A bad shared argument fails on the call itself, naming it, and reads no input."""
    check_rejected(lambda: call(Untouched()), field, expected)


@pytest.mark.parametrize(
    "people",
    [
        CLIENT,
        (CLIENT, []),
        (CLIENT, ()),
        (CLIENT, None),
        wrong(SECRET),
        wrong(3),
        wrong({CLIENT: []}),
    ],
    ids=["profile", "pair", "pair-empty-tuple", "pair-none", "text", "int", "mapping"],
)
def test_people_must_be_an_iterable_of_people(people: Any) -> None:
    """One person, or something not a collection, is rejected up front without echoing it."""
    with pytest.raises(ValidationError) as caught:
        recommend_for_each(people, at=AT)
    assert "people" == caught.value.problems[0][0]
    with pytest.raises(ValidationError) as again:
        generate_plan_for_each(people, start=START)
    assert "people" == again.value.problems[0][0]
    assert SECRET not in str(caught.value) + str(again.value)


def test_an_invalid_person_stops_the_batch_at_their_index() -> None:
    """Results before a bad person are given; the error names the person's position."""
    results = recommend_for_each([CLIENT, THERAPIST, wrong(SECRET), CLIENT], at=AT)
    assert 2 == len(list(itertools.islice(results, 2)))
    with pytest.raises(ValidationError) as caught:
        next(results)
    assert (
        (
            "people[2]",
            "expected a Profile or a (profile, history) pair, got a string of "
            f"{len(SECRET)} characters",
        ),
    ) == caught.value.problems
    assert [] == list(results)


def test_a_bad_history_is_named_by_person_and_position() -> None:
    """A history holding something else is reported at people[i].history[j], not echoed."""
    good = Reflection(at=AT.subtract(days=1), author=Role.CLIENT, journal=Journal(note=SECRET))
    people = [(CLIENT, [good]), (THERAPIST, [good, wrong(SECRET)])]
    with pytest.raises(ValidationError) as caught:
        list(recommend_for_each(people, at=AT))
    assert "people[1].history[1]" == caught.value.problems[0][0]
    assert SECRET not in str(caught.value)


def test_a_person_whose_plan_cannot_fit_is_named_by_position() -> None:
    """An infeasible plan keeps its constraint and says which person it was."""
    idle = Profile(role=Role.CLIENT, timezone=ZONE, daily_minutes=0)
    plans = generate_plan_for_each([CLIENT, idle], start=START)
    next(plans)
    with pytest.raises(InfeasiblePlanError) as caught:
        next(plans)
    assert "daily_minutes" == caught.value.constraint
    assert str(caught.value).endswith("(in people[1])")


def test_a_bad_assessment_is_named_by_person() -> None:
    """An assessment out of range is reported under the person it came with."""
    people = [(CLIENT, {Category.PHYSICAL: 2}), (CLIENT, {Category.PHYSICAL: 9})]
    with pytest.raises(ValidationError) as caught:
        list(generate_plan_for_each(people, start=START))
    assert "people[1].assessment[physical]" == caught.value.problems[0][0]


def test_a_pair_must_hold_a_profile_first() -> None:
    """A pair the wrong way round, or a list instead of a pair, is rejected at its index."""
    for item in [([], CLIENT), [CLIENT, []], (CLIENT, [], 1)]:
        with pytest.raises(ValidationError) as caught:
            list(recommend_for_each([CLIENT, wrong(item)], at=AT))
        assert "people[1]" == caught.value.problems[0][0]


def test_practised_strategies_the_catalog_lacks_are_treated_as_single_calls_treat_them() -> None:
    """History naming strategies outside the catalog gives what recommend gives."""
    past = [
        Reflection(
            at=AT.subtract(days=d),
            author=Role.CLIENT,
            ratings=Ratings(3 + d % 5),
            practised=[Practice.done("not-in-catalog")],
        )
        for d in range(1, 10)
    ]
    assert [recommend(CLIENT, history=past, at=AT)] == list(
        recommend_for_each([(CLIENT, past)], at=AT)
    )
