"""The shared collection checks take their common case quickly and read all else as before.

Each quick path is compared with the plain implementation it replaced, kept here as the
reference: what is stored (its type, its items and the order it iterates in, which decides
which bad item an error names) and every error are the same.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import Benefit, Category, Profile, Role, Strategy, TimeOfDay, ValidationError
from selfcare._core import checks

# The reference: the shared converters and validators as they were before their quick paths.


def reference_to_frozenset(value: Iterable[Any]) -> frozenset[Any]:
    raw: Any = value
    if type(raw) is frozenset:
        return raw
    if isinstance(raw, str | bytes | frozenset) or not isinstance(raw, Iterable):
        return raw  # type: ignore[return-value]
    items = tuple(itertools.islice(raw, checks.MAX_COLLECTION + 1))
    try:
        return frozenset(items) if len(items) <= checks.MAX_COLLECTION else items  # type: ignore[return-value]
    except TypeError:
        return items  # type: ignore[return-value]


def reference_to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    raw: Any = value
    if type(raw) is tuple:
        return raw
    if isinstance(raw, str | bytes | tuple) or not isinstance(raw, Iterable):
        return raw  # type: ignore[return-value]
    return tuple(itertools.islice(raw, checks.MAX_COLLECTION + 1))


def reference_members(kind: type[enum.Enum], *, non_empty: bool = False) -> checks.Validator:
    def validate(_inst: object, attribute: Any, value: Any) -> None:
        for item in value if isinstance(value, tuple) else ():
            if not isinstance(item, kind):
                raise checks.fail(attribute.name, checks.expected_member(kind, item))
        checks.check_collection(attribute.name, value)
        for item in value:
            if not isinstance(item, kind):
                raise checks.fail(attribute.name, checks.expected_member(kind, item))
        if non_empty and not value:
            raise checks.fail(attribute.name, f"expected at least one {kind.__name__}, got none")

    return validate


def reference_slugs(what: str) -> checks.Validator:
    def validate(_inst: object, attribute: Any, value: Any) -> None:
        for item in value if isinstance(value, tuple) else ():
            checks.check_slug(attribute.name, item, what)
        checks.check_collection(attribute.name, value)
        for item in value:
            checks.check_slug(attribute.name, item, what)

    return validate


class Field:
    """What attrs passes a validator: only the name is read."""

    name = "items"


class Text(str):
    """A subclass of ``str``: accepted as text, never looked up among slugs already seen."""


ITEMS = st.one_of(
    st.sampled_from([*Role, *Benefit, *TimeOfDay]),
    st.sampled_from(["client", "nature", "Nature", "a" * 65, "", "calm-down", "x--y", "-x"]),
    st.sampled_from(["calm", "client"]).map(Text),
    st.text(alphabet="ab-Z9 ", max_size=4),
    st.none(),
    st.integers(-1, 1),
    st.booleans(),
    st.lists(st.just("calm"), max_size=1),  # unhashable
)
VALUES: st.SearchStrategy[Callable[[], object]] = st.one_of(
    st.lists(ITEMS, max_size=5),
    st.lists(ITEMS, max_size=5).map(tuple),
    st.sets(
        st.sampled_from([*Role, *Benefit, *TimeOfDay, "nature", "client", 1, None]), max_size=5
    ),
    st.frozensets(st.sampled_from([*Role, *Benefit, *TimeOfDay, "nature", "Nature"]), max_size=5),
    st.sampled_from(["client", "nature", b"nature", None, 5, Role.CLIENT, range(3)]),
    st.dictionaries(st.sampled_from(["nature", "calm"]), st.none(), max_size=2),
).map(lambda value: lambda: value)
"""Values for a collection, each as a function that gives it (or a fresh iterator)."""
GIVEN = VALUES | st.lists(ITEMS, max_size=5).map(lambda items: lambda: iter(items))


def stored(value: object) -> tuple[type, object]:
    """A converted value with what tells it apart: its type and its items in order."""
    return type(value), list(value) if isinstance(value, frozenset | tuple) else value


@given(GIVEN)
def test_to_frozenset_stores_what_the_reference_stores(value: Callable[[], object]) -> None:
    """The same type, the same items and the same order (so errors name the same item)."""
    expected = reference_to_frozenset(value())  # type: ignore[arg-type]
    actual = checks.to_frozenset(value())  # type: ignore[arg-type]
    assert stored(expected) == stored(actual)


@given(GIVEN)
def test_to_tuple_stores_what_the_reference_stores(value: Callable[[], object]) -> None:
    """Lists, tuples and everything else become what they became before."""
    expected = reference_to_tuple(value())  # type: ignore[arg-type]
    actual = checks.to_tuple(value())  # type: ignore[arg-type]
    assert stored(expected) == stored(actual)


def outcome(validate: checks.Validator, value: object) -> object:
    """``"accepted"``, or the problems of the error a validator raised."""
    try:
        validate(None, Field, value)
    except ValidationError as error:
        return error.problems
    return "accepted"


KINDS = st.sampled_from([Role, Benefit, TimeOfDay])


@given(KINDS, st.booleans(), GIVEN)
def test_members_accepts_and_rejects_what_the_reference_does(
    kind: type[enum.Enum], non_empty: bool, value: Callable[[], object]
) -> None:
    """Members of the enum, and only they, with the same error for the same item."""
    expected = outcome(reference_members(kind, non_empty=non_empty), checks.to_frozenset(value()))  # type: ignore[arg-type]
    actual = outcome(checks.members(kind, non_empty=non_empty), checks.to_frozenset(value()))  # type: ignore[arg-type]
    assert expected == actual


@given(GIVEN, st.booleans())
def test_slugs_accepts_and_rejects_what_the_reference_does(
    value: Callable[[], object], remember: bool
) -> None:
    """Slugs, and only they, with the same error for the same item, with or without the memo.

    Each value is checked twice on a memo of its own: the second check takes the memo's
    quick path wherever the first put the slugs in it.
    """
    expected = outcome(reference_slugs("a tag"), checks.to_frozenset(value()))  # type: ignore[arg-type]
    validate = checks.slugs("a tag", remember=remember)
    saved, checks._seen_slugs = checks._seen_slugs, set()
    try:
        first = outcome(validate, checks.to_frozenset(value()))  # type: ignore[arg-type]
        again = outcome(validate, checks.to_frozenset(value()))  # type: ignore[arg-type]
    finally:
        checks._seen_slugs = saved
    assert expected == first == again


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(["a"] * (checks.MAX_COLLECTION + 1), tuple, id="list-over-the-cap"),
        pytest.param([["a"]], tuple, id="unhashable-in-a-list"),
        pytest.param({"a", "b"}, frozenset, id="set"),
    ],
)
def test_to_frozenset_edges(value: object, expected: type) -> None:
    """Over the cap or unhashable: left as a tuple for the validator to reject."""
    assert expected is type(checks.to_frozenset(value))  # type: ignore[arg-type]


def test_to_tuple_reads_an_endless_iterable_one_past_the_cap() -> None:
    """An endless iterable is read only one past the cap, as before."""
    endless: Iterator[int] = itertools.count()
    assert checks.MAX_COLLECTION + 1 == len(checks.to_tuple(endless))


def test_to_tuple_of_a_long_list_is_cut_as_before() -> None:
    """A list over the cap is cut one past it, as the reference does."""
    long = list(range(checks.MAX_COLLECTION + 5))
    assert reference_to_tuple(long) == checks.to_tuple(long)


class LooksLikeCalm:
    """Not a string, yet equal to ``"calm"`` and hashed as it is."""

    def __eq__(self, other: object) -> bool:
        return other == "calm"

    def __hash__(self) -> int:
        return hash("calm")


class ComparesBadly:
    """Hashed as ``"calm"`` is, but comparing it raises."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("compared")

    def __hash__(self) -> int:
        return hash("calm")


@pytest.fixture
def memo(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """An empty memo of slugs for one test, where ``calm`` has been accepted."""
    monkeypatch.setattr(checks, "_seen_slugs", set())
    checks.slugs("a tag", remember=True)(None, Field, frozenset({"calm"}))
    assert {"calm"} == checks._seen_slugs
    return checks._seen_slugs


@pytest.mark.parametrize(
    "item",
    [
        pytest.param(LooksLikeCalm(), id="equal-look-alike"),
        pytest.param(ComparesBadly(), id="raises-when-compared"),
        pytest.param(b"calm", id="bytes"),  # hashed as "calm" is
        pytest.param(Text("calm"), id="str-subclass"),
    ],
)
def test_only_plain_strings_are_taken_from_the_memo(memo: set[str], item: object) -> None:
    """Once ``calm`` is accepted, anything else that hashes like it gets the reference's outcome.

    The memo's subset test never compares an item that is not a plain ``str``: a look-alike
    or bytes are refused, an item whose comparison raises is refused with the library's own
    error, and a ``str`` subclass is accepted, as before.
    """
    value = frozenset({item})
    validate = checks.slugs("a tag", remember=True)
    assert outcome(reference_slugs("a tag"), value) == outcome(validate, value)
    assert {"calm"} == memo


def test_without_remember_the_memo_is_neither_read_nor_filled(memo: set[str]) -> None:
    """A person's values and excluded tags (``remember=False``) never go in the memo."""
    checks.slugs("a value")(None, Field, frozenset({"family", "calm"}))
    assert {"calm"} == memo


def test_the_memo_of_slugs_is_bounded_and_changes_no_result(memo: set[str]) -> None:
    """Past its size, new slugs are still checked (and accepted or refused) one by one."""
    validate = checks.slugs("a tag", remember=True)
    for n in range(0, checks._MAX_SEEN + 10, 3):
        validate(None, Field, frozenset({f"memo-{n}", f"memo-{n + 1}", f"memo-{n + 2}"}))
    assert checks._MAX_SEEN - 3 < len(checks._seen_slugs) <= checks._MAX_SEEN
    assert "accepted" == outcome(validate, frozenset({"never-seen-before"}))
    assert "accepted" != outcome(validate, frozenset({"Never-Seen"}))


def test_strategies_remember_their_tags_and_profiles_do_not(memo: set[str]) -> None:
    """The memo holds a catalog's tags, never a person's values or the tags they exclude."""
    Strategy("walk", "Walk", Category.PHYSICAL, {Role.CLIENT}, 10, tags=["nature"])
    Profile(
        role=Role.CLIENT,
        timezone="UTC",
        daily_minutes=30,
        values=["family"],
        excluded_tags=["running"],
    )
    assert {"calm", "nature"} == memo
