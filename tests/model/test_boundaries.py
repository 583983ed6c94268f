"""Specification of boundaries a person keeps."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from selfcare import Boundary, BoundaryKind, Weekday
from tests.rejection import check_rejected

MON, TUE, WED, THU, FRI, SAT, SUN = Weekday


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to see it rejected."""
    return value


@pytest.mark.parametrize(
    ("boundary", "kind", "text"),
    [
        pytest.param(
            Boundary.no_contact_after(dt.time(18)),
            BoundaryKind.NO_CONTACT_AFTER,
            "no client contact after 18:00",
            id="after",
        ),
        pytest.param(
            Boundary.no_contact_after(dt.time(0)),
            BoundaryKind.NO_CONTACT_AFTER,
            "no client contact after 00:00",
            id="after-midnight",
        ),
        pytest.param(
            Boundary.no_contact_on([SAT, SUN]),
            BoundaryKind.NO_CONTACT_ON_DAYS,
            "no client contact on Saturday and Sunday",
            id="weekend",
        ),
        pytest.param(
            Boundary.no_contact_on({SUN, WED, FRI}),
            BoundaryKind.NO_CONTACT_ON_DAYS,
            "no client contact on Wednesday, Friday and Sunday",
            id="three-days",
        ),
        pytest.param(
            Boundary.no_contact_on([MON]),
            BoundaryKind.NO_CONTACT_ON_DAYS,
            "no client contact on Monday",
            id="one-day",
        ),
        pytest.param(
            Boundary.gap_after_last_session(30),
            BoundaryKind.GAP_AFTER_LAST_SESSION,
            "at least 30 minutes without client contact after the last session",
            id="gap",
        ),
        pytest.param(
            Boundary.custom("I keep Sunday mornings for my family"),
            BoundaryKind.CUSTOM,
            "a boundary in the person's own words",
            id="custom",
        ),
    ],
)
def test_named_constructors_and_describe(boundary: Boundary, kind: BoundaryKind, text: str) -> None:
    """Each named boundary has its kind and describes itself in plain English."""
    assert kind is boundary.kind
    assert text == boundary.describe()


def test_no_contact_after_keeps_only_the_time() -> None:
    """A no-contact-after boundary has its time and nothing else."""
    b = Boundary.no_contact_after(dt.time(18), description="no emails after six")
    assert dt.time(18) == b.after
    assert frozenset() == b.weekdays
    assert b.minutes is None
    assert "no emails after six" == b.description


def test_no_contact_on_keeps_the_days() -> None:
    """A no-contact-on-days boundary keeps its weekdays as a frozenset."""
    b = Boundary.no_contact_on([SAT, SUN, SAT])
    assert frozenset({SAT, SUN}) == b.weekdays
    assert b.after is None


def test_gap_after_last_session_keeps_the_minutes() -> None:
    """A gap boundary keeps its minutes, from 1 to 1440."""
    assert 1 == Boundary.gap_after_last_session(1).minutes
    assert 1440 == Boundary.gap_after_last_session(1440).minutes


def test_after_is_stored_as_a_plain_time() -> None:
    """The time of a no-contact-after boundary is stored without fold or subclass."""
    b = Boundary.no_contact_after(dt.time(18, fold=1))
    assert b.after is not None
    assert dt.time is type(b.after)
    assert 0 == b.after.fold


REJECTED = [
    pytest.param(
        lambda: Boundary(wrong("custom"), description="d"),
        "kind",
        "expected a BoundaryKind",
        id="kind",
    ),
    pytest.param(
        lambda: Boundary(BoundaryKind.NO_CONTACT_AFTER), "after", "needs after", id="no-after"
    ),
    pytest.param(
        lambda: Boundary.no_contact_after(wrong("18:00")),
        "after",
        "expected a time of day",
        id="after-text",
    ),
    pytest.param(
        lambda: Boundary.no_contact_after(wrong(18)),
        "after",
        "expected a time of day",
        id="after-int",
    ),
    pytest.param(
        lambda: Boundary.no_contact_after(dt.time(18, tzinfo=dt.UTC)),
        "after",
        "without a time zone",
        id="after-aware",
    ),
    pytest.param(
        lambda: Boundary.no_contact_after(dt.time(18, 0, 0, 5)),
        "after",
        "whole seconds",
        id="after-microseconds",
    ),
    pytest.param(
        lambda: Boundary(BoundaryKind.NO_CONTACT_AFTER, after=dt.time(18), weekdays={SAT}),
        "weekdays",
        "has no weekdays",
        id="after-with-weekdays",
    ),
    pytest.param(
        lambda: Boundary(BoundaryKind.NO_CONTACT_AFTER, after=dt.time(18), minutes=30),
        "minutes",
        "has no minutes",
        id="after-with-minutes",
    ),
    pytest.param(
        lambda: Boundary(BoundaryKind.NO_CONTACT_ON_DAYS),
        "weekdays",
        "needs weekdays",
        id="days-missing",
    ),
    pytest.param(lambda: Boundary.no_contact_on([]), "weekdays", "needs weekdays", id="days-empty"),
    pytest.param(
        lambda: Boundary(BoundaryKind.NO_CONTACT_ON_DAYS, weekdays="SA"),
        "weekdays",
        "expected a collection",
        id="days-lone-text",
    ),
    pytest.param(
        lambda: Boundary.no_contact_on([wrong("saturday")]),
        "weekdays",
        "expected a Weekday",
        id="days-text-item",
    ),
    pytest.param(
        lambda: Boundary.no_contact_on(wrong([5, 6])),
        "weekdays",
        "expected a Weekday",
        id="days-ints",
    ),
    pytest.param(
        lambda: Boundary(BoundaryKind.NO_CONTACT_ON_DAYS, weekdays={SAT}, after=dt.time(18)),
        "after",
        "has no after",
        id="days-with-after",
    ),
    pytest.param(
        lambda: Boundary(BoundaryKind.GAP_AFTER_LAST_SESSION),
        "minutes",
        "needs minutes",
        id="gap-missing",
    ),
    pytest.param(
        lambda: Boundary.gap_after_last_session(0), "minutes", "from 1 to 1440", id="gap-0"
    ),
    pytest.param(
        lambda: Boundary.gap_after_last_session(1441), "minutes", "from 1 to 1440", id="gap-max"
    ),
    pytest.param(
        lambda: Boundary.gap_after_last_session(True),
        "minutes",
        "expected an integer",
        id="gap-bool",
    ),
    pytest.param(
        lambda: Boundary.gap_after_last_session(wrong(30.0)),
        "minutes",
        "expected an integer",
        id="gap-float",
    ),
    pytest.param(
        lambda: Boundary(BoundaryKind.GAP_AFTER_LAST_SESSION, minutes=30, weekdays=[MON]),
        "weekdays",
        "has no weekdays",
        id="gap-with-weekdays",
    ),
    pytest.param(lambda: Boundary.custom(""), "description", "needs a description", id="empty"),
    pytest.param(lambda: Boundary.custom("  \n"), "description", "needs a description", id="blank"),
    pytest.param(
        lambda: Boundary.custom(wrong(None)), "description", "expected a string", id="none"
    ),
    pytest.param(
        lambda: Boundary.custom("d" * 10_001),
        "description",
        "at most 10000 characters",
        id="custom-10001",
    ),
    pytest.param(
        lambda: Boundary(BoundaryKind.CUSTOM, description="d", after=dt.time(18)),
        "after",
        "has no after",
        id="custom-with-after",
    ),
    pytest.param(
        lambda: Boundary.no_contact_after(dt.time(18), description=wrong(5)),
        "description",
        "expected a string",
        id="description-int",
    ),
]


@pytest.mark.parametrize(("build", "field", "expected"), REJECTED)
def test_rejects(build: Callable[[], object], field: str, expected: str) -> None:
    """Invalid boundaries are rejected naming the field and what was expected."""
    check_rejected(build, field, expected)


def test_custom_accepts_ten_thousand_characters() -> None:
    """A custom boundary's description may be 10,000 characters long."""
    assert 10_000 == len(Boundary.custom("d" * 10_000).description)


@pytest.mark.parametrize(
    "given", [pytest.param(SAT, id="lone-weekday"), pytest.param("SA", id="lone-text")]
)
def test_no_contact_on_rejects_a_lone_value(given: Any) -> None:
    """no_contact_on wants a collection of weekdays, not a single one."""
    check_rejected(lambda: Boundary.no_contact_on(given), "weekdays", "expected a collection")


def test_boundaries_compare_and_hash_by_value() -> None:
    """Equal boundaries are equal and hash alike."""
    assert Boundary.no_contact_on([SAT, SUN]) == Boundary.no_contact_on((SUN, SAT))
    assert hash(Boundary.no_contact_on([SAT, SUN])) == hash(Boundary.no_contact_on((SUN, SAT)))
    assert Boundary.no_contact_after(dt.time(18)) != Boundary.no_contact_after(dt.time(19))


VALUES = [
    Boundary.no_contact_after(dt.time(18), description="no emails after six"),
    Boundary.no_contact_on([SAT, SUN]),
    Boundary.gap_after_last_session(30),
    Boundary.custom("my own words"),
]


@pytest.mark.parametrize("value", VALUES, ids=lambda b: b.kind.value)
def test_boundaries_pickle(value: Boundary) -> None:
    """A boundary survives a pickle round trip unchanged."""
    assert value == pickle.loads(pickle.dumps(value))


@pytest.mark.parametrize("field", [a.name for a in attrs.fields(Boundary)])
def test_boundaries_are_immutable(field: str) -> None:
    """No field of a boundary can be reassigned."""
    b = VALUES[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(b, field, getattr(b, field))
