"""Zoned instants: compared, hashed, pickled and copied by their exact instant."""

from __future__ import annotations

import copy
import datetime as dt
import operator
import pickle
import zoneinfo

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import Effort, Reflection, Role, ValidationError
from selfcare._time.zoned import DateTime, check_zoned, in_zone, zone

LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(local: dt.datetime) -> pendulum.DateTime:
    return Reflection(at=local, author=Role.CLIENT).at


EARLIER = at(dt.datetime(2026, 10, 25, 1, 30, fold=0, tzinfo=LONDON))
LATER = at(dt.datetime(2026, 10, 25, 1, 30, fold=1, tzinfo=LONDON))


def test_the_two_instants_of_a_repeated_hour_are_ordered() -> None:
    """01:30 before and after the clocks go back are an hour apart, and compare so."""
    assert EARLIER < LATER
    assert EARLIER <= LATER
    assert LATER > EARLIER
    assert LATER >= EARLIER
    assert EARLIER != LATER
    assert not EARLIER == LATER  # noqa: SIM201
    assert hash(EARLIER) != hash(LATER)
    assert 3600 == (LATER.timestamp() - EARLIER.timestamp())


def test_instants_compare_across_zones_and_with_plain_datetimes() -> None:
    """The same instant in another zone, or as a stdlib datetime, is equal."""
    utc = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)
    assert utc == EARLIER
    assert EARLIER == utc
    assert hash(at(utc)) == hash(EARLIER)
    assert EARLIER <= utc <= EARLIER


def test_comparing_with_naive_or_other_values_is_not_supported() -> None:
    """A naive datetime or another type never equals a zoned instant, and cannot be ordered."""
    naive = dt.datetime(2026, 10, 25, 1, 30)
    assert EARLIER != naive
    assert EARLIER != "2026-10-25T01:30"
    for compare in (operator.lt, operator.le, operator.gt, operator.ge):
        with pytest.raises(TypeError):
            compare(EARLIER, naive)


@pytest.mark.parametrize("instant", [EARLIER, LATER], ids=["fold-0", "fold-1"])
def test_pickling_and_copying_keep_the_instant_zone_and_fold(instant: pendulum.DateTime) -> None:
    """pendulum's own pickling drops fold; ours keeps it."""
    for again in (
        pickle.loads(pickle.dumps(instant)),
        copy.copy(instant),
        copy.deepcopy(instant),
    ):
        assert (instant.timestamp(), "Europe/London", instant.fold) == (
            again.timestamp(),
            again.timezone_name,
            again.fold,
        )


def test_effort_is_ordered_low_to_high() -> None:
    """Effort levels compare by how much they ask."""
    assert Effort.LOW < Effort.MEDIUM < Effort.HIGH
    assert Effort.HIGH > Effort.LOW
    assert Effort.MEDIUM <= Effort.MEDIUM >= Effort.LOW
    assert [1, 2, 3] == [e.level for e in Effort]
    for compare in (operator.lt, operator.le, operator.gt, operator.ge):
        with pytest.raises(TypeError):
            compare(Effort.LOW, 2)


# A value already in canonical form is kept as it is; any other is made canonical.


def assert_check_zoned_gives_in_zone(value: DateTime) -> None:
    """check_zoned gives what in_zone gives, and the value itself when that is equal to it.

    Outside the supported range (local dates in the years 2 to 9998) it refuses the value.
    """
    tz = zone(value.tzinfo.key)  # type: ignore[union-attr]
    try:
        expected = in_zone(value, tz)
    except (OverflowError, ValueError):
        expected = None
    if expected is None or not 2 <= expected.year <= 9998:
        with pytest.raises(ValidationError):
            check_zoned("at", value)
        return
    actual = check_zoned("at", value)
    fields = (*expected.timetuple()[:6], expected.microsecond, expected.fold, expected.tzinfo)
    assert fields == (*actual.timetuple()[:6], actual.microsecond, actual.fold, actual.tzinfo)
    same = fields == (*value.timetuple()[:6], value.microsecond, value.fold, value.tzinfo)
    if not same:
        assert actual is not value
    elif 2 <= value.year <= 9998:  # near the ends of the range, values are always rebuilt
        assert actual is value


_TRANSITIONS = [
    ("Europe/London", dt.date(2026, 3, 29)),
    ("Europe/London", dt.date(2026, 10, 25)),
    ("America/New_York", dt.date(2026, 3, 8)),
    ("America/New_York", dt.date(2026, 11, 1)),
    ("Australia/Lord_Howe", dt.date(2026, 4, 5)),  # clocks go back half an hour
    ("Australia/Lord_Howe", dt.date(2026, 10, 4)),
]


@pytest.mark.parametrize(("name", "day"), _TRANSITIONS)
def test_check_zoned_across_daylight_saving_changes(name: str, day: dt.date) -> None:
    """Every quarter hour of the night of a change, with either fold, in gaps and repeats."""
    tz = zone(name)
    for minutes in range(0, 4 * 60, 15):
        for fold in (0, 1):
            hour, minute = divmod(minutes, 60)
            value = DateTime(day.year, day.month, day.day, hour, minute, tzinfo=tz, fold=fold)
            assert_check_zoned_gives_in_zone(value)


@given(
    name=st.sampled_from(["Europe/London", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"]),
    day=st.dates(),
    minutes=st.integers(0, 24 * 60 - 1),
    micro=st.sampled_from([0, 1, 999_999]),
    fold=st.sampled_from([0, 1]),
)
def test_check_zoned_keeps_only_canonical_values(
    name: str, day: dt.date, minutes: int, micro: int, fold: int
) -> None:
    """Any wall-clock time, in any year, with either fold."""
    hour, minute = divmod(minutes, 60)
    value = DateTime(day.year, day.month, day.day, hour, minute, 0, micro, zone(name), fold=fold)
    assert_check_zoned_gives_in_zone(value)


def test_a_value_in_a_stdlib_zone_is_rebuilt_in_the_pendulum_zone() -> None:
    """Only the cached pendulum zone counts as canonical."""
    value = DateTime(2026, 6, 1, 12, tzinfo=LONDON)
    actual = check_zoned("at", value)
    assert zone("Europe/London") is actual.tzinfo
    assert value == actual
