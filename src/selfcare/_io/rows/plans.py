"""The rows of a plan (one per item) and of a zoned instant (one per occurrence)."""

from __future__ import annotations

import datetime as dt

from selfcare._io.rows.cells import Record, clock, joined, plain_date, plain_time, reasons_of
from selfcare._plans.plan import Plan
from selfcare._time.calendar import Weekday
from selfcare._time.zoned import check_zoned, zone_name

__all__ = ["instant_rows", "plan_rows"]


def plan_rows(plan: Plan, private: bool) -> list[Record]:
    """One row per plan item, in the plan's order.

    ``reminders`` are the item's, as minutes before each occurrence, earliest first;
    ``plan_pauses`` are the rests of the whole plan, the same on every row, each as
    ``kind:first/last`` (``holiday:2026-08-03/2026-08-16``), and ``plan_paused_days`` the
    days they cover. Why a rest was added is a revision's reason and is never written.
    """
    rests = sorted(plan.pauses, key=lambda pause: pause.period.first)
    plan_pauses = joined(
        f"{p.kind.value}:{p.period.first.isoformat()}/{p.period.last.isoformat()}" for p in rests
    )
    plan_paused_days = sum(pause.period.days for pause in rests)
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
                "weekdays": joined(day.code for day in sorted(rule.weekdays)),
                "per_week": rule.per_week,
                "times": joined(clock(t) for t in rule.times),
                "start": plain_date(rule.start),
                "until": plain_date(rule.until),
                "count": rule.count,
                "skipped_dates": len(rule.skipped),
                "paused_days": sum(pause.days for pause in item.pauses),
                "reminders": joined(str(m) for m in sorted(item.reminders, reverse=True)),
                "plan_pauses": plan_pauses,
                "plan_paused_days": plan_paused_days,
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
