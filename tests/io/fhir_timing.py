"""An independent reader of a FHIR ``Timing``, the oracle for the library's own expansion.

It imports nothing from ``selfcare``: it reads the JSON as ``docs/reference/fhir.md``
("When: ``Timing``") describes it, with the stdlib alone.

- Zone: the ``tz-code`` (R4) or ``timezone`` (R5) extension on the ``Timing``, an IANA name.
- Bounds: ``repeat.boundsPeriod`` dates, both included; without a start the plan's first day
  (``first``), without an end ``last``. The origin, from which every *n* days, weeks or
  months and ``count`` are counted, is the bounds start (else ``first``). Only days in
  ``[max(first, start), min(last, end)]`` are returned.
- ``periodUnit`` ``d``: every ``period`` days from the origin. ``wk``: the ``dayOfWeek`` days
  of every ``period``-th ISO week (Monday first) from the origin's week; without ``dayOfWeek``
  the person chooses the days, and :func:`expand` raises ``ValueError("flexible")``. ``mo``:
  every ``period`` months from the origin's month, on the ``day-of-month`` day (-1 the last;
  a month without that day is skipped) or the ``weekday-of-month`` ``dayOfWeek`` (-1 the
  last). Days before the origin never occur.
- ``timeOfDay``: wall-clock times (else ``default_time``), one occurrence each per day. A time
  in a spring-forward gap moves on by the gap's length; a time the clocks show twice is the
  earlier instant (``fold=0``). Times that land on one instant are one occurrence.
- ``count``: at most ``count`` occurrences from the origin, one per distinct instant, in
  order; skipped and paused ones count too.
- ``frequency``, when present, must be the times of day (× the weekdays for ``wk``);
  ``durationUnit`` must be ``min``. Neither changes the occurrences.
- Modifier extensions ``skipped`` (``valueDate``) and ``pause`` (``valuePeriod``, both days
  included) leave those days out.

Anything else (``when``, ``offset``, ``frequencyMax``, ``event``, an unknown extension...)
raises ``ValueError`` naming it, so that no test passes by ignoring it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

CANON = "https://w3id.org/selfcare/fhir/StructureDefinition/"
ZONE_URLS = (
    "http://hl7.org/fhir/StructureDefinition/tz-code",
    "http://hl7.org/fhir/StructureDefinition/timezone",
)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
REPEAT_KEYS = {"frequency", "period", "periodUnit", "dayOfWeek", "timeOfDay", "boundsPeriod"}
REPEAT_KEYS |= {"count", "duration", "durationUnit", "extension"}


def _check(keys: Any, allowed: set[str], where: str) -> None:
    for key in sorted(set(keys) - allowed):
        raise ValueError(f"unhandled {where}: {key}")


def _instant(day: date, wall: time, zone: ZoneInfo) -> datetime:
    # fold=0 reads a gap time with the offset before the change, which (back in the zone)
    # moves it on by the gap's length; an ambiguous time keeps its earlier instant.
    return datetime.combine(day, wall, zone).astimezone(UTC)


def _month_day(year: int, month: int, exts: dict[str, Any], weekdays: list[int]) -> date | None:
    following = date(year + month // 12, month % 12 + 1, 1)
    length = (following - timedelta(days=1)).day
    if "day-of-month" in exts:
        n = exts["day-of-month"]
        if weekdays or not (n == -1 or 1 <= n <= 31):
            raise ValueError(f"unhandled day-of-month: {n} with dayOfWeek {weekdays}")
        return date(year, month, length if n == -1 else n) if n <= length else None
    n = exts.get("weekday-of-month")
    if n is None or len(weekdays) != 1 or not (n == -1 or 1 <= n <= 4):
        raise ValueError(f"unhandled monthly day: {exts} with dayOfWeek {weekdays}")
    first_one = 1 + (weekdays[0] - date(year, month, 1).weekday()) % 7
    if n == -1:
        return date(year, month, first_one + 7 * ((length - first_one) // 7))
    return date(year, month, first_one + 7 * (n - 1))


def expand(
    timing: dict[str, Any], *, first: date, last: date, default_time: time = time(9)
) -> list[datetime]:
    """Every occurrence of a FHIR Timing (as JSON dict) whose day is in [first, last], in order, as aware datetimes."""  # noqa: E501
    _check(timing, {"repeat", "extension", "modifierExtension"}, "Timing element")
    zones = [e["valueCode"] for e in timing.get("extension", []) if e["url"] in ZONE_URLS]
    _check({e["url"] for e in timing.get("extension", [])}, set(ZONE_URLS), "extension")
    if len(zones) != 1:
        raise ValueError(f"unhandled zone extensions: {zones}")
    zone = ZoneInfo(zones[0])
    off: set[date] = set()
    for mod in timing.get("modifierExtension", []):
        if mod["url"] == CANON + "skipped":
            off.add(date.fromisoformat(mod["valueDate"]))
        elif mod["url"] == CANON + "pause":
            start = date.fromisoformat(mod["valuePeriod"]["start"])
            end = date.fromisoformat(mod["valuePeriod"]["end"])
            off |= {start + timedelta(days=i) for i in range((end - start).days + 1)}
        else:
            raise ValueError(f"unhandled modifierExtension: {mod['url']}")

    repeat = timing["repeat"]
    _check(repeat, REPEAT_KEYS, "repeat element")
    exts = {e["url"].removeprefix(CANON): e["valueInteger"] for e in repeat.get("extension", [])}
    _check(exts, {"day-of-month", "weekday-of-month"}, "repeat extension")
    bounds = repeat.get("boundsPeriod", {})
    _check(bounds, {"start", "end"}, "boundsPeriod element")
    origin = date.fromisoformat(bounds["start"]) if "start" in bounds else first
    end = min(last, date.fromisoformat(bounds["end"])) if "end" in bounds else last
    begin = max(first, origin)
    unit: str = repeat["periodUnit"]
    period: int = repeat.get("period", 1)
    weekdays = [WEEKDAYS.index(d) for d in repeat.get("dayOfWeek", [])]
    times = [time.fromisoformat(t) for t in repeat.get("timeOfDay", [])] or [default_time]
    if unit == "wk" and not weekdays:
        raise ValueError("flexible")
    if unit == "d" and weekdays:
        raise ValueError(f"unhandled dayOfWeek with periodUnit d: {repeat['dayOfWeek']}")
    if unit != "mo" and exts:
        raise ValueError(f"unhandled repeat extension with periodUnit {unit}: {sorted(exts)}")
    if unit == "mo":
        _month_day(origin.year, origin.month, exts, weekdays)  # raises on a bad combination
    frequency = {"d": len(times), "wk": len(times) * len(weekdays), "mo": len(times)}.get(unit)
    if frequency is None or repeat.get("frequency", frequency) != frequency:
        raise ValueError(f"unhandled periodUnit {unit} or frequency {repeat.get('frequency')}")
    if repeat.get("durationUnit", "min") != "min":
        raise ValueError(f"unhandled durationUnit: {repeat['durationUnit']}")

    def occurs(day: date) -> bool:
        if unit == "d":
            return (day - origin).days % period == 0
        if unit == "wk":
            weeks = (day.toordinal() - day.weekday() - origin.toordinal() + origin.weekday()) // 7
            return day.weekday() in weekdays and weeks % period == 0
        months = (day.year - origin.year) * 12 + day.month - origin.month
        return months % period == 0 and day == _month_day(day.year, day.month, exts, weekdays)

    count = repeat.get("count")
    seen: set[datetime] = set()  # in UTC, where equal instants compare equal
    found: list[datetime] = []
    day = origin
    while day <= end and (count is None or len(seen) < count):
        if occurs(day):
            for instant in sorted({_instant(day, t, zone) for t in times} - seen):
                if count is not None and len(seen) >= count:
                    break
                seen.add(instant)
                if begin <= day and day not in off:
                    found.append(instant)
        day += timedelta(days=1)
    return [instant.astimezone(zone) for instant in sorted(found)]
