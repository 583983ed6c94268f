"""Typed, explainable reasons attached to plan items and recommendations."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import attrs

from selfcare._core import checks as check
from selfcare._core.frozenmap import FrozenMap, freeze
from selfcare._core.vocabulary import Vocabulary

__all__ = ["Reason", "ReasonCode"]

Fact = int | float | str
_FACT_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")


class ReasonCode(Vocabulary):
    """Why something was chosen, as a code an app can switch on.

    Every reason the library gives carries exactly the facts its code lists in
    :attr:`facts`, whichever function gave it (a plan, a recommendation or a review); the
    reference page "Reasons and their facts" describes each one. A reason an app builds
    itself may carry any facts.

    Example:
        >>> ReasonCode.FITS_TIME.facts
        ('minutes', 'usual_minutes', 'minutes_available')
    """

    GOAL = "goal"
    NEGLECTED_CATEGORY = "neglected-category"
    LOW_SELF_RATING = "low-self-rating"
    CATEGORY_BALANCE = "category-balance"
    FITS_TIME = "fits-time"
    PREFERRED_TIME = "preferred-time"
    MATCHES_VALUE = "matches-value"
    RAMP_UP = "ramp-up"
    HELPED_BEFORE = "helped-before"
    WENT_WITH_WORSE = "went-with-worse"
    NOT_DONE = "not-done"
    KEPT_UP = "kept-up"
    HABIT_MOMENTUM = "habit-momentum"
    VARIETY = "variety"
    EXPLORATION = "exploration"
    SUPPORT = "support"
    CORE_PRACTICE = "core-practice"
    LESS_OFTEN = "less-often"
    ALTERNATES = "alternates"
    ADDED_BY_PERSON = "added-by-person"
    WORKLOAD_STRAIN = "workload-strain"

    @property
    def facts(self) -> tuple[str, ...]:
        """The names of the facts every reason of this code that the library gives carries."""
        return FACTS[self]


_EFFECT = ("measure", "days_with", "days_without", "mean_with", "mean_without", "difference")
_DAYS_KEPT = ("planned_days", "done_days")

#: The facts of each code, in the order they are given.
FACTS: Mapping[ReasonCode, tuple[str, ...]] = {
    ReasonCode.GOAL: ("goals", "goals_matched"),
    ReasonCode.NEGLECTED_CATEGORY: ("category", "days_practised", "window_days", "days_reflected"),
    ReasonCode.LOW_SELF_RATING: ("category", "self_rating"),
    ReasonCode.CATEGORY_BALANCE: ("category",),
    ReasonCode.FITS_TIME: ("minutes", "usual_minutes", "minutes_available"),
    ReasonCode.PREFERRED_TIME: ("time_of_day",),
    ReasonCode.MATCHES_VALUE: ("values", "values_matched"),
    ReasonCode.RAMP_UP: ("week",),
    ReasonCode.HELPED_BEFORE: _EFFECT,
    ReasonCode.WENT_WITH_WORSE: _EFFECT,
    ReasonCode.NOT_DONE: _DAYS_KEPT,
    ReasonCode.KEPT_UP: _DAYS_KEPT,
    ReasonCode.HABIT_MOMENTUM: ("habit_strength", "current_streak"),
    ReasonCode.VARIETY: ("recent_days",),
    ReasonCode.EXPLORATION: ("days_practised", "sampled_effect"),
    ReasonCode.SUPPORT: (
        "hard_days",
        "days_reflected",
        "min_days",
        "window_days",
        "max_mood",
        "wants_support",
    ),
    ReasonCode.CORE_PRACTICE: ("benefits",),
    ReasonCode.LESS_OFTEN: ("usual_per_week", "planned_per_week"),
    ReasonCode.ALTERNATES: ("alternates_with",),
    ReasonCode.ADDED_BY_PERSON: (),
    ReasonCode.WORKLOAD_STRAIN: ("strain_level", "signs", "working_days"),
}


#: The names of the facts the library gives, known to be fact names: most facts are these.
_NAMES = frozenset(name for names in FACTS.values() for name in names)


def check_facts(facts: object) -> None:
    """Require facts by snake_case name, each a finite number or a short string."""
    if type(facts) is not FrozenMap and not isinstance(facts, FrozenMap):
        raise check.fail("facts", "expected a mapping of names to numbers or strings")
    data: dict[Any, Any] = facts._data
    for key, value in data.items():
        if key not in _NAMES and (not isinstance(key, str) or not _FACT_NAME.fullmatch(key)):
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
    facts: Mapping[str, Fact] = attrs.field(factory=FrozenMap, converter=freeze)

    def __attrs_post_init__(self) -> None:
        check_facts(self.facts)
