"""A recurrence, its minutes and pauses as a FHIR ``Timing``, and back."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from selfcare._core.errors import ValidationError
from selfcare._io._fhir.codes import ZONE, Version, extension
from selfcare._io._fhir.json import (
    Unreadable,
    as_date,
    as_int,
    as_list,
    as_object,
    as_time,
    element,
)
from selfcare._time.calendar import Period, Weekday
from selfcare._time.recurrence import Frequency, Recurrence

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SKIPPED = extension("skipped")
PAUSE = extension("pause")
DAY_OF_MONTH = extension("day-of-month")
WEEKDAY_OF_MONTH = extension("weekday-of-month")
_UNITS = {Frequency.DAILY: "d", Frequency.WEEKLY: "wk", Frequency.MONTHLY: "mo"}
_READ = frozenset(
    {"boundsPeriod", "count", "duration", "durationUnit", "frequency", "period", "periodUnit"}
    | {"dayOfWeek", "timeOfDay", "extension"}
)


def write_timing(
    recurrence: Recurrence,
    minutes: int,
    *,
    zone: str,
    version: Version,
    pauses: Sequence[Period] = (),
    times: tuple[dt.time, ...] | None = None,
) -> dict[str, Any]:
    """The ``Timing`` of a recurrence (``times`` stand in for its own, for a ritual's anchor)."""
    times = recurrence.times if times is None else times
    per_period = max(1, len(times))
    repeat: dict[str, Any] = {}
    bounds = {}
    if recurrence.start is not None:
        bounds["start"] = recurrence.start.isoformat()
    if recurrence.until is not None:
        bounds["end"] = recurrence.until.isoformat()
    if bounds:
        repeat["boundsPeriod"] = bounds
    if recurrence.count is not None:
        repeat["count"] = recurrence.count
    repeat["duration"] = minutes
    repeat["durationUnit"] = "min"
    if recurrence.frequency is Frequency.TIMES_PER_WEEK:
        assert recurrence.per_week is not None
        repeat.update(frequency=recurrence.per_week * per_period, period=1, periodUnit="wk")
    else:
        days = len(recurrence.weekdays) if recurrence.frequency is Frequency.WEEKLY else 1
        repeat["frequency"] = days * per_period
        repeat["period"] = recurrence.interval
        repeat["periodUnit"] = _UNITS[recurrence.frequency]
    if recurrence.weekdays:
        repeat["dayOfWeek"] = [DAYS[day] for day in sorted(recurrence.weekdays)]
    if times:
        repeat["timeOfDay"] = [t.isoformat() for t in times]
    if recurrence.monthday is not None:
        repeat["extension"] = [{"url": DAY_OF_MONTH, "valueInteger": recurrence.monthday}]
    elif recurrence.nth is not None:
        repeat["extension"] = [{"url": WEEKDAY_OF_MONTH, "valueInteger": recurrence.nth}]
    timing: dict[str, Any] = {"extension": [{"url": ZONE[version], "valueCode": zone}]}
    modifiers: list[dict[str, Any]] = [
        {"url": SKIPPED, "valueDate": d.isoformat()} for d in sorted(recurrence.skipped)
    ]
    modifiers += [
        {"url": PAUSE, "valuePeriod": {"start": p.first.isoformat(), "end": p.last.isoformat()}}
        for p in pauses
    ]
    if modifiers:
        timing["modifierExtension"] = modifiers
    timing["repeat"] = repeat
    return timing


def read_timing(
    data: object, path: str, *, zone: str | None
) -> tuple[Recurrence, int, tuple[Period, ...], tuple[dt.time, ...]]:
    """The recurrence, minutes, pauses and times of day of a ``Timing``.

    Raises:
        Unreadable: the first part of it the library cannot read, with its path.
    """
    timing = as_object(data, path)
    skipped, pauses = _modifiers(timing, path)
    for ext in as_list(timing.get("extension", []), f"{path}.extension"):
        if (
            zone is not None
            and isinstance(ext, dict)
            and ext.get("url") in (ZONE["R4"], ZONE["R5"])
            and ext.get("valueCode") != zone
        ):
            raise Unreadable(f"{path}.extension", "expected the plan's time zone on every activity")
    if "event" in timing:
        raise Unreadable(f"{path}.event", "event dates are not read; give a repeat alone")
    if "repeat" not in timing:
        raise Unreadable(
            f"{path}.repeat", "expected a repeating schedule; event dates alone are not read"
        )
    at = f"{path}.repeat"
    repeat = as_object(timing["repeat"], at)
    for key in repeat:
        if key not in _READ:
            raise Unreadable(at + element(key), "not read by this library; leave it out")
    times = tuple(
        as_time(t, f"{at}.timeOfDay[{n}]")
        for n, t in enumerate(as_list(repeat.get("timeOfDay", []), f"{at}.timeOfDay"))
    )
    days = frozenset(
        _weekday(d, f"{at}.dayOfWeek[{n}]")
        for n, d in enumerate(as_list(repeat.get("dayOfWeek", []), f"{at}.dayOfWeek"))
    )
    bounds = as_object(repeat.get("boundsPeriod", {}), f"{at}.boundsPeriod")
    start = as_date(bounds["start"], f"{at}.boundsPeriod.start") if "start" in bounds else None
    until = as_date(bounds["end"], f"{at}.boundsPeriod.end") if "end" in bounds else None
    count = as_int(repeat["count"], f"{at}.count") if "count" in repeat else None
    minutes = _minutes(repeat, at)
    unit = repeat.get("periodUnit")
    period = as_int(repeat.get("period", 1), f"{at}.period")
    frequency = as_int(repeat.get("frequency", 1), f"{at}.frequency")
    per_period = max(1, len(times))
    month = {
        e["url"]: e.get("valueInteger")
        for e in as_list(repeat.get("extension", []), f"{at}.extension")
        if isinstance(e, dict) and e.get("url") in (DAY_OF_MONTH, WEEKDAY_OF_MONTH)
    }
    common: dict[str, Any] = {"start": start, "until": until, "count": count, "skipped": skipped}
    try:
        if unit == "wk" and not days:
            expected = frequency // per_period
            if expected * per_period != frequency or period != 1:
                raise Unreadable(f"{at}.frequency", "expected n times a week, for each time of day")
            recurrence = Recurrence(
                Frequency.TIMES_PER_WEEK, per_week=expected, times=times, **common
            )
        elif unit == "d" and not days:
            _frequency(frequency, per_period, at)
            recurrence = Recurrence(Frequency.DAILY, interval=period, times=times, **common)
        elif unit in ("d", "wk") and days:
            if unit == "d" and period != 1:
                raise Unreadable(f"{at}.period", "expected 1 day with days of the week")
            expected = per_period if unit == "d" else len(days) * per_period
            if frequency != expected:
                raise Unreadable(
                    f"{at}.frequency",
                    "expected each time of day once on each weekday given",
                )
            recurrence = Recurrence(
                Frequency.WEEKLY, interval=period, weekdays=days, times=times, **common
            )
        elif unit == "mo":
            _frequency(frequency, per_period, at)
            if not month:
                raise Unreadable(
                    f"{at}.extension", "expected the day-of-month or weekday-of-month extension"
                )
            recurrence = Recurrence(
                Frequency.MONTHLY,
                interval=period,
                weekdays=days,
                times=times,
                monthday=month.get(DAY_OF_MONTH),
                nth=month.get(WEEKDAY_OF_MONTH),
                **common,
            )
        else:
            raise Unreadable(f"{at}.periodUnit", "expected d, wk or mo")
    except ValidationError as error:
        raise Unreadable(at, error.problems[0][1] + f" ({error.problems[0][0]})") from None
    return recurrence, minutes, pauses, times


def _frequency(frequency: int, per_period: int, at: str) -> None:
    if frequency != per_period:
        raise Unreadable(f"{at}.frequency", "expected one occurrence a period for each time of day")


def _minutes(repeat: dict[str, Any], at: str) -> int:
    if "duration" not in repeat:
        raise Unreadable(f"{at}.duration", "expected the minutes each time takes")
    unit = repeat.get("durationUnit")
    scale = 60 if unit == "h" else 1 if unit == "min" else None
    if scale is None:
        raise Unreadable(f"{at}.durationUnit", "expected min or h")
    value = repeat["duration"]
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        minutes = value * scale
        if 0 <= minutes <= 1440 and abs(minutes - round(minutes)) < 1e-6:
            return round(minutes)
    raise Unreadable(f"{at}.duration", "expected whole minutes from 0 to 1440")


def _weekday(value: object, path: str) -> Weekday:
    if value not in DAYS:
        raise Unreadable(path, "expected mon, tue, wed, thu, fri, sat or sun")
    return Weekday(DAYS.index(value))


def _modifiers(timing: dict[str, Any], path: str) -> tuple[frozenset[dt.date], tuple[Period, ...]]:
    skipped: list[dt.date] = []
    pauses: list[Period] = []
    at = f"{path}.modifierExtension"
    for n, ext in enumerate(as_list(timing.get("modifierExtension", []), at)):
        where = f"{at}[{n}]"
        ext = as_object(ext, where)
        if ext.get("url") == SKIPPED:
            skipped.append(as_date(ext.get("valueDate"), f"{where}.valueDate"))
        elif ext.get("url") == PAUSE:
            period = as_object(ext.get("valuePeriod"), f"{where}.valuePeriod")
            first = as_date(period.get("start"), f"{where}.valuePeriod.start")
            last = as_date(period.get("end"), f"{where}.valuePeriod.end")
            if last < first:
                raise Unreadable(f"{where}.valuePeriod.end", "expected a day on or after the start")
            pauses.append(Period(first, last))
        else:
            raise Unreadable(f"{where}.url", "a modifier extension this library does not know")
    return frozenset(skipped), tuple(pauses)
