"""Specification of strategies: one concrete self-care practice."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Benefit,
    Cadence,
    Category,
    Effort,
    Role,
    Strategy,
    StrategyKind,
    TimeOfDay,
    Unit,
    ValidationError,
)
from selfcare._core import checks
from tests.rejection import check_rejected


def strategy(**changes: Any) -> Strategy:
    """A valid strategy with some fields changed."""
    fields: dict[str, Any] = {
        "id": "short-walk",
        "name": "Short walk",
        "category": Category.PHYSICAL,
        "roles": {Role.CLIENT, Role.THERAPIST},
        "minutes": 10,
    }
    return Strategy(**{**fields, **changes})


def test_defaults() -> None:
    """A strategy is low effort with no benefits, tags or description unless given."""
    walk = strategy()
    assert Effort.LOW is walk.effort
    assert frozenset() == walk.benefits
    assert frozenset() == walk.tags
    assert "" == walk.description


def test_collections_are_stored_as_frozensets() -> None:
    """Roles, benefits and tags given as lists, tuples or generators become frozensets."""
    walk = strategy(
        roles=[Role.CLIENT, Role.CLIENT],
        benefits=(Benefit.RESILIENCE,),
        tags=(tag for tag in ["nature", "outdoors"]),
    )
    assert frozenset({Role.CLIENT}) == walk.roles
    assert frozenset({Benefit.RESILIENCE}) == walk.benefits
    assert frozenset({"nature", "outdoors"}) == walk.tags


@pytest.mark.parametrize(
    ("roles", "role", "expected"),
    [
        ({Role.CLIENT}, Role.CLIENT, True),
        ({Role.CLIENT}, Role.THERAPIST, False),
        ({Role.THERAPIST}, Role.THERAPIST, True),
        (set(Role), Role.CLIENT, True),
    ],
)
def test_is_for(roles: set[Role], role: Role, expected: bool) -> None:
    """is_for tells whether a strategy is meant for a role."""
    assert expected == strategy(roles=roles).is_for(role)


@pytest.mark.parametrize(
    ("changes", "field", "stored"),
    [
        pytest.param({"id": "a"}, "id", "a", id="id-one-letter"),
        pytest.param({"id": "a" * 64}, "id", "a" * 64, id="id-64"),
        pytest.param({"id": "4-7-8-breathing"}, "id", "4-7-8-breathing", id="id-digits"),
        pytest.param({"name": "W"}, "name", "W", id="name-1"),
        pytest.param({"name": "W" * 200}, "name", "W" * 200, id="name-200"),
        pytest.param({"minutes": 1}, "minutes", 1, id="minutes-1"),
        pytest.param({"minutes": 1440}, "minutes", 1440, id="minutes-1440"),
        pytest.param({"description": "d" * 10_000}, "description", "d" * 10_000, id="desc-10k"),
        pytest.param({"tags": ["t" * 64]}, "tags", frozenset({"t" * 64}), id="tag-64"),
        pytest.param({"effort": Effort.HIGH}, "effort", Effort.HIGH, id="effort-high"),
    ],
)
def test_accepts_values_at_the_edges(changes: dict[str, Any], field: str, stored: object) -> None:
    """The longest and smallest allowed values are accepted and stored."""
    assert stored == getattr(strategy(**changes), field)


BAD_SLUGS = [
    pytest.param("", id="empty"),
    pytest.param("Short-walk", id="uppercase"),
    pytest.param("short_walk", id="underscore"),
    pytest.param("short walk", id="space"),
    pytest.param("short--walk", id="double-hyphen"),
    pytest.param("-walk", id="leading-hyphen"),
    pytest.param("walk-", id="trailing-hyphen"),
    pytest.param("walk\n", id="newline"),
    pytest.param("café", id="non-ascii"),
    pytest.param("a" * 65, id="65-chars"),
    pytest.param(5, id="int"),
    pytest.param(None, id="none"),
    pytest.param(b"walk", id="bytes"),
]


@pytest.mark.parametrize("bad", BAD_SLUGS)
def test_rejects_bad_ids(bad: object) -> None:
    """An id must be a lowercase slug of 1 to 64 characters."""
    check_rejected(lambda: strategy(id=bad), "id", "expected an id: lowercase letters")


@pytest.mark.parametrize("bad", BAD_SLUGS)
def test_rejects_bad_tags(bad: object) -> None:
    """Every tag must be a lowercase slug of 1 to 64 characters."""
    check_rejected(lambda: strategy(tags=[bad]), "tags", "expected a tag: lowercase letters")


REJECTED = [
    # name
    pytest.param({"name": ""}, "name", "expected some text", id="name-empty"),
    pytest.param({"name": "   "}, "name", "expected some text", id="name-blank"),
    pytest.param({"name": "\t\n"}, "name", "expected some text", id="name-whitespace"),
    pytest.param({"name": "W" * 201}, "name", "at most 200 characters", id="name-201"),
    pytest.param({"name": None}, "name", "expected a string", id="name-none"),
    pytest.param({"name": 5}, "name", "expected a string", id="name-int"),
    # category
    pytest.param({"category": "physical"}, "category", "expected a Category", id="cat-text"),
    pytest.param({"category": None}, "category", "expected a Category", id="cat-none"),
    pytest.param({"category": Role.CLIENT}, "category", "expected a Category", id="cat-role"),
    # roles
    pytest.param({"roles": "client"}, "roles", "expected a collection", id="roles-lone-text"),
    pytest.param({"roles": Role.CLIENT}, "roles", "expected a collection", id="roles-lone-role"),
    pytest.param({"roles": None}, "roles", "expected a collection", id="roles-none"),
    pytest.param({"roles": []}, "roles", "expected at least one Role", id="roles-empty"),
    pytest.param({"roles": ["client"]}, "roles", "expected a Role", id="roles-text-item"),
    pytest.param({"roles": [None]}, "roles", "expected a Role", id="roles-none-item"),
    # minutes
    pytest.param({"minutes": 0}, "minutes", "from 1 to 1440", id="minutes-0"),
    pytest.param({"minutes": 1441}, "minutes", "from 1 to 1440", id="minutes-1441"),
    pytest.param({"minutes": -5}, "minutes", "from 1 to 1440", id="minutes-negative"),
    pytest.param({"minutes": True}, "minutes", "expected an integer", id="minutes-bool"),
    pytest.param({"minutes": 10.0}, "minutes", "expected an integer", id="minutes-float"),
    pytest.param({"minutes": None}, "minutes", "expected an integer", id="minutes-none"),
    pytest.param({"minutes": "10"}, "minutes", "expected an integer", id="minutes-text"),
    # effort
    pytest.param({"effort": "low"}, "effort", "expected a Effort", id="effort-text"),
    pytest.param({"effort": 1}, "effort", "expected a Effort", id="effort-int"),
    # benefits
    pytest.param(
        {"benefits": "coping-skills"}, "benefits", "expected a collection", id="benefits-lone"
    ),
    pytest.param(
        {"benefits": ["coping-skills"]}, "benefits", "expected a Benefit", id="benefits-text"
    ),
    # tags
    pytest.param({"tags": "nature"}, "tags", "expected a collection", id="tags-lone-text"),
    pytest.param({"tags": 5}, "tags", "expected a collection", id="tags-int"),
    # description
    pytest.param({"description": None}, "description", "expected a string", id="desc-none"),
    pytest.param(
        {"description": "d" * 10_001}, "description", "at most 10000 characters", id="desc-10001"
    ),
]


@pytest.mark.parametrize(("changes", "field", "expected"), REJECTED)
def test_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """Invalid strategies are rejected naming the field and what was expected."""
    check_rejected(lambda: strategy(**changes), field, expected)


def kind_problem(changes: dict[str, Any]) -> tuple[str, str] | None:
    """The reference: which rule of kinds, cadences and measures ``changes`` break first."""
    kind = changes.get("kind", StrategyKind.ACTIVITY)
    cadence = changes.get("cadence", Cadence.TIMES_A_WEEK)
    unit, target = changes.get("unit"), changes.get("target")
    if (unit is None) != (target is None):
        return ("target" if target is None else "unit"), "give both or neither"
    if changes.get("times_a_week") is not None and cadence is not Cadence.TIMES_A_WEEK:
        return "times_a_week", "only a times-a-week cadence has times_a_week"
    if kind is StrategyKind.APPOINTMENT and cadence not in {
        Cadence.WEEKLY,
        Cadence.FORTNIGHTLY,
        Cadence.MONTHLY,
    }:
        return "cadence", "an appointment is weekly, fortnightly or monthly"
    if kind is StrategyKind.COMMITMENT and cadence is not Cadence.DAILY:
        return "cadence", "a commitment is kept daily"
    return None


KIND_CHANGES = st.fixed_dictionaries(
    {},
    optional={
        "kind": st.sampled_from(StrategyKind),
        "cadence": st.sampled_from(Cadence),
        "times_a_week": st.none() | st.integers(1, 7),
        "unit": st.none() | st.sampled_from(Unit),
        "target": st.none() | st.integers(1, 100),
    },
)


@given(KIND_CHANGES)
def test_kinds_cadences_and_measures_go_together(changes: dict[str, Any]) -> None:
    """A strategy is built exactly when its kind, cadence and measure fit, else refused."""
    problem = kind_problem(changes)
    if problem is None:
        built = strategy(**changes)
        assert changes == {name: getattr(built, name) for name in changes}
    else:
        check_rejected(lambda: strategy(**changes), *problem)


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        pytest.param(
            {"cadence": Cadence.WEEKLY, "times_a_week": 2},
            "times_a_week",
            "only a times-a-week cadence has times_a_week; leave it None",
            id="times-a-week-weekly",
        ),
        pytest.param(
            {"kind": StrategyKind.APPOINTMENT},
            "cadence",
            "an appointment is weekly, fortnightly or monthly; pick one of those cadences",
            id="appointment-times-a-week",
        ),
        pytest.param(
            {"kind": StrategyKind.COMMITMENT, "cadence": Cadence.WEEKLY},
            "cadence",
            "a commitment is kept daily; use Cadence.DAILY",
            id="commitment-weekly",
        ),
        pytest.param({"target": 20}, "unit", "give both or neither", id="target-without-unit"),
    ],
)
def test_a_kind_that_does_not_fit_says_how_to_fix_it(
    changes: dict[str, Any], field: str, expected: str
) -> None:
    """Each rule's error names the field and says what to give instead."""
    check_rejected(lambda: strategy(**changes), field, expected)


def test_enum_error_says_how_to_convert_text() -> None:
    """The error for text where an enum belongs shows the member and how to convert."""
    with pytest.raises(ValidationError) as caught:
        strategy(category="physical")
    expected = (
        "category: expected a Category such as Category.EMOTIONAL "
        "(convert text with Category.parse(text)), got a string of 8 characters"
    )
    assert expected == str(caught.value)


def test_number_error_shows_the_number() -> None:
    """A rejected number is shown, so the person can see what was wrong."""
    with pytest.raises(ValidationError) as caught:
        strategy(minutes=1441)
    assert "minutes: expected an integer from 1 to 1440, got 1441" == str(caught.value)


def test_a_huge_integer_is_a_validation_error() -> None:
    """An absurdly large integer is rejected with a ValidationError naming the field."""
    check_rejected(lambda: strategy(minutes=10**5000), "minutes", "from 1 to 1440")


def test_an_unhashable_item_is_a_validation_error() -> None:
    """A nested list where a tag belongs is rejected with a ValidationError."""
    check_rejected(lambda: strategy(tags=[["calm"]]), "tags", "expected a tag")


def test_strategies_compare_and_hash_by_value() -> None:
    """Equal strategies are equal and hash alike."""
    assert strategy(tags=["a", "b"]) == strategy(tags=("b", "a"))
    assert hash(strategy(tags=["a", "b"])) == hash(strategy(tags=("b", "a")))
    assert strategy() != strategy(minutes=11)


@pytest.mark.parametrize("field", [a.name for a in attrs.fields(Strategy)])
def test_strategies_are_immutable(field: str) -> None:
    """No field of a strategy can be reassigned."""
    walk = strategy()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(walk, field, getattr(walk, field))


def test_strategies_pickle() -> None:
    """A strategy survives a pickle round trip unchanged."""
    walk = strategy(
        effort=Effort.MEDIUM,
        benefits={Benefit.RESILIENCE, Benefit.PREVENTS_BURNOUT},
        tags={"nature"},
        description="Walk round the block.",
    )
    assert walk == pickle.loads(pickle.dumps(walk))


def test_description_is_left_out_of_repr() -> None:
    """A strategy's repr leaves out its description."""
    assert "round the block" not in repr(strategy(description="Walk round the block."))


# The collection fields: each is read as `checks.to_frozenset` then `checks.members` (or
# `checks.slugs`) read it; a strategy takes the common cases by a quicker path.

READING = {
    "roles": checks.members(Role, non_empty=True),
    "benefits": checks.members(Benefit),
    "times_of_day": checks.members(TimeOfDay),
    "tags": checks.slugs("a tag"),
}
ITEMS = st.one_of(
    st.sampled_from([*Role, *Benefit, *TimeOfDay]),
    st.sampled_from(["client", "nature", "Nature", "a" * 65, "", "calm-down", "x--y"]),
    st.text(max_size=3),
    st.none(),
    st.integers(-1, 1),
    st.lists(st.just("calm"), max_size=1),  # unhashable
)
VALUES = st.one_of(
    st.lists(ITEMS, max_size=4),
    st.lists(ITEMS, max_size=4).map(tuple),
    st.sets(st.sampled_from([*Role, *Benefit, "nature", "client", 1, None]), max_size=4),
    st.frozensets(st.sampled_from([*Role, *Benefit, *TimeOfDay, "nature", "Nature"]), max_size=4),
    st.sampled_from(["client", "nature", None, 5, Role.CLIENT, b"nature"]),
    st.dictionaries(st.sampled_from(["nature", "calm"]), st.none(), max_size=2),
).map(lambda value: lambda: value)
"""Values for a collection field, each as a function that gives it (or a fresh iterator)."""
GIVEN = VALUES | st.lists(ITEMS, max_size=4).map(lambda items: lambda: iter(items))


def plain_reading(field: str, value: object) -> tuple[str, object]:
    """What the shared converter and validator make of ``value``: stored, or the error."""
    converted = checks.to_frozenset(value)  # type: ignore[arg-type]
    try:
        READING[field](None, getattr(attrs.fields(Strategy), field), converted)
    except ValidationError as error:
        return "rejected", error.problems
    return "stored", converted


@given(st.sampled_from(sorted(READING)), GIVEN)
def test_collection_fields_read_as_the_shared_checks_do(
    field: str, value: Callable[[], object]
) -> None:
    """Roles, benefits, times of day and tags store what the shared checks store, and are
    rejected with the same error where the shared checks reject them."""
    expected = plain_reading(field, value())
    try:
        actual: tuple[str, object] = ("stored", getattr(strategy(**{field: value()}), field))
    except ValidationError as error:
        actual = ("rejected", error.problems)
    assert expected == actual
    if expected[0] == "stored":
        assert frozenset is type(actual[1])


@pytest.mark.parametrize(
    "roles",
    [
        pytest.param({"client"}, id="set-of-text"),
        pytest.param(frozenset({"client"}), id="frozenset-of-text"),
        pytest.param(frozenset({Role.CLIENT, "therapist"}), id="frozenset-with-text"),
        pytest.param((Role.CLIENT, ["client"]), id="unhashable"),
    ],
)
def test_roles_are_members_not_equal_text(roles: object) -> None:
    """A role's text equals the role (it is a StrEnum) but is not one: it is rejected."""
    check_rejected(lambda: strategy(roles=roles), "roles", "expected a Role")


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        pytest.param({"nature", "Nature"}, "expected a tag", id="set-with-uppercase"),
        pytest.param(frozenset({"calm", 5}), "expected a tag", id="frozenset-with-int"),
        pytest.param(["calm"] * 100_001, "expected a collection", id="over-the-limit"),
    ],
)
def test_tags_errors_are_unchanged(tags: object, expected: str) -> None:
    """Every tag is checked however the tags are given, and the limit still holds."""
    check_rejected(lambda: strategy(tags=tags), "tags", expected)


def test_a_str_subclass_tag_is_still_a_tag() -> None:
    """A tag given as a subclass of str is read as the shared check reads it: accepted."""

    class Text(str):
        pass

    assert frozenset({"calm"}) == strategy(tags=[Text("calm")]).tags


def test_a_strategy_evolves_and_converts() -> None:
    """``attrs.evolve`` builds through the same checks."""
    walk = strategy()
    assert frozenset({"nature"}) == attrs.evolve(walk, tags=["nature"]).tags
    check_rejected(lambda: attrs.evolve(walk, id="Short walk"), "id", "expected an id")
