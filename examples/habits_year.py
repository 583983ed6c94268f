"""A year of habits as a client keeps them: a ritual done partly, two rests, measured walks.

Run it with ``python examples/habits_year.py``. The reflections are simulated with a fixed
seed: an evening wind-down ritual of three steps that counts as done with two, breathing in
the morning and again in the evening, walks measured in minutes, a holiday in August and a
week of flu in February, each paused in the plan by one revision.
"""

from __future__ import annotations

import datetime as dt
import random

import pendulum

from selfcare import (
    Anchor,
    Contributor,
    Pause,
    PauseKind,
    Period,
    Plan,
    PlanItem,
    Practice,
    Recurrence,
    Reflection,
    Ritual,
    RitualStep,
    Role,
    default_catalog,
    habit_strength,
    plan_adherence,
    ritual_habit,
    streak,
)

START = dt.date(2026, 1, 5)
ZONE = "Europe/London"
CLIENT = Contributor("client-7", Role.CLIENT)

WIND_DOWN = Ritual(
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
    done_at_least=2,
    reminders=[10],
)
#: The built-in catalog with the client's own ritual in it.
CATALOG = default_catalog().with_entries(rituals=[WIND_DOWN])


def day(n: int) -> dt.date:
    """The ``n``-th day of the year, counted from 0."""
    return START + dt.timedelta(days=n)


def plan_with_rests() -> Plan:
    """A year's plan: a daily walk with a reminder, the ritual, and two rests."""
    plan = Plan(
        id="year-1",
        role=Role.CLIENT,
        timezone=ZONE,
        period=Period.weeks_from(START, 52),
        items=[PlanItem("short-walk", Recurrence.daily(at=dt.time(12, 30)), 10, reminders=[15])],
        rituals=[WIND_DOWN],
        contributors=[CLIENT],
    )
    flu = Pause(Period(day(35), day(41)), PauseKind.ILLNESS)
    holiday = Pause(Period(day(210), day(223)), PauseKind.HOLIDAY)
    plan = plan.pause(flu, by=CLIENT, at=pendulum.datetime(2026, 2, 9, 9, tz=ZONE), reason="flu")
    return plan.pause(
        holiday, by="client-7", at=pendulum.datetime(2026, 7, 20, 18, tz=ZONE), reason="away"
    )


def simulated_year(plan: Plan, rng: random.Random) -> list[Reflection]:
    """A year of check-ins, none while resting; each day some steps and walks are done."""
    found = []
    for n in range(364):
        if plan.pause_on(day(n)) is not None or rng.random() < 0.1:
            continue  # resting, or a day without a check-in
        practised = [Practice.done("mindful-breathing", 3)]  # every morning
        if rng.random() < 0.8:
            practised.append(Practice.done("one-gratitude"))
        if rng.random() < 0.4:
            practised.append(Practice.done("one-insight", note="what I noticed today"))
        if rng.random() < 0.5:
            practised.append(Practice.done("mindful-breathing", 5))  # and in the evening
        if rng.random() < 0.7:
            practised.append(Practice.done("short-walk", rng.choice([5, 10, 20])))
        at = pendulum.datetime(day(n).year, day(n).month, day(n).day, 21, 30, tz=ZONE)
        found.append(Reflection(at=at, author=Role.CLIENT, practised=practised))
    return found


def main() -> None:
    """Print the ritual as one habit beside its steps, the measured walk, and adherence."""
    plan = plan_with_rests()
    history = simulated_year(plan, random.Random(7))
    at = pendulum.datetime(2027, 1, 3, 22, tz=ZONE)
    rests = plan.pauses

    print("Rests in the plan:")
    for pause in plan.pauses:
        revision = plan.revision_of(pause)
        who = "" if revision is None else f" (paused by {revision.by} on {revision.at.date()})"
        print(f"  {pause.kind.value}: {pause.period.first} to {pause.period.last}{who}")

    habit = ritual_habit(history, WIND_DOWN, at=at, pauses=rests, catalog=CATALOG)
    print(f"\n{WIND_DOWN.name}, done when {habit.steps_needed} of 3 steps are done:")
    print(
        f"  strength {habit.percent} of 100; done on {habit.days_done} days, partly on"
        f" {habit.days_partly}, resting or skipped on {habit.days_skipped}"
    )
    print(f"  streak now {habit.current_streak} days, longest {habit.longest_streak}")
    for step in habit.steps:
        print(f"  step {step.strategy_id}: strength {step.percent}, done on {step.days_done} days")

    walk = habit_strength(history, "short-walk", at=at, pauses=rests)
    unit = "" if walk.unit is None else walk.unit.value
    print(
        f"\nShort walk, measured in {unit} against a target of 10 a day:"
        f" strength {walk.percent} of 100, {walk.amount} {unit} in all,"
        f" streak now {streak(history, 'short-walk', at=at, pauses=rests).current} days"
    )

    kept = plan_adherence(plan, history, at=at, catalog=CATALOG)
    ritual = kept.rituals[0]
    print(
        f"\nAdherence: items {kept.rate:.0%}; {WIND_DOWN.name} kept on {ritual.done} of"
        f" {ritual.expected} planned days ({ritual.partly} partly); the rest days are not counted"
    )


if __name__ == "__main__":
    main()
