"""The row of a reflection: ratings, practice and, only when asked, its journal text."""

from __future__ import annotations

from selfcare._io.rows.cells import Record, joined, plain_date
from selfcare._model.categories import Category
from selfcare._model.reflections import PracticeStatus, Reflection
from selfcare._time.zoned import zone_name

__all__ = ["reflection_rows"]


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
        "done": joined(dict.fromkeys(p.strategy_id for p in done)),  # each id once, in order
        "skipped": joined(p.strategy_id for p in skipped),
        "done_count": len(done),
        "skipped_count": len(skipped),
        "practised_minutes": sum(p.minutes or 0 for p in done),
        "wants_support": r.wants_support,
        "has_insight": r.journal.insight is not None,
        "has_gratitude": r.journal.gratitude is not None,
        "has_note": r.journal.note is not None,
        "has_practice_note": any(p.note is not None for p in r.practised),
    }
    if private:
        row.update(insight=r.journal.insight, gratitude=r.journal.gratitude, note=r.journal.note)
    return [row]
