"""The shipped hypothesis strategies build valid values of every public type."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given

import selfcare
from selfcare import testing
from selfcare.testing._plugin import STRATEGIES


def test_every_attrs_type_in_the_api_has_a_strategy() -> None:
    """No public attrs class is left without a registered strategy."""
    public = {
        name
        for name in selfcare.__all__
        if isinstance(kind := getattr(selfcare, name), type) and attrs.has(kind)
    }
    assert public == set(STRATEGIES)
    assert all(hasattr(testing, strategy) for strategy in STRATEGIES.values())


@given(testing.reflections(strategy_ids=["short-walk", "news-limits"]))
def test_reflections_practise_only_the_given_strategies(reflection: selfcare.Reflection) -> None:
    """Reflections can be confined to a known set of strategy ids."""
    assert {p.strategy_id for p in reflection.practised} <= {"short-walk", "news-limits"}


@given(testing.profiles(role=selfcare.Role.THERAPIST))
def test_profiles_can_be_confined_to_a_role(profile: selfcare.Profile) -> None:
    """Profiles honour the role asked for and never opt into an excluded category."""
    assert profile.role is selfcare.Role.THERAPIST
    assert not (profile.spiritual and selfcare.Category.SPIRITUAL in profile.excluded_categories)


@given(testing.zoned_datetimes())
def test_zoned_datetimes_are_canonical(value: Any) -> None:
    """Built instants keep an IANA zone and are stable under re-canonicalisation."""
    again = selfcare.Reflection(at=value, author=selfcare.Role.CLIENT).at
    assert (again, again.timezone_name, again.fold) == (value, value.timezone_name, value.fold)


@pytest.mark.parametrize("first", ["selfcare.testing", "hypothesis"])
def test_from_type_works_whichever_is_imported_first(first: str) -> None:
    """The plugin registers the strategies whether hypothesis or selfcare.testing loads first.

    Importing selfcare.testing imports hypothesis, whose entry point then runs the plugin
    while selfcare.testing is still loading; the plugin must not need its strategies yet.
    """
    script = (
        f"import {first}\n"
        "import hypothesis, selfcare\n"
        "from hypothesis import strategies as st\n"
        "plan = hypothesis.find(st.from_type(selfcare.Plan), lambda plan: True)\n"
        "print(type(plan).__name__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert 0 == done.returncode, done.stderr[-2000:]
    assert "Plan" == done.stdout.strip()
