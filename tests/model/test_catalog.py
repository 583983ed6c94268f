"""Specification of the catalog and its prompts."""

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
    Anchor,
    Catalog,
    Category,
    Prompt,
    Recurrence,
    Ritual,
    RitualStep,
    Role,
    Strategy,
    UnknownIdError,
    ValidationError,
    default_catalog,
)
from tests.rejection import check_rejected

BOTH = {Role.CLIENT, Role.THERAPIST}


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to see it rejected."""
    return value


def strategy(strategy_id: str, **changes: Any) -> Strategy:
    """A valid strategy with the given id and some fields changed."""
    fields: dict[str, Any] = {
        "id": strategy_id,
        "name": strategy_id.replace("-", " ").capitalize(),
        "category": Category.PHYSICAL,
        "roles": BOTH,
        "minutes": 10,
    }
    return Strategy(**{**fields, **changes})


WALK = strategy("short-walk", tags={"outdoors", "movement"})
BREATHING = strategy("mindful-breathing", category=Category.EMOTIONAL, minutes=3, tags={"calm"})
SUPERVISION = strategy(
    "peer-supervision", category=Category.PROFESSIONAL, roles={Role.THERAPIST}, minutes=60
)
JOURNALING = strategy(
    "journaling", category=Category.MENTAL, roles={Role.CLIENT}, minutes=15, tags={"writing"}
)
TRANSITION = Ritual(
    id="between-sessions",
    name="Transition between sessions",
    steps=[RitualStep("short-walk", 5), RitualStep("mindful-breathing", 3)],
    anchor=Anchor.after_each_session(),
    recurrence=Recurrence.daily(),
    roles={Role.THERAPIST},
)
EVENING = Ritual(
    id="evening-reflection",
    name="Evening reflection",
    steps=[RitualStep("journaling", 10)],
    anchor=Anchor.workday_end(),
    recurrence=Recurrence.daily(),
    roles=BOTH,
)
INSIGHT = Prompt("one-insight", "What is one thing you learned about yourself today?", BOTH)
BODY = Prompt("body-check", "How did your body feel today?", {Role.CLIENT}, Category.PHYSICAL)


def small_catalog() -> Catalog:
    """A small catalog of four strategies, two rituals and two prompts."""
    return Catalog(
        strategies=[WALK, BREATHING, SUPERVISION, JOURNALING],
        rituals=[TRANSITION, EVENING],
        prompts=[INSIGHT, BODY],
    )


# Look-ups


def test_default_catalog_is_a_catalog() -> None:
    """default_catalog() returns a Catalog, the same one each time."""
    assert isinstance(default_catalog(), Catalog)
    assert default_catalog() is default_catalog()


def test_an_empty_catalog() -> None:
    """A catalog may be empty."""
    empty = Catalog()
    assert () == empty.strategies
    assert "short-walk" not in empty
    assert () == empty.find()


def test_look_up_by_id() -> None:
    """strategy, ritual and prompt return the entry with that id."""
    catalog = small_catalog()
    assert WALK is catalog.strategy("short-walk")
    assert EVENING is catalog.ritual("evening-reflection")
    assert BODY is catalog.prompt("body-check")


@pytest.mark.parametrize(
    ("look_up", "kind", "wanted", "suggestions"),
    [
        pytest.param("strategy", "strategy", "short-wlak", ("short-walk",), id="strategy-typo"),
        pytest.param("ritual", "ritual", "between-session", ("between-sessions",), id="ritual"),
        pytest.param("prompt", "prompt", "one-insigth", ("one-insight",), id="prompt-typo"),
        pytest.param("strategy", "strategy", "zzzzzz", (), id="nothing-close"),
    ],
)
def test_unknown_ids_raise_with_suggestions(
    look_up: str, kind: str, wanted: str, suggestions: tuple[str, ...]
) -> None:
    """An unknown id raises UnknownIdError naming the kind and suggesting close ids."""
    with pytest.raises(UnknownIdError) as caught:
        getattr(small_catalog(), look_up)(wanted)
    assert kind == caught.value.kind
    assert wanted == caught.value.id
    assert suggestions == caught.value.suggestions
    assert isinstance(caught.value, LookupError)


def test_unknown_id_message_says_did_you_mean() -> None:
    """The message of an unknown id offers the closest ids."""
    with pytest.raises(UnknownIdError) as caught:
        small_catalog().strategy("short-wlak")
    assert "did you mean 'short-walk'?" in str(caught.value)


def test_look_up_with_a_non_string_id_is_a_validation_error() -> None:
    """Looking up something that is not even text is a ValidationError naming ``id``."""
    with pytest.raises(ValidationError) as caught:
        small_catalog().strategy(["short-walk"])  # type: ignore[arg-type]
    assert "id" == caught.value.problems[0][0]
    assert not isinstance(caught.value, UnknownIdError)


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        ("short-walk", True),
        ("between-sessions", True),
        ("one-insight", True),
        ("yoga", False),
        ("", False),
        (None, False),
        (5, False),
    ],
)
def test_contains_looks_in_every_kind(wanted: object, expected: bool) -> None:
    """`in` finds ids of strategies, rituals and prompts."""
    assert expected == (wanted in small_catalog())


@pytest.mark.parametrize(
    ("filters", "found"),
    [
        pytest.param({}, [WALK, BREATHING, SUPERVISION, JOURNALING], id="no-filter"),
        pytest.param({"role": Role.CLIENT}, [WALK, BREATHING, JOURNALING], id="client"),
        pytest.param({"role": Role.THERAPIST}, [WALK, BREATHING, SUPERVISION], id="therapist"),
        pytest.param({"category": Category.PROFESSIONAL}, [SUPERVISION], id="category"),
        pytest.param({"category": Category.SPIRITUAL}, [], id="category-none"),
        pytest.param({"tag": "calm"}, [BREATHING], id="tag"),
        pytest.param({"tag": "nope"}, [], id="tag-none"),
        pytest.param({"max_minutes": 10}, [WALK, BREATHING], id="max-minutes"),
        pytest.param({"max_minutes": 3}, [BREATHING], id="max-minutes-edge"),
        pytest.param({"max_minutes": 2}, [], id="max-minutes-none"),
        pytest.param(
            {"role": Role.CLIENT, "category": Category.PHYSICAL, "max_minutes": 10},
            [WALK],
            id="combined",
        ),
    ],
)
def test_find(filters: dict[str, Any], found: list[Strategy]) -> None:
    """find returns the strategies matching every filter, in catalog order."""
    assert tuple(found) == small_catalog().find(**filters)


@pytest.mark.parametrize(
    "filters",
    [
        pytest.param({"category": "physical"}, id="category-text"),
        pytest.param({"max_minutes": "10"}, id="max-minutes-text"),
    ],
)
def test_find_rejects_filters_of_the_wrong_type(filters: dict[str, Any]) -> None:
    """A filter of the wrong type is a ValidationError, not an empty answer or a TypeError."""
    with pytest.raises(ValidationError):
        small_catalog().find(**filters)


def test_rituals_and_prompts_for_a_role() -> None:
    """rituals_for and prompts_for keep those meant for the role, in order."""
    catalog = small_catalog()
    assert (TRANSITION, EVENING) == catalog.rituals_for(Role.THERAPIST)
    assert (EVENING,) == catalog.rituals_for(Role.CLIENT)
    assert (INSIGHT, BODY) == catalog.prompts_for(Role.CLIENT)
    assert (INSIGHT,) == catalog.prompts_for(Role.THERAPIST)


# Extending and trimming


def test_with_entries_adds_new_entries_at_the_end() -> None:
    """with_entries appends new ids and leaves the original catalog unchanged."""
    garden = strategy("garden", minutes=30, tags={"nature"})
    prompt = Prompt("one-gratitude", "What is one thing you are grateful for?", BOTH)
    catalog = small_catalog()
    bigger = catalog.with_entries(strategies=[garden], prompts=[prompt])
    assert (WALK, BREATHING, SUPERVISION, JOURNALING, garden) == bigger.strategies
    assert (INSIGHT, BODY, prompt) == bigger.prompts
    assert "garden" in bigger
    assert "garden" not in catalog


def test_with_entries_replaces_an_entry_with_the_same_id_in_place() -> None:
    """An entry whose id exists replaces the old one at the same position."""
    longer_walk = strategy("short-walk", minutes=20)
    replaced = small_catalog().with_entries(strategies=[longer_walk])
    assert (longer_walk, BREATHING, SUPERVISION, JOURNALING) == replaced.strategies
    assert 20 == replaced.strategy("short-walk").minutes


def test_with_entries_replaces_a_ritual() -> None:
    """A ritual with an existing id replaces the old ritual."""
    shorter = attrs.evolve(TRANSITION, steps=[RitualStep("mindful-breathing", 2)])
    assert shorter == small_catalog().with_entries(rituals=[shorter]).ritual("between-sessions")


def test_with_entries_checks_referential_integrity() -> None:
    """A new ritual must use strategies the catalog holds."""
    yoga_ritual = attrs.evolve(EVENING, id="morning-yoga", steps=[RitualStep("yoga", 10)])
    check_rejected(
        lambda: small_catalog().with_entries(rituals=[yoga_ritual]),
        "rituals",
        "ritual 'morning-yoga' has a step naming 'yoga', which is not a strategy in this catalog",
    )


def test_without_removes_entries_of_every_kind() -> None:
    """without drops the entries with the given ids."""
    smaller = small_catalog().without("evening-reflection", "journaling", "body-check")
    assert (WALK, BREATHING, SUPERVISION) == smaller.strategies
    assert (TRANSITION,) == smaller.rituals
    assert (INSIGHT,) == smaller.prompts


def test_without_an_unknown_id_raises() -> None:
    """Removing an id the catalog does not hold raises UnknownIdError with suggestions."""
    with pytest.raises(UnknownIdError) as caught:
        small_catalog().without("short-walk", "journalling")
    assert "entry" == caught.value.kind
    assert "journalling" == caught.value.id
    assert ("journaling",) == caught.value.suggestions


def test_without_a_strategy_a_ritual_uses_is_invalid() -> None:
    """Removing a strategy that a remaining ritual uses is a ValidationError on rituals."""
    check_rejected(
        lambda: small_catalog().without("short-walk"),
        "rituals",
        "ritual 'between-sessions' has a step naming 'short-walk'",
    )


@pytest.mark.parametrize(
    "given", [pytest.param(strategy("garden"), id="lone-strategy"), pytest.param("abc", id="text")]
)
def test_with_entries_rejects_a_lone_value(given: Any) -> None:
    """with_entries wants collections of entries and says so with a ValidationError."""
    check_rejected(
        lambda: small_catalog().with_entries(strategies=given), "strategies", "expected a"
    )


def test_without_a_list_instead_of_ids_is_a_clear_error() -> None:
    """Passing a list to without is a SelfCareError (ValidationError or UnknownIdError)."""
    with pytest.raises((ValidationError, UnknownIdError)):
        small_catalog().without(["short-walk"])  # type: ignore[arg-type]


# Validation


CATALOG_REJECTED = [
    pytest.param(
        lambda: Catalog(strategies=wrong(WALK)),
        "strategies",
        "expected a sequence of Strategy",
        id="lone",
    ),
    pytest.param(
        lambda: Catalog(strategies="short-walk"),
        "strategies",
        "expected a sequence of Strategy",
        id="text",
    ),
    pytest.param(
        lambda: Catalog(strategies=[WALK, TRANSITION]),
        "strategies",
        "expected a sequence of Strategy",
        id="ritual-among-strategies",
    ),
    pytest.param(
        lambda: Catalog(strategies=wrong(None)), "strategies", "expected a sequence", id="none"
    ),
    pytest.param(
        lambda: Catalog(strategies=[WALK, strategy("short-walk", minutes=20)]),
        "strategies",
        "expected unique ids, but 'short-walk' appears twice",
        id="duplicate-strategy",
    ),
    pytest.param(
        lambda: Catalog(strategies=[WALK, BREATHING], rituals=wrong(TRANSITION)),
        "rituals",
        "expected a sequence of Ritual",
        id="lone-ritual",
    ),
    pytest.param(
        lambda: Catalog(strategies=[WALK, BREATHING], rituals=[TRANSITION, TRANSITION]),
        "rituals",
        "expected unique ids, but 'between-sessions' appears twice",
        id="duplicate-ritual",
    ),
    pytest.param(
        lambda: Catalog(prompts=[INSIGHT, INSIGHT]),
        "prompts",
        "expected unique ids, but 'one-insight' appears twice",
        id="duplicate-prompt",
    ),
    pytest.param(
        lambda: Catalog(prompts=["What went well?"]),
        "prompts",
        "expected a sequence of Prompt",
        id="text-prompt",
    ),
    pytest.param(
        lambda: Catalog(strategies=[WALK], rituals=[TRANSITION]),
        "rituals",
        "has a step naming 'mindful-breathing', which is not a strategy in this catalog",
        id="unknown-step",
    ),
    pytest.param(
        lambda: Catalog(strategies=[WALK, strategy("mindful-breathin")], rituals=[TRANSITION]),
        "rituals",
        "(did you mean 'mindful-breathin'?)",
        id="unknown-step-suggests",
    ),
]


@pytest.mark.parametrize(("build", "field", "expected"), CATALOG_REJECTED)
def test_catalog_rejects(build: Callable[[], object], field: str, expected: str) -> None:
    """Invalid catalogs are rejected naming the field and what was expected."""
    check_rejected(build, field, expected)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param(
            [WALK] * 100_001, "expected at most 100000 entries, got 100001", id="over-the-limit"
        ),
        pytest.param(
            [*[WALK] * 100_001, None], "expected at most 100000 entries", id="cut-at-the-limit"
        ),
        pytest.param(
            [WALK, WALK, "short-walk"], "expected a sequence of Strategy", id="type-before-twice"
        ),
        pytest.param(
            [WALK, BREATHING, WALK, BREATHING],
            "expected unique ids, but 'short-walk' appears twice",
            id="first-repeated-id",
        ),
    ],
)
def test_catalog_checks_in_order(given: list[object], expected: str) -> None:
    """The type of every entry is checked first, then the limit, then that ids are unique."""
    check_rejected(lambda: Catalog(strategies=wrong(given)), "strategies", expected)


def test_a_catalog_holds_at_most_100000_strategies() -> None:
    """100,001 strategies, each with its own id, are too many."""
    made = [Strategy(f"s-{n}", "S", Category.PHYSICAL, BOTH, 5) for n in range(100_001)]
    check_rejected(
        lambda: Catalog(strategies=made), "strategies", "expected at most 100000 entries"
    )
    assert 100_000 == len(Catalog(strategies=made[1:]).strategies)


class MyStrategy(Strategy):
    """A subclass of Strategy: still a strategy, so a catalog takes it."""


def test_a_subclass_of_strategy_is_a_strategy() -> None:
    """An instance of a subclass of Strategy is accepted and found by its id."""
    mine = MyStrategy(id="mine", name="Mine", category=Category.PHYSICAL, roles=BOTH, minutes=5)
    assert mine is Catalog(strategies=[WALK, mine]).strategy("mine")


IDS = st.sampled_from(["a", "b", "c", "short-walk", "journaling", "x-1", "x-2", "x-3"])


def rejection(entries: list[object]) -> str | None:
    """What a catalog of these strategies must be rejected for, written out plainly."""
    if not all(isinstance(entry, Strategy) for entry in entries):
        return "expected a sequence of Strategy values"
    seen: set[str] = set()
    for entry in entries:
        assert isinstance(entry, Strategy)
        if entry.id in seen:
            return f"expected unique ids, but {entry.id!r} appears twice"
        seen.add(entry.id)
    return None


@given(st.lists(IDS.map(strategy), max_size=12), st.lists(st.just(0) | st.just(1), max_size=3))
def test_catalog_checks_strategies_as_a_plain_reading_would(
    made: list[Strategy], others: list[int]
) -> None:
    """A catalog takes a list of strategies with unique ids, and rejects any other list.

    It finds each strategy it takes by id, and its error names the first problem: an entry
    that is not a strategy, else the first id that appears twice.
    """
    entries: list[object] = [*made]
    for n, at in enumerate(others):  # a ritual or a string somewhere among the strategies
        entries.insert(at * len(entries) // 2, TRANSITION if n % 2 else "short-walk")
    expected = rejection(entries)
    if expected is None:
        catalog = Catalog(strategies=wrong(entries))
        assert tuple(entries) == catalog.strategies
        assert made == [catalog.strategy(entry.id) for entry in made]
    else:
        with pytest.raises(ValidationError) as caught:
            Catalog(strategies=wrong(entries))
        assert [("strategies", expected)] == list(caught.value.problems)


def test_ids_may_repeat_across_kinds() -> None:
    """Ids are unique within each kind; a prompt may share a strategy's id."""
    same = Prompt("short-walk", "Did you walk today?", BOTH)
    assert same is Catalog(strategies=[WALK], prompts=[same]).prompt("short-walk")


# Prompt


def test_prompt_defaults() -> None:
    """A prompt has no category unless given, and roles become a frozenset."""
    assert INSIGHT.category is None
    assert frozenset(BOTH) == INSIGHT.roles
    assert Category.PHYSICAL is BODY.category


PROMPT_REJECTED = [
    pytest.param({"id": "One Insight"}, "id", "expected an id", id="id"),
    pytest.param({"text": ""}, "text", "expected some text", id="text-empty"),
    pytest.param({"text": "  "}, "text", "expected some text", id="text-blank"),
    pytest.param({"text": "?" * 201}, "text", "at most 200 characters", id="text-201"),
    pytest.param({"text": None}, "text", "expected a string", id="text-none"),
    pytest.param({"roles": "client"}, "roles", "expected a collection", id="roles-lone"),
    pytest.param({"roles": []}, "roles", "at least one Role", id="roles-empty"),
    pytest.param({"roles": ["client"]}, "roles", "expected a Role", id="roles-text"),
    pytest.param({"category": "emotional"}, "category", "expected a Category", id="category"),
    pytest.param({"category": 1}, "category", "expected a Category", id="category-int"),
]


@pytest.mark.parametrize(("changes", "field", "expected"), PROMPT_REJECTED)
def test_prompt_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """Invalid prompts are rejected naming the field and what was expected."""
    fields: dict[str, Any] = {"id": "one-insight", "text": "What did you learn?", "roles": BOTH}
    check_rejected(lambda: Prompt(**{**fields, **changes}), field, expected)


def test_prompt_text_may_be_two_hundred_characters() -> None:
    """A prompt's text may be 200 characters long."""
    assert 200 == len(Prompt("long", "?" * 200, BOTH).text)


# Values


def test_catalogs_compare_and_hash_by_entries() -> None:
    """Catalogs with the same entries are equal and hash alike."""
    assert small_catalog() == small_catalog()
    assert hash(small_catalog()) == hash(small_catalog())
    assert small_catalog() != small_catalog().without("body-check")


def test_catalog_pickles_and_keeps_working() -> None:
    """A catalog survives a pickle round trip and its look-ups still work."""
    restored = pickle.loads(pickle.dumps(small_catalog()))
    assert small_catalog() == restored
    assert WALK == restored.strategy("short-walk")
    assert "one-insight" in restored
    assert (BREATHING,) == restored.find(tag="calm")


def test_prompt_pickles() -> None:
    """A prompt survives a pickle round trip unchanged."""
    assert BODY == pickle.loads(pickle.dumps(BODY))


@pytest.mark.parametrize(
    ("value", "field"),
    [
        *[(small_catalog(), a.name) for a in attrs.fields(Catalog)],
        *[(BODY, a.name) for a in attrs.fields(Prompt)],
    ],
    ids=lambda v: v if isinstance(v, str) else type(v).__name__,
)
def test_catalog_values_are_immutable(value: object, field: str) -> None:
    """No field of a catalog or a prompt can be reassigned."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, field, getattr(value, field))
