"""RecommendationList for many people on a Dask cluster, checked against a single process.

Run it with ``python examples/batch_with_dask.py``: it starts a local cluster of worker
processes (one thread each), splits the people into chunks, and has each worker run
``recommend_for_each`` over its chunks. Give a scheduler's address to run the same code on a
real cluster::

    python examples/batch_with_dask.py tcp://scheduler:8786 --users 100000

It then recommends for the same people in this process and checks that every result is
the same, printing a summary; it exits with status 1 when any differs. Options:
``--users``, ``--workers`` (local cluster only), ``--chunk-size``, ``--seed``, ``--k``.

The people are synthetic and built from ``--seed`` and their index alone, so each worker
builds its own chunk (as it would read its own partition of a database) and nothing but
three integers goes to a worker. Each person's results come back pickled: every selfcare
value pickles exactly, zoned instants included. Needs the ``dask`` extra
(``pip install selfcare[dask]``); selfcare itself never imports Dask.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import pendulum

import selfcare
from selfcare import (
    Benefit,
    Category,
    Practice,
    Profile,
    Ratings,
    Reflection,
    Role,
    TimeOfDay,
    recommend_for_each,
)

if TYPE_CHECKING:
    from dask.distributed import Client, LocalCluster

AT = pendulum.datetime(2026, 3, 2, 19, tz="Europe/London")  # a Monday evening
ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney")
K = 5

Person = tuple[Profile, list[Reflection]]


def person(seed: int, index: int) -> Person:
    """Person ``index`` of the synthetic population ``seed``: a profile and two weeks' history.

    The same seed and index give the same person in any process.
    """
    rng = random.Random(f"{seed}:{index}")  # a str seed is hashed the same in every process
    role = Role.THERAPIST if rng.random() < 0.2 else Role.CLIENT
    goals = [b for b in Benefit if role in b.roles]
    spiritual = rng.random() < 0.1
    profile = Profile(
        role=role,
        timezone=rng.choice(ZONES),
        daily_minutes=[rng.choice((0, 10, 20, 30, 45, 60)) for _ in range(7)],
        goals=rng.sample(goals, rng.randint(0, 2)),
        preferred_times=rng.sample(list(TimeOfDay), rng.randint(0, 2)),
        excluded_categories=[] if spiritual or rng.random() < 0.7 else [Category.SPIRITUAL],
        spiritual=spiritual,
    )
    ids = [s.id for s in selfcare.default_catalog().find(role=role)]
    history = [
        Reflection(
            at=AT.subtract(days=day, hours=rng.randint(0, 12)),
            author=role,
            ratings=Ratings(rng.randint(2, 9), rng.randint(2, 9), rng.randint(1, 8)),
            practised=[Practice.done(sid) for sid in rng.sample(ids, rng.randint(0, 3))],
        )
        for day in range(1, 15)
        if rng.random() < 0.6
    ]
    return profile, history


def people(seed: int, start: int, stop: int) -> Iterator[Person]:
    """The people from index ``start`` up to ``stop``, built one at a time."""
    return (person(seed, index) for index in range(start, stop))


def recommend_chunk(seed: int, start: int, stop: int, k: int) -> list[selfcare.RecommendationList]:
    """One task: build a chunk of people and recommend for each (runs on a worker)."""
    return list(recommend_for_each(people(seed, start, stop), at=AT, k=k))


def warm_up() -> None:
    """Import selfcare and build the default catalog's derived data (run once per worker)."""
    recommend_chunk(0, 0, 1, K)


def chunks(users: int, size: int) -> list[tuple[int, int]]:
    """``(start, stop)`` index ranges of at most ``size`` people covering ``users``."""
    return [(start, min(start + size, users)) for start in range(0, users, size)]


def recommend_on_dask(
    client: Client, seed: int, ranges: Sequence[tuple[int, int]], k: int
) -> list[selfcare.RecommendationList]:
    """Run every chunk on the cluster; the results in the people's order."""
    n = len(ranges)
    futures = client.map(
        recommend_chunk,
        [seed] * n,
        [start for start, _ in ranges],
        [stop for _, stop in ranges],
        [k] * n,
        pure=False,
    )
    parts = client.gather(futures)
    return [result for part in parts for result in part]


def local_cluster(workers: int) -> LocalCluster:
    """A cluster on this machine: ``workers`` processes with one thread each."""
    from dask.distributed import LocalCluster

    return LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("address", nargs="?", help="a Dask scheduler, e.g. tcp://host:8786")
    parser.add_argument("--users", type=int, default=400, help="how many people (400)")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (2)")
    parser.add_argument("--chunk-size", type=int, default=0, help="people per task (auto)")
    parser.add_argument("--seed", type=int, default=1, help="the synthetic population (1)")
    parser.add_argument("--k", type=int, default=K, help="recommendations per person (5)")
    args = parser.parse_args(argv)
    if args.users < 1 or args.workers < 1 or args.chunk_size < 0:
        parser.error("--users and --workers must be at least 1, --chunk-size at least 0")
    try:
        from dask.distributed import Client
    except ImportError:
        print("this example needs Dask: pip install 'selfcare[dask]'", file=sys.stderr)
        return 2

    cluster = None if args.address else local_cluster(args.workers)
    with Client(args.address or cluster) as client:
        workers = len(client.scheduler_info()["workers"])
        size = args.chunk_size or max(1, -(-args.users // (4 * workers)))
        ranges = chunks(args.users, size)
        client.run(warm_up)  # so the timing below is of the work, not of start-up
        began = time.perf_counter()
        on_dask = recommend_on_dask(client, args.seed, ranges, args.k)
        dask_s = time.perf_counter() - began
    if cluster is not None:
        cluster.close()

    began = time.perf_counter()
    expected = list(recommend_for_each(people(args.seed, 0, args.users), at=AT, k=args.k))
    local_s = time.perf_counter() - began

    where = args.address or f"a local cluster of {workers} processes"
    print(f"{args.users} people in {len(ranges)} chunks of up to {size}, on {where}")
    print(f"dask:        {dask_s:7.2f} s  {args.users / dask_s:9.0f} people/s")
    print(f"one process: {local_s:7.2f} s  {args.users / local_s:9.0f} people/s")
    advised = sum(recs.support.advised for recs in expected)
    print(f"support advised for {advised}; first person: {', '.join(expected[0].strategy_ids)}")
    wrong = [i for i, (a, b) in enumerate(zip(on_dask, expected, strict=False)) if a != b]
    if len(on_dask) != len(expected) or wrong:
        print(
            f"MISMATCH: {len(on_dask)} results from Dask for {len(expected)} people; "
            f"{len(wrong)} differ (first at {wrong[:5]})"
        )
        return 1
    print(f"all {len(expected)} results equal the single-process ones")
    return 0


if __name__ == "__main__":
    sys.exit(main())
