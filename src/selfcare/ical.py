"""Plans and protected time out to iCalendar (RFC 5545), client sessions in from it.

Needs the ``ical`` extra: ``pip install "selfcare[ical]"`` (the ``icalendar`` package,
which does the text format: building, escaping, folding and parsing).

Example:
    >>> import datetime, pendulum
    >>> from selfcare import Profile, Role, generate_plan
    >>> plan = generate_plan(Profile(role=Role.CLIENT, timezone="Europe/London",
    ...                              daily_minutes=30), start=datetime.date(2026, 11, 30))
    >>> text = to_ical(plan, at=pendulum.datetime(2026, 11, 29, 18, tz="Europe/London"))
    >>> text.splitlines()[0], "BEGIN:VTIMEZONE" in text
    ('BEGIN:VCALENDAR', True)
"""

from __future__ import annotations

try:
    import icalendar  # noqa: F401  (the extra is needed by every function here)
except ImportError as missing:  # pragma: no cover - the tests run with the extra installed
    raise ImportError(
        'selfcare.ical needs the icalendar package: pip install "selfcare[ical]"'
    ) from missing

import datetime as dt
import zoneinfo
from collections.abc import Sequence

from selfcare._core import checks as check
from selfcare._io._ical.events import Options, plan_calendar, workday_calendar
from selfcare._io._ical.sessions import MAX_EVENTS, MAX_TEXT
from selfcare._io._ical.sessions import sessions_from_ical as _sessions
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._plans.plan import Plan
from selfcare._time.zoned import check_zoned
from selfcare._workday.day import Workday
from selfcare._workday.sessions import Session
from selfcare._workday.week import Workweek

__all__ = ["MAX_EVENTS", "MAX_REMINDERS", "MAX_TEXT", "sessions_from_ical", "to_ical"]

#: The most reminders an event may carry.
MAX_REMINDERS = 5
#: The earliest a reminder may come: a week before.
MAX_REMINDER_MINUTES = 7 * 24 * 60


def to_ical(
    value: Plan | Workday | Workweek,
    *,
    at: dt.datetime,
    catalog: Catalog | None = None,
    owner: str | None = None,
    reasons: bool = False,
    sessions: bool = False,
    cancelled: bool = False,
    reminders: Sequence[int] = (),
) -> str:
    """A plan, a working day or a working week as the text of an iCalendar file.

    A plan gives one event per item and time of day (an all-day event for an item with no
    time), and one per ritual at a time of day, in the plan's zone, none of them on a day
    the plan rests; and one all-day event per rest of the whole plan ("Resting: holiday",
    never why it was taken). A working day or week
    gives one busy event per protected block (transition, notes, lunch, decompression). Each
    zone used has a VTIMEZONE. Event UIDs come from the plan's id and the item's strategy id
    (or ``owner``, the day and the block), so importing a revised plan again updates its
    events. See ``docs/reference/ical.md`` for what each field becomes.

    Args:
        value: a :class:`Plan`, :class:`Workday` or :class:`Workweek`.
        at: when the file is made (its ``DTSTAMP``); a zoned datetime.
        catalog: where a plan's strategy names come from; the built-in catalog by default.
        owner: for a working day or week, whose it is: an id the app gives (a slug), so two
            people's blocks never share a UID. Not for a plan (its id names its events).
        reasons: add each item's reasons (a block's reason) as the event's DESCRIPTION.
        sessions: for a working day or week, add the client sessions as busy events with
            the title "Client session" and nothing else the app attached.
        cancelled: for a plan, add the items and rituals earlier revisions held and this one
            does not, as cancelled events (``STATUS:CANCELLED``), so calendars remove them.
        reminders: minutes before a timed event to remind (``VALARM``), at most
            :data:`MAX_REMINDERS`, each from 0 to 10,080 (a week). An item or ritual with
            reminders of its own (:attr:`PlanItem.reminders`, :attr:`Ritual.reminders`)
            has those instead; an all-day item has its own alone, counted back from the
            start of its day.

    Raises:
        ValidationError: an argument is invalid, or the plan names a strategy the catalog
            lacks.

    Example:
        >>> day = plan_workday([Session(pendulum.datetime(2026, 3, 2, 10, tz="Europe/London"),
        ...                             50)], rules=WorkdayRules(), tz="Europe/London")
        >>> text = to_ical(day, at=pendulum.datetime(2026, 3, 1, tz="UTC"), owner="therapist-1")
        >>> [line for line in text.splitlines() if line.startswith("SUMMARY")][:3]
        ['SUMMARY:Transition', 'SUMMARY:Session notes', 'SUMMARY:Decompression']

        An item's own reminders, and a rest of the whole plan:

        >>> plan = Plan(id="plan-1", role=Role.CLIENT, timezone="Europe/London",
        ...     period=Period(datetime.date(2026, 8, 3), datetime.date(2026, 8, 16)),
        ...     items=[PlanItem("short-walk", Recurrence.daily(at=datetime.time(12)), 20,
        ...                     reminders=[15])],
        ...     pauses=[Pause(Period(datetime.date(2026, 8, 10), datetime.date(2026, 8, 12)),
        ...                   PauseKind.HOLIDAY)])
        >>> lines = to_ical(plan, at=pendulum.datetime(2026, 8, 1, tz="UTC"),
        ...                 reminders=[60]).splitlines()
        >>> [line for line in lines if line.startswith(("SUMMARY", "TRIGGER", "EXDATE"))]
        ['SUMMARY:Short walk', 'EXDATE;TZID=Europe/London:20260810T120000,20260811T120000,20260812T120000', 'TRIGGER:-PT15M', 'SUMMARY:Resting: holiday']
    """  # noqa: E501
    options = Options(
        stamp=dt.datetime.fromtimestamp(check_zoned("at", at).timestamp(), dt.UTC),
        reasons=check.check_bool("reasons", reasons),
        sessions=check.check_bool("sessions", sessions),
        cancelled=check.check_bool("cancelled", cancelled),
        reminders=_reminders(reminders),
    )
    if isinstance(value, Plan):
        if owner is not None:
            raise check.fail("owner", "a plan's events are named by the plan's id; leave owner out")
        if options.sessions:
            raise check.fail("sessions", "a plan has no sessions; leave sessions out")
        catalog = catalog_or_default(catalog)
        value.check(catalog)
        calendar = plan_calendar(value, catalog, options)
    elif isinstance(value, Workday | Workweek):
        if owner is None:
            raise check.fail(
                "owner", "expected whose working day this is, as an id, e.g. owner='therapist-1'"
            )
        check.check_slug("owner", owner)
        if options.cancelled:
            raise check.fail("cancelled", "only a plan has revisions to cancel; leave it out")
        days = value.days if isinstance(value, Workweek) else (value,)
        calendar = workday_calendar(days, owner, options)
    else:
        raise check.fail("value", "expected a Plan, a Workday or a Workweek, " + check.got(value))
    written: bytes = calendar.to_ical()
    return written.decode("utf-8")


def sessions_from_ical(
    text: str,
    *,
    tz: str | zoneinfo.ZoneInfo,
    start: dt.datetime | dt.date,
    end: dt.datetime | dt.date,
) -> tuple[Session, ...]:
    r"""The client sessions in ``[start, end)`` from a practice calendar's iCalendar text.

    Every timed event is a session unless it is cancelled (``STATUS:CANCELLED``): recurring
    events are expanded (``RRULE``, ``RDATE``, ``EXDATE``, and occurrences moved or
    cancelled by an event with a ``RECURRENCE-ID``), in the zone each ``TZID`` names (an
    IANA name, a Windows name such as ``W. Europe Standard Time``, a ``/vendor/`` prefixed
    one, or any other name whose VTIMEZONE in the file gives ``tz``'s offsets), by the
    library's DST policy. All-day events and events with no length are left
    out. A session keeps only its start (in ``tz``), its length and an opaque ``ref``
    (``ev-`` and 16 hex digits of the SHA-256 of the event's UID and the occurrence's
    original start, so it stays the same when an occurrence is moved), never the event's
    title, notes, place, people or UID. Floating times are read in ``tz``.

    Raises:
        ValidationError: the text is not iCalendar, is over :data:`MAX_TEXT` characters or
            :data:`MAX_EVENTS` events, or an event cannot be read: the path names the event
            and property (``VEVENT[3].DTSTART``) and never quotes the calendar's text.
            A rule outside the subset :meth:`Recurrence.from_rrule` reads is refused.

    Example:
        >>> text = "\r\n".join([
        ...     "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//practice//EN",
        ...     "BEGIN:VEVENT", "UID:a1", "DTSTAMP:20260101T000000Z",
        ...     "DTSTART;TZID=Europe/London:20260302T100000", "DURATION:PT50M",
        ...     "RRULE:FREQ=WEEKLY;COUNT=3", "SUMMARY:Client A",
        ...     "END:VEVENT", "END:VCALENDAR"])
        >>> sessions = sessions_from_ical(text, tz="Europe/London",
        ...     start=datetime.date(2026, 3, 1), end=datetime.date(2026, 4, 1))
        >>> [(s.start.format("MM-DD HH:mm"), s.minutes) for s in sessions]
        [('03-02 10:00', 50), ('03-09 10:00', 50), ('03-16 10:00', 50)]
    """
    return _sessions(text, tz, start, end)


def _reminders(value: object) -> tuple[int, ...]:
    items = check.check_list("reminders", value, "minutes before the event", "reminders=[10]")
    if len(items) > MAX_REMINDERS:
        raise check.fail("reminders", f"expected at most {MAX_REMINDERS} reminders")
    for n, minutes in enumerate(items):
        check.check_int(f"reminders[{n}]", minutes, 0, MAX_REMINDER_MINUTES)
    return tuple(sorted(set(items)))
