"""Occurrences of recurrences, rituals and plan items as zoned pendulum ``DateTime`` values.

The inner loop works on date ordinals and integer seconds (see :mod:`selfcare._time.schedule` and
:mod:`selfcare._time.offsets`); a pendulum value is built only for each occurrence returned.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import cast

import pendulum

from selfcare._core.checks import check_date, check_int, check_time, fail, got
from selfcare._core.errors import TooManyOccurrencesError
from selfcare._time.calendar import Period
from selfcare._time.offsets import (
    DATE_RANGE,
    DAY,
    EPOCH_ORDINAL,
    MAX_OFFSET,
    MAX_ORDINAL,
    MIN_ORDINAL,
    Offsets,
)
from selfcare._time.recurrence import Recurrence
from selfcare._time.schedule import Schedule, without
from selfcare._time.zoned import DateTime, check_zone_arg, zone

DEFAULT_LIMIT = 10_000
MAX_LIMIT = 1_000_000
DEFAULT_TIME = dt.time(9)
_NONE: frozenset[int] = frozenset()

Bound = dt.datetime | dt.date
Zone = str | zoneinfo.ZoneInfo


def zone_key(value: object) -> str:
    """Require an IANA zone, by name or as a ``ZoneInfo`` (as pendulum's are); return the name."""
    return check_zone_arg("tz", value)


def check_limit(value: object) -> int:
    """Require a limit on the occurrences of one call."""
    check_int("limit", value, 1, MAX_LIMIT)
    assert isinstance(value, int)
    return value


def resolve_local(day: dt.date, time: dt.time, tz: Zone) -> pendulum.DateTime:
    """The instant a wall-clock time on a day stands for in a zone, by the DST policy.

    The time is kept when it exists; a time skipped by a change of offset (a gap) moves
    forward by the length of the gap; a time that happens twice (a fold) is the earlier
    of the two. This is RFC 5545's rule, and the stdlib's reading of ``fold=0``.

    Args:
        day: the local date.
        time: the wall-clock time, without a zone.
        tz: an IANA zone name such as ``"Europe/London"``, or a ``ZoneInfo``.

    Returns:
        A canonical pendulum ``DateTime`` in ``tz``.

    Raises:
        ValidationError: a value is of the wrong kind, the zone is unknown, or the day is
            outside the supported range, 0001-01-05 to 9999-12-27.

    Example:
        >>> resolve_local(datetime.date(2026, 3, 29), datetime.time(1, 30), "Europe/London")
        DateTime(2026, 3, 29, 2, 30, 0, tzinfo=Timezone('Europe/London'))
        >>> resolve_local(datetime.date(2026, 10, 25), datetime.time(1, 30), "Europe/London")
        DateTime(2026, 10, 25, 1, 30, 0, tzinfo=Timezone('Europe/London'))
    """
    key = zone_key(tz)
    checked = check_date("day", day)
    ordinal = checked.toordinal()
    if not MIN_ORDINAL <= ordinal <= MAX_ORDINAL:
        raise fail(
            "day",
            f"expected a date {DATE_RANGE} (the supported range), got {checked}; "
            "pick a day inside it",
        )
    clock = check_time("time", time)
    seconds = clock.hour * 3600 + clock.minute * 60 + clock.second
    _, shown, fold = _resolve(Offsets(key), ordinal, seconds)
    return _at_wall(shown, fold, zone(key))


def _resolve(offsets: Offsets, ordinal: int, seconds: int) -> tuple[int, int, int]:
    ld = (ordinal - EPOCH_ORDINAL) * DAY
    if offsets.seek(ld):
        return ld + seconds - offsets.offset, ld + seconds, 0
    return offsets.resolve(ld + seconds)


def _at_wall(wall: int, fold: int, tz: pendulum.Timezone) -> pendulum.DateTime:
    day = dt.date.fromordinal(EPOCH_ORDINAL + wall // DAY)
    hour, rest = divmod(wall % DAY, 3600)
    return DateTime(day.year, day.month, day.day, hour, rest // 60, rest % 60, tzinfo=tz, fold=fold)


#: ``DateTime(state, tzinfo)``, where ``state`` is ten bytes (year, month, day, hour, minute,
#: second, microsecond), is the form every datetime is unpickled with. It skips parsing eight
#: arguments and builds a value in less than half the time; tests/test_occurrences.py checks
#: that it builds what the ordinary constructor builds.
_unpack = cast("Callable[[bytes, dt.tzinfo], DateTime]", DateTime)
#: Packing a year's dates pays off from this many days of it on.
_PACK_FROM = 16


@lru_cache(maxsize=64)
def _packed_dates(year: int) -> tuple[bytes, ...]:
    """The date part of a datetime's packed state, for each day of ``year`` (18 kB a year)."""
    first = dt.date(year, 1, 1).toordinal()
    days = map(dt.date.fromordinal, range(first, dt.date(year, 12, 31).toordinal() + 1))
    return tuple(bytes((year >> 8, year & 255, d.month, d.day)) for d in days)


def _instant(field: str, value: object, offsets: Offsets) -> int:
    """A window bound as whole seconds since the epoch, rounded up (occurrences are whole)."""
    if isinstance(value, dt.datetime):
        offset = dt.datetime.utcoffset(value)
        if offset is None:
            raise fail(
                field,
                "expected an aware datetime or a date; a naive datetime is no instant, so give "
                "it a zone, e.g. pendulum.datetime(2026, 1, 5, tz='Europe/London')",
            )
        wall = (value.toordinal() - EPOCH_ORDINAL) * DAY
        wall += value.hour * 3600 + value.minute * 60 + value.second
        micros = wall * 1_000_000 + value.microsecond - offset // dt.timedelta(microseconds=1)
        return -(-micros // 1_000_000)
    if isinstance(value, dt.date):
        # Days outside the supported range hold no occurrences: a bound before it is its
        # first day, and one after it the day after its last, so the last day is included.
        ordinal = min(max(value.toordinal(), MIN_ORDINAL), MAX_ORDINAL + 1)
        return _resolve(offsets, ordinal, 0)[0]
    raise fail(field, f"expected an aware datetime or a date, {got(value)}")


def window(start: object, end: object, offsets: Offsets) -> tuple[int, int]:
    """The bounds of ``[start, end)`` as seconds since the epoch, checked and in order."""
    low, high = _instant("start", start, offsets), _instant("end", end, offsets)
    if high < low:
        raise fail("end", "expected an instant on or after 'start'; swap the two bounds")
    return low, high


def occurrences(
    rule: Recurrence,
    start: Bound,
    end: Bound,
    *,
    tz: Zone,
    origin: dt.date | None = None,
    default_time: dt.time = DEFAULT_TIME,
    limit: int = DEFAULT_LIMIT,
    pauses: Iterable[Period] = (),
) -> tuple[pendulum.DateTime, ...]:
    """The occurrences of ``rule`` in ``[start, end)``; see :meth:`Recurrence.occurrences`."""
    key = zone_key(tz)
    times = rule.times or (check_time("default_time", default_time),)
    schedule = Schedule(rule, origin)
    offsets = Offsets(key, sparse=schedule.sparse)
    low, high = window(start, end, offsets)
    expansion = _Expansion(schedule, times, offsets, low, high, check_limit(limit))
    # The days whose times can fall in the window. A wall time is within MAX_OFFSET of its
    # instant; from a date on, only the day before can reach in (moved forward by a gap),
    # and nothing on the day of an end date comes before its first moment.
    if isinstance(start, dt.datetime):
        first = max(MIN_ORDINAL, EPOCH_ORDINAL + (low - MAX_OFFSET) // DAY)
    else:
        first = max(MIN_ORDINAL, start.toordinal() - 1)
    if isinstance(end, dt.datetime):
        last = min(MAX_ORDINAL, EPOCH_ORDINAL + (high + MAX_OFFSET) // DAY)
    else:
        last = min(MAX_ORDINAL, end.toordinal() - 1)
    gone = frozenset(day.toordinal() for day in rule.skipped) if rule.skipped else _NONE
    for a, b in without(first, last, pauses) if pauses else ((first, last),):
        expansion.run(a, b, gone)
    return expansion.result()


class _Expansion:
    """One call's walk through runs of quiet days, building a pendulum value per occurrence."""

    def __init__(
        self,
        schedule: Schedule,
        times: tuple[dt.time, ...],
        offsets: Offsets,
        low: int,
        high: int,
        limit: int,
    ) -> None:
        self.schedule, self.low, self.high, self.limit = schedule, low, high, limit
        self.seconds = [t.hour * 3600 + t.minute * 60 + t.second for t in times]
        self.clocks = [(t.hour, t.minute, t.second) for t in times]
        self.packed = [bytes((t.hour, t.minute, t.second, 0, 0, 0)) for t in times]
        self.offsets = offsets
        self.tz = zone(offsets.key)
        self.out: list[pendulum.DateTime] = []
        self.moved = 0  # occurrences moved by a gap: maybe out of order, maybe repeated

    def run(self, first: int, last: int, gone: frozenset[int]) -> None:
        """Add the occurrences of the scheduled days in ``[first, last]`` not in ``gone``.

        The days are taken a fetched region of the zone (two years) at a time and cut at its
        transitions: the days in between share one offset, and only the days a gap or fold
        touches are resolved one time at a time.
        """
        schedule, offsets = self.schedule, self.offsets
        day = schedule.after(first)
        while day <= last:
            at = offsets.cover((day - EPOCH_ORDINAL) * DAY)
            end = min(last, EPOCH_ORDINAL + (offsets.horizon - MAX_OFFSET) // DAY - 1)
            days = schedule.days(day, end)
            if gone:
                days = [d for d in days if d not in gone]
            offset, done = offsets.before, 0
            for transition in offsets.near[at:]:
                if not days or EPOCH_ORDINAL + transition[3] // DAY > days[-1]:
                    break
                touched = bisect_left(days, EPOCH_ORDINAL + transition[3] // DAY, done)
                self._quiet(days[done:touched], offset)
                done = bisect_right(days, EPOCH_ORDINAL + (transition[4] - 1) // DAY, touched)
                for ordinal in days[touched:done]:
                    self._touched(ordinal)
                offset = transition[2]
            self._quiet(days[done:], offset)
            if len(self.out) > self.limit + self.moved:
                raise TooManyOccurrencesError(self.limit)
            day = schedule.after(end + 1)

    def _quiet(self, days: Sequence[int], offset: int) -> None:
        if not days:
            return
        # days whose every time is inside the window need no checks, only the ends do
        inside_from = EPOCH_ORDINAL - (-(self.low + offset - self.seconds[0]) // DAY)
        inside_to = EPOCH_ORDINAL - (-(self.high + offset - self.seconds[-1]) // DAY)
        if days[0] >= inside_from and days[-1] < inside_to and days[-1] != self.schedule.cap_day:
            self._make(days)
            return
        head = bisect_left(days, inside_from)
        tail = max(head, bisect_left(days, inside_to))
        if tail > head and days[tail - 1] == self.schedule.cap_day:
            tail -= 1
        for ordinal in days[:head]:
            self._checked(ordinal, offset)
        self._make(days[head:tail])
        for ordinal in days[tail:]:
            self._checked(ordinal, offset)

    def _make(self, days: Sequence[int]) -> None:
        """Add every time of each day, all inside the window and untouched by transitions."""
        tz, at = self.tz, 0
        while at < len(days):
            year = dt.date.fromordinal(days[at]).year
            first = dt.date(year, 1, 1).toordinal()
            end = bisect_left(days, dt.date(year, 12, 31).toordinal() + 1, at)
            if len(self.out) + (end - at) * len(self.clocks) > self.limit + self.moved:
                raise TooManyOccurrencesError(self.limit)
            if end - at < _PACK_FROM:
                self.out += [
                    DateTime(d.year, d.month, d.day, h, m, s, 0, tz)
                    for d in map(dt.date.fromordinal, days[at:end])
                    for h, m, s in self.clocks
                ]
            else:
                table = _packed_dates(year)
                self.out += [
                    _unpack(table[d - first] + clock, tz)
                    for d in days[at:end]
                    for clock in self.packed
                ]
            at = end

    def _slots(self, ordinal: int) -> int:
        return self.schedule.cap_slots if ordinal == self.schedule.cap_day else len(self.seconds)

    def _checked(self, ordinal: int, offset: int) -> None:
        base = (ordinal - EPOCH_ORDINAL) * DAY - offset
        day = dt.date.fromordinal(ordinal)
        for seconds, (hour, minute, second) in zip(
            self.seconds[: self._slots(ordinal)], self.clocks, strict=False
        ):
            if self.low <= base + seconds < self.high:
                self.out.append(
                    DateTime(day.year, day.month, day.day, hour, minute, second, 0, self.tz)
                )

    def _touched(self, ordinal: int) -> None:
        ld = (ordinal - EPOCH_ORDINAL) * DAY
        self.offsets.cover(ld)
        for seconds in self.seconds[: self._slots(ordinal)]:
            moment, shown, fold = self.offsets.resolve(ld + seconds)
            if self.low <= moment < self.high:
                self.out.append(_at_wall(shown, fold, self.tz))
                self.moved += shown != ld + seconds

    def result(self) -> tuple[pendulum.DateTime, ...]:
        """The occurrences, in order, one per instant."""
        out = self.out
        if self.moved:
            # RFC 5545's recurrence set holds an instant once
            unique = {int(o.timestamp()): o for o in out}
            out = [unique[moment] for moment in sorted(unique)]
        if len(out) > self.limit:
            raise TooManyOccurrencesError(self.limit)
        return tuple(out)


def dates(
    rule: Recurrence,
    first: dt.date,
    last: dt.date,
    *,
    origin: dt.date | None = None,
    limit: int = DEFAULT_LIMIT,
    pauses: Iterable[Period] = (),
) -> tuple[dt.date, ...]:
    """The dates ``rule`` falls on in ``[first, last]``; see :meth:`Recurrence.dates`."""
    low, high = _date_range(first, last)
    limit = check_limit(limit)
    schedule = Schedule(rule, origin)
    out: list[dt.date] = []
    for chunk in schedule.chunks(low, high, rule.skipped, pauses):
        if len(out) + len(chunk) > limit:
            raise TooManyOccurrencesError(limit)
        out += map(dt.date.fromordinal, chunk)
    return tuple(out)


def week_targets(
    rule: Recurrence,
    first: dt.date,
    last: dt.date,
    *,
    origin: dt.date | None = None,
    limit: int = DEFAULT_LIMIT,
    pauses: Iterable[Period] = (),
) -> tuple[tuple[dt.date, int], ...]:
    """Occurrences expected in each ISO week; see :meth:`Recurrence.week_targets`."""
    low, high = _date_range(first, last)
    limit = check_limit(limit)
    monday, sunday = low - (low + 6) % 7, high + (6 - (high + 6) % 7)
    if (sunday - monday + 1) // 7 > limit:
        raise TooManyOccurrencesError(limit, "weeks")
    schedule = Schedule(rule, origin)
    counts = dict.fromkeys(range(monday, sunday, 7), 0)
    for chunk in schedule.chunks(monday, sunday, rule.skipped, pauses):
        for ordinal in chunk:
            week = ordinal - (ordinal + 6) % 7
            counts[week] += schedule.cap_slots if ordinal == schedule.cap_day else schedule.slots
    return tuple((dt.date.fromordinal(week), n) for week, n in counts.items())


def _date_range(first: object, last: object) -> tuple[int, int]:
    low = check_date("first", first).toordinal()
    high = check_date("last", last).toordinal()
    if high < low:
        raise fail("last", "expected a date on or after 'first'; swap the two dates")
    return max(low, MIN_ORDINAL), min(high, MAX_ORDINAL)
