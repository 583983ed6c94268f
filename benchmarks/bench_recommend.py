"""Benchmark ``selfcare.recommend``: top-10 of 10,000 strategies with a year of history.

Run it with ``python benchmarks/bench_recommend.py``; it prints a table and takes well under a
minute. ``run()`` returns the rows for ``benchmarks/run.py``.

Targets:

* **Scoring**, once the history's per-strategy statistics are computed: at most 3x a floor
  measured in the same run that does the least the ranking must do. With the catalog's
  layout remembered (the real case: a catalog lives across calls, and the layout is kept
  with it), the floor scores the same eligible rows (goal, values, excluded tags, time left)
  and keeps the ten largest with ``heapq.nlargest``. With the layout built in the call (a
  catalog used once), the floor also reads every strategy to decide who is eligible.
* **Statistics**: linear in the history's length: four times the days may take at most
  1.5 x 4 times as long (the ratio column is ``t(4n) / (4 t(n))``, target 1.5).

Each ratio is the median of ratios of runs made back to back (see :func:`median_pair`).

The catalog layout row (grouping the strategies of a catalog meant for a role by category
and effort, done once per catalog and role and remembered while the catalog lives) and the
end-to-end row (statistics, scoring and reasons together, with the layout remembered) are
for information. Times are the median CPU time of this process over repeated runs, with
the workload and its floor run alternately, so load from other processes skews the ratios
as little as possible. The scoring rows call the private ``rank`` with statistics from the
private ``Context``, which is how ``recommend`` splits the work.
"""

from __future__ import annotations

import heapq
import random
import statistics
import time
from collections.abc import Callable

import pendulum
from run import without_collector

from selfcare import (
    Benefit,
    Catalog,
    Category,
    Effort,
    Practice,
    Profile,
    Ratings,
    Reflection,
    Role,
    Strategy,
    TimeOfDay,
    recommend,
)
from selfcare._insights.recommend.ranking import CatalogRows
from selfcare._insights.recommend.recommend import rank
from selfcare._insights.recommend.scoring import Context, RecommendWeights
from selfcare._insights.support import DistressRule

ZONE = "Europe/London"
STRATEGIES = 10_000
TAGS = [f"tag-{n}" for n in range(40)]
AT = pendulum.datetime(2027, 1, 4, 18, tz=ZONE)


def synthetic_catalog(size: int = STRATEGIES, seed: int = 1) -> Catalog:
    """A catalog of ``size`` strategies with varied categories, roles, tags and benefits."""
    rng = random.Random(seed)
    benefits = list(Benefit)
    return Catalog(
        strategies=[
            Strategy(
                id=f"strategy-{n}",
                name=f"Strategy {n}",
                category=rng.choice(list(Category)),
                roles=rng.choice([{Role.CLIENT}, {Role.THERAPIST}, {Role.CLIENT, Role.THERAPIST}]),
                minutes=rng.randint(1, 120),
                effort=rng.choice(list(Effort)),
                benefits=rng.sample(benefits, rng.randint(0, 3)),
                tags=rng.sample(TAGS, rng.randint(0, 4)),
            )
            for n in range(size)
        ]
    )


def synthetic_history(days: int, catalog: Catalog, seed: int = 2) -> list[Reflection]:
    """One or two reflections a day for ``days`` days before ``AT``, practising 3-8 of 80."""
    rng = random.Random(seed)
    personal = [s.id for s in rng.sample(catalog.strategies, 80)]
    history = []
    first = AT.subtract(days=days)
    for n in range(days):
        for hour in (8, 21) if rng.random() < 0.3 else (21,):
            chosen = rng.sample(personal, rng.randint(3, 8))
            history.append(
                Reflection(
                    at=first.add(days=n).set(hour=hour),
                    author=Role.CLIENT,
                    ratings=Ratings(rng.randint(2, 9), rng.randint(2, 9), rng.randint(1, 8)),
                    practised=[
                        Practice.done(sid, rng.choice([None, 10, 20]))
                        if rng.random() < 0.9
                        else Practice.skipped(sid)
                        for sid in chosen
                    ],
                )
            )
    return history


PROFILE = Profile(
    role=Role.CLIENT,
    timezone=ZONE,
    daily_minutes=45,
    goals={Benefit.COPING_SKILLS, Benefit.RESILIENCE},
    preferred_times={TimeOfDay.EVENING},
    excluded_tags={"tag-3"},
    values={"tag-7", "tag-11"},
)


def floor(rows: list[tuple[int, frozenset[str], frozenset[Benefit], int]]) -> list[int]:
    """The floor with the layout remembered: score the eligible rows, keep the ten largest.

    Each row is what the ranking reads of an eligible strategy: its position, tags, benefits
    and minutes. The score checks the tags against the excluded ones and the person's values,
    the benefits against the goals, and the minutes against the time left.
    """
    excluded, values, goals = PROFILE.excluded_tags, PROFILE.values, PROFILE.goals
    left = 45
    scores = {}
    for i, tags, benefits, minutes in rows:
        if not tags.isdisjoint(excluded):
            continue
        scores[i] = (
            (not tags.isdisjoint(values))
            + (not benefits.isdisjoint(goals))
            - (minutes > left) * (1 - left / minutes)
        )
    return heapq.nlargest(10, scores, key=scores.__getitem__)


def floor_unprepared(strategies: tuple[Strategy, ...]) -> list[int]:
    """The floor with no layout: decide who is eligible from every strategy, then score.

    Eligible: in a category the person allows, meant for their role, and of an effort not
    blocked (nothing is blocked here, as in the run's context).
    """
    allowed, role = PROFILE.allowed_categories, PROFILE.role
    rows = [
        (i, s.tags, s.benefits, s.minutes)
        for i, s in enumerate(strategies)
        if s.category in allowed and role in s.roles
    ]
    return floor(rows)


def eligible_rows(ctx: Context) -> list[tuple[int, frozenset[str], frozenset[Benefit], int]]:
    """The rows the ranking scores: eligible by category, role and effort (before tags)."""
    strategies = ctx.catalog.strategies
    return [
        (i, s.tags, s.benefits, s.minutes)
        for i, s in enumerate(strategies)
        if s.category in PROFILE.allowed_categories
        and PROFILE.role in s.roles
        and s.effort not in ctx.blocked
    ]


def _seconds(work: Callable[[], object]) -> float:
    """The CPU time of one run (this process only, so other load on the machine matters less)."""

    def timed() -> float:
        began = time.process_time()
        work()
        return time.process_time() - began

    return without_collector(timed)


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    """The median CPU time of ``repeat`` runs, with the garbage collector paused."""
    return statistics.median(_seconds(work) for _ in range(repeat))


def median_pair(
    work: Callable[[], object], base: Callable[[], object], repeat: int
) -> tuple[float, float, float]:
    """Median times of ``work`` and ``base``, and the median of their paired ratios.

    The two run alternately, and each ratio compares two runs made back to back, so load
    from elsewhere on the machine touches both sides alike.
    """
    pairs = [(_seconds(work), _seconds(base)) for _ in range(repeat)]
    return (
        statistics.median(p[0] for p in pairs),
        statistics.median(p[1] for p in pairs),
        statistics.median(p[0] / p[1] for p in pairs),
    )


def context(catalog: Catalog, history: list[Reflection]) -> Context:
    """The per-strategy statistics of a history, as ``recommend`` computes them."""
    return Context(PROFILE, catalog, tuple(history), AT, RecommendWeights(), DistressRule())


def run(*, quick: bool = False) -> list[dict[str, object]]:
    """Measure every workload; return one row each, in the contract of ``benchmarks/run.py``."""
    repeat = 7 if quick else 21
    catalog = synthetic_catalog()
    strategies = catalog.strategies
    year = synthetic_history(365, catalog)
    ctx = context(catalog, year)
    rows: list[dict[str, object]] = []

    def row(
        workload: str,
        median: float,
        baseline: str = "-",
        base: float | None = None,
        ratio: float | None = None,
        target: float | None = None,
        note: str = "",
    ) -> None:
        rows.append(
            {
                "workload": workload,
                "median_s": median,
                "baseline": baseline,
                "baseline_s": base,
                "ratio": ratio,
                "target": target,
                "note": note,
            }
        )

    rows_eligible = eligible_rows(ctx)
    share = f"{len(rows_eligible):,} of {len(strategies):,} eligible"

    def bare() -> object:
        return floor(rows_eligible)

    note = f"scores, picks, explains; floor scores the same {share} rows; median paired ratio"
    scoring, base, ratio = median_pair(lambda: rank(ctx, 10, None), bare, repeat)
    row("top-10 of 10,000, layout remembered", scoring, "floor", base, ratio, 3.0, note)
    exploring, base, ratio = median_pair(lambda: rank(ctx, 10, 7), bare, repeat)
    row("same, exploring (Thompson sampling)", exploring, "floor", base, ratio, 3.0, note)

    def unprepared() -> object:
        catalog._cache.pop(f"ranking-rows-{PROFILE.role.value}", None)  # as on first use
        return rank(ctx, 10, None)

    cold, base, ratio = median_pair(unprepared, lambda: floor_unprepared(strategies), repeat)
    row(
        "top-10 of 10,000, layout built in the call",
        cold,
        "floor reading all",
        base,
        ratio,
        3.0,
        "a catalog used once: both sides read all 10,000 strategies to find the eligible",
    )

    short = synthetic_history(365, catalog, seed=3)
    long = synthetic_history(4 * 365, catalog, seed=3)
    stats_long, stats_short, ratio = median_pair(
        lambda: context(catalog, long), lambda: context(catalog, short), repeat
    )
    row(
        "statistics, 1,460 days vs 4 x 365",
        stats_long,
        "4 x (365 days)",
        4 * stats_short,
        ratio / 4,
        1.5,
        f"linear in the history: {len(short)} and {len(long)} reflections",
    )
    layout = median_seconds(lambda: CatalogRows(strategies, PROFILE.role), max(3, repeat // 3))
    row(
        "catalog layout, once per catalog and role",
        layout,
        note="information: the role's rows by category and effort; kept while the catalog lives",
    )
    end_to_end = median_seconds(
        lambda: recommend(PROFILE, catalog, history=year, at=AT, k=10), max(3, repeat // 3)
    )
    row(
        "end to end, 365 days of history",
        end_to_end,
        note=f"information: statistics {stats_short * 1000:.1f} ms, layout remembered",
    )
    return rows


def main() -> None:
    """Print the table, as ``benchmarks/run.py --only recommend`` does."""
    from run import format_table

    began = time.perf_counter()
    print(format_table(run()))
    print(f"\n({time.perf_counter() - began:.1f} s)")


if __name__ == "__main__":
    main()
