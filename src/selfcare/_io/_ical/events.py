"""Plans and working days as iCalendar events (see ``docs/reference/ical.md``).

A plan item becomes one event per time of day, a timed ritual one event, and a working
day's protected blocks one busy event each. A recurring event is its first day, an
``RRULE`` written by :meth:`Recurrence.to_rrule` (with ``UNTIL`` in UTC, as RFC 5545 asks
when ``DTSTART`` has a zone) and ``EXDATE`` for the days the rule would hold but the item
does not (skipped dates, the item's pauses and the plan's; ``UNTIL`` is where a ``count`` or
the plan ends). The days themselves come from :meth:`PlanItem.occurrences`, so the events
stand for exactly the instants the library computes; where no rule describes them (an item
several times a week on days that change week to week), the days are listed with ``RDATE``.
Each rest of the whole plan is an all-day event of its own ("Resting: holiday").
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Iterator, Sequence

import attrs
from icalendar import Alarm, Calendar, Event, vRecur

from selfcare._core.describe import minutes_phrase
from selfcare._core.errors import ValidationError
from selfcare._io._ical.zones import vtimezone
from selfcare._model.catalog import Catalog
from selfcare._model.pauses import Pause
from selfcare._model.rituals import AnchorKind, Ritual
from selfcare._plans.plan import Plan, PlanItem
from selfcare._time.calendar import Period, Weekday
from selfcare._time.occurrences import dates, occurrences, resolve_local
from selfcare._time.recurrence import Recurrence
from selfcare._workday.day import Block, BlockKind, Workday

__all__ = ["Options", "plan_calendar", "workday_calendar"]

PRODID = "-//selfcare//selfcare//EN"
_LIMIT = 1_000_000


@attrs.frozen
class Options:
    """What the caller asked for, already checked."""

    stamp: dt.datetime
    reasons: bool = False
    sessions: bool = False
    cancelled: bool = False
    reminders: tuple[int, ...] = ()


def plan_calendar(plan: Plan, catalog: Catalog, options: Options) -> Calendar:
    """A VCALENDAR of the plan's items and timed rituals (and removed ones, if asked)."""
    events = list(_plan_events(plan, plan.items, plan.rituals, plan.pauses, catalog, options))
    if options.cancelled:
        current = {str(e["UID"]) for e in events}
        for revision in reversed(plan.revisions):  # the latest form of each removed event
            before = (revision.items, revision.rituals, revision.pauses)
            for event in _plan_events(plan, *before, catalog, options):
                if str(event["UID"]) not in current:
                    current.add(str(event["UID"]))
                    event.add("STATUS", "CANCELLED")
                    events.append(event)
    return _calendar(events, plan.timezone, plan.period)


def workday_calendar(days: Sequence[Workday], owner: str, options: Options) -> Calendar:
    """A VCALENDAR of the protected blocks of each day (and the sessions, if asked)."""
    events = []
    for day in days:
        counts: dict[BlockKind, int] = {}
        for block in day.blocks:
            if block.kind is BlockKind.FREE:
                continue
            if block.kind is BlockKind.SESSION and not options.sessions:
                continue
            counts[block.kind] = counts.get(block.kind, 0) + 1
            uid = f"{owner}/{day.day.isoformat()}/{block.kind.value}/{counts[block.kind]}"
            events.append(_block_event(block, day.tz, uid, options))
    zone = days[0].tz if days else "UTC"
    period = Period(days[0].day, days[-1].day) if days else None
    return _calendar(events, zone, period)


def _calendar(events: Iterable[Event], key: str, period: Period | None) -> Calendar:
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    if period is not None and key != "UTC":  # UTC times are written with Z, no TZID
        calendar.add_component(vtimezone(key, period.first, period.last))
    for event in events:
        calendar.add_component(event)
    return calendar


# --- plans ---------------------------------------------------------------------------------


def _plan_events(
    plan: Plan,
    items: Sequence[PlanItem],
    rituals: Sequence[Ritual],
    pauses: Sequence[Pause],
    catalog: Catalog,
    options: Options,
) -> Iterator[Event]:
    rest = tuple(pause.period for pause in pauses)  # acts on every item and timed ritual
    for item in items:
        name = catalog.strategy(item.strategy_id).name
        text = "\n".join(r.text for r in item.reasons) if options.reasons else ""
        yield from _series(
            plan,
            f"{plan.id}/items/{item.strategy_id}",
            name,
            item.recurrence,
            item.minutes,
            (*item.pauses, *rest),
            text,
            item.reminders,
            options,
        )
    for ritual in rituals:
        if ritual.anchor.kind is not AnchorKind.AT_TIME:
            continue  # placed around sessions by the workday planner, not at a time
        assert ritual.anchor.time is not None
        rule = attrs.evolve(ritual.recurrence, times=(ritual.anchor.time,))
        text = ritual.description if options.reasons else ""
        yield from _series(
            plan,
            f"{plan.id}/rituals/{ritual.id}",
            ritual.name,
            rule,
            ritual.minutes,
            rest,
            text,
            ritual.reminders,
            options,
        )
    for pause in sorted(pauses, key=lambda p: p.period.first):
        yield _rest_event(plan, pause, options)


def _rest_event(plan: Plan, pause: Pause, options: Options) -> Event:
    """A rest of the whole plan as one all-day event over its days; never why it was taken."""
    event = _event(f"{plan.id}/pauses/{pause.period.first.isoformat()}", plan.version - 1, options)
    event.add("SUMMARY", f"Resting: {pause.kind.value}")
    event.add("DTSTART", pause.period.first)
    event.add("DTEND", pause.period.last + dt.timedelta(days=1))  # the day after: exclusive
    event.add("TRANSP", "TRANSPARENT")
    return event


def _series(
    plan: Plan,
    uid: str,
    name: str,
    rule: Recurrence,
    minutes: int,
    pauses: Sequence[Period],
    text: str,
    reminders: Sequence[int],
    options: Options,
) -> Iterator[Event]:
    """The events of one item or ritual: one per time of day, or one all-day event.

    Its own ``reminders`` are its alarms; without any, a timed event has the call's. An
    all-day event has its own alone, before the start of its day.
    """
    period, key = plan.period, plan.timezone
    days = dates(rule, period.first, period.last, origin=period.first, limit=_LIMIT, pauses=pauses)
    if not rule.times:
        if days:
            event = _event(f"{uid}/day", plan.version - 1, options)
            event.add("SUMMARY", f"{name} ({minutes_phrase(minutes)})" if minutes else name)
            _when(event, rule, days, None, key)
            event.add("DURATION", dt.timedelta(days=1))
            event.add("TRANSP", "TRANSPARENT")
            _describe(event, text)
            _remind(event, name, reminders)
            yield event
        return
    found = {
        o.timestamp()
        for o in occurrences(
            rule,
            period.first,
            period.last + dt.timedelta(days=1),
            tz=key,
            origin=period.first,
            limit=_LIMIT,
            pauses=pauses,
        )
    }
    for number, time in enumerate(sorted(rule.times), start=1):
        slot = []
        for day in days:
            instant = resolve_local(day, time, key).timestamp()
            if instant in found:
                found.discard(instant)  # two times on one instant are one occurrence
                slot.append(day)
        if not slot:
            continue
        event = _event(f"{uid}/{number}", plan.version - 1, options)
        event.add("SUMMARY", name)
        _when(event, rule, slot, time, key)
        event.add("DURATION", dt.timedelta(minutes=minutes))
        event.add("TRANSP", "OPAQUE" if minutes else "TRANSPARENT")
        _describe(event, text)
        _remind(event, name, reminders or options.reminders)
        yield event


def _when(
    event: Event, rule: Recurrence, days: Sequence[dt.date], time: dt.time | None, key: str
) -> None:
    """DTSTART, then the rule with its UNTIL and EXDATEs, or RDATEs instead of a rule.

    At ``time`` in the zone, with UNTIL in UTC; or all day (dates) when ``time`` is None.
    """
    zone = _tzinfo(key)

    def value(day: dt.date) -> dt.date:
        return day if time is None else dt.datetime.combine(day, time, tzinfo=zone)

    event.add("DTSTART", value(days[0]))
    written = _rule(rule, days)
    if written is None:
        if days[1:]:
            event.add("RDATE", [value(d) for d in days[1:]])
        return
    text, extra = written
    recur = vRecur.from_ical(text)
    if time is None:
        recur["UNTIL"] = [days[-1]]
    else:
        instant = resolve_local(days[-1], time, key).timestamp()
        recur["UNTIL"] = [dt.datetime.fromtimestamp(instant, dt.UTC)]
    event.add("RRULE", recur)
    if extra:
        event.add("EXDATE", [value(d) for d in extra])


def _rule(rule: Recurrence, days: Sequence[dt.date]) -> tuple[str, list[dt.date]] | None:
    """An RRULE (without times or an end) from the first day, and the extra days it holds.

    The extra days are those the rule holds and ``days`` does not; ``None`` when one day is
    all there is, or when no rule fits the days well.
    """
    if len(days) < 2:
        return None
    if rule.per_week is not None:  # the concrete days it fell on, if they repeat weekly
        candidate = Recurrence.weekly({Weekday.of(d) for d in days}, start=days[0])
    else:
        candidate = attrs.evolve(
            rule, times=(), start=days[0], until=None, count=None, skipped=frozenset()
        )
    try:
        text = candidate.to_rrule()
    except ValidationError:
        return None
    held = candidate.dates(days[0], days[-1], origin=days[0], limit=_LIMIT)
    extra = sorted(set(held) - set(days))
    if set(days) - set(held) or len(extra) > len(days):
        return None
    return text, extra


# --- working days --------------------------------------------------------------------------


_TITLES = {
    BlockKind.SESSION: "Client session",
    BlockKind.TRANSITION: "Transition",
    BlockKind.NOTES: "Session notes",
    BlockKind.LUNCH: "Lunch",
    BlockKind.DECOMPRESSION: "Decompression",
}


def _block_event(block: Block, key: str, uid: str, options: Options) -> Event:
    event = _event(uid, 0, options)
    event.add("SUMMARY", _TITLES[block.kind])
    event.add("DTSTART", _local(block.start.timestamp(), key))
    event.add("DURATION", dt.timedelta(minutes=block.minutes))
    event.add("TRANSP", "OPAQUE")
    if block.kind is not BlockKind.SESSION:  # a session's text is the app's, never ours
        _describe(event, block.reason if options.reasons else "")
    _remind(event, _TITLES[block.kind], options.reminders)
    return event


# --- shared --------------------------------------------------------------------------------


def _tzinfo(key: str) -> dt.tzinfo:
    """The zone of a DTSTART: UTC is written with Z, any other zone with its TZID."""
    return dt.UTC if key == "UTC" else zoneinfo.ZoneInfo(key)


def _local(instant: float, key: str) -> dt.datetime:
    """An instant as a DTSTART: its wall-clock time in the zone, or UTC where that is ambiguous.

    The second of two equal wall-clock times (the repeated hour when the clocks go back)
    cannot be named by a wall time with a TZID: readers take the first (RFC 5545).
    """
    local = dt.datetime.fromtimestamp(instant, _tzinfo(key))
    if local.fold and local.replace(fold=0).utcoffset() != local.utcoffset():
        return dt.datetime.fromtimestamp(instant, dt.UTC)
    return local


def _event(uid: str, sequence: int, options: Options) -> Event:
    event = Event()
    event.add("UID", f"{uid}@selfcare")
    event.add("DTSTAMP", options.stamp)
    event.add("SEQUENCE", sequence)
    return event


def _describe(event: Event, text: str) -> None:
    if text:
        event.add("DESCRIPTION", text)


def _remind(event: Event, name: str, reminders: Sequence[int]) -> None:
    """A ``VALARM`` per reminder, that many minutes before the start, showing only ``name``."""
    for minutes in sorted(reminders):
        alarm = Alarm()
        alarm.add("ACTION", "DISPLAY")
        alarm.add("DESCRIPTION", name)
        alarm.add("TRIGGER", dt.timedelta(minutes=-minutes))
        event.add_component(alarm)
