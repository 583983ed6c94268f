"""Every script in examples/ runs on its own and prints something."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests import ROOT

pytestmark = pytest.mark.examples

TESTS = ROOT / "tests"
EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def other_test_of(script: Path) -> str | None:
    """The other test file that names this example, which runs it with what it needs."""
    for test in sorted(TESTS.rglob("test_*.py")):
        if test.name != Path(__file__).name and script.name in test.read_text("utf-8"):
            return test.name
    return None


def test_there_are_examples() -> None:
    """The examples directory is found and holds scripts (the glob below is not empty)."""
    assert SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS, ids=[script.name for script in SCRIPTS])
def test_example_runs(script: Path) -> None:
    """The example exits cleanly and prints its output."""
    other = other_test_of(script)
    if other:
        pytest.skip(f"{other} runs this example, with the extras it needs")
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert 0 == result.returncode, result.stderr
    assert result.stdout.strip()
