"""Batches: plans and recommendations for many people, one at a time, in constant memory.

:func:`generate_plan_for_each` and :func:`recommend_for_each` take any iterable of people (a list, a
generator reading rows from a database, an endless stream) and return an iterator that
builds each result only when it is asked for. Neither holds more than one person and one
result at a time, so memory stays flat however long the batch.

Each result is exactly what the single call (:func:`~selfcare.generate_plan`,
:func:`~selfcare.recommend`) gives for that person with the same arguments. What every
person shares is checked and resolved once, when the batch function is called, before
any result is built: a bad ``at``, ``k``, ``start`` or catalog fails straight away. The
catalog, the default one included, is shared, so what it derives (e.g. its layout for
ranking) is built once for the whole batch.

**One bad person stops the batch.** A person who is not valid (not a :class:`Profile`,
a history holding something other than reflections, a plan that cannot fit) raises when
the iterator reaches them, and the iterator ends there; the results already taken stand.
The error names the person by their position in the input, e.g.
``people[41].history[2]: expected a Reflection, got a str`` or, for a plan that cannot
fit, an :class:`~selfcare.errors.InfeasiblePlanError` with the same ``constraint`` and
``(in people[41])`` after its message. Like every error here, it never quotes anything
a person wrote. To go on past bad inputs, check them before the batch or run it in
chunks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from selfcare._core import checks as check
from selfcare._core.errors import InfeasiblePlanError, ValidationError
from selfcare._insights.days import check_history
from selfcare._insights.recommend.recommend import RecommendationList, Shared, recommend_with
from selfcare._insights.recommend.recommend import shared_arguments as recommend_arguments
from selfcare._insights.recommend.scoring import RecommendWeights
from selfcare._insights.support import DistressRule
from selfcare._model.catalog import Catalog
from selfcare._model.profiles import Profile
from selfcare._model.reflections import Reflection
from selfcare._plans.generate import Assessment, generate_plan
from selfcare._plans.generate import shared_arguments as plan_arguments
from selfcare._plans.plan import Plan

__all__ = ["Person", "PlanRequest", "generate_plan_for_each", "recommend_for_each"]

#: One person for :func:`recommend_for_each`: a profile, or a ``(profile, history)`` pair.
Person = Profile | tuple[Profile, Iterable[Reflection]]
#: One person for :func:`generate_plan_for_each`: a profile, or a ``(profile, assessment)`` pair.
PlanRequest = Profile | tuple[Profile, Assessment | None]


def generate_plan_for_each(
    people: Iterable[PlanRequest],
    catalog: Catalog | None = None,
    *,
    start: dt.date,
    weeks: int = 4,
    seed: int = 0,
    include_rituals: bool = True,
) -> Iterator[Plan]:
    """Generate a draft plan for each person, lazily, in the order given.

    Each plan is the one :func:`~selfcare.generate_plan` gives for that person with the
    same arguments. See the module notes for what happens when one person is not valid.

    Args:
        people: the people, each a :class:`Profile` or a ``(profile, assessment)`` pair
            (the ``assessment`` of :func:`~selfcare.generate_plan`: ratings by category, or
            reflections). Any iterable, read one person at a time.
        catalog: where strategies and rituals come from; the built-in catalog by default.
        start: the first day of every plan.
        weeks: how many weeks each plan covers, 1 to 520.
        seed: varies plans among equally sound choices; the same for every person.
        include_rituals: include the catalog's rituals for each person's role.

    Returns:
        An iterator of draft plans, one per person.

    Raises:
        ValidationError: a shared argument is not valid (raised by this call, before any
            plan is built), or, while iterating, a person is not valid.
        InfeasiblePlanError: while iterating, no plan fits a person.

    Example:
        >>> people = [Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=m)
        ...           for m in (15, 30, 45)]
        >>> plans = generate_plan_for_each(people, start=datetime.date(2026, 11, 30), seed=1)
        >>> [len(plan.items) > 0 for plan in plans]
        [True, True, True]
    """
    _check_people("people", people, "(profile, assessment)")
    catalog, first = plan_arguments(catalog, start, weeks, seed, include_rituals)
    return _plans(people, catalog, first, weeks, seed, include_rituals)


def _plans(
    people: Iterable[PlanRequest],
    catalog: Catalog,
    start: dt.date,
    weeks: int,
    seed: int,
    include_rituals: bool,
) -> Iterator[Plan]:
    for index, item in enumerate(people):
        where = f"people[{index}]"
        profile, assessment = _split(where, item, "(profile, assessment)")
        try:
            plan = generate_plan(
                profile,
                catalog,
                start=start,
                weeks=weeks,
                seed=seed,
                assessment=assessment,
                include_rituals=include_rituals,
            )
        except ValidationError as err:
            raise _located(where, err) from err
        except InfeasiblePlanError as err:
            raise InfeasiblePlanError(err.constraint, f"{err.message} (in {where})") from err
        yield plan  # outside the try: an error thrown into the generator is not relabelled


def recommend_for_each(
    people: Iterable[Person],
    catalog: Catalog | None = None,
    *,
    at: dt.datetime,
    k: int = 5,
    seed: int = 0,
    explore: bool = False,
    weights: RecommendWeights | None = None,
    rule: DistressRule | None = None,
) -> Iterator[RecommendationList]:
    """Recommend strategies for each person at the same instant, lazily, in the order given.

    Each result is the one :func:`~selfcare.recommend` gives for that person with the same
    arguments; each person's today and time of day are taken in their own zone. See the
    module notes for what happens when one person is not valid.

    Args:
        people: the people, each a :class:`Profile` (no history) or a
            ``(profile, history)`` pair, the history being that person's reflections in
            any order. Any iterable, read one person at a time.
        catalog: the strategies to choose from (default: :func:`default_catalog`).
        at: now, as a zoned instant.
        k: how many strategies to recommend to each person, from 1 to 1000.
        seed: the seed for exploration's random draws, the same for every person; with
            ``explore=True`` everyone's draws are then alike, as separate calls with one
            seed would be.
        explore: whether to sample each strategy's effect (Thompson sampling).
        weights: how much each component counts (default: :class:`RecommendWeights` ()).
        rule: when recent reflections count as sustained distress (default:
            :class:`DistressRule` ()).

    Returns:
        An iterator of recommendations, one per person.

    Raises:
        ValidationError: a shared argument is not valid (raised by this call, before any
            recommendation is made), or, while iterating, a person is not valid.

    Example:
        >>> at = pendulum.datetime(2026, 1, 5, 19, tz="Europe/London")
        >>> walked = Reflection(at=at.subtract(days=1), author=Role.CLIENT,
        ...                     practised=[Practice.done("short-walk")])
        >>> people = [
        ...     Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=20),
        ...     (Profile(role=Role.THERAPIST, timezone="UTC", daily_minutes=30), [walked]),
        ... ]
        >>> [len(recs) for recs in recommend_for_each(people, at=at, k=3)]
        [3, 3]
    """
    _check_people("people", people, "(profile, history)")
    shared = recommend_arguments(catalog, at, k, seed, explore, weights, rule)
    return _recommendations(people, shared, k, seed if explore else None)


def _recommendations(
    people: Iterable[Person], shared: Shared, k: int, seed: int | None
) -> Iterator[RecommendationList]:
    for index, item in enumerate(people):
        where = f"people[{index}]"
        profile, history = _split(where, item, "(profile, history)")
        try:
            result = recommend_with(
                profile, check_history(() if history is None else history), shared, k, seed
            )
        except ValidationError as err:
            raise _located(where, err) from err
        yield result


def _check_people(field: str, value: object, pair: str) -> None:
    """Require an iterable of people, and catch one person passed where many are expected."""
    if isinstance(value, Profile) or (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], Profile)
        and not _is_person(value[1])
    ):
        raise check.fail(
            field, f"expected an iterable of people, got one; wrap it in a list: [{pair}]"
        )
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise check.fail(
            field, f"expected an iterable of Profile values or {pair} pairs, {check.got(value)}"
        )


def _is_person(value: object) -> bool:
    """Whether a value is a person: a Profile, or a pair starting with one."""
    return isinstance(value, Profile) or (
        isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Profile)
    )


def _split(where: str, item: object, pair: str) -> tuple[Profile, Any]:
    """The profile of one person and what comes with it (``None`` for a bare profile)."""
    if isinstance(item, Profile):
        return item, None
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Profile):
        return item[0], item[1]
    raise check.fail(where, f"expected a Profile or a {pair} pair, {check.got(item)}")


def _located(where: str, err: ValidationError) -> ValidationError:
    """The same problems, each placed under the person it was found in."""
    return ValidationError(
        (where if path == "profile" else f"{where}.{path}", message)
        for path, message in err.problems
    )
