"""Typed, explainable reasons attached to plan items and recommendations."""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Mapping
from typing import Any

import attrs

from selfcare._core import checks as check
from selfcare._core.frozenmap import FrozenMap

__all__ = ["Reason", "ReasonCode"]

Fact = int | float | str
_FACT_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")


class ReasonCode(enum.StrEnum):
    """Why something was chosen, as a code an app can switch on."""

    GOAL = "goal"
    NEGLECTED_CATEGORY = "neglected-category"
    CATEGORY_BALANCE = "category-balance"
    FITS_TIME = "fits-time"
    PREFERRED_TIME = "preferred-time"
    MATCHES_VALUE = "matches-value"
    RAMP_UP = "ramp-up"
    ROUTINE = "routine"
    HELPED_BEFORE = "helped-before"
    WENT_WITH_WORSE = "went-with-worse"
    NOT_DONE = "not-done"
    HABIT_MOMENTUM = "habit-momentum"
    VARIETY = "variety"
    EXPLORATION = "exploration"
    SUPPORT = "support"
    ADDED_BY_PERSON = "added-by-person"


def to_facts(value: Mapping[str, Fact]) -> Mapping[str, Fact]:
    """An attrs converter for a ``facts`` field: a mapping becomes a hashable FrozenMap."""
    raw: Any = value
    if type(raw) is FrozenMap:
        return raw  # already immutable: kept as it is
    if isinstance(raw, Mapping):
        return FrozenMap(raw)
    return raw  # type: ignore[no-any-return]  # a non-mapping is rejected


def check_facts(facts: object) -> None:
    """Require facts by snake_case name, each a finite number or a short string."""
    if not isinstance(facts, FrozenMap):
        raise check.fail("facts", "expected a mapping of names to numbers or strings")
    data: dict[Any, Any] = facts._data
    for key, value in data.items():
        if not isinstance(key, str) or not _FACT_NAME.fullmatch(key):
            raise check.fail("facts", "expected fact names in snake_case, e.g. 'days_with'")
        kind = type(value)
        if kind is str:
            if len(value) <= check.MAX_NAME:
                continue
        elif kind is int:
            if value.bit_length() <= 63:
                continue
        elif kind is float and math.isfinite(value):
            continue
        # Only a value that may be wrong gets here: check it fully, naming the fact.
        if isinstance(value, str):
            check.check_text(f"facts[{key}]", value, limit=check.MAX_NAME, required=False)
        else:
            check.check_finite(f"facts[{key}]", value)


@attrs.frozen
class Reason:
    """Why a plan item or a recommendation was chosen.

    Attributes:
        code: what kind of reason it is.
        text: a plain sentence an app can show a person.
        facts: the figures behind it, by name (e.g. ``{"days_with": 9}``).

    Example:
        >>> r = Reason(ReasonCode.GOAL, "serves your goal: builds coping skills",
        ...            {"goal": "coping-skills"})
        >>> r.facts["goal"]
        'coping-skills'
    """

    code: ReasonCode = attrs.field(validator=check.member(ReasonCode))
    text: str = attrs.field(validator=check.name)
    facts: Mapping[str, Fact] = attrs.field(factory=FrozenMap, converter=to_facts)

    def __attrs_post_init__(self) -> None:
        check_facts(self.facts)
