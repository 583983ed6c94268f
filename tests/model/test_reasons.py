"""Specification of reasons and of the frozen mapping that holds their facts."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import math
import pickle
from collections.abc import Mapping
from typing import Any

import attrs
import pytest

from selfcare import Reason, ReasonCode
from selfcare._core.frozenmap import FrozenMap
from tests.rejection import check_rejected


def reason(**changes: Any) -> Reason:
    """A valid reason with some fields changed."""
    fields: dict[str, Any] = {
        "code": ReasonCode.HELPED_BEFORE,
        "text": "on days you walked, your mood was 1.4 points higher, over 9 days",
    }
    return Reason(**{**fields, **changes})


# Reason


def test_facts_default_to_an_empty_frozen_map() -> None:
    """A reason without facts has an empty, hashable mapping."""
    facts = reason().facts
    assert isinstance(facts, FrozenMap)
    assert {} == facts


def test_facts_keep_numbers_and_text() -> None:
    """Facts map snake_case names to integers, floats or short text."""
    given = {"days_with": 9, "mood_difference": 1.4, "strategy": "short-walk", "none_yet": 0}
    r = reason(facts=given)
    assert isinstance(r.facts, FrozenMap)
    assert given == r.facts
    assert 9 == r.facts["days_with"]


@pytest.mark.parametrize(
    ("changes", "field", "stored"),
    [
        pytest.param({"text": "t"}, "text", "t", id="text-1"),
        pytest.param({"text": "t" * 200}, "text", "t" * 200, id="text-200"),
        pytest.param({"facts": {"a" * 64: 1}}, "facts", {"a" * 64: 1}, id="name-64"),
        pytest.param({"facts": {"n": "v" * 200}}, "facts", {"n": "v" * 200}, id="fact-text-200"),
        pytest.param({"facts": {"n": ""}}, "facts", {"n": ""}, id="fact-text-empty"),
        pytest.param({"facts": {"n": -1e300}}, "facts", {"n": -1e300}, id="fact-big-float"),
    ],
)
def test_accepts_values_at_the_edges(changes: dict[str, Any], field: str, stored: object) -> None:
    """The longest allowed text and names are accepted and stored."""
    assert stored == getattr(reason(**changes), field)


REJECTED = [
    pytest.param({"code": "goal"}, "code", "expected a ReasonCode", id="code-text"),
    pytest.param({"code": None}, "code", "expected a ReasonCode", id="code-none"),
    pytest.param({"text": ""}, "text", "expected some text", id="text-empty"),
    pytest.param({"text": "  "}, "text", "expected some text", id="text-blank"),
    pytest.param({"text": "t" * 201}, "text", "at most 200 characters", id="text-201"),
    pytest.param({"text": None}, "text", "expected a string", id="text-none"),
    pytest.param({"facts": [("days", 9)]}, "facts", "expected a mapping", id="facts-list"),
    pytest.param({"facts": "days=9"}, "facts", "expected a mapping", id="facts-text"),
    pytest.param({"facts": None}, "facts", "expected a mapping", id="facts-none"),
    pytest.param({"facts": {"DaysWith": 9}}, "facts", "snake_case", id="name-camel"),
    pytest.param({"facts": {"days-with": 9}}, "facts", "snake_case", id="name-hyphen"),
    pytest.param({"facts": {"9_days": 9}}, "facts", "snake_case", id="name-digit-first"),
    pytest.param({"facts": {"_days": 9}}, "facts", "snake_case", id="name-underscore-first"),
    pytest.param({"facts": {"": 9}}, "facts", "snake_case", id="name-empty"),
    pytest.param({"facts": {"a" * 65: 9}}, "facts", "snake_case", id="name-65"),
    pytest.param({"facts": {9: 9}}, "facts", "snake_case", id="name-int"),
    pytest.param({"facts": {"n": math.nan}}, "facts[n]", "finite number, got nan", id="nan"),
    pytest.param({"facts": {"n": math.inf}}, "facts[n]", "finite number, got inf", id="inf"),
    pytest.param({"facts": {"n": -math.inf}}, "facts[n]", "finite number", id="minus-inf"),
    pytest.param({"facts": {"n": True}}, "facts[n]", "finite number, got True", id="bool"),
    pytest.param({"facts": {"n": None}}, "facts[n]", "finite number, got None", id="none"),
    pytest.param({"facts": {"n": [1]}}, "facts[n]", "finite number", id="list"),
    pytest.param({"facts": {"n": "v" * 201}}, "facts[n]", "at most 200", id="text-201"),
]


@pytest.mark.parametrize(("changes", "field", "expected"), REJECTED)
def test_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """Invalid reasons are rejected naming the field and what was expected."""
    check_rejected(lambda: reason(**changes), field, expected)


def test_a_huge_integer_fact_is_a_validation_error() -> None:
    """An integer fact too large for a float is rejected with a ValidationError."""
    check_rejected(lambda: reason(facts={"n": 10**400}), "facts[n]", "finite number")


def test_reasons_compare_and_hash_by_value() -> None:
    """Equal reasons are equal and hash alike, facts included."""
    a = reason(facts={"days_with": 9, "days_without": 5})
    b = reason(facts={"days_without": 5, "days_with": 9})
    assert a == b
    assert hash(a) == hash(b)
    assert a != reason(facts={"days_with": 10, "days_without": 5})


def test_reason_pickles() -> None:
    """A reason survives a pickle round trip unchanged."""
    r = reason(code=ReasonCode.GOAL, facts={"goal": "coping-skills", "weight": 0.5})
    restored = pickle.loads(pickle.dumps(r))
    assert r == restored
    assert isinstance(restored.facts, FrozenMap)


@pytest.mark.parametrize("field", [a.name for a in attrs.fields(Reason)])
def test_reasons_are_immutable(field: str) -> None:
    """No field of a reason can be reassigned."""
    r = reason()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(r, field, getattr(r, field))


def test_reason_codes_convert_from_text() -> None:
    """Reason codes are built from their text values."""
    assert ReasonCode.NEGLECTED_CATEGORY is ReasonCode("neglected-category")


# FrozenMap


def test_frozen_map_reads_like_a_dict() -> None:
    """A FrozenMap supports the read-only Mapping interface in insertion order."""
    fm = FrozenMap({"b": 2, "a": 1})
    assert isinstance(fm, Mapping)
    assert 2 == fm["b"]
    assert 2 == len(fm)
    assert ["b", "a"] == list(fm)
    assert [("b", 2), ("a", 1)] == list(fm.items())
    assert "a" in fm
    assert fm.get("z") is None
    with pytest.raises(KeyError):
        fm["z"]


def test_frozen_map_is_empty_by_default() -> None:
    """FrozenMap() and FrozenMap(None) are empty."""
    assert 0 == len(FrozenMap())
    assert 0 == len(FrozenMap(None))


def test_frozen_map_copies_its_input() -> None:
    """Changing the dict a FrozenMap was built from does not change the map."""
    source = {"a": 1}
    fm = FrozenMap(source)
    source["a"] = 2
    assert 1 == fm["a"]


def test_frozen_map_equals_a_dict_both_ways() -> None:
    """A FrozenMap equals a dict with the same items, from either side."""
    fm = FrozenMap({"a": 1, "b": 2})
    assert {"b": 2, "a": 1} == fm
    assert fm == {"b": 2, "a": 1}
    assert fm == FrozenMap({"b": 2, "a": 1})
    assert fm != {"a": 1}
    assert fm != {"a": 1, "b": 3}
    assert fm != [("a", 1), ("b", 2)]


def test_frozen_map_hashes_by_content() -> None:
    """Equal FrozenMaps hash alike whatever their order, and can be set members."""
    a = FrozenMap({"a": 1, "b": 2})
    b = FrozenMap({"b": 2, "a": 1})
    assert hash(a) == hash(b)
    assert 1 == len({a, b})
    assert hash(FrozenMap()) == hash(FrozenMap({}))


def test_frozen_map_is_read_only() -> None:
    """A FrozenMap has no way to change its items."""
    fm: Any = FrozenMap({"a": 1})
    with pytest.raises(TypeError):
        fm["a"] = 2
    with pytest.raises(TypeError):
        del fm["a"]
    assert not hasattr(fm, "update")
    assert not hasattr(fm, "pop")
    assert not hasattr(fm, "__dict__")


def test_frozen_map_pickles() -> None:
    """A FrozenMap survives a pickle round trip as an equal FrozenMap."""
    fm = FrozenMap({"a": 1, "b": 2.5, "c": "x"})
    restored = pickle.loads(pickle.dumps(fm))
    assert FrozenMap is type(restored)
    assert fm == restored
    assert hash(fm) == hash(restored)


def test_frozen_map_repr_is_a_dict_repr() -> None:
    """A FrozenMap shows itself as the dict it holds."""
    assert "{'a': 1}" == repr(FrozenMap({"a": 1}))


def test_changing_the_callers_dict_afterwards_changes_nothing() -> None:
    """Facts are copied from a dict, so the caller's later edits do not reach the reason."""
    facts: dict[str, int | float | str] = {"days_with": 9}
    reason = Reason(ReasonCode.HELPED_BEFORE, "went with better days", facts)
    facts["days_with"] = 0
    facts["extra"] = "x"
    assert {"days_with": 9} == dict(reason.facts)
    again = Reason(ReasonCode.HELPED_BEFORE, "went with better days", reason.facts)
    assert reason == again
    assert reason.facts is again.facts  # already immutable, so kept rather than copied
