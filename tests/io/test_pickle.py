"""Pickling where zoned instants are at their most fragile: ambiguous times, nested results.

Every public type is pickled by the one property test per type (``tests/test_types.py``);
these are the cases worth naming. "Exactly" is more than ``==``: zoned instants compare by
instant, so ``==`` would not notice a lost ``fold`` or a changed zone.
"""

from __future__ import annotations

import pickle
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import selfcare
from selfcare import testing
from selfcare._time.zoned import DateTime, zoned_key
from tests.exact import assert_exactly_equal
from tests.test_types import check_pickle

PROTOCOLS = range(2, pickle.HIGHEST_PROTOCOL + 1)


# The second of two ambiguous wall-clock times (fold=1), by zone.
AMBIGUOUS = {
    "Europe/London": pendulum.datetime(2026, 10, 25, 1, 30, tz="Europe/London", fold=1),
    "America/New_York": pendulum.datetime(2026, 11, 1, 1, 30, tz="America/New_York", fold=1),
    "Australia/Lord_Howe": pendulum.datetime(2026, 4, 5, 1, 45, tz="Australia/Lord_Howe", fold=1),
}


@pytest.mark.parametrize("zone", AMBIGUOUS)
def test_second_of_two_ambiguous_times_keeps_its_fold(zone: str) -> None:
    """The later of two ambiguous instants is still the later one after a round trip."""
    stored = selfcare.Reflection(at=AMBIGUOUS[zone], author=selfcare.Role.CLIENT).at
    assert (isinstance(stored, DateTime), stored.fold) == (True, 1)
    for protocol in PROTOCOLS:
        again = pickle.loads(pickle.dumps(stored, protocol=protocol))
        assert (type(stored), stored.fold, stored.timezone_name, zoned_key(stored)) == (
            type(again),
            again.fold,
            again.timezone_name,
            zoned_key(again),
        )


@given(testing.zoned_datetimes(), st.sampled_from(PROTOCOLS))
def test_zoned_instants_pickle_by_instant_zone_and_fold(value: Any, protocol: int) -> None:
    """Any canonical zoned instant survives pickling: instant, zone name and fold."""
    assert_exactly_equal(value, pickle.loads(pickle.dumps(value, protocol=protocol)))


@pytest.mark.parametrize("zone", AMBIGUOUS)
def test_instants_nested_in_results_keep_their_fold(zone: str) -> None:
    """Results holding an ambiguous instant (recommendations, a workday) keep it exactly."""
    at = AMBIGUOUS[zone]
    profile = selfcare.Profile(role=selfcare.Role.CLIENT, timezone=zone, daily_minutes=30)
    reflection = selfcare.Reflection(
        at=at, author=selfcare.Role.CLIENT, ratings=selfcare.Ratings(4)
    )
    recs = selfcare.recommend(profile, history=[reflection], at=at, k=3)
    day = selfcare.plan_workday([selfcare.Session(at, 20)], rules=selfcare.WorkdayRules(), tz=zone)
    assert (1, 1, True) == (reflection.at.fold, recs.at.fold, any(b.start.fold for b in day.blocks))
    for value in [reflection, recs, day]:
        check_pickle(value)


def test_default_catalog_pickles_and_still_works() -> None:
    """An unpickled default catalog is equal, finds strategies, and recommends the same."""
    catalog = selfcare.default_catalog()
    profile = selfcare.Profile(role=selfcare.Role.CLIENT, timezone="UTC", daily_minutes=30)
    at = pendulum.datetime(2026, 1, 5, 18, tz="UTC")
    expected = selfcare.recommend(profile, catalog, at=at)
    for protocol in PROTOCOLS:
        again = pickle.loads(pickle.dumps(catalog, protocol=protocol))
        assert catalog == again
        assert catalog.strategy("short-walk") == again.strategy("short-walk")
        assert expected == selfcare.recommend(profile, again, at=at)


def test_unpickled_catalog_rebuilds_what_it_derives() -> None:
    """Derived data is rebuilt after unpickling, never carried over or shared."""
    catalog = selfcare.Catalog(strategies=selfcare.default_catalog().strategies[:5])
    built: list[str] = []

    def build() -> list[str]:
        built.append("built")
        return ["derived"]

    first = catalog._derived("probe", build)
    again = pickle.loads(pickle.dumps(catalog))
    second = again._derived("probe", build)
    assert (["derived"], ["derived"], ["built", "built"]) == (first, second, built)
    assert first is not second
    assert len(pickle.dumps(catalog)) == len(pickle.dumps(again))
