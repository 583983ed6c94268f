"""The catalog benchmark's pydantic mirror accepts exactly what ``Strategy`` accepts.

``benchmarks/bench_catalog.py`` times building a catalog against a pydantic v2 model of the
same fields and strictness. A mirror that checked less would flatter pydantic; one that
refused what selfcare accepts would stop the benchmark. These tests hold it to ``Strategy``:
every strategy selfcare builds, the mirror builds with the same values, and every mistake
selfcare refuses, the mirror refuses too.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given

from selfcare import (
    Benefit,
    Cadence,
    Catalog,
    Category,
    Role,
    Strategy,
    StrategyKind,
    TimeOfDay,
    Unit,
    ValidationError,
)
from selfcare.testing import strategies
from tests import load_benchmark

pydantic = pytest.importorskip("pydantic")

bench = load_benchmark("bench_catalog")

FIELDS = [field.name for field in attrs.fields(Strategy)]
WALK: dict[str, Any] = {"id": "short-walk", "name": "Short walk", "category": Category.PHYSICAL}
WALK |= {"roles": [Role.CLIENT], "minutes": 10}


def _arguments(strategy: Strategy) -> dict[str, Any]:
    return {name: getattr(strategy, name) for name in FIELDS}


@given(strategies())
def test_the_mirror_builds_every_strategy_selfcare_builds_with_the_same_values(
    strategy: Strategy,
) -> None:
    mirrored = bench.PStrategy(**_arguments(strategy))

    assert _arguments(strategy) == {name: getattr(mirrored, name) for name in FIELDS}


def test_the_mirror_reads_the_benchmarks_arguments_into_the_same_catalog() -> None:
    arguments = bench.strategy_arguments(300)

    expected = Catalog(strategies=[Strategy(**given) for given in arguments])
    actual = bench.pydantic_catalog_from(arguments)

    assert [s.id for s in expected.strategies] == list(actual)
    assert [_arguments(s) for s in expected.strategies] == [
        {name: getattr(s, name) for name in FIELDS} for s in actual.values()
    ]


MISTAKES: dict[str, dict[str, Any]] = {
    "id with a capital": {"id": "Short-walk"},
    "id with two hyphens": {"id": "short--walk"},
    "id starting with a hyphen": {"id": "-walk"},
    "id of 65 characters": {"id": "a" * 65},
    "id not text": {"id": 5},
    "empty name": {"name": ""},
    "blank name": {"name": "   "},
    "name of 201 characters": {"name": "x" * 201},
    "category as text": {"category": "physical"},
    "no roles": {"roles": []},
    "a role as text": {"roles": ["client"]},
    "roles as one role": {"roles": Role.CLIENT},
    "no minutes": {"minutes": 0},
    "a day and a minute": {"minutes": 1441},
    "minutes as a boolean": {"minutes": True},
    "minutes as a float": {"minutes": 10.0},
    "effort as text": {"effort": "low"},
    "a benefit as text": {"benefits": ["calm"]},
    "a tag with a capital": {"tags": ["Nature"]},
    "tags as one string": {"tags": "nature"},
    "description of 10,001 characters": {"description": "x" * 10_001},
    "kind as text": {"kind": "activity"},
    "eight times a week": {"times_a_week": 8},
    "times a week for a daily cadence": {"cadence": Cadence.DAILY, "times_a_week": 3},
    "a commitment kept weekly": {"kind": StrategyKind.COMMITMENT, "cadence": Cadence.WEEKLY},
    "an appointment kept daily": {"kind": StrategyKind.APPOINTMENT, "cadence": Cadence.DAILY},
    "a unit without a target": {"unit": Unit.MINUTES},
    "a target without a unit": {"target": 20},
    "a time of day as text": {"times_of_day": ["morning"]},
    "a zoned wall-clock time": {"at": dt.time(22, 30, tzinfo=dt.UTC)},
    "a wall-clock time with microseconds": {"at": dt.time(22, 30, 0, 5)},
    "a wall-clock time as text": {"at": "22:30"},
    "an unknown argument": {"colour": "green"},
}


@pytest.mark.parametrize("mistake", MISTAKES.values(), ids=list(MISTAKES))
def test_the_mirror_refuses_what_selfcare_refuses(mistake: dict[str, Any]) -> None:
    arguments = WALK | mistake
    with pytest.raises((ValidationError, TypeError)):
        Strategy(**arguments)
    with pytest.raises(pydantic.ValidationError):
        bench.PStrategy(**arguments)


def test_the_walk_the_mistakes_change_is_one_both_accept() -> None:
    kept = WALK | {"benefits": [Benefit.PRESENCE], "times_of_day": [TimeOfDay.MORNING]}

    assert _arguments(Strategy(**kept)) == {
        name: getattr(bench.PStrategy(**kept), name) for name in FIELDS
    }


def test_the_mirror_catalog_refuses_a_repeated_id_as_selfcare_does() -> None:
    twice = [WALK, WALK | {"name": "Another walk"}]
    with pytest.raises(ValidationError):
        Catalog(strategies=[Strategy(**given) for given in twice])
    with pytest.raises(ValueError, match="once"):
        bench.pydantic_catalog_from(twice)
