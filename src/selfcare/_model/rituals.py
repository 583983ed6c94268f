"""Rituals: ordered strategy steps tied to an anchor in the day and a recurrence."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Container
from typing import TYPE_CHECKING, Any

import attrs

from selfcare._core import checks as check
from selfcare._core.vocabulary import Vocabulary
from selfcare._model.categories import Role
from selfcare._time.occurrences import occurrences, zone_key
from selfcare._time.recurrence import Recurrence
from selfcare._time.zoned import in_zone, zone

if TYPE_CHECKING:
    import pendulum

__all__ = ["Anchor", "AnchorKind", "Ritual", "RitualStep"]

MAX_STEPS = 20


class AnchorKind(Vocabulary):
    """What a ritual hangs on in the day."""

    AT_TIME = "at-time"
    AFTER_EACH_SESSION = "after-each-session"
    WORKDAY_START = "workday-start"
    WORKDAY_END = "workday-end"
    DURING_WORKDAY = "during-workday"


def _time(value: dt.time | None) -> dt.time | None:
    return None if value is None else check.check_time("time", value)


check.reads_as(dt.time | None, _time)


@attrs.frozen
class Anchor:
    """Where a ritual sits in the day.

    A time of day, after each client session, or the start or end of the working day.

    Example:
        >>> Anchor.at(datetime.time(21)).describe()
        'at 21:00'
        >>> Anchor.after_each_session().describe()
        'after each client session'
    """

    kind: AnchorKind = attrs.field(validator=check.member(AnchorKind))
    time: dt.time | None = attrs.field(default=None, converter=_time)

    def __attrs_post_init__(self) -> None:
        if self.kind is AnchorKind.AT_TIME:
            if self.time is None:
                raise check.fail("time", "an anchor at a time of day needs its time; use Anchor.at")
        elif self.time is not None:
            raise check.fail("time", f"a {self.kind.value} anchor has no time; leave it None")

    @classmethod
    def at(cls, time: dt.time) -> Anchor:
        """At a wall-clock time of day."""
        return cls(AnchorKind.AT_TIME, time)

    @classmethod
    def after_each_session(cls) -> Anchor:
        """After each client session (a therapist's transition ritual)."""
        return cls(AnchorKind.AFTER_EACH_SESSION)

    @classmethod
    def workday_start(cls) -> Anchor:
        """At the start of the working day."""
        return cls(AnchorKind.WORKDAY_START)

    @classmethod
    def workday_end(cls) -> Anchor:
        """At the end of the working day."""
        return cls(AnchorKind.WORKDAY_END)

    @classmethod
    def during_workday(cls) -> Anchor:
        """Inside the working day, wherever the sessions leave room (blocked non-client time)."""
        return cls(AnchorKind.DURING_WORKDAY)

    def describe(self) -> str:
        """Describe the anchor in plain English."""
        if self.time is not None:
            return "at " + self.time.strftime("%H:%M:%S" if self.time.second else "%H:%M")
        return {
            AnchorKind.AFTER_EACH_SESSION: "after each client session",
            AnchorKind.WORKDAY_START: "at the start of the working day",
            AnchorKind.WORKDAY_END: "at the end of the working day",
            AnchorKind.DURING_WORKDAY: "during the working day, between sessions",
        }[self.kind]


@attrs.frozen
class RitualStep:
    """One step of a ritual: a strategy from the catalog and how long to spend on it.

    ``alternatives`` are strategies that serve the ritual's purpose in the step's place,
    in order of preference: a plan generated for a person who excludes the step's strategy
    (its category or one of its tags) uses the first alternative they allow.

    Example:
        >>> RitualStep("mindful-breathing", 3)
        RitualStep(strategy_id='mindful-breathing', minutes=3, alternatives=())
    """

    strategy_id: str = attrs.field(validator=check.slug)
    minutes: int = attrs.field(validator=check.int_in(1, check.MAX_MINUTES))
    alternatives: tuple[str, ...] = attrs.field(default=(), converter=check.to_tuple)

    def __attrs_post_init__(self) -> None:
        value: Any = self.alternatives
        if not isinstance(value, tuple) or len(value) > MAX_STEPS:
            raise check.fail(
                "alternatives", f"expected at most {MAX_STEPS} strategy ids, {check.got(value)}"
            )
        for n, sid in enumerate(value):
            check.check_slug(f"alternatives[{n}]", sid, "a strategy id")
        if self.strategy_id in value:
            raise check.fail("alternatives", "a step is no alternative to itself; leave it out")


@attrs.frozen
class Ritual:
    """An ordered set of strategy steps, done together at an anchor on a recurrence.

    A ritual is also a habit of its own: on a day it counts as done when at least
    ``done_at_least`` of its steps were done (every step when that is ``None``); see
    :func:`~selfcare.ritual_habit`.

    Attributes:
        id: a stable slug.
        name: a short name to show a person.
        steps: its steps, in order (1 to 20, each strategy once).
        anchor: where it sits in the day.
        recurrence: on which days it happens (its time comes from the anchor).
        roles: who it is for.
        description: what it is for, in a sentence or two.
        done_at_least: how many steps make the ritual done on a day, from 1 to the number
            of steps, or ``None`` for every step.
        reminders: when to remind the person, as minutes before it begins (0 to 10,080,
            at most 5, each once); apps and the calendar export use them, the library
            never schedules anything.

    Example:
        >>> transition = Ritual(
        ...     id="between-sessions",
        ...     name="Transition between sessions",
        ...     steps=[RitualStep("short-walk", 5), RitualStep("mindful-breathing", 3)],
        ...     anchor=Anchor.after_each_session(),
        ...     recurrence=Recurrence.daily(),
        ...     roles={Role.THERAPIST},
        ... )
        >>> transition.minutes
        8
        >>> transition.strategy_ids
        ('short-walk', 'mindful-breathing')
    """

    id: str = attrs.field(validator=check.slug)
    name: str = attrs.field(validator=check.name)
    steps: tuple[RitualStep, ...] = attrs.field(converter=check.to_tuple)
    anchor: Anchor = attrs.field()
    recurrence: Recurrence = attrs.field()
    roles: frozenset[Role] = attrs.field(
        converter=check.to_frozenset, validator=check.members(Role, non_empty=True)
    )
    description: str = attrs.field(default="", validator=check.text, repr=False)
    done_at_least: int | None = attrs.field(
        default=None, validator=check.optional_int_in(1, MAX_STEPS)
    )
    reminders: tuple[int, ...] = attrs.field(
        default=(), converter=check.to_tuple, validator=check.reminders
    )

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.steps, tuple) or not all(
            isinstance(step, RitualStep) for step in self.steps
        ):
            raise check.fail("steps", "expected a sequence of RitualStep values")
        if not 1 <= len(self.steps) <= MAX_STEPS:
            raise check.fail("steps", f"expected 1 to {MAX_STEPS} steps, got {len(self.steps)}")
        if self.done_at_least is not None and self.done_at_least > len(self.steps):
            raise check.fail(
                "done_at_least",
                f"expected at most the number of steps ({len(self.steps)}), "
                f"{check.got(self.done_at_least)}; use None for every step",
            )
        ids = self.strategy_ids
        if len(set(ids)) != len(ids):
            raise check.fail("steps", "expected each strategy once; merge the repeated steps")
        if not isinstance(self.anchor, Anchor):
            raise check.fail("anchor", "expected an Anchor, e.g. Anchor.at(datetime.time(21))")
        if not isinstance(self.recurrence, Recurrence):
            raise check.fail("recurrence", "expected a Recurrence, e.g. Recurrence.daily()")
        if self.recurrence.times:
            raise check.fail(
                "recurrence",
                "a ritual's time of day comes from its anchor; build the recurrence without times",
            )

    @property
    def minutes(self) -> int:
        """The length of the whole ritual."""
        return sum(step.minutes for step in self.steps)

    @property
    def steps_needed(self) -> int:
        """How many steps make the ritual done on a day (``done_at_least``, or every step)."""
        return len(self.steps) if self.done_at_least is None else self.done_at_least

    def steps_done(self, strategy_ids: Container[str]) -> int:
        """How many steps the strategies done stand for, each strategy for one step only.

        A step counts when its strategy or one of its alternatives is among
        ``strategy_ids``. A strategy that is an alternative in two steps (breathing, say)
        stands for one of them, not both: this is the largest matching of steps to distinct
        strategies done (a few steps, so a simple augmenting-path search is quick). The
        ritual is done on a day when this reaches :attr:`steps_needed`.

        Example:
            >>> ritual = Ritual(
            ...     id="evening", name="Evening",
            ...     steps=[RitualStep("one-insight", 5, alternatives=["mindful-breathing"]),
            ...            RitualStep("one-gratitude", 5, alternatives=["mindful-breathing"])],
            ...     anchor=Anchor.at(datetime.time(21)), recurrence=Recurrence.daily(),
            ...     roles={Role.CLIENT})
            >>> ritual.steps_done({"mindful-breathing"})
            1
            >>> ritual.steps_done({"mindful-breathing", "one-insight"})
            2
        """
        forms = [(step.strategy_id, *step.alternatives) for step in self.steps]
        owner: dict[str, int] = {}

        def place(step: int, tried: set[str]) -> bool:
            for sid in forms[step]:
                if sid in strategy_ids and sid not in tried:
                    tried.add(sid)
                    if sid not in owner or place(owner[sid], tried):
                        owner[sid] = step
                        return True
            return False

        return sum(1 for step in range(len(forms)) if place(step, set()))

    @property
    def strategy_ids(self) -> tuple[str, ...]:
        """The strategies of the steps, in order."""
        return tuple(step.strategy_id for step in self.steps)

    def is_for(self, role: Role) -> bool:
        """Tell whether this ritual is meant for ``role``."""
        return role in self.roles

    def occurrences(
        self,
        start: dt.datetime | dt.date,
        end: dt.datetime | dt.date,
        *,
        tz: str | zoneinfo.ZoneInfo,
        origin: dt.date | None = None,
        limit: int = 10_000,
    ) -> tuple[tuple[pendulum.DateTime, ...], ...]:
        """When each step starts, for every time the ritual begins in ``[start, end)``.

        Only a ritual anchored at a time of day has times of its own; the ritual begins at
        that wall-clock time on each day of its recurrence (by the DST policy of
        :meth:`Recurrence.occurrences`, whose arguments these are). Each later step starts
        when the one before it ends, in elapsed minutes, so a step may cross a change of
        clock. A ritual is included when it begins inside the window.

        Returns:
            One tuple per time the ritual begins, holding the start of each step in order.

        Raises:
            ValidationError: the ritual is anchored to sessions or the working day (the
                path is ``anchor``), or an argument is invalid.
            TooManyOccurrencesError: it begins more than ``limit`` times in the window.

        Example:
            >>> ritual = Ritual(
            ...     id="evening-reflection",
            ...     name="Evening reflection",
            ...     steps=[RitualStep("one-insight", 5), RitualStep("one-gratitude", 5)],
            ...     anchor=Anchor.at(datetime.time(21)),
            ...     recurrence=Recurrence.daily(),
            ...     roles={Role.CLIENT},
            ... )
            >>> [[s.format("ddd HH:mm") for s in starts] for starts in ritual.occurrences(
            ...     datetime.date(2026, 3, 28), datetime.date(2026, 3, 30), tz="Europe/London")]
            [['Sat 21:00', 'Sat 21:05'], ['Sun 21:00', 'Sun 21:05']]
        """
        at = self.anchor.time
        if at is None:
            raise check.fail(
                "anchor",
                f"a ritual {self.anchor.describe()} takes its times from the working day, which "
                "this call does not know; plan it with the workday, or anchor it at a time of day "
                "with Anchor.at(datetime.time(...))",
            )
        key = zone_key(tz)
        begins = occurrences(
            self.recurrence, start, end, tz=key, origin=origin, default_time=at, limit=limit
        )
        offsets, elapsed = [], 0
        for step in self.steps:
            offsets.append(elapsed)
            elapsed += step.minutes
        tzinfo = zone(key)
        # steps last real minutes, so later steps are placed in elapsed time, not on the clock
        last_start = dt.datetime.max.replace(tzinfo=dt.UTC) - dt.timedelta(days=2, minutes=elapsed)
        found = []
        for begin in begins:
            utc = dt.datetime.astimezone(begin, dt.UTC)
            if utc > last_start:  # its steps would run past the end of the calendar
                raise check.fail(
                    "end",
                    "the ritual's steps would run past the end of the calendar (9999-12-31); "
                    "end the window earlier",
                )
            later = (in_zone(utc + dt.timedelta(minutes=m), tzinfo) for m in offsets[1:])
            found.append((begin, *later))
        return tuple(found)
