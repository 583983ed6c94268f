"""A plan's life: status changes, revisions made together, and comparing versions."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Benefit,
    Boundary,
    Catalog,
    Contributor,
    Period,
    Plan,
    PlanItem,
    PlanStatus,
    Recurrence,
    Role,
    ValidationError,
    Weekday,
    default_catalog,
)
from selfcare.testing import plan_items

THERAPIST = Contributor("therapist-1", Role.THERAPIST)
CLIENT = Contributor("client-7", Role.CLIENT)
AT = pendulum.datetime(2026, 12, 7, 18, tz="Europe/London")


def plan(**changes: object) -> Plan:
    fields: dict[str, object] = {
        "id": "plan-1",
        "role": Role.CLIENT,
        "timezone": "Europe/London",
        "period": Period.weeks_from(dt.date(2026, 11, 30), 4),
        "items": [
            PlanItem("short-walk", Recurrence.daily(), 10),
            PlanItem("news-limits", Recurrence.weekly([Weekday.MONDAY]), 5),
        ],
        "contributors": [THERAPIST],
    }
    return Plan(**{**fields, **changes})  # type: ignore[arg-type]


def test_status_moves_from_draft_to_active_to_completed() -> None:
    """activate and complete return new plans; the original is unchanged."""
    draft = plan()
    active = draft.activate(by=THERAPIST, at=AT)
    assert (PlanStatus.DRAFT, PlanStatus.ACTIVE) == (draft.status, active.status)
    assert PlanStatus.COMPLETED == active.complete().status


def test_activation_records_who_agreed_and_when_without_changing_items() -> None:
    """Activating keeps a revision by the person who agreed, at the time, with no change."""
    draft = plan()
    active = draft.activate(by=CLIENT, at=AT, reason="we agreed it together")
    assert (draft.version + 1, draft.items) == (active.version, active.items)
    agreed = active.revisions[-1]
    assert ("client-7", AT, draft.items) == (agreed.by, agreed.at, agreed.items)
    assert CLIENT in active.contributors
    changes = active.changes_since(draft.version)
    assert ((), (), ()) == (changes.added, changes.removed, changes.changed)
    with pytest.raises(ValidationError) as info:
        draft.revise(by=THERAPIST, at=AT, reason="r", remove=["short-walk"]).activate(
            by=THERAPIST, at=AT.subtract(minutes=1)
        )
    assert "at" == info.value.problems[0][0]
    with pytest.raises(ValidationError) as stranger:
        draft.activate(by="stranger", at=AT)
    assert "by" == stranger.value.problems[0][0]


@pytest.mark.parametrize(
    ("status", "move"),
    [
        (PlanStatus.ACTIVE, "activate"),
        (PlanStatus.DRAFT, "complete"),
        (PlanStatus.COMPLETED, "revoke"),
        (PlanStatus.REVOKED, "activate"),
    ],
)
def test_status_moves_that_make_no_sense_are_rejected(status: PlanStatus, move: str) -> None:
    """A completed plan cannot be revoked, a draft cannot be completed, and so on."""
    moves: dict[str, Callable[[Plan], Plan]] = {
        "activate": lambda p: p.activate(by=THERAPIST, at=AT),
        "complete": Plan.complete,
        "revoke": Plan.revoke,
    }
    with pytest.raises(ValidationError) as info:
        moves[move](plan(status=status))
    assert "status" == info.value.problems[0][0]


def test_a_draft_or_active_plan_can_be_revoked() -> None:
    """Revoking withdraws the plan."""
    assert PlanStatus.REVOKED == plan().revoke().status
    assert PlanStatus.REVOKED == plan().activate(by=THERAPIST, at=AT).revoke().status


def test_revise_records_who_when_why_and_what_it_was() -> None:
    """Each revision keeps the plan as it was before, in order, with its author and time."""
    first = plan()
    second = first.revise(
        by=CLIENT,
        at=AT,
        reason="mornings are rushed",
        replace=[PlanItem("short-walk", Recurrence.daily(at=dt.time(18)), 15)],
    )
    third = second.revise(
        by="therapist-1",
        at=AT.add(days=7),
        reason="agreed in session",
        remove=["news-limits"],
        add=[PlanItem("self-compassion", Recurrence.times_per_week(3), 10)],
        goals={Benefit.RESILIENCE},
    )
    assert (1, 2, 3) == (first.version, second.version, third.version)
    assert [1, 2] == [r.number for r in third.revisions]
    assert ["client-7", "therapist-1"] == [r.by for r in third.revisions]
    assert first.items == third.revisions[0].items
    assert second.items == third.revisions[1].items
    assert (THERAPIST, CLIENT) == third.contributors
    assert "rushed" not in repr(third.revisions[0])


def test_changes_since_an_earlier_version() -> None:
    """Comparing version 1 with the current plan lists what was added, removed and changed."""
    current = (
        plan()
        .revise(
            by=THERAPIST,
            at=AT,
            reason="x",
            replace=[PlanItem("short-walk", Recurrence.daily(), 20)],
            boundaries=[Boundary.no_contact_after(dt.time(18))],
        )
        .revise(
            by=THERAPIST,
            at=AT,
            reason="y",
            remove=["news-limits"],
            add=[PlanItem("self-compassion", Recurrence.daily(), 5)],
        )
    )
    changes = current.changes_since(1)
    assert ("self-compassion",) == tuple(i.strategy_id for i in changes.added)
    assert ("news-limits",) == tuple(i.strategy_id for i in changes.removed)
    assert [("short-walk", "minutes")] == [(c.strategy_id, c.kind) for c in changes.changed]
    assert 1 == len(changes.boundaries_added)
    assert not changes.is_empty
    assert current.changes_since(current.version).is_empty
    since_2 = current.changes_since(2)
    assert ("news-limits",) == tuple(i.strategy_id for i in since_2.removed)
    assert () == since_2.changed


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"by": "stranger"}, "by"),
        ({"by": Contributor("therapist-1", Role.CLIENT)}, "by"),
        ({"at": dt.datetime(2026, 12, 7, 18)}, "at"),
        ({"remove": ["unknown"]}, "remove[0]"),
        ({"add": [PlanItem("short-walk", Recurrence.daily(), 5)]}, "add[0]"),
        (
            {"remove": ["short-walk"], "replace": [PlanItem("short-walk", Recurrence.daily(), 5)]},
            "remove",
        ),
        ({}, "revise"),
        ({"add": ["short-walk"]}, "add[0]"),
        ({"add": [PlanItem("short-wlak", Recurrence.daily(), 5)]}, "add[0].strategy_id"),
        ({"remove": "short-walk"}, "remove"),
        ({"add": PlanItem("self-compassion", Recurrence.daily(), 5)}, "add"),
        ({"replace": {"short-walk": 5}}, "replace"),
        ({"remove": [5]}, "remove[0]"),
        ({"remove": itertools.repeat("short-walk")}, "remove"),  # endless: refused, not read
        ({"add": itertools.repeat(PlanItem("self-compassion", Recurrence.daily(), 5))}, "add"),
    ],
)
def test_invalid_revisions_are_rejected(changes: dict[str, object], field: str) -> None:
    """Revisions by strangers, of unknown items, or that change nothing are refused."""
    arguments: dict[str, object] = {"by": THERAPIST, "at": AT, "reason": "r", **changes}
    with pytest.raises(ValidationError) as info:
        plan().revise(**arguments)  # type: ignore[arg-type]
    assert field == info.value.problems[0][0]


def test_revisions_cannot_go_back_in_time() -> None:
    """A revision dated before the previous one is refused, even within a repeated hour."""
    revised = plan().revise(by=THERAPIST, at=AT, reason="r", remove=["news-limits"])
    with pytest.raises(ValidationError) as info:
        revised.revise(by=THERAPIST, at=AT.subtract(minutes=1), reason="r", remove=["short-walk"])
    assert "at" == info.value.problems[0][0]


@pytest.mark.parametrize("status", [PlanStatus.COMPLETED, PlanStatus.REVOKED])
def test_finished_plans_cannot_be_revised(status: PlanStatus) -> None:
    """Only a draft or an active plan takes revisions."""
    with pytest.raises(ValidationError) as info:
        plan(status=status).revise(by=THERAPIST, at=AT, reason="r", remove=["short-walk"])
    assert "status" == info.value.problems[0][0]


@given(st.lists(plan_items(), min_size=1, max_size=4, unique_by=lambda i: i.strategy_id))
def test_adding_items_then_comparing_lists_exactly_them(items: list[PlanItem]) -> None:
    """Whatever is added shows up as added, and nothing else changes."""
    base = plan(items=[])
    walk = default_catalog().strategy("short-walk")
    catalog = Catalog(strategies=[attrs.evolve(walk, id=item.strategy_id) for item in items])
    revised = base.revise(by=THERAPIST, at=AT, reason="r", add=items, catalog=catalog)
    changes = revised.changes_since(1)
    assert tuple(items) == changes.added
    assert () == changes.removed
    assert () == changes.changed
    assert base.items == revised.revisions[0].items


def test_a_version_that_does_not_exist_is_an_error() -> None:
    """Versions count from 1 to the current one."""
    with pytest.raises(ValidationError):
        plan().changes_since(2)
