"""Hypothesis profiles: ``fast`` (the default, derandomized for CI) and ``thorough``.

Run the thorough profile by hand with ``SELFCARE_HYPOTHESIS_PROFILE=thorough pytest``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, is_hypothesis_test, settings

settings.register_profile(
    "fast",
    max_examples=100,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=1_000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("SELFCARE_HYPOTHESIS_PROFILE", "fast"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under the thorough profile, run only the property tests.

    The thorough run repeats the suite with ten times the examples; a test that draws no
    examples would only run again exactly as it did under the README's command.
    """
    if settings().max_examples < settings.get_profile("thorough").max_examples:
        return
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        function = getattr(item, "function", None)
        (kept if function is not None and is_hypothesis_test(function) else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
