"""The model of habits as people keep them: measured practice, several entries a day, private
practice notes, a ritual's done rule, reminders and plan-wide pauses."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Anchor,
    Category,
    Contributor,
    Pause,
    PauseKind,
    Period,
    Plan,
    PlanItem,
    Practice,
    PracticeStatus,
    Recurrence,
    Reflection,
    Ritual,
    RitualStep,
    Role,
    Strategy,
    Unit,
    ValidationError,
)
from selfcare.testing import reflections
from selfcare.testing._plans import pause_lists
from tests.rejection import check_rejected

#: Built at run time so that no source line, which a traceback may quote, contains it.
CANARY = "CANARY-NOTE-" + "7f3a"
AT = pendulum.datetime(2026, 8, 3, 21, tz="Europe/London")
START = dt.date(2026, 8, 3)
CLIENT = Contributor("client-7", Role.CLIENT)


def wrong(value: object) -> Any:
    """A value of the wrong type, typed as Any so the type checker lets the test pass it."""
    return value


# Measured strategies and practices


def test_a_measured_strategy_has_a_unit_and_a_target() -> None:
    """Pages, glasses, steps: a target per practice in the strategy's unit."""
    water = Strategy(
        "water", "Water", Category.PHYSICAL, {Role.CLIENT}, 1, unit=Unit.GLASSES, target=8
    )
    assert (Unit.GLASSES, 8) == (water.unit, water.target)


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"unit": Unit.PAGES}, "target", "give both or neither"),
        ({"target": 10}, "unit", "give both or neither"),
        ({"unit": wrong("pages"), "target": 10}, "unit", "expected a Unit"),
        ({"unit": Unit.PAGES, "target": 0}, "target", "from 1 to 1000000"),
        ({"unit": Unit.PAGES, "target": wrong(2.5)}, "target", "expected an integer"),
    ],
)
def test_a_measured_strategy_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """A unit without a target, or a target without a unit, says to give both."""
    check_rejected(
        lambda: Strategy("s", "S", Category.MENTAL, {Role.CLIENT}, 5, **changes), field, expected
    )


def test_a_practice_records_an_amount_and_a_private_note() -> None:
    """The note is there for the person, never in a repr."""
    read = Practice.done("reading-and-learning", 20, amount=12, note=CANARY)
    assert (20, 12, CANARY) == (read.minutes, read.amount, read.note)
    assert CANARY not in repr(read)
    assert CANARY not in str(read)
    assert "note=<private>" in repr(read)
    assert "note=None" in repr(Practice.done("short-walk"))


@pytest.mark.parametrize(
    ("build", "field", "expected"),
    [
        (lambda: Practice("s", PracticeStatus.SKIPPED, amount=3), "amount", "no amount"),
        (lambda: Practice.done("s", amount=-1), "amount", "from 0 to 1000000"),
        (lambda: Practice.done("s", amount=wrong(1.5)), "amount", "expected an integer"),
        (lambda: Practice.done("s", note=wrong(5)), "note", "expected a string"),
    ],
)
def test_a_practice_rejects(build: Callable[[], object], field: str, expected: str) -> None:
    """Bad amounts and notes name their field."""
    check_rejected(build, field, expected)


def test_a_note_too_long_is_refused_without_echoing_it() -> None:
    """The error names the field and never the text."""
    with pytest.raises(ValidationError) as caught:
        Practice.done("short-walk", note=CANARY * 2_000)
    assert "note" == caught.value.problems[0][0]
    assert CANARY not in str(caught.value) + repr(caught.value)


# Several entries a day


def test_a_strategy_may_be_done_several_times_a_day() -> None:
    """Breathing in the morning and in the evening: two entries, kept in order."""
    morning, evening = Practice.done("mindful-breathing", 5), Practice.done("mindful-breathing", 10)
    day = Reflection(at=AT, author=Role.CLIENT, practised=[morning, evening])
    assert (morning, evening) == day.practices_of("mindful-breathing")
    assert morning == day.practice_of("mindful-breathing")
    assert () == day.practices_of("short-walk")


@given(reflections())
def test_a_skipped_strategy_is_its_days_only_entry(reflection: Reflection) -> None:
    """Any drawn reflection keeps the rule: a skip stands alone for its strategy."""
    for practice in reflection.practised:
        if practice.status is PracticeStatus.SKIPPED:
            assert (practice,) == reflection.practices_of(practice.strategy_id)


# Rituals as habits, and reminders


def ritual(**changes: Any) -> Ritual:
    """An evening ritual of three steps."""
    base = Ritual(
        id="evening-wind-down",
        name="Evening wind-down",
        steps=[
            RitualStep("one-insight", 5),
            RitualStep("one-gratitude", 5),
            RitualStep("mindful-breathing", 3),
        ],
        anchor=Anchor.at(dt.time(21)),
        recurrence=Recurrence.daily(),
        roles={Role.CLIENT},
    )
    return attrs.evolve(base, **changes)


def test_a_ritual_is_done_when_every_step_is_unless_it_says_fewer() -> None:
    """``done_at_least`` chooses how many steps make the ritual done."""
    assert (3, 2) == (ritual().steps_needed, ritual(done_at_least=2).steps_needed)


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"done_at_least": 4}, "done_at_least", "at most the number of steps (3)"),
        ({"done_at_least": 0}, "done_at_least", "from 1 to 20"),
        ({"reminders": [10, 10]}, "reminders", "each reminder once"),
        ({"reminders": [-5]}, "reminders[0]", "from 0 to 10080"),
        ({"reminders": [1, 2, 3, 4, 5, 6]}, "reminders", "at most 5 reminders"),
        ({"reminders": wrong("10")}, "reminders", "at most 5 reminders"),
    ],
)
def test_a_ritual_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """A rule beyond its steps or a repeated reminder names the field."""
    check_rejected(lambda: ritual(**changes), field, expected)


def test_reminders_keep_the_order_given() -> None:
    """Nothing a caller passes is reordered."""
    item = PlanItem("short-walk", Recurrence.daily(), 10, reminders=[60, 10])
    assert (60, 10) == item.reminders


def test_a_plan_item_rejects_a_repeated_reminder() -> None:
    """The same rule as a ritual's."""
    check_rejected(
        lambda: PlanItem("short-walk", Recurrence.daily(), 10, reminders=[5, 5]),
        "reminders",
        "each reminder once",
    )


# Plan-wide pauses


def plan(**changes: Any) -> Plan:
    """A four-week plan with a daily walk."""
    base = Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone="Europe/London",
        period=Period.weeks_from(START, 4),
        items=[PlanItem("short-walk", Recurrence.daily(), 10)],
        contributors=[CLIENT],
    )
    return attrs.evolve(base, **changes)


def days(first: int, last: int) -> Period:
    """The days ``first`` to ``last`` of the plan, counted from 0."""
    return Period(START + dt.timedelta(days=first), START + dt.timedelta(days=last))


def test_pausing_a_plan_is_one_revision_saying_who_when_and_why() -> None:
    """The pause is in the plan; who, when and why are in the revision that added it."""
    holiday = Pause(days(7, 13), PauseKind.HOLIDAY)
    when = AT.add(days=2)
    rested = plan().pause(holiday, by="client-7", at=when, reason=CANARY)
    assert ((holiday,), 2) == (rested.pauses, rested.version)
    revision = rested.revision_of(holiday)
    assert revision is not None
    assert ("client-7", when, CANARY, ()) == (
        revision.by,
        revision.at,
        revision.reason,
        revision.pauses,
    )
    assert (holiday,) == rested.changes_since(1).pauses_added
    assert CANARY not in repr(rested)


def test_a_paused_day_has_no_minutes_and_names_its_pause() -> None:
    """Nothing is planned while the plan rests."""
    illness = Pause(days(2, 4), PauseKind.ILLNESS)
    rested = plan(pauses=[illness])
    assert [10, 10, 0, 0, 0, 10] == [
        rested.minutes_on(START + dt.timedelta(days=n)) for n in range(6)
    ]
    assert (illness, None) == (
        rested.pause_on(START + dt.timedelta(days=3)),
        rested.pause_on(START),
    )
    assert rested.revision_of(illness) is None  # in the plan from the start
    assert (illness.period,) == rested.rest_periods


def test_a_pause_can_be_ended_early_by_a_revision() -> None:
    """Revising with new pauses replaces them, recorded as another revision."""
    long_rest = Pause(days(7, 20))
    rested = plan().pause(long_rest, by=CLIENT, at=AT, reason="away")
    shorter = Pause(days(7, 10))
    back = rested.revise(by="client-7", at=AT.add(days=8), reason="back early", pauses=[shorter])
    assert ((shorter,), 3) == (back.pauses, back.version)
    changes = back.changes_since(2)
    assert ((shorter,), (long_rest,)) == (changes.pauses_added, changes.pauses_removed)
    assert back.revision_of(shorter) is back.revisions[-1]


@pytest.mark.parametrize(
    ("pauses", "field", "expected"),
    [
        ([Pause(days(0, 5)), Pause(days(5, 8))], "pauses", "do not overlap"),
        ([Pause(days(20, 30))], "pauses[0].period", "inside the plan's period"),
        ([wrong(days(1, 2))], "pauses", "sequence of Pause values"),
    ],
)
def test_a_plan_rejects_pauses(pauses: list[Pause], field: str, expected: str) -> None:
    """Overlapping pauses, or one beyond the plan, are refused."""
    check_rejected(lambda: plan(pauses=pauses), field, expected)


def test_pause_takes_only_a_pause() -> None:
    """A bare period is not a pause: the error says what to pass."""
    check_rejected(
        lambda: plan().pause(wrong(days(1, 2)), by=CLIENT, at=AT, reason="r"), "pause", "Pause"
    )


@given(st.integers(0, 60), st.data())
def test_a_plan_rests_inside_its_period_with_nothing_planned(
    extra_days: int, data: st.DataObject
) -> None:
    """Drawn rests never overlap, never leave the plan, and have no minutes planned."""
    rested = plan(period=Period(START, START + dt.timedelta(days=extra_days)))
    rested = attrs.evolve(rested, pauses=data.draw(pause_lists(rested.period)))
    spans = sorted((p.period.first, p.period.last) for p in rested.pauses)
    assert all(rested.period.first <= first and last <= rested.period.last for first, last in spans)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))
    totals = rested.minutes_by_date()
    resting = {day for day in totals if rested.pause_on(day)}
    assert all(0 == totals[day] for day in resting)
    assert all(10 == totals[day] for day in set(totals) - resting)


@given(st.sampled_from(PauseKind))
def test_a_pause_covers_its_days_and_no_other(kind: PauseKind) -> None:
    """Both ends are inside; the days around are not."""
    pause = Pause(days(3, 5), kind)
    inside = [pause.covers(START + dt.timedelta(days=n)) for n in range(2, 7)]
    assert [False, True, True, True, False] == inside
