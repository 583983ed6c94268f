"""One concrete self-care practice: what it is, how it is practised, how often and when."""

from __future__ import annotations

import datetime as dt

import attrs

from selfcare._core import checks as check
from selfcare._core.vocabulary import Vocabulary
from selfcare._model.categories import Benefit, Category, Effort, Role
from selfcare._time.calendar import TimeOfDay

__all__ = ["Cadence", "Strategy", "StrategyKind", "Unit"]

#: The largest amount a strategy's target or a practice may hold, in any unit.
MAX_AMOUNT = 1_000_000


class StrategyKind(Vocabulary):
    """How a strategy is practised, which decides how a plan schedules it.

    ``ACTIVITY`` takes minutes at a time of day (a walk, breathing, journaling) and counts
    against the day's minutes. ``COMMITMENT`` is kept all day or at a moment without a block
    of minutes (a consistent bedtime, limits on news): it is planned every day (or every
    working day) and counts in adherence and habit strength, not in the minutes. An
    ``APPOINTMENT`` is with another person (supervision, personal therapy): it has a length
    and a weekly, fortnightly or monthly cadence, and counts against the week's minutes
    rather than one day's.
    """

    ACTIVITY = "activity"
    COMMITMENT = "commitment"
    APPOINTMENT = "appointment"


class Cadence(Vocabulary):
    """How often a strategy is usually practised.

    ``TIMES_A_WEEK`` goes with a strategy's ``times_a_week`` (1 to 7); when that is ``None``
    the generator decides from the strategy's length and effort.
    """

    DAILY = "daily"
    TIMES_A_WEEK = "times-a-week"
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"

    @property
    def weeks(self) -> int:
        """How many weeks one occurrence covers: 2 for fortnightly, 4 for monthly, else 1."""
        return {Cadence.FORTNIGHTLY: 2, Cadence.MONTHLY: 4}.get(self, 1)


class Unit(Vocabulary):
    """What a measured strategy counts: minutes, pages, steps, glasses of water or times.

    Amounts are whole numbers of the unit; measure in a smaller unit for finer amounts.
    """

    MINUTES = "minutes"
    PAGES = "pages"
    STEPS = "steps"
    GLASSES = "glasses"
    TIMES = "times"


def _at(value: dt.time | None) -> dt.time | None:
    return None if value is None else check.check_time("at", value)


check.reads_as(dt.time | None, _at)


@attrs.frozen
class Strategy:
    """One concrete self-care practice, such as a short walk or peer supervision.

    Attributes:
        id: a stable lowercase slug (``"short-walk"``) that plans and reflections refer to.
        name: a short name to show a person.
        category: the area of self-care it serves.
        roles: who it is for (the therapist, the client or both).
        minutes: its typical length, from 1 to 1440.
        effort: how much it asks of a person.
        benefits: why it matters, in the seed's terms.
        tags: free slugs for filtering and matching values (``"nature"``, ``"writing"``).
        description: a sentence or two on how to do it.
        kind: an activity, a commitment or an appointment (see :class:`StrategyKind`).
        cadence: how often it is usually practised (see :class:`Cadence`).
        times_a_week: for a ``TIMES_A_WEEK`` cadence, how many times (1 to 7), or ``None``
            to let the generator decide from its length and effort.
        times_of_day: the parts of the day it makes sense in (a sleep routine in the
            evening); empty for any time.
        at: the wall-clock time it is kept at, if it has one (a bedtime of 22:30).
        unit: what a practice of it measures (minutes, pages, glasses of water), or
            ``None`` when it is simply done or not.
        target: how much of ``unit`` one practice aims for (20 minutes, 8 glasses), from 1
            to 1,000,000; given together with ``unit``.

    Example:
        >>> walk = Strategy(
        ...     id="short-walk",
        ...     name="Short walk",
        ...     category=Category.PHYSICAL,
        ...     roles={Role.CLIENT},
        ...     minutes=10,
        ... )
        >>> walk.effort, walk.kind, walk.cadence
        (<Effort.LOW: 'low'>, <StrategyKind.ACTIVITY: 'activity'>, <Cadence.TIMES_A_WEEK: 'times-a-week'>)
        >>> walk.is_for(Role.THERAPIST)
        False
    """  # noqa: E501

    id: str = attrs.field(validator=check.slug)
    name: str = attrs.field(validator=check.name)
    category: Category = attrs.field(validator=check.member(Category))
    roles: frozenset[Role] = attrs.field(
        converter=check.to_frozenset, validator=check.members(Role, non_empty=True)
    )
    minutes: int = attrs.field(validator=check.int_in(1, check.MAX_MINUTES))
    effort: Effort = attrs.field(default=Effort.LOW, validator=check.member(Effort))
    benefits: frozenset[Benefit] = attrs.field(
        default=frozenset(), converter=check.to_frozenset, validator=check.members(Benefit)
    )
    tags: frozenset[str] = attrs.field(
        default=frozenset(),
        converter=check.to_frozenset,
        validator=check.slugs("a tag", remember=True),
    )
    description: str = attrs.field(default="", validator=check.text, repr=False)
    kind: StrategyKind = attrs.field(
        default=StrategyKind.ACTIVITY, validator=check.member(StrategyKind)
    )
    cadence: Cadence = attrs.field(default=Cadence.TIMES_A_WEEK, validator=check.member(Cadence))
    times_a_week: int | None = attrs.field(default=None, validator=check.optional_int_in(1, 7))
    times_of_day: frozenset[TimeOfDay] = attrs.field(
        default=frozenset(), converter=check.to_frozenset, validator=check.members(TimeOfDay)
    )
    at: dt.time | None = attrs.field(default=None, converter=_at)
    unit: Unit | None = attrs.field(default=None, validator=check.optional_member(Unit))
    target: int | None = attrs.field(default=None, validator=check.optional_int_in(1, MAX_AMOUNT))

    def __attrs_post_init__(self) -> None:
        if (
            self.kind is _ACTIVITY
            and self.times_a_week is None
            and self.unit is None
            and self.target is None
        ):
            return  # the common case, checked first: nothing below applies to it
        if (self.unit is None) != (self.target is None):
            raise check.fail(
                "target" if self.target is None else "unit",
                "a measured strategy has both a unit and a target (unit=Unit.MINUTES, "
                "target=20); give both or neither",
            )
        if self.times_a_week is not None and self.cadence is not Cadence.TIMES_A_WEEK:
            raise check.fail(
                "times_a_week", "only a times-a-week cadence has times_a_week; leave it None"
            )
        if self.kind is StrategyKind.APPOINTMENT and self.cadence not in _APPOINTMENT:
            raise check.fail(
                "cadence",
                "an appointment is weekly, fortnightly or monthly; pick one of those cadences",
            )
        if self.kind is StrategyKind.COMMITMENT and self.cadence is not Cadence.DAILY:
            raise check.fail("cadence", "a commitment is kept daily; use Cadence.DAILY")

    def is_for(self, role: Role) -> bool:
        """Tell whether this strategy is meant for ``role``."""
        return role in self.roles


_ACTIVITY = StrategyKind.ACTIVITY
_APPOINTMENT = frozenset({Cadence.WEEKLY, Cadence.FORTNIGHTLY, Cadence.MONTHLY})
