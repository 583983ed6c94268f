"""Specification of recurrences: when something repeats."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import Frequency, Recurrence, ValidationError, Weekday
from tests.rejection import check_rejected

MON, TUE, WED, THU, FRI, SAT, SUN = Weekday
JAN_5 = dt.date(2026, 1, 5)


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to see it rejected."""
    return value


def recurrence(**changes: Any) -> Recurrence:
    """A valid daily recurrence with some fields changed."""
    fields: dict[str, Any] = {"frequency": Frequency.DAILY}
    return Recurrence(**{**fields, **changes})


# Named constructors and their descriptions


@pytest.mark.parametrize(
    ("built", "text"),
    [
        pytest.param(Recurrence.daily(), "every day", id="daily"),
        pytest.param(Recurrence.daily(at=dt.time(7, 30)), "every day at 07:30", id="daily-at"),
        pytest.param(
            Recurrence.daily(at=[dt.time(21), dt.time(7)]),
            "every day at 07:00 and 21:00",
            id="daily-twice",
        ),
        pytest.param(
            Recurrence.daily(at=[dt.time(12), dt.time(7), dt.time(21)]),
            "every day at 07:00, 12:00 and 21:00",
            id="daily-thrice",
        ),
        pytest.param(
            Recurrence.daily(at=dt.time(7, 30, 15)), "every day at 07:30:15", id="seconds"
        ),
        pytest.param(Recurrence.every_n_days(1), "every day", id="every-1-days"),
        pytest.param(Recurrence.every_n_days(3), "every 3 days", id="every-3-days"),
        pytest.param(
            Recurrence.weekly({MON, THU}, at=dt.time(7, 30)),
            "every Monday and Thursday at 07:30",
            id="weekly",
        ),
        pytest.param(
            Recurrence.weekly([FRI, MON, WED]),
            "every Monday, Wednesday and Friday",
            id="weekly-three-days",
        ),
        pytest.param(
            Recurrence.weekly([SAT], every_weeks=2), "every 2 weeks on Saturday", id="fortnightly"
        ),
        pytest.param(Recurrence.times_per_week(1), "once a week", id="once-a-week"),
        pytest.param(Recurrence.times_per_week(3), "3 times a week", id="three-a-week"),
        pytest.param(
            Recurrence.times_per_week(2, at=dt.time(18)), "2 times a week at 18:00", id="tpw-at"
        ),
        pytest.param(
            Recurrence.daily(start=JAN_5, until=dt.date(2026, 2, 1)),
            "every day from 2026-01-05 until 2026-02-01",
            id="start-until",
        ),
        pytest.param(
            Recurrence.every_n_days(2, count=10),
            "every 2 days, 10 times in all",
            id="count",
        ),
        pytest.param(
            Recurrence.monthly(15, at=dt.time(9)), "on the 15th of every month at 09:00", id="15th"
        ),
        pytest.param(Recurrence.monthly(-1), "on the last day of every month", id="last-day"),
        pytest.param(Recurrence.weekly(set(Weekday)), "every day", id="weekly-every-day"),
        pytest.param(
            Recurrence.weekly(set(Weekday), every_weeks=2),
            "each day, every 2 weeks",
            id="every-day-fortnightly",
        ),
        pytest.param(
            Recurrence.weekly(set(Weekday) - {Weekday.SATURDAY, Weekday.SUNDAY}, every_weeks=3),
            "each weekday, every 3 weeks",
            id="weekdays-every-3-weeks",
        ),
        pytest.param(
            Recurrence.monthly(weekday=TUE, nth=2),
            "on the second Tuesday of every month",
            id="second-tuesday",
        ),
        pytest.param(
            Recurrence.monthly(weekday=MON, nth=1, every_months=2),
            "every 2 months on the first Monday",
            id="every-2-months",
        ),
    ],
)
def test_describe(built: Recurrence, text: str) -> None:
    """Each recurrence describes itself in plain English."""
    assert text == built.describe()


def test_daily_builds_a_daily_recurrence() -> None:
    """Recurrence.daily repeats every day with no weekdays or per-week target."""
    r = Recurrence.daily(at=dt.time(7), start=JAN_5, count=3)
    assert Frequency.DAILY is r.frequency
    assert 1 == r.interval
    assert frozenset() == r.weekdays
    assert r.per_week is None
    assert (dt.time(7),) == r.times
    assert JAN_5 == r.start
    assert 3 == r.count


def test_every_n_days_sets_the_interval() -> None:
    """Recurrence.every_n_days is a daily recurrence with an interval."""
    assert recurrence(interval=3) == Recurrence.every_n_days(3)


def test_weekly_keeps_weekdays_and_interval() -> None:
    """Recurrence.weekly keeps the chosen weekdays as a frozenset and the week interval."""
    r = Recurrence.weekly([MON, THU, MON], every_weeks=2)
    assert Frequency.WEEKLY is r.frequency
    assert frozenset({MON, THU}) == r.weekdays
    assert 2 == r.interval


def test_monthly_keeps_the_day_and_interval() -> None:
    """Recurrence.monthly keeps the day of the month, or the weekday and nth, as plain values."""
    by_date = Recurrence.monthly(-1, every_months=3)
    assert (Frequency.MONTHLY, 3, -1, None) == (
        by_date.frequency,
        by_date.interval,
        by_date.monthday,
        by_date.nth,
    )
    by_weekday = Recurrence.monthly(weekday=FRI, nth=4)
    assert (frozenset({FRI}), 4, None) == (by_weekday.weekdays, by_weekday.nth, by_weekday.monthday)


def test_times_per_week_keeps_the_target() -> None:
    """Recurrence.times_per_week is a flexible target with per_week set."""
    r = Recurrence.times_per_week(3)
    assert Frequency.TIMES_PER_WEEK is r.frequency
    assert 3 == r.per_week
    assert frozenset() == r.weekdays


@pytest.mark.parametrize(
    ("built", "days"),
    [
        (Recurrence.daily(), 7.0),
        (Recurrence.every_n_days(2), 3.5),
        (Recurrence.every_n_days(7), 1.0),
        (Recurrence.weekly([MON, WED, FRI]), 3.0),
        (Recurrence.weekly([SAT, SUN], every_weeks=2), 1.0),
        (Recurrence.times_per_week(4), 4.0),
        (Recurrence.monthly(1, every_months=12), 7 / 365.2425),
    ],
)
def test_days_per_week(built: Recurrence, days: float) -> None:
    """days_per_week is the average number of days a week it recurs."""
    assert days == built.days_per_week


def test_times_are_sorted_and_stored_as_stdlib_times() -> None:
    """Times of day are kept sorted, as plain datetime.time values."""
    r = Recurrence.daily(at={dt.time(21), pendulum.time(7, 30)})
    assert (dt.time(7, 30), dt.time(21)) == r.times
    assert all(type(t) is dt.time for t in r.times)


def test_times_from_a_generator() -> None:
    """Times may be given as any iterable of times."""
    r = Recurrence.daily(at=(dt.time(h) for h in (9, 8)))
    assert (dt.time(8), dt.time(9)) == r.times


def test_dates_are_stored_as_stdlib_dates() -> None:
    """Pendulum dates for start, until and skipped are stored as datetime.date values."""
    r = Recurrence.daily(start=pendulum.date(2026, 1, 5), until=pendulum.date(2026, 1, 31))
    r = r.with_skipped(pendulum.date(2026, 1, 6))
    assert dt.date is type(r.start)
    assert dt.date is type(r.until)
    assert {dt.date} == {type(day) for day in r.skipped}


def test_with_skipped_adds_dates_and_keeps_the_rest() -> None:
    """with_skipped returns a copy leaving out more dates; the original is unchanged."""
    base = Recurrence.weekly([MON], at=dt.time(8))
    once = base.with_skipped(dt.date(2026, 1, 5))
    twice = once.with_skipped(dt.date(2026, 1, 12), dt.date(2026, 1, 5))
    assert frozenset() == base.skipped
    assert frozenset({dt.date(2026, 1, 5), dt.date(2026, 1, 12)}) == twice.skipped
    assert base == attrs.evolve(twice, skipped=frozenset())


def test_until_on_the_start_day_is_allowed() -> None:
    """A recurrence may start and end on the same day."""
    assert JAN_5 == Recurrence.daily(start=JAN_5, until=JAN_5).until


ALL_HOURS = tuple(dt.time(h) for h in range(24))
THOUSAND_DAYS = frozenset(JAN_5 + dt.timedelta(days=n) for n in range(1000))


@pytest.mark.parametrize(
    ("changes", "field", "stored"),
    [
        pytest.param({"interval": 366}, "interval", 366, id="daily-interval-366"),
        pytest.param(
            {"frequency": Frequency.WEEKLY, "interval": 52, "weekdays": {MON}},
            "interval",
            52,
            id="weekly-interval-52",
        ),
        pytest.param(
            {"frequency": Frequency.TIMES_PER_WEEK, "per_week": 1}, "per_week", 1, id="per-week-1"
        ),
        pytest.param(
            {"frequency": Frequency.TIMES_PER_WEEK, "per_week": 7}, "per_week", 7, id="per-week-7"
        ),
        pytest.param({"count": 1}, "count", 1, id="count-1"),
        pytest.param({"count": 10_000}, "count", 10_000, id="count-10000"),
        pytest.param({"times": list(reversed(ALL_HOURS))}, "times", ALL_HOURS, id="24-times"),
        pytest.param({"skipped": list(THOUSAND_DAYS)}, "skipped", THOUSAND_DAYS, id="1000-skipped"),
        pytest.param(
            {"weekdays": list(Weekday), "frequency": Frequency.WEEKLY},
            "weekdays",
            frozenset(Weekday),
            id="all-days",
        ),
        pytest.param(
            {"frequency": Frequency.MONTHLY, "monthday": 31, "interval": 12},
            "monthday",
            31,
            id="monthday-31",
        ),
        pytest.param(
            {"frequency": Frequency.MONTHLY, "monthday": -1}, "monthday", -1, id="monthday-last"
        ),
        pytest.param(
            {"frequency": Frequency.MONTHLY, "monthday": 1, "interval": 12},
            "interval",
            12,
            id="monthly-interval-12",
        ),
        pytest.param(
            {"frequency": Frequency.MONTHLY, "weekdays": {SUN}, "nth": 4}, "nth", 4, id="nth-4"
        ),
        pytest.param(
            {"frequency": Frequency.MONTHLY, "weekdays": {SUN}, "nth": -1}, "nth", -1, id="nth-last"
        ),
    ],
)
def test_accepts_values_at_the_edges(changes: dict[str, Any], field: str, stored: object) -> None:
    """The largest and smallest allowed values are accepted and stored."""
    assert stored == getattr(recurrence(**changes), field)


TOO_MANY_TIMES = [dt.time(h, m) for h in range(24) for m in (0, 30)][:25]

REJECTED = [
    # frequency
    pytest.param({"frequency": "daily"}, "frequency", "expected a Frequency", id="freq-text"),
    pytest.param({"frequency": None}, "frequency", "expected a Frequency", id="freq-none"),
    pytest.param({"frequency": 1}, "frequency", "expected a Frequency", id="freq-int"),
    # interval
    pytest.param({"interval": 0}, "interval", "from 1 to 366", id="interval-0"),
    pytest.param({"interval": 367}, "interval", "from 1 to 366", id="interval-367"),
    pytest.param({"interval": -1}, "interval", "from 1 to 366", id="interval-negative"),
    pytest.param({"interval": True}, "interval", "expected an integer", id="interval-bool"),
    pytest.param({"interval": 2.0}, "interval", "expected an integer", id="interval-float"),
    pytest.param({"interval": None}, "interval", "expected an integer", id="interval-none"),
    pytest.param({"interval": "2"}, "interval", "expected an integer", id="interval-text"),
    pytest.param(
        {"frequency": Frequency.WEEKLY, "interval": 53, "weekdays": {MON}},
        "interval",
        "from 1 to 52",
        id="weekly-interval-53",
    ),
    pytest.param(
        {"frequency": Frequency.TIMES_PER_WEEK, "per_week": 2, "interval": 2},
        "interval",
        "from 1 to 1",
        id="tpw-interval-2",
    ),
    # weekdays
    pytest.param(
        {"frequency": Frequency.WEEKLY, "weekdays": "MO"},
        "weekdays",
        "expected a collection of Weekday",
        id="weekdays-lone-string",
    ),
    pytest.param(
        {"frequency": Frequency.WEEKLY, "weekdays": MON},
        "weekdays",
        "expected a collection of Weekday",
        id="weekdays-lone-weekday",
    ),
    pytest.param(
        {"frequency": Frequency.WEEKLY, "weekdays": [0, 3]},
        "weekdays",
        "expected a collection of Weekday",
        id="weekdays-ints",
    ),
    pytest.param(
        {"frequency": Frequency.WEEKLY, "weekdays": ["MO"]},
        "weekdays",
        "expected a collection of Weekday",
        id="weekdays-codes",
    ),
    pytest.param(
        {"frequency": Frequency.WEEKLY},
        "weekdays",
        "at least one weekday",
        id="weekly-without-weekdays",
    ),
    pytest.param(
        {"weekdays": {MON}},
        "weekdays",
        "only weekly and monthly recurrences have weekdays",
        id="daily-days",
    ),
    pytest.param(
        {"frequency": Frequency.TIMES_PER_WEEK, "per_week": 2, "weekdays": {MON}},
        "weekdays",
        "only weekly and monthly recurrences have weekdays",
        id="tpw-weekdays",
    ),
    # monthday and nth
    pytest.param(
        {"frequency": Frequency.MONTHLY}, "monthday", "a day of the month or", id="monthly-bare"
    ),
    pytest.param(
        {"frequency": Frequency.MONTHLY, "monthday": 0},
        "monthday",
        "from 1 to 31, or -1",
        id="monthday-0",
    ),
    pytest.param(
        {"frequency": Frequency.MONTHLY, "monthday": "15"},
        "monthday",
        "got a string of 2 characters",
        id="monthday-text",
    ),
    pytest.param(
        {"frequency": Frequency.MONTHLY, "monthday": 1, "interval": 13},
        "interval",
        "from 1 to 12",
        id="monthly-interval-13",
    ),
    pytest.param(
        {"frequency": Frequency.MONTHLY, "weekdays": {MON}, "nth": 5},
        "nth",
        "1 to 4",
        id="nth-5",
    ),
    pytest.param(
        {"frequency": Frequency.MONTHLY, "weekdays": {MON}, "nth": 2.0},
        "nth",
        "got 2.0",
        id="nth-float",
    ),
    pytest.param(
        {"frequency": Frequency.MONTHLY, "weekdays": set(), "nth": 2},
        "weekdays",
        "expected one weekday",
        id="nth-without-weekday",
    ),
    pytest.param({"monthday": 15}, "monthday", "only a monthly recurrence", id="daily-monthday"),
    pytest.param({"nth": 1}, "nth", "only a monthly recurrence", id="daily-nth"),
    # per_week
    pytest.param(
        {"frequency": Frequency.TIMES_PER_WEEK}, "per_week", "from 1 to 7", id="tpw-no-per-week"
    ),
    pytest.param(
        {"frequency": Frequency.TIMES_PER_WEEK, "per_week": 0},
        "per_week",
        "from 1 to 7",
        id="per-week-0",
    ),
    pytest.param(
        {"frequency": Frequency.TIMES_PER_WEEK, "per_week": 8},
        "per_week",
        "from 1 to 7",
        id="per-week-8",
    ),
    pytest.param(
        {"frequency": Frequency.TIMES_PER_WEEK, "per_week": True},
        "per_week",
        "expected an integer",
        id="per-week-bool",
    ),
    pytest.param(
        {"frequency": Frequency.TIMES_PER_WEEK, "per_week": 2.5},
        "per_week",
        "expected an integer",
        id="per-week-float",
    ),
    pytest.param({"per_week": 3}, "per_week", "only a times-per-week", id="daily-per-week"),
    # times
    pytest.param({"times": "07:30"}, "times", "expected a time of day", id="times-text"),
    pytest.param({"times": 730}, "times", "expected a time of day", id="times-int"),
    pytest.param({"times": ["07:30"]}, "times", "expected a time of day", id="times-text-item"),
    pytest.param(
        {"times": [dt.datetime(2026, 1, 5, 7)]},
        "times",
        "expected a time of day",
        id="times-datetime-item",
    ),
    pytest.param(
        {"times": [dt.time(7, tzinfo=dt.UTC)]},
        "times",
        "without a time zone",
        id="times-aware",
    ),
    pytest.param(
        {"times": [dt.time(7, 0, 0, 1)]}, "times", "expected whole seconds", id="times-microsecond"
    ),
    pytest.param(
        {"times": [dt.time(7), dt.time(7)]}, "times", "each time of day once", id="times-repeated"
    ),
    pytest.param({"times": TOO_MANY_TIMES}, "times", "at most 24 times", id="25-times"),
    # start and until
    pytest.param({"start": "2026-01-05"}, "start", "expected a date", id="start-text"),
    pytest.param(
        {"start": dt.datetime(2026, 1, 5)}, "start", "expected a date", id="start-datetime"
    ),
    pytest.param({"until": 20260105}, "until", "expected a date", id="until-int"),
    pytest.param(
        {"start": JAN_5, "until": dt.date(2026, 1, 4)},
        "until",
        "on or after 'start'",
        id="until-before-start",
    ),
    # count
    pytest.param({"count": 0}, "count", "from 1 to 10000", id="count-0"),
    pytest.param({"count": 10_001}, "count", "from 1 to 10000", id="count-10001"),
    pytest.param({"count": True}, "count", "expected an integer", id="count-bool"),
    pytest.param({"count": 3.0}, "count", "expected an integer", id="count-float"),
    pytest.param(
        {"count": 3, "until": dt.date(2026, 2, 1)},
        "count",
        "either 'count' or 'until'",
        id="count-with-until",
    ),
    # skipped
    pytest.param(
        {"skipped": "2026-01-05"}, "skipped", "expected a collection of dates", id="skipped-text"
    ),
    pytest.param({"skipped": JAN_5}, "skipped", "expected a collection", id="skipped-lone-date"),
    pytest.param(
        {"skipped": [dt.datetime(2026, 1, 5, 9)]},
        "skipped",
        "expected a date",
        id="skipped-datetime",
    ),
    pytest.param({"skipped": ["2026-01-05"]}, "skipped", "expected a date", id="skipped-item-text"),
    pytest.param(
        {"skipped": {JAN_5 + dt.timedelta(days=n) for n in range(1001)}},
        "skipped",
        "at most 1000 skipped",
        id="1001-skipped",
    ),
]


@pytest.mark.parametrize(("changes", "field", "expected"), REJECTED)
def test_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """Invalid recurrences are rejected naming the field and what was expected."""
    check_rejected(lambda: recurrence(**changes), field, expected)


@pytest.mark.parametrize(
    ("build", "field", "expected"),
    [
        pytest.param(lambda: Recurrence.every_n_days(0), "interval", "from 1 to 366", id="n-0"),
        pytest.param(
            lambda: Recurrence.weekly([], at=dt.time(8)), "weekdays", "at least one", id="no-days"
        ),
        pytest.param(
            lambda: Recurrence.weekly(wrong("MO")),
            "weekdays",
            "expected a collection of Weekday",
            id="weekly-lone-string",
        ),
        pytest.param(
            lambda: Recurrence.weekly(wrong(MON)),
            "weekdays",
            "expected a collection of Weekday",
            id="weekly-lone-weekday",
        ),
        pytest.param(
            lambda: Recurrence.weekly([MON], every_weeks=0), "interval", "from 1 to 52", id="w0"
        ),
        pytest.param(lambda: Recurrence.times_per_week(8), "per_week", "from 1 to 7", id="tpw-8"),
        pytest.param(lambda: Recurrence.monthly(), "monthday", "a day of the month", id="monthly"),
        pytest.param(
            lambda: Recurrence.monthly(weekday=wrong("TU"), nth=2),
            "weekdays",
            "expected one Weekday",
            id="monthly-weekday-text",
        ),
        pytest.param(
            lambda: Recurrence.monthly(15, every_months=13), "interval", "from 1 to 12", id="m13"
        ),
        pytest.param(
            lambda: Recurrence.daily(at=wrong("07:30")),
            "times",
            "expected a time of day",
            id="at-text",
        ),
        pytest.param(
            lambda: Recurrence.daily(count=2, until=JAN_5), "count", "not both", id="count-until"
        ),
        pytest.param(
            lambda: Recurrence.daily().with_skipped(dt.datetime(2026, 1, 5, 9)),
            "skipped",
            "expected a date",
            id="skip-datetime",
        ),
    ],
)
def test_named_constructors_reject(build: Callable[[], object], field: str, expected: str) -> None:
    """The named constructors apply the same rules as the class."""
    check_rejected(build, field, expected)


def test_errors_describe_text_by_length_only() -> None:
    """A rejected string is described by its length, never echoed."""
    with pytest.raises(ValidationError) as caught:
        recurrence(times="half past seven")
    assert "got a string of 15 characters" in str(caught.value)
    assert "half past seven" not in str(caught.value)


# Values


def test_recurrences_compare_and_hash_by_value() -> None:
    """Equal recurrences are equal and hash alike, however their fields were given."""
    a = Recurrence.weekly([MON, THU], at=[dt.time(8), dt.time(7)])
    b = Recurrence.weekly((THU, MON), at=(dt.time(7), dt.time(8)))
    assert a == b
    assert hash(a) == hash(b)
    assert a != Recurrence.weekly([MON], at=[dt.time(8), dt.time(7)])


@pytest.mark.parametrize("field", [a.name for a in attrs.fields(Recurrence)])
def test_recurrences_are_immutable(field: str) -> None:
    """No field of a recurrence can be reassigned."""
    r = Recurrence.daily()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(r, field, getattr(r, field))


@pytest.mark.parametrize(
    "value",
    [
        Recurrence.daily(),
        Recurrence.every_n_days(3, at=dt.time(7), start=JAN_5, count=5),
        Recurrence.weekly([MON, FRI], at=[dt.time(7), dt.time(19)], until=dt.date(2026, 6, 1)),
        Recurrence.times_per_week(3).with_skipped(JAN_5),
        Recurrence.monthly(31, at=dt.time(9), every_months=2, start=JAN_5),
        Recurrence.monthly(weekday=TUE, nth=-1, count=12),
    ],
    ids=lambda r: r.describe(),
)
def test_recurrences_pickle(value: Recurrence) -> None:
    """A recurrence survives a pickle round trip unchanged."""
    assert value == pickle.loads(pickle.dumps(value))


def test_frequency_converts_from_text() -> None:
    """Frequency members are built from their text values."""
    assert Frequency.TIMES_PER_WEEK is Frequency("times-per-week")


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (([2026, 1, 5],), "expected a date such as datetime.date(2026, 1, 5), got a list"),
        (("2026-01-05",), "expected a date such as datetime.date(2026, 1, 5), got a string"),
        (
            tuple(dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(1_001)),
            "expected at most 1000 skipped dates",
        ),
    ],
)
def test_with_skipped_refuses_what_is_not_a_date(days: tuple[Any, ...], expected: str) -> None:
    """A list, a string or too many dates are refused on 'skipped', whatever they hold."""
    check_rejected(lambda: Recurrence.daily().with_skipped(*days), "skipped", expected)


@given(
    when=st.times(max_value=dt.time(23, 59, 58)) | st.times(timezones=st.just(dt.UTC)),
    fold=st.sampled_from([0, 1]),
)
def test_one_time_is_checked_as_several_are(when: dt.time, fold: int) -> None:
    """A lone time of day (as a document holds) passes or fails as it would among others."""
    when = when.replace(fold=fold)
    later = dt.time(23, 59, 59)
    try:
        together, problems = Recurrence.daily(at=(when, later)).times, None
    except ValidationError as error:
        together, problems = (), error.problems
    if problems is not None:
        with pytest.raises(ValidationError) as raised:
            Recurrence.daily(at=(when,))
        assert problems == raised.value.problems
        return
    alone = Recurrence.daily(at=(when,)).times
    assert together[:1] == alone
    assert (0, None, 0) == (alone[0].microsecond, alone[0].tzinfo, alone[0].fold)
