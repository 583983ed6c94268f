"""Zoned instants: compared, hashed, pickled and copied by their exact instant."""

from __future__ import annotations

import copy
import datetime as dt
import operator
import pickle
import zoneinfo

import pendulum
import pytest

from selfcare import Effort, Reflection, Role

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
