"""Hypothesis strategies that build valid values of every public ``selfcare`` type.

Install the ``testing`` extra (``pip install selfcare[testing]``) to use them. They are
registered with hypothesis through its entry point, so ``st.from_type(selfcare.Plan)``
works as soon as hypothesis is imported.

Example:
    >>> from hypothesis import given
    >>> from selfcare.testing import reflections
    >>> @given(reflections())
    ... def test_mood_in_range(reflection):
    ...     assert reflection.mood is None or 0 <= reflection.mood <= 10
    >>> test_mood_in_range()
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from selfcare._boundaries import Boundary
from selfcare._calendar import Period, TimeOfDay, Weekday
from selfcare._catalog import Catalog, Prompt
from selfcare._categories import Benefit, Category, Effort, Role
from selfcare._hypothesis_plugin import _hypothesis_setup_hook
from selfcare._plans import Contributor, Plan, PlanItem, PlanStatus, Revision
from selfcare._profiles import Profile, WorkingHours
from selfcare._reasons import Reason, ReasonCode
from selfcare._recurrence import Recurrence
from selfcare._revisions import ItemChange, PlanChanges, compare
from selfcare._reflections import Journal, Practice, Ratings, Reflection
from selfcare._rituals import Anchor, Ritual, RitualStep
from selfcare._strategies import Strategy
from selfcare._zoned import check_zoned

__all__ = [
    "anchors",
    "boundaries",
    "catalogs",
    "contributors",
    "dates",
    "item_changes",
    "journals",
    "periods",
    "plan_changes",
    "plan_items",
    "plans",
    "practices",
    "profiles",
    "prompts",
    "ratings",
    "reasons",
    "recurrences",
    "reflections",
    "register_type_strategies",
    "revisions",
    "ritual_steps",
    "rituals",
    "slugs",
    "strategies",
    "times_of_day",
    "working_hours",
    "zone_names",
    "zoned_datetimes",
]

#: Zones with interesting rules: DST both ways, half-hour shifts, a skipped day, none.
ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Lord_Howe",
    "Australia/Adelaide",
    "Pacific/Apia",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Africa/Casablanca",
)

_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_MIN_DATE = dt.date(1971, 1, 1)
_MAX_DATE = dt.date(2037, 12, 31)


def slugs(max_parts: int = 3) -> st.SearchStrategy[str]:
    """Lowercase slugs such as ``"short-walk"``."""
    part = st.text(_ALNUM, min_size=1, max_size=8)
    return st.lists(part, min_size=1, max_size=max_parts).map("-".join)


def _unique_slugs(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(slugs(), min_size=min_size, max_size=max_size, unique=True)


def _text(max_size: int = 200) -> st.SearchStrategy[str]:
    return st.text(max_size=max_size)


def _name() -> st.SearchStrategy[str]:
    return st.text(min_size=1, max_size=60).filter(lambda s: bool(s.strip()))


def zone_names() -> st.SearchStrategy[str]:
    """IANA zone names, weighted toward zones with unusual rules."""
    return st.sampled_from(ZONES)


def dates() -> st.SearchStrategy[dt.date]:
    """Calendar dates from 1971 to 2037."""
    return st.dates(_MIN_DATE, _MAX_DATE)


def times_of_day() -> st.SearchStrategy[dt.time]:
    """Wall-clock times in whole seconds, mostly on the minute."""
    seconds = st.one_of(st.just(0), st.integers(0, 59))
    return st.builds(dt.time, st.integers(0, 23), st.integers(0, 59), seconds)


def zoned_datetimes(zones: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Any]:
    """Zoned pendulum ``DateTime`` values in canonical form, including ambiguous times."""
    zones = zone_names() if zones is None else zones
    return st.builds(
        lambda local, zone, fold: check_zoned(
            "at", local.replace(tzinfo=zoneinfo.ZoneInfo(zone), fold=fold)
        ),
        st.datetimes(dt.datetime(1971, 1, 1), dt.datetime(2037, 12, 31)).map(
            lambda d: d.replace(microsecond=0)
        ),
        zones,
        st.integers(0, 1),
    )


def periods() -> st.SearchStrategy[Period]:
    """Periods of one day to two years."""
    return st.builds(
        lambda first, days: Period(first, first + dt.timedelta(days=days)),
        dates(),
        st.integers(0, 730),
    ).filter(lambda p: p.last <= _MAX_DATE)


def _weekdays(min_size: int = 0) -> st.SearchStrategy[frozenset[Weekday]]:
    return st.frozensets(st.sampled_from(Weekday), min_size=min_size)


def _times(max_size: int = 3) -> st.SearchStrategy[list[dt.time]]:
    return st.lists(times_of_day(), max_size=max_size, unique=True)


@st.composite
def recurrences(draw: st.DrawFn, *, with_times: bool = True) -> Recurrence:
    """Recurrences of every frequency, with and without times, start, until and count."""
    at = draw(_times()) if with_times else []
    start = draw(st.none() | dates())
    end = draw(st.sampled_from(["none", "until", "count"]))
    until = count = None
    if end == "until":
        low = start or _MIN_DATE
        until = draw(st.dates(low, _MAX_DATE))
    elif end == "count":
        count = draw(st.integers(1, 10_000))
    skipped = draw(st.frozensets(dates(), max_size=3))
    kind = draw(st.sampled_from(["daily", "every", "weekly", "per-week"]))
    if kind == "daily":
        rule = Recurrence.daily(at, start=start, until=until, count=count)
    elif kind == "every":
        n = draw(st.integers(1, 366))
        rule = Recurrence.every_n_days(n, at, start=start, until=until, count=count)
    elif kind == "weekly":
        days = draw(_weekdays(min_size=1))
        every = draw(st.integers(1, 52))
        rule = Recurrence.weekly(days, at, every_weeks=every, start=start, until=until, count=count)
    else:
        n = draw(st.integers(1, 7))
        rule = Recurrence.times_per_week(n, at, start=start, until=until, count=count)
    return rule.with_skipped(*skipped)


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
        name=_name(),
        category=st.sampled_from(Category),
        roles=role_sets,
        minutes=st.integers(1, 1440),
        effort=st.sampled_from(Effort),
        benefits=st.frozensets(st.sampled_from(Benefit)),
        tags=st.frozensets(slugs(2), max_size=4),
        description=_text(),
    )


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
    pool = strategy_ids if strategy_ids else draw(_unique_slugs(1, 5))
    chosen = draw(st.lists(st.sampled_from(list(pool)), min_size=1, max_size=4, unique=True))
    return Ritual(
        id=draw(slugs()),
        name=draw(_name()),
        steps=[RitualStep(sid, draw(st.integers(1, 60))) for sid in chosen],
        anchor=draw(anchors()),
        recurrence=draw(recurrences(with_times=False)),
        roles=draw(st.frozensets(st.sampled_from(Role), min_size=1)),
        description=draw(_text()),
    )


def prompts() -> st.SearchStrategy[Prompt]:
    """Reflection prompts."""
    return st.builds(
        Prompt,
        id=slugs(),
        text=_name(),
        roles=st.frozensets(st.sampled_from(Role), min_size=1),
        category=st.none() | st.sampled_from(Category),
    )


@st.composite
def catalogs(draw: st.DrawFn, *, max_strategies: int = 12) -> Catalog:
    """Catalogs with unique ids whose rituals reference their own strategies."""
    ids = draw(_unique_slugs(1, max_strategies))
    strategy_list = [draw(strategies(ids=st.just(i))) for i in ids]
    ritual_ids = draw(_unique_slugs(0, 3))
    ritual_list = [attrs.evolve(draw(rituals(ids)), id=rid) for rid in ritual_ids]
    prompt_ids = draw(_unique_slugs(0, 3))
    prompt_list = [attrs.evolve(draw(prompts()), id=pid) for pid in prompt_ids]
    return Catalog(strategies=strategy_list, rituals=ritual_list, prompts=prompt_list)


def practices(strategy_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Practice]:
    """Practices done (with or without minutes) or skipped."""
    ids = slugs() if strategy_ids is None else strategy_ids
    return st.one_of(
        st.builds(Practice.done, ids, st.none() | st.integers(1, 240)),
        st.builds(Practice.skipped, ids),
    )


def ratings() -> st.SearchStrategy[Ratings]:
    """Mood, energy and stress ratings, each 0–10 or missing."""
    score = st.none() | st.integers(0, 10)
    return st.builds(Ratings, mood=score, energy=score, stress=score)


def journals() -> st.SearchStrategy[Journal]:
    """Journals with any mix of insight, gratitude and note."""
    text = st.none() | _text()
    return st.builds(Journal, insight=text, gratitude=text, note=text)


@st.composite
def reflections(
    draw: st.DrawFn,
    *,
    at: st.SearchStrategy[Any] | None = None,
    strategy_ids: Sequence[str] | None = None,
) -> Reflection:
    """Reflections, practising strategies from ``strategy_ids`` when given."""
    pool = st.sampled_from(list(strategy_ids)) if strategy_ids else slugs()
    practised = draw(st.lists(practices(pool), max_size=4, unique_by=lambda p: p.strategy_id))
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
        dt.time(*divmod(start, 60)), dt.time(*divmod(end, 60)), draw(_weekdays(min_size=1))
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
        text=_name(),
        facts=st.dictionaries(fact_names, facts, max_size=3),
    )


def boundaries() -> st.SearchStrategy[Boundary]:
    """Boundaries of every kind."""
    description = _text()
    return st.one_of(
        st.builds(Boundary.no_contact_after, times_of_day(), description),
        st.builds(Boundary.no_contact_on, _weekdays(min_size=1), description),
        st.builds(Boundary.gap_after_last_session, st.integers(1, 240), description),
        st.builds(Boundary.custom, _name()),
    )


def plan_items(strategy_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[PlanItem]:
    """Plan items with reasons and pauses."""
    return st.builds(
        PlanItem,
        strategy_id=slugs() if strategy_ids is None else strategy_ids,
        recurrence=recurrences(),
        minutes=st.integers(1, 180),
        reasons=st.lists(reasons(), max_size=3),
        pauses=st.lists(periods(), max_size=2),
    )


def contributors() -> st.SearchStrategy[Contributor]:
    """Contributors in either role."""
    return st.builds(Contributor, slugs(), st.sampled_from(Role))


@st.composite
def _contents(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(_unique_slugs(0, 5))
    return {
        "items": [draw(plan_items(st.just(i))) for i in ids],
        "rituals": [attrs.evolve(draw(rituals()), id=rid) for rid in draw(_unique_slugs(0, 2))],
        "boundaries": draw(st.lists(boundaries(), max_size=2)),
        "goals": draw(st.frozensets(st.sampled_from(Benefit), max_size=3)),
    }


@st.composite
def revisions(draw: st.DrawFn, *, number: int = 1, by: str | None = None) -> Revision:
    """A revision with a snapshot of the plan's earlier content."""
    return Revision(
        number=number,
        at=draw(zoned_datetimes()),
        by=draw(slugs()) if by is None else by,
        reason=draw(_text()),
        **draw(_contents()),
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """Plans with items, rituals, boundaries, contributors and ordered revisions."""
    people = draw(st.lists(contributors(), max_size=3, unique_by=lambda c: c.id))
    history: list[Revision] = []
    if people:
        count = draw(st.integers(0, 3))
        for number in range(1, count + 1):
            history.append(draw(revisions(number=number, by=draw(st.sampled_from(people)).id)))
        history.sort(key=lambda r: r.at)
        history = [attrs.evolve(r, number=n) for n, r in enumerate(history, start=1)]
    return Plan(
        id=draw(slugs()),
        role=draw(st.sampled_from(Role)),
        timezone=draw(zone_names()),
        period=draw(periods()),
        status=draw(st.sampled_from(PlanStatus)),
        contributors=people,
        revisions=history,
        **draw(_contents()),
    )


@st.composite
def plan_changes(draw: st.DrawFn) -> PlanChanges:
    """What changed since an earlier version of a generated-looking plan."""
    plan = draw(plans())
    return compare(plan, draw(st.integers(1, plan.version)))


@st.composite
def item_changes(draw: st.DrawFn) -> ItemChange:
    """A change of one kind to one plan item."""
    before = draw(plan_items())
    kind = draw(st.sampled_from(["recurrence", "minutes", "reasons", "pauses"]))
    after = draw(plan_items(st.just(before.strategy_id)))
    return ItemChange(before.strategy_id, kind, before, after)


def register_type_strategies() -> None:
    """Register a strategy for every public type, so ``st.from_type`` builds valid values.

    Hypothesis does this through its entry point; call it yourself only when plugins are
    disabled (``HYPOTHESIS_NO_PLUGINS``).
    """
    _hypothesis_setup_hook()
