"""Reflections: dated check-ins and journal entries.

Everything a person writes here is sensitive health information. It never appears in a
``repr``, ``str`` or error message; serialization can redact it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._core.frozenmap import FrozenMap, freeze
from selfcare._core.vocabulary import Vocabulary
from selfcare._model.categories import Category, Role
from selfcare._model.strategies import MAX_AMOUNT

if TYPE_CHECKING:
    from selfcare._model.catalog import Catalog
from selfcare._time.zoned import to_at, zoned_key

__all__ = ["Journal", "Practice", "PracticeStatus", "Ratings", "Reflection"]

MAX_PRACTISED = 100


def _private(value: object) -> str:
    return "None" if value is None else "<private>"


class PracticeStatus(Vocabulary):
    """Whether a strategy was done or deliberately skipped (a holiday, an illness)."""

    DONE = "done"
    SKIPPED = "skipped"


@attrs.frozen
class Practice:
    """A strategy practised, or deliberately skipped, on the day of a reflection.

    A skip is not a miss: habit scores and streaks freeze over a skipped day.

    Attributes:
        strategy_id: the strategy.
        status: done or skipped.
        minutes: how long it took, from 1 to 1440, when known.
        amount: how much was done in the unit the strategy measures (pages read, glasses
            of water), from 0 to 1,000,000, when known; see :attr:`Strategy.unit`.
        note: a private note on this practice ("walked with my sister"): like journal
            text, it never appears in a ``repr``, an error or a view, and redaction
            removes it.

    Example:
        >>> Practice.done("short-walk", minutes=15)
        Practice(strategy_id='short-walk', status=<PracticeStatus.DONE: 'done'>, minutes=15, amount=None, note=None)
        >>> Practice.done("reading-and-learning", amount=12, note="a novel")
        Practice(strategy_id='reading-and-learning', status=<PracticeStatus.DONE: 'done'>, minutes=None, amount=12, note=<private>)
        >>> Practice.skipped("short-walk").minutes is None
        True
    """  # noqa: E501

    strategy_id: str = attrs.field(validator=check.slug)
    status: PracticeStatus = attrs.field(validator=check.member(PracticeStatus))
    minutes: int | None = attrs.field(
        default=None, validator=check.optional_int_in(1, check.MAX_MINUTES)
    )
    amount: int | None = attrs.field(default=None, validator=check.optional_int_in(0, MAX_AMOUNT))
    note: str | None = attrs.field(default=None, validator=check.optional_text, repr=_private)

    def __attrs_post_init__(self) -> None:
        if self.status is PracticeStatus.SKIPPED:
            if self.minutes is not None:
                raise check.fail("minutes", "a skipped practice has no minutes; leave it None")
            if self.amount is not None:
                raise check.fail("amount", "a skipped practice has no amount; leave it None")

    @classmethod
    def done(
        cls,
        strategy_id: str,
        minutes: int | None = None,
        *,
        amount: int | None = None,
        note: str | None = None,
    ) -> Practice:
        """The strategy was done, for ``minutes`` and ``amount`` when known."""
        return cls(strategy_id, PracticeStatus.DONE, minutes, amount, note)

    @classmethod
    def skipped(cls, strategy_id: str, *, note: str | None = None) -> Practice:
        """The strategy was deliberately skipped today."""
        return cls(strategy_id, PracticeStatus.SKIPPED, note=note)

    @property
    def is_done(self) -> bool:
        """Whether the strategy was done."""
        return self.status is PracticeStatus.DONE


@attrs.frozen
class Ratings:
    """How a person felt: mood, energy and stress, each 0–10 or not given.

    Example:
        >>> Ratings(mood=6, stress=3).energy is None
        True
    """

    mood: int | None = attrs.field(default=None, validator=check.optional_int_in(0, 10))
    energy: int | None = attrs.field(default=None, validator=check.optional_int_in(0, 10))
    stress: int | None = attrs.field(default=None, validator=check.optional_int_in(0, 10))


@attrs.frozen
class Journal:
    """What a person wrote: one insight, one gratitude and a private note.

    Every field is private: the ``repr`` shows only whether each is filled in.

    Example:
        >>> Journal(insight="I rush when I'm tired", note="talk about work")
        Journal(insight=<private>, gratitude=None, note=<private>)
    """

    insight: str | None = attrs.field(default=None, validator=check.optional_text, repr=_private)
    gratitude: str | None = attrs.field(default=None, validator=check.optional_text, repr=_private)
    note: str | None = attrs.field(default=None, validator=check.optional_text, repr=_private)

    @property
    def is_empty(self) -> bool:
        """Whether nothing was written."""
        return self.insight is None and self.gratitude is None and self.note is None


@attrs.frozen(weakref_slot=False)
class Reflection:
    """A dated check-in or journal entry.

    Attributes:
        at: when it was written, as a zoned instant (the zone is kept).
        author: who wrote it.
        ratings: mood, energy and stress, each 0–10 or not given.
        self_ratings: how well each category of self-care went, 1 (neglected) to 5.
        practised: strategies done or skipped that day. A strategy done several times
            (breathing in the morning and in the evening) has an entry for each; a
            strategy skipped has one entry, and no other that day.
        journal: what the person wrote (private).
        wants_support: the person said they would like support.

    Example:
        >>> r = Reflection(
        ...     at=pendulum.datetime(2026, 11, 26, 21, tz="Europe/London"),
        ...     author=Role.CLIENT,
        ...     ratings=Ratings(mood=6, energy=5, stress=4),
        ...     practised=[Practice.done("short-walk", 15)],
        ...     journal=Journal(gratitude="a call with my sister"),
        ... )
        >>> r.mood, r.day
        (6, Date(2026, 11, 26))
        >>> "sister" in repr(r)
        False
    """

    at: pendulum.DateTime = attrs.field(converter=to_at, eq=zoned_key)
    author: Role = attrs.field(validator=check.member(Role))
    ratings: Ratings = attrs.field(factory=Ratings)
    self_ratings: Mapping[Category, int] = attrs.field(factory=FrozenMap, converter=freeze)
    practised: tuple[Practice, ...] = attrs.field(default=(), converter=check.to_tuple)
    journal: Journal = attrs.field(factory=Journal)
    wants_support: bool = attrs.field(default=False)

    def __attrs_post_init__(self) -> None:
        _check_parts(self)

    @property
    def day(self) -> pendulum.Date:
        """The local calendar date the reflection belongs to."""
        return self.at.date()

    @property
    def mood(self) -> int | None:
        """The mood rating, 0–10, or ``None``."""
        return self.ratings.mood

    @property
    def energy(self) -> int | None:
        """The energy rating, 0–10, or ``None``."""
        return self.ratings.energy

    @property
    def stress(self) -> int | None:
        """The stress rating, 0–10, or ``None``."""
        return self.ratings.stress

    def practice_of(self, strategy_id: str) -> Practice | None:
        """The first practice recorded for a strategy, or ``None`` when it was not mentioned."""
        for practice in self.practised:
            if practice.strategy_id == strategy_id:
                return practice
        return None

    def practices_of(self, strategy_id: str) -> tuple[Practice, ...]:
        """Every practice recorded for a strategy, in order (empty when it was not mentioned).

        Example:
            >>> r = Reflection(at=pendulum.datetime(2026, 1, 5, 21, tz="UTC"), author=Role.CLIENT,
            ...                practised=[Practice.done("mindful-breathing", 5),
            ...                           Practice.done("mindful-breathing", 10)])
            >>> [p.minutes for p in r.practices_of("mindful-breathing")]
            [5, 10]
        """
        return tuple(p for p in self.practised if p.strategy_id == strategy_id)

    def check(self, catalog: Catalog | None = None) -> None:
        """Require every strategy the reflection mentions to be in a catalog.

        A reflection is data: it keeps what a person did even after a strategy leaves the
        catalog, and insights report such strategies rather than fail. Call this to check
        reflections as they are entered.

        Args:
            catalog: the catalog (default: the built-in one).

        Raises:
            UnknownIdError: listing every id the catalog does not hold, each with its path
                (``practised[1].strategy_id``) and the closest ids it does hold.

        Example:
            >>> Reflection(at=pendulum.datetime(2026, 1, 5, 21, tz="UTC"), author=Role.CLIENT,
            ...            practised=[Practice.done("short-walk")]).check()
        """
        from selfcare._model.builtin_catalog import catalog_or_default

        named = [
            (f"practised[{n}].strategy_id", p.strategy_id) for n, p in enumerate(self.practised)
        ]
        catalog_or_default(catalog).require_at(strategies=named)


def _check_parts(r: Reflection) -> None:
    if not isinstance(r.ratings, Ratings):
        raise check.fail("ratings", "expected Ratings, e.g. Ratings(mood=6)")
    if not isinstance(r.journal, Journal):
        raise check.fail("journal", "expected a Journal, e.g. Journal(insight=...)")
    check.check_bool("wants_support", r.wants_support)
    ratings: Any = r.self_ratings
    if not isinstance(ratings, FrozenMap):
        raise check.fail("self_ratings", "expected a mapping of Category to a rating from 1 to 5")
    for category, score in ratings._data.items():
        if type(score) is int and 1 <= score <= 5 and type(category) is Category:
            continue  # the common case; the error messages below are built only on failure
        if not isinstance(category, Category):
            raise check.fail("self_ratings", check.expected_member(Category, category))
        check.check_int(f"self_ratings[{category.value}]", score, 1, 5)
    practised: Any = r.practised
    if not isinstance(practised, tuple):
        raise check.fail("practised", "expected a sequence of Practice values")
    for practice in practised:
        if not isinstance(practice, Practice):
            raise check.fail("practised", "expected a sequence of Practice values")
    if len(practised) > MAX_PRACTISED:
        raise check.fail("practised", f"expected at most {MAX_PRACTISED} practices")
    if len(practised) > 1:
        ids = {p.strategy_id for p in practised}
        if len(ids) != len(practised):
            _check_repeats(practised)


def _check_repeats(practised: tuple[Practice, ...]) -> None:
    """A strategy may be done several times a day, but a skip is its day's only entry."""
    seen: set[str] = set()
    skipped: set[str] = set()
    for n, practice in enumerate(practised):
        sid = practice.strategy_id
        if sid in seen and (sid in skipped or practice.status is PracticeStatus.SKIPPED):
            raise check.fail(
                f"practised[{n}]",
                f"{sid!r} is both skipped and recorded again on one day; a skipped strategy "
                "has one entry, so keep the skip or the practices",
            )
        seen.add(sid)
        if practice.status is PracticeStatus.SKIPPED:
            skipped.add(sid)
