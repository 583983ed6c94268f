"""When something repeats: daily, on chosen weekdays, monthly, every n days or n times a week."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from selfcare._core.checks import (
    check_date,
    check_int,
    check_time,
    fail,
    got,
    reads_as,
    to_frozenset,
    to_tuple,
)
from selfcare._core.vocabulary import Vocabulary
from selfcare._time.calendar import Weekday

if TYPE_CHECKING:
    import pendulum

__all__ = ["Frequency", "Recurrence"]

MAX_COUNT = 10_000
MAX_TIMES = 24
MAX_SKIPPED = 1_000


class Frequency(Vocabulary):
    """The shape of a recurrence.

    ``DAILY`` repeats every ``interval`` days, ``WEEKLY`` on chosen weekdays every
    ``interval`` weeks, ``MONTHLY`` on one day of the month (a date, or the nth weekday)
    every ``interval`` months, and ``TIMES_PER_WEEK`` is a flexible target ("three times
    a week") whose days the person chooses.
    """

    DAILY = "daily"
    WEEKLY = "weekly"
    TIMES_PER_WEEK = "times-per-week"
    MONTHLY = "monthly"


TimesArg = dt.time | Iterable[dt.time] | None


def _times(value: TimesArg) -> tuple[dt.time, ...]:
    """Times of day, sorted, each once, as stdlib times."""
    if value is None or (type(value) is tuple and not value):
        return ()
    if type(value) is tuple and len(value) == 1:  # the common case: one time, as read
        (only,) = value
        if type(only) is dt.time and only.tzinfo is None and not only.microsecond and not only.fold:
            return value  # what check_time gives back, alone
    raw: Any = (value,) if isinstance(value, dt.time) else to_tuple(value)
    if not isinstance(raw, tuple):
        raise fail("times", "expected a time of day or a collection of them, " + got(raw))
    if len(raw) > MAX_TIMES:
        raise fail("times", f"expected at most {MAX_TIMES} times of day, got {len(raw)}")
    times = sorted(check_time("times", t) for t in raw)
    if len(set(times)) != len(times):
        raise fail("times", "expected each time of day once; remove the repeated time")
    return tuple(times)


def _start(value: dt.date | None) -> dt.date | None:
    return None if value is None else check_date("start", value)


def _until(value: dt.date | None) -> dt.date | None:
    return None if value is None else check_date("until", value)


reads_as(dt.date | None, _start, _until)


def _skipped(value: Iterable[dt.date]) -> frozenset[dt.date]:
    """Skipped dates as a frozenset of stdlib dates."""
    if type(value) is frozenset and not value:
        return value  # the common case
    skipped: Any = to_frozenset(value)
    if isinstance(skipped, frozenset | tuple) and len(skipped) > MAX_SKIPPED:
        raise fail("skipped", f"expected at most {MAX_SKIPPED} skipped dates; use 'until' instead")
    if not isinstance(skipped, frozenset):
        for day in skipped if isinstance(skipped, tuple) else ():
            check_date("skipped", day)  # an item that did not hash is no date
        raise fail("skipped", "expected a collection of dates")
    if all(type(day) is dt.date for day in skipped):
        return skipped
    return frozenset(check_date("skipped", day) for day in skipped)


@attrs.frozen
class Recurrence:
    """When a strategy, ritual or plan item repeats.

    Build one with a named constructor: :meth:`daily`, :meth:`every_n_days`,
    :meth:`weekly`, :meth:`monthly` or :meth:`times_per_week`. ``times`` are wall-clock
    times of day in the person's zone (none means "any time that day"); ``until`` is the
    last date included; ``count`` caps the number of occurrences; ``skipped`` dates are
    left out. A monthly rule has a ``monthday`` (1 to 31, or -1 for the last day) or an
    ``nth`` (1 to 4, or -1 for the last) of its one weekday in ``weekdays``.

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
    start: dt.date | None = attrs.field(default=None, converter=_start)
    until: dt.date | None = attrs.field(default=None, converter=_until)
    count: int | None = None
    skipped: frozenset[dt.date] = attrs.field(default=frozenset(), converter=_skipped)
    monthday: int | None = None
    nth: int | None = None

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
    def monthly(
        cls,
        day: int | None = None,
        at: TimesArg = None,
        *,
        weekday: Weekday | None = None,
        nth: int | None = None,
        every_months: int = 1,
        start: dt.date | None = None,
        until: dt.date | None = None,
        count: int | None = None,
    ) -> Recurrence:
        """Once a month: on a ``day`` of the month, or on the ``nth`` ``weekday`` of it.

        ``day`` is 1 to 31, or -1 for the last day of the month; a month without that day
        (the 31st in April, the 30th in February) is skipped, as RFC 5545 skips it. ``nth``
        is 1 to 4 (the first to the fourth ``weekday``) or -1 (the last). The rule repeats
        every ``every_months`` months (1 to 12), counted from the month of ``start`` (or
        of the origin).

        Example:
            >>> Recurrence.monthly(15, at=datetime.time(9)).describe()
            'on the 15th of every month at 09:00'
            >>> Recurrence.monthly(weekday=Weekday.MONDAY, nth=1, every_months=2).describe()
            'every 2 months on the first Monday'
        """
        if weekday is not None and not isinstance(weekday, Weekday):
            raise fail(
                "weekdays",
                "expected one Weekday for a monthly recurrence, e.g. weekday=Weekday.TUESDAY, "
                + got(weekday),
            )
        return cls(
            Frequency.MONTHLY,
            interval=every_months,
            weekdays=frozenset(() if weekday is None else (weekday,)),
            times=_times(at),
            start=start,
            until=until,
            count=count,
            monthday=day,
            nth=nth,
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
        return attrs.evolve(self, skipped=(*self.skipped, *days))

    @property
    def days_per_week(self) -> float:
        """How many days a week this recurs on average (ignoring start, until and count).

        A monthly rule counts the months that have its day: seven a year for the 31st.

        Example:
            >>> Recurrence.every_n_days(2).days_per_week
            3.5
            >>> round(Recurrence.monthly(15).days_per_week, 3)
            0.23
        """
        if self.frequency is Frequency.DAILY:
            return 7 / self.interval
        if self.frequency is Frequency.WEEKLY:
            return len(self.weekdays) / self.interval
        if self.frequency is Frequency.MONTHLY:
            months = _MONTHS_WITH.get(self.monthday or 0, 12.0)  # in a year, on average
            return months * 7 / 365.2425 / self.interval
        assert self.per_week is not None
        return float(self.per_week)

    @classmethod
    def from_rrule(cls, text: str, *, start: dt.date | None = None) -> Recurrence:
        """Read an RFC 5545 recurrence rule in the subset this library supports.

        The subset is ``FREQ=DAILY``, ``FREQ=WEEKLY`` or ``FREQ=MONTHLY`` with
        ``INTERVAL``, ``BYDAY``, ``BYMONTHDAY`` (monthly only), ``BYHOUR``, ``BYMINUTE`` and
        ``COUNT`` or ``UNTIL`` (and ``WKST=MO``). A monthly rule has one ``BYMONTHDAY``
        (1 to 31, or -1) or one numbered ``BYDAY`` (``2TU``, ``-1FR``: 1 to 4, or -1). Names
        and values are read case-insensitively and an ``RRULE:`` prefix is optional.
        ``BYHOUR`` times ``BYMINUTE`` gives the times of day (minute 0 without ``BYMINUTE``);
        ``UNTIL`` is read as a date (the time of a ``YYYYMMDDTHHMMSSZ`` value is dropped).
        DTSTART is not part of a rule: pass ``start`` instead.

        Raises:
            ValidationError: the text is longer than 1,000 characters, malformed, uses a part
                outside the subset, has ``INTERVAL`` below 1, ``COUNT`` above 10,000, or both
                ``COUNT`` and ``UNTIL``. The problem's path names the part, e.g. ``rrule.COUNT``.

        Example:
            >>> Recurrence.from_rrule("FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=7;BYMINUTE=30").describe()
            'every Monday and Wednesday at 07:30'
            >>> Recurrence.from_rrule("FREQ=MONTHLY;BYDAY=-1FR").describe()
            'on the last Friday of every month'
        """
        from selfcare._time.rrule import parse  # _rrule builds Recurrence values

        return parse(text, start)

    def to_rrule(self) -> str:
        """Write this recurrence as an RFC 5545 rule, without ``DTSTART`` (``start`` is left out).

        ``Recurrence.from_rrule(r.to_rrule(), start=r.start) == r`` for every recurrence the
        subset can express.

        Raises:
            ValidationError: the recurrence cannot be written in the subset: a times-per-week
                target, skipped dates (``EXDATE``), times with seconds, or times of day that are
                not every hour of a set at every minute of a set.

        Example:
            >>> Recurrence.every_n_days(2, at=datetime.time(7), count=10).to_rrule()
            'FREQ=DAILY;INTERVAL=2;BYHOUR=7;BYMINUTE=0;COUNT=10'
            >>> Recurrence.monthly(weekday=Weekday.TUESDAY, nth=2, every_months=3).to_rrule()
            'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU'
        """
        from selfcare._time.rrule import write  # _rrule builds Recurrence values

        return write(self)

    def occurrences(
        self,
        start: dt.datetime | dt.date,
        end: dt.datetime | dt.date,
        *,
        tz: str | zoneinfo.ZoneInfo,
        origin: dt.date | None = None,
        default_time: dt.time = dt.time(9),
        limit: int = 10_000,
    ) -> tuple[pendulum.DateTime, ...]:
        """The occurrences in the half-open window ``[start, end)``, in order.

        Each occurrence is the wall-clock time on its day in ``tz``, by the DST policy: a
        time that does not exist that day moves forward by the length of the gap, and an
        ambiguous time is the earlier of its two instants (see ``docs/reference/time.md``).
        Two times that land on the same instant give one occurrence. Only the days from
        0001-01-05 to 9999-12-27 hold occurrences; a window may reach past them.

        Args:
            start: the first instant of the window: an aware ``datetime`` (stdlib or
                pendulum, any zone) or a ``date``, meaning its first moment in ``tz``.
            end: the instant just after the window, given the same way.
            tz: the IANA zone the wall-clock times are in, e.g. ``"Europe/London"``: the
                name of a place, or ``"UTC"``.
            origin: the day to count from when the recurrence has no ``start``; it stands in
                for ``start`` (nothing happens before it). Needed then for an interval
                above 1 or a ``count``; ignored when the recurrence has a ``start``.
            default_time: the time of day used when the recurrence has no times.
            limit: the most occurrences to return, from 1 to 1,000,000.

        Returns:
            Canonical pendulum ``DateTime`` values in ``tz``.

        Raises:
            TooManyOccurrencesError: the window holds more than ``limit`` occurrences.
            ValidationError: an argument is invalid, or ``origin`` is needed and missing.

        Example:
            >>> r = Recurrence.daily(at=datetime.time(7))
            >>> [o.to_iso8601_string() for o in r.occurrences(
            ...     datetime.date(2026, 3, 28), datetime.date(2026, 3, 30), tz="Europe/London")]
            ['2026-03-28T07:00:00+00:00', '2026-03-29T07:00:00+01:00']
        """
        from selfcare._time.occurrences import occurrences  # it imports this module

        return occurrences(
            self,
            start,
            end,
            tz=tz,
            origin=origin,
            default_time=default_time,
            limit=limit,
        )

    def dates(
        self, first: dt.date, last: dt.date, *, origin: dt.date | None = None, limit: int = 10_000
    ) -> tuple[dt.date, ...]:
        """The dates in ``[first, last]`` (both included) this recurrence falls on.

        Dates are the days of the rule itself, without a zone: ``start``, ``until``,
        ``count`` and ``skipped`` apply, and ``origin`` and ``limit`` mean what they mean
        for :meth:`occurrences`.

        Example:
            >>> Recurrence.times_per_week(3).dates(
            ...     datetime.date(2026, 1, 5), datetime.date(2026, 1, 11))
            (datetime.date(2026, 1, 5), datetime.date(2026, 1, 7), datetime.date(2026, 1, 9))
        """
        from selfcare._time.occurrences import dates  # it imports this module

        return dates(self, first, last, origin=origin, limit=limit)

    def week_targets(
        self, first: dt.date, last: dt.date, *, origin: dt.date | None = None, limit: int = 10_000
    ) -> tuple[tuple[dt.date, int], ...]:
        """How many occurrences each ISO week (Monday to Sunday) touching ``[first, last]`` holds.

        Whole weeks are counted, also where they reach outside ``[first, last]``. For a
        times-per-week rule this is its target for the week (less in a week cut by ``start``,
        ``until``, ``count``, skipped dates or the ends of the supported range, 0001-01-05 to
        9999-12-27). ``limit`` caps the number of weeks.

        Returns:
            ``(monday, occurrences)`` for each week, in order.

        Example:
            >>> Recurrence.times_per_week(3).week_targets(
            ...     datetime.date(2026, 1, 7), datetime.date(2026, 1, 12))
            ((datetime.date(2026, 1, 5), 3), (datetime.date(2026, 1, 12), 3))
        """
        from selfcare._time.occurrences import week_targets  # it imports this module

        return week_targets(self, first, last, origin=origin, limit=limit)

    def describe(self) -> str:
        """Describe the recurrence in plain English.

        Example:
            >>> Recurrence.monthly(-1).describe()
            'on the last day of every month'
            >>> Recurrence.monthly(weekday=Weekday.TUESDAY, nth=2).describe()
            'on the second Tuesday of every month'
            >>> Recurrence.weekly(set(Weekday), every_weeks=2).describe()
            'each day, every 2 weeks'
        """
        if self.frequency is Frequency.DAILY:
            text = "every day" if self.interval == 1 else f"every {self.interval} days"
        elif self.frequency is Frequency.WEEKLY:
            text = _weekly(self.weekdays, self.interval)
        elif self.frequency is Frequency.MONTHLY:
            day = _day_of_month(self)
            text = (
                f"on the {day} of every month"
                if self.interval == 1
                else f"every {self.interval} months on the {day}"
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


_MONDAY_TO_FRIDAY = frozenset(Weekday) - {Weekday.SATURDAY, Weekday.SUNDAY}


def _weekly(weekdays: frozenset[Weekday], interval: int) -> str:
    """The days of a weekly rule: every Monday and Thursday, every weekday, each day..."""
    if weekdays in (frozenset(Weekday), _MONDAY_TO_FRIDAY):
        days = "day" if len(weekdays) == 7 else "weekday"
        return f"every {days}" if interval == 1 else f"each {days}, every {interval} weeks"
    names = [day.name.title() for day in sorted(weekdays)]
    days = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"every {days}" if interval == 1 else f"every {interval} weeks on {days}"


def _day_of_month(r: Recurrence) -> str:
    """The day of a monthly rule, as in "the 15th", "the last day" or "the second Tuesday"."""
    if r.nth is not None:
        return f"{_NTH[r.nth]} {next(iter(r.weekdays)).name.title()}"
    day = r.monthday
    assert day is not None
    if day == -1:
        return "last day"
    suffix = "th" if day in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _validate(r: Recurrence) -> None:
    if not isinstance(r.frequency, Frequency):
        raise fail("frequency", f"expected a Frequency (e.g. Frequency.DAILY), {got(r.frequency)}")
    interval = r.interval
    if type(interval) is not int or not 1 <= interval <= _MAX_INTERVAL[r.frequency]:
        check_int("interval", interval, 1, _MAX_INTERVAL[r.frequency])
    weekdays: Any = r.weekdays
    if not isinstance(weekdays, frozenset):
        raise fail("weekdays", _WEEKDAYS)
    for day in weekdays:
        if not isinstance(day, Weekday):
            raise fail("weekdays", _WEEKDAYS)
    if r.frequency is Frequency.WEEKLY and not weekdays:
        raise fail("weekdays", "expected at least one weekday for a weekly recurrence")
    if r.frequency is Frequency.MONTHLY:
        _validate_monthly(r.monthday, r.nth, weekdays)
    else:
        if weekdays and r.frequency is not Frequency.WEEKLY:
            raise fail(
                "weekdays",
                "only weekly and monthly recurrences have weekdays; use Recurrence.weekly",
            )
        if r.monthday is not None:
            raise fail(
                "monthday",
                "only a monthly recurrence has a day of the month; use Recurrence.monthly, "
                "or leave monthday None",
            )
        if r.nth is not None:
            raise fail(
                "nth", "only a monthly recurrence has nth; use Recurrence.monthly, or leave it None"
            )
    if r.frequency is Frequency.TIMES_PER_WEEK:
        check_int("per_week", r.per_week, 1, 7)
    elif r.per_week is not None:
        raise fail("per_week", "only a times-per-week recurrence has per_week; leave it None")
    start, until = r.start, r.until
    if start is not None and until is not None and until < start:
        raise fail("until", "expected a date on or after 'start'")
    if r.count is not None:
        check_int("count", r.count, 1, MAX_COUNT)
        if until is not None:
            raise fail("count", "give either 'count' or 'until', not both (as RFC 5545 requires)")


def _validate_monthly(monthday: object, nth: object, weekdays: frozenset[Weekday]) -> None:
    """A monthly rule has a day of the month, or an ``nth`` and one weekday, never both."""
    if monthday is not None:
        if not _day_or_last(monthday, 31):
            raise fail(
                "monthday",
                "expected a day of the month from 1 to 31, or -1 for the last day, "
                + got(monthday),
            )
        if nth is not None:
            raise fail(
                "nth",
                "a monthly recurrence falls on a day of the month or on the nth weekday, not "
                "both; leave nth None, or leave out the day",
            )
        if weekdays:
            raise fail(
                "weekdays",
                "a monthly recurrence on a day of the month has no weekday; leave out the "
                "weekday, or give nth instead of the day",
            )
    elif nth is not None:
        if not _day_or_last(nth, 4):
            raise fail(
                "nth", f"expected 1 to 4 (the first to the fourth) or -1 (the last), {got(nth)}"
            )
        if len(weekdays) != 1:
            raise fail(
                "weekdays",
                f"expected one weekday for a monthly recurrence on the nth weekday, got "
                f"{len(weekdays)}; pass e.g. weekday=Weekday.TUESDAY",
            )
    elif weekdays:
        raise fail(
            "nth",
            "expected nth with the weekday of a monthly recurrence: 1 to 4 (the first to the "
            "fourth) or -1 (the last), e.g. nth=2",
        )
    else:
        raise fail(
            "monthday",
            "expected a day of the month or a weekday with nth for a monthly recurrence, e.g. "
            "Recurrence.monthly(15) or Recurrence.monthly(weekday=Weekday.TUESDAY, nth=2)",
        )


def _day_or_last(value: object, high: int) -> bool:
    """Whether ``value`` is an integer from 1 to ``high``, or -1 (the last)."""
    if not isinstance(value, int) or isinstance(value, bool):
        return False
    return value == -1 or 1 <= value <= high


_MAX_INTERVAL = {
    Frequency.DAILY: 366,
    Frequency.WEEKLY: 52,
    Frequency.TIMES_PER_WEEK: 1,
    Frequency.MONTHLY: 12,
}
_WEEKDAYS = "expected a collection of Weekday members, e.g. {Weekday.MONDAY}"
_NTH = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
#: Months a year that have a day of the month, on average, where it is not every month.
_MONTHS_WITH = {29: 11 + 97 / 400, 30: 11.0, 31: 7.0}
