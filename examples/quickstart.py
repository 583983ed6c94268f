"""Quick start: generate a 4-week self-care plan for a client from the built-in catalog.

Run it with ``python examples/quickstart.py``.
"""

from __future__ import annotations

import datetime as dt

import selfcare
from selfcare import Benefit, Category, Profile, Role, TimeOfDay, Weekday


def main() -> None:
    catalog = selfcare.default_catalog()
    client = Profile(
        role=Role.CLIENT,
        timezone="Europe/London",
        daily_minutes={
            Weekday.MONDAY: 30,
            Weekday.TUESDAY: 20,
            Weekday.WEDNESDAY: 30,
            Weekday.THURSDAY: 20,
            Weekday.FRIDAY: 30,
            Weekday.SATURDAY: 60,
            Weekday.SUNDAY: 45,
        },
        goals={Benefit.COPING_SKILLS, Benefit.RESILIENCE},
        preferred_times={TimeOfDay.MORNING, TimeOfDay.EVENING},
        excluded_categories={Category.SPIRITUAL},
        values={"family"},
    )
    start = dt.date(2026, 11, 30)
    plan = selfcare.generate_plan(
        client, start=start, weeks=4, seed=7, assessment={Category.PHYSICAL: 2}
    )

    print(f"selfcare {selfcare.__version__}: a {plan.period.days // 7}-week plan ({plan.id})")
    print(f"from {plan.period.first} to {plan.period.last}, status {plan.status.value}")
    print("goals: " + "; ".join(goal.label for goal in sorted(plan.goals)))
    print()
    for ritual in plan.rituals:
        steps = " then ".join(catalog.strategy(s.strategy_id).name for s in ritual.steps)
        print(f"ritual: {ritual.name}, {ritual.anchor.describe()}, {ritual.recurrence.describe()}")
        print(f"        {steps} ({ritual.minutes} min)")
    print()
    for item in plan.items:
        strategy = catalog.strategy(item.strategy_id)
        print(
            f"- {strategy.name} [{strategy.category.label}], {item.minutes} min, "
            f"{item.recurrence.describe()}"
        )
        for reason in item.reasons:
            print(f"    because {reason.text}")
    print()
    for week in range(plan.period.days // 7):
        monday = start + dt.timedelta(weeks=week)
        minutes = sum(plan.minutes_on(monday + dt.timedelta(days=d)) for d in range(7))
        print(f"week {week + 1}: {minutes} of {client.weekly_minutes} minutes planned")


if __name__ == "__main__":
    main()
