"""Run every benchmark and print one table: each workload against its baseline and target.

Run it with ``python benchmarks/run.py`` (``--quick`` for fewer repeats, ``--only
import,memory`` to pick modules, ``--strict`` to exit 1 when a target is missed). Every
``benchmarks/bench_*.py`` takes part, found by name, so a new one joins by being written.

The contract: each module has ``run()`` (which may take a keyword ``quick: bool``) returning
a list of rows, one per workload, each a dict with

* ``workload`` (str): what was measured;
* ``median_s`` (float): its median, in seconds;
* ``baseline`` (str): what it is compared with, measured in the same run, or ``"-"``;
* ``baseline_s`` (float or None): the baseline's median;
* ``ratio`` (float or None): the workload's cost relative to the baseline (lower is better);
* ``target`` (float or None): the largest ratio that passes;
* ``note`` (str, optional): anything a reader needs to judge the row;
* ``unit`` (str, optional): ``"bytes"`` when ``median_s`` and ``baseline_s`` count bytes.

A module that cannot be imported or whose ``run()`` raises (a missing optional extra, say)
gets one row saying so, and the others still run.

Each module runs in a fresh Python process of its own, so what one module leaves behind
(objects the garbage collector walks again and again, caches, fragmented memory) does not
weigh on the next. Run in one process after the others, pydantic's plan round trip took a
quarter longer than in a fresh one, and selfcare's a twentieth, which made the ratio look
better than a program would find it.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import inspect
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
Row = dict[str, Any]
REQUIRED = ("workload", "median_s", "baseline", "baseline_s", "ratio", "target")


def row(
    workload: str,
    median: float,
    baseline: str = "-",
    base: float | None = None,
    target: float | None = None,
    note: str = "",
) -> Row:
    """A row of the contract above, its ratio ``median / base`` (none without a baseline)."""
    return {
        "workload": workload,
        "median_s": median,
        "baseline": baseline,
        "baseline_s": base,
        "ratio": None if base is None else median / base,
        "target": target,
        "note": note,
    }


T = TypeVar("T")


def without_collector(work: Callable[..., T], *args: Any) -> T:
    """``work(*args)`` with the cyclic garbage collector paused, then as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return work(*args)
    finally:
        if was_enabled:
            gc.enable()


def median_seconds(work: Callable[[], object], repeats: int) -> float:
    """The median wall time of ``repeats`` runs of a workload, after one run to warm up."""
    work()
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def discover(directory: Path = HERE) -> dict[str, Path]:
    """Every benchmark module in ``directory``, by short name (``bench_import.py``: ``import``)."""
    return {path.stem.removeprefix("bench_"): path for path in sorted(directory.glob("bench_*.py"))}


def load(name: str) -> ModuleType:
    """Import ``bench_<name>`` from this directory."""
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    return importlib.import_module(f"bench_{name}")


def load_file(path: Path) -> ModuleType:
    """Import a benchmark module from its file, wherever it is, as ``bench_<name>``."""
    if str(HERE) not in sys.path:  # the modules import this one as `run`
        sys.path.insert(0, str(HERE))
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path.name}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # as an import would: pydantic resolves names there
    spec.loader.exec_module(module)
    return module


def _problem(row: object) -> str | None:
    """What is wrong with a row, or None when it follows the contract."""
    if not isinstance(row, dict):
        return f"a row is a {type(row).__name__}, not a dict"
    missing = [key for key in REQUIRED if key not in row]
    if missing:
        return f"a row has no {', '.join(missing)} (keys: {', '.join(map(str, row))})"
    return None


def measure(
    name: str, *, quick: bool, loader: Callable[[str], ModuleType] | None = None
) -> list[Row]:
    """The rows of one benchmark module, each tagged with its ``bench`` name.

    A failure to import or to run, or rows that break the contract, give one row saying so.
    """
    try:
        module = (loader or load)(name)
        run = module.run
        accepts_quick = "quick" in inspect.signature(run).parameters
        rows = run(quick=quick) if accepts_quick else run()
        problems = [p for p in map(_problem, rows) if p is not None]
        if problems:
            raise TypeError(f"rows break the contract: {problems[0]}")
    except Exception as error:  # report it and go on with the other modules
        return [_did_not_run(name, f"{type(error).__name__}: {error}")]
    return [{"bench": name, **row} for row in rows]


def measure_apart(name: str, path: Path, *, quick: bool) -> list[Row]:
    """The rows of one benchmark module, measured by :func:`measure` in a fresh process.

    The child prints its rows as JSON on its last line of output; a child that fails
    before it can (it crashes, or is killed) gives one row saying so.
    """
    command = [sys.executable, str(Path(__file__).resolve()), "--rows", str(path)]
    done = subprocess.run(
        [*command, *(["--quick"] if quick else [])], capture_output=True, text=True, check=False
    )
    lines = done.stdout.splitlines()
    try:
        rows = json.loads(lines[-1]) if done.returncode == 0 and lines else None
    except ValueError:
        rows = None
    if not isinstance(rows, list):
        said = done.stderr.strip().splitlines()
        why = said[-1] if said else "no output"
        return [_did_not_run(name, f"its process exited with {done.returncode}: {why}")]
    return [{**row, "bench": name} for row in rows]


def _did_not_run(name: str, why: str) -> Row:
    return {
        "bench": name,
        "workload": "(did not run)",
        "median_s": math.nan,
        "baseline": "-",
        "baseline_s": None,
        "ratio": None,
        "target": None,
        "note": why,
        "error": True,
    }


def verdict(row: Row) -> str:
    """PASS or MISS for a row with a target, ERROR for a module that failed, else ``-``."""
    if row.get("error"):
        return "ERROR"
    if row["target"] is None or row["ratio"] is None:
        return "-"
    return "PASS" if row["ratio"] <= row["target"] else "MISS"


def amount(value: float | None, unit: str = "seconds") -> str:
    """A time or a size in a unit that suits it: ``1.50 ms``, ``88 B``, ``1.2 KiB``."""
    if value is None or math.isnan(value):
        return "-"
    if unit == "bytes":
        if abs(value) < 1024:
            return f"{value:.0f} B"
        return f"{value / 1024:.1f} KiB"
    # (from, per unit, unit): microseconds from 0.1 µs, so 0.42 µs reads beside 1.00 µs
    for smallest, size, suffix in ((1.0, 1.0, "s"), (1e-3, 1e-3, "ms"), (1e-7, 1e-6, "µs")):
        if abs(value) >= smallest:
            return f"{value / size:.2f} {suffix}"
    return f"{value / 1e-9:.0f} ns"


def _times(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def format_table(rows: Sequence[Row]) -> str:
    """The rows as one text table, with each note on a line of its own below its row."""
    header = ("bench", "workload", "median", "baseline", "baseline median", "ratio", "target")
    cells = []
    for row in rows:
        unit = row.get("unit", "seconds")
        cells.append(
            (
                str(row.get("bench", "")),
                str(row["workload"]),
                amount(row["median_s"], unit),
                str(row["baseline"]),
                amount(row["baseline_s"], unit),
                _times(row["ratio"]),
                "-" if row["target"] is None else f"<= {row['target']:.2f}x",
                verdict(row),
            )
        )
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(header)]
    right = {2, 4, 5, 6}

    def line(values: Sequence[str]) -> str:
        padded = [
            v.rjust(w) if i in right else v.ljust(w)
            for i, (v, w) in enumerate(zip(values, widths, strict=False))
        ]
        return "  ".join([*padded, *values[len(widths) :]]).rstrip()

    lines = [line([*header, "result"]), "-" * (sum(widths) + 2 * len(widths) + 6)]
    for row, values in zip(rows, cells, strict=True):
        lines.append(line(values))
        if row.get("note"):
            lines.append(" " * (widths[0] + 2) + f"  ({row['note']})")
    return "\n".join(lines)


def _parse(argv: Sequence[str] | None, known: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats: faster, noisier")
    parser.add_argument(
        "--only",
        metavar="NAMES",
        help=f"comma-separated modules to run, of: {', '.join(known)}",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a target is missed or a module fails"
    )
    # How the runner measures one module in a process of its own: its rows, as JSON.
    parser.add_argument("--rows", metavar="FILE", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.only:
        chosen = [n.strip().removeprefix("bench_") for n in args.only.split(",") if n.strip()]
        unknown = sorted(set(chosen) - set(known))
        if unknown:
            parser.error(f"no benchmark named {', '.join(unknown)}; known: {', '.join(known)}")
        args.names = chosen
    else:
        args.names = list(known)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen benchmarks, print the table, and return the exit code."""
    known = discover()
    args = _parse(argv, list(known))
    if args.rows is not None:  # a child of the runner: one module, its rows as JSON
        name = args.rows.stem.removeprefix("bench_")
        print(json.dumps(measure(name, quick=args.quick, loader=lambda _: load_file(args.rows))))
        return 0
    began = time.perf_counter()
    rows: list[Row] = []
    for name in args.names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(measure_apart(name, known[name], quick=args.quick))
    print(
        f"selfcare benchmarks{' (quick)' if args.quick else ''}: Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}; "
        f"ratios compare with a baseline measured in the same run"
    )
    print()
    print(format_table(rows))
    print(f"\n({time.perf_counter() - began:.0f} s)")
    failed = any(verdict(row) in {"MISS", "ERROR"} for row in rows)
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
