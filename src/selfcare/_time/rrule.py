"""The subset of RFC 5545 recurrence rules a :class:`Recurrence` reads and writes.

``FREQ=DAILY|WEEKLY|MONTHLY`` with ``INTERVAL``, ``BYDAY``, ``BYMONTHDAY`` (monthly only),
``BYHOUR``, ``BYMINUTE``, ``COUNT`` or ``UNTIL`` (and ``WKST=MO``, which is what our weeks
are anyway). A monthly rule has one ``BYMONTHDAY`` (1 to 31, or -1) or one numbered
weekday (``BYDAY=2TU``, ``BYDAY=-1FR``). Everything else is rejected while parsing, before
any expansion, so no rule can make the app loop.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import product

from selfcare._core.checks import fail, got
from selfcare._time.calendar import Weekday
from selfcare._time.recurrence import MAX_COUNT, MAX_TIMES, Frequency, Recurrence

MAX_LENGTH = 1_000
SUBSET = ("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYHOUR", "BYMINUTE", "COUNT", "UNTIL", "WKST")
_OUTSIDE = frozenset({"BYSECOND", "BYMONTH", "BYYEARDAY", "BYWEEKNO", "BYSETPOS", "RSCALE", "SKIP"})
_FREQUENCIES = frozenset({"SECONDLY", "MINUTELY", "HOURLY", "YEARLY"})
_INTERVALS = {"DAILY": 366, "WEEKLY": 52, "MONTHLY": 12}
_PART = re.compile(r"([A-Z][A-Z-]{0,19})=([A-Z0-9,+-]{1,200})")
_CODES = {day.code: day for day in Weekday}
#: A numbered weekday as the subset reads it: 1 to 4 (with an optional +) or -1, then MO to SU.
_NUMBERED = re.compile(r"(\+?[1-4]|-1)(MO|TU|WE|TH|FR|SA|SU)")
#: A day of the month as the subset reads it: 1 to 31 (with an optional +, or a leading 0) or -1.
_MONTHDAY = re.compile(r"\+?(0?[1-9]|[12][0-9]|3[01])|-1")
_UNTIL = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?")
_SUPPORTED = (
    "the subset is FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY, BYMONTHDAY, BYHOUR, BYMINUTE, "
    "COUNT, UNTIL"
)
_EXPECTED_FREQ = "expected FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY"


def parse(text: object, start: dt.date | None) -> Recurrence:
    """Build the recurrence an RRULE describes; see :meth:`Recurrence.from_rrule`."""
    parts = _parts(text)
    freq = parts.pop("FREQ", None)
    if freq is None:
        raise fail("rrule.FREQ", f"{_EXPECTED_FREQ}; the rule has no FREQ")
    if freq in _FREQUENCIES:
        raise fail("rrule.FREQ", f"FREQ={freq} is outside the supported subset; {_SUPPORTED}")
    if freq not in _INTERVALS:
        raise fail("rrule.FREQ", _EXPECTED_FREQ)
    if parts.pop("WKST", "MO") != "MO":
        raise fail("rrule.WKST", "only WKST=MO is supported: weeks here start on Monday")
    interval = _number(parts, "INTERVAL", 1, _INTERVALS[freq]) or 1
    byday, bymonthday = parts.pop("BYDAY", None), parts.pop("BYMONTHDAY", None)
    days: list[Weekday] = []
    if freq == "MONTHLY":
        monthday, weekday, nth = _day_of_month(byday, bymonthday)
    elif bymonthday is not None:
        raise fail("rrule.BYMONTHDAY", "BYMONTHDAY is in the subset only with FREQ=MONTHLY")
    else:
        days = _weekdays(byday)
    times = _times(parts.pop("BYHOUR", None), parts.pop("BYMINUTE", None))
    count = _number(parts, "COUNT", 1, MAX_COUNT)
    until = _until(parts.pop("UNTIL", None))
    if count is not None and until is not None:
        raise fail("rrule.COUNT", "give either COUNT or UNTIL, not both (RFC 5545 forbids it)")
    if freq == "MONTHLY":
        return Recurrence.monthly(
            monthday,
            times,
            weekday=weekday,
            nth=nth,
            every_months=interval,
            start=start,
            until=until,
            count=count,
        )
    if freq == "DAILY" and days:
        if interval != 1:
            raise fail("rrule.BYDAY", "FREQ=DAILY with BYDAY needs INTERVAL=1; use FREQ=WEEKLY")
        freq = "WEEKLY"
    if freq == "DAILY":
        return Recurrence.every_n_days(interval, times, start=start, until=until, count=count)
    if not days:
        raise fail("rrule.BYDAY", "FREQ=WEEKLY needs BYDAY, e.g. BYDAY=MO,WE,FR")
    return Recurrence.weekly(
        days, times, every_weeks=interval, start=start, until=until, count=count
    )


def _day_of_month(
    byday: str | None, bymonthday: str | None
) -> tuple[int | None, Weekday | None, int | None]:
    """The day of a monthly rule: ``(monthday, None, None)`` or ``(None, weekday, nth)``."""
    if bymonthday is not None:
        if byday is not None:
            raise fail(
                "rrule.BYDAY",
                "give BYMONTHDAY or BYDAY with FREQ=MONTHLY, not both (the subset has no BYSETPOS)",
            )
        if _MONTHDAY.fullmatch(bymonthday) is None:
            raise fail(
                "rrule.BYMONTHDAY",
                "expected one day of the month from 1 to 31, or -1 for the last; for two days "
                "a month, write two rules",
            )
        return int(bymonthday), None, None
    if byday is None:
        raise fail(
            "rrule.BYDAY",
            "FREQ=MONTHLY needs BYMONTHDAY (e.g. BYMONTHDAY=15) or a numbered weekday in BYDAY "
            "(e.g. BYDAY=2TU); the subset has no DTSTART to take the day from",
        )
    match = _NUMBERED.fullmatch(byday)
    if match is None:
        raise fail(
            "rrule.BYDAY",
            "expected one numbered weekday with FREQ=MONTHLY: 1 to 4 or -1, then MO to SU, "
            "e.g. BYDAY=2TU or BYDAY=-1FR; for two days a month, write two rules",
        )
    nth, code = match.groups()
    return None, _CODES[code], int(nth)


def _parts(text: object) -> dict[str, str]:
    if not isinstance(text, str):
        raise fail("rrule", f"expected RRULE text such as 'FREQ=DAILY;BYHOUR=7', {got(text)}")
    if len(text) > MAX_LENGTH:
        raise fail("rrule", f"expected at most {MAX_LENGTH} characters, {got(text)}")
    body = text.strip()
    if not body.isascii():
        raise fail("rrule", "expected ASCII text; the rule has other characters")
    body = body.upper()
    body = body.removeprefix("RRULE:")
    parts: dict[str, str] = {}
    for part in body.split(";"):
        match = _PART.fullmatch(part)
        if match is None:
            raise fail("rrule", "expected NAME=VALUE parts separated by ';', e.g. FREQ=DAILY")
        name, value = match.groups()
        if name in _OUTSIDE:
            raise fail(f"rrule.{name}", f"{name} is outside the supported subset; {_SUPPORTED}")
        if name not in SUBSET:
            raise fail("rrule", f"a part is not a recurrence rule part; {_SUPPORTED}")
        if name in parts:
            raise fail(f"rrule.{name}", f"{name} is given twice; give each part once")
        parts[name] = value
    return parts


def _number(parts: dict[str, str], name: str, low: int, high: int) -> int | None:
    value = parts.pop(name, None)
    if value is None:
        return None
    if not value.isdigit() or len(value) > 9:
        raise fail(f"rrule.{name}", f"expected a whole number from {low} to {high}")
    number = int(value)
    if not low <= number <= high:
        raise fail(f"rrule.{name}", f"expected {name} from {low} to {high}, got {number}")
    return number


def _weekdays(value: str | None) -> list[Weekday]:
    if value is None:
        return []
    days: list[Weekday] = []
    for code in value.split(","):
        if code not in _CODES:
            hint = (
                "; numbered weekdays such as 1MO are in the subset only with FREQ=MONTHLY"
                if code[-2:] in _CODES
                else ""
            )
            raise fail("rrule.BYDAY", f"expected two-letter weekdays MO to SU{hint}")
        if _CODES[code] in days:
            raise fail("rrule.BYDAY", f"{code} is given twice; give each weekday once")
        days.append(_CODES[code])
    return days


def _integers(name: str, value: str, high: int) -> list[int]:
    numbers: list[int] = []
    for item in value.split(","):
        if not item.isdigit() or len(item) > 2 or int(item) > high:
            raise fail(f"rrule.{name}", f"expected whole numbers from 0 to {high}, e.g. {name}=7")
        if int(item) in numbers:
            raise fail(f"rrule.{name}", f"{int(item)} is given twice; give each value once")
        numbers.append(int(item))
    return numbers


def _times(hours: str | None, minutes: str | None) -> list[dt.time]:
    if hours is None:
        if minutes is not None:
            raise fail("rrule.BYMINUTE", "BYMINUTE needs BYHOUR (the subset has no DTSTART)")
        return []
    picked = _integers("BYHOUR", hours, 23)
    at = [0] if minutes is None else _integers("BYMINUTE", minutes, 59)
    if len(picked) * len(at) > MAX_TIMES:
        raise fail(
            "rrule.BYMINUTE",
            f"BYHOUR x BYMINUTE gives {len(picked) * len(at)} times a day; at most {MAX_TIMES}",
        )
    return [dt.time(hour, minute) for hour, minute in product(picked, at)]


def _until(value: str | None) -> dt.date | None:
    if value is None:
        return None
    match = _UNTIL.fullmatch(value)
    if match is not None:
        year, month, day, hour, minute, second = match.groups()
        try:
            if hour is not None:
                dt.time(int(hour), int(minute), int(second))
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            pass  # raised below, outside the handler, so no exception is chained to it
    raise fail("rrule.UNTIL", "expected a date YYYYMMDD or a UTC time YYYYMMDDTHHMMSSZ")


def write(rule: Recurrence) -> str:
    """The RRULE text of a recurrence; see :meth:`Recurrence.to_rrule`."""
    if rule.frequency is Frequency.TIMES_PER_WEEK:
        raise fail(
            "frequency",
            "a times-per-week target has no RRULE form; use Recurrence.weekly on chosen days",
        )
    if rule.skipped:
        raise fail(
            "skipped",
            "skipped dates would be EXDATE lines, which are outside the RRULE subset; "
            "write them separately, or leave them out with attrs.evolve(rule, skipped=())",
        )
    parts = [f"FREQ={rule.frequency.name}"]
    if rule.interval != 1:
        parts.append(f"INTERVAL={rule.interval}")
    if rule.weekdays:
        nth = "" if rule.nth is None else str(rule.nth)
        parts.append("BYDAY=" + ",".join(nth + day.code for day in sorted(rule.weekdays)))
    if rule.monthday is not None:
        parts.append(f"BYMONTHDAY={rule.monthday}")
    if rule.times:
        parts.extend(_write_times(rule.times))
    if rule.count is not None:
        parts.append(f"COUNT={rule.count}")
    if rule.until is not None:
        parts.append(f"UNTIL={rule.until:%Y%m%d}")
    return ";".join(parts)


def _write_times(times: tuple[dt.time, ...]) -> list[str]:
    if any(t.second for t in times):
        raise fail("times", "times with seconds need BYSECOND, which is outside the RRULE subset")
    hours = sorted({t.hour for t in times})
    minutes = sorted({t.minute for t in times})
    if len(hours) * len(minutes) != len(times):
        raise fail(
            "times",
            "an RRULE gives times as every BYHOUR at every BYMINUTE; these times are not such "
            "a grid, so split the recurrence into one per group of times",
        )
    return [
        "BYHOUR=" + ",".join(str(h) for h in hours),
        "BYMINUTE=" + ",".join(str(m) for m in minutes),
    ]
