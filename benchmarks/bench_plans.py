"""Plan generation: its cost from the built-in catalog, and its growth with the catalog's size.

Run with ``python benchmarks/bench_plans.py`` or ``python benchmarks/run.py --only plans``.
Target: generation grows no worse than linearly with the catalog's size (100,000 strategies
at most 11x the time of 10,000). There is no row for the plan's weeks: generation chooses
strategies and recurrences, whose cost does not depend on how many weeks the plan runs.
"""

from __future__ import annotations

import datetime as dt
import random

from run import median_seconds, row

import selfcare
from selfcare import Benefit, Category, Effort, Profile, Role, Strategy, TimeOfDay

START = dt.date(2026, 11, 30)
PROFILE = Profile(
    role=Role.CLIENT,
    timezone="Europe/London",
    daily_minutes=(30, 20, 30, 20, 30, 60, 45),
    goals={Benefit.COPING_SKILLS, Benefit.RESILIENCE},
    preferred_times={TimeOfDay.MORNING, TimeOfDay.EVENING},
    values={"nature", "family"},
)
TAGS = ["nature", "family", "body", "calm", "social", "writing", "routine", "screen", "rest"]


def synthetic_catalog(size: int, seed: int = 7) -> selfcare.Catalog:
    """A catalog of ``size`` strategies: the built-in rituals' steps and synthetic ones."""
    rng = random.Random(seed)
    base = selfcare.default_catalog()
    categories = [c for c in Category if c is not Category.PROFESSIONAL]
    steps = {
        sid
        for r in base.rituals
        for step in r.steps
        for sid in (step.strategy_id, *step.alternatives)
    }
    kept = [s for s in base.strategies if s.id in steps]
    made = [
        Strategy(
            id=f"synthetic-{n}",
            name=f"Synthetic strategy {n}",
            category=rng.choice(categories),
            roles={Role.CLIENT},
            minutes=rng.choice([3, 5, 10, 15, 20, 30, 45, 60]),
            effort=rng.choice(list(Effort)),
            benefits=rng.sample(list(Benefit), rng.randint(1, 3)),
            tags=rng.sample(TAGS, rng.randint(0, 3)),
        )
        for n in range(size - len(kept))
    ]
    return selfcare.Catalog(
        strategies=[*made, *kept],
        rituals=base.rituals,
    )


def run(*, quick: bool = False) -> list[dict[str, object]]:
    """Measure every workload; one row each, with its baseline, ratio and target."""
    scale = 3 if quick else 1  # --quick: a third of the repeats
    rows = [
        row(
            "4-week plan, built-in catalog",
            median_seconds(lambda: selfcare.generate_plan(PROFILE, start=START), 30 // scale),
        )
    ]
    sizes = {}
    for size in (1_000, 10_000, 100_000):
        catalog = synthetic_catalog(size)
        repeats = {1_000: 15, 10_000: 6, 100_000: 3}[size] // scale
        sizes[size] = median_seconds(
            lambda c=catalog: selfcare.generate_plan(PROFILE, c, start=START), max(repeats, 1)
        )
    rows.extend(row(f"4-week plan, {size:,} strategies", sizes[size]) for size in sizes)
    rows.append(
        row(
            "growth: 100,000 vs 10,000 strategies",
            sizes[100_000],
            "10,000 strategies, same profile",
            sizes[10_000],
            11.0,
            "at most linear: 10x the strategies, 11x the time (the catalog is built beforehand)",
        )
    )
    return rows


def main() -> None:
    """Print the table, as ``benchmarks/run.py --only plans`` does."""
    from run import format_table

    print(format_table(run()))


if __name__ == "__main__":
    main()
