"""One property test per public type: each drawn value keeps every promise of its type.

A value is drawn once (with ``st.from_type``, which uses ``selfcare.testing``) and checked for
everything a value of any public type promises: it is valid (building it again from its
fields gives an equal value), it equals and hashes like a copy of itself, it pickles and
copies exactly, its ``repr`` is one line, its JSON document loads back exactly (and its
redacted document loads back with only its private text emptied), and its notebook view is
plain, self-contained HTML. Drawing is the expensive part, so every check shares one draw.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import selfcare
from selfcare._io.codec import PRIVATE_FIELDS, TYPE_NAMES
from selfcare.serialize import from_dict, from_json, to_json
from tests.display.test_html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, OUTSIDE
from tests.display.values import parse
from tests.exact import assert_exactly_equal

#: Every public attrs type, by name.
PUBLIC_TYPES = sorted(
    (
        kind
        for name in selfcare.__all__
        if isinstance(kind := getattr(selfcare, name), type) and attrs.has(kind)
    ),
    key=lambda kind: kind.__name__,
)
PROTOCOLS = range(2, pickle.HIGHEST_PROTOCOL + 1)
# Some values (plans, workweeks) are large by design.
LARGE = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def rebuilt(value: Any) -> Any:
    """The value built again from its fields, which runs every converter and validator."""
    fields = {a.alias: getattr(value, a.name) for a in attrs.fields(type(value)) if a.init}
    return type(value)(**fields)


def redacted(value: Any) -> Any:
    """What a redacted document of ``value`` loads to: private text emptied, all else kept."""
    if isinstance(value, tuple):
        return tuple(redacted(v) for v in value)
    if not attrs.has(type(value)):
        return value
    changes = {
        field.alias: redacted(getattr(value, field.name))
        for field in attrs.fields(type(value))
        if field.init
    }
    changes.update(PRIVATE_FIELDS.get(type(value), {}))
    return type(value)(**changes)


def check_value(value: Any) -> None:
    """A value is valid, equal to and hashed like its copies, and shown on one line."""
    assert value == rebuilt(value)
    assert value == copy.copy(value)
    assert hash(value) == hash(rebuilt(value))
    assert "\n" not in repr(value)


def check_pickle(value: Any) -> None:
    """Each pickle protocol, copy and deepcopy give back exactly the same value."""
    for protocol in PROTOCOLS:
        again = pickle.loads(pickle.dumps(value, protocol=protocol))
        assert_exactly_equal(value, again)
        assert hash(value) == hash(again)
    assert_exactly_equal(value, copy.copy(value))
    assert_exactly_equal(value, copy.deepcopy(value))


def check_json(kind: type, value: Any) -> None:
    """The document loads back exactly, writes the same text again, and redacts only privacy."""
    text = to_json(value)
    loaded: Any = from_json(kind, text)
    assert_exactly_equal(value, loaded)
    assert text == to_json(loaded)
    assert_exactly_equal(value, from_dict(kind, json.loads(text)))
    assert_exactly_equal(redacted(value), from_json(kind, to_json(value, redact=True)))


def check_view(value: Any) -> None:
    """The notebook view is one element of plain, self-contained markup."""
    html_text = value._repr_html_()
    root = parse(html_text)
    elements = list(root.walk())[1:]
    assert set() == {node.tag for node in elements} - ALLOWED_TAGS
    assert set() == {name for node in elements for name in node.attrs} - ALLOWED_ATTRIBUTES
    assert [] == [marker for marker in OUTSIDE if marker in html_text.lower()]


@pytest.mark.parametrize("kind", PUBLIC_TYPES, ids=lambda kind: kind.__name__)
def test_every_value_keeps_the_promises_of_its_type(kind: type) -> None:
    """A drawn value is valid, compares and pickles exactly, round-trips JSON and renders."""

    @LARGE
    @given(st.from_type(kind))
    def check(value: Any) -> None:
        assert isinstance(value, kind)
        check_value(value)
        check_pickle(value)
        if kind in TYPE_NAMES:
            check_json(kind, value)
        if hasattr(value, "_repr_html_"):
            check_view(value)

    check()


def test_every_public_type_is_checked() -> None:
    """The list is not empty: it holds every serializable type and the rest."""
    assert 40 < len(PUBLIC_TYPES)
    assert set(TYPE_NAMES) <= set(PUBLIC_TYPES)


@LARGE
@given(st.lists(st.from_type(selfcare.Reflection), max_size=5))
def test_a_list_document_loads_back_exactly(values: list[selfcare.Reflection]) -> None:
    """A list document of reflections loads back to the same list."""
    assert_exactly_equal(values, from_json(list[selfcare.Reflection], to_json(values)))
