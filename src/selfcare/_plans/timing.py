"""Times of day a person can follow: each item in a part of the day that suits it, none at once.

An item goes in a part of the day that suits both the strategy (``Strategy.times_of_day``)
and the person (``Profile.preferred_times``); failing that, one that suits the strategy, then
one the person prefers. Items in a part are laid out one after another from its start, each
at the first time, on five-minute steps, that overlaps nothing else on any of its days (the
rituals at a time of day included) and ends before the part does. A commitment keeps its own
time (a bedtime) and takes no minutes; an item with no part that suits it has no time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import attrs

from selfcare._model.rituals import AnchorKind, Ritual
from selfcare._model.strategies import Strategy, StrategyKind
from selfcare._time.calendar import TimeOfDay

__all__ = ["PARTS", "Timetable"]

#: Where each part of the day starts and ends for a plan, in minutes after midnight.
PARTS: dict[TimeOfDay, tuple[int, int]] = {
    TimeOfDay.MORNING: (7 * 60 + 30, 12 * 60),
    TimeOfDay.AFTERNOON: (13 * 60, 17 * 60),
    TimeOfDay.EVENING: (18 * 60 + 30, 22 * 60),
    TimeOfDay.NIGHT: (22 * 60, 24 * 60 - 5),
}
_STEP = 5


@attrs.define
class Timetable:
    """The minutes taken on each weekday, as ``(start, end)`` pairs, while items are timed."""

    preferred: frozenset[TimeOfDay]
    taken: list[list[tuple[int, int]]] = attrs.field(factory=lambda: [[] for _ in range(7)])

    @classmethod
    def around(cls, preferred: Iterable[TimeOfDay], rituals: Iterable[Ritual]) -> Timetable:
        """A timetable holding the rituals at a time of day, on the weekdays they fall on."""
        table = cls(frozenset(preferred))
        for ritual in rituals:
            at = ritual.anchor.time
            if ritual.anchor.kind is AnchorKind.AT_TIME and at is not None:
                days = ritual.recurrence.weekdays or range(7)
                table._take([int(d) for d in days], at.hour * 60 + at.minute, ritual.minutes)
        return table

    def time_for(self, strategy: Strategy, days: Sequence[int], minutes: int) -> dt.time | None:
        """The time an item is set at on its days, taking it from the timetable."""
        if strategy.kind is StrategyKind.COMMITMENT:
            return strategy.at
        appointment = strategy.kind is StrategyKind.APPOINTMENT
        parts = self._parts(strategy)
        if appointment:  # with another person: in the afternoon, ending near its close
            parts.sort(key=lambda part: part is not TimeOfDay.AFTERNOON)
        for part in parts:
            opens, closes = PARTS[part]
            starts = range(opens, closes - minutes + 1, _STEP)
            for start in reversed(starts) if appointment else starts:
                if all(self._free(d, start, start + minutes) for d in days):
                    self._take(days, start, minutes)
                    return dt.time(*divmod(start, 60))
        return None

    def part_of(self, strategy: Strategy) -> TimeOfDay | None:
        """The part of the day an item of this strategy is meant for, if any."""
        parts = self._parts(strategy)
        return parts[0] if parts else None

    def _parts(self, strategy: Strategy) -> list[TimeOfDay]:
        suits = strategy.times_of_day
        both = [p for p in TimeOfDay if p in suits and p in self.preferred]
        return (
            both
            or [p for p in TimeOfDay if p in suits]
            or sorted(self.preferred, key=list(TimeOfDay).index)
        )

    def _free(self, day: int, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken[day])

    def _take(self, days: Iterable[int], start: int, minutes: int) -> None:
        for d in days:
            self.taken[d].append((start, start + minutes))
