"""Flat records for tables and plots: plans, days, reflections and insights as rows.

:func:`to_records` turns a value the library computed into a list of flat dicts, which
``pandas.DataFrame(records)``, polars or a plotting library takes directly, without this
library depending on any of them. :func:`occurrence_records` expands a plan into one row
per planned occurrence, which needs a window and so is a function of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from selfcare._core import checks as check
from selfcare._core.errors import TooManyOccurrencesError
from selfcare._insights.balance import CategoryBalance
from selfcare._insights.effects import StrategyEffect
from selfcare._insights.habits import HabitStrength, Streak
from selfcare._insights.recommend.decisions import Decision
from selfcare._insights.recommend.features import FeatureRow
from selfcare._insights.recommend.recommend import RecommendationList
from selfcare._insights.rituals import RitualHabit
from selfcare._insights.trend import WellbeingTrend
from selfcare._io.rows.cells import Record, Value, plain_date, plain_time
from selfcare._io.rows.decisions import decision_rows, feature_rows
from selfcare._io.rows.insights import (
    adherence_rows,
    balance_rows,
    effect_rows,
    habit_rows,
    recommendation_rows,
    review_rows,
    ritual_habit_rows,
    streak_rows,
    trend_rows,
)
from selfcare._io.rows.plans import instant_rows, plan_rows
from selfcare._io.rows.reflections import reflection_rows
from selfcare._io.rows.workdays import workday_rows, workweek_rows
from selfcare._model.reflections import Reflection
from selfcare._model.rituals import AnchorKind
from selfcare._plans.adherence import PlanAdherence
from selfcare._plans.plan import Plan
from selfcare._plans.review import PlanReview
from selfcare._time.calendar import Weekday
from selfcare._time.occurrences import window
from selfcare._time.offsets import Offsets
from selfcare._time.zoned import check_zoned
from selfcare._workday.day import Workday
from selfcare._workday.week import Workweek

__all__ = ["Record", "Value", "occurrence_records", "to_records"]

#: Each supported type and its row builder; a row builder takes the value and whether to
#: include private text.
BUILDERS: tuple[tuple[type, Callable[[Any, bool], list[Record]]], ...] = (
    (Plan, plan_rows),
    (Workday, workday_rows),
    (Workweek, workweek_rows),
    (Reflection, reflection_rows),
    (CategoryBalance, balance_rows),
    (WellbeingTrend, trend_rows),
    (HabitStrength, habit_rows),
    (RitualHabit, ritual_habit_rows),
    (Streak, streak_rows),
    (PlanAdherence, adherence_rows),
    (StrategyEffect, effect_rows),
    (RecommendationList, recommendation_rows),
    (FeatureRow, feature_rows),
    (Decision, decision_rows),
    (PlanReview, review_rows),
    (dt.datetime, instant_rows),
)
_SUPPORTED = ", ".join(kind.__name__ for kind, _ in BUILDERS[:-1])


def to_records(value: object, *, include_private: bool = False) -> list[Record]:
    """Turn a value into a list of flat rows for a data frame or a plot.

    Each row is a dict from str column names to a str, int, float, bool, ``None``, a
    ``datetime.date``, a zoned ``datetime`` (a pendulum ``DateTime``, zone kept) or a
    ``datetime.time``. Enums become their string values, lists become comma-separated
    text (``""`` when empty), and category columns (``self_rating_physical``,
    ``minutes_emotional``, ...) are there for every :class:`Category`, in its order, with
    ``None`` where there is no value. The same value always gives the same rows, in the
    same order and with the same columns.

    One row stands for:

    ======================  ===================================================
    ``Plan``                an item, in the plan's order (see also
                            :func:`occurrence_records`)
    ``Workday``             a block; a ``Workweek`` gives the blocks of each day
    ``Reflection``          a reflection, with a ``self_rating_<category>`` column each
    ``CategoryBalance``     a balance, with ``minutes_``, ``days_``, ``self_rating_``
                            and ``neglected_<category>`` columns
    ``WellbeingTrend``      a day of the trend
    ``HabitStrength``       the habit strength
    ``RitualHabit``         the ritual, then each of its steps (``step`` from 1)
    ``Streak``              the streak
    ``StrategyEffect``      the effect
    ``PlanAdherence``       an item, then a ritual (``ritual_id`` set)
    ``RecommendationList``  a recommendation, best first (``rank`` from 1)
    ``FeatureRow``          the strategy's features (a list from
                            :func:`recommendation_features` is a table)
    ``Decision``            a candidate, with its features, ``score``,
                            ``probability``, ``offered`` and ``rank`` (``None``
                            when not offered); a list of decisions is a log
    ``PlanReview``          a suggestion
    a zoned ``datetime``    the instant, e.g. an occurrence from
                            :meth:`PlanItem.occurrences`
    ======================  ===================================================

    A list or tuple of values of one of these types gives the rows of each value in turn,
    so a list of weekly balances becomes one row a week.

    Args:
        value: a value of a supported type, or a list or tuple of values of one such type.
        include_private: also write what a person wrote, which is private and left out by
            default: a reflection's ``insight``, ``gratitude`` and ``note`` columns and a
            session block's ``ref``. Pass ``True`` only for the person's own use. (Stored
            documents are the other way round: :func:`to_dict` keeps private text unless
            ``redact=True``, because a stored value must load back whole; rows are for
            analysis and plots, which rarely need it.)

    Returns:
        The rows, in a fixed order.

    Raises:
        ValidationError: the value is not of a supported type, or a list mixes types.
        ValidationError: ``include_private`` is not a bool, or a datetime has no IANA zone.

    Example:
        >>> reflection = Reflection(
        ...     at=pendulum.datetime(2026, 1, 5, 21, tz="Europe/London"),
        ...     author=Role.CLIENT,
        ...     ratings=Ratings(mood=6),
        ...     self_ratings={Category.PHYSICAL: 4},
        ...     journal=Journal(gratitude="a call with my sister"),
        ... )
        >>> row = to_records([reflection])[0]
        >>> row["date"], row["mood"], row["self_rating_physical"], row["has_gratitude"]
        (datetime.date(2026, 1, 5), 6, 4, True)
        >>> "gratitude" in row, to_records([reflection], include_private=True)[0]["gratitude"]
        (False, 'a call with my sister')
    """
    check.check_bool("include_private", include_private)
    many = isinstance(value, list | tuple)
    values: list[object] | tuple[object, ...] = (
        value if isinstance(value, list | tuple) else [value]
    )
    kinds: set[type] = set()
    rows: list[Record] = []
    for position, item in enumerate(values):
        found = _builder(item)
        if found is None:
            raise check.fail(
                f"value[{position}]" if many else "value",
                f"expected a {_SUPPORTED} or zoned datetime, or a list of values of one of "
                f"those types, {check.got(item)}",
            )
        kind, build = found
        kinds.add(kind)
        if len(kinds) > 1:
            raise check.fail(
                "value", "expected a list of values of one type; this list mixes types"
            )
        if isinstance(item, dt.datetime):
            item = check_zoned(f"value[{position}]" if many else "value", item)
        rows.extend(build(item, include_private))
    return rows


def _builder(item: object) -> tuple[type, Callable[[Any, bool], list[Record]]] | None:
    for kind, build in BUILDERS:
        if isinstance(item, kind):
            return kind, build
    return None


def occurrence_records(
    plan: Plan,
    *,
    start: dt.datetime | dt.date | None = None,
    end: dt.datetime | dt.date | None = None,
    default_time: dt.time = dt.time(9),
    limit: int = 10_000,
) -> list[Record]:
    """One row per planned occurrence of a plan: each item, and each step of its rituals.

    Items are expanded with :meth:`PlanItem.occurrences` in the plan's zone, counted from
    the plan's first day; rituals anchored at a time of day give one row per step, at the
    step's start (rituals anchored to sessions or the working day have no times of their
    own and are left out). A day the plan rests (see :attr:`Plan.pauses`) has no rows, and
    a ritual that begins on one has none either. Summed by ``date``, the ``minutes`` agree with
    :meth:`Plan.minutes_by_date` (except where a daylight-saving change merges two times
    of an item into one instant). Rows are in time order; occurrences at the same instant
    keep the plan's order, items before rituals.

    The columns are ``plan_id``, ``strategy_id``, ``ritual_id`` (``None`` for an item),
    ``at`` (a zoned ``DateTime``), ``date``, ``time``, ``weekday`` and ``minutes``.

    Args:
        plan: the plan to expand.
        start: the first instant of the window, a zoned datetime or a date (its first
            moment in the plan's zone); by default the plan's first day.
        end: the instant just after the window; by default the day after the plan's last.
        default_time: the time of day for an item whose recurrence has no times.
        limit: the most rows to give, from 1 to 1,000,000.

    Returns:
        The rows, in time order.

    Raises:
        ValidationError: an argument is not valid.
        TooManyOccurrencesError: the window holds more than ``limit`` occurrences.

    Example:
        >>> plan = Plan(id="p", role=Role.CLIENT, timezone="Europe/London",
        ...             period=Period.weeks_from(datetime.date(2026, 3, 23), 1),
        ...             items=[PlanItem("short-walk", Recurrence.weekly(
        ...                 [Weekday.MONDAY, Weekday.FRIDAY], at=datetime.time(12)), 10)])
        >>> [(r["date"].isoformat(), r["weekday"], str(r["time"]), r["minutes"])
        ...  for r in occurrence_records(plan)]
        [('2026-03-23', 'monday', '12:00:00', 10), ('2026-03-27', 'friday', '12:00:00', 10)]
    """
    check.check_instance("plan", plan, Plan)
    check.check_int("limit", limit, 1, 1_000_000)
    check.check_time("default_time", default_time)
    first = plan.period.first
    window_start = first if start is None else start
    # Any end after 9999-12-27 means the same (see the supported range), so date.max will do.
    window_end = (
        min(plan.period.last, dt.date.max - dt.timedelta(days=1)) + dt.timedelta(days=1)
        if end is None
        else end
    )
    tz = plan.timezone
    window(window_start, window_end, Offsets(tz, sparse=True))  # checked even for an empty plan
    found: list[tuple[dt.datetime, str, str | None, int]] = []
    for item in plan.items:
        for at in item.occurrences(
            window_start, window_end, tz=tz, origin=first, default_time=default_time, limit=limit
        ):
            if plan.pause_on(at.date()) is None:
                found.append((at, item.strategy_id, None, item.minutes))
        _check_limit(len(found), limit)
    for ritual in plan.rituals:
        if ritual.anchor.kind is not AnchorKind.AT_TIME:
            continue
        for starts in ritual.occurrences(
            window_start, window_end, tz=tz, origin=first, limit=limit
        ):
            if plan.pause_on(starts[0].date()) is not None:
                continue
            for step, at in zip(ritual.steps, starts, strict=True):
                found.append((at, step.strategy_id, ritual.id, step.minutes))
        _check_limit(len(found), limit)
    found.sort(key=lambda row: row[0])  # stable: the plan's order breaks ties
    return [_occurrence(plan.id, *row) for row in found]


def _check_limit(count: int, limit: int) -> None:
    if count > limit:
        raise TooManyOccurrencesError(limit)


def _occurrence(
    plan_id: str, at: dt.datetime, strategy_id: str, ritual_id: str | None, minutes: int
) -> Record:
    row: dict[str, Value] = {
        "plan_id": plan_id,
        "strategy_id": strategy_id,
        "ritual_id": ritual_id,
        "at": at,
        "date": plain_date(at.date()),
        "time": plain_time(at),
        "weekday": Weekday.of(at).name.lower(),
        "minutes": minutes,
    }
    return row
