"""A client and their therapist co-create a plan, try it for four weeks, review and revise it.

Run it with ``python examples/client_plan.py``. The reflections are simulated with a fixed
seed: on days the client walks, their mood is higher; reading never happens.
"""

from __future__ import annotations

import datetime as dt
import random

import pendulum

import selfcare
from selfcare import (
    Benefit,
    Category,
    Contributor,
    Practice,
    Profile,
    Ratings,
    Reflection,
    Role,
    SuggestionKind,
    TimeOfDay,
)

START = dt.date(2026, 11, 30)
ZONE = "Europe/London"
THERAPIST = Contributor("therapist-1", Role.THERAPIST)
CLIENT = Contributor("client-7", Role.CLIENT)


def simulate(plan: selfcare.Plan, days: int, seed: int) -> list[Reflection]:
    """Evening check-ins: each planned item is done about two days in three, except that
    reading-style items never happen; walking lifts the day's mood."""
    rng = random.Random(seed)
    planned = plan.minutes_by_date()
    reflections = []
    for n in range(days):
        day = START + dt.timedelta(days=n)
        done = []
        for item in plan.items:
            occurs = day in item.dates(day, day, origin=START)
            if occurs and item.strategy_id != "reading-and-learning" and rng.random() < 0.67:
                done.append(Practice.done(item.strategy_id, item.minutes or None))
        walked = any(p.strategy_id in {"short-walk", "daily-movement"} for p in done)
        mood = min(10, max(0, round(rng.gauss(6.5 if walked else 5, 0.8))))
        reflections.append(
            Reflection(
                at=pendulum.datetime(day.year, day.month, day.day, 21, tz=ZONE),
                author=Role.CLIENT,
                ratings=Ratings(mood=mood, energy=rng.randint(4, 7), stress=rng.randint(3, 6)),
                practised=done,
            )
        )
    assert planned  # the plan has days to simulate
    return reflections


def main() -> None:
    catalog = selfcare.default_catalog()
    client = Profile(
        role=Role.CLIENT,
        timezone=ZONE,
        daily_minutes=40,
        goals={Benefit.COPING_SKILLS, Benefit.PERSONAL_RESPONSIBILITY},
        preferred_times={TimeOfDay.EVENING},
        excluded_categories={Category.SPIRITUAL},
    )
    draft = selfcare.generate_plan(client, start=START, seed=3)
    # Co-created: the therapist and the client agree the draft in session, adding reading.
    agreed = draft.revise(
        by=THERAPIST,
        at=pendulum.datetime(2026, 11, 28, 15, tz=ZONE),
        reason="agreed in session",
        add=[selfcare.PlanItem("reading-and-learning", selfcare.Recurrence.times_per_week(2), 20)],
    ).activate(by=CLIENT, at=pendulum.datetime(2026, 11, 28, 15, 30, tz=ZONE))
    print(f"plan {agreed.id}, version {agreed.version}, {agreed.status.value}:")
    for item in agreed.items:
        print(f"  - {catalog.strategy(item.strategy_id).name}: {item.recurrence.describe()}")

    reflections = simulate(agreed, days=28, seed=11)
    review = selfcare.review_plan(
        agreed, reflections, at=pendulum.datetime(2026, 12, 27, 22, tz=ZONE)
    )
    print(f"\nreview up to {review.until}: adherence {review.adherence.rate:.0%}")
    for item in review.items:
        kept = item.adherence
        habit = "not started" if item.habit is None else f"habit {item.habit.score:.2f}"
        print(f"  {item.strategy_id}: done {kept.done} of {kept.expected} days, {habit}")
    print("suggestions:")
    for suggestion in review.suggestions:
        target = f" -> {suggestion.replacement}" if suggestion.replacement else ""
        print(f"  {suggestion.kind.value} {suggestion.strategy_id}{target}")
        for reason in suggestion.reasons:
            print(f"      {reason.text}")

    chosen = [s for s in review.suggestions if s.kind is not SuggestionKind.KEEP]
    revised = selfcare.apply_suggestions(
        agreed,
        review,
        chosen,
        by=CLIENT,
        at=pendulum.datetime(2026, 12, 28, 10, tz=ZONE),
        reason="trying the gentler options",
    )
    changes = revised.changes_since(agreed.version)
    print(f"\nversion {revised.version}, revised by {revised.revisions[-1].by}:")
    print("  added:   " + ", ".join(i.strategy_id for i in changes.added))
    print("  removed: " + ", ".join(i.strategy_id for i in changes.removed))
    print(f"  history: {[(r.number, r.by) for r in revised.revisions]}")


if __name__ == "__main__":
    main()
