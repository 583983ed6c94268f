"""Calendar words: weekdays, parts of the day and inclusive date periods."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from selfcare._core.checks import check_date, fail, got, reads_as
from selfcare._core.vocabulary import Vocabulary

__all__ = ["Period", "TimeOfDay", "Weekday"]


class Weekday(enum.IntEnum):
    """A day of the week, numbered as ``datetime.date.weekday()`` numbers it.

    Example:
        >>> Weekday.of(datetime.date(2026, 11, 26))
        <Weekday.THURSDAY: 3>
        >>> Weekday.MONDAY.code
        'MO'
    """

    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6

    @property
    def code(self) -> str:
        """The two-letter code RFC 5545 uses (``MO`` … ``SU``)."""
        return self.name[:2]

    @classmethod
    def parse(cls, text: object) -> Weekday:
        """The weekday ``text`` names: its name, three letters, RFC 5545 code or number.

        Numbers count from 0 (Monday), as ``datetime.date.weekday()`` does, and are read
        from text (``"0"``); a member is returned as it is. Case does not matter.

        Raises:
            ValidationError: ``text`` names no weekday (on ``text``), never quoting it.

        Example:
            >>> Weekday.parse("Tuesday"), Weekday.parse("sat"), Weekday.parse("SU")
            (<Weekday.TUESDAY: 1>, <Weekday.SATURDAY: 5>, <Weekday.SUNDAY: 6>)
        """
        if isinstance(text, cls):
            return text
        if isinstance(text, str):
            word = text.strip().lower()
            for day in cls:
                names = (day.name.lower(), day.name[:3].lower(), day.code.lower(), str(day.value))
                if word in names:
                    return day
        raise fail(
            "text",
            f"expected a weekday such as 'monday', 'mon', 'MO' or 0 (Monday) to 6, {got(text)}",
        )

    @classmethod
    def of(cls, day: dt.date) -> Weekday:
        """Return the weekday of a date (or of a datetime's date)."""
        if not isinstance(day, dt.date):
            raise fail("day", f"expected a date such as datetime.date(2026, 1, 5), {got(day)}")
        return cls(day.weekday())


class TimeOfDay(Vocabulary):
    """A part of the day a person may prefer for self-care.

    Morning is 05:00–12:00, afternoon 12:00–17:00, evening 17:00–22:00 and night the rest.

    Example:
        >>> TimeOfDay.of(datetime.time(7, 30))
        <TimeOfDay.MORNING: 'morning'>
        >>> TimeOfDay.EVENING.start
        datetime.time(17, 0)
    """

    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    NIGHT = "night"

    @property
    def start(self) -> dt.time:
        """The first minute of this part of the day."""
        return dt.time(_STARTS[self])

    @property
    def end(self) -> dt.time:
        """The first minute after this part of the day."""
        return dt.time(_STARTS[_NEXT[self]])

    @classmethod
    def of(cls, when: dt.time | dt.datetime) -> TimeOfDay:
        """Return the part of the day a wall-clock time (or a datetime's) falls in."""
        if not isinstance(when, dt.time | dt.datetime):
            raise fail("when", f"expected a time of day such as datetime.time(7, 30), {got(when)}")
        hour = when.hour
        if 5 <= hour < 12:
            return cls.MORNING
        if 12 <= hour < 17:
            return cls.AFTERNOON
        if 17 <= hour < 22:
            return cls.EVENING
        return cls.NIGHT


_STARTS = {
    TimeOfDay.MORNING: 5,
    TimeOfDay.AFTERNOON: 12,
    TimeOfDay.EVENING: 17,
    TimeOfDay.NIGHT: 22,
}
_NEXT = {
    TimeOfDay.MORNING: TimeOfDay.AFTERNOON,
    TimeOfDay.AFTERNOON: TimeOfDay.EVENING,
    TimeOfDay.EVENING: TimeOfDay.NIGHT,
    TimeOfDay.NIGHT: TimeOfDay.MORNING,
}


def _first(value: dt.date) -> dt.date:
    return check_date("first", value)


def _last(value: dt.date) -> dt.date:
    return check_date("last", value)


reads_as(dt.date, _first, _last)


#: The longest a plan runs, in weeks (ten years, 3,640 days): a plan that goes on is revised,
#: not replaced, and ten years is as far as the insights walk a history day by day. The plan
#: generator, :meth:`Period.weeks_from` and :class:`~selfcare.Plan` all keep to it.
MAX_PLAN_WEEKS = 520


@attrs.frozen
class Period:
    """A run of calendar days, both ends included.

    Example:
        >>> holiday = Period(datetime.date(2026, 12, 24), datetime.date(2026, 12, 27))
        >>> holiday.days
        4
        >>> datetime.date(2026, 12, 25) in holiday
        True
    """

    first: dt.date = attrs.field(converter=_first)
    last: dt.date = attrs.field(converter=_last)

    def __attrs_post_init__(self) -> None:
        if self.last < self.first:
            raise fail("last", "expected a date on or after 'first'; swap the two dates")

    @property
    def days(self) -> int:
        """The number of days in the period."""
        return (self.last - self.first).days + 1

    def __contains__(self, day: object) -> bool:
        return (
            isinstance(day, dt.date)
            and not isinstance(day, dt.datetime)
            and self.first <= day <= self.last
        )

    @classmethod
    def weeks_from(cls, start: dt.date, weeks: int) -> Period:
        """The period of ``weeks`` whole weeks starting on ``start``.

        Raises:
            ValidationError: ``weeks`` is not from 1 to 520 (the longest a plan runs, ten
                years), or the period would run past
                9999-12-31, the last date (on ``weeks``, or on ``start`` when not even one
                week fits).

        Example:
            >>> Period.weeks_from(datetime.date(2026, 1, 5), 4).last
            datetime.date(2026, 2, 1)
        """
        if (
            not isinstance(weeks, int)
            or isinstance(weeks, bool)
            or not 1 <= weeks <= MAX_PLAN_WEEKS
        ):
            raise fail("weeks", f"expected an integer from 1 to {MAX_PLAN_WEEKS}")
        first = check_date("start", start)
        room = (dt.date.max - first).days + 1  # days from start to the last date, 9999-12-31
        if room < 7:
            raise fail(
                "start",
                f"expected a date on or before {dt.date.max - dt.timedelta(days=6)}, so that "
                f"a week fits before the calendar ends on {dt.date.max}; got {first}",
            )
        if 7 * weeks > room:
            raise fail(
                "weeks",
                f"expected at most {room // 7} weeks from {first}: the period would run past "
                f"{dt.date.max}, where the calendar ends; pass fewer weeks",
            )
        return cls(first, first + dt.timedelta(days=7 * weeks - 1))
