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
import functools
import zoneinfo
from collections.abc import Sequence
from typing import Any

import attrs
import pendulum
from hypothesis import assume
from hypothesis import strategies as st

from selfcare._hypothesis_plugin import _hypothesis_setup_hook
from selfcare._insights.balance import CategoryBalance, category_balance
from selfcare._insights.effects import Measure, StrategyEffect
from selfcare._insights.habits import HabitStrength, Streak, habit_strength, streak
from selfcare._insights.recommend.recommend import Recommendation, Recommendations, recommend
from selfcare._insights.recommend.scoring import RecommendWeights
from selfcare._insights.support import DistressRule, SupportAdvisory, support_advisory
from selfcare._insights.trend import TrendPoint, WellbeingTrend, wellbeing_trend
from selfcare._model.boundaries import Boundary
from selfcare._model.catalog import Catalog, Prompt
from selfcare._model.categories import Benefit, Category, Effort, Role
from selfcare._model.profiles import Profile, WorkingHours
from selfcare._model.reasons import Reason, ReasonCode
from selfcare._model.reflections import Journal, Practice, Ratings, Reflection
from selfcare._model.rituals import Anchor, Ritual, RitualStep
from selfcare._model.strategies import Strategy
from selfcare._plans.adherence import ItemAdherence, PlanAdherence, plan_adherence
from selfcare._plans.plan import Contributor, Plan, PlanItem, PlanStatus, Revision
from selfcare._plans.review import ItemReview, PlanReview, Suggestion, SuggestionKind, review_plan
from selfcare._plans.revisions import ItemChange, PlanChanges, compare
from selfcare._time.calendar import Period, TimeOfDay, Weekday
from selfcare._time.recurrence import Recurrence
from selfcare._time.timeline import day_bounds
from selfcare._time.zoned import check_zoned
from selfcare._workday.contacts import BoundaryViolation, ContactEvent, ContactKind
from selfcare._workday.day import Block, Workday, WorkdayWarning, WorkdayWarningCode, WorkFigures
from selfcare._workday.planner import plan_workday
from selfcare._workday.rules import NotesPer, WorkdayRules
from selfcare._workday.sessions import Session
from selfcare._workday.week import Workweek, plan_workweek

__all__ = [
    "anchors",
    "blocks",
    "boundaries",
    "boundary_violations",
    "catalogs",
    "category_balances",
    "contact_events",
    "contributors",
    "dates",
    "day_sessions",
    "distress_rules",
    "habit_strengths",
    "item_adherences",
    "item_changes",
    "item_reviews",
    "journals",
    "periods",
    "plan_adherences",
    "plan_changes",
    "plan_items",
    "plan_reviews",
    "plans",
    "practices",
    "profiles",
    "prompts",
    "ratings",
    "reasons",
    "recommend_weights",
    "recommendation_lists",
    "recommendations",
    "recurrences",
    "reflections",
    "register_type_strategies",
    "revisions",
    "ritual_steps",
    "rituals",
    "sessions",
    "slugs",
    "strategies",
    "strategy_effect_values",
    "streaks",
    "suggestions",
    "support_advisories",
    "times_of_day",
    "trend_points",
    "wellbeing_trends",
    "work_figures",
    "workday_rules",
    "workday_warnings",
    "workdays",
    "working_hours",
    "workweeks",
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
    # Strategies are built once and reused: building one per draw costs more than drawing.
    strategy_list = [attrs.evolve(draw(_CACHE.strategy), id=i) for i in ids]
    ritual_ids = draw(_unique_slugs(0, 3))
    ritual_of_these = rituals(ids)
    ritual_list = [attrs.evolve(draw(ritual_of_these), id=rid) for rid in ritual_ids]
    prompt_ids = draw(_unique_slugs(0, 3))
    prompt_list = [attrs.evolve(draw(_CACHE.prompt), id=pid) for pid in prompt_ids]
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
        "items": [attrs.evolve(draw(_CACHE.plan_item), strategy_id=i) for i in ids],
        "rituals": [attrs.evolve(draw(_CACHE.ritual), id=rid) for rid in draw(_unique_slugs(0, 2))],
        "boundaries": draw(_CACHE.boundary_lists),
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
            by = draw(st.sampled_from(people)).id
            history.append(attrs.evolve(draw(_CACHE.revision), number=number, by=by))
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
    before = draw(_CACHE.plan_item)
    kind = draw(st.sampled_from(["recurrence", "minutes", "reasons", "pauses"]))
    after = attrs.evolve(draw(_CACHE.plan_item), strategy_id=before.strategy_id)
    return ItemChange(before.strategy_id, kind, before, after)


def _on_the_minute(zones: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Any]:
    return zoned_datetimes(zones).map(lambda d: check_zoned("start", d.replace(second=0)))


def sessions(zones: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Session]:
    """Client sessions of 1 minute to 3 hours, in any zone, some with an opaque ref."""
    return st.builds(Session, _on_the_minute(zones), st.integers(1, 180), st.none() | slugs())


def _clock(minutes: int) -> dt.time:
    return dt.time(*divmod(minutes, 60))


@st.composite
def workday_rules(draw: st.DrawFn) -> WorkdayRules:
    """Workday rules with a lunch window that fits the working hours."""
    hours = draw(working_hours())
    start = hours.start.hour * 60 + hours.start.minute
    end = hours.end.hour * 60 + hours.end.minute
    lunch_start = draw(st.integers(start, end - 1))
    lunch_end = draw(st.integers(lunch_start + 1, end))
    return WorkdayRules(
        hours=hours,
        transition_minutes=draw(st.integers(0, 20)),
        min_gap=draw(st.integers(1, 20)),
        notes_minutes=draw(st.integers(0, 30)),
        notes_per=draw(st.sampled_from(NotesPer)),
        lunch_start=_clock(lunch_start),
        lunch_end=_clock(lunch_end),
        lunch_minutes=draw(st.integers(0, min(lunch_end - lunch_start, 90))),
        decompression_minutes=draw(st.integers(0, 30)),
        max_in_row=draw(st.integers(1, 8)),
        min_break_minutes=draw(st.integers(1, 30)),
    )


@st.composite
def day_sessions(
    draw: st.DrawFn, tz: str, day: dt.date, *, max_sessions: int = 10
) -> list[Session]:
    """Sessions that do not overlap, all on ``day`` in ``tz`` (given in any zone, any order)."""
    first, last = day_bounds(day, tz)
    cursor = first + draw(st.integers(0, 18 * 60))
    found = []
    for _ in range(draw(st.integers(0, max_sessions))):
        cursor += draw(st.sampled_from([0, 10, 15, 60]) | st.integers(0, 240))
        length = draw(st.sampled_from([50, 60]) | st.integers(1, 120))
        if cursor + length > last:
            break
        zone = draw(st.sampled_from([tz, *ZONES]))
        start = dt.datetime.fromtimestamp(cursor * 60, zoneinfo.ZoneInfo(zone))
        found.append(Session(start, length, draw(st.none() | slugs())))
        cursor += length
    return draw(st.permutations(found))


def _planned_day(draw: st.DrawFn) -> tuple[str, dt.date]:
    tz = draw(zone_names())
    day = draw(dates())
    first, last = day_bounds(day, tz)
    assume(last > first)  # Pacific/Apia skipped 30 December 2011
    return tz, day


@st.composite
def workdays(draw: st.DrawFn) -> Workday:
    """Planned days, from plan_workday with drawn rules and sessions, DST days included."""
    tz, day = _planned_day(draw)
    rules = draw(workday_rules())
    return plan_workday(draw(day_sessions(tz, day)), rules=rules, tz=tz, day=day)


@st.composite
def workweeks(draw: st.DrawFn) -> Workweek:
    """Planned weeks, from plan_workweek with a few sessions on each day."""
    tz, start = _planned_day(draw)
    assume(start <= dt.date(2037, 12, 20))
    days = [start + dt.timedelta(days=n) for n in range(7)]
    for day in days:
        first, last = day_bounds(day, tz)
        assume(last > first)
    by_day = {day: draw(day_sessions(tz, day, max_sessions=3)) for day in days}
    return plan_workweek(by_day, rules=draw(workday_rules()), tz=tz, start=start, weeks=1)


def blocks() -> st.SearchStrategy[Block]:
    """Blocks of planned days, of every kind."""
    return workdays().filter(lambda d: bool(d.blocks)).flatmap(lambda d: st.sampled_from(d.blocks))


def work_figures() -> st.SearchStrategy[WorkFigures]:
    """The figures of planned days and weeks."""
    return workdays().map(lambda d: d.figures) | workweeks().map(lambda w: w.figures)


def _facts() -> st.SearchStrategy[dict[str, Any]]:
    names = st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12).filter(
        lambda s: s[0] != "_"
    )
    values = st.one_of(
        st.integers(-(10**6), 10**6),
        st.floats(-1e6, 1e6, allow_nan=False),
        st.text(max_size=40),
    )
    return st.dictionaries(names, values, max_size=3)


def workday_warnings() -> st.SearchStrategy[WorkdayWarning]:
    """Warnings about a day or a week, with a few facts."""
    return st.builds(WorkdayWarning, st.sampled_from(WorkdayWarningCode), _name(), _facts())


def contact_events() -> st.SearchStrategy[ContactEvent]:
    """Client contact of every kind, as a moment or with a length, some with a ref."""
    return st.builds(
        ContactEvent,
        st.sampled_from(ContactKind),
        zoned_datetimes(),
        st.none() | st.integers(1, 240),
        st.none() | slugs(),
    )


def boundary_violations() -> st.SearchStrategy[BoundaryViolation]:
    """Violations pairing any boundary with any contact."""
    return st.builds(BoundaryViolation, boundaries(), contact_events(), _name(), _facts())


# Insights and recommendations.


_IDS = ("short-walk", "one-gratitude", "news-limits")
_MONDAY = dt.date(2026, 1, 5)


def _history() -> st.SearchStrategy[list[Reflection]]:
    """Up to six quick reflections within six weeks, practising a few built-in strategies.

    Journal text is left out: the insights never read it, and drawing it is slow.
    """
    base = check_zoned("at", dt.datetime(2026, 1, 5, 12, tzinfo=zoneinfo.ZoneInfo("Europe/London")))
    reflection = st.builds(
        Reflection,
        at=st.integers(0, 42 * 24 * 60).map(lambda minutes: base.add(minutes=minutes)),
        author=st.sampled_from(Role),
        ratings=ratings(),
        self_ratings=st.dictionaries(st.sampled_from(Category), st.integers(1, 5), max_size=2),
        practised=st.lists(
            practices(st.sampled_from(_IDS)), max_size=3, unique_by=lambda p: p.strategy_id
        ),
        wants_support=st.booleans(),
    )
    return st.lists(reflection, max_size=6)


def habit_strengths() -> st.SearchStrategy[HabitStrength]:
    """Habit strengths computed from drawn reflections, for daily and weekly targets."""
    return st.builds(
        lambda history, target: habit_strength(history, "short-walk", target=target),
        _history(),
        st.none() | recurrences(with_times=False),
    )


def streaks() -> st.SearchStrategy[Streak]:
    """Streaks computed from drawn reflections."""
    return st.builds(lambda history: streak(history, "short-walk"), _history())


def category_balances() -> st.SearchStrategy[CategoryBalance]:
    """Category balances of drawn reflections over windows of 1 to 28 days."""
    return st.builds(
        lambda history, days: category_balance(history, days=days),
        _history(),
        st.integers(1, 28),
    )


def strategy_effect_values() -> st.SearchStrategy[StrategyEffect]:
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
        lambda history, window: wellbeing_trend(history, window=window),
        _history(),
        st.integers(1, 14),
    )


@st.composite
def item_adherences(draw: st.DrawFn) -> ItemAdherence:
    """Adherence of one item: done and skipped never exceed what was planned."""
    planned = draw(st.integers(0, 400))
    skipped = draw(st.integers(0, planned))
    done = draw(st.integers(0, planned - skipped))
    return ItemAdherence(draw(slugs()), planned, skipped, done)


def plan_adherences() -> st.SearchStrategy[PlanAdherence]:
    """Adherence to small drawn plans, over the weeks of the drawn reflections."""
    item = st.builds(
        PlanItem,
        strategy_id=st.sampled_from(_IDS),
        recurrence=recurrences(with_times=False),
        minutes=st.integers(1, 60),
        pauses=st.lists(
            st.builds(
                lambda first, days: Period(first, first + dt.timedelta(days=days)),
                st.dates(_MONDAY, _MONDAY + dt.timedelta(days=42)),
                st.integers(0, 6),
            ),
            max_size=1,
        ),
    )
    plan = st.builds(
        Plan,
        id=slugs(),
        role=st.sampled_from(Role),
        timezone=st.just("Europe/London"),
        period=st.builds(
            Period.weeks_from,
            st.dates(_MONDAY - dt.timedelta(days=14), _MONDAY + dt.timedelta(days=28)),
            st.integers(1, 8),
        ),
        items=st.lists(item, max_size=3, unique_by=lambda i: i.strategy_id),
    )
    return st.builds(plan_adherence, plan, _history())


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


def support_advisories() -> st.SearchStrategy[SupportAdvisory]:
    """Support advisories of drawn reflections, advised or not."""
    return st.builds(
        lambda history, rule, role: support_advisory(
            history, at=pendulum.datetime(2026, 2, 14, 20, tz="Europe/London"), rule=rule, role=role
        ),
        _history(),
        distress_rules(),
        st.sampled_from(Role),
    )


@st.composite
def recommend_weights(draw: st.DrawFn) -> RecommendWeights:
    """Score weights from 0 to 100, at least one of them above 0."""
    weight = st.floats(0, 100, allow_nan=False)
    parts = {name: draw(weight) for name in ("neglected", "effect", "momentum", "fits_time")}
    parts |= {name: draw(weight) for name in ("time_of_day", "variety", "values")}
    goal = draw(weight if any(parts.values()) else st.floats(0.001, 100))
    return RecommendWeights(goal=goal, diversity=draw(st.floats(0, 1)), **parts)


def recommendation_lists() -> st.SearchStrategy[Recommendations]:
    """Recommendations for drawn profiles from the built-in catalog, exploring or not."""
    return st.builds(
        lambda profile, history, k, seed, explore: recommend(
            profile,
            history=history,
            at=pendulum.datetime(2026, 2, 14, 18, tz="Europe/London"),
            k=k,
            seed=seed,
            explore=explore,
        ),
        profiles(),
        _history(),
        st.integers(1, 8),
        st.integers(0, 2**32),
        st.booleans(),
    )


def recommendations() -> st.SearchStrategy[Recommendation]:
    """Single recommendations, drawn from the lists :func:`recommendation_lists` builds."""
    return (
        recommendation_lists()
        .filter(lambda found: len(found) > 0)
        .flatmap(lambda found: st.sampled_from(found.items))
    )


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
                _IDS,
                draw(st.lists(recurrences(with_times=False), min_size=3, max_size=3)),
                strict=True,
            )
        ],
    )
    at = check_zoned("at", dt.datetime(2026, 1, 5, 22, tzinfo=zoneinfo.ZoneInfo("Europe/London")))
    return review_plan(plan, draw(_history()), at=at.add(days=draw(st.integers(0, 41))))


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


class _Cache:
    """Strategies built once, on first use, for the composites to reuse.

    Hypothesis validates each new strategy object, which costs more than drawing from it.
    """

    @functools.cached_property
    def strategy(self) -> st.SearchStrategy[Strategy]:
        return strategies()

    @functools.cached_property
    def prompt(self) -> st.SearchStrategy[Prompt]:
        return prompts()

    @functools.cached_property
    def plan_item(self) -> st.SearchStrategy[PlanItem]:
        return plan_items()

    @functools.cached_property
    def ritual(self) -> st.SearchStrategy[Ritual]:
        return rituals()

    @functools.cached_property
    def revision(self) -> st.SearchStrategy[Revision]:
        return revisions()

    @functools.cached_property
    def boundary_lists(self) -> st.SearchStrategy[list[Boundary]]:
        return st.lists(boundaries(), max_size=2)


_CACHE = _Cache()


def register_type_strategies() -> None:
    """Register a strategy for every public type, so ``st.from_type`` builds valid values.

    Hypothesis does this through its entry point; call it yourself only when plugins are
    disabled (``HYPOTHESIS_NO_PLUGINS``).
    """
    _hypothesis_setup_hook()
