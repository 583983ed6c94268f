"""The rows :func:`~selfcare.to_records` gives for plans, instants, days and reflections.

Each builder turns one value into flat rows of str, int, float, bool, ``None``, dates,
zoned datetimes and times. Enums become their string values; lists become comma-separated
text (``""`` when empty); category columns follow the order of :class:`Category`. Private
text (journal entries, session references) is only written when ``private`` is true. The
rows for insights, recommendations and reviews are in ``_insight_rows``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from selfcare._model.categories import Category
from selfcare._model.reasons import Reason
from selfcare._model.reflections import PracticeStatus, Reflection
from selfcare._plans.plan import Plan
from selfcare._time.calendar import Period, Weekday
from selfcare._time.zoned import check_zoned, zone_name
from selfcare._workday.day import Workday
from selfcare._workday.week import Workweek

__all__ = [
    "Record",
    "Value",
    "clock",
    "instant_rows",
    "period_of",
    "plain_date",
    "plain_time",
    "plan_rows",
    "reasons_of",
    "reflection_rows",
    "workday_rows",
    "workweek_rows",
]

Value = str | int | float | bool | dt.date | dt.datetime | dt.time | None
"""A value a record may hold (``datetime.datetime`` values are zoned pendulum ones)."""

Record = dict[str, Value]
"""One flat row: column names to values."""


def plain_date(day: dt.date | None) -> dt.date | None:
    """A date as a plain ``datetime.date`` (pendulum's ``Date`` is turned into one)."""
    return None if day is None else dt.date(day.year, day.month, day.day)


def plain_time(at: dt.datetime) -> dt.time:
    """The wall-clock time of a datetime as a plain ``datetime.time`` (no zone, no fold)."""
    return dt.time(at.hour, at.minute, at.second, at.microsecond)


def clock(when: dt.time) -> str:
    """A time of day as ``07:30`` (with seconds only when it has some)."""
    return when.isoformat(timespec="minutes" if not when.second else "seconds")


def _joined(values: Iterable[str], sep: str = ",") -> str:
    return sep.join(values)


def reasons_of(reasons: Iterable[Reason]) -> Record:
    listed = tuple(reasons)
    return {
        "reason_codes": _joined(r.code.value for r in listed),
        "reasons": _joined((r.text for r in listed), "; "),
    }


def period_of(period: Period | None) -> Record:
    return {
        "period_first": None if period is None else plain_date(period.first),
        "period_last": None if period is None else plain_date(period.last),
    }


def plan_rows(plan: Plan, private: bool) -> list[Record]:
    """One row per plan item, in the plan's order."""
    rows: list[Record] = []
    for position, item in enumerate(plan.items):
        rule = item.recurrence
        rows.append(
            {
                "plan_id": plan.id,
                "plan_version": plan.version,
                "status": plan.status.value,
                "position": position,
                "strategy_id": item.strategy_id,
                "minutes": item.minutes,
                "weekly_minutes": item.weekly_minutes,
                "schedule": rule.describe(),
                "frequency": rule.frequency.value,
                "interval": rule.interval,
                "weekdays": _joined(day.code for day in sorted(rule.weekdays)),
                "per_week": rule.per_week,
                "times": _joined(clock(t) for t in rule.times),
                "start": plain_date(rule.start),
                "until": plain_date(rule.until),
                "count": rule.count,
                "skipped_dates": len(rule.skipped),
                "paused_days": sum(pause.days for pause in item.pauses),
                **reasons_of(item.reasons),
            }
        )
    return rows


def instant_rows(at: dt.datetime, private: bool) -> list[Record]:
    """One row for a zoned instant, such as an occurrence of a plan item."""
    when = check_zoned("at", at)
    return [
        {
            "at": when,
            "date": plain_date(when.date()),
            "time": plain_time(when),
            "weekday": Weekday.of(when).name.lower(),
            "timezone": zone_name(when),
        }
    ]


def workday_rows(day: Workday, private: bool) -> list[Record]:
    rows: list[Record] = []
    for position, block in enumerate(day.blocks):
        row: Record = {
            "day": plain_date(day.day),
            "timezone": day.tz,
            "position": position,
            "kind": block.kind.value,
            "protected": block.protected,
            "start": block.start,
            "end": block.end,
            "minutes": block.minutes,
            "session": block.session,
            "ritual_id": block.ritual_id,
            "strategy_ids": _joined(block.strategy_ids),
            "reason": block.reason,
        }
        if private:
            row["ref"] = block.ref
        rows.append(row)
    return rows


def workweek_rows(week: Workweek, private: bool) -> list[Record]:
    return [row for day in week.days for row in workday_rows(day, private)]


def reflection_rows(r: Reflection, private: bool) -> list[Record]:
    done = [p for p in r.practised if p.status is PracticeStatus.DONE]
    skipped = [p for p in r.practised if p.status is PracticeStatus.SKIPPED]
    row: Record = {
        "at": r.at,
        "date": plain_date(r.day),
        "timezone": zone_name(r.at),
        "author": r.author.value,
        "mood": r.mood,
        "energy": r.energy,
        "stress": r.stress,
        **{f"self_rating_{c.value}": r.self_ratings.get(c) for c in Category},
        "done": _joined(p.strategy_id for p in done),
        "skipped": _joined(p.strategy_id for p in skipped),
        "done_count": len(done),
        "skipped_count": len(skipped),
        "practised_minutes": sum(p.minutes or 0 for p in done),
        "wants_support": r.wants_support,
        "has_insight": r.journal.insight is not None,
        "has_gratitude": r.journal.gratitude is not None,
        "has_note": r.journal.note is not None,
    }
    if private:
        row.update(insight=r.journal.insight, gratitude=r.journal.gratitude, note=r.journal.note)
    return [row]
