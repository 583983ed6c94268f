"""Exact equality, which the round trips of every type rely on (see ``tests/test_types.py``).

Exactly means more than ``==``: zoned instants keep their instant, their zone and their
``fold``, and every value keeps its type (``1``, ``1.0`` and ``True`` are not the same).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pendulum

from tests.exact import differences


def test_exact_equality_sees_what_equality_misses() -> None:
    """The same instant in another zone, or a wall time with another fold, can be ==."""
    noon = pendulum.datetime(2026, 7, 1, 12, tz="Europe/London")
    assert noon == noon.in_timezone("UTC")
    assert differences(noon, noon.in_timezone("UTC")) != []
    london = zoneinfo.ZoneInfo("Europe/London")
    first, second = (dt.datetime(2026, 10, 25, 1, 30, tzinfo=london, fold=f) for f in (0, 1))
    assert first == second
    assert differences(first, second) != []
    assert differences(1, True) != []
    assert differences(1.0, 1) != []
