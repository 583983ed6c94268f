"""The catalog: the strategies, rituals and reflection prompts an app works with."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from selfcare._core import checks as check
from selfcare._core.errors import MAX_LISTED, UnknownId, UnknownIdError
from selfcare._model.categories import Benefit, Category, Role
from selfcare._model.rituals import Ritual
from selfcare._model.strategies import Strategy

__all__ = ["Catalog", "Prompt"]

MAX_ENTRIES = 100_000
T = TypeVar("T", Strategy, Ritual, "Prompt")
D = TypeVar("D")


def suggest(wanted: object, ids: Iterable[str]) -> list[str]:
    """The ids closest to ``wanted``, best first."""
    if not isinstance(wanted, str):
        return []
    import difflib  # only on the way to an error (as in ``selfcare._time.zoned``)

    return difflib.get_close_matches(wanted, list(ids), n=3, cutoff=0.5)


def _look_up(index: Mapping[str, T], kind: str, id: object) -> T:
    """The entry with this id, or the error naming the closest ids (and no caller text)."""
    if type(id) is str:
        found = index.get(id)
        if found is not None:
            return found
    if not isinstance(id, str):
        check.check_slug("id", id, f"a {kind} id")  # not even text: a plain error
    # Raised outside any except block, so it carries no exception that holds the input.
    raise UnknownIdError(kind, str(id), suggest(id, index))


def _numbered(field: str, ids: object) -> list[tuple[str, object]]:
    """Ids given as a collection, each with its place in it (``strategies[1]``)."""
    found = check.check_list(field, ids, "ids", "['short-walk']")
    return [(f"{field}[{n}]", id) for n, id in enumerate(found)]


Given = Iterable[tuple[str, object]]
"""Ids as given: ``(path, id)`` pairs, e.g. ``("items[2].strategy_id", "short-walk")``."""


def unknown_ids(index: Mapping[str, object], kind: str, given: Given) -> list[UnknownId]:
    """The ids given that ``index`` does not hold, with the closest ids to the first few."""
    found: list[UnknownId] = []
    for path, wanted in given:
        if type(wanted) is str and wanted in index:
            continue
        if not isinstance(wanted, str):
            check.check_slug(path, wanted, f"a {kind} id")  # not even text: a plain error
        else:
            hints = suggest(wanted, index) if len(found) < MAX_LISTED else ()
            found.append(UnknownId(path, kind, wanted, tuple(hints)))
    return found


@attrs.frozen
class Prompt:
    """A question that invites a reflection.

    Example:
        >>> Prompt("one-insight", "What is one thing you learned about yourself today?",
        ...        roles={Role.CLIENT, Role.THERAPIST}).category is None
        True
    """

    id: str = attrs.field(validator=check.slug)
    text: str = attrs.field(validator=check.name)
    roles: frozenset[Role] = attrs.field(
        converter=check.to_frozenset, validator=check.members(Role, non_empty=True)
    )
    category: Category | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if self.category is not None:
            check.member(Category)(self, attrs.fields(Prompt).category, self.category)


def _index(field: str, entries: Any, kind: type[T]) -> dict[str, T]:
    """The entries by id, or the error for the first thing wrong with them.

    The common case (a tuple of exactly ``kind`` within the limit, ids unique) takes one
    pass in C over the types and one building the index, whose size tells whether an id
    repeats; anything else goes through the checks one by one, so every error is the one
    they raise. An entry is not checked further: a ``Strategy``, ``Ritual`` or ``Prompt`` is
    immutable and was validated when it was built.
    """
    if type(entries) is tuple and len(entries) <= MAX_ENTRIES and set(map(type, entries)) <= {kind}:
        index = {entry.id: entry for entry in entries}
        if len(index) == len(entries):
            return index
    return _index_checked(field, entries, kind)


def _index_checked(field: str, entries: Any, kind: type[T]) -> dict[str, T]:
    if not isinstance(entries, tuple) or not all(isinstance(e, kind) for e in entries):
        raise check.fail(field, f"expected a sequence of {kind.__name__} values")
    if len(entries) > MAX_ENTRIES:
        raise check.fail(field, f"expected at most {MAX_ENTRIES} entries, got {len(entries)}")
    index: dict[str, T] = {}
    for entry in entries:
        if entry.id in index:
            raise check.fail(field, f"expected unique ids, but {entry.id!r} appears twice")
        index[entry.id] = entry
    return index


@attrs.frozen
class Catalog:
    """The strategies, rituals and reflection prompts an app works with.

    Ids are unique within each kind, and every ritual step names a strategy the catalog
    holds. :func:`~selfcare.default_catalog` is the built-in one; build your own, or
    extend it with :meth:`with_entries` and :meth:`without`.

    Example:
        >>> catalog = default_catalog()
        >>> catalog.strategy("short-walk").category
        <Category.PHYSICAL: 'physical'>
        >>> all(s.is_for(Role.CLIENT) for s in catalog.find(role=Role.CLIENT))
        True
    """

    strategies: tuple[Strategy, ...] = attrs.field(default=(), converter=check.to_tuple)
    rituals: tuple[Ritual, ...] = attrs.field(default=(), converter=check.to_tuple)
    prompts: tuple[Prompt, ...] = attrs.field(default=(), converter=check.to_tuple)
    _strategy_index: Mapping[str, Strategy] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _ritual_index: Mapping[str, Ritual] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _prompt_index: Mapping[str, Prompt] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _cache: dict[str, Any] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        strategies = _index("strategies", self.strategies, Strategy)
        rituals = _index("rituals", self.rituals, Ritual)
        prompts = _index("prompts", self.prompts, Prompt)
        for ritual in self.rituals:
            for step in ritual.steps:
                for named in (step.strategy_id, *step.alternatives):
                    if named not in strategies:
                        hint = suggest(named, strategies)
                        raise check.fail(
                            "rituals",
                            f"ritual {ritual.id!r} has a step naming {named!r}, which is not a "
                            "strategy in this catalog; add the strategy or fix the id"
                            + (f" (did you mean {', '.join(map(repr, hint))}?)" if hint else ""),
                        )
        object.__setattr__(self, "_strategy_index", strategies)
        object.__setattr__(self, "_ritual_index", rituals)
        object.__setattr__(self, "_prompt_index", prompts)
        object.__setattr__(self, "_cache", {})

    def __getstate__(self) -> dict[str, Any]:
        return {"strategies": self.strategies, "rituals": self.rituals, "prompts": self.prompts}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        self.__attrs_post_init__()

    def _derived(self, key: str, build: Callable[[], D]) -> D:
        """Data derived from this catalog, built on first use and kept with it (internal).

        The catalog is immutable, so what is derived from it never goes stale; this keeps
        such data with the catalog instead of in module-level state.
        """
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            return self._cache.setdefault(key, build())  # type: ignore[no-any-return]

    def strategy(self, id: str) -> Strategy:
        """The strategy with this id.

        Raises:
            UnknownIdError: the catalog has no such strategy; it suggests the closest ids.
        """
        return _look_up(self._strategy_index, "strategy", id)

    def ritual(self, id: str) -> Ritual:
        """The ritual with this id.

        Raises:
            UnknownIdError: the catalog has no such ritual; it suggests the closest ids.
        """
        return _look_up(self._ritual_index, "ritual", id)

    def prompt(self, id: str) -> Prompt:
        """The prompt with this id.

        Raises:
            UnknownIdError: the catalog has no such prompt; it suggests the closest ids.
        """
        return _look_up(self._prompt_index, "prompt", id)

    def require(self, *, strategies: Iterable[str] = (), rituals: Iterable[str] = ()) -> None:
        """Require every id given to name a strategy (or a ritual) of this catalog.

        Args:
            strategies: strategy ids.
            rituals: ritual ids.

        Raises:
            UnknownIdError: listing every id the catalog does not hold, each with its place
                (``strategies[1]``) and the closest ids it does hold.
            ValidationError: an argument is not a collection of ids.

        Example:
            >>> default_catalog().require(strategies=["short-walk", "short-wlak"])
            Traceback (most recent call last):
            ...
            selfcare.errors.UnknownIdError: strategies[1]: no strategy with id 'short-wlak' in this catalog; did you mean 'short-walk'?
        """  # noqa: E501
        self.require_at(
            strategies=_numbered("strategies", strategies), rituals=_numbered("rituals", rituals)
        )

    def require_at(self, *, strategies: Given = (), rituals: Given = ()) -> None:
        """:meth:`require` for ids given with their paths, ``(path, id)`` (internal)."""
        unknown = unknown_ids(self._strategy_index, "strategy", strategies)
        unknown += unknown_ids(self._ritual_index, "ritual", rituals)
        if unknown:
            raise UnknownIdError.of(unknown)

    def __contains__(self, id: object) -> bool:
        return id in self._strategy_index or id in self._ritual_index or id in self._prompt_index

    def find(
        self,
        *,
        role: Role | None = None,
        category: Category | None = None,
        tag: str | None = None,
        benefit: Benefit | None = None,
        max_minutes: int | None = None,
    ) -> tuple[Strategy, ...]:
        """The strategies matching every filter given, in catalog order.

        Raises:
            ValidationError: a filter is not of its type (e.g. a string for a category).

        Example:
            >>> quick = default_catalog().find(category=Category.PHYSICAL, max_minutes=10)
            >>> all(s.minutes <= 10 for s in quick)
            True
        """
        filters: tuple[tuple[str, object, type[enum.Enum]], ...] = (
            ("role", role, Role),
            ("category", category, Category),
            ("benefit", benefit, Benefit),
        )
        for field, value, kind in filters:
            if value is not None and not isinstance(value, kind):
                raise check.fail(field, check.expected_member(kind, value))
        if tag is not None:
            check.check_slug("tag", tag, "a tag")
        if max_minutes is not None:
            check.check_int("max_minutes", max_minutes, 0, check.MAX_MINUTES)
        return tuple(
            s
            for s in self.strategies
            if (role is None or role in s.roles)
            and (category is None or s.category is category)
            and (tag is None or tag in s.tags)
            and (benefit is None or benefit in s.benefits)
            and (max_minutes is None or s.minutes <= max_minutes)
        )

    def rituals_for(self, role: Role) -> tuple[Ritual, ...]:
        """The rituals meant for ``role``."""
        if not isinstance(role, Role):
            raise check.fail("role", check.expected_member(Role, role))
        return tuple(r for r in self.rituals if role in r.roles)

    def prompts_for(self, role: Role) -> tuple[Prompt, ...]:
        """The prompts meant for ``role``."""
        if not isinstance(role, Role):
            raise check.fail("role", check.expected_member(Role, role))
        return tuple(p for p in self.prompts if role in p.roles)

    def with_entries(
        self,
        strategies: Iterable[Strategy] = (),
        rituals: Iterable[Ritual] = (),
        prompts: Iterable[Prompt] = (),
    ) -> Catalog:
        """A new catalog with these entries added; an entry with an existing id replaces it.

        Example:
            >>> mine = Strategy(id="garden", name="Gardening", category=Category.PHYSICAL,
            ...                 roles={Role.CLIENT}, minutes=30, tags={"nature"})
            >>> "garden" in default_catalog().with_entries(strategies=[mine])
            True
        """
        return Catalog(
            strategies=_merge(self.strategies, _entries_of("strategies", strategies, Strategy)),
            rituals=_merge(self.rituals, _entries_of("rituals", rituals, Ritual)),
            prompts=_merge(self.prompts, _entries_of("prompts", prompts, Prompt)),
        )

    def without(self, *ids: str) -> Catalog:
        """A new catalog without the entries with these ids.

        Raises:
            UnknownIdError: an id is not in the catalog.
            ValidationError: a remaining ritual still uses a removed strategy.

        Example:
            >>> "news-limits" in default_catalog().without("news-limits")
            False
        """
        for id in ids:
            if not isinstance(id, str):
                raise check.fail(
                    "ids",
                    "expected ids as separate arguments, e.g. without('a', 'b'), " + check.got(id),
                )
            if id not in self:
                raise UnknownIdError(
                    "entry",
                    id,
                    suggest(id, [*self._strategy_index, *self._ritual_index, *self._prompt_index]),
                )
        gone = set(ids)
        return Catalog(
            strategies=[s for s in self.strategies if s.id not in gone],
            rituals=[r for r in self.rituals if r.id not in gone],
            prompts=[p for p in self.prompts if p.id not in gone],
        )


def _entries_of(field: str, value: Iterable[T], kind: type[T]) -> tuple[T, ...]:
    entries: Any = check.to_tuple(value)
    if not isinstance(entries, tuple) or not all(isinstance(e, kind) for e in entries):
        raise check.fail(field, f"expected a sequence of {kind.__name__} values")
    return entries


def _merge(old: tuple[T, ...], new: Iterable[T]) -> list[T]:
    added = {entry.id: entry for entry in new}
    merged = [added.pop(entry.id, entry) for entry in old]
    return merged + list(added.values())
