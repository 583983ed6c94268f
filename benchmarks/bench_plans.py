"""Plan generation: cost from the built-in catalog, and growth with catalog size and weeks.

Run with ``python benchmarks/bench_plans.py``. Targets: generation grows no worse than
linearly with the catalog's size (10,000 strategies at most 12x the time of 1,000) and with
the plan's weeks (52 weeks at most 13x the time of 4).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable

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
    """A catalog of ``size`` client strategies plus the built-in rituals and their steps."""
    rng = random.Random(seed)
    base = selfcare.default_catalog()
    categories = [c for c in Category if c is not Category.PROFESSIONAL]
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
        for n in range(size)
    ]
    steps = {sid for r in base.rituals for sid in r.strategy_ids}
    return selfcare.Catalog(
        strategies=[*made, *(s for s in base.strategies if s.id in steps)],
        rituals=base.rituals,
    )


def median_seconds(work: Callable[[], object], repeats: int) -> float:
    """The median wall time of ``repeats`` runs after one warm-up."""
    work()
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def run() -> list[dict[str, object]]:
    """Measure every workload; one row each, with its baseline, ratio and target."""
    rows: list[dict[str, object]] = []
    default = median_seconds(lambda: selfcare.generate_plan(PROFILE, start=START), 30)
    rows.append(
        {
            "workload": "4-week plan, built-in catalog",
            "median_s": default,
            "baseline": "-",
            "ratio": None,
            "target": None,
        }
    )
    sizes = {}
    for size in (100, 1_000, 10_000):
        catalog = synthetic_catalog(size)
        repeats = 15 if size < 10_000 else 5
        sizes[size] = median_seconds(
            lambda c=catalog: selfcare.generate_plan(PROFILE, c, start=START), repeats
        )
    for size in (100, 1_000, 10_000):
        rows.append(
            {
                "workload": f"4-week plan, {size:,} strategies",
                "median_s": sizes[size],
                "baseline": "-",
                "ratio": None,
                "target": None,
            }
        )
    rows.append(
        {
            "workload": "growth: 10,000 vs 1,000 strategies",
            "median_s": sizes[10_000],
            "baseline": "1,000 strategies",
            "ratio": sizes[10_000] / sizes[1_000],
            "target": 12.0,
        }
    )
    by_weeks = {
        weeks: median_seconds(
            lambda w=weeks: selfcare.generate_plan(PROFILE, start=START, weeks=w), 20
        )
        for weeks in (4, 52)
    }
    rows.append(
        {
            "workload": "growth: 52 vs 4 weeks",
            "median_s": by_weeks[52],
            "baseline": "4 weeks",
            "ratio": by_weeks[52] / by_weeks[4],
            "target": 13.0,
        }
    )
    return rows


def main() -> None:
    print(f"{'workload':<40} {'median':>10} {'baseline':>18} {'ratio':>7} {'target':>7}  verdict")
    for row in run():
        ratio, target = row["ratio"], row["target"]
        verdict = "-" if target is None else ("PASS" if ratio <= target else "MISS")  # type: ignore[operator]
        ratio_text = "-" if ratio is None else f"{ratio:.2f}x"
        target_text = "-" if target is None else f"{target:.1f}x"
        print(
            f"{row['workload']:<40} {row['median_s'] * 1e3:>8.2f}ms {row['baseline']!s:>18} "
            f"{ratio_text:>7} {target_text:>7}  {verdict}"
        )


if __name__ == "__main__":
    main()
