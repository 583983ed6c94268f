"""When something repeats: daily, on chosen weekdays, every n days or n times a week."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from selfcare._calendar import Weekday
from selfcare._checks import check_date, check_int, check_time, fail, got, to_frozenset, to_tuple

__all__ = ["Frequency", "Recurrence"]

MAX_COUNT = 10_000
MAX_TIMES = 24
MAX_SKIPPED = 1_000


class Frequency(enum.StrEnum):
    """The shape of a recurrence.

    ``DAILY`` repeats every ``interval`` days, ``WEEKLY`` on chosen weekdays every
    ``interval`` weeks, and ``TIMES_PER_WEEK`` is a flexible target ("three times a
    week") whose days the person chooses.
    """

    DAILY = "daily"
    WEEKLY = "weekly"
    TIMES_PER_WEEK = "times-per-week"


TimesArg = dt.time | Iterable[dt.time] | None


def _times(value: TimesArg) -> tuple[dt.time, ...]:
    if value is None:
        return ()
    if isinstance(value, dt.time):
        return (value,)
    return to_tuple(value)


@attrs.frozen
class Recurrence:
    """When a strategy, ritual or plan item repeats.

    Build one with a named constructor: :meth:`daily`, :meth:`every_n_days`,
    :meth:`weekly` or :meth:`times_per_week`. ``times`` are wall-clock times of day in
    the person's zone (none means "any time that day"); ``until`` is the last date
    included; ``count`` caps the number of occurrences; ``skipped`` dates are left out.

    Example:
        >>> r = Recurrence.weekly({Weekday.MONDAY, Weekday.THURSDAY}, at=datetime.time(7, 30))
        >>> r.describe()
        'every Monday and Thursday at 07:30'
        >>> Recurrence.times_per_week(3).describe()
        '3 times a week'
    """

    frequency: Frequency
    interval: int = 1
    weekdays: frozenset[Weekday] = attrs.field(default=frozenset(), converter=to_frozenset)
    per_week: int | None = None
    times: tuple[dt.time, ...] = attrs.field(default=(), converter=_times)
    start: dt.date | None = None
    until: dt.date | None = None
    count: int | None = None
    skipped: frozenset[dt.date] = attrs.field(default=frozenset(), converter=to_frozenset)

    def __attrs_post_init__(self) -> None:
        _validate(self)

    @classmethod
    def daily(
        cls,
        at: TimesArg = None,
        *,
        start: dt.date | None = None,
        until: dt.date | None = None,
        count: int | None = None,
    ) -> Recurrence:
        """Every day, at one or several times (or any time when ``at`` is omitted).

        Example:
            >>> Recurrence.daily(at=[datetime.time(21), datetime.time(7)]).describe()
            'every day at 07:00 and 21:00'
        """
        return cls(Frequency.DAILY, times=_times(at), start=start, until=until, count=count)

    @classmethod
    def every_n_days(
        cls,
        n: int,
        at: TimesArg = None,
        *,
        start: dt.date | None = None,
        until: dt.date | None = None,
        count: int | None = None,
    ) -> Recurrence:
        """Every ``n`` days, counted from ``start`` (or from the start of the plan).

        Example:
            >>> Recurrence.every_n_days(3).describe()
            'every 3 days'
        """
        return cls(
            Frequency.DAILY, interval=n, times=_times(at), start=start, until=until, count=count
        )

    @classmethod
    def weekly(
        cls,
        weekdays: Iterable[Weekday],
        at: TimesArg = None,
        *,
        every_weeks: int = 1,
        start: dt.date | None = None,
        until: dt.date | None = None,
        count: int | None = None,
    ) -> Recurrence:
        """On chosen weekdays, every week or every ``every_weeks`` weeks.

        Example:
            >>> Recurrence.weekly([Weekday.SATURDAY], every_weeks=2).describe()
            'every 2 weeks on Saturday'
        """
        return cls(
            Frequency.WEEKLY,
            interval=every_weeks,
            weekdays=to_frozenset(weekdays),
            times=_times(at),
            start=start,
            until=until,
            count=count,
        )

    @classmethod
    def times_per_week(
        cls,
        n: int,
        at: TimesArg = None,
        *,
        start: dt.date | None = None,
        until: dt.date | None = None,
        count: int | None = None,
    ) -> Recurrence:
        """A flexible target of ``n`` times a week, on days the person chooses.

        Example:
            >>> Recurrence.times_per_week(2, at=datetime.time(18)).describe()
            '2 times a week at 18:00'
        """
        return cls(
            Frequency.TIMES_PER_WEEK,
            per_week=n,
            times=_times(at),
            start=start,
            until=until,
            count=count,
        )

    def with_skipped(self, *days: dt.date) -> Recurrence:
        """Return a copy that also leaves out the given dates.

        Example:
            >>> r = Recurrence.daily().with_skipped(datetime.date(2026, 12, 25))
            >>> datetime.date(2026, 12, 25) in r.skipped
            True
        """
        return attrs.evolve(self, skipped=self.skipped | frozenset(days))

    @property
    def days_per_week(self) -> float:
        """How many days a week this recurs on average (ignoring start, until and count).

        Example:
            >>> Recurrence.every_n_days(2).days_per_week
            3.5
        """
        if self.frequency is Frequency.DAILY:
            return 7 / self.interval
        if self.frequency is Frequency.WEEKLY:
            return len(self.weekdays) / self.interval
        assert self.per_week is not None
        return float(self.per_week)

    def describe(self) -> str:
        """Describe the recurrence in plain English."""
        if self.frequency is Frequency.DAILY:
            text = "every day" if self.interval == 1 else f"every {self.interval} days"
        elif self.frequency is Frequency.WEEKLY:
            names = [day.name.title() for day in sorted(self.weekdays)]
            days = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            text = (
                f"every {days}" if self.interval == 1 else f"every {self.interval} weeks on {days}"
            )
        else:
            text = "once a week" if self.per_week == 1 else f"{self.per_week} times a week"
        if self.times:
            clock = [_clock(t) for t in self.times]
            text += " at " + (
                clock[0] if len(clock) == 1 else ", ".join(clock[:-1]) + " and " + clock[-1]
            )
        if self.start is not None:
            text += f" from {self.start.isoformat()}"
        if self.until is not None:
            text += f" until {self.until.isoformat()}"
        if self.count is not None:
            text += f", {self.count} times in all"
        return text


def _clock(when: dt.time) -> str:
    return when.strftime("%H:%M:%S" if when.second else "%H:%M")


def _validate(r: Recurrence) -> None:
    if not isinstance(r.frequency, Frequency):
        raise fail("frequency", f"expected a Frequency (e.g. Frequency.DAILY), {got(r.frequency)}")
    limit = {Frequency.DAILY: 366, Frequency.WEEKLY: 52, Frequency.TIMES_PER_WEEK: 1}[r.frequency]
    check_int("interval", r.interval, 1, limit)
    if not isinstance(r.weekdays, frozenset) or not all(
        isinstance(day, Weekday) for day in r.weekdays
    ):
        raise fail("weekdays", "expected a collection of Weekday members, e.g. {Weekday.MONDAY}")
    if r.frequency is Frequency.WEEKLY and not r.weekdays:
        raise fail("weekdays", "expected at least one weekday for a weekly recurrence")
    if r.frequency is not Frequency.WEEKLY and r.weekdays:
        raise fail("weekdays", "only weekly recurrences have weekdays; use Recurrence.weekly")
    if r.frequency is Frequency.TIMES_PER_WEEK:
        check_int("per_week", r.per_week, 1, 7)
    elif r.per_week is not None:
        raise fail("per_week", "only a times-per-week recurrence has per_week; leave it None")
    _validate_times(r)
    start = None if r.start is None else check_date("start", r.start)
    until = None if r.until is None else check_date("until", r.until)
    object.__setattr__(r, "start", start)
    object.__setattr__(r, "until", until)
    if start is not None and until is not None and until < start:
        raise fail("until", "expected a date on or after 'start'")
    if r.count is not None:
        check_int("count", r.count, 1, MAX_COUNT)
        if until is not None:
            raise fail("count", "give either 'count' or 'until', not both (as RFC 5545 requires)")
    if not isinstance(r.skipped, frozenset):
        raise fail("skipped", "expected a collection of dates")
    if len(r.skipped) > MAX_SKIPPED:
        raise fail("skipped", f"expected at most {MAX_SKIPPED} skipped dates; use 'until' instead")
    object.__setattr__(r, "skipped", frozenset(check_date("skipped", d) for d in r.skipped))


def _validate_times(r: Recurrence) -> None:
    raw: Any = r.times
    if not isinstance(raw, tuple):
        raise fail("times", "expected a time of day or a collection of them, " + got(raw))
    if len(raw) > MAX_TIMES:
        raise fail("times", f"expected at most {MAX_TIMES} times of day, got {len(raw)}")
    times = sorted(check_time("times", t) for t in raw)
    if len(set(times)) != len(times):
        raise fail("times", "expected each time of day once; remove the repeated time")
    object.__setattr__(r, "times", tuple(times))
