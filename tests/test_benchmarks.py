"""Specification of the benchmark runner: discovery, the row contract and the table.

Nothing here times anything or runs a real benchmark; the modules are fakes.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import ast
import importlib.util
import math
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests import ROOT

BENCHMARKS = ROOT / "benchmarks"


def _runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmarks_run", BENCHMARKS / "run.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


runner = _runner()


def _row(**changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "workload": "load 10 plans",
        "median_s": 0.0015,
        "baseline": "json.loads",
        "baseline_s": 0.003,
        "ratio": 0.5,
        "target": 0.8,
    }
    return row | changes


class FakeBench(ModuleType):
    """A benchmark module whose ``run()`` returns ``rows`` (or raises) and records its calls."""

    def __init__(
        self,
        rows: list[dict[str, Any]],
        *,
        takes_quick: bool = True,
        error: Exception | None = None,
    ) -> None:
        super().__init__("bench_fake")
        self.rows = rows
        self.error = error
        self.calls: list[bool | None] = []
        self.run: Callable[..., list[dict[str, Any]]] = (
            self._run_quick if takes_quick else self._run_plain
        )

    def _run_quick(self, *, quick: bool = False) -> list[dict[str, Any]]:
        self.calls.append(quick)
        return self._result()

    def _run_plain(self) -> list[dict[str, Any]]:
        self.calls.append(None)
        return self._result()

    def _result(self) -> list[dict[str, Any]]:
        if self.error is not None:
            raise self.error
        return self.rows


def _fake(rows: list[dict[str, Any]], *, takes_quick: bool = True) -> FakeBench:
    return FakeBench(rows, takes_quick=takes_quick)


def _failing(error: Exception) -> FakeBench:
    return FakeBench([], error=error)


# Discovery


def test_discovers_every_bench_file() -> None:
    """Every benchmarks/bench_*.py takes part, by its short name."""
    files = {path.stem.removeprefix("bench_") for path in BENCHMARKS.glob("bench_*.py")}
    found = runner.discover()
    assert sorted(files) == list(found)
    assert {"import", "memory", "plans", "recommend", "recurrence", "serialize"} <= set(found)


def test_a_new_bench_file_joins_by_its_name(tmp_path: Path) -> None:
    """A file named bench_<name>.py is found; other files are not."""
    for name in ("bench_zeta.py", "bench_alpha.py", "helpers.py", "run.py"):
        (tmp_path / name).write_text("def run():\n    return []\n", encoding="utf-8")
    assert ["alpha", "zeta"] == list(runner.discover(tmp_path))


@pytest.mark.parametrize("path", sorted(BENCHMARKS.glob("bench_*.py")), ids=lambda p: p.stem)
def test_every_bench_module_defines_run(path: Path) -> None:
    """Each benchmark module has a module-level run(), which the runner calls."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert "run" in {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


# Running a module


def test_rows_are_tagged_with_their_module() -> None:
    """Each row comes back as the module gave it, with the module's short name."""
    rows = runner.measure("fake", quick=False, loader=lambda name: _fake([_row()]))
    assert [{"bench": "fake", **_row()}] == rows


def test_quick_is_passed_to_modules_that_take_it() -> None:
    """`--quick` reaches a run() with a `quick` keyword, and a plain run() still works."""
    takes, plain = _fake([_row()]), _fake([_row()], takes_quick=False)
    runner.measure("a", quick=True, loader=lambda name: takes)
    runner.measure("b", quick=True, loader=lambda name: plain)
    assert [True] == takes.calls
    assert [None] == plain.calls


def test_a_failing_module_gives_one_row_saying_why() -> None:
    """A run() that raises (a missing extra, say) becomes an ERROR row, and nothing stops."""
    error = ModuleNotFoundError("No module named 'pydantic'")
    [row] = runner.measure("serialize", quick=False, loader=lambda name: _failing(error))
    assert "serialize" == row["bench"]
    assert "ModuleNotFoundError: No module named 'pydantic'" == row["note"]
    assert math.isnan(row["median_s"])
    assert "ERROR" == runner.verdict(row)


def test_a_module_that_cannot_be_imported_gives_one_row() -> None:
    """An import error is reported the same way."""

    def loader(name: str) -> ModuleType:
        raise ImportError("cannot import name 'gone'")

    [row] = runner.measure("old", quick=False, loader=loader)
    assert "ImportError: cannot import name 'gone'" == row["note"]


def test_rows_that_break_the_contract_are_reported() -> None:
    """A row without the contract's keys is an ERROR row naming the missing keys."""
    bad = {"workload": "x", "selfcare_ms": 1.0}
    [row] = runner.measure("old", quick=False, loader=lambda name: _fake([bad]))
    assert "ERROR" == runner.verdict(row)
    assert "median_s, baseline, baseline_s, ratio, target" in row["note"]


# Verdicts and the table


@pytest.mark.parametrize(
    ("ratio", "target", "expected"),
    [(0.5, 0.8, "PASS"), (0.8, 0.8, "PASS"), (0.81, 0.8, "MISS"), (0.5, None, "-")],
)
def test_a_row_passes_when_its_ratio_is_at_most_its_target(
    ratio: float, target: float | None, expected: str
) -> None:
    """PASS at or under the target, MISS over it, `-` with no target."""
    assert expected == runner.verdict(_row(ratio=ratio, target=target))


def test_a_row_without_baseline_has_no_verdict() -> None:
    """A row with no ratio is for information."""
    row = _row(baseline="-", baseline_s=None, ratio=None, target=None)
    assert "-" == runner.verdict(row)


def test_the_table_shows_each_column() -> None:
    """Workload, median, baseline and its median, ratio, target, verdict and the note."""
    rows = [{"bench": "fake", **_row(note="10 plans of 20 items")}]
    lines = runner.format_table(rows).splitlines()
    assert ["bench", "workload", "median", "baseline"] == lines[0].split()[:4]
    assert lines[0].rstrip().endswith("result")
    cells = lines[2].split()
    assert ["fake", "load", "10", "plans", "1.50", "ms", "json.loads", "3.00", "ms"] == cells[:9]
    assert ["0.50x", "<=", "0.80x", "PASS"] == cells[9:]
    assert "(10 plans of 20 items)" == lines[3].strip()


def test_the_table_shows_a_miss_and_an_error() -> None:
    """A missed target and a failed module stand out in the result column."""
    error = ModuleNotFoundError("No module named 'msgspec'")
    rows = [
        {"bench": "fake", **_row(ratio=1.2)},
        *runner.measure("serialize", quick=False, loader=lambda name: _failing(error)),
    ]
    text = runner.format_table(rows)
    assert text.splitlines()[2].endswith("MISS")
    assert "ERROR" in text
    assert "No module named 'msgspec'" in text


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (2.5, "seconds", "2.50 s"),
        (0.0015, "seconds", "1.50 ms"),
        (4.2e-7, "seconds", "0.42 µs"),
        (5e-8, "seconds", "50 ns"),
        (88.0, "bytes", "88 B"),
        (3380.0, "bytes", "3.3 KiB"),
        (None, "seconds", "-"),
        (math.nan, "seconds", "-"),
    ],
)
def test_amounts_are_shown_in_a_unit_that_suits_them(
    value: float | None, unit: str, expected: str
) -> None:
    """Times in s, ms, µs or ns; sizes in bytes or KiB."""
    assert expected == runner.amount(value, unit)


def test_rows_in_bytes_are_shown_in_bytes() -> None:
    """A row with `unit: bytes` shows its median and baseline as sizes."""
    row = _row(median_s=88.0, baseline_s=100.0, ratio=0.88, target=1.0, unit="bytes")
    line = runner.format_table([row]).splitlines()[2]
    assert "88 B" in line
    assert "100 B" in line


# The command


def _bench_file(folder: Path, name: str, body: str) -> Path:
    path = folder / f"bench_{name}.py"
    path.write_text(body, encoding="utf-8")
    return path


def _rows_file(folder: Path, name: str, ratio: float) -> Path:
    """A benchmark module whose one row has ``ratio``."""
    return _bench_file(
        folder, name, f"def run(*, quick=False):\n    return [{_row(ratio=ratio)!r}]\n"
    )


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Path]:
    """Two fake benchmark files in place of the real ones: one passes, one misses."""
    files = {"good": _rows_file(tmp_path, "good", 0.5), "slow": _rows_file(tmp_path, "slow", 2.0)}
    monkeypatch.setattr(runner, "discover", lambda: files)
    return files


def test_main_prints_one_table_and_exits_0_by_default(
    fakes: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --strict a miss is reported, not fatal."""
    assert 0 == runner.main(["--quick"])
    out = capsys.readouterr().out
    assert 1 == out.count("baseline median")
    assert "PASS" in out
    assert "MISS" in out


def test_strict_exits_1_on_a_miss(fakes: dict[str, Path]) -> None:
    """With --strict a missed target fails the command."""
    assert 1 == runner.main(["--strict"])


def test_only_picks_modules(fakes: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """--only runs the named modules alone, so --strict sees only their rows."""
    assert 0 == runner.main(["--strict", "--only", "good"])
    assert "slow" not in capsys.readouterr().out


def test_each_module_runs_in_a_process_of_its_own(tmp_path: Path) -> None:
    """A module measured apart gets its own interpreter, and quick is passed on to it."""
    path = _bench_file(
        tmp_path,
        "apart",
        "import os\n"
        "def run(*, quick=False):\n"
        "    return [{'workload': str(os.getpid()), 'median_s': 1.0, 'baseline': '-',"
        " 'baseline_s': None, 'ratio': None, 'target': None, 'note': str(quick)}]\n",
    )

    [first] = runner.measure_apart("apart", path, quick=True)
    [second] = runner.measure_apart("apart", path, quick=False)

    assert ("apart", "True", "False") == (first["bench"], first["note"], second["note"])
    assert len({first["workload"], second["workload"], str(os.getpid())}) == 3


def test_a_module_that_prints_still_gives_its_rows(tmp_path: Path) -> None:
    """What a module prints while it runs goes before its rows and does not hide them."""
    path = _bench_file(
        tmp_path,
        "chatty",
        f"print('warming up')\ndef run():\n    print('done')\n    return [{_row()!r}]\n",
    )

    [row] = runner.measure_apart("chatty", path, quick=False)

    assert {**_row(), "bench": "chatty"} == row


@pytest.mark.parametrize(
    ("body", "why"),
    [
        pytest.param("import os\nos._exit(3)\n", "exited with 3", id="crashes"),
        pytest.param("raise ImportError('no pydantic')\n", "ImportError: no pydantic", id="fails"),
    ],
)
def test_a_module_whose_process_fails_gives_one_row_saying_why(
    tmp_path: Path, body: str, why: str
) -> None:
    """A crash in the child is reported like a failure in the module, and the run goes on."""
    path = _bench_file(tmp_path, "broken", body)

    [row] = runner.measure_apart("broken", path, quick=False)

    assert ("broken", "(did not run)", "ERROR") == (
        row["bench"],
        row["workload"],
        runner.verdict(row),
    )
    assert why in row["note"]


def test_only_rejects_an_unknown_name(
    fakes: dict[str, FakeBench], capsys: pytest.CaptureFixture[str]
) -> None:
    """A misspelt module is an error listing the known ones, not an empty run."""
    with pytest.raises(SystemExit):
        runner.main(["--only", "god"])
    assert "known: good, slow" in capsys.readouterr().err
