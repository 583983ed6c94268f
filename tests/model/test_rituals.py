"""Specification of rituals, their steps and their anchors."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest

from selfcare import (
    Anchor,
    AnchorKind,
    Recurrence,
    Ritual,
    RitualStep,
    Role,
    Weekday,
)
from tests.rejection import check_rejected


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to see it rejected."""
    return value


def ritual(**changes: Any) -> Ritual:
    """A valid transition ritual with some fields changed."""
    fields: dict[str, Any] = {
        "id": "between-sessions",
        "name": "Transition between sessions",
        "steps": [RitualStep("short-walk", 5), RitualStep("mindful-breathing", 3)],
        "anchor": Anchor.after_each_session(),
        "recurrence": Recurrence.daily(),
        "roles": {Role.THERAPIST},
    }
    return Ritual(**{**fields, **changes})


def steps(n: int) -> list[RitualStep]:
    """``n`` steps, each a different strategy."""
    return [RitualStep(f"step-{i}", 1) for i in range(n)]


# Anchor


@pytest.mark.parametrize(
    ("anchor", "kind", "text"),
    [
        (Anchor.at(dt.time(21)), AnchorKind.AT_TIME, "at 21:00"),
        (Anchor.at(dt.time(6, 45, 30)), AnchorKind.AT_TIME, "at 06:45:30"),
        (Anchor.after_each_session(), AnchorKind.AFTER_EACH_SESSION, "after each client session"),
        (Anchor.workday_start(), AnchorKind.WORKDAY_START, "at the start of the working day"),
        (Anchor.workday_end(), AnchorKind.WORKDAY_END, "at the end of the working day"),
    ],
)
def test_anchor_constructors_and_describe(anchor: Anchor, kind: AnchorKind, text: str) -> None:
    """Each named anchor has its kind and describes itself in plain English."""
    assert kind is anchor.kind
    assert text == anchor.describe()


def test_anchor_without_a_time_has_none() -> None:
    """Anchors other than at-time carry no time."""
    assert Anchor.workday_end().time is None


def test_anchor_time_is_stored_as_a_stdlib_time() -> None:
    """A pendulum time is accepted and stored as a plain datetime.time."""
    anchor = Anchor.at(pendulum.time(21, 15))
    assert dt.time(21, 15) == anchor.time
    assert dt.time is type(anchor.time)


def test_anchor_at_midnight_is_allowed() -> None:
    """Midnight is a valid anchor time."""
    assert "at 00:00" == Anchor.at(dt.time(0)).describe()


@pytest.mark.parametrize(
    ("build", "field", "expected"),
    [
        pytest.param(
            lambda: Anchor(wrong("at-time"), dt.time(21)),
            "kind",
            "expected a AnchorKind",
            id="kind-text",
        ),
        pytest.param(lambda: Anchor(wrong(None)), "kind", "expected a AnchorKind", id="kind-none"),
        pytest.param(
            lambda: Anchor(AnchorKind.AT_TIME), "time", "needs its time", id="at-without-time"
        ),
        pytest.param(
            lambda: Anchor.at(wrong("21:00")), "time", "expected a time of day", id="at-text-time"
        ),
        pytest.param(
            lambda: Anchor.at(wrong(21)), "time", "expected a time of day", id="at-int-time"
        ),
        pytest.param(
            lambda: Anchor.at(wrong(dt.datetime(2026, 1, 5, 21))),
            "time",
            "expected a time of day",
            id="at-datetime",
        ),
        pytest.param(
            lambda: Anchor.at(dt.time(21, tzinfo=dt.UTC)),
            "time",
            "without a time zone",
            id="at-aware-time",
        ),
        pytest.param(
            lambda: Anchor.at(dt.time(21, 0, 0, 500)),
            "time",
            "whole seconds",
            id="at-microseconds",
        ),
        pytest.param(
            lambda: Anchor(AnchorKind.AFTER_EACH_SESSION, dt.time(9)),
            "time",
            "has no time",
            id="session-with-time",
        ),
        pytest.param(
            lambda: Anchor(AnchorKind.WORKDAY_END, dt.time(17)),
            "time",
            "has no time",
            id="workday-end-with-time",
        ),
    ],
)
def test_anchor_rejects(build: Callable[[], object], field: str, expected: str) -> None:
    """Invalid anchors are rejected naming the field and what was expected."""
    check_rejected(build, field, expected)


# RitualStep


@pytest.mark.parametrize(
    ("args", "field", "expected"),
    [
        pytest.param(("Short-walk", 5), "strategy_id", "expected an id", id="id-uppercase"),
        pytest.param(("", 5), "strategy_id", "expected an id", id="id-empty"),
        pytest.param((None, 5), "strategy_id", "expected an id", id="id-none"),
        pytest.param(("short-walk", 0), "minutes", "from 1 to 1440", id="minutes-0"),
        pytest.param(("short-walk", 1441), "minutes", "from 1 to 1440", id="minutes-1441"),
        pytest.param(("short-walk", True), "minutes", "expected an integer", id="minutes-bool"),
        pytest.param(("short-walk", 5.0), "minutes", "expected an integer", id="minutes-float"),
        pytest.param(("short-walk", None), "minutes", "expected an integer", id="minutes-none"),
    ],
)
def test_ritual_step_rejects(args: tuple[Any, Any], field: str, expected: str) -> None:
    """A step needs a strategy id and 1 to 1440 minutes."""
    check_rejected(lambda: RitualStep(*args), field, expected)


@pytest.mark.parametrize("minutes", [1, 1440])
def test_ritual_step_accepts_the_edges(minutes: int) -> None:
    """A step may last from 1 to 1440 minutes."""
    assert minutes == RitualStep("short-walk", minutes).minutes


# Ritual


def test_ritual_minutes_and_strategy_ids() -> None:
    """A ritual's length is the sum of its steps; its strategies keep the step order."""
    transition = ritual()
    assert 8 == transition.minutes
    assert ("short-walk", "mindful-breathing") == transition.strategy_ids


def test_ritual_steps_become_a_tuple() -> None:
    """Steps may come from any iterable and are stored as a tuple in order."""
    transition = ritual(steps=(step for step in steps(3)))
    assert tuple(steps(3)) == transition.steps


@pytest.mark.parametrize(("role", "expected"), [(Role.THERAPIST, True), (Role.CLIENT, False)])
def test_ritual_is_for(role: Role, expected: bool) -> None:
    """is_for tells whether a ritual is meant for a role."""
    assert expected == ritual().is_for(role)


@pytest.mark.parametrize("count", [1, 20])
def test_ritual_accepts_one_to_twenty_steps(count: int) -> None:
    """A ritual has from 1 to 20 steps."""
    assert count == len(ritual(steps=steps(count)).steps)


def test_ritual_may_use_a_weekly_recurrence_without_times() -> None:
    """A ritual's recurrence says which days; its anchor says when in the day."""
    weekly = Recurrence.weekly([Weekday.MONDAY])
    assert weekly == ritual(recurrence=weekly, anchor=Anchor.at(dt.time(8))).recurrence


REJECTED = [
    pytest.param({"id": "Between"}, "id", "expected an id", id="id-uppercase"),
    pytest.param({"id": None}, "id", "expected an id", id="id-none"),
    pytest.param({"name": " "}, "name", "expected some text", id="name-blank"),
    pytest.param({"name": "n" * 201}, "name", "at most 200", id="name-201"),
    pytest.param({"steps": []}, "steps", "expected 1 to 20 steps, got 0", id="no-steps"),
    pytest.param({"steps": steps(21)}, "steps", "expected 1 to 20 steps, got 21", id="21-steps"),
    pytest.param(
        {"steps": RitualStep("short-walk", 5)},
        "steps",
        "expected a sequence of RitualStep",
        id="lone-step",
    ),
    pytest.param(
        {"steps": "short-walk"}, "steps", "expected a sequence of RitualStep", id="lone-text"
    ),
    pytest.param(
        {"steps": [("short-walk", 5)]},
        "steps",
        "expected a sequence of RitualStep",
        id="tuple-step",
    ),
    pytest.param({"steps": None}, "steps", "expected a sequence of RitualStep", id="none-steps"),
    pytest.param(
        {"steps": [RitualStep("short-walk", 5), RitualStep("short-walk", 3)]},
        "steps",
        "each strategy once",
        id="repeated-step",
    ),
    pytest.param({"anchor": None}, "anchor", "expected an Anchor", id="anchor-none"),
    pytest.param(
        {"anchor": "after-each-session"}, "anchor", "expected an Anchor", id="anchor-text"
    ),
    pytest.param({"anchor": dt.time(21)}, "anchor", "expected an Anchor", id="anchor-time"),
    pytest.param({"recurrence": None}, "recurrence", "expected a Recurrence", id="rec-none"),
    pytest.param({"recurrence": "daily"}, "recurrence", "expected a Recurrence", id="rec-text"),
    pytest.param(
        {"recurrence": Recurrence.daily(at=dt.time(21))},
        "recurrence",
        "time of day comes from its anchor",
        id="rec-with-times",
    ),
    pytest.param({"roles": "therapist"}, "roles", "expected a collection", id="roles-lone"),
    pytest.param({"roles": set()}, "roles", "at least one Role", id="roles-empty"),
    pytest.param({"roles": ["therapist"]}, "roles", "expected a Role", id="roles-text"),
    pytest.param({"description": None}, "description", "expected a string", id="desc-none"),
    pytest.param({"description": "d" * 10_001}, "description", "at most 10000", id="desc-10001"),
]


@pytest.mark.parametrize(("changes", "field", "expected"), REJECTED)
def test_ritual_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """Invalid rituals are rejected naming the field and what was expected."""
    check_rejected(lambda: ritual(**changes), field, expected)


def test_rituals_compare_and_hash_by_value() -> None:
    """Equal rituals are equal and hash alike; step order matters."""
    assert ritual() == ritual()
    assert hash(ritual()) == hash(ritual())
    assert ritual() != ritual(steps=list(reversed(ritual().steps)))


VALUES: list[Any] = [
    Anchor.at(dt.time(21)),
    Anchor.after_each_session(),
    RitualStep("short-walk", 5),
    ritual(description="Step outside and breathe."),
]


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_ritual_values_pickle(value: object) -> None:
    """Anchors, steps and rituals survive a pickle round trip unchanged."""
    assert value == pickle.loads(pickle.dumps(value))


@pytest.mark.parametrize(
    ("value", "field"),
    [(value, a.name) for value in VALUES for a in attrs.fields(type(value))],
    ids=lambda v: v if isinstance(v, str) else type(v).__name__,
)
def test_ritual_values_are_immutable(value: object, field: str) -> None:
    """No field of an anchor, step or ritual can be reassigned."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, field, getattr(value, field))


def test_ritual_description_is_left_out_of_repr() -> None:
    """A ritual's repr leaves out its description."""
    assert "breathe" not in repr(ritual(description="Step outside and breathe."))
