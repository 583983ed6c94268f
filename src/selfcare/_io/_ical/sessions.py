"""Client sessions from a practice calendar's iCalendar text (see ``docs/reference/ical.md``).

``icalendar`` reads the text format; the events are expanded here, by the library's own
bounded recurrence code and DST policy (dateutil's rrule can run for seconds on a rule that
never matches). What is kept of an event is its start, its length and an opaque reference:
every text property (SUMMARY, DESCRIPTION, LOCATION, ATTENDEE, the UID itself) is dropped,
and an error names the event by its position and the property by its name, never quoting
what the calendar holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import warnings
from collections.abc import Iterable
from typing import Any

import attrs
import icalendar
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from selfcare._core import checks as check
from selfcare._core.errors import TooManyOccurrencesError, ValidationError
from selfcare._time.occurrences import occurrences, resolve_local, window, zone_key
from selfcare._time.offsets import DATE_RANGE, FIRST_DATE, LAST_DATE, Offsets
from selfcare._time.recurrence import Recurrence
from selfcare._time.zoned import accepted_zones, in_zone, zone
from selfcare._workday.sessions import MAX_SESSIONS, Session

__all__ = ["MAX_EVENTS", "MAX_TEXT", "sessions_from_ical"]

#: The longest calendar text read, in characters (a practice's years of appointments).
MAX_TEXT = 20_000_000
#: The most events (VEVENT components) a calendar may hold.
MAX_EVENTS = 50_000
#: RRULE parts this library expands; any other is refused before expanding anything.
_PARTS = frozenset(
    {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYHOUR", "BYMINUTE", "COUNT", "UNTIL", "WKST"}
)
_RFC_PARTS = _PARTS | {"BYSECOND", "BYMONTH", "BYYEARDAY", "BYWEEKNO", "BYSETPOS", "RSCALE", "SKIP"}
_SUBSET = (
    "this library expands FREQ=DAILY, WEEKLY or MONTHLY with INTERVAL, BYDAY, BYMONTHDAY, "
    "BYHOUR, BYMINUTE, COUNT or UNTIL"
)


def sessions_from_ical(text: object, tz: object, start: object, end: object) -> tuple[Session, ...]:
    """The timed, not cancelled events of a calendar that start in ``[start, end)``."""
    key = zone_key(tz)
    low, high = window(start, end, Offsets(key))
    calendar = _parse(text)
    events: list[Any] = calendar.walk("VEVENT")
    if len(events) > MAX_EVENTS:
        raise check.fail("text", f"expected at most {MAX_EVENTS:,} events in one calendar")
    try:
        return _read(events, key, low, high)
    except ValidationError:
        raise
    except Exception:  # what icalendar raises on a value it kept unparsed may quote it
        raise check.fail("text", "an event holds a value that cannot be read") from None


def _read(events: list[Any], key: str, low: int, high: int) -> tuple[Session, ...]:
    for index, event in enumerate(events):
        _check_readable(event, f"VEVENT[{index}]")
    moved: dict[str, list[int]] = {}  # overrides of single occurrences, by UID
    for index, event in enumerate(events):
        if "RECURRENCE-ID" in event:
            moved.setdefault(_uid(event, index), []).append(index)
    found: dict[str, Session] = {}

    def keep(instant: int, minutes: int, uid: str, original: int) -> None:
        if low <= instant < high:
            ref = "ev-" + hashlib.sha256(f"{uid}\n{original}".encode()).hexdigest()[:16]
            if ref not in found and len(found) >= MAX_SESSIONS:
                raise check.fail(
                    "text", f"expected at most {MAX_SESSIONS:,} sessions in the window"
                )
            start = in_zone(dt.datetime.fromtimestamp(instant, dt.UTC), zone(key))
            found[ref] = Session(start, minutes, ref=ref)

    for index, event in enumerate(events):
        path, uid = f"VEVENT[{index}]", _uid(event, index)
        if "RECURRENCE-ID" in event:
            first, length = _start(event, path, key), _minutes(event, path, key)
            original = _moved_from(event, path, key)
            if first is not None and length is not None and not _cancelled(event):
                keep(first, length, uid, first if original is None else original)
            continue
        instants = _series(event, path, key, low, high)
        for other in moved.get(uid, ()):
            instants.discard(_moved_from(events[other], f"VEVENT[{other}]", key))
        length = _minutes(event, path, key)
        if length is not None and not _cancelled(event):
            for instant in instants:
                keep(instant, length, uid, instant)
    return tuple(sorted(found.values(), key=lambda s: (s.start, s.minutes, s.ref or "")))


#: The properties read from an event; a value of one that icalendar could not parse is refused.
_READ = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "STATUS")


def _check_readable(event: Any, path: str) -> None:
    for name, _ in getattr(event, "errors", ()):
        if str(name).upper() in _READ:
            raise check.fail(f"{path}.{str(name).upper()}", "its value cannot be read")
    if "RRULE" in event and not event.get("RRULE"):
        raise check.fail(f"{path}.RRULE", f"the rule is empty; {_SUBSET}")


def _uid(event: Any, index: int) -> str:
    uid = event.get("UID")
    return f"#{index}" if uid is None else str(uid)


def _parse(text: object) -> icalendar.Calendar:
    if not isinstance(text, str):
        raise check.fail("text", "expected the text of an iCalendar file, " + check.got(text))
    if len(text) > MAX_TEXT:
        raise check.fail("text", f"expected at most {MAX_TEXT:,} characters")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            calendar = icalendar.Calendar.from_ical(text)
    except Exception:
        calendar = None
    if not isinstance(calendar, icalendar.Calendar):
        raise check.fail(
            "text",
            "expected iCalendar text (RFC 5545): BEGIN:VCALENDAR, its events, END:VCALENDAR",
        )
    return calendar


def _cancelled(event: Any) -> bool:
    return str(event.get("STATUS", "")).upper() == "CANCELLED"


# --- instants ------------------------------------------------------------------------------


def _zone_of(path: str, params: Any, floating: str) -> str:
    """The IANA zone a date-time property's TZID names (or the caller's, for floating time)."""
    tzid = params.get("TZID") if params else None
    if tzid is None:
        return floating
    name = str(tzid).strip("/")
    names = accepted_zones()
    if name in names:
        return name
    if name in WINDOWS_TO_OLSON and WINDOWS_TO_OLSON[name] in names:
        return WINDOWS_TO_OLSON[name]
    parts = name.split("/")
    for first in range(1, len(parts)):  # a "globally unique" /vendor/Europe/Berlin
        if "/".join(parts[first:]) in names:
            return "/".join(parts[first:])
    raise check.fail(
        path,
        "its TZID names no IANA or Windows time zone; export the calendar with zone names "
        "such as Europe/London",
    )


def _instant(path: str, value: object, params: Any, key: str) -> int | None:
    """Seconds since the epoch of a DATE-TIME value; ``None`` for a DATE (all day)."""
    if isinstance(value, dt.datetime):
        if value.second or value.microsecond:
            raise check.fail(path, "expected a time to the minute")
        if not FIRST_DATE <= value.date() <= LAST_DATE:
            raise check.fail(path, f"expected a day {DATE_RANGE}")
        if value.tzinfo is not None and "TZID" not in (params or {}):
            return int(value.timestamp())  # UTC, written with Z
        wall = value.replace(tzinfo=None)
        local = resolve_local(wall.date(), wall.time(), _zone_of(path, params, key))
        return int(local.timestamp())
    if isinstance(value, dt.date):
        return None
    raise check.fail(path, "expected a date or a date with a time")


def _start(event: Any, path: str, key: str) -> int | None:
    prop = event.get("DTSTART")
    if prop is None:
        raise check.fail(f"{path}.DTSTART", "every event needs a start (DTSTART)")
    return _instant(f"{path}.DTSTART", getattr(prop, "dt", None), prop.params, key)


def _moved_from(event: Any, path: str, key: str) -> int | None:
    prop = event["RECURRENCE-ID"]
    return _instant(f"{path}.RECURRENCE-ID", getattr(prop, "dt", None), prop.params, key)


def _minutes(event: Any, path: str, key: str) -> int | None:
    """The event's length in whole minutes; ``None`` when it is all day or has none."""
    first = _start(event, path, key)
    if first is None:
        return None
    if "DTEND" in event:
        prop = event["DTEND"]
        last = _instant(f"{path}.DTEND", getattr(prop, "dt", None), prop.params, key)
        if last is None:
            raise check.fail(f"{path}.DTEND", "expected an end with a time, as the start has")
        seconds = last - first
        field = f"{path}.DTEND"
    elif "DURATION" in event:
        duration = getattr(event["DURATION"], "dt", None)
        if not isinstance(duration, dt.timedelta):
            raise check.fail(f"{path}.DURATION", "expected a length such as PT50M")
        seconds = int(duration.total_seconds())
        field = f"{path}.DURATION"
    else:
        return None  # no length: a moment, not a session
    if seconds < 0:
        raise check.fail(field, "expected the end after the start")
    if seconds % 60:
        raise check.fail(field, "expected a length in whole minutes")
    if seconds > 24 * 3600:
        raise check.fail(field, "expected at most a day (1,440 minutes) for a session")
    return seconds // 60 or None


# --- series --------------------------------------------------------------------------------


def _series(event: Any, path: str, key: str, low: int, high: int) -> set[int]:
    """The instants of an event and its repeats: DTSTART, RRULE and RDATE, less EXDATE."""
    first = _start(event, path, key)
    if first is None:
        return set()
    prop: Any = event["DTSTART"]
    if prop.dt.tzinfo is not None and "TZID" not in prop.params:  # written in UTC
        event_key, wall = "UTC", dt.datetime.fromtimestamp(first, dt.UTC).replace(tzinfo=None)
    else:
        event_key, wall = (
            _zone_of(f"{path}.DTSTART", prop.params, key),
            prop.dt.replace(tzinfo=None),
        )
    instants = {first}
    rules = event.get("RRULE")
    for n, rule in enumerate(rules if isinstance(rules, list) else [rules] if rules else []):
        where = f"{path}.RRULE" if n == 0 else f"{path}.RRULE[{n}]"
        instants |= _expand(rule, where, wall, event_key, key, max(low, first), high)
    for prop_name, add in (("RDATE", True), ("EXDATE", False)):
        for values, params in _date_lists(event.get(prop_name)):
            for value in values:
                where = f"{path}.{prop_name}"
                if isinstance(value, tuple):  # a PERIOD: its start (its own length is ignored)
                    value = value[0]
                instant = _instant(where, value, params, key)
                if instant is None:
                    if not add:  # an excluded day: every instance on it
                        instants -= _on_day(instants, value, event_key)
                    continue
                (instants.add if add else instants.discard)(instant)
    return instants


def _date_lists(prop: object) -> Iterable[tuple[list[object], Any]]:
    for one in prop if isinstance(prop, list) else [prop] if prop is not None else []:
        yield [d.dt for d in getattr(one, "dts", [])], getattr(one, "params", {})


def _on_day(instants: set[int], day: object, key: str) -> set[int]:
    tz = zone(key)
    return {i for i in instants if in_zone(dt.datetime.fromtimestamp(i, dt.UTC), tz).date() == day}


def _expand(
    rule: Any, path: str, wall: dt.datetime, event_key: str, key: str, low: int, high: int
) -> set[int]:
    """The instants of one RRULE from ``wall`` (DTSTART's wall time in ``event_key``)."""
    parts = {str(name).upper(): values for name, values in rule.items()}
    unknown = set(parts) - _PARTS
    if unknown:
        named = sorted(unknown & _RFC_PARTS)
        what = f"its {', '.join(named)} part" if named else "a part outside RFC 5545"
        raise check.fail(path, f"{what} is not expanded here; {_SUBSET}")
    until = parts.pop("UNTIL", [None])[0]
    weekstart = parts.pop("WKST", ["MO"])[0]
    if until is not None and "COUNT" in parts:
        raise check.fail(path, "expected COUNT or UNTIL, not both (RFC 5545)")
    # RFC 5545 takes a part the rule leaves out from DTSTART: the minute of BYHOUR's times.
    if "BYHOUR" in parts and "BYMINUTE" not in parts:
        parts["BYMINUTE"] = [wall.minute]
    if "BYMINUTE" in parts and "BYHOUR" not in parts:
        parts["BYHOUR"] = [wall.hour]
    try:
        text = rule.__class__(parts).to_ical().decode("ascii")
    except Exception:
        raise check.fail(path, f"expected a recurrence rule; {_SUBSET}") from None
    frequency = str(parts.get("FREQ", [""])[0]).upper()
    if frequency == "WEEKLY" and "BYDAY" not in parts:
        text += ";BYDAY=" + ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[wall.weekday()]
    if frequency == "MONTHLY" and not {"BYDAY", "BYMONTHDAY"} & set(parts):
        text += f";BYMONTHDAY={wall.day}"
    try:
        recurrence = Recurrence.from_rrule(text, start=wall.date())
    except ValidationError as problem:
        part = problem.problems[0][0].rsplit(".", 1)[-1] if problem.problems else ""
        what = f"its {part} part" if part in _RFC_PARTS else "the rule"
        raise check.fail(path, f"{what} is outside what this library expands; {_SUBSET}") from None
    if str(weekstart).upper() != "MO" and recurrence.interval > 1 and len(recurrence.weekdays) > 1:
        raise check.fail(path, "expected WKST=MO for a rule every few weeks on several days")
    if until is not None:
        last = _until(path, until, event_key)
        high = min(high, last + 1)
    # DTSTART is the first occurrence (RFC 5545): times of day before it on its day are not
    # occurrences, so they must not use up the COUNT either.
    earlier = sum(1 for t in recurrence.times if t < wall.time())
    if recurrence.count is not None and earlier:
        recurrence = attrs.evolve(recurrence, count=recurrence.count + earlier)
    first = int(resolve_local(wall.date(), wall.time(), event_key).timestamp())
    low = max(low, first)
    if low >= high:
        return set()
    try:
        found = occurrences(
            recurrence,
            dt.datetime.fromtimestamp(low, dt.UTC),
            dt.datetime.fromtimestamp(high, dt.UTC),
            tz=event_key,
            default_time=wall.time(),
            limit=MAX_SESSIONS,
        )
    except TooManyOccurrencesError:
        raise check.fail(
            path, f"more than {MAX_SESSIONS:,} occurrences in the window; ask for a shorter one"
        ) from None
    return {int(o.timestamp()) for o in found}


def _until(path: str, value: object, key: str) -> int:
    """The last instant an UNTIL value lets in: a UTC time, a local time, or a whole day."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            return int(value.timestamp())
        return int(resolve_local(value.date(), value.time(), key).timestamp())
    if isinstance(value, dt.date):
        next_day = value + dt.timedelta(days=1)
        return int(resolve_local(next_day, dt.time(0), key).timestamp()) - 1
    raise check.fail(f"{path}.UNTIL", "expected a date or a UTC date and time")
