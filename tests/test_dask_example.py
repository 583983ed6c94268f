"""The Dask example gives the same recommendations on a cluster as in one process.

It needs the ``dask`` extra. Without Dask the test is skipped on a developer's machine, but
under CI (``CI`` set) it fails, so a missing extra cannot pass unnoticed.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from tests import ROOT

pytestmark = pytest.mark.examples

SCRIPT = ROOT / "examples" / "batch_with_dask.py"


def _need_dask() -> None:
    if importlib.util.find_spec("distributed") is not None:
        return
    message = "the Dask example needs the dask extra: pip install -e '.[dask]'"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so it is not skipped)")
    pytest.skip(message)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the example with these arguments, as a user would."""
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=180,
        check=False,
    )


def test_results_on_a_local_cluster_equal_one_process() -> None:
    """A few people on two worker processes, in uneven chunks: every result equal."""
    _need_dask()
    result = run("--users", "30", "--workers", "2", "--chunk-size", "7")
    assert 0 == result.returncode, result.stdout + result.stderr
    assert "30 people in 5 chunks of up to 7" in result.stdout
    assert "all 30 results equal the single-process ones" in result.stdout


def test_bad_arguments_are_refused() -> None:
    """A user count below one is an argument error, before any cluster starts."""
    result = run("--users", "0")
    assert 2 == result.returncode
    assert "--users" in result.stderr
