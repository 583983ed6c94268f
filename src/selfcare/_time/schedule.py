"""The days a recurrence falls on, as date ordinals, with the arithmetic to jump to any window.

A schedule never walks from its first day: the first day of a window, and the day the
``count``-th occurrence falls on, are computed directly, so the cost of a window does not
depend on how far it is from the start. A monthly rule is not periodic in days, so it is
counted in months instead, with the same guarantees.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from math import gcd

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
        "_months",
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
        self._week: tuple[int, ...] = ()
        self._months = None
        if rule.frequency is Frequency.MONTHLY:
            self._step, self._months = 0, _Months(rule, self._base)
        elif rule.frequency is Frequency.DAILY:
            self._step = rule.interval
        else:
            days = rule.weekdays if rule.frequency is Frequency.WEEKLY else _spread(rule.per_week)
            self._step, self._week = 7 * rule.interval, tuple(sorted(map(int, days)))
        widest = self._step if not self._week else self._step - 7 + _widest(self._week)
        #: Whether consecutive days can be more than two months apart (for a monthly rule:
        #: about two months or more).
        self.sparse = widest > 62 or (self._months is not None and rule.interval > 1)
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
        if self._months is not None:
            return self._months.nth(index)
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
        if self._months is not None:
            return self._months.next(ordinal)
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
        if self._months is not None:
            return self._months.days(low, high)
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


class _Months:
    """The days of a monthly rule: one a month, every ``interval`` months from its start's.

    Months are counted as ``year * 12 + month - 1``. A rule's *hits* are its months that have
    its day (all of them but for the 29th to 31st), numbered from 0 at the month of its start.
    Which months are hits repeats with a period (12 months, or 400 years for the 29th, as
    the lengths of months do), so the month of any hit, and the first hit from any month,
    are computed directly; the day in a month is computed from the month's first day.
    """

    __slots__ = ("_base", "_hits", "_monthday", "_nth", "_period", "_start", "_step", "_weekday")

    def __init__(self, rule: Recurrence, start: int | None) -> None:
        self._hits: tuple[int, ...]
        self._step = rule.interval
        # with no start the interval is 1, so every month is one of the rule's
        self._start = MIN_ORDINAL if start is None else start
        self._base = 0 if start is None else _month_of(start)
        self._monthday, self._nth = rule.monthday, rule.nth
        self._weekday = int(min(rule.weekdays, default=0))
        self._period, self._hits = 1, (0,)  # every month has the day: a period of one month
        if rule.monthday is not None and rule.monthday >= 29:
            phase = self._base % _repeat(rule.monthday)
            self._period, self._hits = _hits(rule.monthday, self._step, phase)

    def _day(self, hit: int) -> int:
        """The ordinal of the day of hit number ``hit``, or ``NEVER`` after December 9999."""
        if not self._hits:
            return NEVER  # no month of the rule has its day (the 31st of every 12th April)
        cycles, at = divmod(hit, len(self._hits))
        month = self._base + self._step * (cycles * self._period + self._hits[at])
        if month > _LAST_MONTH:
            return NEVER
        year, index = divmod(month, 12)
        first = dt.date(year, index + 1, 1).toordinal()
        if self._nth is None:
            assert self._monthday is not None
            return first - 1 + (self._monthday if self._monthday > 0 else _length(month))
        if self._nth > 0:
            return first + (self._weekday - _weekday(first)) % 7 + 7 * (self._nth - 1)
        last = first + _length(month) - 1
        return last - (_weekday(last) - self._weekday) % 7

    def _first_hit(self, ordinal: int) -> int:
        """The number of the first hit in the month of ``ordinal`` or after it."""
        steps = max(0, -(-(_month_of(ordinal) - self._base) // self._step))
        cycles, at = divmod(steps, self._period)
        return cycles * len(self._hits) + bisect_left(self._hits, at)

    def nth(self, index: int) -> int:
        """The day of the ``index``-th occurrence (from 0), counted from the start."""
        return self._day(index + (self._day(0) < self._start))

    def next(self, ordinal: int) -> int:
        """The first day on or after ``ordinal`` (a day on or after the start)."""
        if ordinal > MAX_ORDINAL:
            return NEVER
        hit = self._first_hit(ordinal)
        day = self._day(hit)
        return day if day >= ordinal else self._day(hit + 1)

    def days(self, low: int, high: int) -> list[int]:
        """The days in ``[low, high]`` (``low`` on or after the start), in order."""
        hit = self._first_hit(low)
        found = []
        day = self._day(hit)
        while day <= high:
            if day >= low:
                found.append(day)
            hit += 1
            day = self._day(hit)
        return found


#: December 9999, the last month with a day that can be expanded.
_LAST_MONTH = 9999 * 12 + 11
_LENGTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_of(ordinal: int) -> int:
    day = dt.date.fromordinal(ordinal)
    return day.year * 12 + day.month - 1


def _length(month: int) -> int:
    """The days in a month counted as ``year * 12 + month - 1``, in any year (year 0 too)."""
    year, index = divmod(month, 12)
    if index != 1:
        return _LENGTHS[index]
    return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28


@lru_cache(maxsize=256)
def _hits(monthday: int, step: int, phase: int) -> tuple[int, tuple[int, ...]]:
    """The period of a rule on the 29th to 31st, in its months, and the hits in one period.

    ``phase`` is the rule's first month, modulo the months after which the lengths repeat:
    12, or 4,800 (400 years) for the 29th. At most 4,800 months are looked at, once.
    """
    repeat = _repeat(monthday)
    period = repeat // gcd(repeat, step)
    return period, tuple(j for j in range(period) if _length(phase + j * step) >= monthday)


def _repeat(monthday: int) -> int:
    """The months after which it repeats which months have a day: 400 years for the 29th."""
    return 4800 if monthday == 29 else 12


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
