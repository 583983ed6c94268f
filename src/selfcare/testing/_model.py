"""Strategies, rituals, catalogs, reflections, profiles, reasons and boundaries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from selfcare._model.boundaries import Boundary
from selfcare._model.catalog import Catalog, Prompt
from selfcare._model.categories import Benefit, Category, Effort, Role
from selfcare._model.profiles import Profile, WorkingHours
from selfcare._model.reasons import Reason, ReasonCode
from selfcare._model.reflections import Journal, Practice, Ratings, Reflection
from selfcare._model.rituals import Anchor, Ritual, RitualStep
from selfcare._model.strategies import Strategy, Unit
from selfcare._time.calendar import TimeOfDay
from selfcare.testing._time import (
    recurrences,
    times_of_day,
    weekday_sets,
    zone_names,
    zoned_datetimes,
)
from selfcare.testing._values import free_text, names, once, slugs, unique_slugs


def strategies(
    *, ids: st.SearchStrategy[str] | None = None, roles: Sequence[Role] | None = None
) -> st.SearchStrategy[Strategy]:
    """Strategies in every category, for one or both roles."""
    role_sets = (
        st.frozensets(st.sampled_from(Role), min_size=1)
        if roles is None
        else st.just(frozenset(roles))
    )
    return st.builds(
        Strategy,
        id=slugs() if ids is None else ids,
        name=names(),
        category=st.sampled_from(Category),
        roles=role_sets,
        minutes=st.integers(1, 1440),
        effort=st.sampled_from(Effort),
        benefits=st.frozensets(st.sampled_from(Benefit)),
        tags=st.frozensets(slugs(2), max_size=4),
        description=free_text(),
    ).flatmap(_measured)


def _measured(strategy: Strategy) -> st.SearchStrategy[Strategy]:
    """The strategy as it is, or measured in a unit with a target."""
    measured = st.builds(
        lambda unit, target: attrs.evolve(strategy, unit=unit, target=target),
        st.sampled_from(Unit),
        st.integers(1, 10_000),
    )
    return st.just(strategy) | measured


def anchors() -> st.SearchStrategy[Anchor]:
    """Anchors of every kind."""
    return st.one_of(
        st.builds(Anchor.at, times_of_day()),
        st.just(Anchor.after_each_session()),
        st.just(Anchor.workday_start()),
        st.just(Anchor.workday_end()),
    )


def ritual_steps(
    strategy_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[RitualStep]:
    """Ritual steps, naming strategies drawn from ``strategy_ids``."""
    return st.builds(
        RitualStep, slugs() if strategy_ids is None else strategy_ids, st.integers(1, 60)
    )


@st.composite
def rituals(draw: st.DrawFn, strategy_ids: Sequence[str] | None = None) -> Ritual:
    """Rituals whose steps name ``strategy_ids`` (any slugs when not given)."""
    pool = strategy_ids if strategy_ids else draw(unique_slugs(1, 5))
    chosen = draw(st.lists(st.sampled_from(list(pool)), min_size=1, max_size=4, unique=True))
    reminders = st.lists(st.integers(0, 7 * 1440), max_size=3, unique=True)
    return Ritual(
        id=draw(slugs()),
        name=draw(names()),
        steps=[RitualStep(sid, draw(st.integers(1, 60))) for sid in chosen],
        anchor=draw(anchors()),
        recurrence=draw(recurrences(with_times=False)),
        roles=draw(st.frozensets(st.sampled_from(Role), min_size=1)),
        description=draw(free_text()),
        done_at_least=draw(st.none() | st.integers(1, len(chosen))),
        reminders=draw(reminders),
    )


def prompts() -> st.SearchStrategy[Prompt]:
    """Reflection prompts."""
    return st.builds(
        Prompt,
        id=slugs(),
        text=names(),
        roles=st.frozensets(st.sampled_from(Role), min_size=1),
        category=st.none() | st.sampled_from(Category),
    )


@st.composite
def catalogs(draw: st.DrawFn, *, max_strategies: int = 12) -> Catalog:
    """Catalogs with unique ids whose rituals reference their own strategies."""
    ids = draw(unique_slugs(1, max_strategies))
    # Strategies are built once and reused: building one per draw costs more than drawing.
    strategy_list = [attrs.evolve(draw(once(strategies)), id=i) for i in ids]
    ritual_ids = draw(unique_slugs(0, 3))
    ritual_of_these = rituals(ids)
    ritual_list = [attrs.evolve(draw(ritual_of_these), id=rid) for rid in ritual_ids]
    prompt_ids = draw(unique_slugs(0, 3))
    prompt_list = [attrs.evolve(draw(once(prompts)), id=pid) for pid in prompt_ids]
    return Catalog(strategies=strategy_list, rituals=ritual_list, prompts=prompt_list)


def practices(strategy_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Practice]:
    """Practices done (with or without minutes, an amount and a note) or skipped."""
    ids = slugs() if strategy_ids is None else strategy_ids
    note = st.none() | free_text()
    return st.one_of(
        st.builds(
            Practice.done,
            ids,
            st.none() | st.integers(1, 240),
            amount=st.none() | st.integers(0, 10_000),
            note=note,
        ),
        st.builds(Practice.skipped, ids, note=note),
    )


def ratings() -> st.SearchStrategy[Ratings]:
    """Mood, energy and stress ratings, each 0–10 or missing."""
    score = st.none() | st.integers(0, 10)
    return st.builds(Ratings, mood=score, energy=score, stress=score)


def journals() -> st.SearchStrategy[Journal]:
    """Journals with any mix of insight, gratitude and note."""
    text = st.none() | free_text()
    return st.builds(Journal, insight=text, gratitude=text, note=text)


@st.composite
def reflections(
    draw: st.DrawFn,
    *,
    at: st.SearchStrategy[Any] | None = None,
    strategy_ids: Sequence[str] | None = None,
) -> Reflection:
    """Reflections, practising strategies from ``strategy_ids`` when given.

    A strategy may be done several times in one reflection; a skipped one appears once.
    """
    pool = st.sampled_from(list(strategy_ids)) if strategy_ids else slugs()
    drawn = draw(st.lists(practices(pool), max_size=4))
    skipped = {p.strategy_id for p in drawn if not p.is_done}
    practised = [p for p in drawn if p.is_done and p.strategy_id not in skipped]
    practised += list({p.strategy_id: p for p in drawn if not p.is_done}.values())
    return Reflection(
        at=draw(zoned_datetimes() if at is None else at),
        author=draw(st.sampled_from(Role)),
        ratings=draw(ratings()),
        self_ratings=draw(st.dictionaries(st.sampled_from(Category), st.integers(1, 5))),
        practised=practised,
        journal=draw(journals()),
        wants_support=draw(st.booleans()),
    )


@st.composite
def working_hours(draw: st.DrawFn) -> WorkingHours:
    """Working hours of at least an hour, on one or more weekdays."""
    start = draw(st.integers(0, 22 * 60))
    end = draw(st.integers(start + 60, 23 * 60 + 59))
    return WorkingHours(
        dt.time(*divmod(start, 60)), dt.time(*divmod(end, 60)), draw(weekday_sets(min_size=1))
    )


@st.composite
def profiles(draw: st.DrawFn, *, role: Role | None = None) -> Profile:
    """Profiles for either role, with budgets from zero to two hours a day."""
    chosen = draw(st.sampled_from(Role)) if role is None else role
    excluded = draw(st.frozensets(st.sampled_from(Category), max_size=3))
    spiritual = Category.SPIRITUAL not in excluded and draw(st.booleans())
    return Profile(
        role=chosen,
        timezone=draw(zone_names()),
        daily_minutes=draw(st.lists(st.integers(0, 120), min_size=7, max_size=7)),
        goals=draw(st.frozensets(st.sampled_from(Benefit), max_size=4)),
        preferred_times=draw(st.frozensets(st.sampled_from(TimeOfDay))),
        excluded_categories=excluded,
        excluded_tags=draw(st.frozensets(slugs(1), max_size=2)),
        values=draw(st.frozensets(slugs(1), max_size=3)),
        spiritual=spiritual,
        working_hours=draw(st.none() | working_hours()),
        fixed_routine=draw(st.booleans()),
    )


def reasons() -> st.SearchStrategy[Reason]:
    """Reasons with a few facts each."""
    fact_names = st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12).filter(
        lambda s: s[0] != "_"
    )
    facts = st.one_of(
        st.integers(-(10**6), 10**6),
        st.floats(-1e6, 1e6, allow_nan=False),
        st.text(max_size=40),
    )
    return st.builds(
        Reason,
        code=st.sampled_from(ReasonCode),
        text=names(),
        facts=st.dictionaries(fact_names, facts, max_size=3),
    )


def boundaries() -> st.SearchStrategy[Boundary]:
    """Boundaries of every kind."""
    description = free_text()
    return st.one_of(
        st.builds(Boundary.no_contact_after, times_of_day(), description),
        st.builds(Boundary.no_contact_on, weekday_sets(min_size=1), description),
        st.builds(Boundary.gap_after_last_session, st.integers(1, 240), description),
        st.builds(Boundary.custom, names()),
    )
