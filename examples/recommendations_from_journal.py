"""Insights and recommendations from six weeks of a (synthetic) client's journal.

The journal is made up, with two effects planted in it: on days the client walks, their mood
and energy are higher and their stress lower; on days they let the news run all evening
(and so do not keep to their news limits), their mood is lower and their stress higher.
Everything else they log is noise. The script shows what the insights find and what gets
recommended, with the reasons. Run it with ``python examples/recommendations_from_journal.py``.
"""

from __future__ import annotations

import datetime as dt
import random

import pendulum

from selfcare import (
    Benefit,
    Category,
    Journal,
    Measure,
    Period,
    Plan,
    PlanItem,
    Practice,
    Profile,
    Ratings,
    Recurrence,
    Reflection,
    Role,
    TimeOfDay,
    category_balance,
    default_catalog,
    habit_strength,
    plan_adherence,
    recommend,
    strategy_effects,
    streak,
    wellbeing_trend,
)

ZONE = "Europe/London"
START = dt.date(2026, 1, 5)  # a Monday
DAYS = 42
HOLIDAY = {START + dt.timedelta(days=n) for n in (20, 21, 22)}  # walking skipped, ill


def rating(value: float) -> int:
    return max(0, min(10, round(value)))


def journal(seed: int = 7) -> list[Reflection]:
    """Six weeks of evening check-ins with the two planted effects."""
    rng = random.Random(seed)
    history = []
    for n in range(DAYS):
        day = START + dt.timedelta(days=n)
        if rng.random() < 0.1:  # some evenings go unlogged
            continue
        walked = day not in HOLIDAY and rng.random() < 0.55
        news_evening = rng.random() < 0.45
        practised = []
        if day in HOLIDAY:
            practised.append(Practice.skipped("short-walk"))
        elif walked:
            practised.append(Practice.done("short-walk", rng.choice([None, 15, 20, 30])))
        if not news_evening:
            practised.append(Practice.done("news-limits", 5))
        for strategy_id, chance in (
            ("mindful-breathing", 0.4),
            ("one-gratitude", 0.5),
            ("consistent-sleep", 0.6),
        ):
            if rng.random() < chance:
                practised.append(Practice.done(strategy_id))
        mood = 5.0 + 1.5 * walked - 1.5 * news_evening + rng.gauss(0, 1)
        energy = 5.0 + 1.0 * walked - 0.5 * news_evening + rng.gauss(0, 1)
        stress = 5.0 - 1.0 * walked + 1.5 * news_evening + rng.gauss(0, 1)
        history.append(
            Reflection(
                at=pendulum.datetime(day.year, day.month, day.day, 21, 30, tz=ZONE),
                author=Role.CLIENT,
                ratings=Ratings(rating(mood), rating(energy), rating(stress)),
                practised=practised,
                # Private: never shown in any output, reason or error.
                journal=Journal(insight="a private thought", gratitude="a private thanks"),
            )
        )
    return history


def main() -> None:
    catalog = default_catalog()
    history = journal()
    last = START + dt.timedelta(days=DAYS - 1)
    print(f"{len(history)} reflections from {START} to {last}\n")

    print("Strategy effects (associations in this person's own days, not causes):")
    for effect in strategy_effects(history):
        if effect.measure is Measure.MOOD or abs(effect.improvement) >= 1:
            name = catalog.strategy(effect.strategy_id).name
            print(f"  - {effect.describe(name)}")

    print("\nHabits (strength 0-100, daily target; streaks freeze on skipped days):")
    for strategy_id in ("short-walk", "news-limits", "consistent-sleep", "mindful-breathing"):
        strength = habit_strength(history, strategy_id)
        weekly = habit_strength(history, strategy_id, target=Recurrence.times_per_week(3))
        run = streak(history, strategy_id)
        print(
            f"  - {strategy_id:18} {strength.percent:3} daily, {weekly.percent:3} at 3 a week;"
            f" streak now {run.current}, longest {run.longest}"
        )

    balance = category_balance(history, catalog)  # the 14 days up to the last reflection
    assert balance.period is not None
    print(f"\nCategory balance, {balance.period.first} to {balance.period.last}:")
    for category in balance.days:
        print(
            f"  - {category.label:20} {balance.days[category]:2} days,"
            f" {balance.minutes[category]:4} minutes"
        )
    print("  neglected:", ", ".join(c.label for c in balance.neglected) or "none")

    trend = wellbeing_trend(history)
    latest = trend.latest
    assert latest is not None
    assert latest.mood is not None
    change = trend.change(Measure.MOOD)
    print(
        f"\nMood, 7-day rolling mean: {latest.mood:.1f}"
        + ("" if change is None else f" ({change:+.1f} on the week before)")
    )

    plan = Plan(
        id="winter-plan",
        role=Role.CLIENT,
        timezone=ZONE,
        period=Period(START, last),
        items=[
            PlanItem("short-walk", Recurrence.times_per_week(4), 20),
            PlanItem("news-limits", Recurrence.daily(), 5),
            PlanItem("mindful-breathing", Recurrence.daily(), 5),
        ],
    )
    adherence = plan_adherence(plan, history)
    print(f"\nAdherence to the plan: {adherence.rate:.0%} overall")
    for item in adherence.items:
        rate = "n/a" if item.rate is None else f"{item.rate:.0%}"
        print(
            f"  - {item.strategy_id:18} {item.done:2} of {item.expected:2} expected days"
            f" ({item.skipped} freed by a skip): {rate}"
        )

    profile = Profile(
        role=Role.CLIENT,
        timezone=ZONE,
        daily_minutes=40,
        goals={Benefit.COPING_SKILLS, Benefit.RESILIENCE},
        preferred_times={TimeOfDay.EVENING},
        values={"nature"},
    )
    at = pendulum.datetime(2026, 2, 16, 18, tz=ZONE)
    for explore in (False, True):
        recs = recommend(profile, catalog, history=history, at=at, k=5, seed=42, explore=explore)
        mode = "exploring (Thompson sampling, seed 42)" if explore else "best known"
        print(f"\nRecommendations at {at.to_datetime_string()} ({recs.time_of_day}), {mode}:")
        print(f"  {recs.minutes_left} minutes left today")
        for number, rec in enumerate(recs, start=1):
            print(f"  {number}. {rec.strategy.name} (score {rec.score:.2f})")
            for reason in rec.reasons:
                print(f"       - {reason.text}")
        if recs.support.advised:
            print(f"  SUPPORT: {recs.support.message}")

    low_days = [
        Reflection(
            at=pendulum.datetime(2026, 2, d, 21, tz=ZONE),
            author=Role.CLIENT,
            ratings=Ratings(mood=2, stress=8),
        )
        for d in (16, 17, 18, 19)
    ]
    later = pendulum.datetime(2026, 2, 20, 18, tz=ZONE)
    recs = recommend(profile, catalog, history=history + low_days, at=later, k=3)
    print(f"\nAfter four low days, at {later.to_datetime_string()}:")
    print(f"  {recs.support.message}")
    for rec in recs:
        print(f"  - {rec.strategy.name} ({rec.strategy.effort.value} effort)")
    assert all(c is not Category.SPIRITUAL for c in (r.strategy.category for r in recs))


if __name__ == "__main__":
    main()
