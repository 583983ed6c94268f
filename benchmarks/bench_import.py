"""Benchmark ``import selfcare`` in a fresh process against ``from pydantic import BaseModel``.

Run it with ``python benchmarks/bench_import.py`` (needs the ``bench`` extra for pydantic).
Each figure is the median wall time of a whole ``python -c "..."`` process, start-up
included, with the snippets run in turn round after round so both see the same machine.
Target: ``import selfcare`` takes at most 0.8x the time of importing pydantic's
``BaseModel``.

The package root is lazy, so ``import selfcare`` alone loads none of its modules; the
second row shows the honest other half, a first real use (``from selfcare import
generate_plan, to_json``), which imports what those need (attrs, cattrs, pendulum and most
of the package). The interpreter's own start-up is a row of its own, as a yardstick.

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

TARGET = 0.8
BASELINE = "from pydantic import BaseModel"
SNIPPETS = {
    "import selfcare": "import selfcare",
    "first use: from selfcare import generate_plan, to_json": (
        "from selfcare import generate_plan, to_json"
    ),
    BASELINE: BASELINE,
    "interpreter start-up (python -c pass)": "pass",
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
    """Time each snippet in fresh processes; one row each, compared with pydantic's import."""
    runs = 7 if quick else 15
    found = medians(runs)
    base = found[BASELINE]
    rows: list[dict[str, object]] = []
    for name in SNIPPETS:
        if name == BASELINE:
            continue
        yardstick = name.startswith("interpreter")
        rows.append(
            {
                "workload": name,
                "median_s": found[name],
                "baseline": "-" if yardstick else BASELINE,
                "baseline_s": None if yardstick else base,
                "ratio": None if yardstick else found[name] / base,
                "target": TARGET if name == "import selfcare" else None,
                "note": f"whole process, median of {runs}"
                + ("; loads the modules these names need" if name.startswith("first") else ""),
            }
        )
    return rows


def main() -> None:
    """Print the table, as ``benchmarks/run.py --only import`` does."""
    from run import format_table

    print(format_table(run()))


if __name__ == "__main__":
    main()
