"""The days a recurrence falls on, as date ordinals, with the arithmetic to jump to any window.

A schedule never walks from its first day: the first day of a window, and the day the
``count``-th occurrence falls on, are computed directly, so the cost of a window does not
depend on how far it is from the start.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

from selfcare._core.checks import check_date, fail
from selfcare._time.calendar import Period, Weekday
from selfcare._time.offsets import MAX_ORDINAL, MIN_ORDINAL
from selfcare._time.recurrence import Frequency, Recurrence

#: After every day that can be expanded.
NEVER = MAX_ORDINAL + 1


def spread(per_week: int) -> tuple[Weekday, ...]:
    """The weekdays a rule of ``per_week`` times a week is placed on: day ``i * 7 // n``.

    The days are as evenly spaced as whole days allow (gaps differ by at most one day, also
    across the end of the week) and start on Monday, so Sunday stays free below seven.

    Example:
        >>> [day.code for day in spread(3)]
        ['MO', 'WE', 'FR']
    """
    return tuple(map(Weekday, _spread(per_week)))


def _spread(per_week: int | None) -> tuple[int, ...]:
    assert per_week is not None
    return tuple(i * 7 // per_week for i in range(per_week))


def _weekday(ordinal: int) -> int:
    return (ordinal + 6) % 7  # ordinal 1 (0001-01-01) was a Monday


class Schedule:
    """The days of one recurrence, counted from its ``start`` (or the ``origin`` given)."""

    __slots__ = (
        "_base",
        "_step",
        "_week",
        "cap_day",
        "cap_slots",
        "first",
        "last",
        "slots",
        "sparse",
    )

    def __init__(self, rule: Recurrence, origin: dt.date | None) -> None:
        start = rule.start
        if start is None and origin is not None:
            start = check_date("origin", origin)
        if start is None and (rule.interval > 1 or rule.count is not None):
            need = "'count'" if rule.count is not None else f"an interval of {rule.interval}"
            raise fail(
                "origin",
                f"this recurrence has {need} but no 'start', so it needs a date to count from; "
                "pass origin=<date> (e.g. the first day of the plan) or give it a start",
            )
        self._base = None if start is None else start.toordinal()
        self._week: tuple[int, ...]
        if rule.frequency is Frequency.DAILY:
            self._step, self._week = rule.interval, ()
        else:
            days = rule.weekdays if rule.frequency is Frequency.WEEKLY else _spread(rule.per_week)
            self._step, self._week = 7 * rule.interval, tuple(sorted(map(int, days)))
        widest = self._step if not self._week else self._step - 7 + _widest(self._week)
        #: Whether consecutive days can be more than two months apart.
        self.sparse = widest > 62
        #: Occurrences a day (the times of day, or one); ``cap_day`` may have fewer, by count.
        self.slots = max(1, len(rule.times))
        self.first = MIN_ORDINAL if self._base is None else max(MIN_ORDINAL, self._base)
        self.last = MAX_ORDINAL if rule.until is None else min(MAX_ORDINAL, rule.until.toordinal())
        self.cap_day, self.cap_slots = 0, self.slots
        if rule.count is not None:
            index, extra = divmod(rule.count - 1, self.slots)
            day = self._nth(index)
            if day <= self.last:
                self.last, self.cap_day, self.cap_slots = day, day, extra + 1

    def _nth(self, index: int) -> int:
        """The ordinal of the day holding occurrence day number ``index`` (from 0)."""
        assert self._base is not None
        if not self._week:
            return self._base + index * self._step
        monday = self._base - _weekday(self._base)
        head = [day for day in self._week if day >= _weekday(self._base)]
        if index < len(head):
            return monday + head[index]
        weeks, at = divmod(index - len(head), len(self._week))
        return monday + self._step * (weeks + 1) + self._week[at]

    def after(self, ordinal: int) -> int:
        """The first scheduled day on or after ``ordinal``, or ``NEVER`` when none is left."""
        day = self._next(max(ordinal, self.first))
        return day if day <= self.last else NEVER

    def _next(self, ordinal: int) -> int:
        if not self._week:
            if self._base is None:
                return ordinal
            return ordinal + (self._base - ordinal) % self._step
        monday = ordinal - _weekday(ordinal)
        if self._base is not None:
            shift = (self._base - _weekday(self._base) - monday) % self._step
            if shift:
                monday += shift
                ordinal = monday
        for day in self._week:
            if monday + day >= ordinal:
                return monday + day
        return monday + self._step + self._week[0]

    def days(self, low: int, high: int) -> list[int] | range:
        """The ordinals of the scheduled days in ``[low, high]``, in order."""
        low, high = max(low, self.first), min(high, self.last)
        if low > high:
            return []
        if not self._week:
            if self._base is None:
                return range(low, high + 1)
            return range(low + (self._base - low) % self._step, high + 1, self._step)
        first = self._next(low)
        days = [
            monday + day
            for monday in range(first - _weekday(first), high + 1, self._step)
            for day in self._week
        ]
        return days[bisect_left(days, low) : bisect_right(days, high)]

    def chunks(
        self, low: int, high: int, skipped: frozenset[dt.date], pauses: Iterable[Period]
    ) -> Iterator[list[int]]:
        """The scheduled days in ``[low, high]`` that are neither skipped nor paused.

        Given a year at a time (never an empty list), so a caller can stop at its limit
        before a long range is made. Paused periods are cut out of the range before any day
        is made, so a long pause costs nothing, and each chunk starts at a scheduled day, so
        the gaps of a sparse rule cost nothing either.
        """
        gone = {day.toordinal() for day in skipped}
        # only the schedule's own days: past them after() gives NEVER, which a range running
        # past the last expandable day (as a week_targets week may) would reach, and loop
        for first, last in without(max(low, self.first), min(high, self.last), pauses):
            day = self.after(first)
            while day <= last:
                end = min(last, day + 365)
                chunk = [d for d in self.days(day, end) if d not in gone]
                if chunk:
                    yield chunk
                day = self.after(end + 1)


def _widest(week: tuple[int, ...]) -> int:
    """The longest wait between two days of a week pattern, across the weekend too."""
    return max(b - a for a, b in zip(week, (*week[1:], week[0] + 7), strict=True))


def without(low: int, high: int, pauses: Iterable[Period]) -> list[tuple[int, int]]:
    """The runs of days in ``[low, high]`` outside every pause."""
    segments: list[tuple[int, int]] = []
    here = low
    for pause in sorted(pauses, key=lambda p: p.first):
        first, last = pause.first.toordinal(), pause.last.toordinal()
        if first > high:
            break
        if first > here:
            segments.append((here, first - 1))
        here = max(here, last + 1)
    if here <= high:
        segments.append((here, high))
    return segments
