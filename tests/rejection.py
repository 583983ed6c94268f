"""A shared assertion for the validation tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from selfcare import ValidationError


def check_rejected(build: Callable[[], object], field: str, expected: str) -> None:
    """Building must fail with a ValidationError on ``field`` whose message has ``expected``."""
    with pytest.raises(ValidationError) as caught:
        build()
    assert isinstance(caught.value, ValueError)
    path, message = caught.value.problems[0]
    assert field == path
    assert expected in message
