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
import zoneinfo
from collections.abc import Iterable
from typing import Any

import attrs
import icalendar
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from selfcare._core import checks as check
from selfcare._core.errors import TooManyOccurrencesError, ValidationError
from selfcare._time.calendar import Weekday
from selfcare._time.occurrences import occurrences, resolve_local, window, zone_key
from selfcare._time.offsets import DATE_RANGE, FIRST_DATE, LAST_DATE, Offsets
from selfcare._time.recurrence import Recurrence
from selfcare._time.zoned import accepted_zones, in_zone, zone
from selfcare._workday.sessions import MAX_SESSIONS, Session

__all__ = ["MAX_EVENTS", "MAX_TEXT", "sessions_from_ical"]

#: The longest calendar text read, in characters (years of a practice's appointments; the
#: parser takes about a second for each million).
MAX_TEXT = 5_000_000
#: The most events (VEVENT components) a calendar may hold.
MAX_EVENTS = 20_000
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
    try:
        events: list[Any] = calendar.walk("VEVENT")
        if len(events) > MAX_EVENTS:
            raise check.fail("text", f"expected at most {MAX_EVENTS:,} events in one calendar")
        zones = {str(z.get("TZID", "")): z for z in calendar.walk("VTIMEZONE")}
        return _read(events, _Reading(key, zones), low, high)
    except ValidationError:
        raise
    except Exception:  # what icalendar raises on a value it kept unparsed may quote it
        raise check.fail("text", "an event holds a value that cannot be read") from None


@attrs.define
class _Reading:
    """What reading one calendar needs: the caller's zone, and the file's own VTIMEZONEs."""

    key: str
    zones: dict[str, Any]
    custom: dict[str, str | None] = attrs.Factory(dict)


def _read(events: list[Any], reading: _Reading, low: int, high: int) -> tuple[Session, ...]:
    for index, event in enumerate(events):
        _check_readable(event, f"VEVENT[{index}]")
    moved: dict[str, set[int | None]] = {}  # the occurrences overrides replace, by UID
    for index, event in enumerate(events):
        if "RECURRENCE-ID" in event:
            original = _moved_from(event, f"VEVENT[{index}]", reading)
            moved.setdefault(_uid(event, index), set()).add(original)
    found: dict[str, Session] = {}

    def keep(path: str, instant: int, minutes: int, uid: str, original: int) -> None:
        if not low <= instant < high:
            return
        if instant % 60:
            raise check.fail(f"{path}.DTSTART", "expected a start to the minute")
        ref = "ev-" + hashlib.sha256(f"{uid}\n{original}".encode()).hexdigest()[:16]
        if ref not in found and len(found) >= MAX_SESSIONS:
            raise check.fail("text", f"expected at most {MAX_SESSIONS:,} sessions in the window")
        start = in_zone(dt.datetime.fromtimestamp(instant, dt.UTC), zone(reading.key))
        found[ref] = Session(start, minutes, ref=ref)

    for index, event in enumerate(events):
        path, uid = f"VEVENT[{index}]", _uid(event, index)
        if _cancelled(event):
            continue  # a cancelled series or occurrence: nothing of it is read
        if "RECURRENCE-ID" in event:
            first, length = _start(event, path, reading), _minutes(event, path, reading)
            original = _moved_from(event, path, reading)
            if first is not None and length is not None:
                keep(path, first, length, uid, first if original is None else original)
            continue
        length = _minutes(event, path, reading)
        if length is None:
            continue  # all day, or no length: not a session
        instants = _series(event, path, reading, low, high) - moved.get(uid, set())
        for instant in instants:
            keep(path, instant, length, uid, instant)
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


def _zone_of(path: str, params: Any, reading: _Reading) -> str:
    """The IANA zone a date-time property's TZID names (or the caller's, for floating time).

    A TZID the tz database does not know (Outlook's "Customized Time Zone") is read as the
    caller's zone when the file's VTIMEZONE of that name agrees with it, offset for offset,
    over the years 2000 to 2040; otherwise the event is refused.
    """
    tzid = params.get("TZID") if params else None
    if tzid is None:
        return reading.key
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
    if str(tzid) not in reading.custom:
        reading.custom[str(tzid)] = _same_as(reading.zones.get(str(tzid)), reading.key)
    found = reading.custom[str(tzid)]
    if found is None:
        raise check.fail(
            path,
            "its TZID names no IANA or Windows time zone, and the file's VTIMEZONE for it is "
            "not the zone asked for (tz); export the calendar with zone names such as "
            "Europe/London, or pass the zone it was written in as tz",
        )
    return found


_PROBES = tuple(
    int(dt.datetime(year, month, 15, tzinfo=dt.UTC).timestamp())
    for year in range(2000, 2041)
    for month in (1, 4, 7, 10)
)


def _same_as(component: Any, key: str) -> str | None:
    """``key`` when a VTIMEZONE gives its offsets at four instants a year, else ``None``."""
    if component is None:
        return None
    try:
        custom = component.to_tz(lookup_tzid=False)
        real = zoneinfo.ZoneInfo(key)
        same = all(
            dt.datetime.fromtimestamp(t, custom).utcoffset()
            == dt.datetime.fromtimestamp(t, real).utcoffset()
            for t in _PROBES
        )
    except Exception:  # a VTIMEZONE icalendar cannot turn into a zone is not the same zone
        return None
    return key if same else None


def _instant(path: str, value: object, params: Any, reading: _Reading) -> int | None:
    """Seconds since the epoch of a DATE-TIME value; ``None`` for a DATE (all day)."""
    if isinstance(value, dt.datetime):
        if value.microsecond:
            raise check.fail(path, "expected a time to the minute")
        if not FIRST_DATE <= value.date() <= LAST_DATE:
            raise check.fail(path, f"expected a day {DATE_RANGE}")
        if value.tzinfo is not None and "TZID" not in (params or {}):
            return int(value.timestamp())  # UTC, written with Z
        wall = value.replace(tzinfo=None)
        local = resolve_local(wall.date(), wall.time(), _zone_of(path, params, reading))
        return int(local.timestamp())
    if isinstance(value, dt.date):
        return None
    raise check.fail(path, "expected a date or a date with a time")


def _start(event: Any, path: str, reading: _Reading) -> int | None:
    prop = event.get("DTSTART")
    if prop is None:
        raise check.fail(f"{path}.DTSTART", "every event needs a start (DTSTART)")
    return _instant(f"{path}.DTSTART", getattr(prop, "dt", None), prop.params, reading)


def _moved_from(event: Any, path: str, reading: _Reading) -> int | None:
    prop = event["RECURRENCE-ID"]
    return _instant(f"{path}.RECURRENCE-ID", getattr(prop, "dt", None), prop.params, reading)


def _minutes(event: Any, path: str, reading: _Reading) -> int | None:
    """The event's length in whole minutes; ``None`` when it is all day or has none."""
    first = _start(event, path, reading)
    if first is None:
        return None
    if "DTEND" in event:
        prop = event["DTEND"]
        last = _instant(f"{path}.DTEND", getattr(prop, "dt", None), prop.params, reading)
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


def _series(event: Any, path: str, reading: _Reading, low: int, high: int) -> set[int]:
    """The instants of an event and its repeats: DTSTART, RRULE and RDATE, less EXDATE."""
    first = _start(event, path, reading)
    if first is None:
        return set()
    prop: Any = event["DTSTART"]
    if prop.dt.tzinfo is not None and "TZID" not in prop.params:  # written in UTC
        event_key, wall = "UTC", dt.datetime.fromtimestamp(first, dt.UTC).replace(tzinfo=None)
    else:
        event_key, wall = (
            _zone_of(f"{path}.DTSTART", prop.params, reading),
            prop.dt.replace(tzinfo=None),
        )
    instants = {first}
    rules = event.get("RRULE")
    for n, rule in enumerate(rules if isinstance(rules, list) else [rules] if rules else []):
        where = f"{path}.RRULE" if n == 0 else f"{path}.RRULE[{n}]"
        instants |= _expand(rule, where, wall, event_key, max(low, first), high)
    days_out: set[object] = set()
    for prop_name, add in (("RDATE", True), ("EXDATE", False)):
        for values, params in _date_lists(event.get(prop_name)):
            for value in values:
                where = f"{path}.{prop_name}"
                if isinstance(value, tuple):  # a PERIOD: its start (its own length is ignored)
                    value = value[0]
                instant = _instant(where, value, params, reading)
                if instant is None:
                    if not add:  # an excluded day: every instance on it
                        days_out.add(value)
                    continue
                (instants.add if add else instants.discard)(instant)
    if days_out:
        local = zoneinfo.ZoneInfo(event_key)
        instants = {
            i for i in instants if dt.datetime.fromtimestamp(i, local).date() not in days_out
        }
    return instants


def _date_lists(prop: object) -> Iterable[tuple[list[object], Any]]:
    for one in prop if isinstance(prop, list) else [prop] if prop is not None else []:
        yield [d.dt for d in getattr(one, "dts", [])], getattr(one, "params", {})


def _expand(
    rule: Any, path: str, wall: dt.datetime, event_key: str, low: int, high: int
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
        text += ";BYDAY=" + Weekday(wall.weekday()).code
    if frequency == "MONTHLY" and not {"BYDAY", "BYMONTHDAY"} & set(parts):
        text += f";BYMONTHDAY={wall.day}"
    try:
        recurrence = Recurrence.from_rrule(text, start=wall.date())
    except ValidationError as problem:
        part = problem.problems[0][0].rsplit(".", 1)[-1] if problem.problems else ""
        what = f"its {part} part" if part in _RFC_PARTS else "the rule"
        raise check.fail(path, f"{what} is outside what this library expands; {_SUBSET}") from None
    sunday_too = Weekday.SUNDAY in recurrence.weekdays and len(recurrence.weekdays) > 1
    if str(weekstart).upper() != "MO" and recurrence.interval > 1 and sunday_too:
        # weeks from another day group Sunday with other days than ISO weeks do
        raise check.fail(path, "expected WKST=MO for a rule every few weeks on Sunday and more")
    if until is not None:
        last = _until(path, until, event_key)
        high = min(high, last + 1)
    # DTSTART is the first occurrence (RFC 5545): times of day before it on its day are not
    # occurrences, so they must not use up the COUNT either.
    earlier = sum(1 for t in recurrence.times if t < wall.time())
    if recurrence.count is not None and earlier:
        recurrence = attrs.evolve(recurrence, count=recurrence.count + earlier)
    if low >= high:  # (``low`` is never before DTSTART)
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
