"""Every public value pickles, with every protocol, to a value that is exactly the same.

"Exactly" is more than ``==``: zoned instants compare by instant, so ``==`` would not notice
a lost ``fold`` or a changed zone. :func:`exact` spells a value out field by field, with
each datetime as its instant, zone name and fold, and every type named, so a round trip
that changes anything a caller could observe fails.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import pickle
from collections.abc import Mapping
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import selfcare
from selfcare import testing
from selfcare._time.zoned import DateTime, zoned_key
from tests.testing.test_strategies import PUBLIC_TYPES

PROTOCOLS = range(2, pickle.HIGHEST_PROTOCOL + 1)


def exact(value: Any) -> Any:
    """A hashable spelling of ``value`` that differs whenever anything observable differs."""
    kind = type(value)
    if isinstance(value, dt.datetime):
        instant, zone = zoned_key(value) if value.tzinfo is not None else (value, None)
        return (kind, instant, zone, value.fold, value.isoformat())
    if isinstance(value, dt.date | dt.time):
        return (kind, value.isoformat(), getattr(value, "fold", 0))
    if isinstance(value, float):
        return (kind, repr(value))
    if isinstance(value, enum.Enum | str | int | bool | None):
        return (kind, value)
    if attrs.has(kind):
        return (
            kind,
            tuple((a.name, exact(getattr(value, a.name))) for a in attrs.fields(kind) if a.eq),
        )
    if isinstance(value, Mapping):
        return (kind, tuple((exact(k), exact(v)) for k, v in value.items()))
    if isinstance(value, tuple | list):
        return (kind, tuple(exact(v) for v in value))
    if isinstance(value, frozenset | set):
        return (kind, frozenset(exact(v) for v in value))
    raise AssertionError(f"exact() does not know {kind.__name__}; teach it")


def check_round_trips(value: Any) -> None:
    """Each protocol, and copy and deepcopy, give back a value exactly like ``value``."""
    expected = exact(value)
    for protocol in PROTOCOLS:
        again = pickle.loads(pickle.dumps(value, protocol=protocol))
        assert value == again, protocol
        assert expected == exact(again), protocol
        assert hash(value) == hash(again), protocol
    assert expected == exact(copy.copy(value))
    assert expected == exact(copy.deepcopy(value))


@pytest.mark.parametrize("kind", PUBLIC_TYPES, ids=lambda k: k.__name__)
def test_every_public_value_pickles_exactly(kind: type) -> None:
    """A value of every public type comes back from pickle equal, and exactly the same."""

    @given(st.from_type(kind))
    def check(value: Any) -> None:
        check_round_trips(value)

    check()


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
    again = pickle.loads(pickle.dumps(value, protocol=protocol))
    assert exact(value) == exact(again)


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
        check_round_trips(value)


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
