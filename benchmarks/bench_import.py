"""Benchmark a first real use of selfcare in a fresh process against importing pydantic.

Run it with ``python benchmarks/bench_import.py`` (needs the ``bench`` extra for pydantic).
Each figure is the median wall time of a whole ``python -c "..."`` process, start-up
included, with the snippets run in turn round after round so both see the same machine.

The main row is what a program pays the first time it uses the library: import it, build
the built-in catalog, generate a 4-week plan for a profile (time, zone and seed are
arguments) and write the plan as JSON. Target: at most 1.0x the time of
``from pydantic import BaseModel``, the price of admission of the usual library for typed,
validated, serializable models, paid by a program before it has defined or validated any
model of its own. ``import selfcare`` alone is no row: the root is lazy, so it would time
the interpreter's start-up, which is a row of its own as a yardstick. So is the import of
the two runtime dependencies the first use needs, attrs and pendulum (cattrs is not
imported to write JSON): the floor under the main row, whatever selfcare does.

The children run with bytecode caching on, in a temporary ``PYTHONPYCACHEPREFIX``, as an
installed wheel would be (a development shell with ``PYTHONDONTWRITEBYTECODE=1`` compiles
selfcare from source on every start while site-packages keeps its cached bytecode).
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time

from run import row

TARGET = 1.0
BASELINE = "from pydantic import BaseModel"
FIRST_USE = "first use: import, default_catalog(), generate_plan, to_json"
STARTUP = "interpreter start-up (python -c pass)"
DEPENDENCIES = "the runtime dependencies alone (import attrs, pendulum)"
SNIPPETS = {
    FIRST_USE: (
        "import datetime\n"
        "from selfcare import Profile, Role, default_catalog, generate_plan, to_json\n"
        "catalog = default_catalog()\n"
        "client = Profile(role=Role.CLIENT, timezone='Europe/London', daily_minutes=30)\n"
        "plan = generate_plan(client, catalog, start=datetime.date(2026, 11, 30), seed=1)\n"
        "assert to_json(plan).startswith('{')\n"
    ),
    BASELINE: BASELINE,
    DEPENDENCIES: "import attrs, pendulum",
    STARTUP: "pass",
}
NOTES = {
    FIRST_USE: (
        "whole process, median of {runs}; baseline: the import alone of pydantic's BaseModel,"
        " what a program pays for typed, validated, serializable models before using any"
    ),
    DEPENDENCIES: (
        "whole process, median of {runs}; a yardstick: the floor of the first use, what the"
        " two dependencies it needs take to import before selfcare does anything"
    ),
    STARTUP: "whole process, median of {runs}; a yardstick: what every process pays",
}


def _seconds(code: str, env: dict[str, str], cwd: str) -> float:
    """The wall time of one fresh interpreter running ``code``."""
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - began


def medians(runs: int) -> dict[str, float]:
    """The median wall time of each snippet over ``runs`` rounds, after one warm-up round."""
    if importlib.util.find_spec("pydantic") is None:
        raise ModuleNotFoundError("pydantic is not installed: install the 'bench' extra")
    times: dict[str, list[float]] = {name: [] for name in SNIPPETS}
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as cwd:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for code in SNIPPETS.values():  # warm up: write the bytecode caches
            _seconds(code, env, cwd)
        for n in range(runs):
            order = list(SNIPPETS.items())
            shift = n % len(order)  # rotate, so no snippet always runs first
            for name, code in order[shift:] + order[:shift]:
                times[name].append(_seconds(code, env, cwd))
    return {name: statistics.median(values) for name, values in times.items()}


def run(*, quick: bool = False) -> list[dict[str, object]]:
    """Time each snippet in fresh processes against pydantic's import, and start-up."""
    runs = 7 if quick else 15
    found = medians(runs)
    base = found[BASELINE]
    return [
        row(
            FIRST_USE, found[FIRST_USE], BASELINE, base, TARGET, NOTES[FIRST_USE].format(runs=runs)
        ),
        row(
            DEPENDENCIES,
            found[DEPENDENCIES],
            BASELINE,
            base,
            None,
            NOTES[DEPENDENCIES].format(runs=runs),
        ),
        row(STARTUP, found[STARTUP], note=NOTES[STARTUP].format(runs=runs)),
    ]


def main() -> None:
    """Print the table, as ``benchmarks/run.py --only import`` does."""
    from run import format_table

    print(format_table(run()))


if __name__ == "__main__":
    main()
