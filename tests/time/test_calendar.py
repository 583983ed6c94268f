"""Specification of weekdays, parts of the day and periods."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import attrs
import pendulum
import pytest

from selfcare import Period, TimeOfDay, ValidationError, Weekday
from tests.rejection import check_rejected

# Weekday


def test_weekdays_are_numbered_like_date_weekday() -> None:
    """Weekday numbers match datetime.date.weekday(): Monday is 0, Sunday 6."""
    assert list(range(7)) == [int(day) for day in Weekday]
    assert Weekday.MONDAY == dt.date(2026, 1, 5).weekday()


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 1, 5), Weekday.MONDAY),
        (dt.date(2026, 1, 8), Weekday.THURSDAY),
        (dt.date(2026, 1, 11), Weekday.SUNDAY),
        (pendulum.date(2026, 1, 10), Weekday.SATURDAY),
        (dt.datetime(2026, 1, 6, 23, 59), Weekday.TUESDAY),
    ],
)
def test_weekday_of_a_date(day: dt.date, expected: Weekday) -> None:
    """Weekday.of gives the weekday of a stdlib or pendulum date."""
    assert expected is Weekday.of(day)


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (Weekday.MONDAY, "MO"),
        (Weekday.TUESDAY, "TU"),
        (Weekday.WEDNESDAY, "WE"),
        (Weekday.THURSDAY, "TH"),
        (Weekday.FRIDAY, "FR"),
        (Weekday.SATURDAY, "SA"),
        (Weekday.SUNDAY, "SU"),
    ],
)
def test_weekday_code_is_the_rfc5545_code(day: Weekday, code: str) -> None:
    """Each weekday has its two-letter RFC 5545 code."""
    assert code == day.code


# TimeOfDay


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (dt.time(0, 0), TimeOfDay.NIGHT),
        (dt.time(4, 59), TimeOfDay.NIGHT),
        (dt.time(5, 0), TimeOfDay.MORNING),
        (dt.time(11, 59), TimeOfDay.MORNING),
        (dt.time(12, 0), TimeOfDay.AFTERNOON),
        (dt.time(16, 59), TimeOfDay.AFTERNOON),
        (dt.time(17, 0), TimeOfDay.EVENING),
        (dt.time(21, 59), TimeOfDay.EVENING),
        (dt.time(22, 0), TimeOfDay.NIGHT),
        (dt.time(23, 59, 59), TimeOfDay.NIGHT),
    ],
)
def test_time_of_day_of_a_time(when: dt.time, expected: TimeOfDay) -> None:
    """TimeOfDay.of places a wall-clock time in its part of the day, edges included."""
    assert expected is TimeOfDay.of(when)


@pytest.mark.parametrize(
    ("part", "start", "end"),
    [
        (TimeOfDay.MORNING, dt.time(5), dt.time(12)),
        (TimeOfDay.AFTERNOON, dt.time(12), dt.time(17)),
        (TimeOfDay.EVENING, dt.time(17), dt.time(22)),
        (TimeOfDay.NIGHT, dt.time(22), dt.time(5)),
    ],
)
def test_time_of_day_start_and_end(part: TimeOfDay, start: dt.time, end: dt.time) -> None:
    """Each part of the day starts and ends where the next begins."""
    assert start == part.start
    assert end == part.end
    assert part is TimeOfDay.of(part.start)


def test_time_of_day_converts_from_text() -> None:
    """A TimeOfDay is built from its text value."""
    assert TimeOfDay.EVENING is TimeOfDay("evening")
    assert "morning" == TimeOfDay.MORNING.value


# Period


def test_period_counts_both_ends() -> None:
    """A period includes its first and last day."""
    assert 4 == Period(dt.date(2026, 12, 24), dt.date(2026, 12, 27)).days
    assert 1 == Period(dt.date(2026, 12, 24), dt.date(2026, 12, 24)).days


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 12, 23), False),
        (dt.date(2026, 12, 24), True),
        (dt.date(2026, 12, 25), True),
        (dt.date(2026, 12, 27), True),
        (dt.date(2026, 12, 28), False),
        (pendulum.date(2026, 12, 25), True),
        ("2026-12-25", False),
        (None, False),
    ],
)
def test_period_contains_its_days(day: object, expected: bool) -> None:
    """A date is in a period when it falls between the ends, both included."""
    assert expected == (day in Period(dt.date(2026, 12, 24), dt.date(2026, 12, 27)))


def test_period_contains_a_datetime_without_crashing() -> None:
    """Asking whether a datetime is in a period answers instead of raising TypeError."""
    holiday = Period(dt.date(2026, 12, 24), dt.date(2026, 12, 27))
    assert isinstance(dt.datetime(2026, 12, 25, 10) in holiday, bool)


def test_period_stores_stdlib_dates() -> None:
    """Pendulum dates are accepted and stored as plain datetime.date values."""
    period = Period(pendulum.date(2026, 1, 5), pendulum.date(2026, 1, 11))
    assert dt.date is type(period.first)
    assert dt.date is type(period.last)
    assert Period(dt.date(2026, 1, 5), dt.date(2026, 1, 11)) == period


@pytest.mark.parametrize(
    ("weeks", "last"),
    [(1, dt.date(2026, 1, 11)), (4, dt.date(2026, 2, 1)), (520, dt.date(2035, 12, 23))],
)
def test_period_weeks_from(weeks: int, last: dt.date) -> None:
    """Period.weeks_from covers whole weeks from the start, from 1 to 520 weeks (a plan's most)."""
    period = Period.weeks_from(dt.date(2026, 1, 5), weeks)
    assert Period(dt.date(2026, 1, 5), last) == period
    assert 7 * weeks == period.days


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        pytest.param({"first": "2026-01-05"}, "first", "expected a date", id="first-text"),
        pytest.param({"first": None}, "first", "expected a date", id="first-none"),
        pytest.param(
            {"first": dt.datetime(2026, 1, 5)}, "first", "expected a date", id="first-datetime"
        ),
        pytest.param(
            {"first": pendulum.datetime(2026, 1, 5)}, "first", "expected a date", id="first-pdt"
        ),
        pytest.param({"last": 20260111}, "last", "expected a date", id="last-int"),
        pytest.param(
            {"last": dt.date(2026, 1, 4)}, "last", "on or after 'first'", id="last-before-first"
        ),
    ],
)
def test_period_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """A period needs two dates, the last on or after the first."""
    fields: dict[str, Any] = {"first": dt.date(2026, 1, 5), "last": dt.date(2026, 1, 11)}
    check_rejected(lambda: Period(**{**fields, **changes}), field, expected)


@pytest.mark.parametrize(
    ("start", "weeks", "field"),
    [
        pytest.param(dt.date(2026, 1, 5), 0, "weeks", id="zero-weeks"),
        pytest.param(dt.date(2026, 1, 5), 521, "weeks", id="too-many-weeks"),
        pytest.param(dt.date(2026, 1, 5), True, "weeks", id="bool-weeks"),
        pytest.param(dt.date(2026, 1, 5), 4.0, "weeks", id="float-weeks"),
        pytest.param(dt.date(2026, 1, 5), None, "weeks", id="none-weeks"),
        pytest.param(dt.date(2026, 1, 5), "4", "weeks", id="text-weeks"),
        pytest.param(dt.datetime(2026, 1, 5, 9), 4, "start", id="datetime-start"),
        pytest.param("2026-01-05", 4, "start", id="text-start"),
    ],
)
def test_period_weeks_from_rejects(start: Any, weeks: Any, field: str) -> None:
    """weeks_from needs a date and a whole number of weeks from 1 to 520."""
    expected = "expected an integer from 1 to 520" if field == "weeks" else "expected a date"
    check_rejected(lambda: Period.weeks_from(start, weeks), field, expected)


def test_period_weeks_from_past_the_calendar_end_is_a_validation_error() -> None:
    """A period that would run past year 9999 is rejected with a ValidationError."""
    with pytest.raises(ValidationError):
        Period.weeks_from(dt.date(9999, 12, 1), 520)


def test_period_is_a_frozen_hashable_value() -> None:
    """Periods compare and hash by their dates, and cannot be changed."""
    a = Period(dt.date(2026, 1, 5), dt.date(2026, 1, 11))
    b = Period(dt.date(2026, 1, 5), dt.date(2026, 1, 11))
    assert a == b
    assert hash(a) == hash(b)
    assert a != Period(dt.date(2026, 1, 5), dt.date(2026, 1, 12))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(a, "first", dt.date(2026, 1, 1))  # noqa: B010


@pytest.mark.parametrize(
    "value",
    [Period(dt.date(2026, 1, 5), dt.date(2026, 1, 11)), Weekday.FRIDAY, TimeOfDay.NIGHT],
    ids=repr,
)
def test_calendar_values_pickle(value: object) -> None:
    """Calendar values survive a pickle round trip unchanged."""
    assert value == pickle.loads(pickle.dumps(value))


# Values of the wrong type, passed on purpose to see them rejected.
NONE: Any = None
TEXT: Any = "monday"
SEVEN: Any = 7


@pytest.mark.parametrize(
    ("call", "field", "expected"),
    [
        (lambda: Weekday.of(NONE), "day", "expected a date such as datetime.date(2026, 1, 5)"),
        (lambda: Weekday.of(TEXT), "day", "got a string of 6 characters"),
        (lambda: TimeOfDay.of(SEVEN), "when", "expected a time of day such as datetime.time(7"),
        (lambda: TimeOfDay.of(TEXT), "when", "got a string of 6 characters"),
    ],
)
def test_of_refuses_what_is_not_a_date_or_a_time(call: Any, field: str, expected: str) -> None:
    """Weekday.of wants a date and TimeOfDay.of a time of day; anything else is described."""
    check_rejected(call, field, expected)


def test_of_reads_a_datetime_too() -> None:
    """A datetime has a weekday and a time of day of its own."""
    at = dt.datetime(2026, 1, 5, 18, 30)
    assert (Weekday.MONDAY, TimeOfDay.EVENING) == (Weekday.of(at), TimeOfDay.of(at))
