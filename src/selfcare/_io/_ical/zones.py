"""VTIMEZONE components in the yearly-rule style calendar clients import best.

``icalendar`` can write a VTIMEZONE from a zone (``Timezone.from_tzinfo``), but as one
observance per offset with a list of ``RDATE`` values, which Outlook reads badly. Here each
run of changes that follows one yearly rule (the last Sunday of March at 01:00 UTC, the
second Sunday of March at 02:00 local) becomes one observance with ``RRULE:FREQ=YEARLY``,
``BYMONTH`` and a numbered ``BYDAY``; a change that follows no rule is an observance of its
own. The changes come from the tz database (:func:`selfcare._time.offsets.year_offsets`), over
the years of the events and the year before, so the offset at the first event is always
defined by an observance that began before it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import zoneinfo
from collections.abc import Iterable

import attrs
from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from selfcare._time.calendar import Weekday
from selfcare._time.offsets import year_offsets

__all__ = ["vtimezone"]

_EPOCH = dt.datetime(1970, 1, 1)


@attrs.frozen
class _Change:
    """One change of offset: the wall time it happens at (in the offset before), and after."""

    wall: dt.datetime
    instant: int
    before: int
    after: int
    name: str
    dst: bool

    @property
    def kind(self) -> tuple[int, int, str, bool]:
        return self.before, self.after, self.name, self.dst

    def rule(self) -> tuple[tuple[int, int, dt.time], frozenset[int]]:
        """The month, weekday and time of day, and the ways to number its weekday (2, -1)."""
        day = self.wall.day
        nth = {(day - 1) // 7 + 1} - {5}
        if day + 7 > calendar.monthrange(self.wall.year, self.wall.month)[1]:
            nth.add(-1)
        return (self.wall.month, self.wall.weekday(), self.wall.time()), frozenset(nth)


def vtimezone(key: str, first: dt.date, last: dt.date) -> Timezone:
    """The VTIMEZONE of IANA zone ``key`` for events from ``first`` to ``last``.

    Example:
        >>> text = vtimezone("Europe/Berlin", datetime.date(2026, 1, 1),
        ...                  datetime.date(2026, 12, 31)).to_ical().decode()
        >>> "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
        True
    """
    tz = zoneinfo.ZoneInfo(key)
    start = dt.datetime(first.year - 1, 1, 1, tzinfo=dt.UTC)
    changes = [
        _change(tz, instant, before, after)
        for year in range(first.year - 1, last.year + 1)
        for instant, before, after, *_ in year_offsets(key, year)[1]
    ]
    component = Timezone()
    component.add("TZID", key)
    observances: list[tuple[dt.datetime, TimezoneStandard | TimezoneDaylight]] = []
    if not changes or changes[0].wall.year > start.year:
        offset = year_offsets(key, start.year)[0]
        local = start.astimezone(tz)
        wall = (start + dt.timedelta(seconds=offset)).replace(tzinfo=None)
        initial = _Change(wall, 0, offset, offset, _name(local), _summer(local))
        observances.append((wall, _observance(initial, [])))
    for run in _runs(changes):
        head, *rest = run
        # A rule cut short ends a day after its last change: readers that compare UNTIL with
        # local times (dateutil) and those that compare instants both keep that change.
        until = None if run[-1].wall.year == last.year else run[-1].instant + 2 * 86_400
        if rest:  # a yearly pair: daylight is the later of the two offsets (Dublin's summer)
            head = attrs.evolve(head, dst=head.after > head.before)
        observances.append((head.wall, _observance(head, rest, until)))
    for _, observance in sorted(observances, key=lambda pair: pair[0]):
        component.add_component(observance)
    return component


def _change(tz: zoneinfo.ZoneInfo, instant: int, before: int, after: int) -> _Change:
    local = dt.datetime.fromtimestamp(instant, tz)
    wall = _EPOCH + dt.timedelta(seconds=instant + before)
    return _Change(wall, instant, before, after, _name(local), _summer(local))


def _summer(local: dt.datetime) -> bool:
    """Daylight saving time: ahead of the zone's standard time (Dublin's winter is behind it)."""
    saving = local.dst()
    return saving is not None and saving > dt.timedelta(0)


def _name(local: dt.datetime) -> str:
    return local.tzname() or "UTC"


def _runs(changes: Iterable[_Change]) -> list[list[_Change]]:
    """The changes of each kind, split into runs that one yearly rule describes."""
    by_kind: dict[tuple[int, int, str, bool], list[list[_Change]]] = {}
    for change in changes:
        runs = by_kind.setdefault(change.kind, [])
        if runs and _continues(runs[-1], change):
            runs[-1].append(change)
        else:
            runs.append([change])
    return [run for runs in by_kind.values() for run in runs]


def _continues(run: list[_Change], change: _Change) -> bool:
    shape, numbers = change.rule()
    if change.wall.year != run[-1].wall.year + 1:
        return False
    common = numbers
    for earlier in run:
        earlier_shape, earlier_numbers = earlier.rule()
        common &= earlier_numbers
        if earlier_shape != shape:
            return False
    return bool(common)


def _observance(
    head: _Change, rest: list[_Change], until: int | None = None
) -> TimezoneStandard | TimezoneDaylight:
    observance = TimezoneDaylight() if head.dst else TimezoneStandard()
    observance.add("DTSTART", head.wall)
    observance.add("TZOFFSETFROM", dt.timedelta(seconds=head.before))
    observance.add("TZOFFSETTO", dt.timedelta(seconds=head.after))
    observance.add("TZNAME", head.name)
    if rest:
        numbers = head.rule()[1].intersection(*(c.rule()[1] for c in rest))
        nth = min(numbers)  # the last (-1) where it fits every year, as most zone rules say
        rule = {"FREQ": "YEARLY", "BYMONTH": head.wall.month}
        rule["BYDAY"] = f"{nth}{Weekday(head.wall.weekday()).code}"
        if until is not None:
            rule["UNTIL"] = dt.datetime.fromtimestamp(until, dt.UTC)
        observance.add("RRULE", vRecur(rule))
    return observance
