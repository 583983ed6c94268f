"""Plans, their items, revisions and changes, adherence and reviews."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import attrs
from hypothesis import strategies as st

from selfcare._model.boundaries import Boundary
from selfcare._model.builtin_catalog import default_catalog
from selfcare._model.categories import Benefit, Role
from selfcare._model.pauses import Pause, PauseKind
from selfcare._model.rituals import Ritual
from selfcare._plans.adherence import (
    ItemAdherence,
    PlanAdherence,
    RitualAdherence,
    plan_adherence,
)
from selfcare._plans.plan import (
    Contributor,
    Plan,
    PlanItem,
    PlanStatus,
    Revision,
)
from selfcare._plans.review import ItemReview, PlanReview, Suggestion, SuggestionKind, review_plan
from selfcare._plans.revisions import ItemChange, PlanChanges, compare
from selfcare._time.calendar import Period
from selfcare._time.zoned import check_zoned
from selfcare.testing._insights import IDS, MONDAY, history
from selfcare.testing._model import boundaries, reasons, rituals
from selfcare.testing._time import periods, recurrences, zone_names, zoned_datetimes
from selfcare.testing._values import free_text, once, slugs, unique_slugs


def plan_items(strategy_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[PlanItem]:
    """Plan items with reasons, pauses and reminders."""
    return st.builds(
        PlanItem,
        strategy_id=slugs() if strategy_ids is None else strategy_ids,
        recurrence=recurrences(),
        minutes=st.integers(0, 180),
        reasons=st.lists(reasons(), max_size=3),
        pauses=st.lists(periods(), max_size=2),
        reminders=st.lists(st.integers(0, 7 * 1440), max_size=3, unique=True),
    )


def pauses() -> st.SearchStrategy[Pause]:
    """Pauses of a whole plan, of every kind."""
    return st.builds(Pause, periods(), st.sampled_from(PauseKind))


@st.composite
def pause_lists(draw: st.DrawFn, within: Period | None = None) -> list[Pause]:
    """Up to two pauses that do not overlap, inside ``within`` when given."""
    periods_drawn = draw(st.lists(periods(), max_size=2))
    found: list[Pause] = []
    for period in periods_drawn:
        if within is not None:
            first, last = max(period.first, within.first), min(period.last, within.last)
            if first > last:
                continue
            period = Period(first, last)
        if all(p.period.last < period.first or period.last < p.period.first for p in found):
            found.append(Pause(period, draw(st.sampled_from(PauseKind))))
    return found


def contributors() -> st.SearchStrategy[Contributor]:
    """Contributors in either role."""
    return st.builds(Contributor, slugs(), st.sampled_from(Role))


def boundary_lists() -> st.SearchStrategy[list[Boundary]]:
    """Up to two boundaries."""
    return st.lists(boundaries(), max_size=2)


@st.composite
def contents(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(unique_slugs(0, 5))
    return {
        "items": [attrs.evolve(draw(once(plan_items)), strategy_id=i) for i in ids],
        "rituals": [attrs.evolve(draw(once(rituals)), id=rid) for rid in draw(unique_slugs(0, 2))],
        "boundaries": draw(once(boundary_lists)),
        "goals": draw(st.frozensets(st.sampled_from(Benefit), max_size=3)),
        "pauses": draw(pause_lists()),
    }


@st.composite
def revisions(draw: st.DrawFn, *, number: int = 1, by: str | None = None) -> Revision:
    """A revision with a snapshot of the plan's earlier content."""
    return Revision(
        number=number,
        at=draw(zoned_datetimes()),
        by=draw(slugs()) if by is None else by,
        reason=draw(free_text()),
        **draw(contents()),
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """Plans with items, rituals, boundaries, contributors and ordered revisions."""
    people = draw(st.lists(contributors(), max_size=3, unique_by=lambda c: c.id))
    history: list[Revision] = []
    if people:
        count = draw(st.integers(0, 3))
        for number in range(1, count + 1):
            by = draw(st.sampled_from(people)).id
            history.append(attrs.evolve(draw(once(revisions)), number=number, by=by))
        history.sort(key=lambda r: r.at)
        history = [attrs.evolve(r, number=n) for n, r in enumerate(history, start=1)]
    period = draw(periods())
    return Plan(
        id=draw(slugs()),
        role=draw(st.sampled_from(Role)),
        timezone=draw(zone_names()),
        period=period,
        status=draw(st.sampled_from(PlanStatus)),
        contributors=people,
        revisions=history,
        **(draw(contents()) | {"pauses": draw(pause_lists(period))}),
    )


@st.composite
def plan_changes(draw: st.DrawFn) -> PlanChanges:
    """What changed since an earlier version of a generated-looking plan."""
    plan = draw(plans())
    return compare(plan, draw(st.integers(1, plan.version)))


@st.composite
def item_changes(draw: st.DrawFn) -> ItemChange:
    """A change of one kind to one plan item."""
    before = draw(once(plan_items))
    kind = draw(st.sampled_from(["recurrence", "minutes", "reasons", "pauses", "reminders"]))
    after = attrs.evolve(draw(once(plan_items)), strategy_id=before.strategy_id)
    return ItemChange(before.strategy_id, kind, before, after)


@st.composite
def item_adherences(draw: st.DrawFn) -> ItemAdherence:
    """Adherence of one item: done and skipped never exceed what was planned."""
    planned = draw(st.integers(0, 400))
    skipped = draw(st.integers(0, planned))
    done = draw(st.integers(0, planned - skipped))
    return ItemAdherence(draw(slugs()), planned, skipped, done)


@st.composite
def ritual_adherences(draw: st.DrawFn) -> RitualAdherence:
    """Adherence of one ritual: days skipped, partly and done never exceed those planned."""
    planned = draw(st.integers(0, 400))
    skipped = draw(st.integers(0, planned))
    partly = draw(st.integers(0, planned - skipped))
    done = draw(st.integers(0, planned - skipped - partly))
    return RitualAdherence(draw(slugs()), planned, skipped, partly, done)


def id_of(ritual: Ritual) -> str:
    return ritual.id


@st.composite
def plan_adherences(draw: st.DrawFn) -> PlanAdherence:
    """Adherence to small drawn plans, over the weeks of the drawn reflections.

    The plans may rest (plan-wide pauses) and hold built-in rituals with any done rule.
    """
    item = st.builds(
        PlanItem,
        strategy_id=st.sampled_from(IDS),
        recurrence=recurrences(with_times=False),
        minutes=st.integers(1, 60),
        pauses=st.lists(
            st.builds(
                lambda first, days: Period(first, first + dt.timedelta(days=days)),
                st.dates(MONDAY, MONDAY + dt.timedelta(days=42)),
                st.integers(0, 6),
            ),
            max_size=1,
        ),
    )
    period = draw(
        st.builds(
            Period.weeks_from,
            st.dates(MONDAY - dt.timedelta(days=14), MONDAY + dt.timedelta(days=28)),
            st.integers(1, 8),
        )
    )
    chosen = []
    built_in = st.lists(st.sampled_from(default_catalog().rituals), max_size=2, unique_by=id_of)
    for ritual in draw(built_in):
        needed = draw(st.none() | st.integers(1, len(ritual.steps)))
        rule = draw(st.just(ritual.recurrence) | recurrences(with_times=False))
        chosen.append(attrs.evolve(ritual, done_at_least=needed, recurrence=rule))
    plan = Plan(
        id=draw(slugs()),
        role=draw(st.sampled_from(Role)),
        timezone="Europe/London",
        period=period,
        items=draw(st.lists(item, max_size=3, unique_by=lambda i: i.strategy_id)),
        rituals=chosen,
        pauses=draw(pause_lists(period)),
    )
    return plan_adherence(plan, draw(history()))


@st.composite
def plan_reviews(draw: st.DrawFn) -> PlanReview:
    """Reviews of a small plan of built-in strategies against drawn reflections."""
    first = dt.date(2026, 1, 5)
    plan = Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone="Europe/London",
        period=Period.weeks_from(first, 6),
        items=[
            PlanItem(sid, recurrence, 10)
            for sid, recurrence in zip(
                IDS,
                draw(st.lists(recurrences(with_times=False), min_size=3, max_size=3)),
                strict=True,
            )
        ],
    )
    at = check_zoned("at", dt.datetime(2026, 1, 5, 22, tzinfo=zoneinfo.ZoneInfo("Europe/London")))
    return review_plan(plan, draw(history()), at=at.add(days=draw(st.integers(0, 41))))


def item_reviews() -> st.SearchStrategy[ItemReview]:
    """The per-item part of drawn plan reviews."""
    return plan_reviews().map(lambda review: review.items[0])


def suggestions() -> st.SearchStrategy[Suggestion]:
    """Suggestions of every kind, with reasons."""
    return st.builds(
        Suggestion,
        kind=st.sampled_from(SuggestionKind),
        strategy_id=slugs(),
        replacement=st.none() | slugs(),
        reasons=st.lists(reasons(), min_size=1, max_size=2).map(tuple),
    )
