"""The rules a therapist plans a working day by."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from selfcare._core import checks as check
from selfcare._core.vocabulary import Vocabulary
from selfcare._model.builtin_catalog import default_catalog
from selfcare._model.profiles import WorkingHours
from selfcare._model.rituals import Ritual

__all__ = ["NotesPer", "WorkdayRules"]

MAX_RULE_MINUTES = 240


class NotesPer(Vocabulary):
    """How notes time is owed: after every session, or once after each run of sessions."""

    SESSION = "session"
    BLOCK = "block"


def _hours(value: WorkingHours | tuple[dt.time, dt.time]) -> WorkingHours:
    """Accept working hours, or a ``(start, end)`` pair of times for Monday to Friday."""
    raw: Any = value
    if isinstance(raw, tuple) and len(raw) == 2:
        return WorkingHours(raw[0], raw[1])
    return raw  # type: ignore[no-any-return]  # anything else is rejected in post-init


def _transition() -> Ritual:
    return default_catalog().ritual("transition-between-sessions")


def _ritual_minutes(rules: WorkdayRules) -> int:
    transition: Any = rules.transition
    return transition.minutes if isinstance(transition, Ritual) else 0  # else rejected


def _minutes(low: int) -> check.Validator:
    return check.int_in(low, MAX_RULE_MINUTES)


def _lunch_start(value: dt.time) -> dt.time:
    return check.check_time("lunch_start", value)


def _lunch_end(value: dt.time) -> dt.time:
    return check.check_time("lunch_end", value)


@attrs.frozen
class WorkdayRules:
    """How a therapist wants a day of client sessions protected.

    The defaults follow the built-in rituals: the 8-minute *transition between sessions*
    (a 5-minute walk, 3 minutes of mindful breathing) and the *blocked non-client time*
    for notes, a 30-minute lunch and 10 minutes of decompression.

    Attributes:
        hours: working hours, as :class:`WorkingHours` or a ``(start, end)`` pair of times
            (Monday to Friday). Protected time is only ever placed inside them.
        transition: the ritual done after each session (its strategy ids are put on
            every transition block).
        transition_minutes: the length of a transition, 0 for none (default: the
            ritual's own length).
        min_gap: the shortest gap worth using; a shorter gap between sessions gets no
            transition, and notes are not split into pieces shorter than this.
        notes_minutes: minutes of notes owed, 0 for none.
        notes_per: whether they are owed after each session or once per run of sessions.
        lunch_start, lunch_end: the window lunch must fall in.
        lunch_minutes: the length of lunch, 0 for none.
        decompression_minutes: quiet minutes after the last session, 0 for none.
        max_in_row: the most sessions in a row without a break before a warning.
        min_break_minutes: the shortest gap between sessions that counts as a break.

    Example:
        >>> rules = WorkdayRules(hours=(datetime.time(8), datetime.time(18)))
        >>> rules.transition_minutes, rules.transition.strategy_ids
        (8, ('short-walk', 'mindful-breathing'))
        >>> WorkdayRules(lunch_minutes=150)
        Traceback (most recent call last):
        ...
        selfcare.errors.ValidationError: lunch_minutes: a 150-minute lunch does not fit the 120-minute lunch window (12:00–14:00); widen the window or shorten lunch
    """  # noqa: E501

    hours: WorkingHours = attrs.field(
        factory=lambda: WorkingHours(dt.time(9), dt.time(17)), converter=_hours
    )
    transition: Ritual = attrs.field(factory=_transition)
    transition_minutes: int = attrs.field(
        default=attrs.Factory(_ritual_minutes, takes_self=True),
        validator=_minutes(0),
    )
    min_gap: int = attrs.field(default=5, validator=_minutes(1))
    notes_minutes: int = attrs.field(default=10, validator=_minutes(0))
    notes_per: NotesPer = attrs.field(default=NotesPer.SESSION, validator=check.member(NotesPer))
    lunch_start: dt.time = attrs.field(default=dt.time(12), converter=_lunch_start)
    lunch_end: dt.time = attrs.field(default=dt.time(14), converter=_lunch_end)
    lunch_minutes: int = attrs.field(default=30, validator=_minutes(0))
    decompression_minutes: int = attrs.field(default=10, validator=_minutes(0))
    max_in_row: int = attrs.field(default=4, validator=check.int_in(1, 100))
    min_break_minutes: int = attrs.field(default=15, validator=_minutes(1))

    @transition.validator
    def _check_transition(self, _attribute: Any, value: Any) -> None:
        if not isinstance(value, Ritual):
            raise check.fail("transition", "expected a Ritual, e.g. the built-in transition")

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.hours, WorkingHours):
            raise check.fail(
                "hours",
                "expected WorkingHours or a (start, end) pair of datetime.time values, "
                + check.got(self.hours),
            )
        if self.lunch_end <= self.lunch_start:
            raise check.fail("lunch_end", "expected the end of the lunch window after its start")
        window = _of(self.lunch_end) - _of(self.lunch_start)
        label = f"{self.lunch_start:%H:%M}–{self.lunch_end:%H:%M}"
        if self.lunch_minutes > window:
            raise check.fail(
                "lunch_minutes",
                f"a {self.lunch_minutes}-minute lunch does not fit the {window}-minute lunch "
                f"window ({label}); widen the window or shorten lunch",
            )
        open_ = max(_of(self.lunch_start), _of(self.hours.start))
        close = min(_of(self.lunch_end), _of(self.hours.end))
        if self.lunch_minutes and close - open_ < self.lunch_minutes:
            raise check.fail(
                "lunch_start",
                f"the lunch window ({label}) leaves no room for a {self.lunch_minutes}-minute "
                f"lunch inside the working hours ({self.hours.start:%H:%M}–"
                f"{self.hours.end:%H:%M}); move the window or set lunch_minutes=0",
            )


def _of(time: dt.time) -> int:
    return time.hour * 60 + time.minute
