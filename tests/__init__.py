"""The specification of ``selfcare``: one folder per package of ``src/selfcare``."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

#: The project's root folder (the one holding ``pyproject.toml``).
ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"


def load_benchmark(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` as the benchmark runner does (``run.load_file``).

    The runner itself is imported first, as ``run``: the benchmarks import it by that name.
    """
    runner = sys.modules.get("run")
    if runner is None:
        spec = importlib.util.spec_from_file_location("run", BENCHMARKS / "run.py")
        assert spec is not None
        assert spec.loader is not None
        runner = importlib.util.module_from_spec(spec)
        sys.modules["run"] = runner
        spec.loader.exec_module(runner)
    if name == "run":
        return runner
    module: ModuleType = runner.load_file(BENCHMARKS / f"{name}.py")
    return module
