"""The example notebook runs from top to bottom without an error, and is stored clean."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import importlib
import importlib.util
import json
import os
from typing import Any

import pytest

from tests import ROOT

pytestmark = pytest.mark.examples

NOTEBOOK = ROOT / "examples" / "prototyping_plans.ipynb"
TOOLS = ("nbclient", "nbformat", "ipykernel", "matplotlib")
MISSING = [name for name in TOOLS if importlib.util.find_spec(name) is None]


def cells() -> list[dict[str, Any]]:
    """The cells of the notebook as stored."""
    stored: dict[str, Any] = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = stored["cells"]
    return found


def test_the_notebook_is_stored_without_outputs() -> None:
    """Outputs and execution counts are cleared, so diffs show only what was written."""
    code = [cell for cell in cells() if cell["cell_type"] == "code"]
    assert code
    assert [([], None)] * len(code) == [(c["outputs"], c["execution_count"]) for c in code]


def test_the_notebook_runs_top_to_bottom() -> None:
    """Every cell runs in a fresh python3 kernel; an error in any cell fails the test."""
    if MISSING:
        message = (
            f"the notebook tools are not installed ({', '.join(MISSING)}); "
            "install them with: pip install -e '.[examples]'"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    nbformat: Any = importlib.import_module("nbformat")
    nbclient: Any = importlib.import_module("nbclient")

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell and the error, on any error
