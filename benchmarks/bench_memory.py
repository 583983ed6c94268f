"""Benchmark memory: a ``Reflection`` object, and a reflection loaded from JSON with its parts.

Run it with ``python benchmarks/bench_memory.py`` (needs the ``bench`` extra for pydantic).

* **The object itself**: ``sys.getsizeof`` of a ``Reflection``, which has slots and no
  ``__dict__`` or weak-reference slot. Target: at most 100 bytes.
* **A loaded reflection**: the memory ``from_json(list[Reflection], text)`` keeps for 10,000
  reflections, traced with ``tracemalloc`` and divided by 10,000: the ``Reflection``, its
  instant, ratings, self-ratings, practices and journal, their strings and the list's slot.
  The baseline is the same for ``bench_serialize``'s strict, frozen pydantic v2 models
  loading the same JSON (the instant as a stdlib ``datetime`` with a ``ZoneInfo``). No
  target: the two hold different things (selfcare's instant is a pendulum ``DateTime``;
  pydantic's JSON parser shares equal short strings by default), so the row is for
  information.

The JSON holds one reflection a day in Europe/London, each with ratings, one or two
self-ratings, one to three practices and, on some days, an insight or a gratitude.
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import tracemalloc
from collections.abc import Callable

import pendulum

from selfcare import (
    Category,
    Journal,
    Practice,
    Ratings,
    Reflection,
    Role,
    from_json,
    to_json,
)

COUNT = 10_000
SIZE_LIMIT = 100  # bytes for the Reflection object itself
STRATEGIES = ["short-walk", "mindful-breathing", "consistent-sleep", "journaling", "stretching"]
NOTES = ["a walk at lunch helped", "slept well", "called my sister", None, None, None]


def make_reflections(count: int = COUNT, seed: int = 3) -> list[Reflection]:
    """``count`` varied reflections, one a day at 21:00 in Europe/London."""
    rng = random.Random(seed)
    first = pendulum.datetime(2026, 1, 1, 21, tz="Europe/London")
    categories = [Category.PHYSICAL, Category.EMOTIONAL, Category.MENTAL]
    return [
        Reflection(
            at=first.add(days=n),
            author=Role.CLIENT,
            ratings=Ratings(rng.randint(0, 10), rng.randint(0, 10), rng.randint(0, 10)),
            self_ratings={c: rng.randint(1, 5) for c in rng.sample(categories, rng.randint(1, 2))},
            practised=[
                Practice.done(sid, rng.choice([None, 10, 15]))
                if rng.random() < 0.85
                else Practice.skipped(sid)
                for sid in rng.sample(STRATEGIES, rng.randint(1, 3))
            ],
            journal=Journal(insight=rng.choice(NOTES), gratitude=rng.choice(NOTES)),
        )
        for n in range(count)
    ]


def _pydantic_loader() -> Callable[[str], object]:
    """A loader of the same JSON into ``bench_serialize``'s pydantic models (the bench extra).

    They are as strict as selfcare and keep each instant as a stdlib ``datetime`` in its
    ``zoneinfo.ZoneInfo`` zone, its offset checked.
    """
    from bench_serialize import PReflections

    return PReflections.model_validate_json


def bytes_per_item(load: Callable[[str], object], text: str, count: int) -> float:
    """The memory one load of ``text`` keeps, traced by ``tracemalloc``, per item."""
    load(text)  # warm up, untraced: converter hooks, zone and offset caches
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        loaded = load(text)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    del loaded
    return kept / count


def run(*, quick: bool = False) -> list[dict[str, object]]:
    """Measure the object's size and the memory per loaded reflection; one row each."""
    reflections = make_reflections()
    one = reflections[0]
    size = sys.getsizeof(one)
    assert not hasattr(one, "__dict__"), "Reflection must have slots"
    fields = len(type(one).__slots__)
    rows: list[dict[str, object]] = [
        {
            "workload": "Reflection object itself (sys.getsizeof)",
            "median_s": float(size),
            "baseline": f"{SIZE_LIMIT}-byte budget",
            "baseline_s": float(SIZE_LIMIT),
            "ratio": size / SIZE_LIMIT,
            "target": 1.0,
            "unit": "bytes",
            "note": f"slots, {fields} fields, no __dict__ or __weakref__",
        }
    ]
    text = to_json(reflections)
    del reflections, one
    repeats = 1 if quick else 3
    ours = statistics.median(
        bytes_per_item(lambda t: from_json(list[Reflection], t), text, COUNT)
        for _ in range(repeats)
    )
    theirs = statistics.median(
        bytes_per_item(_pydantic_loader(), text, COUNT) for _ in range(repeats)
    )
    rows.append(
        {
            "workload": f"loaded reflection with its parts ({COUNT:,} from JSON)",
            "median_s": ours,
            "baseline": "pydantic v2, same work",
            "baseline_s": theirs,
            "ratio": ours / theirs,
            "target": None,
            "unit": "bytes",
            "note": f"tracemalloc, median of {repeats}; pydantic shares equal short strings",
        }
    )
    return rows


def main() -> None:
    """Print the table, as ``benchmarks/run.py --only memory`` does."""
    from run import format_table

    print(format_table(run()))


if __name__ == "__main__":
    main()
