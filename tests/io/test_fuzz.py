"""Fuzzing: whatever JSON comes in, reading it raises ValidationError or nothing at all.

Three kinds of input for every serializable type: arbitrary JSON values; a valid document
with one value somewhere in it replaced by arbitrary JSON (which reaches far deeper than
random JSON does); and arbitrary text for ``from_json``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfcare import Reflection, ValidationError
from selfcare._io.codec import TYPE_NAMES, codec
from selfcare.serialize import from_dict, from_json, to_dict
from tests.io.golden.values import VALUES
from tests.io.places import edited, every_place

FUZZ = settings(deadline=None, suppress_health_check=list(HealthCheck))
KINDS: list[Any] = [*sorted(TYPE_NAMES, key=lambda kind: kind.__name__), list[Reflection]]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinities too: from_dict takes Python values
    | st.text(max_size=20)
    | st.sampled_from(["", "2026-03-29", "07:30", "client", "2026-03-29T07:00:00+01:00[UTC]"])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


def name_of(kind: Any) -> str:
    """A readable test id."""
    return getattr(kind, "__name__", str(kind))


def read(kind: Any, data: object) -> None:
    """Read data, letting only ValidationError through, each problem with a rooted path.

    What the fast path accepts, the detailed path (which checks every value itself rather
    than leaving it to the domain types) must accept too, giving the same value.
    """
    problems: tuple[tuple[str, str], ...] = ()
    try:
        loaded = from_dict(kind, data)
    except ValidationError as exc:
        problems = exc.problems or (("", ""),)
    if problems:
        assert all(path.startswith("$") and message for path, message in problems)
        return
    assert isinstance(data, dict)
    body = {k: v for k, v in data.items() if k not in ("schema_version", "type", "redacted")}
    if kind == list[Reflection]:
        assert loaded == list(codec().lists[Reflection].detailed(body["values"]))
    else:
        assert loaded == codec().classes[kind].detailed(body)


@pytest.mark.parametrize("kind", KINDS, ids=name_of)
def test_arbitrary_json(kind: Any) -> None:
    """Arbitrary JSON values, bare or in an envelope of the right type, are handled."""
    name = "list" if kind == list[Reflection] else TYPE_NAMES[kind]

    @FUZZ
    @given(JSON, st.dictionaries(st.text(max_size=10), JSON, max_size=6))
    def check(value: Any, fields: dict[str, Any]) -> None:
        read(kind, value)
        read(kind, {"schema_version": 1, "type": name, **fields})

    check()


DOCUMENTS = {
    name: (list[Reflection] if isinstance(value, list) else type(value), to_dict(value))
    for name, value in VALUES.items()
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_valid_document_with_one_value_replaced(name: str) -> None:
    """A valid document with any one value replaced, or any one key removed, is handled."""
    kind, document = DOCUMENTS[name]
    places = every_place(document)[1:]

    @FUZZ
    @given(st.sampled_from(places), JSON, st.booleans())
    def check(place: tuple[Any, ...], value: Any, remove: bool) -> None:
        read(kind, edited(document, place, value, remove=remove))

    check()


@pytest.mark.parametrize("kind", KINDS, ids=name_of)
def test_arbitrary_text(kind: Any) -> None:
    """Arbitrary text and bytes, and JSON text of arbitrary values, are handled."""

    @FUZZ
    @given(st.text(max_size=50) | st.binary(max_size=50) | JSON.map(json.dumps))
    def check(text: str | bytes) -> None:
        problems: tuple[tuple[str, str], ...] = (("$", "read"),)
        try:
            from_json(kind, text)
        except ValidationError as exc:
            problems = exc.problems
        assert problems

    check()
