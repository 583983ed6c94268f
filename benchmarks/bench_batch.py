"""Benchmark the batch functions: flat memory, their overhead, and scaling out on Dask.

Run it with ``python benchmarks/bench_batch.py`` (``--quick`` for a smaller, faster run,
``--large`` for the memory rows at 100,000 people); it prints a table. ``run()`` returns
the rows for ``benchmarks/run.py``.

Workloads and targets:

* **Flat memory.** The ``tracemalloc`` peak while ``recommend_for_each`` consumes 20,000 people
  made one at a time by a generator, against the peak for 2,000 (quick: 3,000 vs 300;
  ``--large``: 100,000 vs 10,000, about ten minutes, as tracing makes each call about 5x
  slower). Target: at most 1.5x, i.e. memory does not grow with the batch. The same for
  ``generate_plan_for_each`` on 3,000 vs 300 people (quick: 500 vs 50), as plans take about 5x
  longer each. The catalog's derived data is built, and CPython's free lists filled (see
  :func:`fill_free_lists`), before tracing starts, so the peak is what the batch holds.
* **Batch overhead**, one process: ``recommend_for_each`` and ``generate_plan_for_each`` over people
  built beforehand, against a loop of single ``recommend`` / ``generate_plan`` calls over
  the same people, run alternately. Target: at most 1.05x. The note gives people per second.
* **Dask**, when the ``dask`` extra is installed: the example ``examples/batch_with_dask.py``'s
  tasks (each builds 1/16 of the people from their index and runs ``recommend_for_each``) on a
  local cluster of two worker processes with one thread each, restricted to one worker for
  the baseline, run alternately after a warm-up. The ratio is time(2 workers) / time(1
  worker); the target 0.625 is a 1.6x speed-up. Without Dask the row says so.

Times are wall-clock medians (``time.perf_counter``) over a few repeats. The machine's other
load shows in every row, and most in the Dask row, which needs both cores.
"""

from __future__ import annotations

import datetime as dt
import gc
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pendulum

from selfcare import (
    Benefit,
    Practice,
    Profile,
    Ratings,
    Reflection,
    Role,
    TimeOfDay,
    default_catalog,
    generate_plan,
    generate_plan_for_each,
    recommend,
    recommend_for_each,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
AT = pendulum.datetime(2026, 3, 2, 19, tz="Europe/London")
START = dt.date(2026, 3, 2)
ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney")
GOALS = (Benefit.COPING_SKILLS, Benefit.RESILIENCE, Benefit.RECOVERY, Benefit.TRUST)
TIMES = tuple(TimeOfDay)
Row = dict[str, Any]


def profile(index: int) -> Profile:
    """Person ``index``: a client whose zone, minutes, goal and time vary with the index."""
    return Profile(
        role=Role.CLIENT,
        timezone=ZONES[index % len(ZONES)],
        daily_minutes=[15 + (index + day) % 7 * 5 for day in range(7)],
        goals={GOALS[index % len(GOALS)]},
        preferred_times={TIMES[index % len(TIMES)]},
    )


HISTORY = tuple(
    Reflection(
        at=AT.subtract(days=day),
        author=Role.CLIENT,
        ratings=Ratings(3 + day % 5, 4, 6 - day % 3),
        practised=[Practice.done(("short-walk", "one-gratitude", "news-limits")[day % 3])],
    )
    for day in range(1, 15)
)


def people(count: int) -> Iterator[tuple[Profile, tuple[Reflection, ...]]]:
    """``count`` people made one at a time, each with the same two weeks of history."""
    return ((profile(index), HISTORY) for index in range(count))


def fill_free_lists() -> None:
    """Fill CPython's free lists of tuples, lists, dicts and floats.

    CPython keeps up to 2,000 freed tuples of each size from 1 to 20 (and some lists, dicts
    and floats) for reuse. They start empty after a full collection and fill over a long
    batch, which ``tracemalloc`` would count as growth of up to about 2 MB. Filled before
    tracing starts, they are reused without being traced.
    """
    junk: list[object] = [tuple(range(size)) for size in range(1, 21) for _ in range(2_000)]
    junk += [[float(n)] for n in range(200)]
    junk += [{n: n} for n in range(200)]
    del junk


def peak_bytes(batch: Callable[[int], Iterable[object]], count: int) -> int:
    """The ``tracemalloc`` peak while a batch of ``count`` people is consumed."""
    drain(batch(10))  # the catalog's derived data, and every bounded cache, before tracing
    gc.collect()
    fill_free_lists()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        drain(batch(count))
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


def drain(results: Iterable[object]) -> int:
    """Consume an iterator, keeping nothing; how many items it gave."""
    count = 0
    for _ in results:
        count += 1
    return count


def memory_row(name: str, batch: Callable[[int], Iterable[object]], small: int) -> Row:
    """Peak memory of a batch of ``10 * small`` people against one of ``small``."""
    little = peak_bytes(batch, small)
    began = time.perf_counter()
    large = peak_bytes(batch, 10 * small)
    seconds = time.perf_counter() - began
    return {
        "workload": f"{name}, peak memory, {10 * small:,} people",
        "median_s": float(large),
        "baseline": f"same, {small:,} people",
        "baseline_s": float(little),
        "ratio": round(large / little, 3),
        "target": 1.5,
        "unit": "bytes",
        "note": f"traced run of {10 * small:,} took {seconds:.0f} s",
    }


def _timed(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def median_pair(
    work: Callable[[], object], base: Callable[[], object], repeat: int
) -> tuple[float, float, float]:
    """Median wall times of ``work`` and ``base`` run alternately, and of their ratios.

    Which of the two goes first alternates too, so neither gains from running second.
    """
    pairs = []
    for n in range(repeat):
        if n % 2:
            b = _timed(base)
            pairs.append((_timed(work), b))
        else:
            pairs.append((_timed(work), _timed(base)))
    return (
        statistics.median(p[0] for p in pairs),
        statistics.median(p[1] for p in pairs),
        statistics.median(p[0] / p[1] for p in pairs),
    )


def overhead_rows(count: int, repeat: int) -> list[Row]:
    """Batch against a loop of single calls, over the same people built beforehand."""
    catalog = default_catalog()
    everyone = list(people(count))
    profiles = [p for p, _ in everyone[: max(1, count // 5)]]
    rows = []
    batch, loop, ratio = median_pair(
        lambda: drain(recommend_for_each(everyone, at=AT)),
        lambda: [recommend(p, catalog, history=h, at=AT) for p, h in everyone],
        repeat,
    )
    rows.append(
        {
            "workload": f"recommend_for_each, {count:,} people, one process",
            "median_s": batch,
            "baseline": "a loop of recommend",
            "baseline_s": loop,
            "ratio": round(ratio, 3),
            "target": 1.05,
            "note": f"{count / batch:,.0f} people/s (two weeks of history each, k=5)",
        }
    )
    batch, loop, ratio = median_pair(
        lambda: drain(generate_plan_for_each(profiles, start=START)),
        lambda: [generate_plan(p, catalog, start=START) for p in profiles],
        repeat,
    )
    rows.append(
        {
            "workload": f"generate_plan_for_each, {len(profiles):,} people, one process",
            "median_s": batch,
            "baseline": "a loop of generate_plan",
            "baseline_s": loop,
            "ratio": round(ratio, 3),
            "target": 1.05,
            "note": f"{len(profiles) / batch:,.0f} plans/s",
        }
    )
    return rows


def dask_rows(users: int, repeat: int) -> list[Row]:
    """Throughput of the Dask example's tasks on two worker processes against one."""
    workload = f"Dask, {users:,} people, 2 worker processes"
    try:
        from dask.distributed import Client, LocalCluster, wait
    except ImportError:
        return [
            {
                "workload": workload,
                "median_s": float("nan"),
                "baseline": "same, 1 worker",
                "baseline_s": None,
                "ratio": None,
                "target": 0.625,
                "note": "not measured: Dask is not installed (pip install 'selfcare[dask]')",
            }
        ]
    if str(EXAMPLES) not in sys.path:
        # Worker processes are spawned with this process's path, so they import it too.
        sys.path.insert(0, str(EXAMPLES))
    import batch_with_dask as example

    ranges = example.chunks(users, -(-users // 16))
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        one = sorted(client.scheduler_info()["workers"])[:1]

        def on(workers: list[str] | None) -> float:
            began = time.perf_counter()
            futures = client.map(
                example.recommend_chunk,
                [1] * len(ranges),
                [start for start, _ in ranges],
                [stop for _, stop in ranges],
                [example.K] * len(ranges),
                pure=False,
                workers=workers,
                allow_other_workers=False,
            )
            wait(futures, timeout=600)  # a broken worker fails the run instead of hanging it
            assert users == sum(len(part) for part in client.gather(futures))
            return time.perf_counter() - began

        client.run(example.warm_up)
        on(None)  # warm: every worker has run a whole round
        pairs = [(on(None), on(one)) for _ in range(repeat)]
    both = statistics.median(p[0] for p in pairs)
    single = statistics.median(p[1] for p in pairs)
    ratio = statistics.median(p[0] / p[1] for p in pairs)
    return [
        {
            "workload": workload,
            "median_s": both,
            "baseline": "same, 1 worker",
            "baseline_s": single,
            "ratio": round(ratio, 3),
            "target": 0.625,
            "note": f"speed-up {1 / ratio:.2f}x (target >= 1.6x); {users / both:,.0f} people/s "
            f"on 2 workers, {users / single:,.0f} on 1; {len(ranges)} tasks each way, each also "
            "building its people from their index",
        }
    ]


def run(quick: bool = False, large: bool = False) -> list[Row]:
    """Measure every workload; one row each (``large``: 100,000 people for memory)."""
    people_small = 10_000 if large else 300 if quick else 2_000
    plans_small = 50 if quick else 300
    rows = [
        memory_row(
            "recommend_for_each", lambda n: recommend_for_each(people(n), at=AT), people_small
        ),
        memory_row(
            "generate_plan_for_each",
            lambda n: generate_plan_for_each((profile(i) for i in range(n)), start=START),
            plans_small,
        ),
    ]
    rows += overhead_rows(200 if quick else 1_000, 3 if quick else 5)
    rows += dask_rows(2_000 if quick else 4_000, 2 if quick else 3)
    return rows


def _amount(value: float | None, unit: str) -> str:
    if value is None or value != value:
        return "-"
    return f"{value / 1024:,.0f} KiB" if unit == "bytes" else f"{value:.3f} s"


def main() -> None:
    """Print the table."""
    began = time.perf_counter()
    rows = run(quick="--quick" in sys.argv[1:], large="--large" in sys.argv[1:])
    print(f"{'workload':48} {'median':>11} {'baseline':>11} {'ratio':>7} {'target':>8}")
    for row in rows:
        unit = row.get("unit", "seconds")
        ratio, target = row["ratio"], row["target"]
        verdict = "-" if ratio is None or target is None else "PASS" if ratio <= target else "MISS"
        print(
            f"{row['workload']:48} {_amount(row['median_s'], unit):>11} "
            f"{_amount(row['baseline_s'], unit):>11} "
            f"{'-' if ratio is None else f'{ratio:.2f}x':>7} "
            f"{'-' if target is None else f'<= {target}':>8}  {verdict}"
        )
        print(f"{'':4}({row['baseline']}; {row.get('note', '')})")
    print(f"\n({time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
