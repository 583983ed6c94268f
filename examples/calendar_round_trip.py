"""Round-trip a plan through .ics text, and plan a therapist's day from a practice calendar.

Needs the ``ical`` extra: ``pip install "selfcare[ical]"``. Run it with
``python examples/calendar_round_trip.py``.

1. A client's four-week plan is written as iCalendar text, read back with ``icalendar``, and
   each event's first start and rule printed beside the item it came from; every item's
   occurrences are checked against the events.
2. A practice calendar's export (weekly sessions, one moved, one cancelled, a client's name
   in every title) is read into sessions; the day is planned around them, and its protected
   time exported as busy events for colleagues' booking tools.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pendulum

from selfcare import Profile, Role, WorkdayRules, generate_plan, plan_workday
from selfcare.ical import sessions_from_ical, to_ical

START = dt.date(2026, 10, 19)  # the clocks go back in London on 25 October
ZONE = "Europe/London"

PRACTICE_CALENDAR = "\r\n".join(
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Example Practice//EN",
        "BEGIN:VEVENT",
        "UID:series-1@practice.example",
        "DTSTAMP:20261001T000000Z",
        "DTSTART;TZID=Europe/London:20261005T090000",
        "DURATION:PT50M",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,TH",
        "SUMMARY:Alex P. - weekly",
        "LOCATION:Room 2",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:series-2@practice.example",
        "DTSTAMP:20261001T000000Z",
        "DTSTART;TZID=Europe/London:20261005T110000",
        "DURATION:PT50M",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TH",
        "EXDATE;TZID=Europe/London:20261026T110000",
        "SUMMARY:Sam R. - weekly",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:series-1@practice.example",
        "DTSTAMP:20261001T000000Z",
        "RECURRENCE-ID;TZID=Europe/London:20261026T090000",
        "DTSTART;TZID=Europe/London:20261026T140000",
        "DURATION:PT50M",
        "SUMMARY:Alex P. - moved to the afternoon",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:one-off-3@practice.example",
        "DTSTAMP:20261001T000000Z",
        "DTSTART:20261026T160000Z",
        "DTEND:20261026T165000Z",
        "SUMMARY:Jo K. - intake",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
)


def plan_to_calendar() -> None:
    client = Profile(role=Role.CLIENT, timezone=ZONE, daily_minutes=30)
    plan = generate_plan(client, start=START)
    text = to_ical(plan, at=pendulum.datetime(2026, 10, 18, 18, tz=ZONE), reminders=[10])
    events: list[Any] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    print(
        f"Plan {plan.id}: {len(plan.items)} items and {len(plan.rituals)} ritual(s) "
        f"as {len(events)} events, {len(text):,} characters of iCalendar"
    )
    for event in events:
        first = event["DTSTART"].dt
        when = first.strftime("%a %d %b %H:%M %Z") if isinstance(first, dt.datetime) else "all day"
        rule = event["RRULE"].to_ical().decode() if "RRULE" in event else "once"
        print(f"  {event['SUMMARY']!s:42} from {when:22} {rule}")
    # Every timed item's occurrences are in the file: each event's first start is one of them.
    for item in plan.items:
        if item.recurrence.times:
            first = item.occurrences(
                plan.period.first,
                plan.period.last + dt.timedelta(days=1),
                tz=ZONE,
                origin=plan.period.first,
            )[0]
            starts = {e["DTSTART"].dt.timestamp() for e in events if item.strategy_id in e["UID"]}
            assert first.timestamp() in starts, item.strategy_id


def calendar_to_day() -> None:
    monday = dt.date(2026, 10, 26)  # the first Monday after the clocks went back
    sessions = sessions_from_ical(
        PRACTICE_CALENDAR, tz=ZONE, start=monday, end=monday + dt.timedelta(days=1)
    )
    print(f"\nSessions on {monday:%A %d %B} from the practice calendar (no names kept):")
    for session in sessions:
        print(f"  {session.start:%H:%M} for {session.minutes} minutes (ref {session.ref})")
    day = plan_workday(sessions, rules=WorkdayRules(), tz=ZONE)
    print("\nThe day planned around them:")
    for block in day.blocks:
        print(f"  {block.start:%H:%M}-{block.end:%H:%M}  {block.kind.value}")
    text = to_ical(day, at=pendulum.datetime(2026, 10, 25, 18, tz=ZONE), owner="therapist-1")
    busy = icalendar.Calendar.from_ical(text).walk("VEVENT")
    print(f"\n{len(busy)} protected blocks exported as busy events, for example:")
    print("\n".join(text.split("BEGIN:VEVENT")[1].split("END:VEVENT")[0].strip().splitlines()))


if __name__ == "__main__":
    plan_to_calendar()
    calendar_to_day()
