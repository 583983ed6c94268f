"""Exact equality of selfcare values, stricter than ``==``.

``==`` on pendulum values compares instants only, so a wrong zone or a wrong ``fold`` would
pass unnoticed; and ``==`` treats ``1 == 1.0 == True``. :func:`differences` compares zoned
instants by (instant, zone name, fold), dates and times by their ISO text and fold, and
every other value by type and value, walking attrs fields, tuples, sets and mappings. Round
trips through JSON and pickle are checked with it.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from typing import Any

import attrs


def _zone_key(value: dt.datetime) -> str | None:
    tz = value.tzinfo
    return tz.key if isinstance(tz, zoneinfo.ZoneInfo) else None


def _member(value: Any) -> tuple[type, str]:
    """A set member as its type and text (sets hold dates, enum members and strings)."""
    text = value.isoformat() if isinstance(value, dt.date | dt.time) else repr(value)
    return type(value), text


def differences(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Where two values differ, as paths; empty when they are exactly the same."""
    if type(expected) is not type(actual):
        return [f"{path}: {type(expected).__name__} != {type(actual).__name__}"]
    if isinstance(expected, dt.datetime):
        want = (expected.timestamp(), _zone_key(expected), expected.fold, expected.isoformat())
        got = (actual.timestamp(), _zone_key(actual), actual.fold, actual.isoformat())
        return [] if want == got else [f"{path}: {want} != {got}"]
    if isinstance(expected, dt.date | dt.time):
        want_text = (expected.isoformat(), getattr(expected, "fold", 0))
        got_text = (actual.isoformat(), getattr(actual, "fold", 0))
        return [] if want_text == got_text else [f"{path}: {want_text} != {got_text}"]
    if attrs.has(type(expected)):
        found: list[str] = []
        for field in attrs.fields(type(expected)):
            if field.init or field.eq:
                found += differences(
                    getattr(expected, field.name),
                    getattr(actual, field.name),
                    f"{path}.{field.name}",
                )
        return found
    if isinstance(expected, tuple | list):
        if len(expected) != len(actual):
            return [f"{path}: {len(expected)} values != {len(actual)}"]
        found = []
        for index, (a, b) in enumerate(zip(expected, actual, strict=True)):
            found += differences(a, b, f"{path}[{index}]")
        return found
    if isinstance(expected, Mapping):
        if {(type(k), k) for k in expected} != {(type(k), k) for k in actual}:
            return [f"{path}: the keys differ"]
        found = []
        for key in expected:
            found += differences(expected[key], actual[key], f"{path}[{key}]")
        return found
    if isinstance(expected, frozenset | set):
        want_set, got_set = set(map(_member, expected)), set(map(_member, actual))
        return [] if want_set == got_set else [f"{path}: {want_set ^ got_set} differ"]
    if isinstance(expected, float):
        return [] if repr(expected) == repr(actual) else [f"{path}: {expected!r} != {actual!r}"]
    return [] if expected == actual else [f"{path}: {expected!r} != {actual!r}"]


def assert_exactly_equal(expected: Any, actual: Any) -> None:
    """Fail, naming every difference, unless the values are exactly the same."""
    found = differences(expected, actual)
    assert not found, "\n".join(found[:20])
