"""A therapist's planned day: blocks of time, warnings and recovery figures.

:func:`~selfcare.plan_workday` builds these values; they are plain, frozen data an app can
show, store or compare.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from typing import Any

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._core.frozenmap import FrozenMap, freeze
from selfcare._core.reprs import counted
from selfcare._core.vocabulary import Vocabulary
from selfcare._model.reasons import Fact, check_facts
from selfcare._time.calendar import Period
from selfcare._time.zoned import check_zone, check_zoned

__all__ = [
    "Block",
    "BlockKind",
    "WorkFigures",
    "Workday",
    "WorkdayWarning",
    "WorkdayWarningCode",
]

MAX_BLOCKS = 1_000
MAX_WARNINGS = 1_000


MAX_SENTENCE = 1_000


def sentence(_inst: object, attribute: Any, value: Any) -> None:
    """An attrs validator for a sentence the library writes (a reason, a message)."""
    check.check_text(attribute.name, value, limit=MAX_SENTENCE, required=True)


def _private(value: object) -> str:
    return "None" if value is None else "<private>"


class BlockKind(Vocabulary):
    """What a stretch of the working day is for.

    Transitions, notes, lunch and decompression are *protected*: they never overlap a
    session and always lie inside working hours.
    """

    SESSION = "session"
    TRANSITION = "transition"
    NOTES = "notes"
    LUNCH = "lunch"
    DECOMPRESSION = "decompression"
    FREE = "free"

    @property
    def protected(self) -> bool:
        """Whether this is protected non-client time (not a session, not free time)."""
        return self not in (BlockKind.SESSION, BlockKind.FREE)


def _zoned_start(value: dt.datetime) -> pendulum.DateTime:
    return check_zoned("start", value)


def _zoned_end(value: dt.datetime) -> pendulum.DateTime:
    return check_zoned("end", value)


@attrs.frozen
class Block:
    """One stretch of a planned day, from ``start`` up to (not including) ``end``.

    Attributes:
        kind: what the time is for.
        start: when it starts, in the day's zone.
        end: when it ends, in the day's zone.
        reason: a plain sentence saying why the block is there.
        session: for a session, its position in the list passed in (from 0).
        ref: for a session, the app's opaque reference (kept out of ``repr``).
        ritual_id: the ritual a transition, notes, lunch or decompression block is part of.
        strategy_ids: the catalog strategies the block is for, e.g. ``short-walk``.

    Example:
        >>> day = plan_workday(
        ...     [Session(pendulum.datetime(2026, 3, 2, 10, tz="Europe/London"), 50)],
        ...     rules=WorkdayRules(), tz="Europe/London",
        ... )
        >>> walk = day.blocks[2]
        >>> walk.kind, walk.minutes, walk.strategy_ids
        (<BlockKind.TRANSITION: 'transition'>, 8, ('short-walk', 'mindful-breathing'))
    """

    kind: BlockKind = attrs.field(validator=check.member(BlockKind))
    start: pendulum.DateTime = attrs.field(converter=_zoned_start)
    end: pendulum.DateTime = attrs.field(converter=_zoned_end)
    reason: str = attrs.field(validator=sentence)
    session: int | None = attrs.field(default=None)
    ref: str | None = attrs.field(default=None, repr=_private)
    ritual_id: str | None = attrs.field(default=None)
    strategy_ids: tuple[str, ...] = attrs.field(default=(), converter=check.to_tuple)

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise check.fail("end", "expected the end of a block after its start")
        is_session = self.kind is BlockKind.SESSION
        if is_session != (self.session is not None):
            need = "needs" if is_session else "has no"
            raise check.fail("session", f"a {self.kind.value} block {need} a session position")
        if self.session is not None:
            check.check_int("session", self.session, 0, 10**6)
        if self.ref is not None:
            if not is_session:
                raise check.fail("ref", f"a {self.kind.value} block has no ref; leave it None")
            check.check_slug("ref", self.ref, "an opaque reference")
        if self.ritual_id is not None:
            check.check_slug("ritual_id", self.ritual_id)
        ids: Any = self.strategy_ids
        if not isinstance(ids, tuple):
            raise check.fail("strategy_ids", "expected a sequence of strategy ids")
        for strategy_id in ids:
            check.check_slug("strategy_ids", strategy_id)

    @property
    def minutes(self) -> int:
        """The real elapsed minutes of the block (a DST change inside it is counted)."""
        seconds = dt.datetime.timestamp(self.end) - dt.datetime.timestamp(self.start)
        return int(seconds) // 60

    @property
    def protected(self) -> bool:
        """Whether the block is protected non-client time."""
        return self.kind.protected


class WorkdayWarningCode(Vocabulary):
    """What a warning about a planned day or week is about, as a code an app can switch on."""

    NOT_A_WORKING_DAY = "not-a-working-day"
    STARTS_BEFORE_HOURS = "starts-before-hours"
    RUNS_PAST_HOURS = "runs-past-hours"
    BACK_TO_BACK = "back-to-back"
    NO_TRANSITION = "no-transition"
    NO_NOTES_TIME = "no-notes-time"
    NO_LUNCH = "no-lunch"
    NO_DECOMPRESSION = "no-decompression"
    NO_DAY_OFF = "no-day-off"
    RECOVERY_FALLING = "recovery-falling"


@attrs.frozen
class WorkdayWarning:
    """Something about a day or week that works against the therapist's recovery.

    Attributes:
        code: what the warning is about.
        message: a plain sentence an app can show.
        facts: the figures behind it by name (times as ISO 8601 text, lengths in minutes,
            sessions by their position in the list passed in).

    Example:
        >>> w = WorkdayWarning(
        ...     WorkdayWarningCode.NO_LUNCH,
        ...     "no room for a 30-minute lunch between 12:00 and 14:00",
        ...     {"lunch_minutes": 30},
        ... )
        >>> w.facts["lunch_minutes"]
        30
    """

    code: WorkdayWarningCode = attrs.field(validator=check.member(WorkdayWarningCode))
    message: str = attrs.field(validator=sentence)
    facts: Mapping[str, Fact] = attrs.field(factory=FrozenMap, converter=freeze)

    def __attrs_post_init__(self) -> None:
        check_facts(self.facts)


_COUNT = check.int_in(0, 10**9)


@attrs.frozen
class WorkFigures:
    """Workload and recovery figures for a day, a week or any run of days.

    Attributes:
        period: the days counted.
        days_off: days in the period without a client session.
        sessions: the number of client sessions.
        client_minutes: minutes in session.
        protected_minutes: minutes of transitions, notes, lunch and decompression.
        span_minutes: the real elapsed minutes of the planned days, from the start of the
            working day (or an earlier first session) to its end (or a later last session).
        longest_stretch_minutes: the longest stretch of sessions without a break, from the
            start of its first session to the end of its last.
        most_in_row: the most sessions in a row without a break.

    Example:
        >>> f = WorkFigures(Period(datetime.date(2026, 3, 2), datetime.date(2026, 3, 2)),
        ...                 days_off=0, sessions=6, client_minutes=300, protected_minutes=110,
        ...                 span_minutes=480, longest_stretch_minutes=170, most_in_row=3)
        >>> f.non_client_minutes, f.days
        (180, 1)
    """

    period: Period = attrs.field()
    days_off: int = attrs.field(validator=_COUNT)
    sessions: int = attrs.field(validator=_COUNT)
    client_minutes: int = attrs.field(validator=_COUNT)
    protected_minutes: int = attrs.field(validator=_COUNT)
    span_minutes: int = attrs.field(validator=_COUNT)
    longest_stretch_minutes: int = attrs.field(validator=_COUNT)
    most_in_row: int = attrs.field(validator=_COUNT)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.period, Period):
            raise check.fail("period", "expected a Period of days")
        if self.days_off > self.period.days:
            raise check.fail("days_off", "expected at most one day off per day of the period")
        if self.client_minutes + self.protected_minutes > self.span_minutes:
            raise check.fail(
                "span_minutes", "expected the span to hold the client and protected minutes"
            )

    @property
    def days(self) -> int:
        """The number of days counted."""
        return self.period.days

    @property
    def non_client_minutes(self) -> int:
        """Minutes of the span not spent with clients: protected time and free time."""
        return self.span_minutes - self.client_minutes


def _tuple_of(kind: type, field: str, value: object, limit: int) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, kind) for v in value):
        raise check.fail(field, f"expected a sequence of {kind.__name__} values")
    if len(value) > limit:
        raise check.fail(field, f"expected at most {limit} values, got {len(value)}")


def _day(value: dt.date) -> dt.date:
    return check.check_date("day", value)


@attrs.frozen
class Workday:
    """A planned working day: ordered blocks that tile the day, warnings and figures.

    The blocks run without gaps or overlaps from the start of the working day (or an
    earlier first session) to its end (or a later last session).

    Attributes:
        day: the local date planned.
        tz: the IANA zone the day is planned in.
        blocks: the blocks, in order.
        figures: workload and recovery figures.
        warnings: what works against recovery that day, in plain words with the facts.

    Example:
        >>> day = plan_workday(
        ...     [(pendulum.datetime(2026, 3, 2, 9, tz="Europe/London"), 50)],
        ...     rules=WorkdayRules(), tz="Europe/London",
        ... )
        >>> [(b.start.format("HH:mm"), b.kind.value) for b in day.blocks][:4]
        [('09:00', 'session'), ('09:50', 'transition'), ('09:58', 'notes'), ('10:08', 'decompression')]
    """  # noqa: E501

    day: dt.date = attrs.field(converter=_day)
    tz: str = attrs.field()
    blocks: tuple[Block, ...] = attrs.field(converter=check.to_tuple, repr=counted)
    figures: WorkFigures = attrs.field(repr=False)
    warnings: tuple[WorkdayWarning, ...] = attrs.field(
        default=(), converter=check.to_tuple, repr=counted
    )

    def __attrs_post_init__(self) -> None:
        check_zone("tz", self.tz)
        _tuple_of(Block, "blocks", self.blocks, MAX_BLOCKS)
        _tuple_of(WorkdayWarning, "warnings", self.warnings, MAX_WARNINGS)
        for before, after in itertools.pairwise(self.blocks):
            if after.start != before.end:
                raise check.fail("blocks", "expected blocks in order, each starting as one ends")
        if not isinstance(self.figures, WorkFigures):
            raise check.fail("figures", "expected WorkFigures, as plan_workday builds them")

    def _repr_html_(self) -> str:
        """The day as HTML for notebooks: a timeline coloured by kind, with its warnings."""
        from selfcare._display.workday import workday_html

        return workday_html(self)

    @property
    def start(self) -> pendulum.DateTime | None:
        """When the first block starts, or ``None`` for a day without blocks."""
        return self.blocks[0].start if self.blocks else None

    @property
    def end(self) -> pendulum.DateTime | None:
        """When the last block ends, or ``None`` for a day without blocks."""
        return self.blocks[-1].end if self.blocks else None

    @property
    def sessions(self) -> tuple[Block, ...]:
        """The session blocks, in order."""
        return self.blocks_of(BlockKind.SESSION)

    def blocks_of(self, *kinds: BlockKind) -> tuple[Block, ...]:
        """The blocks of the given kinds, in order.

        Example:
            >>> day = plan_workday([], rules=WorkdayRules(), tz="UTC",
            ...                    day=datetime.date(2026, 3, 7))
            >>> [b.minutes for b in day.blocks_of(BlockKind.FREE)]
            [480]
        """
        return tuple(block for block in self.blocks if block.kind in kinds)

    def warnings_of(self, code: WorkdayWarningCode) -> tuple[WorkdayWarning, ...]:
        """The warnings with ``code``, in order."""
        return tuple(warning for warning in self.warnings if warning.code is code)
