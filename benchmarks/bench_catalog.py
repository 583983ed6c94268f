"""Building a catalog: from arguments, from strategies already built, and ``Strategy`` alone.

Run with ``python benchmarks/bench_catalog.py`` or ``python benchmarks/run.py --only catalog``
(needs the ``bench`` extra, for pydantic).

* **A catalog from arguments** (what a user timing "catalog construction" times):
  ``Catalog(strategies=[Strategy(**given) for given in arguments])`` at 1,000, 10,000 and
  100,000 strategies, in time per strategy: building every strategy and then the catalog.
  The arguments are prepared before timing, as a user writes them: plain lists of roles,
  benefits and tags. Target: at most 5 µs per strategy, so the baseline is that budget and
  the target a ratio of 1.0.
* **A catalog from built strategies** (what a program holding strategies does: the
  ``Catalog`` call alone), at 1,000, 10,000 and 100,000 strategies (the catalog's limit),
  in time per strategy. The strategies are built before timing and passed as a list.
  Target: at most 5 µs per strategy, so the baseline is that budget and the target a ratio
  of 1.0.
* **Linearity**: the time per strategy at 100,000 against 10,000, the first 10,000 of the
  same strategies. Target: at most 1.5x, or 1.25x the growth of a plain
  ``{s.id: s for s in strategies}`` over the same strategies, timed in turn with the
  catalog, when that is more. The work per strategy is the same at every size; what grows
  is the cost of memory: at 100,000 the strategies and the index no longer fit in the CPU's
  nearer caches (a 1 MiB L2 on the machine this was written on), and no index by id
  escapes that, so the plain dict's growth (2x to 7x there, with other work on the machine)
  is the floor.
* **The collector's share** (information): the 100,000 row again with the cyclic garbage
  collector paused. Each strategy leaves four new objects the collector tracks (itself and
  the sets of its roles, benefits and tags), and each full collection walks all of them and
  the arguments; paused, the time per strategy is nearly that of 1,000.
* **Against pydantic v2** (information): the same workload, at each size, with a pydantic v2
  model of the same fields and strictness (each scalar and set member strict, the same slugs,
  lengths, ranges and checks across fields; plain lists accepted for the sets, as selfcare
  accepts them) and a dict by id that refuses a repeated id, timed in turn with selfcare with
  the collector running, as a program runs. The 5 µs budget is absolute; this row says what
  the usual library for validated models takes for the same work on the same machine.
  ``tests/test_bench_catalog_mirror.py`` checks that the model accepts exactly what
  ``Strategy`` accepts.
* **Building a strategy** (information): ``Strategy(...)`` from ready arguments (lists of
  roles, benefits and tags, as a program or a test writes them), against a frozen attrs
  class with the same fields and no converters or checks: the price of the checks.

Each timed run that builds strategies starts from a collected heap (``gc.collect()``, not
timed), so it pays for the collections its own objects cause, not for those an earlier run
left pending: without it, which of two workloads timed in turn paid for a full collection
was chance (pydantic's 10,000 row once measured 24 µs a strategy, against 5.7 µs).
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

import attrs
import pydantic
from pydantic import Field, Strict
from run import row, without_collector

from selfcare import (
    Benefit,
    Cadence,
    Catalog,
    Category,
    Effort,
    Role,
    Strategy,
    StrategyKind,
    TimeOfDay,
    Unit,
)

SIZES = (1_000, 10_000, 100_000)
BUDGET_S = 5e-6  # per strategy
LINEAR = 1.5  # the largest growth in time per strategy from 10,000 to 100,000 strategies
SLACK = 1.25  # ... or this much more than a plain dict by id grows, when caches make that more
TAGS = [f"tag-{n}" for n in range(40)]


def strategy_arguments(size: int, seed: int = 1) -> list[dict[str, Any]]:
    """Arguments for ``size`` strategies with varied categories, roles, tags and benefits."""
    rng = random.Random(seed)
    categories, benefits, efforts = list(Category), list(Benefit), list(Effort)
    roles = [[Role.CLIENT], [Role.THERAPIST], [Role.CLIENT, Role.THERAPIST]]
    return [
        {
            "id": f"strategy-{n}",
            "name": f"Strategy {n}",
            "category": rng.choice(categories),
            "roles": list(rng.choice(roles)),
            "minutes": rng.randint(1, 120),
            "effort": rng.choice(efforts),
            "benefits": rng.sample(benefits, rng.randint(0, 3)),
            "tags": rng.sample(TAGS, rng.randint(0, 4)),
        }
        for n in range(size)
    ]


@attrs.frozen
class Bare:
    """A ``Strategy``'s fields without its converters or checks: the baseline for building."""

    id: str
    name: str
    category: Category
    roles: Any
    minutes: int
    effort: Effort = Effort.LOW
    benefits: Any = frozenset()
    tags: Any = frozenset()
    description: str = ""
    kind: Any = None
    cadence: Any = None
    times_a_week: int | None = None
    times_of_day: Any = frozenset()
    at: dt.time | None = None


SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_ITEMS = 100_000
PSlug = Annotated[str, Strict(), Field(max_length=64, pattern=SLUG)]
PInt = Annotated[int, Strict()]
APPOINTMENT = frozenset({Cadence.WEEKLY, Cadence.FORTNIGHTLY, Cadence.MONTHLY})


class PStrategy(pydantic.BaseModel):
    """A ``Strategy`` in pydantic v2: the same fields, defaults and checks, as strict.

    The model is not strict as a whole, so that plain lists are read for the sets as
    ``Strategy`` reads them; every scalar and every member of a set is strict.
    ``tests/test_bench_catalog_mirror.py`` checks that it accepts exactly what ``Strategy`` does.
    """

    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")

    id: PSlug
    name: Annotated[str, Strict(), Field(max_length=200, pattern=r"\S")]
    category: Annotated[Category, Strict()]
    roles: Annotated[
        frozenset[Annotated[Role, Strict()]], Field(min_length=1, max_length=MAX_ITEMS)
    ]
    minutes: Annotated[PInt, Field(ge=1, le=1440)]
    effort: Annotated[Effort, Strict()] = Effort.LOW
    benefits: Annotated[frozenset[Annotated[Benefit, Strict()]], Field(max_length=MAX_ITEMS)] = (
        frozenset()
    )
    tags: Annotated[frozenset[PSlug], Field(max_length=MAX_ITEMS)] = frozenset()
    description: Annotated[str, Strict(), Field(max_length=10_000)] = ""
    kind: Annotated[StrategyKind, Strict()] = StrategyKind.ACTIVITY
    cadence: Annotated[Cadence, Strict()] = Cadence.TIMES_A_WEEK
    times_a_week: Annotated[PInt, Field(ge=1, le=7)] | None = None
    times_of_day: Annotated[
        frozenset[Annotated[TimeOfDay, Strict()]], Field(max_length=MAX_ITEMS)
    ] = frozenset()
    at: Annotated[dt.time, Strict()] | None = None
    unit: Annotated[Unit, Strict()] | None = None
    target: Annotated[PInt, Field(ge=1, le=1_000_000)] | None = None

    @pydantic.field_validator("at")
    @classmethod
    def _wall_clock(cls, value: dt.time | None) -> dt.time | None:
        if value is not None and (value.tzinfo is not None or value.microsecond):
            raise ValueError("expected a wall-clock time in whole seconds")
        return value

    @pydantic.model_validator(mode="after")
    def _across_fields(self) -> PStrategy:
        if (self.unit is None) != (self.target is None):
            raise ValueError("a measured strategy has both a unit and a target")
        if self.times_a_week is not None and self.cadence is not Cadence.TIMES_A_WEEK:
            raise ValueError("only a times-a-week cadence has times_a_week")
        if self.kind is StrategyKind.APPOINTMENT and self.cadence not in APPOINTMENT:
            raise ValueError("an appointment is weekly, fortnightly or monthly")
        if self.kind is StrategyKind.COMMITMENT and self.cadence is not Cadence.DAILY:
            raise ValueError("a commitment is kept daily")
        return self


def pydantic_catalog_from(arguments: list[dict[str, Any]]) -> dict[str, PStrategy]:
    """The same workload in pydantic v2: each strategy built, then a dict by id of them."""
    index: dict[str, PStrategy] = {}
    for strategy in [PStrategy(**given) for given in arguments]:
        if strategy.id in index:
            raise ValueError("expected each strategy id once")
        index[strategy.id] = strategy
    return index


def catalog_from(arguments: list[dict[str, Any]]) -> Catalog:
    """A catalog built from arguments, each strategy built on the way: what a user times."""
    return Catalog(strategies=[Strategy(**given) for given in arguments])


def by_id(strategies: list[Strategy]) -> dict[str, Strategy]:
    """A plain dict of the strategies by id: the least an index by id costs."""
    return {s.id: s for s in strategies}


def medians(*works: Callable[[], object], repeats: int, collect: bool = True) -> tuple[float, ...]:
    """The median wall time of each workload, run in turn so all see the same machine.

    With ``collect``, each run starts from a collected heap (``gc.collect()`` before it,
    untimed), so it pays for the collections its own objects cause, not for those a run
    before it left pending.
    """
    for work in works:  # warm-up
        work()
    times: list[list[float]] = [[] for _ in works]
    for _ in range(repeats):
        for work, kept in zip(works, times, strict=True):
            if collect:
                gc.collect()
            began = time.perf_counter()
            work()
            kept.append(time.perf_counter() - began)
    return tuple(statistics.median(each) for each in times)


def run(*, quick: bool = False) -> list[dict[str, object]]:
    """Measure every workload; one row each, with its baseline, ratio and target."""
    scale = 3 if quick else 1  # --quick: a third of the repeats
    arguments = strategy_arguments(max(SIZES))
    made = [Strategy(**given) for given in arguments]
    from_arguments: dict[int, float] = {}
    for size in SIZES:
        given_arguments = arguments[:size]
        repeats = max(3, {1_000: 60, 10_000: 15, 100_000: 5}[size] // scale)
        (whole,) = medians(partial(catalog_from, given_arguments), repeats=repeats)
        from_arguments[size] = whole / size
    rows = [
        row(
            f"Catalog from arguments for {size:,} strategies, per strategy",
            from_arguments[size],
            "5 µs budget",
            BUDGET_S,
            1.0,
            "Catalog(strategies=[Strategy(**given) for given in arguments]): building each "
            "strategy from plain lists of roles, benefits and tags, then the catalog; the "
            "arguments prepared before timing",
        )
        for size in SIZES
    ]
    per_strategy: dict[int, float] = {}
    floor: dict[int, float] = {}
    for size in SIZES:
        given = made[:size]
        repeats = max(3, {1_000: 150, 10_000: 45, 100_000: 11}[size] // scale)
        # The index makes few objects the collector tracks: collecting before each run
        # would only leave the CPU's caches cold for it.
        ours, plain = medians(
            partial(Catalog, strategies=given),
            partial(by_id, given),
            repeats=repeats,
            collect=False,
        )
        per_strategy[size], floor[size] = ours / size, plain / size
    rows += [
        row(
            f"Catalog from {size:,} built strategies, per strategy",
            per_strategy[size],
            "5 µs budget",
            BUDGET_S,
            1.0,
            "Catalog(strategies=built) alone: the strategies built before timing, given as a "
            "list; a plain dict by id of the "
            f"same takes {floor[size] * 1e6:.2f} µs",
        )
        for size in SIZES
    ]
    growth = floor[100_000] / floor[10_000]
    rows.append(
        row(
            "linearity: per strategy at 100,000 vs 10,000",
            per_strategy[100_000],
            "per strategy at 10,000",
            per_strategy[10_000],
            max(LINEAR, SLACK * growth),
            f"the first 10,000 of the same strategies; target {LINEAR}x, or {SLACK}x the "
            f"{growth:.2f}x a plain dict by id grows in this run (caches) when that is more",
        )
    )
    paused, running = medians(
        partial(without_collector, catalog_from, arguments),
        partial(catalog_from, arguments),
        repeats=max(3, 5 // scale),
    )
    rows.append(
        row(
            f"Catalog from arguments for {len(arguments):,} strategies, collector paused",
            paused / len(arguments),
            "the same, collector running",
            running / len(arguments),
            None,
            "information: the same workload under gc.disable(), timed in turn with it "
            "running; what it saves is the cyclic garbage collector walking every strategy, "
            "its sets and the arguments, again and again as they pile up",
        )
    )
    for size in SIZES:
        given_arguments = arguments[:size]
        repeats = max(3, {1_000: 30, 10_000: 9, 100_000: 5}[size] // scale)
        ours, theirs = medians(
            partial(catalog_from, given_arguments),
            partial(pydantic_catalog_from, given_arguments),
            repeats=repeats,
        )
        rows.append(
            row(
                f"Catalog from arguments for {size:,} strategies vs pydantic v2",
                ours / size,
                "pydantic v2, same fields and checks",
                theirs / size,
                None,
                "information: the same arguments read by a pydantic model as strict as "
                "Strategy, then a dict by id refusing a repeated id; timed in turn, "
                "the collector running",
            )
        )
    count = 10_000 // scale
    sample = arguments[:count]
    built, bare = medians(
        lambda: [Strategy(**given) for given in sample],
        lambda: [Bare(**given) for given in sample],
        repeats=max(3, 9 // scale),
    )
    rows.append(
        row(
            "Strategy(...) from ready arguments, per strategy",
            built / count,
            "attrs class, same fields, no checks",
            bare / count,
            None,
            f"information: {count:,} strategies given lists of roles, benefits and tags; "
            "the ratio is the price of converting and checking",
        )
    )
    return rows


def main() -> None:
    """Print the table, as ``benchmarks/run.py --only catalog`` does."""
    from run import format_table

    print(format_table(run()))


if __name__ == "__main__":
    main()
