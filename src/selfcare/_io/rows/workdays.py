"""The rows of a therapist's planned day and weeks: one per block."""

from __future__ import annotations

from selfcare._io.rows.cells import Record, joined, plain_date
from selfcare._workday.day import Workday
from selfcare._workday.week import Workweek

__all__ = ["workday_rows", "workweek_rows"]


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
            "strategy_ids": joined(block.strategy_ids),
            "reason": block.reason,
        }
        if private:
            row["ref"] = block.ref
        rows.append(row)
    return rows


def workweek_rows(week: Workweek, private: bool) -> list[Record]:
    return [row for day in week.days for row in workday_rows(day, private)]
