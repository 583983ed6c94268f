"""A ritual as one habit, rest weeks, several entries a day and measured practice.

``naive_*`` below are written from the documented formulas one day at a time (a rolling
window summed afresh every day), sharing nothing with the library's jump between events.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Anchor,
    Category,
    Period,
    Practice,
    Recurrence,
    Reflection,
    Ritual,
    RitualStep,
    Role,
    Strategy,
    Unit,
    default_catalog,
    habit_strength,
    streak,
)
from selfcare._core.errors import ValidationError
from selfcare._insights.habits import target_of
from selfcare._insights.rituals import RitualHabit, ritual_habit
from selfcare.testing._insights import RITUAL_IDS, RITUALS, history

START = dt.date(2026, 1, 5)  # a Monday
CANARY = "CANARY-NOTE-7f3a"
READING = Strategy(
    id="reading-pages",
    name="Reading",
    category=Category.MENTAL,
    roles={Role.CLIENT},
    minutes=20,
    unit=Unit.PAGES,
    target=20,
)
WALKING = Strategy(
    id="walking-minutes",
    name="Walking",
    category=Category.PHYSICAL,
    roles={Role.CLIENT},
    minutes=30,
    unit=Unit.MINUTES,
    target=30,
)
CATALOG = default_catalog().with_entries(strategies=[READING, WALKING])
UNMEASURED = ("mindful-breathing", "one-gratitude", "self-compassion")
WIND_DOWN = Ritual(
    id="evening-wind-down",
    name="Evening wind-down",
    steps=[
        RitualStep("mindful-breathing", 3, alternatives=("self-compassion",)),
        RitualStep("one-gratitude", 2),
        RitualStep(WALKING.id, 30),
    ],
    anchor=Anchor.at(dt.time(20)),
    recurrence=Recurrence.daily(),
    roles={Role.CLIENT},
    done_at_least=2,
)


def on(day: int, hour: int = 21) -> pendulum.DateTime:
    when = START + dt.timedelta(day)
    return pendulum.datetime(when.year, when.month, when.day, hour, tz="UTC")


def evening(day: int) -> pendulum.DateTime:
    return on(day, 23).add(minutes=59)


def period(first: int, last: int) -> Period:
    return Period(START + dt.timedelta(first), START + dt.timedelta(last))


def reflection(day: int, practices: Sequence[Practice], hour: int = 21) -> Reflection:
    return Reflection(at=on(day, hour), author=Role.CLIENT, practised=list(practices))


# The naive computation, day by day, from the documented formulas


def naive_score(kinds: Sequence[str], credit: Sequence[float], times: int, days: int) -> float:
    """Day ``d`` is "done", "skip" or "miss"; ``credit[d]`` what it adds towards ``times``."""
    m = 0.5 ** (math.sqrt(times / days) / 13.0)
    score = 0.0
    for today, kind in enumerate(kinds):
        if kind == "skip":
            continue
        window = range(max(0, today - days + 1), today + 1)
        total = 0.0
        for d in window:
            if kinds[d] == "done":
                total += credit[d]
        score = score * m + (1 - m) * min(1.0, total / times)
    return score


def naive_streak(kinds: Sequence[str]) -> tuple[int, int]:
    """``(current, longest)``: a miss ends a run, a skip leaves it as it is."""
    run = longest = 0
    for kind in kinds:
        if kind == "done":
            run += 1
            longest = max(longest, run)
        elif kind == "miss":
            run = 0
    return run, longest


def naive_amount(practices: Iterable[Practice], strategy: Strategy) -> int:
    total = 0
    for p in practices:
        if p.amount is not None:
            total += p.amount
        elif strategy.unit is Unit.MINUTES and p.minutes is not None:
            total += p.minutes
        else:
            assert strategy.target is not None
            total += strategy.target
    return total


# A synthetic year


def synthetic_year() -> tuple[list[Reflection], list[Period], int]:
    """A year of evenings: rituals done partly, two rest weeks, several entries a day."""
    rng = random.Random(20260105)
    pauses = [period(100, 106), period(250, 256)]
    ids = [*UNMEASURED, READING.id, WALKING.id]
    found = []
    length = 364
    for day in range(length):
        if day and rng.random() < 0.12:
            continue  # no reflection at all
        for hour in (8, 21)[: rng.choice((1, 1, 2))]:
            practices: list[Practice] = []
            for sid in ids:
                roll = rng.random()
                if roll < 0.45:
                    for _ in range(rng.choice((1, 1, 2, 3))):
                        practices.append(
                            Practice.done(
                                sid,
                                rng.choice((None, rng.randint(5, 40))),
                                amount=rng.choice((None, rng.randint(0, 35)))
                                if sid in (READING.id, WALKING.id)
                                else None,
                                note=CANARY,
                            )
                        )
                elif roll < 0.6:
                    practices.append(Practice.skipped(sid, note=CANARY))
            found.append(reflection(day, practices, hour))
    return found, pauses, length


def day_practices(history: Sequence[Reflection], length: int) -> list[list[Practice]]:
    days: list[list[Practice]] = [[] for _ in range(length)]
    for r in history:
        days[r.at.toordinal() - START.toordinal()].extend(r.practised)
    return days


def strategy_kinds(
    days: Sequence[Sequence[Practice]], sid: str, paused: set[int]
) -> tuple[list[str], list[list[Practice]]]:
    kinds, done = [], []
    for d, practices in enumerate(days):
        mine = [p for p in practices if p.strategy_id == sid]
        done_here = [p for p in mine if p.is_done]
        done.append(done_here)
        if done_here:
            kinds.append("done")
        elif mine or d in paused:
            kinds.append("skip")
        else:
            kinds.append("miss")
    return kinds, done


def ritual_kinds(
    days: Sequence[Sequence[Practice]], ritual: Ritual, paused: set[int]
) -> tuple[list[str], int]:
    kinds, partly = [], 0
    for d, practices in enumerate(days):
        done = {p.strategy_id for p in practices if p.is_done}
        skipped = {p.strategy_id for p in practices if not p.is_done} - done
        steps_done, undone_skipped = 0, True
        for step in ritual.steps:
            ids = {step.strategy_id, *step.alternatives}
            if ids & done:
                steps_done += 1
            elif not ids & skipped:
                undone_skipped = False
        if steps_done >= ritual.steps_needed:
            kinds.append("done")
        elif undone_skipped or d in paused:
            kinds.append("skip")
        else:
            kinds.append("miss")
            partly += steps_done > 0
    return kinds, partly


@pytest.mark.parametrize("target", [None, Recurrence.times_per_week(5)])
def test_a_synthetic_year_matches_an_independent_computation(target: Recurrence | None) -> None:
    """Ritual strength and streaks, and measured strengths, against the naive day by day."""
    history, pauses, length = synthetic_year()
    paused = {d for p in pauses for d in range((p.first - START).days, (p.last - START).days + 1)}
    days = day_practices(history, length)
    times, per = target_of(WIND_DOWN.recurrence if target is None else target)
    found = ritual_habit(
        history, WIND_DOWN, target=target, at=evening(length - 1), pauses=pauses, catalog=CATALOG
    )
    kinds, partly = ritual_kinds(days, WIND_DOWN, paused)
    assert naive_score(kinds, [1.0] * length, times, per) == pytest.approx(found.score, abs=1e-9)
    assert naive_streak(kinds) == (found.current_streak, found.longest_streak)
    assert (kinds.count("done"), partly, kinds.count("skip")) == (
        found.days_done,
        found.days_partly,
        found.days_skipped,
    )
    assert 0 < found.days_partly
    assert 0 < found.days_done
    assert 0 < found.days_skipped
    for step, strength in zip(WIND_DOWN.steps, found.steps, strict=True):
        assert step.strategy_id == strength.strategy_id
        sid = step.strategy_id
        step_kinds, done = strategy_kinds(days, sid, paused)
        measured = CATALOG.strategy(sid)
        amounts = [naive_amount(ps, measured) if measured.target else 1.0 for ps in done]
        goal = measured.target or 1
        expected = naive_score(step_kinds, [a / goal for a in amounts], times, per)
        assert expected == pytest.approx(strength.score, abs=1e-9)
        assert step_kinds.count("done") == strength.days_done
        assert step_kinds.count("skip") == strength.days_skipped
    for measured in (READING, WALKING):
        step_kinds, done = strategy_kinds(days, measured.id, paused)
        assert measured.target is not None
        amounts = [naive_amount(ps, measured) for ps in done]
        credit = [a / measured.target for a in amounts]
        alone = habit_strength(
            history,
            measured.id,
            target=target,
            at=evening(length - 1),
            pauses=pauses,
            catalog=CATALOG,
        )
        expected = naive_score(step_kinds, credit, times, per)
        assert expected == pytest.approx(alone.score, abs=1e-9)
        assert sum(a for a, k in zip(amounts, step_kinds, strict=True) if k == "done") == (
            alone.amount
        )
        assert measured.unit == alone.unit
        kept = streak(history, measured.id, at=evening(length - 1), pauses=pauses, catalog=CATALOG)
        assert naive_streak(step_kinds) == (kept.current, kept.longest)


# Invariants

checks = st.dictionaries(
    st.integers(0, 90),
    st.lists(st.sampled_from(["done", "skip"]), min_size=1, max_size=3),
    max_size=40,
)
spans = st.tuples(st.integers(0, 90), st.integers(0, 20))
targets = st.none() | st.sampled_from(
    [Recurrence.times_per_week(3), Recurrence.every_n_days(2), Recurrence.monthly(1)]
)


def entries(plan: dict[int, list[str]], sid: str, amount: int | None = None) -> list[Reflection]:
    """One reflection a day: done as often as listed, or one skip when only skips."""
    found = [reflection(0, [])]  # day 0 starts the count
    for day, marks in plan.items():
        if "done" in marks:
            practices = [Practice.done(sid, amount=amount) for m in marks if m == "done"]
        else:
            practices = [Practice.skipped(sid)]
        found.append(reflection(day, practices))
    return found


@given(checks, st.lists(spans, max_size=3), targets, st.booleans())
def test_a_pause_counts_as_skipping_every_day_not_done(
    plan: dict[int, list[str]],
    rests: list[tuple[int, int]],
    target: Recurrence | None,
    measured: bool,
) -> None:
    """A pause gives the score and streak of skipping every day in it not done."""
    sid = READING.id if measured else "one-gratitude"
    pauses = [period(first, first + length) for first, length in rests]
    skipped = dict(plan)
    for first, length in rests:
        for day in range(first, first + length + 1):
            if "done" not in skipped.get(day, []):
                skipped[day] = ["skip"]
    last = evening(max([95, *skipped]))
    kwargs = {"target": target, "at": last, "catalog": CATALOG}
    paused = habit_strength(entries(plan, sid), sid, pauses=pauses, **kwargs)  # type: ignore[arg-type]
    expected = habit_strength(entries(skipped, sid), sid, **kwargs)  # type: ignore[arg-type]
    assert expected.score == pytest.approx(paused.score, abs=1e-12)
    assert attrs.evolve(expected, score=0) == attrs.evolve(paused, score=0)
    assert 0 <= paused.score <= 1
    at = {"at": last, "catalog": CATALOG}
    assert streak(entries(skipped, sid), sid, **at) == streak(  # type: ignore[arg-type]
        entries(plan, sid),
        sid,
        pauses=pauses,
        **at,  # type: ignore[arg-type]
    )


@given(checks, targets)
def test_several_entries_a_day_count_as_one_day(
    plan: dict[int, list[str]], target: Recurrence | None
) -> None:
    """An unmeasured strategy done three times on a day scores as if done once."""
    once = {day: ["done"] if "done" in marks else ["skip"] for day, marks in plan.items()}
    sid = "one-gratitude"
    many = habit_strength(entries(plan, sid), sid, target=target, at=evening(95))
    one = habit_strength(entries(once, sid), sid, target=target, at=evening(95))
    assert one.score == pytest.approx(many.score, abs=1e-12)
    assert attrs.evolve(one, score=0) == attrs.evolve(many, score=0)
    assert streak(entries(once, sid), sid, at=evening(95)) == streak(
        entries(plan, sid), sid, at=evening(95)
    )


@given(checks, targets)
def test_the_target_amount_each_day_scores_as_done(
    plan: dict[int, list[str]], target: Recurrence | None
) -> None:
    """A measured strategy met exactly each day it is done scores as an unmeasured one."""
    once = {day: ["done"] if "done" in marks else ["skip"] for day, marks in plan.items()}
    unmeasured = attrs.evolve(READING, id="reading-unmeasured", unit=None, target=None)
    catalog = CATALOG.with_entries(strategies=[unmeasured])
    plain = habit_strength(
        entries(once, unmeasured.id), unmeasured.id, target=target, at=evening(95), catalog=catalog
    )
    met = habit_strength(
        entries(once, READING.id, amount=20),
        READING.id,
        target=target,
        at=evening(95),
        catalog=catalog,
    )
    assert plain.score == pytest.approx(met.score, abs=1e-12)
    assert 20 * met.days_done == met.amount
    assert (plain.days_done, plain.days_skipped) == (met.days_done, met.days_skipped)


day_marks = st.dictionaries(
    st.integers(0, 60),
    st.fixed_dictionaries({sid: st.sampled_from(["done", "skip", "none"]) for sid in UNMEASURED}),
    max_size=30,
)


def ritual_history(plan: dict[int, dict[str, str]]) -> list[Reflection]:
    found = [reflection(0, [])]
    for day, marks in plan.items():
        practices = [
            Practice.done(sid) if mark == "done" else Practice.skipped(sid)
            for sid, mark in marks.items()
            if mark != "none"
        ]
        found.append(reflection(day, practices))
    return found


@given(day_marks, st.lists(spans, max_size=2), targets)
def test_a_ritual_done_at_least_once_is_the_habit_of_any_step(
    plan: dict[int, dict[str, str]], rests: list[tuple[int, int]], target: Recurrence | None
) -> None:
    """With ``done_at_least=1``, the ritual scores as one strategy done when any step is."""
    steps = [RitualStep(sid, 2) for sid in UNMEASURED]
    ritual = attrs.evolve(WIND_DOWN, steps=steps, done_at_least=1)
    pauses = [period(first, first + length) for first, length in rests]
    any_step: dict[int, list[str]] = {}
    for day, marks in plan.items():
        if "done" in marks.values():
            any_step[day] = ["done"]
        elif all(mark == "skip" for mark in marks.values()):
            any_step[day] = ["skip"]
    found = ritual_habit(ritual_history(plan), ritual, target=target, at=evening(80), pauses=pauses)
    alone = habit_strength(
        entries(any_step, "one-insight"),
        "one-insight",
        target=target,
        at=evening(80),
        pauses=pauses,
    )
    kept = streak(entries(any_step, "one-insight"), "one-insight", at=evening(80), pauses=pauses)
    assert alone.score == pytest.approx(found.score, abs=1e-12)
    assert (alone.days_done, alone.days_skipped) == (found.days_done, found.days_skipped)
    assert (kept.current, kept.longest) == (found.current_streak, found.longest_streak)
    assert 0 <= found.score <= 1
    assert 0 == found.days_partly  # one step is enough: never partly done


@given(day_marks, st.lists(spans, max_size=2))
def test_a_ritual_of_one_step_is_that_step(
    plan: dict[int, dict[str, str]], rests: list[tuple[int, int]]
) -> None:
    """A one-step ritual has the strength and streaks of its one strategy."""
    ritual = attrs.evolve(WIND_DOWN, steps=[RitualStep("one-gratitude", 2)], done_at_least=None)
    pauses = [period(first, first + length) for first, length in rests]
    history = ritual_history(plan)
    found = ritual_habit(history, ritual, at=evening(80), pauses=pauses)
    alone = habit_strength(history, "one-gratitude", at=evening(80), pauses=pauses)
    kept = streak(history, "one-gratitude", at=evening(80), pauses=pauses)
    assert (alone,) == found.steps
    assert alone.score == pytest.approx(found.score, abs=1e-12)
    assert (kept.current, kept.longest) == (found.current_streak, found.longest_streak)


# Examples


def test_a_partly_done_day_is_a_miss_and_skipping_the_rest_freezes() -> None:
    """Two of three steps needed: one step done is a miss, unless the others were skipped."""
    breathe, thanks = Practice.done("mindful-breathing"), Practice.done("one-gratitude")
    walk_skipped = Practice.skipped(WALKING.id)
    history = [
        reflection(0, [breathe, thanks]),
        reflection(1, [breathe]),  # partly: a miss
        reflection(2, [breathe, thanks]),
        reflection(3, [breathe, Practice.skipped("one-gratitude"), walk_skipped]),  # frozen
        reflection(4, [Practice.done("self-compassion"), thanks]),  # an alternative counts
    ]
    found = ritual_habit(history, WIND_DOWN, catalog=CATALOG)
    assert (3, 1, 1) == (found.days_done, found.days_partly, found.days_skipped)
    assert (2, 2) == (found.current_streak, found.longest_streak)
    resting = ritual_habit(history, WIND_DOWN, catalog=CATALOG, pauses=[period(1, 1)])
    assert (3, 0, 2) == (resting.days_done, resting.days_partly, resting.days_skipped)
    assert (3, 3) == (resting.current_streak, resting.longest_streak)


def test_a_ritual_by_id_and_nothing_to_count() -> None:
    """A built-in ritual by its id; no reflections give an empty habit, not an error."""
    found = ritual_habit([], "daily-reflection")
    assert ("daily-reflection", 0.0, None, 2) == (
        found.ritual_id,
        found.score,
        found.first,
        found.steps_needed,
    )
    assert ("one-insight", "one-gratitude") == tuple(s.strategy_id for s in found.steps)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"ritual": 42}, "ritual"),
        ({"ritual": "Not An Id"}, "ritual"),
        ({"pauses": "2026-01-05"}, "pauses"),
        ({"pauses": [("2026-01-05", "2026-01-06")]}, "pauses[0]"),
        ({"target": "daily"}, "target"),
        ({"days": 0}, "days"),
    ],
)
def test_wrong_arguments_name_their_field(kwargs: dict[str, object], field: str) -> None:
    call: dict[str, object] = {"ritual": WIND_DOWN, "catalog": CATALOG, **kwargs}
    with pytest.raises(ValidationError) as raised:
        ritual_habit([], **call)  # type: ignore[arg-type]
    assert field == raised.value.problems[0][0]


def test_an_unknown_ritual_or_step_is_refused() -> None:
    with pytest.raises(ValidationError):
        ritual_habit([], "daily-reflektion")
    with pytest.raises(ValidationError):
        ritual_habit([], WIND_DOWN)  # its walking step is not in the built-in catalog


def test_the_view_shows_the_ritual_and_its_steps() -> None:
    history, pauses, _length = synthetic_year()
    found = ritual_habit(history, WIND_DOWN, pauses=pauses, catalog=CATALOG)
    view = found._repr_html_()
    assert f"{found.percent} of 100" in view
    assert all(step.strategy_id in view for step in found.steps)
    assert "minutes" in view  # the walking step is measured


def test_no_private_note_leaves_in_a_repr_view_or_error() -> None:
    """The canary note of every practice appears nowhere the library shows."""
    history, pauses, _length = synthetic_year()
    assert any(p.note == CANARY for r in history for p in r.practised)
    found: list[object] = [
        ritual_habit(history, WIND_DOWN, pauses=pauses, catalog=CATALOG),
        habit_strength(history, READING.id, pauses=pauses, catalog=CATALOG),
        habit_strength(history, "mindful-breathing", catalog=CATALOG),
        streak(history, WALKING.id, pauses=pauses, catalog=CATALOG),
    ]
    for value in found:
        assert CANARY not in repr(value)
        assert CANARY not in value._repr_html_()  # type: ignore[attr-defined]
    assert isinstance(found[0], RitualHabit)
    for step in found[0].steps:
        assert CANARY not in repr(step)
        assert CANARY not in step._repr_html_()
    wrong: Any = CANARY  # a note where something else belongs
    calls: list[Callable[[], object]] = [
        lambda: ritual_habit(history, "no-such-ritual", catalog=CATALOG),
        lambda: ritual_habit(history, WIND_DOWN),
        lambda: ritual_habit(history, WIND_DOWN, catalog=CATALOG, pauses=[wrong]),
        lambda: ritual_habit([*history, wrong], WIND_DOWN, catalog=CATALOG),
        lambda: habit_strength(history, "no-such-thing", catalog=CATALOG),
        lambda: habit_strength(history, READING.id, target=wrong, catalog=CATALOG),
        lambda: streak(history, CANARY, catalog=CATALOG),
        lambda: streak(history, WALKING.id, pauses=wrong, catalog=CATALOG),
    ]
    for call in calls:
        with pytest.raises(ValidationError) as raised:
            call()
        assert CANARY not in str(raised.value)
        assert CANARY not in repr(raised.value)


@given(
    history(RITUAL_IDS),
    st.sampled_from(RITUALS),
    st.none() | st.integers(1, 2),
)
def test_a_ritual_habit_and_its_adherence_count_the_same_days(
    reflections: list[Reflection], ritual_id: str, needed: int | None
) -> None:
    """Over one span of a daily ritual, habit and adherence agree day by day."""
    from selfcare import Plan, plan_adherence

    ritual = default_catalog().ritual(ritual_id)
    ritual = attrs.evolve(ritual, done_at_least=needed, recurrence=Recurrence.daily())
    habit = ritual_habit(reflections, ritual)
    if habit.first is None or habit.last is None:
        return
    plan = Plan(
        id="p",
        role=Role.CLIENT,
        timezone="Europe/London",
        period=Period(habit.first, habit.last),
        rituals=[ritual],
    )
    end = pendulum.datetime(habit.last.year, habit.last.month, habit.last.day, 23, 59)
    kept = plan_adherence(plan, reflections, at=end.in_timezone("Europe/London"))
    (counted,) = kept.rituals
    assert (habit.days_done, habit.days_partly, habit.days_skipped) == (
        counted.done,
        counted.partly,
        counted.skipped,
    )
